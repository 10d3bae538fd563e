// Checking an AWS Signature Version 4 the way an AWS front door does, for the
// test stand-ins (STS, an AWS service): recompute the signature over the signed
// headers of the request as received, with the secret of the access key named
// in the credential scope, and compare.
import type { IncomingHttpHeaders } from 'node:http';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/core/transport';

export interface ReceivedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type Verdict =
  | { ok: true; accessKeyId: string; region: string; service: string; signedHeaders: string[] }
  | { ok: false; code: 'MissingAuthenticationToken' | 'InvalidClientTokenId' | 'SignatureDoesNotMatch' | 'IncompleteSignature'; reason: string };

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

export async function verifySigV4(req: ReceivedRequest, secretOf: (accessKeyId: string) => string | undefined, service: string): Promise<Verdict> {
  const auth = req.headers.authorization;
  if (!auth) return { ok: false, code: 'MissingAuthenticationToken', reason: 'no Authorization header' };
  const m = AUTH.exec(auth);
  if (!m) return { ok: false, code: 'IncompleteSignature', reason: 'malformed Authorization header' };
  const [, accessKeyId, day, region, scopeService, signedList, signature] = m as unknown as string[];
  if (scopeService !== service) return { ok: false, code: 'SignatureDoesNotMatch', reason: `credential scope names service ${scopeService}, not ${service}` };
  const secret = secretOf(accessKeyId!);
  if (!secret) return { ok: false, code: 'InvalidClientTokenId', reason: `unknown access key ${accessKeyId}` };
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const when = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!when || !amzDate.startsWith(day!)) return { ok: false, code: 'IncompleteSignature', reason: 'missing or inconsistent X-Amz-Date' };
  const signingDate = new Date(Date.UTC(+when[1]!, +when[2]! - 1, +when[3]!, +when[4]!, +when[5]!, +when[6]!));
  const signedHeaders = signedList!.split(';');
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const v = req.headers[name];
    if (v === undefined) return { ok: false, code: 'SignatureDoesNotMatch', reason: `signed header ${name} is missing` };
    headers[name] = Array.isArray(v) ? v.join(',') : String(v);
  }
  const u = new URL(req.url, `https://${headers.host ?? 'localhost'}`);
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of u.searchParams) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const signer = new SignatureV4({
    credentials: { accessKeyId: accessKeyId!, secretAccessKey: secret },
    region: region!,
    service,
    sha256: Hash.bind(null, 'sha256') as never,
    uriEscapePath: service !== 's3',
    applyChecksum: false,
  });
  const recomputed = await signer.sign(
    new HttpRequest({
      method: req.method,
      protocol: 'https:',
      hostname: u.hostname,
      path: u.pathname,
      query,
      headers,
      body: req.body,
    }),
    { signingDate },
  );
  const expected = /Signature=([0-9a-f]{64})$/.exec(recomputed.headers.authorization ?? '')?.[1] ?? '';
  const same = expected.length === signature!.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature!));
  if (!same) return { ok: false, code: 'SignatureDoesNotMatch', reason: 'the signature does not match' };
  return { ok: true, accessKeyId: accessKeyId!, region: region!, service, signedHeaders };
}

/** Reads a request's body. */
export function readBody(req: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export type PresignedVerdict =
  | { ok: true; accessKeyId: string; region: string; service: string; signedHeaders: string[]; expires: number; sessionToken: string | undefined }
  | { ok: false; code: 'AccessDenied' | 'AuthorizationQueryParametersError' | 'InvalidAccessKeyId' | 'SignatureDoesNotMatch'; reason: string };

/** RFC 3986 encoding, as SigV4 canonicalizes names and values. */
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Checks a presigned URL's SigV4 query signature the way S3 does, computed here from the
 * AWS documentation (not with the SDK's signer): the canonical request of the request as
 * received (path segments and query decoded and encoded again, sorted; the signed
 * headers; payload UNSIGNED-PAYLOAD), the string to sign, the derived key; and the
 * expiry (X-Amz-Date + X-Amz-Expires, at most 7 days).
 */
export function verifyPresignedSigV4(
  req: Pick<ReceivedRequest, 'method' | 'url' | 'headers'>,
  secretOf: (accessKeyId: string) => string | undefined,
  service: string,
  now = Date.now(),
): PresignedVerdict {
  const [rawPath = '/', rawQuery = ''] = req.url.split('?', 2) as [string, string?];
  const params = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const i = pair.indexOf('=');
      const [k, v] = i < 0 ? [pair, ''] : [pair.slice(0, i), pair.slice(i + 1)];
      return [decodeURIComponent(k), decodeURIComponent(v)] as [string, string];
    });
  const q = (name: string) => params.find(([k]) => k === name)?.[1];
  if (q('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256')
    return { ok: false, code: 'AuthorizationQueryParametersError', reason: 'X-Amz-Algorithm must be AWS4-HMAC-SHA256' };
  const cred = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/.exec(q('X-Amz-Credential') ?? '');
  const amzDate = q('X-Amz-Date') ?? '';
  const when = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  const expires = Number(q('X-Amz-Expires'));
  const signedList = q('X-Amz-SignedHeaders');
  const signature = q('X-Amz-Signature') ?? '';
  if (!cred || !when || !signedList || !/^[0-9a-f]{64}$/.test(signature) || !amzDate.startsWith(cred[2]!))
    return { ok: false, code: 'AuthorizationQueryParametersError', reason: 'missing or malformed presigned query parameters' };
  if (!Number.isInteger(expires) || expires < 1 || expires > 604800)
    return { ok: false, code: 'AuthorizationQueryParametersError', reason: 'X-Amz-Expires must be between 1 and 604800 seconds' };
  const [, accessKeyId, day, region, scopeService] = cred as unknown as string[];
  if (scopeService !== service) return { ok: false, code: 'SignatureDoesNotMatch', reason: `credential scope names service ${scopeService}, not ${service}` };
  const signedAt = Date.UTC(+when[1]!, +when[2]! - 1, +when[3]!, +when[4]!, +when[5]!, +when[6]!);
  if (now > signedAt + expires * 1000) return { ok: false, code: 'AccessDenied', reason: 'Request has expired' };
  const secret = secretOf(accessKeyId!);
  if (!secret) return { ok: false, code: 'InvalidAccessKeyId', reason: `unknown access key ${accessKeyId}` };
  const signedHeaders = signedList.split(';');
  if (!signedHeaders.includes('host')) return { ok: false, code: 'AuthorizationQueryParametersError', reason: 'host must be signed' };
  let headers = '';
  for (const name of signedHeaders) {
    const v = req.headers[name];
    if (v === undefined) return { ok: false, code: 'SignatureDoesNotMatch', reason: `signed header ${name} is missing` };
    headers += `${name}:${(Array.isArray(v) ? v.join(',') : String(v)).trim().replace(/\s+/g, ' ')}\n`;
  }
  const uri = rawPath
    .split('/')
    .map((seg) => rfc3986(decodeURIComponent(seg)))
    .join('/');
  const query = params
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonical = [req.method, uri, query, headers, signedList, 'UNSIGNED-PAYLOAD'].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  let key: Buffer = createHmac('sha256', `AWS4${secret}`).update(day!).digest();
  for (const part of [region!, service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  const expected = createHmac('sha256', key).update(toSign).digest('hex');
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature)))
    return { ok: false, code: 'SignatureDoesNotMatch', reason: 'the signature does not match' };
  return { ok: true, accessKeyId: accessKeyId!, region: region!, service, signedHeaders, expires, sessionToken: q('X-Amz-Security-Token') };
}
