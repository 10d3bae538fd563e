// Per-account token buckets (PRODUCT.md §2, Throttling). A bucket refills at
// ratePerSecond up to burst; a request that finds it empty is ThrottlingException.
//
// Several nodes (docs/operations/postgresql.md): each node keeps its own buckets, sized
// 1/nodes of the account's rate and burst, so that with requests spread evenly by
// the load balancer the account's total across nodes is the configured rate
// (measured in test/pg-throttle.test.ts). No database round trip per request.
import type { ThrottleConfig } from '../config.js';
import { ServiceError } from '../protocol/errors.js';

interface Bucket {
  tokens: number;
  at: number;
}

export class Throttle {
  private buckets = new Map<string, Bucket>();
  private readonly rate: number;
  private readonly burst: number;
  constructor(
    private readonly cfg: ThrottleConfig,
    private readonly now: () => number = Date.now,
    nodes = 1,
  ) {
    const n = Number.isInteger(nodes) && nodes > 1 ? nodes : 1;
    this.rate = cfg.ratePerSecond / n;
    // A node's bucket holds at least one request, or a small burst split many ways would refuse everything.
    this.burst = n === 1 ? cfg.burst : Math.max(1, cfg.burst / n);
  }

  take(accountId: string): void {
    if (this.cfg.ratePerSecond <= 0) return;
    const t = this.now();
    let b = this.buckets.get(accountId);
    if (!b) {
      b = { tokens: this.burst, at: t };
      this.buckets.set(accountId, b);
    }
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.rate);
    b.at = t;
    if (b.tokens < 1)
      throw new ServiceError(
        'ThrottlingException',
        `Rate exceeded for account ${accountId}: at most ${this.cfg.ratePerSecond} requests per second (burst ${this.cfg.burst}).`,
      );
    b.tokens -= 1;
  }
}
