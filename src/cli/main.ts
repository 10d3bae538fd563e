// `actionbridge` command line: serve, and identity and key administration that
// works against the data dir (or database) while a server runs.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, FLAG_NAMES, resolveConfig, type Config, type Flags } from '../config.js';
import { backupCommand, restoreCommand } from './backup.js';
import { doctorCommand } from './doctor.js';
import { openStore } from '../store/open.js';
import { KeyRing } from '../crypto/keyring.js';
import { UsageError, addUser, checkAccount, checkName, checkRole, createAccessKey, resetAdmin } from '../identities.js';
import { rotateSecrets } from '../crypto/rotate.js';
import { setConsolePassword } from './console-password.js';
import { groupArn, userArn } from '../auth/arns.js';
import { ACTIONS_HELP, actionsCommand, mcpCommand } from './actions.js';
import { TOKENS_HELP, tokensCommand } from './tokens.js';

const HELP = `actionbridge — a self-hosted Amazon QuickSight action-connector service

Usage:
  actionbridge serve [--host 127.0.0.1] [--port 4599] [--data-dir DIR] [--database-url postgres://...]
                     [--region us-east-1] [--egress-allow CIDR]... [--ca-file PEM] [--config FILE]
                     [--log-level info] [--metrics-port PORT|off] [--metrics-host 127.0.0.1]
                     [--shutdown-timeout-ms 25000] [--throttle-rate N] [--throttle-burst N] [--body-limit BYTES]
                     [--public-url URL] [--sts-endpoint URL] [--nodes N] [--pg-pool-size N] [--pg-statement-timeout-ms MS]
                     [--audit-retention-days N] [--trust-proxy on|off|ADDR,...]
  actionbridge users add --account A --name N --role ADMIN|AUTHOR|READER [--group G]...
  actionbridge users list [--account A]
  actionbridge users remove --account A --name N
  actionbridge users set-password --account A --name N [--password-stdin]   console password (stdin, or a prompt)
  actionbridge users reset-admin --account A [--name admin]   recovery: (re)create or promote an ADMIN, print a NEW access key
  actionbridge groups add|remove --account A --name G
  actionbridge groups add-member|remove-member --account A --name G --user N
  actionbridge groups list [--account A]
  actionbridge keys create --account A --user N
  actionbridge keys list [--account A] [--user N]
  actionbridge keys deactivate|activate|delete --access-key-id ID
  actionbridge keys rotate        re-seal every secret under a new master key
  actionbridge keys retire        forget master keys no secret uses any more
  actionbridge config check FILE  validate a config file (YAML or JSON) without starting
  actionbridge backup FILE [--force]    consistent snapshot of the SQLite database, while a server runs
  actionbridge restore FILE [--force]   put a backup in place (the data dir's server must be stopped)
  actionbridge doctor [--config F]      check configuration, database, master key, CA file, VPC proxies
${TOKENS_HELP}${ACTIONS_HELP}
Every command but serve also takes [--data-dir DIR | --database-url URL] and works while a server runs.
Environment: ACTIONBRIDGE_ACCOUNT_ID, ACTIONBRIDGE_ACCESS_KEY_ID, ACTIONBRIDGE_SECRET_ACCESS_KEY (bootstrap admin; empty database only),
ACTIONBRIDGE_MASTER_KEY (base64, 32 bytes), ACTIONBRIDGE_DATA_DIR, ACTIONBRIDGE_DATABASE_URL, ACTIONBRIDGE_REGION,
ACTIONBRIDGE_HOST, ACTIONBRIDGE_PORT, ACTIONBRIDGE_CONFIG, ACTIONBRIDGE_EGRESS_ALLOW, ACTIONBRIDGE_CA_FILE,
ACTIONBRIDGE_LOG_LEVEL, ACTIONBRIDGE_THROTTLE_RATE, ACTIONBRIDGE_THROTTLE_BURST, ACTIONBRIDGE_BODY_LIMIT,
ACTIONBRIDGE_PUBLIC_URL, ACTIONBRIDGE_STS_ENDPOINT, ACTIONBRIDGE_NODES, ACTIONBRIDGE_PG_POOL_SIZE,
ACTIONBRIDGE_PG_STATEMENT_TIMEOUT_MS, ACTIONBRIDGE_METRICS_PORT, ACTIONBRIDGE_METRICS_HOST,
ACTIONBRIDGE_SHUTDOWN_TIMEOUT_MS, ACTIONBRIDGE_AUDIT_RETENTION_DAYS, ACTIONBRIDGE_VPC_CONNECTIONS (JSON).
Precedence: flag > environment variable > config file (--config, YAML or JSON) > default.
`;

const common = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  region: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...common, ...options }, allowPositionals: false, strict: true }).values as Record<
      string,
      string | string[] | boolean | undefined
    >;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function baseConfig(v: Record<string, unknown>): Config {
  try {
    return resolveConfig(v as Flags);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}

const print = (o: unknown) => process.stdout.write(`${JSON.stringify(o, null, 2)}\n`);
const need = (v: Record<string, unknown>, k: string): string => {
  const x = v[k];
  if (typeof x !== 'string' || !x) throw new UsageError(`--${k} is required`);
  return x;
};

async function withStore<T>(
  v: Record<string, unknown>,
  fn: (store: Awaited<ReturnType<typeof openStore>>, keys: KeyRing, cfg: Config) => Promise<T>,
): Promise<T> {
  const cfg = baseConfig(v);
  const store = await openStore({
    dataDir: cfg.dataDir,
    databaseUrl: cfg.databaseUrl,
    postgres: { ...cfg.postgres, poolSize: Math.min(cfg.postgres.poolSize, 2) },
  });
  try {
    const keys = KeyRing.load({ dataDir: cfg.dataDir });
    return await fn(store, keys, cfg);
  } finally {
    await store.close();
  }
}

async function serve(args: string[]) {
  const v = parse(args, {
    ...Object.fromEntries(FLAG_NAMES.map((f) => [f, { type: 'string' as const }])),
    'egress-allow': { type: 'string', multiple: true },
    config: { type: 'string' },
  });
  if (v.help) {
    process.stdout.write(HELP);
    return;
  }
  const cfg = baseConfig(v);
  // Loaded here, not at the top: the other commands start faster without the server's modules.
  const { startServer, createLogger } = await import('../server/start.js');
  const log = createLogger(cfg.logLevel);
  const server = await startServer(cfg, log);
  const b = server.bootstrap;
  const lines = [
    `ActionBridge listening on ${server.endpoint}`,
    `  data: ${cfg.databaseUrl ? 'PostgreSQL' : cfg.dataDir}   region: ${cfg.region}${b.accountId ? `   account: ${b.accountId}` : ''}`,
  ];
  if (b.accessKeyId) lines.push(`  admin access key id: ${b.accessKeyId}${b.applied ? '' : ' (bootstrap; the database was not empty, so it was not changed)'}`);
  else lines.push(`  admin: the database already has users; to recover an admin: actionbridge users reset-admin --account A`);
  if (b.generatedSecret) {
    lines.push(`  admin secret access key: ${b.generatedSecret}`, `  (generated on first start and shown only now; kept in ${b.file}, mode 0600)`);
  } else if (b.file) {
    lines.push(`  admin secret access key: in ${b.file}`);
  }
  if (server.metricsEndpoint) lines.push(`  metrics: ${server.metricsEndpoint}`);
  lines.push(`  console: ${server.endpoint}/console/  (sign in with an access key, or a password set by 'actionbridge users set-password')`);
  if (b.accessKeyId)
    lines.push(
      `  try: AWS_ACCESS_KEY_ID=${b.accessKeyId} AWS_SECRET_ACCESS_KEY=... aws quicksight list-action-connectors --aws-account-id ${b.accountId} --endpoint-url ${server.endpoint} --region ${cfg.region}`,
    );
  process.stderr.write(`${lines.join('\n')}\n`);

  // First signal: stop accepting connections, let requests in flight finish within
  // shutdownTimeoutMs, close the database; exit 0, or 1 if requests had to be cut.
  // A second signal exits at once (130).
  let stopping = false;
  const stop = (sig: string) => {
    if (stopping) {
      process.stderr.write(`${sig} again: exiting now\n`);
      process.exit(130);
    }
    stopping = true;
    log.info({ signal: sig, timeoutMs: cfg.shutdownTimeoutMs }, 'shutting down: no new connections, finishing requests in flight');
    // Backstop, should closing itself hang.
    setTimeout(() => {
      log.error('shutdown did not complete: exiting');
      process.exit(1);
    }, cfg.shutdownTimeoutMs + 10_000).unref();
    server.shutdown(cfg.shutdownTimeoutMs).then(
      ({ forced }) => {
        log.info({ forced }, forced ? 'stopped: requests still in flight at the bound were cut' : 'stopped: every request finished');
        process.exit(forced ? 1 : 0);
      },
      (e) => {
        log.error({ err: String(e) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function users(sub: string | undefined, args: string[]) {
  const v = parse(args, {
    account: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    group: { type: 'string', multiple: true },
    config: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  });
  await withStore(v, async (store, keys, cfg) => {
    switch (sub) {
      case 'reset-admin':
        print(await resetAdmin(store, keys, cfg.region, { accountId: need(v, 'account'), ...(typeof v.name === 'string' ? { name: v.name } : {}) }));
        return;
      case 'set-password':
        print(await setConsolePassword(store, cfg.region, need(v, 'account'), need(v, 'name'), v['password-stdin'] === true));
        return;
      case 'add': {
        const role = checkRole(need(v, 'role'));
        print(
          await addUser(store, keys, cfg.region, {
            accountId: need(v, 'account'),
            name: need(v, 'name'),
            role,
            groups: (v.group as string[] | undefined) ?? [],
          }),
        );
        return;
      }
      case 'list': {
        const list = await store.identities.listUsers(v.account as string | undefined);
        print({
          Users: await Promise.all(
            list.map(async (u) => ({
              UserArn: userArn(cfg.region, u.accountId, u.userName),
              Account: u.accountId,
              UserName: u.userName,
              Role: u.role,
              Groups: await store.identities.groupsOf(u.accountId, u.userName),
            })),
          ),
        });
        return;
      }
      case 'remove': {
        const account = need(v, 'account');
        const name = need(v, 'name');
        if (!(await store.identities.deleteUser(account, name, userArn(cfg.region, account, name))))
          throw new UsageError(`no user ${name} in account ${account}`);
        print({ Removed: userArn(cfg.region, account, name) });
        return;
      }
      default:
        throw new UsageError(`users: unknown subcommand '${sub ?? ''}' (add, list, remove, set-password, reset-admin)`);
    }
  });
}

async function groups(sub: string | undefined, args: string[]) {
  const v = parse(args, { account: { type: 'string' }, name: { type: 'string' }, user: { type: 'string' }, config: { type: 'string' } });
  await withStore(v, async (store, _keys, cfg) => {
    const account = () => {
      const a = need(v, 'account');
      checkAccount(a);
      return a;
    };
    const name = () => {
      const n = need(v, 'name');
      checkName('group', n);
      return n;
    };
    switch (sub) {
      case 'add': {
        const a = account();
        const n = name();
        await store.identities.putGroup(a, n);
        print({ Group: n, Account: a });
        return;
      }
      case 'remove': {
        const a = account();
        const n = name();
        if (!(await store.identities.deleteGroup(a, n, groupArn(cfg.region, a, n)))) throw new UsageError(`no group ${n} in account ${a}`);
        print({ Removed: n });
        return;
      }
      case 'add-member': {
        const a = account();
        const n = name();
        const u = need(v, 'user');
        if (!(await store.identities.getUser(a, u))) throw new UsageError(`no user ${u} in account ${a}`);
        await store.identities.addMember(a, n, u);
        print({ Group: n, Added: u });
        return;
      }
      case 'remove-member': {
        const a = account();
        const n = name();
        const u = need(v, 'user');
        if (!(await store.identities.removeMember(a, n, u))) throw new UsageError(`${u} is not a member of ${n}`);
        print({ Group: n, Removed: u });
        return;
      }
      case 'list':
        print({ Groups: await store.identities.listGroups(v.account as string | undefined) });
        return;
      default:
        throw new UsageError(`groups: unknown subcommand '${sub ?? ''}' (add, remove, add-member, remove-member, list)`);
    }
  });
}

async function keysCmd(sub: string | undefined, args: string[]) {
  const v = parse(args, { account: { type: 'string' }, user: { type: 'string' }, 'access-key-id': { type: 'string' }, config: { type: 'string' } });
  await withStore(v, async (store, keys) => {
    switch (sub) {
      case 'create': {
        const a = need(v, 'account');
        const u = need(v, 'user');
        if (!(await store.identities.getUser(a, u))) throw new UsageError(`no user ${u} in account ${a}`);
        print(await createAccessKey(store, keys, a, u));
        return;
      }
      case 'list': {
        const list = await store.identities.listAccessKeys(v.account as string | undefined, v.user as string | undefined);
        print({
          AccessKeys: list.map((k) => ({
            AccessKeyId: k.accessKeyId,
            Account: k.accountId,
            UserName: k.userName,
            Status: k.status,
            Created: new Date(k.createdAt).toISOString(),
          })),
        });
        return;
      }
      case 'deactivate':
      case 'activate': {
        const id = need(v, 'access-key-id');
        if (!(await store.identities.setAccessKeyStatus(id, sub === 'activate' ? 'ACTIVE' : 'INACTIVE'))) throw new UsageError(`no access key ${id}`);
        print({ AccessKeyId: id, Status: sub === 'activate' ? 'ACTIVE' : 'INACTIVE' });
        return;
      }
      case 'delete': {
        const id = need(v, 'access-key-id');
        if (!(await store.identities.deleteAccessKey(id))) throw new UsageError(`no access key ${id}`);
        print({ Deleted: id });
        return;
      }
      case 'rotate':
        print(await rotateSecrets(store, keys, { newKey: true }));
        return;
      case 'retire': {
        const r = await rotateSecrets(store, keys, { newKey: false });
        if (r.Remaining > 0) throw new UsageError(`${r.Remaining} secrets still use old keys; run 'keys rotate' first`);
        print({ ...r, Retired: keys.keyFile ? keys.retireOld() : [] });
        return;
      }
      default:
        throw new UsageError(`keys: unknown subcommand '${sub ?? ''}' (create, list, activate, deactivate, delete, rotate, retire)`);
    }
  });
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'serve':
        await serve(rest);
        return -1;
      case 'users':
        await users(rest[0], rest.slice(1));
        return 0;
      case 'groups':
        await groups(rest[0], rest.slice(1));
        return 0;
      case 'keys':
        await keysCmd(rest[0], rest.slice(1));
        return 0;
      case 'backup':
        return await backupCommand(rest);
      case 'restore':
        return await restoreCommand(rest);
      case 'doctor':
        return await doctorCommand(rest);
      case 'tokens':
        return await tokensCommand(rest[0], rest.slice(1));
      case 'actions':
        return await actionsCommand(rest[0], rest.slice(1));
      case 'mcp':
        return await mcpCommand(rest);
      case 'config': {
        if (rest[0] !== 'check' || !rest[1]) throw new UsageError('usage: actionbridge config check FILE');
        const cfg = baseConfig({ config: rest[1] });
        print({
          Valid: true,
          File: rest[1],
          Resolved: { ...cfg, databaseUrl: cfg.databaseUrl ? cfg.databaseUrl.replace(/\/\/[^@/]*@/, '//***@') : undefined },
        });
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(HELP);
        return 0;
      default:
        throw new UsageError(`unknown command '${cmd}'`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`actionbridge: ${e.message}\n(see 'actionbridge help')\n`);
      return 2;
    }
    process.stderr.write(`actionbridge: ${(e as Error).message}\n`);
    return 1;
  }
}
