// The audit trail of InvokeAction (PRODUCT.md §3, "Audit"): one record per
// invocation. Deliberately without input values, outputs or secrets: what was
// done through which connector, by whom, when, and how it ended.
import type { ConnectorKey } from './types.js';

export type InvocationStatus = 'SUCCESS' | 'FAILED';

export interface InvocationRecord extends ConnectorKey {
  invocationId: string;
  /** The connector's createdAt: records belong to one incarnation of a connector id. */
  connectorCreatedAt: number;
  connectorType: string;
  actionId: string;
  endUserArn: string;
  /** When the invocation started, epoch ms. */
  startedAt: number;
  status: InvocationStatus;
  /** The upstream's HTTP status; null when no answer was received (or none was sent). */
  httpStatus: number | null;
  /**
   * Why a FAILED invocation got no upstream answer: the error the caller received
   * (InvalidParameterValueException, AccessTokenNotFoundException,
   * TokenResponseException, InternalFailureException) or `Egress.<reason>` (e.g.
   * Egress.timeout, Egress.refused-address) when nothing answered. Null otherwise.
   */
  errorCode: string | null;
  durationMs: number;
  /** Requests sent for the action (retries included); 0 when none was sent. */
  attempts: number;
}

export interface InvocationQuery extends ConnectorKey {
  connectorCreatedAt: number;
  /** Keyset: records strictly older than this position (newest first). */
  before?: { startedAt: number; invocationId: string };
  limit: number;
}
