// The header-form verifier (sigv4.ts builds the canonical request itself) against
// @smithy/signature-v4 — the signer of the AWS SDK for JavaScript v3 — on 50,000
// random requests: random method, paths with unicode, reserved characters,
// percent-encodings, '.', '..' and empty segments; repeated, unsorted query
// parameters with empty values and optional encoding; extra headers with inner
// white space, tabs and several lines; random bodies, regions, keys and times.
// Every request smithy signs must verify. A copy with one change to what the
// signature covers (path, query, a signed header, method, body or the signature)
// must be refused; a change to an unsigned header must not matter.
//
// The generator is seeded (SIGV4_PROPERTY_SEED picks another seed; a failure names its
// seed and request index), so a failing case replays exactly.
import { describe, expect, it } from 'vitest';
import { SignatureV4 } from '@smithy/signature-v4';
import { Hash } from '@smithy/hash-node';
import { SigV4Verifier, type IncomingSignedRequest } from '../src/auth/sigv4.js';

const RUNS = Number(process.env.SIGV4_PROPERTY_RUNS ?? 50_000);
const SEED = Number(process.env.SIGV4_PROPERTY_SEED ?? 0x5167_0004);
const NOW = Date.UTC(2026, 11, 6, 21, 0, 0);

/** mulberry32: small, seeded, good enough to pick test cases. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

const UNRESERVED = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~';
const UNRESERVED_CHARS = [...UNRESERVED];
/** Characters that may stand raw in a path segment or query component of a request line. */
const RAW_OK = [..."!$'()*+,;:@"];
const OTHER = ['%', ' ', '&', '=', '/', '+', '#', '?', '"'];
const UNICODE = ['é', 'ß', '\u1234', '日本', '😀', '\u00a0', 'Ω'];
const escapeUri = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A decoded string: unreserved, reserved, '%', space, '&', '=', '/', '+' and unicode. */
function text(r: Rng, max: number, allowEmpty = true): string {
  const n = allowEmpty ? r.int(max + 1) : 1 + r.int(max);
  let s = '';
  for (let i = 0; i < n; i++) {
    const k = r.int(10);
    if (k < 5) s += r.pick(UNRESERVED_CHARS);
    else if (k < 7) s += r.pick(RAW_OK);
    else if (k < 8) s += r.pick(OTHER);
    else s += r.pick(UNICODE);
  }
  return s;
}

/** A decoded string put on the wire: percent-encoded where it must be, and sometimes where it need not be. */
function onWire(r: Rng, s: string, mustEncode: RegExp): string {
  let out = '';
  for (const ch of s) {
    if (mustEncode.test(ch) || ch.codePointAt(0)! > 0x7e || r.chance(0.1)) {
      const e = escapeUri(ch);
      // An unreserved character encoded anyway; lower-case hex sometimes.
      out += e === ch ? `%${ch.charCodeAt(0).toString(16).toUpperCase()}` : r.chance(0.2) ? e.toLowerCase() : e;
    } else out += ch;
  }
  return out;
}

interface Generated {
  wire: IncomingSignedRequest;
  /** Index in the raw path of a character of its last real segment (changing it changes the canonical URI). */
  pathMutable: [number, number];
  signedHeaders: string[];
  unsignedHeader: string | undefined;
  secret: string;
  accessKeyId: string;
  region: string;
}

const REGIONS = ['us-east-1', 'eu-west-3', 'ap-southeast-2', 'local', 'x', 'region-with-32-characters-abcdef'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'];
const HEADER_CHARS = [...'abcdefghijklmnopqrstuvwxyz0123456789-'];
const VALUE_CHARS = [...`${UNRESERVED}"',;:=/é`];
const WHITESPACE = [' ', '  ', '\t', ' \t '];
const RESERVED_NAMES = new Set(['host', 'x-amz-date', 'x-amz-content-sha256', 'authorization', 'date', 'x-amz-security-token', '__proto__']);

/** Keys, some shared by several requests with different secrets (a stale signing key must never be used). */
const KEYS = Array.from({ length: 12 }, (_, i) => `AKIAPROP${String(i).padStart(12, '0')}`);

async function generate(r: Rng, signer: (secret: string, accessKeyId: string, region: string) => SignatureV4): Promise<Generated> {
  const method = r.pick(METHODS);
  // Mostly the key's usual region (as real callers), sometimes another; a random one now and then.
  const k = r.int(KEYS.length);
  const accessKeyId = KEYS[k]!;
  const region = r.chance(0.9)
    ? REGIONS[k % REGIONS.length]!
    : r.chance(0.8)
      ? r.pick(REGIONS)
      : Array.from({ length: 1 + r.int(32) }, () => r.pick(HEADER_CHARS)).join('');
  const secret = `secret-${r.int(2)}-${accessKeyId}`;

  // Path: noise segments ('.', '', 'x/..'), then real ones; the last is always real.
  const parts: string[] = [];
  const segs = r.int(5);
  for (let i = 0; i <= segs; i++) {
    if (r.chance(0.15)) parts.push(r.pick(['.', '', 'noise/..', 'a/b/../..']));
    const last = i === segs;
    // A segment of only dots would be '.'/'..' on the wire: prefix a letter.
    const seg = `s${onWire(r, text(r, 8), /[^A-Za-z0-9\-._~!$'()*+,;:@]/)}`;
    if (last || r.chance(0.9)) parts.push(seg);
  }
  let rawPath = `/${parts.join('/')}`;
  if (r.chance(0.2)) rawPath += '/';
  const lastSeg = parts[parts.length - 1]!;
  const end = rawPath.endsWith('/') ? rawPath.length - 1 : rawPath.length;
  const pathMutable: [number, number] = [end - lastSeg.length, end];

  // Query: pairs in random order, repeats, empty values, names without '='.
  const pairs: [string, string, boolean][] = [];
  const nq = r.chance(0.4) ? 0 : r.int(6);
  for (let i = 0; i < nq; i++) {
    const k = pairs.length && r.chance(0.3) ? r.pick(pairs)[0] : text(r, 6, false);
    if (k === '__proto__' || k.toLowerCase() === 'x-amz-signature') continue;
    const v = r.chance(0.2) ? '' : text(r, 8);
    pairs.push([k, v, v === '' && r.chance(0.5)]);
  }
  const rawQuery = pairs
    .map(([k, v, bare]) =>
      bare
        ? onWire(r, k, /[^A-Za-z0-9\-._~!$'()*+,;:@/?]/)
        : `${onWire(r, k, /[^A-Za-z0-9\-._~!$'()*+,;:@/?]/)}=${onWire(r, v, /[^A-Za-z0-9\-._~!$'()*+,;:@/?=]/)}`,
    )
    .join('&');
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of pairs) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }

  // Headers: the SDK's, plus random ones (white space inside and around, tabs, several lines).
  const wireHeaders: Record<string, string[]> = {
    host: [r.pick(['127.0.0.1:3000', 'example.amazonaws.com', 'localhost', `h${r.int(100)}.example:${r.int(65536)}`])],
    'x-amz-user-agent': ['aws-sdk-js/3.1168.0'],
    'user-agent': [`aws-sdk-js/3.1168.0 ua/2.1 lang/js md/nodejs#20 api/quicksight#${r.int(1000)}`],
    'amz-sdk-invocation-id': [crypto.randomUUID()],
    'amz-sdk-request': ['attempt=1; max=3'],
  };
  const nh = r.int(4);
  for (let i = 0; i < nh; i++) {
    const name = r.chance(0.1)
      ? r.pick(['x-amzn-trace-id', 'content-type', 'sec-fetch-mode', 'proxy-thing'])
      : `x-${Array.from({ length: 1 + r.int(8) }, () => r.pick(HEADER_CHARS)).join('')}`;
    if (RESERVED_NAMES.has(name) || wireHeaders[name]) continue;
    const lines = 1 + (r.chance(0.2) ? r.int(3) : 0);
    wireHeaders[name] = Array.from({ length: lines }, () => {
      let v = '';
      const n = r.int(12);
      for (let j = 0; j < n; j++) v += r.chance(0.25) ? r.pick(WHITESPACE) : r.pick(VALUE_CHARS);
      return v;
    });
  }
  const body = r.chance(0.4) ? undefined : Buffer.from(Array.from({ length: r.int(200) }, () => r.int(256)));
  const signingDate = new Date(NOW + (r.int(1_700_000) - 850_000));

  const toSign: Record<string, string> = {};
  for (const [k, v] of Object.entries(wireHeaders)) toSign[k] = v.join(',');
  const out = (await signer(secret, accessKeyId, region).sign(
    { method, protocol: 'http:', hostname: 'ignored', path: rawPath, query, headers: toSign, body } as never,
    { signingDate },
  )) as unknown as { headers: Record<string, string> };

  const headers: Record<string, string[]> = { ...wireHeaders };
  for (const [k, v] of Object.entries(out.headers)) if (!(k in headers)) headers[k] = [v];
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(out.headers.authorization!)![1]!.split(';');
  const unsigned = Object.keys(headers).filter((h) => !signedHeaders.includes(h) && h !== 'authorization');
  return {
    wire: { method, rawPath, rawQuery, headers, body },
    pathMutable,
    signedHeaders,
    unsignedHeader: unsigned.length ? r.pick(unsigned) : undefined,
    secret,
    accessKeyId,
    region,
  };
}

/** One change to what the signature covers. */
function mutate(r: Rng, g: Generated): { what: string; req: IncomingSignedRequest } {
  const w = g.wire;
  const headers = { ...w.headers } as Record<string, string[]>;
  switch (r.int(6)) {
    case 0: {
      const [a, b] = g.pathMutable;
      const i = a + r.int(b - a);
      const c = w.rawPath[i]!;
      return { what: `path[${i}]`, req: { ...w, rawPath: w.rawPath.slice(0, i) + (c === 'Q' ? 'R' : 'Q') + w.rawPath.slice(i + 1) } };
    }
    case 1: {
      if (!w.rawQuery) return { what: 'query added', req: { ...w, rawQuery: 'a=b' } };
      const parts = w.rawQuery.split('&');
      const i = r.int(parts.length);
      const eq = parts[i]!.indexOf('=');
      // A character inserted at the start of the value (or of a bare name).
      parts[i] = eq < 0 ? `q${parts[i]}` : `${parts[i]!.slice(0, eq + 1)}q${parts[i]!.slice(eq + 1)}`;
      return { what: `query pair ${i}`, req: { ...w, rawQuery: parts.join('&') } };
    }
    case 2: {
      const h = r.pick(g.signedHeaders);
      const lines = [...headers[h]!];
      lines[lines.length - 1] += 'q';
      headers[h] = lines;
      return { what: `signed header ${h}`, req: { ...w, headers } };
    }
    case 3:
      return { what: 'method', req: { ...w, method: w.method === 'GET' ? 'POST' : 'GET' } };
    case 4: {
      if (!w.body?.length) return { what: 'body added', req: { ...w, body: Buffer.from('x') } };
      const body = Buffer.from(w.body);
      const i = r.int(body.length);
      body[i] = body[i]! ^ (1 << r.int(8));
      return { what: `body[${i}]`, req: { ...w, body } };
    }
    default: {
      const auth = headers.authorization![0]!;
      const at = auth.indexOf('Signature=') + 10 + r.int(64);
      headers.authorization = [auth.slice(0, at) + (auth[at] === 'a' ? 'b' : 'a') + auth.slice(at + 1)];
      return { what: 'signature', req: { ...w, headers } };
    }
  }
}

describe(`SigV4Verifier against @smithy/signature-v4 on ${RUNS} random requests (seed ${SEED})`, () => {
  it('every request the SDK signs verifies; one change to what it signs is refused', async () => {
    const r = prng(SEED);
    const verifier = new SigV4Verifier({ service: 'quicksight', now: () => NOW });
    const signers = new Map<string, SignatureV4>();
    const signer = (secret: string, accessKeyId: string, region: string) => {
      const k = `${secret}\n${region}\n${accessKeyId}`;
      let s = signers.get(k);
      if (!s) {
        // As the SDK configures it for a service other than S3 (x-amz-content-sha256 sent or not).
        s = new SignatureV4({
          credentials: { accessKeyId, secretAccessKey: secret },
          region,
          service: 'quicksight',
          sha256: Hash.bind(null, 'sha256') as never,
          uriEscapePath: true,
          applyChecksum: r.chance(0.5),
        });
        signers.set(k, s);
      }
      return s;
    };
    let refused = 0;
    const kinds = new Map<string, number>();
    for (let i = 0; i < RUNS; i++) {
      const g = await generate(r, signer);
      const lookup = async (id: string) => (id === g.accessKeyId ? g.secret : undefined);
      const where = `seed ${SEED}, request ${i}: ${g.wire.method} ${g.wire.rawPath}?${g.wire.rawQuery}`;
      try {
        await verifier.verify(g.wire, lookup);
      } catch (e) {
        throw new Error(`${where} was refused: ${(e as Error).message}\n${JSON.stringify(g.wire.headers)}`);
      }
      if (g.unsignedHeader && i % 5 === 0) {
        const headers = { ...g.wire.headers, [g.unsignedHeader]: ['changed'] };
        await verifier.verify({ ...g.wire, headers }, lookup).catch((e) => {
          throw new Error(`${where}: changing unsigned ${g.unsignedHeader} was refused: ${(e as Error).message}`);
        });
      }
      const m = mutate(r, g);
      const kind = m.what.replace(/\[.*|\d+$| [a-z0-9-]+$/, '');
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const outcome = await verifier.verify(m.req, lookup).then(
        () => 'verified',
        (e: Error) => e.name,
      );
      if (outcome === 'verified') throw new Error(`${where}: changed ${m.what} and it still verified`);
      if (outcome !== 'InvalidSignatureException') throw new Error(`${where}: changed ${m.what}, refused with ${outcome}`);
      refused++;
      // Let vitest's own messages through now and then (this loop is otherwise all microtasks).
      if (i % 1000 === 999) await new Promise((res) => setImmediate(res));
    }
    expect(refused).toBe(RUNS);
    // Every kind of change was tried many times.
    for (const k of ['path', 'query pair', 'signed header', 'method', 'body', 'signature']) expect(kinds.get(k) ?? 0).toBeGreaterThan(RUNS / 20);
  }, 120_000);
});
