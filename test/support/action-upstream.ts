// A programmable stand-in for a connector's service: a real HTTPS server on
// loopback (certificate from a test CA) that records every request exactly as
// received and answers what the test says (by default: an echo of the request).
import type http from 'node:http';
import { startHttpsServer, type TestHttpsServer } from './https-server.js';
import type { TestCa } from './tls.js';

export interface Received {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
}

export type Responder = (req: Received) => Reply | Promise<Reply>;

export interface ActionUpstream extends TestHttpsServer {
  /** Every request received, in order. */
  readonly received: Received[];
  /** Answers from now on (default: the echo). */
  respond(fn: Responder): void;
  /** Back to the echo, and forget what was received. */
  reset(): void;
}

/** `{method, url, headers, body}` of the request, as JSON. */
export const echo: Responder = (req) => ({
  json: { method: req.method, url: req.url, headers: req.headers, body: req.body.toString('utf8') },
});

export async function startActionUpstream(ca: TestCa, opts: { host?: string; dnsNames?: string[] } = {}): Promise<ActionUpstream> {
  const received: Received[] = [];
  let responder: Responder = echo;
  const host = opts.host ?? '127.0.0.1';
  const server = await startHttpsServer({
    host,
    cert: ca.issue({ dnsNames: opts.dnsNames ?? ['localhost'], ips: [host] }),
    handler: (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const rec: Received = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks) };
        received.push(rec);
        void (async () => {
          let r: Reply;
          try {
            r = await responder(rec);
          } catch (e) {
            r = { status: 500, text: String(e) };
          }
          const headers = { ...(r.json !== undefined ? { 'content-type': 'application/json' } : {}), ...r.headers };
          res.writeHead(r.status ?? 200, headers).end(r.json !== undefined ? JSON.stringify(r.json) : (r.text ?? ''));
        })();
      });
    },
  });
  return Object.assign(server, {
    received,
    respond(fn: Responder) {
      responder = fn;
    },
    reset() {
      responder = echo;
      received.length = 0;
    },
  });
}
