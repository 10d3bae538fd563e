// MCP tools from action connectors: one tool per enabled action of each connector
// the user may invoke. Shared by the /mcp endpoint (in process) and the stdio mode
// (through the client library): both fill McpBackend.
import { createHash } from 'node:crypto';
import type { ActionConnectorSummary, ActionDescription, OperationTypes } from '../protocol/generated/types.js';
import { errorMessage, errorName } from '../error-text.js';

/** A connector as the MCP layer lists it (the members of ActionConnectorSummary it uses). */
export type McpConnector = Pick<ActionConnectorSummary, 'ActionConnectorId' | 'Name' | 'Type'>;

/** One action of a connector: ListActionConnectorActions' ActionDescription (generated from the model). */
export type McpAction = ActionDescription;

/** What InvokeAction answers (generated from the model); InvocationId only from servers that record invocations. */
export type McpInvokeResult = Omit<OperationTypes['InvokeAction']['output'], 'InvocationId'> & { InvocationId?: string };

/**
 * What the MCP layer needs from ActionBridge, as one user. Errors are thrown with the
 * server's error name in `name` (ServiceError in process, ActionBridgeError remotely).
 */
export interface McpBackend {
  /** Every connector the user may see. */
  listConnectors(): Promise<McpConnector[]>;
  /** The connector's actions (needs quicksight:ListActionConnectorActions). */
  listActions(connectorId: string): Promise<McpAction[]>;
  /** Whether the user may invoke the connector's actions; undefined when it cannot be known before trying. */
  mayInvoke?(connectorId: string): Promise<boolean | undefined>;
  /** InvokeAction as the user; `client` names the MCP client for the audit record; `signal`: the MCP client cancelled the call. */
  invoke(connectorId: string, actionId: string, input: Record<string, unknown>, client: string, signal?: AbortSignal): Promise<McpInvokeResult>;
  /** StartActionConnectorAuthorization as the user. */
  authorize(connectorId: string): Promise<OperationTypes['StartActionConnectorAuthorization']['output']>;
}

export interface McpTool {
  name: string;
  title: string;
  description: string;
  inputSchema: { type: 'object'; [k: string]: unknown };
  /** A remote MCP server's tool (ActionDescription.Annotations): its hints, passed on as MCP spells them. */
  annotations?: { readOnlyHint?: boolean; destructiveHint?: boolean; idempotentHint?: boolean; openWorldHint?: boolean };
  connectorId: string;
  actionId: string;
}

export const MAX_TOOL_NAME = 64;
const VALID = /^[A-Za-z0-9_-]+$/;

/**
 * The tool name of (connector, action): `<connector id>__<action id>`, which is valid as
 * it is for the usual ids. Otherwise (characters outside [A-Za-z0-9_-], or longer than
 * 64) the sanitized, shortened form with a hash of the exact pair: the name depends on
 * the pair only, so it is stable, and two pairs never share one.
 */
export function toolName(connectorId: string, actionId: string): string {
  const plain = `${connectorId}__${actionId}`;
  if (plain.length <= MAX_TOOL_NAME && VALID.test(plain)) return plain;
  const hash = createHash('sha256').update(`${connectorId}\u0000${actionId}`).digest('hex').slice(0, 8);
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '_');
  const c = clean(connectorId);
  const a = clean(actionId);
  const room = MAX_TOOL_NAME - hash.length - 1 - 2; // '_' + hash, and the '__' separator
  // Keep the action readable (at least 20 characters of it); the connector id gives way first.
  const aLen = Math.min(a.length, Math.max(20, room - c.length));
  const cLen = Math.min(c.length, room - aLen);
  return `${c.slice(0, cLen)}__${a.slice(0, aLen)}_${hash}`;
}

export function toolFor(c: McpConnector, a: McpAction): McpTool {
  const schema = a.InputSchema && typeof a.InputSchema === 'object' ? a.InputSchema : {};
  const inputSchema = { ...schema, type: 'object' as const };
  return {
    name: toolName(c.ActionConnectorId, a.ActionId),
    title: `${a.Name} (${c.Name})`,
    description: `${a.Name}: ${a.Description}\n\nRuns action ${a.ActionId} on action connector "${c.Name}" (id ${c.ActionConnectorId}, type ${c.Type}) with your own permissions and sign-in.${details(a)}`,
    inputSchema,
    ...annotationsOf(a),
    connectorId: c.ActionConnectorId,
    actionId: a.ActionId,
  };
}

/** ActionDescription.Annotations as MCP's tool annotations (the hints only; the title is the tool's own). */
function annotationsOf(a: McpAction): Pick<McpTool, 'annotations'> {
  const x = a.Annotations;
  if (!x) return {};
  const out: NonNullable<McpTool['annotations']> = {};
  if (x.ReadOnlyHint !== undefined) out.readOnlyHint = x.ReadOnlyHint;
  if (x.DestructiveHint !== undefined) out.destructiveHint = x.DestructiveHint;
  if (x.IdempotentHint !== undefined) out.idempotentHint = x.IdempotentHint;
  if (x.OpenWorldHint !== undefined) out.openWorldHint = x.OpenWorldHint;
  return Object.keys(out).length ? { annotations: out } : {};
}

/** Examples shown in a tool's description at most, and the longest input shown of one. */
const MAX_EXAMPLES = 2;
const MAX_EXAMPLE_TEXT = 600;

/** The action's requirements, examples and reference page, as paragraphs of a tool description (MCP has no members for them). */
function details(a: McpAction): string {
  const parts: string[] = [];
  const r = a.Requirements;
  if (r) {
    const needs: string[] = [];
    if (r.Grant === 'DELEGATED') needs.push('a signed-in user (delegated grant): an app-only connector cannot run it');
    if (r.Grant === 'APPLICATION') needs.push('an app-only (application) grant: a signed-in user connector cannot run it');
    if (r.Scopes?.length) needs.push(`the vendor permission${r.Scopes.length > 1 ? 's' : ''} ${r.Scopes.join(', ')}`);
    if (needs.length) parts.push(`Requires ${needs.join('; ')}.`);
    if (r.RateLimit) parts.push(`Vendor rate limit: ${r.RateLimit}.`);
  }
  for (const e of (a.Examples ?? []).slice(0, MAX_EXAMPLES)) {
    const input = JSON.stringify(e.Input);
    if (input.length <= MAX_EXAMPLE_TEXT) parts.push(`Example (${e.Title}): ${input}`);
  }
  if (a.Reference) parts.push(`Vendor reference: ${a.Reference}`);
  return parts.length ? `\n\n${parts.join('\n')}` : '';
}

/** Errors that mean "this connector offers the user no tools", not "listing failed". */
const SKIP = new Set(['AccessDeniedException', 'ResourceNotFoundException', 'AccessTokenNotFoundException', 'TokenResponseException']);

/** The user's tools: connectors they may see, minus those they may not invoke or list the actions of; enabled actions only. */
export async function listTools(backend: McpBackend, concurrency = 8): Promise<McpTool[]> {
  const connectors = await backend.listConnectors();
  const perConnector: McpTool[][] = new Array(connectors.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < connectors.length; i = next++) {
      const c = connectors[i]!;
      perConnector[i] = [];
      try {
        if ((await backend.mayInvoke?.(c.ActionConnectorId)) === false) continue;
        const actions = await backend.listActions(c.ActionConnectorId);
        perConnector[i] = actions.filter((a) => a.Enabled).map((a) => toolFor(c, a));
      } catch (e) {
        const skipped = errorName(e);
        if (skipped === undefined || !SKIP.has(skipped)) throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, connectors.length) }, worker));
  const tools = perConnector.flat();
  // Names are unique by construction; a clash (a sanitized pair equal to a plain one) keeps the first.
  const seen = new Set<string>();
  return tools.filter((t) => {
    if (seen.has(t.name)) return false;
    seen.add(t.name);
    return true;
  });
}

/** A fingerprint of a tool list: changes when any tool appears, disappears or changes. */
export function toolsFingerprint(tools: McpTool[]): string {
  const h = createHash('sha256');
  for (const t of [...tools].sort((x, y) => (x.name < y.name ? -1 : 1)))
    h.update(JSON.stringify([t.name, t.title, t.description, t.inputSchema, t.annotations ?? null])).update('\n');
  return h.digest('hex');
}

export interface ToolResult {
  [k: string]: unknown;
  content: { type: 'text'; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

const text = (t: string, isError: boolean, structured?: Record<string, unknown>): ToolResult => ({
  content: [{ type: 'text', text: t }],
  ...(structured ? { structuredContent: structured } : {}),
  ...(isError ? { isError: true } : {}),
});

const MAX_TEXT = 200_000;
const render = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v ?? null, null, 2);
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}\n… (${s.length - MAX_TEXT} more characters cut)` : s;
};

/** Calls the tool's action and turns every outcome into a tool result; never throws. */
export async function callTool(
  backend: McpBackend,
  tool: Pick<McpTool, 'connectorId' | 'actionId' | 'name'>,
  args: Record<string, unknown>,
  client: string,
  signal?: AbortSignal,
): Promise<ToolResult> {
  try {
    const r = await backend.invoke(tool.connectorId, tool.actionId, args, client, signal);
    const structured = {
      InvokeActionStatus: r.InvokeActionStatus,
      HttpStatusCode: r.HttpStatusCode,
      Output: r.Output,
      ...(r.InvocationId ? { InvocationId: r.InvocationId } : {}),
    };
    if (r.InvokeActionStatus === 'SUCCESS') return text(render(r.Output), false, structured);
    return text(
      `The action ran, but the service answered${r.HttpStatusCode ? ` HTTP ${r.HttpStatusCode}` : ' with a failure'}:\n${render(r.Output)}`,
      true,
      structured,
    );
  } catch (e) {
    return errorResult(backend, tool, e);
  }
}

async function errorResult(backend: McpBackend, tool: Pick<McpTool, 'connectorId' | 'actionId' | 'name'>, e: unknown): Promise<ToolResult> {
  const name = errorName(e) ?? 'Error';
  const message = errorMessage(e) ?? String(e);
  const where = `action ${tool.actionId} on connector ${tool.connectorId}`;
  switch (name) {
    case 'AccessTokenNotFoundException': {
      try {
        const a = await backend.authorize(tool.connectorId);
        return text(
          `You need to sign in to connector ${tool.connectorId} before this tool can act for you. ` +
            `Open this URL in a browser (it is meant for you only) and complete the sign-in before ${a.ExpiresAt.toISOString()}, then call the tool again:\n${a.AuthorizationUrl}`,
          true,
          { Error: name, AuthorizationUrl: a.AuthorizationUrl, ExpiresAt: a.ExpiresAt.toISOString() },
        );
      } catch (e2) {
        return text(
          `You need to sign in to connector ${tool.connectorId} first (${message}), but starting the sign-in failed: ${errorName(e2)}: ${errorMessage(e2)}`,
          true,
          { Error: name },
        );
      }
    }
    case 'AccessDeniedException':
      return text(`Not permitted: ${message} (Your permissions on the connector may have changed; list the tools again.)`, true, { Error: name });
    case 'ResourceNotFoundException':
      return text(`Not found: ${message} (The connector or action may have been removed; list the tools again.)`, true, { Error: name });
    case 'InvalidParameterValueException':
      return text(`The input was not accepted for ${where}: ${message}`, true, { Error: name });
    case 'ThrottlingException':
      return text(`Too many requests right now: ${message} Try again in a moment.`, true, { Error: name });
    case 'TokenResponseException':
      return text(`The connector's sign-in service refused or could not be reached: ${message}`, true, { Error: name });
    default:
      return text(`${where} failed: ${name}: ${message}`, true, { Error: name });
  }
}
