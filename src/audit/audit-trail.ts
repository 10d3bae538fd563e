// The audit trail of InvokeAction (PRODUCT.md §3, "Audit"; src/domain/invocations.ts
// for what a record holds — never input values, outputs or secrets).
//
// - Writes are group-committed: the records of the invocations that finish within
//   one turn of the event loop are inserted together (one statement, one
//   transaction). `record` resolves once the record is stored; when an invocation may
//   be answered before that, see `storedWithinTurn` (src/ops/actions.ts decides).
// - Retention: records older than `retentionDays` are deleted when the server starts
//   and every hour after, in bounded batches (0 keeps them forever). Every node of a
//   shared database prunes; deleting what another node already deleted is harmless.
import { errorMessage, errorName } from '../error-text.js';
import type { Logger } from 'pino';
import type { InvocationQuery, InvocationRecord } from '../domain/invocations.js';
import type { Store } from '../store/store.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const PRUNE_EVERY_MS = 60 * 60 * 1000;
const PRUNE_BATCH = 5000;

interface Pending {
  rec: InvocationRecord;
  resolve: () => void;
  reject: (e: unknown) => void;
}

export interface AuditTrailOptions {
  store: Store;
  /** Days records are kept; 0 keeps them forever. */
  retentionDays: number;
  now: () => number;
  log?: Logger;
}

export class AuditTrail {
  private pending: Pending[] | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pruning: Promise<number> | undefined;
  private flushing = new Set<Promise<void>>();

  /**
   * Whether a queued record is committed within the turn of the event loop it was queued in:
   * true on SQLite, whose writes are synchronous (the batch is flushed by setImmediate, in
   * the same turn, before the server reads another request); false on PostgreSQL, whose
   * commit is a round trip (another node could be asked for the record before it lands).
   */
  readonly storedWithinTurn: boolean;

  constructor(private readonly opts: AuditTrailOptions) {
    this.storedWithinTurn = opts.store.kind === 'sqlite';
  }

  /**
   * Stores one record; resolves once it is committed. A record that cannot be
   * written is logged (with its request id) and the promise still resolves: the
   * action has been performed, and failing the call would invite a retry that
   * performs it twice.
   */
  async record(rec: InvocationRecord, requestId?: string): Promise<void> {
    try {
      await this.enqueue(rec);
    } catch (err) {
      this.opts.log?.error(
        { requestId, invocationId: rec.invocationId, err: { type: errorName(err), message: errorMessage(err) } },
        'audit record could not be written',
      );
    }
  }

  private enqueue(rec: InvocationRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!this.pending) {
        this.pending = [];
        setImmediate(() => this.flush());
      }
      this.pending.push({ rec, resolve, reject });
    });
  }

  private flush(): void {
    const batch = this.pending ?? [];
    this.pending = undefined;
    if (batch.length === 0) return;
    const p = this.opts.store.audit.insertInvocations(batch.map((b) => b.rec)).then(
      () => {
        for (const b of batch) b.resolve();
      },
      (err) => {
        for (const b of batch) b.reject(err);
      },
    );
    this.flushing.add(p);
    void p.finally(() => this.flushing.delete(p));
  }

  /** One connector's records, newest first. */
  query(q: InvocationQuery): Promise<InvocationRecord[]> {
    return this.opts.store.audit.queryInvocations(q);
  }

  /** Deletes the records past retention; returns how many. One run at a time. */
  prune(): Promise<number> {
    if (this.opts.retentionDays <= 0) return Promise.resolve(0);
    this.pruning ??= (async () => {
      try {
        const before = this.opts.now() - this.opts.retentionDays * DAY_MS;
        let total = 0;
        for (;;) {
          const n = await this.opts.store.audit.pruneInvocations(before, PRUNE_BATCH);
          total += n;
          if (n < PRUNE_BATCH) return total;
        }
      } finally {
        this.pruning = undefined;
      }
    })();
    return this.pruning;
  }

  private pruneLogged(): Promise<void> {
    return this.prune().then(
      (n) => {
        if (n > 0) this.opts.log?.info({ deleted: n, retentionDays: this.opts.retentionDays }, 'audit records past retention deleted');
      },
      (err) => {
        this.opts.log?.error({ err: { type: errorName(err), message: errorMessage(err) } }, 'audit retention: pruning failed');
      },
    );
  }

  /** Prunes now (without waiting) and then every `everyMs`. */
  start(everyMs = PRUNE_EVERY_MS): void {
    if (this.timer || this.opts.retentionDays <= 0) return;
    void this.pruneLogged();
    this.timer = setInterval(() => {
      void this.pruneLogged();
    }, everyMs);
    this.timer.unref();
  }

  /** Stops pruning and waits for records being written (and a prune under way). */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.flush();
    await Promise.allSettled([...this.flushing, ...(this.pruning ? [this.pruning] : [])]);
  }
}
