// The one operation pipeline. Every entrance (SigV4 routes: sigv4-entrance.ts, the
// console API: console.ts, /mcp: mcp-http.ts) sends an operation through here:
//
//   authenticate (the entrance's) → throttle → decode (the entrance's) → validate → run
//   → encode → log
//
// An entrance contributes only how it authenticates and how it decodes its input.
// Failures have one handler: ServiceErrors are answered as they are, anything else is
// logged scrubbed (by keyword and by the request's secret values) and answered as
// InternalFailureException. The per-request state (start time, operation, caller, what
// the request was admitted with) lives on the request (decorateRequest), and the
// onResponse hook writes one log line and the request metrics from it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Caller, RequestContext } from '../domain/types.js';
import type { Authenticator } from '../auth/identity.js';
import type { BearerResult } from '../auth/mcp-token-auth.js';
import { ServiceError } from '../protocol/errors.js';
import { type OperationSpec, sendError, sendResult } from '../protocol/http.js';
import { validateInput } from '../protocol/validate.js';
import type { Metrics } from './metrics.js';
import type { ResolvedSession } from './console-sessions.js';
import { scrubText, secretValuesIn } from './redact.js';

/** What Authenticator.admit found from the headers (the key's record, the checked signature). */
export type AdmittedKey = Awaited<ReturnType<Authenticator['admit']>>;

/** What a request was admitted with before its body was read, by entrance. */
export type Admission = { kind: 'sigv4'; admitted: AdmittedKey } | { kind: 'session'; session: ResolvedSession } | { kind: 'bearer'; who: BearerResult };

declare module 'fastify' {
  interface FastifyRequest {
    /** process.hrtime.bigint() when the request arrived (null only before onRequest). */
    startedAt: bigint | null;
    /** The operation, as the log line and the metrics name it. */
    opName: string | null;
    /** Who the request was authenticated as. */
    caller: Caller | null;
    admission: Admission | null;
  }
}

/** Who an entrance authenticated, and in which region the operation runs. */
export interface Entered {
  caller: Caller;
  region: string;
  /** The program acting for the user (x-actionbridge-client), when the entrance can vouch for it. */
  client?: string;
  /**
   * UpdateActionConnector keeps the connector's stored secret (the input carries a
   * placeholder in its place). Only the console's decode sets it (console.ts, its
   * `KeepCurrentSecret` body member); SigV4 and MCP callers never can.
   */
  keepSecret?: true;
}

/** What an entrance contributes to one operation call. */
export interface EntranceCall {
  authenticate(): Promise<Entered>;
  /** The operation's input, before validation (it may set `who.keepSecret`: the context is built after it). */
  decode(who: Entered): Record<string, unknown>;
  /** How a failure is answered (default Pipeline.fail). */
  fail?(e: unknown): void;
}

export interface PipelineDeps {
  log: Logger;
  metrics: Metrics;
  throttle: { take(accountId: string): void };
}

const INTERNAL_FAILURE = 'An internal failure occurred. The request id identifies it in the server log.';

export class Pipeline {
  constructor(private readonly deps: PipelineDeps) {}

  /**
   * The request state and the request log line: decorators, the onRequest hook that
   * starts the clock, and the onResponse hook that writes one line and the metrics.
   * Installed once, on the root instance, before the entrances are registered.
   */
  install(app: FastifyInstance): void {
    app.decorateRequest('startedAt', null);
    app.decorateRequest('opName', null);
    app.decorateRequest('caller', null);
    app.decorateRequest('admission', null);
    // The request line has fixed members holding no secrets (strings and numbers only),
    // so pino's fixed-path redaction, a large part of writing it, has nothing to do
    // there: it is turned off for this one line (the logMethod hook still applies).
    const requestLog = this.deps.log.child({}, { redact: { paths: [], censor: '[redacted]' } });
    // Callback hooks, not async ones: an async hook costs a promise and a microtask turn per request.
    app.addHook('onRequest', (req, _reply, done) => {
      req.startedAt = process.hrtime.bigint();
      done();
    });
    app.addHook('onResponse', (req, reply, done) => {
      const startedAt = req.startedAt;
      if (startedAt !== null && req.url !== '/healthz' && req.url !== '/readyz') this.logRequest(requestLog, req, startedAt, reply.statusCode);
      done();
    });
  }

  /** The request's metrics and its one log line. */
  private logRequest(requestLog: Logger, req: FastifyRequest, startedAt: bigint, status: number): void {
    {
      const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
      const op = req.opName ?? 'unknown';
      this.deps.metrics.request(op, status, durationMs / 1000);
      requestLog.info(
        {
          requestId: req.id,
          op,
          method: req.method,
          account: req.caller?.accountId,
          caller: req.caller?.userArn,
          status,
          durationMs,
        },
        'request',
      );
    }
  }

  /** Names the request for its log line: the operation, and once known, the caller. */
  name(req: FastifyRequest, op: string, caller?: Caller): void {
    req.opName = op;
    if (caller) req.caller = caller;
  }

  /** Charges the account's request budget (ThrottlingException when empty), counted by the request's operation. */
  throttle(req: FastifyRequest | undefined, accountId: string): void {
    try {
      this.deps.throttle.take(accountId);
    } catch (e) {
      if (req) this.deps.metrics.throttled(req.opName ?? 'unknown');
      throw e;
    }
  }

  /** Validation of the input (unknown members dropped), then the operation. */
  async run(spec: OperationSpec, ctx: RequestContext, input: Record<string, unknown>): Promise<object> {
    validateInput(spec.validate, input);
    return spec.handler(ctx, input as never);
  }

  /**
   * The one internal-failure handler: the error is logged scrubbed by keyword and by
   * value (the secrets this request carried never reach the log), and what the client
   * is told is returned.
   */
  internalFailure(req: FastifyRequest, e: unknown, msg = 'internal failure'): ServiceError {
    const err = e instanceof Error ? e : undefined;
    const values = secretValuesIn(req.body);
    this.deps.log.error({ requestId: req.id, err: { type: err?.name, message: scrubText(err?.message, values), stack: scrubText(err?.stack, values) } }, msg);
    return new ServiceError('InternalFailureException', INTERNAL_FAILURE);
  }

  /** A failure as a ServiceError: itself, or InternalFailureException (logged). */
  asServiceError(req: FastifyRequest, e: unknown): ServiceError {
    return e instanceof ServiceError ? e : this.internalFailure(req, e);
  }

  /** Answers a failure in the restJson1 error shape. */
  fail(req: FastifyRequest, reply: FastifyReply, e: unknown): void {
    sendError(reply, req.id, this.asServiceError(req, e));
  }

  /** One operation call: authenticate → throttle → decode → validate → run → encode (the log line follows on response). */
  async dispatch(req: FastifyRequest, reply: FastifyReply, spec: OperationSpec, entrance: EntranceCall, op = spec.name): Promise<void> {
    this.name(req, op);
    try {
      const who = await entrance.authenticate();
      this.name(req, op, who.caller);
      this.throttle(req, who.caller.accountId);
      const input = entrance.decode(who);
      // Only operations the model marks x-cancellable (InvokeAction) get a signal: an
      // AbortController and a close listener on every request cost a Describe a sixth of its CPU
      // and ~80 MiB of peak RSS under load (bench/RESULTS.md).
      const ctx: RequestContext = spec.cancellable
        ? new CancellableContext(who, req.id, reply.raw)
        : {
            caller: who.caller,
            region: who.region,
            requestId: req.id,
            ...(who.client ? { client: who.client } : {}),
            ...(who.keepSecret ? { keepSecret: true } : {}),
          };
      const out = await this.run(spec, ctx, input);
      sendResult(reply, spec, req.id, out);
    } catch (e) {
      if (entrance.fail) entrance.fail(e);
      else this.fail(req, reply, e);
    }
  }
}

/**
 * The context of an x-cancellable operation: its `signal` aborts when the client goes away
 * before its answer is written (the connection closed or the request aborted: the response's
 * `close` comes without it having finished). The signal is made when first read (an MCP
 * server's tool reads it; an HTTP action never does), aborted already if the client is gone
 * by then: on Node 20 every AbortController made outlives the scavenges that follow it. A
 * class, so that the getter is its prototype's (one accessor on each object would give every
 * context a hidden class of its own, kept in the old generation with the request it holds).
 */
class CancellableContext implements RequestContext {
  readonly caller: Caller;
  readonly region: string;
  readonly requestId: string;
  readonly client?: string;
  readonly keepSecret?: true;
  // True private fields: the context's enumerable members are RequestContext's only.
  readonly #res: FastifyReply['raw'];
  #gone: AbortSignal | undefined;

  constructor(who: Entered, requestId: string, res: FastifyReply['raw']) {
    this.#res = res;
    this.caller = who.caller;
    this.region = who.region;
    this.requestId = requestId;
    if (who.client) this.client = who.client;
    if (who.keepSecret) this.keepSecret = true;
  }

  get signal(): AbortSignal {
    if (this.#gone === undefined) {
      const gone = new AbortController();
      const res = this.#res;
      const abort = () => {
        if (!res.writableFinished) gone.abort(new Error('the client closed the request before its answer'));
      };
      if (res.destroyed) abort();
      else res.once('close', abort);
      this.#gone = gone.signal;
    }
    return this.#gone;
  }
}
