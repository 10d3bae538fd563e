// A protected resource (the connector's service) on HTTPS: it accepts a Bearer
// token only if `validate` says so, answering 401 with a WWW-Authenticate
// challenge otherwise, and records every Authorization header it saw.
import type http from 'node:http';
import { startHttpsServer, type TestHttpsServer } from './https-server.js';
import type { TestCa } from './tls.js';

export interface ResourceServer extends TestHttpsServer {
  /** Authorization headers received, in order (undefined when absent). */
  readonly seen: (string | undefined)[];
}

export async function startResourceServer(ca: TestCa, validate: (token: string) => Promise<boolean>): Promise<ResourceServer> {
  const seen: (string | undefined)[] = [];
  const handler: http.RequestListener = (req, res) => {
    const auth = req.headers.authorization;
    seen.push(auth);
    const token = /^Bearer (\S+)$/.exec(auth ?? '')?.[1];
    void (async () => {
      const ok = token !== undefined && (await validate(token));
      if (!ok) {
        res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"', 'content-type': 'application/json' }).end('{"error":"invalid_token"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, path: req.url }));
    })();
  };
  const server = await startHttpsServer({ cert: ca.issue({ dnsNames: ['localhost'], ips: ['127.0.0.1'] }), handler });
  return { ...server, seen };
}
