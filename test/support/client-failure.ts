// What a client library call that must fail threw (the test fails if it succeeds).
import type { ActionBridgeError } from '../../src/client/index.js';

export async function failure(p: Promise<unknown>): Promise<ActionBridgeError> {
  try {
    await p;
  } catch (e) {
    return e as ActionBridgeError;
  }
  throw new Error('expected a failure');
}
