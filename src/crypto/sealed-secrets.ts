// Sealing at rest: what each sealed secret in the database is bound to (its AAD,
// domain/aad.ts), and the one small interface crypto needs from storage to list and
// re-seal them. The store deals in sealed strings and rows only (it implements
// SealedRowStore, src/store/repos/sealed-rows.ts); which AAD a row has is decided here.
// Used by key rotation (rotate.ts), the one-time destination re-sealing
// (destination-migration.ts), `doctor` and `backup`.
import { randomBytes } from 'node:crypto';
import { aad, legacyAad } from '../domain/aad.js';
import { destinationDigest } from '../domain/destination.js';
import type { ConnectorRecord } from '../domain/types.js';
import type { KeyRing } from './keyring.js';

/** The `meta` row recording that connector secrets and tokens are sealed with the destination digest (destination-migration.ts). */
export const DESTINATION_AAD_META = 'aad-destination';

/** A sealed secret as the store holds it: its table, its row's key and the sealed value (plus what decides its AAD). */
export type SealedRow =
  | { table: 'connectors'; rowKey: string[]; sealed: string; connector: ConnectorRecord }
  /** An OAuth token, with the connector it belongs to and the fingerprint stored with it. */
  | { table: 'connector_tokens'; rowKey: string[]; sealed: string; connector: ConnectorRecord; fingerprint: string }
  /** The client secret registered for a connector's MCP server: rowKey (region, account, id, SHA-256 of the discovered config). */
  | { table: 'access_keys' | 'meta' | 'oauth_states' | 'mcp_oauth'; rowKey: string[]; sealed: string };

/** What re-sealing needs from storage. */
export interface SealedRowStore {
  /** Every sealed secret (access keys, `secret:` meta rows, connector secrets, OAuth tokens, PKCE verifiers). */
  list(): Promise<SealedRow[]>;
  /** Replaces a sealed secret only if it still holds `row.sealed` (compare-and-set); a token's fingerprint with it, if given. */
  reseal(row: SealedRow, to: string, fingerprint?: string): Promise<boolean>;
}

/** The store as crypto sees it (src/store/store.ts's Store fills it). */
export interface SealedSecretSource {
  readonly sealedRows: SealedRowStore;
  readonly meta: {
    getMeta(name: string): Promise<string | undefined>;
    putMetaIfAbsent(name: string, value: string): Promise<string>;
  };
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** A sealed secret with the AAD it is bound to. */
export type SealedSecretRef = SealedRow & {
  aad: string;
  /**
   * Connector secrets and tokens, while the database has not been re-sealed with the
   * destination digest (destination-migration.ts): the AAD they had before.
   */
  legacyAad?: string;
};

/** The AAD of a row: connector secrets and tokens are bound to the connector's destination digest. */
export function aadOf(row: SealedRow): string {
  const [a, b, c, d] = row.rowKey as [string, string, string, string];
  switch (row.table) {
    case 'connectors':
      return aad.connector(a, b, c, destinationDigest(row.connector));
    case 'connector_tokens':
      return aad.connectorToken(a, b, c, d, destinationDigest(row.connector));
    case 'access_keys':
      return aad.accessKey(a);
    case 'meta':
      return aad.meta(a);
    case 'oauth_states':
      return aad.authState(a);
    case 'mcp_oauth':
      return aad.mcpOAuthClient(a, b, c, d);
  }
}

function legacyAadOf(row: SealedRow): string | undefined {
  const [a, b, c, d] = row.rowKey as [string, string, string, string];
  if (row.table === 'connectors') return legacyAad.connector(a, b, c);
  if (row.table === 'connector_tokens') return legacyAad.connectorToken(a, b, c, d);
  return undefined;
}

/** Every sealed secret with its AAD; before the destination re-sealing ran, connector secrets and tokens with their old AAD too. */
export async function sealedSecrets(source: Pick<SealedSecretSource, 'sealedRows' | 'meta'>): Promise<SealedSecretRef[]> {
  const legacy = (await source.meta.getMeta(DESTINATION_AAD_META)) === undefined;
  return (await source.sealedRows.list()).map((row) => {
    const old = legacy ? legacyAadOf(row) : undefined;
    return { ...row, aad: aadOf(row), ...(old !== undefined ? { legacyAad: old } : {}) };
  });
}

/** Opens a sealed secret under its AAD, or, before the migration ran, under the one it had before. */
export function openSealedRef(keys: KeyRing, ref: SealedSecretRef): string {
  try {
    return keys.open(ref.sealed, ref.aad);
  } catch (e) {
    if (ref.legacyAad === undefined) throw e;
    return keys.open(ref.sealed, ref.legacyAad);
  }
}

/**
 * A server secret kept (sealed) in `meta` under `name` (`secret:…`): the one stored, or
 * `make()`'s, stored now; of several nodes starting at once, the first to store wins.
 */
export async function serverSecret(meta: SealedSecretSource['meta'], keys: KeyRing, name: string, make: () => string): Promise<string> {
  const sealed = await meta.putMetaIfAbsent(name, keys.seal(make(), aad.meta(name)));
  return keys.open(sealed, aad.meta(name));
}

/** A random 32-byte server key kept (sealed) in `meta` under `name`, made by the first node to need it. */
export async function serverKey(meta: SealedSecretSource['meta'], keys: KeyRing, name: string): Promise<Buffer> {
  return Buffer.from(await serverSecret(meta, keys, name, () => randomBytes(32).toString('base64')), 'base64');
}
