// OAUTH2_CLIENT_CREDENTIALS against a real authorization server (oidc-provider on
// HTTPS): the token is requested once however many callers wait, cached (sealed)
// until shortly before expiry, re-minted once when the service refuses it, and a
// refusal of the token endpoint is TokenResponseException with the provider's code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, expectError, qs, type TestUser } from './helpers.js';
import { type ConnEnv, endUser, startConnEnv } from './support/conn-env.js';
import { connectorOps } from './support/extension-client.js';
import { leaks } from './support/leaks.js';
import { startOidc, type OidcClient, type TestOidc } from './support/oidc.js';
import { startResourceServer, type ResourceServer } from './support/resource-server.js';
import { testClock } from './support/clock.js';

const CLIENT: OidcClient = { client_id: 'actionbridge-svc', client_secret: 'cc-client-secret-5f0e1d2c3b4a', grant_types: ['client_credentials'] };
const POST_CLIENT: OidcClient = {
  client_id: 'actionbridge-post',
  client_secret: 'cc-post-secret-9a8b7c6d5e4f',
  grant_types: ['client_credentials'],
  token_endpoint_auth_method: 'client_secret_post',
};

let env: ConnEnv;
let oidc: TestOidc;
let api: ResourceServer;
let reader: TestUser;
const responses: string[] = [];

const ccAuth = (secret = CLIENT.client_secret, clientId = CLIENT.client_id): qs.AuthConfig => ({
  AuthenticationType: 'OAUTH2_CLIENT_CREDENTIALS',
  AuthenticationMetadata: {
    ClientCredentialsGrantMetadata: {
      BaseEndpoint: api.url('/api'),
      ClientCredentialsSource: 'PLAIN_CREDENTIALS',
      ClientCredentialsDetails: { ClientCredentialsGrantDetails: { ClientId: clientId, ClientSecret: secret, TokenEndpoint: oidc.tokenEndpoint } },
    },
  },
});

async function create(id: string, auth: qs.AuthConfig, type: qs.ActionConnectorType = 'GENERIC_HTTP') {
  await env.t
    .client()
    .send(new qs.CreateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, Name: id, Type: type, AuthenticationConfig: auth }));
  return (await env.t.server.store.connectors.getConnector({ region: 'us-east-1', accountId: ACCOUNT, id }))!;
}

const tokens = () => oidc.tokenRequests.client_credentials ?? 0;

/** The server's clock: moved to a token's renewal point instead of waiting for it. */
const clock = testClock();
beforeAll(async () => {
  env = await startConnEnv({ logLevel: 'trace' }, undefined, clock.now);
  oidc = await startOidc(env.ca, [CLIENT, POST_CLIENT]);
  api = await startResourceServer(env.ca, (token) => oidc.valid(token));
  reader = await env.t.addUser('cc-reader', 'READER');
});
afterAll(async () => {
  await env?.t.stop();
  await api?.close();
  await oidc?.close();
});

describe('client credentials', () => {
  it('TestActionConnector requests a token and reports it, and the result is visible as connection health', async () => {
    await create('cc-test', ccAuth());
    const before = tokens();
    const ops = connectorOps(env.t.endpoint, ACCOUNT, 'cc-test');
    const r = await ops.test(ADMIN);
    responses.push(JSON.stringify(r.body));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ Success: true, HttpStatusCode: 200 });
    expect(r.body.Message).toMatch(/issued an access token/);
    expect(r.body.RequestId).toBeTypeOf('string');
    expect(tokens()).toBe(before + 1);

    const h = await ops.connection(ADMIN);
    responses.push(JSON.stringify(h.body));
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ ActionConnectorId: 'cc-test', AuthenticationType: 'OAUTH2_CLIENT_CREDENTIALS', SignedInUsers: 0 });
    expect(h.body.LastTest).toMatchObject({ Success: true, HttpStatusCode: 200, TestedBy: `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/admin` });
    expect(Math.abs(h.body.LastTest.Time - Date.now() / 1000)).toBeLessThan(60);
    expect(h.body.CallerSignedIn).toBeUndefined();
  });

  it('TestActionConnector needs UpdateActionConnector; the health read needs DescribeActionConnector', async () => {
    const ops = connectorOps(env.t.endpoint, ACCOUNT, 'cc-test');
    const r = await ops.test(reader);
    expect([r.status, r.errorType]).toEqual([401, 'AccessDeniedException']);
    const h = await ops.connection(reader);
    expect([h.status, h.errorType]).toEqual([401, 'AccessDeniedException']);
    const missing = await connectorOps(env.t.endpoint, ACCOUNT, 'cc-nope').test(ADMIN);
    expect([missing.status, missing.errorType]).toEqual([404, 'ResourceNotFoundException']);
    const bad = await connectorOps(env.t.endpoint, ACCOUNT, 'not valid!').test(ADMIN);
    expect([bad.status, bad.errorType]).toEqual([400, 'InvalidParameterValueException']);
  });

  it('200 concurrent users cause exactly one token request; after expiry exactly one more', async () => {
    oidc.ttl.clientCredentials = 60; // long enough that a burst ends before the renewal point (54 s) on a loaded machine
    const rec = await create('cc-burst', ccAuth());
    const conns = env.t.server.services.connections;
    const burst = () =>
      Promise.all(Array.from({ length: 200 }, (_, i) => conns.authorizedRequest(rec, endUser(`burst-${i}`), { method: 'GET', url: api.url('/api/items') })));
    const before = tokens();
    const first = await burst();
    expect(first.map((r) => r.status)).toEqual(Array(200).fill(200));
    expect(tokens()).toBe(before + 1);
    const firstAuth = new Set(api.seen.slice(-200));
    expect(firstAuth.size).toBe(1);

    // Cached (sealed) in the database until shortly before expiry.
    const row = await env.t.server.store.connections.getToken(rec, '');
    expect(row?.expiresAt).toBeGreaterThan(Date.now());
    expect(row!.refreshAt!).toBeLessThan(row!.expiresAt!);
    // The token is due: the server's clock reaches its renewal point (the provider's still takes it).
    clock.reach(row!.refreshAt!);

    const second = await burst();
    expect(second.map((r) => r.status)).toEqual(Array(200).fill(200));
    expect(tokens()).toBe(before + 2);
    const secondAuth = new Set(api.seen.slice(-200));
    expect(secondAuth.size).toBe(1);
    expect([...secondAuth][0]).not.toBe([...firstAuth][0]);
    oidc.ttl.clientCredentials = 3600;
    clock.reset();
  });

  it('a token the service refuses (401) is re-minted once, by one request for all waiting callers', async () => {
    const rec = await create('cc-revoked', ccAuth());
    const conns = env.t.server.services.connections;
    const user = endUser('alice');
    expect((await conns.authorizedRequest(rec, user, { method: 'GET', url: api.url('/api') })).status).toBe(200);
    const old = api.seen.at(-1)!.slice('Bearer '.length);
    expect(await oidc.revoke(CLIENT, old)).toBe(200);
    expect(await oidc.valid(old)).toBe(false);

    const before = tokens();
    const seenBefore = api.seen.length;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => conns.authorizedRequest(rec, endUser(`u${i}`), { method: 'GET', url: api.url('/api') })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(tokens()).toBe(before + 1);
    const sent = api.seen.slice(seenBefore);
    expect(sent.filter((a) => a === `Bearer ${old}`)).toHaveLength(20); // each tried the refused token once ...
    expect(new Set(sent.filter((a) => a !== `Bearer ${old}`)).size).toBe(1); // ... then all the one new token
  });

  it('a service that refuses every token gets one retry, not a loop', async () => {
    const rec = await create('cc-always-401', ccAuth());
    const conns = env.t.server.services.connections;
    await conns.authorizedRequest(rec, endUser('bob'), { method: 'GET', url: api.url('/api') });
    const before = tokens();
    const seen = api.seen.length;
    // The provider's userinfo endpoint refuses a client-credentials token, whichever one is sent.
    const res = await conns.authorizedRequest(rec, endUser('bob'), { method: 'GET', url: `${oidc.issuer}/me` });
    expect(res.status).toBe(401);
    expect(tokens()).toBe(before + 1);
    expect(api.seen.length).toBe(seen);
  });

  it('client_secret_post is used for the connector types that need it', async () => {
    const rec = await create('cc-post', ccAuth(POST_CLIENT.client_secret, POST_CLIENT.client_id), 'SALESFORCE_CRM');
    const r = await env.t.server.services.connections.authorizedRequest(rec, endUser('carol'), { method: 'GET', url: api.url('/api') });
    expect(r.status).toBe(200);
    expect(oidc.clientAuth.at(-1)).toBe('post');
    // GENERIC_HTTP uses HTTP Basic (RFC 6749 §2.3.1).
    await connectorOps(env.t.endpoint, ACCOUNT, 'cc-test').test(ADMIN);
    expect(oidc.clientAuth.at(-1)).toBe('basic');
  });

  it("a refusing token endpoint is TokenResponseException with the provider's error code", async () => {
    const rec = await create('cc-wrong-secret', ccAuth('not-the-client-secret-123'));
    const r = await connectorOps(env.t.endpoint, ACCOUNT, 'cc-wrong-secret').test(ADMIN);
    responses.push(JSON.stringify(r.body));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ Success: false, HttpStatusCode: 401 });
    expect(r.body.Message).toMatch(/refused the client-credentials token request: invalid_client/);
    const e = await expectError(
      env.t.server.services.connections.authorizedRequest(rec, endUser('dave'), { method: 'GET', url: api.url('/api') }),
      'TokenResponseException',
    );
    expect((e as unknown as { status: number }).status).toBe(424);
    expect(e.message).toMatch(/invalid_client/);
    const h = await connectorOps(env.t.endpoint, ACCOUNT, 'cc-wrong-secret').connection(ADMIN);
    expect(h.body.LastTest).toMatchObject({ Success: false, HttpStatusCode: 401 });
  });

  it('an unreachable token endpoint is a failed test with a clear message', async () => {
    const auth = ccAuth();
    auth.AuthenticationMetadata!.ClientCredentialsGrantMetadata!.ClientCredentialsDetails!.ClientCredentialsGrantDetails!.TokenEndpoint =
      'https://10.255.0.1/token';
    await create('cc-private', auth);
    const r = await connectorOps(env.t.endpoint, ACCOUNT, 'cc-private').test(ADMIN);
    expect(r.body.Success).toBe(false);
    expect(r.body.HttpStatusCode).toBeUndefined();
    expect(r.body.Message).toMatch(/could not be reached.*not a public address/);
  });

  it('a rename keeps the token; an update with a new client secret makes the next use request a new one', async () => {
    const rec = await create('cc-update', ccAuth());
    const conns = env.t.server.services.connections;
    await conns.authorizedRequest(rec, endUser('erin'), { method: 'GET', url: api.url('/api') });
    const before = tokens();
    await env.t
      .client()
      .send(new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'cc-update', Name: 'renamed', AuthenticationConfig: ccAuth() }));
    const renamed = (await env.t.server.store.connectors.getConnector(rec))!;
    await conns.authorizedRequest(renamed, endUser('erin'), { method: 'GET', url: api.url('/api') });
    expect(tokens()).toBe(before);
    // The same secret again is no change; another secret is: the token obtained with the old one goes.
    expect(await env.t.server.store.connections.getToken(rec, '')).toBeDefined();
    const rotated = ccAuth(`${CLIENT.client_secret}-v2`);
    await env.t
      .client()
      .send(new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'cc-update', Name: 'renamed', AuthenticationConfig: rotated }));
    expect(await env.t.server.store.connections.getToken(rec, '')).toBeUndefined();
  });

  it('no client secret or token is in a response, a log line or the database files', async () => {
    const accessTokens = [...new Set(api.seen.filter(Boolean).map((a) => a!.slice('Bearer '.length)))];
    expect(accessTokens.length).toBeGreaterThan(3);
    const found = leaks([CLIENT.client_secret, POST_CLIENT.client_secret, 'not-the-client-secret-123', ...accessTokens], {
      dataDir: env.t.dataDir,
      logs: env.t.logs(),
      responses,
    });
    expect(found).toEqual([]);
    expect(env.t.logs()).toContain('"op":"TestActionConnector"');
  });
});
