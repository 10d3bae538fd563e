// Remote MCP servers (issue 19): PutActionConnectorMcpServer, RefreshActionConnectorMcpTools,
// DescribeActionConnectorMcpServer, DeleteActionConnectorMcpServer; the connector's tools as
// actions (mcpActionsOf) and the invocation of one (invokeMcpTool).
//
// A connector may name a remote MCP server: its BaseEndpoint, or a path under it. ActionBridge
// is then an MCP client of that server (@modelcontextprotocol/sdk, Streamable HTTP) whose every
// HTTP request is made by `connections.authorizedRequest`: the connector's own authentication
// for the calling user, egress (address policy, TLS trust, VPC connection, time and size
// limits), answers scrubbed of the credentials they carried. The client declares no
// capabilities; a request the server makes of it (sampling, elicitation, roots) is refused
// and fails the invocation.
//
// Storage: each put or refresh stores the tool list as a version (store.mcpServers); the
// connector row names the current one, and nodes derive the actions from the stored list once
// per (connector incarnation, version), as API definitions do.
import { perStore, versionKey } from './version-cache.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { CallToolResultSchema, ErrorCode, ListToolsResultSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
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
/** One tool call (initialize, the call, the session's end) at most. */
export const CALL_TIMEOUT_MS = 300_000;
/** How long the session's DELETE may take before the session is simply dropped. */
const SESSION_END_MS = 3_000;
/** Tool calls in progress per connector on this node; one more is throttled. */
export const MAX_CALLS_PER_CONNECTOR = 16;
/** Server-supplied text (name, version, error messages) kept at most. */
const MAX_TEXT = 2_000;

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

/**
 * A fetch for the MCP SDK's transport: every request the client makes goes to the server's
 * origin only, through `authorizedRequest` (the connector's authentication for `user`, egress,
 * scrubbing), redirects not followed. GET (the standalone SSE stream) is answered 405 here:
 * egress reads whole bodies, and a stream that stays open would only wait for its time limit.
 */
function egressFetch(s: Services, rec: ConnectorRecord, user: EndUser, server: URL, hold: ResponseHold, last: { status: number }): FetchLike {
  return async (url, init) => {
    const u = new URL(String(url instanceof URL ? url.href : url));
    if (u.origin !== server.origin) throw new TypeError(`the MCP client asked for another origin than the server's (${u.origin})`);
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method === 'GET') return new Response(null, { status: 405, statusText: 'Method Not Allowed' });
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => {
      headers[k] = v;
    });
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const res = await s.connections.authorizedRequest(rec, user, {
      method,
      url: u.href,
      headers,
      followRedirects: false,
      hold,
      ...(body !== undefined ? { body } : {}),
      ...(init?.signal ? { signal: init.signal } : {}),
    });
    last.status = res.status;
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
      if (k === 'content-length' || k === 'content-encoding' || k === 'transfer-encoding') continue;
      for (const one of Array.isArray(v) ? v : [v]) out.append(k, one);
    }
    const empty = res.status === 204 || res.status === 205 || res.status === 304 || method === 'HEAD';
    return new Response(empty ? null : new Uint8Array(res.body), { status: res.status, headers: out });
  };
}

/** What the server asked of the client (refused), and the last HTTP status it answered. */
interface Session {
  client: Client;
  refused: string[];
  last: { status: number };
}

/**
 * Connects to the connector's server as `user` (one session per call: nothing is kept
 * between invocations), runs `fn`, ends the session (DELETE, when the server gave one).
 */
async function withSession<T>(s: Services, rec: ConnectorRecord, path: string, user: EndUser, hold: ResponseHold, fn: (x: Session) => Promise<T>): Promise<T> {
  const url = new URL(serverUrl(rec, path));
  const last = { status: 0 };
  const transport = new StreamableHTTPClientTransport(url, {
    fetch: egressFetch(s, rec, user, url, hold, last),
    reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 },
  });
  const client = new Client({ name: 'actionbridge', version: '1' }, { capabilities: {} });
  const refused: string[] = [];
  // No sampling, elicitation or roots: whatever the server asks of the client is refused.
  client.fallbackRequestHandler = async (req) => {
    refused.push(String(req.method).slice(0, 100));
    throw new McpError(ErrorCode.MethodNotFound, `ActionBridge does not answer ${String(req.method).slice(0, 100)} requests`);
  };
  client.onerror = () => {};
  try {
    await client.connect(transport, { timeout: CALL_TIMEOUT_MS });
    return await fn({ client, refused, last });
  } finally {
    // The session's end is a courtesy: a server that does not answer it within a few seconds is left (close aborts the request).
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      transport.terminateSession().catch(() => {}),
      new Promise<void>((r) => {
        timer = setTimeout(r, SESSION_END_MS);
      }),
    ]);
    clearTimeout(timer);
    await client.close().catch(() => {});
  }
}

/** An error of the MCP exchange as text fit to return (server text is scrubbed already; cut). */
function mcpFailure(err: unknown): { code: string; message: string; status?: number } | undefined {
  if (err instanceof StreamableHTTPError) {
    return { code: 'McpHttpError', message: cut(err.message)!, ...(err.code !== undefined && err.code > 0 ? { status: err.code } : {}) };
  }
  if (err instanceof McpError) return { code: 'McpError', message: cut(err.message)! };
  // Ours (a refusal, a token endpoint, egress) stay what they are.
  if (err instanceof ServiceError || isEgressError(err) || !(err instanceof Error)) return undefined;
  // The server broke the protocol (not JSON-RPC, an unsupported version, a bad result): its text, scrubbed already, cut.
  return { code: 'McpProtocolError', message: cut(err.message) || err.name };
}

/** Lists the server's tools (every page, bounded) and what it said of itself. */
async function listTools(s: Services, rec: ConnectorRecord, path: string, user: EndUser) {
  return s.egress.holdResponses((hold) =>
    withSession(s, rec, path, user, hold, async ({ client }) => {
      const tools: unknown[] = [];
      let cursor: string | undefined;
      let truncated = false;
      for (let page = 0; page < MAX_PAGES; page++) {
        const r = await client.request({ method: 'tools/list', params: cursor ? { cursor } : {} }, ListToolsResultSchema, { timeout: CALL_TIMEOUT_MS });
        tools.push(...r.tools);
        cursor = r.nextCursor;
        if (!cursor || tools.length > MAX_TOOLS) break;
        if (page === MAX_PAGES - 1) truncated = true;
      }
      const info = client.getServerVersion();
      return { tools, truncated, info, protocol: protocolOf(client) };
    }),
  );
}
const protocolOf = (client: Client): string | undefined => {
  const t = (client as unknown as { transport?: { protocolVersion?: string } }).transport;
  return t?.protocolVersion;
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
    return await withSession(s, rec, def.serverPath, user, hold, async ({ client, refused, last }) => {
      let result: Awaited<ReturnType<typeof client.request<typeof CallToolResultSchema>>>;
      try {
        result = await client.request(
          { method: 'tools/call', params: { name: action.mcp.tool, arguments: (input ?? {}) as Record<string, unknown> } },
          CallToolResultSchema,
          { timeout: CALL_TIMEOUT_MS, maxTotalTimeout: CALL_TIMEOUT_MS },
        );
      } catch (err) {
        const f = mcpFailure(err);
        if (!f) throw err;
        return { InvokeActionStatus: 'FAILED', HttpStatusCode: f.status ?? last.status, Output: { Code: f.code, Message: f.message } };
      }
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
  } catch (err) {
    // The session could not be opened: the server answered non-2xx, or not as MCP.
    const f = mcpFailure(err);
    if (!f) throw err;
    return {
      InvokeActionStatus: 'FAILED',
      ...(f.status ? { HttpStatusCode: f.status } : {}),
      Output: { Code: f.code, Message: f.message },
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
      Transport: 'STREAMABLE_HTTP' as const,
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
  async function store(ctx: RequestContext, rec: ConnectorRecord, path: string, enableNew: boolean) {
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
      listed = await listTools(s, rec, path, userOf(ctx));
    } catch (err) {
      // Discovered, but the caller has not signed in (or must again): the server is stored with the tools it had.
      if (authorization && err instanceof ServiceError && err.name === 'AccessTokenNotFoundException') {
        // The tools it had, if it is the same server; none for a server at another path.
        const same = beforeDef?.serverPath === path;
        return storeVersion(ctx, rec, path, enableNew, before, same ? before : [], (same ? beforeSummary : undefined) ?? { Skipped: [] }, authorization, true);
      }
      const f = mcpFailure(err);
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
    return storeVersion(ctx, rec, path, enableNew, before, tools, summary, authorization, false);
  }

  /** Stores `tools` as the next version; what was added and removed. */
  async function storeVersion(
    ctx: RequestContext,
    rec: ConnectorRecord,
    path: string,
    enableNew: boolean,
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
      version = await storeWrite({ key: key(ctx, { AwsAccountId: rec.accountId, ActionConnectorId: rec.id }) }, () =>
        s.store.mcpServers.putMcpServer(
          rec,
          {
            serverPath: path,
            transport: 'STREAMABLE_HTTP',
            tools: JSON.stringify(tools),
            summary: JSON.stringify(summary),
            createdAt: now,
            createdBy: ctx.caller.userArn,
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
    const server = described(rec, version, path, tools, summary, enabled, now, ctx.caller.userArn, authorization);
    return { server: signInRequired ? { ...server, SignInRequired: true } : server, added, removed, removedFromEnabled };
  }

  async function put(ctx: RequestContext, input: IO<'PutActionConnectorMcpServer'>['input']): Promise<IO<'PutActionConnectorMcpServer'>['output']> {
    const rec = await s.perms.require(ctx, key(ctx, input), 'quicksight:UpdateActionConnector');
    requireHttp(rec);
    const path = input.ServerPath ?? '';
    const problem = serverPathProblem(path);
    if (problem) throw validationError([constraint('serverPath', problem)]);
    const r = await store(ctx, rec, path, input.EnableNewActions !== false);
    return { McpServer: r.server, RemovedFromEnabledActions: r.removedFromEnabled };
  }

  async function refresh(ctx: RequestContext, input: IO<'RefreshActionConnectorMcpTools'>['input']): Promise<IO<'RefreshActionConnectorMcpTools'>['output']> {
    const rec = await s.perms.require(ctx, key(ctx, input), 'quicksight:UpdateActionConnector');
    if (rec.mcpServerVersion === null) throw notFound(`Action connector ${rec.id} has no MCP server; PutActionConnectorMcpServer attaches one.`);
    requireHttp(rec);
    const { def } = await currentTools(rec);
    if (!def) throw storedMalformed(rec, rec.mcpServerVersion, 'the version the connector names is not stored');
    const r = await store(ctx, rec, def.serverPath, input.EnableNewActions !== false);
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
