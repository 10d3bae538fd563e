// Readiness (/readyz): the database answers a real query, every migration this
// build knows is applied, and the master key seals and opens. /healthz only says
// the process is alive. /readyz answers anyone: its messages are fixed texts naming
// which check failed; what went wrong (a driver's error text, which may name hosts,
// users, paths or SQL) goes to the log only.
import { Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import { oneLine } from '../error-text.js';
import type { KeyRing } from '../crypto/keyring.js';
import { migrationProviderFor } from '../store/migrations.js';

export interface ReadyCheck {
  name: 'database' | 'migrations' | 'masterKey';
  ok: boolean;
  /** A fixed text, safe to show to anyone. */
  message: string;
  /** What went wrong, for the log only (error text from the driver or the key ring). */
  detail?: string;
}
export interface Readiness {
  ready: boolean;
  checks: ReadyCheck[];
}

/** How long a readiness query may take before the database counts as unreachable. */
export const READY_QUERY_TIMEOUT_MS = 2_000;

/** The names of the migrations this build has for a database kind, in order. */
export async function knownMigrations(kind: 'sqlite' | 'postgres'): Promise<string[]> {
  return Object.keys(await migrationProviderFor(kind).getMigrations()).sort();
}

/** Which known migrations are missing and which applied ones this build does not know. */
export function migrationState(known: string[], applied: string[]): { pending: string[]; unknown: string[] } {
  const a = new Set(applied);
  const k = new Set(known);
  return { pending: known.filter((m) => !a.has(m)), unknown: applied.filter((m) => !k.has(m)) };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    }),
  ]);
}

export async function readiness(store: Store, keys: KeyRing, log?: Logger): Promise<Readiness> {
  const checks: ReadyCheck[] = [];
  const db: Kysely<unknown> | undefined = 'db' in store && store.db instanceof Kysely ? store.db : undefined;
  let applied: string[] | undefined;
  try {
    if (db) {
      const rows = await withTimeout(sql<{ name: string }>`select name from kysely_migration`.execute(db), READY_QUERY_TIMEOUT_MS, 'the database');
      applied = rows.rows.map((r) => r.name);
    } else {
      await withTimeout(store.meta.getMeta('readyz-probe'), READY_QUERY_TIMEOUT_MS, 'the database');
    }
    checks.push({ name: 'database', ok: true, message: `${store.kind} answers queries` });
  } catch (e) {
    checks.push({ name: 'database', ok: false, message: 'the database does not answer', detail: oneLine(e) });
  }
  if (applied) {
    const { pending, unknown } = migrationState(await knownMigrations(store.kind), applied);
    if (pending.length) checks.push({ name: 'migrations', ok: false, message: 'migrations not applied', detail: pending.join(', ') });
    else if (unknown.length)
      checks.push({
        name: 'migrations',
        ok: false,
        message: 'the database has migrations this build does not know (made by a newer ActionBridge?)',
        detail: unknown.join(', '),
      });
    else checks.push({ name: 'migrations', ok: true, message: `${applied.length} migrations applied` });
  } else {
    checks.push({ name: 'migrations', ok: false, message: 'unknown: the database did not answer' });
  }
  try {
    const probe = keys.open(keys.seal('readyz', 'readyz'), 'readyz');
    if (probe !== 'readyz') throw new Error('a sealed probe did not open to what was sealed');
    checks.push({ name: 'masterKey', ok: true, message: 'the master key is loaded and opens what it seals' });
  } catch (e) {
    checks.push({ name: 'masterKey', ok: false, message: 'the master key does not work', detail: oneLine(e) });
  }
  const failed = checks.filter((c) => !c.ok);
  if (failed.length && log) {
    log.warn({ checks: Object.fromEntries(failed.map((c) => [c.name, c.detail ? `${c.message}: ${c.detail}` : c.message])) }, 'not ready');
  }
  return { ready: failed.length === 0, checks };
}
