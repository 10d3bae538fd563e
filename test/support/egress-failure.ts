// Awaits a request that must fail, and returns its EgressError (for asserting the reason).
import { expect } from 'vitest';
import { EgressError } from '../../src/egress/index.js';

export async function failure(promise: Promise<unknown>): Promise<EgressError> {
  const err = await promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EgressError);
  return err as EgressError;
}
