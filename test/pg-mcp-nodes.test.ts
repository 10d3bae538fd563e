// MCP over Streamable HTTP behind a plain round-robin load balancer (issue 15): two
// nodes (bin/actionbridge serve) on one PostgreSQL database, and a small HTTP proxy in
// this file that hands each request to the next node in turn, with no stickiness. The
// MCP SDK's own client initializes, lists its tools and calls one (against a local
// HTTPS service) several times through it; every request of one session meets both
// nodes. The audit names the client on whichever node ran the call, and the event
// stream held by one node tells the client when a grant revoked through the other
// changes its tools. The same client flow on one SQLite node, through the same proxy.
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { ACCOUNT, ADMIN, REGION, cli, tempDir } from './helpers.js';
import { ActionBridgeClient } from '../src/client/index.js';
import { PG_SKIP_REASON, PG_URL } from './support/pg-store.js';
import { startCluster, type Cluster } from './support/pg-nodes.js';
import { startActionUpstream, type ActionUpstream } from './support/action-upstream.js';
import { basicAuth, createConnector } from './support/actions.js';
import { createTestCa } from './support/tls.js';
import { INVOKE, grant, mintToken, revoke, startMcpEnv, textOf, type McpEnv } from './support/mcp-env.js';
import { waitFor } from './support/wait.js';

interface Passed {
  node: number;
  method: string;
  /** The JSON-RPC method(s) of a POST. */
  rpc?: string;
  sid?: string;
  status?: number;
}

interface RoundRobin {
  url: string;
  passed: Passed[];
  close(): Promise<void>;
}

/** A load balancer at its plainest: each HTTP request to the next target in turn, whatever its headers say. */
async function roundRobin(targets: string[]): Promise<RoundRobin> {
  const passed: Passed[] = [];
  let turn = 0;
  const server = http.createServer((req, res) => {
    const node = turn++ % targets.length;
    const rec: Passed = { node, method: req.method ?? 'GET', sid: req.headers['mcp-session-id'] as string | undefined };
    passed.push(rec);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (body.length) {
        try {
          const m = JSON.parse(body.toString()) as { method?: string } | { method?: string }[];
          rec.rpc = (Array.isArray(m) ? m : [m]).map((x) => x.method ?? 'response').join(',');
        } catch {
          rec.rpc = 'unparsable';
        }
      }
      const target = new URL(targets[node]!);
      const up = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (ur) => {
          rec.status = ur.statusCode;
          res.writeHead(ur.statusCode ?? 502, ur.headers);
          ur.pipe(res);
        },
      );
      up.on('error', () => res.destroy());
      // The client went away (an event stream it closed): so does the request to the node.
      res.on('close', () => up.destroy());
      up.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    passed,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const connect = async (endpoint: string, token: string, name: string) => {
  const transport = new StreamableHTTPClientTransport(new URL('/mcp', endpoint), { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
  const client = new Client({ name, version: '1.2.3' });
  await client.connect(transport);
  return { client, transport };
};

/**
 * The client flow: `rounds` clients, each initializes, lists its tools and calls
 * gh__HttpRequest `calls` times; returns the session ids. Every step must succeed.
 */
async function clientFlow(endpoint: string, token: string, upstream: ActionUpstream, rounds = 3, calls = 3): Promise<string[]> {
  const sids: string[] = [];
  upstream.reset();
  upstream.respond((r) => ({ status: 200, json: { path: r.url } }));
  for (let i = 0; i < rounds; i++) {
    const { client, transport } = await connect(endpoint, token, `rr-client-${i}`);
    try {
      expect(transport.sessionId).toBeTruthy();
      sids.push(transport.sessionId!);
      expect((await client.listTools()).tools.map((t) => t.name)).toContain('gh__HttpRequest');
      for (let j = 0; j < calls; j++) {
        const r = await client.callTool({ name: 'gh__HttpRequest', arguments: { Method: 'GET', Path: `rr/${i}/${j}` } });
        expect(r.isError, textOf(r)).toBeFalsy();
        expect(JSON.parse(textOf(r))).toMatchObject({ StatusCode: 200, Body: { path: `/api/rr/${i}/${j}` } });
      }
    } finally {
      await client.close();
    }
  }
  expect(upstream.received.map((x) => x.url)).toEqual(Array.from({ length: rounds * calls }, (_v, k) => `/api/rr/${Math.floor(k / calls)}/${k % calls}`));
  return sids;
}

/** The audit: every call of the flow names its client, whichever node ran it. */
async function expectAuditNamesClients(endpoint: string, rounds = 3, calls = 3) {
  const api = new ActionBridgeClient({ endpoint, region: REGION, accountId: ACCOUNT, credentials: ADMIN });
  const recs = (await api.listActionInvocations({ ActionConnectorId: 'gh' })).Invocations.filter((r) => r.Client?.startsWith('mcp:rr-client-'));
  expect(recs.map((r) => r.Client).sort()).toEqual(Array.from({ length: rounds * calls }, (_v, k) => `mcp:rr-client-${Math.floor(k / calls)}/1.2.3`).sort());
  expect(recs.every((r) => r.InvokeActionStatus === 'SUCCESS')).toBe(true);
}

const d = PG_URL ? describe : describe.skip;

d(PG_URL ? 'MCP on two nodes on one PostgreSQL database, behind a round-robin proxy' : PG_SKIP_REASON, () => {
  let c: Cluster;
  let upstream: ActionUpstream;
  let lb: RoundRobin;
  let token: string;
  let aliceArn: string;

  beforeAll(async () => {
    const ca = createTestCa();
    const caFile = path.join(tempDir('ab-ca-'), 'ca.pem');
    writeFileSync(caFile, ca.certPem);
    upstream = await startActionUpstream(ca);
    c = await startCluster({
      nodes: 2,
      args: ['--ca-file', caFile, '--egress-allow', '127.0.0.1/32'],
      env: { ACTIONBRIDGE_MCP_WATCH_INTERVAL_MS: '300' },
    });
    const onDb = ['--database-url', c.schema.url, '--data-dir', c.dataDir];
    const keyEnv = { ACTIONBRIDGE_MASTER_KEY: c.masterKey };
    aliceArn = cli(['users', 'add', '--account', ACCOUNT, '--name', 'alice', '--role', 'READER', ...onDb], keyEnv).UserArn;
    await createConnector(c.nodes[0]!.client(), 'gh', {
      auth: basicAuth(upstream.url('/api'), 'svc', 'gh-Pa55word-91'),
      permissions: [{ Principal: aliceArn, Actions: INVOKE }],
    });
    token = cli(['tokens', 'create', '--account', ACCOUNT, '--user', 'alice', ...onDb], keyEnv).Token;
    lb = await roundRobin(c.nodes.map((n) => n.endpoint));
  });
  afterAll(async () => {
    await lb?.close();
    await c?.stop();
    await upstream?.close();
  });

  it('the SDK client initializes, lists and calls, several times: requests alternate between the nodes and all succeed', async () => {
    const sids = await clientFlow(lb.url, token, upstream);
    expect(new Set(sids).size).toBe(sids.length);
    // Every request reached a node and was answered without error.
    expect(lb.passed.filter((p) => p.status === undefined || p.status >= 400)).toEqual([]);
    const perNode = [0, 1].map((n) => lb.passed.filter((p) => p.node === n).length);
    expect(Math.min(...perNode)).toBeGreaterThanOrEqual(Math.floor(lb.passed.length / 2));
    // Each session was served by both nodes: its initialize on one, its later requests on both.
    for (const sid of sids) {
      const mine = lb.passed.filter((p) => p.sid === sid && p.method === 'POST');
      expect(mine.length).toBeGreaterThanOrEqual(4);
      expect(new Set(mine.map((p) => p.node))).toEqual(new Set([0, 1]));
      const calls = mine.filter((p) => p.rpc === 'tools/call');
      expect(new Set(calls.map((p) => p.node))).toEqual(new Set([0, 1]));
    }
    // Both nodes answered initialize, tools/list and tools/call.
    for (const rpc of ['initialize', 'tools/list', 'tools/call']) {
      expect(new Set(lb.passed.filter((p) => p.rpc === rpc).map((p) => p.node)), rpc).toEqual(new Set([0, 1]));
    }
    await expectAuditNamesClients(c.nodes[1]!.endpoint);
    for (const n of c.nodes) expect(n.output()).not.toMatch(/internal failure/i);
  });

  it('a session id from one node is checked the same on the other: another token or a made-up id is 404 on both', async () => {
    const { client, transport } = await connect(c.nodes[0]!.endpoint, token, 'direct');
    const sid = transport.sessionId!;
    await client.close();
    const other = cli(['tokens', 'create', '--account', ACCOUNT, '--user', 'alice', '--database-url', c.schema.url, '--data-dir', c.dataDir], {
      ACTIONBRIDGE_MASTER_KEY: c.masterKey,
    }).Token as string;
    const list = (endpoint: string, bearer: string, id: string) =>
      fetch(new URL('/mcp', endpoint), {
        method: 'POST',
        body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          authorization: `Bearer ${bearer}`,
          'mcp-session-id': id,
          'mcp-protocol-version': '2025-06-18',
        },
      });
    for (const n of c.nodes) {
      const ok = await list(n.endpoint, token, sid);
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { result: { tools: unknown[] } }).result.tools).toHaveLength(1);
      expect((await list(n.endpoint, other, sid)).status).toBe(404);
      expect((await list(n.endpoint, token, sid.slice(0, -2) + (sid.endsWith('AA') ? 'BB' : 'AA'))).status).toBe(404);
    }
  });

  it('a grant revoked through one node: the event stream (on whichever node) tells the client, and the next call is refused', async () => {
    const { client } = await connect(lb.url, token, 'watcher');
    let changed = 0;
    client.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
      changed++;
    });
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['gh__HttpRequest']);
      // The client opens its event stream (GET) after initialize, without waiting: let it land.
      await waitFor(() => lb.passed.some((p) => p.method === 'GET' && p.status === 200 && p.sid !== undefined), { what: 'the event stream' });
      await revoke(c.nodes[1]!.client(), 'gh', aliceArn, ['quicksight:InvokeActionConnector']);
      await waitFor(() => changed > 0, { what: 'notifications/tools/list_changed' });
      expect((await client.listTools()).tools).toEqual([]);
      const r = await client.callTool({ name: 'gh__HttpRequest', arguments: { Method: 'GET', Path: 'no' } });
      expect(r.isError).toBe(true);
      expect(textOf(r)).toMatch(/Not permitted/);
    } finally {
      await grant(c.nodes[0]!.client(), 'gh', aliceArn, INVOKE);
      await client.close();
    }
  });
});

describe('MCP on one SQLite node, through the same proxy', () => {
  let env: McpEnv;
  let lb: RoundRobin;
  let token: string;
  beforeAll(async () => {
    // databaseUrl '' keeps this server on SQLite in the postgres project too.
    env = await startMcpEnv({ databaseUrl: '' });
    expect(env.t.server.store.kind).toBe('sqlite');
    token = (await mintToken(env, 'alice')).token;
    lb = await roundRobin([env.t.endpoint]);
  });
  afterAll(async () => {
    await lb?.close();
    await env?.stop();
  });

  it('the SDK client initializes, lists and calls, several times; all succeed', async () => {
    await clientFlow(lb.url, token, env.upstream);
    expect(lb.passed.filter((p) => p.status === undefined || p.status >= 400)).toEqual([]);
    await expectAuditNamesClients(env.t.endpoint);
  });

  it('DELETE is 405 (nothing to end), which the SDK client accepts; the session id goes on working', async () => {
    const { client, transport } = await connect(lb.url, token, 'deleter');
    const sid = transport.sessionId!;
    await transport.terminateSession();
    expect(lb.passed.find((p) => p.method === 'DELETE' && p.sid === sid)?.status).toBe(405);
    await client.close();
    const again = await connect(lb.url, token, 'deleter');
    expect((await again.client.listTools()).tools.length).toBeGreaterThan(0);
    await again.client.close();
  });

  it('open event streams are bounded per token: the 17th closes the oldest', async () => {
    const { client, transport } = await connect(env.t.endpoint, token, 'streams');
    const sid = transport.sessionId!;
    await client.close();
    const open = () =>
      fetch(new URL('/mcp', env.t.endpoint), {
        headers: { accept: 'text/event-stream', authorization: `Bearer ${token}`, 'mcp-session-id': sid, 'mcp-protocol-version': '2025-06-18' },
      });
    const first = await open();
    expect(first.status).toBe(200);
    let ended = false;
    const reading = (async () => {
      const r = first.body!.getReader();
      while (!(await r.read()).done);
      ended = true;
    })().catch(() => {
      ended = true;
    });
    const more = [];
    for (let i = 0; i < 15; i++) more.push(await open());
    await new Promise((r) => setTimeout(r, 100));
    expect(ended).toBe(false);
    more.push(await open());
    await waitFor(() => ended, { what: 'the oldest stream closed' });
    await reading;
    for (const m of more) await m.body?.cancel();
  });
});
