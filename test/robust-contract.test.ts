// The operating contract (PRODUCT.md section 4) of bin/actionbridge: generated
// bootstrap credentials (printed once, kept 0600), `users add` JSON, clear refusals
// of bad CLI input, and an unauthenticated /healthz.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, BIN, REGION, cli, createInput, qs, startChildServer, tempDir, type Creds } from './helpers.js';

type Child = Awaited<ReturnType<typeof startChildServer>>;

const NO_BOOTSTRAP_ENV = { ACTIONBRIDGE_ACCOUNT_ID: undefined, ACTIONBRIDGE_ACCESS_KEY_ID: undefined, ACTIONBRIDGE_SECRET_ACCESS_KEY: undefined };

const dirs: string[] = [];
const children: Child[] = [];
const clients: qs.QuickSightClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const ch of children.splice(0))
    if (ch.child.exitCode === null && ch.child.signalCode === null) {
      ch.child.kill('SIGKILL');
      await ch.exited();
    }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dir(prefix: string): string {
  const d = tempDir(prefix);
  dirs.push(d);
  return d;
}

async function start(d: string, env: NodeJS.ProcessEnv = {}): Promise<Child> {
  const ch = await startChildServer(d, [], env);
  children.push(ch);
  return ch;
}

async function stop(ch: Child): Promise<void> {
  ch.child.kill('SIGTERM');
  expect(await ch.exited()).toBe(0);
}

function clientFor(endpoint: string, creds: Creds): qs.QuickSightClient {
  const c = new qs.QuickSightClient({ region: REGION, endpoint, credentials: creds, maxAttempts: 1 });
  clients.push(c);
  return c;
}

/** Runs the CLI expecting it to fail; returns its exit status and stderr. */
function cliFails(args: string[]): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync(BIN, args, { encoding: 'utf8', env: { ...process.env } });
  expect(r.status, `expected a non-zero exit from ${args.join(' ')}; stdout: ${r.stdout}`).not.toBe(0);
  expect(r.status).not.toBeNull();
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

interface Ran {
  status: number | null;
  stderr: string;
  stdout: string;
}

/** Runs the CLI without waiting for it (as cliFails does, but asynchronously); never rejects. */
function run(args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(BIN, args, { encoding: 'utf8', env: { ...process.env } }, (err, stdout, stderr) => {
      const code = (err as { code?: unknown } | null)?.code;
      resolve({ status: err ? (typeof code === 'number' ? code : null) : 0, stdout, stderr });
    });
  });
}

const mode = (file: string) => statSync(file).mode & 0o777;
const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('bootstrap credentials without ACTIONBRIDGE_* variables', () => {
  it('are generated on first start, printed once, kept 0600, work, and are not printed again', async () => {
    const d = dir('ab-boot-');
    const first = await start(d, NO_BOOTSTRAP_ENV);
    const out1 = first.output();
    const secret = /admin secret access key: (\S+)/.exec(out1)?.[1];
    const keyId = /admin access key id: (\S+)/.exec(out1)?.[1];
    const account = /account: (\d{12})/.exec(out1)?.[1];
    expect(secret, out1).toBeTruthy();
    expect(keyId, out1).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(account, out1).toMatch(/^\d{12}$/);
    expect(secret!.length).toBeGreaterThanOrEqual(32);
    // Printed once: the secret appears in exactly one line of everything the process wrote (log lines included).
    expect(occurrences(out1, secret!)).toBe(1);

    const file = path.join(d, 'bootstrap-credentials.json');
    expect(existsSync(file)).toBe(true);
    expect(mode(file)).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ AccountId: account, AccessKeyId: keyId, SecretAccessKey: secret });
    // The master key file is private too.
    expect(mode(path.join(d, 'master.keys'))).toBe(0o600);

    // The generated identity is an ADMIN of its account.
    const c = clientFor(first.endpoint, { accessKeyId: keyId!, secretAccessKey: secret! });
    const created = await c.send(new qs.CreateActionConnectorCommand({ ...createInput('boot-1'), AwsAccountId: account! }));
    expect(created.Arn).toBe(`arn:aws:quicksight:${REGION}:${account}:action-connector/boot-1`);
    await stop(first);

    const second = await start(d, NO_BOOTSTRAP_ENV);
    const out2 = second.output();
    expect(out2).not.toContain(secret!);
    expect(out2).toContain(`admin access key id: ${keyId}`);
    expect(out2).toContain(`account: ${account}`);
    expect(out2).toContain(file);
    // Same identity, same data; the file was not rewritten.
    expect(JSON.parse(readFileSync(file, 'utf8')).SecretAccessKey).toBe(secret);
    expect(mode(file)).toBe(0o600);
    const c2 = clientFor(second.endpoint, { accessKeyId: keyId!, secretAccessKey: secret! });
    const d2 = await c2.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: account!, ActionConnectorId: 'boot-1' }));
    expect(d2.ActionConnector?.Name).toBe('Connector boot-1');
    await stop(second);
  });

  it('with the three variables set, nothing is generated and no secret is printed', async () => {
    const d = dir('ab-boot-env-');
    const ch = await start(d);
    expect(existsSync(path.join(d, 'bootstrap-credentials.json'))).toBe(false);
    expect(ch.output()).not.toMatch(/admin secret access key: (?!in )/);
    expect(ch.output()).not.toContain('test-admin-secret');
    await stop(ch);
  });

  it('refuses to start with only some of the three variables, naming them', () => {
    const d = dir('ab-boot-partial-');
    const r = spawnSync(BIN, ['serve', '--port', '0', '--data-dir', d], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, ACTIONBRIDGE_ACCOUNT_ID: ACCOUNT, ACTIONBRIDGE_ACCESS_KEY_ID: undefined, ACTIONBRIDGE_SECRET_ACCESS_KEY: undefined },
    });
    expect(r.status).not.toBe(0);
    expect(r.status).not.toBeNull();
    expect(r.stderr).toMatch(/ACTIONBRIDGE_ACCESS_KEY_ID/);
  });
});

describe('actionbridge users add', () => {
  it('prints exactly {UserArn, AccessKeyId, SecretAccessKey}, and the key works against a running server', async () => {
    const d = dir('ab-users-');
    const u = cli(['users', 'add', '--account', ACCOUNT, '--name', 'N.a-m_e@x', '--role', 'READER', '--group', 'G1', '--group', 'G2', '--data-dir', d]);
    expect(Object.keys(u).sort()).toEqual(['AccessKeyId', 'SecretAccessKey', 'UserArn']);
    expect(u.UserArn).toBe(`arn:aws:quicksight:${REGION}:${ACCOUNT}:user/default/N.a-m_e@x`);
    expect(u.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(typeof u.SecretAccessKey).toBe('string');
    expect(u.SecretAccessKey.length).toBeGreaterThanOrEqual(32);

    const listed = cli(['users', 'list', '--account', ACCOUNT, '--data-dir', d]);
    expect(listed.Users).toContainEqual(expect.objectContaining({ UserArn: u.UserArn, Role: 'READER', Groups: ['G1', 'G2'] }));
    // The secret is not stored in the clear.
    expect(readFileSync(path.join(d, 'actionbridge.db')).includes(Buffer.from(u.SecretAccessKey))).toBe(false);

    const ch = await start(d);
    const c = clientFor(ch.endpoint, { accessKeyId: u.AccessKeyId, secretAccessKey: u.SecretAccessKey });
    const list = await c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
    expect(list.ActionConnectorSummaries).toEqual([]);
    // READER: may not create.
    await expect(c.send(new qs.CreateActionConnectorCommand(createInput('by-reader')))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await stop(ch);
  });

  it('prints one JSON document on stdout and nothing on stderr', () => {
    const d = dir('ab-users-json-');
    const r = spawnSync(BIN, ['users', 'add', '--account', ACCOUNT, '--name', 'json-check', '--role', 'ADMIN', '--data-dir', d], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr.replace(/\(node:\d+\)[\s\S]*$/, '')).toBe('');
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  describe('bad input exits non-zero with a clear message and writes nothing', () => {
    const cases: [string, string[], RegExp][] = [
      ['unknown role', ['--account', ACCOUNT, '--name', 'bad-role', '--role', 'GOD'], /--role must be one of ADMIN, AUTHOR, READER \(got 'GOD'\)/],
      ['lower-case role', ['--account', ACCOUNT, '--name', 'bad-role2', '--role', 'reader'], /--role must be one of/],
      ['account id too short', ['--account', '12345', '--name', 'bad-acct', '--role', 'READER'], /--account must be 12 digits \(got '12345'\)/],
      ['account id not digits', ['--account', '11112222333x', '--name', 'bad-acct2', '--role', 'READER'], /--account must be 12 digits/],
      ['missing --name', ['--account', ACCOUNT, '--role', 'READER'], /--name is required/],
      ['missing --role', ['--account', ACCOUNT, '--name', 'no-role'], /--role is required/],
      ['missing --account', ['--name', 'no-acct', '--role', 'READER'], /--account is required/],
      ['bad user name', ['--account', ACCOUNT, '--name', 'has space', '--role', 'READER'], /user name 'has space' is not valid/],
      ['bad group name', ['--account', ACCOUNT, '--name', 'bad-group', '--role', 'READER', '--group', 'a/b'], /group name 'a\/b' is not valid/],
      ['unknown flag', ['--account', ACCOUNT, '--name', 'flag', '--role', 'READER', '--colour', 'red'], /colour/],
    ];
    // The runs start at once, before the cases (a process start-up each, ~1 s on a loaded
    // machine); each case then checks its own run. Their dirs are not the afterEach's.
    const runs = new Map<string, { d: string; r: Promise<Ran> }>();
    beforeAll(() => {
      for (const [name, args] of cases) {
        const d = tempDir('ab-users-bad-');
        runs.set(name, { d, r: run(['users', 'add', ...args, '--data-dir', d]) });
      }
    });
    afterAll(async () => {
      for (const { d, r } of runs.values()) {
        await r;
        rmSync(d, { recursive: true, force: true });
      }
    });
    it.each(cases)('%s', async (name, args, message) => {
      const { d, r: ran } = runs.get(name)!;
      const r = await ran;
      expect(r.status, `expected a non-zero exit from users add ${args.join(' ')}; stdout: ${r.stdout}`).not.toBe(0);
      expect(r.status).not.toBeNull();
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/^actionbridge: /);
      expect(r.stdout).toBe('');
      const dbFile = path.join(d, 'actionbridge.db');
      if (existsSync(dbFile)) {
        const db = new BetterSqlite3(dbFile, { readonly: true });
        try {
          for (const table of ['users', 'groups', 'group_members', 'access_keys']) {
            expect((db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n, table).toBe(0);
          }
        } finally {
          db.close();
        }
      }
    });

    it('an existing user name is refused, and the first user keeps its key', () => {
      const d = dir('ab-users-dup-');
      const first = cli(['users', 'add', '--account', ACCOUNT, '--name', 'dup', '--role', 'AUTHOR', '--data-dir', d]);
      const r = cliFails(['users', 'add', '--account', ACCOUNT, '--name', 'dup', '--role', 'ADMIN', '--data-dir', d]);
      expect(r.stderr).toMatch(/already exists/);
      const users = cli(['users', 'list', '--account', ACCOUNT, '--data-dir', d]).Users;
      expect(users).toEqual([expect.objectContaining({ UserArn: first.UserArn, Role: 'AUTHOR' })]);
      const keys = cli(['keys', 'list', '--account', ACCOUNT, '--data-dir', d]).AccessKeys;
      expect(keys.map((k: { AccessKeyId: string }) => k.AccessKeyId)).toEqual([first.AccessKeyId]);
    });
  });

  it('serve refuses bad flags with a clear message', async () => {
    const d = dir('ab-serve-bad-');
    const cases: [string[], RegExp][] = [
      [['serve', '--port', 'abc', '--data-dir', d], /--port/],
      [['serve', '--port', '70000', '--data-dir', d], /--port must be an integer from 0 to 65535/],
      [['serve', '--region', 'Mars', '--data-dir', d], /region 'Mars' is not a region name/],
      [['serve', '--no-such-flag', '--data-dir', d], /no-such-flag/],
      [['frobnicate'], /unknown command 'frobnicate'/],
    ];
    // All at once (a process each).
    const results = await Promise.all(cases.map(([args]) => run(args)));
    cases.forEach(([args, message], i) => {
      const r = results[i]!;
      expect(r.status, `expected a non-zero exit from ${args.join(' ')}; stdout: ${r.stdout}`).not.toBe(0);
      expect(r.status).not.toBeNull();
      expect(r.stderr).toMatch(message);
    });
  });
});

describe('GET /healthz', () => {
  it('answers 200 without authentication on the real process, and signed API calls still need a signature', async () => {
    const d = dir('ab-health-');
    const ch = await start(d);
    const r = await fetch(`${ch.endpoint}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ok' });
    const api = await fetch(`${ch.endpoint}/accounts/${ACCOUNT}/action-connectors`);
    expect(api.status).toBe(403);
    expect(api.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    await stop(ch);
  });
});
