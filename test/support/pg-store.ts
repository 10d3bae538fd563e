// The PostgreSQL side of the test harness (see test/helpers.ts and vitest.config.ts).
//
// ACTIONBRIDGE_TEST_PG_URL names a database (.ci/run: postgres://postgres@127.0.0.1:5432/test);
// without it every PostgreSQL test is skipped, saying why. ACTIONBRIDGE_TEST_STORE=postgres
// (set by the `postgres` vitest project) makes startTestServer, startChildServer and cli
// run on PostgreSQL: each server gets a schema of its own (`abt_<run>_<random>`, in the
// URL's search_path), dropped when the server stops, and whatever a test run left is
// dropped by the global teardown (test/support/pg-global-setup.ts).
//
// A data dir on PostgreSQL holds `.test-database-url`, the URL of its schema: the
// preload test/support/pg-preload.mjs (in NODE_OPTIONS of every process the tests start)
// gives it to bin/actionbridge run with that --data-dir, so `cli(...)`, a child server
// restarted on the same dir, and plain execFile calls of the binary all use that schema.
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

export const PG_URL: string | undefined = process.env.ACTIONBRIDGE_TEST_PG_URL || undefined;
export const TEST_STORE: 'sqlite' | 'postgres' = process.env.ACTIONBRIDGE_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
export const PG_SKIP_REASON =
  'PostgreSQL tests skipped: ACTIONBRIDGE_TEST_PG_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test, as .ci/run sets it)';
export const DB_URL_FILE = '.test-database-url';
const PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pg-preload.mjs');

/** This test run's schema prefix: the global setup names the run; a lone file gets its own. */
export const RUN = process.env.ACTIONBRIDGE_TEST_PG_RUN ?? `${Math.floor(Date.now() / 1000).toString(36)}p${process.pid}`;

/** The URL of `schema` in the test database: search_path in the connection's options. */
export function schemaUrl(schema: string, base = PG_URL): string {
  if (!base) throw new Error(PG_SKIP_REASON);
  const u = new URL(base);
  u.searchParams.delete('options');
  // %20, not '+': libpq (psql, pg_dump) does not read '+' as a space; node-postgres reads both.
  const q = u.searchParams.toString();
  u.search = `${q ? `${q}&` : ''}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return u.href;
}

export async function pgQuery<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = [], url = PG_URL): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<R>(text, params)).rows;
  } finally {
    await c.end();
  }
}

export interface TestSchema {
  schema: string;
  url: string;
  drop(): Promise<void>;
}

/** A new, empty schema of this run. */
export async function createSchema(tag = ''): Promise<TestSchema> {
  const schema = `abt_${RUN}_${tag ? `${tag.replace(/[^a-z0-9]/g, '')}_` : ''}${randomBytes(5).toString('hex')}`;
  await pgQuery(`create schema "${schema}"`);
  return { schema, url: schemaUrl(schema), drop: () => dropSchema(schema) };
}

export async function dropSchema(schema: string): Promise<void> {
  if (!/^abt_[a-z0-9_]+$/.test(schema)) throw new Error(`not a test schema: ${schema}`);
  await pgQuery(`drop schema if exists "${schema}" cascade`);
}

/** Makes bin/actionbridge run with this data dir use `url` (see pg-preload.mjs). */
export function bindDataDir(dataDir: string, url: string): void {
  writeFileSync(path.join(dataDir, DB_URL_FILE), `${url}\n`);
}

export function databaseUrlOf(dataDir: string): string | undefined {
  const f = path.join(dataDir, DB_URL_FILE);
  return existsSync(f) ? readFileSync(f, 'utf8').trim() : undefined;
}

/** In PostgreSQL mode, processes started by the tests load the preload. */
export function installPreload(): void {
  const flag = `--import=${pathToFileURL(PRELOAD).href}`;
  const cur = process.env.NODE_OPTIONS ?? '';
  if (!cur.includes(flag)) process.env.NODE_OPTIONS = `${cur} ${flag}`.trim();
}

let syncWorker: { worker: Worker; port: MessagePort } | undefined;

/**
 * A query answered synchronously (for the synchronous snapshot below): a worker thread
 * holds the connection and runs it while this thread waits (Atomics.wait).
 */
export function querySync<R = Record<string, unknown>>(url: string, text: string): R[] {
  if (!syncWorker) {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(new URL('./pg-sync-worker.mjs', import.meta.url), { workerData: { port: port2 }, transferList: [port2] });
    worker.unref();
    port1.unref();
    syncWorker = { worker, port: port1 };
  }
  const signal = new Int32Array(new SharedArrayBuffer(4));
  syncWorker.port.postMessage({ url, text, signal });
  if (Atomics.wait(signal, 0, 0, 30_000) === 'timed-out') throw new Error(`querySync: no answer within 30 s: ${text}`);
  const msg = receiveMessageOnPort(syncWorker.port)?.message as { rows?: R[]; error?: string } | undefined;
  if (!msg || msg.error !== undefined) throw new Error(`querySync: ${msg?.error ?? 'no answer'}`);
  return msg.rows!;
}

/** Every row of every table of a schema, as the SQLite snapshot of test/auth-support.ts gives them (synchronous). */
export function pgSnapshotSync(url: string): Record<string, unknown[]> {
  const tables = querySync<{ t: string }>(
    url,
    "select table_name as t from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1",
  ).map((r) => r.t);
  if (tables.length === 0) return {};
  const q = tables.map((t) => `select '${t}' as t, coalesce((select jsonb_agg(x) from ${pg.escapeIdentifier(t)} x), '[]'::jsonb) as rows`).join(' union all ');
  const out: Record<string, unknown[]> = {};
  for (const { t, rows } of querySync<{ t: string; rows: unknown[] }>(url, q)) {
    out[t] = rows
      .map((r) => JSON.stringify(r))
      .sort()
      .map((r) => JSON.parse(r));
  }
  return out;
}

/** What a PostgreSQL store counts for the tests (src/store/postgres.ts, diagnostics()): pool round trips, the listening connection, notifications heard per family. */
export interface PgDiagnostics {
  queries: number;
  listening: boolean;
  listenerPid?: number;
  notifications: number;
  connectorNotifications: number;
}

/** The diagnostics of a test server's PostgreSQL store. */
export const pgDiagnostics = (t: { server: { store: unknown } }): PgDiagnostics => (t.server.store as { diagnostics(): PgDiagnostics }).diagnostics();
