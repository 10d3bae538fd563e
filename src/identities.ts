// Identity administration shared by the CLI and the server's bootstrap:
// users, groups and access keys (whose secrets are sealed at rest).
import { randomBytes, randomInt } from 'node:crypto';
import type { Store } from './store/store.js';
import { UniqueViolation } from './store/store.js';
import type { KeyRing } from './crypto/keyring.js';
import { aad } from './domain/aad.js';
import { ROLES, type Role } from './domain/types.js';
import { ACCOUNT_ID, PRINCIPAL_NAME, userArn } from './auth/arns.js';

export class UsageError extends Error {}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const newAccessKeyId = () => `AKIA${Array.from({ length: 16 }, () => B32[randomInt(32)]).join('')}`;
export const newSecretAccessKey = () => randomBytes(30).toString('base64').replace(/\+/g, 'A').replace(/\//g, 'B');
export const newAccountId = () => String(randomInt(1, 10)) + Array.from({ length: 11 }, () => randomInt(10)).join('');

export function checkAccount(a: string) {
  if (!ACCOUNT_ID.test(a)) throw new UsageError(`--account must be 12 digits (got '${a}')`);
}
export function checkName(kind: string, n: string) {
  if (!PRINCIPAL_NAME.test(n)) throw new UsageError(`${kind} name '${n}' is not valid: use 1-128 of letters, digits and + = , . @ _ -`);
}
export function checkRole(r: string): Role {
  const role = ROLES.find((x) => x === r);
  if (!role) throw new UsageError(`--role must be one of ${ROLES.join(', ')} (got '${r}')`);
  return role;
}

export interface NewKey {
  AccessKeyId: string;
  SecretAccessKey: string;
}

export async function createAccessKey(store: Store, keys: KeyRing, accountId: string, userName: string, given?: NewKey): Promise<NewKey> {
  const k = given ?? { AccessKeyId: newAccessKeyId(), SecretAccessKey: newSecretAccessKey() };
  await store.identities.putAccessKey({
    accessKeyId: k.AccessKeyId,
    accountId,
    userName,
    status: 'ACTIVE',
    createdAt: Date.now(),
    secretSealed: keys.seal(k.SecretAccessKey, aad.accessKey(k.AccessKeyId)),
  });
  return k;
}

export async function addUser(
  store: Store,
  keys: KeyRing,
  region: string,
  opts: { accountId: string; name: string; role: Role; groups?: string[] },
): Promise<{ UserArn: string } & NewKey> {
  checkAccount(opts.accountId);
  checkName('user', opts.name);
  for (const g of opts.groups ?? []) checkName('group', g);
  try {
    await store.identities.putUser({ accountId: opts.accountId, userName: opts.name, role: opts.role, createdAt: Date.now() }, false);
  } catch (e) {
    if (e instanceof UniqueViolation) throw new UsageError(`user ${opts.name} already exists in account ${opts.accountId} (use 'keys create' for another key)`);
    throw e;
  }
  for (const g of opts.groups ?? []) await store.identities.addMember(opts.accountId, g, opts.name);
  const key = await createAccessKey(store, keys, opts.accountId, opts.name);
  return { UserArn: userArn(region, opts.accountId, opts.name), ...key };
}

/**
 * The recovery path (`actionbridge users reset-admin`): makes `name` (default `admin`) an
 * ADMIN of the account, creating the user if needed, and gives it a NEW access key. Other
 * keys of the user are left as they are (a deactivated one stays inactive); no secret is
 * ever re-used.
 */
export async function resetAdmin(
  store: Store,
  keys: KeyRing,
  region: string,
  opts: { accountId: string; name?: string },
): Promise<{ UserArn: string; Created: boolean } & NewKey> {
  const name = opts.name ?? 'admin';
  checkAccount(opts.accountId);
  checkName('user', name);
  const existed = await store.identities.getUser(opts.accountId, name);
  await store.identities.putUser({ accountId: opts.accountId, userName: name, role: 'ADMIN', createdAt: Date.now() }, true);
  const key = await createAccessKey(store, keys, opts.accountId, name);
  return { UserArn: userArn(region, opts.accountId, name), Created: !existed, ...key };
}

/** Makes sure the bootstrap admin exists with exactly this key (the environment is the source of truth). */
export async function ensureAdmin(store: Store, keys: KeyRing, accountId: string, key: NewKey): Promise<void> {
  checkAccount(accountId);
  await store.identities.putUser({ accountId, userName: 'admin', role: 'ADMIN', createdAt: Date.now() }, true);
  const existing = await store.identities.getAccessKey(key.AccessKeyId);
  if (existing) {
    const same =
      existing.accountId === accountId &&
      existing.userName === 'admin' &&
      keys.open(existing.secretSealed, aad.accessKey(key.AccessKeyId)) === key.SecretAccessKey;
    if (same) {
      if (existing.status !== 'ACTIVE') await store.identities.setAccessKeyStatus(key.AccessKeyId, 'ACTIVE');
      return;
    }
    await store.identities.deleteAccessKey(key.AccessKeyId);
  }
  try {
    await createAccessKey(store, keys, accountId, 'admin', key);
  } catch (e) {
    // Several nodes of one deployment starting at once: another stored the same key first.
    if (!(e instanceof UniqueViolation)) throw e;
    const now = await store.identities.getAccessKey(key.AccessKeyId);
    const same =
      now && now.accountId === accountId && now.userName === 'admin' && keys.open(now.secretSealed, aad.accessKey(key.AccessKeyId)) === key.SecretAccessKey;
    if (!same) throw e;
  }
}

export { ROLES };
