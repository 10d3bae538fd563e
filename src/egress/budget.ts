// One server-wide budget for the bytes of upstream response bodies held in memory.
//
// Each response body is read whole, up to maxResponseBytes; without an overall bound,
// many concurrent invocations could each hold that much. Every body read charges its
// bytes to one budget (maxBufferedBytes) as they arrive; a body that would go past it
// is abandoned and the request fails as EgressError 'busy'. A body's bytes are given
// back when the read ends (error, abort and timeout included), or, inside
// `holdResponses()` (an invocation), when that whole scope ends: the bodies read there
// stay in memory, parsed and mapped, until its answer is built.
import { AsyncLocalStorage } from 'node:async_hooks';

interface Hold {
  bytes: number;
  open: boolean;
}

export class ResponseBudget {
  private used = 0;
  private readonly holds = new AsyncLocalStorage<Hold>();

  constructor(readonly limit: number) {}

  /** Bytes charged now. */
  get inUse(): number {
    return this.used;
  }

  /** Charges `n` bytes if they fit; false (nothing charged) otherwise. */
  take(n: number): boolean {
    if (this.used + n > this.limit) return false;
    this.used += n;
    return true;
  }

  /**
   * Gives back `n` bytes of a read that ended: now, or at the end of the enclosing
   * holdResponses() scope.
   */
  release(n: number): void {
    const hold = this.holds.getStore();
    // A read that outlives its scope (work it started in the background) gives back at once.
    if (hold?.open) hold.bytes += n;
    else this.give(n);
  }

  /** Gives back `n` bytes now (a read that failed: nothing of it is kept). */
  releaseNow(n: number): void {
    this.give(n);
  }

  /** Runs `fn`; the bytes of every response read inside it are given back when it ends. */
  async holdResponses<T>(fn: () => Promise<T>): Promise<T> {
    if (this.holds.getStore()) return fn();
    const hold: Hold = { bytes: 0, open: true };
    try {
      return await this.holds.run(hold, fn);
    } finally {
      hold.open = false;
      this.give(hold.bytes);
      hold.bytes = 0;
    }
  }

  private give(n: number): void {
    this.used = Math.max(0, this.used - n);
  }
}
