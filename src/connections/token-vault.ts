// OAuth tokens at rest: one sealed token set per (connector, principal), bound
// (AAD) to its row and to the connector's destination digest, with when to renew it.
// The principal is '' for a connector's own token (client credentials) or the end
// user's ARN (authorization code).
import { DecryptError, type KeyRing } from '../crypto/keyring.js';
import { aad } from '../domain/aad.js';
import type { TokenRecord } from '../domain/connections.js';
import { destinationDigest } from '../domain/destination.js';
import type { ConnectorRecord } from '../domain/types.js';
import type { Store } from '../store/store.js';
import type { Minted, TokenSet } from './oauth.js';

/** Renew this long before expiry at most ... */
export const RENEW_BEFORE_MS = 60_000;
/** ... and at least this share of a short lifetime before it (a 60 s token is renewed after 54 s). */
const RENEW_SHARE = 0.1;

export interface CachedToken {
  set: TokenSet;
  row: TokenRecord;
}

/** Opened token sets kept (see TokenVault.opened); past this the oldest goes. */
export const MAX_OPENED_TOKENS = 10_000;

export class TokenVault {
  /**
   * Token sets opened, keyed by the AAD they opened under and the sealed text read from
   * the row. The row is still read on every use (another node may have replaced or
   * deleted it, an update may have dropped it): only the decryption is saved, and a
   * changed row (a new sealed text) or a changed destination (a new AAD) misses.
   */
  private readonly opened = new Map<string, TokenSet>();

  constructor(
    private readonly store: Store,
    private readonly keys: KeyRing,
    private readonly now: () => number,
  ) {}

  /**
   * The stored token of (connector, principal). A token that does not open under the
   * connector's current destination was obtained for another one: it is deleted
   * (compare-and-delete) and never used.
   */
  async get(rec: ConnectorRecord, principal: string): Promise<CachedToken | undefined> {
    const row = await this.store.connections.getToken(rec, principal);
    if (!row) return undefined;
    const bound = tokenAad(rec, principal);
    const key = `${bound}\n${row.sealed}`;
    let set = this.opened.get(key);
    if (set === undefined) {
      try {
        set = Object.freeze(JSON.parse(this.keys.open(row.sealed, bound)) as TokenSet);
      } catch (e) {
        if (!(e instanceof DecryptError)) throw e;
        await this.store.connections.deleteToken(rec, principal, row.sealed);
        return undefined;
      }
      if (this.opened.size >= MAX_OPENED_TOKENS) this.opened.delete(this.opened.keys().next().value!);
      this.opened.set(key, set);
    }
    return { set, row };
  }

  /**
   * Stores a token set. Without expires_in, `defaultLifetimeMs` decides when to renew:
   * a number for the connector's own token, undefined for end users' (renewed when a
   * service refuses it).
   */
  async put(key: ConnectorRecord, principal: string, fingerprint: string, minted: Minted, defaultLifetimeMs?: number): Promise<CachedToken> {
    const now = this.now();
    const lifetime = minted.expiresIn !== undefined ? minted.expiresIn * 1000 : undefined;
    const expiresAt = lifetime !== undefined ? now + lifetime : null;
    const renewIn = lifetime ?? defaultLifetimeMs;
    const refreshAt = renewIn !== undefined ? now + renewIn - Math.min(RENEW_BEFORE_MS, renewIn * RENEW_SHARE) : null;
    const row: TokenRecord = {
      region: key.region,
      accountId: key.accountId,
      id: key.id,
      principal,
      sealed: this.keys.seal(JSON.stringify(minted.set), tokenAad(key, principal)),
      fingerprint,
      expiresAt,
      refreshAt,
      updatedAt: now,
    };
    // Not stored if the connector's destination changed meanwhile (an update dropped its tokens).
    await this.store.connections.putToken(row, destinationDigest(key));
    return { set: minted.set, row };
  }

  /** Deletes the token if it is still `expected` (another node may have replaced it). */
  delete(key: ConnectorRecord, principal: string, expected?: CachedToken): Promise<boolean> {
    return this.store.connections.deleteToken(key, principal, expected?.row.sealed);
  }

  /** Whether the token may be used now without renewing it. */
  fresh(t: CachedToken): boolean {
    return t.row.refreshAt === null || this.now() < t.row.refreshAt;
  }

  /** Whether the access token has not expired yet (it may be in its renewal window). */
  unexpired(t: CachedToken): boolean {
    return t.row.expiresAt === null || this.now() < t.row.expiresAt;
  }
}

function tokenAad(rec: ConnectorRecord, principal: string): string {
  return aad.connectorToken(rec.region, rec.accountId, rec.id, principal, destinationDigest(rec));
}
