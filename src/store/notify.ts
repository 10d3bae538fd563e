// PostgreSQL: when may a node serve identity rows (access keys, users, groups,
// memberships) from memory? While it is sure to hear of every change to them.
//
// - Every write to those tables, by any node, the CLI or anyone with SQL access, fires a
//   statement trigger (migration 0009_identity_notify) that sends NOTIFY on
//   IDENTITY_CHANNEL with the schema's name. NOTIFY is transactional: the notification
//   is delivered when the writing transaction commits, never before, and never for a
//   rollback.
// - Each node LISTENs on one dedicated connection (not a pool connection). A
//   notification for its schema changes the version, which empties the cache
//   (src/store/repos/identities.ts files entries under the version read before their query).
// - The node's own writes change the version at once, without waiting for its own
//   notification: after each statement that may write identity rows, and again when its
//   transaction ends (a concurrent read between the statement and the commit saw the old
//   rows; the second change discards what it cached). See watchIdentityWrites.
// - The rule while not listening: the version is undefined, and the cache is bypassed
//   (every read goes to the database). The listening connection counts as up from the
//   moment its LISTEN has been acknowledged; that moment changes the version too, so
//   nothing read before it (while a notification could have been missed) is served after.
//   A connection that dies says so ('error'/'end'); one that hangs silently (a network
//   partition) is caught by a heartbeat query with a deadline, and TCP keepalive. Then
//   the node reconnects with backoff (100 ms doubling to 5 s).
// - Belt and braces: the version also changes every minute, so nothing cached lives
//   longer than that whatever happens.
import pg from 'pg';

export const IDENTITY_CHANNEL = 'actionbridge_identity';
/** The tables of identity rows; statements naming them may change what the cache holds. */
const IDENTITY_TABLE = /\b(users|access_keys|groups|group_members)\b/i;
const READ_ONLY = /^\s*(select|show|listen|unlisten|set|begin|start|savepoint|release)\b/i;
const TX_END = /^\s*(commit|rollback|end|abort)\b/i;
const HEARTBEAT_MS = 10_000;
const HEARTBEAT_DEADLINE_MS = 5_000;
const MAX_AGE_MS = 60_000;

export interface IdentityListenerOptions {
  /** Called on every failure of the listening connection (for the log). */
  onError?: (e: unknown) => void;
}

export class IdentityChanges {
  private changes = 0;
  private listening = false;
  private closed = false;
  private client: pg.Client | undefined;
  private backoff = 100;
  private retry: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  /** Notifications heard for this schema (diagnostics and tests). */
  heard = 0;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly schema: string,
    private readonly opts: IdentityListenerOptions = {},
  ) {}

  /** Something may have changed identity rows: whatever was cached until now is not served again. */
  bump(): void {
    this.changes++;
  }

  /** The cache's version now; undefined while this node is not listening (bypass the cache). */
  version(): string | undefined {
    if (!this.listening) return undefined;
    return `${this.changes}:${Math.floor(Date.now() / MAX_AGE_MS)}`;
  }

  /** The server process of the listening connection (diagnostics: a test ends it to see the cache bypassed). */
  get pid(): number | undefined {
    return this.listening ? (this.client as unknown as { processID?: number } | undefined)?.processID : undefined;
  }

  /** Whether the node hears notifications now. */
  get isListening(): boolean {
    return this.listening;
  }

  /** Starts listening; resolves once the first LISTEN is acknowledged or failed (it retries on its own either way). */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ ...this.config, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    this.client = client;
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      this.down(client);
      if (!this.closed) this.opts.onError?.(e);
    };
    client.on('error', fail);
    client.on('end', () => fail(new Error('the listening connection ended')));
    client.on('notification', (msg) => {
      if (msg.channel !== IDENTITY_CHANNEL || msg.payload !== this.schema) return;
      this.heard++;
      this.bump();
    });
    try {
      await client.connect();
      await client.query(`listen ${IDENTITY_CHANNEL}`);
      if (failed || this.closed) return;
      // From here on every committed change is heard; what was cached before is not served.
      this.bump();
      this.listening = true;
      this.backoff = 100;
      this.heartbeat = setInterval(() => this.beat(client, fail), HEARTBEAT_MS);
      this.heartbeat.unref();
    } catch (e) {
      fail(e);
    }
  }

  /** A query with a deadline on the listening connection: a silent connection counts as down. */
  private beat(client: pg.Client, fail: (e: unknown) => void): void {
    const timer = setTimeout(() => fail(new Error('the listening connection did not answer the heartbeat')), HEARTBEAT_DEADLINE_MS);
    timer.unref();
    client.query('select 1').then(
      () => clearTimeout(timer),
      (e: unknown) => {
        clearTimeout(timer);
        fail(e);
      },
    );
  }

  private down(client: pg.Client): void {
    if (this.client !== client) return;
    this.listening = false;
    this.bump();
    this.client = undefined;
    clearInterval(this.heartbeat);
    client.removeAllListeners('notification');
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    if (this.closed) return;
    const wait = this.backoff;
    this.backoff = Math.min(this.backoff * 2, 5_000);
    this.retry = setTimeout(() => void this.connect(), wait);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const c = this.client;
    if (c) this.down(c);
  }
}

/**
 * Instruments a pool connection (pg Pool's 'connect' event): counts its round trips in
 * `stats.queries`, and tells `changes` of this node's writes to identity rows — once the
 * statement has run, and once more when its transaction ends (see the file's head).
 * Statements are recognized by their text: anything that is not plainly read-only and
 * names an identity table counts as a write (over-counting only empties the cache).
 */
export function watchIdentityWrites(client: pg.PoolClient, changes: IdentityChanges, stats: { queries: number }): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let dirty = false;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    stats.queries++;
    const first = args[0];
    const text = typeof first === 'string' ? first : typeof (first as { text?: unknown })?.text === 'string' ? (first as { text: string }).text : undefined;
    let after = false;
    if (text === undefined) {
      // A cursor or other submittable (Kysely streams selects so); counted as a possible write all the same.
      changes.bump();
      dirty = true;
    } else if (TX_END.test(text)) {
      after = dirty;
      dirty = false;
    } else if (!READ_ONLY.test(text) && IDENTITY_TABLE.test(text)) {
      after = true;
      dirty = true;
    }
    const out = query(...args);
    if (after && out instanceof Promise) {
      out.then(
        () => changes.bump(),
        () => changes.bump(),
      );
    } else if (after) {
      changes.bump();
    }
    return out;
  };
}
