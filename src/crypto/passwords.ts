// Console passwords: scrypt (node:crypto) with a random 16-byte salt per password,
// stored as `scrypt$N$r$p$<salt b64url>$<hash b64url>`; the parameters travel with
// the hash so that they can be raised later without invalidating stored ones. Every
// hash runs on the scrypt worker pool (src/crypto/scrypt-pool.ts), never on the libuv
// threadpool that outbound name lookups need.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { scryptPool } from './scrypt-pool.js';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** 2^15 × 8 × 128 bytes = 32 MiB of memory and some 50-100 ms of one core per hash. */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

function derive(password: string, salt: Buffer, { N, r, p }: ScryptParams): Promise<Buffer> {
  return scryptPool().derive({ password: password.normalize('NFC'), salt, keyLength: KEY_LENGTH, N, r, p, maxmem: 128 * N * r * 2 + 1024 * 1024 });
}

/** Why a password cannot be used, or undefined. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `a password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `a password must have at most ${MAX_PASSWORD_LENGTH} characters`;
  return undefined;
}

export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Checks a password against a stored hash in constant time; false for a hash it cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((x) => Number.isInteger(x) && x > 0) || N > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length !== KEY_LENGTH || password.length > MAX_PASSWORD_LENGTH) return false;
  const key = await derive(password, salt, { N, r, p });
  return timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;
/**
 * The work of one verification against nothing: a sign-in for a user without a
 * password takes as long as one with a wrong password, so that timing does not
 * tell which users have one.
 */
export async function verifyNothing(password: string): Promise<false> {
  // A failure (the worker was lost) is not kept: the next call makes the dummy again.
  dummy ??= hashPassword('actionbridge-no-such-password').catch((e: unknown) => {
    dummy = undefined;
    throw e;
  });
  await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), await dummy);
  return false;
}
