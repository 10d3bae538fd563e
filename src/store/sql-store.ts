// The Store root, written once in Kysely for both SQLite and PostgreSQL: it opens the
// repositories (src/store/repos/) over one SqlContext and owns migrations, locks, close.
import { SqlApiDefinitions } from './repos/api-definitions.js';
import { SqlMcpServers } from './repos/mcp-servers.js';
import { type Kysely, Migrator } from 'kysely';
import type { Database } from './schema.js';
import { migrationProviderFor } from './migrations.js';
import { ConsoleStore } from './console-store.js';
import type { Store } from './store.js';
import { SqlContext, type SyncBatch } from './sql.js';
import type { RawReader } from './prepared.js';
import { SqlConnectors } from './repos/connectors.js';
import { SqlIdentities } from './repos/identities.js';
import { SqlConnections } from './repos/connections.js';
import { SqlAudit } from './repos/audit.js';
import { SqlMcpTokens } from './repos/mcp-tokens.js';
import { SqlMeta } from './repos/meta.js';
import { SqlSealedRows } from './repos/sealed-rows.js';

/** What a store needs beyond its Kysely instance; the PostgreSQL store fills it (src/store/postgres.ts). */
export interface SqlStoreHooks {
  /** Cross-node lock (Store.withLock); without it `fn` runs as is. */
  withLock?: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  /** Runs the migrations (e.g. on a connection of their own, without statement timeout). */
  migrate?: () => Promise<void>;
  /** Closes what the store opened besides its Kysely instance. */
  close?: () => Promise<void>;
  /** A connection for the hot prepared reads that sees committed data only (SQLite; src/store/prepared.ts). */
  reader?: RawReader;
  /**
   * With reader: a value that changes whenever connector rows, grants or tags may have
   * changed, by this process or any other (SQLite: data_version and this process's commits;
   * PostgreSQL: notifications, src/store/notify.ts); undefined while that cannot be known
   * (the connector caches are then bypassed).
   */
  committedVersion?: () => string | undefined;
  /** Grant decisions (a non-ADMIN's access to one connector) kept under committedVersion too (PostgreSQL). */
  cacheGrants?: boolean;
  /** SQLite: synchronous batches of writes to connector tables on the write connection (SqlContext.syncBatch). */
  syncBatch?: SyncBatch;
}

export class SqlStore implements Store {
  readonly connectors: SqlConnectors;
  readonly apiDefinitions: SqlApiDefinitions;
  readonly mcpServers: SqlMcpServers;
  readonly identities: SqlIdentities;
  readonly connections: SqlConnections;
  readonly audit: SqlAudit;
  readonly mcpTokens: SqlMcpTokens;
  readonly console: ConsoleStore;
  readonly meta: SqlMeta;
  readonly sealedRows: SqlSealedRows;

  /**
   * @param dataVersion a value that changes whenever identity rows may have changed,
   * undefined while that cannot be known (src/store/repos/identities.ts): SQLite's
   * data_version (src/store/open.ts), PostgreSQL's notifications (src/store/notify.ts).
   */
  constructor(
    readonly db: Kysely<Database>,
    readonly kind: 'sqlite' | 'postgres',
    dataVersion?: () => string | undefined,
    private readonly hooks: SqlStoreHooks = {},
  ) {
    const ctx = new SqlContext(db, kind, hooks.reader, hooks.committedVersion, hooks.cacheGrants ?? false, hooks.syncBatch);
    this.connectors = new SqlConnectors(ctx);
    this.apiDefinitions = new SqlApiDefinitions(ctx);
    this.mcpServers = new SqlMcpServers(ctx);
    this.identities = new SqlIdentities(ctx, dataVersion);
    this.connections = new SqlConnections(ctx);
    this.audit = new SqlAudit(ctx);
    this.mcpTokens = new SqlMcpTokens(ctx);
    this.console = new ConsoleStore(db);
    this.meta = new SqlMeta(ctx);
    this.sealedRows = new SqlSealedRows(ctx);
  }

  async migrate(): Promise<void> {
    if (this.hooks.migrate) return this.hooks.migrate();
    const migrator = new Migrator({ db: this.db, provider: migrationProviderFor(this.kind) });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error');
      throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String((error as Error).message ?? error)}`);
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await this.hooks.close?.();
  }

  async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    // SQLite: one node owns the database file. PostgreSQL: an advisory lock (src/store/postgres.ts).
    return this.hooks.withLock ? this.hooks.withLock(name, fn) : fn();
  }
}
