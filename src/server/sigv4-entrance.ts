// The SigV4 entrance: the model's routes (and the extension operations) as the AWS SDKs
// call them. It contributes how a request is authenticated (SigV4, by an injected
// SigV4Authenticator) and decoded (path labels, query string, JSON body per the
// model's bindings); everything else is the pipeline's (pipeline.ts).
//
// It also answers for the whole server when no route matches: such a request is
// authenticated first (an unsigned probe learns nothing), then 404.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Admitted, Authenticator } from '../auth/identity.js';
import { notFound } from '../protocol/errors.js';
import { type OperationSpec, decodeInput, registerOperations } from '../protocol/http.js';
import { admitBody, discardBody } from './body-admission.js';
import type { Entered, Pipeline } from './pipeline.js';

/**
 * How SigV4 requests are authenticated: admit() from the headers alone (before the body
 * is read), authenticate() once the body is there. The server's is auth/identity.ts's
 * Authenticator; the benchmark injects its own (bench/server-child.mjs).
 */
export type SigV4Authenticator = Pick<Authenticator, 'admit' | 'authenticate'>;

export interface SigV4EntranceOptions {
  specs: readonly OperationSpec[];
  pipeline: Pipeline;
  authenticator: SigV4Authenticator;
}

/** The request line as SigV4 reads it: the raw path and query, every header line. Read once per request (lineOf). */
function readRequestLine(req: FastifyRequest) {
  const url = req.raw.url ?? '/';
  const q = url.indexOf('?');
  // A repeated header: SigV4 joins its lines with ',', req.headers with ', ' (or keeps only
  // the first), so then headersDistinct, which keeps every line (and is built anew from the
  // raw lines: a cost a request whose header names are all different need not pay).
  return {
    method: req.method,
    rawPath: q < 0 ? url : url.slice(0, q),
    rawQuery: q < 0 ? '' : url.slice(q + 1),
    headers: hasRepeatedHeader(req) ? (req.raw.headersDistinct ?? req.headers) : req.raw.headers,
  };
}

/** Whether a header name comes on more than one line (compared as req.headers names them: lower-case). */
function hasRepeatedHeader(req: FastifyRequest): boolean {
  const raw = req.raw.rawHeaders;
  let names = 0;
  for (const _ in req.raw.headers) names++;
  return names * 2 !== raw.length;
}

type RequestLine = ReturnType<typeof readRequestLine>;

/** A request that announces no body: no Content-Length (or 0) and no Transfer-Encoding. */
function bodiless(req: FastifyRequest): boolean {
  const length = req.headers['content-length'];
  return (length === undefined || length === '0') && req.headers['transfer-encoding'] === undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The request line as SigV4 reads it, once read (sigv4-entrance.ts). */
    sigv4Line: RequestLine | null;
  }
}

/** The request line, read once per request: headersDistinct builds a new object of arrays each time it is read. */
function requestLine(req: FastifyRequest): RequestLine {
  req.sigv4Line ??= readRequestLine(req);
  return req.sigv4Line;
}

/**
 * The program acting for the user, as it names itself in `x-actionbridge-client` (for the
 * audit record): printable ASCII, at most 200 characters. Taken only when the SigV4
 * signature covers the header: an unsigned one could have been added by anything on the
 * way, so it is ignored.
 */
function clientOf(req: FastifyRequest, signedHeaders: readonly string[]): string | undefined {
  if (!signedHeaders.includes('x-actionbridge-client')) return undefined;
  const v = req.headers['x-actionbridge-client'];
  const s =
    typeof v === 'string'
      ? v
          .replace(/[^\x20-\x7e]/g, '')
          .trim()
          .slice(0, 200)
      : '';
  return s || undefined;
}

const sigv4EntrancePlugin: FastifyPluginAsync<SigV4EntranceOptions> = async (app, { specs, pipeline, authenticator }) => {
  app.decorateRequest('sigv4Line', null);
  const authenticate = async (req: FastifyRequest): Promise<Entered> => {
    const line = requestLine(req);
    const admitted = req.admission?.kind === 'sigv4' ? req.admission.admitted : undefined;
    const who = await authenticator.authenticate(
      { method: line.method, rawPath: line.rawPath, rawQuery: line.rawQuery, headers: line.headers, body: req.body as Buffer | undefined },
      admitted,
    );
    const client = clientOf(req, who.signedHeaders);
    return { caller: who.caller, region: who.region, ...(client ? { client } : {}) };
  };

  /**
   * Before the body is read: the signature's form, scope and time, and its access key
   * (known and active). A request refused here is answered without reading its body.
   * A request without a body has nothing to hold back: it is authenticated once, in the
   * handler, with no separate admission (and no promise for it).
   */
  const admit = (spec: OperationSpec, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> | undefined => {
    pipeline.name(req, spec.name);
    if (bodiless(req)) return undefined;
    let admitted: Admitted | Promise<Admitted>;
    try {
      admitted = authenticator.admit(requestLine(req));
    } catch (e) {
      return refuse(req, reply, e);
    }
    // A known key is admitted at once: no promise, and the body is read in this turn.
    if (!(admitted instanceof Promise)) return accept(req, admitted);
    return admitted.then(
      (a) => accept(req, a),
      (e: unknown) => refuse(req, reply, e),
    );
  };
  const accept = (req: FastifyRequest, admitted: Admitted): undefined => {
    req.admission = { kind: 'sigv4', admitted };
    admitBody(req, `key:${admitted.key.accessKeyId}`);
    return undefined;
  };
  const refuse = async (req: FastifyRequest, reply: FastifyReply, e: unknown): Promise<FastifyReply> => {
    await discardBody(req);
    pipeline.fail(req, reply, e);
    return reply;
  };

  registerOperations(
    app,
    specs,
    (spec, req, reply) =>
      pipeline.dispatch(req, reply, spec, {
        authenticate: () => authenticate(req),
        decode: () => decodeInput(spec, req, requestLine(req).rawQuery),
      }),
    admit,
  );

  app.setNotFoundHandler(async (req, reply) => {
    try {
      await authenticate(req);
      throw notFound(`No operation matches ${req.method} ${(req.raw.url ?? '').split('?')[0]}.`);
    } catch (e) {
      pipeline.fail(req, reply, e);
    }
  });
};

// Not encapsulated: its not-found handler is the server's.
export const sigv4Entrance = Object.assign(sigv4EntrancePlugin, { [Symbol.for('skip-override')]: true });
