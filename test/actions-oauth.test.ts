// InvokeAction through an OAUTH2_AUTHORIZATION_CODE connector, against a real
// authorization server (oidc-provider) and a service that accepts only the tokens it
// issued: a user who has not signed in gets AccessTokenNotFoundException (and the
// attempt is in the audit trail); after the sign-in flow — the provider's login and
// consent pages, back to /oauth/callback through a TLS front — the action runs with
// that user's own token, and only for that user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, type qs, type TestUser } from './helpers.js';
import { startActionUpstream, type ActionUpstream } from './support/action-upstream.js';
import { ALL_CONNECTOR_ACTIONS, actionsApi, createConnector } from './support/actions.js';
import { TestBrowser } from './support/browser.js';
import { confirmationPage } from './support/security-oauth-flow.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';
import { connectorOps } from './support/extension-client.js';
import { startOidc, type OidcClient, type TestOidc } from './support/oidc.js';
import { createTestCa } from './support/tls.js';
import { startTlsFront, type TlsFront } from './support/tls-front.js';

let env: ConnEnv;
let front: TlsFront;
let oidc: TestOidc;
let upstream: ActionUpstream;
let browser: TestBrowser;
let api: ReturnType<typeof actionsApi>;
let alice: TestUser;
let bob: TestUser;
let WEB: OidcClient;

const authCode = (): qs.AuthConfig => ({
  AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
  AuthenticationMetadata: {
    AuthorizationCodeGrantMetadata: {
      BaseEndpoint: upstream.url('/api'),
      RedirectUrl: `${front.publicUrl}/oauth/callback`,
      AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
      AuthorizationCodeGrantCredentialsDetails: {
        AuthorizationCodeGrantDetails: {
          ClientId: WEB.client_id,
          ClientSecret: WEB.client_secret,
          TokenEndpoint: oidc.tokenEndpoint,
          AuthorizationEndpoint: `${oidc.authorizationEndpoint}?scope=api`,
        },
      },
    },
  },
});

beforeAll(async () => {
  const ca = createTestCa();
  front = await startTlsFront(ca);
  env = await startConnEnv({ publicUrl: front.publicUrl }, ca);
  front.setBackend(env.t.endpoint);
  WEB = {
    client_id: 'ab-actions-web',
    client_secret: 'ac-secret-actions-5e4d3c2b',
    grant_types: ['authorization_code', 'refresh_token'],
    redirect_uris: [`${front.publicUrl}/oauth/callback`],
  };
  oidc = await startOidc(ca, [WEB]);
  upstream = await startActionUpstream(ca);
  upstream.respond(async (req) => {
    const token = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    return token && (await oidc.valid(token)) ? { json: { ok: true, path: req.url } } : { status: 401, json: { error: 'invalid_token' } };
  });
  browser = new TestBrowser(ca.certPem);
  api = actionsApi(env.t.endpoint);
  [alice, bob] = await Promise.all([env.t.addUser('alice', 'READER'), env.t.addUser('bob', 'READER')]);
  await createConnector(env.t.client(), 'ac-http', {
    auth: authCode(),
    permissions: [alice, bob].map((u) => ({ Principal: u.arn, Actions: ALL_CONNECTOR_ACTIONS })),
  });
});
afterAll(async () => {
  await browser?.close();
  await env?.t.stop();
  await Promise.all([upstream?.close(), oidc?.close(), front?.close()]);
});

describe('InvokeAction through an authorization-code connector', () => {
  const get = { Method: 'GET', Path: 'me' };

  it('a user who has not signed in gets AccessTokenNotFoundException (401); nothing is sent', async () => {
    const r = await api.invoke(alice, 'ac-http', 'HttpRequest', get);
    expect([r.status, r.errorType]).toEqual([401, 'AccessTokenNotFoundException']);
    expect(r.body.Message).toMatch(/StartActionConnectorAuthorization/);
    expect(upstream.received).toEqual([]);
  });

  it('after the sign-in flow the action runs with her own token; bob still has to sign in', async () => {
    const start = await connectorOps(env.t.endpoint, ACCOUNT, 'ac-http').authorize(alice);
    expect(start.status).toBe(200);
    browser.forgetCookies();
    // The sign-in URL is ActionBridge's confirmation page: Continue leads to the provider's login.
    const login = await browser.submit(await confirmationPage(browser, start.body.AuthorizationUrl));
    const consent = await browser.submit(login, { login: 'alice@example.com', password: 'any' });
    const done = await browser.submit(consent);
    expect(done.url.startsWith(`${front.publicUrl}/oauth/callback?`)).toBe(true);
    expect(done.body).toContain('Signed in');

    const r = await api.invoke(alice, 'ac-http', 'HttpRequest', get);
    expect(r.body).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200, Output: { Body: { ok: true, path: '/api/me' } } });
    const sent = String(upstream.received.at(-1)!.headers.authorization);
    expect(sent).toMatch(/^Bearer \S+$/);
    expect(await oidc.valid(sent.slice(7))).toBe(true);

    const b = await api.invoke(bob, 'ac-http', 'HttpRequest', get);
    expect([b.status, b.errorType]).toEqual([401, 'AccessTokenNotFoundException']);
    expect(upstream.received).toHaveLength(1);
  });

  it('the audit trail has every attempt, the refused ones included, per end user', async () => {
    const l = await api.invocations(ADMIN, 'ac-http');
    expect(l.status).toBe(200);
    expect(l.body.Invocations.map((i: Record<string, unknown>) => [i.EndUserArn, i.InvokeActionStatus, i.HttpStatusCode, i.ErrorCode])).toEqual([
      [bob.arn, 'FAILED', undefined, 'AccessTokenNotFoundException'],
      [alice.arn, 'SUCCESS', 200, undefined],
      [alice.arn, 'FAILED', undefined, 'AccessTokenNotFoundException'],
    ]);
  });
});
