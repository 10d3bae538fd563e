// The HTTP server: Fastify with the model-derived routes, authentication,
// throttling, one log line per request, and the health endpoint.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import type { KeyRing } from '../crypto/keyring.js';
import { Authenticator } from '../auth/identity.js';
import { Permissions } from '../auth/permissions.js';
import { PAGE_TOKEN_KEY_META, PageTokens } from '../domain/page-tokens.js';
import { serverKey } from '../crypto/sealed-secrets.js';
import { createOperations } from '../ops/index.js';
import type { Services } from '../ops/services.js';
import { ServiceError, invalidParameter, notFound } from '../protocol/errors.js';
import { type OperationSpec, decodeInput, operationSpecs, registerOperations, sendError, sendResult } from '../protocol/http.js';
import { Throttle } from './throttle.js';
import { egressFromConfig } from './egress-config.js';
import { registerOAuthCallback } from './oauth-callback.js';
import { registerMcpRoute } from './mcp-http.js';
import { Connections } from '../connections/index.js';
import { createExtensionOperations } from '../ops/index.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { shippedCatalogs } from '../catalog/index.js';
import { scrubText, secretValuesIn } from './redact.js';
import type { Caller, RequestContext } from '../domain/types.js';
import { Metrics, instrumentStore } from './metrics.js';
import { readiness } from './health.js';
import { registerConsole } from './console.js';
import { CONSOLE_DEFAULTS, ConsoleSessions, SESSION_COOKIE, cookieValue, type ConsoleOptions } from './console-sessions.js';
import { admitBody, discardBody, registerBodyAdmission } from './body-admission.js';

export interface AppDeps {
  config: Config;
  store: Store;
  keys: KeyRing;
  log: Logger;
  now?: () => number;
  /**
   * BENCHMARK ONLY (bench/server-child.mjs): when set, SigV4 verification and the
   * access-key lookup are skipped and every request runs as this caller, so the
   * benchmark can measure what signature verification costs. Nothing in the CLI,
   * config file or environment sets it: startServer() never passes it, so a real
   * server always authenticates. Never set it outside the benchmark.
   */
  trustCaller?: Caller;
  /** Console session lifetimes and sign-in limits (defaults in console-sessions.ts); for tests. */
  console?: Partial<ConsoleOptions>;
  /** This server's metrics (README, Metrics); a new registry when not given. */
  metrics?: Metrics;
}

interface Timing { start: bigint; op?: string; account?: string; caller?: string }

/**
 * The program acting for the user, as it names itself in `x-actionbridge-client` (for the
 * audit record): printable ASCII, at most 200 characters. Taken only when the SigV4
 * signature covers the header: an unsigned one could have been added by anything on the
 * way, so it is ignored.
 */
function clientOf(req: FastifyRequest, signedHeaders: readonly string[] | undefined): { client?: string } {
  if (!signedHeaders?.includes('x-actionbridge-client')) return {};
  const v = req.headers['x-actionbridge-client'];
  const s = typeof v === 'string' ? v.replace(/[^\x20-\x7e]/g, '').trim().slice(0, 200) : '';
  return s ? { client: s } : {};
}

export async function buildApp(deps: AppDeps): Promise<{ app: FastifyInstance; services: Services }> {
  const { config, keys, log } = deps;
  const now = deps.now ?? Date.now;
  const metrics = deps.metrics ?? new Metrics();
  // Every store call is timed (database busy time) and every egress failure counted, for the metrics.
  const store = instrumentStore(deps.store, metrics);
  metrics.watchPool(deps.store);
  const egress = egressFromConfig(config, (err) => metrics.egressError(err.reason));
  // Every action catalog is checked now (format, references, input schemas): a bad one stops the start.
  shippedCatalogs();
  const services: Services = {
    store, keys, config, now,
    perms: new Permissions(store),
    pages: new PageTokens(await serverKey(store.meta, keys, PAGE_TOKEN_KEY_META)),
    egress,
    connections: new Connections({ store, keys, egress, config, now, log, onToken: (kind, outcome) => metrics.token(kind, outcome) }),
    metrics,
    audit: new AuditTrail({ store, retentionDays: config.auditRetentionDays, now, log }),
  };
  const ops = createOperations(services);
  const auth = new Authenticator(store, keys, config.region, now);
  const throttle = new Throttle(config.throttle, now, config.nodes);

  const app = Fastify({
    logger: false,
    bodyLimit: config.bodyLimit,
    genReqId: () => randomUUID(),
    // Whether X-Forwarded-For names the client (req.ip, which the console's sign-in limits count): off unless configured.
    trustProxy: config.trustProxy,
    // AWS clients percent-encode ARNs in path labels; keep routing on the raw path.
    routerOptions: { ignoreDuplicateSlashes: false, maxParamLength: 2048 },
    return503OnClosing: true,
    // A client that announces more body than it sends (or drips it) is cut off instead of holding a socket.
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    // Errors raised while routing (a path that does not percent-decode, a path label
    // over maxParamLength) get the restJson1 error shape like every other answer.
    frameworkErrors: (err, req, reply) => {
      const msg = err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'A path label is longer than any member allows.'
        : `The request path could not be read: ${err.message.slice(0, 200)}`;
      sendError(reply, req.id, invalidParameter(msg));
    },
    // Requests Node cannot parse as HTTP (headers or request line over the size limit, ...)
    // get a restJson1 error too, and `Connection: close`, so that a keep-alive client
    // does not reuse the socket the server is about to close.
    clientErrorHandler: (err: Error & { code?: string }, socket) => {
      if (err.code === 'ECONNRESET' || socket.destroyed) return;
      if (!socket.writable) { socket.destroy(err); return; }
      const id = randomUUID();
      const message = err.code === 'HPE_HEADER_OVERFLOW'
        ? 'The request line and headers are larger than the server accepts.'
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'The request was not received in time.' : 'The request is not valid HTTP.';
      const body = JSON.stringify({ Message: message, RequestId: id });
      socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`
        + `x-amzn-RequestId: ${id}\r\nx-amzn-ErrorType: InvalidParameterValueException\r\nConnection: close\r\n\r\n${body}`);
      socket.resume();
      socket.setTimeout(5_000, () => socket.destroy());
    },
  });

  // Every body is read raw: SigV4 hashes the exact bytes, and decoding is the protocol layer's job.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  // Graceful shutdown: a response sent once closing has begun carries `Connection: close`,
  // so a keep-alive connection busy at that moment ends with its response instead of
  // holding the process up until the keep-alive timeout.
  let closing = false;
  app.addHook('preClose', (done) => { closing = true; done(); });
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  // No body byte is read before the request is admitted from its headers (the routes' onRequest hooks below).
  registerBodyAdmission(app, config.maxBufferedRequestBytes);
  // The access key admit() found for a request, for authenticate() once the body is read.
  const admittedKeys = new WeakMap<FastifyRequest, Awaited<ReturnType<Authenticator['admit']>>>();

  const timings = new WeakMap<FastifyRequest, Timing>();
  // The request line has fixed members holding no secrets (strings and numbers only),
  // so pino's fixed-path redaction, a large part of writing it, has nothing to do
  // there: it is turned off for this one line (the logMethod hook still applies).
  const requestLog = log.child({}, { redact: { paths: [], censor: '[redacted]' } });
  app.addHook('onRequest', async (req) => { timings.set(req, { start: process.hrtime.bigint() }); });
  app.addHook('onResponse', async (req, reply) => {
    const t = timings.get(req);
    if (!t || req.url === '/healthz' || req.url === '/readyz') return;
    const durationMs = Number(process.hrtime.bigint() - t.start) / 1e6;
    metrics.request(t.op ?? 'unknown', reply.statusCode, durationMs / 1000);
    requestLog.info({
      requestId: req.id, op: t.op ?? 'unknown', method: req.method, account: t.account, caller: t.caller,
      status: reply.statusCode, durationMs,
    }, 'request');
  });

  const requestLine = (req: FastifyRequest) => {
    const url = req.raw.url ?? '/';
    const q = url.indexOf('?');
    // headersDistinct keeps every line of a repeated header: SigV4 joins them with ','
    // (req.headers would join them with ', ' and so break the signature).
    return { method: req.method, rawPath: q < 0 ? url : url.slice(0, q), rawQuery: q < 0 ? '' : url.slice(q + 1), headers: req.raw.headersDistinct ?? req.headers };
  };

  const authenticate = async (req: FastifyRequest) => {
    const line = requestLine(req);
    // Benchmark-only bypass; see AppDeps.trustCaller.
    if (deps.trustCaller) return { caller: deps.trustCaller, region: config.region, rawQuery: line.rawQuery, signedHeaders: [] as string[] };
    const who = await auth.authenticate({ ...line, body: req.body as Buffer | undefined }, admittedKeys.get(req));
    return { ...who, rawQuery: line.rawQuery };
  };

  /**
   * Before the body is read: the signature's form, scope and time, and its access key
   * (known and active). A request refused here is answered without reading its body.
   */
  const admit = async (spec: OperationSpec, req: FastifyRequest, reply: FastifyReply) => {
    const t = timings.get(req);
    if (t) t.op = spec.name;
    if (deps.trustCaller) { admitBody(req, `user:${deps.trustCaller.userArn}`); return; }
    try {
      const key = await auth.admit(requestLine(req));
      admittedKeys.set(req, key);
      admitBody(req, `key:${key.accessKeyId}`);
    } catch (e) {
      await discardBody(req);
      fail(req, reply, e);
      return reply;
    }
  };

  const fail = (req: FastifyRequest, reply: FastifyReply, e: unknown) => {
    if (e instanceof ServiceError) return sendError(reply, req.id, e);
    // Scrubbed by keyword and by value: the secrets this request carried never reach the log.
    const values = secretValuesIn(req.body);
    log.error({ requestId: req.id, err: { type: (e as Error)?.name, message: scrubText((e as Error)?.message, values), stack: scrubText((e as Error)?.stack, values) } }, 'internal failure');
    return sendError(reply, req.id, new ServiceError('InternalFailureException', 'An internal failure occurred. The request id identifies it in the server log.'));
  };

  const handle = async (spec: OperationSpec, req: FastifyRequest, reply: FastifyReply) => {
    const t = timings.get(req);
    if (t) t.op = spec.name;
    try {
      const { caller, region, rawQuery, signedHeaders } = await authenticate(req);
      if (t) { t.account = caller.accountId; t.caller = caller.userArn; }
      try { throttle.take(caller.accountId); } catch (e) { metrics.throttled(spec.name); throw e; }
      const input = decodeInput(spec, req, rawQuery);
      const ctx: RequestContext = { caller, region, requestId: req.id, ...clientOf(req, signedHeaders) };
      const out = await spec.handler(ctx, input as never);
      sendResult(reply, spec, req.id, out);
    } catch (e) {
      fail(req, reply, e);
    }
  };

  app.get('/healthz', async (_req, reply) => { reply.header('cache-control', 'no-store').send({ status: 'ok' }); });
  // Unauthenticated like /healthz: says only whether this node can serve, and why not.
  app.get('/readyz', async (_req, reply) => {
    const r = await readiness(store, keys, log);
    reply.code(r.ready ? 200 : 503).header('cache-control', 'no-store')
      .send({ status: r.ready ? 'ready' : 'not ready', checks: Object.fromEntries(r.checks.map((c) => [c.name, { ok: c.ok, message: c.message }])) });
  });

  const specs = operationSpecs({ ...ops, ...createExtensionOperations(services) });
  registerOperations(app, specs, handle, admit);
  // The web console: the same operations behind a session cookie instead of SigV4 (src/server/console.ts).
  registerConsole(app, {
    services, specs, throttle, log, options: deps.console,
    note: (req, op, caller) => { const t = timings.get(req); if (t) { t.op = op; if (caller) { t.account = caller.accountId; t.caller = caller.userArn; } } },
  });
  // The OAuth sign-in confirmation refuses a link another user started when the browser is signed in to the console.
  const consoleSessions = new ConsoleSessions({
    store: services.store, keys: services.keys, region: services.config.region, now: services.now, options: { ...CONSOLE_DEFAULTS, ...deps.console },
  });
  registerOAuthCallback(app, services.connections, log, (req, op) => { const t = timings.get(req); if (t) t.op = op; },
    (cookies) => consoleSessions.peek(cookieValue(cookies, SESSION_COOKIE)));
  // MCP at /mcp: the same operations as a bearer token's user (src/server/mcp-http.ts).
  registerMcpRoute(app, {
    store, auth, perms: services.perms, specs, log, now, charge: (account) => throttle.take(account),
    tag: (req, op, caller) => { const t = timings.get(req); if (t) { t.op = op; if (caller) { t.account = caller.accountId; t.caller = caller.userArn; } } },
  });
  app.addHook('onClose', async () => { services.connections.close(); await services.audit.close(); await egress.close(); });
  // Audit retention: records past it are deleted now and every hour.
  services.audit.start();

  app.setNotFoundHandler(async (req, reply) => {
    try {
      await authenticate(req);
      throw notFound(`No operation matches ${req.method} ${(req.raw.url ?? '').split('?')[0]}.`);
    } catch (e) { fail(req, reply, e); }
  });

  app.setErrorHandler(async (err: Error & { code?: string; statusCode?: number }, req, reply) => {
    // Refusals of the body admission (body-admission.ts), raised while the body is read.
    if (err instanceof ServiceError) return sendError(reply, req.id, err);
    // Errors Fastify raises before a handler runs: body too large, bad content length, ...
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const msg = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? `The request body is larger than the limit of ${req.routeOptions.bodyLimit ?? config.bodyLimit} bytes.`
        : `The request could not be read: ${err.message}`;
      return sendError(reply, req.id, invalidParameter(msg));
    }
    fail(req, reply, err);
  });

  return { app, services };
}
