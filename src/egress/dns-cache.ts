// Name lookups remembered for a short while. Every outbound request resolves its host
// (egress.ts#pin) and checks each address before connecting; without this, each
// invocation of a connector with a host name (all real ones) asked the system resolver
// again: getaddrinfo on libuv's thread pool (four threads shared with file work), and on
// a machine without a caching resolver a DNS round trip per invocation. Measured with the
// actions benchmark's upstream named `localhost` (/etc/hosts, the cheapest lookup there
// is): 17–33 % less throughput, ~50 µs more CPU per invocation and +0.1 ms at p50
// (bench/RESULTS.md, issue 15).
//
// - An answer is kept for `ttlMs` (default 10 s, as undici's DNS interceptor keeps
//   getaddrinfo's answers, which carry no TTL), then asked for again. Failures and empty
//   answers are not kept: the next request asks again.
// - Concurrent requests for one name share one lookup (1,000 invocations at once: one), for
//   up to SHARE_IN_FLIGHT_MS: a lookup that takes longer (a lost DNS packet makes getaddrinfo
//   wait seconds before it asks again) is not joined by later requests, which start their own,
//   so one slow answer cannot hold every request for the name until their deadlines.
// - At most `maxEntries` names; past that the least recently used one is dropped.
// - A name whose address refused a connection (or did not answer it in time) is forgotten:
//   the next request asks again, so a name moved by DNS failover is followed at once.
// - The cache holds answers, not verdicts: every request still checks every address
//   against its own route's policy and connects to the address it checked, so a cached
//   answer can never let a request reach what a fresh one could not.
import type { ResolvedAddress, Resolver } from './config.js';

/** How long later requests join a lookup in flight, in ms. */
export const SHARE_IN_FLIGHT_MS = 1_000;

export interface DnsCacheOptions {
  /** How long an answer is used, in ms (> 0). */
  ttlMs: number;
  /** Names kept at most. */
  maxEntries: number;
  /** A monotonic clock in ms (tests move it). */
  now?: () => number;
}

interface Entry {
  /** The lookup in flight, or the answer it gave. */
  answer: Promise<readonly ResolvedAddress[]>;
  /** Until when the entry is used: while in flight, until later requests stop joining it (SHARE_IN_FLIGHT_MS); then the answer's ttlMs. */
  expires: number;
}

export class DnsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(
    private readonly inner: Resolver,
    private readonly opts: DnsCacheOptions,
  ) {
    if (!(opts.ttlMs > 0)) throw new TypeError('DnsCache ttlMs must be a positive number');
    if (!(Number.isInteger(opts.maxEntries) && opts.maxEntries > 0)) throw new TypeError('DnsCache maxEntries must be a positive integer');
    this.now = opts.now ?? (() => performance.now());
  }

  /** The addresses of `hostname`: remembered, shared with a lookup in flight, or looked up now. */
  readonly resolve = (hostname: string): Promise<readonly ResolvedAddress[]> => {
    const key = hostname.toLowerCase();
    const found = this.entries.get(key);
    const now = this.now();
    if (found && found.expires > now) {
      // Most recently used last: Map keeps insertion order, the first key is the one to drop.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.answer;
    }
    if (found) this.entries.delete(key);
    const answer = this.inner(hostname).then(
      (addresses) => {
        const frozen = Object.freeze(addresses.map((a) => Object.freeze({ address: a.address, family: a.family })));
        if (this.entries.get(key) === entry) {
          if (frozen.length > 0) entry.expires = this.now() + this.opts.ttlMs;
          else this.entries.delete(key);
        }
        return frozen;
      },
      (err: unknown) => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw err;
      },
    );
    const entry: Entry = { answer, expires: now + SHARE_IN_FLIGHT_MS };
    this.entries.set(key, entry);
    while (this.entries.size > this.opts.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return answer;
  };

  /** Forgets a name's answer (its address did not take a connection): the next request asks again. */
  forget(hostname: string): void {
    this.entries.delete(hostname.toLowerCase());
  }

  /** Names held (answers and lookups in flight). */
  get size(): number {
    return this.entries.size;
  }
}
