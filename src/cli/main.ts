// `actionbridge` command line (commander): serve, identity and key administration that
// works against the data dir (or database) while a server runs, backup/restore, doctor,
// MCP tokens, and the client commands (actions, mcp). Exit codes: 0 ok, 2 usage error
// (unknown command or option, missing or bad value), 1 runtime or server error.
import { readFileSync } from 'node:fs';
import { Argument, Command, CommanderError, Option } from 'commander';
import { FLAG_NAMES, type Config } from '../config.js';
// The modules of the commands themselves (store, SQLite, PostgreSQL, crypto) are imported when
// a command runs, so that --help, --version and completion start fast.
import type { openStore } from '../store/open.js';
import type { KeyRing } from '../crypto/keyring.js';
import { UsageError, addUser, checkAccount, checkName, checkRole, createAccessKey, resetAdmin } from '../identities.js';
import { groupArn, userArn } from '../auth/arns.js';
import { registerActionCommands } from './actions.js';
import { registerTokenCommands } from './tokens.js';
import { completionScript } from './completion.js';
import { serveFlagDescription, SERVE_FLAGS } from './serve-flags.js';
import { collect, configOf, examples, listOptions, need, print, printList, progressOf, progressOption, storeOptions, values, type Values } from './common.js';
import type { Flags } from '../config.js';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const ENVIRONMENT = `
Environment: ACTIONBRIDGE_ACCOUNT_ID, ACTIONBRIDGE_ACCESS_KEY_ID, ACTIONBRIDGE_SECRET_ACCESS_KEY (bootstrap admin; empty database only),
ACTIONBRIDGE_MASTER_KEY (base64, 32 bytes), ACTIONBRIDGE_DATA_DIR, ACTIONBRIDGE_DATABASE_URL, ACTIONBRIDGE_REGION,
ACTIONBRIDGE_HOST, ACTIONBRIDGE_PORT, ACTIONBRIDGE_CONFIG, ACTIONBRIDGE_EGRESS_ALLOW, ACTIONBRIDGE_CA_FILE,
ACTIONBRIDGE_LOG_LEVEL, ACTIONBRIDGE_THROTTLE_RATE, ACTIONBRIDGE_THROTTLE_BURST, ACTIONBRIDGE_BODY_LIMIT,
ACTIONBRIDGE_PUBLIC_URL, ACTIONBRIDGE_STS_ENDPOINT, ACTIONBRIDGE_NODES, ACTIONBRIDGE_PG_POOL_SIZE,
ACTIONBRIDGE_PG_STATEMENT_TIMEOUT_MS, ACTIONBRIDGE_METRICS_PORT, ACTIONBRIDGE_METRICS_HOST,
ACTIONBRIDGE_SHUTDOWN_TIMEOUT_MS, ACTIONBRIDGE_AUDIT_RETENTION_DAYS, ACTIONBRIDGE_TRUST_PROXY, ACTIONBRIDGE_VPC_CONNECTIONS (JSON).
Precedence: flag > environment variable > config file (--config, YAML or JSON) > default.
`;

async function withStore<T>(v: Values, fn: (store: Awaited<ReturnType<typeof openStore>>, keys: KeyRing, cfg: Config) => Promise<T>): Promise<T> {
  const cfg = configOf(v);
  const { openStore } = await import('../store/open.js');
  const { KeyRing } = await import('../crypto/keyring.js');
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

/** The server's flags (FLAG_NAMES) and --config, on serve and doctor. */
function serverOptions(cmd: Command): Command {
  for (const name of FLAG_NAMES) {
    const o = new Option(`--${name} <${SERVE_FLAGS[name].value.toLowerCase()}>`, serveFlagDescription(name));
    if (name === 'egress-allow') o.argParser(collect);
    cmd.addOption(o);
  }
  return cmd.option('--config <file>', 'config file, YAML or JSON (unknown keys are errors) [ACTIONBRIDGE_CONFIG]');
}

async function serve(v: Values): Promise<void> {
  const cfg = configOf(v);
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

async function users(sub: string, v: Values) {
  await withStore(v, async (store, keys, cfg) => {
    switch (sub) {
      case 'reset-admin':
        print(await resetAdmin(store, keys, cfg.region, { accountId: need(v, 'account'), ...(typeof v.name === 'string' ? { name: v.name } : {}) }));
        return;
      case 'set-password':
        print(
          await (await import('./console-password.js')).setConsolePassword(
            store,
            cfg.region,
            need(v, 'account'),
            need(v, 'name'),
            v['password-stdin'] === true,
          ),
        );
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
        printList(
          v,
          {
            Users: await Promise.all(
              list.map(async (u) => ({
                UserArn: userArn(cfg.region, u.accountId, u.userName),
                Account: u.accountId,
                UserName: u.userName,
                Role: u.role,
                Groups: await store.identities.groupsOf(u.accountId, u.userName),
              })),
            ),
          },
          'Users',
          ['Account', 'UserName', 'Role', 'Groups', 'UserArn'],
        );
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
        throw new UsageError(`users: unknown subcommand '${sub}'`);
    }
  });
}

async function groups(sub: string, v: Values) {
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
        printList(v, { Groups: await store.identities.listGroups(v.account as string | undefined) }, 'Groups');
        return;
      default:
        throw new UsageError(`groups: unknown subcommand '${sub}'`);
    }
  });
}

async function keysCmd(sub: string, v: Values) {
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
        printList(
          v,
          {
            AccessKeys: list.map((k) => ({
              AccessKeyId: k.accessKeyId,
              Account: k.accountId,
              UserName: k.userName,
              Status: k.status,
              Created: new Date(k.createdAt).toISOString(),
            })),
          },
          'AccessKeys',
        );
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
        print(await (await import('../crypto/rotate.js')).rotateSecrets(store, keys, { newKey: true, progress: progressOf(v) }));
        return;
      case 'retire': {
        const r = await (await import('../crypto/rotate.js')).rotateSecrets(store, keys, { newKey: false, progress: progressOf(v) });
        if (r.Remaining > 0) throw new UsageError(`${r.Remaining} secrets still use old keys; run 'keys rotate' first`);
        print({ ...r, Retired: keys.keyFile ? keys.retireOld() : [] });
        return;
      }
      default:
        throw new UsageError(`keys: unknown subcommand '${sub}'`);
    }
  });
}

/** The whole command tree. `setCode` receives the exit code of the command that ran (-1: keep running, serve). */
export function buildProgram(setCode: (code: number) => void): Command {
  const program = new Command('actionbridge')
    .description('ActionBridge: a self-hosted Amazon QuickSight action-connector service')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for the command')
    .exitOverride()
    .showSuggestionAfterError(true)
    .showHelpAfterError("(add --help for the command's usage)")
    .configureOutput({ outputError: (str, write) => write(`actionbridge: ${str.replace(/^error: /, '')}`) })
    .addHelpText(
      'after',
      `
Every command but serve and the client commands (actions, mcp) also takes --data-dir DIR | --database-url URL
and works while a server runs. 'actionbridge COMMAND --help' shows a command's options and examples.
${ENVIRONMENT}
Examples:
  $ actionbridge serve --data-dir ./data
  $ actionbridge users add --account 111122223333 --name alice --role AUTHOR --data-dir ./data
  $ actionbridge completion bash > /etc/bash_completion.d/actionbridge
`,
    );
  // Subcommands inherit exitOverride, output and suggestion settings from the program at creation.
  const ok = (fn: (v: Values) => Promise<unknown>) => async (_o: unknown, cmd: Command) => {
    await fn(values(cmd));
    setCode(0);
  };

  const serveCmd = serverOptions(program.command('serve').description('start the server (SQLite in --data-dir, or PostgreSQL with --database-url)'));
  serveCmd.addHelpText(
    'after',
    `
On an empty database, ACTIONBRIDGE_ACCOUNT_ID (and optionally ACTIONBRIDGE_ACCESS_KEY_ID / ACTIONBRIDGE_SECRET_ACCESS_KEY)
create the first ADMIN; without a secret one is generated and printed once. SIGTERM/SIGINT stop it gracefully.
Precedence: flag > environment variable > config file (--config) > default.`,
  );
  examples(
    serveCmd,
    'ACTIONBRIDGE_ACCOUNT_ID=111122223333 actionbridge serve --data-dir ./data',
    'actionbridge serve --host 0.0.0.0 --port 8080 --database-url postgres://ab@db/actionbridge --egress-allow 10.0.0.0/8',
  );
  serveCmd.action(async (_o, cmd: Command) => {
    await serve(values(cmd));
    setCode(-1);
  });

  // users
  const usersCmd = program.command('users').description('users of an account: add, list, remove, console passwords, admin recovery');
  examples(usersCmd, 'actionbridge users add --account 111122223333 --name alice --role AUTHOR', 'actionbridge users add --help');
  const userSub = (name: string, description: string, build: (c: Command) => Command, ...ex: string[]) => {
    const c = build(storeOptions(usersCmd.command(name).description(description)));
    examples(c, ...ex);
    c.action(ok((v) => users(name, v)));
  };
  userSub(
    'add',
    'add a user with a role and print its first access key (the secret is shown only now)',
    (c) =>
      c
        .option('--account <id>', 'the account, 12 digits (required)')
        .option('--name <name>', 'the user name (required)')
        .option('--role <role>', 'ADMIN, AUTHOR or READER (required)')
        .option('--group <group>', 'a group to put the user in (repeatable)', collect),
    'actionbridge users add --account 111122223333 --name alice --role AUTHOR --group ops',
  );
  userSub(
    'list',
    'the users, their roles and groups',
    (c) => listOptions(c.option('--account <id>', 'only this account')),
    'actionbridge users list --account 111122223333',
    'actionbridge users list --json | jq -r .Users[].UserName',
  );
  userSub(
    'remove',
    'remove a user (its access keys, tokens and permissions go with it)',
    (c) => c.option('--account <id>', 'the account (required)').option('--name <name>', 'the user (required)'),
    'actionbridge users remove --account 111122223333 --name alice',
  );
  userSub(
    'set-password',
    "set a user's console password (from stdin, or a prompt)",
    (c) =>
      c
        .option('--account <id>', 'the account (required)')
        .option('--name <name>', 'the user (required)')
        .option('--password-stdin', 'read the password from stdin instead of prompting'),
    'printf "%s" "$PASSWORD" | actionbridge users set-password --account 111122223333 --name alice --password-stdin',
  );
  userSub(
    'reset-admin',
    'recovery: (re)create or promote an ADMIN and print a NEW access key',
    (c) => c.option('--account <id>', 'the account (required)').option('--name <name>', 'the admin user (default: admin)'),
    'actionbridge users reset-admin --account 111122223333 --data-dir ./data',
  );

  // groups
  const groupsCmd = program.command('groups').description('groups of users (permissions can name a group)');
  examples(groupsCmd, 'actionbridge groups add --account 111122223333 --name ops', 'actionbridge groups add-member --help');
  const groupSub = (name: string, description: string, build: (c: Command) => Command, ...ex: string[]) => {
    const c = build(storeOptions(groupsCmd.command(name).description(description)));
    examples(c, ...ex);
    c.action(ok((v) => groups(name, v)));
  };
  const accountName = (c: Command) => c.option('--account <id>', 'the account (required)').option('--name <group>', 'the group (required)');
  groupSub('add', 'create a group', accountName, 'actionbridge groups add --account 111122223333 --name ops');
  groupSub('remove', 'delete a group', accountName, 'actionbridge groups remove --account 111122223333 --name ops');
  groupSub(
    'add-member',
    'put a user in a group',
    (c) => accountName(c).option('--user <name>', 'the user (required)'),
    'actionbridge groups add-member --account 111122223333 --name ops --user alice',
  );
  groupSub(
    'remove-member',
    'take a user out of a group',
    (c) => accountName(c).option('--user <name>', 'the user (required)'),
    'actionbridge groups remove-member --account 111122223333 --name ops --user alice',
  );
  groupSub(
    'list',
    'the groups and their members',
    (c) => listOptions(c.option('--account <id>', 'only this account')),
    'actionbridge groups list --account 111122223333',
  );

  // keys
  const keysCmdGroup = program.command('keys').description('access keys of users, and the master key that seals secrets');
  examples(keysCmdGroup, 'actionbridge keys create --account 111122223333 --user alice', 'actionbridge keys rotate --help');
  const keySub = (name: string, description: string, build: (c: Command) => Command, ...ex: string[]) => {
    const c = build(storeOptions(keysCmdGroup.command(name).description(description)));
    examples(c, ...ex);
    c.action(ok((v) => keysCmd(name, v)));
  };
  keySub(
    'create',
    'a new access key for a user (the secret is shown only now)',
    (c) => c.option('--account <id>', 'the account (required)').option('--user <name>', 'the user (required)'),
    'actionbridge keys create --account 111122223333 --user alice',
  );
  keySub(
    'list',
    'access keys (never their secrets)',
    (c) => listOptions(c.option('--account <id>', 'only this account').option('--user <name>', 'only this user')),
    'actionbridge keys list --account 111122223333 --user alice',
  );
  for (const [name, what] of [
    ['activate', 'let an access key sign requests again'],
    ['deactivate', 'stop an access key from signing requests (it can be activated again)'],
    ['delete', 'delete an access key for good'],
  ] as const) {
    keySub(name, what, (c) => c.option('--access-key-id <id>', 'the access key (required)'), `actionbridge keys ${name} --access-key-id AKIAIOSFODNN7EXAMPLE`);
  }
  keySub(
    'rotate',
    're-seal every secret under a new master key (running servers pick it up)',
    progressOption,
    'actionbridge keys rotate --data-dir ./data --progress',
  );
  keySub('retire', 'forget master keys no secret uses any more (after keys rotate)', progressOption, 'actionbridge keys retire --data-dir ./data');

  // config
  const configCmd = program.command('config').description('the configuration file');
  examples(configCmd, 'actionbridge config check config.yaml');
  examples(
    configCmd
      .command('check')
      .description('validate a config file (YAML or JSON) without starting, and print the resolved configuration')
      .argument('<file>', 'the config file'),
    'actionbridge config check /etc/actionbridge/config.yaml',
  ).action((file: string) => {
    const cfg = configOf({ config: file });
    print({
      Valid: true,
      File: file,
      Resolved: { ...cfg, databaseUrl: cfg.databaseUrl ? cfg.databaseUrl.replace(/\/\/[^@/]*@/, '//***@') : undefined },
    });
    setCode(0);
  });

  // backup, restore
  for (const [name, description, ex] of [
    [
      'backup',
      'consistent snapshot of the SQLite database into FILE, while a server runs (the master key is not in it)',
      'actionbridge backup /backups/ab-$(date +%F).db --data-dir ./data',
    ],
    ['restore', "put a backup in place (the data dir's server must be stopped)", 'actionbridge restore /backups/ab-2026-12-01.db --data-dir ./data --force'],
  ] as const) {
    const c = progressOption(
      storeOptions(
        program
          .command(name)
          .description(description)
          .argument('<file>', name === 'backup' ? 'the backup file to write' : 'the backup file to restore')
          .option('--force', name === 'backup' ? 'replace FILE if it exists' : "replace the data dir's database"),
      ),
    );
    examples(c, ex);
    c.action(async (file: string, _o, cmd: Command) => {
      const v = values(cmd);
      const { backupCommand, restoreCommand } = await import('./backup.js');
      setCode(await (name === 'backup' ? backupCommand : restoreCommand)(file, v, progressOf(v)));
    });
  }

  // doctor
  const doctor = serverOptions(
    program.command('doctor').description('check configuration, database, master key, CA file and VPC proxies (read-only; exit 1 if a check fails)'),
  );
  examples(doctor, 'actionbridge doctor --config /etc/actionbridge/config.yaml');
  doctor.action(async (_o, cmd: Command) => setCode(await (await import('./doctor.js')).doctorCommand(values(cmd) as Flags)));

  registerTokenCommands(program, setCode);
  registerActionCommands(program, setCode);

  // completion
  const completion = program
    .command('completion')
    .description('print a shell completion script')
    .addArgument(new Argument('<shell>', 'bash or zsh').choices(['bash', 'zsh']));
  examples(
    completion,
    'actionbridge completion bash > /etc/bash_completion.d/actionbridge',
    'actionbridge completion zsh > ~/.zsh/completions/_actionbridge',
    'source <(actionbridge completion bash)',
  );
  completion.action((shell: 'bash' | 'zsh') => {
    process.stdout.write(completionScript(program, shell));
    setCode(0);
  });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => {
    code = c;
  });
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help, --version: 0. A group without its subcommand shows its help: a usage error, like the rest.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.help' && e.exitCode === 0) return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`actionbridge: ${e.message}\n(add --help for the command's usage)\n`);
      return 2;
    }
    process.stderr.write(`actionbridge: ${(e as Error).message}\n`);
    return 1;
  }
}
