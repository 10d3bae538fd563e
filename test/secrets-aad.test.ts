// Each ciphertext is bound (AES-GCM additional data) to its row: copied to
// another row it does not open — neither through KeyRing.open nor through the
// server, whose caches must not undo the binding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import { ACCOUNT, BIN, OTHER_ACCOUNT, REGION, createInput, expectError, qs, startTestServer, type TestServer, type TestUser } from './helpers.js';
import { DecryptError, KeyRing } from '../src/crypto/keyring.js';
import { aad } from '../src/domain/aad.js';
import { destinationDigest } from '../src/domain/destination.js';
import { dbFile, secretConfigs } from './auth-support.js';

let t: TestServer;
const a = secretConfigs('row-a');
const b = secretConfigs('row-b');

beforeAll(async () => {
  t = await startTestServer();
  const admin = t.client();
  await admin.send(new qs.CreateActionConnectorCommand(createInput('row-a', { AuthenticationConfig: a.configs.BASIC })));
  await admin.send(new qs.CreateActionConnectorCommand(createInput('row-b', { AuthenticationConfig: b.configs.BASIC })));
  await admin.send(new qs.CreateActionConnectorCommand(createInput('row-c', { AuthenticationConfig: a.configs.API_KEY })));
});
afterAll(async () => {
  await t.stop();
});

function sql<T>(fn: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(dbFile(t.dataDir));
  db.pragma('busy_timeout = 5000');
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const sealedOf = (id: string) =>
  sql((db) => (db.prepare('select auth_secret from connectors where connector_id = ?').get(id) as { auth_secret: string }).auth_secret);
const keyRing = () => KeyRing.load({ dataDir: t.dataDir, create: false });
/** The connector's destination digest, from its row: its secrets are bound to it too. */
const digestOf = (id: string) =>
  sql((db) => {
    const r = db.prepare('select type, auth_type, auth_public, vpc_connection_arn from connectors where connector_id = ?').get(id) as {
      type: string;
      auth_type: string;
      auth_public: string;
      vpc_connection_arn: string | null;
    };
    return destinationDigest({
      type: r.type as never,
      authType: r.auth_type as never,
      authPublic: JSON.parse(r.auth_public) as Record<string, unknown>,
      vpcConnectionArn: r.vpc_connection_arn,
    });
  });
const own = (id: string) => aad.connector(REGION, ACCOUNT, id, digestOf(id));

describe('connector secrets', () => {
  it("a ciphertext opens with its own row's AAD and with no other", () => {
    const ring = keyRing();
    const sa = sealedOf('row-a');
    const digest = digestOf('row-a');
    expect(JSON.parse(ring.open(sa, own('row-a')))).toEqual({ 'BasicAuthConnectionMetadata.Password': a.secrets.BASIC });
    for (const wrong of [
      aad.connector(REGION, ACCOUNT, 'row-b', digest),
      aad.connector('us-west-2', ACCOUNT, 'row-a', digest),
      aad.connector(REGION, OTHER_ACCOUNT, 'row-a', digest),
      aad.connector(REGION, ACCOUNT, 'row-a', digestOf('row-c')),
      aad.connector(REGION, ACCOUNT, 'row-a', '0'.repeat(64)),
      aad.accessKey('row-a'),
      aad.meta('secret:page-token-key'),
    ]) {
      expect(() => ring.open(sa, wrong), wrong).toThrow(DecryptError);
    }
  });

  it('a tampered or truncated ciphertext does not open', () => {
    const ring = keyRing();
    const sa = sealedOf('row-a');
    const [p, kid, iv, ct] = sa.split('.') as [string, string, string, string];
    const flipped = ct.slice(0, 5) + (ct[5] === 'A' ? 'B' : 'A') + ct.slice(6);
    const mine = own('row-a');
    expect(() => ring.open([p, kid, iv, flipped].join('.'), mine)).toThrow(DecryptError);
    expect(() => ring.open([p, kid, iv, ct.slice(0, 10)].join('.'), mine)).toThrow(DecryptError);
    expect(() => ring.open([p, 'ffffffffffff', iv, ct].join('.'), mine)).toThrow(/unknown master key/);
    expect(() => ring.open(sa.replace(/^ab1/, 'ab2'), mine)).toThrow(DecryptError);
  });

  it('copied into another row with SQL, it does not open; the server keeps working and leaks nothing; rotation names the row', async () => {
    const sa = sealedOf('row-a');
    sql((db) => db.prepare('update connectors set auth_secret = ? where connector_id = ?').run(sa, 'row-b'));
    expect(() => keyRing().open(sealedOf('row-b'), own('row-b'))).toThrow(DecryptError);

    const admin = t.client();
    const d = await admin.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'row-b' }));
    expect(JSON.stringify(d)).not.toContain(a.secrets.BASIC);

    // Rotation cannot re-seal what does not open: it stops, names the row, and reveals nothing.
    let err = '';
    try {
      execFileSync(BIN, ['keys', 'rotate', '--data-dir', t.dataDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      err = (e as { stderr: string }).stderr;
    }
    expect(err).toMatch(/row-b/);
    expect(err).not.toContain(a.secrets.BASIC);
    expect(err).not.toContain(b.secrets.BASIC);

    // Writing the connector's secret anew repairs the row; then rotation and retirement go through.
    await admin.send(
      new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'row-b', Name: 'repaired', AuthenticationConfig: b.configs.BASIC }),
    );
    expect(JSON.parse(keyRing().open(sealedOf('row-b'), own('row-b')))).toEqual({ 'BasicAuthConnectionMetadata.Password': b.secrets.BASIC });
    const r = JSON.parse(execFileSync(BIN, ['keys', 'rotate', '--data-dir', t.dataDir], { encoding: 'utf8' }));
    expect(r.Remaining).toBe(0);
    const retired = JSON.parse(execFileSync(BIN, ['keys', 'retire', '--data-dir', t.dataDir], { encoding: 'utf8' }));
    expect(retired.Retired.length).toBeGreaterThanOrEqual(1);
    for (const id of ['row-a', 'row-b', 'row-c']) {
      expect(() => keyRing().open(sealedOf(id), own(id))).not.toThrow();
    }
    await admin.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'row-a' }));
  });
});

describe('access-key secrets', () => {
  let reader: TestUser;
  let adminUser: TestUser;
  beforeAll(async () => {
    reader = await t.addUser('aad-reader', 'READER');
    adminUser = await t.addUser('aad-admin', 'ADMIN');
  });

  const keySealed = (id: string) =>
    sql((db) => (db.prepare('select secret_sealed from access_keys where access_key_id = ?').get(id) as { secret_sealed: string }).secret_sealed);

  it("a reader's sealed key copied onto an admin's key row does not let the reader's secret sign as the admin", async () => {
    const list = (c: qs.QuickSightClient) => c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
    // Both keys in use (and so in any server-side cache).
    await list(t.client(reader));
    await list(t.client(adminUser));
    const original = keySealed(adminUser.accessKeyId);
    expect(() => keyRing().open(keySealed(reader.accessKeyId), aad.accessKey(adminUser.accessKeyId))).toThrow(DecryptError);

    sql((db) => db.prepare('update access_keys set secret_sealed = ? where access_key_id = ?').run(keySealed(reader.accessKeyId), adminUser.accessKeyId));
    const before = sql((db) => db.prepare('select count(*) as n from connectors').get());
    // The admin's key id with the reader's secret: refused, and nothing is created.
    const forged = t.client({ accessKeyId: adminUser.accessKeyId, secretAccessKey: reader.secretAccessKey });
    const e = await forged.send(new qs.CreateActionConnectorCommand(createInput('forged-1'))).then(
      () => undefined,
      (x: Error) => x,
    );
    expect(e, 'the forged key was accepted').toBeDefined();
    expect(['InternalFailureException', 'UnrecognizedClientException', 'InvalidSignatureException']).toContain(e!.name);
    expect(sql((db) => db.prepare('select count(*) as n from connectors').get())).toEqual(before);
    // The admin's own secret no longer opens either (its row is corrupt) — refused without leaking.
    const e2 = await list(t.client(adminUser)).then(
      () => undefined,
      (x: Error) => x,
    );
    expect(e2?.name).toBe('InternalFailureException');
    expect(e2!.message).not.toContain(reader.secretAccessKey);
    expect(t.logs()).not.toContain(reader.secretAccessKey);
    expect(t.logs()).not.toContain(adminUser.secretAccessKey);
    // The reader is unaffected.
    await list(t.client(reader));

    // Restoring the row restores the key.
    sql((db) => db.prepare('update access_keys set secret_sealed = ? where access_key_id = ?').run(original, adminUser.accessKeyId));
    await list(t.client(adminUser));
  });

  it("a connector's ciphertext copied onto a key row does not open as that key", async () => {
    const original = keySealed(adminUser.accessKeyId);
    sql((db) => db.prepare('update access_keys set secret_sealed = ? where access_key_id = ?').run(sealedOf('row-a'), adminUser.accessKeyId));
    await expectError(t.client(adminUser).send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT })), 'InternalFailureException', 500);
    sql((db) => db.prepare('update access_keys set secret_sealed = ? where access_key_id = ?').run(original, adminUser.accessKeyId));
  });
});
