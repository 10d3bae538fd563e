// What operations are given: the store and the policy objects. No HTTP here.
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import type { KeyRing } from '../crypto/keyring.js';
import type { Permissions } from '../auth/permissions.js';
import type { PageBinding, PageTokens } from '../domain/page-tokens.js';
import { invalidNextToken } from '../protocol/errors.js';
import type { Config } from '../config.js';
import type { Egress } from '../egress/index.js';
import type { Connections } from '../connections/index.js';
import type { AuditTrail } from '../audit/audit-trail.js';

export interface Services {
  store: Store;
  keys: KeyRing;
  perms: Permissions;
  pages: PageTokens;
  config: Config;
  now: () => number;
  /** The one outbound HTTP path. */
  egress: Egress;
  /** Authenticated requests to connectors' services, OAuth flows, connection tests. */
  connections: Connections;
  /** The audit trail of InvokeAction: records, ListActionInvocations, retention. */
  audit: AuditTrail;
  /** The server's log, for work that outlives its request (a background refresh); optional as metrics are. */
  log?: Logger;
  /** Operational metrics (docs/operations/metrics.md); optional so that operations work without them. */
  metrics?: InvocationMetrics;
}

/** What an operation reports to the metrics: InvokeAction calls `invocation` once per invocation. */
export interface InvocationMetrics {
  /**
   * One action invoked through a connector. `status`: a short word — success, http_error
   * (the service answered non-2xx), egress_error, token_error, error. `upstreamSeconds`:
   * time spent on the connector's service (0 if it was never reached).
   */
  invocation(connectorType: string, action: string, status: string, upstreamSeconds: number): void;
}

export const MAX_TAGS = 50;
export const MAX_PRINCIPALS = 64;
export const DEFAULT_PAGE_SIZE = 100;

/** The keyset position a NextToken carries, or InvalidNextTokenException (altered, or issued for another caller or query). */
export function openPage(pages: PageTokens, binding: PageBinding, token: string): string {
  const position = pages.open(binding, token);
  if (position === undefined) throw invalidNextToken();
  return position;
}
