// Where a connector's credentials go (domain/destination.ts), as the connection code
// uses it: the error when its sealed secrets do not open under its stored
// configuration, its stored AuthenticationConfig parsed (or the error when it does not
// parse), and when an update must drop the tokens obtained for it.
import { connectorArn } from '../auth/arns.js';
import { parseStoredAuthConfig, type ClearAuthConfig } from '../domain/auth-config.js';
import { canonicalJson, destinationDigest } from '../domain/destination.js';
import type { ConnectorRecord } from '../domain/types.js';
import { ServiceError } from '../protocol/errors.js';

/**
 * The connector's secrets (or a token of it) do not open under its stored destination:
 * the row was changed outside ActionBridge (or sealed for another configuration).
 * Nothing is sent; an update that re-enters the secrets repairs it.
 */
export class SealedConfigMismatch extends ServiceError {
  readonly connectorArn: string;
  constructor(rec: Pick<ConnectorRecord, 'region' | 'accountId' | 'id'>, message?: string) {
    super(
      'ConflictException',
      message ??
        `Action connector ${rec.id} cannot be used: its stored configuration does not match its sealed secrets ` +
          '(it was changed outside ActionBridge). Nothing was sent. Update the connector with UpdateActionConnector, re-entering its secrets.',
    );
    this.connectorArn = connectorArn(rec.region, rec.accountId, rec.id);
  }
}

/**
 * The connector's stored AuthenticationConfig is not one ActionBridge writes (a row
 * changed outside it): a ConflictException naming the member, never a crash. Logged
 * as a security event like SealedConfigMismatch, of which it is a kind.
 */
export class StoredConfigMalformed extends SealedConfigMismatch {
  constructor(rec: Pick<ConnectorRecord, 'region' | 'accountId' | 'id'>, problem: string) {
    super(
      rec,
      `Action connector ${rec.id} cannot be used: its stored AuthenticationConfig is not valid (${problem}; ` +
        'it was changed outside ActionBridge). Nothing was sent. Update the connector with UpdateActionConnector, re-entering its authentication configuration.',
    );
  }
}

/** The connector's AuthenticationConfig, parsed (once per record read); StoredConfigMalformed if it does not parse. */
export function authConfigOf(rec: ConnectorRecord): ClearAuthConfig {
  const parsed = parseStoredAuthConfig(rec.authType, rec.authPublic);
  if (!parsed.ok) throw new StoredConfigMalformed(rec, parsed.problem);
  return parsed.value;
}

/** A secret the connector's AuthenticationType needs is not among its opened secrets: the row was changed outside ActionBridge. */
export function missingSecret(rec: ConnectorRecord, key: string): StoredConfigMalformed {
  return new StoredConfigMalformed(rec, `the secret ${key.split('.').pop()} is missing`);
}

/**
 * Whether an update from `prev` to `next` must drop every token obtained for the
 * connector (end users' and its own): its destination changed, or its secrets did
 * (`prevSecrets` undefined: the old secrets did not open).
 */
export function updateDropsTokens(
  prev: ConnectorRecord,
  next: ConnectorRecord,
  prevSecrets: Record<string, string> | undefined,
  nextSecrets: Record<string, string>,
): boolean {
  if (destinationDigest(prev) !== destinationDigest(next)) return true;
  return prevSecrets === undefined || canonicalJson(prevSecrets) !== canonicalJson(nextSecrets);
}
