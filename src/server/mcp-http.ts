// The MCP endpoint: Streamable HTTP at /mcp (@modelcontextprotocol/sdk), with
// `Authorization: Bearer <token>` (tokens from `actionbridge tokens create`). Each
// request is authenticated again (a revoked token stops at once) and acts as the
// token's user through the operations themselves (src/mcp/local-backend.ts), so
// every permission check, the per-user OAuth tokens and the audit apply.
//
// No session lives on a node: any node answers any request, so several nodes work
// behind a plain round-robin load balancer (no stickiness). Why this and not sessions
// kept in the database: nothing a later request needs is on the server — the client's
// name (for the audit) travels in the session id below, the protocol version in the
// Mcp-Protocol-Version header of every request, and a tool name is a function of its
// (connector, action) — so a row per session would only add a write per initialize, a
// read per request and a cleanup job. The spec obliges clients to echo the
// Mcp-Session-Id they were given and to accept 405 for GET and DELETE; the SDK's
// StreamableHTTPClientTransport (which the TypeScript clients, Claude Desktop and Claude
// Code among them, use) does exactly that. We still hand out a session id rather than
// none: some clients expect one in the answer to initialize.
//
// The Mcp-Session-Id is self-contained: `<payload>.<tag>`, the payload the client's audit
// label and a random part, the tag a hash of the payload under the token's hash (only
// the token's holder and the server can make one). Every node checks it the same way: a
// request without one (other than initialize) is 400, one not issued for the request's
// token is 404, as for a session that ended. Each POST gets a fresh MCP server and
// transport (sessionIdGenerator undefined: stateless), answered as JSON and closed with
// the request. What that changes: a session never ends on the server's side (no idle
// close, no per-token session limit — a session costs nothing; DELETE is 405, which the
// spec allows for a server that does not let clients end sessions), and
// tools/list_changed reaches a client only through its GET event stream, held open by
// whichever node received the GET, which looks for changes itself (every
// watchIntervalMs, and at once after a call refused on the same node); those streams are
// bounded per token and in all, as the sessions were.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Store } from '../store/store.js';
import type { Authenticator } from '../auth/identity.js';
import type { Permissions } from '../auth/permissions.js';
import { McpTokenAuth, type BearerResult } from '../auth/mcp-token-auth.js';
import type { OperationSpec } from '../protocol/http.js';
import { admitBody, discardBody } from './body-admission.js';
import { TOO_DEEP } from '../protocol/json-depth.js';
import { BodyRefused, decodeJsonBody } from '../protocol/json-body.js';
import type { Caller, RequestContext } from '../domain/types.js';
import type { OperationName, OperationTypes } from '../protocol/generated/types.js';
import { LocalBackend, type OperationRunner } from '../mcp/local-backend.js';
import type { Pipeline } from './pipeline.js';
import { createMcpSession, knownTools, labelOf, type KnownTools, type McpSession } from '../mcp/server.js';
import { VERSION } from '../mcp/version.js';
import { errorMessage } from '../error-text.js';

export interface McpEntranceOptions {
  store: Store;
  /** Builds a token's Caller exactly as for a signed request (Authenticator.callerOf). */
  auth: Authenticator;
  perms: Permissions;
  specs: readonly OperationSpec[];
  pipeline: Pipeline;
  log: Logger;
  now?: () => number;
  /** How often an open event stream looks for changes of its tool list (ms; 0 = never). Default 30 s. */
  watchIntervalMs?: number;
  /** At most this many open event streams (GET) per token on this node (the oldest is closed). Default 16. */
  maxStreamsPerToken?: number;
}

/** An open GET event stream: the only thing that lives on a node, and only while its connection does. */
interface Stream {
  tokenId: string;
  transport: StreamableHTTPServerTransport;
  session: McpSession;
}

interface AuthInfoExtra {
  caller: Caller;
  region: string;
}

/** The AuthInfo extra the handler set on the request (below), as the MCP SDK hands it back. */
const isAuthInfoExtra = (v: Record<string, unknown> | undefined): v is Record<string, unknown> & AuthInfoExtra =>
  typeof v?.caller === 'object' && v.caller !== null && typeof v.region === 'string';

/**
 * Open event streams on one node, in all: each holds an MCP server, a transport, a
 * connection and a watch timer, about 100 KiB of RSS as measured (320 streams: +30 MiB),
 * so at most about 200 MiB. Past it the oldest stream is closed (its client reconnects,
 * possibly to another node).
 */
const MAX_STREAMS = 2_000;
/** Tool names shown per token, remembered by the node so a call needs no listing first: bounded in all. */
const MAX_KNOWN = 50_000;

/** A non-negative number of milliseconds from the environment, or undefined. */
function envMs(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function rpcError(reply: FastifyReply, status: number, code: number, message: string, headers: Record<string, string> = {}) {
  reply.code(status).header('content-type', 'application/json').header('cache-control', 'no-store');
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  return reply.send(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url');
/** The session id's tag, as text: the id is accepted only spelled as issued. */
const tagOf = (tokenHash: string, payload: string) =>
  b64u(createHash('sha256').update(`actionbridge mcp session\0${tokenHash}\0${payload}`).digest().subarray(0, 16));

/** A new Mcp-Session-Id for this token and client (see the top of this file). */
export function issueSessionId(tokenHash: string, clientInfo: unknown): string {
  const info = typeof clientInfo === 'object' && clientInfo !== null ? (clientInfo as { name?: unknown; version?: unknown }) : undefined;
  const payload = b64u(JSON.stringify({ r: b64u(randomBytes(12)), l: labelOf(info) }));
  return `${payload}.${tagOf(tokenHash, payload)}`;
}

/** The client's audit label from an Mcp-Session-Id issued for this token, or undefined (not ours, another token's, malformed). */
export function sessionLabel(tokenHash: string, sid: string): string | undefined {
  if (sid.length > 1024) return undefined;
  const dot = sid.indexOf('.');
  if (dot <= 0) return undefined;
  const payload = sid.slice(0, dot);
  // The tag's text is compared, not its decoded bytes: base64url decoding ignores the last
  // character's spare bits, so another spelling of the same bytes is not the id we issued.
  const tag = Buffer.from(sid.slice(dot + 1));
  const want = Buffer.from(tagOf(tokenHash, payload));
  if (tag.length !== want.length || !timingSafeEqual(tag, want)) return undefined;
  try {
    const l = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { l?: unknown }).l;
    return typeof l === 'string' && /^mcp:[\x20-\x7e]{1,210}$/.test(l) ? l : undefined;
  } catch {
    return undefined;
  }
}

export const mcpEntrance: FastifyPluginAsync<McpEntranceOptions> = async (app, deps) => {
  const { pipeline } = deps;
  const now = deps.now ?? Date.now;
  const bearer = new McpTokenAuth(deps.store, deps.auth, now);
  const byName = new Map(deps.specs.map((s) => [s.name, s]));
  // The tools run operations through the pipeline's run stage (validation, then the operation).
  const run: OperationRunner = async <K extends OperationName>(name: K, ctx: RequestContext, input: Record<string, unknown>) => {
    const spec = byName.get(name);
    if (!spec) throw Object.assign(new Error(`The server has no operation ${name}.`), { name: 'ResourceNotFoundException' });
    // The spec named K runs the API's K handler (protocol/http.ts operationSpecs): its output is K's.
    return (await pipeline.run(spec, ctx, input)) as OperationTypes[K]['output'];
  };
  // A tool call is charged when it invokes, long after the HTTP request may be gone.
  const charge = (accountId: string) => pipeline.throttle(undefined, accountId);
  const watchIntervalMs = deps.watchIntervalMs ?? envMs('ACTIONBRIDGE_MCP_WATCH_INTERVAL_MS');
  const perToken = deps.maxStreamsPerToken ?? 16;
  const streams = new Set<Stream>();

  const backendFor = (who: AuthInfoExtra) => new LocalBackend({ run, perms: deps.perms, charge }, { caller: who.caller, region: who.region });
  const backend = async (extra: { authInfo?: { extra?: Record<string, unknown> } }) => {
    const info = extra.authInfo?.extra;
    if (!isAuthInfoExtra(info)) throw Object.assign(new Error('The request carries no authenticated user.'), { name: 'AccessDeniedException' });
    return backendFor(info);
  };

  // The names a token's clients were shown, with what each calls (a name depends on its
  // pair alone, tools.ts): a call of a known name goes straight to InvokeAction, whose
  // permission check decides; an unknown one lists the tools first. Only a shortcut: a
  // node that never saw the name (or forgot it) lists, and answers the same.
  const shown = knownTools(MAX_KNOWN);
  const knownFor = (tokenId: string): KnownTools => ({
    get: (name) => {
      const t = shown.get(`${tokenId}\0${name}`);
      return t && { ...t, name };
    },
    remember: (tools) => shown.remember(tools.map((t) => ({ ...t, name: `${tokenId}\0${t.name}` }))),
  });

  const sessionFor = (who: Extract<BearerResult, { ok: true }>, clientLabel: string | undefined) =>
    createMcpSession({
      version: VERSION,
      watchIntervalMs: 0,
      backend,
      known: knownFor(who.token.tokenId),
      clientLabel,
      // A refused call hints at a changed list: the token's event streams on this node look now.
      onListMayHaveChanged: () => {
        for (const s of streams) if (s.tokenId === who.token.tokenId) void s.session.checkForChanges();
      },
      log: (level, obj, msg) => deps.log[level]({ ...obj, tokenId: who.token.tokenId }, msg),
    });

  const closeStream = async (s: Stream) => {
    if (!streams.delete(s)) return;
    await s.session.close();
    await s.transport.close().catch(() => {});
  };

  const openStream = (who: Extract<BearerResult, { ok: true }>): Stream => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    const session = createMcpSession({
      version: VERSION,
      watchIntervalMs,
      backend,
      known: knownFor(who.token.tokenId),
      // The background look for changes checks the token again: a revoked token ends its streams.
      watchBackend: async () => {
        const again = await bearer.fromHash(who.token.tokenHash);
        return again.ok ? backendFor(again) : undefined;
      },
      onExpired: () => {
        void closeStream(s);
      },
      log: (level, obj, msg) => deps.log[level]({ ...obj, tokenId: who.token.tokenId }, msg),
    });
    const s: Stream = { tokenId: who.token.tokenId, transport, session };
    // Bounded: per token (the oldest goes) and in all (Set order is opening order).
    const mine = [...streams].filter((x) => x.tokenId === s.tokenId);
    while (mine.length >= perToken) void closeStream(mine.shift()!);
    if (streams.size >= MAX_STREAMS) void closeStream(streams.values().next().value!);
    streams.add(s);
    return s;
  };

  // Tool calls in progress on this node, by token, session and request id. Sessions hold no
  // state here, so a client's notifications/cancelled comes in another POST than its call:
  // it ends the call's own server session, whose handler's signal aborts (the invocation is
  // cancelled, a remote MCP server's tool call with it). On another node it finds nothing:
  // the call then ends when the client closes its request, or as it would have.
  const calls = new Map<string, () => void>();
  const callKey = (tokenId: string, sid: string, id: unknown) => `${tokenId}\0${sid}\0${typeof id}:${String(id)}`;
  const cancellations = (tokenId: string, sid: string, body: unknown, end: () => void, reply: FastifyReply) => {
    const messages = (Array.isArray(body) ? body : [body]) as { method?: unknown; id?: unknown; params?: { requestId?: unknown } }[];
    for (const m of messages) {
      if (m && m.method === 'notifications/cancelled' && m.params?.requestId !== undefined) calls.get(callKey(tokenId, sid, m.params.requestId))?.();
    }
    const keys = messages
      .filter((m) => m && m.method === 'tools/call' && (typeof m.id === 'string' || typeof m.id === 'number'))
      .map((m) => callKey(tokenId, sid, m.id));
    if (!keys.length) return;
    for (const k of keys) calls.set(k, end);
    reply.raw.once('close', () => {
      for (const k of keys) if (calls.get(k) === end) calls.delete(k);
    });
  };

  // The bearer token is checked before the body is read (body-admission.ts); the handler reuses the answer (req.admission).
  const unauthorized = (reply: FastifyReply, who: Extract<BearerResult, { ok: false }>) =>
    rpcError(reply, 401, -32001, who.message, {
      'www-authenticate': `Bearer realm="actionbridge", error="${who.error}", error_description="${who.message.replace(/["\\]/g, '')}"`,
    });
  const admitRequest = async (req: FastifyRequest, reply: FastifyReply) => {
    pipeline.name(req, 'MCP');
    const who = await bearer.fromHeader(req.headers.authorization);
    req.admission = { kind: 'bearer', who };
    if (!who.ok) {
      await discardBody(req);
      unauthorized(reply, who);
      return reply;
    }
    admitBody(req, `mcp:${who.token.tokenId}`);
  };

  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    pipeline.name(req, 'MCP');
    const who = req.admission?.kind === 'bearer' ? req.admission.who : await bearer.fromHeader(req.headers.authorization);
    if (!who.ok) return unauthorized(reply, who);
    pipeline.name(req, 'MCP', who.caller);

    let body: unknown;
    if (req.method === 'POST') {
      try {
        body = decodeJsonBody(req.body as Buffer | undefined, undefined, undefined, false);
      } catch (e) {
        if (e instanceof BodyRefused && e.reason === 'depth') return rpcError(reply, 400, -32600, `Invalid Request: the body ${TOO_DEEP}.`);
        return rpcError(reply, 400, -32700, 'Parse error: the body is not valid JSON.');
      }
      const messages = Array.isArray(body) ? body : [body];
      // A tool call is charged when it invokes (a throttled call is a tool error); everything else here.
      const onlyCalls = messages.length > 0 && messages.every((m) => typeof m === 'object' && m !== null && 'method' in m && m.method === 'tools/call');
      if (!onlyCalls) {
        try {
          pipeline.throttle(req, who.caller.accountId);
        } catch (e) {
          return rpcError(reply, 429, -32000, errorMessage(e) ?? String(e), { 'retry-after': '1' });
        }
      }
    }

    const sid = req.headers['mcp-session-id'];
    const raw = Object.assign(req.raw, {
      auth: { token: who.token.tokenId, clientId: who.token.tokenId, scopes: [], extra: { caller: who.caller, region: who.region } satisfies AuthInfoExtra },
    });
    const isInit = req.method === 'POST' && (Array.isArray(body) ? body.some((m) => isInitializeRequest(m)) : isInitializeRequest(body));
    let label: string | undefined;
    if (!isInit) {
      if (typeof sid !== 'string' || !sid) return rpcError(reply, 400, -32000, 'Bad Request: no Mcp-Session-Id header; send an initialize request first.');
      label = sessionLabel(who.token.tokenHash, sid);
      // Another token's session id looks exactly like an unknown one.
      if (label === undefined) return rpcError(reply, 404, -32001, 'Session not found: initialize a new session.');
    }
    if (req.method === 'DELETE') {
      // Nothing to end: the session holds no state here (the spec's answer for a server that does not let clients end sessions).
      return rpcError(reply, 405, -32000, 'Method Not Allowed: sessions hold no state on this server; there is nothing to end.', { allow: 'GET, POST' });
    }

    let session: McpSession;
    let transport: StreamableHTTPServerTransport;
    let stream: Stream | undefined;
    if (req.method === 'GET') {
      stream = openStream(who);
      ({ session, transport } = stream);
      const opened = stream;
      reply.raw.once('close', () => void closeStream(opened));
      // The list as it is now is what the client saw (it lists right after initialize): changes from now on are notified.
      await session.watchFromNow();
      // Closed meanwhile (the client left, or newer streams pushed it out): nothing to serve.
      if (!streams.has(opened)) return rpcError(reply, 503, -32000, 'The event stream was closed: too many open streams; open it again.');
    } else {
      const init = (Array.isArray(body) ? body : [body]).find((m) => isInitializeRequest(m));
      const issued = init ? issueSessionId(who.token.tokenHash, init.params.clientInfo) : undefined;
      transport = new StreamableHTTPServerTransport({
        // initialize: the id issued above goes out in the answer; anything else: stateless (checked above).
        sessionIdGenerator: issued ? () => issued : undefined,
        enableJsonResponse: true,
      });
      session = sessionFor(who, label);
      const [s, t] = [session, transport];
      const end = () => void s.close().then(() => t.close().catch(() => {}));
      reply.raw.once('close', end);
      if (typeof sid === 'string') cancellations(who.token.tokenId, sid, body, end, reply);
    }
    await session.server.connect(transport);

    reply.hijack();
    try {
      await transport.handleRequest(raw, reply.raw, body);
    } catch (e) {
      pipeline.internalFailure(req, e, 'mcp: request failed');
      if (!reply.raw.headersSent) {
        reply.raw
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error.' }, id: null }));
      } else reply.raw.end();
    }
  };

  app.route({ method: ['GET', 'POST', 'DELETE'], url: '/mcp', onRequest: admitRequest, handler });

  const closeAll = async () => {
    await Promise.all([...streams].map(closeStream));
  };
  // Open event streams would hold a graceful shutdown up: they end first.
  app.addHook('preClose', (done) => {
    closeAll().then(
      () => done(),
      () => done(),
    );
  });
};
