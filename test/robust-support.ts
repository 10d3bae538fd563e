// Support for the robust-* tests: raw HTTP requests signed with SigV4 exactly as
// the official SDK signs them (so they reach the protocol layer), the restJson1
// error contract, per-call timeouts, and the model's error lists.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { SignatureV4 } from '@smithy/signature-v4';
import { Hash } from '@smithy/hash-node';
import { ADMIN, REGION, ROOT, type Creds } from './helpers.js';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
}

export interface RawRequest {
  method: string;
  path: string;
  /** Query parameters in wire order; repeated names allowed. */
  query?: [string, string][];
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Send the body in pieces with Transfer-Encoding: chunked (no Content-Length). */
  chunked?: boolean;
  sign?: boolean;
  creds?: Creds;
}

// RFC 3986 encoding, as SigV4 canonicalizes query components.
export const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Sends one request to `endpoint`, SigV4-signed (unless sign: false) exactly as written. */
export async function sendRaw(endpoint: string, r: RawRequest): Promise<RawResponse> {
  const u = new URL(endpoint);
  const host = u.hostname;
  const port = Number(u.port);
  const body = r.body === undefined ? undefined : Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body, 'utf8');
  const pairs = r.query ?? [];
  const rawQuery = pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  const headers: Record<string, string> = { host: `${host}:${port}`, ...(r.headers ?? {}) };
  if (r.sign !== false) {
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of pairs) {
      const prev = query[k];
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    const signer = new SignatureV4({ credentials: r.creds ?? ADMIN, region: REGION, service: 'quicksight', sha256: Hash.bind(null, 'sha256') as never });
    const signed = await signer.sign({
      method: r.method,
      protocol: 'http:',
      hostname: host,
      port,
      path: r.path,
      query,
      headers: { ...headers },
      body,
    });
    Object.assign(headers, signed.headers);
  }
  if (body && !r.chunked) headers['content-length'] = String(body.length);
  if (r.chunked) headers['transfer-encoding'] = 'chunked';
  return new Promise<RawResponse>((resolve, reject) => {
    const req = http.request({ host, port, method: r.method, path: rawQuery ? `${r.path}?${rawQuery}` : r.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: any;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    // The server may answer (and close) before it has read a body it refuses; the answer is what counts.
    req.on('error', (e) => reject(e));
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    if (body && r.chunked) {
      const piece = 64 * 1024;
      for (let i = 0; i < body.length; i += piece) req.write(body.subarray(i, i + piece));
      req.end();
    } else {
      req.end(body);
    }
  });
}

/** The restJson1 error contract: status, x-amzn-ErrorType, x-amzn-RequestId, body {Message, RequestId}. */
export function expectAwsError(res: RawResponse, status: number, type: string, message?: RegExp): void {
  const detail = `${res.status} ${JSON.stringify(res.headers)} ${res.text.slice(0, 500)}`;
  expect(res.status, detail).toBe(status);
  expect(res.headers['x-amzn-errortype'], detail).toBe(type);
  const rid = res.headers['x-amzn-requestid'];
  expect(typeof rid === 'string' && rid.length > 0, detail).toBe(true);
  expect(res.headers['content-type'], detail).toMatch(/^application\/json/);
  expect(res.json, detail).toBeTypeOf('object');
  expect(typeof res.json.Message, detail).toBe('string');
  expect(res.json.Message.length, detail).toBeGreaterThan(0);
  expect(res.json.RequestId, detail).toBe(rid);
  if (message) expect(res.json.Message, detail).toMatch(message);
}

/** Rejects with a "hang" error when `p` has not settled within `ms`. */
export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_r, reject) => {
        timer = setTimeout(() => reject(new Error(`HANG: ${what} did not answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

interface ModelFile {
  operations: Record<string, { errors?: { shape: string }[] }>;
  shapes: Record<string, any>;
}
export const MODEL: ModelFile = JSON.parse(readFileSync(path.join(ROOT, 'model', 'quicksight-action-connectors.model.json'), 'utf8'));

/** The error shape names the model lists for an operation. */
export function modelErrors(op: string): string[] {
  const o = MODEL.operations[op];
  if (!o) throw new Error(`no operation ${op} in the model`);
  return (o.errors ?? []).map((e) => e.shape);
}

/** An enum's values, from the model. */
export function modelEnum(shape: string): string[] {
  const s = MODEL.shapes[shape];
  if (!s?.enum) throw new Error(`no enum shape ${shape} in the model`);
  return s.enum as string[];
}
