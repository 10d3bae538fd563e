// The verifier's cache of derived signing keys (per access key, secret, date, region and
// service): a changed secret is never answered with a key derived from the old one,
// forget() drops what is cached, and the signed headers' order and set stay enforced now
// that the canonical request is built without smithy.
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

  it('a SignedHeaders list out of order, repeated, or naming authorization or date is refused', async () => {
    const v = new SigV4Verifier({ now: () => NOW });
    const r = await signed('secret-A', { headers: { date: 'Sun, 06 Dec 2026 12:00:00 GMT', 'x-b': 'b' } });
    const auth = String(r.headers.authorization);
    const list = /SignedHeaders=([^,]+)/.exec(auth)![1]!;
    expect(list.split(';')).not.toContain('date'); // smithy never signs date itself (it generates it)
    expect(await outcome(v.verify(r, async () => 'secret-A'))).toBe('verified');
    const names = list.split(';');
    for (const bad of [[...names].reverse(), [names[0]!, ...names], [...names, 'zz-not-there'], ['authorization', ...names], ['date', ...names].sort()]) {
      const copy = structuredClone(r);
      copy.headers.authorization = [auth.replace(list, bad.join(';'))];
      copy.headers['zz-not-there'] = bad.includes('zz-not-there') ? undefined : copy.headers['zz-not-there'];
      expect(await outcome(v.verify(copy, async () => 'secret-A'))).toBe('InvalidSignatureException');
    }
  });
});
