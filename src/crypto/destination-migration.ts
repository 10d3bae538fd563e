// One-time re-sealing of connector secrets and OAuth tokens under the AAD that binds
// the connector's destination digest (domain/destination.ts). Databases written before
// it have them bound to the row only. Run at start-up (server/start.ts) and before a
// key rotation, where the key ring is at hand; the `meta` row DESTINATION_AAD_META
// records that it ran, after which the old AAD is never accepted again. On PostgreSQL
// one node does it under the store's lock; the others then find the record.
//
// A row that opens under neither AAD is left as it is and named in the log: a connector
// answers that its configuration does not match its secrets (an update repairs it), a
// token is deleted at its next use (the user signs in again).
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { fingerprint } from '../connections/connector-auth.js';
import { CONNECTOR_PRINCIPAL } from '../domain/connections.js';
import type { ConnectorRecord } from '../domain/types.js';
import type { KeyRing } from './keyring.js';
import { DESTINATION_AAD_META, sealedSecrets, type SealedSecretSource } from './sealed-secrets.js';

export interface DestinationMigration {
  /** Rows re-sealed now; 0 when the database was already migrated. */
  Resealed: number;
  /** Rows that open under neither AAD (table and row key). */
  Unopenable: string[];
}

export async function migrateDestinationAad(store: SealedSecretSource, keys: KeyRing, log?: Logger): Promise<DestinationMigration> {
  const out: DestinationMigration = { Resealed: 0, Unopenable: [] };
  if ((await store.meta.getMeta(DESTINATION_AAD_META)) !== undefined) return out;
  return store.withLock('aad-destination-migration', async () => {
    if ((await store.meta.getMeta(DESTINATION_AAD_META)) !== undefined) return out;
    for (const ref of await sealedSecrets(store)) {
      if (ref.legacyAad === undefined) continue;
      try {
        keys.open(ref.sealed, ref.aad);
        continue; // already bound to its destination
      } catch {
        /* sealed the old way */
      }
      let plain: string;
      try {
        plain = keys.open(ref.sealed, ref.legacyAad);
      } catch {
        out.Unopenable.push(`${ref.table} ${ref.rowKey.join('/')}`);
        continue;
      }
      let fp: string | undefined;
      if (ref.table === 'connector_tokens') {
        const rec = ref.connector;
        const principal = ref.rowKey[3]!;
        const scope = principal === CONNECTOR_PRINCIPAL ? 'connector' : 'end-user';
        // A token obtained for the connector as it is now keeps working; any other is dropped at its next use.
        if (ref.fingerprint === legacyFingerprint(rec, scope)) fp = fingerprint(rec, scope);
      }
      if (await store.sealedRows.reseal(ref, keys.seal(plain, ref.aad), fp)) out.Resealed++;
    }
    await store.meta.putMetaIfAbsent(DESTINATION_AAD_META, new Date().toISOString());
    if (out.Resealed || out.Unopenable.length) {
      log?.info(
        { event: 'aad-destination-migration', resealed: out.Resealed, unopenable: out.Unopenable.length },
        "connector secrets and OAuth tokens re-sealed, bound to their connectors' destinations",
      );
    }
    for (const row of out.Unopenable) {
      log?.warn({ event: 'security.sealed-secret-unopenable', row }, 'a sealed secret opens under neither its old nor its new binding: left as it is');
    }
    return out;
  });
}

/** The token fingerprint before the destination digest (connector-auth.ts#fingerprint then). */
function legacyFingerprint(rec: ConnectorRecord, scope: 'connector' | 'end-user'): string {
  const at = (o: unknown, ...path: string[]): unknown =>
    path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? Reflect.get(v, k) : undefined), o);
  const h = createHash('sha256');
  if (scope === 'connector') {
    h.update(JSON.stringify(rec.authPublic))
      .update('\n')
      .update(String(rec.updatedAt))
      .update('\n')
      .update(rec.vpcConnectionArn ?? '');
  } else {
    const d = at(
      rec.authPublic,
      'AuthenticationMetadata',
      'AuthorizationCodeGrantMetadata',
      'AuthorizationCodeGrantCredentialsDetails',
      'AuthorizationCodeGrantDetails',
    );
    h.update(JSON.stringify([rec.authType, at(d, 'ClientId'), at(d, 'TokenEndpoint'), at(d, 'AuthorizationEndpoint')]));
  }
  return h.digest('hex').slice(0, 32);
}
