// An HTTP proxy that only tunnels (CONNECT), as a VPC egress proxy would.
// It records the authority of every tunnel it was asked for.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { trackConnections, type ConnectionCount } from './connections.js';

export interface TestConnectProxy {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** The `host:port` of each CONNECT request, in order. */
  readonly tunnels: string[];
  /** The Proxy-Authorization header of each CONNECT request (undefined when absent). */
  readonly authorizations: Array<string | undefined>;
  readonly connections: ConnectionCount;
  close(): Promise<void>;
}

export interface ConnectProxyOptions {
  /** Answer CONNECT with this status instead of tunnelling (e.g. 403). */
  refuseWith?: number;
}

export async function startConnectProxy({ refuseWith }: ConnectProxyOptions = {}): Promise<TestConnectProxy> {
  const tunnels: string[] = [];
  const authorizations: Array<string | undefined> = [];
  const server = http.createServer((_req, res) => {
    res.writeHead(405).end();
  });
  const connections = trackConnections(server);
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const authority = req.url ?? '';
    tunnels.push(authority);
    authorizations.push(req.headers['proxy-authorization']);
    client.on('error', () => {});
    const url = URL.canParse(`http://${authority}`) ? new URL(`http://${authority}`) : undefined;
    const host = url?.hostname.replace(/^\[|\]$/g, '') ?? '';
    // Tests never reach beyond this machine: the proxy only tunnels to loopback.
    const loopback = (net.isIPv4(host) && host.startsWith('127.')) || host === '::1';
    if (refuseWith || !url || !loopback) {
      client.end(`HTTP/1.1 ${refuseWith ?? 403} Refused\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const upstream = net.connect(Number(url.port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    tunnels,
    authorizations,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        connections.destroyAll();
      }),
  };
}
