// A real HTTPS server on loopback, port 0, with a certificate from a test CA.
import https from 'node:https';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { trackConnections, type ConnectionCount } from './connections.js';
import type { TestCert } from './tls.js';

export interface TestHttpsServer {
  readonly server: https.Server;
  readonly port: number;
  /** The address it listens on. */
  readonly host: string;
  readonly connections: ConnectionCount;
  /** `https://<hostname>:<port><path>`; hostname defaults to the listening address. */
  url(path?: string, hostname?: string): string;
  close(): Promise<void>;
}

export interface HttpsServerOptions {
  cert: TestCert;
  handler: http.RequestListener;
  /** Listening address, default 127.0.0.1 (any of 127.0.0.0/8 works on Linux). */
  host?: string;
}

export async function startHttpsServer({ cert, handler, host = '127.0.0.1' }: HttpsServerOptions): Promise<TestHttpsServer> {
  const server = https.createServer({ cert: cert.certPem, key: cert.keyPem }, handler);
  const connections = trackConnections(server);
  // A client that fails verification aborts the handshake; that is expected here.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostPart = (name: string) => (name.includes(':') ? `[${name}]` : name);
  return {
    server,
    port,
    host,
    connections,
    url: (path = '/', hostname = host) => `https://${hostPart(hostname)}:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        connections.destroyAll();
      }),
  };
}
