// A stand-in for a SaaS API: a real HTTPS server on loopback with a certificate
// from a test CA, answering a few routes that exercise an HTTP client.
//
//   /echo                 200, JSON of the request: method, path, headers, body
//   /status/<code>        that status, empty body
//   /redirect?to=<url>[&status=302][&bytes=<n>[&chunked=1]]   a redirect to <url> (its body
//                         "moved", or n bytes: with a Content-Length, or chunked)
//   /chain/<n>            n redirects (relative) before a 200 "done"
//   /bytes/<n>            200 with n bytes and a Content-Length
//   /endless              200, chunked, writes until the client goes away
//   /drip?every=<ms>      200, one byte every <ms> ms, never ends
//   /hang                 never answers
//   /close-mid            promises 100 bytes, sends 10, closes the connection
import type http from 'node:http';
import { startHttpsServer, type TestHttpsServer } from './https-server.js';
import { createTestCa, type TestCa } from './tls.js';

export interface Upstream extends TestHttpsServer {
  ca: TestCa;
  /** Bytes written by /endless so far. */
  readonly endlessBytes: number;
}

export interface UpstreamOptions {
  /** DNS names in the certificate (default api.test.example, other.test.example). */
  dnsNames?: string[];
  /** Listening address (default 127.0.0.1); it is also in the certificate. */
  host?: string;
  /** Use this CA instead of a new one. */
  ca?: TestCa;
}

export async function startUpstream({
  dnsNames = ['api.test.example', 'other.test.example'],
  host = '127.0.0.1',
  ca = createTestCa(),
}: UpstreamOptions = {}): Promise<Upstream> {
  let endlessBytes = 0;
  const timers = new Set<NodeJS.Timeout>();

  const handler: http.RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'https://upstream.invalid');
    const parts = url.pathname.split('/').filter(Boolean);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      switch (parts[0]) {
        case 'echo': {
          const body = JSON.stringify({
            method: req.method,
            path: req.url,
            headers: req.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
          res.writeHead(200, { 'content-type': 'application/json' }).end(body);
          return;
        }
        case 'status':
          res.writeHead(Number(parts[1])).end();
          return;
        case 'redirect': {
          const status = Number(url.searchParams.get('status') ?? 302);
          const location = url.searchParams.get('to') ?? '/';
          const bytes = url.searchParams.get('bytes');
          if (bytes === null) res.writeHead(status, { location }).end('moved');
          else {
            const body = Buffer.alloc(Number(bytes), 0x6d);
            if (url.searchParams.get('chunked')) {
              res.writeHead(status, { location });
              res.on('error', () => {});
              for (let i = 0; i < body.length; i += 16 * 1024) res.write(body.subarray(i, i + 16 * 1024));
              res.end();
            } else res.writeHead(status, { location, 'content-length': body.length }).end(body);
          }
          return;
        }
        case 'chain': {
          const n = Number(parts[1]);
          if (n > 0) res.writeHead(302, { location: `/chain/${n - 1}` }).end();
          else res.writeHead(200, { 'content-type': 'text/plain' }).end('done');
          return;
        }
        case 'bytes': {
          const n = Number(parts[1]);
          res.writeHead(200, { 'content-length': n }).end(Buffer.alloc(n, 0x61));
          return;
        }
        case 'endless': {
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          const chunk = Buffer.alloc(64 * 1024, 0x62);
          const pump = () => {
            while (!res.destroyed) {
              endlessBytes += chunk.length;
              if (!res.write(chunk)) return void res.once('drain', pump);
            }
          };
          res.on('error', () => {});
          pump();
          return;
        }
        case 'drip': {
          const every = Number(url.searchParams.get('every') ?? 100);
          res.writeHead(200, { 'content-type': 'text/plain' });
          const timer = setInterval(() => {
            if (res.destroyed) return;
            res.write('.');
          }, every);
          timers.add(timer);
          res.on('close', () => {
            clearInterval(timer);
            timers.delete(timer);
          });
          return;
        }
        case 'hang':
          return;
        case 'close-mid':
          res.writeHead(200, { 'content-length': 100 });
          res.write(Buffer.alloc(10, 0x63));
          setImmediate(() => req.socket.destroy());
          return;
        default:
          res.writeHead(404).end('not found');
      }
    });
  };

  const server = await startHttpsServer({ cert: ca.issue({ dnsNames, ips: [host] }), handler, host });
  return {
    ...server,
    ca,
    get endlessBytes() {
      return endlessBytes;
    },
    close: async () => {
      for (const t of timers) clearInterval(t);
      await server.close();
    },
  };
}
