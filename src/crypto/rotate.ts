// Re-sealing every secret under the active master key (`keys rotate`). Each row
// is replaced compare-and-set, so a secret written concurrently by a serving
// node is never overwritten with a stale value; such rows are retried.
import { errorMessage } from '../error-text.js';
import { REFRESH_INTERVAL_MS, type KeyRing } from './keyring.js';
import { migrateDestinationAad } from './destination-migration.js';
import { sealedSecrets, type SealedSecretSource } from './sealed-secrets.js';

export async function rotateSecrets(
  store: SealedSecretSource,
  keys: KeyRing,
  opts: { newKey: boolean /** Called as secrets are re-sealed (the CLI's --progress). */; progress?: (message: string, done?: number, total?: number) => void },
) {
  // A database no server has started on since the destination binding: bind first.
  await migrateDestinationAad(store, keys);
  const previous = keys.activeKeyId;
  if (opts.newKey) {
    keys.rotateFile();
    opts.progress?.(`new master key ${keys.activeKeyId}; waiting ${Math.round((REFRESH_INTERVAL_MS + 500) / 1000)} s for running servers to pick it up ...`);
    // Running servers keep sealing with the previous key until they notice the new
    // file (at most REFRESH_INTERVAL_MS after it appears). Re-sealing before then
    // would leave the secrets they write meanwhile under the old key, and a
    // following `keys retire` would make those unreadable.
    await new Promise((r) => setTimeout(r, REFRESH_INTERVAL_MS + 500));
  }
  let resealed = 0;
  for (let pass = 0; pass < 5; pass++) {
    const stale = (await sealedSecrets(store)).filter((r) => keys.keyIdOfSealed(r.sealed) !== keys.activeKeyId);
    if (stale.length === 0) break;
    let done = 0;
    opts.progress?.('re-sealing secrets', 0, stale.length);
    for (const ref of stale) {
      let plain: string;
      try {
        plain = keys.open(ref.sealed, ref.aad);
      } catch (e) {
        // Name the row (never the secret) so the operator can repair it, e.g. by writing the connector anew.
        throw new Error(`cannot re-seal the secret of ${ref.table} ${ref.rowKey.join('/')}: ${errorMessage(e)}`);
      }
      if (await store.sealedRows.reseal(ref, keys.seal(plain, ref.aad))) resealed++;
      opts.progress?.('re-sealing secrets', ++done, stale.length);
    }
  }
  const remaining = (await sealedSecrets(store)).filter((r) => keys.keyIdOfSealed(r.sealed) !== keys.activeKeyId).length;
  return { PreviousKeyId: previous, ActiveKeyId: keys.activeKeyId, Resealed: resealed, Remaining: remaining };
}
