// The PostgreSQL store: the same SqlStore (src/store/sql-store.ts) over Kysely's
// PostgresDialect and a `pg` pool, for several nodes sharing one database.
//
// - Connections: a pool of `poolSize` for queries, each with the statement timeout;
//   a second, smaller pool for the cross-node locks of Store.withLock (a waiter sits
//   on one of those, never on a query connection, so lock holders always get a query
//   connection: no pool starvation however many locks are wanted at once).
// - The schema is whatever the connection's search_path names first (e.g.
//   `?options=-c%20search_path%3Dactionbridge` in the URL); tables are created there.
// - Migrations run on start on a connection of their own without statement timeout;
//   Kysely's migrator holds a PostgreSQL advisory lock while it runs them, so of
//   several nodes starting at once one migrates and the others wait, then find
//   nothing left to do.
// - int8 (bigint) columns are read as JavaScript numbers (epoch milliseconds and
//   counts stay far below 2^53), as SQLite gives them.
// - Identity rows (access keys, users, groups) and connector records with the grant
//   decisions made on them are cached on each node while it LISTENs for their changes on
//   one more connection (src/store/notify.ts says when the caches are served and when they
//   are bypassed). `diagnostics()` counts the round trips of the query pool, for the tests
//   that bound what one request costs.
import { createHash } from 'node:crypto';
import pg from 'pg';
import {
  type ColumnDefinitionNode,
  DataTypeNode,
  Kysely,
  type KyselyPlugin,
  Migrator,
  OperationNodeTransformer,
  PostgresDialect,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  RawNode,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { Database } from './schema.js';
import { migrationProviderFor } from './migrations.js';
import { SqlStore } from './sql-store.js';
import { errorMessage } from '../error-text.js';
import { StoreChanges, watchWrites } from './notify.js';
import type { RawReader } from './prepared.js';

export interface PostgresOptions {
  /** Called when the connection that listens for identity and connector changes fails (it reconnects by itself). */
  onListenError?: (e: unknown) => void;
  /** Connections for queries (default 10). */
  poolSize?: number;
  /** Statement timeout of query connections in ms; 0 = none (default 30,000). */
  statementTimeoutMs?: number;
  /** Longest wait for a cross-node lock (default 120,000 ms): longer than any token request takes. */
  lockWaitMs?: number;
  /** Called once if named prepared statements stop working (a pooler between node and database) and hot reads fall back to unnamed ones. */
  onPreparedStatementsOff?: (reason: string) => void;
}

const INT8_OID = 20;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** Connection settings from the URL plus ours; `options` (e.g. search_path) in the URL is kept. */
function poolConfig(url: string, extra: pg.PoolConfig): pg.PoolConfig {
  return { connectionString: url, application_name: 'actionbridge', types: types as pg.CustomTypesConfig, ...extra };
}

/** The lock id of a name: 64 bits of its SHA-256 as a signed bigint, as pg_advisory_xact_lock takes it. */
export function advisoryKey(scope: string, name: string): string {
  return createHash('sha256').update(`actionbridge-lock\u0000${scope}\u0000${name}`).digest().readBigInt64BE(0).toString();
}

export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<SqlStore> {
  const poolSize = opts.poolSize ?? 10;
  const statementTimeout = opts.statementTimeoutMs ?? 30_000;
  const lockWaitMs = opts.lockWaitMs ?? 120_000;

  // Migrations first, on one connection without statement timeout (a migration of a
  // big table, or waiting for another node's, may take longer than any query).
  const schema = await migrate(url);

  const pool = new pg.Pool(
    poolConfig(url, {
      max: poolSize,
      ...(statementTimeout > 0 ? { statement_timeout: statementTimeout } : {}),
      // A request waiting this long for a free connection fails (InternalFailure) instead of hanging.
      connectionTimeoutMillis: 30_000,
      idleTimeoutMillis: 30_000,
    }),
  );
  const lockPool = new pg.Pool(poolConfig(url, { max: Math.max(2, Math.ceil(poolSize / 2)), connectionTimeoutMillis: lockWaitMs, idleTimeoutMillis: 30_000 }));
  // An idle connection the server dropped (restart, failover) is an 'error' event on the
  // pool: the pool discards it and the next query opens a new one. Unheard, it would end the process.
  pool.on('error', () => undefined);
  lockPool.on('error', () => undefined);

  const changes = new StoreChanges(poolConfig(url, {}), schema, { onError: opts.onListenError });
  const stats = { queries: 0 };
  pool.on('connect', (client) => watchWrites(client, changes, stats));
  await changes.start();

  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });

  /**
   * Store.withLock across nodes: a transaction on a lock connection that takes
   * pg_advisory_xact_lock(key of the name) and holds it while `fn` runs (on the query
   * pool). Ending the transaction releases it; so does the connection dying with its
   * node, so a killed node never leaves a lock behind.
   */
  async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const client = await lockPool.connect();
    let broken: Error | undefined;
    try {
      await client.query('begin');
      await client.query(`set local statement_timeout = ${Math.floor(lockWaitMs)}`);
      await client.query('select pg_advisory_xact_lock($1::bigint)', [advisoryKey(schema, name)]);
      return await fn();
    } finally {
      try {
        await client.query('rollback');
      } catch (e) {
        broken = e instanceof Error ? e : new Error(String(e));
      }
      client.release(broken);
    }
  }

  const store = new SqlStore(db, 'postgres', () => changes.version('identity'), {
    reader: namedReader(pool, opts.onPreparedStatementsOff),
    // Connector records (and grant decisions) are served from memory while this node hears
    // every change to connectors, grants and tags; undefined (bypass) while it does not.
    committedVersion: () => changes.version('connector'),
    cacheGrants: true,
    withLock,
    migrate: async () => {
      await migrate(url);
    },
    close: async () => {
      await changes.close();
      await lockPool.end();
    },
  });
  return Object.assign(store, {
    // The query pool's state, for the metrics (actionbridge_db_pool_*; src/server/metrics.ts).
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    /** Round trips on the query pool so far; whether changes are heard now, and how many were (identity, connector). */
    diagnostics: () => ({
      queries: stats.queries,
      listening: changes.isListening,
      listenerPid: changes.pid,
      notifications: changes.heard.identity,
      connectorNotifications: changes.heard.connector,
    }),
  });
}

/** SQLSTATE of "cached plan must not change result type": a table a prepared statement reads changed shape (another node migrated). */
const CACHED_PLAN_CHANGED = '0A000';
/** SQLSTATE of "prepared statement does not exist": something between us and the database (a transaction-mode pooler) lost it. */
const NO_SUCH_STATEMENT = '26000';

/**
 * The hot reads (src/store/prepared.ts) as named prepared statements: each pool connection
 * parses and plans each of them once, then only binds and executes (a Describe's one round
 * trip then costs the database and the node less). A statement whose plan went stale
 * because another node migrated the table is prepared again under a new name. Where named
 * statements do not survive (a pooler in transaction mode that predates prepared-statement
 * support), the reader falls back to unnamed statements for good, and says so once.
 */
function namedReader(pool: pg.Pool, onOff?: (reason: string) => void): RawReader {
  const names = new Map<string, string>();
  let generation = 0;
  let named = true;
  const unnamed = (text: string, values: readonly unknown[]) => pool.query({ text, values: values as unknown[] }).then((r) => r.rows);
  return async (text, values) => {
    if (!named) return unnamed(text, values);
    let name = names.get(text);
    if (name === undefined) {
      name = `ab_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
      names.set(text, name);
    }
    try {
      return (await pool.query({ name: `${name}_${generation}`, text, values: values as unknown[] })).rows;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === CACHED_PLAN_CHANGED) {
        generation++;
        return unnamed(text, values);
      }
      if (code === NO_SUCH_STATEMENT) {
        named = false;
        onOff?.('the database connection lost a prepared statement (a pooler in transaction mode?): hot reads use unnamed statements from now on');
        return unnamed(text, values);
      }
      throw e;
    }
  };
}

/**
 * Text in byte order on PostgreSQL, as SQLite compares it: every `text` column a
 * migration creates or adds is created `text collate "C"`, whatever the database's
 * default collation (which may put 'B' after 'a', or ignore punctuation). Keyset
 * pagination and every ORDER BY then give the same order on both stores, in tables
 * of migrations written later too. (0003_postgres_byte_order does the same for the
 * tables of 0001 and 0002.)
 */
class ByteOrderText extends OperationNodeTransformer {
  protected override transformColumnDefinition(node: ColumnDefinitionNode, queryId?: QueryId): ColumnDefinitionNode {
    const out = super.transformColumnDefinition(node, queryId);
    if (DataTypeNode.is(out.dataType) && out.dataType.dataType === 'text') return { ...out, dataType: RawNode.createWithSql('text collate "C"') };
    return out;
  }
}
export const byteOrderTextPlugin: KyselyPlugin = {
  transformQuery: (args: PluginTransformQueryArgs): RootOperationNode => new ByteOrderText().transformNode(args.node, args.queryId),
  transformResult: async (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => args.result,
};

/** Applies pending migrations; returns the schema the tables are in. */
async function migrate(url: string): Promise<string> {
  const pool = new pg.Pool(poolConfig(url, { max: 1 }));
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [byteOrderTextPlugin] });
  try {
    const r = await pool.query<{ schema: string | null }>('select current_schema() as schema');
    const schema = r.rows[0]?.schema;
    if (!schema) throw new Error('PostgreSQL: no schema to create tables in (the search_path names no existing schema)');
    const provider = migrationProviderFor('postgres');
    // Fast path for every start but the first after an upgrade (and for each CLI command):
    // all migrations recorded, nothing to lock or to introspect.
    const known = Object.keys(await provider.getMigrations());
    const applied = await pool.query<{ name: string }>(`select name from ${pg.escapeIdentifier(schema)}.kysely_migration`).then(
      (x) => new Set(x.rows.map((row) => row.name)),
      () => undefined,
    );
    if (applied && known.every((n) => applied.has(n))) return schema;
    // The migration tables are looked up in this schema only: another schema of the same
    // database (another deployment, or a test) with its own kysely_migration is not ours.
    const migrator = new Migrator({ db, provider, migrationTableSchema: schema });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((x) => x.status === 'Error');
      throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(errorMessage(error) ?? error)}`);
    }
    return schema;
  } finally {
    await db.destroy();
  }
}
