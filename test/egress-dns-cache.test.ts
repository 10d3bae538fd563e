// Issue 15: a host name's addresses are remembered for a short while (src/egress/dns-cache.ts)
// instead of asking the resolver for every outbound request. What must stay true with it: one
// lookup serves many requests and concurrent ones share it; a failed or empty lookup is not
// kept, nor one whose address refused the connection; the cache is bounded; an answer is used
// only for its time, so a name rebound to a refused address is refused once that time is
// over; and the cache holds answers, not verdicts: every request checks the addresses against
// its own route's policy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsCache, SHARE_IN_FLIGHT_MS } from '../src/egress/dns-cache.js';
import { Egress, type EgressConfig } from '../src/egress/index.js';
import { ADMIN } from './helpers.js';
import { startActionUpstream, type ActionUpstream } from './support/action-upstream.js';
import { actionsApi, createConnector, noneAuth } from './support/actions.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';
import { failure } from './support/egress-failure.js';
import { staticResolver, type StaticResolver } from './support/resolver.js';
import { startUpstream, type Upstream } from './support/upstream.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('DnsCache', () => {
  const counting = () => {
    const dns = staticResolver({ 'a.example': '192.0.2.1', 'b.example': '192.0.2.2', 'c.example': '192.0.2.3', 'd.example': '192.0.2.4' });
    let t = 0;
    return { dns, clock: { now: () => t, advance: (ms: number) => (t += ms) } };
  };

  it('answers a name from one lookup for ttlMs, then looks it up again', async () => {
    const { dns, clock } = counting();
    const cache = new DnsCache(dns.resolve, { ttlMs: 1000, maxEntries: 10, now: clock.now });
    for (let i = 0; i < 5; i++) expect(await cache.resolve('a.example')).toEqual([{ address: '192.0.2.1', family: 4 }]);
    expect(dns.calls).toEqual(['a.example']);
    clock.advance(999);
    await cache.resolve('A.Example');
    expect(dns.calls).toEqual(['a.example']);
    clock.advance(1);
    await cache.resolve('a.example');
    expect(dns.calls).toEqual(['a.example', 'a.example']);
  });

  it('shares one lookup among concurrent requests for a name', async () => {
    const { dns, clock } = counting();
    const cache = new DnsCache(dns.resolve, { ttlMs: 1000, maxEntries: 10, now: clock.now });
    const all = await Promise.all(Array.from({ length: 100 }, () => cache.resolve('b.example')));
    expect(all.every((a) => a[0]?.address === '192.0.2.2')).toBe(true);
    expect(dns.calls).toEqual(['b.example']);
  });

  it('does not let a slow lookup hold later requests: past SHARE_IN_FLIGHT_MS they start their own', async () => {
    let t = 0;
    const calls: string[] = [];
    const pending: ((a: { address: string; family: 4 }[]) => void)[] = [];
    const slow = (hostname: string) => {
      calls.push(hostname);
      return new Promise<{ address: string; family: 4 }[]>((resolve) => pending.push(resolve));
    };
    const cache = new DnsCache(slow, { ttlMs: 10_000, maxEntries: 10, now: () => t });
    const first = cache.resolve('slow.example');
    t = SHARE_IN_FLIGHT_MS - 1;
    const joined = cache.resolve('slow.example');
    expect(calls).toHaveLength(1);
    t = SHARE_IN_FLIGHT_MS;
    const own = cache.resolve('slow.example');
    expect(calls).toHaveLength(2);
    pending[1]!([{ address: '192.0.2.7', family: 4 }]);
    expect(await own).toEqual([{ address: '192.0.2.7', family: 4 }]);
    // The late first answer reaches its own callers but does not replace the newer one.
    pending[0]!([{ address: '192.0.2.6', family: 4 }]);
    expect(await first).toEqual([{ address: '192.0.2.6', family: 4 }]);
    expect(await joined).toEqual([{ address: '192.0.2.6', family: 4 }]);
    expect(await cache.resolve('slow.example')).toEqual([{ address: '192.0.2.7', family: 4 }]);
    expect(calls).toHaveLength(2);
  });

  it('keeps neither a failed nor an empty lookup', async () => {
    const { dns, clock } = counting();
    const cache = new DnsCache(dns.resolve, { ttlMs: 1000, maxEntries: 10, now: clock.now });
    await expect(cache.resolve('new.example')).rejects.toThrow(/ENOTFOUND/);
    dns.set('new.example', ['192.0.2.9']);
    expect(await cache.resolve('new.example')).toEqual([{ address: '192.0.2.9', family: 4 }]);
    expect(dns.calls).toEqual(['new.example', 'new.example']);
    dns.set('empty.example', []);
    expect(await cache.resolve('empty.example')).toEqual([]);
    expect(await cache.resolve('empty.example')).toEqual([]);
    expect(dns.calls.filter((n) => n === 'empty.example')).toHaveLength(2);
  });

  it('holds at most maxEntries names, dropping the least recently used', async () => {
    const { dns, clock } = counting();
    const cache = new DnsCache(dns.resolve, { ttlMs: 1000, maxEntries: 3, now: clock.now });
    for (const n of ['a.example', 'b.example', 'c.example']) await cache.resolve(n);
    await cache.resolve('a.example'); // a is now the most recently used; b the least
    await cache.resolve('d.example');
    expect(cache.size).toBe(3);
    dns.calls.length = 0;
    for (const n of ['a.example', 'c.example', 'd.example']) await cache.resolve(n);
    expect(dns.calls).toEqual([]);
    await cache.resolve('b.example');
    expect(dns.calls).toEqual(['b.example']);
  });

  it('hands out an answer no caller can change for the next one', async () => {
    const { dns, clock } = counting();
    const cache = new DnsCache(dns.resolve, { ttlMs: 1000, maxEntries: 10, now: clock.now });
    // Typed readonly; at run time frozen too, for code that casts it away.
    const first = (await cache.resolve('c.example')) as { address: string; family: 4 | 6 }[];
    expect(() => first.push({ address: '10.0.0.1', family: 4 })).toThrow(TypeError);
    expect(() => {
      (first[0] as { address: string }).address = '10.0.0.1';
    }).toThrow(TypeError);
    expect(await cache.resolve('c.example')).toEqual([{ address: '192.0.2.3', family: 4 }]);
  });

  it('refuses a ttl or a bound that would keep nothing', () => {
    const { dns } = counting();
    expect(() => new DnsCache(dns.resolve, { ttlMs: 0, maxEntries: 10 })).toThrow(TypeError);
    expect(() => new DnsCache(dns.resolve, { ttlMs: 10, maxEntries: 0 })).toThrow(TypeError);
    expect(() => new Egress({ dnsCacheMs: -1 })).toThrow(/dnsCacheMs/);
  });
});

describe('Egress with the name cache (the default)', () => {
  let upstream: Upstream;
  let dns: StaticResolver;
  const open: Egress[] = [];
  const PROFILE = 'arn:aws:quicksight:us-east-1:111122223333:vpcConnection/loopback';

  function egress(cfg: Partial<EgressConfig> = {}): Egress {
    dns = staticResolver({ 'api.test.example': '127.0.0.1', 'other.test.example': '127.0.0.1' });
    const e = new Egress({ caPems: [upstream.ca.certPem], allowCidrs: ['127.0.0.1/32'], resolve: dns.resolve, totalTimeoutMs: 5_000, ...cfg });
    open.push(e);
    return e;
  }
  const api = (path = '/echo', host = 'api.test.example') => `https://${host}:${upstream.port}${path}`;

  beforeAll(async () => {
    upstream = await startUpstream();
  });
  afterAll(async () => {
    await Promise.all(open.map((e) => e.close()));
    await upstream?.close();
  });

  it('looks a name up once for many requests, and once for many at the same time', async () => {
    const e = egress();
    for (let i = 0; i < 20; i++) expect((await e.request({ method: 'GET', url: api() })).status).toBe(200);
    expect(dns.calls).toEqual(['api.test.example']);
    const burst = egress();
    const all = await Promise.all(Array.from({ length: 50 }, () => burst.request({ method: 'GET', url: api() })));
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect(dns.calls).toEqual(['api.test.example']);
  });

  it('a name rebound to a refused address is refused once its answer has expired, and meanwhile only the checked address is reached', async () => {
    const e = egress({ dnsCacheMs: 300 });
    expect((await e.request({ method: 'GET', url: api() })).status).toBe(200);
    dns.set('api.test.example', ['10.0.0.9']);
    // Within the answer's time: the request goes to the address that was checked, not the new one.
    const within = await e.request({ method: 'GET', url: api() });
    expect(JSON.parse(within.body.toString()).headers.host).toBe(`api.test.example:${upstream.port}`);
    expect(dns.calls).toEqual(['api.test.example']);
    await sleep(400);
    const err = await failure(e.request({ method: 'GET', url: api() }));
    expect(err.reason).toBe('refused-address');
    expect(dns.calls).toEqual(['api.test.example', 'api.test.example']);
  });

  it('holds answers, not verdicts: an address one route may reach stays refused on another route asking for the same name', async () => {
    const e = egress({ allowCidrs: [], vpcProfiles: { [PROFILE]: { id: 'loopback', allowCidrs: ['127.0.0.1/32'] } } });
    expect((await e.request({ method: 'GET', url: api(), profile: PROFILE })).status).toBe(200);
    const err = await failure(e.request({ method: 'GET', url: api() }));
    expect(err.reason).toBe('refused-address');
    // The second request used the remembered answer, and still checked it against its own policy.
    expect(dns.calls).toEqual(['api.test.example']);
  });

  it('a name whose address refuses the connection is asked again by the next request (DNS failover is followed at once)', async () => {
    // 127.0.0.2 takes no connection on the upstream's port (it listens on 127.0.0.1 alone).
    const e = egress({ allowCidrs: ['127.0.0.0/8'] });
    dns.set('api.test.example', ['127.0.0.2']);
    const err = await failure(e.request({ method: 'GET', url: api() }));
    expect(err.reason).toBe('connection');
    dns.set('api.test.example', ['127.0.0.1']);
    expect((await e.request({ method: 'GET', url: api() })).status).toBe(200);
    expect(dns.calls).toEqual(['api.test.example', 'api.test.example']);
    // An answer from an address that took the connection is kept as before.
    expect((await e.request({ method: 'GET', url: api() })).status).toBe(200);
    expect(dns.calls).toHaveLength(2);
  });

  it('a name that did not resolve is asked again by the next request', async () => {
    const e = egress();
    const err = await failure(e.request({ method: 'GET', url: api('/echo', 'late.test.example') }));
    expect(err.reason).toBe('dns');
    dns.set('late.test.example', ['127.0.0.1']);
    // The certificate does not name late.test.example: reaching the upstream at all (a TLS
    // refusal, not a DNS one) shows the name was looked up again.
    const again = await failure(e.request({ method: 'GET', url: api('/echo', 'late.test.example') }));
    expect(again.reason).not.toBe('dns');
    expect(dns.calls).toEqual(['late.test.example', 'late.test.example']);
  });
});

describe('InvokeAction through the real server', () => {
  let env: ConnEnv;
  let upstream: ActionUpstream;
  let dns: StaticResolver;

  beforeAll(async () => {
    env = await startConnEnv();
    upstream = await startActionUpstream(env.ca, { dnsNames: ['api.vendor.example'] });
    dns = staticResolver({ 'api.vendor.example': '127.0.0.1' });
    // The server's egress asks this resolver, as the egress tests inject one (actions-origins.test.ts does the same).
    (env.t.server.services.egress as unknown as { cfg: { resolve: StaticResolver['resolve'] } }).cfg.resolve = dns.resolve;
    const port = new URL(upstream.url('/')).port;
    await createConnector(env.t.client(), 'named', { auth: noneAuth(`https://api.vendor.example:${port}/api`) });
  });
  afterAll(async () => {
    await env?.t.stop();
    await upstream?.close();
  });

  it('ten invocations of a connector whose endpoint is a host name look it up once', async () => {
    const api = actionsApi(env.t.endpoint);
    for (let i = 0; i < 10; i++) {
      const r = await api.invoke(ADMIN, 'named', 'HttpRequest', { Method: 'GET', Path: 'items/1' });
      expect(r.body.InvokeActionStatus, r.raw).toBe('SUCCESS');
    }
    expect(upstream.received).toHaveLength(10);
    expect(dns.calls).toEqual(['api.vendor.example']);
  });
});
