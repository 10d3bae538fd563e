// What the connections code tells an observer (the server's metrics) about the
// token requests it makes: one call per request to a token endpoint or to STS.
import * as client from 'openid-client';
import { TokenFailure } from './oauth.js';

export type TokenKind = 'client_credentials' | 'authorization_code' | 'refresh' | 'assume_role';
/** success; refused: the endpoint answered with an error (e.g. invalid_grant); error: no usable answer (unreachable, malformed). */
export type TokenOutcome = 'success' | 'refused' | 'error';
export type TokenObserver = (kind: TokenKind, outcome: TokenOutcome) => void;

/** How a failed token request ended. */
export function failureOutcome(err: unknown): TokenOutcome {
  if (err instanceof TokenFailure) return err.httpStatus !== undefined ? 'refused' : 'error';
  if (err instanceof client.ResponseBodyError || err instanceof client.WWWAuthenticateChallengeError) return 'refused';
  const status = (err as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
  return typeof status === 'number' && status >= 400 ? 'refused' : 'error';
}
