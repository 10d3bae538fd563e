// test/auth-support.ts for the `postgres` project (vitest.config.ts aliases it): the
// same fixtures, with dbSnapshot reading the PostgreSQL schema the data dir stands
// for instead of the SQLite file (same shape: every row of every table, sorted).
import { databaseUrlOf, pgSnapshotSync } from './pg-store.js';

export * from '../auth-support.js';

export function dbSnapshot(dataDir: string): Record<string, unknown[]> {
  const url = databaseUrlOf(dataDir);
  if (!url) throw new Error(`data dir ${dataDir} is not bound to a PostgreSQL schema`);
  return pgSnapshotSync(url);
}
