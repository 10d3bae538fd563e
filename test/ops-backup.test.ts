// Backup and restore (SQLite): `actionbridge backup` of a live server under write
// load, restored with `actionbridge restore` into a new data dir, holds every
// connector acknowledged before the backup, consistently, and its secrets open with
// the same master key (key file copied, or ACTIONBRIDGE_MASTER_KEY). The master key
// is not in the backup; restore refuses a database in use or one that exists.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, BIN, REGION, qs, startTestServer, tempDir, type TestServer } from './helpers.js';
import { connectorAuth } from '../src/connections/connector-auth.js';
import { KeyRing } from '../src/crypto/keyring.js';
import { spelledIn } from './support/leaks.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json?: any;
}

/** Runs the CLI without blocking this process (whose server must keep serving meanwhile). */
function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(BIN, args, { encoding: 'utf8', env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      let json: unknown;
      try {
        json = JSON.parse(stdout);
      } catch {
        /* not JSON */
      }
      resolve({ code, stdout, stderr, json });
    });
  });
}

const password = (id: string) => `pw-${id}-${createHashish(id)}`;
function createHashish(id: string) {
  return Buffer.from(id).toString('hex').slice(0, 16).padEnd(16, '0');
}

const basic = (id: string): qs.CreateActionConnectorCommandInput => ({
  AwsAccountId: ACCOUNT,
  ActionConnectorId: id,
  Name: `Connector ${id}`,
  Type: 'GENERIC_HTTP',
  AuthenticationConfig: {
    AuthenticationType: 'BASIC',
    AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: 'https://api.example.com', Username: 'svc', Password: password(id) } },
  },
  Tags: [{ Key: 'batch', Value: id.split('-')[0]! }],
});

/** Every connector of the account in the restored server: listed, described, consistent, and its secret opens. */
async function checkRestored(t: TestServer, keys: KeyRing): Promise<Set<string>> {
  const c = t.client();
  const ids = new Set<string>();
  let NextToken: string | undefined;
  do {
    const page = await c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 100, NextToken }));
    for (const s of page.ActionConnectorSummaries ?? []) ids.add(s.ActionConnectorId!);
    NextToken = page.NextToken;
  } while (NextToken);
  for (const id of ids) {
    const d = await c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
    expect(d.ActionConnector?.Name).toBe(`Connector ${id}`);
    // Written in the same transaction as the connector: a consistent snapshot has both.
    const tags = await c.send(new qs.ListTagsForResourceCommand({ ResourceArn: d.ActionConnector!.Arn! }));
    expect(tags.Tags).toEqual([{ Key: 'batch', Value: id.split('-')[0] }]);
    const rec = await t.server.store.connectors.getConnector({ region: REGION, accountId: ACCOUNT, id });
    const auth = connectorAuth(rec!, keys);
    expect(auth.type === 'BASIC' && auth.password).toBe(password(id));
  }
  return ids;
}

describe('backup and restore', () => {
  it('a backup of a live server under write load restores into a new data dir: every connector, secrets open with the same master key', async () => {
    const t = await startTestServer();
    const backupFile = path.join(tempDir('ab-backup-'), 'ab.backup');
    let restored: TestServer | undefined;
    try {
      const c = t.client();
      for (let i = 0; i < 40; i++) await c.send(new qs.CreateActionConnectorCommand(basic(`pre-${i}`)));
      // Write load while the backup runs: creates, one after another, until it is done.
      let backing = true;
      const acked: string[] = [];
      const load = (async () => {
        for (let i = 0; backing && i < 2000; i++) {
          await c.send(new qs.CreateActionConnectorCommand(basic(`live-${i}`)));
          acked.push(`live-${i}`);
        }
      })();
      while (acked.length < 5) await new Promise((r) => setTimeout(r, 5));
      const ackedBefore = acked.length;
      const b = await run(['backup', backupFile, '--data-dir', t.dataDir]);
      backing = false;
      await load;
      expect(b.code, b.stderr).toBe(0);
      expect(b.json).toMatchObject({ Backup: backupFile, Migrations: expect.any(Number) });
      expect(b.json.MasterKey).toMatch(/not in the backup/);
      expect(b.json.Connectors).toBeGreaterThanOrEqual(40 + ackedBefore);
      // Secrets stay sealed in the backup: no password appears in its bytes.
      const bytes = readFileSync(backupFile);
      expect(spelledIn(bytes, password('pre-7'))).toBeUndefined();
      expect(spelledIn(bytes, password('live-0'))).toBeUndefined();
      // ... and the master key is not in it.
      const keyLine = readFileSync(path.join(t.dataDir, 'master.keys'), 'utf8')
        .split('\n')
        .find((l) => l && !l.startsWith('#'))!;
      expect(bytes.includes(Buffer.from(keyLine))).toBe(false);
      expect(bytes.includes(Buffer.from(keyLine, 'base64'))).toBe(false);

      // Restore into a new data dir, with the master key file copied beside it.
      const dir = tempDir('ab-restored-');
      copyFileSync(path.join(t.dataDir, 'master.keys'), path.join(dir, 'master.keys'));
      const r = await run(['restore', backupFile, '--data-dir', dir]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.json).toMatchObject({ Connectors: b.json.Connectors, SealedSecrets: expect.any(Number) });
      expect(r.json.SecretsOpened).toBe(r.json.SealedSecrets);
      expect(r.stderr).not.toMatch(/warning/);

      restored = await startTestServer({ dataDir: dir });
      const ids = await checkRestored(restored, KeyRing.load({ dataDir: dir, create: false }));
      expect(ids.size).toBe(b.json.Connectors);
      for (let i = 0; i < 40; i++) expect(ids.has(`pre-${i}`)).toBe(true);
      for (const id of acked.slice(0, ackedBefore)) expect(ids.has(id)).toBe(true);
      // The restored server takes writes.
      await restored.client().send(new qs.CreateActionConnectorCommand(basic('after-1')));
    } finally {
      await restored?.stop();
      await t.stop();
    }
  });

  it('with ACTIONBRIDGE_MASTER_KEY; without the key a restore says so; the target must be stopped and absent (or --force)', async () => {
    const masterKey = randomBytes(32).toString('base64');
    const env = { ACTIONBRIDGE_MASTER_KEY: masterKey };
    const t = await startTestServer({}, env);
    const file = path.join(tempDir('ab-backup-'), 'env.backup');
    let restored: TestServer | undefined;
    try {
      for (let i = 0; i < 5; i++) await t.client().send(new qs.CreateActionConnectorCommand(basic(`env-${i}`)));
      expect((await run(['backup', file, '--data-dir', t.dataDir])).code).toBe(0);
      // An existing backup file is not replaced without --force.
      const again = await run(['backup', file, '--data-dir', t.dataDir]);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/exists; use --force/);
      expect((await run(['backup', file, '--data-dir', t.dataDir, '--force'])).code).toBe(0);

      // Restoring over the running server's database is refused, --force or not.
      const busy = await run(['restore', file, '--data-dir', t.dataDir]);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toMatch(/exists; stop its server and use --force/);
      const inUse = await run(['restore', file, '--data-dir', t.dataDir, '--force']);
      expect(inUse.code).toBe(2);
      expect(inUse.stderr).toMatch(/in use/);

      // No master key where the restore goes: restored, and it says what is missing (no new key is made).
      const bare = tempDir('ab-restored-');
      const noKey = await run(['restore', file, '--data-dir', bare]);
      expect(noKey.code).toBe(0);
      expect(noKey.json.SecretsOpened).toBe(0);
      expect(noKey.json.MasterKey).toMatch(/missing/);
      expect(noKey.stderr).toMatch(/warning: missing/);
      expect(existsSync(path.join(bare, 'master.keys'))).toBe(false);

      // With the same key in the environment everything opens.
      const dir = tempDir('ab-restored-');
      const ok = await run(['restore', file, '--data-dir', dir], env);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.json.SecretsOpened).toBe(ok.json.SealedSecrets);
      restored = await startTestServer({ dataDir: dir }, env);
      const ids = await checkRestored(restored, KeyRing.load({ dataDir: dir, env }));
      expect([...ids].sort()).toEqual(['env-0', 'env-1', 'env-2', 'env-3', 'env-4']);
      await restored.stop();
      restored = undefined;

      // A stopped server's database is replaced with --force (and its stale WAL removed).
      const over = await run(['restore', file, '--data-dir', dir, '--force'], env);
      expect(over.code, over.stderr).toBe(0);
      expect(existsSync(path.join(dir, 'actionbridge.db-wal'))).toBe(false);
    } finally {
      await restored?.stop();
      await t.stop();
    }
  });

  it('refuses what is not a sound ActionBridge backup, and sends PostgreSQL users to pg_dump', async () => {
    const dir = tempDir('ab-restore-bad-');
    const junk = path.join(dir, 'junk.db');
    writeFileSync(junk, 'this is not a database');
    const r = await run(['restore', junk, '--data-dir', tempDir('ab-restored-')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot be restored/);
    const missing = await run(['backup', path.join(dir, 'x.db'), '--data-dir', tempDir('ab-empty-')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no database at/);
    const pg = await run(['backup', path.join(dir, 'x.db'), '--database-url', 'postgres://ab@db.internal/actionbridge']);
    expect(pg.code).toBe(2);
    expect(pg.stderr).toMatch(/pg_dump/);
  });
});
