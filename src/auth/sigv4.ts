// "Who is this?": verification of AWS Signature Version 4 on an incoming
// request, in both the Authorization-header and the presigned-query forms.
// The canonical request and signature are computed by @smithy/signature-v4 —
// the same code the official SDKs sign with — from the request exactly as it
// arrived; this module enforces the rules around it (credential scope, clock
// skew, signed headers, payload hash) and compares in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from './sha256.js';
import { HeaderSignatures } from './sigv4-header.js';
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

/** Looks up an access key's secret; undefined when the key is unknown or inactive. */
export type SecretLookup = (accessKeyId: string) => Promise<string | undefined>;

const sha256Hex = (b: Buffer | undefined) => (b?.length ? createHash('sha256').update(b).digest('hex') : EMPTY_SHA256);

function header(h: IncomingSignedRequest['headers'], name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function amzDateToMs(d: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(d);
  if (!m) return Number.NaN;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
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
      const m = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(auth.trim());
      if (!m) throw invalid('Authorization header is not an AWS4-HMAC-SHA256 signature.');
      const fields: Record<string, string> = {};
      for (const f of m[1]!.split(',')) {
        const i = f.indexOf('=');
        if (i > 0) fields[f.slice(0, i).trim()] = f.slice(i + 1).trim();
      }
      if (!fields.Credential || !fields.SignedHeaders || !fields.Signature) {
        throw invalid('Authorization header requires Credential, SignedHeaders and Signature.');
      }
      const amzDate = header(req.headers, 'x-amz-date');
      if (!amzDate) throw invalid('Authorization header requires the X-Amz-Date header.');
      // No object spread here: V8 makes it several times the cost of the rest of this function.
      const c = parseCredential(fields.Credential);
      return {
        accessKeyId: c.accessKeyId,
        date: c.date,
        region: c.region,
        service: c.service,
        signedHeaders: fields.SignedHeaders.split(';'),
        signature: fields.Signature,
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

interface SignerEntry {
  secret: string;
  signer: SignatureV4;
}

export interface SigV4VerifierOptions {
  /** The signing name the credential scope must name (default 'quicksight'). */
  service?: string;
  /** The server clock, in epoch milliseconds (default Date.now). */
  now?: () => number;
}

/** Verifies SigV4 signatures; keeps one signer per access key so derived signing keys are reused. */
export class SigV4Verifier {
  private signers = new Map<string, SignerEntry>();
  private headerSignatures?: HeaderSignatures;
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
    if (this.signers.size > 10_000) this.signers.clear();
    this.signers.set(accessKeyId, { secret, signer });
    return signer;
  }

  forget(accessKeyId: string) {
    this.signers.delete(accessKeyId);
    this.headerSignatures?.forget(accessKeyId);
  }

  /**
   * Every check that needs only the request line and headers (the form of the
   * signature, its scope and time, the signed headers): what can be refused before
   * the body is read. Returns the parsed signature, the query and the signing time.
   */
  checkHeaders(req: Omit<IncomingSignedRequest, 'body'>): { sig: ParsedSignature; query: Record<string, string | string[]>; t: number } {
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
  async verify(req: IncomingSignedRequest, lookup: SecretLookup): Promise<ParsedSignature> {
    const { sig, query, t } = this.checkHeaders(req);
    const signed = sig.signedHeaders;

    // Payload: a declared hash must be the hash of the body received.
    const bodyHash = sha256Hex(req.body);
    const declared = header(req.headers, 'x-amz-content-sha256');
    if (declared !== undefined && declared !== bodyHash) {
      throw invalid('The x-amz-content-sha256 header does not match the request body.');
    }

    const secret = await lookup(sig.accessKeyId);
    if (secret === undefined) throw new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.');

    const headers: Record<string, string> = {};
    for (const h of signed) headers[h] = header(req.headers, h)!.trim().replace(/\s+/g, ' ');
    const signer = this.signerFor(sig.accessKeyId, secret);
    const [hostname, port] = (headers.host ?? '').split(':');
    const path = req.rawPath;
    let expected: string;
    if (sig.presigned) {
      const q: Record<string, string | string[]> = { ...query };
      delete q['X-Amz-Signature'];
      const out = await signer.presign(
        { method: req.method, protocol: 'http:', hostname: hostname!, port: port ? Number(port) : undefined, path, query: q, headers, body: req.body },
        {
          signingDate: new Date(t),
          expiresIn: sig.presigned.expires,
          signingRegion: sig.region,
          signableHeaders: new Set(signed),
          unhoistableHeaders: new Set(signed),
        },
      );
      expected = String(out.query!['X-Amz-Signature']);
      if (String(out.query!['X-Amz-SignedHeaders']) !== signed.join(';')) throw invalid('X-Amz-SignedHeaders is not in canonical order.');
    } else {
      // What signer.sign() would compute, without its per-call overhead (see sigv4-header.ts).
      this.headerSignatures ??= new HeaderSignatures(this.service);
      const out = this.headerSignatures.compute(
        { method: req.method, protocol: 'http:', hostname: hostname!, port: port ? Number(port) : undefined, path, query, headers, body: req.body },
        { accessKeyId: sig.accessKeyId, secret, signingDate: new Date(t), region: sig.region, signableHeaders: new Set(signed), payloadHash: bodyHash },
      );
      expected = out.signature;
      if (out.signedHeaders !== signed.join(';'))
        throw invalid('The request signature we calculated does not match the signature you provided (signed headers differ).');
    }
    const a = Buffer.from(expected, 'utf8');
    const b = Buffer.from(sig.signature, 'utf8');
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      throw invalid('The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.');
    }
    return sig;
  }
}
