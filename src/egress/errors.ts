// The closed set of reasons an outbound request fails, and the one place where
// socket, TLS and undici errors are turned into them.

export type EgressErrorReason =
  /** The destination resolves to an address the policy refuses (checked before any connection). */
  | 'refused-address'
  /** The host name could not be resolved. */
  | 'dns'
  /** The TCP connection and TLS handshake did not complete within connectTimeoutMs. */
  | 'connect-timeout'
  /** The whole exchange, redirects included, did not complete within totalTimeoutMs. */
  | 'timeout'
  /** The response body is larger than maxResponseBytes. */
  | 'response-too-large'
  /** The response body would take the bytes held at once, all requests together, past maxBufferedBytes. */
  | 'busy'
  /** The server's certificate could not be verified, or the handshake failed. */
  | 'tls'
  /** More than maxRedirects redirects. */
  | 'too-many-redirects'
  /** A redirect to a URL that is not https. */
  | 'insecure-redirect'
  /** The connection was refused, reset or closed early, or a proxy refused the tunnel. */
  | 'connection'
  /** The URL is not an absolute https URL without credentials. */
  | 'bad-url'
  /** A header value has characters HTTP/1.1 cannot carry (controls, or above U+00FF). */
  | 'bad-header'
  /** The request names an egress profile (VPC connection) that is not configured. */
  | 'unknown-profile';

export class EgressError extends Error {
  override readonly name = 'EgressError';
  readonly reason: EgressErrorReason;

  constructor(reason: EgressErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

export const isEgressError = (err: unknown): err is EgressError => err instanceof EgressError;

// OpenSSL certificate verification results as Node reports them in `err.code`.
const CERT_CODES = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_CHAIN_TOO_LONG',
  'CERT_REVOKED',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
]);

const UNTRUSTED = 'the certificate is not issued by a trusted CA';
const TLS_EXPLANATIONS: Record<string, string> = {
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is not valid for this host',
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not yet valid',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: UNTRUSTED,
  UNABLE_TO_GET_ISSUER_CERT: UNTRUSTED,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: UNTRUSTED,
  SELF_SIGNED_CERT_IN_CHAIN: UNTRUSTED,
  DEPTH_ZERO_SELF_SIGNED_CERT: UNTRUSTED,
};

function isTlsFailure(code: string | undefined, err: { library?: unknown }): boolean {
  if (code && (CERT_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_'))) return true;
  return err.library === 'SSL routines';
}

/**
 * Turns whatever a connection attempt threw into an EgressError. `target` names
 * the destination as the caller wrote it (scheme, host, port); the message never
 * names the address it resolved to, and the underlying error is kept as `cause`.
 */
export function toEgressError(err: unknown, target: string): EgressError {
  if (err instanceof EgressError) return err;
  const e = (err ?? {}) as { code?: unknown; library?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new EgressError('connect-timeout', `Timed out connecting to ${target}`, { cause: err });
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new EgressError('timeout', `Timed out waiting for ${target}`, { cause: err });
  }
  if (isTlsFailure(code, e)) {
    const why = (code && TLS_EXPLANATIONS[code]) ?? `the TLS handshake failed${code ? ` (${code})` : ''}`;
    return new EgressError('tls', `TLS with ${target} failed: ${why}`, { cause: err });
  }
  // The socket error (refused, reset, unreachable) stays in `cause`, for logs.
  return new EgressError('connection', `Connection to ${target} failed`, { cause: err });
}
