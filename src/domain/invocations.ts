// The audit trail of InvokeAction (PRODUCT.md §3, "Audit"): one record per
// invocation. Deliberately without input values, outputs or secrets: what was
// done through which connector, by whom, when, and how it ended.
import { randomUUID } from 'node:crypto';
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
  /** The program acting for the user, when it said (RequestContext.client): an MCP client, the CLI, ... */
  client?: string | null;
}

export interface InvocationQuery extends ConnectorKey {
  connectorCreatedAt: number;
  /** Keyset: records strictly older than this position (newest first). */
  before?: { startedAt: number; invocationId: string };
  limit: number;
}

let lastMs = 0;
let seq = 0;

/**
 * A new invocation id: a UUID version 7 (RFC 9562) — 48 bits of Unix time in ms, a
 * 12-bit counter for ids made in the same millisecond (RFC 9562 §6.2, method 1),
 * then 62 random bits — so that ids sort in the order this process made them, and
 * records that started in the same millisecond still list newest first.
 */
export function newInvocationId(now: number): string {
  if (now > lastMs) {
    lastMs = now;
    seq = 0;
  } else if (++seq > 0xfff) {
    lastMs += 1; // the counter ran out: borrow the next millisecond
    seq = 0;
  }
  // The random part (variant bits included) from a version 4 UUID: randomUUID draws from
  // a buffered pool, where randomBytes would cost a system call per id.
  const t = lastMs.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${seq.toString(16).padStart(3, '0')}-${randomUUID().slice(19)}`;
}
