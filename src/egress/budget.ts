// One server-wide budget for the bytes of upstream response bodies held in memory.
//
// Each response body is read whole, up to maxResponseBytes; without an overall bound,
// many concurrent invocations could each hold that much. Every body read charges its
// bytes to one budget (maxBufferedBytes) as they arrive; a body that would go past it
// is abandoned and the request fails as EgressError 'busy'. A body's bytes are given
// back when the read ends (error, abort and timeout included), or, for a request made
// with an invocation's hold (`holdResponses()`), when that whole invocation ends: the
// bodies read there stay in memory, parsed and mapped, until its answer is built.
//
// The hold is handed down explicitly (EgressRequest.hold), not found through
// AsyncLocalStorage: on Node 20 a single AsyncLocalStorage.run() turns on promise hooks
// for the whole process for good, which made every await of every request (Describe
// included) about three times as costly.

/** One invocation's scope: the bytes of the bodies read with it, given back when it ends. */
export interface ResponseHold {
  bytes: number;
  open: boolean;
}

export class ResponseBudget {
  private used = 0;

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
   * Gives back `n` bytes of a read that ended: now, or when `hold` (the invocation the
   * read was made for) ends.
   */
  release(n: number, hold?: ResponseHold): void {
    // A read that outlives its scope (work it started in the background) gives back at once.
    if (hold?.open) hold.bytes += n;
    else this.give(n);
  }

  /** Gives back `n` bytes now (a read that failed: nothing of it is kept). */
  releaseNow(n: number): void {
    this.give(n);
  }

  /** Runs `fn` with a new hold; the bytes of every response read with it are given back when `fn` ends. */
  async holdResponses<T>(fn: (hold: ResponseHold) => Promise<T>): Promise<T> {
    const hold: ResponseHold = { bytes: 0, open: true };
    try {
      return await fn(hold);
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
