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
//  4. the legitimate flow, with its cookie, works (API and console);
//  5. the start link is not bound to the person who opens it: the attacker sends HIS
//     link to the victim. /oauth/start is therefore a confirmation page naming the
//     ActionBridge user the sign-in is linked to (the attacker), read only; only a
//     same-origin POST from that page goes on (once); a browser signed in to the console
//     as another user than the link's is refused.
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
import { confirmationPage, openStart } from './support/security-oauth-flow.js';
import { metadataCandidates } from '../src/connections/issuer-discovery.js';
import { createTestCa, type TestCa } from './support/tls.js';
import { startTlsFront, type TlsFront } from './support/tls-front.js';
import { sealedSecrets } from '../src/crypto/sealed-secrets.js';

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
  return env.t.server.store.connections.getToken({ region: 'us-east-1', accountId: ACCOUNT, id: ID }, user.arn);
}

beforeAll(async () => {
  ca = createTestCa();
  front = await startTlsFront(ca);
  env = await startConnEnv({ publicUrl: front.publicUrl }, ca);
  front.setBackend(env.t.endpoint);
  WEB = {
    client_id: 'flow-web',
    client_secret: 'flow-client-secret-5e6f7a8b9c0d',
    grant_types: ['authorization_code', 'refresh_token'],
    redirect_uris: [callbackUrl()],
  };
  oidc = await startOidc(ca, [WEB]);
  api = await startResourceServer(ca, (token) => oidc.valid(token));
  [victim, attacker] = await Promise.all([env.t.addUser('victim', 'AUTHOR'), env.t.addUser('attacker', 'AUTHOR')]);
  await env.t.client().send(
    new qs.CreateActionConnectorCommand({
      AwsAccountId: ACCOUNT,
      ActionConnectorId: ID,
      Name: 'Flow',
      Type: 'GENERIC_HTTP',
      AuthenticationConfig: {
        AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
        AuthenticationMetadata: {
          AuthorizationCodeGrantMetadata: {
            BaseEndpoint: api.url('/api'),
            RedirectUrl: callbackUrl(),
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
      },
      Permissions: [victim, attacker].map((u) => ({ Principal: u.arn, Actions: ['quicksight:DescribeActionConnector', 'quicksight:InvokeActionConnector'] })),
    }),
  );
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

  it('the sign-in URL is confirmed once: a second browser opening it afterwards gets nothing', async () => {
    const start = await startUrl(victim);
    await openStart(newBrowser(), start);
    const second = await newBrowser().open(start);
    expect(second.status).toBe(400);
    expect(second.hops).toHaveLength(1);
  });
});

describe('iss (RFC 9207)', () => {
  it("a callback whose iss is not the authorization server's issuer is refused before any token request", async () => {
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
  it('sets a short-lived HttpOnly, Secure, SameSite=Lax cookie on the callback path when confirmed, redirects to the provider, and the callback signs in and clears it', async () => {
    const start = await startUrl(attacker);
    const agent = new Agent({ connect: { ca: ca.certPem } });
    try {
      const page = await undiciFetch(start, { redirect: 'manual', dispatcher: agent });
      expect(page.status).toBe(200);
      expect(page.headers.getSetCookie()).toEqual([]);
      await page.arrayBuffer();
      const res = await confirm(start, agent);
      expect(res.status).toBe(303);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('location')!.startsWith(`${oidc.authorizationEndpoint}?`)).toBe(true);
      const [line] = res.headers.getSetCookie();
      const c = cookieAttributes(line!);
      expect(c.name).toMatch(/^ab_oauth_[0-9a-f]{16}$/);
      expect(c.value).toMatch(/^[\w-]{43}$/);
      expect(c.attrs).toMatchObject({ httponly: '', secure: '', samesite: 'Lax', path: '/oauth/callback', 'max-age': '600' });
      // The database has no binding value, only hashes.
      const rows = await sealedSecrets(env.t.server.store);
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

describe('the start link is not bound to whoever opens it (the attacker sends HIS link to the victim)', () => {
  const origin = () => new URL(oidc.authorizationEndpoint).origin;

  it("the attacker's link opened in the victim's browser is a confirmation page naming the ATTACKER as the user the sign-in is linked to; it sets no cookie and is not cacheable or frameable", async () => {
    const lure = await startUrl(attacker);
    const page = await confirmationPage(newBrowser(), lure);
    const text = page.body.replace(/<[^>]+>/g, '');
    expect(text).toContain(`This sign-in was started by the ActionBridge user attacker in account ${ACCOUNT} (${attacker.arn}).`);
    expect(text).toContain(`will be linked to the ActionBridge user attacker`);
    expect(text).toContain(`through the action connector Flow (${ID})`);
    expect(text).toContain(`at ${origin()}`);
    expect(text).toContain('If you did not start this yourself, close this page.');
    expect(page.body).toMatch(new RegExp(`<button type="submit">Continue to ${origin().replace(/[.]/g, '\\.')}</button>`));
    expect(text).not.toContain('victim');
    expect(page.headers.getSetCookie()).toEqual([]);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|script-src/);
    // One stylesheet, allowed by its hash only; no script, no inline style attributes or handlers.
    const style = /<style>([^<]*)<\/style>/.exec(page.body)?.[1];
    expect(style).toBeDefined();
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style!).digest('base64')}'`);
    expect(page.body.match(/<style/g)).toHaveLength(1);
    expect(page.body).not.toMatch(/<script|\sstyle=|\son\w+=/i);
    // Nothing was used up: the link still opens.
    expect((await newBrowser().open(lure)).status).toBe(200);
  });

  it('a cross-site POST (another Origin, Sec-Fetch-Site cross-site or same-site, none of them) is refused and does not use up the flow', async () => {
    const start = await startUrl(attacker);
    const agent = new Agent({ connect: { ca: ca.certPem } });
    try {
      for (const headers of [
        { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        { origin: 'null', 'sec-fetch-site': 'cross-site' },
        { origin: `https://sub.${new URL(front.publicUrl).hostname}`, 'sec-fetch-site': 'same-site' },
        { origin: 'https://evil.example' },
        { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' },
        {},
      ] as Record<string, string>[]) {
        const r = await confirm(start, agent, headers);
        const body = await r.text();
        expect(r.status, JSON.stringify(headers)).toBe(400);
        expect(body).toContain('did not come from ActionBridge&#39;s confirmation page');
        expect(r.headers.get('location')).toBeNull();
        expect(r.headers.getSetCookie()).toEqual([]);
      }
      // Not used up: the page still opens, and the browser's own confirmation goes on.
      expect((await undiciFetch(start, { dispatcher: agent })).status).toBe(200);
      const ok = await confirm(start, agent);
      expect(ok.status).toBe(303);
      // A browser without Sec-Fetch-Site that sends this server's Origin is accepted too.
      const other = await startUrl(attacker);
      expect((await confirm(other, agent, { origin: new URL(front.publicUrl).origin })).status).toBe(303);
    } finally {
      await agent.close();
    }
  });

  it('GET twice does not use the flow up; the first POST goes on, a second POST is refused', async () => {
    const start = await startUrl(victim);
    const b = newBrowser();
    await confirmationPage(b, start);
    const page = await confirmationPage(b, start);
    const first = await b.submit(page, {}, (u) => !u.startsWith(front.publicUrl));
    expect(first.url.startsWith(`${oidc.authorizationEndpoint}?`), first.hops.join('\n')).toBe(true);
    const again = await b.submit(page);
    expect(again.status).toBe(400);
    expect(again.body).toContain('unknown or was already used');
    expect((await b.open(start)).status).toBe(400);
  });

  it("a browser signed in to the console as another user than the link's is refused (the page and the POST); the flow is not used up", async () => {
    const lure = await startUrl(attacker);
    const before = (await tokenOf(attacker))?.sealed;
    const victimConsole = new ConsoleClient(env.t.endpoint);
    const signedIn = await victimConsole.signIn({ AccessKeyId: victim.accessKeyId, SecretAccessKey: victim.secretAccessKey });
    expect(signedIn.status).toBe(200);
    // The session cookie the browser sends to /oauth/start (the console's own is on /console).
    const cookie = cookiesFor('/oauth/start', signedIn.setCookies);
    expect(cookie).toMatch(/^ab_console_session=[\w-]{43}$/);
    const agent = new Agent({ connect: { ca: ca.certPem } });
    try {
      const page = await undiciFetch(lure, { dispatcher: agent, headers: { cookie } });
      const text = await page.text();
      expect(page.status).toBe(403);
      expect(text).toContain('this sign-in link was started by another user');
      expect(text).toContain('signed in to the ActionBridge console as victim');
      expect(text).not.toContain('<form');
      const post = await confirm(lure, agent, undefined, cookie);
      expect(post.status).toBe(403);
      expect(await post.text()).toContain('this sign-in link was started by another user');
      expect(post.headers.get('location')).toBeNull();
      expect(post.headers.getSetCookie()).toEqual([]);
      expect((await tokenOf(attacker))?.sealed).toBe(before);
      // Not used up, and the starter's own console session goes on.
      const own = await new ConsoleClient(env.t.endpoint).signIn({ AccessKeyId: attacker.accessKeyId, SecretAccessKey: attacker.secretAccessKey });
      const mine = cookiesFor('/oauth/start', own.setCookies);
      expect((await undiciFetch(lure, { dispatcher: agent, headers: { cookie: mine } })).status).toBe(200);
      expect((await confirm(lure, agent, undefined, mine)).status).toBe(303);
    } finally {
      await agent.close();
    }
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
      'https://as.example/.well-known/oauth-authorization-server',
      'https://as.example/.well-known/openid-configuration',
    ]);
  });
});

/** The binding cookie's name for a state, sha256("cookie\n" + state) in short: anyone who sees the state can compute it, not the value. */
function cookieNameFor(state: string): string {
  return `ab_oauth_${createHash('sha256').update(`cookie\n${state}`).digest('hex').slice(0, 16)}`;
}

/** POSTs the confirmation form of `start` as a browser would from the page itself, or with `headers` instead. */
async function confirm(start: string, agent: Agent, headers: Record<string, string> = { origin: 'null', 'sec-fetch-site': 'same-origin' }, cookie?: string) {
  const u = new URL(start);
  return undiciFetch(`${u.origin}${u.pathname}`, {
    method: 'POST',
    redirect: 'manual',
    dispatcher: agent,
    body: new URLSearchParams({ flow: u.searchParams.get('flow')! }),
    headers: { ...headers, ...(cookie ? { cookie } : {}) },
  });
}

/** The Cookie header a browser sends to `path` on the server, from Set-Cookie lines (only the cookies whose Path covers it). */
function cookiesFor(path: string, setCookies: string[]): string {
  return setCookies
    .map(cookieAttributes)
    .filter((c) => c.value && (path === c.attrs.path || path.startsWith(`${c.attrs.path!.replace(/\/$/, '')}/`)))
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
}
