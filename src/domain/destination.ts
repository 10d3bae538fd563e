// The destination digest of a connector: SHA-256 over a canonical encoding of
// everything that decides where its credentials are sent and what they authorize —
// the connector type, the AuthenticationType, every clear member of the
// AuthenticationConfig (BaseEndpoint, TokenEndpoint, AuthorizationEndpoint,
// RedirectUrl, ClientId, Username, Email, RoleArn, scopes in an endpoint's query, and
// any member added later) and the VpcConnectionArn. Name, description, permissions,
// tags and enabled actions are not in it.
//
// It is bound (AAD) into the sealed secrets and OAuth tokens of the connector
// (domain/aad.ts), so that secrets do not open under a configuration changed
// outside ActionBridge, and it is the fingerprint cached credentials are checked
// against (connections/connector-auth.ts#fingerprint).
import { sha256Hex } from '../crypto/sha256.js';
import type { ConnectorRecord } from './types.js';

export type DestinationFields = Pick<ConnectorRecord, 'type' | 'authType' | 'authPublic' | 'vpcConnectionArn'>;

const VERSION = 'actionbridge-destination-v1';

/** JSON with object keys sorted at every depth (arrays keep their order). */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + canonicalJson(v[i]);
    return `${out}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    if (o[k] === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJson(o[k])}`;
    first = false;
  }
  return `${out}}`;
}

/** Hex SHA-256 of the connector's destination (see the header). */
export function destinationDigest(rec: DestinationFields): string {
  const canonical = canonicalJson([VERSION, rec.type, rec.authType, rec.authPublic, rec.vpcConnectionArn ?? null]);
  return sha256Hex(canonical);
}
