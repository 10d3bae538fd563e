// Checking an AWS Signature Version 4 the way an AWS front door does, for the
// test stand-ins (STS, an AWS service): recompute the signature over the signed
// headers of the request as received, with the secret of the access key named
// in the credential scope, and compare.
import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
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
