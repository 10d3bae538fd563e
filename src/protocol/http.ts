// The restJson1 protocol layer, derived from the service model: routes from the
// HTTP bindings, decoding of path/query/body members, validation, and encoding
// of results and errors. Operations never see HTTP.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ValidateFunction } from 'ajv';
import { operations, type ActionBridgeApi, type OperationName } from './generated/model.js';
import type { ServiceError } from './errors.js';
import { validatorFor } from './validate.js';
import { parseQuery } from './query.js';
import { API_JSON, decodeJsonBody } from './json-body.js';
import type { RequestContext } from '../domain/types.js';

export interface Binding {
  member: string;
  location: string; // 'uri' | 'querystring' | 'body' | 'header'
  locationName: string;
  type: string;
}

/** One routable operation: the model's, or an extension written in the same style. */
export interface OperationSpec {
  name: string;
  method: string;
  uri: string;
  responseCode: number;
  bindings: readonly Binding[];
  statusCodeMembers: readonly string[];
  validate: ValidateFunction;
  handler: (ctx: RequestContext, input: never) => Promise<object>;
  /** The largest request body this operation takes, when that is more than the server's bodyLimit (InvokeAction's binary content). */
  bodyLimit?: number;
  /** The model's x-cancellable: the entrance gives the operation a signal that fires when the caller goes away (RequestContext.signal). */
  cancellable?: true;
}

/** Every operation of both models (AWS and extensions), routed to its implementation. */
export function operationSpecs(handlers: ActionBridgeApi<RequestContext>): OperationSpec[] {
  return (Object.keys(operations) as OperationName[]).map((name) => {
    const op: (typeof operations)[OperationName] = operations[name];
    return {
      name,
      method: op.method,
      uri: op.uri,
      responseCode: op.responseCode,
      bindings: op.bindings,
      statusCodeMembers: op.statusCodeMembers,
      validate: validatorFor(name),
      handler: handlers[name],
      ...('bodyLimit' in op ? { bodyLimit: op.bodyLimit } : {}),
      ...('cancellable' in op ? { cancellable: true as const } : {}),
    };
  });
}

/**
 * The largest InvokeAction body (the model's x-bodyLimit): an action's binary content travels as
 * base64 in the Input (the largest catalog limit, 5 MiB, is 6.7 MiB of base64; test/actions-connectors
 * checks every catalog fits), with room for the rest of the input.
 */
export const INVOKE_BODY_LIMIT: number = operations.InvokeAction.bodyLimit;

/** `/accounts/{AwsAccountId}/x` → `/accounts/:AwsAccountId/x` */
export const fastifyPath = (uri: string) => uri.split('?')[0]!.replace(/\{(\w+)\+?\}/g, ':$1');

/** Builds the operation input from the request according to the member bindings (validation follows in the pipeline). */
/** Whether an operation has body and query-string members (read once per spec). */
const locations = new WeakMap<OperationSpec, { body: boolean; query: boolean }>();
function locationsOf(spec: OperationSpec): { body: boolean; query: boolean } {
  let l = locations.get(spec);
  if (l === undefined) {
    l = { body: spec.bindings.some((b) => b.location === 'body'), query: spec.bindings.some((b) => b.location === 'querystring') };
    locations.set(spec, l);
  }
  return l;
}

export function decodeInput(spec: OperationSpec, req: FastifyRequest, rawQuery: string): Record<string, unknown> {
  const { body: hasBody, query: hasQuery } = locationsOf(spec);
  // decodeJsonBody's object is a new one (JSON.parse's, or {}): this request's own to fill in.
  const input: Record<string, unknown> = hasBody ? decodeJsonBody(req.body as Buffer | undefined, req.headers['content-type'], API_JSON, true) : {};
  if (hasBody) {
    // Members bound elsewhere are never read from the body.
    for (const b of spec.bindings) if (b.location !== 'body' && Object.hasOwn(input, b.member)) delete input[b.member];
  }
  const params = req.params as Record<string, string>;
  const query = hasQuery ? parseQuery(rawQuery) : {};
  for (const b of spec.bindings) {
    if (b.location === 'uri') {
      input[b.member] = params[b.locationName];
    } else if (b.location === 'querystring') {
      const v = query[b.locationName];
      if (v === undefined) continue;
      if (b.type === 'list') input[b.member] = Array.isArray(v) ? v : [v];
      else {
        const one = Array.isArray(v) ? v[0]! : v;
        input[b.member] =
          b.type === 'integer' && /^-?\d{1,15}$/.test(one) ? Number(one) : b.type === 'boolean' && (one === 'true' || one === 'false') ? one === 'true' : one;
      }
    } else if (b.location === 'header') {
      const v = req.headers[b.locationName.toLowerCase()];
      if (v !== undefined) input[b.member] = v;
    }
  }
  return input;
}

/**
 * Dates become epoch seconds (fractions kept), as restJson1 writes timestamps;
 * the rest is what JSON.stringify would write. Converting a copy first is much
 * cheaper than a replacer function JSON.stringify calls for every member (that was
 * a large part of answering a List of 100; bench/RESULTS.md). Plain objects, class
 * instances and arrays are copied (own enumerable members, as JSON.stringify reads
 * them); an object with its own toJSON is left to JSON.stringify.
 */
function toWire(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return v.getTime() / 1000;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = toWire(v[i]);
    return out;
  }
  if ('toJSON' in v && typeof v.toJSON === 'function') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = toWire((v as Record<string, unknown>)[k]);
  return out;
}

/**
 * Output values written once: an operation that answers the same frozen object again
 * and again (Describe of a connector unchanged since the last commit) registers it here,
 * and its JSON is kept with it (a WeakMap, so it goes with the object). The object must
 * never change after it is registered: register only frozen values.
 */
const wireJson = new WeakMap<object, string | undefined>();

/** Registers a frozen output value whose JSON sendResult may keep (see wireJson). */
export function serializeOnce<T extends object>(value: T): T {
  if (!Object.isFrozen(value)) throw new TypeError('serializeOnce takes frozen values only');
  if (!wireJson.has(value)) wireJson.set(value, undefined);
  return value;
}

/** The JSON of a registered value (written on first use), or undefined for any other value. */
function keptOne(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object' || !wireJson.has(v)) return undefined;
  let json = wireJson.get(v);
  if (json === undefined) {
    json = JSON.stringify(toWire(v));
    wireJson.set(v, json);
  }
  return json;
}

/** keptOne, and for a list whose every item is registered (a page of summaries), the list's JSON from theirs. */
function keptJson(v: unknown): string | undefined {
  if (!Array.isArray(v)) return keptOne(v);
  if (v.length === 0 || !wireJson.has(v[0])) return undefined;
  let json = '[';
  for (let i = 0; i < v.length; i++) {
    const item = keptOne(v[i]);
    if (item === undefined) return undefined;
    json += i ? `,${item}` : item;
  }
  return `${json}]`;
}

export function sendResult(reply: FastifyReply, spec: OperationSpec, requestId: string, output: object): void {
  // The top level copied here, without the members bound to the status code (a `delete`
  // would turn the object into a dictionary, which JSON.stringify writes several times slower).
  const body: Record<string, unknown> = {};
  let kept: Map<string, string> | undefined;
  for (const k of Object.keys(output)) {
    if (spec.statusCodeMembers.includes(k)) continue;
    const v = (output as Record<string, unknown>)[k];
    const json = keptJson(v);
    if (json === undefined) body[k] = toWire(v);
    else {
      kept ??= new Map();
      kept.set(k, json);
      body[k] = null; // holds the member's place (JSON order follows insertion order)
    }
  }
  body.RequestId = requestId;
  let text: string;
  if (kept === undefined) text = JSON.stringify(body);
  else {
    text = '{';
    for (const k of Object.keys(body)) {
      const v = body[k];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue; // as JSON.stringify leaves them out
      text += `${text.length > 1 ? ',' : ''}${JSON.stringify(k)}:${kept.get(k) ?? JSON.stringify(v)}`;
    }
    text += '}';
  }
  reply.code(spec.responseCode).header('content-type', 'application/json').header('x-amzn-RequestId', requestId).send(text);
}

/**
 * The restJson1 error. `withProblems`: a validation failure's broken rules are added as
 * `Problems: [{ Member, Rule, Message }]` (the console API; the SigV4 wire shape the AWS
 * SDKs read stays as AWS writes it).
 */
export function sendError(reply: FastifyReply, requestId: string, e: ServiceError, withProblems = false): void {
  const problems = withProblems && e.problems?.length ? { Problems: e.problems.map((p) => ({ Member: p.member, Rule: p.rule, Message: p.message })) } : {};
  reply
    .code(e.status)
    .header('content-type', 'application/json')
    .header('x-amzn-RequestId', requestId)
    .header('x-amzn-ErrorType', e.name)
    .send(JSON.stringify({ Message: e.message, RequestId: requestId, ...(e.extra ?? {}), ...problems }));
}

export type RouteHandler = (spec: OperationSpec, req: FastifyRequest, reply: FastifyReply) => Promise<void>;
/**
 * Runs before the body is read; answering the request (resolving to the reply) stops it
 * there. Undefined: nothing to wait for (the request goes on at once, without a promise).
 */
export type AdmitHook = (spec: OperationSpec, req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined> | undefined;

/** The body an operation without body members may still carry (an SDK sends `{}`). */
export const NO_BODY_LIMIT = 16 * 1024;

/** The largest body an operation reads: its own limit, the server's, or a small one when it has no body members. */
export function bodyLimitOf(spec: OperationSpec, serverLimit: number): number {
  if (spec.bodyLimit !== undefined) return Math.max(spec.bodyLimit, serverLimit);
  return spec.bindings.some((b) => b.location === 'body') ? serverLimit : Math.min(NO_BODY_LIMIT, serverLimit);
}

export function registerOperations(app: FastifyInstance, specs: readonly OperationSpec[], handle: RouteHandler, admit?: AdmitHook): void {
  for (const spec of specs) {
    app.route({
      method: spec.method as 'GET',
      url: fastifyPath(spec.uri),
      bodyLimit: bodyLimitOf(spec, app.initialConfig.bodyLimit ?? 1024 * 1024),
      ...(admit
        ? {
            onRequest: (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
              const admitted = admit(spec, req, reply);
              if (admitted === undefined) return done();
              admitted.then(
                (answered) => {
                  if (answered !== reply) done();
                },
                (e: unknown) => done(e instanceof Error ? e : new Error(String(e))),
              );
            },
          }
        : {}),
      handler: (req, reply) => handle(spec, req, reply),
    });
  }
}
