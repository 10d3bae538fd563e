// `actionbridge tokens create|list|revoke`: bearer tokens for the MCP endpoint
// (/mcp). A token acts as exactly one user, with that user's permissions; it is
// printed once and stored only as its SHA-256. Works while a server runs.
import type { Command } from 'commander';
import { UsageError, checkAccount } from '../identities.js';
import { userArn } from '../auth/arns.js';
import type { Store } from '../store/store.js';
import type { UserRecord } from '../domain/types.js';
import { hashMcpToken, mcpTokenStatus, newMcpToken, parseDuration } from '../domain/mcp-tokens.js';
import { configOf, examples, listOptions, print, printList, storeOptions, values, type Values } from './common.js';

const iso = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString());

/** Mints a token for a user and stores its hash; returns the token (the only time it exists in clear). */
export async function createMcpToken(
  store: Store,
  o: { user: UserRecord; region: string; description?: string | null; expiresAt?: number | null; now?: number },
) {
  const { token, tokenId, tokenHash } = newMcpToken();
  await store.mcpTokens.putMcpToken({
    tokenId,
    tokenHash,
    accountId: o.user.accountId,
    userName: o.user.userName,
    userCreatedAt: o.user.createdAt,
    region: o.region,
    description: o.description ? o.description.slice(0, 256) : null,
    createdAt: o.now ?? Date.now(),
    expiresAt: o.expiresAt ?? null,
    revokedAt: null,
  });
  return { token, tokenId };
}

export async function tokensCommand(sub: string, v: Values): Promise<number> {
  const need = (k: string): string => {
    const x = v[k];
    if (typeof x !== 'string' || !x) throw new UsageError(`--${k} is required`);
    return x;
  };
  const cfg = configOf(v);
  const { openStore } = await import('../store/open.js');
  const store = await openStore({
    dataDir: cfg.dataDir,
    databaseUrl: cfg.databaseUrl,
    postgres: { ...cfg.postgres, poolSize: Math.min(cfg.postgres.poolSize, 2) },
  });
  try {
    const now = Date.now();
    switch (sub) {
      case 'create': {
        const account = need('account');
        checkAccount(account);
        const name = need('user');
        const user = await store.identities.getUser(account, name);
        if (!user) throw new UsageError(`no user ${name} in account ${account}`);
        let expiresAt: number | null = null;
        if (v['expires-in'] !== undefined) {
          const ms = parseDuration(v['expires-in'] as string);
          if (ms === undefined) throw new UsageError('--expires-in must be a duration such as 30d, 12h, 90m or 3600s');
          expiresAt = now + ms;
        }
        const description = typeof v.description === 'string' ? v.description : null;
        const { token, tokenId } = await createMcpToken(store, { user, region: cfg.region, description, expiresAt, now });
        print({
          Token: token,
          TokenId: tokenId,
          UserArn: userArn(cfg.region, account, name),
          Region: cfg.region,
          ...(expiresAt !== null ? { ExpiresAt: iso(expiresAt) } : {}),
          Note: 'Shown only now: ActionBridge keeps only its hash. Send it as `Authorization: Bearer <Token>` to /mcp.',
        });
        return 0;
      }
      case 'list': {
        const list = await store.mcpTokens.listMcpTokens(v.account as string | undefined, v.user as string | undefined);
        printList(
          v,
          {
            Tokens: list.map((t) => ({
              TokenId: t.tokenId,
              Account: t.accountId,
              UserName: t.userName,
              UserArn: userArn(t.region, t.accountId, t.userName),
              Region: t.region,
              ...(t.description ? { Description: t.description } : {}),
              Status: mcpTokenStatus(t, now),
              Created: iso(t.createdAt),
              ...(t.expiresAt !== null ? { Expires: iso(t.expiresAt) } : {}),
              ...(t.revokedAt !== null ? { Revoked: iso(t.revokedAt) } : {}),
            })),
          },
          'Tokens',
          ['TokenId', 'Account', 'UserName', 'Status', 'Created', 'Expires', 'Description'],
        );
        return 0;
      }
      case 'revoke': {
        let id = v['token-id'] as string | undefined;
        if (!id && typeof v.token === 'string') id = (await store.mcpTokens.getMcpTokenByHash(hashMcpToken(v.token)))?.tokenId;
        if (!id && !v.token) throw new UsageError('--token-id (or --token) is required');
        if (!id || !(await store.mcpTokens.revokeMcpToken(id, now))) throw new UsageError(`no active token ${id ?? '(that token)'}`);
        print({ Revoked: id });
        return 0;
      }
      default:
        throw new UsageError(`tokens: unknown subcommand '${sub}'`);
    }
  } finally {
    await store.close();
  }
}

/** `tokens create|list|revoke` on the program; `setCode` receives the exit code. */
export function registerTokenCommands(program: Command, setCode: (code: number) => void): void {
  const tokens = program.command('tokens').description('bearer tokens for the MCP endpoint (/mcp), each acting as one user');
  examples(tokens, 'actionbridge tokens create --account 111122223333 --user alice', 'actionbridge tokens list --help');
  const sub = (name: string, description: string, build: (c: Command) => Command, ...ex: string[]) => {
    const c = build(storeOptions(tokens.command(name).description(description)));
    examples(c, ...ex);
    c.action(async (_o, cmd: Command) => setCode(await tokensCommand(name, values(cmd))));
  };
  sub(
    'create',
    'a bearer token for /mcp acting as a user, printed once (only its hash is kept)',
    (c) =>
      c
        .option('--account <id>', 'the account (required)')
        .option('--user <name>', 'the user the token acts as (required)')
        .option('--expires-in <duration>', 'lifetime such as 30d, 12h, 90m or 3600s (default: never expires)')
        .option('--description <text>', 'what the token is for'),
    'actionbridge tokens create --account 111122223333 --user alice --expires-in 30d --description "Claude Desktop"',
  );
  sub(
    'list',
    'the tokens (never the tokens themselves), with their status',
    (c) => listOptions(c.option('--account <id>', 'only this account').option('--user <name>', 'only this user')),
    'actionbridge tokens list --account 111122223333 --user alice',
  );
  sub(
    'revoke',
    'revoke a token at once, by its id or the token itself',
    (c) => c.option('--token-id <id>', 'the token id (from tokens list)').option('--token <token>', 'the token itself'),
    'actionbridge tokens revoke --token-id 4f2a9c1e7b3d',
  );
}
