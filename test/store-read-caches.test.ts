// SQLite's read caches (src/store/repos/connectors.ts): connector records and pages of
// summaries are kept between commits, read on a read-only connection (src/store/prepared.ts).
// Each test warms a cache through the real server, changes the row another way, and
// checks that the very next request sees the change:
//   - a change through the API (this process's commit, counted exactly);
//   - a change by another connection to the database file, as the CLI or an operator
//     with sqlite3 would make it (data_version, read once per turn of the event loop);
//   - a transaction in progress is invisible: what an Update has written but not committed
//     is never served, and what it committed is served at once.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, TEST_STORE, createInput, qs, startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
const describeName = async (id: string) =>
  (await t.client().send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }))).ActionConnector?.Name;
const listNames = async () =>
  ((await t.client().send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 100 }))).ActionConnectorSummaries ?? []).map(
    (s) => `${s.ActionConnectorId}=${s.Name}`,
  );

/** Another connection to the server's database file (a second process would do the same). */
function otherConnection(): BetterSqlite3.Database {
  const db = new BetterSqlite3(path.join(t.dataDir, 'actionbridge.db'));
  db.pragma('busy_timeout = 5000');
  return db;
}

beforeAll(async () => {
  t = await startTestServer();
  for (const id of ['rc-a', 'rc-b']) await t.client().send(new qs.CreateActionConnectorCommand({ ...createInput(id), Name: `${id} one` }));
});
afterAll(async () => {
  await t?.stop();
});

describe.skipIf(TEST_STORE !== 'sqlite')('read caches between commits (SQLite)', () => {
  it('an Update through the API is seen by the next Describe and List of a warm cache', async () => {
    for (let i = 0; i < 3; i++) expect(await describeName('rc-a')).toBe('rc-a one');
    expect(await listNames()).toContain('rc-a=rc-a one');
    await t.client().send(new qs.UpdateActionConnectorCommand({ ...createInput('rc-a'), Name: 'rc-a two' }));
    expect(await describeName('rc-a')).toBe('rc-a two');
    expect(await listNames()).toContain('rc-a=rc-a two');
  });

  it('a change by another connection is seen by the next request of a warm cache', async () => {
    for (let i = 0; i < 3; i++) expect(await describeName('rc-b')).toBe('rc-b one');
    expect(await listNames()).toContain('rc-b=rc-b one');
    const db = otherConnection();
    try {
      db.prepare("update connectors set name = 'rc-b edited', name_lower = 'rc-b edited' where connector_id = 'rc-b'").run();
    } finally {
      db.close();
    }
    expect(await describeName('rc-b')).toBe('rc-b edited');
    expect(await listNames()).toContain('rc-b=rc-b edited');
  });

  it('a connector deleted by another connection is gone for the next Describe and List', async () => {
    await t.client().send(new qs.CreateActionConnectorCommand(createInput('rc-gone')));
    for (let i = 0; i < 3; i++) expect(await describeName('rc-gone')).toBeDefined();
    expect((await listNames()).some((n) => n.startsWith('rc-gone='))).toBe(true);
    const db = otherConnection();
    try {
      db.prepare("delete from connector_grants where connector_id = 'rc-gone'").run();
      db.prepare("delete from connectors where connector_id = 'rc-gone'").run();
    } finally {
      db.close();
    }
    await expect(describeName('rc-gone')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect((await listNames()).some((n) => n.startsWith('rc-gone='))).toBe(false);
  });

  it('Describes racing Updates never see a name that was not committed, and the last committed one at the end', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `rc-a race ${i}`);
    const seen = new Set<string>();
    const reads = async () => {
      for (let i = 0; i < 40; i++) seen.add(String(await describeName('rc-a')));
    };
    const writes = async () => {
      for (const n of names) await t.client().send(new qs.UpdateActionConnectorCommand({ ...createInput('rc-a'), Name: n }));
    };
    await Promise.all([reads(), reads(), writes()]);
    for (const n of seen) expect(['rc-a two', ...names]).toContain(n);
    expect(await describeName('rc-a')).toBe(names[names.length - 1]);
    expect(await listNames()).toContain(`rc-a=${names[names.length - 1]}`);
  });
});
