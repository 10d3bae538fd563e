// The MCP endpoint: Streamable HTTP at /mcp (@modelcontextprotocol/sdk), with
// `Authorization: Bearer <token>` (tokens from `actionbridge tokens create`). Each
// request is authenticated again (a revoked token stops at once) and acts as the
// token's user through the operations themselves (src/mcp/local-backend.ts), so
// every permission check, the per-user OAuth tokens and the audit apply.
import { randomUUID } from 'node:crypto';
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
import { createMcpSession, type McpSession } from '../mcp/server.js';
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
  /** How often a session looks for changes of its tool list (ms; 0 = never). Default 30 s. */
  watchIntervalMs?: number;
  /** Sessions idle this long are closed (ms). Default 30 minutes. */
  idleMs?: number;
  /** At most this many open sessions per token (the oldest is closed). Default 16. */
  maxSessionsPerToken?: number;
}

interface Entry {
  id?: string;
  tokenId: string;
  tokenHash: string;
  transport: StreamableHTTPServerTransport;
  session: McpSession;
  lastSeen: number;
}

interface AuthInfoExtra {
  caller: Caller;
  region: string;
}

/** The AuthInfo extra the handler set on the request (below), as the MCP SDK hands it back. */
const isAuthInfoExtra = (v: Record<string, unknown> | undefined): v is Record<string, unknown> & AuthInfoExtra =>
  typeof v?.caller === 'object' && v.caller !== null && typeof v.region === 'string';

const MAX_SESSIONS = 10_000;

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
  const sessions = new Map<string, Entry>();
  const idleMs = deps.idleMs ?? 30 * 60_000;
  const perToken = deps.maxSessionsPerToken ?? 16;

  const backendFor = (who: AuthInfoExtra) => new LocalBackend({ run, perms: deps.perms, charge }, { caller: who.caller, region: who.region });

  const drop = async (e: Entry) => {
    if (e.id && sessions.get(e.id) === e) sessions.delete(e.id);
    await e.session.close();
    await e.transport.close().catch(() => {});
  };

  const newEntry = (who: Extract<BearerResult, { ok: true }>): Entry => {
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      // Registered before the initialize answer leaves: the client's next request finds it.
      onsessioninitialized: (id) => {
        entry.id = id;
        admit(entry);
      },
      onsessionclosed: () => {
        void drop(entry);
      },
    });
    // The session's callbacks run after `entry` exists (none runs while it is created).
    const session = createMcpSession({
      version: VERSION,
      watchIntervalMs: deps.watchIntervalMs ?? envMs('ACTIONBRIDGE_MCP_WATCH_INTERVAL_MS'),
      backend: async (extra) => {
        const info = extra.authInfo?.extra;
        if (!isAuthInfoExtra(info)) throw Object.assign(new Error('The request carries no authenticated user.'), { name: 'AccessDeniedException' });
        return backendFor(info);
      },
      // The background look for changes checks the token again: a revoked token ends its sessions.
      watchBackend: async () => {
        const again = await bearer.fromHash(entry.tokenHash);
        return again.ok ? backendFor(again) : undefined;
      },
      onExpired: () => {
        void drop(entry);
      },
      log: (level, obj, msg) => deps.log[level]({ ...obj, mcpSession: entry.id, tokenId: entry.tokenId }, msg),
    });
    const entry: Entry = { tokenId: who.token.tokenId, tokenHash: who.token.tokenHash, transport, lastSeen: now(), session };
    transport.onclose = () => {
      if (entry.id && sessions.get(entry.id) === entry) sessions.delete(entry.id);
      void entry.session.close();
    };
    return entry;
  };

  const admit = (entry: Entry) => {
    // Bounded: per token (the oldest goes) and in all.
    const mine = [...sessions.values()].filter((e) => e.tokenId === entry.tokenId).sort((a, b) => a.lastSeen - b.lastSeen);
    while (mine.length >= perToken) void drop(mine.shift()!);
    if (sessions.size >= MAX_SESSIONS) {
      const oldest = [...sessions.values()].sort((a, b) => a.lastSeen - b.lastSeen)[0];
      if (oldest) void drop(oldest);
    }
    sessions.set(entry.id!, entry);
  };

  const sweep = setInterval(
    () => {
      const t = now();
      for (const e of sessions.values()) if (t - e.lastSeen > idleMs) void drop(e);
    },
    Math.min(60_000, idleMs),
  );
  sweep.unref();

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
    let entry: Entry | undefined;
    if (typeof sid === 'string' && sid) {
      entry = sessions.get(sid);
      // Another token's session looks exactly like an unknown one.
      if (!entry || entry.tokenId !== who.token.tokenId) return rpcError(reply, 404, -32001, 'Session not found: initialize a new session.');
    } else if (req.method === 'POST' && (Array.isArray(body) ? body.some((m) => isInitializeRequest(m)) : isInitializeRequest(body))) {
      entry = newEntry(who);
      await entry.session.server.connect(entry.transport);
    } else {
      return rpcError(reply, 400, -32000, 'Bad Request: no Mcp-Session-Id header; send an initialize request first.');
    }
    entry.lastSeen = now();

    const raw = Object.assign(req.raw, {
      auth: { token: who.token.tokenId, clientId: who.token.tokenId, scopes: [], extra: { caller: who.caller, region: who.region } satisfies AuthInfoExtra },
    });
    reply.hijack();
    try {
      await entry.transport.handleRequest(raw, reply.raw, body);
    } catch (e) {
      pipeline.internalFailure(req, e, 'mcp: request failed');
      if (!reply.raw.headersSent) {
        reply.raw
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error.' }, id: null }));
      } else reply.raw.end();
    }
    // An initialize that failed: nothing refers to it.
    if (!entry.id) void drop(entry);
  };

  app.route({ method: ['GET', 'POST', 'DELETE'], url: '/mcp', onRequest: admitRequest, handler });

  const closeAll = async () => {
    clearInterval(sweep);
    await Promise.all([...sessions.values()].map(drop));
  };
  // Open event streams would hold a graceful shutdown up: they end first.
  app.addHook('preClose', (done) => {
    closeAll().then(
      () => done(),
      () => done(),
    );
  });
};
