// A TLS-terminating reverse proxy in front of ActionBridge's plain-HTTP listener,
// as a deployment puts one: browsers reach https://127.0.0.1:<port>, and the
// connectors' RedirectUrl (https, by validation) points here. It is started
// before the server (whose publicUrl names it); setBackend() then points it there.
import http from 'node:http';
import { startHttpsServer, type TestHttpsServer } from './https-server.js';
import type { TestCa } from './tls.js';

export interface TlsFront extends TestHttpsServer {
  /** `https://127.0.0.1:<port>`: the server's publicUrl. */
  readonly publicUrl: string;
  setBackend(endpoint: string): void;
}

export async function startTlsFront(ca: TestCa): Promise<TlsFront> {
  let target: URL | undefined;
  const server = await startHttpsServer({
    cert: ca.issue({ dnsNames: ['localhost'], ips: ['127.0.0.1'] }),
    handler: (req, res) => {
      if (!target) {
        res.writeHead(503).end();
        return;
      }
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host, 'x-forwarded-proto': 'https' },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    },
  });
  return {
    ...server,
    publicUrl: `https://127.0.0.1:${server.port}`,
    setBackend(endpoint: string) {
      target = new URL(endpoint);
    },
  };
}
