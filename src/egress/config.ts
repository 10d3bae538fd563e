// What the egress module is built from: the exceptions to the refusal list, the
// extra trusted CAs, the VPC connections, and the limits.
import { X509Certificate } from 'node:crypto';
import dns from 'node:dns';
import tls from 'node:tls';

/** One VPC connection: the private ranges its connectors may reach, and optionally a proxy. */
export interface EgressProfile {
  id: string;
  /** Addresses (outside the public internet) that requests using this profile may reach. */
  allowCidrs: string[];
  /** An HTTP(S) proxy reached with CONNECT; it is configuration, so its own address is trusted. */
  proxy?: string;
  /**
   * The accounts whose connectors may use this profile. When set, a request naming the
   * profile must name one of them as its tenant, else it is refused exactly as for a
   * profile that is not configured. Unset: any request may use it (a bare Egress, tests).
   */
  accounts?: string[];
  /** With `accounts`: the regions it serves; unset: every region. */
  regions?: string[];
}

/** Whose request it is: the account and region of the connector it is made for. */
export interface EgressTenant {
  accountId: string;
  region: string;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface EgressConfig {
  /** `--egress-allow CIDR`: non-public addresses that requests without a profile may reach. */
  allowCidrs: string[];
  /** `--ca-file`: PEM certificates trusted in addition to Node's default roots. */
  caPems: string[];
  /** VPC connections, keyed by VpcConnectionArn. */
  vpcProfiles: Record<string, EgressProfile>;
  /** TCP connect plus TLS handshake, per connection; opening a proxy tunnel has the same bound again. */
  connectTimeoutMs: number;
  /** The whole request: DNS, connections, every redirect hop, the whole body. */
  totalTimeoutMs: number;
  /** The largest response body read; a larger one is aborted while it streams. */
  maxResponseBytes: number;
  /** Bytes of response bodies held at one time, all requests together; a body past it fails as 'busy'. */
  maxBufferedBytes: number;
  /** Redirects followed at most; one more is an error. */
  maxRedirects: number;
  /**
   * Open connections to one upstream (profile, origin, checked address) at most; more
   * concurrent requests wait for one (within totalTimeoutMs). Bounds the TLS handshakes,
   * sockets and memory a burst of invocations costs: 1,000 at once opened ~600.
   */
  maxConnectionsPerOrigin: number;
  /** The name resolver; tests inject one. Defaults to the system resolver (getaddrinfo). */
  resolve: Resolver;
  /** How long a name's addresses are used before it is looked up again, in ms (dns-cache.ts); 0: every request looks it up. */
  dnsCacheMs: number;
}

export const systemResolver: Resolver = async (hostname) => {
  const found = await dns.promises.lookup(hostname, { all: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

export const egressDefaults: EgressConfig = {
  allowCidrs: [],
  caPems: [],
  vpcProfiles: {},
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 30_000,
  maxResponseBytes: 10 * 1024 * 1024,
  maxBufferedBytes: 256 * 1024 * 1024,
  maxRedirects: 5,
  maxConnectionsPerOrigin: 128,
  resolve: systemResolver,
  dnsCacheMs: 10_000,
};

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The certificates in `caPems`, one PEM each (an entry may be a bundle, as a
 * --ca-file often is). Node silently ignores a CA it cannot parse, so anything
 * that is not a certificate is an error here, at start-up.
 */
export function splitCaPems(caPems: readonly string[]): string[] {
  return caPems.flatMap((pem, i) => {
    const certs = pem.match(PEM_CERTIFICATE) ?? [];
    if (certs.length === 0) throw new TypeError(`egress CA #${i + 1} contains no PEM certificate`);
    for (const cert of certs) {
      try {
        new X509Certificate(cert);
      } catch (err) {
        throw new TypeError(`egress CA #${i + 1} contains a certificate that cannot be parsed`, { cause: err });
      }
    }
    return certs;
  });
}

/**
 * The CA list for TLS verification: `undefined` (Node's defaults) when there are
 * no extra CAs, otherwise Node's default roots plus the extra ones, since giving
 * `ca` to Node replaces its roots instead of adding to them.
 */
export function trustedCas(caPems: readonly string[]): string[] | undefined {
  if (caPems.length === 0) return undefined;
  // Node >= 22.15 can report the default set including NODE_EXTRA_CA_CERTS; older Nodes have only the bundle.
  const getCa = (tls as { getCACertificates?: (type: 'default') => string[] }).getCACertificates;
  const roots = typeof getCa === 'function' ? getCa('default') : tls.rootCertificates;
  return [...roots, ...splitCaPems(caPems)];
}

// Building a context parses every root certificate (~100 ms); contexts are
// immutable, so Egress instances with the same extra CAs share one.
const contexts = new Map<string, tls.SecureContext>();

/** The TLS context every egress connection uses: the trusted CAs, TLS 1.2 at least. */
export function secureContextFor(caPems: readonly string[]): tls.SecureContext {
  const key = caPems.join('\n');
  let context = contexts.get(key);
  if (!context) {
    context = tls.createSecureContext({ ca: trustedCas(caPems), minVersion: 'TLSv1.2' });
    if (contexts.size >= 8) contexts.delete(contexts.keys().next().value!);
    contexts.set(key, context);
  }
  return context;
}
