// SHA-256 for @smithy/signature-v4 (its `sha256` option takes a hash constructor of one
// optional argument, the HMAC secret): @smithy/hash-node's Hash with its algorithm fixed.
import { Hash } from '@smithy/hash-node';

export class Sha256 extends Hash {
  constructor(secret?: ConstructorParameters<typeof Hash>[1]) {
    super('sha256', secret);
  }
}
