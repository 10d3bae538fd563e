// Re-sealing every secret under the active master key (`keys rotate`). Each row
// is replaced compare-and-set, so a secret written concurrently by a serving
// node is never overwritten with a stale value; such rows are retried.
import type { Store } from '../store/store.js';
import type { KeyRing } from './keyring.js';

export async function rotateSecrets(store: Store, keys: KeyRing, opts: { newKey: boolean }) {
  const previous = keys.activeKeyId;
  if (opts.newKey) keys.rotateFile();
  let resealed = 0;
  for (let pass = 0; pass < 5; pass++) {
    const stale = (await store.sealedSecrets()).filter((r) => keys.keyIdOfSealed(r.sealed) !== keys.activeKeyId);
    if (stale.length === 0) break;
    for (const ref of stale) {
      const plain = keys.open(ref.sealed, ref.aad);
      if (await store.resealSecret(ref, keys.seal(plain, ref.aad))) resealed++;
    }
  }
  const remaining = (await store.sealedSecrets()).filter((r) => keys.keyIdOfSealed(r.sealed) !== keys.activeKeyId).length;
  return { PreviousKeyId: previous, ActiveKeyId: keys.activeKeyId, Resealed: resealed, Remaining: remaining };
}
