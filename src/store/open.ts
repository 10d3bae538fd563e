// Opens the store a configuration names: SQLite in the data dir, or PostgreSQL.
import path from 'node:path';
import { privateFile, securePrivateDir } from './file-modes.js';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { Database } from './schema.js';
import { SqlStore } from './sql-store.js';
import { openPostgres, type PostgresOptions } from './postgres.js';

export interface StoreOptions {
  dataDir: string;
  databaseUrl?: string;
  /** Pool size and timeouts, with databaseUrl. */
  postgres?: PostgresOptions;
}

/**
 * SQLite transactions begin IMMEDIATE: the write lock is taken (waiting up to
 * busy_timeout) before the first read. A DEFERRED transaction that reads and then
 * writes while another process (the CLI) has written fails at once with
 * SQLITE_BUSY ("database is locked"), without waiting.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    config: ConstructorParameters<typeof SqliteDialect>[0],
    /** Called when a transaction has ended (committed or rolled back). */
    private readonly ended: () => void,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    const commit = driver.commitTransaction.bind(driver);
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.commitTransaction = async (connection: DatabaseConnection) => {
      try {
        await commit(connection);
      } finally {
        this.ended();
      }
    };
    driver.rollbackTransaction = async (connection: DatabaseConnection) => {
      try {
        await rollback(connection);
      } finally {
        this.ended();
      }
    };
    return driver;
  }
}

export async function openStore(opts: StoreOptions): Promise<SqlStore> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.postgres);
  // The data dir 0700 and the database file 0600 before SQLite opens it: SQLite gives
  // the -wal and -shm files it creates the database file's mode (file-modes.ts).
  securePrivateDir(opts.dataDir);
  const file = path.join(opts.dataDir, 'actionbridge.db');
  privateFile(file);
  const sqlite = new BetterSqlite3(file);
  // WAL: readers never block the writer; NORMAL sync: a committed transaction
  // survives a crash of the process (SIGKILL), fsync happens at checkpoints.
  sqlite.pragma('journal_mode = WAL');
  securePrivateDir(opts.dataDir);
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const writes = new WriteCounter();
  const writeStatements = withStatementCache(sqlite);
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: writeStatements }, () => writes.transactionEnded()),
    plugins: [writes],
  });
  // The hot reads' connection (src/store/prepared.ts): read-only, so it sees committed data only.
  const readConnection = new BetterSqlite3(file, { readonly: true });
  readConnection.pragma('busy_timeout = 5000');
  const readStatements = withStatementCache(readConnection);
  const identityVersion = dataVersion(sqlite, writes);
  const store = new SqlStore(db, 'sqlite', identityVersion, {
    reader: (text, parameters) => readStatements.prepare(text).all(parameters),
    // What the read caches of connectors depend on changes with a commit: this process's
    // writes to connectors, permissions or tags (each statement, and the end of a
    // transaction that made one) or another process's commit (data_version, inside
    // identityVersion, read at most once per turn of the event loop).
    committedVersion: committedVersion(identityVersion, writes),
    syncBatch: (work) =>
      // Kysely's connection (its mutex): no transaction of Kysely's is open on it meanwhile.
      db.connection().execute(async () => {
        writeStatements.prepare('begin immediate').run();
        try {
          const result = work((q) => {
            writeStatements.prepare(q.sql).run(q.parameters as unknown[]);
          });
          writeStatements.prepare('commit').run();
          return result;
        } catch (e) {
          if (sqlite.inTransaction) writeStatements.prepare('rollback').run();
          throw e;
        } finally {
          // What the read caches of connectors depend on may have changed (committed or not, as for a transaction of Kysely's).
          writes.connectorBatchEnded();
        }
      }),
    close: async () => {
      readConnection.close();
    },
  });
  await store.migrate();
  return store;
}

/**
 * Kysely's SQLite driver calls prepare() for every query; compiling the SQL
 * text was the largest single cost of a request (see bench/RESULTS.md). A
 * better-sqlite3 statement is reusable, so statements are kept by their SQL
 * text (Kysely binds values as parameters, so the set of texts is small and
 * bounded). A statement still busy (an open iterator) is never handed out twice.
 */
function withStatementCache(sqlite: BetterSqlite3.Database, max = 500) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): BetterSqlite3.Statement {
      const hit = cache.get(text);
      if (hit && !hit.busy) return hit;
      const stmt = sqlite.prepare(text);
      if (!hit) {
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

/** The tables the identity reads (access key, user, groups) come from. */
const IDENTITY_TABLES = new Set(['users', 'access_keys', 'groups', 'group_members']);
/** The tables connector records and summaries (the read caches of repos/connectors.ts) come from. */
const CONNECTOR_TABLES = new Set(['connectors', 'connector_grants', 'tags']);

/**
 * The part of a statement that names the table it writes: an INSERT's target, an UPDATE's
 * table, a DELETE's FROM (a table read in a subquery is not written); anything else whole.
 */
function written(node: RootOperationNode): unknown {
  const n = node as { kind: string; into?: unknown; table?: unknown; from?: unknown };
  if (n.kind === 'InsertQueryNode' && n.into) return n.into;
  if (n.kind === 'UpdateQueryNode' && n.table) return n.table;
  if (n.kind === 'DeleteQueryNode' && n.from) return n.from;
  return node;
}

/** Whether a statement other than SELECT may change rows of these tables: raw SQL, or a table it writes is one (or it names none). */
function mayChange(node: RootOperationNode, tables: ReadonlySet<string>): boolean {
  if (node.kind === 'RawNode') return true;
  let named = 0;
  let hit = false;
  const walk = (n: unknown): void => {
    if (hit || n === null || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const x of n) walk(x);
      return;
    }
    const o = n as { kind?: unknown; table?: { identifier?: { name?: unknown } } };
    if (o.kind === 'TableNode') {
      named++;
      const name = o.table?.identifier?.name;
      if (typeof name !== 'string' || tables.has(name)) hit = true;
      return;
    }
    for (const k of Object.keys(o)) walk((o as Record<string, unknown>)[k]);
  };
  walk(written(node));
  return hit || named === 0;
}

/**
 * Counts the statements run through Kysely that may have changed identity rows, and
 * those and the transactions that may have changed connector rows (see mayChange). A
 * statement counts once it has run (transformResult), while it still holds the
 * connection; one whose node Kysely did not show counts too. A transaction counts when it
 * ends if a statement in it counted (SQLite: one connection, so the statements between
 * begin and end are that transaction's).
 */
class WriteCounter implements KyselyPlugin {
  /** Statements that may have changed identity rows. */
  count = 0;
  /** Statements that may have changed connector rows. */
  statements = 0;
  /** Transactions ended (committed or rolled back) after such a statement. */
  transactions = 0;
  private connectorWriteInTransaction = false;
  private readonly identityHarmless = new WeakSet<object>();
  private readonly connectorHarmless = new WeakSet<object>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const select = args.node.kind === 'SelectQueryNode';
    if (select || !mayChange(args.node, IDENTITY_TABLES)) this.identityHarmless.add(args.queryId);
    if (select || !mayChange(args.node, CONNECTOR_TABLES)) this.connectorHarmless.add(args.queryId);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (!this.identityHarmless.has(args.queryId)) this.count++;
    if (!this.connectorHarmless.has(args.queryId)) {
      this.statements++;
      this.connectorWriteInTransaction = true;
    }
    return args.result;
  }
  /** A batch of writes to connector tables run past Kysely (syncBatch) has ended. */
  connectorBatchEnded(): void {
    this.statements++;
    this.transactions++;
  }
  transactionEnded(): void {
    if (!this.connectorWriteInTransaction) return;
    this.connectorWriteInTransaction = false;
    this.transactions++;
  }
}

/**
 * A value that changes whenever identity rows may have changed: a write to them
 * through this store (counted exactly) or a commit by another connection — another
 * process such as the CLI — which SQLite's data_version reports. data_version is
 * read at most once per turn of the event loop: another process's commit is seen
 * from the next turn, as if it had landed a moment later.
 */
function dataVersion(sqlite: BetterSqlite3.Database, writes: WriteCounter): () => string {
  const stmt = sqlite.prepare('PRAGMA data_version').pluck();
  let seen: unknown;
  // The string is made again only when one of its parts moved (it is asked for several times per request).
  let made: { seen: unknown; count: number; text: string } = { seen: undefined, count: -1, text: '' };
  return () => {
    if (seen === undefined) {
      seen = stmt.get();
      setImmediate(() => {
        seen = undefined;
      });
    }
    if (made.seen !== seen || made.count !== writes.count) made = { seen, count: writes.count, text: `${String(seen)}:${writes.count}` };
    return made.text;
  };
}

/** What the read connection sees may have changed: identityVersion's parts and this process's commits (statements, transaction ends). */
function committedVersion(identityVersion: () => string, writes: WriteCounter): () => string {
  let made: { identity: string; statements: number; transactions: number; text: string } = { identity: '', statements: -1, transactions: -1, text: '' };
  return () => {
    const identity = identityVersion();
    if (made.identity !== identity || made.statements !== writes.statements || made.transactions !== writes.transactions) {
      made = { identity, statements: writes.statements, transactions: writes.transactions, text: `${identity}:${writes.statements}:${writes.transactions}` };
    }
    return made.text;
  };
}
