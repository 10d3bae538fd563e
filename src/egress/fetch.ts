// A fetch-compatible face of Egress.request, for libraries that take a fetch
// (openid-client's customFetch, the AWS SDK's fetch handler and the like).
// Redirect modes: 'follow' re-checks each hop as request() does, 'manual' returns
// the 3xx response, 'error' rejects on a redirect. Failures reject with EgressError.
import type { EgressTenant } from './config.js';
import type { EgressRequest, EgressResponse } from './egress.js';

// Fetch §2.2.3: statuses whose response has no body.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function createFetch(
  request: (req: EgressRequest) => Promise<EgressResponse>,
  profile: string | undefined,
  tenant?: EgressTenant,
): typeof globalThis.fetch {
  return async function egressFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    // The Request constructor applies fetch's own rules: method normalization,
    // a body with GET refused, Content-Type implied by the body type.
    const req = new Request(input, init);
    const headers: Record<string, string> = {};
    req.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const res = await request({
      method: req.method,
      url: req.url,
      headers,
      body: req.body ? Buffer.from(await req.arrayBuffer()) : undefined,
      profile,
      ...(tenant ? { tenant } : {}),
      followRedirects: req.redirect === 'follow',
      signal: req.signal,
    });
    if (req.redirect === 'error' && REDIRECT_STATUSES.has(res.status) && res.headers.location !== undefined) {
      throw new TypeError(`fetch failed: redirect from ${res.url} with redirect mode 'error'`);
    }
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      for (const v of Array.isArray(value) ? value : [value]) responseHeaders.append(name, v);
    }
    // A Buffer is a Uint8Array over an ArrayBuffer; the DOM typings want to be told.
    const body = NULL_BODY_STATUSES.has(res.status) ? null : (res.body as Uint8Array<ArrayBuffer>);
    const response = new Response(body, {
      status: res.status,
      headers: responseHeaders,
    });
    Object.defineProperty(response, 'url', { value: res.url });
    return response;
  };
}
