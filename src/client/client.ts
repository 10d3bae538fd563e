// A typed client for ActionBridge's extension operations (PRODUCT.md §1.2) — the ones
// the AWS SDK does not have — plus ListActionConnectors / SearchActionConnectors for
// convenience. The methods, their input/output types and each operation's binding are
// generated from the models (src/protocol/generated/client.ts); this file is the
// transport. Requests are signed with SigV4 (service `quicksight`) exactly as the
// AWS SDK signs them; credentials come from the standard AWS provider chain unless
// given; answers and errors follow restJson1.
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/core/transport';
import { Sha256 } from '../auth/sha256.js';
import { ActionBridgeError, NetworkError, errorFor } from './errors.js';
import { GeneratedClient, clientOperations, documentMembers, timestampMembers } from '../protocol/generated/client.js';
import type { ClientInput, ClientOperationName, ClientOutput } from '../protocol/generated/types.js';
import type {
  ActionConnectorSummary,
  ActionInvocation,
  InvokeActionInput,
  InvokeActionOutput,
  ListActionConnectorsInput,
  ListActionConnectorsOutput,
  ListActionInvocationsInput,
  ListActionInvocationsOutput,
  SearchActionConnectorsInput,
} from './types.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}
export type CredentialsProvider = () => Promise<Credentials>;

export interface ActionBridgeClientOptions {
  /** The ActionBridge server, e.g. http://127.0.0.1:4599. Default: ACTIONBRIDGE_ENDPOINT. */
  endpoint?: string;
  /** The signing region (the data partition). Default: AWS_REGION, then AWS_DEFAULT_REGION. */
  region?: string;
  /** The account of every call that does not name one. Default: ACTIONBRIDGE_ACCOUNT_ID. */
  accountId?: string;
  /** Access key (or a provider of one). Default: the AWS provider chain (`fromNodeProviderChain`). */
  credentials?: Credentials | CredentialsProvider;
  /** Attempts per call, first included (default 3). Throttling is retried for every operation;
   *  5xx answers and lost connections only for operations that are safe to repeat (not InvokeAction). */
  maxAttempts?: number;
  /** First retry delay in ms (default 100); doubles per attempt, with jitter. */
  retryBaseDelayMs?: number;
  /** Upper bound of one retry delay in ms (default 5000). */
  maxRetryDelayMs?: number;
  /** Time limit of one attempt in ms (default 60000). */
  timeoutMs?: number;
  /** Extra headers sent with every request, signed with it (e.g. x-actionbridge-client: the server records it only when signed). */
  headers?: Record<string, string>;
  /** The fetch to use (default: global fetch). */
  fetch?: typeof fetch;
}

/** Options of one call. */
export interface CallOptions {
  /** Extra headers for this call, e.g. `x-actionbridge-client` naming the program acting for the user (recorded in the audit). */
  headers?: Record<string, string>;
  /** Aborts the call (and its retries). */
  signal?: AbortSignal;
}

interface OperationCall {
  op: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Safe to send again after a 5xx or a lost connection. */
  idempotent: boolean;
  options?: CallOptions;
}

/** RFC 3986 encoding, as SigV4 canonicalizes (encodeURIComponent leaves !'()* alone). */
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** An object whose members are read by name (arrays included: their named members are absent). */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const TIME_MEMBERS = new Set(timestampMembers);
const DOCUMENT_MEMBERS = new Set(documentMembers);
/** restJson1 timestamps (epoch seconds) to Dates, in the members the shapes declare as timestamps. */
function reviveTimes(v: unknown, depth = 0): unknown {
  if (depth > 3 || !isObject(v)) return v;
  if (Array.isArray(v)) {
    for (const x of v) reviveTimes(x, depth + 1);
    return v;
  }
  const o = v;
  for (const [k, x] of Object.entries(o)) {
    if (DOCUMENT_MEMBERS.has(k)) continue;
    if (TIME_MEMBERS.has(k) && typeof x === 'number') o[k] = new Date(x * 1000);
    else if (x && typeof x === 'object') reviveTimes(x, depth + 1);
  }
  return o;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** AbortSignal.any (Node 20.3+), with a fallback for older 20.x. */
function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  const any: ((s: AbortSignal[]) => AbortSignal) | undefined = AbortSignal.any;
  if (any) return any([a, b]);
  const c = new AbortController();
  for (const s of [a, b]) {
    if (s.aborted) {
      c.abort(s.reason);
      break;
    }
    s.addEventListener('abort', () => c.abort(s.reason), { once: true });
  }
  return c.signal;
}

/** The socket error code of a failed fetch (undici puts the socket error in `cause`). */
function causeCode(e: unknown): string | undefined {
  const cause = isObject(e) ? e.cause : undefined;
  return isObject(cause) && typeof cause.code === 'string' ? cause.code : undefined;
}

export class ActionBridgeClient extends GeneratedClient<CallOptions> {
  readonly endpoint: URL;
  readonly region: string;
  readonly accountId: string | undefined;
  private readonly maxAttempts: number;
  private readonly baseDelay: number;
  private readonly maxDelay: number;
  private readonly timeoutMs: number;
  private readonly headers: Record<string, string>;
  private readonly fetchFn: typeof fetch;
  private readonly credentials: CredentialsProvider;
  private signer: SignatureV4 | undefined;

  constructor(opts: ActionBridgeClientOptions = {}) {
    super();
    const endpoint = opts.endpoint ?? process.env.ACTIONBRIDGE_ENDPOINT;
    if (!endpoint) throw new ActionBridgeError('ConfigurationError', 'No endpoint: pass `endpoint` (e.g. http://127.0.0.1:4599) or set ACTIONBRIDGE_ENDPOINT.');
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new ActionBridgeError('ConfigurationError', `The endpoint ${JSON.stringify(endpoint)} is not a URL.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new ActionBridgeError('ConfigurationError', `The endpoint must be http or https, not ${url.protocol}`);
    this.endpoint = url;
    const region = opts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    if (!region) throw new ActionBridgeError('ConfigurationError', 'No region: pass `region` or set AWS_REGION.');
    this.region = region;
    this.accountId = opts.accountId ?? process.env.ACTIONBRIDGE_ACCOUNT_ID;
    this.maxAttempts = Math.max(1, Math.min(opts.maxAttempts ?? 3, 10));
    this.baseDelay = Math.max(0, opts.retryBaseDelayMs ?? 100);
    this.maxDelay = Math.max(this.baseDelay, opts.maxRetryDelayMs ?? 5_000);
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.headers = { ...(opts.headers ?? {}) };
    this.fetchFn = opts.fetch ?? fetch;
    const c = opts.credentials;
    if (typeof c === 'function') this.credentials = c;
    else if (c) this.credentials = async () => c;
    else {
      let chain: CredentialsProvider | undefined;
      this.credentials = async () => {
        if (!chain) {
          const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
          chain = fromNodeProviderChain();
        }
        return chain();
      };
    }
  }

  // ---- operations (generated methods; two defaults on top) ----------------------------

  /** InvokeAction always sends an Input (`{}` when none is given). */
  override invokeAction(input: InvokeActionInput, options?: CallOptions): Promise<InvokeActionOutput> {
    return super.invokeAction({ ...input, Input: input.Input ?? {} }, options);
  }

  /** SearchActionConnectors: ActionConnectorSummaries is a list even when the server leaves it out. */
  override async searchActionConnectors(input: SearchActionConnectorsInput, options?: CallOptions): Promise<ListActionConnectorsOutput> {
    const out: Partial<ListActionConnectorsOutput> = await super.searchActionConnectors(input, options);
    return { ...out, ActionConnectorSummaries: out.ActionConnectorSummaries ?? [] };
  }

  // ---- paging -------------------------------------------------------------------------

  /** Every page of ListActionInvocations, from `NextToken` (or the start). */
  paginateActionInvocations(input: ListActionInvocationsInput): AsyncGenerator<ListActionInvocationsOutput> {
    return this.pages((t) => this.listActionInvocations({ ...input, NextToken: t }), input.NextToken);
  }

  /** Every invocation record of the connector, page after page. */
  async *iterateActionInvocations(input: ListActionInvocationsInput): AsyncGenerator<ActionInvocation> {
    for await (const p of this.paginateActionInvocations(input)) yield* p.Invocations;
  }

  /** Every page of ListActionConnectors. */
  paginateActionConnectors(input: ListActionConnectorsInput = {}): AsyncGenerator<ListActionConnectorsOutput> {
    return this.pages((t) => this.listActionConnectors({ ...input, NextToken: t }), input.NextToken);
  }

  /** Every connector the caller may see, page after page. */
  async *iterateActionConnectors(input: ListActionConnectorsInput = {}): AsyncGenerator<ActionConnectorSummary> {
    for await (const p of this.paginateActionConnectors(input)) yield* p.ActionConnectorSummaries;
  }

  /** Every page of a SearchActionConnectors. */
  paginateSearchActionConnectors(input: SearchActionConnectorsInput): AsyncGenerator<ListActionConnectorsOutput> {
    return this.pages((t) => this.searchActionConnectors({ ...input, NextToken: t }), input.NextToken);
  }

  private async *pages<P extends { NextToken?: string }>(get: (token: string | undefined) => Promise<P>, first: string | undefined): AsyncGenerator<P> {
    let token = first;
    for (let n = 0; n < 100_000; n++) {
      const page = await get(token);
      yield page;
      if (!page.NextToken || page.NextToken === token) return;
      token = page.NextToken;
    }
  }

  // ---- the wire -----------------------------------------------------------------------

  private account(a: string | undefined): string {
    const id = a ?? this.accountId;
    if (!id) throw new ActionBridgeError('ConfigurationError', 'No account: pass AwsAccountId, or `accountId` to the client (or set ACTIONBRIDGE_ACCOUNT_ID).');
    return id;
  }

  /** One call of a client operation, encoded by its model binding: URI labels, query string, JSON body. */
  protected send<K extends ClientOperationName>(op: K, input: ClientInput<K>, options?: CallOptions): Promise<ClientOutput<K>> {
    const spec: (typeof clientOperations)[ClientOperationName] = clientOperations[op];
    const values = input as Record<string, unknown>;
    let path: string = spec.uri;
    const query: Record<string, string> = {};
    let body: Record<string, unknown> | undefined;
    // The account is filled in last, so a missing connector id is reported before a missing account.
    const bindings = [...spec.bindings].sort((x, y) => Number(x.member === 'AwsAccountId') - Number(y.member === 'AwsAccountId'));
    for (const b of bindings) {
      const v = b.member === 'AwsAccountId' ? this.account(values.AwsAccountId as string | undefined) : values[b.member];
      if (b.location === 'uri') {
        if (v === undefined || v === null || v === '') throw new ActionBridgeError('ConfigurationError', `${b.member} is required.`);
        path = path.replace(`{${b.locationName}}`, rfc3986(String(v)));
      } else if (b.location === 'querystring') {
        if (v !== undefined) query[b.locationName] = String(v);
      } else {
        body ??= {};
        if (v !== undefined) body[b.locationName] = v;
      }
    }
    return this.call({
      op,
      method: spec.method,
      path,
      query,
      ...(body !== undefined ? { body } : {}),
      idempotent: spec.idempotent,
      ...(options ? { options } : {}),
    });
  }

  private getSigner(): SignatureV4 {
    this.signer ??= new SignatureV4({
      credentials: this.credentials,
      region: this.region,
      service: 'quicksight',
      sha256: Sha256,
      uriEscapePath: true,
    });
    return this.signer;
  }

  private async signedRequest(c: OperationCall): Promise<{ url: string; init: RequestInit }> {
    const base = this.endpoint.pathname.replace(/\/+$/, '');
    const path = `${base}${c.path}`;
    const body = c.body === undefined ? undefined : JSON.stringify(c.body);
    const req = new HttpRequest({
      method: c.method,
      protocol: this.endpoint.protocol,
      hostname: this.endpoint.hostname,
      port: this.endpoint.port ? Number(this.endpoint.port) : undefined,
      path,
      query: c.query ?? {},
      headers: {
        host: this.endpoint.host,
        ...this.headers,
        ...(c.options?.headers ?? {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body } : {}),
    });
    const signed = await this.getSigner().sign(req);
    const qs = Object.entries(c.query ?? {})
      .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
      .join('&');
    const url = `${this.endpoint.protocol}//${this.endpoint.host}${path}${qs ? `?${qs}` : ''}`;
    const headers = { ...signed.headers };
    delete headers.host; // fetch sets it (a forbidden header there); its value is the same.
    return { url, init: { method: c.method, headers, ...(body !== undefined ? { body } : {}) } };
  }

  private delay(attempt: number, retryAfter: string | null): number {
    const ra = retryAfter ? Number(retryAfter) : NaN;
    if (Number.isFinite(ra) && ra >= 0) return Math.min(ra * 1000, this.maxDelay);
    const cap = Math.min(this.maxDelay, this.baseDelay * 2 ** (attempt - 1));
    return cap / 2 + Math.random() * (cap / 2);
  }

  private async call<T>(c: OperationCall): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= this.maxAttempts;
      // Signed per attempt: a retry after a long wait still carries a fresh date.
      const { url, init } = await this.signedRequest(c);
      let res: Response;
      try {
        const timeout = AbortSignal.timeout(this.timeoutMs);
        res = await this.fetchFn(url, { ...init, signal: c.options?.signal ? anySignal(c.options.signal, timeout) : timeout });
      } catch (e) {
        const code = causeCode(e);
        // A refused connection never reached the server: safe to try again for every operation.
        const refused = code === 'ECONNREFUSED';
        if (!last && (c.idempotent || refused) && !c.options?.signal?.aborted) {
          await sleep(this.delay(attempt, null));
          continue;
        }
        const why = isObject(e) && e.name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : (code ?? (isObject(e) ? e.message : undefined));
        throw new NetworkError(`${c.op}: ${c.method} ${this.endpoint.origin}: ${why}`, { cause: e });
      }
      const text = await res.text();
      const requestId = res.headers.get('x-amzn-requestid') ?? undefined;
      if (res.ok) {
        let out: unknown = {};
        if (text) {
          try {
            out = JSON.parse(text);
          } catch {
            throw new ActionBridgeError('InvalidResponse', `${c.op}: the answer is not JSON (HTTP ${res.status}).`, { requestId, httpStatus: res.status });
          }
        }
        return reviveTimes(out) as T;
      }
      const err = parseError(res, text, requestId);
      const retryable =
        err.name === 'ThrottlingException' ||
        res.status === 429 ||
        (c.idempotent && (res.status === 500 || res.status === 502 || res.status === 503 || res.status === 504));
      if (retryable && !last && !c.options?.signal?.aborted) {
        await sleep(this.delay(attempt, res.headers.get('retry-after')));
        continue;
      }
      throw err;
    }
  }
}

function parseError(res: Response, text: string, requestId: string | undefined): ActionBridgeError {
  let body: Record<string, unknown> = {};
  try {
    const j = text ? JSON.parse(text) : {};
    if (isObject(j)) body = j;
  } catch {
    /* not JSON */
  }
  // restJson1: the header wins; it may carry a ":namespace" suffix; the body's __type or code otherwise.
  const raw = res.headers.get('x-amzn-errortype') ?? (body.__type as string | undefined) ?? (body.code as string | undefined) ?? '';
  const name = raw.split(':')[0]!.split('#').pop()!.trim() || (res.status === 429 ? 'ThrottlingException' : `HttpError${res.status}`);
  const message =
    (typeof body.Message === 'string' ? body.Message : typeof body.message === 'string' ? body.message : '') || `HTTP ${res.status} ${res.statusText}`.trim();
  const { Message: _m, message: _m2, RequestId, __type: _t, ...details } = body;
  return errorFor(name, message, {
    requestId: requestId ?? (typeof RequestId === 'string' ? RequestId : undefined),
    httpStatus: res.status,
    ...(Object.keys(details).length ? { details } : {}),
  });
}
