// The web console's tables (migration 0007_console), for SQLite and PostgreSQL alike:
// console passwords (scrypt hashes), sessions (by the SHA-256 of the session id) and
// sign-in attempts (the rate limit). Reached as `Store.console`.
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Database } from './schema.js';

export interface ConsolePasswordsTable {
  account_id: string;
  user_name: string;
  /** `scrypt$N$r$p$salt$hash` (src/crypto/passwords.ts); never the password. */
  password_hash: string;
  /** The user row's created_at when the password was set: a user removed and added again has no password. */
  user_created_at: number;
  updated_at: number;
}

export interface ConsoleSessionsTable {
  /** SHA-256 (hex) of the session id the cookie carries. */
  session_hash: string;
  account_id: string;
  user_name: string;
  user_created_at: number;
  /** Set when the session was opened with an access key: it lasts only while the key is active. */
  access_key_id: string | null;
  region: string;
  /** SHA-256 (hex) of the CSRF token. */
  csrf_hash: string;
  created_at: number;
  last_seen_at: number;
  /** Absolute expiry (epoch ms). */
  expires_at: number;
}

export interface ConsoleSigninFailuresTable {
  /** SHA-256 of what is limited (user and address, user, address). */
  limit_key: string;
  window_start: number;
  /** Attempts reserved in the window (ConsoleStore.reserve) less those a successful sign-in gave back: failures and attempts in progress. */
  failures: number;
}

export interface ConsoleTables {
  console_passwords: ConsolePasswordsTable;
  console_sessions: ConsoleSessionsTable;
  console_signin_failures: ConsoleSigninFailuresTable;
}

export interface ConsolePassword {
  hash: string;
  userCreatedAt: number;
}

export interface ConsoleSession {
  sessionHash: string;
  accountId: string;
  userName: string;
  userCreatedAt: number;
  accessKeyId: string | null;
  region: string;
  csrfHash: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

const n = (v: number | string) => Number(v);

function sessionOf(r: ConsoleSessionsTable): ConsoleSession {
  return {
    sessionHash: r.session_hash,
    accountId: r.account_id,
    userName: r.user_name,
    userCreatedAt: n(r.user_created_at),
    accessKeyId: r.access_key_id,
    region: r.region,
    csrfHash: r.csrf_hash,
    createdAt: n(r.created_at),
    lastSeenAt: n(r.last_seen_at),
    expiresAt: n(r.expires_at),
  };
}

export class ConsoleStore {
  constructor(private readonly db: Kysely<Database>) {}

  // ---- passwords --------------------------------------------------------------
  async getPassword(accountId: string, userName: string): Promise<ConsolePassword | undefined> {
    const r = await this.db
      .selectFrom('console_passwords')
      .select(['password_hash', 'user_created_at'])
      .where('account_id', '=', accountId)
      .where('user_name', '=', userName)
      .executeTakeFirst();
    return r ? { hash: r.password_hash, userCreatedAt: n(r.user_created_at) } : undefined;
  }

  /** Sets (or replaces) a user's password and ends every console session of that user. */
  async setPassword(accountId: string, userName: string, hash: string, userCreatedAt: number, now: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('console_passwords')
        .values({ account_id: accountId, user_name: userName, password_hash: hash, user_created_at: userCreatedAt, updated_at: now })
        .onConflict((oc) => oc.columns(['account_id', 'user_name']).doUpdateSet({ password_hash: hash, user_created_at: userCreatedAt, updated_at: now }))
        .execute();
      await trx.deleteFrom('console_sessions').where('account_id', '=', accountId).where('user_name', '=', userName).execute();
    });
  }

  // ---- sessions ---------------------------------------------------------------
  /** Stores a new session; drops sessions that expired (absolutely, or idle since before `idleCutoff`). */
  async createSession(s: ConsoleSession, idleCutoff: number): Promise<void> {
    await this.db
      .deleteFrom('console_sessions')
      .where((eb) => eb.or([eb('expires_at', '<', s.createdAt), eb('last_seen_at', '<', idleCutoff)]))
      .execute();
    await this.db
      .insertInto('console_sessions')
      .values({
        session_hash: s.sessionHash,
        account_id: s.accountId,
        user_name: s.userName,
        user_created_at: s.userCreatedAt,
        access_key_id: s.accessKeyId,
        region: s.region,
        csrf_hash: s.csrfHash,
        created_at: s.createdAt,
        last_seen_at: s.lastSeenAt,
        expires_at: s.expiresAt,
      })
      .execute();
  }

  async getSession(sessionHash: string): Promise<ConsoleSession | undefined> {
    const r = await this.db.selectFrom('console_sessions').selectAll().where('session_hash', '=', sessionHash).executeTakeFirst();
    return r ? sessionOf(r) : undefined;
  }

  /** Moves the idle clock of a session on (only forward: a slower node never moves it back). */
  async touchSession(sessionHash: string, now: number): Promise<void> {
    await this.db.updateTable('console_sessions').set({ last_seen_at: now }).where('session_hash', '=', sessionHash).where('last_seen_at', '<', now).execute();
  }

  async deleteSession(sessionHash: string): Promise<boolean> {
    const r = await this.db.deleteFrom('console_sessions').where('session_hash', '=', sessionHash).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  // ---- sign-in limits -------------------------------------------------------------
  /**
   * Reserves one sign-in attempt against every limit at once, before any credential is
   * checked: in one transaction each counter (fixed window; a window that has passed
   * starts again at `now`) is incremented, and if any is then over its limit the
   * transaction is rolled back and nothing is counted. SQLite transactions begin
   * IMMEDIATE (one writer); on PostgreSQL the upsert takes the row lock, so concurrent
   * reservations, on any node, wait for each other and see each other's counts. Keys are
   * taken in one order so that two reservations cannot deadlock (one that still loses
   * a deadlock or serialization check is run again).
   */
  async reserve(limits: SignInLimit[], now: number, windowMs: number): Promise<Reservation> {
    const order = [...limits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    let result: Reservation;
    try {
      result = await this.retrying(() =>
        this.db.transaction().execute(async (trx) => {
          const counts = new Map<string, { count: number; windowStart: number }>();
          for (const l of order) counts.set(l.key, await this.increment(trx, l.key, now, windowMs));
          const refused = limits.find((l) => counts.get(l.key)!.count > l.limit);
          // Thrown to roll the increments back: a refused attempt counts against nothing.
          if (refused) throw new Refusal({ ok: false, refused, windowStart: counts.get(refused.key)!.windowStart });
          return { ok: true } as const;
        }),
      );
    } catch (e) {
      if (e instanceof Refusal) return e.result;
      throw e;
    }
    await this.prune(now, windowMs);
    return result;
  }

  /**
   * After a successful sign-in: the counters in `clear` are deleted, and the attempt
   * reserved on those in `refund` is given back (they count failures, not sign-ins).
   */
  async settle(clear: string[], refund: string[], now: number, windowMs: number): Promise<void> {
    const keys = [...new Set([...clear, ...refund])].sort();
    await this.retrying(() =>
      this.db.transaction().execute(async (trx) => {
        for (const key of keys) {
          if (clear.includes(key)) {
            await trx.deleteFrom('console_signin_failures').where('limit_key', '=', key).execute();
          } else {
            await trx
              .updateTable('console_signin_failures')
              .set((eb) => ({ failures: eb('failures', '-', 1) }))
              .where('limit_key', '=', key)
              .where('failures', '>', 0)
              .where('window_start', '>', now - windowMs)
              .execute();
          }
        }
      }),
    );
  }

  /** One more attempt on `key`'s counter; its count and window after it. */
  private async increment(trx: Transaction<Database>, key: string, now: number, windowMs: number): Promise<{ count: number; windowStart: number }> {
    const start = sql.ref<number>('console_signin_failures.window_start');
    const count = sql.ref<number>('console_signin_failures.failures');
    const passed = sql<boolean>`${start} + ${windowMs} <= ${now}`;
    const r = await trx
      .insertInto('console_signin_failures')
      .values({ limit_key: key, window_start: now, failures: 1 })
      .onConflict((oc) =>
        oc.column('limit_key').doUpdateSet({
          window_start: sql<number>`case when ${passed} then ${now} else ${start} end`,
          failures: sql<number>`case when ${passed} then 1 else ${count} + 1 end`,
        }),
      )
      .returning(['failures', 'window_start'])
      .executeTakeFirstOrThrow();
    return { count: n(r.failures), windowStart: n(r.window_start) };
  }

  private lastPrune = 0;
  /** Rows of windows long past are of no use to anyone (at most once a window per process; a failure is harmless). */
  private async prune(now: number, windowMs: number): Promise<void> {
    if (now - this.lastPrune < windowMs) return;
    this.lastPrune = now;
    await this.db
      .deleteFrom('console_signin_failures')
      .where('window_start', '<', now - 10 * windowMs)
      .execute()
      .catch(() => undefined);
  }

  /** Runs `fn` again (a few times) when PostgreSQL aborted it as a deadlock victim or serialization failure. */
  private async retrying<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        const code = (e as { code?: string })?.code;
        if ((code !== '40P01' && code !== '40001') || attempt >= 5) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
      }
    }
  }
}

/** One limit a sign-in attempt is counted against: the SHA-256 of what is limited, and how many attempts a window allows. */
export interface SignInLimit {
  key: string;
  limit: number;
}

export type Reservation = { ok: true } | { ok: false; refused: SignInLimit; windowStart: number };

class Refusal extends Error {
  constructor(readonly result: Reservation) {
    super('sign-in limit reached');
  }
}
