// The one table from store errors (src/store/store.ts) to wire errors. Operations run
// their writes through `storeWrite(context, write)`; the context says which connector
// (or resource ARN) the write was about and how the operation names a vanished one.
import type { ConnectorKey } from '../domain/types.js';
import { ServiceError, notFound } from '../protocol/errors.js';
import { LimitExceeded, NotFound, UniqueViolation } from '../store/store.js';

export interface StoreErrorContext {
  /** The connector the write was about. */
  key: ConnectorKey;
  /** The ARN the operation was given (tag operations): a vanished resource is named by it. */
  resourceArn?: string;
  /** UpdateActionConnector: a connector deleted meanwhile is a conflict, not a missing resource. */
  vanishedIsConflict?: boolean;
}

const connectorName = (k: ConnectorKey) => `Action connector ${k.id}`;
const where = (k: ConnectorKey) => `in account ${k.accountId} (${k.region})`;

/** Store error class → the wire error it becomes. */
const TABLE: [new (...args: never[]) => Error, (e: Error, c: StoreErrorContext) => ServiceError][] = [
  [UniqueViolation, (_, c) => new ServiceError('ResourceExistsException', `${connectorName(c.key)} already exists ${where(c.key)}.`)],
  // The store's message names the limit and what the write would have left.
  [LimitExceeded, (e) => new ServiceError('LimitExceededException', e.message)],
  [
    NotFound,
    (_, c) => {
      if (c.vanishedIsConflict) return new ServiceError('ConflictException', `${connectorName(c.key)} was deleted while it was being updated.`);
      if (c.resourceArn !== undefined) return notFound(`Resource ${c.resourceArn} does not exist.`);
      return notFound(`${connectorName(c.key)} does not exist ${where(c.key)}.`);
    },
  ],
];

/** The wire error a store error becomes; anything else as it is. */
export function wireErrorOf(e: unknown, c: StoreErrorContext): unknown {
  for (const [cls, to] of TABLE) if (e instanceof cls) return to(e, c);
  return e;
}

/** Runs a store write, its store errors turned into wire errors (TABLE). */
export async function storeWrite<T>(c: StoreErrorContext, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    throw wireErrorOf(e, c);
  }
}
