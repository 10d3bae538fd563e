// Console sign-in and sessions. A session is a random id in an HttpOnly,
// SameSite=Strict cookie; the database keeps only its SHA-256 (any node sharing
// the database serves it). Each session has a CSRF token (double submit: a
// readable cookie that the page copies into a header, checked against the
// session's stored hash), an idle expiry and an absolute expiry. Every request
// resolves the session to the same Caller a SigV4 request would produce, read
// afresh (role, groups; the user must still exist and an access key still be active).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Caller } from '../domain/types.js';
import type { Store } from '../store/store.js';
import type { ConsoleSession } from '../store/console-store.js';
import type { KeyRing } from '../crypto/keyring.js';
import { DecryptError } from '../crypto/keyring.js';
import { aad } from '../domain/aad.js';
import { ACCOUNT_ID, PRINCIPAL_NAME, groupArn, userArn } from '../auth/arns.js';
import { MAX_PASSWORD_LENGTH, verifyNothing, verifyPassword } from '../crypto/passwords.js';
import { SCRYPT_WORKERS } from '../crypto/scrypt-pool.js';
import { ServiceError, accessDenied, invalidParameter } from '../protocol/errors.js';

export interface ConsoleOptions {
  /** A session not used for this long ends (default 30 minutes). */
  idleTimeoutMs: number;
  /** A session ends this long after sign-in, used or not (default 12 hours). */
  absoluteTimeoutMs: number;
  /** Failed sign-ins allowed per user and client address within signInWindowMs (default 5). */
  maxFailedSignIns: number;
  /** Failed sign-ins allowed per user, whatever the address, within signInWindowMs (default 20): bounds a guess spread over many addresses. */
  maxFailedSignInsPerUser: number;
  /** Failed sign-ins allowed per client address, whatever the user, within signInWindowMs (default 50). */
  maxFailedSignInsPerAddress: number;
  signInWindowMs: number;
  /** Password sign-ins this server checks at once (hashing and waiting for it); one more is refused at once (default 8 per scrypt worker). */
  maxSignInsInProgress: number;
}

export const CONSOLE_DEFAULTS: ConsoleOptions = {
  idleTimeoutMs: 30 * 60_000,
  absoluteTimeoutMs: 12 * 3600_000,
  maxFailedSignIns: 5,
  maxFailedSignInsPerUser: 20,
  maxFailedSignInsPerAddress: 50,
  signInWindowMs: 60_000,
  maxSignInsInProgress: 8 * SCRYPT_WORKERS,
};

export const SESSION_COOKIE = 'ab_console_session';
export const CSRF_COOKIE = 'ab_console_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Cookies are sent only to the console and its API. */
export const COOKIE_PATH = '/console';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const addressKey = (clientIp: string) => sha256(`address\u0000${limitAddress(clientIp)}`);

/**
 * The address the per-address limit counts: an IPv4 address as it is, an IPv6 address by
 * its /64 (one host or customer usually holds a whole /64, and rotating within it is free).
 */
export function limitAddress(ip: string): string {
  const bare = ip.replace(/%.*$/, '');
  if (!bare.includes(':')) return bare;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped) return mapped[1]!;
  const groups = (part: string) => (part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])));
  const halves = bare.split('::');
  const head = groups(halves[0]!);
  const tail = halves.length > 1 ? groups(halves[1]!) : [];
  const all = halves.length > 1 ? [...head, ...Array<string>(Math.max(0, 8 - head.length - tail.length)).fill('0'), ...tail] : head;
  return `${all
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}

function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

/** A session as the console API uses it: who is calling, and the session's times. */
export interface ResolvedSession {
  session: ConsoleSession;
  caller: Caller;
}

export interface OpenedSession extends ResolvedSession {
  /** The cookie values: shown to the browser once, stored only as hashes. */
  sessionId: string;
  csrfToken: string;
}

/** A sign-in refused before anything was checked: ThrottlingException (429) with the seconds to wait (the Retry-After header). */
export class SignInRefused extends ServiceError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('ThrottlingException', message);
  }
}

/** The counters one sign-in attempt is reserved on (SHA-256 each; only hashes are stored). */
interface AttemptKeys {
  userAddress: string;
  user: string;
  address: string;
}

/** Not signed in, or the session ended: the console shows its sign-in page. */
export const notSignedIn = (message: string) => new ServiceError('MissingAuthenticationTokenException', message);

export class ConsoleSessions {
  constructor(private readonly d: { store: Store; keys: KeyRing; region: string; now: () => number; options: ConsoleOptions }) {}

  get options(): ConsoleOptions {
    return this.d.options;
  }

  private get tables() {
    return this.d.store.console;
  }

  private async callerOf(accountId: string, userName: string, role: Caller['role'], accessKeyId: string): Promise<Caller> {
    const groups = await this.d.store.identities.groupsOf(accountId, userName);
    return {
      accountId,
      userName,
      role,
      accessKeyId,
      userArn: userArn(this.d.region, accountId, userName),
      groupArns: groups.map((g) => groupArn(this.d.region, accountId, g)),
    };
  }

  /**
   * Reserves this attempt on the limits before any credential is checked: per user and
   * address, per user whatever the address, per address whatever the user (one
   * transaction in the shared database: concurrent attempts, on any node, are counted
   * one after the other). Refused (429, nothing checked) when any is used up.
   */
  private async reserve(kind: 'password' | 'access-key', subject: string, clientIp: string): Promise<AttemptKeys> {
    const o = this.d.options;
    const keys: AttemptKeys = {
      userAddress: sha256(`${kind}\u0000${subject}\u0000${limitAddress(clientIp)}`),
      user: sha256(`${kind}-user\u0000${subject}`),
      address: addressKey(clientIp),
    };
    const seconds = Math.round(o.signInWindowMs / 1000);
    const limits = [
      { key: keys.userAddress, limit: o.maxFailedSignIns, which: `for this user from your address (${o.maxFailedSignIns} within ${seconds} seconds)` },
      { key: keys.user, limit: o.maxFailedSignInsPerUser, which: `for this user (${o.maxFailedSignInsPerUser} within ${seconds} seconds, from any address)` },
      { key: keys.address, limit: o.maxFailedSignInsPerAddress, which: `from your address (${o.maxFailedSignInsPerAddress} within ${seconds} seconds)` },
    ];
    const now = this.d.now();
    const refuse = (which: string, until: number): never => {
      const wait = Math.max(1, Math.ceil((until - now) / 1000));
      throw new SignInRefused(`Too many failed sign-ins ${which}. Try again in ${wait} seconds.`, wait);
    };
    // A limit this node found used up stays so until its window ends: refused without a database write.
    for (const l of limits) {
      const until = this.usedUp.get(l.key);
      if (until !== undefined && until > now) refuse(l.which, until);
    }
    const r = await this.tables.reserve(limits, now, o.signInWindowMs);
    if (r.ok) return keys;
    const until = r.windowStart + o.signInWindowMs;
    if (this.usedUp.size >= 10_000) this.usedUp.clear();
    this.usedUp.set(r.refused.key, until);
    return refuse(limits.find((l) => l.key === r.refused.key)!.which, until);
  }

  /**
   * Limits found used up, by key, until when (epoch ms). While a limit is used up every
   * attempt on it is refused, so nothing gives an attempt back to it but a sign-in
   * reserved just before (then `succeeded` forgets it here).
   */
  private readonly usedUp = new Map<string, number>();

  /** A successful sign-in: the user's failures from this address are forgotten, and the attempt is given back to the other two limits. */
  private async succeeded(keys: AttemptKeys): Promise<void> {
    for (const k of [keys.userAddress, keys.user, keys.address]) this.usedUp.delete(k);
    await this.tables.settle([keys.userAddress], [keys.user, keys.address], this.d.now(), this.d.options.signInWindowMs);
  }

  private inProgress = 0;
  /**
   * Admits one password sign-in among the few this server checks at once, or refuses it
   * at once (429, nothing hashed, nothing counted): a flood of sign-ins waits for no
   * scrypt worker and holds no memory. Returns the function that lets the next one in.
   */
  private admit(): () => void {
    if (this.inProgress >= this.d.options.maxSignInsInProgress) {
      throw new SignInRefused('Too many sign-ins are in progress on this server. Try again in a moment.', 1);
    }
    this.inProgress++;
    let left = false;
    return () => {
      if (!left) {
        left = true;
        this.inProgress--;
      }
    };
  }

  async signInWithPassword(input: { AccountId?: unknown; UserName?: unknown; Password?: unknown }, clientIp: string): Promise<OpenedSession> {
    const { AccountId: accountId, UserName: userName, Password: password } = input;
    const problems: string[] = [];
    if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) problems.push('AccountId must be 12 digits');
    if (typeof userName !== 'string' || !PRINCIPAL_NAME.test(userName)) problems.push('UserName must be 1-128 letters, digits or + = , . @ _ -');
    if (typeof password !== 'string' || password.length === 0) problems.push('Password is required');
    else if (password.length > MAX_PASSWORD_LENGTH) problems.push(`Password must have at most ${MAX_PASSWORD_LENGTH} characters`);
    if (problems.length) throw invalidParameter(`${problems.join('; ')}.`);
    const acct = accountId as string;
    const name = userName as string;
    const pw = password as string;
    const leave = this.admit();
    let user: NonNullable<Awaited<ReturnType<Store['identities']['getUser']>>>;
    try {
      const keys = await this.reserve('password', `${acct}\u0000${name}`, clientIp);
      const [found, stored] = await Promise.all([this.d.store.identities.getUser(acct, name), this.tables.getPassword(acct, name)]);
      const ok = found && stored && stored.userCreatedAt === found.createdAt ? await verifyPassword(pw, stored.hash) : await verifyNothing(pw);
      if (!ok || !found) throw accessDenied('The account ID, user name or password is not correct.');
      await this.succeeded(keys);
      user = found;
    } finally {
      leave();
    }
    return this.open(user.accountId, user.userName, user.role, user.createdAt, null);
  }

  async signInWithAccessKey(input: { AccessKeyId?: unknown; SecretAccessKey?: unknown }, clientIp: string): Promise<OpenedSession> {
    const { AccessKeyId: id, SecretAccessKey: secret } = input;
    if (typeof id !== 'string' || !/^[A-Z0-9]{16,128}$/.test(id) || typeof secret !== 'string' || secret.length === 0 || secret.length > 1024) {
      throw invalidParameter('AccessKeyId (16-128 capital letters and digits) and SecretAccessKey are required.');
    }
    const keys = await this.reserve('access-key', id, clientIp);
    const wrong = accessDenied('The access key ID or secret access key is not correct, or the key is not active.');
    const k = await this.d.store.identities.getAccessKey(id);
    let stored: string | undefined;
    if (k && k.status === 'ACTIVE') {
      try {
        stored = this.d.keys.open(k.secretSealed, aad.accessKey(id));
      } catch (e) {
        if (!(e instanceof DecryptError)) throw e;
      }
    }
    // Compared in constant time (over the hashes, so lengths do not matter either).
    const ok = sameSecret(secret, stored ?? `\u0000no-key-${randomBytes(8).toString('hex')}`) && stored !== undefined;
    if (!ok || !k) throw wrong;
    const user = await this.d.store.identities.getUser(k.accountId, k.userName);
    if (!user) throw wrong;
    await this.succeeded(keys);
    return this.open(user.accountId, user.userName, user.role, user.createdAt, id);
  }

  private async open(accountId: string, userName: string, role: Caller['role'], userCreatedAt: number, accessKeyId: string | null): Promise<OpenedSession> {
    const now = this.d.now();
    const sessionId = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const session: ConsoleSession = {
      sessionHash: sha256(sessionId),
      accountId,
      userName,
      userCreatedAt,
      accessKeyId,
      region: this.d.region,
      csrfHash: sha256(csrfToken),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + this.d.options.absoluteTimeoutMs,
    };
    await this.tables.createSession(session, now - this.d.options.idleTimeoutMs);
    const caller = await this.callerOf(accountId, userName, role, accessKeyId ?? 'console-password');
    return { sessionId, csrfToken, session, caller };
  }

  /** The session a cookie names, with its caller; throws MissingAuthenticationTokenException saying why not. */
  async resolve(sessionId: string | undefined): Promise<ResolvedSession> {
    if (!sessionId) throw notSignedIn('You are not signed in to the console.');
    const hash = sha256(sessionId);
    const s = await this.tables.getSession(hash);
    if (!s) throw notSignedIn('Your console session has ended. Sign in again.');
    const now = this.d.now();
    const checked = await this.check(s, now);
    if (typeof checked === 'string') {
      await this.tables.deleteSession(hash);
      throw notSignedIn(checked);
    }
    // The idle clock moves on at most every tenth of the idle timeout (not on every request).
    if (now - s.lastSeenAt >= Math.min(60_000, this.d.options.idleTimeoutMs / 10)) {
      await this.tables.touchSession(hash, now);
      s.lastSeenAt = now;
    }
    return { session: s, caller: await this.callerOf(s.accountId, s.userName, checked.role, s.accessKeyId ?? 'console-password') };
  }

  /**
   * The user a session cookie names, if the session is valid; read only (neither the idle
   * clock nor an ended session is touched). For pages outside the console that only need
   * to know who is signed in (the OAuth sign-in confirmation, /oauth/start).
   */
  async peek(sessionId: string | undefined): Promise<{ userArn: string; accountId: string; userName: string } | undefined> {
    if (!sessionId) return undefined;
    const s = await this.tables.getSession(sha256(sessionId));
    if (!s || typeof (await this.check(s, this.d.now())) === 'string') return undefined;
    return { userArn: userArn(s.region, s.accountId, s.userName), accountId: s.accountId, userName: s.userName };
  }

  /** The session's user, or why the session cannot be used any more. */
  private async check(s: ConsoleSession, now: number): Promise<{ role: Caller['role'] } | string> {
    const { idleTimeoutMs, absoluteTimeoutMs } = this.d.options;
    if (now >= s.expiresAt) return `Your console session expired: a session lasts at most ${Math.round(absoluteTimeoutMs / 60_000)} minutes. Sign in again.`;
    if (now - s.lastSeenAt >= idleTimeoutMs)
      return `Your console session expired after ${Math.round(idleTimeoutMs / 60_000)} minutes without activity. Sign in again.`;
    const user = await this.d.store.identities.getUser(s.accountId, s.userName);
    if (!user || user.createdAt !== s.userCreatedAt) return 'Your user no longer exists. Sign in again.';
    if (s.accessKeyId) {
      const k = await this.d.store.identities.getAccessKey(s.accessKeyId);
      if (k?.status !== 'ACTIVE' || k.accountId !== s.accountId || k.userName !== s.userName) {
        return 'The access key this session was opened with is no longer active. Sign in again.';
      }
    }
    return { role: user.role };
  }

  /** The CSRF check of a state-changing request: the header must equal the cookie and the session's token. */
  checkCsrf(s: ConsoleSession, header: string | undefined, cookie: string | undefined): void {
    const refuse = () => accessDenied(`This request needs the console's CSRF token in the ${CSRF_HEADER} header (reload the page).`);
    if (!header || !cookie || !sameSecret(header, cookie)) throw refuse();
    if (!sameSecret(sha256(header), s.csrfHash)) throw refuse();
  }

  async signOut(sessionId: string | undefined): Promise<void> {
    if (sessionId) await this.tables.deleteSession(sha256(sessionId));
  }
}

/** Reads one cookie from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/**
 * The Set-Cookie lines of a new session (or, without one, the lines that clear the cookies).
 * With `oauthStartPath`, the session cookie is also set on that path (HttpOnly, SameSite=Strict):
 * the OAuth sign-in confirmation (/oauth/start) refuses a link another user started
 * when the browser is signed in to the console (src/server/oauth-callback.ts).
 */
export function sessionCookies(
  opened: { sessionId: string; csrfToken: string } | undefined,
  secure: boolean,
  maxAgeSeconds: number,
  oauthStartPath?: string,
): string[] {
  const attrs = (httpOnly: boolean, age: number, path = COOKIE_PATH) =>
    `; Path=${path}; Max-Age=${age}; SameSite=Strict${httpOnly ? '; HttpOnly' : ''}${secure ? '; Secure' : ''}`;
  const start = (value: string, age: number) => (oauthStartPath ? [`${SESSION_COOKIE}=${value}${attrs(true, age, oauthStartPath)}`] : []);
  if (!opened) return [`${SESSION_COOKIE}=${attrs(true, 0)}`, `${CSRF_COOKIE}=${attrs(false, 0)}`, ...start('', 0)];
  return [
    `${SESSION_COOKIE}=${opened.sessionId}${attrs(true, maxAgeSeconds)}`,
    `${CSRF_COOKIE}=${opened.csrfToken}${attrs(false, maxAgeSeconds)}`,
    ...start(opened.sessionId, maxAgeSeconds),
  ];
}
