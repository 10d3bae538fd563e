// Helpers of test/security-bounds.test.ts: raw HTTP requests whose body is sent in
// full, in part, or held open; a process's resident memory from /proc; and an HTTPS
// upstream that answers large bodies all at once, or cuts them off.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/core/transport';
import { startHttpsServer, type TestHttpsServer } from './https-server.js';
import type { TestCa } from './tls.js';

/** VmRSS (now) and VmHWM (the peak so far) of a process, in bytes (Linux). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

export const MiB = 1024 * 1024;

/** SigV4 headers of the right form (in scope, in time) that no secret signed: enough to be admitted, never to be verified. */
export function unsignedSigV4(accessKeyId: string, now = new Date()): Record<string, string> {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return {
    'x-amz-date': amzDate,
    authorization:
      `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${amzDate.slice(0, 8)}/us-east-1/quicksight/aws4_request, ` +
      `SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
  };
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The error that ended the exchange before an answer came (status 0), e.g. EPIPE when the server answered early and closed. */
  cut?: string;
}

/** Sends `body` in full and reads the answer (an answer that comes before the body is all sent counts too). */
export function rawRequest(
  endpoint: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
  opts: { tolerateCut?: boolean } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, endpoint), {
      method,
      headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
      agent: false,
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // A server that answers early and closes may cut the upload short: the answer is what counts.
    req.on('error', (e: Error & { code?: string }) => {
      if (answered) return;
      if (opts.tolerateCut) resolve({ status: 0, headers: {}, body: '', cut: e.code ?? e.message });
      else reject(e);
    });
    req.end(body);
  });
}

/**
 * Sends the headers (announcing `declared` bytes of body) and `sent` bytes of the body,
 * then waits up to `waitMs` for an answer without sending the rest. Returns the answer,
 * or 'no answer' (the server is still reading). `hold`: leave the request open (the
 * returned `abort` ends it) instead of ending it after the wait.
 */
export async function partialRequest(
  endpoint: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  declared: number,
  sent: number,
  waitMs: number,
  hold = false,
): Promise<{ answer: RawAnswer | 'no answer'; abort(): void }> {
  const req = http.request(new URL(path, endpoint), { method, headers: { ...headers, 'content-length': String(declared) }, agent: false });
  req.on('error', () => {});
  const answer = new Promise<RawAnswer>((resolve) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => {});
    });
  });
  req.flushHeaders();
  if (sent > 0) req.write(Buffer.alloc(sent, 0x20));
  const got = await Promise.race([answer, new Promise<'no answer'>((r) => setTimeout(() => r('no answer'), waitMs))]);
  const abort = () => req.destroy();
  if (!hold) abort();
  return { answer: got, abort };
}

export interface BigUpstream extends TestHttpsServer {
  /** Raw request paths received. */
  readonly paths: string[];
  /** `/big` answers wait until this many have arrived (or 5 s passed), then all go at once. */
  barrier(n: number): void;
}

/**
 * `/…/big`: `size` bytes of text with a Content-Length, all answers released together
 * at the barrier; `/…/cut`: announces `size` bytes, sends 1 MiB and resets the connection;
 * anything else: a small JSON echo of the raw path.
 */
export async function startBigUpstream(ca: TestCa, size: number): Promise<BigUpstream> {
  const payload = Buffer.alloc(size, 0x61);
  const paths: string[] = [];
  let waiting: (() => void)[] = [];
  let needed = 0;
  const release = () => {
    const w = waiting;
    waiting = [];
    for (const f of w) f();
  };
  const server = await startHttpsServer({
    cert: ca.issue({ dnsNames: ['localhost'], ips: ['127.0.0.1'] }),
    handler: (req, res) => {
      req.resume();
      req.on('end', () => {
        const url = req.url ?? '/';
        paths.push(url);
        if (url.endsWith('/big')) {
          waiting.push(() => res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(size) }).end(payload));
          if (waiting.length >= needed) release();
          else setTimeout(release, 5_000).unref();
        } else if (url.endsWith('/cut')) {
          res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(size) });
          res.write(payload.subarray(0, MiB), () => setTimeout(() => res.socket?.destroy(), 50));
        } else {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: url }));
        }
      });
    },
  });
  return Object.assign(server, {
    paths,
    barrier(n: number) {
      needed = n;
    },
  });
}

/** `[[[…]]]` nested `depth` levels, as JSON text. */
export const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** A SigV4-signed request with a body given as text (for bodies JSON.stringify cannot write, such as 100 000 levels of nesting). */
export async function signedRaw(
  endpoint: string,
  creds: { accessKeyId: string; secretAccessKey: string },
  method: string,
  path: string,
  text: string,
): Promise<RawAnswer> {
  const url = new URL(path, endpoint);
  const signer = new SignatureV4({
    credentials: creds,
    region: 'us-east-1',
    service: 'quicksight',
    sha256: Hash.bind(null, 'sha256') as never,
    uriEscapePath: true,
  });
  const signed = await signer.sign(
    new HttpRequest({
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      headers: { host: url.host, 'content-type': 'application/json' },
      body: text,
    }),
  );
  return rawRequest(endpoint, method, path, signed.headers, text);
}
