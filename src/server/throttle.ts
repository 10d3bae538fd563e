// Per-account token buckets (PRODUCT.md §2, Throttling). A bucket refills at
// ratePerSecond up to burst; a request that finds it empty is ThrottlingException.
import type { ThrottleConfig } from '../config.js';
import { ServiceError } from '../protocol/errors.js';

interface Bucket { tokens: number; at: number }

export class Throttle {
  private buckets = new Map<string, Bucket>();
  constructor(private readonly cfg: ThrottleConfig, private readonly now: () => number = Date.now) {}

  take(accountId: string): void {
    if (this.cfg.ratePerSecond <= 0) return;
    const t = this.now();
    let b = this.buckets.get(accountId);
    if (!b) { b = { tokens: this.cfg.burst, at: t }; this.buckets.set(accountId, b); }
    b.tokens = Math.min(this.cfg.burst, b.tokens + ((t - b.at) / 1000) * this.cfg.ratePerSecond);
    b.at = t;
    if (b.tokens < 1) throw new ServiceError('ThrottlingException', `Rate exceeded for account ${accountId}: at most ${this.cfg.ratePerSecond} requests per second (burst ${this.cfg.burst}).`);
    b.tokens -= 1;
  }
}
