// A stand-in for DNS: a fixed table of names to addresses, recording every lookup
// so tests can assert how often (and for what) the code under test resolved.
export interface StaticResolver {
  resolve(hostname: string): Promise<{ address: string; family: 4 | 6 }[]>;
  /** Every name looked up, in order. */
  readonly calls: string[];
  /** Point a name at other addresses (e.g. to simulate DNS rebinding). */
  set(hostname: string, addresses: string[]): void;
}

export function staticResolver(table: Record<string, string | string[]>): StaticResolver {
  const entries = new Map(Object.entries(table).map(([name, a]) => [name.toLowerCase(), Array.isArray(a) ? a : [a]]));
  const calls: string[] = [];
  return {
    calls,
    set(hostname, addresses) {
      entries.set(hostname.toLowerCase(), addresses);
    },
    async resolve(hostname) {
      calls.push(hostname);
      const found = entries.get(hostname.toLowerCase());
      if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    },
  };
}
