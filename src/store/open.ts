// Opens the store a configuration names: SQLite in the data dir, or PostgreSQL.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { SqlStore } from './sql-store.js';

export interface StoreOptions {
  dataDir: string;
  databaseUrl?: string;
}

export async function openStore(opts: StoreOptions): Promise<SqlStore> {
  if (opts.databaseUrl) {
    throw new Error('PostgreSQL (--database-url) is not available in this build yet; use --data-dir (SQLite)');
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'actionbridge.db');
  const sqlite = new BetterSqlite3(file);
  // WAL: readers never block the writer; NORMAL sync: a committed transaction
  // survives a crash of the process (SIGKILL), fsync happens at checkpoints.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const store = new SqlStore(db, 'sqlite');
  await store.migrate();
  return store;
}
