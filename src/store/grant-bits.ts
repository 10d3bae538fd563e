// How a grant's actions are stored: one integer per (connector, principal), each connector
// action a bit of it (table connector_grants, migration 0014): the i-th of CONNECTOR_ACTIONS
// is bit i. Stored data: that list is never reordered; a new action takes the next bit (and
// the table's check, < 128, grows).
import { CONNECTOR_ACTIONS } from '../domain/connector-actions.js';

const BIT = new Map<string, number>(CONNECTOR_ACTIONS.map((name, i) => [name, 1 << i]));
/** The names in the order grants are listed (by name), with their bits. */
const BY_NAME = [...BIT].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The mask of these actions. An action with no bit is a programming error: the operations accept only these (src/ops/permission-rules.ts). */
export function grantMask(actions: Iterable<string>): number {
  let mask = 0;
  for (const a of actions) {
    const bit = BIT.get(a);
    if (bit === undefined) throw new Error(`not a connector action: ${a}`);
    mask |= bit;
  }
  return mask;
}

/** The actions of a mask, sorted by name; bits that name no action are ignored. */
export function grantActions(mask: number): string[] {
  const out: string[] = [];
  for (const [name, bit] of BY_NAME) if (mask & bit) out.push(name);
  return out;
}
