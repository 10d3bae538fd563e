// Action catalogs (PRODUCT.md §3): what each connector type can do, as data, and
// the engine that turns an action and its input into a request and its answer
// into an InvokeAction result.
//
//   types.ts      the catalog format          schema.ts, check.ts  its checks
//   mapping.ts    value templates            hooks.ts             named vendor hooks
//   input.ts      input validation           url.ts               paths that stay under BaseEndpoint
//   request.ts    the HTTP request builder   output.ts            the output shaper
//   retry.ts      retries with backoff       invoke-http.ts, invoke-aws.ts   one invocation
//   data/         the catalogs
import { shapeSchemas } from '../protocol/generated/model.js';
import type { ActionConnectorType, ActionDescription } from '../protocol/generated/model.js';
import { catalogProblems } from './check.js';
import { bindOrigins } from './request.js';
import { catalogs as shipped } from './data/index.js';
import type { ActionRequirements, Catalog, CatalogAction, Template } from './types.js';

export type * from './types.js';
export { catalogProblems } from './check.js';
export { catalogSchema, ACTION_ID_PATTERN } from './schema.js';
export { validateActionInput } from './input.js';
export { grantProblem } from './requirements.js';
export { buildHttpRequest, isIdempotent } from './request.js';
export { buildAwsCall, invokeAwsAction, type AwsInvocation } from './invoke-aws.js';
export { invokeHttpAction, type HttpInvocation, type HttpInvocationResult, type OutboundHttpRequest, type UpstreamResponse } from './invoke-http.js';
export { shapeOutput, shapeView, type ResponseView } from './output.js';
export { withRetries, withAwsRetries, nextDelay, parseRetryAfter, isRetryableStatus, defaultRetryPolicy, type RetryPolicy } from './retry.js';

/** The model's ActionConnectorType enum, in model order. */
export const CONNECTOR_TYPES: readonly ActionConnectorType[] = (shapeSchemas as unknown as { $defs: { ActionConnectorType: { enum: ActionConnectorType[] } } })
  .$defs.ActionConnectorType.enum;

let loaded: Map<ActionConnectorType, Catalog> | undefined;

/** The catalog as the engine uses it: the type's default headers folded into each request. */
function prepare(catalog: Catalog): Catalog {
  const prepared = withDefaultHeaders(catalog);
  // Requests naming one of the catalog's origins find it through the action (request.ts).
  for (const a of prepared.actions) bindOrigins(a, catalog.origins);
  return prepared;
}

function withDefaultHeaders(catalog: Catalog): Catalog {
  const defaults = catalog.defaultHeaders;
  if (!defaults) return catalog;
  const withDefaults = (headers: Template | undefined): Template =>
    headers === undefined ? { $literal: defaults } : { $merge: [{ $literal: defaults }, headers] };
  return {
    ...catalog,
    actions: catalog.actions.map((a): CatalogAction => {
      if (!a.request) return a;
      const request = Array.isArray(a.request)
        ? a.request.map((r) => ({ ...r, headers: withDefaults(r.headers) }))
        : { ...a.request, headers: withDefaults(a.request.headers) };
      return { ...a, request };
    }),
  };
}

/**
 * Checks every shipped catalog (format, references, input schemas) and indexes them
 * by type; throws listing every problem. Call at start-up; the accessors below call it
 * on first use.
 */
export function loadCatalogs(list: readonly Catalog[] = shipped): Map<ActionConnectorType, Catalog> {
  const problems: string[] = [];
  const out = new Map<ActionConnectorType, Catalog>();
  for (const c of list) {
    const found = catalogProblems(c, CONNECTOR_TYPES);
    if (found.length) problems.push(...found.map((p) => `${c.Type ?? '?'}${p}`));
    else if (out.has(c.Type)) problems.push(`${c.Type}: more than one catalog`);
    else out.set(c.Type, prepare(c));
  }
  if (problems.length) throw new Error(`Invalid action catalogs:\n  ${problems.join('\n  ')}`);
  if (list === shipped) loaded = out;
  return out;
}

const catalogs = () => loaded ?? loadCatalogs();

/** The shipped catalogs, checked once per process (the server calls it at start-up: a bad catalog stops it). */
export function shippedCatalogs(): Map<ActionConnectorType, Catalog> {
  return catalogs();
}

/** The catalog of a connector type, or undefined when the type has none yet. */
export function catalogFor(type: ActionConnectorType): Catalog | undefined {
  return catalogs().get(type);
}

/** One action of a type's catalog. */
export function findAction(type: ActionConnectorType, actionId: string): CatalogAction | undefined {
  return catalogFor(type)?.actions.find((a) => a.ActionId === actionId);
}

/** EnabledActions of a connector created without the member: the type's whole catalog (at most 100). */
export function defaultEnabledActions(type: ActionConnectorType): string[] {
  return (catalogFor(type)?.actions ?? []).slice(0, 100).map((a) => a.ActionId);
}

/** The ids of `ids` that the type's catalog does not have (Create/Update EnabledActions validation). */
export function unknownActionIds(type: ActionConnectorType, ids: readonly string[]): string[] {
  const known = new Set(defaultEnabledActions(type));
  return ids.filter((id) => !known.has(id));
}

/** ListActionConnectorActions: every action of the type (then the connector's defined actions), with whether the connector enables it. */
export function describeActions(type: ActionConnectorType, enabled: readonly string[], defined: readonly CatalogAction[] = []): ActionDescription[] {
  const on = new Set(enabled);
  const all = defined.length ? [...(catalogFor(type)?.actions ?? []), ...defined] : (catalogFor(type)?.actions ?? []);
  return all.map((a) => {
    const d: ActionDescription = { ActionId: a.ActionId, Name: a.Name, Description: a.Description, InputSchema: a.InputSchema, Enabled: on.has(a.ActionId) };
    const requirements = describeRequirements(a.requires);
    if (requirements) d.Requirements = requirements;
    if (a.Examples?.length) d.Examples = a.Examples.map((e) => ({ Title: e.Title, Input: e.Input }));
    if (a.reference) d.Reference = a.reference;
    // An MCP server's tool (src/ops/mcp-servers.ts): its annotations, as the server gave them.
    const annotations = (a as { mcp?: { annotations?: ActionDescription['Annotations'] } }).mcp?.annotations;
    if (annotations) d.Annotations = annotations;
    return d;
  });
}

/** An action's `requires` as the model spells it (ActionRequirements); undefined when it says nothing. */
export function describeRequirements(r: ActionRequirements | undefined): ActionDescription['Requirements'] {
  if (!r) return undefined;
  const out: NonNullable<ActionDescription['Requirements']> = {};
  if (r.grant) out.Grant = r.grant === 'delegated' ? 'DELEGATED' : 'APPLICATION';
  if (r.scopes?.length) out.Scopes = [...r.scopes];
  if (r.rateLimit) out.RateLimit = r.rateLimit;
  return Object.keys(out).length ? out : undefined;
}
