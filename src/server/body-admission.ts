// Which request bodies are read, and how many bytes of them at once.
//
// A body is buffered whole (SigV4 hashes the exact bytes), so reading one is a cost
// the server pays before it knows who sent it. Two rules bound that cost:
// - A request is *admitted* once its credentials have been checked from its headers
//   alone (a SigV4 signature by a known, active access key; a console session; an
//   MCP bearer token). Only then may it send its route's full body; a request that
//   is not admitted may send at most UNADMITTED_BODY_LIMIT bytes (a console sign-in,
//   a path that matches no route). Requests refused from their headers are answered
//   before any of their body is read (Node discards the rest as it arrives).
// - All bodies being read and held at one time share one budget
//   (maxBufferedRequestBytes): a body that does not fit is refused with a 429. One
//   credential (an access key id, which is not a secret, checked before its signature;
//   a console user; an MCP token) may hold at most an eighth of it (never less than
//   one route's limit), so that whoever knows one key id cannot take the whole budget.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ServiceError, invalidParameter } from '../protocol/errors.js';

/** The most a request may send before it is admitted. */
export const UNADMITTED_BODY_LIMIT = 64 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    /** The credential the request was admitted with (its share of the budget); null: not admitted. */
    bodyCredential: string | null;
  }
}

/**
 * Marks a request whose credentials were checked from its headers: it may send its
 * route's full body. `credential` names what it was admitted with (e.g. `key:AKIA…`).
 */
export function admitBody(req: FastifyRequest, credential: string): void {
  req.bodyCredential = credential;
}

/** The largest body of a refused request that is read (and thrown away) before the answer. */
export const DISCARD_LIMIT = 1024 * 1024;

/**
 * Before a refused request is answered: a small body (at most DISCARD_LIMIT) is read
 * and thrown away, none of it kept, so that the client reads the answer on a
 * connection that stays usable. A larger one is answered at once: Node then closes the
 * connection instead of reading what the client still sends.
 */
export async function discardBody(req: FastifyRequest): Promise<void> {
  const raw = req.raw;
  const declared = Number(req.headers['content-length']);
  if (!(declared > 0) || declared > DISCARD_LIMIT || raw.readableEnded) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 5_000);
    raw.once('end', done).once('close', done).once('error', done);
    raw.resume();
  });
}

/** Bytes of request bodies held at one time, server-wide and per credential. */
class RequestBodyBudget {
  private used = 0;
  private readonly byCredential = new Map<string, number>();
  constructor(private readonly limit: number) {}
  /** 'server': the whole budget is in use; 'credential': this credential's share is. */
  take(n: number, credential: string | undefined, share: number): true | 'server' | 'credential' {
    if (this.used + n > this.limit) return 'server';
    const mine = credential === undefined ? 0 : (this.byCredential.get(credential) ?? 0);
    if (credential !== undefined && mine + n > share) return 'credential';
    this.used += n;
    if (credential !== undefined) this.byCredential.set(credential, mine + n);
    return true;
  }
  give(n: number, credential: string | undefined): void {
    this.used = Math.max(0, this.used - n);
    if (credential === undefined) return;
    const left = (this.byCredential.get(credential) ?? 0) - n;
    if (left > 0) this.byCredential.set(credential, left);
    else this.byCredential.delete(credential);
  }
  get inUse(): number {
    return this.used;
  }
}

/**
 * Installs the rules on the server: a preParsing hook that runs before any body
 * byte is read, after the route's onRequest hooks have admitted (or answered) it.
 * Returns the budget's current use (for tests and metrics).
 */
export function registerBodyAdmission(app: FastifyInstance, maxBufferedBytes: number): { inUse(): number } {
  const budget = new RequestBodyBudget(maxBufferedBytes);
  app.decorateRequest('bodyCredential', null);
  /** The body's admission: the payload to read, or a refusal thrown. */
  const admit = <P>(req: FastifyRequest, reply: FastifyReply, payload: P): P => {
    const declared = req.headers['content-length'] === undefined ? Number.NaN : Number(req.headers['content-length']);
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (!chunked && !(declared > 0)) return payload;
    const routeLimit = req.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? UNADMITTED_BODY_LIMIT;
    const credential = req.bodyCredential ?? undefined;
    const isAdmitted = credential !== undefined;
    const limit = isAdmitted ? routeLimit : Math.min(routeLimit, UNADMITTED_BODY_LIMIT);
    if (!isAdmitted && Number.isNaN(declared)) {
      throw invalidParameter('A request body sent before authentication must declare its Content-Length.');
    }
    if (declared > limit) {
      throw invalidParameter(
        isAdmitted
          ? `The request body is larger than the limit of ${limit} bytes.`
          : `The request body is larger than the ${limit} bytes a request may send before it is authenticated.`,
      );
    }
    // A chunked body is charged the route's whole limit (its size is not known in advance).
    const charge = Number.isNaN(declared) ? limit : declared;
    const taken = budget.take(charge, credential, Math.max(maxBufferedBytes / 8, routeLimit));
    if (taken === 'server') {
      throw new ServiceError('ThrottlingException', 'The server is reading too many request bodies at once; retry the request later.');
    }
    if (taken === 'credential') {
      throw new ServiceError('ThrottlingException', 'Too many request bodies are being read at once for these credentials; retry the request later.');
    }
    // Held until the response is done (or the connection is gone): the body lives as long as the request.
    reply.raw.once('close', () => budget.give(charge, credential));
    return payload;
  };
  // A callback hook, not an async one: an async hook costs a promise and a microtask turn per request with a body.
  app.addHook('preParsing', (req, reply, payload, done) => {
    let admitted: typeof payload;
    try {
      admitted = admit(req, reply, payload);
    } catch (e) {
      done(e as Error);
      return;
    }
    done(null, admitted);
  });
  return { inUse: () => budget.inUse };
}
