// Where a connector's credentials go (domain/destination.ts), as the connection code
// uses it: the error when its sealed secrets do not open under its stored
// configuration, and when an update must drop the tokens obtained for it.
import { connectorArn } from '../auth/arns.js';
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
  constructor(rec: Pick<ConnectorRecord, 'region' | 'accountId' | 'id'>) {
    super('ConflictException',
      `Action connector ${rec.id} cannot be used: its stored configuration does not match its sealed secrets `
      + '(it was changed outside ActionBridge). Nothing was sent. Update the connector with UpdateActionConnector, re-entering its secrets.');
    this.connectorArn = connectorArn(rec.region, rec.accountId, rec.id);
  }
}

/**
 * Whether an update from `prev` to `next` must drop every token obtained for the
 * connector (end users' and its own): its destination changed, or its secrets did
 * (`prevSecrets` undefined: the old secrets did not open).
 */
export function updateDropsTokens(prev: ConnectorRecord, next: ConnectorRecord,
  prevSecrets: Record<string, string> | undefined, nextSecrets: Record<string, string>): boolean {
  if (destinationDigest(prev) !== destinationDigest(next)) return true;
  return prevSecrets === undefined || canonicalJson(prevSecrets) !== canonicalJson(nextSecrets);
}
