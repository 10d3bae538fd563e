// The one outbound HTTP path of ActionBridge (PRODUCT.md §3, "Egress policy").
//
// Every hop of every request: parse the URL (https only), resolve the host once,
// check every address it resolves to, connect to the checked address (see
// connector.ts), send, and either follow a redirect (re-checking the new hop) or
// read the body up to the size limit. One deadline covers the whole exchange.
import type { IncomingHttpHeaders } from 'node:http';
import { Pool, buildConnector, util as undiciUtil, type Dispatcher } from 'undici';
import { AddressPolicy, parseIp } from './address-policy.js';
import { egressDefaults, secureContextFor, type EgressConfig, type EgressProfile, type EgressTenant, type ResolvedAddress } from './config.js';
import { pinnedConnector, ProxyTunnel, type PinnedTarget } from './connector.js';
import { EgressError, toEgressError } from './errors.js';
import { createFetch } from './fetch.js';
import { DnsCache } from './dns-cache.js';
import { ResponseBudget, type ResponseHold } from './budget.js';
import { PinnedPools } from './pools.js';

export interface EgressRequest {
  method: string;
  /** An absolute https URL. */
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** A VpcConnectionArn: use that VPC connection's allowed CIDRs and proxy instead of the global exceptions. */
  profile?: string;
  /** The account and region the request is made for: a profile limited to accounts serves only those. */
  tenant?: EgressTenant;
  /** Follow redirects (default true). When false, a 3xx is returned as the response. */
  followRedirects?: boolean;
  /**
   * More headers that carry credentials (an API key in `x-sn-apikey`, `APIKey`): like
   * Authorization and Cookie, they are dropped when a redirect leads to another origin.
   */
  originBoundHeaders?: readonly string[];
  signal?: AbortSignal;
  /** The invocation the request is made for (holdResponses): the body read stays charged to the budget until it ends. */
  hold?: ResponseHold;
}

/** A streamed request (Egress.stream): its own deadlines instead of the egress's whole-exchange one. */
export interface EgressStreamRequest extends EgressRequest {
  /** The whole exchange, the body's last byte included, at most. */
  totalTimeoutMs: number;
  /** The headers, and each next chunk of the body, must arrive within this. */
  idleTimeoutMs: number;
  /** The body's bytes at most (default: the egress's maxResponseBytes). */
  maxBytes?: number;
}

/** The answer of a streamed request: the body as it arrives. */
export interface EgressStreamResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: ReadableStream<Uint8Array>;
  /** The URL of the last hop, after redirects. */
  url: string;
}

export interface EgressResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  /** The URL of the last hop, after redirects. */
  url: string;
}

/** How requests of one profile (or of none) leave: which addresses they may reach, and how. */
interface Route {
  key: string;
  policy: AddressPolicy;
  tunnel?: ProxyTunnel;
  /** Who may use it (EgressProfile.accounts, .regions); unset: anyone. */
  accounts?: ReadonlySet<string>;
  regions?: ReadonlySet<string>;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// Headers the caller does not get to set: the transport owns them.
const TRANSPORT_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'upgrade',
  'content-length',
  'accept-encoding',
  'expect',
]);

/** Host names whose addresses are remembered at once (dns-cache.ts): far more than one server's upstreams. */
const DNS_CACHE_ENTRIES = 4096;

// Fetch §4.4 step 11: credentials that must not follow a redirect to another origin.
const ORIGIN_BOUND_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
// Fetch §4.4 step 12: headers that describe a body that is no longer sent.
const BODY_HEADERS = ['content-type', 'content-encoding', 'content-language', 'content-location'];

export class Egress {
  /** A fetch-compatible function (e.g. openid-client's customFetch) that uses no profile. */
  readonly fetch: typeof globalThis.fetch;

  private readonly cfg: EgressConfig;
  private readonly tls: buildConnector.connector;
  private readonly defaultRoute: Route;
  private readonly profiles = new Map<string, Route>();
  private readonly pools = new PinnedPools();
  /** Bytes of response bodies held at once, all requests together (maxBufferedBytes). */
  readonly budget: ResponseBudget;
  /** The resolver each hop asks: `resolve`, through `names` unless dnsCacheMs is 0. */
  private readonly resolveName: EgressConfig['resolve'];
  /** The addresses of names recently looked up (dns-cache.ts); undefined when dnsCacheMs is 0. */
  private readonly names: DnsCache | undefined;
  private closed = false;

  constructor(options: Partial<EgressConfig> = {}) {
    const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    this.cfg = { ...egressDefaults, ...defined };
    for (const key of ['connectTimeoutMs', 'totalTimeoutMs', 'maxResponseBytes', 'maxBufferedBytes'] as const) {
      if (!(this.cfg[key] > 0)) throw new TypeError(`egress ${key} must be a positive number`);
    }
    if (!(Number.isInteger(this.cfg.maxRedirects) && this.cfg.maxRedirects >= 0)) {
      throw new TypeError('egress maxRedirects must be a non-negative integer');
    }
    if (!(Number.isInteger(this.cfg.maxConnectionsPerOrigin) && this.cfg.maxConnectionsPerOrigin > 0)) {
      throw new TypeError('egress maxConnectionsPerOrigin must be a positive integer');
    }
    if (!(Number.isFinite(this.cfg.dnsCacheMs) && this.cfg.dnsCacheMs >= 0)) throw new TypeError('egress dnsCacheMs must be a non-negative number');
    this.budget = new ResponseBudget(this.cfg.maxBufferedBytes);
    const ask: EgressConfig['resolve'] = (hostname) => this.cfg.resolve(hostname);
    this.names = this.cfg.dnsCacheMs > 0 ? new DnsCache(ask, { ttlMs: this.cfg.dnsCacheMs, maxEntries: DNS_CACHE_ENTRIES }) : undefined;
    this.resolveName = this.names ? this.names.resolve : ask;
    // One secure context for every connection: the CA store is parsed once, not per handshake.
    // Verification stays on: rejectUnauthorized is Node's default and is never turned off here.
    const secureContext = secureContextFor(this.cfg.caPems);
    this.tls = buildConnector({ secureContext, timeout: this.cfg.connectTimeoutMs });
    this.defaultRoute = { key: '', policy: new AddressPolicy(this.cfg.allowCidrs) };
    for (const [arn, profile] of Object.entries(this.cfg.vpcProfiles)) {
      this.profiles.set(arn, {
        key: `profile:${arn}`,
        policy: new AddressPolicy(profile.allowCidrs),
        tunnel: profile.proxy ? new ProxyTunnel(proxyUrl(profile), this.cfg.connectTimeoutMs, secureContext) : undefined,
        ...(profile.accounts ? { accounts: new Set(profile.accounts) } : {}),
        ...(profile.regions ? { regions: new Set(profile.regions) } : {}),
      });
    }
    this.fetch = this.fetcher();
  }

  /** Whether a VPC connection with this ARN is configured (for validating connectors at create time). */
  hasProfile(arn: string): boolean {
    return this.profiles.has(arn);
  }

  /** A fetch-compatible function whose requests use the given profile (VpcConnectionArn) for `tenant`. */
  fetcher(profile?: string, tenant?: EgressTenant): typeof globalThis.fetch {
    return createFetch((req) => this.request(req), profile, tenant);
  }

  async request(req: EgressRequest): Promise<EgressResponse> {
    if (this.closed) throw new Error('Egress is closed');
    // Set by the first hop, before anything can time out (no second parse of the URL on this hot path).
    let origin = 'the destination';
    // No AbortController of its own (every one made was kept past a scavenge, on Node 20): the
    // deadline and the caller's signal stop the request through a Halt, which aborts what is
    // under way (the name's lookup, the hop in flight) at once.
    const halt = new Halt();
    let timedOut: EgressError | undefined;
    const timer = setTimeout(() => {
      timedOut = new EgressError('timeout', `${req.method.toUpperCase()} ${origin} did not complete within ${this.cfg.totalTimeoutMs} ms`);
      halt.stop(timedOut);
    }, this.cfg.totalTimeoutMs);
    const caller = req.signal;
    const callerAborted = caller ? () => halt.stop(caller.reason) : undefined;
    if (caller) {
      if (caller.aborted) halt.stop(caller.reason);
      else caller.addEventListener('abort', callerAborted!, { once: true });
    }
    try {
      const { res, url } = await this.exchange(
        req,
        halt,
        (o) => {
          origin = o;
        },
        (route, target, url, method, headers, body, follows) =>
          new Promise<WholeResponse>((resolve, reject) => {
            if (halt.stopped) return reject(halt.reason); // not sent at all
            const pool = this.poolFor(route, target);
            const handler = new WholeResponseHandler(halt, follows, this.cfg.maxResponseBytes, url.origin, this.budget, req.hold, resolve, reject);
            pool.dispatch({ path: `${url.pathname}${url.search}`, method, headers, body: body ?? null }, handler);
          }),
        // A followed redirect's body was read (or its connection closed) by its handler.
        () => Promise.resolve(),
      );
      origin = url.origin;
      return { status: res.statusCode, headers: responseHeaders(res.headers), body: res.body, url: url.href };
    } catch (err) {
      throw this.failure(err, timedOut, caller, origin);
    } finally {
      clearTimeout(timer);
      if (callerAborted) caller!.removeEventListener('abort', callerAborted);
    }
  }

  /**
   * A request whose answer is handed on as it arrives (the streams of an MCP session): the
   * same address policy, TLS trust, VPC profile and redirect rules as `request`, but instead
   * of the egress's whole-exchange deadline (totalTimeoutMs) the caller's `totalTimeoutMs`,
   * and `idleTimeoutMs` between the bytes received (the headers included). The body is a
   * stream of at most `maxBytes` bytes (default maxResponseBytes); past it, or past a
   * deadline, the stream errors with an EgressError and the connection is closed. The egress
   * holds nothing beyond the chunk being handed on (the consumer pulls), but what the
   * consumer keeps is charged to the response budget as it arrives, as for `request`: given
   * back when the stream ends, or with `hold` when the invocation does (a stream that fails
   * or is cancelled gives back at once). Cancelling the body or aborting `signal` closes the
   * connection.
   */
  async stream(req: EgressStreamRequest): Promise<EgressStreamResponse> {
    if (this.closed) throw new Error('Egress is closed');
    for (const key of ['totalTimeoutMs', 'idleTimeoutMs'] as const) {
      if (!(req[key] > 0)) throw new TypeError(`egress stream ${key} must be a positive number`);
    }
    const method = req.method.toUpperCase();
    // Set by the first hop, before anything can time out (no second parse of the URL on this hot path).
    let origin = 'the destination';
    const ended = new AbortController();
    const total = setTimeout(() => {
      ended.abort(new EgressError('timeout', `${method} ${origin} did not complete within ${req.totalTimeoutMs} ms`));
    }, req.totalTimeoutMs);
    let idle: NodeJS.Timeout | undefined;
    const quiet = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        ended.abort(new EgressError('timeout', `${method} ${origin} sent nothing for ${req.idleTimeoutMs} ms`));
      }, req.idleTimeoutMs);
    };
    const stop = () => {
      clearTimeout(total);
      clearTimeout(idle);
    };
    quiet();
    const signal = req.signal ? AbortSignal.any([req.signal, ended.signal]) : ended.signal;
    let res: Dispatcher.ResponseData;
    let url: URL;
    try {
      ({ res, url } = await this.exchange(
        req,
        new SignalHalt(signal),
        (o) => {
          origin = o;
        },
        (route, target, url, method, headers, body) => this.send(route, target, url, method, headers, body, signal, req.idleTimeoutMs),
        (res) => res.body.dump(),
      ));
    } catch (err) {
      stop();
      throw this.failure(err, endedReason(ended.signal), req.signal, origin);
    }
    quiet();
    const limit = req.maxBytes ?? this.cfg.maxResponseBytes;
    const reason = (err: unknown): unknown => this.failure(err, endedReason(ended.signal), req.signal, url.origin);
    const declared = Number(header(res.headers, 'content-length'));
    const chunks = res.body[Symbol.asyncIterator]();
    let size = 0;
    let charged = 0;
    let settled = false;
    const settle = (whole: boolean) => {
      if (settled) return;
      settled = true;
      stop();
      if (whole) this.budget.release(charged, req.hold);
      else this.budget.releaseNow(charged);
    };
    const abandon = () => {
      settle(false);
      res.body.on('error', () => {}).destroy();
    };
    // A deadline or the caller ends the stream even when nobody reads it any more.
    signal.addEventListener('abort', abandon, { once: true });
    const body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          if (declared > limit) {
            abandon();
            controller.error(new EgressError('response-too-large', `The response from ${url.origin} is larger than ${limit} bytes`));
          }
        },
        pull: async (controller) => {
          try {
            const next = await chunks.next();
            if (next.done) {
              settle(true);
              controller.close();
              return;
            }
            const chunk = next.value as Buffer;
            size += chunk.length;
            if (size > limit) throw new EgressError('response-too-large', `The response from ${url.origin} is larger than ${limit} bytes`);
            if (!this.budget.take(chunk.length)) {
              throw new EgressError(
                'busy',
                `The response from ${url.origin} was not read: the server holds too many upstream responses at once (egress maxBufferedBytes ${this.budget.limit}); retry later`,
              );
            }
            charged += chunk.length;
            quiet();
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          } catch (err) {
            abandon();
            controller.error(reason(err));
          }
        },
        cancel: () => abandon(),
      },
      { highWaterMark: 0 },
    );
    return { status: res.statusCode, headers: responseHeaders(res.headers), body, url: url.href };
  }

  /** What a failed exchange is thrown as: the deadline's or the caller's reason when they aborted it, else an EgressError. */
  private failure(err: unknown, deadline: unknown, callerSignal: AbortSignal | undefined, origin: string): unknown {
    if (deadline !== undefined) return deadline;
    if (callerSignal?.aborted) return callerSignal.reason;
    if (typeof err === 'object' && err !== null && 'code' in err && err.code === 'UND_ERR_INVALID_ARG') return err; // a malformed request is a bug, not an egress failure
    return toEgressError(err, origin);
  }

  /**
   * Every hop of one request up to the answer that ends it (not a redirect, or one not
   * followed), each sent by `send` to the pinned address: the answer as `send` gives it
   * (`request`: read whole; `stream`: its body unread). `follows` says where an answer
   * redirects to when it is followed; `discard` gets rid of such an answer's body. `hop`
   * is told each hop's origin.
   */
  private async exchange<R extends { statusCode: number; headers: IncomingHttpHeaders }>(
    req: EgressRequest,
    halt: Halt,
    hop: (origin: string) => void,
    send: (
      route: Route,
      target: PinnedTarget,
      url: URL,
      method: string,
      headers: Record<string, string>,
      body: string | Uint8Array | undefined,
      follows: Follows,
    ) => Promise<R>,
    discard: (res: R) => Promise<unknown>,
  ): Promise<{ res: R; url: URL }> {
    const route = this.route(req.profile, req.tenant);
    const start = httpsUrl(req.url);
    let url = start;
    const follows: Follows = (req.followRedirects ?? true) ? followedLocation : notFollowed;
    let method = req.method.toUpperCase();
    let body = req.body;
    const headers = outgoingHeaders(req.headers);
    for (let redirects = 0; ; redirects++) {
      hop(url.origin);
      const target = await this.pin(url, route, halt);
      let res: R;
      try {
        res = await send(route, target, url, method, headers, body, follows);
      } catch (err) {
        // The address did not take the connection: the next request asks for the name again
        // rather than trying the remembered address until its time is over (DNS failover).
        if (this.names && addressUnreachable(err)) this.names.forget(target.hostname);
        throw err;
      }
      const location = follows(res.statusCode, res.headers);
      if (location === undefined) return { res, url };
      await discard(res);
      if (redirects >= this.cfg.maxRedirects) {
        throw new EgressError('too-many-redirects', `More than ${this.cfg.maxRedirects} redirects, starting at ${start.origin}`);
      }
      const next = redirectUrl(location, url);
      if (next.origin !== url.origin) {
        for (const name of ORIGIN_BOUND_HEADERS) delete headers[name];
        for (const name of req.originBoundHeaders ?? []) delete headers[name.toLowerCase()];
      }
      if ((res.statusCode === 303 && method !== 'GET' && method !== 'HEAD') || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        for (const name of BODY_HEADERS) delete headers[name];
      }
      url = next;
    }
  }

  /**
   * Runs `fn` (an invocation) with a hold: the response bodies of the requests made with
   * it (EgressRequest.hold) stay charged to the budget until `fn` ends, since they live
   * (parsed, mapped) until then.
   */
  holdResponses<T>(fn: (hold: ResponseHold) => Promise<T>): Promise<T> {
    return this.budget.holdResponses(fn);
  }

  /** Closes every pooled connection (tunnelled ones included); in-flight requests finish first. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pools.close();
  }

  private route(profile: string | undefined, tenant: EgressTenant | undefined): Route {
    if (profile === undefined) return this.defaultRoute;
    const route = this.profiles.get(profile);
    // Another tenant's VPC connection is refused exactly as one that does not exist.
    const serves =
      route !== undefined &&
      (route.accounts === undefined ||
        (tenant !== undefined && route.accounts.has(tenant.accountId) && (route.regions === undefined || route.regions.has(tenant.region))));
    if (!serves) throw new EgressError('unknown-profile', `No VPC connection is configured for ${profile}`);
    return route;
  }

  /** Resolves the hop's host once and checks every address; returns the one to connect to. */
  private async pin(url: URL, route: Route, halt: Halt): Promise<PinnedTarget> {
    const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const candidates = isIpLiteral(hostname) ? [hostname] : await this.lookup(hostname, halt);
    let address: string | undefined;
    for (const candidate of candidates) {
      const verdict = route.policy.check(candidate);
      // One refused answer refuses the host: a name that also points inside is not trusted.
      if (!verdict.allowed) {
        throw new EgressError('refused-address', `Refused to connect to ${hostname}: it is not a public address and no egress exception allows it`);
      }
      address ??= verdict.address;
    }
    return { hostname, address: address!, port: Number(url.port) || 443, origin: url.origin };
  }

  private async lookup(hostname: string, halt: Halt): Promise<string[]> {
    if (halt.stopped) throw halt.reason;
    let found: readonly ResolvedAddress[];
    try {
      found = await untilHalted(this.resolveName(hostname), halt);
    } catch (err) {
      if (halt.stopped) throw err;
      throw new EgressError('dns', `Could not resolve ${hostname}`, { cause: err });
    }
    if (found.length === 0) throw new EgressError('dns', `Could not resolve ${hostname}`);
    return found.map((a) => a.address);
  }

  private send(
    route: Route,
    target: PinnedTarget,
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | Uint8Array | undefined,
    signal: AbortSignal,
    idleMs?: number,
  ): Promise<Dispatcher.ResponseData> {
    const pool = this.poolFor(route, target);
    // A stream's own idle timer ends it first (with a clearer message); undici's bounds only back it up.
    const timeouts = idleMs !== undefined ? { headersTimeout: idleMs + 1_000, bodyTimeout: idleMs + 1_000 } : {};
    return pool.request({ path: `${url.pathname}${url.search}`, method, headers, body: body ?? null, signal, ...timeouts });
  }

  /** The pool of connections to a pinned address, by route (one per route, origin and address). */
  private poolFor(route: Route, target: PinnedTarget): Pool {
    return this.pools.get(`${route.key}\n${target.origin}\n${target.address}`, () => {
      return new Pool(target.origin, {
        connect: pinnedConnector(this.tls, target, route.tunnel),
        connections: this.cfg.maxConnectionsPerOrigin,
        // The deadline bounds the exchange; these only keep undici from giving up first.
        headersTimeout: this.cfg.totalTimeoutMs,
        bodyTimeout: this.cfg.totalTimeoutMs,
      });
    });
  }
}

/** Socket errors of a connection the address did not take (refused, unreachable, or no answer in time). */
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

function addressUnreachable(err: unknown): boolean {
  const e = err instanceof EgressError ? err.cause : err;
  const code = (e as { code?: unknown } | null | undefined)?.code;
  return (err instanceof EgressError && err.reason === 'connect-timeout') || (typeof code === 'string' && UNREACHABLE.has(code));
}

// Whether a URL's host is an IP address (no lookup), by host text: asked on every
// hop, answered from a small bounded memo instead of parsing the address each time.
const literals = new Map<string, boolean>();
function isIpLiteral(hostname: string): boolean {
  let yes = literals.get(hostname);
  if (yes === undefined) {
    yes = parseIp(hostname) !== undefined;
    if (literals.size >= 4096) literals.clear();
    literals.set(hostname, yes);
  }
  return yes;
}

function proxyUrl(profile: EgressProfile): URL {
  const url = URL.canParse(profile.proxy!) ? new URL(profile.proxy!) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new TypeError(`egress profile ${profile.id}: proxy must be an http or https URL`);
  }
  return url;
}

/** The URL of a request: absolute, https, and without credentials in it. */
function httpsUrl(text: string): URL {
  // One parse (canParse and then new URL parse twice, on every hop of every request).
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new EgressError('bad-url', 'The URL is not a valid absolute URL');
  }
  if (url.protocol !== 'https:') throw new EgressError('bad-url', `Only https URLs are allowed, not ${url.protocol}`);
  if (url.username || url.password) throw new EgressError('bad-url', 'URLs with credentials are not allowed');
  return url;
}

function redirectUrl(location: string, base: URL): URL {
  const next = URL.canParse(location, base) ? new URL(location, base) : undefined;
  if (!next) throw new EgressError('bad-url', `Redirect from ${base.origin} to an invalid URL`);
  if (next.protocol !== 'https:') throw new EgressError('insecure-redirect', `Redirect from ${base.origin} to a ${next.protocol} URL refused`);
  if (next.username || next.password) throw new EgressError('bad-url', 'Redirect to a URL with credentials refused');
  return next;
}

// What HTTP/1.1 cannot carry in a header value: control characters but tab, and anything past ISO-8859-1.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are refused in header values
const NOT_HEADER_TEXT = /[\u0000-\u0008\u000a-\u001f\u007f]|[^\u0000-\u00ff]/;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function outgoingHeaders(input: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': 'ActionBridge' };
  for (const [name, value] of Object.entries(input)) {
    const lower = name.toLowerCase();
    // Input is checked where it is read (a 400 naming the member); this catches the rest
    // (a token a provider issued, say) as a failed request instead of undici's exception.
    if (!HEADER_NAME.test(name)) throw new EgressError('bad-header', 'A header name is not an HTTP token');
    if (typeof value === 'string' && NOT_HEADER_TEXT.test(value)) {
      throw new EgressError('bad-header', `The value of the ${lower} header cannot be sent: it has control characters or characters above U+00FF`);
    }
    if (!TRANSPORT_HEADERS.has(lower)) headers[lower] = value;
  }
  // No content coding: the size limit is on the bytes received, and nothing is decompressed.
  headers['accept-encoding'] = 'identity';
  return headers;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function responseHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = value;
  return out;
}

/** Where an answer redirects to when the redirect is followed; undefined when it ends the exchange. */
type Follows = (statusCode: number, headers: IncomingHttpHeaders) => string | undefined;
const followedLocation: Follows = (statusCode, headers) => (REDIRECT_STATUSES.has(statusCode) ? header(headers, 'location') : undefined);
const notFollowed: Follows = () => undefined;

/** An answer read whole (`request`); a followed redirect's body is not kept (empty). */
interface WholeResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** As undici's dump(): a followed redirect's body is read and dropped up to this many bytes; past them its connection is closed. */
const DUMP_LIMIT = 128 * 1024;
/** What a redirect's dropped body was aborted with: not a failure. */
const DUMPED = new Error('the body of a followed redirect was not read');

/**
 * One hop of `request`, read whole as undici hands it over (a dispatch handler: no response
 * stream, no async iteration, no promise per chunk; the hot path of every invocation). The
 * body is read up to `limit` bytes, charging them to the server-wide `budget`; past either
 * the request (and its connection) is aborted. A declared length is charged at once (a body
 * that cannot fit is not read at all); the rest as it arrives. The charge is given back when
 * the read ends, however it ends: with `hold` when the body was read whole (see budget.ts),
 * at once otherwise. When `halt` stops (the deadline, the caller), the request is aborted: at
 * once while it is under way, or when it is sent if it stopped before.
 */
class WholeResponseHandler implements Dispatcher.DispatchHandler {
  private abort: ((err?: Error) => void) | undefined;
  private statusCode = 0;
  private headers: IncomingHttpHeaders = {};
  /** A followed redirect: its body is dropped. */
  private dropping = false;
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private charged = 0;
  private settled = false;

  constructor(
    private readonly halt: Halt,
    private readonly follows: Follows,
    private readonly limit: number,
    private readonly origin: string,
    private readonly budget: ResponseBudget,
    private readonly hold: ResponseHold | undefined,
    private readonly resolve: (res: WholeResponse) => void,
    private readonly reject: (err: unknown) => void,
  ) {}

  private readonly cancel = (reason: unknown): void => {
    this.abort?.(reason as Error);
  };

  onConnect(abort: (err?: Error) => void): void {
    if (this.halt.stopped) abort(this.halt.reason as Error);
    else {
      this.abort = abort;
      this.halt.onStop(this.cancel);
    }
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    if (statusCode < 200) return true; // 1xx: the answer follows
    this.statusCode = statusCode;
    this.headers = undiciUtil.parseHeaders(rawHeaders) as IncomingHttpHeaders;
    const declared = Number(header(this.headers, 'content-length'));
    if (this.follows(statusCode, this.headers) !== undefined) {
      this.dropping = true;
      if (declared > DUMP_LIMIT) throw DUMPED;
      return true;
    }
    if (declared > this.limit) throw this.tooLarge();
    if (declared > 0) this.charge(declared);
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.size += chunk.length;
    if (this.dropping) {
      if (this.size > DUMP_LIMIT) throw DUMPED;
      return true;
    }
    if (this.size > this.limit) throw this.tooLarge();
    if (this.size > this.charged) this.charge(this.size - this.charged);
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    if (this.settle()) return;
    // A body read whole lives on (held to the end of an invocation).
    this.budget.release(this.charged, this.hold);
    this.resolve({ statusCode: this.statusCode, headers: this.headers, body: this.dropping ? Buffer.alloc(0) : Buffer.concat(this.chunks, this.size) });
  }

  onError(err: Error): void {
    if (this.settle()) return;
    // A failed read is gone now.
    this.budget.releaseNow(this.charged);
    if (err === DUMPED) this.resolve({ statusCode: this.statusCode, headers: this.headers, body: Buffer.alloc(0) });
    else this.reject(err);
  }

  /** Ends the handler's part (true if it had ended already). */
  private settle(): boolean {
    if (this.settled) return true;
    this.settled = true;
    if (this.abort) this.halt.onStop(undefined);
    this.abort = undefined;
    return false;
  }

  private charge(n: number): void {
    if (!this.budget.take(n)) {
      throw new EgressError(
        'busy',
        `The response from ${this.origin} was not read: the server holds too many upstream responses at once (egress maxBufferedBytes ${this.budget.limit}); retry later`,
      );
    }
    this.charged += n;
  }

  private tooLarge(): EgressError {
    return new EgressError('response-too-large', `The response from ${this.origin} is larger than ${this.limit} bytes`);
  }
}

/** `promise`, or the halt's reason if it stops first (resolvers take no signal). */
function untilHalted<T>(promise: Promise<T>, halt: Halt): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    halt.onStop(reject);
    promise.then(resolve, reject).finally(() => halt.onStop(undefined));
  });
}

/**
 * What stops a request early: its deadline or its caller (the first reason wins). What is
 * under way when it stops (a name's lookup, the hop in flight: one at a time) registers
 * with onStop and is told at once.
 */
class Halt {
  stopped = false;
  reason: unknown = undefined;
  private listener: ((reason: unknown) => void) | undefined;

  stop(reason: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    this.reason = reason;
    const f = this.listener;
    this.listener = undefined;
    f?.(reason);
  }

  /** Sets (or with undefined, clears) what is told when the request stops. */
  onStop(f: ((reason: unknown) => void) | undefined): void {
    this.listener = f;
  }
}

/** A Halt that an AbortSignal stops (Egress.stream, which has its signals anyway). */
class SignalHalt extends Halt {
  constructor(signal: AbortSignal) {
    super();
    if (signal.aborted) this.stop(signal.reason);
    else signal.addEventListener('abort', () => this.stop(signal.reason), { once: true });
  }
}

/** The reason a stream's own deadlines ended it, if they did. */
const endedReason = (ended: AbortSignal): unknown => (ended.aborted ? ended.reason : undefined);
