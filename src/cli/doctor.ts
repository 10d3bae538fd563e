// `actionbridge doctor`: checks what a server needs before it is started (or while
// it runs), and says in plain words what is wrong. Read-only: it creates nothing,
// migrates nothing and changes no file. Exit code 1 if any check FAILs.
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { resolveConfig, type Config, type Flags } from '../config.js';
import { KeyRing } from '../crypto/keyring.js';
import { openSealedRef, sealedSecrets, type SealedSecretRef } from '../crypto/sealed-secrets.js';
import { SqlStore } from '../store/sql-store.js';
import type { Database } from '../store/schema.js';
import { knownMigrations, migrationState } from '../server/health.js';
import { DB_FILE } from './backup.js';
import { oneLine as oneLineOf } from '../error-text.js';

export type Status = 'OK' | 'WARN' | 'FAIL' | 'SKIP';
export interface Check {
  name: string;
  status: Status;
  message: string;
}

/** How many sealed secrets the master key check tries to open (spread over all of them). */
const SECRET_SAMPLE = 200;
const PROXY_TIMEOUT_MS = 3_000;
const EXPIRY_WARNING_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

const oneLine = (e: unknown) => oneLineOf(e, 300);

export async function runDoctor(flags: Flags, env: NodeJS.ProcessEnv = process.env): Promise<Check[]> {
  const checks: Check[] = [];
  const add = (name: string, status: Status, message: string) => {
    checks.push({ name, status, message });
  };

  // 1. Configuration.
  let cfg: Config;
  try {
    cfg = resolveConfig(flags, env);
  } catch (e) {
    add('configuration', 'FAIL', oneLine(e));
    for (const n of ['database', 'migrations', 'master key', 'CA file', 'VPC proxies']) add(n, 'SKIP', 'needs a valid configuration');
    return checks;
  }
  add('configuration', 'OK', cfg.configFile ? `${cfg.configFile} is valid` : 'no config file: flags, environment and defaults are valid');
  if (!['127.0.0.1', '::1', 'localhost'].includes(cfg.host)) {
    add('configuration', 'WARN', `the API listens on ${cfg.host}, reachable from other machines: put a TLS-terminating proxy in front`);
  }
  if (cfg.metricsPort !== undefined && !['127.0.0.1', '::1', 'localhost'].includes(cfg.metricsHost)) {
    add('configuration', 'WARN', `/metrics (unauthenticated) listens on ${cfg.metricsHost}:${cfg.metricsPort}: make sure only the scraper reaches it`);
  }

  // 2. Database: opens, integrity, migrations; 3. master key (opening a sample of its secrets).
  const db = await openDatabase(cfg, add);
  try {
    if (db) await checkMasterKey(cfg, env, db.store, add);
    else add('master key', 'SKIP', 'needs the database');
  } finally {
    await db?.close();
  }

  // 4. CA file.
  checkCaFile(cfg, add);

  // 5. VPC connection proxies.
  await checkProxies(cfg, add);
  return checks;
}

async function openDatabase(cfg: Config, add: (n: string, s: Status, m: string) => void): Promise<{ store: SqlStore; close(): Promise<void> } | undefined> {
  let kysely: Kysely<Database>;
  let applied: string[];
  if (cfg.databaseUrl) {
    const redacted = cfg.databaseUrl.replace(/\/\/[^@/]*@/, '//***@');
    const pool = new pg.Pool({ connectionString: cfg.databaseUrl, max: 1, connectionTimeoutMillis: 5_000, application_name: 'actionbridge-doctor' });
    pool.on('error', () => undefined);
    kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      const r = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(kysely);
      add('database', 'OK', `PostgreSQL at ${redacted} answers (schema ${r.rows[0]?.schema ?? '?'}); integrity: PostgreSQL checks its own pages`);
    } catch (e) {
      add('database', 'FAIL', `cannot reach PostgreSQL at ${redacted}: ${oneLine(e)}`);
      add('migrations', 'SKIP', 'needs the database');
      await kysely.destroy();
      return undefined;
    }
    try {
      applied = (await sql<{ name: string }>`select name from kysely_migration`.execute(kysely)).rows.map((r) => r.name);
    } catch {
      applied = [];
    }
  } else {
    const file = path.join(cfg.dataDir, DB_FILE);
    if (!existsSync(file)) {
      add('database', 'FAIL', `no database at ${file}: no server has started with this data dir yet, or the data dir is wrong`);
      add('migrations', 'SKIP', 'needs the database');
      return undefined;
    }
    let sqlite: BetterSqlite3.Database;
    try {
      sqlite = new BetterSqlite3(file, { fileMustExist: true });
      sqlite.pragma('busy_timeout = 2000');
      const rows = sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
      if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
        add(
          'database',
          'FAIL',
          `${file} is damaged (integrity_check: ${rows
            .slice(0, 3)
            .map((r) => r.integrity_check)
            .join('; ')}): restore a backup`,
        );
        sqlite.close();
        add('migrations', 'SKIP', 'needs a sound database');
        return undefined;
      }
    } catch (e) {
      add('database', 'FAIL', `cannot open ${file} as a SQLite database: ${oneLine(e)}`);
      add('migrations', 'SKIP', 'needs the database');
      return undefined;
    }
    const bytes = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
    add('database', 'OK', `${file} opens and passes integrity_check (${Math.round(bytes / 1024)} KiB with its WAL)`);
    kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    const has = sqlite.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'").get() as { n: number };
    applied = has.n ? (sqlite.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name) : [];
  }
  const kind = cfg.databaseUrl ? 'postgres' : 'sqlite';
  const { pending, unknown } = migrationState(await knownMigrations(kind), applied);
  if (unknown.length)
    add(
      'migrations',
      'FAIL',
      `the database was migrated by a newer ActionBridge (unknown: ${unknown.join(', ')}): run that version, or restore a backup made with this one`,
    );
  else if (applied.length === 0) add('migrations', 'FAIL', "the database has no ActionBridge tables: it is empty or not ActionBridge's");
  else if (pending.length) add('migrations', 'WARN', `${pending.length} migrations will be applied at the next start: ${pending.join(', ')}`);
  else add('migrations', 'OK', `all ${applied.length} migrations applied`);
  const store = new SqlStore(kysely, kind);
  return { store, close: () => kysely.destroy() };
}

async function checkMasterKey(cfg: Config, env: NodeJS.ProcessEnv, store: SqlStore, add: (n: string, s: Status, m: string) => void): Promise<void> {
  let keys: KeyRing;
  const file = path.join(cfg.dataDir, 'master.keys');
  if (!env.ACTIONBRIDGE_MASTER_KEY && existsSync(file) && (statSync(file).mode & 0o077) !== 0) {
    add('master key', 'WARN', `${file} is readable by other users (mode ${(statSync(file).mode & 0o777).toString(8)}): chmod 600 it`);
  }
  try {
    keys = KeyRing.load({ dataDir: cfg.dataDir, env, create: false });
  } catch (e) {
    add(
      'master key',
      'FAIL',
      `${oneLine(e)}${env.ACTIONBRIDGE_MASTER_KEY ? '' : ' (a server would create a new key, and could not open any secret stored so far)'}`,
    );
    return;
  }
  const source = env.ACTIONBRIDGE_MASTER_KEY ? 'ACTIONBRIDGE_MASTER_KEY' : file;
  let secrets: SealedSecretRef[];
  try {
    secrets = await sealedSecrets(store);
  } catch (e) {
    add('master key', 'FAIL', `the key from ${source} loads, but the sealed secrets cannot be read: ${oneLine(e)}`);
    return;
  }
  if (secrets.length === 0) {
    add('master key', 'OK', `loads from ${source}; no sealed secrets to try yet`);
    return;
  }
  const step = Math.max(1, Math.floor(secrets.length / SECRET_SAMPLE));
  const sample = secrets.filter((_, i) => i % step === 0).slice(0, SECRET_SAMPLE);
  const missing = new Set<string>();
  let failed = 0;
  for (const s of sample) {
    try {
      openSealedRef(keys, s);
    } catch {
      failed++;
      const kid = s.sealed.split('.')[1];
      if (kid && !keys.keyIds.includes(kid)) missing.add(kid);
    }
  }
  if (failed === 0) add('master key', 'OK', `loads from ${source} and opens ${sample.length} of ${secrets.length} sealed secrets tried`);
  else {
    add(
      'master key',
      'FAIL',
      `${failed} of ${sample.length} sealed secrets tried do not open with the key from ${source}` +
        (missing.size
          ? `: they were sealed with key id(s) ${[...missing].join(', ')}, which it does not have (wrong master key, or an old key retired too early)`
          : ': they were changed or belong to another database'),
    );
  }
}

function checkCaFile(cfg: Config, add: (n: string, s: Status, m: string) => void): void {
  if (!cfg.caFile) {
    add('CA file', 'OK', 'none configured: outbound TLS trusts the system roots only');
    return;
  }
  let text: string;
  try {
    text = readFileSync(cfg.caFile, 'utf8');
  } catch (e) {
    add('CA file', 'FAIL', `cannot read ${cfg.caFile}: ${oneLine(e)}`);
    return;
  }
  const pems = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (pems.length === 0) {
    add('CA file', 'FAIL', `${cfg.caFile} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
    return;
  }
  const now = Date.now();
  const problems: string[] = [];
  const warnings: string[] = [];
  const names: string[] = [];
  pems.forEach((pem, i) => {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(pem);
    } catch (e) {
      problems.push(`certificate #${i + 1} cannot be parsed (${oneLine(e)})`);
      return;
    }
    const name =
      cert.subject
        .split('\n')
        .find((l) => l.startsWith('CN='))
        ?.slice(3) ?? cert.subject.replace(/\n/g, ', ');
    const to = new Date(cert.validTo);
    const from = new Date(cert.validFrom);
    names.push(`${name} (until ${to.toISOString().slice(0, 10)})`);
    if (to.getTime() < now) problems.push(`${name} expired on ${to.toISOString().slice(0, 10)}`);
    else if (from.getTime() > now) problems.push(`${name} is not valid before ${from.toISOString().slice(0, 10)}`);
    else if (to.getTime() - now < EXPIRY_WARNING_DAYS * DAY) warnings.push(`${name} expires on ${to.toISOString().slice(0, 10)}`);
    if (!cert.ca) warnings.push(`${name} is not a CA certificate (basicConstraints CA:false): it can only be trusted as itself`);
  });
  if (problems.length) add('CA file', 'FAIL', `${cfg.caFile}: ${problems.join('; ')}`);
  else if (warnings.length) add('CA file', 'WARN', `${cfg.caFile}: ${warnings.join('; ')}`);
  else add('CA file', 'OK', `${cfg.caFile}: ${pems.length} certificate(s): ${names.join(', ')}`);
}

function tcpConnect(host: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const done = (err?: Error) => {
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    socket.setTimeout(timeoutMs, () => done(new Error(`no answer within ${timeoutMs} ms`)));
    socket.once('connect', () => done());
    socket.once('error', (e: NodeJS.ErrnoException) =>
      done(new Error(e.code === 'ECONNREFUSED' ? 'connection refused' : e.code === 'ENOTFOUND' ? 'the host name does not resolve' : (e.code ?? e.message))),
    );
  });
}

async function checkProxies(cfg: Config, add: (n: string, s: Status, m: string) => void): Promise<void> {
  const entries = Object.entries(cfg.vpcConnections);
  if (entries.length === 0) {
    add('VPC proxies', 'OK', 'no VPC connections configured');
    return;
  }
  // Tried at once, reported in configuration order.
  const results = await Promise.all(
    entries.map(async ([arn, vpc]): Promise<Check> => {
      const name = `VPC ${arn.split('/').pop() ?? arn}`;
      const add = (n: string, status: Status, message: string): Check => ({ name: n, status, message });
      if (!vpc.proxy) return add(name, 'OK', `no proxy: requests go directly to ${vpc.allowCidrs.join(', ')}`);
      const u = URL.canParse(vpc.proxy) ? new URL(vpc.proxy) : undefined;
      if (!u) return add(name, 'FAIL', `proxy ${vpc.proxy} is not a URL`);
      const port = Number(u.port) || (u.protocol === 'https:' ? 443 : 80);
      const host = u.hostname.replace(/^\[|\]$/g, '');
      try {
        await tcpConnect(host, port, PROXY_TIMEOUT_MS);
        return add(name, 'OK', `proxy ${u.host} accepts connections`);
      } catch (e) {
        return add(name, 'FAIL', `cannot connect to the proxy ${u.host}: ${oneLine(e)}; connectors using ${arn} will fail`);
      }
    }),
  );
  for (const r of results) add(r.name, r.status, r.message);
}

export async function doctorCommand(values: Flags): Promise<number> {
  const checks = await runDoctor(values);
  const width = Math.max(...checks.map((c) => c.name.length));
  for (const c of checks) process.stdout.write(`${c.status.padEnd(4)}  ${c.name.padEnd(width)}  ${c.message}\n`);
  const failed = checks.filter((c) => c.status === 'FAIL').length;
  process.stdout.write(failed ? `\n${failed} check(s) failed.\n` : '\nEverything checked is fine.\n');
  return failed ? 1 : 0;
}
