// Records of the outbound half (PRODUCT.md §3): OAuth tokens kept per connector
// (the connector's own identity) or per end user, one-time authorization states,
// and the last TestActionConnector result. Nothing here knows about HTTP or SQL.
import type { ConnectorKey } from './types.js';

/** The principal of a connector's own token (client credentials); end users are named by their ARN. */
export const CONNECTOR_PRINCIPAL = '';

export interface TokenRecord extends ConnectorKey {
  /** CONNECTOR_PRINCIPAL, or the end user's ARN (authorization code). */
  principal: string;
  /** The token set (JSON), sealed and bound to this row (aad.connectorToken). */
  sealed: string;
  /** What the token was issued for (client, endpoints): a token for another configuration is not used. */
  fingerprint: string;
  /** When the access token expires (epoch ms); null when the provider did not say. */
  expiresAt: number | null;
  /** When to get a new one, shortly before expiry (epoch ms); null: only when the service refuses it. */
  refreshAt: number | null;
  updatedAt: number;
}

/** One authorization request in progress (StartActionConnectorAuthorization → /oauth/callback). */
export interface AuthStateRecord extends ConnectorKey {
  /** SHA-256 (hex) of the state value; the value itself is only in the authorization URL. */
  stateHash: string;
  /** The end user the tokens will belong to. */
  userArn: string;
  /** The PKCE code verifier, sealed and bound to this row (aad.authState). */
  verifierSealed: string;
  /** The redirect_uri sent in the authorization request, to be sent again, exactly, with the code. */
  redirectUri: string;
  /** The connector configuration the request was made for (see TokenRecord.fingerprint). */
  fingerprint: string;
  createdAt: number;
  expiresAt: number;
}

/** The last TestActionConnector result of a connector; the message never holds a secret. */
export interface TestResultRecord extends ConnectorKey {
  testedAt: number;
  success: boolean;
  httpStatus: number | null;
  message: string;
  testedBy: string;
}
