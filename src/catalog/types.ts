// The catalog format: what one connector type can do, as plain data.
//
// A catalog lists actions. The members the API shows (ListActionConnectorActions)
// are spelt as the wire spells them (ActionId, Name, Description, InputSchema);
// the members that drive the engine are camelCase. `schema.ts` is the JSON
// Schema of this format; `check.ts` adds the rules a JSON Schema cannot state.
import type { ActionConnectorType } from '../protocol/generated/model.js';

/**
 * A value template (see mapping.ts): JSON where a string `$.A.b[0]` is a reference
 * into the input (or, in output templates, into the response), and an object whose
 * keys start with `$` is an operator (`$literal`, `$coalesce`, `$concat`, `$join`,
 * `$string`, `$number`, `$json`, `$fromBase64`, `$toBase64`, `$merge`, `$each`, `$hook`).
 * A member whose value resolves to nothing is left out.
 */
export type Template = null | boolean | number | string | Template[] | { [key: string]: Template };

/** A JSON Schema, as data. */
export type JsonSchema = { [key: string]: unknown };

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface BodyTemplate {
  /**
   * json: the value as JSON (application/json); form: an object as
   * application/x-www-form-urlencoded; text: a string as is; base64: a base64 string
   * decoded to bytes; auto: a string as text, anything else as JSON;
   * multipart: an object as multipart/form-data (RFC 7578), each member a field
   * name whose value is a part or a list of parts (see MultipartPart).
   */
  encoding: 'json' | 'form' | 'text' | 'base64' | 'auto' | 'multipart';
  value: Template;
  /**
   * Content-Type; defaults per encoding (a Content-Type among the headers wins).
   * Not for multipart, which always sends its own (`multipart/form-data; boundary=…`).
   */
  contentType?: Template;
}

/**
 * One part of a multipart body: a string, number or boolean is a text field; an
 * object is `{content, filename?, contentType?}` where content is bytes (from
 * `$fromBase64`) or text (sent as UTF-8), filename makes it a file part, and
 * contentType is the part's own Content-Type (file parts default to
 * application/octet-stream, text parts send none).
 */
export type MultipartPart = string | number | boolean | { content: string | Uint8Array; filename?: string; contentType?: string };

export interface HttpRequestTemplate {
  /** This variant applies when the reference (or every one of a list) resolves to a value; the first matching variant is used. */
  when?: string | string[];
  /** A method, or a reference to an input member holding one (GENERIC_HTTP). */
  method: HttpMethod | string;
  /**
   * A path under the connector's BaseEndpoint: literal segments and `{Member}`
   * placeholders, each filled with the input member percent-encoded as one segment;
   * `{Member|odata}` also doubles single quotes (an OData key string);
   * `{+Member}` takes a relative path of several segments (checked: no `..` above
   * the base, no absolute or scheme-relative URL, no backslash, `?`, `#` or controls).
   */
  path: string;
  /** An object template: query parameter name → value (a list repeats the parameter). */
  query?: Template;
  /** An object template: header name → value. Authorization, Host, Cookie, Proxy-* and hop-by-hop headers are refused. */
  headers?: Template;
  body?: BodyTemplate;
  /** SAP OData writes: fetch an x-csrf-token (and its session cookies) with a GET of this path first. */
  csrfTokenPath?: string;
  /**
   * This variant works only with this grant (Graph's `/me/...` needs a signed-in user; the
   * `/users/{UserId}/...` variant works app-only too): with another one, InvokeAction refuses
   * it before anything is sent, naming the input members that choose the other variants.
   */
  grant?: 'delegated' | 'application';
  /**
   * One of the catalog's `origins` (another host of the vendor) instead of the connector's
   * BaseEndpoint: the path is built under that origin's URL, confined as under BaseEndpoint,
   * and the connector's credentials go only if the origin says so.
   */
  origin?: string;
  /**
   * A reference to an input member holding a URL the vendor handed out (an upload URL); the
   * request goes to it as is, only when it is on one of the `hosts` of `origin` (which must
   * be set) under one of its `paths`; `path` must then be '/'.
   */
  url?: string;
}

/**
 * Another host of the vendor (PagerDuty's Events API, Slack's and Graph's upload hosts).
 * A request goes to one only when its template names it (`origin`); the egress policy
 * (address checks, TLS, the connector's VPC connection) applies to it as to BaseEndpoint.
 */
export interface CatalogOrigin {
  /**
   * Requests with a path: the origin's base (https; a path prefix allowed; no credentials,
   * query or fragment), under which paths are built and confined as under BaseEndpoint.
   */
  url?: string;
  /**
   * The origin follows the connector's BaseEndpoint to the vendor's other service regions:
   * when the BaseEndpoint's host matches `match` (a regular expression, whole host), the
   * origin's host is that host rewritten to `host` (`$1`...) with the BaseEndpoint's port
   * (api.eu.pagerduty.com → events.eu.pagerduty.com); otherwise `url` as written.
   */
  fromBaseHost?: { match: string; host: string };
  /**
   * Requests with `url` (a URL the vendor handed out): the hosts it may be on, exact names or
   * `*.domain` (one or more labels before `domain`); its port must be the default or the
   * BaseEndpoint's. Such an origin never receives the connector's credentials.
   */
  hosts?: string[];
  /** With `hosts`: path prefixes a handed-out URL must start with (e.g. '/upload/'); any path when absent. */
  paths?: string[];
  /**
   * Whether the connector's credentials (Authorization and the like) are sent there: false
   * for a host that takes its own (PagerDuty's routing key in the body, a pre-authorized upload URL).
   */
  credentials: boolean;
}

export interface AwsCallTemplate {
  /** The official client package, e.g. `@aws-sdk/client-s3`. */
  client: string;
  /** The command class, e.g. `ListObjectsV2Command`. */
  command: string;
  /** The SigV4 signing name of the service, e.g. `s3` (for documentation and tests). */
  signingName: string;
  /** An object template: the command's input. */
  input: Template;
  /**
   * Presign the command instead of sending it (S3 GetObject/PutObject): the answer is a
   * URL signed in SigV4's query form with the connector's session, valid for `expiresIn`
   * seconds (a template over the input), cut to the session's remaining lifetime and to
   * 7 days (connections/aws-clients.ts). Nothing is sent to AWS.
   */
  presign?: { expiresIn: Template };
}

/** A condition on the response that makes a 2xx answer a failed invocation (Slack's `ok: false`). */
export interface FailWhen {
  /** A reference into {StatusCode, Headers, Body}. */
  ref: string;
  /** Fails when the value equals this. */
  equals?: string | number | boolean | null;
  /** Fails when the value is present (true) or absent (false). */
  exists?: boolean;
}

export interface OutputTemplate {
  /** A template over {StatusCode, Headers, Body}; default `$.Body`. */
  value?: Template;
  /** A template over the same view for a FAILED invocation; default `$.Body` (the vendor's error). */
  failureValue?: Template;
  failWhen?: FailWhen[];
}

export interface CatalogAction {
  /** Matches the model's ActionId pattern `[\w@:_.,!?+-/]+`. */
  ActionId: string;
  Name: string;
  Description: string;
  /** JSON Schema (type object) of the action's input; validated with Ajv before anything is built. */
  InputSchema: JsonSchema;
  /** Exactly one of request (HTTP under BaseEndpoint) and aws (an AWS SDK command). */
  request?: HttpRequestTemplate | HttpRequestTemplate[];
  aws?: AwsCallTemplate;
  output?: OutputTemplate;
  /** Safe to retry on 429/5xx: true, false, or 'by-method' (GET, HEAD, PUT, DELETE, OPTIONS). */
  idempotent: boolean | 'by-method';
  /** The vendor pages: the input member taking a page token and the output member giving the next one. */
  pagination?: { inputToken: string; outputToken: string };
  /** Binary content passed as base64: the largest decoded size, and whether the response body is binary. */
  binary?: { maxBytes: number; output?: boolean };
  /** Sample inputs an agent or a person can start from; each must validate against InputSchema (check.ts). */
  Examples?: ActionExample[];
  /** The vendor's reference page for the operation (https); required where the vendor has no machine-readable spec to check against. */
  reference?: string;
  /** What the connector's credentials must allow for this action to work. */
  requires?: ActionRequirements;
}

export interface ActionExample {
  /** What the example does, for people ("Create a bug in project OPS"). */
  Title: string;
  Input: Record<string, unknown>;
}

export interface ActionRequirements {
  /**
   * The OAuth grant the vendor requires: `delegated` needs a signed-in user
   * (OAUTH2_AUTHORIZATION_CODE), `application` an app-only token (client credentials);
   * absent means either works.
   */
  grant?: 'delegated' | 'application';
  /** Scopes (or vendor permissions) the token needs, as the vendor names them. */
  scopes?: string[];
  /** The vendor's rate limit for this operation, for people ("Tier 3: 50+ per minute"). */
  rateLimit?: string;
}

export interface Catalog {
  Type: ActionConnectorType;
  /** The vendor API, for people. */
  Api: string;
  /** Headers every HTTP action of this type sends (an action's own headers win). */
  defaultHeaders?: Record<string, string>;
  /** The vendor's hosts besides the connector's BaseEndpoint, by name (requests choose one with `origin`). */
  origins?: Record<string, CatalogOrigin>;
  actions: CatalogAction[];
}

/** What the builder produces: ready for auth headers, then `Egress.request`. */
export interface BuiltRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Set when a csrf token must be fetched first (SAP OData writes): the URL to GET. */
  csrfTokenUrl?: string;
  /** False when the request goes to a catalog origin that must not receive the connector's credentials (nor follow redirects). */
  credentials: boolean;
}

/** An AWS SDK call ready to send. */
export interface BuiltAwsCall {
  client: string;
  command: string;
  input: Record<string, unknown>;
  /** Presign instead of send, valid for at most this many seconds. */
  presign?: { expiresIn: number };
}

export type InvokeActionStatus = 'SUCCESS' | 'FAILED';

/** The answer of InvokeAction (without RequestId). */
export interface InvocationResult {
  InvokeActionStatus: InvokeActionStatus;
  HttpStatusCode: number;
  Output: unknown;
  /** For the audit record only (its ErrorCode): why an invocation that no answer ended failed (McpTimeout, McpCancelled). */
  errorCode?: string;
}
