// Redirects: every hop resolved once and re-checked, https only, at most
// maxRedirects, credentials dropped on the way to another origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Egress, type EgressConfig } from '../src/egress/index.js';
import { staticResolver, type StaticResolver } from './support/resolver.js';
import { startUpstream, type Upstream } from './support/upstream.js';
import { failure } from './support/egress-failure.js';

let upstream: Upstream;
let dns: StaticResolver;
const open: Egress[] = [];

function egress(cfg: Partial<EgressConfig> = {}): Egress {
  dns = staticResolver({
    'api.test.example': '127.0.0.1',
    'other.test.example': '127.0.0.1',
    'internal.test.example': '192.168.1.20',
    'metadata.test.example': '169.254.169.254',
  });
  const e = new Egress({ caPems: [upstream.ca.certPem], allowCidrs: ['127.0.0.1/32'], resolve: dns.resolve, totalTimeoutMs: 5_000, ...cfg });
  open.push(e);
  return e;
}

const at = (host: string, path: string) => `https://${host}:${upstream.port}${path}`;
const redirect = (to: string, status = 302) => at('api.test.example', `/redirect?status=${status}&to=${encodeURIComponent(to)}`);

beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(async () => {
  await Promise.all(open.map((e) => e.close()));
  await upstream.close();
});

describe('redirects', () => {
  it('follows up to maxRedirects hops', async () => {
    const res = await egress().request({ method: 'GET', url: at('api.test.example', '/chain/5') });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('done');
    expect(res.url).toBe(at('api.test.example', '/chain/0'));
  });

  it('refuses one more than maxRedirects', async () => {
    const err = await failure(egress().request({ method: 'GET', url: at('api.test.example', '/chain/6') }));
    expect(err.reason).toBe('too-many-redirects');
    const fewer = egress({ maxRedirects: 1 });
    expect((await failure(fewer.request({ method: 'GET', url: at('api.test.example', '/chain/2') }))).reason).toBe('too-many-redirects');
  });

  it('resolves every hop exactly once (without the name cache)', async () => {
    const e = egress({ dnsCacheMs: 0 });
    const res = await e.request({ method: 'GET', url: redirect(at('other.test.example', '/redirect?to=%2Fecho')) });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString()).headers.host).toBe(`other.test.example:${upstream.port}`);
    expect(dns.calls).toEqual(['api.test.example', 'other.test.example', 'other.test.example']);
  });

  it('with the name cache (the default), a hop to a name met within its time is not looked up again', async () => {
    const e = egress();
    const res = await e.request({ method: 'GET', url: redirect(at('other.test.example', '/redirect?to=%2Fecho')) });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString()).headers.host).toBe(`other.test.example:${upstream.port}`);
    expect(dns.calls).toEqual(['api.test.example', 'other.test.example']);
  });

  it('refuses a redirect to http', async () => {
    const err = await failure(egress().request({ method: 'GET', url: redirect(`http://api.test.example:${upstream.port}/echo`) }));
    expect(err.reason).toBe('insecure-redirect');
  });

  it.each([
    ['a private address by name', 'https://internal.test.example/admin'],
    ['the metadata service by name', 'https://metadata.test.example/latest/meta-data/'],
    ['the metadata service by address', 'https://169.254.169.254/latest/meta-data/'],
    ['the metadata service in decimal', 'https://2852039166/latest/meta-data/'],
    ['loopback in octal', 'https://0177.0.0.2/'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.2]/'],
  ])('refuses a public-looking name whose redirect goes to %s', async (_what, to) => {
    const before = upstream.connections.total;
    const err = await failure(egress().request({ method: 'GET', url: redirect(to) }));
    expect(err.reason).toBe('refused-address');
    expect(upstream.connections.total - before).toBe(1); // only the first hop connected
  });

  it('keeps Authorization on the same origin and drops it on another', async () => {
    const headers = { authorization: 'Bearer secret', cookie: 'session=1', 'x-trace': 't' };
    const same = await egress().request({ method: 'GET', url: redirect('/echo'), headers });
    expect(JSON.parse(same.body.toString()).headers).toMatchObject({ authorization: 'Bearer secret', cookie: 'session=1' });

    const cross = await egress().request({ method: 'GET', url: redirect(at('other.test.example', '/echo')), headers });
    const seen = JSON.parse(cross.body.toString()).headers;
    expect(seen.authorization).toBeUndefined();
    expect(seen.cookie).toBeUndefined();
    expect(seen['x-trace']).toBe('t');
  });

  it('drops the credential headers a request names (an API key in x-sn-apikey or APIKey) on the way to another origin, and only there', async () => {
    const headers = { 'x-sn-apikey': 'now-key-secret', apikey: 'hub-key-secret', 'x-trace': 't' };
    const originBoundHeaders = ['x-sn-apikey', 'APIKey'];
    const same = await egress().request({ method: 'GET', url: redirect('/echo'), headers, originBoundHeaders });
    expect(JSON.parse(same.body.toString()).headers).toMatchObject({ 'x-sn-apikey': 'now-key-secret', apikey: 'hub-key-secret' });

    const cross = await egress().request({ method: 'GET', url: redirect(at('other.test.example', '/echo')), headers, originBoundHeaders });
    const seen = JSON.parse(cross.body.toString()).headers;
    expect(seen['x-sn-apikey']).toBeUndefined();
    expect(seen.apikey).toBeUndefined();
    expect(seen['x-trace']).toBe('t');
  });

  it('a port change is another origin', async () => {
    const second = await startUpstream({ ca: upstream.ca });
    try {
      const res = await egress().request({
        method: 'GET',
        url: redirect(`https://api.test.example:${second.port}/echo`),
        headers: { authorization: 'Bearer secret' },
      });
      expect(JSON.parse(res.body.toString()).headers.authorization).toBeUndefined();
    } finally {
      await second.close();
    }
  });

  it('turns POST into GET on 303 (and 302), and keeps method and body on 307 and 308', async () => {
    const post = (status: number) =>
      egress().request({ method: 'POST', url: redirect('/echo', status), body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    for (const status of [302, 303]) {
      const echo = JSON.parse((await post(status)).body.toString());
      expect(echo, String(status)).toMatchObject({ method: 'GET', body: '' });
      expect(echo.headers['content-type']).toBeUndefined();
    }
    for (const status of [307, 308]) {
      const echo = JSON.parse((await post(status)).body.toString());
      expect(echo, String(status)).toMatchObject({ method: 'POST', body: 'a=1' });
    }
  });

  it('returns the redirect itself when followRedirects is false', async () => {
    const res = await egress().request({ method: 'GET', url: redirect('https://169.254.169.254/'), followRedirects: false });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('https://169.254.169.254/');
    expect(dns.calls).toEqual(['api.test.example']);
  });

  it("drops a followed redirect's body uncharged, whatever its size", async () => {
    const e = egress({ maxResponseBytes: 64 * 1024 });
    const big = (to: string, bytes: number, chunked = false) =>
      at('api.test.example', `/redirect?bytes=${bytes}${chunked ? '&chunked=1' : ''}&to=${encodeURIComponent(to)}`);
    // Up to 128 KiB it is read and dropped, past that its connection is closed (as undici's dump()).
    for (const [bytes, chunked] of [
      [1_000, false],
      [1_000, true],
      [100 * 1024, false],
      [100 * 1024, true],
      [1024 * 1024, false],
      [1024 * 1024, true],
    ] as const) {
      const res = await e.request({ method: 'GET', url: big('/echo', bytes, chunked) });
      expect(res.status, `${bytes} ${chunked}`).toBe(200);
      expect(JSON.parse(res.body.toString()).path).toBe('/echo');
      expect(e.budget.inUse).toBe(0);
    }
    // Not followed, the redirect is the answer: its body is read under the size limit.
    const err = await failure(e.request({ method: 'GET', url: big('/echo', 1024 * 1024), followRedirects: false }));
    expect(err.reason).toBe('response-too-large');
    expect(e.budget.inUse).toBe(0);
  });

  it('returns a 3xx without Location as a response', async () => {
    const res = await egress().request({ method: 'GET', url: at('api.test.example', '/status/304') });
    expect(res.status).toBe(304);
  });
});
