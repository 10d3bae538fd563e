// Raw TCP servers on loopback for failure cases: one that accepts and never
// speaks (a TLS handshake that never completes), one that resets every connection.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { trackConnections, type ConnectionCount } from './connections.js';

export interface TestTcpServer {
  readonly port: number;
  readonly connections: ConnectionCount;
  close(): Promise<void>;
}

export async function startTcpServer(onConnection: (socket: net.Socket) => void, host = '127.0.0.1'): Promise<TestTcpServer> {
  const server = net.createServer(onConnection);
  const connections = trackConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        connections.destroyAll();
      }),
  };
}

/** Accepts TCP connections and never answers: the client's TLS handshake hangs. */
export const startSilentServer = () =>
  startTcpServer((socket) => {
    socket.on('error', () => {});
    socket.resume(); // read (and drop) what arrives, so that the client's close is seen
  });

/** Answers every connection with a TCP reset (RST). */
export const startResetServer = () =>
  startTcpServer((socket) => {
    socket.on('error', () => {});
    socket.resetAndDestroy();
  });
