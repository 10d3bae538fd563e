// OAUTH2_AUTHORIZATION_CODE: each end user signs in once per connector.
//
// start():    a one-time sign-in URL on ActionBridge, /oauth/start?flow=<id>, bound to
//             the user and the connector (StartActionConnectorAuthorization answers it).
// describe(): GET /oauth/start — reads the flow (not taken): who started it, for which
//             connector and authorization server, for the confirmation page (the person
//             who opens the link sees whose ActionBridge user the sign-in would be linked to).
// open():     POST /oauth/start — the flow id is taken (deleted); a random binding value goes
//             into a short-lived HttpOnly cookie of the browser that opened it, and the
//             browser is sent to the authorization server with PKCE (S256, RFC 7636) and
//             a one-time state (RFC 6749 §10.12). The database keeps only hashes: of the
//             flow id, and of the state together with the binding (RFC 9700 §4.7.1: the
//             callback is bound to the browser that started the flow).
// complete(): /oauth/callback — needs the cookie: the state row is found (and taken)
//             only with the state and the binding value of the same browser. The `iss`
//             the authorization server sends must be its issuer (RFC 9207, mix-up
//             defence; see checkIssuer). Then the code is exchanged with the exact
//             redirect_uri of the request (RFC 6749 §4.1.3) and the tokens stored sealed.
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
import { clientMaterial, fromTokenResponse, oauthConfig, oauthErrorDescription, tokenFailure, TokenFailure } from './oauth.js';
import { CredentialScrubber } from './scrub.js';
import { schemeFor } from './schemes.js';
import { SingleFlight } from './single-flight.js';
import type { CachedToken, TokenVault } from './token-vault.js';
import { failureOutcome, type TokenObserver } from './observe.js';
import { egressRoute } from '../domain/vpc-connections.js';
import { IssuerDiscovery } from './issuer-discovery.js';
import { parsePrincipalArn } from '../auth/arns.js';
import { authConfigOf } from './destination.js';
import { type DiscoveredAuth, McpAuthorization } from './mcp-authorization.js';

type CodeAuth = Extract<ConnectorAuth, { type: 'OAUTH2_AUTHORIZATION_CODE' }>;

/** The authentication of a connector whose AuthenticationType the caller checked is OAUTH2_AUTHORIZATION_CODE. */
function codeAuth(rec: ConnectorRecord, keys: KeyRing): CodeAuth {
  const auth = connectorAuth(rec, keys);
  if (auth.type !== 'OAUTH2_AUTHORIZATION_CODE') throw new TypeError(`connector ${rec.id} does not use OAUTH2_AUTHORIZATION_CODE`);
  return auth;
}

/** How long a sign-in URL can be opened, and then how long the sign-in at the provider may take. */
export const STATE_TTL_MS = 10 * 60 * 1000;
export const CALLBACK_PATH = '/oauth/callback';
export const START_PATH = '/oauth/start';

/** The cookie that binds a flow to the browser that opened /oauth/start (scoped to the callback's path). */
export interface FlowCookie {
  name: string;
  /** Empty: clear it. */
  value: string;
  path: string;
  maxAgeSeconds: number;
  secure: boolean;
}

export type CallbackOutcome = (
  | { ok: true; connectorId: string; connectorName: string; userArn: string }
  | {
      ok: false;
      reason: 'bad-request' | 'unknown-state' | 'not-bound' | 'expired-state' | 'connector-changed' | 'denied' | 'exchange-failed' | 'wrong-issuer';
      /** An OAuth error code (RFC 6749 §4.1.2.1, §5.2), when the provider gave one. */
      error?: string;
      connectorName?: string;
    }
) & { clearCookie?: FlowCookie };

export type StartOutcome = { ok: true; location: string; cookie: FlowCookie } | { ok: false; reason: 'unknown-flow' | 'expired-state' | 'connector-changed' };

/** A flow not yet opened, as the confirmation page shows it (nothing secret). */
export interface FlowDescription {
  /** The ActionBridge user who started the flow: the tokens will be theirs. */
  userArn: string;
  accountId: string;
  userName: string;
  connectorId: string;
  connectorName: string;
  /** The origin of the authorization server the browser is sent to. */
  authorizationOrigin: string;
  /** The origin of the connector's RedirectUrl: where /oauth/start is served (this server's public origin). */
  serverOrigin: string;
  expiresAt: number;
}

export type DescribeOutcome = { ok: true; flow: FlowDescription } | Extract<StartOutcome, { ok: false }>;

/**
 * What a sign-in and the user's tokens use: the connector's own client and endpoints, or
 * those discovered at its MCP server (then with the RFC 8707 resource indicator).
 */
export interface FlowAuth {
  redirectUrl: string;
  authorizationEndpoint: string;
  client: { clientId: string; clientSecret: string; tokenEndpoint: string };
  discovered?: DiscoveredAuth;
}

/** Authorization request parameters the flow sets itself (RFC 6749 §4.1.1, RFC 7636 §4.3). */
const FLOW_PARAMS = ['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method', 'request', 'request_uri'];

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
// Domain-separated hashes: a flow id, and a state with its browser binding, each keys an oauth_states row.
const flowHash = (flow: string) => sha256(`flow\n${flow}`);
const boundStateHash = (state: string, binding: string) => sha256(`state\n${state}\n${binding}`);
/** The binding cookie's name, from the state: several sign-ins may run in one browser at once. */
const cookieName = (state: string) => `ab_oauth_${sha256(`cookie\n${state}`).slice(0, 16)}`;
const RANDOM = /^[\w-]{43}$/;

/** A Cookie header's value of `name` (the last one given). */
function cookieIn(header: string | undefined, name: string): string | undefined {
  let found: string | undefined;
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) found = part.slice(eq + 1).trim();
  }
  return found;
}

/** /oauth/start on the same origin (and path prefix) as the connector's RedirectUrl, where the cookie is needed. */
function startUrl(redirectUrl: string, flow: string): string {
  const u = new URL(redirectUrl);
  u.pathname = `${u.pathname.slice(0, -CALLBACK_PATH.length)}${START_PATH}`;
  u.search = new URLSearchParams({ flow }).toString();
  return u.href;
}
const OAUTH_ERROR_CODE = /^[\x20-\x21\x23-\x5b\x5d-\x7e]{1,64}$/;

export function accessTokenNotFound(userArn: string, connectorId: string, why: string): ServiceError {
  return new ServiceError(
    'AccessTokenNotFoundException',
    `User ${userArn} has no access token for action connector ${connectorId}: ${why}. Sign in with StartActionConnectorAuthorization.`,
  );
}

/** Why a connector's RedirectUrl cannot be used with this server, if it cannot. */
export function redirectUrlProblem(redirectUrl: string, publicUrl: string | undefined): string | undefined {
  if (publicUrl !== undefined) {
    const expected = `${publicUrl}${CALLBACK_PATH}`;
    return redirectUrl === expected ? undefined : `RedirectUrl must be this server's OAuth callback, exactly ${expected}`;
  }
  const u = URL.canParse(redirectUrl) ? new URL(redirectUrl) : undefined;
  if (u?.protocol !== 'https:') return 'RedirectUrl must be an https URL';
  if (!u.pathname.endsWith(CALLBACK_PATH) || u.search || u.hash) return `RedirectUrl must be this server's OAuth callback, a URL ending in ${CALLBACK_PATH}`;
  // The same string is sent with the authorization request and the code (RFC 6749 §4.1.3).
  if (u.href !== redirectUrl) return `RedirectUrl must be written in normal form (${u.href})`;
  return undefined;
}

export class AuthorizationCodeFlow {
  private readonly flight = new SingleFlight<CachedToken>();
  private readonly issuers: IssuerDiscovery;
  /** The authorization discovered at connectors' MCP servers. */
  readonly mcp: McpAuthorization;

  constructor(
    private readonly store: Store,
    private readonly keys: KeyRing,
    private readonly vault: TokenVault,
    private readonly egress: Egress,
    private readonly publicUrl: string | undefined,
    private readonly now: () => number,
    private readonly onToken?: TokenObserver,
  ) {
    this.issuers = new IssuerDiscovery(egress, now);
    this.mcp = new McpAuthorization(store, keys, egress, now);
  }

  /** The client and endpoints of `auth`: its own, or those discovered at its MCP server (refused when there are none). */
  async flowAuth(rec: ConnectorRecord, auth: CodeAuth): Promise<FlowAuth> {
    if (!auth.discover) return { redirectUrl: auth.redirectUrl, authorizationEndpoint: auth.authorizationEndpoint, client: auth.client };
    const d = await this.mcp.resolve(rec, auth.redirectUrl);
    return { redirectUrl: auth.redirectUrl, authorizationEndpoint: d.config.authorizationEndpoint, client: d.client, discovered: d };
  }

  /**
   * What a user's sign-in and tokens are bound to: the connector's destination, and for a
   * discovered client what was discovered (another server, client or resource: sign in again).
   */
  private fingerprint(rec: ConnectorRecord, fa: FlowAuth): string {
    const fp = fingerprint(rec, 'end-user');
    if (!fa.discovered) return fp;
    return createHash('sha256').update(`mcp-oauth\n${fp}\n${fa.discovered.hash}`).digest('hex').slice(0, 32);
  }

  /** The connector and its flow auth, when it is still the one the flow row was made for. */
  private async current(row: {
    region: string;
    accountId: string;
    id: string;
    fingerprint: string;
  }): Promise<{ rec: ConnectorRecord; fa: FlowAuth } | undefined> {
    const rec = await this.store.connectors.getConnector(row);
    if (rec?.authType !== 'OAUTH2_AUTHORIZATION_CODE') return undefined;
    if (fingerprint(rec, 'end-user') === row.fingerprint) {
      // Its own client, as configured when the flow began (checked before its secret is opened).
      const auth = codeAuth(rec, this.keys);
      return auth.discover ? undefined : { rec, fa: await this.flowAuth(rec, auth) };
    }
    // A discovered client: bound to what was discovered too. Anything else changed: refused.
    let fa: FlowAuth;
    try {
      const cfg = authConfigOf(rec);
      if (
        cfg.AuthenticationType !== 'OAUTH2_AUTHORIZATION_CODE' ||
        cfg.AuthenticationMetadata.AuthorizationCodeGrantMetadata.AuthorizationCodeGrantCredentialsDetails
      ) {
        return undefined;
      }
      fa = await this.flowAuth(rec, codeAuth(rec, this.keys));
    } catch (err) {
      if (err instanceof ServiceError) return undefined;
      throw err;
    }
    return this.fingerprint(rec, fa) === row.fingerprint ? { rec, fa } : undefined;
  }

  private config(rec: ConnectorRecord, fa: FlowAuth, issuer?: string): client.Configuration {
    const d = fa.discovered?.config;
    return oauthConfig(this.egress, egressRoute(rec), fa.client, schemeFor(rec.type), {
      tokenEndpoint: fa.client.tokenEndpoint,
      authorizationEndpoint: fa.authorizationEndpoint,
      ...(d ? { issuer: d.issuer, tokenEndpointAuth: d.tokenEndpointAuthMethod } : issuer ? { issuer } : {}),
    });
  }

  /** RFC 8707: the resource indicator of token requests of a discovered client. */
  private resourceParams(fa: FlowAuth): Record<string, string> {
    return fa.discovered ? { resource: fa.discovered.config.resource } : {};
  }

  /** StartActionConnectorAuthorization: the one-time sign-in URL on this server, and until when it can be opened. */
  async start(rec: ConnectorRecord, auth: CodeAuth, userArn: string): Promise<{ url: string; expiresAt: number }> {
    const problem = redirectUrlProblem(auth.redirectUrl, this.publicUrl);
    if (problem) throw invalidParameter(`Action connector ${rec.id} cannot be authorized here: ${problem}.`);
    const fa = await this.flowAuth(rec, auth);
    const flow = randomBytes(32).toString('base64url');
    const verifier = client.randomPKCECodeVerifier();
    const hash = flowHash(flow);
    const now = this.now();
    const expiresAt = now + STATE_TTL_MS;
    await this.store.connections.putAuthState(
      {
        stateHash: hash,
        region: rec.region,
        accountId: rec.accountId,
        id: rec.id,
        userArn,
        verifierSealed: this.keys.seal(verifier, aad.authState(hash)),
        redirectUri: auth.redirectUrl,
        fingerprint: this.fingerprint(rec, fa),
        createdAt: now,
        expiresAt,
      },
      now,
    );
    return { url: startUrl(auth.redirectUrl, flow), expiresAt };
  }

  /** GET /oauth/start?flow=: the flow as the confirmation page names it; read only (a link preview does not use it up). */
  async describe(flow: string | undefined): Promise<DescribeOutcome> {
    if (!flow || !RANDOM.test(flow)) return { ok: false, reason: 'unknown-flow' };
    const row = await this.store.connections.getAuthState(flowHash(flow));
    if (!row) return { ok: false, reason: 'unknown-flow' };
    if (row.expiresAt <= this.now()) return { ok: false, reason: 'expired-state' };
    const cur = await this.current(row);
    if (!cur) return { ok: false, reason: 'connector-changed' };
    const { rec, fa } = cur;
    const user = parsePrincipalArn(row.userArn);
    return {
      ok: true,
      flow: {
        userArn: row.userArn,
        accountId: row.accountId,
        userName: user?.name ?? row.userArn,
        connectorId: rec.id,
        connectorName: rec.name,
        authorizationOrigin: new URL(fa.authorizationEndpoint).origin,
        serverOrigin: new URL(row.redirectUri).origin,
        expiresAt: row.expiresAt,
      },
    };
  }

  /**
   * POST /oauth/start (flow=): takes the flow (one use), stores the state bound to a new
   * browser binding value, and gives the cookie to set and the authorization URL to go to.
   */
  async open(flow: string | undefined): Promise<StartOutcome> {
    if (!flow || !RANDOM.test(flow)) return { ok: false, reason: 'unknown-flow' };
    const row = await this.store.connections.takeAuthState(flowHash(flow));
    if (!row) return { ok: false, reason: 'unknown-flow' };
    const now = this.now();
    if (row.expiresAt <= now) return { ok: false, reason: 'expired-state' };
    const cur = await this.current(row);
    if (!cur) return { ok: false, reason: 'connector-changed' };
    const { rec, fa } = cur;
    const verifier = this.keys.open(row.verifierSealed, aad.authState(row.stateHash));
    const state = randomBytes(32).toString('base64url');
    const binding = randomBytes(32).toString('base64url');
    const stateHash = boundStateHash(state, binding);
    const expiresAt = now + STATE_TTL_MS;
    await this.store.connections.putAuthState(
      {
        ...row,
        stateHash,
        verifierSealed: this.keys.seal(verifier, aad.authState(stateHash)),
        createdAt: now,
        expiresAt,
      },
      now,
    );
    // Parameters in the AuthorizationEndpoint's own query (e.g. `?scope=...`, how a GENERIC_HTTP
    // connector names its scopes) are kept and win over the type's defaults; the flow's own are ours.
    const endpoint = new URL(fa.authorizationEndpoint);
    for (const own of FLOW_PARAMS) endpoint.searchParams.delete(own);
    const d = fa.discovered?.config;
    // A discovered endpoint's own resource parameter never replaces the server's (RFC 8707).
    if (d) endpoint.searchParams.delete('resource');
    // A discovered client asks for the scopes the server named, and for a token bound to the server (RFC 8707).
    const wanted = { ...(schemeFor(rec.type).authorizationParams ?? {}), ...(d?.scope ? { scope: d.scope } : {}) };
    const defaults = Object.entries(wanted).filter(([k]) => !endpoint.searchParams.has(k));
    const url = client.buildAuthorizationUrl(this.config(rec, { ...fa, authorizationEndpoint: endpoint.href }), {
      ...Object.fromEntries(defaults),
      ...this.resourceParams(fa),
      redirect_uri: row.redirectUri,
      state,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const cookie = this.cookie(row.redirectUri, cookieName(state), binding, Math.round(STATE_TTL_MS / 1000));
    return { ok: true, location: url.href, cookie };
  }

  private cookie(redirectUri: string, name: string, value: string, maxAgeSeconds: number): FlowCookie {
    const u = new URL(redirectUri);
    return { name, value, path: u.pathname, maxAgeSeconds, secure: u.protocol === 'https:' };
  }

  /**
   * RFC 9207: the `iss` of the authorization response must be the issuer of the connector's
   * authorization server — the one its metadata names (issuer-discovery.ts); when none is
   * known, at least a URL on the AuthorizationEndpoint's origin. It is required when the
   * metadata says the server sends it. Returns the issuer to hold the tokens under, or
   * false (refused: a mix-up, nothing is sent to any token endpoint).
   */
  private async checkIssuer(rec: ConnectorRecord, fa: FlowAuth, iss: string | undefined): Promise<string | undefined | false> {
    const d = fa.discovered?.config;
    // A discovered authorization server's issuer is known: the one its metadata was checked for.
    const known = d ? { issuer: d.issuer, issRequired: d.issRequired } : await this.issuers.expected(fa.authorizationEndpoint, egressRoute(rec));
    if (iss === undefined) return known.issRequired ? false : known.issuer;
    if (known.issuer !== undefined) return iss === known.issuer ? iss : false;
    const u = URL.canParse(iss) ? new URL(iss) : undefined;
    const ok =
      u !== undefined && u.protocol === 'https:' && !u.search && !u.hash && !u.username && !u.password && u.origin === new URL(fa.authorizationEndpoint).origin;
    return ok ? iss : false;
  }

  /**
   * Handles the redirect back from the authorization server (the query of /oauth/callback)
   * in the browser whose Cookie header is `cookies`: without that browser's binding cookie
   * the state is not found (another browser cannot complete, nor be made to complete, it).
   */
  async complete(query: URLSearchParams, cookies: string | undefined): Promise<CallbackOutcome> {
    // RFC 6749 §3.1: a parameter must not appear more than once.
    const one = (name: string): string | undefined | null => {
      const all = query.getAll(name);
      return all.length === 0 ? undefined : all.length === 1 ? all[0]! : null;
    };
    const state = one('state');
    if (!state) return { ok: false, reason: state === null ? 'bad-request' : 'unknown-state' };
    const name = cookieName(state);
    const binding = cookieIn(cookies, name);
    if (!binding) return { ok: false, reason: 'not-bound' };
    // Taken (deleted) first: whatever happens next, this state is never used again.
    const row = await this.store.connections.takeAuthState(boundStateHash(state, binding));
    const fallbackPath = new URL(`${this.publicUrl ?? 'https://localhost'}${CALLBACK_PATH}`).pathname;
    if (!row) return { ok: false, reason: 'unknown-state', clearCookie: { name, value: '', path: fallbackPath, maxAgeSeconds: 0, secure: true } };
    const clearCookie = this.cookie(row.redirectUri, name, '', 0);
    const refused = (o: Omit<Extract<CallbackOutcome, { ok: false }>, 'ok' | 'clearCookie'>): CallbackOutcome => ({ ok: false, ...o, clearCookie });
    if (row.expiresAt <= this.now()) return refused({ reason: 'expired-state' });
    const cur = await this.current(row);
    if (!cur) return refused({ reason: 'connector-changed' });
    const { rec, fa } = cur;
    const connectorName = rec.name;
    const iss = one('iss');
    if (iss === null) return refused({ reason: 'bad-request', connectorName });
    // RFC 9207 §2.4: checked on error responses too.
    const issuer = await this.checkIssuer(rec, fa, iss);
    if (issuer === false) return refused({ reason: 'wrong-issuer', connectorName });
    const error = one('error');
    if (error !== undefined) return refused({ reason: 'denied', connectorName, error: error && OAUTH_ERROR_CODE.test(error) ? error : 'invalid_request' });
    const code = one('code');
    if (!code) return refused({ reason: 'bad-request', connectorName });
    const current = new URL(row.redirectUri);
    current.searchParams.set('code', code);
    current.searchParams.set('state', state);
    if (iss) current.searchParams.set('iss', iss);
    const verifier = this.keys.open(row.verifierSealed, aad.authState(row.stateHash));
    let res: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
    try {
      res = await client.authorizationCodeGrant(
        this.config(rec, fa, issuer),
        current,
        { pkceCodeVerifier: verifier, expectedState: state },
        this.resourceParams(fa),
      );
    } catch (err) {
      const f = await tokenFailure(
        err,
        'authorization code exchange',
        fa.client.tokenEndpoint,
        new CredentialScrubber([...clientMaterial(fa.client), code, verifier]),
      );
      this.onToken?.('authorization_code', failureOutcome(f));
      return refused({ reason: 'exchange-failed', connectorName, ...(f instanceof TokenFailure && f.oauthError ? { error: f.oauthError } : {}) });
    }
    this.onToken?.('authorization_code', 'success');
    await this.vault.put(rec, row.userArn, row.fingerprint, fromTokenResponse(res, undefined, issuer));
    return { ok: true, connectorId: rec.id, connectorName, userArn: row.userArn, clearCookie };
  }

  /** The user's access token, refreshed if it is due (or was refused: `rejected`). */
  async token(rec: ConnectorRecord, auth: CodeAuth, userArn: string, opts: { rejected?: string } = {}): Promise<CachedToken & { clientMaterial: string[] }> {
    const t = await this.vault.get(rec, userArn);
    if (!t) throw accessTokenNotFound(userArn, rec.id, 'the user has not signed in');
    const fa = await this.flowAuth(rec, auth);
    const r = await this.userToken(rec, fa, userArn, t, opts);
    // A discovered client's secret is not among the connector's own: its material goes along for scrubbing.
    return { ...r, clientMaterial: fa.discovered ? clientMaterial(fa.client) : [] };
  }

  private async userToken(rec: ConnectorRecord, fa: FlowAuth, userArn: string, t: CachedToken | undefined, opts: { rejected?: string }): Promise<CachedToken> {
    const fp = this.fingerprint(rec, fa);
    if (!t) throw accessTokenNotFound(userArn, rec.id, 'the user has not signed in');
    if (t.row.fingerprint !== fp) {
      await this.vault.delete(rec, userArn, t);
      throw accessTokenNotFound(userArn, rec.id, "the connector's OAuth client changed since the user signed in");
    }
    if (this.vault.fresh(t) && t.set.accessToken !== opts.rejected) return t;
    const name = `token|${rec.region}|${rec.accountId}|${rec.id}|${userArn}`;
    const renew = () =>
      this.flight.run(name, () =>
        this.store.withLock(name, async () => {
          const cur = await this.vault.get(rec, userArn);
          if (!cur) throw accessTokenNotFound(userArn, rec.id, 'the user has not signed in');
          // Renewed meanwhile (by this process or another node).
          if (cur.row.sealed !== t.row.sealed && this.vault.fresh(cur) && cur.set.accessToken !== opts.rejected) return cur;
          return this.refresh(rec, fa, userArn, cur, fp, opts.rejected);
        }),
      );
    let r = await renew();
    if (opts.rejected !== undefined && r.set.accessToken === opts.rejected) r = await renew();
    return r;
  }

  private async refresh(
    rec: ConnectorRecord,
    auth: FlowAuth,
    userArn: string,
    cur: CachedToken,
    fp: string,
    rejected: string | undefined,
  ): Promise<CachedToken> {
    const stillGood = this.vault.unexpired(cur) && cur.set.accessToken !== rejected;
    if (!cur.set.refreshToken) {
      if (stillGood) return cur;
      await this.vault.delete(rec, userArn, cur);
      throw accessTokenNotFound(userArn, rec.id, 'the access token expired and the provider gave no refresh token');
    }
    let res: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
    // What the refresh request carries: the client's credentials, the refresh token (and the access token it replaces).
    const scrubber = new CredentialScrubber([...clientMaterial(auth.client), cur.set.refreshToken, cur.set.accessToken]);
    try {
      res = await client.refreshTokenGrant(this.config(rec, auth, cur.set.issuer), cur.set.refreshToken, {
        ...(schemeFor(rec.type).refreshParams ?? {}),
        ...this.resourceParams(auth),
      });
    } catch (err) {
      this.onToken?.('refresh', failureOutcome(err));
      if (err instanceof client.ResponseBodyError && err.error === 'invalid_grant') {
        // Revoked or expired refresh token. Delete only what was refused: another node may have just rotated it.
        if (await this.vault.delete(rec, userArn, cur)) {
          const desc = oauthErrorDescription(err.error_description, scrubber, 120);
          throw accessTokenNotFound(userArn, rec.id, `the provider refused to refresh the user's authorization (invalid_grant${desc ? `: ${desc}` : ''})`);
        }
        const other = await this.vault.get(rec, userArn);
        if (other) return other;
        throw accessTokenNotFound(userArn, rec.id, 'the user has not signed in');
      }
      // Not the user's fault (endpoint down, client refused): keep the tokens; use the current one while it lasts.
      if (stillGood) return cur;
      throw await tokenFailure(err, 'refresh-token request', auth.client.tokenEndpoint, scrubber);
    }
    this.onToken?.('refresh', 'success');
    return this.vault.put(rec, userArn, fp, fromTokenResponse(res, cur.set));
  }
}
