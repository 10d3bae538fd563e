// A local stand-in for AWS STS on HTTPS: AssumeRole (query protocol, form body)
// checked like STS does — SigV4 against the caller's known secret, the session
// name's rules — answering temporary credentials it remembers, so that a test
// AWS service (see aws-service.ts) can check requests signed with them.
import { randomBytes } from 'node:crypto';
import { startHttpsServer, type TestHttpsServer } from './https-server.js';
import { readBody, verifySigV4 } from './sigv4-verify.js';
import type { TestCa } from './tls.js';

export interface AssumeRoleCall {
  callerAccessKeyId: string;
  roleArn: string;
  roleSessionName: string;
  externalId?: string;
  region: string;
}

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  roleArn: string;
  roleSessionName: string;
}

export interface StsStandIn extends TestHttpsServer {
  /** Every AssumeRole that passed the signature check, in order. */
  readonly calls: AssumeRoleCall[];
  /** Requests refused, with STS's error code. */
  readonly refused: string[];
  /** Credentials issued, by access key id. */
  readonly issued: Map<string, IssuedCredentials>;
  /** Lifetime of issued credentials in seconds (STS's default is 3600). */
  lifetimeSeconds: number;
}

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** `callers`: the access keys allowed to call STS (the server's own credentials), key id → secret. Role ARNs containing "denied" are refused. */
export async function startSts(ca: TestCa, callers: Record<string, string>): Promise<StsStandIn> {
  const calls: AssumeRoleCall[] = [];
  const refused: string[] = [];
  const issued = new Map<string, IssuedCredentials>();
  const state = { lifetimeSeconds: 3600 };
  const server = await startHttpsServer({
    cert: ca.issue({ dnsNames: ['sts.test.example'], ips: ['127.0.0.1'] }),
    handler: (req, res) => {
      void (async () => {
        const body = await readBody(req);
        const fail = (status: number, code: string, message: string) => {
          refused.push(code);
          res
            .writeHead(status, { 'content-type': 'text/xml' })
            .end(
              `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${xml(message)}</Message></Error><RequestId>${randomBytes(8).toString('hex')}</RequestId></ErrorResponse>`,
            );
        };
        const verdict = await verifySigV4({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body }, (id) => callers[id], 'sts');
        if (!verdict.ok) return fail(403, verdict.code, verdict.reason);
        const p = new URLSearchParams(body.toString('utf8'));
        if (p.get('Action') !== 'AssumeRole' || p.get('Version') !== '2011-06-15')
          return fail(400, 'InvalidAction', 'only AssumeRole (2011-06-15) is supported here');
        const roleArn = p.get('RoleArn') ?? '';
        const roleSessionName = p.get('RoleSessionName') ?? '';
        if (!SESSION_NAME.test(roleSessionName))
          return fail(400, 'ValidationError', `1 validation error detected: Value '${roleSessionName}' at 'roleSessionName' failed to satisfy constraint`);
        if (roleArn.includes('denied')) {
          return fail(
            403,
            'AccessDenied',
            `User: arn:aws:iam::111122223333:user/actionbridge is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
          );
        }
        const externalId = p.get('ExternalId') ?? undefined;
        calls.push({
          callerAccessKeyId: verdict.accessKeyId,
          roleArn,
          roleSessionName,
          region: verdict.region,
          ...(externalId !== undefined ? { externalId } : {}),
        });
        const creds: IssuedCredentials = {
          accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
          secretAccessKey: randomBytes(30).toString('base64'),
          sessionToken: `FwoG${randomBytes(48).toString('base64')}`,
          expiration: new Date(Date.now() + state.lifetimeSeconds * 1000),
          roleArn,
          roleSessionName,
        };
        issued.set(creds.accessKeyId, creds);
        const roleName = roleArn.split('/').pop();
        res.writeHead(200, { 'content-type': 'text/xml' }).end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser><Arn>arn:aws:sts::111122223333:assumed-role/${xml(roleName ?? '')}/${xml(roleSessionName)}</Arn><AssumedRoleId>AROATEST:${xml(roleSessionName)}</AssumedRoleId></AssumedRoleUser>
    <Credentials>
      <AccessKeyId>${creds.accessKeyId}</AccessKeyId>
      <SecretAccessKey>${xml(creds.secretAccessKey)}</SecretAccessKey>
      <SessionToken>${xml(creds.sessionToken)}</SessionToken>
      <Expiration>${creds.expiration.toISOString()}</Expiration>
    </Credentials>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>${randomBytes(8).toString('hex')}</RequestId></ResponseMetadata>
</AssumeRoleResponse>`);
      })();
    },
  });
  return Object.defineProperties(Object.assign(server, { calls, refused, issued }), {
    lifetimeSeconds: {
      get: () => state.lifetimeSeconds,
      set: (v: number) => {
        state.lifetimeSeconds = v;
      },
      enumerable: true,
    },
  }) as StsStandIn;
}
