// Issue 13, findings 4 and 5: changing where a credential goes invalidates it.
//
// - A user allowed only to Update (and Describe) a connector, who does not know its
//   secret, points BaseEndpoint at her own HTTPS server: the next invocation by a user
//   who had signed in must not carry that user's OAuth token there (tokens are dropped
//   with the update; the user signs in again). The same for a client-credentials
//   connector's TokenEndpoint and VpcConnectionArn: its cached token goes with the update.
// - Someone with write access to the database file (not the master key) points an
//   API_KEY connector's BaseEndpoint at her server: the sealed secret is bound to the
//   connector's destination, does not open, and nothing is sent (a clear 409).
// - A rename or a tag change keeps the users' tokens.
// - A database written before the binding is re-sealed once at start-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { ACCOUNT, ADMIN, BIN, expectError, qs, startTestServer, tempDir, type TestServer, type TestUser } from './helpers.js';
import { dbFile } from './auth-support.js';
import { type ActionUpstream, startActionUpstream } from './support/action-upstream.js';
import { ALL_CONNECTOR_ACTIONS, actionsApi, apiKeyAuth, clientCredentialsAuth, createConnector } from './support/actions.js';
import { TestBrowser } from './support/browser.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';
import { connectorOps } from './support/extension-client.js';
import { leaks } from './support/leaks.js';
import { startOidc, type OidcClient, type TestOidc } from './support/oidc.js';
import { signIn, writeLegacyFormat } from './support/security-destination.js';
import { createTestCa } from './support/tls.js';
import { startTlsFront, type TlsFront } from './support/tls-front.js';

const VPC = 'arn:aws:quicksight:us-east-1:111122223333:vpcConnection/vpcc-destination';
const API_KEY = 'Ak-destination-real-key-5f4e3d2c1b';
const ATTACKER_TOKEN = 'attacker-issued-token-0001';

let env: ConnEnv;
let front: TlsFront;
let oidc: TestOidc;
let upstream: ActionUpstream;
let attacker: ActionUpstream;
let browser: TestBrowser;
let api: ReturnType<typeof actionsApi>;
let victim: TestUser;
let mallory: TestUser;
let WEB: OidcClient;
let SVC: OidcClient;
const responses: string[] = [];

const get = { Method: 'GET', Path: 'me' };
const invoke = async (user: TestUser, id: string) => {
  const r = await api.invoke(user, id, 'HttpRequest', get);
  responses.push(JSON.stringify(r.body));
  return r;
};
const bearerOf = (r: ActionUpstream) => r.received.map((x) => String(x.headers.authorization ?? ''));

const authCode = (base: string, secret = WEB.client_secret): qs.AuthConfig => ({
  AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
  AuthenticationMetadata: {
    AuthorizationCodeGrantMetadata: {
      BaseEndpoint: base,
      RedirectUrl: `${front.publicUrl}/oauth/callback`,
      AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
      AuthorizationCodeGrantCredentialsDetails: {
        AuthorizationCodeGrantDetails: {
          ClientId: WEB.client_id,
          ClientSecret: secret,
          TokenEndpoint: oidc.tokenEndpoint,
          AuthorizationEndpoint: `${oidc.authorizationEndpoint}?scope=api`,
        },
      },
    },
  },
});

/** The victim may do everything; mallory may only describe and update. */
const permissions = () => [
  { Principal: victim.arn, Actions: ALL_CONNECTOR_ACTIONS },
  { Principal: mallory.arn, Actions: ['quicksight:DescribeActionConnector', 'quicksight:UpdateActionConnector'] },
];

const update = (
  creds: { accessKeyId: string; secretAccessKey: string },
  id: string,
  auth: qs.AuthConfig,
  extra: Partial<qs.UpdateActionConnectorCommandInput> = {},
) =>
  env.t
    .client(creds)
    .send(new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, Name: id, AuthenticationConfig: auth, ...extra }));

beforeAll(async () => {
  const ca = createTestCa();
  front = await startTlsFront(ca);
  env = await startConnEnv({ publicUrl: front.publicUrl, vpcConnections: { [VPC]: { allowCidrs: ['127.0.0.1/32'] } } }, ca);
  front.setBackend(env.t.endpoint);
  WEB = {
    client_id: 'ab-dest-web',
    client_secret: 'ac-secret-dest-9a8b7c6d',
    grant_types: ['authorization_code', 'refresh_token'],
    redirect_uris: [`${front.publicUrl}/oauth/callback`],
  };
  SVC = { client_id: 'ab-dest-svc', client_secret: 'cc-secret-dest-1f2e3d4c', grant_types: ['client_credentials'] };
  oidc = await startOidc(ca, [WEB, SVC]);
  upstream = await startActionUpstream(ca);
  upstream.respond(async (req) => {
    const auth = String(req.headers.authorization ?? '');
    if (auth === `Bearer ${API_KEY}`) return { json: { ok: true, key: true } };
    const token = /^Bearer (\S+)$/.exec(auth)?.[1];
    return token && (await oidc.valid(token)) ? { json: { ok: true, path: req.url } } : { status: 401, json: { error: 'invalid_token' } };
  });
  // The attacker's HTTPS server: a resource that echoes, and a token endpoint that issues her own token.
  attacker = await startActionUpstream(ca);
  attacker.respond((req) =>
    req.url.startsWith('/token')
      ? { json: { access_token: ATTACKER_TOKEN, token_type: 'Bearer', expires_in: 3600 } }
      : { json: { method: req.method, url: req.url, headers: req.headers } },
  );
  browser = new TestBrowser(ca.certPem);
  api = actionsApi(env.t.endpoint);
  [victim, mallory] = await Promise.all([env.t.addUser('victim', 'READER'), env.t.addUser('mallory', 'AUTHOR')]);
});
afterAll(async () => {
  await browser?.close();
  await env?.t.stop();
  await Promise.all([upstream?.close(), attacker?.close(), oidc?.close(), front?.close()]);
});

describe('an update that changes where credentials go drops the tokens obtained for the old destination', () => {
  it("mallory (Update only, no secret) points BaseEndpoint at her server: the victim's token never reaches it", async () => {
    await createConnector(env.t.client(), 'dest-ac', { auth: authCode(upstream.url('/api')), permissions: permissions() });
    await signIn(browser, env.t.endpoint, 'dest-ac', victim, 'victim@example.com');
    const ok = await invoke(victim, 'dest-ac');
    expect(ok.body).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200 });
    const victimToken = bearerOf(upstream).at(-1)!;
    expect(victimToken).toMatch(/^Bearer \S+$/);

    // What mallory can see, with her own host and a guessed secret.
    const d = await env.t.client(mallory).send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'dest-ac' }));
    expect(JSON.stringify(d)).not.toContain(WEB.client_secret);
    await update(mallory, 'dest-ac', authCode(attacker.url('/api'), 'mallory-guess'));

    const r = await invoke(victim, 'dest-ac');
    expect([r.status, r.errorType]).toEqual([401, 'AccessTokenNotFoundException']);
    const t = await connectorOps(env.t.endpoint, ACCOUNT, 'dest-ac').test(victim);
    responses.push(JSON.stringify(t.body));
    expect(t.errorType).toBe('AccessTokenNotFoundException');
    expect(attacker.received).toEqual([]);
    expect(await env.t.server.store.connections.countUserTokens({ region: 'us-east-1', accountId: ACCOUNT, id: 'dest-ac' })).toBe(0);
    expect(JSON.stringify(responses)).not.toContain(victimToken.slice(7));
  });

  it('a rename and a tag change keep the tokens; a BaseEndpoint change by an admin who keeps the secret drops them', async () => {
    await createConnector(env.t.client(), 'dest-keep', { auth: authCode(upstream.url('/api')), permissions: permissions() });
    await signIn(browser, env.t.endpoint, 'dest-keep', victim, 'victim@example.com');
    expect((await invoke(victim, 'dest-keep')).body).toMatchObject({ InvokeActionStatus: 'SUCCESS' });
    const token = bearerOf(upstream).at(-1)!;

    await update(ADMIN, 'dest-keep', authCode(upstream.url('/api')), { Name: 'Renamed connector' });
    await env.t.client().send(
      new qs.TagResourceCommand({
        ResourceArn: `arn:aws:quicksight:us-east-1:${ACCOUNT}:action-connector/dest-keep`,
        Tags: [{ Key: 'team', Value: 'blue' }],
      }),
    );
    expect((await invoke(victim, 'dest-keep')).body).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200 });
    expect(bearerOf(upstream).at(-1)).toBe(token);

    const before = attacker.received.length;
    await update(ADMIN, 'dest-keep', authCode(attacker.url('/api')));
    const r = await invoke(victim, 'dest-keep');
    expect([r.status, r.errorType]).toEqual([401, 'AccessTokenNotFoundException']);
    expect(attacker.received.length).toBe(before);
  });

  it("client credentials: a TokenEndpoint change drops the cached token; the attacker's endpoint never sees it nor the real secret", async () => {
    const key = { region: 'us-east-1', accountId: ACCOUNT, id: 'dest-cc' };
    await createConnector(env.t.client(), 'dest-cc', {
      auth: clientCredentialsAuth(upstream.url('/api'), oidc.tokenEndpoint, SVC.client_id, SVC.client_secret),
      permissions: permissions(),
    });
    expect((await invoke(victim, 'dest-cc')).body).toMatchObject({ InvokeActionStatus: 'SUCCESS' });
    const cached = bearerOf(upstream).at(-1)!.slice(7);
    expect(await env.t.server.store.connections.getToken(key, '')).toBeDefined();

    await update(mallory, 'dest-cc', clientCredentialsAuth(upstream.url('/api'), attacker.url('/token'), SVC.client_id, 'mallory-guess'));
    // Gone with the update, not merely unused.
    expect(await env.t.server.store.connections.getToken(key, '')).toBeUndefined();
    await invoke(victim, 'dest-cc');
    const seen = JSON.stringify(attacker.received.map((x) => ({ ...x, body: x.body.toString('utf8') })));
    expect(seen).not.toContain(cached);
    expect(leaks([SVC.client_secret], { responses: [seen] })).toEqual([]);
    expect(bearerOf(upstream).filter((b) => b === `Bearer ${cached}`)).toHaveLength(1);
  });

  it('client credentials: a VpcConnectionArn change drops the cached token; the next use requests a new one', async () => {
    const key = { region: 'us-east-1', accountId: ACCOUNT, id: 'dest-cc-vpc' };
    const auth = clientCredentialsAuth(upstream.url('/api'), oidc.tokenEndpoint, SVC.client_id, SVC.client_secret);
    await createConnector(env.t.client(), 'dest-cc-vpc', { auth, permissions: permissions() });
    expect((await invoke(victim, 'dest-cc-vpc')).body).toMatchObject({ InvokeActionStatus: 'SUCCESS' });
    const cached = bearerOf(upstream).at(-1)!;
    const minted = oidc.tokenRequests.client_credentials ?? 0;

    await update(ADMIN, 'dest-cc-vpc', auth, { VpcConnectionArn: VPC });
    expect(await env.t.server.store.connections.getToken(key, '')).toBeUndefined();
    expect((await invoke(victim, 'dest-cc-vpc')).body).toMatchObject({ InvokeActionStatus: 'SUCCESS' });
    expect(oidc.tokenRequests.client_credentials).toBe(minted + 1);
    expect(bearerOf(upstream).at(-1)).not.toBe(cached);
  });
});

describe('a connector row changed in the database file does not send its secret anywhere', () => {
  it('BaseEndpoint of an API_KEY connector rewritten with SQL: a clear 409, nothing sent, the key nowhere', async () => {
    await createConnector(env.t.client(), 'dest-key', { auth: apiKeyAuth(upstream.url('/api'), API_KEY), permissions: permissions() });
    expect((await invoke(victim, 'dest-key')).body).toMatchObject({ InvokeActionStatus: 'SUCCESS', Output: { Body: { key: true } } });
    const before = attacker.received.length;

    const db = new BetterSqlite3(dbFile(env.t.dataDir));
    db.pragma('busy_timeout = 5000');
    try {
      const row = db.prepare("select auth_public from connectors where connector_id = 'dest-key'").get() as { auth_public: string };
      const tampered = row.auth_public.replace(upstream.url('/api'), attacker.url('/api'));
      expect(tampered).not.toBe(row.auth_public);
      db.prepare("update connectors set auth_public = ? where connector_id = 'dest-key'").run(tampered);
    } finally {
      db.close();
    }

    const r = await invoke(victim, 'dest-key');
    expect([r.status, r.errorType]).toEqual([409, 'ConflictException']);
    expect(r.body.Message).toMatch(/stored configuration does not match its sealed secrets.*Nothing was sent.*UpdateActionConnector/);
    const t = await connectorOps(env.t.endpoint, ACCOUNT, 'dest-key').test(victim);
    responses.push(JSON.stringify(t.body));
    expect([t.status, t.errorType]).toEqual([409, 'ConflictException']);
    expect(attacker.received.length).toBe(before);

    // A security event in the log, naming the connector, without the key.
    expect(env.t.logs()).toMatch(/security\.sealed-config-mismatch.*dest-key/);
    expect(leaks([API_KEY], { logs: env.t.logs(), responses })).toEqual([]);

    // Re-entering the secrets repairs it.
    await update(ADMIN, 'dest-key', apiKeyAuth(upstream.url('/api'), API_KEY));
    expect((await invoke(victim, 'dest-key')).body).toMatchObject({ InvokeActionStatus: 'SUCCESS', Output: { Body: { key: true } } });
    expect(attacker.received.length).toBe(before);
  });

  it('an AuthenticationConfig rewritten into one ActionBridge never writes: a clear 409 naming the member (Describe, Invoke, Test), no crash, repaired by Update', async () => {
    const none = (base: string): qs.AuthConfig => ({ AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: base } } });
    await createConnector(env.t.client(), 'dest-shape', { auth: apiKeyAuth(upstream.url('/api'), API_KEY), permissions: permissions() });
    await createConnector(env.t.client(), 'dest-shape-none', { auth: none(upstream.url('/api')), permissions: permissions() });
    const before = attacker.received.length + upstream.received.length;
    const rewrite = (id: string, authPublic: string, authType?: string) => {
      const db = new BetterSqlite3(dbFile(env.t.dataDir));
      db.pragma('busy_timeout = 5000');
      try {
        db.prepare('update connectors set auth_public = ? where connector_id = ?').run(authPublic, id);
        if (authType) db.prepare('update connectors set auth_type = ? where connector_id = ?').run(authType, id);
      } finally {
        db.close();
      }
    };
    const cases: [string, string, string | undefined, RegExp][] = [
      [
        'dest-shape',
        JSON.stringify({ AuthenticationType: 'API_KEY', AuthenticationMetadata: { ApiKeyConnectionMetadata: { BaseEndpoint: 42 } } }),
        undefined,
        /ApiKeyConnectionMetadata\.BaseEndpoint is not a string/,
      ],
      ['dest-shape', JSON.stringify({ AuthenticationType: 'API_KEY' }), undefined, /AuthenticationMetadata is not an object/],
      ['dest-shape', 'null', undefined, /AuthenticationConfig is not an object/],
      // The clear part says NONE (no secret to open): the row's AuthenticationType says API_KEY.
      ['dest-shape', JSON.stringify(none(attacker.url('/api'))), undefined, /differs from the connector's AuthenticationType API_KEY/],
      // Both say BASIC, with no sealed Password behind them.
      [
        'dest-shape-none',
        JSON.stringify({
          AuthenticationType: 'BASIC',
          AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: attacker.url('/api'), Username: 'u' } },
        }),
        'BASIC',
        /the secret Password is missing/,
      ],
      [
        'dest-shape-none',
        JSON.stringify({
          AuthenticationType: 'NONE',
          AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: attacker.url('/api') }, IamConnectionMetadata: { RoleArn: 'x' } },
        }),
        'NONE',
        /has IamConnectionMetadata beside NoneConnectionMetadata/,
      ],
    ];
    for (const [id, authPublic, authType, why] of cases) {
      rewrite(id, authPublic, authType);
      const r = await invoke(victim, id);
      expect([r.status, r.errorType], authPublic).toEqual([409, 'ConflictException']);
      expect(r.body.Message).toMatch(why);
      expect(r.body.Message).toMatch(/stored AuthenticationConfig is not valid.*Nothing was sent.*UpdateActionConnector/);
      const t = await connectorOps(env.t.endpoint, ACCOUNT, id).test(victim);
      responses.push(JSON.stringify(t.body));
      expect([t.status, t.errorType], authPublic).toEqual([409, 'ConflictException']);
      if (!/secret Password/.test(why.source)) {
        // Describe reads only the clear part: a secret missing from the sealed blob does not stop it.
        const d = await expectError(
          env.t.client().send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id })),
          'ConflictException',
          409,
        );
        expect(d.message).toMatch(why);
      }
    }
    // Listing does not read the AuthenticationConfig: the connectors are still listed.
    const listed = await env.t.client().send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
    expect(listed.ActionConnectorSummaries?.map((s) => s.ActionConnectorId)).toEqual(expect.arrayContaining(['dest-shape', 'dest-shape-none']));
    expect(attacker.received.length + upstream.received.length).toBe(before);
    expect(env.t.logs()).toMatch(/security\.sealed-config-mismatch.*dest-shape/);
    expect(leaks([API_KEY], { logs: env.t.logs(), responses })).toEqual([]);

    // Re-entering the configuration repairs them.
    await update(ADMIN, 'dest-shape', apiKeyAuth(upstream.url('/api'), API_KEY));
    await update(ADMIN, 'dest-shape-none', none(upstream.url('/api')));
    expect((await invoke(victim, 'dest-shape')).body).toMatchObject({ InvokeActionStatus: 'SUCCESS', Output: { Body: { key: true } } });
    const sent = upstream.received.length;
    expect((await invoke(victim, 'dest-shape-none')).status).toBe(200);
    expect(upstream.received.length).toBe(sent + 1);
  });
});

describe('a database written before the destination binding', () => {
  it('is re-sealed once at start-up: secrets and tokens keep working, then a tampered endpoint no longer opens', async () => {
    const { destinationDigest } = await import('../src/domain/destination.js');
    const digestOf = (r: { type: string; auth_type: string; auth_public: string; vpc_connection_arn: string | null }) =>
      destinationDigest({
        type: r.type as never,
        authType: r.auth_type as never,
        authPublic: JSON.parse(r.auth_public) as Record<string, unknown>,
        vpcConnectionArn: r.vpc_connection_arn,
      });
    const dataDir = tempDir('ab-legacy-');
    const base = { caFile: env.caFile, egressAllow: ['127.0.0.1/32'], dataDir };
    let t: TestServer = await startTestServer(base);
    const legacyApi = () => actionsApi(t.endpoint);
    const user = await t.addUser('legacy-user', 'READER');
    const perms = [{ Principal: user.arn, Actions: ALL_CONNECTOR_ACTIONS }];
    await createConnector(t.client(), 'legacy-key', { auth: apiKeyAuth(upstream.url('/api'), API_KEY), permissions: perms });
    await createConnector(t.client(), 'legacy-cc', {
      auth: clientCredentialsAuth(upstream.url('/api'), oidc.tokenEndpoint, SVC.client_id, SVC.client_secret),
      permissions: perms,
    });
    expect((await legacyApi().invoke(user, 'legacy-cc', 'HttpRequest', get)).body).toMatchObject({ InvokeActionStatus: 'SUCCESS' });
    await t.stop();

    expect(writeLegacyFormat(dbFile(dataDir), dataDir, digestOf)).toEqual({ connectors: 2, tokens: 1 });

    const minted = oidc.tokenRequests.client_credentials ?? 0;
    t = await startTestServer(base);
    try {
      expect(t.logs()).toMatch(/"event":"aad-destination-migration","resealed":3/);
      const k = await legacyApi().invoke(user, 'legacy-key', 'HttpRequest', get);
      expect(k.body).toMatchObject({ InvokeActionStatus: 'SUCCESS', Output: { Body: { key: true } } });
      // The client-credentials token survived the upgrade: no new token request.
      expect((await legacyApi().invoke(user, 'legacy-cc', 'HttpRequest', get)).body).toMatchObject({ InvokeActionStatus: 'SUCCESS' });
      expect(oidc.tokenRequests.client_credentials ?? 0).toBe(minted);
    } finally {
      await t.stop();
    }

    // Once: the next start re-seals nothing. And the old binding is no longer accepted.
    const db = new BetterSqlite3(dbFile(dataDir));
    try {
      const row = db.prepare("select auth_public from connectors where connector_id = 'legacy-key'").get() as { auth_public: string };
      db.prepare("update connectors set auth_public = ? where connector_id = 'legacy-key'").run(
        row.auth_public.replace(upstream.url('/api'), attacker.url('/api')),
      );
    } finally {
      db.close();
    }
    const before = attacker.received.length;
    t = await startTestServer(base);
    try {
      expect(t.logs()).not.toMatch(/aad-destination-migration/);
      const r = await legacyApi().invoke(user, 'legacy-key', 'HttpRequest', get);
      expect([r.status, r.errorType]).toEqual([409, 'ConflictException']);
      expect(attacker.received.length).toBe(before);
      expect(leaks([API_KEY], { logs: t.logs(), responses: [JSON.stringify(r.body)] })).toEqual([]);
    } finally {
      await t.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('`keys rotate` on such a database binds first, then rotates; the server then starts without re-sealing', async () => {
    const { destinationDigest } = await import('../src/domain/destination.js');
    const digestOf = (r: { type: string; auth_type: string; auth_public: string; vpc_connection_arn: string | null }) =>
      destinationDigest({
        type: r.type as never,
        authType: r.auth_type as never,
        authPublic: JSON.parse(r.auth_public) as Record<string, unknown>,
        vpcConnectionArn: r.vpc_connection_arn,
      });
    const dataDir = tempDir('ab-legacy-rotate-');
    const base = { caFile: env.caFile, egressAllow: ['127.0.0.1/32'], dataDir };
    let t: TestServer = await startTestServer(base);
    try {
      const user = await t.addUser('rotate-user', 'READER');
      await createConnector(t.client(), 'legacy-rot', {
        auth: apiKeyAuth(upstream.url('/api'), API_KEY),
        permissions: [{ Principal: user.arn, Actions: ALL_CONNECTOR_ACTIONS }],
      });
      await t.stop();
      expect(writeLegacyFormat(dbFile(dataDir), dataDir, digestOf)).toEqual({ connectors: 1, tokens: 0 });
      const r = JSON.parse(execFileSync(BIN, ['keys', 'rotate', '--data-dir', dataDir], { encoding: 'utf8' })) as { Remaining: number };
      expect(r.Remaining).toBe(0);
      t = await startTestServer(base);
      expect(t.logs()).not.toMatch(/aad-destination-migration/);
      const k = await actionsApi(t.endpoint).invoke(user, 'legacy-rot', 'HttpRequest', get);
      expect(k.body).toMatchObject({ InvokeActionStatus: 'SUCCESS', Output: { Body: { key: true } } });
    } finally {
      await t.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
