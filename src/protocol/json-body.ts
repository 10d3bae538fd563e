// The one JSON request-body decoder, for every entrance (SigV4 routes, the console API,
// /mcp): content type, nesting depth (before parsing), UTF-8 (refused, never replaced:
// it would alter secrets and names), syntax, and optionally "an object". Each refusal is
// an InvalidParameterValueException carrying `reason`, so that an entrance with another
// error format (MCP's JSON-RPC codes) maps it without reading the message.
import { errorMessage } from '../error-text.js';
import { ServiceError } from './errors.js';
import { TOO_DEEP, jsonNestsDeeper } from './json-depth.js';

export type BodyRefusal = 'content-type' | 'depth' | 'utf-8' | 'syntax' | 'not-object';

export class BodyRefused extends ServiceError {
  constructor(
    readonly reason: BodyRefusal,
    message: string,
  ) {
    super('InvalidParameterValueException', message);
  }
}

/** The content types an entrance takes; `required`: a body without Content-Type is refused too. */
export interface ContentTypeRule {
  accept: RegExp;
  required: boolean;
  message: (contentType: string | undefined) => string;
}

/** restJson1: JSON and its aliases; an SDK may omit the header. */
export const API_JSON: ContentTypeRule = {
  accept: /^application\/(?:json|x-amz-json-1\.[01]|[\w.+-]+\+json)\s*(?:;.*)?$/i,
  required: false,
  message: (ct) => `Content-Type '${(ct ?? '').slice(0, 100)}' is not supported: send application/json.`,
};

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The JSON value of a request body. `contentType`: the rule to apply (none: not checked).
 * `object`: the value must be a JSON object (an empty body is `{}`).
 */
export function decodeJsonBody(
  raw: Buffer | undefined,
  contentType: string | undefined,
  rule: ContentTypeRule | undefined,
  object: true,
): Record<string, unknown>;
export function decodeJsonBody(raw: Buffer | undefined, contentType: string | undefined, rule: ContentTypeRule | undefined, object: false): unknown;
export function decodeJsonBody(raw: Buffer | undefined, contentType: string | undefined, rule: ContentTypeRule | undefined, object: boolean): unknown {
  if (object && (!raw || raw.length === 0)) return {};
  if (rule && (contentType === undefined ? rule.required : !rule.accept.test(contentType))) throw new BodyRefused('content-type', rule.message(contentType));
  const bytes = raw ?? Buffer.alloc(0);
  if (jsonNestsDeeper(bytes)) throw new BodyRefused('depth', `The request body is not accepted: ${TOO_DEEP}.`);
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new BodyRefused('utf-8', 'The request body is not valid JSON: it is not valid UTF-8.');
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    // Never V8's message: it quotes the text around the error, which may be a secret.
    const at = /at position (\d+)/.exec(errorMessage(e) ?? '');
    throw new BodyRefused(
      'syntax',
      `The request body is not valid JSON${at ? ` (syntax error at position ${at[1]})` : /end of JSON/.test(errorMessage(e) ?? '') ? ' (it ends early)' : ''}.`,
    );
  }
  if (object && (v === null || typeof v !== 'object' || Array.isArray(v))) throw new BodyRefused('not-object', 'The request body must be a JSON object.');
  return v;
}
