// OAuth across nodes on one PostgreSQL database (issue 7), against a real authorization
// server (oidc-provider on HTTPS):
// - authorization code with three node processes: the sign-in started on node 1 comes
//   back (through the TLS front) to node 2's /oauth/callback, the token is used on
//   node 3, and once it is due, concurrent uses spread over the three nodes cause
//   exactly one refresh at the provider;
// - client credentials with three nodes (each its own store, pool, single flight and
//   lock connection, in this process so the test can call authorizedRequest directly):
//   many concurrent callers spread over the nodes, exactly one token request; again
//   one after expiry.
import { writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, cli, qs, startTestServer, tempDir, type TestServer } from './helpers.js';
import { TestBrowser, type Page } from './support/browser.js';
import { confirmationPage } from './support/security-oauth-flow.js';
import { endUser } from './support/conn-env.js';
import { connectorOps } from './support/extension-client.js';
import { startOidc, type OidcClient, type TestOidc } from './support/oidc.js';
import { startResourceServer, type ResourceServer } from './support/resource-server.js';
import { createTestCa, type TestCa } from './support/tls.js';
import { startTlsFront, type TlsFront } from './support/tls-front.js';
import { waitFor } from './support/wait.js';
import { PG_SKIP_REASON, PG_URL, createSchema, pgQuery, type TestSchema } from './support/pg-store.js';
import { startCluster, type Cluster } from './support/pg-nodes.js';

const d = PG_URL ? describe : describe.skip;
const ALL = [
  'DescribeActionConnector',
  'UpdateActionConnector',
  'DeleteActionConnector',
  'DescribeActionConnectorPermissions',
  'UpdateActionConnectorPermissions',
  'ListActionConnectorActions',
  'InvokeActionConnector',
].map((a) => `quicksight:${a}`);

let ca: TestCa;
let caFile: string;
let oidc: TestOidc;
let api: ResourceServer;
const WEB: OidcClient = { client_id: 'mn-web', client_secret: 'mn-web-secret-0123456789abcdef', grant_types: ['authorization_code', 'refresh_token'] };
const SVC: OidcClient = { client_id: 'mn-svc', client_secret: 'mn-svc-secret-fedcba9876543210', grant_types: ['client_credentials'] };
let front: TlsFront;

beforeAll(async () => {
  if (!PG_URL) return;
  ca = createTestCa();
  caFile = path.join(tempDir('ab-pg-ca-'), 'ca.pem');
  writeFileSync(caFile, ca.certPem);
  front = await startTlsFront(ca);
  WEB.redirect_uris = [`${front.publicUrl}/oauth/callback`];
  oidc = await startOidc(ca, [WEB, SVC]);
  api = await startResourceServer(ca, (token) => oidc.valid(token));
});
afterAll(async () => {
  await Promise.all([api?.close(), oidc?.close(), front?.close()]);
});

d(PG_URL ? 'authorization code across three node processes' : PG_SKIP_REASON, () => {
  let c: Cluster;
  let browser: TestBrowser;
  let alice: { arn: string; accessKeyId: string; secretAccessKey: string };
  beforeAll(async () => {
    c = await startCluster({ nodes: 3, args: ['--ca-file', caFile, '--egress-allow', '127.0.0.1/32'], env: { ACTIONBRIDGE_PUBLIC_URL: front.publicUrl } });
    browser = new TestBrowser(ca.certPem);
    const u = cli(['users', 'add', '--account', ACCOUNT, '--name', 'alice', '--role', 'AUTHOR', '--database-url', c.schema.url, '--data-dir', c.dataDir], {
      ACTIONBRIDGE_MASTER_KEY: c.masterKey,
    });
    alice = { arn: u.UserArn, accessKeyId: u.AccessKeyId, secretAccessKey: u.SecretAccessKey };
    await c.nodes[0]!.client().send(
      new qs.CreateActionConnectorCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'mn-code',
        Name: 'Sign in across nodes',
        Type: 'GENERIC_HTTP',
        AuthenticationConfig: {
          AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
          AuthenticationMetadata: {
            AuthorizationCodeGrantMetadata: {
              BaseEndpoint: api.url('/api'),
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
        },
        Permissions: [{ Principal: alice.arn, Actions: ALL }],
      }),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await c?.stop();
  });

  async function signIn(url: string, login: string): Promise<Page> {
    browser.forgetCookies();
    const loginPage = await browser.submit(await confirmationPage(browser, url));
    const consent = await browser.submit(loginPage, { login, password: 'any' });
    return browser.submit(consent);
  }

  it("a sign-in started on node 1 completes at node 2's callback; node 3 uses the token; one refresh for concurrent uses on all nodes", async () => {
    const [n1, n2, n3] = c.nodes as [Cluster['nodes'][0], Cluster['nodes'][0], Cluster['nodes'][0]];
    const started = await connectorOps(n1.endpoint, ACCOUNT, 'mn-code').authorize(alice);
    expect(started.status).toBe(200);
    oidc.ttl.accessToken = 4;
    front.setBackend(n2.endpoint); // the browser comes back through the balancer to another node
    const done = await signIn(started.body.AuthorizationUrl as string, 'alice@example.com');
    oidc.ttl.accessToken = 3600;
    expect(done.url.startsWith(`${front.publicUrl}/oauth/callback?`)).toBe(true);
    expect(done.status).toBe(200);
    expect(done.body).toContain('Signed in');
    expect(oidc.tokenRequests.authorization_code).toBe(1);

    const used = await connectorOps(n3.endpoint, ACCOUNT, 'mn-code').test(alice);
    expect(used.body).toMatchObject({ Success: true, HttpStatusCode: 200 });
    const health = await connectorOps(n1.endpoint, ACCOUNT, 'mn-code').connection(alice);
    expect(health.body).toMatchObject({ SignedInUsers: 1, CallerSignedIn: true, LastTest: { Success: true } });

    const [row] = await pgQuery<{ refresh_at: string }>(`select refresh_at from "${c.schema.schema}".connector_tokens where principal = $1`, [alice.arn]);
    await waitFor(() => Date.now() >= Number(row!.refresh_at), { timeoutMs: 10_000, what: 'the access token to be due' });
    const refreshes = oidc.tokenRequests.refresh_token ?? 0;
    const results = await Promise.all(Array.from({ length: 30 }, (_v, i) => connectorOps(c.nodes[i % 3]!.endpoint, ACCOUNT, 'mn-code').test(alice)));
    expect(results.map((r) => r.body.Success)).toEqual(Array(30).fill(true));
    expect(oidc.tokenRequests.refresh_token).toBe(refreshes + 1);
    for (const n of c.nodes) expect(n.output()).not.toMatch(/internal failure/);
  });
});

d(PG_URL ? 'client credentials across three nodes' : PG_SKIP_REASON, () => {
  let schema: TestSchema;
  const nodes: TestServer[] = [];
  beforeAll(async () => {
    schema = await createSchema('cc');
    const dataDir = tempDir('ab-pg-cc-');
    const env = { ACTIONBRIDGE_MASTER_KEY: randomBytes(32).toString('base64') };
    for (let i = 0; i < 3; i++) {
      nodes.push(
        await startTestServer(
          { databaseUrl: schema.url, dataDir, caFile, egressAllow: ['127.0.0.1/32'], postgres: { poolSize: 4, statementTimeoutMs: 30_000 } },
          env,
        ),
      );
    }
  });
  afterAll(async () => {
    for (const n of nodes) await n.stop();
    await schema?.drop();
  });

  it('90 concurrent callers spread over three nodes: one token request; after expiry, one more', async () => {
    oidc.ttl.clientCredentials = 10; // long enough that a burst ends before the renewal point on a loaded machine
    await nodes[0]!.client().send(
      new qs.CreateActionConnectorCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'mn-cc',
        Name: 'Service token',
        Type: 'GENERIC_HTTP',
        AuthenticationConfig: {
          AuthenticationType: 'OAUTH2_CLIENT_CREDENTIALS',
          AuthenticationMetadata: {
            ClientCredentialsGrantMetadata: {
              BaseEndpoint: api.url('/api'),
              ClientCredentialsSource: 'PLAIN_CREDENTIALS',
              ClientCredentialsDetails: {
                ClientCredentialsGrantDetails: { ClientId: SVC.client_id, ClientSecret: SVC.client_secret, TokenEndpoint: oidc.tokenEndpoint },
              },
            },
          },
        },
      }),
    );
    const key = { region: 'us-east-1', accountId: ACCOUNT, id: 'mn-cc' };
    const recs = await Promise.all(nodes.map((n) => n.server.store.connectors.getConnector(key)));
    const tokens = () => oidc.tokenRequests.client_credentials ?? 0;
    const burst = () =>
      Promise.all(
        Array.from({ length: 90 }, (_v, i) =>
          nodes[i % 3]!.server.services.connections.authorizedRequest(recs[i % 3]!, endUser(`u${i}`), { method: 'GET', url: api.url('/api/items') }),
        ),
      );
    const before = tokens();
    const first = await burst();
    expect(first.map((r) => r.status)).toEqual(Array(90).fill(200));
    expect(tokens()).toBe(before + 1);
    expect(new Set(api.seen.slice(-90)).size).toBe(1);

    const row = await nodes[2]!.server.store.connections.getToken(key, '');
    await waitFor(() => Date.now() >= row!.refreshAt!, { timeoutMs: 20_000, what: 'the token to be due' });
    const second = await burst();
    expect(second.map((r) => r.status)).toEqual(Array(90).fill(200));
    expect(tokens()).toBe(before + 2);
    expect(new Set(api.seen.slice(-90)).size).toBe(1);
    oidc.ttl.clientCredentials = 3600;
    for (const n of nodes) expect(n.logs()).not.toMatch(/internal failure/);
  });
});
