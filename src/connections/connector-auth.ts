// A connector's authentication as the outbound code needs it: the clear part of
// its AuthenticationConfig joined with its secrets, opened from the sealed blob
// (see domain/auth-config.ts#splitSecrets). Secrets stay in memory, never logged.
import { createHash } from 'node:crypto';
import type { ConnectorRecord } from '../domain/types.js';
import { DecryptError, type KeyRing } from '../crypto/keyring.js';
import { aad } from '../domain/aad.js';
import { destinationDigest } from '../domain/destination.js';
import { SealedConfigMismatch } from './destination.js';

export type ConnectorAuth =
  | { type: 'NONE'; baseEndpoint: string }
  | { type: 'BASIC'; baseEndpoint: string; username: string; password: string }
  | { type: 'API_KEY'; baseEndpoint: string; apiKey: string; email?: string }
  | { type: 'OAUTH2_CLIENT_CREDENTIALS'; baseEndpoint: string; client: OAuthClient }
  | { type: 'OAUTH2_AUTHORIZATION_CODE'; baseEndpoint: string; redirectUrl: string; authorizationEndpoint: string; client: OAuthClient }
  | { type: 'IAM'; roleArn: string };

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  tokenEndpoint: string;
}

type Obj = Record<string, unknown>;
const str = (o: unknown, k: string): string => {
  const v = (o as Obj | undefined)?.[k];
  if (typeof v !== 'string') throw new Error(`stored connector lacks ${k}`);
  return v;
};

/**
 * Opens the connector's secrets (a map keyed by member path). They are bound to the
 * connector's destination: SealedConfigMismatch if they do not open under it.
 */
export function openSecrets(rec: ConnectorRecord, keys: KeyRing): Record<string, string> {
  if (!rec.authSecret) return {};
  let plain: string;
  try {
    plain = keys.open(rec.authSecret, aad.connector(rec.region, rec.accountId, rec.id, destinationDigest(rec)));
  } catch (e) {
    if (e instanceof DecryptError) throw new SealedConfigMismatch(rec);
    throw e;
  }
  return JSON.parse(plain) as Record<string, string>;
}

export function connectorAuth(rec: ConnectorRecord, keys: KeyRing): ConnectorAuth {
  const md = (rec.authPublic.AuthenticationMetadata ?? {}) as Obj;
  const secrets = openSecrets(rec, keys);
  const secret = (path: string) => {
    const v = secrets[path];
    if (typeof v !== 'string') throw new Error(`stored connector lacks the secret ${path.split('.').pop()}`);
    return v;
  };
  switch (rec.authType) {
    case 'NONE':
      return { type: 'NONE', baseEndpoint: str(md.NoneConnectionMetadata, 'BaseEndpoint') };
    case 'BASIC': {
      const m = md.BasicAuthConnectionMetadata;
      return { type: 'BASIC', baseEndpoint: str(m, 'BaseEndpoint'), username: str(m, 'Username'), password: secret('BasicAuthConnectionMetadata.Password') };
    }
    case 'API_KEY': {
      const m = md.ApiKeyConnectionMetadata as Obj | undefined;
      const email = typeof m?.Email === 'string' && m.Email ? m.Email : undefined;
      return { type: 'API_KEY', baseEndpoint: str(m, 'BaseEndpoint'), apiKey: secret('ApiKeyConnectionMetadata.ApiKey'), ...(email ? { email } : {}) };
    }
    case 'OAUTH2_CLIENT_CREDENTIALS': {
      const m = md.ClientCredentialsGrantMetadata as Obj | undefined;
      const d = (m?.ClientCredentialsDetails as Obj | undefined)?.ClientCredentialsGrantDetails;
      return {
        type: 'OAUTH2_CLIENT_CREDENTIALS',
        baseEndpoint: str(m, 'BaseEndpoint'),
        client: {
          clientId: str(d, 'ClientId'),
          tokenEndpoint: str(d, 'TokenEndpoint'),
          clientSecret: secret('ClientCredentialsGrantMetadata.ClientCredentialsDetails.ClientCredentialsGrantDetails.ClientSecret'),
        },
      };
    }
    case 'OAUTH2_AUTHORIZATION_CODE': {
      const m = md.AuthorizationCodeGrantMetadata as Obj | undefined;
      const d = (m?.AuthorizationCodeGrantCredentialsDetails as Obj | undefined)?.AuthorizationCodeGrantDetails;
      return {
        type: 'OAUTH2_AUTHORIZATION_CODE',
        baseEndpoint: str(m, 'BaseEndpoint'),
        redirectUrl: str(m, 'RedirectUrl'),
        authorizationEndpoint: str(d, 'AuthorizationEndpoint'),
        client: {
          clientId: str(d, 'ClientId'),
          tokenEndpoint: str(d, 'TokenEndpoint'),
          clientSecret: secret('AuthorizationCodeGrantMetadata.AuthorizationCodeGrantCredentialsDetails.AuthorizationCodeGrantDetails.ClientSecret'),
        },
      };
    }
    case 'IAM':
      return { type: 'IAM', roleArn: str(md.IamConnectionMetadata, 'RoleArn') };
  }
}

/** Every secret value of the connector, to keep them out of messages we compose from remote answers. */
export function secretValues(auth: ConnectorAuth): string[] {
  switch (auth.type) {
    case 'BASIC': return [auth.password];
    case 'API_KEY': return [auth.apiKey];
    case 'OAUTH2_CLIENT_CREDENTIALS':
    case 'OAUTH2_AUTHORIZATION_CODE': return [auth.client.clientSecret];
    default: return [];
  }
}

/**
 * What a cached credential was obtained with: the connector's destination digest
 * (domain/destination.ts). A token is only used while it is the same; an update that
 * changes it (or the secrets) also deletes the tokens (UpdateActionConnector).
 */
export function fingerprint(rec: ConnectorRecord, scope: 'connector' | 'end-user'): string {
  return createHash('sha256').update(`${scope}\n${destinationDigest(rec)}`).digest('hex').slice(0, 32);
}
