// Remote MCP servers (issue 19) against the real server: a connector attached to an MCP
// server (a real one, @modelcontextprotocol/sdk's McpServer over Streamable HTTP on local
// HTTPS with the test CA, requiring the connector's bearer key) gets its tools as actions
// (annotations kept), invoked through InvokeAction with the connector's own credentials,
// audited, re-exposed through our /mcp; a refresh reports added and removed tools and removed
// ones leave EnabledActions; egress refuses a host its policy refuses, a redirect elsewhere is not followed; a server's sampling
// request is refused; results are bounded and scrubbed; who may change and read it.
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CreateMessageResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AccessDeniedException,
  ActionBridgeClient,
  ConflictException,
  InvalidParameterValueException,
  ResourceNotFoundException,
} from '../src/client/index.js';
import { ACCOUNT, ADMIN, actionsCli, type Creds, type TestUser } from './helpers.js';

import { apiKeyAuth, clientCredentialsAuth, createConnector } from './support/actions.js';
import { startHttpsServer, type TestHttpsServer } from './support/https-server.js';
import { connectHttp, mintToken, startMcpEnv, type McpEnv } from './support/mcp-env.js';
import { failure } from './support/client-failure.js';

const KEY = 'mcp-server-key-7b1e4c9d2a';
const CC_CLIENT = 'mcpclient';
const CC_SECRET = 'mcpclientsecret55aa';
const CC_TOKEN = 'cc-access-token-9f8e7d6c5b';
const ADMIN_ARN = `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/admin`;

let env: McpEnv;
let mcp: TestHttpsServer;
let carol: TestUser;
/** What the MCP server saw. */
const seen = {
  calls: [] as { tool: string; args: unknown; authorization: string | undefined }[],
  unauthorized: 0,
  deletes: 0,
  samplingAnswers: [] as string[],
  elsewhere: 0,
};
/** Which tools the server lists now (a session lists what was set when it began). */
let toolSet: 'v1' | 'v2' | 'many' = 'v1';

const api = (creds: Creds = ADMIN) => new ActionBridgeClient({ endpoint: env.t.endpoint, region: 'us-east-1', accountId: ACCOUNT, credentials: creds });

/** A fresh McpServer with the tools of `toolSet`, for one session. */
function buildServer(authorization: () => string | undefined): McpServer {
  const server = new McpServer({ name: 'issue-tracker', version: '3.4.5' });
  const record = (tool: string, args: unknown) => seen.calls.push({ tool, args, authorization: authorization() });
  if (toolSet === 'many') {
    // A hostile list: more tools than a connector takes, one with an empty name, one with a huge schema.
    for (let i = 0; i < 520; i++) server.registerTool(`t${i}`, { description: `tool ${i}`, inputSchema: {} }, async () => ({ content: [] }));
    server.registerTool('big_schema', { description: 'x', inputSchema: { blob: z.string().describe('d'.repeat(300 * 1024)) } }, async () => ({ content: [] }));
    return server;
  }
  server.registerTool(
    'search-issues',
    {
      title: 'Search issues',
      description: 'Finds issues matching a query.',
      inputSchema: { query: z.string(), limit: z.number().int().optional() },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args) => {
      record('search-issues', args);
      return { content: [{ type: 'text', text: `2 issues match ${args.query}` }], structuredContent: { count: 2, query: args.query } };
    },
  );
  if (toolSet === 'v1') {
    server.registerTool(
      'delete_issue',
      { description: 'Deletes an issue.', inputSchema: { key: z.string() }, annotations: { destructiveHint: true, idempotentHint: true } },
      async (args) => {
        record('delete_issue', args);
        return { content: [{ type: 'text', text: `deleted ${args.key}` }] };
      },
    );
  } else {
    server.registerTool('close_issue', { description: 'Closes an issue.', inputSchema: { key: z.string() } }, async (args) => {
      record('close_issue', args);
      return { content: [{ type: 'text', text: `closed ${args.key}` }] };
    });
  }
  // Its name is the GENERIC_HTTP catalog's: the action gets another id.
  server.registerTool('HttpRequest', { description: 'Not the catalog one.', inputSchema: {} }, async () => ({ content: [{ type: 'text', text: 'mine' }] }));
  server.registerTool('whoami', { description: 'Echoes the credential it got.', inputSchema: {} }, async () => ({
    content: [{ type: 'text', text: `you sent ${authorization()} (key ${KEY})` }],
  }));
  server.registerTool('huge', { description: 'A very large result.', inputSchema: {} }, async () => ({
    content: [{ type: 'text', text: 'x'.repeat(2 * 1024 * 1024) }],
  }));
  server.registerTool('hang', { description: 'Never answers.', inputSchema: {} }, () => new Promise(() => {}));
  server.registerTool('fails', { description: 'Always an error result.', inputSchema: {} }, async () => ({
    isError: true,
    content: [{ type: 'text', text: 'the tracker is read-only today' }],
  }));
  server.registerTool('ask_model', { description: 'Asks the client for a completion (sampling).', inputSchema: {} }, async (_args, extra) => {
    // Not awaited: the request goes on this call's stream, before its result.
    extra
      .sendRequest(
        { method: 'sampling/createMessage', params: { messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }], maxTokens: 10 } },
        CreateMessageResultSchema,
      )
      .then(
        () => seen.samplingAnswers.push('answered'),
        (e: { code?: number }) => seen.samplingAnswers.push(`refused ${e.code}`),
      );
    return { content: [{ type: 'text', text: 'asked' }] };
  });
  return server;
}

/** Stateful Streamable HTTP (sessions), every request needing `Authorization: Bearer KEY`. */
async function startMcpServer(): Promise<TestHttpsServer> {
  const sessions = new Map<string, { transport: StreamableHTTPServerTransport; auth: string | undefined }>();
  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url?.startsWith('/elsewhere')) seen.elsewhere++;
    if (req.url?.startsWith('/tracker/garbage')) {
      // JSON, but not JSON-RPC: not an MCP server.
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"hello":"world"}');
      return;
    }
    if (req.url?.startsWith('/tracker/moved')) {
      // Another origin (localhost is 127.0.0.1 too, so egress would allow it): never followed.
      res.writeHead(307, { location: mcp.url('/elsewhere/mcp', 'localhost') }).end();
      return;
    }
    if (req.url === '/token' && req.method === 'POST') {
      // The connector's OAuth client-credentials token endpoint.
      const ok = req.headers.authorization === `Basic ${Buffer.from(`${CC_CLIENT}:${CC_SECRET}`).toString('base64')}`;
      req.resume();
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { access_token: CC_TOKEN, token_type: 'Bearer', expires_in: 3600 } : { error: 'invalid_client' }));
      return;
    }
    if (!req.url?.startsWith('/tracker/mcp')) {
      res.writeHead(404).end();
      return;
    }
    if (req.headers.authorization !== `Bearer ${KEY}` && req.headers.authorization !== `Bearer ${CC_TOKEN}`) {
      seen.unauthorized++;
      res.writeHead(401, { 'www-authenticate': 'Bearer' }).end('{"error":"unauthorized"}');
      return;
    }
    if (req.method === 'DELETE') seen.deletes++;
    const sid = req.headers['mcp-session-id'];
    const existing = typeof sid === 'string' ? sessions.get(sid) : undefined;
    if (existing) {
      existing.auth = req.headers.authorization;
      await existing.transport.handleRequest(req, res);
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(400).end();
      return;
    }
    const entry = { transport: undefined as unknown as StreamableHTTPServerTransport, auth: req.headers.authorization };
    entry.transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, entry);
      },
    });
    entry.transport.onclose = () => {
      if (entry.transport.sessionId) sessions.delete(entry.transport.sessionId);
    };
    await buildServer(() => entry.auth).connect(entry.transport);
    await entry.transport.handleRequest(req, res);
  };
  return startHttpsServer({ cert: env.ca.issue({ ips: ['127.0.0.1'] }), handler: (req, res) => void handler(req, res) });
}

beforeAll(async () => {
  // A short MCP call bound (mcpCallTimeoutMs), for the tool that never answers.
  env = await startMcpEnv({ mcpCallTimeoutMs: 4_000 });
  mcp = await startMcpServer();
  carol = await env.t.addUser('carol', 'READER');
  await createConnector(env.admin, 'tracker', {
    auth: apiKeyAuth(mcp.url('/tracker'), KEY),
    permissions: [
      {
        Principal: env.alice.arn,
        Actions: ['quicksight:DescribeActionConnector', 'quicksight:ListActionConnectorActions', 'quicksight:InvokeActionConnector'],
      },
      { Principal: carol.arn, Actions: ['quicksight:ListActionConnectorActions', 'quicksight:InvokeActionConnector'] },
    ],
  });
});
afterAll(async () => {
  await env?.stop();
  await mcp?.close();
});

describe('a connector attached to a remote MCP server', () => {
  it('put: the tools become actions (ids sanitized, the catalog’s id avoided), annotations kept, listed beside the catalog', async () => {
    const r = await api().putActionConnectorMcpServer({ ActionConnectorId: 'tracker', ServerPath: '/mcp' });
    expect(r.McpServer).toMatchObject({
      ToolListVersion: 1,
      ServerUrl: mcp.url('/tracker/mcp'),
      ServerPath: '/mcp',
      Transport: 'STREAMABLE_HTTP',
      ServerName: 'issue-tracker',
      ServerVersion: '3.4.5',
      LastRefreshedBy: ADMIN_ARN,
    });
    expect(r.McpServer.ProtocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const byTool = Object.fromEntries(r.McpServer.Tools.map((t) => [t.ToolName, t]));
    expect(byTool['search-issues']).toMatchObject({
      ActionId: 'search-issues',
      Title: 'Search issues',
      Enabled: true,
      Annotations: { ReadOnlyHint: true, OpenWorldHint: false },
    });
    expect(byTool.delete_issue).toMatchObject({ ActionId: 'delete_issue', Annotations: { DestructiveHint: true, IdempotentHint: true } });
    expect(byTool.HttpRequest!.ActionId).toBe('HttpRequest_2');
    expect(r.RemovedFromEnabledActions).toEqual([]);
    // Nothing reached the server without the connector's key.
    expect(seen.unauthorized).toBe(0);

    const list = await api(env.alice).listActionConnectorActions({ ActionConnectorId: 'tracker' });
    const ids = list.Actions.map((a) => a.ActionId);
    expect(ids[0]).toBe('HttpRequest'); // the catalog's first
    expect(ids).toEqual(expect.arrayContaining(['search-issues', 'delete_issue', 'HttpRequest_2', 'whoami']));
    const search = list.Actions.find((a) => a.ActionId === 'search-issues')!;
    expect(search).toMatchObject({ Name: 'Search issues', Description: 'Finds issues matching a query.', Enabled: true, Annotations: { ReadOnlyHint: true } });
    expect(search.InputSchema).toMatchObject({ type: 'object', properties: { query: { type: 'string' } }, required: ['query'] });
    expect(list.Actions.find((a) => a.ActionId === 'HttpRequest')!.Annotations).toBeUndefined();

    const d = await api(env.alice).describeActionConnectorMcpServer({ ActionConnectorId: 'tracker' });
    expect(d.McpServer.Tools.map((t) => t.ActionId).sort()).toEqual(r.McpServer.Tools.map((t) => t.ActionId).sort());
    expect(d.McpServer.LastRefreshTime).toBeInstanceOf(Date);
  });

  it('InvokeAction of a tool: tools/call with the connector’s key, the result as Output, audited; also through our /mcp', async () => {
    seen.calls.length = 0;
    const deletesBefore = seen.deletes;
    const r = await api(env.alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'search-issues', Input: { query: 'login bug', limit: 5 } });
    expect(r.InvokeActionStatus).toBe('SUCCESS');
    expect(r.HttpStatusCode).toBe(200);
    expect(r.Output).toEqual({ Content: [{ type: 'text', text: '2 issues match login bug' }], StructuredContent: { count: 2, query: 'login bug' } });
    expect(seen.calls).toEqual([{ tool: 'search-issues', args: { query: 'login bug', limit: 5 }, authorization: `Bearer ${KEY}` }]);
    // The session was ended.
    expect(seen.deletes).toBe(deletesBefore + 1);

    const renamed = await api(env.alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'HttpRequest_2', Input: {} });
    expect(renamed.Output).toEqual({ Content: [{ type: 'text', text: 'mine' }] });

    const failed = await api(env.alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'fails', Input: {} });
    expect(failed.InvokeActionStatus).toBe('FAILED');
    expect(failed.Output).toEqual({ Content: [{ type: 'text', text: 'the tracker is read-only today' }] });

    const bad = await failure(api(env.alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'search-issues', Input: 'text' as never }));
    expect(bad).toBeInstanceOf(InvalidParameterValueException);

    const audit = await api().listActionInvocations({ ActionConnectorId: 'tracker' });
    const rows = audit.Invocations.filter((i) => i.ActionId === 'search-issues');
    expect(rows[0]).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200, EndUserArn: env.alice.arn });
    expect(audit.Invocations.find((i) => i.ActionId === 'fails')).toMatchObject({ InvokeActionStatus: 'FAILED' });

    const { token } = await mintToken(env, 'alice');
    const client = await connectHttp(env.t.endpoint, token);
    try {
      const tool = (await client.listTools()).tools.find((t) => t.name === 'tracker__search-issues')!;
      expect(tool.annotations).toEqual({ readOnlyHint: true, openWorldHint: false });
      expect(tool.inputSchema).toMatchObject({ properties: { query: { type: 'string' } } });
      seen.calls.length = 0;
      const r = await client.callTool({ name: 'tracker__search-issues', arguments: { query: 'via mcp' } });
      expect(JSON.stringify(r.content)).toContain('2 issues match via mcp');
      expect(seen.calls).toEqual([{ tool: 'search-issues', args: { query: 'via mcp' }, authorization: `Bearer ${KEY}` }]);
    } finally {
      await client.close();
    }
  });

  it('a disabled tool cannot be invoked; EnabledActions accepts tool ids', async () => {
    await env.admin.send(
      (await import('./support/actions.js')).withEnabledActions(
        new (await import('./helpers.js')).qs.UpdateActionConnectorCommand({
          AwsAccountId: ACCOUNT,
          ActionConnectorId: 'tracker',
          Name: 'tracker',
          AuthenticationConfig: apiKeyAuth(mcp.url('/tracker'), KEY),
        }),
        ['HttpRequest', 'search-issues', 'delete_issue', 'whoami', 'huge', 'ask_model', 'fails', 'hang'],
      ),
    );
    const e = await failure(api(env.alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'HttpRequest_2', Input: {} }));
    expect(e).toBeInstanceOf(InvalidParameterValueException);
    expect(e.message).toMatch(/HttpRequest_2 is not enabled/);
  });

  it('a result that echoes the connector’s key comes back scrubbed; an oversized result is FAILED and not returned', async () => {
    const who = await api(env.alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'whoami', Input: {} });
    expect(who.InvokeActionStatus).toBe('SUCCESS');
    expect(JSON.stringify(who.Output)).not.toContain(KEY);
    expect(JSON.stringify(who.Output)).toMatch(/you sent/);

    const huge = await api(env.alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'huge', Input: {} });
    expect(huge.InvokeActionStatus).toBe('FAILED');
    expect(huge.Output).toMatchObject({ Code: 'ResultTooLarge' });
    expect(JSON.stringify(huge.Output).length).toBeLessThan(1000);
  });

  it('a server that asks the client for sampling is refused and the invocation fails', async () => {
    seen.samplingAnswers.length = 0;
    const r = await api(env.alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'ask_model', Input: {} });
    expect(r.InvokeActionStatus).toBe('FAILED');
    expect(r.Output).toMatchObject({ Code: 'McpServerRequestRefused', Message: expect.stringMatching(/sampling\/createMessage/) });
    expect(seen.samplingAnswers).not.toContain('answered');
  });

  // Store-agnostic: run on SQLite only.
  it.skipIf(process.env.ACTIONBRIDGE_TEST_STORE === 'postgres')(
    'a tool that never answers: FAILED McpTimeout at the MCP call bound (4 s here), audited, the node still answering',
    { timeout: 30_000 },
    async () => {
      const t0 = Date.now();
      const pending = api(env.alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'hang', Input: {} });
      // Meanwhile another call through the same connector completes.
      const other = await api(env.alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'search-issues', Input: { query: 'meanwhile' } });
      expect(other.InvokeActionStatus).toBe('SUCCESS');
      const r = await pending;
      expect(r.InvokeActionStatus).toBe('FAILED');
      expect(r.HttpStatusCode).toBeUndefined();
      expect(r.Output).toMatchObject({ Code: 'McpTimeout', Message: expect.stringMatching(/4000 ms .*mcpCallTimeoutMs/) });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(4_000);
      expect(Date.now() - t0).toBeLessThan(10_000);
      const audit = await api().listActionInvocations({ ActionConnectorId: 'tracker' });
      expect(audit.Invocations.find((i) => i.ActionId === 'hang')).toMatchObject({ InvokeActionStatus: 'FAILED', ErrorCode: 'McpTimeout' });
    },
  );

  it('refresh: added and removed tools reported; a removed tool leaves EnabledActions and is no action; ids kept', async () => {
    toolSet = 'v2';
    try {
      const r = await api().refreshActionConnectorMcpTools({ ActionConnectorId: 'tracker' });
      expect(r.McpServer.ToolListVersion).toBe(2);
      expect(r.AddedActions).toEqual(['close_issue']);
      expect(r.RemovedActions).toEqual(['delete_issue']);
      expect(r.RemovedFromEnabledActions).toEqual(['delete_issue']);
      expect(r.McpServer.Tools.find((t) => t.ToolName === 'HttpRequest')!.ActionId).toBe('HttpRequest_2');

      const c = await api().listActionConnectorActions({ ActionConnectorId: 'tracker' });
      const enabled = c.Actions.filter((a) => a.Enabled).map((a) => a.ActionId);
      expect(enabled).toContain('close_issue');
      expect(enabled).not.toContain('delete_issue');
      expect(c.Actions.map((a) => a.ActionId)).not.toContain('delete_issue');
      const gone = await failure(api(env.alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'delete_issue', Input: { key: 'X-1' } }));
      expect(gone).toBeInstanceOf(ResourceNotFoundException);
      const closed = await api(env.alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'close_issue', Input: { key: 'X-1' } });
      expect(closed.Output).toEqual({ Content: [{ type: 'text', text: 'closed X-1' }] });
    } finally {
      toolSet = 'v1';
    }
  });

  it('permissions: Update to change, Describe to read; invoke-only users see and invoke the actions only', async () => {
    expect(await failure(api(env.alice).putActionConnectorMcpServer({ ActionConnectorId: 'tracker', ServerPath: '/mcp' }))).toBeInstanceOf(
      AccessDeniedException,
    );
    expect(await failure(api(env.alice).refreshActionConnectorMcpTools({ ActionConnectorId: 'tracker' }))).toBeInstanceOf(AccessDeniedException);
    expect(await failure(api(env.alice).deleteActionConnectorMcpServer({ ActionConnectorId: 'tracker' }))).toBeInstanceOf(AccessDeniedException);
    expect(await failure(api(carol).describeActionConnectorMcpServer({ ActionConnectorId: 'tracker' }))).toBeInstanceOf(AccessDeniedException);
    const list = await api(carol).listActionConnectorActions({ ActionConnectorId: 'tracker' });
    expect(list.Actions.map((a) => a.ActionId)).toContain('search-issues');
    const r = await api(carol).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'search-issues', Input: { query: 'q' } });
    expect(r.InvokeActionStatus).toBe('SUCCESS');
    expect(await failure(api(env.bob).describeActionConnectorMcpServer({ ActionConnectorId: 'tracker' }))).toBeInstanceOf(AccessDeniedException);
  });

  it('bad paths, a host egress refuses, a wrong key, an API definition beside it: clear 4xx, nothing stored', async () => {
    const bad = await failure(api().putActionConnectorMcpServer({ ActionConnectorId: 'tracker', ServerPath: '/../admin' }));
    expect(bad).toBeInstanceOf(InvalidParameterValueException);
    expect(bad.message).toMatch(/serverPath/);
    const rel = await failure(api().putActionConnectorMcpServer({ ActionConnectorId: 'tracker', ServerPath: 'mcp' }));
    expect(rel).toBeInstanceOf(InvalidParameterValueException);

    // 127.0.0.2 is outside --egress-allow: refused before anything is sent.
    await createConnector(env.admin, 'far', { auth: apiKeyAuth(`https://127.0.0.2:${mcp.port}/tracker`, KEY) });
    const far = await failure(api().putActionConnectorMcpServer({ ActionConnectorId: 'far', ServerPath: '/mcp' }));
    expect(far).toBeInstanceOf(InvalidParameterValueException);
    expect(far.message).toMatch(/could not list the tools .*address/i);
    expect(await failure(api().describeActionConnectorMcpServer({ ActionConnectorId: 'far' }))).toBeInstanceOf(ResourceNotFoundException);

    const before = seen.unauthorized;
    await createConnector(env.admin, 'wrongkey', { auth: apiKeyAuth(mcp.url('/tracker'), 'not-the-key-123') });
    const wrong = await failure(api().putActionConnectorMcpServer({ ActionConnectorId: 'wrongkey', ServerPath: '/mcp' }));
    expect(wrong).toBeInstanceOf(InvalidParameterValueException);
    expect(wrong.message).toMatch(/HTTP 401/);
    expect(wrong.message).not.toContain('not-the-key-123');
    expect(seen.unauthorized).toBe(before + 1);

    // Not an MCP server: a clear 4xx naming what it answered, never a 500.
    const garbage = await failure(api().putActionConnectorMcpServer({ ActionConnectorId: 'wrongkey', ServerPath: '/garbage' }));
    expect(garbage).toBeInstanceOf(InvalidParameterValueException);
    expect(garbage.message).toMatch(/could not list the tools/);

    // A server that redirects to another origin: not followed, nothing sent there.
    const moved = await failure(api().putActionConnectorMcpServer({ ActionConnectorId: 'wrongkey', ServerPath: '/moved' }));
    expect(moved).toBeInstanceOf(InvalidParameterValueException);
    expect(moved.message).toMatch(/HTTP 307/);
    expect(seen.elsewhere).toBe(0);

    const both = await failure(
      api().putActionConnectorApiDefinition({
        ActionConnectorId: 'tracker',
        Document: JSON.stringify({
          openapi: '3.0.3',
          info: { title: 't', version: '1' },
          paths: { '/x': { get: { operationId: 'x', responses: { 200: { description: 'ok' } } } } },
        }),
      }),
    );
    expect(both).toBeInstanceOf(ConflictException);
  });

  it('OAuth client credentials: the connector’s token is fetched and sent to the MCP server, and scrubbed from results', async () => {
    await createConnector(env.admin, 'tracker-cc', {
      auth: clientCredentialsAuth(mcp.url('/tracker'), mcp.url('/token'), CC_CLIENT, CC_SECRET),
      permissions: [{ Principal: env.alice.arn, Actions: ['quicksight:ListActionConnectorActions', 'quicksight:InvokeActionConnector'] }],
    });
    const put = await api().putActionConnectorMcpServer({ ActionConnectorId: 'tracker-cc', ServerPath: '/mcp' });
    expect(put.McpServer.Tools.map((t) => t.ActionId)).toContain('whoami');
    seen.calls.length = 0;
    const r = await api(env.alice).invokeAction({ ActionConnectorId: 'tracker-cc', ActionId: 'search-issues', Input: { query: 'cc' } });
    expect(r.InvokeActionStatus).toBe('SUCCESS');
    expect(seen.calls[0]!.authorization).toBe(`Bearer ${CC_TOKEN}`);
    const who = await api(env.alice).invokeAction({ ActionConnectorId: 'tracker-cc', ActionId: 'whoami', Input: {} });
    expect(JSON.stringify(who.Output)).not.toContain(CC_TOKEN);
  });

  it('a huge tool list: 500 tools made actions, the rest and an oversized schema skipped with their reasons', async () => {
    await createConnector(env.admin, 'many', { auth: apiKeyAuth(mcp.url('/tracker'), KEY) });
    toolSet = 'many';
    try {
      const r = await api().putActionConnectorMcpServer({ ActionConnectorId: 'many', ServerPath: '/mcp', EnableNewActions: false });
      expect(r.McpServer.Tools).toHaveLength(500);
      expect(r.McpServer.Skipped).toEqual(
        expect.arrayContaining([
          { Operation: 't500', Reason: expect.stringMatching(/more than 500 tools/) },
          { Operation: 'big_schema', Reason: expect.stringMatching(/inputSchema is not a JSON object of at most/) },
        ]),
      );
      const list = await api().listActionConnectorActions({ ActionConnectorId: 'many' });
      expect(list.Actions.filter((a) => a.Enabled).map((a) => a.ActionId)).toEqual(['HttpRequest']);
    } finally {
      toolSet = 'v1';
    }
  });

  it('delete: the tools stop being actions and leave EnabledActions', async () => {
    const r = await api().deleteActionConnectorMcpServer({ ActionConnectorId: 'tracker' });
    expect(r.RemovedFromEnabledActions).toEqual(expect.arrayContaining(['search-issues', 'close_issue']));
    const list = await api().listActionConnectorActions({ ActionConnectorId: 'tracker' });
    expect(list.Actions.map((a) => a.ActionId)).not.toContain('search-issues');
    expect(list.Actions.find((a) => a.ActionId === 'HttpRequest')).toBeDefined();
    expect(await failure(api().describeActionConnectorMcpServer({ ActionConnectorId: 'tracker' }))).toBeInstanceOf(ResourceNotFoundException);
    // Attached again: ids start afresh from the names (nothing is kept once deleted) and the version counts on.
    const again = await api().putActionConnectorMcpServer({ ActionConnectorId: 'tracker', ServerPath: '/mcp' });
    expect(again.McpServer.ToolListVersion).toBe(3);
  });
});

describe('the command line', () => {
  it('actions mcp-attach, mcp-server, mcp-refresh, mcp-detach (JSON for scripts); a server that is not there exits 1 with the error', async () => {
    await createConnector(env.admin, 'cli-tracker', { auth: apiKeyAuth(mcp.url('/tracker'), KEY) });
    const cli = actionsCli(env.t.endpoint);
    const attached = await cli(['mcp-attach', '--connector', 'cli-tracker', '--path', '/mcp', '--json']);
    expect(attached.code).toBe(0);
    const out = JSON.parse(attached.stdout);
    expect(out).toMatchObject({ ServerName: 'issue-tracker', ToolListVersion: 1, RemovedFromEnabledActions: [] });
    expect(out.Tools.map((t: { ActionId: string }) => t.ActionId)).toContain('search-issues');
    const described = JSON.parse((await cli(['mcp-server', '--connector', 'cli-tracker', '--json'])).stdout);
    expect(described).toMatchObject({ ToolListVersion: 1, ServerPath: '/mcp' });
    const refreshed = await cli(['mcp-refresh', '--connector', 'cli-tracker', '--json']);
    expect([refreshed.code, JSON.parse(refreshed.stdout).ToolListVersion]).toEqual([0, 2]);
    const detached = await cli(['mcp-detach', '--connector', 'cli-tracker']);
    expect(detached.code).toBe(0);
    expect(JSON.parse(detached.stdout).RemovedFromEnabledActions).toContain('search-issues');
    const missing = await cli(['mcp-attach', '--connector', 'cli-tracker', '--path', '/nothing-here']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr).Error).toMatch(/Exception$/);
  });
});
