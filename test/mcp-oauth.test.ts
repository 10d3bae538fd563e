// The MCP authorization spec (issue 19 item 2) against real servers: a remote MCP server
// (@modelcontextprotocol/sdk, Streamable HTTP on local HTTPS with the test CA) that answers
// 401 with `resource_metadata`, serves its protected-resource metadata (RFC 9728) and takes
// only access tokens whose audience (RFC 8707 resource) is itself; oidc-provider as the
// authorization server with dynamic client registration (RFC 7591) and resource indicators.
// A GENERIC_HTTP connector with OAUTH2_AUTHORIZATION_CODE and no client of its own: the put
// discovers and registers, the user signs in through /oauth/start and /oauth/callback, a
// refresh lists the tools, InvokeAction calls one. Attacks: a resource-metadata document for
// another resource, an authorization server on a private address, a redirect to another
// origin (the token never goes there), a connector changed after the discovery.
import type http from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ActionBridgeClient } from '../src/client/index.js';
import { sealedSecrets } from '../src/crypto/sealed-secrets.js';
import { destinationDigest } from '../src/domain/destination.js';
import { ACCOUNT, ADMIN, type Creds, qs, type TestUser } from './helpers.js';
import { TestBrowser } from './support/browser.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';
import { startHttpsServer, type TestHttpsServer } from './support/https-server.js';
import { startOidc, type TestOidc } from './support/oidc.js';
import { confirmationPage } from './support/security-oauth-flow.js';
import { createTestCa } from './support/tls.js';
import { startTlsFront, type TlsFront } from './support/tls-front.js';
import { failure } from './support/client-failure.js';

const ALL = ['DescribeActionConnector', 'UpdateActionConnector', 'ListActionConnectorActions', 'InvokeActionConnector'].map((a) => `quicksight:${a}`);

let env: ConnEnv;
let front: TlsFront;
let oidc: TestOidc;
let mcp: TestHttpsServer;
let browser: TestBrowser;
let alice: TestUser;
/** What the MCP server saw. */
/** The scope the server's 401 challenge names (RFC 6750 §3): a change is a new discovery result. */
let challengeScope = 'mcp:tools';
/** The authorization server the resource metadata names (an attacker may change it). */
let namedIssuer = () => oidc.issuer;
const seen = { calls: [] as { tool: string; audience: string | undefined }[], refused: 0, elsewhere: [] as (string | undefined)[] };

const api = (creds: Creds = ADMIN) => new ActionBridgeClient({ endpoint: env.t.endpoint, region: 'us-east-1', accountId: ACCOUNT, credentials: creds });
const serverUrl = () => mcp.url('/mcp');
const trackerKey = { region: 'us-east-1', accountId: ACCOUNT, id: 'tracker' };

/** An OAUTH2_AUTHORIZATION_CODE config without a client: discovered at the MCP server. */
function discoverAuth(base: string): qs.AuthConfig {
  return {
    AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
    AuthenticationMetadata: { AuthorizationCodeGrantMetadata: { BaseEndpoint: base, RedirectUrl: `${front.publicUrl}/oauth/callback` } },
  };
}

async function create(id: string, base: string) {
  await env.t.client().send(
    new qs.CreateActionConnectorCommand({
      AwsAccountId: ACCOUNT,
      ActionConnectorId: id,
      Name: `MCP ${id}`,
      Type: 'GENERIC_HTTP',
      AuthenticationConfig: discoverAuth(base),
      Permissions: [{ Principal: alice.arn, Actions: ALL }],
    }),
  );
}

function buildServer(audience: string | undefined): McpServer {
  const server = new McpServer({ name: 'oauth-tracker', version: '1.0.0' });
  server.registerTool(
    'search-issues',
    { description: 'Finds issues.', inputSchema: { query: z.string() }, annotations: { readOnlyHint: true } },
    async (args) => {
      seen.calls.push({ tool: 'search-issues', audience });
      return { content: [{ type: 'text', text: `3 issues match ${args.query}` }] };
    },
  );
  server.registerTool('moved', { description: 'Its HTTP answer is a redirect elsewhere.', inputSchema: {} }, async () => ({ content: [] }));
  return server;
}

/** The MCP server: stateless Streamable HTTP at /mcp; metadata and hostile variants under other paths. */
async function startMcpServer(): Promise<TestHttpsServer> {
  const prm = (resource: string, servers: string[]) => JSON.stringify({ resource, authorization_servers: servers, scopes_supported: ['mcp:tools'] });
  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = req.url ?? '/';
    const json = (status: number, body: string, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
    if (url.startsWith('/elsewhere')) {
      seen.elsewhere.push(req.headers.authorization);
      req.resume();
      return json(200, '{}');
    }
    if (url === '/.well-known/oauth-protected-resource/mcp') return json(200, prm(serverUrl(), [namedIssuer()]));
    // Found through the well-known fallback (no resource_metadata in its challenge): it names another resource.
    if (url === '/.well-known/oauth-protected-resource/mismatch/mcp') return json(200, prm('https://tracker.example.com/mcp', [oidc.issuer]));
    if (url === '/private-prm') return json(200, prm(mcp.url('/private/mcp'), ['https://10.20.30.40']));
    if (url === '/nos256-prm') return json(200, prm(mcp.url('/nos256/mcp'), [mcp.url('/as')]));
    if (url === '/.well-known/oauth-authorization-server/as') {
      const issuer = mcp.url('/as');
      return json(
        200,
        JSON.stringify({ issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, code_challenge_methods_supported: ['plain'] }),
      );
    }
    if (url === '/wrongiss-prm') return json(200, prm(mcp.url('/wrongiss/mcp'), [mcp.url('/as2')]));
    if (url === '/.well-known/oauth-authorization-server/as2') {
      // Served for /as2 but naming another issuer (a mix-up).
      return json(
        200,
        JSON.stringify({
          issuer: oidc.issuer,
          authorization_endpoint: `${oidc.issuer}/auth`,
          token_endpoint: `${oidc.issuer}/token`,
          code_challenge_methods_supported: ['S256'],
        }),
      );
    }
    if (url.startsWith('/wrongiss/mcp')) return json(401, '{}', { 'www-authenticate': `Bearer resource_metadata="${mcp.url('/wrongiss-prm')}"` });
    if (url.startsWith('/mismatch/mcp')) return json(401, '{}', { 'www-authenticate': 'Bearer' });
    if (url.startsWith('/private/mcp')) return json(401, '{}', { 'www-authenticate': `Bearer resource_metadata="${mcp.url('/private-prm')}"` });
    if (url.startsWith('/nos256/mcp')) return json(401, '{}', { 'www-authenticate': `Bearer resource_metadata="${mcp.url('/nos256-prm')}"` });
    if (!url.startsWith('/mcp')) return json(404, '{}');
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    // Only a token this server's authorization server issued for this very server (RFC 8707 audience).
    const audience = token ? await oidc.audience(token) : undefined;
    if (audience !== serverUrl()) {
      seen.refused++;
      req.resume();
      return json(401, '{"error":"invalid_token"}', {
        'www-authenticate': `Bearer resource_metadata="${mcp.url('/.well-known/oauth-protected-resource/mcp')}", scope="${challengeScope}"`,
      });
    }
    if (req.method !== 'POST') return json(405, '{}');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { method?: string; params?: { name?: string } };
    if (body.method === 'tools/call' && body.params?.name === 'moved') {
      res.writeHead(307, { location: mcp.url('/elsewhere/mcp', 'localhost') }).end();
      return;
    }
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await buildServer(audience).connect(transport);
    await transport.handleRequest(req, res, body);
  };
  return startHttpsServer({ cert: env.ca.issue({ dnsNames: ['localhost'], ips: ['127.0.0.1'] }), handler: (req, res) => void handler(req, res) });
}

/** StartActionConnectorAuthorization, then the confirmation page, the provider's login and consent, the callback. */
async function signIn(id: string, user: TestUser): Promise<{ authorize: URL; done: string }> {
  const r = await api(user).startActionConnectorAuthorization({ ActionConnectorId: id });
  browser.forgetCookies();
  const login = await browser.submit(await confirmationPage(browser, r.AuthorizationUrl!));
  expect(login.body, login.hops.join('\n')).toContain('name="login"');
  const authorize = new URL(login.hops.find((h) => new URL(h).pathname === '/auth')!);
  const consent = await browser.submit(login, { login: user.name, password: 'any' });
  const done = await browser.submit(consent);
  return { authorize, done: done.body };
}

beforeAll(async () => {
  const ca = createTestCa();
  front = await startTlsFront(ca);
  env = await startConnEnv({ publicUrl: front.publicUrl }, ca);
  front.setBackend(env.t.endpoint);
  oidc = await startOidc(ca, [], { registration: true, resources: { urls: () => [serverUrl()], scope: 'mcp:tools' } });
  mcp = await startMcpServer();
  browser = new TestBrowser(ca.certPem);
  alice = await env.t.addUser('alice', 'AUTHOR');
  await create('tracker', serverUrl());
});
afterAll(async () => {
  await browser?.close();
  await env?.t.stop();
  await Promise.all([oidc?.close(), mcp?.close(), front?.close()]);
});

describe('an MCP server whose authorization is discovered', () => {
  let clientId = '';

  it('put: protected-resource and authorization-server metadata discovered, a client registered; the tools wait for a sign-in', async () => {
    const r = await api(alice).putActionConnectorMcpServer({ ActionConnectorId: 'tracker' });
    expect(r.McpServer.SignInRequired).toBe(true);
    expect(r.McpServer.Tools).toEqual([]);
    expect(r.McpServer.Authorization).toMatchObject({
      Issuer: oidc.issuer,
      AuthorizationEndpoint: `${oidc.issuer}/auth`,
      TokenEndpoint: `${oidc.issuer}/token`,
      RegistrationEndpoint: `${oidc.issuer}/reg`,
      Resource: serverUrl(),
      ResourceMetadataUrl: mcp.url('/.well-known/oauth-protected-resource/mcp'),
      DynamicClientRegistration: true,
      TokenEndpointAuthMethod: 'client_secret_basic',
      Scope: 'mcp:tools',
    });
    clientId = r.McpServer.Authorization!.ClientId;
    const secret = await oidc.clientSecret(clientId);
    expect(secret).toBeTruthy();
    // The registered client's secret: sealed at rest, never returned.
    const row = await env.t.server.store.mcpServers.getMcpOAuth((await env.t.server.store.connectors.getConnector(trackerKey))!);
    expect(row!.config).not.toContain(secret!);
    expect(row!.clientSecretSealed).toBeTruthy();
    expect(row!.clientSecretSealed).not.toContain(secret!);
    const d = await api(alice).describeActionConnectorMcpServer({ ActionConnectorId: 'tracker' });
    expect(d.McpServer.Authorization!.ClientId).toBe(clientId);
    expect(JSON.stringify(d)).not.toContain(secret!);
    expect(JSON.stringify(r)).not.toContain(secret!);
    const described = await env.t.client().send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'tracker' }));
    expect(described.ActionConnector?.AuthenticationConfig?.AuthenticationMetadata?.AuthorizationCodeGrantMetadata).toEqual({
      BaseEndpoint: serverUrl(),
      RedirectUrl: `${front.publicUrl}/oauth/callback`,
    });
  });

  it('sign-in through /oauth/start and /oauth/callback with resource= the server; refresh lists the tools; InvokeAction calls one with a token bound to the server', async () => {
    const { authorize, done } = await signIn('tracker', alice);
    expect(done).toContain('signed in');
    expect(authorize.searchParams.get('resource')).toBe(serverUrl());
    expect(authorize.searchParams.get('client_id')).toBe(clientId);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('scope')).toBe('mcp:tools');

    const r = await api(alice).refreshActionConnectorMcpTools({ ActionConnectorId: 'tracker' });
    expect(r.McpServer.SignInRequired).toBeUndefined();
    expect(r.AddedActions.sort()).toEqual(['moved', 'search-issues']);
    // The same client: a refresh does not register another.
    expect(r.McpServer.Authorization!.ClientId).toBe(clientId);

    seen.calls.length = 0;
    const out = await api(alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'search-issues', Input: { query: 'login' } });
    expect(out.InvokeActionStatus).toBe('SUCCESS');
    expect(out.Output).toEqual({ Content: [{ type: 'text', text: '3 issues match login' }] });
    expect(seen.calls).toEqual([{ tool: 'search-issues', audience: serverUrl() }]);
    expect(oidc.tokenRequests.authorization_code).toBe(1);
  });

  it('a refresh of the token carries resource= too (the server takes the new token)', async () => {
    const rec = (await env.t.server.store.connectors.getConnector(trackerKey))!;
    const row = (await env.t.server.store.connections.getToken(rec, alice.arn))!;
    // Due now: the next use refreshes it.
    await env.t.server.store.connections.putToken({ ...row, refreshAt: 0 }, destinationDigest(rec));
    seen.calls.length = 0;
    const out = await api(alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'search-issues', Input: { query: 'x' } });
    expect(out.InvokeActionStatus).toBe('SUCCESS');
    expect(oidc.tokenRequests.refresh_token).toBe(1);
    expect(seen.calls).toEqual([{ tool: 'search-issues', audience: serverUrl() }]);
  });

  it('attack: a redirect to another origin is not followed; the token never goes there', async () => {
    const out = await api(alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'moved', Input: {} });
    expect(out.InvokeActionStatus).toBe('FAILED');
    expect(seen.elsewhere).toEqual([]);
  });

  it('the registered client secret is among the sealed secrets key rotation re-seals, bound to the connector and what was discovered', async () => {
    const secret = await oidc.clientSecret(clientId);
    const ref = (await sealedSecrets(env.t.server.store)).find((r) => r.table === 'mcp_oauth' && r.rowKey[2] === 'tracker');
    expect(ref).toBeDefined();
    expect(env.t.server.services.keys.open(ref!.sealed, ref!.aad)).toBe(secret);
  });

  it('a discovery that finds something else (here: other scopes) drops the users’ tokens; signing in again works', async () => {
    const rec = (await env.t.server.store.connectors.getConnector(trackerKey))!;
    challengeScope = 'openid mcp:tools';
    try {
      const r = await api(alice).refreshActionConnectorMcpTools({ ActionConnectorId: 'tracker' });
      expect(r.McpServer.SignInRequired).toBe(true);
      expect(r.McpServer.Authorization!.Scope).toBe('openid mcp:tools');
      // The same client (nothing about it changed), but tokens obtained for the old discovery are gone.
      expect(r.McpServer.Authorization!.ClientId).toBe(clientId);
      expect(r.RemovedActions).toEqual([]);
      expect(await env.t.server.store.connections.getToken(rec, alice.arn)).toBeUndefined();
      const out = await failure(api(alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'search-issues', Input: { query: 'x' } }));
      expect(out.name).toBe('AccessTokenNotFoundException');
    } finally {
      challengeScope = 'mcp:tools';
    }
    await api(alice).refreshActionConnectorMcpTools({ ActionConnectorId: 'tracker' });
    await signIn('tracker', alice);
    const out = await api(alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'search-issues', Input: { query: 'y' } });
    expect(out.InvokeActionStatus).toBe('SUCCESS');
  });

  it('attack: resource metadata that now names another authorization server: a refresh drops the users’ tokens, their refresh token never goes there', async () => {
    const evil = await startOidc(env.ca, [], { registration: true, resources: { urls: () => [serverUrl()], scope: 'mcp:tools' } });
    const rec = (await env.t.server.store.connectors.getConnector(trackerKey))!;
    const row = (await env.t.server.store.connections.getToken(rec, alice.arn))!;
    // Due: the next use would refresh it at the token endpoint the connector knows.
    await env.t.server.store.connections.putToken({ ...row, refreshAt: 0 }, destinationDigest(rec));
    const refreshesBefore = oidc.tokenRequests.refresh_token ?? 0;
    namedIssuer = () => evil.issuer;
    try {
      const r = await api(alice).refreshActionConnectorMcpTools({ ActionConnectorId: 'tracker' });
      expect(r.McpServer.SignInRequired).toBe(true);
      expect(r.McpServer.Authorization!.Issuer).toBe(evil.issuer);
      expect(r.McpServer.Authorization!.ClientId).not.toBe(clientId);
      expect(await env.t.server.store.connections.getToken(rec, alice.arn)).toBeUndefined();
      const e = await failure(api(alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'search-issues', Input: { query: 'x' } }));
      expect(e.name).toBe('AccessTokenNotFoundException');
      expect(evil.tokenRequests).toEqual({});
      expect(oidc.tokenRequests.refresh_token ?? 0).toBe(refreshesBefore);
    } finally {
      namedIssuer = () => oidc.issuer;
      await evil.close();
    }
    // Back to the real one: a new client there (the evil one's replaced it), and a new sign-in.
    const back = await api(alice).refreshActionConnectorMcpTools({ ActionConnectorId: 'tracker' });
    clientId = back.McpServer.Authorization!.ClientId;
    await signIn('tracker', alice);
    expect((await api(alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'search-issues', Input: { query: 'y' } })).InvokeActionStatus).toBe(
      'SUCCESS',
    );
  });

  it('DeleteActionConnectorMcpServer drops the registered client and the users’ tokens', async () => {
    const rec = (await env.t.server.store.connectors.getConnector(trackerKey))!;
    expect(await env.t.server.store.connections.getToken(rec, alice.arn)).toBeDefined();
    await api(alice).deleteActionConnectorMcpServer({ ActionConnectorId: 'tracker' });
    expect(await env.t.server.store.mcpServers.getMcpOAuth(rec)).toBeUndefined();
    expect(await env.t.server.store.connections.getToken(rec, alice.arn)).toBeUndefined();
    const e = await failure(api(alice).startActionConnectorAuthorization({ ActionConnectorId: 'tracker' }));
    expect(e.name).toBe('InvalidParameterValueException');
    expect(e.message).toContain('attach its MCP server with PutActionConnectorMcpServer first');
  });

  it('attack: a connector whose destination changed after the discovery sends nothing until discovered again', async () => {
    await create('moving', serverUrl());
    await api(alice).putActionConnectorMcpServer({ ActionConnectorId: 'moving' });
    await env.t.client().send(
      new qs.UpdateActionConnectorCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'moving',
        Name: 'moved',
        AuthenticationConfig: discoverAuth(`${serverUrl()}/`),
      }),
    );
    const e = await failure(api(alice).startActionConnectorAuthorization({ ActionConnectorId: 'moving' }));
    expect(e.name).toBe('InvalidParameterValueException');
    expect(e.message).toContain('changed since its MCP server');
  });
});

// Refused before anything is stored: nothing of it depends on the store.
describe.skipIf(process.env.ACTIONBRIDGE_TEST_STORE === 'postgres')('discovery refuses what it must', () => {
  it('attack: protected-resource metadata for another resource', async () => {
    await create('mismatch', mcp.url('/mismatch/mcp'));
    const e = await failure(api(alice).putActionConnectorMcpServer({ ActionConnectorId: 'mismatch' }));
    expect(e.name).toBe('InvalidParameterValueException');
    expect(e.message).toContain(`is for resource https://tracker.example.com/mcp, not the MCP server ${mcp.url('/mismatch/mcp')}`);
    expect(e.message).toContain(mcp.url('/.well-known/oauth-protected-resource/mismatch/mcp'));
    const d = await failure(api(alice).describeActionConnectorMcpServer({ ActionConnectorId: 'mismatch' }));
    expect(d.name).toBe('ResourceNotFoundException');
  });

  it('attack: an authorization server on a private address is refused by egress', async () => {
    await create('private', mcp.url('/private/mcp'));
    const e = await failure(api(alice).putActionConnectorMcpServer({ ActionConnectorId: 'private' }));
    expect(e.name).toBe('InvalidParameterValueException');
    expect(e.message).toContain('https://10.20.30.40/.well-known/oauth-authorization-server could not be reached');
  });

  it('an authorization server without PKCE S256 is refused', async () => {
    await create('nos256', mcp.url('/nos256/mcp'));
    const e = await failure(api(alice).putActionConnectorMcpServer({ ActionConnectorId: 'nos256' }));
    expect(e.message).toContain('does not list S256 in code_challenge_methods_supported');
  });

  it('authorization-server metadata naming another issuer than the one looked up is refused (RFC 8414 §3.3)', async () => {
    await create('wrongiss', mcp.url('/wrongiss/mcp'));
    const e = await failure(api(alice).putActionConnectorMcpServer({ ActionConnectorId: 'wrongiss' }));
    expect(e.name).toBe('InvalidParameterValueException');
    expect(e.message).toContain(`names issuer ${oidc.issuer}, not ${mcp.url('/as2')}`);
  });

  it('a connector type other than GENERIC_HTTP must name its client', async () => {
    const e = await failure(
      env.t.client().send(
        new qs.CreateActionConnectorCommand({
          AwsAccountId: ACCOUNT,
          ActionConnectorId: 'jira-nodetails',
          Name: 'x',
          Type: 'JIRA_CLOUD',
          AuthenticationConfig: discoverAuth('https://acme.atlassian.net'),
        }),
      ),
    );
    expect(e.name).toBe('InvalidParameterValueException');
    expect(e.message).toContain('authorizationCodeGrantCredentialsDetails');
  });
});
