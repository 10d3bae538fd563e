// Counting a test server's TCP connections, to prove that nothing leaks: after a
// failed or finished exchange the count of open connections must return to 0.
import type net from 'node:net';

export interface ConnectionCount {
  /** Connections open now. */
  readonly open: number;
  /** Connections accepted since the server started. */
  readonly total: number;
  /** Destroys every open connection (for closing the server). */
  destroyAll(): void;
}

export function trackConnections(server: net.Server): ConnectionCount {
  const sockets = new Set<net.Socket>();
  let total = 0;
  server.on('connection', (socket: net.Socket) => {
    total += 1;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return {
    get open() {
      return sockets.size;
    },
    get total() {
      return total;
    },
    destroyAll() {
      for (const socket of sockets) socket.destroy();
    },
  };
}
