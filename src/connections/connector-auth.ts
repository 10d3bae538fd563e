// A connector's authentication as the outbound code needs it: its parsed
// AuthenticationConfig (domain/auth-config.ts) joined with its secrets, opened from the
// sealed blob (see domain/auth-config.ts#splitSecrets). Secrets stay in memory, never logged.
import { createHash } from 'node:crypto';
import type { ConnectorRecord } from '../domain/types.js';
import { DecryptError, type KeyRing } from '../crypto/keyring.js';
import { aad } from '../domain/aad.js';
import { destinationDigest } from '../domain/destination.js';
import { secretKeyOf, type AuthSecrets } from '../domain/auth-config.js';
import { SealedConfigMismatch, authConfigOf, missingSecret } from './destination.js';

export type ConnectorAuth =
  | { type: 'NONE'; baseEndpoint: string }
  | { type: 'BASIC'; baseEndpoint: string; username: string; password: string }
  | { type: 'API_KEY'; baseEndpoint: string; apiKey: string; email?: string }
  | { type: 'OAUTH2_CLIENT_CREDENTIALS'; baseEndpoint: string; client: OAuthClient }
  | { type: 'OAUTH2_AUTHORIZATION_CODE'; discover?: false; baseEndpoint: string; redirectUrl: string; authorizationEndpoint: string; client: OAuthClient }
  /** No client of its own: the authorization server and a client are discovered at its MCP server (mcp-discovery.ts, mcp-authorization.ts). */
  | { type: 'OAUTH2_AUTHORIZATION_CODE'; discover: true; baseEndpoint: string; redirectUrl: string }
  | { type: 'IAM'; roleArn: string };

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  tokenEndpoint: string;
}

/**
 * Opens the connector's secrets (a map keyed by member path). They are bound to the
 * connector's destination: SealedConfigMismatch if they do not open under it.
 */
export function openSecrets(rec: ConnectorRecord, keys: KeyRing): AuthSecrets {
  if (!rec.authSecret) return {};
  let plain: string;
  try {
    plain = keys.open(rec.authSecret, aad.connector(rec.region, rec.accountId, rec.id, destinationDigest(rec)));
  } catch (e) {
    if (e instanceof DecryptError) throw new SealedConfigMismatch(rec);
    throw e;
  }
  return JSON.parse(plain) as AuthSecrets;
}

/**
 * The connector's authentication: its parsed AuthenticationConfig (domain/auth-config.ts)
 * with its secret opened. A row changed outside ActionBridge is a ConflictException
 * (StoredConfigMalformed, SealedConfigMismatch), never a crash.
 */
export function connectorAuth(rec: ConnectorRecord, keys: KeyRing): ConnectorAuth {
  const cfg = authConfigOf(rec);
  const secrets = openSecrets(rec, keys);
  const secret = (): string => {
    const k = secretKeyOf(cfg.AuthenticationType);
    const v = k === undefined ? undefined : secrets[k];
    if (typeof v !== 'string') throw missingSecret(rec, k ?? 'secret');
    return v;
  };
  switch (cfg.AuthenticationType) {
    case 'NONE':
      return { type: 'NONE', baseEndpoint: cfg.AuthenticationMetadata.NoneConnectionMetadata.BaseEndpoint };
    case 'BASIC': {
      const m = cfg.AuthenticationMetadata.BasicAuthConnectionMetadata;
      return { type: 'BASIC', baseEndpoint: m.BaseEndpoint, username: m.Username, password: secret() };
    }
    case 'API_KEY': {
      const m = cfg.AuthenticationMetadata.ApiKeyConnectionMetadata;
      return { type: 'API_KEY', baseEndpoint: m.BaseEndpoint, apiKey: secret(), ...(m.Email ? { email: m.Email } : {}) };
    }
    case 'OAUTH2_CLIENT_CREDENTIALS': {
      const m = cfg.AuthenticationMetadata.ClientCredentialsGrantMetadata;
      const d = m.ClientCredentialsDetails.ClientCredentialsGrantDetails;
      return {
        type: 'OAUTH2_CLIENT_CREDENTIALS',
        baseEndpoint: m.BaseEndpoint,
        client: { clientId: d.ClientId, tokenEndpoint: d.TokenEndpoint, clientSecret: secret() },
      };
    }
    case 'OAUTH2_AUTHORIZATION_CODE': {
      const m = cfg.AuthenticationMetadata.AuthorizationCodeGrantMetadata;
      if (!m.AuthorizationCodeGrantCredentialsDetails)
        return { type: 'OAUTH2_AUTHORIZATION_CODE', discover: true, baseEndpoint: m.BaseEndpoint, redirectUrl: m.RedirectUrl };
      const d = m.AuthorizationCodeGrantCredentialsDetails.AuthorizationCodeGrantDetails;
      return {
        type: 'OAUTH2_AUTHORIZATION_CODE',
        baseEndpoint: m.BaseEndpoint,
        redirectUrl: m.RedirectUrl,
        authorizationEndpoint: d.AuthorizationEndpoint,
        client: { clientId: d.ClientId, tokenEndpoint: d.TokenEndpoint, clientSecret: secret() },
      };
    }
    case 'IAM':
      return { type: 'IAM', roleArn: cfg.AuthenticationMetadata.IamConnectionMetadata.RoleArn };
  }
}

/** Every secret value of the connector, to keep them out of messages we compose from remote answers. */
export function secretValues(auth: ConnectorAuth): string[] {
  switch (auth.type) {
    case 'BASIC':
      return [auth.password];
    case 'API_KEY':
      return [auth.apiKey];
    case 'OAUTH2_CLIENT_CREDENTIALS':
      return [auth.client.clientSecret];
    case 'OAUTH2_AUTHORIZATION_CODE':
      return auth.discover ? [] : [auth.client.clientSecret];
    default:
      return [];
  }
}

/**
 * What a cached credential was obtained with: the connector's destination digest
 * (domain/destination.ts). A token is only used while it is the same; an update that
 * changes it (or the secrets) also deletes the tokens (UpdateActionConnector).
 */
export function fingerprint(rec: ConnectorRecord, scope: 'connector' | 'end-user'): string {
  return createHash('sha256')
    .update(`${scope}\n${destinationDigest(rec)}`)
    .digest('hex')
    .slice(0, 32);
}
