// The PostgreSQL store itself (src/store/postgres.ts), below the API: withLock across
// store instances (as across nodes), the settings reaching the connections, text in
// byte order, bigints as numbers, and several stores opening one empty schema at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openStore } from '../src/store/open.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { UniqueViolation } from '../src/store/store.js';
import type { ConnectorRecord } from '../src/domain/types.js';
import { PG_SKIP_REASON, PG_URL, createSchema, type TestSchema } from './support/pg-store.js';
import { tempDir } from './helpers.js';

const d = PG_URL ? describe : describe.skip;
const open = (url: string, postgres = {}) => openStore({ dataDir: tempDir('ab-pgs-'), databaseUrl: url, postgres }) as Promise<SqlStore>;
const rec = (id: string, name = `N ${id}`): ConnectorRecord => ({
  region: 'us-east-1',
  accountId: '111122223333',
  id,
  name,
  type: 'GENERIC_HTTP',
  description: null,
  authType: 'NONE',
  authPublic: {},
  authSecret: null,
  vpcConnectionArn: null,
  enabledActions: [],
  status: 'CREATION_SUCCESSFUL',
  createdAt: 1767225600123,
  updatedAt: 1767225600123,
  apiDefinitionVersion: null,
  mcpServerVersion: null,
});

d(PG_URL ? 'PostgreSQL store' : PG_SKIP_REASON, () => {
  let schema: TestSchema;
  let a: SqlStore;
  let b: SqlStore;
  beforeAll(async () => {
    schema = await createSchema('st');
    // Five stores opening the empty schema at once: migrations once, all usable.
    const stores = await Promise.all(Array.from({ length: 5 }, () => open(schema.url, { poolSize: 3, statementTimeoutMs: 1234 })));
    [a, b] = stores as [SqlStore, SqlStore];
    for (const s of stores.slice(2)) await s.close();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await schema?.drop();
  });

  it('withLock: one holder at a time across stores; other names do not wait; released on error', async () => {
    const events: string[] = [];
    const hold = (s: SqlStore, who: string, ms: number) =>
      s.withLock('token|us-east-1|1|c', async () => {
        events.push(`${who}+`);
        await new Promise((r) => setTimeout(r, ms));
        events.push(`${who}-`);
        return who;
      });
    const other = b.withLock('token|us-east-1|1|other', async () => {
      events.push('other');
    });
    const r = await Promise.all([hold(a, 'a1', 200), hold(b, 'b1', 50), hold(a, 'a2', 50), hold(b, 'b2', 50), other]);
    expect(r.slice(0, 4)).toEqual(['a1', 'b1', 'a2', 'b2']);
    const inner = events.filter((e) => e !== 'other');
    for (let i = 0; i < inner.length; i += 2) expect(inner[i]!.slice(0, -1)).toBe(inner[i + 1]!.slice(0, -1)); // never interleaved
    expect(events.indexOf('other')).toBeLessThan(events.indexOf('a1-')); // another name did not wait for a1
    await expect(
      a.withLock('boom', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await b.withLock('boom', async () => 'free')).toBe('free');
  });

  it('the pool has the configured statement timeout; int8 reads as numbers; text in byte order', async () => {
    const st = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(a.db);
    expect(st.rows[0]!.statement_timeout).toBe('1234ms');
    for (const id of ['b', 'B', '_', 'a', 'Z', '0', 'é', '~']) await a.connectors.insertConnector(rec(id), [], []);
    await expect(b.connectors.insertConnector(rec('a'), [], [])).rejects.toBeInstanceOf(UniqueViolation);
    const got = await b.connectors.queryConnectors({ region: 'us-east-1', accountId: '111122223333', limit: 100 });
    expect(got.map((c) => c.id)).toEqual(['0', 'B', 'Z', '_', 'a', 'b', '~', 'é']);
    expect(got[0]!.createdAt).toBe(1767225600123);
    const page = await b.connectors.queryConnectors({ region: 'us-east-1', accountId: '111122223333', limit: 2, afterId: 'Z' });
    expect(page.map((c) => c.id)).toEqual(['_', 'a']);
    const n = await sql<{ n: unknown }>`select count(*) as n from connectors`.execute(a.db);
    expect(n.rows[0]!.n).toBe(8);
  });

  it('a statement running past the timeout is cut off', async () => {
    await expect(sql`select pg_sleep(3)`.execute(a.db)).rejects.toThrow(/statement timeout/);
  });
});
