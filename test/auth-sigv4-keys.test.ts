// The verifier's cache of derived signing keys (per access key, secret, date, region and
// service): a changed secret is never answered with a key derived from the old one,
// forget() drops what is cached, and the signed headers' order and set stay enforced now
// that the canonical request is built without smithy.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SignatureV4 } from '@smithy/signature-v4';
import { Hash } from '@smithy/hash-node';
import { SigV4Verifier, type IncomingSignedRequest } from '../src/auth/sigv4.js';

const AKID = 'AKIAKEYCACHE00000001';
const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);

async function signed(secret: string, opts: { region?: string; date?: number; headers?: Record<string, string> } = {}): Promise<IncomingSignedRequest> {
  const signer = new SignatureV4({
    credentials: { accessKeyId: AKID, secretAccessKey: secret },
    region: opts.region ?? 'us-east-1',
    service: 'quicksight',
    sha256: Hash.bind(null, 'sha256') as never,
    uriEscapePath: true,
  });
  const out = (await signer.sign(
    { method: 'GET', protocol: 'http:', hostname: 'h', path: '/accounts/1/action-connectors/c', query: {}, headers: { host: 'h:1', ...opts.headers } } as never,
    { signingDate: new Date(opts.date ?? NOW) },
  )) as unknown as { headers: Record<string, string> };
  const headers: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(out.headers)) headers[k] = [v];
  return { method: 'GET', rawPath: '/accounts/1/action-connectors/c', rawQuery: '', headers, body: undefined };
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'verified',
    (e: Error) => e.name,
  );

describe('SigV4Verifier signing-key cache', () => {
  it('a changed secret is never served the old signing key, either way round', async () => {
    const v = new SigV4Verifier({ now: () => NOW });
    const byA = await signed('secret-A');
    const byB = await signed('secret-B');
    let current = 'secret-A';
    const lookup = async () => current;
    expect(await outcome(v.verify(byA, lookup))).toBe('verified');
    current = 'secret-B'; // rotated: the cached key of A must not verify A's signature now
    expect(await outcome(v.verify(byA, lookup))).toBe('InvalidSignatureException');
    expect(await outcome(v.verify(byB, lookup))).toBe('verified');
    current = 'secret-A';
    expect(await outcome(v.verify(byB, lookup))).toBe('InvalidSignatureException');
    expect(await outcome(v.verify(byA, lookup))).toBe('verified');
  });

  it('keys are per date and region: each verifies only its own scope', async () => {
    const midnight = Date.UTC(2026, 11, 7);
    const v = new SigV4Verifier({ now: () => midnight });
    const lookup = async () => 'secret-A';
    const day1 = await signed('secret-A', { date: midnight - 10 * 60_000, region: 'eu-west-1' });
    const day2 = await signed('secret-A', { date: midnight + 10 * 60_000, region: 'us-west-2' });
    expect(String(day1.headers['x-amz-date'])).toMatch(/^20261206T/);
    expect(String(day2.headers['x-amz-date'])).toMatch(/^20261207T/);
    for (const r of [day1, day2, day1, day2]) expect(await outcome(v.verify(r, lookup))).toBe('verified');
    // The same signature presented under another region in its credential scope is refused.
    const moved = structuredClone(day1);
    moved.headers.authorization = [String(moved.headers.authorization).replace('/eu-west-1/', '/us-west-2/')];
    expect(await outcome(v.verify(moved, lookup))).toBe('InvalidSignatureException');
  });

  it('forget() drops the cached key: the next request derives it from the secret looked up', async () => {
    const v = new SigV4Verifier({ now: () => NOW });
    const r = await signed('secret-A');
    expect(await outcome(v.verify(r, async () => 'secret-A'))).toBe('verified');
    v.forget(AKID);
    expect(await outcome(v.verify(r, async () => 'secret-A'))).toBe('verified');
    expect(await outcome(v.verify(r, async () => undefined))).toBe('UnrecognizedClientException');
  });

  it('a SignedHeaders list out of order, repeated, or naming authorization or date is refused, even when signed as listed', async () => {
    // Signed here by hand over exactly the list given, in its order: only the verifier's
    // rule on the list can refuse these (a signer would never write such a list).
    const secret = 'secret-A';
    const amzDate = '20261206T120000Z';
    const headers: Record<string, string> = {
      host: 'h:1',
      date: 'Sun, 06 Dec 2026 12:00:00 GMT',
      'x-amz-date': amzDate,
      'x-b': 'b',
      authorization: 'x',
    };
    const hmac = (k: string | Buffer, s: string) => createHmac('sha256', k).update(s).digest();
    let key = hmac(`AWS4${secret}`, '20261206');
    for (const p of ['us-east-1', 'quicksight', 'aws4_request']) key = hmac(key, p);
    const empty = createHash('sha256').update('').digest('hex');
    const request = (list: string[]): IncomingSignedRequest => {
      const creq = ['GET', '/c', '', ...list.map((h) => `${h}:${headers[h]}`), '', list.join(';'), empty].join('\n');
      const sts = `AWS4-HMAC-SHA256\n${amzDate}\n20261206/us-east-1/quicksight/aws4_request\n${createHash('sha256').update(creq).digest('hex')}`;
      const sig = hmac(key, sts).toString('hex');
      const wire: Record<string, string[]> = {};
      for (const [k, v] of Object.entries(headers)) wire[k] = [v];
      wire.authorization = [
        `AWS4-HMAC-SHA256 Credential=${AKID}/20261206/us-east-1/quicksight/aws4_request, SignedHeaders=${list.join(';')}, Signature=${sig}`,
      ];
      return { method: 'GET', rawPath: '/c', rawQuery: '', headers: wire, body: undefined };
    };
    const v = new SigV4Verifier({ now: () => NOW });
    const lookup = async () => secret;
    // The hand signer is right: the canonical list verifies.
    expect(await outcome(v.verify(request(['host', 'x-amz-date', 'x-b']), lookup))).toBe('verified');
    for (const bad of [
      ['x-b', 'x-amz-date', 'host'],
      ['host', 'x-b', 'x-amz-date'],
      ['host', 'host', 'x-amz-date'],
      ['host', 'x-amz-date', 'x-amz-date', 'x-b'],
      ['authorization', 'host', 'x-amz-date'],
      ['date', 'host', 'x-amz-date'],
    ]) {
      const e = await v.verify(request(bad), lookup).then(
        () => undefined,
        (err: Error) => err,
      );
      expect(e?.message, bad.join(';')).toMatch(/signed headers differ/);
    }
  });
});
