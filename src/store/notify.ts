// PostgreSQL: when may a node serve rows from memory? While it is sure to hear of every
// change to them. Two families of rows are cached so (FAMILIES): identities (access keys,
// users, groups, memberships: src/store/repos/identities.ts) and connectors (connector rows,
// their grants and tags: the records and grant decisions of src/store/repos/connectors.ts).
//
// - Every write to those tables, by any node, the CLI or anyone with SQL access, fires a
//   statement trigger (migrations 0009_identity_notify and 0012_connector_notify) that
//   sends NOTIFY on the family's channel with the schema's name. NOTIFY is transactional:
//   the notification is delivered when the writing transaction commits, never before,
//   and never for a rollback. A statement trigger has no row, so a notification changes
//   the whole family's version (simple, and correct: over-invalidating only costs reads).
// - Each node LISTENs on both channels on one dedicated connection (not a pool
//   connection). A notification for its schema changes that family's version, which
//   empties its cache (entries are filed under the version read before their query).
// - The node's own writes change the version at once, without waiting for its own
//   notification: after each statement that may write the family's rows, and again when
//   its transaction ends (a concurrent read between the statement and the commit saw the
//   old rows; the second change discards what it cached). See watchWrites.
// - The rule while not listening: every version is undefined, and the caches are bypassed
//   (every read goes to the database). The listening connection counts as up from the
//   moment its LISTENs have been acknowledged; that moment changes every version too, so
//   nothing read before it (while a notification could have been missed) is served after.
//   A connection that dies says so ('error'/'end'); one that hangs silently (a network
//   partition) is caught by a heartbeat query with a deadline, and TCP keepalive. Then
//   the node reconnects with backoff (100 ms doubling to 5 s).
// - Belt and braces: the versions also change every minute, so nothing cached lives
//   longer than that whatever happens.
import pg from 'pg';

/** The families of cached rows: each its channel, and the tables whose writes may change what its cache holds. */
export const FAMILIES = {
  identity: { channel: 'actionbridge_identity', tables: /\b(users|access_keys|groups|group_members)\b/i },
  connector: { channel: 'actionbridge_connector', tables: /\b(connectors|connector_grants|tags)\b/i },
} as const;
export type Family = keyof typeof FAMILIES;
const FAMILY_NAMES = Object.keys(FAMILIES) as Family[];
const FAMILY_OF_CHANNEL = new Map<string, Family>(FAMILY_NAMES.map((f) => [FAMILIES[f].channel, f]));
const READ_ONLY = /^\s*(select|show|listen|unlisten|set|begin|start|savepoint|release)\b/i;
const TX_END = /^\s*(commit|rollback|end|abort)\b/i;
const HEARTBEAT_MS = 10_000;
const HEARTBEAT_DEADLINE_MS = 5_000;
const MAX_AGE_MS = 60_000;

export interface ChangeListenerOptions {
  /** Called on every failure of the listening connection (for the log). */
  onError?: (e: unknown) => void;
}

export class StoreChanges {
  private readonly changes: Record<Family, number> = { identity: 0, connector: 0 };
  private listening = false;
  private closed = false;
  private client: pg.Client | undefined;
  private backoff = 100;
  private retry: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  /** Notifications heard for this schema, by family (diagnostics and tests). */
  readonly heard: Record<Family, number> = { identity: 0, connector: 0 };

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly schema: string,
    private readonly opts: ChangeListenerOptions = {},
  ) {}

  /** Something may have changed the family's rows (every family's when none is named): whatever was cached of them until now is not served again. */
  bump(family?: Family): void {
    if (family) this.changes[family]++;
    else for (const f of FAMILY_NAMES) this.changes[f]++;
  }

  /** The family's cache version now; undefined while this node is not listening (bypass the cache). */
  version(family: Family): string | undefined {
    if (!this.listening) return undefined;
    return `${this.changes[family]}:${Math.floor(Date.now() / MAX_AGE_MS)}`;
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
      const family = FAMILY_OF_CHANNEL.get(msg.channel);
      if (family === undefined || msg.payload !== this.schema) return;
      this.heard[family]++;
      this.bump(family);
    });
    try {
      await client.connect();
      for (const f of FAMILY_NAMES) await client.query(`listen ${FAMILIES[f].channel}`);
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
 * `stats.queries`, and tells `changes` of this node's writes to each family's rows — once
 * the statement has run, and once more when its transaction ends (see the file's head).
 * Statements are recognized by their text: anything that is not plainly read-only and
 * names one of a family's tables counts as a write to that family (over-counting only
 * empties a cache).
 */
export function watchWrites(client: pg.PoolClient, changes: StoreChanges, stats: { queries: number }): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  /** The families written in the transaction in progress (changed again when it ends). */
  const dirty = new Set<Family>();
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    stats.queries++;
    const first = args[0];
    const text = typeof first === 'string' ? first : typeof (first as { text?: unknown })?.text === 'string' ? (first as { text: string }).text : undefined;
    let after: Family[] | undefined;
    if (text === undefined) {
      // A cursor or other submittable (Kysely streams selects so); counted as a possible write all the same.
      changes.bump();
      for (const f of FAMILY_NAMES) dirty.add(f);
    } else if (TX_END.test(text)) {
      if (dirty.size) {
        after = [...dirty];
        dirty.clear();
      }
    } else if (!READ_ONLY.test(text)) {
      for (const f of FAMILY_NAMES) {
        if (!FAMILIES[f].tables.test(text)) continue;
        after ??= [];
        after.push(f);
        dirty.add(f);
      }
    }
    const out = query(...args);
    if (after === undefined) return out;
    const written = after;
    const bump = () => {
      for (const f of written) changes.bump(f);
    };
    if (out instanceof Promise) out.then(bump, bump);
    else bump();
    return out;
  };
}
