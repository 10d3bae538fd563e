// `actionbridge tokens create|list|revoke`: bearer tokens for the MCP endpoint
// (/mcp). A token acts as exactly one user, with that user's permissions; it is
// printed once and stored only as its SHA-256. Works while a server runs.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, resolveConfig, type Config, type Flags } from '../config.js';
import { openStore } from '../store/open.js';
import { UsageError, checkAccount } from '../identities.js';
import { userArn } from '../auth/arns.js';
import type { Store } from '../store/store.js';
import type { UserRecord } from '../domain/types.js';
import { hashMcpToken, mcpTokenStatus, newMcpToken, parseDuration } from '../domain/mcp-tokens.js';

export const TOKENS_HELP = `  actionbridge tokens create --account A --user N [--expires-in 30d] [--description TEXT]
                                  a bearer token for /mcp acting as user N, printed once
  actionbridge tokens list [--account A] [--user N]
  actionbridge tokens revoke --token-id ID | --token TOKEN
`;

const options = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  region: { type: 'string' },
  config: { type: 'string' },
  account: { type: 'string' },
  user: { type: 'string' },
  'expires-in': { type: 'string' },
  description: { type: 'string' },
  'token-id': { type: 'string' },
  token: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const print = (o: unknown) => process.stdout.write(`${JSON.stringify(o, null, 2)}\n`);
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

export async function tokensCommand(sub: string | undefined, args: string[]): Promise<number> {
  let v: Record<string, string | boolean | undefined>;
  try {
    v = parseArgs({ args, options, allowPositionals: false, strict: true }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (v.help || sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
    process.stdout.write(TOKENS_HELP);
    return 0;
  }
  const need = (k: string): string => {
    const x = v[k];
    if (typeof x !== 'string' || !x) throw new UsageError(`--${k} is required`);
    return x;
  };
  let cfg: Config;
  try {
    cfg = resolveConfig(v as Flags);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
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
        print({
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
        });
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
        throw new UsageError(`tokens: unknown subcommand '${sub}' (create, list, revoke)`);
    }
  } finally {
    await store.close();
  }
}
