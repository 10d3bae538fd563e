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
import { PageTokens } from '../domain/page-tokens.js';
import { createOperations } from '../ops/index.js';
import type { Services } from '../ops/services.js';
import { ServiceError, invalidParameter, notFound } from '../protocol/errors.js';
import { type OperationSpec, decodeInput, modelOperationSpecs, registerOperations, sendError, sendResult } from '../protocol/http.js';
import { Throttle } from './throttle.js';
import type { RequestContext } from '../domain/types.js';

export interface AppDeps {
  config: Config;
  store: Store;
  keys: KeyRing;
  log: Logger;
  now?: () => number;
}

interface Timing { start: bigint; op?: string; account?: string; caller?: string }

export async function buildApp(deps: AppDeps): Promise<{ app: FastifyInstance; services: Services }> {
  const { config, store, keys, log } = deps;
  const now = deps.now ?? Date.now;
  const services: Services = {
    store, keys, config, now,
    perms: new Permissions(store),
    pages: await PageTokens.load(store, keys),
  };
  const ops = createOperations(services);
  const auth = new Authenticator(store, keys, config.region, now);
  const throttle = new Throttle(config.throttle, now);

  const app = Fastify({
    logger: false,
    bodyLimit: config.bodyLimit,
    genReqId: () => randomUUID(),
    // AWS clients percent-encode ARNs in path labels; keep routing on the raw path.
    routerOptions: { ignoreDuplicateSlashes: false, maxParamLength: 2048 },
    return503OnClosing: true,
  });

  // Every body is read raw: SigV4 hashes the exact bytes, and decoding is the protocol layer's job.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  const timings = new WeakMap<FastifyRequest, Timing>();
  app.addHook('onRequest', async (req) => { timings.set(req, { start: process.hrtime.bigint() }); });
  app.addHook('onResponse', async (req, reply) => {
    const t = timings.get(req);
    if (!t || req.url === '/healthz') return;
    log.info({
      requestId: req.id, op: t.op ?? 'unknown', method: req.method, account: t.account, caller: t.caller,
      status: reply.statusCode, durationMs: Number(process.hrtime.bigint() - t.start) / 1e6,
    }, 'request');
  });

  const authenticate = async (req: FastifyRequest) => {
    const url = req.raw.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q < 0 ? url : url.slice(0, q);
    const rawQuery = q < 0 ? '' : url.slice(q + 1);
    const who = await auth.authenticate({
      method: req.method, rawPath, rawQuery, headers: req.headers, body: req.body as Buffer | undefined,
    });
    return { ...who, rawQuery };
  };

  const fail = (req: FastifyRequest, reply: FastifyReply, e: unknown) => {
    if (e instanceof ServiceError) return sendError(reply, req.id, e);
    log.error({ requestId: req.id, err: { type: (e as Error)?.name, message: scrub((e as Error)?.message) , stack: scrub((e as Error)?.stack) } }, 'internal failure');
    return sendError(reply, req.id, new ServiceError('InternalFailureException', 'An internal failure occurred. The request id identifies it in the server log.'));
  };

  const handle = async (spec: OperationSpec, req: FastifyRequest, reply: FastifyReply) => {
    const t = timings.get(req);
    if (t) t.op = spec.name;
    try {
      const { caller, region, rawQuery } = await authenticate(req);
      if (t) { t.account = caller.accountId; t.caller = caller.userArn; }
      throttle.take(caller.accountId);
      const input = decodeInput(spec, req, rawQuery);
      const ctx: RequestContext = { caller, region, requestId: req.id };
      const out = await spec.handler(ctx, input as never);
      sendResult(reply, spec, req.id, out);
    } catch (e) {
      fail(req, reply, e);
    }
  };

  app.get('/healthz', async (_req, reply) => { reply.header('cache-control', 'no-store').send({ status: 'ok' }); });

  registerOperations(app, modelOperationSpecs(ops as never), handle);

  app.setNotFoundHandler(async (req, reply) => {
    try {
      await authenticate(req);
      throw notFound(`No operation matches ${req.method} ${(req.raw.url ?? '').split('?')[0]}.`);
    } catch (e) { fail(req, reply, e); }
  });

  app.setErrorHandler(async (err: Error & { code?: string; statusCode?: number }, req, reply) => {
    // Errors Fastify raises before a handler runs: body too large, bad content length, ...
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const msg = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? `The request body is larger than the limit of ${config.bodyLimit} bytes.`
        : `The request could not be read: ${err.message}`;
      return sendError(reply, req.id, invalidParameter(msg));
    }
    fail(req, reply, err);
  });

  return { app, services };
}

/** Keeps secret-looking material out of logged error text. */
function scrub(s: string | undefined): string | undefined {
  return s?.replace(/(secret|password|apikey|token|authorization)([^\n]{0,200})/gi, '$1 [redacted]');
}
