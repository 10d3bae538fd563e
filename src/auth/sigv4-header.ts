// The expected signature of an Authorization-header (non-presigned) SigV4
// request, computed the way @smithy/signature-v4's SignatureV4.sign() computes
// it — the canonical request is still built by smithy's own code
// (prepareRequest, getCanonicalHeaders, createCanonicalRequest) — but without the per-call cost
// of sign(): a cloned request, a promise per hash, an extra HMAC to find the
// cached signing key, and an Authorization header to format and parse back.
// That overhead was most of what verifying a signature cost (bench/RESULTS.md).
import crypto, { createHash, createHmac } from 'node:crypto';
import { SignatureV4Base, createScope, getCanonicalHeaders, prepareRequest, ALGORITHM_IDENTIFIER, KEY_TYPE_IDENTIFIER } from '@smithy/signature-v4';
import { Sha256 } from './sha256.js';

type HttpRequest = Parameters<typeof getCanonicalHeaders>[0];

interface KeyEntry {
  secret: string;
  keys: Map<string, Buffer>;
}

/** Hex SHA-256 of a string: crypto.hash (one call, no Hash object) where Node has it (20.12+). */
const oneShotHash: typeof crypto.hash | undefined = crypto.hash;
const sha256Hex: (s: string) => string =
  typeof oneShotHash === 'function' ? (s) => oneShotHash('sha256', s) : (s) => createHash('sha256').update(s).digest('hex');

export class HeaderSignatures extends SignatureV4Base {
  /** Derived signing keys per access key, by `date/region` (the service is fixed). */
  private readonly signingKeys = new Map<string, KeyEntry>();

  constructor(private readonly serviceName: string) {
    // Credentials and region are never used: every call passes its own.
    super({
      credentials: { accessKeyId: '', secretAccessKey: '' },
      region: 'us-east-1',
      service: serviceName,
      sha256: Sha256,
      uriEscapePath: true,
      applyChecksum: false,
    });
  }

  private signingKey(accessKeyId: string, secret: string, shortDate: string, region: string): Buffer {
    let e = this.signingKeys.get(accessKeyId);
    if (!e || e.secret !== secret) {
      if (this.signingKeys.size > 10_000) this.signingKeys.clear();
      e = { secret, keys: new Map() };
      this.signingKeys.set(accessKeyId, e);
    }
    const scope = `${shortDate}/${region}`;
    let k = e.keys.get(scope);
    if (!k) {
      k = createHmac('sha256', `AWS4${secret}`).update(shortDate).digest();
      for (const part of [region, this.serviceName, KEY_TYPE_IDENTIFIER]) k = createHmac('sha256', k).update(part).digest();
      if (e.keys.size > 64) e.keys.clear();
      e.keys.set(scope, k);
    }
    return k;
  }

  forget(accessKeyId: string): void {
    this.signingKeys.delete(accessKeyId);
  }

  /**
   * What SignatureV4.sign(request, { signingDate, signingRegion, signableHeaders })
   * would put in the Authorization header: the signature and the SignedHeaders list.
   * `request.headers` must hold only the signed headers, lower-case, values
   * normalized; `payloadHash` is the hex SHA-256 of the body (which is what sign()
   * uses: x-amz-content-sha256 when signed, verified equal to it by the caller).
   */
  compute(
    request: HttpRequest,
    o: { accessKeyId: string; secret: string; signingDate: Date; region: string; signableHeaders: Set<string>; payloadHash: string },
  ): { signature: string; signedHeaders: string } {
    // As sign() does: prepareRequest (a normalized copy without generated headers), then x-amz-date.
    const req = prepareRequest(request);
    const { longDate, shortDate } = this.formatDate(o.signingDate);
    req.headers['x-amz-date'] = longDate;
    const canonicalHeaders = getCanonicalHeaders(req, undefined, o.signableHeaders);
    const canonicalRequest = this.createCanonicalRequest(req, canonicalHeaders, o.payloadHash);
    const stringToSign = `${ALGORITHM_IDENTIFIER}\n${longDate}\n${createScope(shortDate, o.region, this.serviceName)}\n${sha256Hex(canonicalRequest)}`;
    const signature = createHmac('sha256', this.signingKey(o.accessKeyId, o.secret, shortDate, o.region))
      .update(stringToSign)
      .digest('hex');
    return { signature, signedHeaders: this.getCanonicalHeaderList(canonicalHeaders) };
  }
}
