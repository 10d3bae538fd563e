// Opening a connection to exactly the address that was checked.
//
// undici's own connector would look the host name up again (a second, unchecked
// DNS answer: the DNS-rebinding hole). Ours is handed the checked address and
// connects to it, directly or through the profile's proxy tunnel, while TLS still
// uses the host name for SNI and certificate verification.
import net from 'node:net';
import type { Duplex } from 'node:stream';
import type { SecureContext } from 'node:tls';
import { Client, type buildConnector, type Dispatcher } from 'undici';
import { EgressError } from './errors.js';

/** One hop's destination after resolution and checking. */
export interface PinnedTarget {
  /** The URL's host name (or IP literal, without brackets): SNI and certificate identity. */
  hostname: string;
  /** The checked address, canonical; the only address connected to. */
  address: string;
  port: number;
  /** The URL's origin, e.g. `https://api.example.com:8443`. */
  origin: string;
}

/**
 * CONNECT tunnels through an HTTP(S) proxy. A tunnel is opened to the checked
 * address, not the host name, so the proxy cannot resolve it differently.
 * Each tunnel uses its own proxy connection, which becomes the tunnel: nothing
 * is left idle at the proxy.
 */
export class ProxyTunnel {
  private readonly headers: Record<string, string> = {};

  constructor(
    private readonly proxy: URL,
    private readonly timeoutMs: number,
    private readonly secureContext: SecureContext,
  ) {
    if (proxy.username || proxy.password) {
      const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
      this.headers['proxy-authorization'] = `Basic ${Buffer.from(user).toString('base64')}`;
    }
  }

  async open(address: string, port: number): Promise<Duplex> {
    const authority = `${net.isIPv6(address) ? `[${address}]` : address}:${port}`;
    const signal = AbortSignal.timeout(this.timeoutMs);
    const client = new Client(this.proxy.origin, { connect: { timeout: this.timeoutMs, secureContext: this.secureContext } });
    let tunnel: Dispatcher.ConnectData;
    try {
      tunnel = await client.connect({
        path: authority,
        headers: { ...this.headers, host: authority },
        signal,
      });
    } catch (err) {
      if (signal.aborted) throw new EgressError('connect-timeout', 'Timed out opening a tunnel through the proxy', { cause: err });
      throw err;
    } finally {
      // After a successful CONNECT the socket belongs to the tunnel, not the client.
      void client.destroy();
    }
    if (tunnel.statusCode !== 200) {
      tunnel.socket.destroy();
      throw new EgressError('connection', `The proxy refused the tunnel (HTTP ${tunnel.statusCode})`);
    }
    return tunnel.socket;
  }
}

/**
 * An undici connector for one pinned target. `tls` is the shared TLS connector
 * (trusted CAs, connect timeout); it is called with the checked address as the
 * host to dial and the URL's host name as servername.
 */
export function pinnedConnector(tls: buildConnector.connector, target: PinnedTarget, tunnel?: ProxyTunnel): buildConnector.connector {
  // RFC 6066 §3: SNI carries host names only. For an IP literal, Node verifies the
  // certificate against the address (an IP SAN).
  const servername = net.isIP(target.hostname) ? undefined : target.hostname;
  return (opts, callback) => {
    const handshake = (httpSocket?: Duplex) =>
      tls({ ...opts, hostname: target.address, servername, httpSocket: httpSocket as net.Socket | undefined }, callback);
    if (!tunnel) return handshake();
    tunnel.open(target.address, target.port).then(handshake, (err: Error) => callback(err, null));
  };
}
