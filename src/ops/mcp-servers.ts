// Remote MCP servers (issue 19): PutActionConnectorMcpServer, RefreshActionConnectorMcpTools,
// DescribeActionConnectorMcpServer, DeleteActionConnectorMcpServer; the connector's tools as
// actions (mcpActionsOf) and the invocation of one (invokeMcpTool).
//
// A connector may name a remote MCP server: its BaseEndpoint, or a path under it. ActionBridge
// is then an MCP client of that server (@modelcontextprotocol/sdk, Streamable HTTP or the
// legacy HTTP+SSE transport) whose every HTTP request is made by `connections.authorizedStream`:
// the connector's own authentication for the calling user, egress (address policy, TLS trust,
// VPC connection, connect and idle timeouts, a byte bound per stream), answers scrubbed of the
// credentials they carried as they stream (per server-sent event). A session is bounded by
// mcpCallTimeoutMs (progress or not), not by the egress's whole-exchange deadline; the caller
// going away cancels the call (notifications/cancelled, the streams closed). The client
// declares no capabilities; a request the server makes of it (sampling, elicitation, roots) is
// refused and fails the invocation. A tools/list_changed notification received during a call
// refreshes the stored tool list in the background (refreshInBackground).
//
// Storage: each put or refresh stores the tool list as a version (store.mcpServers); the
// connector row names the current one, and nodes derive the actions from the stored list once
// per (connector incarnation, version), as API definitions do.
import { perStore, versionKey } from './version-cache.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport, SseError } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { CallToolResultSchema, ErrorCode, ListToolsResultSchema, McpError, ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import type { ConnectorRecord, RequestContext } from '../domain/types.js';
import type { OperationTypes, ToolAnnotations } from '../protocol/generated/model.js';
import { ServiceError, constraint, invalidParameter, notFound, validationError } from '../protocol/errors.js';
import { catalogFor, type CatalogAction, type InvocationResult } from '../catalog/index.js';
import type { JsonSchema } from '../catalog/types.js';
import { baseEndpointOf } from '../domain/auth-config.js';
import { authConfigOf } from '../connections/destination.js';
import type { EndUser } from '../connections/index.js';
import { DiscoveryError } from '../connections/mcp-discovery.js';
import type { DiscoverySummary } from '../connections/mcp-authorization.js';
import { isEgressError, type ResponseHold } from '../egress/index.js';
import { deepFreeze } from '../deep-freeze.js';
import { errorMessage, errorName } from '../error-text.js';
import { Stale } from '../store/store.js';
import type { McpServerRecord } from '../store/store.js';
import { storeWrite } from './store-errors.js';
import type { ExtensionOperations } from './index.js';
import type { Services } from './services.js';

type IO<K extends keyof OperationTypes> = OperationTypes[K];
type Ops = Pick<
  ExtensionOperations,
  'PutActionConnectorMcpServer' | 'RefreshActionConnectorMcpTools' | 'DescribeActionConnectorMcpServer' | 'DeleteActionConnectorMcpServer'
>;

/** Tool-list versions kept per connector. */
export const KEPT_VERSIONS = 10;
/** Tools made actions at most (the rest are skipped, and said so). */
export const MAX_TOOLS = 500;
/** tools/list pages read at most. */
const MAX_PAGES = 20;
/** A tool's description, in characters, at most (longer ones are cut). */
const MAX_DESCRIPTION = 16_384;
/** A tool's input schema, as JSON text, at most (a larger one skips the tool). */
const MAX_SCHEMA_BYTES = 256 * 1024;
/** A tool result, as JSON text, at most: a larger one is a FAILED invocation (nothing of it returned). */
export const MAX_RESULT_BYTES = 1024 * 1024;
/** The transports a session may use (what is stored: never AUTO). */
export type McpTransportInUse = 'STREAMABLE_HTTP' | 'SSE';
/** HTTP statuses of the initialize POST after which AUTO tries the legacy SSE transport (the spec's backwards compatibility). */
const SSE_FALLBACK_STATUSES = new Set([400, 404, 405]);
/** How much longer than the session's bound its egress streams may last: the bound ends the call first, with McpTimeout. */
const STREAM_GRACE_MS = 5_000;
/** How long the session's DELETE may take before the session is simply dropped. */
const SESSION_END_MS = 3_000;
/** Tool calls in progress per connector on this node; one more is throttled. */
export const MAX_CALLS_PER_CONNECTOR = 16;
/** Server-supplied text (name, version, error messages) kept at most. */
const MAX_TEXT = 2_000;
/** A session's bound (config mcpCallTimeoutMs; default 300 s, as Amazon Quick's). */
const boundOf = (s: Pick<Services, 'config'>): number => s.config.mcpCallTimeoutMs ?? 300_000;

/** One tool as stored (mcp_servers.tools): what the server listed, and the ActionId it became. */
interface StoredTool {
  ActionId: string;
  ToolName: string;
  Title?: string;
  Description: string;
  InputSchema: JsonSchema;
  Annotations?: ToolAnnotations;
}

/** What Describe returns besides the tools (mcp_servers.summary). */
interface StoredSummary {
  ServerName?: string;
  ServerVersion?: string;
  ProtocolVersion?: string;
  Skipped: { Operation: string; Reason: string }[];
}

/** The action a tool becomes: the catalog's type, with `mcp` saying which tool it calls. */
export type McpAction = CatalogAction & { mcp: { tool: string; annotations?: ToolAnnotations } };
export const isMcpAction = (a: CatalogAction): a is McpAction => (a as Partial<McpAction>).mcp !== undefined;

const ACTION_ID = /^[A-Za-z0-9_.-]{1,140}$/;
const catalogIds = (rec: ConnectorRecord): Set<string> => new Set((catalogFor(rec.type)?.actions ?? []).map((a) => a.ActionId));
const cut = (s: unknown, max = MAX_TEXT): string | undefined => (typeof s === 'string' ? (s.length > max ? `${s.slice(0, max)}…` : s) : undefined);

/** A tool name as an ActionId: characters outside [A-Za-z0-9_.-] become `_`, at most 128. */
export function sanitizeToolName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 128);
  return s.length ? s : 'tool';
}

/**
 * ActionIds for `names`, in order: a tool the previous list had keeps its id; a new one gets
 * its sanitized name, with `_2`, `_3`… when that is the catalog's or another tool's.
 */
export function assignActionIds(names: readonly string[], previous: ReadonlyMap<string, string>, reserved: ReadonlySet<string>): string[] {
  const taken = new Set<string>(reserved);
  const ids: (string | undefined)[] = names.map((n) => {
    const prev = previous.get(n);
    if (prev && ACTION_ID.test(prev) && !taken.has(prev)) {
      taken.add(prev);
      return prev;
    }
    return undefined;
  });
  // Ids of tools gone stay unused, so a tool that comes back under another name never takes one.
  for (const id of previous.values()) taken.add(id);
  return names.map((n, i) => {
    const kept = ids[i];
    if (kept) return kept;
    const base = sanitizeToolName(n);
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}_${k}`;
    taken.add(id);
    return id;
  });
}

const annotationsOf = (a: unknown): ToolAnnotations | undefined => {
  if (!a || typeof a !== 'object') return undefined;
  const o = a as Record<string, unknown>;
  const out: ToolAnnotations = {};
  if (typeof o.title === 'string') out.Title = cut(o.title, 200)!;
  if (typeof o.readOnlyHint === 'boolean') out.ReadOnlyHint = o.readOnlyHint;
  if (typeof o.destructiveHint === 'boolean') out.DestructiveHint = o.destructiveHint;
  if (typeof o.idempotentHint === 'boolean') out.IdempotentHint = o.idempotentHint;
  if (typeof o.openWorldHint === 'boolean') out.OpenWorldHint = o.openWorldHint;
  return Object.keys(out).length ? out : undefined;
};

const toAction = (t: StoredTool): McpAction => ({
  ActionId: t.ActionId,
  Name: t.Title ?? t.ToolName,
  Description: t.Description,
  InputSchema: t.InputSchema,
  idempotent: t.Annotations?.IdempotentHint === true,
  mcp: { tool: t.ToolName, ...(t.Annotations ? { annotations: t.Annotations } : {}) },
});

/** Tool actions by (connector incarnation, version), on this node (a version names one list for good). */
const cacheOf = perStore<readonly McpAction[]>();
const cacheKey = versionKey;

function storedMalformed(rec: ConnectorRecord, version: number, why: string): ServiceError {
  return new ServiceError(
    'ConflictException',
    `Action connector ${rec.id} cannot use its MCP server's tool list (version ${version}): ${why} (it was changed outside ActionBridge). ` +
      'Nothing was sent. Refresh it with RefreshActionConnectorMcpTools, or delete it.',
  );
}

/** The stored tools, checked again: ids of the ActionId form, unique, none of the catalog's. */
function parseTools(rec: ConnectorRecord, def: McpServerRecord): StoredTool[] {
  let tools: StoredTool[];
  try {
    tools = JSON.parse(def.tools) as StoredTool[];
  } catch {
    throw storedMalformed(rec, def.version, 'it does not parse');
  }
  const reserved = catalogIds(rec);
  const seen = new Set<string>();
  if (!Array.isArray(tools)) throw storedMalformed(rec, def.version, 'it is not a list');
  for (const t of tools) {
    if (
      !t ||
      typeof t.ActionId !== 'string' ||
      !ACTION_ID.test(t.ActionId) ||
      reserved.has(t.ActionId) ||
      seen.has(t.ActionId) ||
      typeof t.ToolName !== 'string' ||
      typeof t.Description !== 'string' ||
      !t.InputSchema ||
      typeof t.InputSchema !== 'object'
    ) {
      throw storedMalformed(rec, def.version, 'a tool in it is not one ActionBridge stores');
    }
    seen.add(t.ActionId);
  }
  return tools;
}

/** The connector's tools as actions (none without an MCP server), derived once per node and version. */
export function mcpActionsOf(s: Pick<Services, 'store'>, rec: ConnectorRecord): Promise<readonly McpAction[]> {
  const version = rec.mcpServerVersion;
  if (version === null) return Promise.resolve([]);
  return cacheOf(s.store).get(cacheKey(rec, version), async () => {
    const def = await s.store.mcpServers.getMcpServer(rec, version);
    if (!def) throw storedMalformed(rec, version, 'the version the connector names is not stored');
    return deepFreeze(parseTools(rec, def).map(toAction));
  });
}

/** The server's URL: the connector's BaseEndpoint with `path` (checked at put). */
function serverUrl(rec: ConnectorRecord, path: string): string {
  const base = baseEndpointOf(authConfigOf(rec));
  if (!base) throw new TypeError(`connector ${rec.id} has no BaseEndpoint`);
  return path ? base.replace(/\/+$/, '') + path : base;
}

/** Why `path` cannot be a server path under a BaseEndpoint, or undefined. */
function serverPathProblem(path: string): string | undefined {
  if (path === '') return undefined;
  if (!path.startsWith('/') || path.startsWith('//')) return 'Member must be empty or a path starting with one /';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: controls are what is refused
  if (/[\\?#%\s\u0000-\u001f\u007f]/.test(path)) return 'Member must not contain \\, ?, #, %, spaces or control characters';
  if (path.split('/').some((seg) => seg === '.' || seg === '..')) return 'Member must not contain . or .. segments';
  return undefined;
}

/** One session's limits: when its streams end at the latest, and what to tell when one breaks. */
interface SessionLimits {
  /** Date.now() past which the session's streams stop (the bound, plus a grace: the bound's own timer ends the call first). */
  until: number;
  hold: ResponseHold;
  /**
   * A stream failed in egress (its byte bound, the response budget, the connection): the SDK
   * only logs a broken stream and would wait for the bound, so the session ends now with it.
   */
  broke(err: unknown): void;
}

/**
 * A fetch for the MCP SDK's transports: every request the client makes goes to the server's
 * origin only, through `authorizedStream` (the connector's authentication for `user`, egress,
 * scrubbing as the answer streams), redirects not followed. The answer's body is handed to the
 * SDK as it arrives, so a call's SSE events (progress, list_changed, the result) are seen as
 * they come. Streamable HTTP's standalone GET stream is answered 405 here: it would hold a
 * connection for the whole session for notifications a one-call session does not need
 * (`allowGet` is for the SSE transport, whose GET stream is the session).
 */
function egressFetch(
  s: Services,
  rec: ConnectorRecord,
  user: EndUser,
  server: URL,
  limits: SessionLimits,
  last: { status: number },
  allowGet: boolean,
): FetchLike {
  return async (url, init) => {
    const u = new URL(String(url instanceof URL ? url.href : url));
    if (u.origin !== server.origin) throw new TypeError(`the MCP client asked for another origin than the server's (${u.origin})`);
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method === 'GET' && !allowGet) return new Response(null, { status: 405, statusText: 'Method Not Allowed' });
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => {
      headers[k] = v;
    });
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const left = Math.max(1, limits.until - Date.now());
    // The transport's own signal only: it aborts what is in flight when the session closes. The
    // bound and the caller end the SDK's request instead (it then sends notifications/cancelled,
    // which must still get through), and the session's close ends the streams.
    const res = await s.connections.authorizedStream(rec, user, {
      method,
      url: u.href,
      headers,
      followRedirects: false,
      totalTimeoutMs: left,
      idleTimeoutMs: left,
      hold: limits.hold,
      ...(body !== undefined ? { body } : {}),
      ...(init?.signal ? { signal: init.signal } : {}),
    });
    last.status = res.status;
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
      if (k === 'content-length' || k === 'content-encoding' || k === 'transfer-encoding') continue;
      for (const one of Array.isArray(v) ? v : [v]) out.append(k, one);
    }
    // 202: a notification or response accepted (the SDK would cancel its body, closing the connection).
    const empty = res.status === 202 || res.status === 204 || res.status === 205 || res.status === 304 || method === 'HEAD';
    if (empty) {
      // Read to its (empty) end: the connection goes back to the pool.
      await new Response(res.body).arrayBuffer().catch(() => {});
      return new Response(null, { status: res.status, headers: out });
    }
    return new Response(watched(res.body, limits.broke), { status: res.status, headers: out });
  };
}

/** `body`, telling `broke` when it fails in egress (the SDK reading it would only log that). */
function watched(body: ReadableStream<Uint8Array>, broke: (err: unknown) => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (err) {
          if (isEgressError(err)) broke(err);
          controller.error(err);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** What the server asked of the client (refused), the last HTTP status it answered, whether it said its tools changed. */
interface Session {
  client: Client;
  refused: string[];
  last: { status: number };
  transport: McpTransportInUse;
  /** The server sent notifications/tools/list_changed during the session. */
  listChanged: boolean;
  /** What a failure of the session's work is: SessionEnded when the bound passed or the caller went away, else itself. */
  why(err: unknown): unknown;
}

/** Why a session ended before its work: the bound (McpTimeout) or the caller (McpCancelled). */
class SessionEnded extends Error {
  constructor(
    readonly code: 'McpTimeout' | 'McpCancelled',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Connects to the connector's server as `user` (one session per call: nothing is kept
 * between invocations) with `transport` (AUTO: Streamable HTTP, then SSE when the initialize
 * POST is answered 400, 404 or 405), runs `fn` with the session's signal (the bound, and the
 * caller's `signal`), ends the session (DELETE, when the server gave one) and closes its streams.
 */
async function withSession<T>(
  s: Services,
  rec: ConnectorRecord,
  path: string,
  user: EndUser,
  hold: ResponseHold,
  transport: McpTransportInUse | 'AUTO',
  signal: AbortSignal | undefined,
  fn: (x: Session, requestOptions: { timeout: number; maxTotalTimeout: number; signal: AbortSignal }) => Promise<T>,
): Promise<T> {
  const url = new URL(serverUrl(rec, path));
  const bound = boundOf(s);
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new SessionEnded('McpTimeout', `The MCP server did not complete the call within ${bound} ms (the MCP call bound, mcpCallTimeoutMs).`)),
    bound,
  );
  const broken = new AbortController();
  const ended = AbortSignal.any([deadline.signal, broken.signal, ...(signal ? [signal] : [])]);
  const limits: SessionLimits = {
    until: Date.now() + bound + STREAM_GRACE_MS,
    hold,
    broke: (err) => {
      if (!broken.signal.aborted) broken.abort(err);
    },
  };
  const options = { timeout: bound, maxTotalTimeout: bound, signal: ended };
  const last = { status: 0 };
  const why = (err: unknown): unknown => {
    if (deadline.signal.aborted) return deadline.signal.reason;
    if (signal?.aborted)
      return new SessionEnded('McpCancelled', 'The caller went away: the tool call was cancelled (notifications/cancelled sent to the MCP server).');
    if (broken.signal.aborted) return broken.signal.reason;
    return err;
  };
  const session = { refused: [], last, listChanged: false, why } as unknown as Session;
  const open = (kind: McpTransportInUse) => {
    const t =
      kind === 'SSE'
        ? new SSEClientTransport(url, { fetch: egressFetch(s, rec, user, url, limits, last, true) })
        : new StreamableHTTPClientTransport(url, {
            fetch: egressFetch(s, rec, user, url, limits, last, false),
            reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 },
          });
    const client = new Client({ name: 'actionbridge', version: '1' }, { capabilities: {} });
    // No sampling, elicitation or roots: whatever the server asks of the client is refused.
    client.fallbackRequestHandler = async (req) => {
      session.refused.push(String(req.method).slice(0, 100));
      throw new McpError(ErrorCode.MethodNotFound, `ActionBridge does not answer ${String(req.method).slice(0, 100)} requests`);
    };
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      session.listChanged = true;
    });
    client.onerror = () => {};
    return { t, client };
  };
  const close = async ({ t, client }: ReturnType<typeof open>) => {
    // The session's end is a courtesy: a server that does not answer it within a few seconds is left (close aborts the request).
    if (t instanceof StreamableHTTPClientTransport) {
      let wait: NodeJS.Timeout | undefined;
      await Promise.race([
        t.terminateSession().catch(() => {}),
        new Promise<void>((r) => {
          wait = setTimeout(r, SESSION_END_MS);
        }),
      ]);
      clearTimeout(wait);
    }
    await client.close().catch(() => {});
  };
  let kind: McpTransportInUse = transport === 'SSE' ? 'SSE' : 'STREAMABLE_HTTP';
  let c = open(kind);
  try {
    try {
      await c.client.connect(c.t, options);
    } catch (err) {
      const status = err instanceof StreamableHTTPError ? err.code : undefined;
      if (transport !== 'AUTO' || status === undefined || !SSE_FALLBACK_STATUSES.has(status) || ended.aborted) throw err;
      await close(c);
      kind = 'SSE';
      c = open(kind);
      try {
        await c.client.connect(c.t, options);
      } catch (sse) {
        // Neither: both answers said, the first one's status kept.
        if (!(sse instanceof SseError)) throw sse;
        throw new StreamableHTTPError(status, `${(err as Error).message}; as the legacy HTTP+SSE transport: ${sse.message}`);
      }
    }
    session.client = c.client;
    session.transport = kind;
    return await fn(session, options);
  } catch (err) {
    throw why(err);
  } finally {
    clearTimeout(timer);
    await close(c);
  }
}

/** An error of the MCP exchange as text fit to return (server text is scrubbed already; cut). */
function mcpFailure(err: unknown, bound: number): { code: string; message: string; status?: number } | undefined {
  if (err instanceof SessionEnded) return { code: err.code, message: err.message };
  if (err instanceof StreamableHTTPError || err instanceof SseError) {
    return { code: 'McpHttpError', message: cut(err.message)!, ...(err.code !== undefined && err.code > 0 ? { status: err.code } : {}) };
  }
  if (err instanceof McpError && err.code === ErrorCode.RequestTimeout) {
    return {
      code: 'McpTimeout',
      message: `The MCP server did not complete the call within ${bound} ms (the MCP call bound, mcpCallTimeoutMs): ${cut(err.message)}`,
    };
  }
  if (err instanceof McpError) return { code: 'McpError', message: cut(err.message)! };
  // Ours (a refusal, a token endpoint, egress) stay what they are.
  if (err instanceof ServiceError || isEgressError(err) || !(err instanceof Error)) return undefined;
  // The server broke the protocol (not JSON-RPC, an unsupported version, a bad result): its text, scrubbed already, cut.
  return { code: 'McpProtocolError', message: cut(err.message) || err.name };
}

/** Lists the server's tools (every page, bounded) and what it said of itself. */
async function listTools(s: Services, rec: ConnectorRecord, path: string, user: EndUser, transport: McpTransportInUse | 'AUTO') {
  return s.egress.holdResponses((hold) =>
    withSession(s, rec, path, user, hold, transport, undefined, async ({ client, transport: used }, options) => {
      const tools: unknown[] = [];
      let cursor: string | undefined;
      let truncated = false;
      for (let page = 0; page < MAX_PAGES; page++) {
        const r = await client.request({ method: 'tools/list', params: cursor ? { cursor } : {} }, ListToolsResultSchema, options);
        tools.push(...r.tools);
        cursor = r.nextCursor;
        if (!cursor || tools.length > MAX_TOOLS) break;
        if (page === MAX_PAGES - 1) truncated = true;
      }
      const info = client.getServerVersion();
      return { tools, truncated, info, protocol: protocolOf(client), transport: used };
    }),
  );
}
const protocolOf = (client: Client): string | undefined => {
  // Streamable HTTP keeps the version agreed as `protocolVersion`; the SSE transport as `_protocolVersion`.
  const t = (client as unknown as { transport?: { protocolVersion?: string; _protocolVersion?: string } }).transport;
  return t?.protocolVersion ?? t?._protocolVersion;
};

/** The listed tools as stored tools: ids assigned (kept from `previous`), tools that cannot be actions skipped. */
function toStored(rec: ConnectorRecord, listed: unknown[], truncated: boolean, previous: readonly StoredTool[]) {
  const skipped: { Operation: string; Reason: string }[] = [];
  const ok: Omit<StoredTool, 'ActionId'>[] = [];
  const names = new Set<string>();
  for (const raw of listed) {
    const t = raw as { name?: unknown; title?: unknown; description?: unknown; inputSchema?: unknown; annotations?: unknown };
    const name = typeof t.name === 'string' ? t.name : '';
    const label = cut(name, 200) || '(no name)';
    if (!name || name.length > 256) {
      skipped.push({ Operation: label, Reason: 'its name is empty or longer than 256 characters' });
      continue;
    }
    if (names.has(name)) {
      skipped.push({ Operation: label, Reason: 'the server lists another tool of this name' });
      continue;
    }
    const schemaText = JSON.stringify(t.inputSchema ?? null);
    if (!t.inputSchema || typeof t.inputSchema !== 'object' || Array.isArray(t.inputSchema) || Buffer.byteLength(schemaText) > MAX_SCHEMA_BYTES) {
      skipped.push({ Operation: label, Reason: `its inputSchema is not a JSON object of at most ${MAX_SCHEMA_BYTES} bytes` });
      continue;
    }
    if (ok.length >= MAX_TOOLS) {
      skipped.push({ Operation: label, Reason: `more than ${MAX_TOOLS} tools: the rest are not made actions` });
      continue;
    }
    names.add(name);
    const annotations = annotationsOf(t.annotations);
    const title = cut(t.title, 200) ?? annotations?.Title;
    ok.push({
      ToolName: name,
      ...(title ? { Title: title } : {}),
      Description: cut(t.description, MAX_DESCRIPTION) ?? '',
      InputSchema: JSON.parse(schemaText) as JsonSchema,
      ...(annotations ? { Annotations: annotations } : {}),
    });
  }
  if (truncated) skipped.push({ Operation: '(more pages)', Reason: `the server gave more than ${MAX_PAGES} pages of tools: the rest are not read` });
  const ids = assignActionIds(
    ok.map((t) => t.ToolName),
    new Map(previous.map((t) => [t.ToolName, t.ActionId])),
    catalogIds(rec),
  );
  return { tools: ok.map((t, i): StoredTool => ({ ActionId: ids[i]!, ...t })), skipped };
}

/** Per store: how mcpServerOps refreshes a connector's tool list as `by` (a new version, new tools not enabled). */
const refreshers = new WeakMap<
  object,
  (rec: ConnectorRecord, by: EndUser) => Promise<{ added: string[]; removed: string[]; removedFromEnabled: string[] } | undefined>
>();
/** Background refreshes running, by connector: at most one each; a change said meanwhile runs it once more after. */
const refreshing = new Map<string, { again: boolean }>();

/**
 * The server said its tools changed (notifications/tools/list_changed during a call): the
 * stored list is refreshed as RefreshActionConnectorMcpTools does (a new version; removed
 * tools leave EnabledActions, which the log reports; new tools are NOT enabled: an author
 * enables them), in the background, as `user` (whose session it was). Failures are logged.
 */
export function refreshInBackground(s: Services, rec: ConnectorRecord, user: EndUser): void {
  const key = `${rec.region}\u0000${rec.accountId}\u0000${rec.id}`;
  const running = refreshing.get(key);
  if (running) {
    running.again = true;
    return;
  }
  const state = { again: false };
  refreshing.set(key, state);
  void (async () => {
    try {
      do {
        state.again = false;
        await refreshOnce(s, rec, user);
      } while (state.again);
    } finally {
      refreshing.delete(key);
    }
  })();
}

async function refreshOnce(s: Services, seen: ConnectorRecord, user: EndUser): Promise<void> {
  const refresh = refreshers.get(s.store);
  if (!refresh) return;
  const fields = { event: 'mcp.tools-changed', connectorId: seen.id, accountId: seen.accountId, region: seen.region, by: user.userArn };
  try {
    // The connector as it is now: deleted, re-created or detached meanwhile, there is nothing to refresh.
    const rec = await s.store.connectors.getConnector(seen);
    if (!rec || rec.createdAt !== seen.createdAt || rec.mcpServerVersion === null) return;
    const r = await refresh(rec, user);
    if (r)
      s.log?.info(
        { ...fields, added: r.added, removed: r.removed, removedFromEnabledActions: r.removedFromEnabled },
        'mcp: the server said its tools changed; tool list refreshed',
      );
  } catch (err) {
    s.log?.warn({ ...fields, err: { type: errorName(err), message: errorMessage(err) } }, 'mcp: the server said its tools changed; the refresh failed');
  }
}

/** The transport a stored version was listed with (rows from before SSE: Streamable HTTP). */
const transportOf = (def: McpServerRecord): McpTransportInUse => (def.transport === 'SSE' ? 'SSE' : 'STREAMABLE_HTTP');

const concurrency = new Map<string, number>();

/**
 * InvokeAction of a tool: one session to the server as `user`, tools/call, the result as
 * Output ({Content, StructuredContent?}); isError, a refused server request, a JSON-RPC error
 * or a result larger than MAX_RESULT_BYTES are FAILED.
 */
export async function invokeMcpTool(
  s: Services,
  rec: ConnectorRecord,
  action: McpAction,
  input: unknown,
  user: EndUser,
  hold: ResponseHold,
  upstream: { attempts: number },
  signal?: AbortSignal,
): Promise<InvocationResult> {
  if (input !== undefined && (input === null || typeof input !== 'object' || Array.isArray(input))) {
    throw validationError([constraint('input', "Member must be a JSON object (the tool's arguments)")]);
  }
  if (rec.mcpServerVersion === null) throw notFound(`Action connector ${rec.id} has no MCP server.`);
  const def = await s.store.mcpServers.getMcpServer(rec, rec.mcpServerVersion);
  if (!def) throw storedMalformed(rec, rec.mcpServerVersion, 'the version the connector names is not stored');
  const key = `${rec.region}\u0000${rec.accountId}\u0000${rec.id}`;
  const running = concurrency.get(key) ?? 0;
  if (running >= MAX_CALLS_PER_CONNECTOR) {
    throw new ServiceError('ThrottlingException', `Action connector ${rec.id} has ${running} tool calls in progress on this server; retry in a few seconds.`);
  }
  concurrency.set(key, running + 1);
  try {
    upstream.attempts++;
    const transport = transportOf(def);
    let changed = false;
    const out = await withSession(s, rec, def.serverPath, user, hold, transport, signal, async (session, options): Promise<InvocationResult> => {
      const { client, refused, last } = session;
      let result: Awaited<ReturnType<typeof client.request<typeof CallToolResultSchema>>>;
      try {
        result = await client.request(
          { method: 'tools/call', params: { name: action.mcp.tool, arguments: (input ?? {}) as Record<string, unknown> } },
          CallToolResultSchema,
          // A progress token is sent (onprogress), so the server may stream progress; each one restarts the SDK's timer, within the bound.
          { ...options, onprogress: () => {}, resetTimeoutOnProgress: true },
        );
      } catch (err) {
        changed = session.listChanged;
        const cause = session.why(err);
        const f = mcpFailure(cause, boundOf(s));
        if (!f) throw cause;
        // Ended without an answer (the bound, the caller): no status to report; the audit says why.
        if (cause instanceof SessionEnded)
          return { InvokeActionStatus: 'FAILED', Output: { Code: f.code, Message: f.message }, errorCode: f.code } as InvocationResult;
        return { InvokeActionStatus: 'FAILED', HttpStatusCode: f.status ?? last.status, Output: { Code: f.code, Message: f.message } };
      }
      changed = session.listChanged;
      // A request the server sent on the call's stream, before its result, has had its handler run by now.
      await new Promise((r) => setImmediate(r));
      if (refused.length) {
        return {
          InvokeActionStatus: 'FAILED',
          HttpStatusCode: last.status,
          Output: {
            Code: 'McpServerRequestRefused',
            Message: `The MCP server asked ActionBridge for ${[...new Set(refused)].join(', ')}, which it refuses (no sampling, elicitation or roots); the tool's result is not returned.`,
          },
        };
      }
      const output = { Content: result.content, ...(result.structuredContent !== undefined ? { StructuredContent: result.structuredContent } : {}) };
      const bytes = Buffer.byteLength(JSON.stringify(output));
      if (bytes > MAX_RESULT_BYTES) {
        return {
          InvokeActionStatus: 'FAILED',
          HttpStatusCode: last.status,
          Output: { Code: 'ResultTooLarge', Message: `The tool's result is ${bytes} bytes of JSON; at most ${MAX_RESULT_BYTES} are returned.` },
        };
      }
      return { InvokeActionStatus: result.isError ? 'FAILED' : 'SUCCESS', HttpStatusCode: last.status, Output: output };
    });
    // The server said its tools changed: the stored list follows, after the call and without holding it up.
    if (changed) refreshInBackground(s, rec, user);
    return out;
  } catch (err) {
    // The session could not be opened: the server answered non-2xx, or not as MCP (or the bound passed, or the caller went away).
    const f = mcpFailure(err, boundOf(s));
    if (!f) throw err;
    return {
      InvokeActionStatus: 'FAILED',
      ...(f.status ? { HttpStatusCode: f.status } : {}),
      Output: { Code: f.code, Message: f.message },
      ...(err instanceof SessionEnded ? { errorCode: f.code } : {}),
    } as InvocationResult;
  } finally {
    const n = (concurrency.get(key) ?? 1) - 1;
    if (n > 0) concurrency.set(key, n);
    else concurrency.delete(key);
  }
}

export function mcpServerOps(s: Services): Ops {
  const key = (ctx: RequestContext, input: { AwsAccountId: string; ActionConnectorId: string }) => ({
    region: ctx.region,
    accountId: input.AwsAccountId,
    id: input.ActionConnectorId,
  });
  const userOf = (ctx: RequestContext): EndUser => ({ userArn: ctx.caller.userArn, userName: ctx.caller.userName });

  function requireHttp(rec: ConnectorRecord): void {
    if (catalogFor(rec.type)?.actions.some((a) => a.aws) || !baseEndpointOf(authConfigOf(rec))) {
      throw invalidParameter(
        `Action connector ${rec.id} (type ${rec.type}) calls AWS APIs, not an HTTP service under a BaseEndpoint: it cannot take an MCP server. ` +
          'Use a GENERIC_HTTP connector whose BaseEndpoint is the server (or its origin).',
      );
    }
    if (rec.apiDefinitionVersion !== null) {
      throw new ServiceError(
        'ConflictException',
        `Action connector ${rec.id} has an API definition; a connector has an API definition or an MCP server, not both. ` +
          'Delete the API definition first, or use another connector for the MCP server.',
      );
    }
  }

  async function currentTools(rec: ConnectorRecord): Promise<{ def: McpServerRecord | undefined; tools: StoredTool[]; summary: StoredSummary | undefined }> {
    if (rec.mcpServerVersion === null) return { def: undefined, tools: [], summary: undefined };
    const def = await s.store.mcpServers.getMcpServer(rec, rec.mcpServerVersion);
    if (!def) return { def: undefined, tools: [], summary: undefined };
    let summary: StoredSummary | undefined;
    try {
      summary = JSON.parse(def.summary) as StoredSummary;
    } catch {
      summary = undefined;
    }
    let tools: StoredTool[] = [];
    try {
      tools = parseTools(rec, def);
    } catch {
      tools = [];
    }
    return { def, tools, summary };
  }

  const described = (
    rec: ConnectorRecord,
    version: number,
    path: string,
    transport: McpTransportInUse,
    tools: readonly StoredTool[],
    summary: StoredSummary,
    enabled: readonly string[],
    createdAt: number,
    createdBy: string,
    authorization?: DiscoverySummary,
  ) => {
    const on = new Set(enabled);
    return {
      ...(authorization ? { Authorization: authorization } : {}),
      ToolListVersion: version,
      ServerUrl: serverUrl(rec, path),
      ServerPath: path,
      Transport: transport,
      ...(summary.ServerName !== undefined ? { ServerName: summary.ServerName } : {}),
      ...(summary.ServerVersion !== undefined ? { ServerVersion: summary.ServerVersion } : {}),
      ...(summary.ProtocolVersion !== undefined ? { ProtocolVersion: summary.ProtocolVersion } : {}),
      Tools: tools.map((t) => ({
        ActionId: t.ActionId,
        ToolName: t.ToolName,
        ...(t.Title ? { Title: t.Title } : {}),
        ...(t.Annotations ? { Annotations: t.Annotations } : {}),
        Enabled: on.has(t.ActionId),
      })),
      Skipped: summary.Skipped,
      LastRefreshTime: new Date(createdAt),
      LastRefreshedBy: createdBy,
    };
  };

  /** Lists the tools at `path` and stores them as the next version; what was added and removed. */
  async function store(by: EndUser, rec: ConnectorRecord, path: string, enableNew: boolean, transport: McpTransportInUse | 'AUTO') {
    const { def: beforeDef, tools: before, summary: beforeSummary } = await currentTools(rec);
    const url = serverUrl(rec, path);
    // No client of its own: the authorization server and a client are discovered at the server first (each put and refresh).
    let authorization: DiscoverySummary | undefined;
    try {
      authorization = (await s.connections.discoverMcpAuthorization(rec, url))?.summary;
    } catch (err) {
      if (err instanceof DiscoveryError) {
        throw invalidParameter(`Action connector ${rec.id}: the MCP authorization discovery for ${url} failed: ${err.message}. Nothing was stored.`);
      }
      throw err;
    }
    let listed: Awaited<ReturnType<typeof listTools>>;
    try {
      listed = await listTools(s, rec, path, by, transport);
    } catch (err) {
      // Discovered, but the caller has not signed in (or must again): the server is stored with the tools it had.
      if (authorization && err instanceof ServiceError && err.name === 'AccessTokenNotFoundException') {
        // The tools (and transport) it had, if it is the same server; none for a server at another path.
        const same = beforeDef?.serverPath === path;
        const kept: McpTransportInUse = transport !== 'AUTO' ? transport : same && beforeDef ? transportOf(beforeDef) : 'STREAMABLE_HTTP';
        return storeVersion(
          by,
          rec,
          path,
          enableNew,
          kept,
          before,
          same ? before : [],
          (same ? beforeSummary : undefined) ?? { Skipped: [] },
          authorization,
          true,
        );
      }
      const f = mcpFailure(err, boundOf(s));
      const why = isEgressError(err) ? `${err.reason}: ${cut(err.message)}` : f ? `${f.status ? `HTTP ${f.status}: ` : ''}${f.message}` : undefined;
      if (why === undefined) throw err;
      throw invalidParameter(`Action connector ${rec.id} could not list the tools of the MCP server at ${url} (${why}). Nothing was stored.`);
    }
    const { tools, skipped } = toStored(rec, listed.tools, listed.truncated, before);
    const summary: StoredSummary = {
      ...(listed.info?.name !== undefined ? { ServerName: cut(listed.info.name, 200)! } : {}),
      ...(listed.info?.version !== undefined ? { ServerVersion: cut(listed.info.version, 200)! } : {}),
      ...(listed.protocol ? { ProtocolVersion: cut(listed.protocol, 50)! } : {}),
      Skipped: skipped,
    };
    return storeVersion(by, rec, path, enableNew, listed.transport, before, tools, summary, authorization, false);
  }

  /** Stores `tools` as the next version; what was added and removed. */
  async function storeVersion(
    by: EndUser,
    rec: ConnectorRecord,
    path: string,
    enableNew: boolean,
    transport: McpTransportInUse,
    before: readonly StoredTool[],
    tools: readonly StoredTool[],
    summary: StoredSummary,
    authorization: DiscoverySummary | undefined,
    signInRequired: boolean,
  ) {
    const beforeIds = new Set(before.map((t) => t.ActionId));
    const afterIds = new Set(tools.map((t) => t.ActionId));
    const added = [...afterIds].filter((id) => !beforeIds.has(id));
    const removed = [...beforeIds].filter((id) => !afterIds.has(id));
    const removedFromEnabled = rec.enabledActions.filter((id) => removed.includes(id));
    const enabled = [...rec.enabledActions.filter((id) => !removed.includes(id)), ...(enableNew ? added : [])];
    const now = s.now();
    let version: number;
    try {
      version = await storeWrite({ key: { region: rec.region, accountId: rec.accountId, id: rec.id } }, () =>
        s.store.mcpServers.putMcpServer(
          rec,
          {
            serverPath: path,
            transport,
            tools: JSON.stringify(tools),
            summary: JSON.stringify(summary),
            createdAt: now,
            createdBy: by.userArn,
          },
          enabled,
          KEPT_VERSIONS,
        ),
      );
    } catch (err) {
      if (err instanceof Stale) {
        throw new ServiceError(
          'ConflictException',
          `The MCP server (or API definition) of action connector ${rec.id} changed while its tools were being listed; read it again and retry.`,
        );
      }
      throw err;
    }
    cacheOf(s.store).set(cacheKey(rec, version), Promise.resolve(deepFreeze(tools.map(toAction))));
    const server = described(rec, version, path, transport, tools, summary, enabled, now, by.userArn, authorization);
    return { server: signInRequired ? { ...server, SignInRequired: true } : server, added, removed, removedFromEnabled };
  }

  refreshers.set(s.store, async (rec, by) => {
    const { def } = await currentTools(rec);
    if (!def) return undefined;
    const r = await store(by, rec, def.serverPath, false, transportOf(def));
    return { added: r.added, removed: r.removed, removedFromEnabled: r.removedFromEnabled };
  });

  async function put(ctx: RequestContext, input: IO<'PutActionConnectorMcpServer'>['input']): Promise<IO<'PutActionConnectorMcpServer'>['output']> {
    const rec = await s.perms.require(ctx, key(ctx, input), 'quicksight:UpdateActionConnector');
    requireHttp(rec);
    const path = input.ServerPath ?? '';
    const problem = serverPathProblem(path);
    if (problem) throw validationError([constraint('serverPath', problem)]);
    const r = await store(userOf(ctx), rec, path, input.EnableNewActions !== false, input.Transport ?? 'AUTO');
    return { McpServer: r.server, RemovedFromEnabledActions: r.removedFromEnabled };
  }

  async function refresh(ctx: RequestContext, input: IO<'RefreshActionConnectorMcpTools'>['input']): Promise<IO<'RefreshActionConnectorMcpTools'>['output']> {
    const rec = await s.perms.require(ctx, key(ctx, input), 'quicksight:UpdateActionConnector');
    if (rec.mcpServerVersion === null) throw notFound(`Action connector ${rec.id} has no MCP server; PutActionConnectorMcpServer attaches one.`);
    requireHttp(rec);
    const { def } = await currentTools(rec);
    if (!def) throw storedMalformed(rec, rec.mcpServerVersion, 'the version the connector names is not stored');
    const r = await store(userOf(ctx), rec, def.serverPath, input.EnableNewActions !== false, transportOf(def));
    return { McpServer: r.server, AddedActions: r.added, RemovedActions: r.removed, RemovedFromEnabledActions: r.removedFromEnabled };
  }

  async function describe(
    ctx: RequestContext,
    input: IO<'DescribeActionConnectorMcpServer'>['input'],
  ): Promise<IO<'DescribeActionConnectorMcpServer'>['output']> {
    const rec = await s.perms.require(ctx, key(ctx, input), 'quicksight:DescribeActionConnector');
    if (rec.mcpServerVersion === null) throw notFound(`Action connector ${rec.id} has no MCP server; PutActionConnectorMcpServer attaches one.`);
    const { def, tools, summary } = await currentTools(rec);
    if (!def) throw storedMalformed(rec, rec.mcpServerVersion, 'the version the connector names is not stored');
    const authorization = await s.connections.describeMcpAuthorization(rec);
    return {
      McpServer: described(
        rec,
        def.version,
        def.serverPath,
        transportOf(def),
        tools,
        summary ?? { Skipped: [] },
        rec.enabledActions,
        def.createdAt,
        def.createdBy,
        authorization,
      ),
    };
  }

  async function remove(ctx: RequestContext, input: IO<'DeleteActionConnectorMcpServer'>['input']): Promise<IO<'DeleteActionConnectorMcpServer'>['output']> {
    const k = key(ctx, input);
    const rec = await s.perms.require(ctx, k, 'quicksight:UpdateActionConnector');
    if (rec.mcpServerVersion === null) throw notFound(`Action connector ${rec.id} has no MCP server.`);
    const { tools } = await currentTools(rec);
    const ids = new Set(tools.map((t) => t.ActionId));
    const removed = rec.enabledActions.filter((id) => ids.has(id));
    try {
      await storeWrite({ key: k }, () =>
        s.store.mcpServers.removeMcpServer(
          rec,
          rec.enabledActions.filter((id) => !ids.has(id)),
          s.now(),
        ),
      );
    } catch (err) {
      if (err instanceof Stale)
        throw new ServiceError('ConflictException', `The MCP server of action connector ${rec.id} changed meanwhile; read it again and retry.`);
      throw err;
    }
    return { RemovedFromEnabledActions: removed };
  }

  return {
    PutActionConnectorMcpServer: put,
    RefreshActionConnectorMcpTools: refresh,
    DescribeActionConnectorMcpServer: describe,
    DeleteActionConnectorMcpServer: remove,
  };
}
