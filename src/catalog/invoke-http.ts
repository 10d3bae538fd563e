// One invocation of an HTTP action: validate the input, build the request, have
// the caller's `send` add credentials and send it through the egress (retrying
// idempotent requests), and shape the answer: scrubbed of the credentials sent
// (`send` answers with the invocation's CredentialScrubber, see connections/scrub.ts).
import type { CredentialScrubber } from '../connections/scrub.js';
import type { EgressResponse } from '../egress/index.js';
import { validateActionInput } from './input.js';
import { shapeOutput } from './output.js';
import { buildHttpRequest, isIdempotent, selectRequest } from './request.js';
import { variantGrantProblem } from './requirements.js';
import { invalidParameter } from '../protocol/errors.js';
import type { ConnectionAuthType } from '../protocol/generated/model.js';
import { withRetries, type RetryPolicy } from './retry.js';
import type { BuiltRequest, CatalogAction, InvocationResult } from './types.js';

/** One outbound request, as the connections module's `authorizedRequest` takes it. */
export interface OutboundHttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /**
   * False: a catalog origin that must not receive the connector's credentials (PagerDuty's
   * Events API, an upload URL): `send` adds none and follows no redirect. Absent: credentials go.
   */
  credentials?: false;
}

/**
 * What `send` answers: an EgressResponse, already scrubbed by the connections module,
 * with the scrubber of the credentials it carried (applied again to the shaped output).
 */
export type UpstreamResponse = Pick<EgressResponse, 'status' | 'headers' | 'body'> & { scrubber?: CredentialScrubber };

export interface HttpInvocation {
  /** The connector's BaseEndpoint. */
  baseEndpoint: string;
  /**
   * Sends one request with the connector's credentials through the egress (with the
   * connector's VPC connection): `(req) => connections.authorizedRequest(rec, user, req)`.
   * Called for every attempt (and for a csrf-token fetch); headers it adds win.
   */
  send: (req: OutboundHttpRequest) => Promise<UpstreamResponse>;
  /** The connector's AuthenticationType: a request variant that needs another grant (`grant`) is refused. Unset: not checked. */
  authType?: ConnectionAuthType;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
}

export interface HttpInvocationResult extends InvocationResult {
  /** Requests sent for the action itself (retries included; the csrf-token fetch not). */
  attempts: number;
}

/** Validates, builds, authorizes, sends (with retries when idempotent) and shapes. Throws InvalidParameterValueException for bad input and EgressError when nothing was answered. */
export async function invokeHttpAction(action: CatalogAction, input: unknown, inv: HttpInvocation): Promise<HttpInvocationResult> {
  const valid = validateActionInput(action, input);
  if (inv.authType) {
    const problem = variantGrantProblem(action, selectRequest(action, valid), valid, inv.authType);
    if (problem) throw invalidParameter(problem);
  }
  const built = buildHttpRequest(action, inv.baseEndpoint, valid);
  const send = (req: OutboundHttpRequest | (BuiltRequest & { credentials: boolean })) =>
    inv.send({
      method: req.method,
      url: req.url,
      headers: { ...req.headers },
      ...(req.body !== undefined ? { body: req.body } : {}),
      ...(req.credentials === false ? { credentials: false as const } : {}),
    });

  if (built.csrfTokenUrl) {
    const fetched = await fetchCsrfToken(built.csrfTokenUrl, send);
    if ('failed' in fetched)
      return { ...shapeOutput(action, fetched.failed.status, fetched.failed.headers, fetched.failed.body, fetched.failed.scrubber), attempts: 0 };
    built.headers['x-csrf-token'] = fetched.token;
    if (fetched.cookie) built.headers.cookie = fetched.cookie;
  }

  const { response, attempts } = await withRetries(() => send(built), {
    idempotent: isIdempotent(action, built.method),
    policy: inv.retry,
    sleep: inv.sleep,
  });
  return { ...shapeOutput(action, response.status, response.headers, response.body, response.scrubber), attempts };
}

/**
 * SAP Gateway's CSRF protection: a GET with `x-csrf-token: Fetch` answers the token
 * in the same header and session cookies it is bound to; the write sends both back.
 */
async function fetchCsrfToken(
  url: string,
  send: (req: OutboundHttpRequest) => Promise<UpstreamResponse>,
): Promise<{ token: string; cookie?: string } | { failed: UpstreamResponse }> {
  const res = await send({ method: 'GET', url, headers: { 'x-csrf-token': 'Fetch', accept: 'application/json' } });
  const token = res.headers['x-csrf-token'];
  const value = Array.isArray(token) ? token[0] : token;
  if (res.status >= 300 || !value || value.toLowerCase() === 'required') return { failed: res.status >= 300 ? res : { ...res, status: 403 } };
  const setCookie = res.headers['set-cookie'];
  const cookies = (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).map((c) => c.split(';')[0]!.trim()).filter((c) => /^[^=\s]+=/.test(c));
  return { token: value, cookie: cookies.length ? cookies.join('; ') : undefined };
}
