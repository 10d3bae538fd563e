// Egress.request against real local servers: pinning, TLS verification, the
// connect/total/size bounds, resets, and that no socket outlives its exchange.
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Egress, type EgressError, type EgressConfig } from '../src/egress/index.js';
import { trustedCas } from '../src/egress/config.js';
import { startHttpsServer } from './support/https-server.js';
import { staticResolver } from './support/resolver.js';
import { startResetServer, startSilentServer, startTcpServer } from './support/tcp-server.js';
import { createTestCa } from './support/tls.js';
import { startUpstream, type Upstream } from './support/upstream.js';
import { waitFor } from './support/wait.js';
import { failure } from './support/egress-failure.js';

let upstream: Upstream;
const open: Egress[] = [];

const hosts = () => staticResolver({ 'api.test.example': '127.0.0.1', 'other.test.example': '127.0.0.1', 'wrong.test.example': '127.0.0.1' });

function egress(cfg: Partial<EgressConfig> = {}): Egress {
  const e = new Egress({
    caPems: [upstream.ca.certPem],
    allowCidrs: ['127.0.0.1/32'],
    resolve: hosts().resolve,
    connectTimeoutMs: 2_000,
    totalTimeoutMs: 5_000,
    ...cfg,
  });
  open.push(e);
  return e;
}

/** Closes every Egress made so far, so that server-side connection counts start from 0. */
async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((e) => e.close()));
  await waitFor(() => upstream.connections.open === 0, { what: 'kept-alive connections to close' });
}

const api = (path: string) => `https://api.test.example:${upstream.port}${path}`;

beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(async () => {
  await Promise.all(open.map((e) => e.close()));
  await upstream.close();
});

describe('requests', () => {
  it('sends method, headers and body; Host and SNI are the URL host', async () => {
    const res = await egress().request({
      method: 'post',
      url: api('/echo?q=1#frag'),
      headers: { 'Content-Type': 'application/json', 'X-Custom': 'yes', Host: 'evil.example', 'Accept-Encoding': 'gzip' },
      body: '{"a":1}',
    });
    expect(res.status).toBe(200);
    expect(res.url).toBe(api('/echo?q=1#frag'));
    expect(res.headers['content-type']).toBe('application/json');
    const echo = JSON.parse(res.body.toString());
    expect(echo).toMatchObject({ method: 'POST', path: '/echo?q=1', body: '{"a":1}' });
    expect(echo.headers).toMatchObject({
      host: `api.test.example:${upstream.port}`,
      'content-type': 'application/json',
      'x-custom': 'yes',
      'accept-encoding': 'identity',
      'user-agent': 'ActionBridge',
    });
  });

  it('returns error statuses as responses', async () => {
    const res = await egress().request({ method: 'GET', url: api('/status/503') });
    expect(res.status).toBe(503);
    expect(res.body.length).toBe(0);
  });

  it('runs concurrent requests', async () => {
    const e = egress();
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => e.request({ method: 'GET', url: api(`/echo?i=${i}`) })));
    expect(all.map((r) => JSON.parse(r.body.toString()).path)).toEqual(Array.from({ length: 20 }, (_, i) => `/echo?i=${i}`));
  });
});

// Without the name cache (dnsCacheMs 0): test/egress-dns-cache.test.ts has the same with it.
describe('pinning: one lookup per hop, and the connection goes to the checked address', () => {
  it('calls the resolver exactly once per request, and reuses kept-alive connections', async () => {
    const dns = hosts();
    const e = egress({ resolve: dns.resolve, dnsCacheMs: 0 });
    const before = upstream.connections.total;
    await e.request({ method: 'GET', url: api('/echo') });
    expect(dns.calls).toEqual(['api.test.example']);
    for (let i = 2; i <= 6; i++) {
      await e.request({ method: 'GET', url: api('/echo') });
      expect(dns.calls.length).toBe(i);
    }
    expect(upstream.connections.total - before).toBeLessThan(6);
  });

  it('connects without any other lookup (the name exists only in the injected resolver)', async () => {
    // If anything resolved api.test.example again it would go to the system
    // resolver, which does not know the name, and the request would fail.
    const dns = hosts();
    const res = await egress({ resolve: dns.resolve }).request({ method: 'GET', url: api('/echo') });
    expect(res.status).toBe(200);
    expect(dns.calls.length).toBe(1);
  });

  it('re-checks on every request: a name rebound to a private address is refused despite a pooled connection', async () => {
    const dns = hosts();
    const e = egress({ resolve: dns.resolve, dnsCacheMs: 0 });
    expect((await e.request({ method: 'GET', url: api('/echo') })).status).toBe(200);
    dns.set('api.test.example', ['10.0.0.9']);
    const err = await failure(e.request({ method: 'GET', url: api('/echo') }));
    expect(err.reason).toBe('refused-address');
  });
});

// IPv6 loopback, where the machine has it.
const hasIpv6 = await new Promise<boolean>((resolve) => {
  const probe = net.createServer().once('error', () => resolve(false));
  probe.listen(0, '::1', () => probe.close(() => resolve(true)));
});

// Some Node 22 releases cannot match an IPv6 literal against an IP SAN at all
// (domainToASCII('::1') is ''), so https://[::1]/ fails verification there.
const nodeMatchesIpv6San = tls.checkServerIdentity('::1', { subjectaltname: 'IP Address:::1', subject: {} } as tls.PeerCertificate) === undefined;

describe.skipIf(!hasIpv6)('IPv6', () => {
  it('connects to an allow-listed IPv6 literal and to a name resolving to it', async () => {
    const v6 = await startUpstream({ ca: upstream.ca, host: '::1', dnsNames: ['v6.test.example'] });
    try {
      const dns = staticResolver({ 'v6.test.example': '::1' });
      const e = egress({ allowCidrs: ['::1/128'], resolve: dns.resolve });
      if (nodeMatchesIpv6San) {
        const literal = await e.request({ method: 'GET', url: `https://[::1]:${v6.port}/echo` });
        expect(JSON.parse(literal.body.toString()).headers.host).toBe(`[::1]:${v6.port}`);
      }
      const named = await e.request({ method: 'GET', url: `https://v6.test.example:${v6.port}/echo` });
      expect(JSON.parse(named.body.toString()).headers.host).toBe(`v6.test.example:${v6.port}`);
      expect(dns.calls).toEqual(['v6.test.example']);
      await e.close();
    } finally {
      await v6.close();
    }
  });
});

describe('TLS', () => {
  it('refuses a certificate from a CA that is not trusted', async () => {
    const stranger = await startUpstream({ ca: createTestCa('Stranger CA') });
    try {
      const url = `https://api.test.example:${stranger.port}/echo`;
      const err = await failure(egress().request({ method: 'GET', url }));
      expect(err.reason).toBe('tls');
      expect(err.message).toBe(`TLS with https://api.test.example:${stranger.port} failed: the certificate is not issued by a trusted CA`);
      // Node's default roots alone do not trust it either.
      expect((await failure(egress({ caPems: [] }).request({ method: 'GET', url }))).reason).toBe('tls');
      expect(stranger.connections.total).toBe(2);
      await waitFor(() => stranger.connections.open === 0, { what: 'closed connections' });
    } finally {
      await stranger.close();
    }
  });

  it('refuses a certificate for another name', async () => {
    const err = await failure(egress().request({ method: 'GET', url: `https://wrong.test.example:${upstream.port}/echo` }));
    expect(err.reason).toBe('tls');
    expect(err.message).toBe(`TLS with https://wrong.test.example:${upstream.port} failed: the certificate is not valid for this host`);
  });

  it('refuses an expired certificate', async () => {
    const expired = await startHttpsServer({
      cert: upstream.ca.issue({ dnsNames: ['api.test.example'], notBefore: new Date(Date.now() - 10 * 86400e3), notAfter: new Date(Date.now() - 86400e3) }),
      handler: (_req, res) => res.end('stale'),
    });
    try {
      const err = await failure(egress().request({ method: 'GET', url: `https://api.test.example:${expired.port}/` }));
      expect(err.reason).toBe('tls');
      expect(err.message).toMatch(/the certificate has expired$/);
    } finally {
      await expired.close();
    }
  });

  it('adds extra CAs to the default roots instead of replacing them', () => {
    expect(trustedCas([])).toBeUndefined();
    const cas = trustedCas([upstream.ca.certPem])!;
    expect(cas).toContain(upstream.ca.certPem.trim());
    for (const root of tls.rootCertificates.slice(0, 5)) expect(cas).toContain(root);
    expect(cas.length).toBeGreaterThan(tls.rootCertificates.length);
  });

  it('accepts a CA bundle and refuses what is not a certificate at construction', () => {
    const other = createTestCa('Other CA');
    const bundle = `${upstream.ca.certPem}\n${other.certPem}`;
    expect(
      trustedCas([bundle])!
        .slice(-2)
        .map((c) => c.trim()),
    ).toEqual([upstream.ca.certPem.trim(), other.certPem.trim()]);
    expect(() => egress({ caPems: ['not a certificate'] })).toThrow(/no PEM certificate/);
    expect(() => egress({ caPems: ['-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----'] })).toThrow(/cannot be parsed/);
  });
});

describe('bounds', () => {
  it('ends a handshake that never completes with connect-timeout', async () => {
    const silent = await startSilentServer();
    try {
      const start = Date.now();
      const err = await failure(egress({ connectTimeoutMs: 300 }).request({ method: 'GET', url: `https://api.test.example:${silent.port}/` }));
      expect(err.reason).toBe('connect-timeout');
      expect(Date.now() - start).toBeLessThan(2_000);
      await waitFor(() => silent.connections.open === 0, { what: 'the silent connection to close' });
    } finally {
      await silent.close();
    }
  });

  it('ends a server that never answers with timeout', async () => {
    await closeAll();
    const start = Date.now();
    const err = await failure(egress({ totalTimeoutMs: 250 }).request({ method: 'GET', url: api('/hang') }));
    expect(err.reason).toBe('timeout');
    expect(Date.now() - start).toBeLessThan(2_000);
    await waitFor(() => upstream.connections.open === 0, { what: 'connections to close' });
  });

  it('ends a slow drip with timeout: the deadline covers the whole body', async () => {
    await closeAll();
    const start = Date.now();
    const err = await failure(egress({ totalTimeoutMs: 300 }).request({ method: 'GET', url: api('/drip?every=20') }));
    expect(err.reason).toBe('timeout');
    expect(Date.now() - start).toBeLessThan(2_000);
    await waitFor(() => upstream.connections.open === 0, { what: 'connections to close' });
  });

  it('refuses a declared Content-Length over the limit without reading it', async () => {
    await closeAll();
    const e = egress({ maxResponseBytes: 1024 });
    expect((await e.request({ method: 'GET', url: api('/bytes/1024') })).body.length).toBe(1024);
    const err = await failure(e.request({ method: 'GET', url: api('/bytes/4096') }));
    expect(err.reason).toBe('response-too-large');
    await e.close();
    await waitFor(() => upstream.connections.open === 0, { what: 'connections to close' });
  });

  it('aborts an endless body once it passes the limit', async () => {
    await closeAll();
    const before = upstream.endlessBytes;
    const err = await failure(egress({ maxResponseBytes: 256 * 1024 }).request({ method: 'GET', url: api('/endless') }));
    expect(err.reason).toBe('response-too-large');
    await waitFor(() => upstream.connections.open === 0, { what: 'the aborted connection to close' });
    // The server stopped because the connection went away, not because anything finished.
    expect(upstream.endlessBytes - before).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('connection failures', () => {
  it('reports a reset during the handshake as connection', async () => {
    const reset = await startResetServer();
    try {
      const err = await failure(egress().request({ method: 'GET', url: `https://api.test.example:${reset.port}/` }));
      expect(err.reason).toBe('connection');
    } finally {
      await reset.close();
    }
  });

  it('reports a connection closed mid-body as connection', async () => {
    const err = await failure(egress().request({ method: 'GET', url: api('/close-mid') }));
    expect(err.reason).toBe('connection');
  });

  it('reports a closed port as connection', async () => {
    const closed = await startTcpServer(() => {});
    const port = closed.port;
    await closed.close();
    const err = await failure(egress().request({ method: 'GET', url: `https://api.test.example:${port}/` }));
    expect(err.reason).toBe('connection');
  });

  it("rejects with the caller's abort reason when the caller aborts", async () => {
    const controller = new AbortController();
    await closeAll();
    const pending = egress().request({ method: 'GET', url: api('/hang'), signal: controller.signal });
    await waitFor(() => upstream.connections.open > 0, { what: 'the request to arrive' });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await waitFor(() => upstream.connections.open === 0, { what: 'the aborted connection to close' });
  });

  it('ends a lookup that never answers: with timeout at the deadline, with the reason of a caller that aborts', async () => {
    const hanging = { resolve: () => new Promise<never>(() => {}) };
    const start = Date.now();
    const err = await failure(egress({ totalTimeoutMs: 250, ...hanging }).request({ method: 'GET', url: api('/echo') }));
    expect(err.reason).toBe('timeout');
    expect(Date.now() - start).toBeLessThan(2_000);
    const controller = new AbortController();
    const pending = egress(hanging).request({ method: 'GET', url: api('/echo'), signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gone')), 50);
    await expect(pending).rejects.toThrow('caller gone');
    // Aborted before it starts: nothing is looked up or sent.
    const before = upstream.connections.total;
    const aborted = AbortSignal.abort(new Error('already gone'));
    await expect(egress().request({ method: 'GET', url: api('/echo'), signal: aborted })).rejects.toThrow('already gone');
    await expect(egress().request({ method: 'GET', url: `https://127.0.0.1:${upstream.port}/echo`, signal: aborted })).rejects.toThrow('already gone');
    expect(upstream.connections.total).toBe(before);
  });
});

describe('no leaked sockets', () => {
  const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'TLSWrap').length;

  it('leaves no socket open, on either side, after successes, failures and close()', async () => {
    await closeAll();
    const baseline = sockets();
    const e = egress({ totalTimeoutMs: 800, maxResponseBytes: 64 * 1024 });
    const outcomes = await Promise.allSettled([
      e.request({ method: 'GET', url: api('/echo') }),
      e.request({ method: 'GET', url: api('/chain/2') }),
      e.request({ method: 'GET', url: api('/endless') }),
      e.request({ method: 'GET', url: api('/drip?every=20') }),
      e.request({ method: 'GET', url: api('/hang') }),
      e.request({ method: 'GET', url: api('/close-mid') }),
    ]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value.status : (o.reason as EgressError).reason))).toEqual([
      200,
      200,
      'response-too-large',
      'timeout',
      'timeout',
      'connection',
    ]);
    await e.close();
    await waitFor(() => upstream.connections.open === 0, { what: 'server-side connections to close' });
    await waitFor(() => sockets() <= baseline, { what: 'client-side sockets to close' });
  });
});
