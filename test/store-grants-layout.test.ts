// Grants stored one row per (connector, principal), the actions as bits (migration 0014,
// src/store/grant-bits.ts): a store written before it keeps every grant, and the bits
// behave as the rows did (grant adds, revoke removes, a grant left with no action goes).
// Runs on SQLite and, in the postgres project, on PostgreSQL.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ACCOUNT, REGION, TEST_STORE, createInput, expectError, qs, startTestServer, tempDir, type TestServer } from './helpers.js';
import { createSchema, bindDataDir, pgQuery, type TestSchema } from './support/pg-store.js';
import { grantActions, grantMask } from '../src/store/grant-bits.js';
import { CONNECTOR_ACTIONS } from '../src/auth/permissions.js';

const userArn = (name: string) => `arn:aws:quicksight:${REGION}:${ACCOUNT}:user/default/${name}`;
const groupArn = (name: string) => `arn:aws:quicksight:${REGION}:${ACCOUNT}:group/default/${name}`;
const D = 'quicksight:DescribeActionConnector';
const U = 'quicksight:UpdateActionConnector';
const I = 'quicksight:InvokeActionConnector';
const P = 'quicksight:DescribeActionConnectorPermissions';

describe('grant bits', () => {
  it('each connector action keeps its bit (stored data), and a mask lists its actions by name', () => {
    expect(CONNECTOR_ACTIONS.map((name, i) => [name.replace('quicksight:', ''), 1 << i])).toEqual([
      ['DescribeActionConnector', 1],
      ['UpdateActionConnector', 2],
      ['DeleteActionConnector', 4],
      ['DescribeActionConnectorPermissions', 8],
      ['UpdateActionConnectorPermissions', 16],
      ['ListActionConnectorActions', 32],
      ['InvokeActionConnector', 64],
    ]);
    expect(grantMask(CONNECTOR_ACTIONS)).toBe(127);
    expect(grantActions(grantMask([I, D, U]))).toEqual([D, I, U]);
    expect(() => grantMask(['quicksight:DeleteDataSet'])).toThrow(/not a connector action/);
  });
});

/** Statements that put a store back as it was before 0014: one row per (principal, action). */
const BACK_TO_0013 = [
  `create table connector_permissions (region text not null, account_id text not null, connector_id text not null, principal text not null, action text not null,
     constraint connector_permissions_pk primary key (region, account_id, connector_id, principal, action))`,
  'create index connector_permissions_by_principal on connector_permissions (region, account_id, principal, action, connector_id)',
  `with a(name, bit) as (values ${CONNECTOR_ACTIONS.map((n, i) => `('${n}', ${1 << i})`).join(', ')})
   insert into connector_permissions (region, account_id, connector_id, principal, action)
   select g.region, g.account_id, g.connector_id, g.principal, a.name from connector_grants g join a on (g.actions & a.bit) <> 0`,
  'drop table connector_grants',
  `delete from kysely_migration where name = '0014_connector_grants'`,
];

describe(`a ${TEST_STORE} store written before grants became bits`, () => {
  const dataDir = tempDir('ab-grants-');
  let schema: TestSchema | undefined;
  let t: TestServer | undefined;
  afterAll(async () => {
    await t?.stop();
    await schema?.drop();
  });

  async function sqlOnStore(statements: string[]): Promise<unknown[]> {
    let last: unknown[] = [];
    if (schema) {
      for (const s of statements) last = await pgQuery(s, [], schema.url);
      return last;
    }
    const db = new BetterSqlite3(path.join(dataDir, 'actionbridge.db'));
    try {
      for (const s of statements) {
        const st = db.prepare(s);
        if (st.reader) last = st.all();
        else {
          st.run();
          last = [];
        }
      }
    } finally {
      db.close();
    }
    return last;
  }

  const perms = async (c: qs.QuickSightClient, id: string) =>
    (await c.send(new qs.DescribeActionConnectorPermissionsCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }))).Permissions;

  it('keeps every grant through the migration, and what each principal may do', async () => {
    if (TEST_STORE === 'postgres') {
      schema = await createSchema('grants');
      bindDataDir(dataDir, schema.url);
    }
    t = await startTestServer({ dataDir });
    const admin = t.client();
    const viewer = await t.addUser('gl-viewer', 'READER');
    const member = await t.addUser('gl-member', 'READER', ['gl-team']);
    await admin.send(new qs.CreateActionConnectorCommand(createInput('gl-1')));
    await admin.send(new qs.CreateActionConnectorCommand(createInput('gl-2')));
    await admin.send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'gl-1',
        GrantPermissions: [
          { Principal: viewer.arn, Actions: [D] },
          { Principal: groupArn('gl-team'), Actions: [D, I, P] },
        ],
      }),
    );
    const before = { one: await perms(admin, 'gl-1'), two: await perms(admin, 'gl-2') };
    expect(before.one).toHaveLength(3);
    await t.stop();
    t = undefined;

    // As a store of 0013 would have it: one row per principal and action, 7 + 1 + 3 for gl-1 and 7 for gl-2.
    await sqlOnStore(BACK_TO_0013);
    const rows = (await sqlOnStore(['select connector_id, count(*) as n from connector_permissions group by connector_id order by connector_id'])) as {
      connector_id: string;
      n: number | string;
    }[];
    expect(rows.map((r) => [r.connector_id, Number(r.n)])).toEqual([
      ['gl-1', 11],
      ['gl-2', 7],
    ]);

    t = await startTestServer({ dataDir });
    const after = t.client();
    expect({ one: await perms(after, 'gl-1'), two: await perms(after, 'gl-2') }).toEqual(before);
    const stored = (await sqlOnStore(['select connector_id, principal, actions from connector_grants order by connector_id, principal'])) as {
      principal: string;
      actions: number;
    }[];
    expect(stored.map((r) => [r.principal, Number(r.actions)])).toEqual([
      [groupArn('gl-team'), grantMask([D, I, P])],
      [userArn('admin'), 127],
      [viewer.arn, grantMask([D])],
      [userArn('admin'), 127],
    ]);
    // What the grants allow is what they allowed.
    const v = t.client(viewer);
    const m = t.client(member);
    expect((await v.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'gl-1' }))).ActionConnector?.ActionConnectorId).toBe(
      'gl-1',
    );
    await expectError(v.send(new qs.DescribeActionConnectorPermissionsCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'gl-1' })), 'AccessDeniedException');
    expect(await perms(m, 'gl-1')).toEqual(before.one);
    await expectError(m.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'gl-2' })), 'AccessDeniedException');
    const listed = await m.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
    expect(listed.ActionConnectorSummaries?.map((s) => s.ActionConnectorId)).toEqual(['gl-1']);
  });

  it('grant adds actions, revoke removes them, and a principal left with none is gone from the store', async () => {
    const admin = t!.client();
    const update = (grant: qs.ResourcePermission[], revoke: qs.ResourcePermission[] = []) =>
      admin.send(
        new qs.UpdateActionConnectorPermissionsCommand({
          AwsAccountId: ACCOUNT,
          ActionConnectorId: 'gl-2',
          ...(grant.length ? { GrantPermissions: grant } : {}),
          ...(revoke.length ? { RevokePermissions: revoke } : {}),
        }),
      );
    const who = userArn('gl-viewer');
    const of = async () => (await perms(admin, 'gl-2'))?.find((p) => p.Principal === who)?.Actions;
    await update([{ Principal: who, Actions: [D] }]);
    await update([{ Principal: who, Actions: [I, D] }]);
    expect(await of()).toEqual([D, I]);
    // Granted and revoked in one request: revoked (revocations apply after grants).
    await update([{ Principal: who, Actions: [U] }], [{ Principal: who, Actions: [U, I] }]);
    expect(await of()).toEqual([D]);
    await update([], [{ Principal: who, Actions: [D] }]);
    expect(await of()).toBeUndefined();
    const left = (await sqlOnStore([`select count(*) as n from connector_grants where connector_id = 'gl-2' and principal = '${who}'`])) as {
      n: number | string;
    }[];
    expect(Number(left[0]!.n)).toBe(0);
    // The owner's grant is untouched throughout.
    expect((await perms(admin, 'gl-2'))?.map((p) => [p.Principal, p.Actions?.length])).toEqual([[userArn('admin'), 7]]);
  });
});
