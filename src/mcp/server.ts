// One MCP server (a session): tools/list and tools/call over the user's action
// connectors, and notifications/tools/list_changed when that list changes. The
// transport (Streamable HTTP at /mcp, or stdio) is the caller's business.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type ServerNotification,
  type ServerRequest,
} from '@modelcontextprotocol/sdk/types.js';
import { errorMessage, errorName } from '../error-text.js';
import { callTool, listTools, toolsFingerprint, type McpBackend, type McpTool, type ToolResult } from './tools.js';

export type HandlerExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

export interface McpSessionOptions {
  /** The backend acting as the user of this request (for HTTP: the request's bearer token, checked again). */
  backend(extra: HandlerExtra): Promise<McpBackend>;
  /**
   * The backend for a background look for changes of the tool list; undefined when the
   * session's credentials are no longer valid (the session is then closed).
   */
  watchBackend?(): Promise<McpBackend | undefined>;
  /** How often to look for changes of the tool list, in ms (0: never). Default 30 s. */
  watchIntervalMs?: number;
  /** Called once when the session ends on its own (credentials gone). */
  onExpired?(): void;
  version: string;
  log?(level: 'warn' | 'info', obj: Record<string, unknown>, msg: string): void;
  /**
   * Where the tool names this server has shown are kept (default: in this server). Over
   * HTTP each request has a server of its own, so the names live in one bounded memory
   * of the node instead (src/server/mcp-http.ts).
   */
  known?: KnownTools;
  /**
   * The client's audit label when this server did not see the client's initialize (a
   * stateless request over HTTP: the label travels in the Mcp-Session-Id). Default: from
   * the initialize this server answered.
   */
  clientLabel?: string;
  /** Called when a call was refused in a way that hints at a changed tool list (besides looking in this server). */
  onListMayHaveChanged?(): void;
}

/** The tools a client has been shown, by name: what a name calls. */
export interface KnownTools {
  get(name: string): KnownTool | undefined;
  remember(tools: readonly McpTool[]): void;
}
export type KnownTool = Pick<McpTool, 'connectorId' | 'actionId' | 'name'>;

/** A KnownTools of at most `max` names (the oldest are forgotten first). */
export function knownTools(max = 10_000): KnownTools {
  const known = new Map<string, KnownTool>();
  return {
    get: (name) => known.get(name),
    remember(tools) {
      for (const t of tools) {
        known.delete(t.name);
        known.set(t.name, { name: t.name, connectorId: t.connectorId, actionId: t.actionId });
      }
      // bounded: forget the oldest names (a Map iterates in insertion order; deleting while iterating is safe)
      for (const k of known.keys()) {
        if (known.size <= max) break;
        known.delete(k);
      }
    },
  };
}

const INSTRUCTIONS =
  'Each tool performs one action through an ActionBridge action connector (Jira, Slack, ServiceNow, any HTTPS API, ...) ' +
  "as the signed-in user, with that user's permissions. A tool that needs the user to sign in to the service first answers with a URL to open.";

export interface McpSession {
  server: Server;
  /** Looks for a change of the tool list now and notifies the client when there is one. */
  checkForChanges(): Promise<void>;
  /**
   * Takes the tool list as it is now as the one the client has seen (without telling
   * the client), so that later changes are notified: for a server that did not answer
   * the client's tools/list itself (an event stream over HTTP).
   */
  watchFromNow(): Promise<void>;
  close(): Promise<void>;
}

/** The name the MCP client gave in `initialize` (clientInfo), for the audit record: `mcp:<name>/<version>`. */
export function clientLabel(server: Server): string {
  return labelOf(server.getClientVersion());
}

/** The audit label of a client's self-description (initialize's clientInfo): printable ASCII, bounded. */
export function labelOf(v: { name?: unknown; version?: unknown } | undefined): string {
  const clean = (s: unknown) => (typeof s === 'string' ? s : '').replace(/[^\x20-\x7e]/g, '').slice(0, 100);
  return v && clean(v.name) ? `mcp:${clean(v.name)}${clean(v.version) ? `/${clean(v.version)}` : ''}` : 'mcp:unknown';
}

/**
 * One JSON Schema validator for every server: the SDK builds a new Ajv per Server by
 * default (most of the cost of a Server; over HTTP there is one per request), and uses it
 * only to check elicitation answers, which these servers never ask for.
 */
let validator: AjvJsonSchemaValidator | undefined;

export function createMcpSession(opts: McpSessionOptions): McpSession {
  validator ??= new AjvJsonSchemaValidator();
  const server = new Server(
    { name: 'actionbridge', title: 'ActionBridge action connectors', version: opts.version },
    { capabilities: { tools: { listChanged: true } }, instructions: INSTRUCTIONS, jsonSchemaValidator: validator },
  );
  /** Every tool name this session has shown, with what it calls: a tool that vanished still reaches InvokeAction (and its permission check). */
  const known = opts.known ?? knownTools();
  let shown: string | undefined;
  let closed = false;

  const remember = (tools: McpTool[]) => known.remember(tools);

  server.setRequestHandler(ListToolsRequestSchema, async (_req, extra) => {
    let tools: McpTool[];
    try {
      tools = await listTools(await opts.backend(extra));
    } catch (e) {
      throw asMcpError(e);
    }
    remember(tools);
    shown = toolsFingerprint(tools);
    return {
      tools: tools.map((t) => ({
        name: t.name,
        title: t.title,
        description: t.description,
        inputSchema: t.inputSchema,
        ...(t.annotations ? { annotations: t.annotations } : {}),
      })),
    };
  });

  server.setRequestHandler(CallToolRequestSchema, async (req, extra): Promise<ToolResult> => {
    const { name } = req.params;
    const args = req.params.arguments ?? {};
    let backend: McpBackend;
    try {
      backend = await opts.backend(extra);
    } catch (e) {
      return { content: [{ type: 'text', text: `${errorName(e)}: ${errorMessage(e)}` }], isError: true };
    }
    let tool = known.get(name);
    if (!tool) {
      // A client may call without listing first (or after a restart of this server).
      try {
        remember(await listTools(backend));
      } catch (e) {
        return { content: [{ type: 'text', text: `The tools could not be listed: ${errorName(e)}: ${errorMessage(e)}` }], isError: true };
      }
      tool = known.get(name);
    }
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}. List the tools to see what this user can do.`);
    // extra.signal aborts when the MCP client cancels the call (notifications/cancelled) or its session closes.
    const result = await callTool(backend, tool, args, opts.clientLabel ?? clientLabel(server), extra.signal);
    const err = result.structuredContent?.Error;
    // A refused or vanished connector hints that the list changed: look now rather than at the next tick.
    if (err === 'AccessDeniedException' || err === 'ResourceNotFoundException') {
      void checkForChanges();
      opts.onListMayHaveChanged?.();
    }
    return result;
  });

  let checking: Promise<void> | undefined;
  const look = (baseline: boolean): Promise<void> => {
    if (checking || closed || (shown === undefined && !baseline) || !opts.watchBackend) return checking ?? Promise.resolve();
    checking = (async () => {
      try {
        const backend = await opts.watchBackend!();
        if (!backend) {
          opts.onExpired?.();
          return;
        }
        const tools = await listTools(backend);
        const fp = toolsFingerprint(tools);
        if (baseline) {
          remember(tools);
          shown = fp;
        } else if (fp !== shown && !closed) {
          remember(tools);
          shown = fp;
          await server.sendToolListChanged();
        }
      } catch (e) {
        opts.log?.('warn', { err: { type: errorName(e), message: errorMessage(e) } }, 'mcp: looking for tool list changes failed');
      } finally {
        checking = undefined;
      }
    })();
    return checking;
  };
  const checkForChanges = () => look(false);

  const every = opts.watchIntervalMs ?? 30_000;
  const timer =
    every > 0
      ? setInterval(() => {
          void checkForChanges();
        }, every)
      : undefined;
  timer?.unref();

  return {
    server,
    checkForChanges,
    watchFromNow: () => look(true),
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      await server.close().catch(() => {});
    },
  };
}

/** A failure of tools/list as a JSON-RPC error with the server's error name and message (never a dropped session). */
function asMcpError(e: unknown): McpError {
  if (e instanceof McpError) return e;
  const name = errorName(e) ?? 'Error';
  const message = errorMessage(e) ?? String(e);
  return new McpError(ErrorCode.InternalError, `${name}: ${message}`, { ErrorType: name });
}
