// OAUTH2_AUTHORIZATION_CODE against a real authorization server (oidc-provider on
// HTTPS), driven like a browser: StartActionConnectorAuthorization, the provider's
// login and consent forms, the redirect to /oauth/callback (through a TLS front,
// as deployed), then the user's token in use, refreshed with rotation, revoked;
// and the state checks: wrong, replayed, expired, and mismatched redirect URIs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlStore } from '../src/store/sql-store.js';
import { aad } from '../src/domain/aad.js';
import { destinationDigest } from '../src/domain/destination.js';
import { ACCOUNT, ADMIN, qs, type TestUser } from './helpers.js';
import { TestBrowser, type Page } from './support/browser.js';
import { type ConnEnv, endUser, startConnEnv } from './support/conn-env.js';
import { connectorOps, type Creds } from './support/extension-client.js';
import { leaks } from './support/leaks.js';
import { startOidc, type OidcClient, type TestOidc } from './support/oidc.js';
import { startResourceServer, type ResourceServer } from './support/resource-server.js';
import { createTestCa } from './support/tls.js';
import { startTlsFront, type TlsFront } from './support/tls-front.js';
import { waitFor } from './support/wait.js';
import { confirmationPage, openStart } from './support/security-oauth-flow.js';

const ALL = [
  'DescribeActionConnector',
  'UpdateActionConnector',
  'DeleteActionConnector',
  'DescribeActionConnectorPermissions',
  'UpdateActionConnectorPermissions',
  'ListActionConnectorActions',
  'InvokeActionConnector',
].map((a) => `quicksight:${a}`);

let env: ConnEnv;
let front: TlsFront;
let oidc: TestOidc;
let api: ResourceServer;
let browser: TestBrowser;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let viewer: TestUser;
let WEB: OidcClient;
const responses: string[] = [];
const pages: string[] = [];

const callbackUrl = () => `${front.publicUrl}/oauth/callback`;
const key = (id: string) => ({ region: 'us-east-1', accountId: ACCOUNT, id });

function codeAuth(opts: { redirectUrl?: string; clientId?: string; secret?: string } = {}): qs.AuthConfig {
  return {
    AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
    AuthenticationMetadata: {
      AuthorizationCodeGrantMetadata: {
        BaseEndpoint: api.url('/api'),
        RedirectUrl: opts.redirectUrl ?? callbackUrl(),
        AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
        AuthorizationCodeGrantCredentialsDetails: {
          AuthorizationCodeGrantDetails: {
            ClientId: opts.clientId ?? WEB.client_id,
            ClientSecret: opts.secret ?? WEB.client_secret,
            TokenEndpoint: oidc.tokenEndpoint,
            // A GENERIC_HTTP connector names its scopes in the authorization endpoint's query.
            AuthorizationEndpoint: `${oidc.authorizationEndpoint}?scope=api`,
          },
        },
      },
    },
  };
}

async function create(id: string, auth: qs.AuthConfig = codeAuth()) {
  await env.t.client().send(
    new qs.CreateActionConnectorCommand({
      AwsAccountId: ACCOUNT,
      ActionConnectorId: id,
      Name: `Sign-in ${id}`,
      Type: 'GENERIC_HTTP',
      AuthenticationConfig: auth,
      Permissions: [alice, bob, carol]
        .map((u) => ({ Principal: u.arn, Actions: ALL }))
        .concat([{ Principal: viewer.arn, Actions: ['quicksight:DescribeActionConnector'] }]),
    }),
  );
}

async function authorizationUrl(id: string, creds: Creds): Promise<string> {
  const r = await connectorOps(env.t.endpoint, ACCOUNT, id).authorize(creds);
  responses.push(JSON.stringify(r.body));
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.AuthorizationUrl as string;
}

/** Signs in at the provider like a person: login form, consent form, and back to the callback. */
async function signIn(url: string, login: string, opts: { keepCookies?: boolean } = {}): Promise<Page> {
  if (!opts.keepCookies) browser.forgetCookies();
  // ActionBridge's sign-in URL is a confirmation page: Continue leads to the provider.
  const loginPage = new URL(url).pathname.endsWith('/oauth/start') ? await browser.submit(await confirmationPage(browser, url)) : await browser.open(url);
  expect(loginPage.status, loginPage.body.slice(0, 300)).toBe(200);
  expect(loginPage.body).toContain('name="login"');
  const consent = await browser.submit(loginPage, { login, password: 'any' });
  expect(consent.body, consent.hops.join('\n')).toContain('name="prompt" value="consent"');
  const done = await browser.submit(consent);
  pages.push(done.body);
  return done;
}

async function tokenSet(id: string, user: TestUser) {
  const row = await env.t.server.store.connections.getToken(key(id), user.arn);
  if (!row) return undefined;
  const digest = destinationDigest((await env.t.server.store.connectors.getConnector(key(id)))!);
  const set = JSON.parse(env.t.server.services.keys.open(row.sealed, aad.connectorToken('us-east-1', ACCOUNT, id, user.arn, digest))) as {
    accessToken: string;
    refreshToken?: string;
  };
  return { row, set };
}

const seenTokens = new Set<string>();
const remember = async (id: string, user: TestUser) => {
  const t = await tokenSet(id, user);
  if (t) {
    seenTokens.add(t.set.accessToken);
    if (t.set.refreshToken) seenTokens.add(t.set.refreshToken);
  }
  return t;
};

beforeAll(async () => {
  const ca = createTestCa();
  front = await startTlsFront(ca);
  env = await startConnEnv({ publicUrl: front.publicUrl, logLevel: 'trace' }, ca);
  front.setBackend(env.t.endpoint);
  WEB = {
    client_id: 'actionbridge-web',
    client_secret: 'ac-client-secret-0a1b2c3d4e5f6a7b',
    grant_types: ['authorization_code', 'refresh_token'],
    redirect_uris: [callbackUrl()],
  };
  const elsewhere: OidcClient = {
    client_id: 'registered-elsewhere',
    client_secret: 'ac-other-secret-99887766',
    grant_types: ['authorization_code', 'refresh_token'],
    redirect_uris: ['https://actionbridge.example.com/oauth/callback'],
  };
  oidc = await startOidc(ca, [WEB, elsewhere]);
  api = await startResourceServer(ca, (token) => oidc.valid(token));
  browser = new TestBrowser(ca.certPem);
  [alice, bob, carol, viewer] = await Promise.all([
    env.t.addUser('alice', 'AUTHOR'),
    env.t.addUser('bob', 'AUTHOR'),
    env.t.addUser('carol', 'READER'),
    env.t.addUser('viewer', 'READER'),
  ]);
  await create('ac-main');
});
afterAll(async () => {
  await browser?.close();
  await env?.t.stop();
  await Promise.all([api?.close(), oidc?.close(), front?.close()]);
});

describe('authorization code: signing in', () => {
  it('a user who has not signed in gets AccessTokenNotFoundException', async () => {
    const r = await connectorOps(env.t.endpoint, ACCOUNT, 'ac-main').test(alice);
    expect([r.status, r.errorType]).toEqual([401, 'AccessTokenNotFoundException']);
    expect(r.body.Message).toMatch(/has not signed in.*StartActionConnectorAuthorization/);
  });

  it('StartActionConnectorAuthorization returns a one-time sign-in URL on this server that leads to the authorization URL with PKCE S256 and a state, expiring in 10 minutes', async () => {
    const r = await connectorOps(env.t.endpoint, ACCOUNT, 'ac-main').authorize(alice);
    expect(r.status).toBe(200);
    const start = new URL(r.body.AuthorizationUrl);
    expect(`${start.origin}${start.pathname}`).toBe(`${front.publicUrl}/oauth/start`);
    expect(start.searchParams.get('flow')).toMatch(/^[\w-]{43}$/);
    browser.forgetCookies();
    const u = await openStart(browser, r.body.AuthorizationUrl);
    // The sign-in URL is confirmed once: afterwards it is unknown.
    const again = await browser.open(r.body.AuthorizationUrl);
    expect(again.status).toBe(400);
    expect(again.body).toContain('unknown or was already used');
    // People read this page: it says where to start again, in words, not by an API operation's name.
    expect(again.body).toContain('choose Sign in on its Overview page');
    expect(again.body).not.toContain('StartActionConnectorAuthorization');
    expect(`${u.origin}${u.pathname}`).toBe(oidc.authorizationEndpoint);
    expect(Object.fromEntries(u.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: WEB.client_id,
      redirect_uri: callbackUrl(),
      code_challenge_method: 'S256',
      scope: 'api',
    });
    expect(u.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(u.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(r.body.ExpiresAt - Date.now() / 1000).toBeGreaterThan(590);
    expect(r.body.ExpiresAt - Date.now() / 1000).toBeLessThan(610);
    // Only hashes are stored: not the flow id, not the state.
    const rows = await (env.t.server.store as SqlStore).db.selectFrom('oauth_states').selectAll().execute();
    expect(rows.some((row) => JSON.stringify(row).includes(u.searchParams.get('state')!))).toBe(false);
    expect(rows.some((row) => JSON.stringify(row).includes(start.searchParams.get('flow')!))).toBe(false);
  });

  it('needs InvokeActionConnector, and an OAUTH2_AUTHORIZATION_CODE connector', async () => {
    const r = await connectorOps(env.t.endpoint, ACCOUNT, 'ac-main').authorize(viewer);
    expect([r.status, r.errorType]).toEqual([401, 'AccessDeniedException']);
    await env.t.client().send(
      new qs.CreateActionConnectorCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'ac-none',
        Name: 'none',
        Type: 'GENERIC_HTTP',
        AuthenticationConfig: { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: api.url('/') } } },
      }),
    );
    const n = await connectorOps(env.t.endpoint, ACCOUNT, 'ac-none').authorize(ADMIN);
    expect([n.status, n.errorType]).toEqual([400, 'InvalidParameterValueException']);
  });

  it('the full flow: login and consent at the provider, back to /oauth/callback, tokens stored sealed, the service reached', async () => {
    const url = await authorizationUrl('ac-main', alice);
    const done = await signIn(url, 'alice@example.com');
    expect(done.url.startsWith(`${callbackUrl()}?`)).toBe(true);
    const back = new URL(done.url);
    expect(back.searchParams.get('code')).toBeTruthy();
    expect(back.searchParams.get('iss')).toBe(oidc.issuer);
    expect(done.status).toBe(200);
    expect(done.body).toContain('Signed in');
    expect(done.body).toContain(alice.arn);
    expect(done.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(done.headers.get('cache-control')).toBe('no-store');
    expect(done.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(done.headers.get('referrer-policy')).toBe('no-referrer');
    expect(oidc.tokenRequests.authorization_code).toBe(1);

    const t = await remember('ac-main', alice);
    expect(t?.set.refreshToken).toBeTruthy();
    expect(done.body).not.toContain(t!.set.accessToken);
    expect(done.body).not.toContain(back.searchParams.get('code')!);

    const test = await connectorOps(env.t.endpoint, ACCOUNT, 'ac-main').test(alice);
    responses.push(JSON.stringify(test.body));
    expect(test.body).toMatchObject({ Success: true, HttpStatusCode: 200 });
    expect(api.seen.at(-1)).toBe(`Bearer ${t!.set.accessToken}`);

    const h = await connectorOps(env.t.endpoint, ACCOUNT, 'ac-main').connection(alice);
    expect(h.body).toMatchObject({ SignedInUsers: 1, CallerSignedIn: true, LastTest: { Success: true } });
    const other = await connectorOps(env.t.endpoint, ACCOUNT, 'ac-main').connection(viewer);
    expect(other.body).toMatchObject({ SignedInUsers: 1, CallerSignedIn: false });
    // Tokens are per user: bob has none.
    const b = await connectorOps(env.t.endpoint, ACCOUNT, 'ac-main').test(bob);
    expect(b.errorType).toBe('AccessTokenNotFoundException');
  });

  it('a replayed state is refused and changes nothing', async () => {
    const url = await authorizationUrl('ac-main', carol);
    const done = await signIn(url, 'carol@example.com');
    expect(done.status).toBe(200);
    const before = await tokenSet('ac-main', carol);
    const codeRequests = oidc.tokenRequests.authorization_code;
    const replay = await browser.open(done.url);
    pages.push(replay.body);
    expect(replay.status).toBe(400);
    expect(replay.body).toContain('unknown or was already used');
    expect(oidc.tokenRequests.authorization_code).toBe(codeRequests);
    expect((await tokenSet('ac-main', carol))?.row.sealed).toBe(before?.row.sealed);
    await remember('ac-main', carol);
  });

  it('a wrong state is refused, and nothing from the request is reflected unescaped', async () => {
    const evil = '<script>alert(1)</script>';
    const r = await browser.open(`${callbackUrl()}?code=${encodeURIComponent(evil)}&state=${encodeURIComponent(evil)}`);
    pages.push(r.body);
    expect(r.status).toBe(400);
    expect(r.body).toContain('unknown or was already used');
    expect(r.body).not.toContain('<script');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    const none = await browser.open(`${callbackUrl()}?code=abc`);
    expect(none.status).toBe(400);
    // A provider error on a real state: the state is used up, the error code shown escaped.
    const url = await openStart(browser, await authorizationUrl('ac-main', bob));
    const state = url.searchParams.get('state')!;
    // (with the `iss` the provider sends: it advertises authorization_response_iss_parameter_supported, RFC 9207)
    const denied = await browser.open(
      `${callbackUrl()}?error=${encodeURIComponent(`<img src=x onerror=alert(1)>`)}&state=${state}&iss=${encodeURIComponent(oidc.issuer)}`,
    );
    pages.push(denied.body);
    expect(denied.status).toBe(400);
    expect(denied.body).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(denied.body).not.toContain('<img');
    const again = await browser.open(`${callbackUrl()}?code=x&state=${state}`);
    expect(again.body).toContain('unknown or was already used');
    expect(await tokenSet('ac-main', bob)).toBeUndefined();
  });

  it('an expired sign-in URL, and an expired state, are refused', async () => {
    const unopened = await authorizationUrl('ac-main', bob);
    await (env.t.server.store as SqlStore).db
      .updateTable('oauth_states')
      .set({ expires_at: Date.now() - 1 })
      .execute();
    const late = await browser.open(unopened);
    expect(late.status).toBe(400);
    expect(late.body).toContain('expired');

    browser.forgetCookies();
    const url = await openStart(browser, await authorizationUrl('ac-main', bob));
    // Ten minutes pass.
    await (env.t.server.store as SqlStore).db
      .updateTable('oauth_states')
      .set({ expires_at: Date.now() - 1 })
      .execute();
    const codeRequests = oidc.tokenRequests.authorization_code;
    const done = await signIn(url.href, 'bob@example.com', { keepCookies: true });
    expect(done.url.startsWith(`${callbackUrl()}?`)).toBe(true);
    expect(done.status).toBe(400);
    expect(done.body).toContain('expired');
    expect(oidc.tokenRequests.authorization_code).toBe(codeRequests);
    expect(await tokenSet('ac-main', bob)).toBeUndefined();
  });

  it("mismatched redirect URIs: not this server's callback is refused here; one the provider does not know is refused there", async () => {
    await create('ac-foreign-redirect', codeAuth({ redirectUrl: 'https://elsewhere.example.com/oauth/callback' }));
    const r = await connectorOps(env.t.endpoint, ACCOUNT, 'ac-foreign-redirect').authorize(alice);
    expect([r.status, r.errorType]).toEqual([400, 'InvalidParameterValueException']);
    expect(r.body.Message).toContain(`exactly ${callbackUrl()}`);

    // The provider registered this client with another redirect URI: it never sends the browser back.
    await create('ac-unregistered', codeAuth({ clientId: 'registered-elsewhere', secret: 'ac-other-secret-99887766' }));
    const url = await authorizationUrl('ac-unregistered', alice);
    const page = await browser.submit(await confirmationPage(browser, url));
    expect(page.status).toBe(400);
    expect(page.body).toMatch(/redirect_uri/);
    expect(page.hops.some((h) => h.startsWith(callbackUrl()))).toBe(false);
    expect(await tokenSet('ac-unregistered', alice)).toBeUndefined();
  });
});

describe('authorization code: using, refreshing, revoking', () => {
  it('refreshes shortly before expiry with rotation, one refresh for 200 concurrent uses', async () => {
    oidc.ttl.accessToken = 2; // due for a refresh some 1.8 s after the sign-in
    await create('ac-refresh');
    await signIn(await authorizationUrl('ac-refresh', bob), 'bob@example.com');
    oidc.ttl.accessToken = 3600;
    const first = (await remember('ac-refresh', bob))!;
    expect(first.row.refreshAt).toBeLessThan(first.row.expiresAt!);
    await waitFor(() => Date.now() >= first.row.refreshAt!, { timeoutMs: 10_000, what: 'the access token to be due' });

    const rec = (await env.t.server.store.connectors.getConnector(key('ac-refresh')))!;
    const refreshes = oidc.tokenRequests.refresh_token ?? 0;
    const results = await Promise.all(
      Array.from({ length: 200 }, () => env.t.server.services.connections.authorizedRequest(rec, endUser('bob'), { method: 'GET', url: api.url('/api/x') })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(200).fill(200));
    expect(oidc.tokenRequests.refresh_token).toBe(refreshes + 1);

    const second = (await remember('ac-refresh', bob))!;
    expect(second.set.accessToken).not.toBe(first.set.accessToken);
    expect(second.set.refreshToken).toBeTruthy();
    expect(second.set.refreshToken).not.toBe(first.set.refreshToken); // rotated
    expect(new Set(api.seen.slice(-200))).toEqual(new Set([`Bearer ${second.set.accessToken}`]));
  });

  it('a refused access token (401) is refreshed once and the request retried', async () => {
    const before = (await remember('ac-refresh', bob))!;
    await oidc.dropAccessToken(before.set.accessToken);
    const refreshes = oidc.tokenRequests.refresh_token ?? 0;
    const test = await connectorOps(env.t.endpoint, ACCOUNT, 'ac-refresh').test(bob);
    expect(test.body).toMatchObject({ Success: true, HttpStatusCode: 200 });
    expect(oidc.tokenRequests.refresh_token).toBe(refreshes + 1);
    const after = (await remember('ac-refresh', bob))!;
    expect(api.seen.slice(-2)).toEqual([`Bearer ${before.set.accessToken}`, `Bearer ${after.set.accessToken}`]);
  });

  it('a revoked authorization (a replayed refresh token) deletes the tokens: AccessTokenNotFoundException until the user signs in again', async () => {
    const current = (await remember('ac-refresh', bob))!;
    // Someone else uses the user's refresh token, then replays it: the provider sees the
    // reuse of a rotated refresh token and revokes the whole grant.
    const replay = await oidc.refreshDirectly(WEB, current.set.refreshToken!);
    expect(replay.status).toBe(200); // the current one works once ...
    const again = await oidc.refreshDirectly(WEB, current.set.refreshToken!);
    expect([again.status, again.body.error]).toEqual([400, 'invalid_grant']); // ... and its reuse revokes the grant
    for (const tok of [replay.body.access_token, replay.body.refresh_token]) seenTokens.add(String(tok));

    const rec = (await env.t.server.store.connectors.getConnector(key('ac-refresh')))!;
    const r = await env.t.server.services.connections.authorizedRequest(rec, endUser('bob'), { method: 'GET', url: api.url('/api') }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(r?.name).toBe('AccessTokenNotFoundException');
    expect(r?.message).toMatch(/refused to refresh.*invalid_grant/);
    expect(await tokenSet('ac-refresh', bob)).toBeUndefined();
    const test = await connectorOps(env.t.endpoint, ACCOUNT, 'ac-refresh').test(bob);
    expect([test.status, test.errorType]).toEqual([401, 'AccessTokenNotFoundException']);
    const h = await connectorOps(env.t.endpoint, ACCOUNT, 'ac-refresh').connection(bob);
    expect(h.body).toMatchObject({ SignedInUsers: 0, CallerSignedIn: false });

    // Signing in again restores access.
    const done = await signIn(await authorizationUrl('ac-refresh', bob), 'bob@example.com');
    expect(done.status).toBe(200);
    await remember('ac-refresh', bob);
    const ok = await connectorOps(env.t.endpoint, ACCOUNT, 'ac-refresh').test(bob);
    expect(ok.body.Success).toBe(true);
  });

  it('a revoked refresh token at the provider ends the sign-in at the next refresh', async () => {
    const current = (await remember('ac-refresh', bob))!;
    expect(await oidc.revoke(WEB, current.set.refreshToken!, 'refresh_token')).toBe(200);
    const rec = (await env.t.server.store.connectors.getConnector(key('ac-refresh')))!;
    // The access token died with the grant: the service refuses it, the refresh is refused.
    const r = await env.t.server.services.connections.authorizedRequest(rec, endUser('bob'), { method: 'GET', url: api.url('/api') }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(r?.name).toBe('AccessTokenNotFoundException');
    expect(await tokenSet('ac-refresh', bob)).toBeUndefined();
  });

  it("deleting the connector deletes its users' tokens", async () => {
    await env.t.client().send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'ac-main' }));
    expect(await tokenSet('ac-main', alice)).toBeUndefined();
    expect(await tokenSet('ac-main', carol)).toBeUndefined();
  });

  it('no client secret, code or token is in a response, a page, a log line or the database files', async () => {
    expect(seenTokens.size).toBeGreaterThan(6);
    const secrets = [WEB.client_secret, 'ac-other-secret-99887766', ...seenTokens];
    const found = leaks(secrets, { dataDir: env.t.dataDir, logs: env.t.logs(), responses: [...responses, ...pages] });
    expect(found).toEqual([]);
    expect(env.t.logs()).toContain('"op":"OAuthCallback"');
  });
});
