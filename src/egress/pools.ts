// Keep-alive connection pools, one per (profile, origin, checked address).
//
// The address is part of the key, so a pooled connection is only ever reused for
// a request whose own lookup produced that same checked address. A pool that has
// no open connection left is dropped, as undici's Agent does with its origins.
import type { Pool } from 'undici';

interface Entry {
  pool: Pool;
  connected: number;
}

export class PinnedPools {
  private readonly entries = new Map<string, Entry>();

  get(key: string, create: () => Pool): Pool {
    const existing = this.entries.get(key);
    if (existing) return existing.pool;
    const entry: Entry = { pool: create(), connected: 0 };
    const dropIfUnused = () => {
      if (entry.connected > 0 || this.entries.get(key) !== entry) return;
      this.entries.delete(key);
      if (!entry.pool.destroyed) void entry.pool.close();
    };
    entry.pool
      .on('connect', () => {
        entry.connected += 1;
      })
      .on('disconnect', () => {
        entry.connected -= 1;
        dropIfUnused();
      })
      .on('connectionError', dropIfUnused);
    this.entries.set(key, entry);
    return entry.pool;
  }

  get size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    const pools = [...this.entries.values()].map((e) => e.pool);
    this.entries.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }
}
