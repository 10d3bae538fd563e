// Building URLs from input so that input can never leave the connector's
// BaseEndpoint: every placeholder is one percent-encoded segment, the one
// multi-segment placeholder (`{+Path}`, GENERIC_HTTP) is checked and normalized,
// and the finished URL is parsed again and must still sit under the base.
import { constraint, invalidParameter, validationError, type ServiceError } from '../protocol/errors.js';

export interface Base {
  origin: string;
  /** The base's path without a trailing slash ('' for the root). */
  prefix: string;
}

// Parsed bases by BaseEndpoint text: every invocation of a connector builds on the same
// one. Keyed by the exact text, so a changed BaseEndpoint is parsed (and checked) anew;
// only bases that passed the checks are kept, frozen, and the map is bounded.
const bases = new Map<string, Readonly<Base>>();
const MAX_BASES = 1024;

/** The connector's BaseEndpoint as a base for action URLs: https, no credentials, query or fragment. */
export function parseBaseEndpoint(baseEndpoint: string): Base {
  const hit = bases.get(baseEndpoint);
  if (hit) return hit;
  const url = URL.canParse(baseEndpoint) ? new URL(baseEndpoint) : undefined;
  if (url?.protocol !== 'https:') throw invalidParameter("The connector's BaseEndpoint must be an absolute https URL.");
  if (url.username || url.password || url.search || url.hash) {
    throw invalidParameter("The connector's BaseEndpoint must not contain credentials, a query or a fragment.");
  }
  const base = Object.freeze({ origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') });
  if (bases.size >= MAX_BASES) bases.delete(bases.keys().next().value!);
  bases.set(baseEndpoint, base);
  return base;
}

/** RFC 3986 percent-encoding of one component: everything but unreserved characters. */
export function encodeComponent(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Percent-encoding of one segment of a relative path: RFC 3986 pchar characters
 * (unreserved, sub-delims, ':' and '@') stay as written, so `v1/{name}:batch` or
 * `Entity(key='x')` reach the API as meant; everything else is encoded, and ';'
 * too: Tomcat, Jetty and Spring read `;...` as a path parameter and drop it, so a
 * segment `..;` would climb out of the BaseEndpoint there (Jira, Confluence).
 */
export function encodePathSegment(value: string): string {
  return encodeURIComponent(value).replace(/%(?:24|26|2B|2C|3D|3A|40)/g, (e) => decodeURIComponent(e));
}

/** A problem with one input member, as an InvalidParameterValueException. */
export const memberError = (member: string, rule: string): ServiceError => validationError([constraint(member, rule)]);

// biome-ignore lint/suspicious/noControlCharactersInRegex: finds control characters in a path, which are refused
const CONTROL = /[\u0000-\u001f\u007f]/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const DOUBLE_ENCODED = /%(?:2e|2f|5c)/i;
/**
 * A relative path whose every character encodePathSegment keeps as it is (no '%': decoding
 * changes nothing either; no ';', which it encodes), in non-empty segments, one leading and
 * one trailing '/' allowed.
 */
const PLAIN_PATH = /^\/?[A-Za-z0-9\-_.!~*'()$&+,=:@]+(?:\/[A-Za-z0-9\-_.!~*'()$&+,=:@]+)*\/?$/;
/** A '.' or '..' segment. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/** A scalar input value as the text of a URL component. */
export function scalarText(value: unknown, member: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  throw memberError(member, 'Member must be a string, a number or a boolean');
}

/**
 * One path segment from one input value: never empty, never a dot segment; '/', '\\',
 * ';', '?', '#', '%', spaces, controls and non-ASCII are percent-encoded (the other
 * pchar characters stay: ':' and '@' as in Teams' '19:abc@thread.tacv2', ',' as in
 * SharePoint site ids). None of those left can end the segment or climb out of it.
 */
export function encodeSegment(value: string, member: string, odata = false): string {
  // Inside an OData key string ('...') an empty value is a value (SAP's empty key fields).
  if (value === '' && !odata) throw memberError(member, 'Member must not be empty');
  if (value === '.' || value === '..') throw memberError(member, "Member must not be '.' or '..'");
  return encodePathSegment(odata ? value.replace(/'/g, "''") : value);
}

/** A query parameter name: encoded, except '$' and '@' (OData's $filter, Graph's @microsoft.graph.conflictBehavior). */
export const encodeQueryName = (name: string): string => encodeComponent(name).replace(/%24/g, '$').replace(/%40/g, '@');

/**
 * A relative path under the base (GENERIC_HTTP's `Path`): segments separated by '/',
 * each decoded once and re-encoded. Refused: absolute and scheme-relative URLs,
 * backslashes, '?', '#', control characters, empty segments ('//'), encoded '/' or
 * '\' inside a segment, double-encoded dots or slashes, and '..' that would climb
 * above the base (encoded or not). '.' segments and '..' that stay inside are resolved.
 */
export function relativePath(value: string, member: string): string {
  // Most paths are plain ('items/1', 'rest/api/3/issue'): segments of characters that
  // decoding and encoding leave as they are, none a dot segment, no scheme. Such a path is
  // its own answer (what the loop below would build from it, character for character).
  if (PLAIN_PATH.test(value) && !DOT_SEGMENT.test(value) && !SCHEME.test(value)) return value.startsWith('/') ? value.slice(1) : value;
  return relativePathChecked(value, member);
}

/** relativePath, every rule checked one by one (exported for the test that holds the plain-path answer to it). */
export function relativePathChecked(value: string, member: string): string {
  const refuse = (why: string) => memberError(member, `Member must be a relative path under the connector's BaseEndpoint (${why})`);
  if (CONTROL.test(value)) throw refuse('no control characters');
  if (value.includes('\\')) throw refuse('no backslashes');
  if (value.includes('?') || value.includes('#')) throw refuse("no '?' or '#'; pass query parameters in Query");
  if (SCHEME.test(value)) throw refuse('not an absolute URL');
  if (value.startsWith('//')) throw refuse("not a scheme-relative '//' URL");
  const body = value.startsWith('/') ? value.slice(1) : value;
  if (body === '') return '';
  const raw = body.split('/');
  const trailingSlash = raw[raw.length - 1] === '';
  if (trailingSlash) raw.pop();
  const out: string[] = [];
  for (const segment of raw) {
    if (segment === '') throw refuse("no empty segments ('//')");
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw refuse('valid percent-encoding');
    }
    if (decoded.includes('/') || decoded.includes('\\')) throw refuse("no encoded '/' or '\\'");
    if (CONTROL.test(decoded)) throw refuse('no control characters');
    if (DOUBLE_ENCODED.test(decoded)) throw refuse('no double-encoded dots or slashes');
    if (decoded === '.') continue;
    if (decoded === '..') {
      if (out.length === 0) throw refuse("no '..' above the base");
      out.pop();
      continue;
    }
    out.push(encodePathSegment(decoded));
  }
  return out.join('/') + (trailingSlash && out.length > 0 ? '/' : '');
}

/**
 * The final guard: the URL, parsed as the egress will parse it, has the base's
 * origin, a path under the base's path, and exactly the path that was built (so no
 * dot segment or other normalization slipped through).
 */
export function assertUnderBase(url: string, base: Base, builtPath: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url); // one parse: canParse and then new URL would parse twice
  } catch {
    parsed = undefined;
  }
  const ok =
    parsed !== undefined &&
    parsed.origin === base.origin &&
    !parsed.username &&
    !parsed.password &&
    !parsed.hash &&
    parsed.pathname === builtPath &&
    (parsed.pathname === base.prefix || parsed.pathname === `${base.prefix}/` || parsed.pathname.startsWith(`${base.prefix}/`));
  if (!ok) throw invalidParameter("The action's request would leave the connector's BaseEndpoint.");
}
