// Issue 13, finding 7: the OAuth authorization-code flow is bound to the browser that
// started it (RFC 9700 §4.7.1), and the callback's `iss` is checked against the
// authorization server's discovered issuer (RFC 9207, mix-up defence). A real
// authorization server (oidc-provider), ActionBridge behind a TLS front, and
// separate browsers (cookie jars) for the victim and the attacker:
//  1. the victim starts a flow; the attacker completes its callback from his own
//     browser (no cookie, his own flow's cookie, a forged cookie) -> refused;
//  2. the attacker starts a flow and lures the victim into opening its callback
//     (login CSRF) -> refused;
//  3. a callback with a wrong or a missing `iss` -> refused, the token endpoint is never called;
//  4. the legitimate flow, with its cookie, works (API and console).
import { createHash } from 'node:crypto';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, qs, type TestUser } from './helpers.js';
import { actionsApi } from './support/actions.js';
import { TestBrowser, type Page } from './support/browser.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';
import { ConsoleClient, cookieAttributes } from './support/console.js';
import { connectorOps } from './support/extension-client.js';
import { startOidc, type OidcClient, type TestOidc } from './support/oidc.js';
import { startResourceServer, type ResourceServer } from './support/resource-server.js';
import { openStart } from './support/security-oauth-flow.js';
import { metadataCandidates } from '../src/connections/issuer-discovery.js';
import { createTestCa, type TestCa } from './support/tls.js';
import { startTlsFront, type TlsFront } from './support/tls-front.js';

let ca: TestCa;
let env: ConnEnv;
let front: TlsFront;
let oidc: TestOidc;
let api: ResourceServer;
let victim: TestUser;
let attacker: TestUser;
let WEB: OidcClient;
const browsers: TestBrowser[] = [];

const callbackUrl = () => `${front.publicUrl}/oauth/callback`;
const ID = 'flow-main';

function newBrowser(): TestBrowser {
  const b = new TestBrowser(ca.certPem);
  browsers.push(b);
  return b;
}

async function startUrl(user: TestUser): Promise<string> {
  const r = await connectorOps(env.t.endpoint, ACCOUNT, ID).authorize(user);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.AuthorizationUrl as string;
}

/** In `browser`: opens the sign-in URL, logs in and consents at the provider; returns the callback URL the provider sends back to, not loaded. */
async function throughProvider(browser: TestBrowser, start: string, login: string): Promise<string> {
  const loginPage = await browser.open((await openStart(browser, start)).href);
  expect(loginPage.body).toContain('name="login"');
  const consent = await browser.submit(loginPage, { login, password: 'any' });
  const back: Page = await browser.submit(consent, {}, (u) => u.startsWith(`${callbackUrl()}?`));
  expect(back.url.startsWith(`${callbackUrl()}?`), back.hops.join('\n')).toBe(true);
  return back.url;
}

async function tokenOf(user: TestUser) {
  return env.t.server.store.getToken({ region: 'us-east-1', accountId: ACCOUNT, id: ID }, user.arn);
}

beforeAll(async () => {
  ca = createTestCa();
  front = await startTlsFront(ca);
  env = await startConnEnv({ publicUrl: front.publicUrl }, ca);
  front.setBackend(env.t.endpoint);
  WEB = {
    client_id: 'flow-web', client_secret: 'flow-client-secret-5e6f7a8b9c0d',
    grant_types: ['authorization_code', 'refresh_token'], redirect_uris: [callbackUrl()],
  };
  oidc = await startOidc(ca, [WEB]);
  api = await startResourceServer(ca, (token) => oidc.valid(token));
  [victim, attacker] = await Promise.all([env.t.addUser('victim', 'AUTHOR'), env.t.addUser('attacker', 'AUTHOR')]);
  await env.t.client().send(new qs.CreateActionConnectorCommand({
    AwsAccountId: ACCOUNT, ActionConnectorId: ID, Name: 'Flow', Type: 'GENERIC_HTTP',
    AuthenticationConfig: {
      AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
      AuthenticationMetadata: {
        AuthorizationCodeGrantMetadata: {
          BaseEndpoint: api.url('/api'), RedirectUrl: callbackUrl(), AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
          AuthorizationCodeGrantCredentialsDetails: {
            AuthorizationCodeGrantDetails: {
              ClientId: WEB.client_id, ClientSecret: WEB.client_secret, TokenEndpoint: oidc.tokenEndpoint,
              AuthorizationEndpoint: `${oidc.authorizationEndpoint}?scope=api`,
            },
          },
        },
      },
    },
    Permissions: [victim, attacker].map((u) => ({ Principal: u.arn, Actions: ['quicksight:DescribeActionConnector', 'quicksight:InvokeActionConnector'] })),
  }));
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await env?.t.stop();
  await Promise.all([api?.close(), oidc?.close(), front?.close()]);
});

describe('the callback is bound to the browser that started the flow', () => {
  it("the victim's callback completed from the attacker's browser (no cookie, his own flow's cookie, a forged cookie) is refused; nothing is exchanged or stored", async () => {
    const victimBrowser = newBrowser();
    const attackerBrowser = newBrowser();
    const stolen = await throughProvider(victimBrowser, await startUrl(victim), 'victim@example.com');
    const exchanges = oidc.tokenRequests.authorization_code ?? 0;

    const bare = await attackerBrowser.open(stolen);
    expect(bare.status).toBe(400);
    expect(bare.body).toContain('another browser');

    // His own flow gives his browser a binding cookie: not the one of the victim's state.
    await openStart(attackerBrowser, await startUrl(attacker));
    const own = await attackerBrowser.open(stolen);
    expect(own.status).toBe(400);

    // The cookie's name follows from the state (in the URL); its value cannot be guessed.
    const state = new URL(stolen).searchParams.get('state')!;
    const agent = new Agent({ connect: { ca: ca.certPem } });
    try {
      for (const forged of ['x', 'A'.repeat(43)]) {
        const r = await undiciFetch(stolen, { redirect: 'manual', dispatcher: agent, headers: { cookie: `${cookieNameFor(state)}=${forged}` } });
        expect(r.status).toBe(400);
        await r.arrayBuffer();
      }
    } finally {
      await agent.close();
    }

    expect(oidc.tokenRequests.authorization_code ?? 0).toBe(exchanges);
    expect(await tokenOf(victim)).toBeUndefined();
    expect(await tokenOf(attacker)).toBeUndefined();

    // The victim's own browser still completes it: the attempts did not use it up.
    const done = await victimBrowser.open(stolen);
    expect(done.status, done.body).toBe(200);
    expect(await tokenOf(victim)).toBeDefined();
    expect(await tokenOf(attacker)).toBeUndefined();
  });

  it("login CSRF: the attacker's callback opened in the victim's browser is refused", async () => {
    const victimBrowser = newBrowser();
    const attackerBrowser = newBrowser();
    const before = await tokenOf(victim);
    const lure = await throughProvider(attackerBrowser, await startUrl(attacker), 'attacker@example.com');
    const exchanges = oidc.tokenRequests.authorization_code ?? 0;
    const r = await victimBrowser.open(lure);
    expect(r.status).toBe(400);
    expect(r.body).toContain('another browser');
    expect(oidc.tokenRequests.authorization_code ?? 0).toBe(exchanges);
    expect(await tokenOf(attacker)).toBeUndefined();
    expect((await tokenOf(victim))?.sealed).toBe(before?.sealed);
  });

  it('the sign-in URL opens once: a second browser opening it gets nothing', async () => {
    const start = await startUrl(victim);
    await openStart(newBrowser(), start);
    const second = await newBrowser().open(start);
    expect(second.status).toBe(400);
    expect(second.hops).toHaveLength(1);
  });
});

describe('iss (RFC 9207)', () => {
  it('a callback whose iss is not the authorization server\'s issuer is refused before any token request', async () => {
    const b = newBrowser();
    const back = new URL(await throughProvider(b, await startUrl(victim), 'victim@example.com'));
    expect(back.searchParams.get('iss')).toBe(oidc.issuer);
    const exchanges = oidc.tokenRequests.authorization_code ?? 0;
    const before = await tokenOf(victim);
    back.searchParams.set('iss', 'https://attacker-as.example');
    const r = await b.open(back.href);
    expect(r.status).toBe(400);
    expect(r.body).toContain('does not come from');
    expect(oidc.tokenRequests.authorization_code ?? 0).toBe(exchanges);
    expect((await tokenOf(victim))?.sealed).toBe(before?.sealed);
  });

  it('an iss on the same origin but not the issuer, and a missing iss (the server says it sends one), are refused too', async () => {
    for (const change of [(u: URL) => u.searchParams.set('iss', `${oidc.issuer}/other`), (u: URL) => u.searchParams.delete('iss')]) {
      const b = newBrowser();
      const back = new URL(await throughProvider(b, await startUrl(attacker), 'attacker@example.com'));
      const exchanges = oidc.tokenRequests.authorization_code ?? 0;
      change(back);
      const r = await b.open(back.href);
      expect(r.status).toBe(400);
      expect(oidc.tokenRequests.authorization_code ?? 0).toBe(exchanges);
      expect(await tokenOf(attacker)).toBeUndefined();
    }
  });
});

describe('the legitimate flow', () => {
  it('sets a short-lived HttpOnly, Secure, SameSite=Lax cookie on the callback path, redirects to the provider, and the callback signs in and clears it', async () => {
    const start = await startUrl(attacker);
    const agent = new Agent({ connect: { ca: ca.certPem } });
    try {
      const res = await undiciFetch(start, { redirect: 'manual', dispatcher: agent });
      expect(res.status).toBe(302);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('location')!.startsWith(`${oidc.authorizationEndpoint}?`)).toBe(true);
      const [line] = res.headers.getSetCookie();
      const c = cookieAttributes(line!);
      expect(c.name).toMatch(/^ab_oauth_[0-9a-f]{16}$/);
      expect(c.value).toMatch(/^[\w-]{43}$/);
      expect(c.attrs).toMatchObject({ httponly: '', secure: '', samesite: 'Lax', path: '/oauth/callback', 'max-age': '600' });
      // The database has no binding value, only hashes.
      const rows = await env.t.server.store.sealedSecrets();
      expect(JSON.stringify(rows)).not.toContain(c.value);
    } finally {
      await agent.close();
    }

    const b = newBrowser();
    const back = await throughProvider(b, await startUrl(attacker), 'attacker@example.com');
    const done = await b.open(back);
    expect(done.status).toBe(200);
    expect(done.body).toContain('Signed in');
    expect(await tokenOf(attacker)).toBeDefined();
    // Her token works: an action through the connector reaches the service with it.
    const inv = await actionsApi(env.t.endpoint).invoke(attacker, ID, 'HttpRequest', { Method: 'GET', Path: 'me' });
    expect(inv.status, inv.raw).toBe(200);
    expect(inv.body.InvokeActionStatus, inv.raw).toBe('SUCCESS');
    // The cookie is gone: the same callback again is refused.
    expect((await b.open(back)).status).toBe(400);
  });

  it('from the console: StartActionConnectorAuthorization gives the same sign-in URL, which works in the browser that opens it', async () => {
    const console = new ConsoleClient(env.t.endpoint);
    expect((await console.signIn({ AccessKeyId: victim.accessKeyId, SecretAccessKey: victim.secretAccessKey })).status).toBe(200);
    const r = await console.call('StartActionConnectorAuthorization', { ActionConnectorId: ID });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.AuthorizationUrl).toMatch(new RegExp(`^${front.publicUrl}/oauth/start\\?flow=[\\w-]{43}$`));
    const b = newBrowser();
    const done = await b.open(await throughProvider(b, r.body.AuthorizationUrl, 'victim@example.com'));
    expect(done.status).toBe(200);
    expect(done.body).toContain(victim.arn);
  });
});

describe('where the issuer is looked for', () => {
  it('RFC 8414 and OpenID discovery at the path prefixes of the AuthorizationEndpoint (deepest first), then at its origin', () => {
    expect(metadataCandidates('https://idp.example/realms/acme/protocol/openid-connect/auth?scope=x')).toEqual([
      ...['/realms/acme/protocol/openid-connect', '/realms/acme/protocol', '/realms/acme', ''].flatMap((p) => [
        { url: `https://idp.example/.well-known/oauth-authorization-server${p}`, issuer: `https://idp.example${p}` },
        { url: `https://idp.example${p}/.well-known/openid-configuration`, issuer: `https://idp.example${p}` },
      ]),
    ]);
    expect(metadataCandidates('https://as.example/authorize').map((c) => c.url)).toEqual([
      'https://as.example/.well-known/oauth-authorization-server', 'https://as.example/.well-known/openid-configuration',
    ]);
  });
});

/** The binding cookie's name for a state, sha256("cookie\n" + state) in short: anyone who sees the state can compute it, not the value. */
function cookieNameFor(state: string): string {
  return `ab_oauth_${createHash('sha256').update(`cookie\n${state}`).digest('hex').slice(0, 16)}`;
}
