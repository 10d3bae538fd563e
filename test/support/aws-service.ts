// A stand-in AWS service on HTTPS that accepts only requests signed (SigV4) with
// temporary credentials the STS stand-in issued, still valid, for this service,
// with their session token — and tells who called.
import { startHttpsServer, type TestHttpsServer } from './https-server.js';
import { readBody, verifySigV4 } from './sigv4-verify.js';
import type { StsStandIn } from './sts.js';
import type { TestCa } from './tls.js';

export interface AwsServiceStandIn extends TestHttpsServer {
  /** Every request that passed, with the session (role and session name) that signed it. */
  readonly accepted: { accessKeyId: string; roleArn: string; roleSessionName: string; target?: string }[];
  readonly refused: string[];
  /** Errors to answer, in order, to the next requests that pass the signature check (throttling, ...); each is used once. */
  readonly failNext: { status: number; code: string }[];
  /** The JSON answer to a request that passed (default: who called and how many bytes it sent). */
  answer?: unknown;
}

export async function startAwsService(ca: TestCa, sts: StsStandIn, service: string): Promise<AwsServiceStandIn> {
  const accepted: AwsServiceStandIn['accepted'] = [];
  const refused: string[] = [];
  const failNext: AwsServiceStandIn['failNext'] = [];
  const state: { answer?: unknown } = {};
  const server = await startHttpsServer({
    cert: ca.issue({ dnsNames: [`${service}.test.example`], ips: ['127.0.0.1'] }),
    handler: (req, res) => {
      void (async () => {
        const body = await readBody(req);
        const deny = (status: number, code: string, message: string) => {
          refused.push(code);
          res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code }).end(JSON.stringify({ __type: code, message }));
        };
        const verdict = await verifySigV4(
          { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body },
          (id) => sts.issued.get(id)?.secretAccessKey,
          service,
        );
        if (!verdict.ok) return deny(403, verdict.code, verdict.reason);
        const creds = sts.issued.get(verdict.accessKeyId)!;
        if (req.headers['x-amz-security-token'] !== creds.sessionToken || !verdict.signedHeaders.includes('x-amz-security-token')) {
          return deny(403, 'InvalidClientTokenId', 'the security token is missing, unsigned or wrong');
        }
        if (creds.expiration.getTime() <= Date.now()) return deny(403, 'ExpiredTokenException', 'the security token has expired');
        const target = typeof req.headers['x-amz-target'] === 'string' ? req.headers['x-amz-target'] : undefined;
        accepted.push({ accessKeyId: verdict.accessKeyId, roleArn: creds.roleArn, roleSessionName: creds.roleSessionName, ...(target ? { target } : {}) });
        const failure = failNext.shift();
        if (failure) return deny(failure.status, failure.code, `${failure.code} (stand-in)`);
        res
          .writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
          .end(JSON.stringify(state.answer ?? { Caller: `${creds.roleArn}/${creds.roleSessionName}`, Received: body.length }));
      })();
    },
  });
  return Object.defineProperties(Object.assign(server, { accepted, refused, failNext }), {
    answer: {
      get: () => state.answer,
      set: (v: unknown) => {
        state.answer = v;
      },
      enumerable: true,
    },
  }) as AwsServiceStandIn;
}
