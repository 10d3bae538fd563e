// Identity rows cached on every PostgreSQL node, and invalidated across nodes by
// LISTEN/NOTIFY (src/store/notify.ts): two servers on one schema. A warm signed
// Describe costs no round trip (connector records are cached the same way:
// test/pg-connector-cache.test.ts); a key deactivated or deleted, a role changed, a
// membership removed on node A (through the CLI, another process, or A's store) is
// refused on node B within the notification's delivery; so is a grant revoked on A.
// Without the notification B would serve
// its stale entry (shown with the trigger disabled); while B's listening connection is
// down B bypasses its cache, and after reconnecting it is warm again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, cli, createInput, expectError, qs, startTestServer, tempDir, type TestServer, type TestUser } from './helpers.js';
import { PG_SKIP_REASON, PG_URL, createSchema, pgDiagnostics, pgQuery, type TestSchema } from './support/pg-store.js';
import { eventually } from './support/wait.js';

const d = PG_URL ? describe : describe.skip;

d(PG_URL ? 'identity cache on two PostgreSQL nodes' : PG_SKIP_REASON, () => {
  let schema: TestSchema;
  let dataDir: string;
  let a: TestServer;
  let b: TestServer;
  const abcli = (...args: string[]) => cli([...args, '--data-dir', dataDir, '--database-url', schema.url]);
  const describeOn = (t: TestServer, u: TestUser | undefined, id: string) =>
    t.client(u).send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
  /**
   * Round trips of `n` Describes on `t` by `u`, after two to warm up. A notification heard
   * meanwhile (of a write made just before, delivered late on a loaded machine) empties the
   * cache in the middle: that window was not warm, and is measured again (twice at most).
   */
  async function roundTrips(t: TestServer, u: TestUser | undefined, id: string, n = 5): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      await describeOn(t, u, id);
      await describeOn(t, u, id);
      const heard = pgDiagnostics(t).notifications;
      const before = pgDiagnostics(t).queries;
      for (let i = 0; i < n; i++) await describeOn(t, u, id);
      const perCall = (pgDiagnostics(t).queries - before) / n;
      if (pgDiagnostics(t).notifications === heard || attempt === 3) return perCall;
    }
  }
  /**
   * Whether Describes on `t` by `u` reach no round trip at all within 2 s (a notification of
   * an earlier write, still on its way, may empty a cache once more meanwhile).
   */
  const warm = (t: TestServer, u: TestUser | undefined, id: string) => eventually(async () => (await roundTrips(t, u, id)) === 0);
  const refused = (t: TestServer, u: TestUser, id: string, name: string) => async () => {
    try {
      await describeOn(t, u, id);
      return false;
    } catch (e) {
      if ((e as Error).name !== name) throw e;
      return true;
    }
  };

  beforeAll(async () => {
    schema = await createSchema('idc');
    dataDir = tempDir('ab-pg-idc-');
    const cfg = { databaseUrl: schema.url, dataDir, postgres: { poolSize: 4, statementTimeoutMs: 30_000 } };
    a = await startTestServer(cfg);
    b = await startTestServer(cfg);
    await a.client().send(new qs.CreateActionConnectorCommand(createInput('idc-shared')));
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await schema?.drop();
  });

  it('a warm signed Describe makes no round trip to the database, for an ADMIN and for a grantee through a group', async () => {
    expect(pgDiagnostics(b).listening).toBe(true);
    expect(await warm(b, undefined, 'idc-shared')).toBe(true);
    const reader = await a.addUser('idc-reader', 'READER', ['idc-team']);
    await a.client().send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'idc-shared',
        GrantPermissions: [{ Principal: `arn:aws:quicksight:us-east-1:${ACCOUNT}:group/default/idc-team`, Actions: ['quicksight:DescribeActionConnector'] }],
      }),
    );
    expect(await warm(b, reader, 'idc-shared')).toBe(true);
  });

  it("the connector read is a named prepared statement, and survives another node's migration changing the table", async () => {
    // Every pool connection of B prepares the read (B's pool has 4 connections).
    await Promise.all(Array.from({ length: 8 }, () => describeOn(b, undefined, 'idc-shared')));
    // A column added under the statement (as a newer node's migration would): the cached plan's
    // result type changes, PostgreSQL refuses to run it (0A000), and the node prepares it again.
    await pgQuery(`alter table "${schema.schema}".connectors add column later_node text`);
    try {
      const all = await Promise.all(Array.from({ length: 8 }, () => describeOn(b, undefined, 'idc-shared')));
      for (const r of all) expect(r.ActionConnector?.ActionConnectorId).toBe('idc-shared');
    } finally {
      await pgQuery(`alter table "${schema.schema}".connectors drop column later_node`);
    }
    for (let i = 0; i < 8; i++) await describeOn(b, undefined, 'idc-shared');
  });

  it('a key deactivated by the CLI, then deleted, is refused on node B; without the notification B would have served it', async () => {
    const u = await a.addUser('idc-keys', 'ADMIN');
    // Warm on B: the key (and the connector) are served from memory.
    expect(await warm(b, u, 'idc-shared')).toBe(true);

    // The trigger off: a change B is not told of is not seen — B really serves from its cache.
    await pgQuery(`alter table "${schema.schema}".access_keys disable trigger access_keys_identity_changed`);
    await pgQuery(`update "${schema.schema}".access_keys set status = 'INACTIVE' where access_key_id = $1`, [u.accessKeyId]);
    for (let i = 0; i < 5; i++) await describeOn(b, u, 'idc-shared');
    await pgQuery(`update "${schema.schema}".access_keys set status = 'ACTIVE' where access_key_id = $1`, [u.accessKeyId]);
    await pgQuery(`alter table "${schema.schema}".access_keys enable trigger access_keys_identity_changed`);

    const heard = pgDiagnostics(b).notifications;
    expect(abcli('keys', 'deactivate', '--access-key-id', u.accessKeyId)).toEqual({ AccessKeyId: u.accessKeyId, Status: 'INACTIVE' });
    expect(await eventually(refused(b, u, 'idc-shared', 'UnrecognizedClientException'))).toBe(true);
    expect(pgDiagnostics(b).notifications).toBeGreaterThan(heard);
    await expectError(describeOn(a, u, 'idc-shared'), 'UnrecognizedClientException', 403);

    abcli('keys', 'activate', '--access-key-id', u.accessKeyId);
    expect(await eventually(async () => !(await refused(b, u, 'idc-shared', 'UnrecognizedClientException')()))).toBe(true);
    expect(await warm(b, u, 'idc-shared')).toBe(true);
    abcli('keys', 'delete', '--access-key-id', u.accessKeyId);
    expect(await eventually(refused(b, u, 'idc-shared', 'UnrecognizedClientException'))).toBe(true);
  });

  it("a role changed on node A applies on node B's next requests", async () => {
    const u = await a.addUser('idc-author', 'AUTHOR');
    await b.client(u).send(new qs.CreateActionConnectorCommand(createInput('idc-by-author')));
    expect(await warm(b, u, 'idc-by-author')).toBe(true);
    expect(await warm(a, u, 'idc-by-author')).toBe(true);
    await a.server.store.identities.putUser({ accountId: ACCOUNT, userName: 'idc-author', role: 'READER', createdAt: Date.now() }, true);
    // On the node that wrote, at once (its own writes empty its cache without waiting for the notification).
    await expectError(a.client(u).send(new qs.CreateActionConnectorCommand(createInput('idc-refused-on-a'))), 'AccessDeniedException');
    const denied = async () => {
      try {
        await b.client(u).send(new qs.CreateActionConnectorCommand(createInput(`idc-late-${Date.now()}`)));
        return false;
      } catch (e) {
        if ((e as Error).name !== 'AccessDeniedException') throw e;
        return true;
      }
    };
    expect(await eventually(denied)).toBe(true);
  });

  it('a user removed from a group by the CLI loses the group’s grant on node B; so does a revoked grant', async () => {
    const u = await a.addUser('idc-member', 'READER', ['idc-crew']);
    const crew = `arn:aws:quicksight:us-east-1:${ACCOUNT}:group/default/idc-crew`;
    const self = `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/idc-member`;
    await a.client().send(new qs.CreateActionConnectorCommand(createInput('idc-crew-conn')));
    await a.client().send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'idc-crew-conn',
        GrantPermissions: [{ Principal: crew, Actions: ['quicksight:DescribeActionConnector'] }],
      }),
    );
    expect(await warm(b, u, 'idc-crew-conn')).toBe(true);
    abcli('groups', 'remove-member', '--account', ACCOUNT, '--name', 'idc-crew', '--user', 'idc-member');
    expect(await eventually(refused(b, u, 'idc-crew-conn', 'AccessDeniedException'))).toBe(true);

    // A revocation on A is refused on B once the notification arrives (test/pg-connector-cache.test.ts).
    await a.client().send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'idc-crew-conn',
        GrantPermissions: [{ Principal: self, Actions: ['quicksight:DescribeActionConnector'] }],
      }),
    );
    expect(await eventually(async () => !(await refused(b, u, 'idc-crew-conn', 'AccessDeniedException')()))).toBe(true);
    await a.client().send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'idc-crew-conn',
        RevokePermissions: [{ Principal: self, Actions: ['quicksight:DescribeActionConnector'] }],
      }),
    );
    expect(await eventually(refused(b, u, 'idc-crew-conn', 'AccessDeniedException'))).toBe(true);
  });

  it('a user removed by the CLI is refused on node B', async () => {
    const u = await a.addUser('idc-gone', 'ADMIN');
    expect(await warm(b, u, 'idc-shared')).toBe(true);
    abcli('users', 'remove', '--account', ACCOUNT, '--name', 'idc-gone');
    expect(await eventually(refused(b, u, 'idc-shared', 'UnrecognizedClientException'))).toBe(true);
  });

  it('while its listening connection is down node B bypasses the cache; a change made meanwhile is seen; reconnected, it is warm again', async () => {
    const u = await a.addUser('idc-outage', 'ADMIN');
    expect(await warm(b, u, 'idc-shared')).toBe(true);
    const pid = pgDiagnostics(b).listenerPid;
    expect(pid).toBeTypeOf('number');
    await pgQuery('select pg_terminate_backend($1)', [pid]);
    expect(await eventually(async () => !pgDiagnostics(b).listening)).toBe(true);
    expect(b.logs()).toMatch(/the connection listening for identity and connector changes failed; reconnecting/);
    // Not listening: every Describe reads the key and the groups again (three round trips).
    const before = pgDiagnostics(b).queries;
    await describeOn(b, u, 'idc-shared');
    const bypassed = pgDiagnostics(b).queries - before;
    if (!pgDiagnostics(b).listening) expect(bypassed).toBe(3);
    expect(await eventually(async () => pgDiagnostics(b).listening, 10_000)).toBe(true);
    expect(pgDiagnostics(b).listenerPid).not.toBe(pid);
    expect(await warm(b, u, 'idc-shared')).toBe(true);
    abcli('keys', 'deactivate', '--access-key-id', u.accessKeyId);
    expect(await eventually(refused(b, u, 'idc-shared', 'UnrecognizedClientException'))).toBe(true);
  });
});
