// OAUTH2_CLIENT_CREDENTIALS: the connector's own access token, shared by all its
// users. Kept sealed in the database until shortly before expiry. At most one
// token request per connector at a time: in this process a single flight, and
// across nodes the store's lock, inside which the database is read again so that
// a node that waited uses the token another node just stored.
import * as client from 'openid-client';
import type { Egress } from '../egress/index.js';
import { CONNECTOR_PRINCIPAL } from '../domain/connections.js';
import type { ConnectorRecord } from '../domain/types.js';
import type { Store } from '../store/store.js';
import type { OAuthClient } from './connector-auth.js';
import { fingerprint } from './connector-auth.js';
import { clientMaterial, fromTokenResponse, oauthConfig, tokenFailure } from './oauth.js';
import { CredentialScrubber } from './scrub.js';
import { schemeFor } from './schemes.js';
import { SingleFlight } from './single-flight.js';
import type { CachedToken, TokenVault } from './token-vault.js';
import { failureOutcome, type TokenObserver } from './observe.js';
import { egressRoute } from '../domain/vpc-connections.js';

/** How long a token whose response had no expires_in is used before a new one is requested. */
export const DEFAULT_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export interface TokenOptions {
  /** The access token the service just refused (HTTP 401): get another unless it was already replaced. */
  rejected?: string;
  /** Request a new token even if the cached one is good (TestActionConnector). */
  fresh?: boolean;
}

export class ClientCredentialTokens {
  private readonly flight = new SingleFlight<CachedToken>();

  constructor(
    private readonly store: Store,
    private readonly vault: TokenVault,
    private readonly egress: Egress,
    private readonly onToken?: TokenObserver,
  ) {}

  async token(rec: ConnectorRecord, oauth: OAuthClient, opts: TokenOptions = {}): Promise<CachedToken> {
    const fp = fingerprint(rec, 'connector');
    const usable = (t: CachedToken | undefined): t is CachedToken =>
      !!t && t.row.fingerprint === fp && this.vault.fresh(t) && t.set.accessToken !== opts.rejected;
    if (!opts.fresh) {
      const cached = await this.vault.get(rec, CONNECTOR_PRINCIPAL);
      if (usable(cached)) return cached;
    }
    const name = `token|${rec.region}|${rec.accountId}|${rec.id}`;
    const mint = () =>
      this.flight.run(name, () =>
        this.store.withLock(name, async () => {
          if (!opts.fresh) {
            const again = await this.vault.get(rec, CONNECTOR_PRINCIPAL);
            if (usable(again)) return again;
          }
          return this.request(rec, oauth, fp);
        }),
      );
    let t = await mint();
    // Joined a flight that started before the service refused this token: one more.
    if (opts.rejected !== undefined && t.set.accessToken === opts.rejected) t = await mint();
    return t;
  }

  private async request(rec: ConnectorRecord, oauth: OAuthClient, fp: string): Promise<CachedToken> {
    const scheme = schemeFor(rec.type);
    const config = oauthConfig(this.egress, egressRoute(rec), oauth, scheme);
    let res: Awaited<ReturnType<typeof client.clientCredentialsGrant>>;
    try {
      res = await client.clientCredentialsGrant(config, scheme.clientCredentialsParams ?? {});
    } catch (err) {
      const failure = await tokenFailure(err, 'client-credentials token request', oauth.tokenEndpoint, new CredentialScrubber(clientMaterial(oauth)));
      this.onToken?.('client_credentials', failureOutcome(failure));
      throw failure;
    }
    this.onToken?.('client_credentials', 'success');
    return this.vault.put(rec, CONNECTOR_PRINCIPAL, fp, fromTokenResponse(res), DEFAULT_TOKEN_LIFETIME_MS);
  }
}
