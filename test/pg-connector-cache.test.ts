// Connector records and grant decisions cached on every PostgreSQL node, and invalidated
// across nodes by LISTEN/NOTIFY (src/store/notify.ts, family 'connector'; migration
// 0012_connector_notify): two servers on one schema. A warm signed Describe makes no
// database round trip. An update, a revoked grant or a delete on node A — or a write by
// plain SQL — is seen on node B once the notification arrives (polled for at most 2 s);
// on the node that wrote, at once, even with the trigger off (its own writes move the
// version). With the trigger off B would serve its stale record (shown), and while B's
// listening connection is down it reads the database on every request. Node B connects
// as a role of its own, so that the test can keep B's listener from reconnecting (the
// role may not log in for a while) without touching other clients of the database.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, createInput, expectError, qs, startTestServer, tempDir, type TestServer, type TestUser } from './helpers.js';
import { PG_SKIP_REASON, PG_URL, createSchema, pgDiagnostics, pgQuery, type TestSchema } from './support/pg-store.js';
import { eventually } from './support/wait.js';

const d = PG_URL ? describe : describe.skip;

const DESCRIBE = 'quicksight:DescribeActionConnector';

d(PG_URL ? 'connector cache on two PostgreSQL nodes' : PG_SKIP_REASON, () => {
  let schema: TestSchema;
  let dataDir: string;
  let a: TestServer;
  let b: TestServer;
  let reader: TestUser;
  /** Node B's database role. */
  const roleB = `abt_cc_${randomBytes(4).toString('hex')}`;
  const describeOn = (t: TestServer, u: TestUser | undefined, id: string) =>
    t.client(u).send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
  const nameOn = async (t: TestServer, u: TestUser | undefined, id: string) => (await describeOn(t, u, id)).ActionConnector?.Name;
  /** Round trips of `n` Describes on `t` by `u`, after two to warm up. */
  async function roundTrips(t: TestServer, u: TestUser | undefined, id: string, n = 5): Promise<number> {
    await describeOn(t, u, id);
    await describeOn(t, u, id);
    const before = pgDiagnostics(t).queries;
    for (let i = 0; i < n; i++) await describeOn(t, u, id);
    return (pgDiagnostics(t).queries - before) / n;
  }
  /**
   * Whether Describes on `t` by `u` reach no round trip at all within 2 s (a notification of
   * an earlier write, still on its way, may empty a cache once more meanwhile).
   */
  const warm = (t: TestServer, u: TestUser | undefined, id: string) => eventually(async () => (await roundTrips(t, u, id)) === 0);
  /** Whether a Describe on `t` by `u` fails with `name` now. */
  const refused = (t: TestServer, u: TestUser | undefined, id: string, name: string) => async () => {
    try {
      await describeOn(t, u, id);
      return false;
    } catch (e) {
      if ((e as Error).name !== name) throw e;
      return true;
    }
  };
  const rename = (t: TestServer, id: string, name: string) =>
    t.client().send(
      new qs.UpdateActionConnectorCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: id,
        Name: name,
        AuthenticationConfig: createInput(id).AuthenticationConfig,
      }),
    );
  const permissions = (t: TestServer, id: string, change: 'GrantPermissions' | 'RevokePermissions', principal: string) =>
    t.client().send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: id,
        [change]: [{ Principal: principal, Actions: [DESCRIBE] }],
      }),
    );
  /** A connector created on A, read by `reader` (granted Describe), warm on both nodes. */
  async function connector(id: string): Promise<void> {
    await a.client().send(new qs.CreateActionConnectorCommand(createInput(id)));
    await permissions(a, id, 'GrantPermissions', reader.arn);
    for (const t of [a, b]) {
      expect(await warm(t, undefined, id)).toBe(true);
      expect(await warm(t, reader, id)).toBe(true);
    }
  }
  const trigger = (table: string, on: boolean) =>
    pgQuery(`alter table "${schema.schema}".${table} ${on ? 'enable' : 'disable'} trigger ${table}_connector_changed`);

  beforeAll(async () => {
    schema = await createSchema('cc');
    dataDir = tempDir('ab-pg-cc-');
    const postgres = { poolSize: 4, statementTimeoutMs: 30_000 };
    a = await startTestServer({ databaseUrl: schema.url, dataDir, postgres });
    // B as a role of its own, with every right on the schema A created.
    await pgQuery(`create role ${roleB} login`);
    await pgQuery(`grant usage on schema "${schema.schema}" to ${roleB}`);
    await pgQuery(`grant all on all tables in schema "${schema.schema}" to ${roleB}`);
    const urlB = new URL(schema.url);
    urlB.username = roleB;
    b = await startTestServer({ databaseUrl: urlB.href, dataDir, postgres });
    reader = await a.addUser('cc-reader', 'READER');
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await schema?.drop();
    await pgQuery(`drop role if exists ${roleB}`);
  });

  it('a warm signed Describe makes no database round trip, for an ADMIN and for a grantee; a refusal is kept too', async () => {
    expect(pgDiagnostics(b).listening).toBe(true);
    await connector('cc-warm');
    const outsider = await a.addUser('cc-outsider', 'READER');
    const refusals = async () => {
      await expectError(describeOn(b, outsider, 'cc-warm'), 'AccessDeniedException');
      const before = pgDiagnostics(b).queries;
      for (let i = 0; i < 5; i++) await expectError(describeOn(b, outsider, 'cc-warm'), 'AccessDeniedException');
      return pgDiagnostics(b).queries - before === 0;
    };
    expect(await eventually(refusals)).toBe(true);
    // The answer of a cached record is the same bytes each time (its JSON kept: serializeOnce).
    const [x, y] = [await describeOn(b, reader, 'cc-warm'), await describeOn(b, reader, 'cc-warm')];
    expect(y.ActionConnector).toEqual(x.ActionConnector);
  });

  it("an update on node A is seen by node B's Describe once the notification arrives; with the trigger off B keeps its stale record", async () => {
    await connector('cc-update');
    // The trigger off: B is not told, and serves what it cached — it really answers from memory.
    await trigger('connectors', false);
    try {
      await rename(a, 'cc-update', 'Unheard name');
      expect(await nameOn(a, undefined, 'cc-update')).toBe('Unheard name');
      await new Promise((r) => setTimeout(r, 300));
      for (const u of [undefined, reader]) expect(await nameOn(b, u, 'cc-update')).toBe('Connector cc-update');
    } finally {
      await trigger('connectors', true);
    }
    const heard = pgDiagnostics(b).connectorNotifications;
    await rename(a, 'cc-update', 'Heard name');
    expect(await eventually(async () => (await nameOn(b, undefined, 'cc-update')) === 'Heard name')).toBe(true);
    expect(await nameOn(b, reader, 'cc-update')).toBe('Heard name');
    expect(pgDiagnostics(b).connectorNotifications).toBeGreaterThan(heard);
    expect(await warm(b, reader, 'cc-update')).toBe(true);
  });

  it('a grant revoked on node A is refused on node B promptly (AccessDenied); granted again, served again', async () => {
    await connector('cc-revoke');
    await permissions(a, 'cc-revoke', 'RevokePermissions', reader.arn);
    await expectError(describeOn(a, reader, 'cc-revoke'), 'AccessDeniedException');
    expect(await eventually(refused(b, reader, 'cc-revoke', 'AccessDeniedException'))).toBe(true);
    await permissions(a, 'cc-revoke', 'GrantPermissions', reader.arn);
    expect(await eventually(async () => !(await refused(b, reader, 'cc-revoke', 'AccessDeniedException')()))).toBe(true);
  });

  it('a connector deleted on node A is ResourceNotFound on node B (and refused to a grantee)', async () => {
    await connector('cc-delete');
    await a.client().send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'cc-delete' }));
    await expectError(describeOn(a, undefined, 'cc-delete'), 'ResourceNotFoundException', 404);
    expect(await eventually(refused(b, undefined, 'cc-delete', 'ResourceNotFoundException'))).toBe(true);
    expect(await eventually(refused(b, reader, 'cc-delete', 'AccessDeniedException'))).toBe(true);
  });

  it('writes by plain SQL (anyone with database access) are heard: a row changed, a grant deleted, a connector deleted', async () => {
    await connector('cc-sql');
    const where = `region = 'us-east-1' and account_id = '${ACCOUNT}' and connector_id = 'cc-sql'`;
    await pgQuery(`update "${schema.schema}".connectors set name = 'Set by SQL' where ${where}`);
    expect(await eventually(async () => (await nameOn(b, undefined, 'cc-sql')) === 'Set by SQL')).toBe(true);
    expect(await eventually(async () => (await nameOn(a, reader, 'cc-sql')) === 'Set by SQL')).toBe(true);
    await pgQuery(`delete from "${schema.schema}".connector_grants where ${where} and principal = $1`, [reader.arn]);
    expect(await eventually(refused(b, reader, 'cc-sql', 'AccessDeniedException'))).toBe(true);
    await pgQuery(`delete from "${schema.schema}".connectors where ${where}`);
    expect(await eventually(refused(b, undefined, 'cc-sql', 'ResourceNotFoundException'))).toBe(true);
  });

  it("a node's own writes are seen on its next request at once, with no notification at all (the trigger off)", async () => {
    await connector('cc-own');
    const tables = ['connectors', 'connector_grants'];
    for (const t of tables) await trigger(t, false);
    try {
      await rename(b, 'cc-own', 'Own write');
      expect(await nameOn(b, undefined, 'cc-own')).toBe('Own write');
      expect(await nameOn(b, reader, 'cc-own')).toBe('Own write');
      await permissions(b, 'cc-own', 'RevokePermissions', reader.arn);
      await expectError(describeOn(b, reader, 'cc-own'), 'AccessDeniedException');
      await permissions(b, 'cc-own', 'GrantPermissions', reader.arn);
      expect(await nameOn(b, reader, 'cc-own')).toBe('Own write');
      await b.client().send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'cc-own' }));
      await expectError(describeOn(b, undefined, 'cc-own'), 'ResourceNotFoundException', 404);
      await expectError(describeOn(b, reader, 'cc-own'), 'AccessDeniedException');
    } finally {
      for (const t of tables) await trigger(t, true);
    }
  });

  it("Describes racing a node's own Updates: after each Update the next Describe on that node sees it (no notification needed)", async () => {
    await connector('cc-race');
    // The trigger off: only the node's own version changes (after the statement, and again
    // when its transaction ends) keep a Describe that read the row mid-transaction from being served later.
    await trigger('connectors', false);
    let done = false;
    const seen: unknown[] = [];
    const racers = Array.from({ length: 6 }, async (_, i) => {
      while (!done) {
        try {
          await describeOn(a, i % 2 ? reader : undefined, 'cc-race');
        } catch (e) {
          seen.push(e);
        }
      }
    });
    try {
      for (let n = 1; n <= 25; n++) {
        await rename(a, 'cc-race', `Race ${n}`);
        expect(await nameOn(a, undefined, 'cc-race')).toBe(`Race ${n}`);
        expect(await nameOn(a, reader, 'cc-race')).toBe(`Race ${n}`);
      }
    } finally {
      done = true;
      await Promise.all(racers);
      await trigger('connectors', true);
    }
    expect(seen).toEqual([]);
  });

  it('while its listening connection is down node B reads the database on every Describe (still correct); reconnected, it caches and hears again', async () => {
    await connector('cc-outage');
    const pid = pgDiagnostics(b).listenerPid;
    expect(pid).toBeTypeOf('number');
    const setName = (name: string) => pgQuery(`update "${schema.schema}".connectors set name = $1 where connector_id = 'cc-outage'`, [name]);
    // No notification for these changes (the trigger off), and B's listener cannot come
    // back (its role may not log in; B's pool keeps the connections it has): only the
    // bypass makes B answer them.
    await trigger('connectors', false);
    await pgQuery(`alter role ${roleB} nologin`);
    try {
      await pgQuery('select pg_terminate_backend($1)', [pid]);
      expect(await eventually(async () => !pgDiagnostics(b).listening)).toBe(true);
      for (const name of ['Changed in the outage', 'Changed again']) {
        await setName(name);
        const before = pgDiagnostics(b).queries;
        expect(await nameOn(b, reader, 'cc-outage')).toBe(name);
        // Not listening: the key, the groups and the connector are read again (three round trips).
        expect(pgDiagnostics(b).queries - before).toBe(3);
        expect(await nameOn(b, undefined, 'cc-outage')).toBe(name);
      }
      expect(pgDiagnostics(b).listening).toBe(false);
    } finally {
      await pgQuery(`alter role ${roleB} login`);
      await trigger('connectors', true);
    }
    expect(b.logs()).toMatch(/the connection listening for identity and connector changes failed; reconnecting/);
    expect(await eventually(async () => pgDiagnostics(b).listening, 10_000)).toBe(true);
    expect(pgDiagnostics(b).listenerPid).not.toBe(pid);
    expect(await warm(b, reader, 'cc-outage')).toBe(true);
    await rename(a, 'cc-outage', 'After the outage');
    expect(await eventually(async () => (await nameOn(b, reader, 'cc-outage')) === 'After the outage')).toBe(true);
  });
});
