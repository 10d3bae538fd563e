// VPC connections (egress profiles): a request naming a profile may reach that
// profile's CIDRs and nothing else non-public, through its proxy when it has one.
// The "VPC" here is loopback: 127.0.0.2 stands for an address inside the VPC.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Egress, type EgressConfig } from '../src/egress/index.js';
import { startConnectProxy, type TestConnectProxy } from './support/connect-proxy.js';
import { staticResolver, type StaticResolver } from './support/resolver.js';
import { startSilentServer } from './support/tcp-server.js';
import { startUpstream, type Upstream } from './support/upstream.js';
import { waitFor } from './support/wait.js';
import { failure } from './support/egress-failure.js';

const VPC = 'arn:aws:quicksight:us-east-1:111122223333:vpcConnection/vpc-one';
const PROXIED = 'arn:aws:quicksight:us-east-1:111122223333:vpcConnection/vpc-proxied';

let api: Upstream; // 127.0.0.1, allow-listed globally
let vpc: Upstream; // 127.0.0.2, reachable only through the VPC profile
let proxy: TestConnectProxy;
let dns: StaticResolver;
const open: Egress[] = [];

function egress(cfg: Partial<EgressConfig> = {}): Egress {
  dns = staticResolver({
    'api.test.example': '127.0.0.1',
    'wrong.test.example': '127.0.0.1',
    'vpc.test.example': '127.0.0.2',
    'elsewhere.test.example': '127.0.0.3',
  });
  const e = new Egress({
    caPems: [api.ca.certPem],
    allowCidrs: ['127.0.0.1/32'],
    resolve: dns.resolve,
    totalTimeoutMs: 5_000,
    vpcProfiles: {
      [VPC]: { id: 'vpc-one', allowCidrs: ['127.0.0.2/32'] },
      [PROXIED]: { id: 'vpc-proxied', allowCidrs: ['127.0.0.1/32'], proxy: proxy.url },
    },
    ...cfg,
  });
  open.push(e);
  return e;
}

beforeAll(async () => {
  api = await startUpstream();
  vpc = await startUpstream({ ca: api.ca, host: '127.0.0.2', dnsNames: ['vpc.test.example'] });
  proxy = await startConnectProxy();
});
afterAll(async () => {
  await Promise.all(open.map((e) => e.close()));
  await Promise.all([api.close(), vpc.close(), proxy.close()]);
});

describe('VPC profiles', () => {
  const vpcUrl = () => `https://vpc.test.example:${vpc.port}/echo`;
  const apiUrl = (path = '/echo', host = 'api.test.example') => `https://${host}:${api.port}${path}`;

  it("reaches the profile's own CIDRs", async () => {
    const res = await egress().request({ method: 'GET', url: vpcUrl(), profile: VPC });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString()).headers.host).toBe(`vpc.test.example:${vpc.port}`);
  });

  it('without the profile, the same address is refused', async () => {
    expect((await failure(egress().request({ method: 'GET', url: vpcUrl() }))).reason).toBe('refused-address');
  });

  it('passes only its own CIDRs: not the global exceptions, not other private addresses', async () => {
    const e = egress();
    expect((await failure(e.request({ method: 'GET', url: apiUrl(), profile: VPC }))).reason).toBe('refused-address');
    expect((await failure(e.request({ method: 'GET', url: `https://elsewhere.test.example:${vpc.port}/`, profile: VPC }))).reason).toBe('refused-address');
    expect((await failure(e.request({ method: 'GET', url: 'https://169.254.169.254/', profile: VPC }))).reason).toBe('refused-address');
  });

  it('re-checks redirects against the profile', async () => {
    const to = encodeURIComponent(apiUrl());
    const err = await failure(egress().request({ method: 'GET', url: `https://vpc.test.example:${vpc.port}/redirect?to=${to}`, profile: VPC }));
    expect(err.reason).toBe('refused-address');
  });

  it('an unknown profile is an error', async () => {
    const e = egress();
    expect(e.hasProfile(VPC)).toBe(true);
    expect(e.hasProfile('arn:aws:quicksight:us-east-1:111122223333:vpcConnection/nope')).toBe(false);
    const err = await failure(e.request({ method: 'GET', url: vpcUrl(), profile: 'arn:aws:quicksight:us-east-1:111122223333:vpcConnection/nope' }));
    expect(err.reason).toBe('unknown-profile');
  });

  it('rejects a profile with an invalid CIDR or proxy at construction', () => {
    expect(() => egress({ vpcProfiles: { x: { id: 'x', allowCidrs: ['10.0.0.0/99'] } } })).toThrow(TypeError);
    expect(() => egress({ vpcProfiles: { x: { id: 'x', allowCidrs: [], proxy: 'socks5://127.0.0.1:1080' } } })).toThrow(TypeError);
  });
});

describe('VPC profile with a proxy', () => {
  const apiUrl = (path = '/echo', host = 'api.test.example') => `https://${host}:${api.port}${path}`;

  it('tunnels to the checked address, with TLS still verified for the host name', async () => {
    const before = proxy.tunnels.length;
    const res = await egress().request({ method: 'GET', url: apiUrl(), profile: PROXIED });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString()).headers.host).toBe(`api.test.example:${api.port}`);
    // CONNECT names the pinned address, never the host name: the proxy cannot resolve it differently.
    expect(proxy.tunnels.slice(before)).toEqual([`127.0.0.1:${api.port}`]);
    expect(dns.calls).toEqual(['api.test.example']);
  });

  it('verifies the certificate through the tunnel', async () => {
    const err = await failure(egress().request({ method: 'GET', url: apiUrl('/echo', 'wrong.test.example'), profile: PROXIED }));
    expect(err.reason).toBe('tls');
  });

  it('refuses addresses outside the profile before asking the proxy', async () => {
    const before = proxy.tunnels.length;
    const err = await failure(egress().request({ method: 'GET', url: `https://vpc.test.example:${vpc.port}/echo`, profile: PROXIED }));
    expect(err.reason).toBe('refused-address');
    expect(proxy.tunnels.length).toBe(before);
  });

  it('sends proxy credentials from the proxy URL', async () => {
    const withAuth = proxy.url.replace('http://', 'http://user:p%40ss@');
    const e = egress({ vpcProfiles: { [PROXIED]: { id: 'p', allowCidrs: ['127.0.0.1/32'], proxy: withAuth } } });
    const before = proxy.authorizations.length;
    expect((await e.request({ method: 'GET', url: apiUrl(), profile: PROXIED })).status).toBe(200);
    expect(proxy.authorizations.slice(before)).toEqual([`Basic ${Buffer.from('user:p@ss').toString('base64')}`]);
  });

  it('a proxy that refuses the tunnel is a connection error', async () => {
    const refusing = await startConnectProxy({ refuseWith: 403 });
    try {
      const e = egress({ vpcProfiles: { [PROXIED]: { id: 'p', allowCidrs: ['127.0.0.1/32'], proxy: refusing.url } } });
      const err = await failure(e.request({ method: 'GET', url: apiUrl(), profile: PROXIED }));
      expect(err.reason).toBe('connection');
      expect(err.message).toMatch(/403/);
    } finally {
      await refusing.close();
    }
  });

  it('a proxy that never answers CONNECT is a connect-timeout', async () => {
    const silent = await startSilentServer();
    try {
      const e = egress({
        connectTimeoutMs: 300,
        vpcProfiles: { [PROXIED]: { id: 'p', allowCidrs: ['127.0.0.1/32'], proxy: `http://127.0.0.1:${silent.port}` } },
      });
      const err = await failure(e.request({ method: 'GET', url: apiUrl(), profile: PROXIED }));
      expect(err.reason).toBe('connect-timeout');
      await waitFor(() => silent.connections.open === 0, { what: 'the proxy connection to close' });
    } finally {
      await silent.close();
    }
  });

  it('leaves no connection open at the proxy or the server after close()', async () => {
    const e = egress();
    await Promise.all([1, 2, 3].map(() => e.request({ method: 'GET', url: apiUrl(), profile: PROXIED })));
    await Promise.all(open.splice(0).map((x) => x.close()));
    await waitFor(() => proxy.connections.open === 0 && api.connections.open === 0, { what: 'proxy and server connections to close' });
  });
});
