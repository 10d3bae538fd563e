// IAM connectors: STS AssumeRole of the connector's RoleArn (against a local STS
// stand-in that checks the SigV4 signature made with the server's own AWS
// credentials), with a session name naming connector and user and the connector
// ARN as ExternalId; credentials cached until shortly before expiry; requests to
// an AWS service signed with them and checked by a stand-in service.
import { processEnv } from './support/process-env.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleSessionName } from '../src/connections/index.js';
import { ACCOUNT, ADMIN, expectError, qs, type TestUser } from './helpers.js';
import { startAwsService, type AwsServiceStandIn } from './support/aws-service.js';
import { type ConnEnv, endUser, startConnEnv } from './support/conn-env.js';
import { connectorOps } from './support/extension-client.js';
import { leaks } from './support/leaks.js';
import { startSts, type StsStandIn } from './support/sts.js';
import { createTestCa } from './support/tls.js';
import { testClock } from './support/clock.js';

const SERVER_KEY = { id: 'AKIAACTIONBRIDGESRV1', secret: 'server-own-aws-secret-key-0123456789abcd' };
const ROLE = 'arn:aws:iam::111122223333:role/ActionBridgeTextract';
const connArn = (id: string) => `arn:aws:quicksight:us-east-1:${ACCOUNT}:action-connector/${id}`;

let env: ConnEnv;
let sts: StsStandIn;
let textract: AwsServiceStandIn;
let alice: TestUser;
const envVars = processEnv();
/** The server's clock: moved to the credentials' renewal point instead of waiting for it. */
const clock = testClock();
const responses: string[] = [];

const setEnv = envVars.set;

async function create(id: string, roleArn = ROLE, t = env.t) {
  await t.client().send(
    new qs.CreateActionConnectorCommand({
      AwsAccountId: ACCOUNT,
      ActionConnectorId: id,
      Name: id,
      Type: 'AMAZON_TEXTRACT',
      AuthenticationConfig: { AuthenticationType: 'IAM', AuthenticationMetadata: { IamConnectionMetadata: { RoleArn: roleArn } } },
    }),
  );
  return (await t.server.store.connectors.getConnector({ region: 'us-east-1', accountId: ACCOUNT, id }))!;
}

const detectText = (conn: Awaited<ReturnType<typeof create>>, user: { userArn: string; userName: string }) =>
  env.t.server.services.connections.authorizedRequest(conn, user, {
    method: 'POST',
    url: textract.url('/'),
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Textract.DetectDocumentText' },
    body: JSON.stringify({ Document: { Bytes: 'aGVsbG8=' } }),
    aws: { service: 'textract' },
  });

beforeAll(async () => {
  // The server's own AWS credentials, found by the standard provider chain.
  setEnv({ AWS_ACCESS_KEY_ID: SERVER_KEY.id, AWS_SECRET_ACCESS_KEY: SERVER_KEY.secret, AWS_SESSION_TOKEN: undefined, AWS_PROFILE: undefined });
  const ca = createTestCa();
  sts = await startSts(ca, { [SERVER_KEY.id]: SERVER_KEY.secret });
  textract = await startAwsService(ca, sts, 'textract');
  env = await startConnEnv({ stsEndpoint: sts.url('').replace(/\/$/, ''), logLevel: 'trace' }, ca, clock.now);
  alice = await env.t.addUser('alice', 'AUTHOR');
});
afterAll(async () => {
  await env?.t.stop();
  await Promise.all([sts?.close(), textract?.close()]);
  envVars.restore();
});

describe('IAM connectors', () => {
  it('TestActionConnector assumes the role: session name naming connector and user, the connector ARN as ExternalId', async () => {
    await create('iam-test');
    const r = await connectorOps(env.t.endpoint, ACCOUNT, 'iam-test').test(ADMIN);
    responses.push(JSON.stringify(r.body));
    expect(r.body).toMatchObject({ Success: true, HttpStatusCode: 200 });
    expect(r.body.Message).toContain(`Assumed ${ROLE} as session iam-test@admin`);
    expect(sts.calls.at(-1)).toEqual({
      callerAccessKeyId: SERVER_KEY.id,
      roleArn: ROLE,
      roleSessionName: 'iam-test@admin',
      externalId: connArn('iam-test'),
      region: 'us-east-1',
    });
    const h = await connectorOps(env.t.endpoint, ACCOUNT, 'iam-test').connection(ADMIN);
    expect(h.body).toMatchObject({ AuthenticationType: 'IAM', SignedInUsers: 0, LastTest: { Success: true, HttpStatusCode: 200 } });
  });

  it('requests to the AWS service are signed with the assumed credentials, cached per user until shortly before expiry', async () => {
    sts.lifetimeSeconds = 60; // long enough that the bursts below end before the renewal point (90 % of it) on a loaded machine
    const conn = await create('iam-use');
    const before = sts.calls.length;
    const first = await Promise.all(Array.from({ length: 50 }, () => detectText(conn, endUser('alice'))));
    expect(first.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(sts.calls.length).toBe(before + 1); // one AssumeRole for 50 concurrent requests
    expect(JSON.parse(first[0]!.body.toString()).Caller).toBe(`${ROLE}/iam-use@alice`);
    expect(textract.accepted.at(-1)).toMatchObject({ roleSessionName: 'iam-use@alice', target: 'Textract.DetectDocumentText' });

    // Another user: another session.
    expect((await detectText(conn, endUser('bob'))).status).toBe(200);
    expect(sts.calls.length).toBe(before + 2);
    expect(sts.calls.at(-1)!.roleSessionName).toBe('iam-use@bob');

    // Shortly before expiry, one more AssumeRole.
    const issued = [...sts.issued.values()].find((c) => c.roleSessionName === 'iam-use@alice')!;
    // The server's clock reaches it (STS and the service keep real time: the old credentials still work there).
    clock.reach(issued.expiration.getTime() - 300);
    const again = await Promise.all(Array.from({ length: 20 }, () => detectText(conn, endUser('alice'))));
    expect(again.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(sts.calls.length).toBe(before + 3);
    expect(textract.refused).toEqual([]);
    sts.lifetimeSeconds = 3600;
    clock.reset();
  });

  it('a request through an IAM connector must name its AWS service', async () => {
    const conn = await create('iam-unnamed');
    await expect(env.t.server.services.connections.authorizedRequest(conn, endUser('alice'), { method: 'GET', url: textract.url('/') })).rejects.toThrow(
      /AWS service/,
    );
  });

  it('session names stay within STS rules for long and odd connector ids and user names', async () => {
    const id = `iam-${'x'.repeat(80)}`;
    const conn = await create(id);
    const user = { userName: `someone.with+a=very,long@name-${'y'.repeat(60)}`, userArn: `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/long` };
    expect((await detectText(conn, user)).status).toBe(200);
    const name = sts.calls.at(-1)!.roleSessionName;
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toMatch(/^[\w+=,.@-]+$/);
    expect(name.startsWith('iam-xxx')).toBe(true);
    expect(roleSessionName(id, 'a')).not.toBe(roleSessionName(`${id}z`, 'a'));
    expect(roleSessionName('c', 'user name/with spaces')).toBe('c@user-name-with-spaces');
  });

  it("STS refusing the role is TokenResponseException with STS's code; a failed test reports it", async () => {
    const conn = await create('iam-denied', 'arn:aws:iam::111122223333:role/denied-role');
    const r = await connectorOps(env.t.endpoint, ACCOUNT, 'iam-denied')
      .test(alice)
      .catch((e) => e);
    expect(r.status).toBe(401); // alice may not test a connector she was not granted
    const t = await connectorOps(env.t.endpoint, ACCOUNT, 'iam-denied').test(ADMIN);
    expect(t.body).toMatchObject({ Success: false, HttpStatusCode: 403 });
    expect(t.body.Message).toMatch(/STS refused AssumeRole of arn:aws:iam::111122223333:role\/denied-role: AccessDenied/);
    const e = await expectError(detectText(conn, endUser('alice')), 'TokenResponseException');
    expect(e.message).toMatch(/AccessDenied/);
  });

  it('a server whose own AWS credentials are wrong fails the STS signature check', async () => {
    setEnv({ AWS_SECRET_ACCESS_KEY: 'not-the-right-secret-0000000000000000000' });
    const other = await startConnEnv({ stsEndpoint: sts.url('').replace(/\/$/, '') }, env.ca);
    try {
      await create('iam-badsig', ROLE, other.t);
      const t = await connectorOps(other.t.endpoint, ACCOUNT, 'iam-badsig').test(ADMIN);
      expect(t.body).toMatchObject({ Success: false, HttpStatusCode: 403 });
      expect(t.body.Message).toMatch(/SignatureDoesNotMatch/);
      expect(sts.refused).toContain('SignatureDoesNotMatch');
    } finally {
      setEnv({ AWS_SECRET_ACCESS_KEY: SERVER_KEY.secret });
      await other.t.stop();
    }
  });

  it('no AWS secret or session token is in a response, a log line or the database files', async () => {
    const secrets = [SERVER_KEY.secret, ...[...sts.issued.values()].flatMap((c) => [c.secretAccessKey, c.sessionToken])];
    expect(secrets.length).toBeGreaterThan(6);
    expect(leaks(secrets, { dataDir: env.t.dataDir, logs: env.t.logs(), responses })).toEqual([]);
  });
});
