// The web console's tables (migration 0007_console), for SQLite and PostgreSQL alike:
// console passwords (scrypt hashes), sessions (by the SHA-256 of the session id) and
// failed sign-ins (the rate limit). Reached through Store.consoleStore().
import type { Kysely } from 'kysely';

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
  /** SHA-256 of what is limited (user and address). */
  limit_key: string;
  window_start: number;
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
    sessionHash: r.session_hash, accountId: r.account_id, userName: r.user_name, userCreatedAt: n(r.user_created_at),
    accessKeyId: r.access_key_id, region: r.region, csrfHash: r.csrf_hash, createdAt: n(r.created_at),
    lastSeenAt: n(r.last_seen_at), expiresAt: n(r.expires_at),
  };
}

export class ConsoleStore {
  private readonly db: Kysely<ConsoleTables>;

  constructor(db: Kysely<any>) {
    this.db = db as Kysely<ConsoleTables>;
  }

  // ---- passwords --------------------------------------------------------------
  async getPassword(accountId: string, userName: string): Promise<ConsolePassword | undefined> {
    const r = await this.db.selectFrom('console_passwords').select(['password_hash', 'user_created_at'])
      .where('account_id', '=', accountId).where('user_name', '=', userName).executeTakeFirst();
    return r ? { hash: r.password_hash, userCreatedAt: n(r.user_created_at) } : undefined;
  }

  /** Sets (or replaces) a user's password and ends every console session of that user. */
  async setPassword(accountId: string, userName: string, hash: string, userCreatedAt: number, now: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('console_passwords')
        .values({ account_id: accountId, user_name: userName, password_hash: hash, user_created_at: userCreatedAt, updated_at: now })
        .onConflict((oc) => oc.columns(['account_id', 'user_name']).doUpdateSet({ password_hash: hash, user_created_at: userCreatedAt, updated_at: now }))
        .execute();
      await trx.deleteFrom('console_sessions').where('account_id', '=', accountId).where('user_name', '=', userName).execute();
    });
  }

  // ---- sessions ---------------------------------------------------------------
  /** Stores a new session; drops sessions that expired (absolutely, or idle since before `idleCutoff`). */
  async createSession(s: ConsoleSession, idleCutoff: number): Promise<void> {
    await this.db.deleteFrom('console_sessions')
      .where((eb) => eb.or([eb('expires_at', '<', s.createdAt), eb('last_seen_at', '<', idleCutoff)])).execute();
    await this.db.insertInto('console_sessions').values({
      session_hash: s.sessionHash, account_id: s.accountId, user_name: s.userName, user_created_at: s.userCreatedAt,
      access_key_id: s.accessKeyId, region: s.region, csrf_hash: s.csrfHash, created_at: s.createdAt,
      last_seen_at: s.lastSeenAt, expires_at: s.expiresAt,
    }).execute();
  }

  async getSession(sessionHash: string): Promise<ConsoleSession | undefined> {
    const r = await this.db.selectFrom('console_sessions').selectAll().where('session_hash', '=', sessionHash).executeTakeFirst();
    return r ? sessionOf(r) : undefined;
  }

  /** Moves the idle clock of a session on (only forward: a slower node never moves it back). */
  async touchSession(sessionHash: string, now: number): Promise<void> {
    await this.db.updateTable('console_sessions').set({ last_seen_at: now })
      .where('session_hash', '=', sessionHash).where('last_seen_at', '<', now).execute();
  }

  async deleteSession(sessionHash: string): Promise<boolean> {
    const r = await this.db.deleteFrom('console_sessions').where('session_hash', '=', sessionHash).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  // ---- failed sign-ins ----------------------------------------------------------
  /** Failures counted for `key` in the window that is current at `now` (0 when it has passed). */
  async failures(key: string, now: number, windowMs: number): Promise<{ failures: number; windowStart: number }> {
    const r = await this.db.selectFrom('console_signin_failures').select(['failures', 'window_start'])
      .where('limit_key', '=', key).executeTakeFirst();
    if (!r || n(r.window_start) + windowMs <= now) return { failures: 0, windowStart: now };
    return { failures: n(r.failures), windowStart: n(r.window_start) };
  }

  /** Counts one failure; a window that has passed starts again at `now`. */
  async recordFailure(key: string, now: number, windowMs: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const r = await trx.selectFrom('console_signin_failures').select(['failures', 'window_start'])
        .where('limit_key', '=', key).executeTakeFirst();
      if (!r) {
        await trx.insertInto('console_signin_failures').values({ limit_key: key, window_start: now, failures: 1 })
          .onConflict((oc) => oc.column('limit_key').doUpdateSet((eb) => ({ failures: eb('console_signin_failures.failures', '+', 1) })))
          .execute();
      } else if (n(r.window_start) + windowMs <= now) {
        await trx.updateTable('console_signin_failures').set({ window_start: now, failures: 1 }).where('limit_key', '=', key).execute();
      } else {
        await trx.updateTable('console_signin_failures').set((eb) => ({ failures: eb('failures', '+', 1) })).where('limit_key', '=', key).execute();
      }
      // Rows of windows long past are of no use to anyone.
      await trx.deleteFrom('console_signin_failures').where('window_start', '<', now - 10 * windowMs).execute();
    });
  }

  async clearFailures(key: string): Promise<void> {
    await this.db.deleteFrom('console_signin_failures').where('limit_key', '=', key).execute();
  }
}
