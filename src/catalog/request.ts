// The request builder: (action, BaseEndpoint, validated input) → {method, url, headers, body}.
// Credentials are not its business: the caller adds them to the built request.
import { evaluate, isRef, lookup, MappingError } from './mapping.js';
import { refMember } from './input.js';
import { encodeMultipart } from './multipart.js';
import {
  HTTP_METHODS,
  type BodyTemplate,
  type BuiltRequest,
  type CatalogAction,
  type CatalogOrigin,
  type HttpMethod,
  type HttpRequestTemplate,
  type Template,
} from './types.js';
import {
  assertUnderBase,
  type Base,
  encodeComponent,
  encodeQueryName,
  encodeSegment,
  memberError,
  parseBaseEndpoint,
  relativePath,
  scalarText,
} from './url.js';

/** Placeholders of a path template: `{Member}`, `{Member|odata}`, `{+Member}`. */
export const PLACEHOLDER = /\{(\+?)([A-Za-z][A-Za-z0-9_]*)(\|odata)?\}/g;

/** Headers that input (or a catalog) never sets: credentials, routing, and the transport's own. */
const FORBIDDEN_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'host',
  'cookie',
  'cookie2',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'content-length',
  'expect',
  // A partial answer: a service that applies a range to a reflected request would hand
  // back a credential a few bytes at a time, which no scrubbing can recognise.
  'range',
  'if-range',
]);
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters but tab are refused in header values
const HEADER_VALUE_BAD = /[\u0000-\u0008\u000a-\u001f\u007f]/;
// HTTP/1.1 carries header values as bytes (ISO-8859-1 at most): nothing above U+00FF can be sent.
const HEADER_VALUE_WIDE = /[\u0100-\uffff]/;

export function isForbiddenHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return FORBIDDEN_HEADERS.has(lower) || lower.startsWith('proxy-');
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** Whether a built request may be retried on 429/5xx. */
export function isIdempotent(action: CatalogAction, method: string): boolean {
  return action.idempotent === 'by-method' ? IDEMPOTENT_METHODS.has(method) : action.idempotent;
}

/** The request variant that applies: the first whose `when` member is present, or the one without `when`. */
export function selectRequest(action: CatalogAction, input: Record<string, unknown>): HttpRequestTemplate {
  const variants = Array.isArray(action.request) ? action.request : action.request ? [action.request] : [];
  const applies = (v: HttpRequestTemplate) =>
    v.when === undefined || (Array.isArray(v.when) ? v.when : [v.when]).every((ref) => lookup(ref, input) !== undefined);
  const chosen = variants.find(applies);
  if (!chosen) throw new TypeError(`action ${action.ActionId} has no HTTP request for this input`);
  return chosen;
}

// The origins of each loaded action's catalog (index.ts binds them when it loads the catalogs).
const actionOrigins = new WeakMap<CatalogAction, Readonly<Record<string, CatalogOrigin>>>();

/** Ties an action to its catalog's origins, for requests that name one (`origin`). */
export function bindOrigins(action: CatalogAction, origins: Readonly<Record<string, CatalogOrigin>> | undefined): void {
  if (origins) actionOrigins.set(action, origins);
}

/** Builds the HTTP request of an action from input already validated against its InputSchema. */
export function buildHttpRequest(action: CatalogAction, baseEndpoint: string, input: Record<string, unknown>): BuiltRequest {
  const connectorBase = parseBaseEndpoint(baseEndpoint);
  const tpl = selectRequest(action, input);
  try {
    const method = methodOf(tpl, input);
    let base = connectorBase;
    let credentials = true;
    let url: string;
    if (tpl.origin !== undefined) {
      const spec = actionOrigins.get(action)?.[tpl.origin];
      if (!spec) throw new TypeError(`action ${action.ActionId} names origin ${tpl.origin}, which its catalog does not declare`);
      credentials = spec.credentials && tpl.url === undefined;
      if (tpl.url === undefined) base = originBase(spec, baseEndpoint);
    }
    if (tpl.url !== undefined) {
      url = handedOutUrl(tpl.url, input, actionOrigins.get(action)![tpl.origin!]!, connectorBase);
    } else {
      const path = base.prefix + fillPath(tpl.path, input);
      const query = queryString(tpl.query, input);
      url = `${base.origin}${path}${query ? `?${query}` : ''}`;
      assertUnderBase(url, base, path);
    }

    const headers = headerMap(tpl.headers, input);
    let body: string | Buffer | undefined;
    if (tpl.body) {
      const built = buildBody(tpl.body, input);
      if (built) {
        if (method === 'GET' || method === 'HEAD') throw memberError('input.body', `Member must be absent for a ${method} request`);
        body = built.body;
        const size = built.contentBytes ?? (Buffer.isBuffer(body) ? body.length : undefined);
        if (action.binary && size !== undefined && size > action.binary.maxBytes) {
          throw memberError('input', `Binary content must be at most ${action.binary.maxBytes} bytes`);
        }
        // A multipart body's Content-Type carries its boundary: nothing may replace it.
        if (built.contentType && (built.ownContentType || !('content-type' in headers))) headers['content-type'] = built.contentType;
      }
    }
    const out: BuiltRequest = { method, url, headers, body, credentials };
    if (tpl.csrfTokenPath !== undefined) {
      const csrfPath = base.prefix + tpl.csrfTokenPath;
      out.csrfTokenUrl = `${base.origin}${csrfPath}`;
      assertUnderBase(out.csrfTokenUrl, base, csrfPath);
    }
    return out;
  } catch (err) {
    if (err instanceof MappingError) throw memberError('input', err.message);
    throw err;
  }
}

/**
 * The base of a catalog origin for this connector: its `url`, or, when the BaseEndpoint's
 * host matches `fromBaseHost.match`, that host rewritten (with the BaseEndpoint's port).
 */
function originBase(spec: CatalogOrigin, baseEndpoint: string): Base {
  let url = spec.url!;
  if (spec.fromBaseHost) {
    const b = new URL(baseEndpoint);
    const match = new RegExp(`^(?:${spec.fromBaseHost.match})$`);
    if (match.test(b.hostname)) {
      const host = b.hostname.replace(match, spec.fromBaseHost.host);
      url = `https://${host}${b.port ? `:${b.port}` : ''}${new URL(spec.url!).pathname.replace(/\/+$/, '')}`;
    }
  }
  return parseBaseEndpoint(url);
}

/** Whether a host name is one a pattern allows: the name itself, or `*.domain` for names ending in `.domain`. */
export function hostAllowed(host: string, pattern: string): boolean {
  return pattern.startsWith('*.') ? host.length > pattern.length - 1 && host.endsWith(pattern.slice(1)) : host === pattern;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused in a handed-out URL
const URL_BAD = /[\u0000-\u0020\u007f\\]/;

/**
 * A URL the vendor handed out (an upload URL), from input: https, no credentials or
 * fragment, no dot segments or encoded slashes, dots or backslashes in its path, on one
 * of the origin's hosts (default port, or the BaseEndpoint's) and under one of its paths.
 */
function handedOutUrl(ref: string, input: Record<string, unknown>, spec: CatalogOrigin, connectorBase: Base): string {
  const member = refMember(ref);
  const value = lookup(ref, input);
  const where = `${spec.hosts!.join(', ')}${spec.paths ? ` under ${spec.paths.join(', ')}` : ''}`;
  const refuse = (why: string) => memberError(member, `Member must be a URL the vendor handed out, on ${where} (${why})`);
  if (typeof value !== 'string') throw refuse('not a string');
  if (URL_BAD.test(value)) throw refuse('no spaces, controls or backslashes');
  if (value.includes('#')) throw refuse('no fragment');
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw refuse('not a URL');
  }
  if (u.protocol !== 'https:') throw refuse('https only');
  if (u.username || u.password) throw refuse('no credentials in the URL');
  const rawPath = value
    .slice(value.indexOf('//') + 2)
    .replace(/^[^/?]*/, '')
    .split('?')[0]!;
  if (rawPath.split('/').some((seg) => seg === '.' || seg === '..') || /%(?:2e|2f|5c)/i.test(rawPath)) {
    throw refuse('no dot segments or encoded dots and slashes in its path');
  }
  if (!spec.hosts!.some((p) => hostAllowed(u.hostname, p))) throw refuse(`not on ${u.hostname}`);
  const basePort = new URL(connectorBase.origin).port;
  if (u.port !== '' && u.port !== basePort) throw refuse(`not on port ${u.port}`);
  if (spec.paths && !spec.paths.some((p) => u.pathname.startsWith(p))) throw refuse(`not under ${u.pathname}`);
  return u.href;
}

function methodOf(tpl: HttpRequestTemplate, input: Record<string, unknown>): HttpMethod {
  const value = isRef(tpl.method) ? lookup(tpl.method, input) : tpl.method;
  const upper = typeof value === 'string' ? value.toUpperCase() : undefined;
  const method = HTTP_METHODS.find((m) => m === upper);
  if (!method) {
    throw memberError(isRef(tpl.method) ? refMember(tpl.method) : 'method', `Member must satisfy enum value set: [${HTTP_METHODS.join(', ')}]`);
  }
  return method;
}

/** A path template cut once into its literal text and its placeholders (fillPath). */
type PathPart = string | { name: string; member: string; plus: boolean; odata: boolean };

// The templates are the catalogs' own and the API definitions' (bounded, like refMember's names).
const pathParts = new Map<string, readonly PathPart[]>();
const MAX_PATH_TEMPLATES = 4096;

function partsOf(template: string): readonly PathPart[] {
  let parts = pathParts.get(template);
  if (parts === undefined) {
    const out: PathPart[] = [];
    let at = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      if (m.index > at) out.push(template.slice(at, m.index));
      out.push({ name: m[2]!, member: refMember(`$.${m[2]!}`), plus: m[1] === '+', odata: m[3] !== undefined });
      at = m.index + m[0].length;
    }
    if (at < template.length) out.push(template.slice(at));
    parts = out;
    if (pathParts.size >= MAX_PATH_TEMPLATES) pathParts.clear();
    pathParts.set(template, parts);
  }
  return parts;
}

/** The path template with each placeholder filled from input (see types.ts for the forms). */
export function fillPath(template: string, input: Record<string, unknown>): string {
  let path = '';
  for (const part of partsOf(template)) {
    if (typeof part === 'string') {
      path += part;
      continue;
    }
    const value = input[part.name];
    if (value === undefined || value === null) throw memberError(part.member, 'Member must not be null');
    const text = scalarText(value, part.member);
    path += part.plus ? relativePath(text, part.member) : encodeSegment(text, part.member, part.odata);
  }
  return path;
}

function queryString(template: Template | undefined, input: Record<string, unknown>): string {
  if (template === undefined) return '';
  const value = evaluate(template, input);
  if (value === undefined) return '';
  const member = typeof template === 'string' ? refMember(template) : 'input';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw memberError(member, 'Member must be a map of query parameters');
  const parts: string[] = [];
  for (const [name, v] of Object.entries(value)) {
    if (name === '') throw memberError(member, 'Query parameter names must not be empty');
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item === undefined || item === null) continue;
      parts.push(`${encodeQueryName(name)}=${encodeComponent(scalarText(item, `${member}.${name}`))}`);
    }
  }
  return parts.join('&');
}

/** Where a header came from, for messages: the input member it was read from, if any. */
function headerSource(template: Template | undefined, name: string): string | undefined {
  if (typeof template === 'string') return isRef(template) ? refMember(template) : undefined;
  if (typeof template !== 'object' || template === null || Array.isArray(template)) return undefined;
  if (Array.isArray(template.$merge)) {
    for (const sub of [...template.$merge].reverse()) {
      const found = headerSource(sub, name);
      if (found) return found;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(template)) {
    if (k.toLowerCase() === name.toLowerCase() && typeof v === 'string' && isRef(v)) return refMember(v);
  }
  return undefined;
}

function headerMap(template: Template | undefined, input: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  if (template === undefined) return headers;
  const value = evaluate(template, input);
  if (value === undefined) return headers;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw memberError(headerSource(template, '') ?? 'input.headers', 'Member must be a map of header names to values');
  }
  for (const [name, v] of Object.entries(value)) {
    const member = headerSource(template, name) ?? 'input.headers';
    if (!TOKEN.test(name)) throw memberError(member, 'Header names must be HTTP tokens (no spaces, colons or control characters)');
    if (isForbiddenHeader(name)) {
      const lower = name.toLowerCase();
      throw memberError(
        member,
        lower === 'range' || lower === 'if-range'
          ? `Member must not set the ${lower} header: a partial answer could carry a fragment of the connector's credentials`
          : `Member must not set the ${lower} header: credentials, Host, Cookie, Proxy-* and hop-by-hop headers belong to the connector`,
      );
    }
    if (v === undefined || v === null) continue;
    const text = Array.isArray(v) ? v.map((x) => scalarText(x, member)).join(', ') : scalarText(v, member);
    if (HEADER_VALUE_BAD.test(text)) throw memberError(member, 'Header values must not contain CR, LF or other control characters');
    if (HEADER_VALUE_WIDE.test(text)) throw memberError(member, `The value of header ${name} must be ISO-8859-1 text: no characters above U+00FF`);
    headers[name.toLowerCase()] = text;
  }
  return headers;
}

const DEFAULT_CONTENT_TYPE: Record<BodyTemplate['encoding'], string> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  text: 'text/plain; charset=utf-8',
  base64: 'application/octet-stream',
  auto: 'application/json',
  multipart: 'multipart/form-data',
};

interface BuiltBody {
  body: string | Buffer;
  contentType?: string;
  /** The Content-Type is the body's own (multipart's boundary): it replaces any header. */
  ownContentType?: boolean;
  /** The size a binary limit applies to, when it is not the whole body's (multipart: the parts' contents). */
  contentBytes?: number;
}

function buildBody(spec: BodyTemplate, input: Record<string, unknown>): BuiltBody | undefined {
  const value = evaluate(spec.value, input);
  if (value === undefined) return undefined;
  if (spec.encoding === 'multipart') {
    const built = encodeMultipart(value);
    return { body: built.body, contentType: built.contentType, ownContentType: true, contentBytes: built.contentBytes };
  }
  const evaluated = spec.contentType === undefined ? undefined : evaluate(spec.contentType, input);
  if (evaluated !== undefined && (typeof evaluated !== 'string' || HEADER_VALUE_BAD.test(evaluated) || HEADER_VALUE_WIDE.test(evaluated))) {
    throw memberError('input.contentType', 'Member must be a media type without control characters or characters above U+00FF');
  }
  const given = typeof evaluated === 'string' ? evaluated : undefined;
  let contentType = given ?? DEFAULT_CONTENT_TYPE[spec.encoding];
  switch (spec.encoding) {
    case 'json':
      return { body: JSON.stringify(value), contentType };
    case 'form': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw memberError('input', 'A form body must be an object');
      const parts: string[] = [];
      for (const [k, v] of Object.entries(value)) {
        if (v === undefined || v === null) continue;
        const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
        parts.push(`${encodeComponent(k)}=${encodeComponent(text)}`);
      }
      return { body: parts.join('&'), contentType };
    }
    case 'text':
      return { body: typeof value === 'string' ? value : JSON.stringify(value), contentType };
    case 'base64': {
      if (Buffer.isBuffer(value)) return { body: value, contentType };
      const decoded = evaluate({ $fromBase64: { $literal: value } } as Template, input) as Buffer;
      return { body: decoded, contentType };
    }
    case 'auto':
      if (Buffer.isBuffer(value)) return { body: value, contentType: given ?? DEFAULT_CONTENT_TYPE.base64 };
      if (typeof value === 'string') {
        contentType = given ?? DEFAULT_CONTENT_TYPE.text;
        return { body: value, contentType };
      }
      return { body: JSON.stringify(value), contentType };
  }
}
