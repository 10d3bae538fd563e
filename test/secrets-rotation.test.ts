// Master-key rotation while the server serves: `keys rotate` under concurrent
// creates, updates and describes through the SDK loses nothing and leaves every
// secret under the new key; `keys retire` then drops the old key and the server
// (and a restarted one) keeps working. Also: the master key from the
// environment, and the key file's mode.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync, statSync, chmodSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { ACCOUNT, ADMIN, BIN, REGION, cli, createInput, qs, startTestServer, tempDir, type TestServer, type TestUser } from './helpers.js';
import { KeyRing, keyIdOf } from '../src/crypto/keyring.js';
import { aad } from '../src/domain/aad.js';
import { destinationDigest } from '../src/domain/destination.js';
import { dbFile, secretConfigs } from './auth-support.js';

const run = promisify(execFile);
const keyLines = (dir: string) =>
  readFileSync(path.join(dir, 'master.keys'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
const modeOf = (f: string) => statSync(f).mode & 0o777;

interface SealedRow {
  table: string;
  key: string;
  aad: string;
  sealed: string;
}
function sealedRows(dataDir: string): SealedRow[] {
  const db = new BetterSqlite3(dbFile(dataDir), { readonly: true });
  try {
    const out: SealedRow[] = [];
    type Row = {
      region: string;
      account_id: string;
      connector_id: string;
      type: string;
      auth_type: string;
      auth_public: string;
      vpc_connection_arn: string | null;
      auth_secret: string;
    };
    for (const r of db
      .prepare(
        'select region, account_id, connector_id, type, auth_type, auth_public, vpc_connection_arn, auth_secret from connectors where auth_secret is not null',
      )
      .all() as Row[]) {
      const digest = destinationDigest({
        type: r.type as never,
        authType: r.auth_type as never,
        authPublic: JSON.parse(r.auth_public) as Record<string, unknown>,
        vpcConnectionArn: r.vpc_connection_arn,
      });
      out.push({ table: 'connectors', key: r.connector_id, aad: aad.connector(r.region, r.account_id, r.connector_id, digest), sealed: r.auth_secret });
    }
    for (const r of db.prepare('select access_key_id, secret_sealed from access_keys').all() as { access_key_id: string; secret_sealed: string }[]) {
      out.push({ table: 'access_keys', key: r.access_key_id, aad: aad.accessKey(r.access_key_id), sealed: r.secret_sealed });
    }
    for (const r of db.prepare("select name, value from meta where name like 'secret:%'").all() as { name: string; value: string }[]) {
      out.push({ table: 'meta', key: r.name, aad: aad.meta(r.name), sealed: r.value });
    }
    return out;
  } finally {
    db.close();
  }
}

describe('keys rotate under concurrent traffic, then keys retire', () => {
  let t: TestServer;
  let dataDir: string;
  const users: TestUser[] = [];
  /** Connector id → the secret value it must hold (the last one written successfully). */
  const expected = new Map<string, string>();
  let rotation: { PreviousKeyId: string; ActiveKeyId: string; Resealed: number; Remaining: number };

  beforeAll(async () => {
    dataDir = tempDir('ab-rotate-');
    t = await startTestServer({ dataDir });
    for (let i = 0; i < 4; i++) users.push(await t.addUser(`rot-${i}`, 'AUTHOR'));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the key file was generated with mode 0600', () => {
    expect(modeOf(path.join(dataDir, 'master.keys'))).toBe(0o600);
    expect(keyLines(dataDir)).toHaveLength(1);
  });

  it('rotation while creates, updates, describes and lists run: every request succeeds and every secret moves to the new key', async () => {
    const TYPES = ['BASIC', 'API_KEY', 'OAUTH2_CLIENT_CREDENTIALS', 'OAUTH2_AUTHORIZATION_CODE'] as const;
    const failures: string[] = [];
    let ok = 0;
    let stop = false;
    let rotating = false;
    let duringRotation = 0;

    async function worker(w: number) {
      const c = t.client(users[w]!);
      const mine: string[] = [];
      let n = 0;
      const write = async (id: string, create: boolean) => {
        const type = TYPES[n % TYPES.length]!;
        const { secrets, configs } = secretConfigs(`w${w}n${n++}`);
        if (create) await c.send(new qs.CreateActionConnectorCommand(createInput(id, { AuthenticationConfig: configs[type] })));
        else
          await c.send(
            new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, Name: `Updated ${n}`, AuthenticationConfig: configs[type] }),
          );
        expected.set(id, secrets[type]);
      };
      const step = async (what: string, fn: () => Promise<unknown>) => {
        try {
          await fn();
          ok++;
          if (rotating) duringRotation++;
        } catch (e) {
          failures.push(`${what}: ${(e as Error).name} ${(e as Error).message}`);
        }
      };
      for (let i = 0; i < 3; i++) {
        const id = `rot-w${w}-${mine.length}`;
        await step(`create ${id}`, () => write(id, true));
        mine.push(id);
      }
      while (!stop) {
        const id = `rot-w${w}-${mine.length}`;
        await step(`create ${id}`, () => write(id, true));
        mine.push(id);
        const u = mine[Math.floor(Math.random() * mine.length)]!;
        await step(`update ${u}`, () => write(u, false));
        await step(`describe ${u}`, () => c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: u })));
        await step('list', () => c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 5 })));
      }
    }

    const workers = [0, 1, 2, 3].map((w) => worker(w));
    // Traffic first, then the rotation in the middle of it.
    for (let waited = 0; ok < 20 && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    const before = ok;
    rotating = true;
    const { stdout } = await run(BIN, ['keys', 'rotate', '--data-dir', dataDir], { encoding: 'utf8' });
    rotating = false;
    rotation = JSON.parse(stdout);
    // Traffic goes on for a while after the rotation, then stops.
    await new Promise((r) => setTimeout(r, 1500));
    stop = true;
    await Promise.all(workers);

    expect(failures).toEqual([]);
    expect(before).toBeGreaterThanOrEqual(20);
    expect(duringRotation, 'requests served while the rotation ran').toBeGreaterThan(10);
    expect(rotation.ActiveKeyId).not.toBe(rotation.PreviousKeyId);
    expect(rotation.ActiveKeyId).toBe(keyIdOf(Buffer.from(keyLines(dataDir)[0]!, 'base64')));
    expect(rotation.Remaining).toBe(0);
    expect(keyLines(dataDir)).toHaveLength(2);
    expect(modeOf(path.join(dataDir, 'master.keys'))).toBe(0o600);

    const rows = sealedRows(dataDir);
    const stale = rows.filter((r) => !r.sealed.startsWith(`ab1.${rotation.ActiveKeyId}.`)).map((r) => `${r.table} ${r.key}`);
    expect(stale).toEqual([]);
    // Every secret opens, and holds the value last written.
    const ring = KeyRing.load({ dataDir, create: false });
    const connectorRows = rows.filter((r) => r.table === 'connectors');
    expect(connectorRows.length).toBe(expected.size);
    for (const r of rows) {
      const plain = ring.open(r.sealed, r.aad);
      if (r.table === 'connectors') expect(plain).toContain(expected.get(r.key)!);
    }
  });

  it('the old access keys still sign, and describes still work', async () => {
    for (const u of users) await t.client(u).send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
    await t.client().send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'rot-w0-0' }));
  });

  it('keys retire drops the old key; the server keeps working, and so does a restarted one', async () => {
    const r = JSON.parse((await run(BIN, ['keys', 'retire', '--data-dir', dataDir], { encoding: 'utf8' })).stdout);
    expect(r.Retired).toEqual([rotation.PreviousKeyId]);
    expect(r.Remaining).toBe(0);
    expect(keyLines(dataDir)).toHaveLength(1);
    expect(modeOf(path.join(dataDir, 'master.keys'))).toBe(0o600);

    const admin = t.client();
    const { configs } = secretConfigs('after-retire');
    await admin.send(new qs.CreateActionConnectorCommand(createInput('after-retire', { AuthenticationConfig: configs.API_KEY })));
    await admin.send(
      new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'rot-w1-0', Name: 'After retire', AuthenticationConfig: configs.BASIC }),
    );
    for (const u of users)
      await t.client(u).send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: `rot-w${users.indexOf(u)}-1` }));
    const fresh = cli(['users', 'add', '--data-dir', dataDir, '--account', ACCOUNT, '--name', 'after-retire', '--role', 'READER']);
    await t
      .client({ accessKeyId: fresh.AccessKeyId, secretAccessKey: fresh.SecretAccessKey })
      .send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));

    // Paging tokens still open (their key is itself a sealed secret).
    const page = await admin.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 2 }));
    await admin.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 2, NextToken: page.NextToken }));

    // A server started afresh knows only the new key: everything still opens.
    await t.stop();
    t = await startTestServer({ dataDir });
    for (const u of users) await t.client(u).send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
    const ring = KeyRing.load({ dataDir, create: false });
    expect(ring.keyIds).toEqual([rotation.ActiveKeyId]);
    for (const row of sealedRows(dataDir)) expect(() => ring.open(row.sealed, row.aad)).not.toThrow();
    expect(
      (await t.client().send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'after-retire' }))).ActionConnector?.Name,
    ).toBe('Connector after-retire');
  });

  it('retire after an interrupted rotation re-seals first, so nothing is lost', async () => {
    const dir = tempDir('ab-retire-');
    const s = await startTestServer({ dataDir: dir });
    try {
      await s.client().send(new qs.CreateActionConnectorCommand(createInput('r-1', { AuthenticationConfig: secretConfigs('r').configs.BASIC })));
      // A new key in the file without re-sealing (what a crashed rotation leaves behind).
      KeyRing.load({ dataDir: dir }).rotateFile();
      const r = JSON.parse((await run(BIN, ['keys', 'retire', '--data-dir', dir], { encoding: 'utf8' })).stdout);
      // retire re-seals what it can first, so nothing is lost
      expect(r.Remaining).toBe(0);
      expect(keyLines(dir)).toHaveLength(1);
      await s.client().send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'r-1' }));
      for (const row of sealedRows(dir)) expect(() => KeyRing.load({ dataDir: dir }).open(row.sealed, row.aad)).not.toThrow();
    } finally {
      await s.stop();
    }
  });
});

describe('master key sources', () => {
  it('ACTIONBRIDGE_MASTER_KEY: no key file is written, secrets are sealed under it, and the CLI with the same variable works', async () => {
    const key = randomBytes(32);
    const env = { ACTIONBRIDGE_MASTER_KEY: key.toString('base64') };
    const dir = tempDir('ab-envkey-');
    const s = await startTestServer({ dataDir: dir }, env);
    try {
      await s.client().send(new qs.CreateActionConnectorCommand(createInput('env-1', { AuthenticationConfig: secretConfigs('env').configs.BASIC })));
      expect(existsSync(path.join(dir, 'master.keys'))).toBe(false);
      const rows = sealedRows(dir);
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const r of rows) expect(r.sealed.startsWith(`ab1.${keyIdOf(key)}.`)).toBe(true);
      const ring = KeyRing.load({ dataDir: dir, env });
      for (const r of rows) ring.open(r.sealed, r.aad);

      const u = cli(['users', 'add', '--data-dir', dir, '--account', ACCOUNT, '--name', 'env-user', '--role', 'AUTHOR'], env);
      expect(existsSync(path.join(dir, 'master.keys'))).toBe(false);
      await s.client({ accessKeyId: u.AccessKeyId, secretAccessKey: u.SecretAccessKey }).send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
      // rotate with keys from the environment is refused with instructions (and changes nothing)
      let err = '';
      try {
        await run(BIN, ['keys', 'rotate', '--data-dir', dir], { encoding: 'utf8', env: { ...process.env, ...env } });
      } catch (e) {
        err = (e as { stderr: string }).stderr;
      }
      expect(err).toMatch(/ACTIONBRIDGE_PREVIOUS_MASTER_KEYS/);
      expect(err).not.toContain(env.ACTIONBRIDGE_MASTER_KEY);
      for (const r of sealedRows(dir)) expect(r.sealed.startsWith(`ab1.${keyIdOf(key)}.`)).toBe(true);
    } finally {
      await s.stop();
    }
  });

  it('rotation from the environment: new key in ACTIONBRIDGE_MASTER_KEY, old one in ACTIONBRIDGE_PREVIOUS_MASTER_KEYS', async () => {
    const k1 = randomBytes(32).toString('base64');
    const k2 = randomBytes(32).toString('base64');
    const dir = tempDir('ab-envrot-');
    let s = await startTestServer({ dataDir: dir }, { ACTIONBRIDGE_MASTER_KEY: k1 });
    await s.client().send(new qs.CreateActionConnectorCommand(createInput('envrot-1', { AuthenticationConfig: secretConfigs('envrot').configs.API_KEY })));
    await s.stop();
    const env2 = { ACTIONBRIDGE_MASTER_KEY: k2, ACTIONBRIDGE_PREVIOUS_MASTER_KEYS: k1 };
    s = await startTestServer({ dataDir: dir }, env2);
    try {
      const retire = JSON.parse((await run(BIN, ['keys', 'retire', '--data-dir', dir], { encoding: 'utf8', env: { ...process.env, ...env2 } })).stdout);
      expect(retire.Remaining).toBe(0);
      for (const r of sealedRows(dir)) expect(r.sealed.startsWith(`ab1.${keyIdOf(Buffer.from(k2, 'base64'))}.`)).toBe(true);
      await s.client().send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'envrot-1' }));
    } finally {
      await s.stop();
    }
    // The new key alone now suffices.
    s = await startTestServer({ dataDir: dir }, { ACTIONBRIDGE_MASTER_KEY: k2 });
    try {
      await s.client().send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'envrot-1' }));
    } finally {
      await s.stop();
    }
  });

  it('a wrong master key refuses to start, naming no key material', async () => {
    const dir = tempDir('ab-wrongkey-');
    const s = await startTestServer({ dataDir: dir }, { ACTIONBRIDGE_MASTER_KEY: randomBytes(32).toString('base64') });
    await s.stop();
    const wrong = randomBytes(32).toString('base64');
    const e = await startTestServer({ dataDir: dir }, { ACTIONBRIDGE_MASTER_KEY: wrong }).then(
      async (x) => {
        await x.stop();
        return undefined;
      },
      (x: Error) => x,
    );
    expect(e).toBeDefined();
    expect(e!.message).toMatch(/master key/);
    expect(e!.message).not.toContain(wrong);
    expect(() => KeyRing.load({ dataDir: dir, env: { ACTIONBRIDGE_MASTER_KEY: 'too-short' } })).toThrow(/32 bytes/);
  });

  it('a key file with loose permissions is tightened to 0600 when loaded', () => {
    const dir = tempDir('ab-mode-');
    KeyRing.load({ dataDir: dir });
    const f = path.join(dir, 'master.keys');
    chmodSync(f, 0o644);
    KeyRing.load({ dataDir: dir });
    expect(modeOf(f)).toBe(0o600);
  });
});

void ADMIN;
void REGION;
