// The MCP endpoint (/mcp, Streamable HTTP) with the MCP SDK's own client: tools per
// user and grant, calls of a GENERIC_HTTP and a Jira tool against a local HTTPS
// service, the audit record naming the client, sign-in URLs for authorization-code
// connectors, revoked tokens and grants taking effect at once, list_changed
// notifications, and errors that never drop the session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolListChangedNotificationSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ACCOUNT, ADMIN } from './helpers.js';
import { ActionBridgeClient } from '../src/client/index.js';
import { connectHttp, grant, mintToken, revoke, INVOKE, JIRA_KEY, startMcpEnv, textOf, tokensCli, type McpEnv } from './support/mcp-env.js';
import { waitFor } from './support/wait.js';
import { processEnv } from './support/process-env.js';

let env: McpEnv;
let aliceToken: string;
let bobToken: string;
const clients: Client[] = [];

const connect = async (token: string, name?: string) => {
  const c = await connectHttp(env.t.endpoint, token, name);
  clients.push(c);
  return c;
};
const names = async (c: Client) => (await c.listTools()).tools.map((t) => t.name).sort();
const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(new URL('/mcp', env.t.endpoint), {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
  });

// Put back when the file is done: files may share a process (vitest.config.ts, isolate).
const vars = processEnv();
beforeAll(async () => {
  vars.set({ ACTIONBRIDGE_MCP_WATCH_INTERVAL_MS: '300' });
  env = await startMcpEnv();
  const [a, b] = await Promise.all([
    tokensCli(env.t.dataDir, ['create', '--account', ACCOUNT, '--user', 'alice', '--expires-in', '30d']),
    tokensCli(env.t.dataDir, ['create', '--account', ACCOUNT, '--user', 'bob']),
  ]);
  aliceToken = a.Token;
  bobToken = b.Token;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => {})));
  await env?.stop();
  vars.restore();
});

describe('tokens', () => {
  it('are printed once, stored only as a hash, listed without the secret', async () => {
    expect(aliceToken).toMatch(/^abmcp_[A-Za-z0-9_-]{43}$/);
    const list = (await tokensCli(env.t.dataDir, ['list', '--account', ACCOUNT])).Tokens as Record<string, unknown>[];
    expect(list.map((t) => [t.UserName, t.Status])).toEqual([
      ['alice', 'ACTIVE'],
      ['bob', 'ACTIVE'],
    ]);
    expect(list[0]!.Expires).toMatch(/^\d{4}-/);
    expect(JSON.stringify(list)).not.toContain(aliceToken);
    const rows = await env.t.server.store.mcpTokens.listMcpTokens(ACCOUNT);
    expect(JSON.stringify(rows)).not.toContain(aliceToken.slice(6));
  });

  it('no token, a malformed header or an unknown token: 401 with WWW-Authenticate, nothing else', async () => {
    const init = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } },
    });
    for (const headers of [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer abmcp_not-a-real-token' }] as Record<string, string>[]) {
      const r = await post(init, headers);
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm="actionbridge"/);
      expect((await r.json()).error.code).toBe(-32001);
    }
  });
});

describe('tools', () => {
  it('one per enabled action of each connector the user may invoke: alice and bob differ', async () => {
    const a = await connect(aliceToken);
    const b = await connect(bobToken);
    const an = await names(a);
    const bn = await names(b);
    expect(an).toContain('gh__HttpRequest');
    expect(an).toContain('jira__CreateIssue');
    expect(an).toContain('signin__HttpRequest');
    // bob may see jira but not invoke it: no jira tools for him.
    expect(bn).toEqual(['gh__HttpRequest']);
    for (const n of an) expect(n).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(new Set(an).size).toBe(an.length);
  });

  it("a tool says what it does and where; its inputSchema is the action's schema", async () => {
    const a = await connect(aliceToken);
    const tool = (await a.listTools()).tools.find((t) => t.name === 'jira__CreateIssue')!;
    expect(tool.description).toMatch(/Creates an issue/);
    expect(tool.description).toContain('"jira"');
    expect(tool.description).toContain('JIRA_CLOUD');
    const api = new ActionBridgeClient({ endpoint: env.t.endpoint, region: 'us-east-1', accountId: ACCOUNT, credentials: env.alice });
    const actions = (await api.listActionConnectorActions({ ActionConnectorId: 'jira' })).Actions;
    expect(tool.inputSchema).toEqual(actions.find((x) => x.ActionId === 'CreateIssue')!.InputSchema);
  });

  it("GENERIC_HTTP HttpRequest: the request reaches the service with the connector's credentials; the answer is the tool result", async () => {
    const a = await connect(aliceToken, 'Claude Desktop');
    env.upstream.reset();
    env.upstream.respond(() => ({ status: 200, json: { items: [1, 2, 3] } }));
    const r = await a.callTool({ name: 'gh__HttpRequest', arguments: { Method: 'GET', Path: 'v1/items', Query: { limit: 3 } } });
    expect(r.isError, textOf(r)).toBeFalsy();
    expect(env.upstream.received.map((x) => [x.method, x.url])).toEqual([['GET', '/api/v1/items?limit=3']]);
    expect(env.upstream.received[0]!.headers.authorization).toBe(`Basic ${Buffer.from('svc:gh-Pa55word-91').toString('base64')}`);
    expect(JSON.parse(textOf(r))).toMatchObject({ StatusCode: 200, Body: { items: [1, 2, 3] } });
    expect(r.structuredContent).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200 });
    // The audit record: alice, through the MCP client.
    const api = new ActionBridgeClient({ endpoint: env.t.endpoint, region: 'us-east-1', accountId: ACCOUNT, credentials: ADMIN });
    const rec = (await api.listActionInvocations({ ActionConnectorId: 'gh' })).Invocations[0]!;
    expect(rec).toMatchObject({ ActionId: 'HttpRequest', EndUserArn: env.alice.arn, InvokeActionStatus: 'SUCCESS' });
    expect(rec.InvocationId).toBe((r.structuredContent as { InvocationId: string }).InvocationId);
    expect(rec.Client).toBe('mcp:Claude Desktop/1.2.3');
  });

  it('Jira CreateIssue: POST /rest/api/3/issue with Basic email:token and the ADF description', async () => {
    const a = await connect(aliceToken);
    env.upstream.reset();
    env.upstream.respond(() => ({ status: 201, json: { id: '10042', key: 'OPS-42', self: `${env.root}/rest/api/3/issue/10042` } }));
    const r = await a.callTool({ name: 'jira__CreateIssue', arguments: { ProjectKey: 'OPS', Summary: 'Disk full on db-1', Description: 'The disk is full.' } });
    expect(r.isError, textOf(r)).toBeFalsy();
    const got = env.upstream.received[0]!;
    expect([got.method, got.url]).toEqual(['POST', '/rest/api/3/issue']);
    expect(got.headers.authorization).toBe(`Basic ${Buffer.from(`bot@acme.example.com:${JIRA_KEY}`).toString('base64')}`);
    expect(JSON.parse(got.body.toString()).fields).toMatchObject({ project: { key: 'OPS' }, summary: 'Disk full on db-1', description: { type: 'doc' } });
    expect(JSON.parse(textOf(r))).toEqual({ Id: '10042', Key: 'OPS-42', Self: `${env.root}/rest/api/3/issue/10042` });
  });

  it('an upstream error status is a tool error with the status and the answer', async () => {
    const a = await connect(aliceToken);
    env.upstream.reset();
    env.upstream.respond(() => ({ status: 404, json: { errorMessages: ['Issue does not exist'] } }));
    const r = await a.callTool({ name: 'jira__GetIssue', arguments: { IssueIdOrKey: 'OPS-999' } });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/HTTP 404/);
    expect(textOf(r)).toContain('Issue does not exist');
  });

  it('a user who has not signed in to an authorization-code connector gets the authorization URL', async () => {
    const a = await connect(aliceToken);
    env.upstream.reset();
    const r = await a.callTool({ name: 'signin__HttpRequest', arguments: { Method: 'GET', Path: 'me' } });
    expect(r.isError).toBe(true);
    const url = (r.structuredContent as { AuthorizationUrl: string }).AuthorizationUrl;
    // ActionBridge's one-time sign-in URL: a confirmation page whose Continue button sets the
    // browser's binding cookie, then redirects to the provider.
    expect(url).toMatch(/^https:\/\/actionbridge\.example\.com\/oauth\/start\?flow=[\w-]{43}$/);
    // Opened (here straight at the server) and confirmed as a browser would (a same-origin form POST),
    // it leads to the provider's authorization URL with PKCE S256.
    const start = new URL(url);
    const page = await fetch(`${env.t.endpoint}${start.pathname}${start.search}`, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('If you did not start this yourself, close this page.');
    const res = await fetch(`${env.t.endpoint}${start.pathname}`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ flow: start.searchParams.get('flow')! }),
      headers: { origin: start.origin, 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get('location')!);
    expect(to.href.startsWith(env.upstream.url('/oauth/authorize'))).toBe(true);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(textOf(r)).toContain(url);
    expect(textOf(r)).toMatch(/sign in/i);
    expect(env.upstream.received).toEqual([]);
  });

  it('bad input is a tool error naming the member; nothing is sent', async () => {
    const a = await connect(aliceToken);
    env.upstream.reset();
    const r = await a.callTool({ name: 'jira__CreateIssue', arguments: { ProjectKey: 'lowercase', Summary: 'x' } });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/projectKey/i);
    expect(env.upstream.received).toEqual([]);
  });
});

describe('revocation and changes take effect at once', () => {
  it('a revoked grant: the next call is refused, the tool leaves the list, and the client is told the list changed', async () => {
    await grant(env.admin, 'gh', env.bob.arn, INVOKE);
    const b = await connect(bobToken);
    let changed = 0;
    b.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
      changed++;
    });
    expect(await names(b)).toEqual(['gh__HttpRequest']);
    env.upstream.reset();
    expect((await b.callTool({ name: 'gh__HttpRequest', arguments: { Method: 'GET', Path: 'ok' } })).isError).toBeFalsy();

    await revoke(env.admin, 'gh', env.bob.arn, ['quicksight:InvokeActionConnector']);
    const r = await b.callTool({ name: 'gh__HttpRequest', arguments: { Method: 'GET', Path: 'no' } });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/Not permitted/);
    expect(env.upstream.received.map((x) => x.url)).toEqual(['/api/ok']);
    await waitFor(() => changed > 0, { what: 'notifications/tools/list_changed' });
    expect(await names(b)).toEqual([]);
    // The session is still alive: the grant back, the tool back.
    await grant(env.admin, 'gh', env.bob.arn, INVOKE);
    await waitFor(() => changed > 1, { what: 'a second notifications/tools/list_changed' });
    expect(await names(b)).toEqual(['gh__HttpRequest']);
  });

  it('a revoked token: the next request of an open session is refused', async () => {
    const t = await mintToken(env, 'alice');
    const c = await connect(t.token);
    expect((await names(c)).length).toBeGreaterThan(0);
    // `tokens revoke` in another process, while the server runs.
    expect(await tokensCli(env.t.dataDir, ['revoke', '--token-id', t.tokenId])).toEqual({ Revoked: t.tokenId });
    await expect(c.listTools()).rejects.toThrow(/401|revoked/);
    await expect(c.callTool({ name: 'gh__HttpRequest', arguments: { Method: 'GET', Path: 'x' } })).rejects.toThrow();
    const r = await post('{"jsonrpc":"2.0","id":1,"method":"tools/list"}', { authorization: `Bearer ${t.token}` });
    expect(r.status).toBe(401);
    expect((await r.json()).error.message).toMatch(/revoked/);
    const rows = await env.t.server.store.mcpTokens.listMcpTokens(ACCOUNT, 'alice');
    expect(rows.find((x) => x.tokenId === t.tokenId)!.revokedAt).toBeTypeOf('number');
  });

  it('an expired token and a token of a removed user are refused', async () => {
    const store = env.t.server.store;
    const t = await mintToken(env, 'alice', { expiresAt: Date.now() - 1 });
    await expect(connectHttp(env.t.endpoint, t.token)).rejects.toThrow(/expired|401/);
    await env.t.addUser('carol', 'READER');
    const c = await mintToken(env, 'carol');
    await store.identities.deleteUser(ACCOUNT, 'carol', `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/carol`);
    // Removed, then added again under the same name: the old token is not the new user's.
    await new Promise((r) => setTimeout(r, 5));
    await env.t.addUser('carol', 'ADMIN');
    await expect(connectHttp(env.t.endpoint, c.token)).rejects.toThrow(/no longer exists|401/);
  });
});

describe('errors', () => {
  it('malformed requests get JSON-RPC errors; an unknown tool is a JSON-RPC error; the session goes on', async () => {
    const auth = { authorization: `Bearer ${aliceToken}` };
    const bad = await post('{"jsonrpc": "2.0", "id": 1, "method": ', auth);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe(-32700);
    const noSession = await post('{"jsonrpc":"2.0","id":1,"method":"tools/list"}', auth);
    expect(noSession.status).toBe(400);
    expect((await noSession.json()).error.code).toBeTypeOf('number');
    const wrongSession = await post('{"jsonrpc":"2.0","id":1,"method":"tools/list"}', { ...auth, 'mcp-session-id': 'f00' });
    expect(wrongSession.status).toBe(404);

    const a = await connect(aliceToken);
    const e = await a.callTool({ name: 'no_such_tool', arguments: {} }).catch((x) => x);
    expect(e).toBeInstanceOf(McpError);
    expect((e as McpError).code).toBe(-32602);
    expect((await names(a)).length).toBeGreaterThan(0);
  });

  it("another token's session id is not usable", async () => {
    const a = await connect(aliceToken);
    const sid = (a.transport as { sessionId?: string }).sessionId!;
    const r = await post('{"jsonrpc":"2.0","id":9,"method":"tools/list"}', {
      authorization: `Bearer ${bobToken}`,
      'mcp-session-id': sid,
      'mcp-protocol-version': '2025-06-18',
    });
    expect(r.status).toBe(404);
  });

  it('a session id is accepted only as issued: another spelling of the same tag bytes, or one altered character, is 404', async () => {
    const a = await connect(aliceToken);
    const sid = (a.transport as { sessionId?: string }).sessionId!;
    const list = (id: string) =>
      post('{"jsonrpc":"2.0","id":9,"method":"tools/list"}', {
        authorization: `Bearer ${aliceToken}`,
        'mcp-session-id': id,
        'mcp-protocol-version': '2025-06-18',
      });
    expect((await list(sid)).status).toBe(200);
    // The tag is 16 bytes: its last base64url character carries 2 bits and 4 spare ones.
    // The next character of the alphabet differs only in the spare bits: the same bytes.
    const B64U = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = B64U.indexOf(sid.at(-1)!);
    expect(last % 16).toBe(0);
    const respelled = sid.slice(0, -1) + B64U[last + 1];
    expect(Buffer.from(respelled.split('.')[1]!, 'base64url')).toEqual(Buffer.from(sid.split('.')[1]!, 'base64url'));
    expect((await list(respelled)).status).toBe(404);
    const dot = sid.indexOf('.');
    const alteredTag = sid.slice(0, dot + 1) + (sid[dot + 1] === 'A' ? 'B' : 'A') + sid.slice(dot + 2);
    expect((await list(alteredTag)).status).toBe(404);
    const alteredPayload = (sid[0] === 'e' ? 'f' : 'e') + sid.slice(1);
    expect((await list(alteredPayload)).status).toBe(404);
  });
});
