// The SSRF list through Egress.request, against a real HTTPS server on loopback.
// Every refused case must end in 'refused-address' without the server ever
// seeing a connection; the same URLs pass once 127.0.0.1/32 is allow-listed,
// which proves each spelling really pointed at the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Egress, EgressError, type EgressConfig } from '../src/egress/index.js';
import { staticResolver } from './support/resolver.js';
import { startUpstream, type Upstream } from './support/upstream.js';

let upstream: Upstream;
const open: Egress[] = [];

function egress(cfg: Partial<EgressConfig> = {}): Egress {
  const e = new Egress({ caPems: [upstream.ca.certPem], connectTimeoutMs: 2_000, totalTimeoutMs: 5_000, ...cfg });
  open.push(e);
  return e;
}

// Shared instances (building one parses the CA store, which is slow in bulk).
let plain: Egress; // no exceptions
let loopbackAllowed: Egress; // 127.0.0.1/32 allow-listed

async function refusal(promise: Promise<unknown>): Promise<EgressError> {
  const err = await promise.then(
    () => {
      throw new Error('expected the request to be refused');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EgressError);
  return err as EgressError;
}

beforeAll(async () => {
  upstream = await startUpstream();
  plain = egress();
  loopbackAllowed = egress({ allowCidrs: ['127.0.0.1/32'] });
});
afterAll(async () => {
  await Promise.all(open.map((e) => e.close()));
  await upstream.close();
});

// Spellings of 127.0.0.1 that the URL parser or the address parser turns into it.
const loopbackSpellings = [
  '127.0.0.1',
  '2130706433', // decimal
  '0177.0.0.1', // octal
  '0x7f.0.0.1', // hex per part
  '0x7f000001', // hex whole
  '127.1', // short form
  '0x7f.1',
  '127.000.000.001',
  '127.0.0.1.', // trailing dot
  '%31%32%37.0.0.1', // percent-encoded
  '\uff11\uff12\uff17.\uff10.\uff10.\uff11', // full-width digits (IDNA maps them)
  '[::ffff:127.0.0.1]', // IPv4-mapped
  '[::ffff:7f00:1]',
];

// Loopback in IPv6 forms that are not 127.0.0.1 itself: refused even when it is allow-listed.
const otherLoopback = ['[::1]', '[::127.0.0.1]', '[::7f00:1]', '[64:ff9b::7f00:1]', '[2002:7f00:1::1]', '127.0.0.2', '0.0.0.0', '0'];

describe('refused in every spelling, before any connection', () => {
  it.each([...loopbackSpellings, ...otherLoopback])('https://%s:<port>/ is refused', async (host) => {
    const before = upstream.connections.total;
    const err = await refusal(plain.request({ method: 'GET', url: `https://${host}:${upstream.port}/echo` }));
    expect(err.reason).toBe('refused-address');
    expect(upstream.connections.total).toBe(before);
  });

  it.each(loopbackSpellings)('https://%s:<port>/ passes once 127.0.0.1/32 is allow-listed', async (host) => {
    const res = await loopbackAllowed.request({ method: 'GET', url: `https://${host}:${upstream.port}/echo` });
    expect(res.status).toBe(200);
  });

  it.each(otherLoopback)('https://%s:<port>/ stays refused with 127.0.0.1/32 allow-listed', async (host) => {
    const err = await refusal(loopbackAllowed.request({ method: 'GET', url: `https://${host}:${upstream.port}/echo` }));
    expect(err.reason).toBe('refused-address');
  });

  // Private, link-local, metadata and other non-public literals: refused before
  // connecting, so nothing is sent to these addresses.
  it.each([
    '10.0.0.1',
    '10.1',
    '012.0.0.1',
    '172.16.0.1',
    '192.168.0.1',
    '0300.0250.0.1',
    '169.254.169.254',
    '2852039166',
    '0xa9fea9fe',
    '100.64.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '240.0.0.1',
    '192.0.2.1',
    '198.18.0.1',
    '[::ffff:169.254.169.254]',
    '[::ffff:a9fe:a9fe]',
    '[64:ff9b::a9fe:a9fe]',
    '[2002:a9fe:a9fe::1]',
    '[fd00:ec2::254]',
    '[fc00::1]',
    '[fe80::1]',
    '[ff02::1]',
    '[::]',
    '[2001:db8::1]',
    '[2001::1]',
  ])('https://%s/ is refused', async (host) => {
    const err = await refusal(plain.request({ method: 'GET', url: `https://${host}/latest/meta-data/` }));
    expect(err.reason).toBe('refused-address');
  });

  it('gives the same refusal whatever the port', async () => {
    const e = plain;
    const messages = new Set<string>();
    for (const port of [upstream.port, 1, 22, 443, 6379, 65535]) {
      const err = await refusal(e.request({ method: 'GET', url: `https://127.0.0.1:${port}/` }));
      expect(err.reason).toBe('refused-address');
      messages.add(err.message);
    }
    expect(messages.size).toBe(1);
    expect([...messages][0]).not.toMatch(/\d+$/);
  });
});

describe('refused through the resolver', () => {
  const internal = {
    'localhost.test.example': '127.0.0.1',
    'decimal.test.example': '2130706433',
    'octal.test.example': '0177.0.0.1',
    'hex.test.example': '0x7f000001',
    'short.test.example': '127.1',
    'mapped.test.example': '::ffff:127.0.0.1',
    'mapped-hex.test.example': '::ffff:7f00:1',
    'compat.test.example': '::127.0.0.1',
    'v6-loopback.test.example': '::1',
    'private.test.example': '10.0.0.5',
    'rfc1918.test.example': '192.168.1.10',
    'metadata.test.example': '169.254.169.254',
    'cgnat.test.example': '100.64.1.1',
    'ula.test.example': 'fd00::1',
    'nat64.test.example': '64:ff9b::a00:1',
    'six-to-four.test.example': '2002:a00:1::1',
  };

  const dns = staticResolver(internal);
  let byName: Egress;
  beforeAll(() => {
    byName = egress({ resolve: dns.resolve });
  });

  it.each(Object.keys(internal))('%s is refused', async (name) => {
    dns.calls.length = 0;
    const before = upstream.connections.total;
    const err = await refusal(byName.request({ method: 'GET', url: `https://${name}:${upstream.port}/echo` }));
    expect(err.reason).toBe('refused-address');
    expect(err.message).not.toContain(String(internal[name as keyof typeof internal]));
    expect(dns.calls).toEqual([name]);
    expect(upstream.connections.total).toBe(before);
  });

  it('refuses a name when any of its addresses is refused', async () => {
    const dns = staticResolver({ 'mixed.test.example': ['127.0.0.1', '10.0.0.5'] });
    const e = egress({ resolve: dns.resolve, allowCidrs: ['127.0.0.1/32'] });
    const err = await refusal(e.request({ method: 'GET', url: `https://mixed.test.example:${upstream.port}/echo` }));
    expect(err.reason).toBe('refused-address');
  });

  it('lets an allow-listed address through by name', async () => {
    const dns = staticResolver({ 'api.test.example': '127.0.0.1' });
    const res = await egress({ resolve: dns.resolve, allowCidrs: ['127.0.0.1/32'] }).request({
      method: 'GET',
      url: `https://api.test.example:${upstream.port}/echo`,
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString()).headers.host).toBe(`api.test.example:${upstream.port}`);
  });

  it('reports a name that does not resolve as dns', async () => {
    const err = await refusal(egress({ resolve: staticResolver({}).resolve }).request({ method: 'GET', url: 'https://nowhere.test.example/' }));
    expect(err.reason).toBe('dns');
  });
});

describe('URLs', () => {
  it.each([
    ['http://api.test.example/', 'http URL'],
    ['ftp://api.test.example/', 'other scheme'],
    ['https://user:pass@api.test.example/', 'credentials in the URL'],
    ['/relative', 'relative URL'],
    ['not a url', 'garbage'],
  ])('%s is refused as bad-url (%s)', async (url) => {
    const err = await refusal(plain.request({ method: 'GET', url }));
    expect(err.reason).toBe('bad-url');
  });
});
