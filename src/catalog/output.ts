// The output shaper: (action, upstream status, headers, body) → the InvokeAction answer.
// An upstream 4xx/5xx (or a 2xx that the catalog says is a failure, such as
// Slack's `ok: false`) is a FAILED invocation with the upstream's status: not an
// ActionBridge error. JSON bodies are parsed; other bodies are text, or base64 for
// binary actions.
//
// Every answer is scrubbed here, last, with the invocation's CredentialScrubber (the
// connector's credentials in any encoding, whatever the template computed), and
// response headers that carry credentials never reach output templates.
import { CREDENTIAL_RESPONSE_HEADERS, type CredentialScrubber } from '../connections/scrub.js';
import { evaluate, lookup } from './mapping.js';
import type { CatalogAction, FailWhen, InvocationResult, Template } from './types.js';
import { jsonNestsDeeper } from '../protocol/json-depth.js';

export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** What output templates see: `$.StatusCode`, `$.Headers['x-total-count']`, `$.Body.items`. */
export interface ResponseView {
  StatusCode: number;
  Headers: Record<string, string>;
  Body: unknown;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b|^text\/json\b/i;

function headerText(headers: ResponseHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** Response headers as output sees them: lower-case names, repeated values joined, none that carries credentials (Set-Cookie, Authorization, ...). */
export function flattenHeaders(headers: ResponseHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (v !== undefined && !CREDENTIAL_RESPONSE_HEADERS.has(lower)) out[lower] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** A response body as a value: parsed JSON, text, base64 (binary), or null when empty. */
export function parseBody(body: Buffer, headers: ResponseHeaders, binary: boolean): unknown {
  if (body.length === 0) return null;
  if (binary) return body.toString('base64');
  const text = body.toString('utf8');
  const type = headerText(headers, 'content-type') ?? '';
  // JSON nested deeper than the walkers after this can follow stays text.
  if ((JSON_TYPE.test(type) || (!type && /^\s*[[{]/.test(text))) && !jsonNestsDeeper(body)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function failed(conditions: FailWhen[] | undefined, view: ResponseView): boolean {
  for (const c of conditions ?? []) {
    const v = lookup(c.ref, view);
    if (c.exists !== undefined && (v !== undefined) === c.exists) return true;
    if (c.equals !== undefined && v === c.equals) return true;
  }
  return false;
}

/** Makes a shaped value JSON-safe: bytes as base64, dates as ISO strings. */
export function jsonSafe(value: unknown): unknown {
  if (value === undefined || value === null) return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = jsonSafe(v);
    return out;
  }
  return value;
}

/**
 * Shapes a view of the response (HTTP, or an AWS SDK result) into the InvokeAction
 * answer; `scrubber` (the invocation's credential material) scrubs the result last,
 * after parsing undid whatever escaping the upstream used.
 */
export function shapeView(action: CatalogAction, view: ResponseView, scrubber?: CredentialScrubber): InvocationResult {
  const ok = view.StatusCode >= 200 && view.StatusCode < 300 && !failed(action.output?.failWhen, view);
  const template: Template = (ok ? action.output?.value : action.output?.failureValue) ?? '$.Body';
  const output = evaluate(template, view);
  const safe = jsonSafe(output === undefined ? {} : output);
  return {
    InvokeActionStatus: ok ? 'SUCCESS' : 'FAILED',
    HttpStatusCode: view.StatusCode,
    Output: scrubber ? scrubber.value(safe) : safe,
  };
}

/** Shapes an upstream HTTP response (scrubbed with `scrubber`, see shapeView). */
export function shapeOutput(action: CatalogAction, status: number, headers: ResponseHeaders, body: Buffer, scrubber?: CredentialScrubber): InvocationResult {
  const success = status >= 200 && status < 300;
  const view: ResponseView = {
    StatusCode: status,
    Headers: flattenHeaders(headers),
    Body: parseBody(body, headers, success && action.binary?.output === true),
  };
  return shapeView(action, view, scrubber);
}
