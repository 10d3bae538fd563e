// What API definitions and MCP servers derive per (connector incarnation, version), on this
// node. A version names one document or tool list for good (the store never reuses one), so
// an entry never goes stale; the bound keeps memory in check. One cache per store and kind.
import type { ConnectorRecord } from '../domain/types.js';
import type { Store } from '../store/store.js';

/** An LRU of promises; a rejected load is forgotten so that the next call tries again. */
export class VersionCache<T> {
  private readonly entries = new Map<string, Promise<T>>();
  constructor(private readonly max = 256) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const p = load();
    this.set(key, p);
    p.catch(() => this.entries.get(key) === p && this.entries.delete(key));
    return p;
  }

  set(key: string, p: Promise<T>): void {
    this.entries.delete(key);
    this.entries.set(key, p);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** The cache of one kind for a store, made on first use. */
export function perStore<T>(): (store: Store) => VersionCache<T> {
  const caches = new WeakMap<Store, VersionCache<T>>();
  return (store) => {
    let c = caches.get(store);
    if (!c) {
      c = new VersionCache<T>();
      caches.set(store, c);
    }
    return c;
  };
}

/** The key of a connector incarnation's version. */
export const versionKey = (rec: ConnectorRecord, version: number) => `${rec.region}\u0000${rec.accountId}\u0000${rec.id}\u0000${rec.createdAt}\u0000${version}`;
