// OAuth 2.0 through openid-client, with every request to a token endpoint sent
// through the egress path (customFetch), and the one place where token-endpoint
// failures become TokenResponseException.
import * as client from 'openid-client';
import type { Egress, EgressTenant } from '../egress/index.js';
import { isEgressError } from '../egress/index.js';
import { ServiceError } from '../protocol/errors.js';
import type { OAuthClient } from './connector-auth.js';
import type { TypeScheme } from './schemes.js';
import type { CredentialScrubber } from './scrub.js';

/** A token endpoint (or STS) refused or failed: TokenResponseException, with what the test result needs. */
export class TokenFailure extends ServiceError {
  constructor(
    message: string,
    /** The endpoint's HTTP status, when it answered. */
    readonly httpStatus?: number,
    /** The provider's error code (RFC 6749 §5.2), when it gave one. */
    readonly oauthError?: string,
  ) {
    super('TokenResponseException', message);
  }
}

export interface OAuthEndpoints {
  tokenEndpoint: string;
  authorizationEndpoint?: string;
  /**
   * The authorization server's issuer identifier. The connector model has no such
   * member: by default the token endpoint's origin; the callback passes the RFC 9207
   * `iss` the server sent. It only serves openid-client's consistency checks (an ID
   * token, if one is returned, is not used): what keeps codes and refresh tokens
   * with the right server is that each connector has exactly one token endpoint.
   */
  issuer?: string;
  /** How the client authenticates at the token endpoint, when not the type's (a client registered at an MCP server's authorization server). */
  tokenEndpointAuth?: 'client_secret_basic' | 'client_secret_post' | 'none';
}

/** An openid-client Configuration for one connector's client; its requests leave through `egress`. */
export function oauthConfig(
  egress: Egress,
  route: { profile?: string; tenant?: EgressTenant },
  oauth: OAuthClient,
  scheme: TypeScheme,
  endpoints: OAuthEndpoints = { tokenEndpoint: oauth.tokenEndpoint },
): client.Configuration {
  const server: client.ServerMetadata = {
    issuer: endpoints.issuer ?? new URL(endpoints.tokenEndpoint).origin,
    token_endpoint: endpoints.tokenEndpoint,
    ...(endpoints.authorizationEndpoint ? { authorization_endpoint: endpoints.authorizationEndpoint } : {}),
  };
  const method = endpoints.tokenEndpointAuth ?? scheme.tokenEndpointAuth;
  const auth =
    method === 'none'
      ? client.None()
      : method === 'client_secret_post'
        ? client.ClientSecretPost(oauth.clientSecret)
        : client.ClientSecretBasic(oauth.clientSecret);
  const config = new client.Configuration(server, oauth.clientId, undefined, auth);
  config[client.customFetch] = egress.fetcher(route.profile, route.tenant) as client.CustomFetch;
  return config;
}

/**
 * What an OAuth client sends to its token endpoint, as credential material: the
 * secret, and the exact `Authorization: Basic` value of client_secret_basic (the id
 * and secret form-encoded before they are joined, RFC 6749 §2.3.1).
 */
export function clientMaterial(oauth: OAuthClient): string[] {
  if (!oauth.clientSecret) return [];
  const headers = new Headers();
  try {
    void client.ClientSecretBasic(oauth.clientSecret)({ issuer: 'https://issuer.invalid' }, { client_id: oauth.clientId }, new URLSearchParams(), headers);
  } catch {
    /* an id or secret the method refuses: nothing was sent that way */
  }
  return [oauth.clientSecret, headers.get('authorization') ?? undefined, `${oauth.clientId}:${oauth.clientSecret}`].filter((v): v is string => !!v);
}

/** The token set kept (sealed) for a connector or an end user. */
export interface TokenSet {
  accessToken: string;
  tokenType: string;
  refreshToken?: string;
  scope?: string;
  /** The issuer the tokens were obtained from (see OAuthEndpoints.issuer). */
  issuer?: string;
}

export interface Minted {
  set: TokenSet;
  /** Lifetime in seconds, when the provider said (expires_in). */
  expiresIn?: number;
}

export function fromTokenResponse(res: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers, previous?: TokenSet, issuer?: string): Minted {
  const set: TokenSet = { accessToken: res.access_token, tokenType: res.token_type ?? 'bearer' };
  // A refresh that returns no refresh token keeps the old one (RFC 6749 §6); one that returns a new one rotates it.
  const refreshToken = res.refresh_token ?? previous?.refreshToken;
  if (refreshToken) set.refreshToken = refreshToken;
  const scope = res.scope ?? previous?.scope;
  if (scope) set.scope = scope;
  const iss = issuer ?? previous?.issuer;
  if (iss) set.issuer = iss;
  const expiresIn = res.expiresIn();
  return expiresIn !== undefined ? { set, expiresIn } : { set };
}

/** Finds an error of a kind somewhere in a cause chain (openid-client wraps fetch failures). */
function inCauses<T>(err: unknown, test: (e: unknown) => e is T): T | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 8; e = typeof e === 'object' && 'cause' in e ? e.cause : undefined, depth++) {
    if (test(e)) return e;
  }
  return undefined;
}

/** A single line of at most `max` printable characters: remote text put in a message. */
export function printable(s: string, max = 200): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced, to keep remote text on one line
  const one = s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

const OAUTH_ERROR_CODE = /^[\x20-\x21\x23-\x5b\x5d-\x7e]{1,64}$/; // RFC 6749 §5.2: error is NQSCHAR

/** An RFC 6749 §5.2 `error` code as given, or invalid_response when it is not one (or carries credential material). */
export function oauthErrorCode(error: unknown, scrubber?: CredentialScrubber): string {
  if (typeof error !== 'string' || !OAUTH_ERROR_CODE.test(error)) return 'invalid_response';
  return scrubber && scrubber.text(error) !== error ? 'invalid_response' : error;
}

/** An `error_description` fit for a message: scrubbed of the credentials sent, NQSCHAR only (RFC 6749 §5.2), one bounded line. */
export function oauthErrorDescription(description: unknown, scrubber: CredentialScrubber, max = 160): string | undefined {
  if (typeof description !== 'string' || !description) return undefined;
  const clean = printable(scrubber.text(description.slice(0, 4096)), max).replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e…]/g, '?');
  // Scrubbed again: cutting and replacing must not have put a credential back together.
  return scrubber.text(clean) || undefined;
}

/**
 * The TokenResponseException for a failed token request: the provider's error code
 * (RFC 6749 §5.2) and its error_description scrubbed of `scrubber`'s material (the
 * client's secret in any encoding, the refresh token sent) when it refused — never
 * its body — or why the endpoint could not be used.
 * `what` names the request, e.g. "client-credentials token request".
 */
export async function tokenFailure(err: unknown, what: string, endpoint: string, scrubber: CredentialScrubber): Promise<TokenFailure | ServiceError> {
  if (err instanceof ServiceError) return err;
  const origin = URL.canParse(endpoint) ? new URL(endpoint).origin : 'the token endpoint';
  const refused = (status: number, error: unknown, description: unknown) => {
    const code = oauthErrorCode(error, scrubber);
    const text = oauthErrorDescription(description, scrubber);
    return new TokenFailure(`The token endpoint ${origin} refused the ${what}: ${code}${text ? ` (${text})` : ''}.`, status, code);
  };
  if (err instanceof client.ResponseBodyError) return refused(err.status, err.error, err.error_description);
  if (err instanceof client.WWWAuthenticateChallengeError) {
    // A 401 with a challenge (RFC 6749 §5.2, invalid_client): the code is in the challenge or the body.
    const params = err.cause.find((c) => c.parameters.error)?.parameters;
    let body: Record<string, unknown> = {};
    if (!params) {
      try {
        body = (await err.response.clone().json()) as Record<string, unknown>;
      } catch {
        /* no JSON body */
      }
    }
    return refused(err.status, params?.error ?? body.error ?? 'invalid_client', params?.error_description ?? body.error_description);
  }
  const egress = inCauses(err, isEgressError);
  if (egress) return new TokenFailure(`The token endpoint could not be reached for the ${what}: ${egress.message}.`);
  const status = inCauses(err, (e): e is Response => e instanceof Response)?.status;
  const why = err instanceof Error ? printable(scrubber.text(err.message), 120) : 'unexpected failure';
  return new TokenFailure(`The token endpoint ${origin} gave no valid answer to the ${what}${status ? ` (HTTP ${status})` : ''}: ${why}.`, status);
}
