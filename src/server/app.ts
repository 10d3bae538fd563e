// The HTTP server: Fastify with the model-derived routes, authentication,
// throttling, one log line per request, and the health endpoint.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
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
import { ServiceError, invalidParameter } from '../protocol/errors.js';
import { operationSpecs, sendError } from '../protocol/http.js';
import { Throttle } from './throttle.js';
import { egressFromConfig } from './egress-config.js';
import { oauthEntrance } from './oauth-callback.js';
import { mcpEntrance } from './mcp-http.js';
import { Connections } from '../connections/index.js';
import { createExtensionOperations } from '../ops/index.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { shippedCatalogs } from '../catalog/index.js';
import { Metrics, instrumentStore } from './metrics.js';
import { readiness } from './health.js';
import { consoleEntrance } from './console.js';
import { CONSOLE_DEFAULTS, ConsoleSessions, SESSION_COOKIE, cookieValue, type ConsoleOptions } from './console-sessions.js';
import { registerBodyAdmission } from './body-admission.js';
import { Pipeline } from './pipeline.js';
import { type SigV4Authenticator, sigv4Entrance } from './sigv4-entrance.js';

export interface AppDeps {
  config: Config;
  store: Store;
  keys: KeyRing;
  log: Logger;
  now?: () => number;
  /** How SigV4 requests are authenticated (default: auth/identity.ts's Authenticator over the store). */
  authenticator?: SigV4Authenticator;
  /** Console session lifetimes and sign-in limits (defaults in console-sessions.ts); for tests. */
  console?: Partial<ConsoleOptions>;
  /** This server's metrics (docs/operations/metrics.md); a new registry when not given. */
  metrics?: Metrics;
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
    store,
    keys,
    config,
    now,
    perms: new Permissions(store),
    pages: new PageTokens(await serverKey(store.meta, keys, PAGE_TOKEN_KEY_META)),
    egress,
    connections: new Connections({ store, keys, egress, config, now, log, onToken: (kind, outcome) => metrics.token(kind, outcome) }),
    metrics,
    log,
    audit: new AuditTrail({ store, retentionDays: config.auditRetentionDays, now, log }),
  };
  const ops = createOperations(services);
  const auth = new Authenticator(store, keys, config.region, now);
  const pipeline = new Pipeline({ log, metrics, throttle: new Throttle(config.throttle, now, config.nodes) });

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
      const msg =
        err.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? 'A path label is longer than any member allows.'
          : `The request path could not be read: ${err.message.slice(0, 200)}`;
      sendError(reply, req.id, invalidParameter(msg));
    },
    // Requests Node cannot parse as HTTP (headers or request line over the size limit, ...)
    // get a restJson1 error too, and `Connection: close`, so that a keep-alive client
    // does not reuse the socket the server is about to close.
    clientErrorHandler: (err: Error & { code?: string }, socket) => {
      if (err.code === 'ECONNRESET' || socket.destroyed) return;
      if (!socket.writable) {
        socket.destroy(err);
        return;
      }
      const id = randomUUID();
      const message =
        err.code === 'HPE_HEADER_OVERFLOW'
          ? 'The request line and headers are larger than the server accepts.'
          : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? 'The request was not received in time.'
            : 'The request is not valid HTTP.';
      const body = JSON.stringify({ Message: message, RequestId: id });
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `x-amzn-RequestId: ${id}\r\nx-amzn-ErrorType: InvalidParameterValueException\r\nConnection: close\r\n\r\n${body}`,
      );
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
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  // No body byte is read before the request is admitted from its headers (the entrances' onRequest hooks).
  registerBodyAdmission(app, config.maxBufferedRequestBytes);
  // Per-request state and the one log line per request (pipeline.ts).
  pipeline.install(app);

  app.setErrorHandler(async (err: Error & { code?: string; statusCode?: number }, req, reply) => {
    // Refusals of the body admission (body-admission.ts), raised while the body is read.
    if (err instanceof ServiceError) return sendError(reply, req.id, err);
    // Errors Fastify raises before a handler runs: body too large, bad content length, ...
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const msg =
        err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `The request body is larger than the limit of ${req.routeOptions.bodyLimit ?? config.bodyLimit} bytes.`
          : `The request could not be read: ${err.message}`;
      return sendError(reply, req.id, invalidParameter(msg));
    }
    pipeline.fail(req, reply, err);
  });

  app.get('/healthz', async (_req, reply) => {
    reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });
  // Unauthenticated like /healthz: says only whether this node can serve, and why not.
  app.get('/readyz', async (_req, reply) => {
    const r = await readiness(store, keys, log);
    reply
      .code(r.ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: r.ready ? 'ready' : 'not ready', checks: Object.fromEntries(r.checks.map((c) => [c.name, { ok: c.ok, message: c.message }])) });
  });

  const specs = operationSpecs({ ...ops, ...createExtensionOperations(services) });
  // The three entrances, each through the one pipeline: SigV4 (also the server's not-found
  // answer), the web console (a session instead of SigV4), MCP (a bearer token's user).
  app.register(sigv4Entrance, { specs, pipeline, authenticator: deps.authenticator ?? auth });
  app.register(consoleEntrance, { prefix: '/console', services, specs, pipeline, log, options: deps.console });
  // Browsers ask every origin for /favicon.ico: the console's icon (not an unsigned API request's 403).
  app.get('/favicon.ico', async (req, reply) => {
    pipeline.name(req, 'console:Static');
    return reply.header('cache-control', 'public, max-age=86400').redirect('/console/favicon.svg', 301);
  });
  app.register(mcpEntrance, { store, auth, perms: services.perms, specs, pipeline, log, now });
  // The OAuth sign-in confirmation refuses a link another user started when the browser is signed in to the console.
  const consoleSessions = new ConsoleSessions({
    store: services.store,
    keys: services.keys,
    region: services.config.region,
    now: services.now,
    options: { ...CONSOLE_DEFAULTS, ...deps.console },
  });
  app.register(oauthEntrance, {
    connections: services.connections,
    log,
    named: (req, op) => pipeline.name(req, op),
    signedIn: (cookies) => consoleSessions.peek(cookieValue(cookies, SESSION_COOKIE)),
  });
  app.addHook('onClose', async () => {
    services.connections.close();
    await services.audit.close();
    await egress.close();
  });
  // Audit retention: records past it are deleted now and every hour.
  services.audit.start();

  return { app, services };
}
