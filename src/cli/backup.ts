// `actionbridge backup FILE` and `actionbridge restore FILE` for the SQLite store.
//
// backup:  VACUUM INTO a temporary file beside FILE: SQLite copies the database as one
//          read transaction sees it (WAL: writers carry on meanwhile), so the copy is
//          consistent however busy the server is. The copy is checked (integrity_check,
//          migrations) before it is renamed to FILE. Secrets stay sealed in it; the
//          master key is NOT in it.
// restore: into a data dir whose server is stopped. The backup is copied beside the
//          target, checked, and renamed over it; the target's WAL files go first so
//          that no WAL of the old database is ever applied to the new one.
// PostgreSQL: pg_dump / pg_restore (README, Backup and restore).
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, chmodSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { UsageError } from '../identities.js';
import { KeyRing } from '../crypto/keyring.js';
import { openSealedRef, sealedSecrets, type SealedSecretRef } from '../crypto/sealed-secrets.js';
import { SqlStore } from '../store/sql-store.js';
import type { Database } from '../store/schema.js';
import { openStore } from '../store/open.js';
import { privateFile } from '../store/file-modes.js';
import { knownMigrations, migrationState } from '../server/health.js';
import { configOf, type Progress, type Values } from './common.js';

export const DB_FILE = 'actionbridge.db';
const MASTER_KEY_NOTE =
  'The master key is not in the backup. Keep master.keys from the data dir (or the ACTIONBRIDGE_MASTER_KEY value) safe, apart from the backup: a restore without it cannot open any secret.';

function commandConfig(fileArg: string, v: Values, what: string) {
  const cfg = configOf(v);
  if (cfg.databaseUrl) {
    throw new UsageError(`${what} works on the SQLite store; for PostgreSQL use pg_dump and pg_restore (see README, Backup and restore)`);
  }
  return { file: path.resolve(fileArg), cfg, force: v.force === true };
}

function fsyncPath(p: string): void {
  const fd = openSync(p, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

interface Inspection {
  connectors: number;
  users: number;
  migrations: string[];
  keyIds: string[];
  secrets: SealedSecretRef[];
}

/** Checks a database file: integrity, migrations known to this build; counts what it holds. */
async function inspect(file: string): Promise<Inspection> {
  const sqlite = new BetterSqlite3(file, { fileMustExist: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    const integrity = sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
      throw new Error(
        `integrity_check failed: ${integrity
          .slice(0, 5)
          .map((r) => r.integrity_check)
          .join('; ')}`,
      );
    }
    const hasMigrations = sqlite.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'").get() as { n: number };
    if (!hasMigrations.n) throw new Error('it is not an ActionBridge database (no migrations table)');
    const migrations = (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
    const { unknown } = migrationState(await knownMigrations('sqlite'), migrations);
    if (unknown.length) throw new Error(`it was made by a newer ActionBridge (migrations unknown to this one: ${unknown.join(', ')})`);
    const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const secrets = await sealedSecrets(new SqlStore(db, 'sqlite'));
    const keyIds = [...new Set(secrets.map((s) => s.sealed.split('.')[1] ?? '?'))].sort();
    return { connectors: count('connectors'), users: count('users'), migrations, keyIds, secrets };
  } finally {
    await db.destroy();
  }
}

export async function backupCommand(fileArg: string, v: Values, progress?: Progress): Promise<number> {
  const { file, cfg, force } = commandConfig(fileArg, v, 'backup');
  const source = path.join(cfg.dataDir, DB_FILE);
  if (!existsSync(source)) throw new UsageError(`no database at ${source}: is --data-dir (or the config file's dataDir) right?`);
  if (existsSync(file) && !force) throw new UsageError(`${file} exists; use --force to replace it`);
  if (path.resolve(file) === path.resolve(source)) throw new UsageError('the backup file cannot be the database itself');
  const tmp = `${file}.partial-${process.pid}`;
  rmSync(tmp, { force: true });
  const started = Date.now();
  // Created empty and 0600 first: VACUUM INTO writes into an empty file and keeps its
  // mode, so the snapshot is never readable by others, whatever the umask.
  privateFile(tmp);
  progress?.(`backup: snapshot of ${source} ...`);
  const sqlite = new BetterSqlite3(source, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    // One read transaction: a consistent snapshot while the server keeps writing (WAL).
    sqlite.prepare('VACUUM INTO ?').run(tmp);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new Error(`the snapshot of ${source} failed: ${(e as Error).message}`);
  } finally {
    sqlite.close();
  }
  let info: Inspection;
  try {
    chmodSync(tmp, 0o600);
    progress?.(`backup: checking the copy (${statSync(tmp).size} bytes) ...`);
    info = await inspect(tmp);
    fsyncPath(tmp);
    renameSync(tmp, file);
    fsyncPath(path.dirname(file));
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new Error(`the backup did not check out, nothing was written to ${file}: ${(e as Error).message}`);
  }
  process.stdout.write(
    `${JSON.stringify(
      {
        Backup: file,
        From: source,
        Bytes: statSync(file).size,
        Seconds: (Date.now() - started) / 1000,
        Connectors: info.connectors,
        Users: info.users,
        Migrations: info.migrations.length,
        SealedSecrets: info.secrets.length,
        MasterKeyIds: info.keyIds,
        MasterKey: MASTER_KEY_NOTE,
      },
      null,
      2,
    )}\n`,
  );
  return 0;
}

/** Whether a SQLite database is open in another process (a server): leaving WAL mode needs it to be the only connection. */
function refuseIfInUse(target: string): void {
  const sqlite = new BetterSqlite3(target, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 0');
    sqlite.pragma('journal_mode = DELETE');
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new UsageError(`${target} is in use (a server or another command has it open): stop the server first`);
    }
    throw e;
  } finally {
    sqlite.close();
  }
}

export async function restoreCommand(fileArg: string, v: Values, progress?: Progress): Promise<number> {
  const { file, cfg, force } = commandConfig(fileArg, v, 'restore');
  if (!existsSync(file)) throw new UsageError(`no backup file ${file}`);
  const target = path.join(cfg.dataDir, DB_FILE);
  if (path.resolve(file) === path.resolve(target)) throw new UsageError('the backup file is the database itself');
  if (existsSync(target)) {
    if (!force) throw new UsageError(`${target} exists; stop its server and use --force to replace it`);
    refuseIfInUse(target);
  }
  const tmp = `${target}.restore-${process.pid}`;
  let info: Inspection;
  try {
    progress?.(`restore: copying ${file} ...`);
    copyFileSync(file, tmp);
    chmodSync(tmp, 0o600);
    progress?.('restore: checking the copy ...');
    info = await inspect(tmp);
    fsyncPath(tmp);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new Error(`${file} cannot be restored: ${(e as Error).message}`);
  }
  // The old database's WAL must never meet the new file.
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(tmp, target);
  fsyncPath(cfg.dataDir);

  // Open it as the server will (WAL, pending migrations of an older backup applied), and try the master key.
  progress?.('restore: opening it and trying the master key ...');
  const store = await openStore({ dataDir: cfg.dataDir });
  const pending = migrationState(await knownMigrations('sqlite'), info.migrations).pending;
  let masterKey: string;
  let opened = 0;
  const failedKeyIds = new Set<string>();
  try {
    const secrets = await sealedSecrets(store);
    let keys: KeyRing | undefined;
    try {
      keys = KeyRing.load({ dataDir: cfg.dataDir, create: false });
    } catch (e) {
      masterKey = `missing: ${(e as Error).message}. Copy master.keys from the original data dir (mode 0600) or set ACTIONBRIDGE_MASTER_KEY before starting the server.`;
    }
    if (keys) {
      for (const s of secrets) {
        try {
          openSealedRef(keys, s);
          opened++;
        } catch {
          failedKeyIds.add(s.sealed.split('.')[1] ?? '?');
        }
      }
      masterKey =
        opened === secrets.length
          ? `every sealed secret opens with the master key ${keys.keyFile ? `in ${keys.keyFile}` : 'from ACTIONBRIDGE_MASTER_KEY'}`
          : `${secrets.length - opened} of ${secrets.length} sealed secrets do not open: they need master key(s) ${[...failedKeyIds].join(', ')}, which ${keys.keyFile ? keys.keyFile : 'ACTIONBRIDGE_MASTER_KEY'} lacks`;
    }
    process.stdout.write(
      `${JSON.stringify(
        {
          Restored: target,
          From: file,
          Connectors: info.connectors,
          Users: info.users,
          Migrations: info.migrations.length,
          MigrationsApplied: pending,
          SealedSecrets: secrets.length,
          SecretsOpened: opened,
          MasterKey: masterKey!,
        },
        null,
        2,
      )}\n`,
    );
    if (keys === undefined || opened !== secrets.length) process.stderr.write(`actionbridge: warning: ${masterKey!}\n`);
  } finally {
    await store.close();
  }
  return 0;
}
