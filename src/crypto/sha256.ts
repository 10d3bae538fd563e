// Hex SHA-256 on the hot paths (a request body's hash, SigV4's canonical request, a
// connector's destination digest): crypto.hash, one call without a Hash object, where
// Node has it (20.12+); createHash elsewhere. The same digest either way.
import crypto, { createHash } from 'node:crypto';

const oneShot: typeof crypto.hash | undefined = crypto.hash;

export const sha256Hex: (data: string | Buffer) => string =
  typeof oneShot === 'function' ? (data) => oneShot('sha256', data, 'hex') : (data) => createHash('sha256').update(data).digest('hex');
