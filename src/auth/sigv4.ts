// "Who is this?": verification of AWS Signature Version 4 on an incoming
// request, in both the Authorization-header and the presigned-query forms.
// The header form — every SDK call — builds the canonical request here, directly
// from the request exactly as it arrived, by the rules @smithy/signature-v4 (the
// code the official SDKs sign with) applies to it: test/auth-sigv4-*.test.ts holds
// it to AWS's published test suite and to smithy's signatures on random requests.
// Going through smithy cost twice the verifier's budget per request (a cloned
// request, promises, an object per header). The rare presigned form still goes
// through smithy's presign(). This module also enforces the rules around the
// signature (credential scope, clock skew, signed headers, payload hash) and
// compares in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from './sha256.js';
import { sha256Hex } from '../crypto/sha256.js';
import { ServiceError } from '../protocol/errors.js';
import { parseQuery } from '../protocol/query.js';

/** The signing name of the service ActionBridge answers as (the default of SigV4Verifier). */
export const SERVICE = 'quicksight';
export const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface IncomingSignedRequest {
  method: string;
  /** The path exactly as received (still percent-encoded). */
  rawPath: string;
  /** The query string exactly as received, without '?'. */
  rawQuery: string;
  /** Lower-case header names. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | undefined;
}

export interface ParsedSignature {
  accessKeyId: string;
  date: string; // yyyymmdd
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string; // yyyymmddThhmmssZ
  presigned: { expires: number } | undefined;
}

/** What SigV4Verifier.checkHeaders found: the parsed signature, the query, the signing time (epoch ms). */
export interface CheckedHeaders {
  sig: ParsedSignature;
  query: Record<string, string | string[]>;
  t: number;
}

/** Looks up an access key's secret (at once when it is at hand); undefined when the key is unknown or inactive. */
export type SecretLookup = (accessKeyId: string) => string | undefined | Promise<string | undefined>;

const bodySha256Hex = (b: Buffer | undefined) => (b?.length ? sha256Hex(b) : EMPTY_SHA256);

/** A header's value; repeated lines joined with ',' as SigV4 joins them. */
function header(h: IncomingSignedRequest['headers'], name: string): string | undefined {
  const v = h[name];
  if (!Array.isArray(v)) return v;
  return v.length === 1 ? v[0] : v.join(',');
}

/** The number of `n` decimal digits at `at` in `s`, or NaN. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    v = v * 10 + c;
  }
  return v;
}

/** yyyyMMddTHHmmssZ as Date.UTC reads it (/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, without the regex); NaN if not of that form. */
function amzDateToMs(d: string): number {
  if (d.length !== 16 || d.charCodeAt(8) !== 84 /* T */ || d.charCodeAt(15) !== 90 /* Z */) return Number.NaN;
  return Date.UTC(digits(d, 0, 4), digits(d, 4, 2) - 1, digits(d, 6, 2), digits(d, 9, 2), digits(d, 11, 2), digits(d, 13, 2));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether an X-Amz-Date of the form yyyyMMddTHHmmssZ names a real time that Date.UTC
 * reads as written: not a 13th month, a 31 April, a 24th hour, nor a year below 100
 * (which Date.UTC takes as 19yy).
 */
function isExactAmzDate(d: string): boolean {
  const y = digits(d, 0, 4);
  const mo = digits(d, 4, 2);
  const day = digits(d, 6, 2);
  if (y < 100 || mo < 1 || mo > 12 || day < 1) return false;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (day > DAYS_IN_MONTH[mo - 1]! + (leap ? 1 : 0)) return false;
  return digits(d, 9, 2) < 24 && digits(d, 11, 2) < 60 && digits(d, 13, 2) < 60;
}

const invalid = (msg: string) => new ServiceError('InvalidSignatureException', msg);

/** A Credential not of the form <AccessKeyId>/<date>/<region>/<service>/aws4_request (parseSignature answers it). */
class MalformedCredential extends Error {}

function parseCredential(cred: string) {
  const parts = cred.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request' || !parts[0]) {
    throw new MalformedCredential();
  }
  return { accessKeyId: parts[0], date: parts[1]!, region: parts[2]!, service: parts[3]! };
}

/** Extracts the signature parts, or throws the AWS error for a request that carries none or a malformed one. */
export function parseSignature(req: Pick<IncomingSignedRequest, 'headers'>, query: Record<string, string | string[]>): ParsedSignature {
  const auth = header(req.headers, 'authorization');
  const q = (k: string) => {
    const v = query[k];
    return Array.isArray(v) ? v[0] : v;
  };
  try {
    if (auth !== undefined) {
      // /^AWS4-HMAC-SHA256\s+(.*)$/s on the trimmed value, without the regex (the fields are trimmed below).
      const a = auth.trim();
      if (!a.startsWith('AWS4-HMAC-SHA256') || !/\s/.test(a.charAt(16))) throw invalid('Authorization header is not an AWS4-HMAC-SHA256 signature.');
      // Three locals rather than an object of fields: this runs twice per request.
      let credential = '';
      let signedHeaders = '';
      let signature = '';
      for (const f of a.slice(17).split(',')) {
        const i = f.indexOf('=');
        if (i <= 0) continue;
        const name = f.slice(0, i).trim();
        if (name === 'Credential') credential = f.slice(i + 1).trim();
        else if (name === 'SignedHeaders') signedHeaders = f.slice(i + 1).trim();
        else if (name === 'Signature') signature = f.slice(i + 1).trim();
      }
      if (!credential || !signedHeaders || !signature) {
        throw invalid('Authorization header requires Credential, SignedHeaders and Signature.');
      }
      const amzDate = header(req.headers, 'x-amz-date');
      if (!amzDate) throw invalid('Authorization header requires the X-Amz-Date header.');
      // No object spread here: V8 makes it several times the cost of the rest of this function.
      const c = parseCredential(credential);
      return {
        accessKeyId: c.accessKeyId,
        date: c.date,
        region: c.region,
        service: c.service,
        signedHeaders: signedHeaders.split(';'),
        signature,
        amzDate,
        presigned: undefined,
      };
    }
    if (q('X-Amz-Algorithm') !== undefined || q('X-Amz-Signature') !== undefined) {
      if (q('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') throw invalid('X-Amz-Algorithm must be AWS4-HMAC-SHA256.');
      const cred = q('X-Amz-Credential');
      const sh = q('X-Amz-SignedHeaders');
      const sig = q('X-Amz-Signature');
      const amzDate = q('X-Amz-Date');
      const exp = q('X-Amz-Expires');
      if (!cred || !sh || !sig || !amzDate || !exp) {
        throw invalid('A presigned request requires X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders and X-Amz-Signature.');
      }
      const expires = Number(exp);
      if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGN_SECONDS) throw invalid('X-Amz-Expires must be between 1 and 604800 seconds.');
      const c = parseCredential(cred);
      return {
        accessKeyId: c.accessKeyId,
        date: c.date,
        region: c.region,
        service: c.service,
        signedHeaders: sh.split(';'),
        signature: sig,
        amzDate,
        presigned: { expires },
      };
    }
  } catch (e) {
    if (e instanceof MalformedCredential) {
      throw invalid('Credential must have the form <AccessKeyId>/<date>/<region>/<service>/aws4_request.');
    }
    throw e;
  }
  throw new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token');
}

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const hexEncode = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

/** SigV4's URI encoding (RFC 3986: all but the unreserved characters), as smithy's escapeUri. */
function escapeUri(s: string): string {
  return UNRESERVED.test(s) ? s : encodeURIComponent(s).replace(/[!'()*]/g, hexEncode);
}

/** One query component, decoded as parseQuery decodes it (left as is when not valid percent-encoding). */
function decodeComponent(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A path of unreserved segments, none '.' or '..' and none empty: its canonical form is itself. */
const PLAIN_PATH = /^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9\-._~]+)*\/?$/;

/**
 * The canonical URI of a path as received (still percent-encoded), for services other
 * than S3: '.', '..' and empty segments removed, then every segment URI-encoded once
 * more — so '%' is encoded again ("double-encoded"), as the SDKs sign for these
 * services. Byte for byte smithy's getCanonicalPath with uriEscapePath.
 */
export function canonicalPath(path: string): string {
  if (PLAIN_PATH.test(path)) return path;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment.length === 0 || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && path.endsWith('/') ? '/' : ''}`;
  return escapeUri(normalized).replace(/%2F/g, '/');
}

const byKeyThenValue = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

/**
 * The canonical query string of a query as received: each name and value decoded
 * (as parseQuery does) and URI-encoded, a name without '=' given an empty value,
 * sorted by encoded name and then value, X-Amz-Signature left out (smithy's getCanonicalQuery).
 */
export function canonicalQuery(raw: string): string {
  if (!raw) return '';
  const pairs: [string, string][] = [];
  for (const part of raw.split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    const k = decodeComponent(i < 0 ? part : part.slice(0, i));
    if (k.length === 15 && k.toLowerCase() === 'x-amz-signature') continue;
    pairs.push([escapeUri(k), i < 0 ? '' : escapeUri(decodeComponent(part.slice(i + 1)))]);
  }
  if (pairs.length > 1) pairs.sort(byKeyThenValue);
  let out = '';
  for (let i = 0; i < pairs.length; i++) out += `${i ? '&' : ''}${pairs[i]![0]}=${pairs[i]![1]}`;
  return out;
}

/** Whitespace that canonicalValue changes: a run of two, or any but a plain space. */
const WHITESPACE_TO_COLLAPSE = /\s\s|[^\S ]/;

/**
 * A header value as it is signed: trimmed, every run of white space one space (repeated
 * header lines were already joined with ','). smithy's own rules (CR/LF and runs of
 * space or tab to one space, no space at either end) leave this unchanged.
 */
function canonicalValue(v: string): string {
  const t = v.trim();
  return WHITESPACE_TO_COLLAPSE.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/** yyyyMMddTHHmmssZ of a time: what smithy writes as x-amz-date for the signing date. */
function longDateOf(t: number): string {
  const s = new Date(t).toISOString(); // yyyy-MM-ddTHH:mm:ss.sssZ
  return `${s.slice(0, 4)}${s.slice(5, 7)}${s.slice(8, 13)}${s.slice(14, 16)}${s.slice(17, 19)}Z`;
}

/**
 * Headers smithy's sign() would drop from the canonical headers (it generates them):
 * a SignedHeaders list naming one can never match what a client computed with it.
 * '__proto__' could not be a key of the header object the signer saw.
 */
const NEVER_CANONICAL = new Set(['authorization', 'date', '__proto__']);

/**
 * The canonical request of an Authorization-header SigV4 request. `signedHeaders` must
 * be in canonical order (sorted, no repeats: verify() refuses others), each present in
 * `headers`; the signed x-amz-date is written as `longDate`, as sign() writes it.
 */
export function canonicalRequest(req: Omit<IncomingSignedRequest, 'body'>, signedHeaders: readonly string[], longDate: string, payloadHash: string): string {
  let headerLines = '';
  for (const h of signedHeaders) {
    headerLines += `${h}:${h === 'x-amz-date' ? longDate : canonicalValue(header(req.headers, h) ?? '')}\n`;
  }
  return `${req.method}\n${canonicalPath(req.rawPath)}\n${canonicalQuery(req.rawQuery)}\n${headerLines}\n${signedHeaders.join(';')}\n${payloadHash}`;
}

/** Whether a SignedHeaders list is in the order (and without the repeats) a signer writes it. */
function isCanonicalList(signed: readonly string[]): boolean {
  for (let i = 0; i < signed.length; i++) {
    if ((i > 0 && !(signed[i - 1]! < signed[i]!)) || NEVER_CANONICAL.has(signed[i]!)) return false;
  }
  return true;
}

interface SignerEntry {
  secret: string;
  signer: SignatureV4;
}

interface KeyEntry {
  secret: string;
  /** Derived signing keys by `date/region` (the service is the verifier's). */
  keys: Map<string, Buffer>;
}

/** Bounds of the caches: access keys held, and signing keys per access key (dates × regions). */
const MAX_ACCESS_KEYS = 10_000;
const MAX_SCOPES_PER_KEY = 64;

export interface SigV4VerifierOptions {
  /** The signing name the credential scope must name (default 'quicksight'). */
  service?: string;
  /** The server clock, in epoch milliseconds (default Date.now). */
  now?: () => number;
}

/** Verifies SigV4 signatures; keeps the derived signing keys of each access key. */
export class SigV4Verifier {
  /** smithy signers for presigned requests, one per access key. */
  private signers = new Map<string, SignerEntry>();
  /**
   * Signing keys per access key, valid only for the secret they were derived from: a
   * changed secret finds its entry's secret different and derives anew.
   */
  private signingKeys = new Map<string, KeyEntry>();
  private readonly service: string;
  private readonly now: () => number;

  constructor(opts: SigV4VerifierOptions | (() => number) = {}) {
    const o = typeof opts === 'function' ? { now: opts } : opts;
    this.service = o.service ?? SERVICE;
    this.now = o.now ?? Date.now;
  }

  private signerFor(accessKeyId: string, secret: string): SignatureV4 {
    const e = this.signers.get(accessKeyId);
    if (e && e.secret === secret) return e.signer;
    const signer = new SignatureV4({
      credentials: { accessKeyId, secretAccessKey: secret },
      region: 'us-east-1',
      service: this.service,
      sha256: Sha256,
      uriEscapePath: true,
      applyChecksum: false,
    });
    if (this.signers.size >= MAX_ACCESS_KEYS) this.signers.delete(this.signers.keys().next().value!);
    this.signers.set(accessKeyId, { secret, signer });
    return signer;
  }

  /** kSigning = HMAC chain of the secret over date, region, service, 'aws4_request'; cached. */
  private signingKey(accessKeyId: string, secret: string, shortDate: string, region: string): Buffer {
    let e = this.signingKeys.get(accessKeyId);
    if (!e || e.secret !== secret) {
      if (e) this.signingKeys.delete(accessKeyId);
      else if (this.signingKeys.size >= MAX_ACCESS_KEYS) this.signingKeys.delete(this.signingKeys.keys().next().value!);
      e = { secret, keys: new Map() };
      this.signingKeys.set(accessKeyId, e);
    }
    const scope = `${shortDate}/${region}`;
    let k = e.keys.get(scope);
    if (!k) {
      k = createHmac('sha256', `AWS4${secret}`).update(shortDate).digest();
      for (const part of [region, this.service, 'aws4_request']) k = createHmac('sha256', k).update(part).digest();
      if (e.keys.size >= MAX_SCOPES_PER_KEY) e.keys.delete(e.keys.keys().next().value!);
      e.keys.set(scope, k);
    }
    return k;
  }

  /** Drops what is cached for an access key (its secret changed, or it was removed). */
  forget(accessKeyId: string) {
    this.signers.delete(accessKeyId);
    this.signingKeys.delete(accessKeyId);
  }

  /**
   * Every check that needs only the request line and headers (the form of the
   * signature, its scope and time, the signed headers): what can be refused before
   * the body is read. Returns the parsed signature, the query and the signing time.
   */
  checkHeaders(req: Omit<IncomingSignedRequest, 'body'>): CheckedHeaders {
    const query = parseQuery(req.rawQuery);
    const sig = parseSignature(req, query);

    if (sig.service !== this.service) throw invalid(`Credential should be scoped to correct service: '${this.service}'.`);
    if (!/^[a-z0-9-]{1,32}$/.test(sig.region)) throw invalid('Credential should be scoped to a valid region.');
    const t = amzDateToMs(sig.amzDate);
    if (Number.isNaN(t)) throw invalid('X-Amz-Date must have the form yyyyMMddTHHmmssZ.');
    if (sig.amzDate.slice(0, 8) !== sig.date) throw invalid('Credential should be scoped to the date of X-Amz-Date.');
    const now = this.now();
    if (sig.presigned) {
      if (t - now > MAX_SKEW_MS) throw invalid('Signature not yet current.');
      if (now > t + sig.presigned.expires * 1000) throw invalid('Signature expired.');
    } else if (Math.abs(now - t) > MAX_SKEW_MS) {
      throw invalid('Signature expired: the request time is more than 15 minutes from the server time.');
    }

    const signed = sig.signedHeaders;
    if (!signed.includes('host')) throw invalid("'Host' must be a signed header.");
    if (!sig.presigned && !signed.includes('x-amz-date')) throw invalid("'X-Amz-Date' must be a signed header.");
    for (const h of signed) {
      if (h !== h.toLowerCase() || header(req.headers, h) === undefined) throw invalid(`Signed header '${h}' is missing from the request.`);
    }
    if (/[^0-9a-f]/.test(sig.signature) || sig.signature.length !== 64) throw invalid('The request signature is malformed.');
    return { sig, query, t };
  }

  /** Returns the verified signature (access key, region); throws 403 errors otherwise. */
  /**
   * `checked`: what checkHeaders() returned for this same request, when it was called before
   * the body was read (not parsed again).
   */
  async verify(req: IncomingSignedRequest, lookup: SecretLookup, checked?: CheckedHeaders): Promise<ParsedSignature> {
    const { sig, query, t } = checked ?? this.checkHeaders(req);
    const signed = sig.signedHeaders;

    // Payload: a declared hash must be the hash of the body received.
    const bodyHash = bodySha256Hex(req.body);
    const declared = header(req.headers, 'x-amz-content-sha256');
    if (declared !== undefined && declared !== bodyHash) {
      throw invalid('The x-amz-content-sha256 header does not match the request body.');
    }

    const found = lookup(sig.accessKeyId);
    const secret = typeof found === 'object' ? await found : found;
    if (secret === undefined) throw new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.');

    let expected: Buffer;
    if (sig.presigned) {
      const headers: Record<string, string> = {};
      for (const h of signed) headers[h] = header(req.headers, h)!.trim().replace(/\s+/g, ' ');
      const signer = this.signerFor(sig.accessKeyId, secret);
      const [hostname, port] = (headers.host ?? '').split(':');
      const q: Record<string, string | string[]> = { ...query };
      delete q['X-Amz-Signature'];
      const out = await signer.presign(
        {
          method: req.method,
          protocol: 'http:',
          hostname: hostname!,
          port: port ? Number(port) : undefined,
          path: req.rawPath,
          query: q,
          headers,
          body: req.body,
        },
        {
          signingDate: new Date(t),
          expiresIn: sig.presigned.expires,
          signingRegion: sig.region,
          signableHeaders: new Set(signed),
          unhoistableHeaders: new Set(signed),
        },
      );
      expected = Buffer.from(String(out.query!['X-Amz-Signature']), 'hex');
      if (String(out.query!['X-Amz-SignedHeaders']) !== signed.join(';')) throw invalid('X-Amz-SignedHeaders is not in canonical order.');
    } else {
      if (!isCanonicalList(signed)) {
        throw invalid('The request signature we calculated does not match the signature you provided (signed headers differ).');
      }
      // The signing time as smithy would write it: X-Amz-Date itself, unless Date.UTC
      // read it as another time (a 31 April becomes 1 May).
      const longDate = isExactAmzDate(sig.amzDate) ? sig.amzDate : longDateOf(t);
      const shortDate = longDate.slice(0, 8);
      const stringToSign = `AWS4-HMAC-SHA256\n${longDate}\n${shortDate}/${sig.region}/${this.service}/aws4_request\n${sha256Hex(canonicalRequest(req, signed, longDate, bodyHash))}`;
      expected = createHmac('sha256', this.signingKey(sig.accessKeyId, secret, shortDate, sig.region))
        .update(stringToSign)
        .digest();
    }
    // checkHeaders let only 64 lower-case hex digits through: 32 bytes, as expected is.
    const given = Buffer.from(sig.signature, 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw invalid('The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.');
    }
    return sig;
  }
}
