// `actionbridge mcp --endpoint URL` (stdio) with the MCP SDK's own client spawning
// it, configured as a desktop MCP client would be (AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY, AWS_REGION): tools per user, a GENERIC_HTTP and a Jira
// call against local HTTPS services, the sign-in URL, a revoked grant, bad keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { McpError, ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { ACCOUNT, ADMIN, BIN, type Creds } from './helpers.js';
import { ActionBridgeClient } from '../src/client/index.js';
import { INVOKE, JIRA_KEY, grant, revoke, startMcpEnv, textOf, type McpEnv } from './support/mcp-env.js';
import { waitFor } from './support/wait.js';

let env: McpEnv;
let alice: Client;
let bob: Client;
const clients: Client[] = [];
let bobChanged = 0;

/** The MCP client's view of `{"command": "actionbridge", "args": ["mcp", ...], "env": {...}}`. */
async function spawnMcp(creds: Creds, name: string): Promise<Client> {
  const transport = new StdioClientTransport({
    command: BIN,
    args: ['mcp', '--endpoint', env.t.endpoint, '--account', ACCOUNT, '--watch-interval', '0.3'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      AWS_ACCESS_KEY_ID: creds.accessKeyId,
      AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
      AWS_REGION: 'us-east-1',
    },
    stderr: 'pipe',
  });
  const client = new Client({ name, version: '0.9' });
  await client.connect(transport);
  clients.push(client);
  return client;
}

const names = async (c: Client) => (await c.listTools()).tools.map((t) => t.name).sort();

beforeAll(async () => {
  env = await startMcpEnv();
  await grant(env.admin, 'gh', env.bob.arn, INVOKE);
  [alice, bob] = await Promise.all([spawnMcp(env.alice, 'stdio-desktop'), spawnMcp(env.bob, 'stdio-bob')]);
  bob.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
    bobChanged++;
  });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => {})));
  await env?.stop();
});

describe('actionbridge mcp (stdio)', () => {
  it("lists the tools of the access key's user: alice and bob differ", async () => {
    const an = await names(alice);
    expect(an).toEqual(expect.arrayContaining(['gh__HttpRequest', 'jira__CreateIssue', 'jira__GetIssue', 'signin__HttpRequest']));
    expect(await names(bob)).toEqual(['gh__HttpRequest']);
    const tool = (await alice.listTools()).tools.find((t) => t.name === 'gh__HttpRequest')!;
    expect(tool.description).toContain('"gh"');
    expect(tool.inputSchema).toMatchObject({ type: 'object', required: ['Method', 'Path'] });
  });

  it("GENERIC_HTTP HttpRequest goes out with the connector's credentials; the audit names the MCP client", async () => {
    env.upstream.reset();
    env.upstream.respond(() => ({ status: 201, json: { id: 7 } }));
    const r = await alice.callTool({ name: 'gh__HttpRequest', arguments: { Method: 'POST', Path: 'v1/things', Body: { name: 'x' } } });
    expect(r.isError, textOf(r)).toBeFalsy();
    expect(JSON.parse(textOf(r))).toMatchObject({ StatusCode: 201, Body: { id: 7 } });
    const got = env.upstream.received[0]!;
    expect([got.method, got.url, JSON.parse(got.body.toString())]).toEqual(['POST', '/api/v1/things', { name: 'x' }]);
    const api = new ActionBridgeClient({ endpoint: env.t.endpoint, region: 'us-east-1', accountId: ACCOUNT, credentials: ADMIN });
    const rec = (await api.listActionInvocations({ ActionConnectorId: 'gh' })).Invocations[0]!;
    expect(rec).toMatchObject({ ActionId: 'HttpRequest', EndUserArn: env.alice.arn, HttpStatusCode: 201, Client: 'mcp:stdio-desktop/0.9' });
  });

  it('Jira CreateIssue', async () => {
    env.upstream.reset();
    env.upstream.respond(() => ({ status: 201, json: { id: '1', key: 'OPS-1', self: `${env.root}/rest/api/3/issue/1` } }));
    const r = await alice.callTool({ name: 'jira__CreateIssue', arguments: { ProjectKey: 'OPS', Summary: 'From the desktop' } });
    expect(r.isError, textOf(r)).toBeFalsy();
    expect(JSON.parse(textOf(r))).toMatchObject({ Key: 'OPS-1' });
    const got = env.upstream.received[0]!;
    expect([got.method, got.url]).toEqual(['POST', '/rest/api/3/issue']);
    expect(got.headers.authorization).toBe(`Basic ${Buffer.from(`bot@acme.example.com:${JIRA_KEY}`).toString('base64')}`);
  });

  it('a user who has not signed in gets the authorization URL', async () => {
    const r = await alice.callTool({ name: 'signin__HttpRequest', arguments: { Method: 'GET', Path: 'me' } });
    expect(r.isError).toBe(true);
    const url = (r.structuredContent as { AuthorizationUrl?: string }).AuthorizationUrl!;
    expect(url).toMatch(/^https:\/\/actionbridge\.example\.com\/oauth\/start\?flow=[\w-]{43}$/);
    expect(textOf(r)).toContain(url);
  });

  it('a revoked grant stops the next call and the tool list follows (list_changed)', async () => {
    await revoke(env.admin, 'gh', env.bob.arn, ['quicksight:InvokeActionConnector']);
    env.upstream.reset();
    const r = await bob.callTool({ name: 'gh__HttpRequest', arguments: { Method: 'GET', Path: 'x' } });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/Not permitted/);
    expect(env.upstream.received).toEqual([]);
    await waitFor(() => bobChanged > 0, { timeoutMs: 10_000, what: 'notifications/tools/list_changed' });
    expect(await names(bob)).toEqual([]);
  });

  it('a deactivated access key stops working at once (the server refuses the next request)', async () => {
    const c = await spawnMcp(env.bob, 'to-deactivate');
    await grant(env.admin, 'gh', env.bob.arn, INVOKE);
    expect(await names(c)).toEqual(['gh__HttpRequest']);
    await env.t.server.store.identities.setAccessKeyStatus(env.bob.accessKeyId, 'INACTIVE');
    try {
      const r = await c.callTool({ name: 'gh__HttpRequest', arguments: { Method: 'GET', Path: 'x' } });
      expect(r.isError).toBe(true);
      expect(textOf(r)).toMatch(/UnrecognizedClientException/);
    } finally {
      await env.t.server.store.identities.setAccessKeyStatus(env.bob.accessKeyId, 'ACTIVE');
    }
  });

  it('an unknown tool is a JSON-RPC error; bad access keys give errors with the reason, and the process stays up', async () => {
    const e = await alice.callTool({ name: 'nope', arguments: {} }).catch((x) => x);
    expect(e).toBeInstanceOf(McpError);
    const bad = await spawnMcp({ accessKeyId: env.alice.accessKeyId, secretAccessKey: 'wrong-secret' }, 'bad-keys');
    const err = await bad.listTools().catch((x) => x);
    expect(err).toBeInstanceOf(McpError);
    expect(String(err.message)).toMatch(/InvalidSignatureException/);
    const call = await bad.callTool({ name: 'gh__HttpRequest', arguments: { Method: 'GET', Path: 'x' } }).catch((x) => x);
    expect(call instanceof McpError || call.isError).toBe(true);
    await expect(bad.ping()).resolves.toBeDefined();
  });
});
