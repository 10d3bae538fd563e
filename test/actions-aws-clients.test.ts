// The AWS SDK clients of AWS actions belong to the connections module
// (src/connections/aws-clients.ts): one client per connector (as configured now),
// end user, region and client package, reused across invocations and replaced when
// the connector's role changes; the clients make one attempt per send and the one
// retry policy (src/catalog/retry.ts) retries throttling — AWS's throttling codes
// included, even when answered with 400 — counted in the audit's Attempts.
// Real server, local STS / S3 / Textract stand-ins verifying SigV4 with the
// credentials STS issued; the client cache is read from the running server.
import { processEnv } from './support/process-env.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, qs, type TestUser } from './helpers.js';
import { actionsApi, createConnector, iamAuth } from './support/actions.js';
import { startAwsService, type AwsServiceStandIn } from './support/aws-service.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';
import { leaks } from './support/leaks.js';
import { startS3, type S3StandIn } from './support/s3-stand-in.js';
import { startSts, type StsStandIn } from './support/sts.js';
import { createTestCa } from './support/tls.js';

const SERVER_KEY = { id: 'AKIAACTIONBRIDGECLI1', secret: 'server-own-aws-secret-for-clients-012345' };
const ROLE = 'arn:aws:iam::111122223333:role/ActionBridgeReports';
const ROLE2 = 'arn:aws:iam::111122223333:role/ActionBridgeReportsV2';
const TEXTRACT_ROLE = 'arn:aws:iam::111122223333:role/ActionBridgeTextract';
const DETECTED = { DocumentMetadata: { Pages: 1 }, Blocks: [{ BlockType: 'LINE', Text: 'INVOICE 42' }], DetectDocumentTextModelVersion: '1.0' };

let env: ConnEnv;
let sts: StsStandIn;
let s3: S3StandIn;
let textract: AwsServiceStandIn;
let api: ReturnType<typeof actionsApi>;
let alice: TestUser;
let bob: TestUser;
const envVars = processEnv();
const responses: string[] = [];

const setEnv = envVars.set;

const clients = () => env.t.server.services.connections.awsClients;
const invocations = async (id: string) =>
  (await api.invocations(ADMIN, id)).body.Invocations as { InvokeActionStatus: string; HttpStatusCode?: number; Attempts: number }[];

beforeAll(async () => {
  const ca = createTestCa();
  sts = await startSts(ca, { [SERVER_KEY.id]: SERVER_KEY.secret });
  s3 = await startS3(ca, sts, ['reports']);
  textract = await startAwsService(ca, sts, 'textract');
  setEnv({
    AWS_ACCESS_KEY_ID: SERVER_KEY.id,
    AWS_SECRET_ACCESS_KEY: SERVER_KEY.secret,
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_ENDPOINT_URL_S3: s3.url('').replace(/\/$/, ''),
    AWS_ENDPOINT_URL_TEXTRACT: textract.url('').replace(/\/$/, ''),
  });
  env = await startConnEnv({ stsEndpoint: sts.url('').replace(/\/$/, '') }, ca);
  api = actionsApi(env.t.endpoint);
  alice = await env.t.addUser('alice', 'READER');
  bob = await env.t.addUser('bob', 'READER');
  const invokers = [alice, bob].map((u) => ({ Principal: u.arn, Actions: ['quicksight:InvokeActionConnector', 'quicksight:ListActionConnectorActions'] }));
  await createConnector(env.t.client(), 's3-clients', { type: 'AMAZON_S3', auth: iamAuth(ROLE), permissions: invokers });
  await createConnector(env.t.client(), 'textract-retry', { type: 'AMAZON_TEXTRACT', auth: iamAuth(TEXTRACT_ROLE), permissions: invokers });
});
afterAll(async () => {
  await env?.t.stop();
  await Promise.all([sts?.close(), s3?.close(), textract?.close()]);
  envVars.restore();
});

describe('AWS SDK clients kept by the connections module', () => {
  it('two invocations by the same user through the same connector use one SDK client; another user gets their own', async () => {
    const before = clients().created;
    const put = await api.invoke(alice, 's3-clients', 'PutObject', { Bucket: 'reports', Key: 'a.csv', Body: Buffer.from('x,y\n1,2\n').toString('base64') });
    responses.push(put.raw);
    expect(put.body, put.raw).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200 });
    const list = await api.invoke(alice, 's3-clients', 'ListObjects', { Bucket: 'reports' });
    responses.push(list.raw);
    expect(list.body).toMatchObject({ InvokeActionStatus: 'SUCCESS', Output: { KeyCount: 1 } });
    expect(clients().created - before).toBe(1);

    // Bob's requests are signed with his own role session: a client of his own.
    const bobs = await api.invoke(bob, 's3-clients', 'GetObject', { Bucket: 'reports', Key: 'a.csv' });
    responses.push(bobs.raw);
    expect(bobs.body).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200 });
    expect(clients().created - before).toBe(2);
    expect(clients().size).toBe(2);
    expect(s3.accepted.map((a) => a.roleSessionName)).toEqual(['s3-clients@alice', 's3-clients@alice', 's3-clients@bob']);
    expect(s3.refused).toEqual([]);
  });

  it("an Update of the connector's role gives a new client, signing with the new role's session", async () => {
    const before = clients().created;
    await env.t.client().send(
      new qs.UpdateActionConnectorCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 's3-clients',
        Name: 's3-clients',
        AuthenticationConfig: iamAuth(ROLE2),
      }),
    );
    const get = await api.invoke(alice, 's3-clients', 'GetObject', { Bucket: 'reports', Key: 'a.csv' });
    responses.push(get.raw);
    expect(get.body, get.raw).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200 });
    expect(clients().created - before).toBe(1);
    // The client of the earlier configuration was replaced, not kept beside it.
    expect(clients().size).toBe(2);
    expect(sts.calls.filter((c) => c.roleSessionName === 's3-clients@alice').map((c) => c.roleArn)).toEqual([ROLE, ROLE2]);
    // And reused again under the new configuration.
    const again = await api.invoke(alice, 's3-clients', 'ListObjects', { Bucket: 'reports' });
    expect(again.body).toMatchObject({ InvokeActionStatus: 'SUCCESS' });
    expect(clients().created - before).toBe(1);
  });
});

describe('throttling is retried by the one retry policy', () => {
  it('ThrottlingException (400) and 429, then the answer: SUCCESS after 3 attempts, in the audit record', async () => {
    textract.answer = DETECTED;
    textract.failNext.push({ status: 400, code: 'ThrottlingException' }, { status: 429, code: 'TooManyRequestsException' });
    const r = await api.invoke(alice, 'textract-retry', 'DetectDocumentText', { Document: Buffer.from('png').toString('base64') });
    responses.push(r.raw);
    expect(r.body, r.raw).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200, Output: { Lines: ['INVOICE 42'], Pages: 1 } });
    expect(textract.accepted.map((a) => a.target)).toEqual(Array(3).fill('Textract.DetectDocumentText'));
    expect((await invocations('textract-retry'))[0]).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200, Attempts: 3 });
  });

  it('endless throttling: FAILED with the last status after the bounded attempts; a final error is not retried', async () => {
    const sent = textract.accepted.length;
    textract.failNext.push(...Array(3).fill({ status: 400, code: 'ThrottlingException' }));
    const r = await api.invoke(alice, 'textract-retry', 'DetectDocumentText', { Document: Buffer.from('png').toString('base64') });
    responses.push(r.raw);
    expect(r.body, r.raw).toMatchObject({ InvokeActionStatus: 'FAILED', HttpStatusCode: 400, Output: { Code: 'ThrottlingException' } });
    expect(textract.accepted.length - sent).toBe(3);
    expect((await invocations('textract-retry'))[0]).toMatchObject({ InvokeActionStatus: 'FAILED', HttpStatusCode: 400, Attempts: 3 });

    textract.failNext.push({ status: 400, code: 'InvalidParameterException' });
    const bad = await api.invoke(alice, 'textract-retry', 'DetectDocumentText', { Document: Buffer.from('png').toString('base64') });
    expect(bad.body).toMatchObject({ InvokeActionStatus: 'FAILED', HttpStatusCode: 400, Output: { Code: 'InvalidParameterException' } });
    expect(textract.accepted.length - sent).toBe(4);
    expect((await invocations('textract-retry'))[0]).toMatchObject({ InvokeActionStatus: 'FAILED', HttpStatusCode: 400, Attempts: 1 });
    // One client for all of it.
    expect(textract.accepted.every((a) => a.roleSessionName === 'textract-retry@alice')).toBe(true);
  });

  it('credentials renewed (the session expired) give a new client in place of the old one', async () => {
    sts.lifetimeSeconds = 2;
    try {
      textract.answer = DETECTED;
      const input = { Document: Buffer.from('png').toString('base64') };
      const before = { created: clients().created, size: clients().size };
      const first = await api.invoke(bob, 'textract-retry', 'DetectDocumentText', input);
      expect(first.body, first.raw).toMatchObject({ InvokeActionStatus: 'SUCCESS' });
      expect([clients().created - before.created, clients().size - before.size]).toEqual([1, 1]);
      await new Promise((r) => setTimeout(r, 2100));
      const second = await api.invoke(bob, 'textract-retry', 'DetectDocumentText', input);
      expect(second.body, second.raw).toMatchObject({ InvokeActionStatus: 'SUCCESS' });
      expect([clients().created - before.created, clients().size - before.size]).toEqual([2, 1]);
      const bobs = textract.accepted.filter((a) => a.roleSessionName === 'textract-retry@bob');
      expect(bobs).toHaveLength(2);
      expect(bobs[0]!.accessKeyId).not.toBe(bobs[1]!.accessKeyId);
      // Never signed with expired or unknown keys (the one InvalidParameterException is the error the test before asked for).
      expect(textract.refused.filter((c) => c.startsWith('Expired') || c.startsWith('Invalid'))).toEqual(['InvalidParameterException']);
    } finally {
      sts.lifetimeSeconds = 3600;
    }
  });

  it('no AWS secret or session token is in a response, a log line or the database files', () => {
    const secrets = [SERVER_KEY.secret, ...[...sts.issued.values()].flatMap((c) => [c.secretAccessKey, c.sessionToken])];
    expect(leaks(secrets, { dataDir: env.t.dataDir, logs: env.t.logs(), responses })).toEqual([]);
  });
});
