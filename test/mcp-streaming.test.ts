// Remote MCP servers, streamed (issue 19 items 1, 3, 5): real MCP servers on local HTTPS with
// the test CA — @modelcontextprotocol/sdk's McpServer over Streamable HTTP and over the legacy
// HTTP+SSE transport (SSEServerTransport), and hand-written ones for what the SDK's server never
// does (a token split across chunks, an `endpoint` on another origin). A tool streaming progress
// completes within the MCP call bound (mcpCallTimeoutMs, 3 s here), one that never finishes ends
// McpTimeout at the bound; a tools/list_changed during a call refreshes the connector's actions;
// a caller that goes away cancels the tool call upstream (InvokeAction and our /mcp); the
// egress stream is not cut by the egress's whole-exchange deadline, but by its own bounds.
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ActionBridgeClient, InvalidParameterValueException } from '../src/client/index.js';
import { Egress, type EgressError } from '../src/egress/index.js';
import { ACCOUNT, ADMIN, type Creds } from './helpers.js';
import { apiKeyAuth, clientCredentialsAuth, createConnector } from './support/actions.js';
import { startHttpsServer, type TestHttpsServer } from './support/https-server.js';
import { connectHttp, mintToken, startMcpEnv, type McpEnv } from './support/mcp-env.js';
import { failure } from './support/client-failure.js';

const KEY = 'mcp-stream-key-4c1d9e7b2a';
const BOUND_MS = 3_000;

let env: McpEnv;
let mcp: TestHttpsServer;
/** What the servers saw. */
const seen = {
  /** Why a tool call's signal aborted: a string is notifications/cancelled's reason, anything else the session closing. */
  cancelled: [] as { tool: string; reason: unknown }[],
  started: [] as string[],
  progressSent: 0,
  elsewhere: 0,
  ssePosts: 0,
  /** Client-credentials tokens issued, and requests refused for an old one. */
  tokens: 0,
  staleToken: 0,
};
/** The tool list of the Streamable HTTP server: v2 drops old_tool and adds new_tool. */
let toolSet: 'v1' | 'v2' = 'v1';

const api = (creds: Creds = ADMIN) => new ActionBridgeClient({ endpoint: env.t.endpoint, region: 'us-east-1', accountId: ACCOUNT, credentials: creds });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (what: () => Promise<boolean>, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(50);
  }
};

/** The tools of both SDK servers (one McpServer per session). */
function buildServer(): McpServer {
  const server = new McpServer({ name: 'streaming-tracker', version: '1.0.0' });
  server.registerTool('search', { description: 'Finds things.', inputSchema: { q: z.string() } }, async ({ q }) => ({
    content: [{ type: 'text', text: `found ${q}` }],
  }));
  // Progress every 500 ms for `ms`, then a result; `ms` past the bound: it never ends in time.
  server.registerTool('slow', { description: 'Works a while, telling its progress.', inputSchema: { ms: z.number() } }, async ({ ms }, extra) => {
    const token = extra._meta?.progressToken;
    const steps = Math.ceil(ms / 500);
    for (let i = 1; i <= steps; i++) {
      await sleep(500);
      if (extra.signal.aborted) {
        seen.cancelled.push({ tool: 'slow', reason: extra.signal.reason });
        return { content: [] };
      }
      if (token !== undefined) {
        seen.progressSent++;
        await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: i, total: steps } });
      }
    }
    return { content: [{ type: 'text', text: `done after ${steps} steps` }] };
  });
  server.registerTool('wait', { description: 'Waits until cancelled.', inputSchema: {} }, (_args, extra) => {
    seen.started.push('wait');
    return new Promise((resolve) => {
      extra.signal.addEventListener('abort', () => {
        seen.cancelled.push({ tool: 'wait', reason: extra.signal.reason });
        resolve({ content: [] });
      });
    });
  });
  // The server's tools change, and it says so on this call's stream.
  server.registerTool('reorganize', { description: 'Changes the tool list.', inputSchema: {} }, async (_args, extra) => {
    toolSet = 'v2';
    await extra.sendNotification({ method: 'notifications/tools/list_changed' });
    return { content: [{ type: 'text', text: 'reorganized' }] };
  });
  if (toolSet === 'v1') server.registerTool('old_tool', { description: 'Goes away.', inputSchema: {} }, async () => ({ content: [] }));
  else server.registerTool('new_tool', { description: 'Comes later.', inputSchema: {} }, async () => ({ content: [] }));
  return server;
}

/** A hand-written stateless Streamable HTTP server whose tools/call answer splits `KEY` across two writes. */
async function rawStreamable(_req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
  const msg = JSON.parse(body) as { id?: number; method: string; params?: { name?: string; _meta?: { progressToken?: string | number } } };
  if (msg.id === undefined) {
    res.writeHead(202).end();
    return;
  }
  const result =
    msg.method === 'initialize'
      ? { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'raw', version: '0' } }
      : msg.method === 'tools/list'
        ? {
            tools: [
              { name: 'leak', description: 'Echoes the key in pieces.', inputSchema: { type: 'object' } },
              { name: 'flood', description: 'Streams without end.', inputSchema: { type: 'object' } },
            ],
          }
        : undefined;
  if (result) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: msg.id, result }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  if (msg.params?.name === 'flood') {
    // 64 KiB progress notifications without end (until 16 MiB, or the client goes away).
    const token = msg.params._meta?.progressToken ?? 0;
    for (let i = 0; i < 256 && !res.destroyed; i++) {
      const note = { jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: token, progress: i, message: 'x'.repeat(65_536) } };
      if (!res.write(`event: message\ndata: ${JSON.stringify(note)}\n\n`)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
    return;
  }
  // tools/call: the answer as one SSE event written in two pieces, the key cut in the middle.
  const event = `event: message\ndata: ${JSON.stringify({ jsonrpc: '2.0', id: msg.id, result: { content: [{ type: 'text', text: `the key is ${KEY} (and ${KEY})` }] } })}\n\n`;
  const cut = event.indexOf(KEY) + 8;
  res.write(event.slice(0, cut));
  await sleep(150);
  res.end(event.slice(cut));
}

async function startServers(): Promise<TestHttpsServer> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const sse = new Map<string, SSEServerTransport>();
  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = req.url ?? '/';
    if (url.startsWith('/elsewhere')) {
      seen.elsewhere++;
      res.writeHead(404).end();
      return;
    }
    if (url === '/token' && req.method === 'POST') {
      req.resume();
      seen.tokens++;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ access_token: `cc-token-${seen.tokens}`, token_type: 'Bearer', expires_in: 3600 }));
      return;
    }
    if (url.startsWith('/cc/mcp')) {
      // Only the newest token is good: the first one is refused once, then a new one is fetched.
      if (req.headers.authorization !== `Bearer cc-token-${seen.tokens}` || seen.tokens < 2) {
        seen.staleToken++;
        req.resume();
        res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }).end();
        return;
      }
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      await rawStreamable(req, res, Buffer.concat(chunks).toString('utf8'));
      return;
    }
    if (req.headers.authorization !== `Bearer ${KEY}`) {
      res.writeHead(401).end();
      return;
    }
    if (url.startsWith('/raw/mcp')) {
      if (req.method !== 'POST') {
        res.writeHead(405).end();
        return;
      }
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      await rawStreamable(req, res, Buffer.concat(chunks).toString('utf8'));
      return;
    }
    if (url.startsWith('/far/sse')) {
      // Legacy SSE whose endpoint is on another origin (localhost, not 127.0.0.1).
      if (req.method !== 'GET') {
        res.writeHead(405).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`event: endpoint\ndata: ${mcp.url('/elsewhere/messages', 'localhost')}\n\n`);
      return;
    }
    if (url.startsWith('/legacy/sse')) {
      // Only the legacy transport: a POST here (Streamable HTTP's initialize) is 405.
      if (req.method !== 'GET') {
        res.writeHead(405).end();
        return;
      }
      const t = new SSEServerTransport('/legacy/messages', res);
      sse.set(t.sessionId, t);
      t.onclose = () => sse.delete(t.sessionId);
      await buildServer().connect(t);
      return;
    }
    if (url.startsWith('/legacy/messages')) {
      seen.ssePosts++;
      const t = sse.get(new URL(url, 'https://x').searchParams.get('sessionId') ?? '');
      if (!t) {
        res.writeHead(404).end();
        return;
      }
      await t.handlePostMessage(req, res);
      return;
    }
    if (!url.startsWith('/tracker/mcp')) {
      res.writeHead(404).end();
      return;
    }
    const sid = req.headers['mcp-session-id'];
    const existing = typeof sid === 'string' ? sessions.get(sid) : undefined;
    if (existing) {
      await existing.handleRequest(req, res);
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(400).end();
      return;
    }
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, transport);
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await buildServer().connect(transport);
    await transport.handleRequest(req, res);
  };
  return startHttpsServer({ cert: env.ca.issue({ ips: ['127.0.0.1'], dnsNames: ['localhost'] }), handler: (req, res) => void handler(req, res) });
}

beforeAll(async () => {
  env = await startMcpEnv({ mcpCallTimeoutMs: BOUND_MS });
  mcp = await startServers();
  const grant = [
    {
      Principal: env.alice.arn,
      Actions: ['quicksight:DescribeActionConnector', 'quicksight:ListActionConnectorActions', 'quicksight:InvokeActionConnector'],
    },
  ];
  await createConnector(env.admin, 'tracker', { auth: apiKeyAuth(mcp.url('/tracker'), KEY), permissions: grant });
  await createConnector(env.admin, 'legacy', { auth: apiKeyAuth(mcp.url('/legacy'), KEY), permissions: grant });
  await createConnector(env.admin, 'raw', { auth: apiKeyAuth(mcp.url('/raw'), KEY), permissions: grant });
  await api().putActionConnectorMcpServer({ ActionConnectorId: 'tracker', ServerPath: '/mcp' });
});
afterAll(async () => {
  await env?.stop();
  await mcp?.close();
});

describe('progress and the MCP call bound', () => {
  it('a tool streaming progress for 2 s completes; one streaming progress past the bound ends McpTimeout at ~3 s, audited', async () => {
    seen.cancelled.length = 0;
    const before = seen.progressSent;
    const t0 = Date.now();
    const ok = await api(env.alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'slow', Input: { ms: 2_000 } });
    expect(ok.InvokeActionStatus).toBe('SUCCESS');
    expect(ok.Output).toEqual({ Content: [{ type: 'text', text: 'done after 4 steps' }] });
    expect(seen.progressSent - before).toBe(4);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2_000);

    const t1 = Date.now();
    const late = await api(env.alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'slow', Input: { ms: 60_000 } });
    const took = Date.now() - t1;
    expect(late.InvokeActionStatus).toBe('FAILED');
    expect(late.HttpStatusCode).toBeUndefined();
    expect(late.Output).toMatchObject({ Code: 'McpTimeout', Message: expect.stringContaining(`${BOUND_MS} ms`) });
    expect(took).toBeGreaterThanOrEqual(BOUND_MS);
    expect(took).toBeLessThan(BOUND_MS + 2_500);
    const audit = await api().listActionInvocations({ ActionConnectorId: 'tracker' });
    expect(audit.Invocations.find((i) => i.ActionId === 'slow')).toMatchObject({ InvokeActionStatus: 'FAILED', ErrorCode: 'McpTimeout' });
    // The server was told: its handler's signal aborted, and it stopped.
    await until(async () => seen.cancelled.some((c) => c.tool === 'slow'));
  });
});

describe('connections', () => {
  it('sequential tool calls (Streamable HTTP and SSE) reuse pooled connections: streams are closed, none leaks', async () => {
    for (const [id, tool, input] of [
      ['tracker', 'search', { q: 'a' }],
      ['legacy', 'search', { q: 'b' }],
    ] as const) {
      if (id === 'legacy') await api().putActionConnectorMcpServer({ ActionConnectorId: 'legacy', ServerPath: '/sse' });
      await api(env.alice).invokeAction({ ActionConnectorId: id, ActionId: tool, Input: input });
      const total = mcp.connections.total;
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) {
        const r = await api(env.alice).invokeAction({ ActionConnectorId: id, ActionId: tool, Input: input });
        expect(r.InvokeActionStatus).toBe('SUCCESS');
      }
      if (process.env.MCP_STREAM_FIGURES)
        console.log(
          `${id}: ${((performance.now() - t0) / 10).toFixed(1)} ms per call, ${mcp.connections.total - total} new connections, ${mcp.connections.open} open`,
        );
      // The SSE session holds its GET stream's connection while it lasts: at most one more each time.
      expect(mcp.connections.total - total).toBeLessThanOrEqual(id === 'legacy' ? 10 : 1);
    }
    await until(async () => mcp.connections.open <= 3);
  });
});

describe('cancellation', () => {
  it('a client that aborts InvokeAction: the server’s call is cancelled (notifications/cancelled, its signal aborts)', async () => {
    seen.cancelled.length = 0;
    seen.started.length = 0;
    const abort = new AbortController();
    const pending = api(env.alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'wait', Input: {} }, { signal: abort.signal });
    await until(async () => seen.started.includes('wait'));
    const t0 = Date.now();
    abort.abort();
    await expect(pending).rejects.toThrow();
    await until(async () => seen.cancelled.length > 0, 2_000);
    expect(Date.now() - t0).toBeLessThan(1_500);
    // A string reason: it came in notifications/cancelled (a closed session aborts without one).
    expect(typeof seen.cancelled[0]!.reason).toBe('string');
    // Recorded as cancelled.
    await until(async () => {
      const audit = await api().listActionInvocations({ ActionConnectorId: 'tracker' });
      return audit.Invocations.some((i) => i.ActionId === 'wait' && i.ErrorCode === 'McpCancelled' && i.InvokeActionStatus === 'FAILED');
    });
  });

  it('an MCP client of our /mcp that cancels its tools/call: the upstream call is cancelled too', async () => {
    seen.cancelled.length = 0;
    seen.started.length = 0;
    const { token } = await mintToken(env, 'alice');
    const client = await connectHttp(env.t.endpoint, token);
    try {
      const abort = new AbortController();
      const pending = client.callTool({ name: 'tracker__wait', arguments: {} }, undefined, { signal: abort.signal });
      await until(async () => seen.started.includes('wait'));
      abort.abort('the user pressed stop');
      await expect(pending).rejects.toThrow();
      await until(async () => seen.cancelled.length > 0, 2_000);
      expect(typeof seen.cancelled[0]!.reason).toBe('string');
    } finally {
      await client.close();
    }
  });
});

describe('a tool list that changes mid-session', () => {
  it('notifications/tools/list_changed on a call’s stream: the actions follow (a new version; the removed tool leaves EnabledActions, the new one is not enabled)', async () => {
    const before = await api().describeActionConnectorMcpServer({ ActionConnectorId: 'tracker' });
    expect(before.McpServer.Tools.map((t) => t.ActionId)).toContain('old_tool');
    const r = await api(env.alice).invokeAction({ ActionConnectorId: 'tracker', ActionId: 'reorganize', Input: {} });
    expect(r.InvokeActionStatus).toBe('SUCCESS');
    await until(async () => {
      const d = await api().describeActionConnectorMcpServer({ ActionConnectorId: 'tracker' });
      return d.McpServer.ToolListVersion > before.McpServer.ToolListVersion;
    });
    const after = await api().describeActionConnectorMcpServer({ ActionConnectorId: 'tracker' });
    const byId = Object.fromEntries(after.McpServer.Tools.map((t) => [t.ActionId, t]));
    expect(byId.old_tool).toBeUndefined();
    expect(byId.new_tool).toMatchObject({ Enabled: false });
    expect(after.McpServer.LastRefreshedBy).toBe(env.alice.arn);
    const list = await api(env.alice).listActionConnectorActions({ ActionConnectorId: 'tracker' });
    expect(list.Actions.map((a) => a.ActionId)).not.toContain('old_tool');
    expect(env.t.logs()).toMatch(/"event":"mcp.tools-changed".*"removedFromEnabledActions":\["old_tool"\]/);
  });
});

describe('the legacy HTTP+SSE transport', () => {
  it('AUTO: the initialize POST answered 405, SSE is used: tools listed and invoked (progress included); Describe says SSE', async () => {
    const put = await api().putActionConnectorMcpServer({ ActionConnectorId: 'legacy', ServerPath: '/sse' });
    expect(put.McpServer).toMatchObject({ Transport: 'SSE', ServerName: 'streaming-tracker' });
    expect(put.McpServer.Tools.map((t) => t.ActionId)).toEqual(expect.arrayContaining(['search', 'slow']));
    const posts = seen.ssePosts;
    const r = await api(env.alice).invokeAction({ ActionConnectorId: 'legacy', ActionId: 'search', Input: { q: 'over sse' } });
    expect(r).toMatchObject({ InvokeActionStatus: 'SUCCESS', Output: { Content: [{ type: 'text', text: 'found over sse' }] } });
    expect(seen.ssePosts).toBeGreaterThan(posts);
    const slow = await api(env.alice).invokeAction({ ActionConnectorId: 'legacy', ActionId: 'slow', Input: { ms: 1_000 } });
    expect(slow.InvokeActionStatus).toBe('SUCCESS');
    const d = await api().describeActionConnectorMcpServer({ ActionConnectorId: 'legacy' });
    expect(d.McpServer.Transport).toBe('SSE');
    // Said explicitly: the same; STREAMABLE_HTTP said explicitly does not fall back.
    expect((await api().putActionConnectorMcpServer({ ActionConnectorId: 'legacy', ServerPath: '/sse', Transport: 'SSE' })).McpServer.Transport).toBe('SSE');
    const strict = await failure(api().putActionConnectorMcpServer({ ActionConnectorId: 'legacy', ServerPath: '/sse', Transport: 'STREAMABLE_HTTP' }));
    expect(strict).toBeInstanceOf(InvalidParameterValueException);
    expect(strict.message).toMatch(/HTTP 405/);
  });

  it('an `endpoint` event on another origin is refused: nothing stored, nothing sent there', async () => {
    await createConnector(env.admin, 'far', { auth: apiKeyAuth(mcp.url('/far'), KEY) });
    const e = await failure(api().putActionConnectorMcpServer({ ActionConnectorId: 'far', ServerPath: '/sse', Transport: 'SSE' }));
    expect(e).toBeInstanceOf(InvalidParameterValueException);
    expect(e.message).toMatch(/could not list the tools.*origin/i);
    expect(seen.elsewhere).toBe(0);
  });
});

describe('streamed answers: scrubbing, a refused token, the byte bound', () => {
  it('a key split across two chunks of one SSE event is still scrubbed', async () => {
    await api().putActionConnectorMcpServer({ ActionConnectorId: 'raw', ServerPath: '/mcp', Transport: 'STREAMABLE_HTTP' });
    const r = await api(env.alice).invokeAction({ ActionConnectorId: 'raw', ActionId: 'leak', Input: {} });
    expect(r.InvokeActionStatus).toBe('SUCCESS');
    const text = JSON.stringify(r.Output);
    expect(text).toContain('the key is [redacted]');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(KEY.slice(0, 8));
  });

  it('OAuth client credentials: a token the server refuses (401) is replaced once and the streamed request sent again', async () => {
    await createConnector(env.admin, 'cc', { auth: clientCredentialsAuth(mcp.url('/cc'), mcp.url('/token'), 'streamer', 'streamer-secret-77ab') });
    const put = await api().putActionConnectorMcpServer({ ActionConnectorId: 'cc', ServerPath: '/mcp', Transport: 'STREAMABLE_HTTP' });
    expect(put.McpServer.Tools.map((t) => t.ActionId)).toContain('leak');
    expect(seen.staleToken).toBe(1);
    expect(seen.tokens).toBe(2);
  });

  it('a stream past the egress byte bound (10 MiB) ends the call at once: FAILED with egress reason response-too-large, not at the bound', async () => {
    const t0 = Date.now();
    const r = await api(env.alice).invokeAction({ ActionConnectorId: 'raw', ActionId: 'flood', Input: {} });
    expect(r.InvokeActionStatus).toBe('FAILED');
    expect(r.Output).toMatchObject({ Code: 'EgressError', Reason: 'response-too-large' });
    expect(Date.now() - t0).toBeLessThan(BOUND_MS);
  });
});

describe('Egress.stream', () => {
  /** A local server that drips `n` chunks, one every `every` ms. */
  let drip: TestHttpsServer;
  beforeAll(async () => {
    drip = await startHttpsServer({
      cert: env.ca.issue({ ips: ['127.0.0.1'] }),
      handler: (req, res) => {
        const u = new URL(req.url ?? '/', 'https://x');
        const n = Number(u.searchParams.get('n') ?? 4);
        const every = Number(u.searchParams.get('every') ?? 300);
        const size = Number(u.searchParams.get('size') ?? 10);
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        let i = 0;
        const tick = setInterval(() => {
          if (++i > n) {
            clearInterval(tick);
            res.end();
            return;
          }
          res.write(`data: ${'x'.repeat(size)}\n\n`);
        }, every);
        res.on('close', () => clearInterval(tick));
      },
    });
  });
  afterAll(() => drip?.close());
  const egress = () => new Egress({ caPems: [env.ca.certPem], allowCidrs: ['127.0.0.1/32'], totalTimeoutMs: 1_000 });
  const read = async (body: ReadableStream<Uint8Array>) => Buffer.from(await new Response(body).arrayBuffer()).toString('utf8');

  it('outlives the egress’s whole-exchange deadline (1 s here) within its own bounds; request() does not', async () => {
    const e = egress();
    try {
      const url = drip.url('/?n=6&every=300');
      const res = await e.stream({ method: 'GET', url, totalTimeoutMs: 5_000, idleTimeoutMs: 1_000 });
      const t0 = Date.now();
      expect((await read(res.body)).match(/data:/g)).toHaveLength(6);
      expect(Date.now() - t0).toBeGreaterThan(1_200);
      expect(e.budget.inUse).toBe(0);
      const whole = await e.request({ method: 'GET', url }).catch((x: EgressError) => x);
      expect(whole).toMatchObject({ name: 'EgressError', reason: 'timeout' });
    } finally {
      await e.close();
    }
  });

  it('ends with EgressError: idle past idleTimeoutMs, total past totalTimeoutMs, bytes past maxBytes; the refused address before anything', async () => {
    const e = egress();
    try {
      const idle = await e
        .stream({ method: 'GET', url: drip.url('/?n=3&every=800'), totalTimeoutMs: 5_000, idleTimeoutMs: 400 })
        .then((r) => read(r.body))
        .catch((x: EgressError) => x);
      expect(idle).toMatchObject({ reason: 'timeout', message: expect.stringMatching(/sent nothing for 400 ms/) });
      const total = await e
        .stream({ method: 'GET', url: drip.url('/?n=20&every=100'), totalTimeoutMs: 700, idleTimeoutMs: 500 })
        .then((r) => read(r.body))
        .catch((x: EgressError) => x);
      expect(total).toMatchObject({ reason: 'timeout', message: expect.stringMatching(/within 700 ms/) });
      const big = await e
        .stream({ method: 'GET', url: drip.url('/?n=5&every=20&size=400'), totalTimeoutMs: 5_000, idleTimeoutMs: 1_000, maxBytes: 1_000 })
        .then((r) => read(r.body))
        .catch((x: EgressError) => x);
      expect(big).toMatchObject({ reason: 'response-too-large' });
      const refused = await e
        .stream({ method: 'GET', url: `https://127.0.0.2:${drip.port}/`, totalTimeoutMs: 5_000, idleTimeoutMs: 1_000 })
        .catch((x: EgressError) => x);
      expect(refused).toMatchObject({ reason: 'refused-address' });
      expect(e.budget.inUse).toBe(0);
    } finally {
      await e.close();
    }
  });
});
