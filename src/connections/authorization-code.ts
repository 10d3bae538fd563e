// OAUTH2_AUTHORIZATION_CODE: each end user signs in once per connector.
//
// start():    an authorization URL with PKCE (S256, RFC 7636) and a one-time state
//             (RFC 6749 §10.12) that expires, bound to the user and the connector;
//             the database keeps only the state's hash and the sealed verifier.
// complete(): /oauth/callback — the state is taken (deleted) before anything else,
//             then the code is exchanged with the exact redirect_uri of the request
//             (RFC 6749 §4.1.3) and the user's tokens are stored sealed.
// token():    the user's access token, refreshed shortly before expiry (refresh-token
//             rotation kept), one refresh in flight per user and connector; a refused
//             refresh (invalid_grant) deletes the tokens: the user must sign in again.
import { createHash, randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { Egress } from '../egress/index.js';
import type { KeyRing } from '../crypto/keyring.js';
import { aad } from '../domain/aad.js';
import type { ConnectorRecord } from '../domain/types.js';
import { ServiceError, invalidParameter } from '../protocol/errors.js';
import type { Store } from '../store/store.js';
import { type ConnectorAuth, connectorAuth, fingerprint } from './connector-auth.js';
import { fromTokenResponse, oauthConfig, printable, tokenFailure, TokenFailure } from './oauth.js';
import { schemeFor } from './schemes.js';
import { SingleFlight } from './single-flight.js';
import type { CachedToken, TokenVault } from './token-vault.js';
import { failureOutcome, type TokenObserver } from './observe.js';
import { egressRoute } from '../domain/vpc-connections.js';

type CodeAuth = Extract<ConnectorAuth, { type: 'OAUTH2_AUTHORIZATION_CODE' }>;

/** How long an authorization URL (its state) can be used. */
export const STATE_TTL_MS = 10 * 60 * 1000;
export const CALLBACK_PATH = '/oauth/callback';

export type CallbackOutcome =
  | { ok: true; connectorId: string; connectorName: string; userArn: string }
  | {
    ok: false;
    reason: 'bad-request' | 'unknown-state' | 'expired-state' | 'connector-changed' | 'denied' | 'exchange-failed';
    /** An OAuth error code (RFC 6749 §4.1.2.1, §5.2), when the provider gave one. */
    error?: string;
    connectorName?: string;
  };

/** Authorization request parameters the flow sets itself (RFC 6749 §4.1.1, RFC 7636 §4.3). */
const FLOW_PARAMS = ['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method', 'request', 'request_uri'];

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const OAUTH_ERROR_CODE = /^[\x20-\x21\x23-\x5b\x5d-\x7e]{1,64}$/;

export function accessTokenNotFound(userArn: string, connectorId: string, why: string): ServiceError {
  return new ServiceError('AccessTokenNotFoundException',
    `User ${userArn} has no access token for action connector ${connectorId}: ${why}. Sign in with StartActionConnectorAuthorization.`);
}

/** Why a connector's RedirectUrl cannot be used with this server, if it cannot. */
export function redirectUrlProblem(redirectUrl: string, publicUrl: string | undefined): string | undefined {
  if (publicUrl !== undefined) {
    const expected = `${publicUrl}${CALLBACK_PATH}`;
    return redirectUrl === expected ? undefined : `RedirectUrl must be this server's OAuth callback, exactly ${expected}`;
  }
  const u = URL.canParse(redirectUrl) ? new URL(redirectUrl) : undefined;
  if (!u || u.protocol !== 'https:') return 'RedirectUrl must be an https URL';
  if (!u.pathname.endsWith(CALLBACK_PATH) || u.search || u.hash) return `RedirectUrl must be this server's OAuth callback, a URL ending in ${CALLBACK_PATH}`;
  // The same string is sent with the authorization request and the code (RFC 6749 §4.1.3).
  if (u.href !== redirectUrl) return `RedirectUrl must be written in normal form (${u.href})`;
  return undefined;
}

export class AuthorizationCodeFlow {
  private readonly flight = new SingleFlight<CachedToken>();

  constructor(
    private readonly store: Store,
    private readonly keys: KeyRing,
    private readonly vault: TokenVault,
    private readonly egress: Egress,
    private readonly publicUrl: string | undefined,
    private readonly now: () => number,
    private readonly onToken?: TokenObserver,
  ) {}

  private config(rec: ConnectorRecord, auth: CodeAuth, issuer?: string): client.Configuration {
    return oauthConfig(this.egress, egressRoute(rec), auth.client, schemeFor(rec.type), {
      tokenEndpoint: auth.client.tokenEndpoint,
      authorizationEndpoint: auth.authorizationEndpoint,
      ...(issuer ? { issuer } : {}),
    });
  }

  async start(rec: ConnectorRecord, auth: CodeAuth, userArn: string): Promise<{ url: string; expiresAt: number }> {
    const problem = redirectUrlProblem(auth.redirectUrl, this.publicUrl);
    if (problem) throw invalidParameter(`Action connector ${rec.id} cannot be authorized here: ${problem}.`);
    const state = randomBytes(32).toString('base64url');
    const verifier = client.randomPKCECodeVerifier();
    const stateHash = sha256(state);
    const now = this.now();
    const expiresAt = now + STATE_TTL_MS;
    await this.store.putAuthState({
      stateHash, region: rec.region, accountId: rec.accountId, id: rec.id, userArn,
      verifierSealed: this.keys.seal(verifier, aad.authState(stateHash)),
      redirectUri: auth.redirectUrl, fingerprint: fingerprint(rec, 'end-user'), createdAt: now, expiresAt,
    }, now);
    // Parameters in the AuthorizationEndpoint's own query (e.g. `?scope=...`, how a GENERIC_HTTP
    // connector names its scopes) are kept and win over the type's defaults; the flow's own are ours.
    const endpoint = new URL(auth.authorizationEndpoint);
    for (const own of FLOW_PARAMS) endpoint.searchParams.delete(own);
    const defaults = Object.entries(schemeFor(rec.type).authorizationParams ?? {}).filter(([k]) => !endpoint.searchParams.has(k));
    const url = client.buildAuthorizationUrl(this.config(rec, { ...auth, authorizationEndpoint: endpoint.href }), {
      ...Object.fromEntries(defaults),
      redirect_uri: auth.redirectUrl,
      state,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, expiresAt };
  }

  /** Handles the redirect back from the authorization server (the query of /oauth/callback). */
  async complete(query: URLSearchParams): Promise<CallbackOutcome> {
    // RFC 6749 §3.1: a parameter must not appear more than once.
    const one = (name: string): string | undefined | null => {
      const all = query.getAll(name);
      return all.length === 0 ? undefined : all.length === 1 ? all[0]! : null;
    };
    const state = one('state');
    if (!state) return { ok: false, reason: state === null ? 'bad-request' : 'unknown-state' };
    // Taken (deleted) first: whatever happens next, this state is never used again.
    const row = await this.store.takeAuthState(sha256(state));
    if (!row) return { ok: false, reason: 'unknown-state' };
    if (row.expiresAt <= this.now()) return { ok: false, reason: 'expired-state' };
    const rec = await this.store.getConnector(row);
    if (!rec || rec.authType !== 'OAUTH2_AUTHORIZATION_CODE' || fingerprint(rec, 'end-user') !== row.fingerprint) {
      return { ok: false, reason: 'connector-changed' };
    }
    const connectorName = rec.name;
    const error = one('error');
    if (error !== undefined) return { ok: false, reason: 'denied', connectorName, error: error && OAUTH_ERROR_CODE.test(error) ? error : 'invalid_request' };
    const code = one('code');
    const iss = one('iss');
    if (!code || iss === null) return { ok: false, reason: 'bad-request', connectorName };
    const auth = connectorAuth(rec, this.keys) as CodeAuth;
    const current = new URL(row.redirectUri);
    current.searchParams.set('code', code);
    current.searchParams.set('state', state);
    if (iss) current.searchParams.set('iss', iss);
    let res;
    try {
      res = await client.authorizationCodeGrant(this.config(rec, auth, iss), current, {
        pkceCodeVerifier: this.keys.open(row.verifierSealed, aad.authState(row.stateHash)),
        expectedState: state,
      });
    } catch (err) {
      const f = await tokenFailure(err, 'authorization code exchange', auth.client.tokenEndpoint);
      this.onToken?.('authorization_code', failureOutcome(f));
      return { ok: false, reason: 'exchange-failed', connectorName, ...(f instanceof TokenFailure && f.oauthError ? { error: f.oauthError } : {}) };
    }
    this.onToken?.('authorization_code', 'success');
    await this.vault.put(rec, row.userArn, row.fingerprint, fromTokenResponse(res, undefined, iss));
    return { ok: true, connectorId: rec.id, connectorName, userArn: row.userArn };
  }

  /** The user's access token, refreshed if it is due (or was refused: `rejected`). */
  async token(rec: ConnectorRecord, auth: CodeAuth, userArn: string, opts: { rejected?: string } = {}): Promise<CachedToken> {
    const fp = fingerprint(rec, 'end-user');
    const t = await this.vault.get(rec, userArn);
    if (!t) throw accessTokenNotFound(userArn, rec.id, 'the user has not signed in');
    if (t.row.fingerprint !== fp) {
      await this.vault.delete(rec, userArn, t);
      throw accessTokenNotFound(userArn, rec.id, "the connector's OAuth client changed since the user signed in");
    }
    if (this.vault.fresh(t) && t.set.accessToken !== opts.rejected) return t;
    const name = `token|${rec.region}|${rec.accountId}|${rec.id}|${userArn}`;
    const renew = () => this.flight.run(name, () => this.store.withLock(name, async () => {
      const cur = await this.vault.get(rec, userArn);
      if (!cur) throw accessTokenNotFound(userArn, rec.id, 'the user has not signed in');
      // Renewed meanwhile (by this process or another node).
      if (cur.row.sealed !== t.row.sealed && this.vault.fresh(cur) && cur.set.accessToken !== opts.rejected) return cur;
      return this.refresh(rec, auth, userArn, cur, fp, opts.rejected);
    }));
    let r = await renew();
    if (opts.rejected !== undefined && r.set.accessToken === opts.rejected) r = await renew();
    return r;
  }

  private async refresh(rec: ConnectorRecord, auth: CodeAuth, userArn: string, cur: CachedToken, fp: string, rejected: string | undefined): Promise<CachedToken> {
    const stillGood = this.vault.unexpired(cur) && cur.set.accessToken !== rejected;
    if (!cur.set.refreshToken) {
      if (stillGood) return cur;
      await this.vault.delete(rec, userArn, cur);
      throw accessTokenNotFound(userArn, rec.id, 'the access token expired and the provider gave no refresh token');
    }
    let res;
    try {
      res = await client.refreshTokenGrant(this.config(rec, auth, cur.set.issuer), cur.set.refreshToken, schemeFor(rec.type).refreshParams ?? {});
    } catch (err) {
      this.onToken?.('refresh', failureOutcome(err));
      if (err instanceof client.ResponseBodyError && err.error === 'invalid_grant') {
        // Revoked or expired refresh token. Delete only what was refused: another node may have just rotated it.
        if (await this.vault.delete(rec, userArn, cur)) {
          throw accessTokenNotFound(userArn, rec.id, `the provider refused to refresh the user's authorization (invalid_grant${err.error_description ? `: ${printable(err.error_description, 120)}` : ''})`);
        }
        const other = await this.vault.get(rec, userArn);
        if (other) return other;
        throw accessTokenNotFound(userArn, rec.id, 'the user has not signed in');
      }
      // Not the user's fault (endpoint down, client refused): keep the tokens; use the current one while it lasts.
      if (stillGood) return cur;
      throw await tokenFailure(err, 'refresh-token request', auth.client.tokenEndpoint);
    }
    this.onToken?.('refresh', 'success');
    return this.vault.put(rec, userArn, fp, fromTokenResponse(res, cur.set));
  }
}
