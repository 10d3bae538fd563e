// AMAZON_S3 actions end to end through the real server: the connector's role
// assumed at a local STS stand-in (signed with the server's own AWS credentials),
// then PutObject / ListObjects / GetObject / DeleteObject through @aws-sdk/client-s3
// and the egress to an S3 stand-in that verifies each SigV4 signature against the
// temporary credentials STS issued. The S3 endpoint comes from the standard AWS
// SDK variable AWS_ENDPOINT_URL_S3, as it would for an S3-compatible store.
import { processEnv } from './support/process-env.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, qs, type TestUser } from './helpers.js';
import { actionsApi, createConnector, iamAuth } from './support/actions.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';
import { leaks } from './support/leaks.js';
import { startS3, type S3StandIn } from './support/s3-stand-in.js';
import { startSts, type StsStandIn } from './support/sts.js';
import { createTestCa } from './support/tls.js';

const SERVER_KEY = { id: 'AKIAACTIONBRIDGES3T1', secret: 'server-own-aws-secret-for-s3-0123456789' };
const ROLE = 'arn:aws:iam::111122223333:role/ActionBridgeReports';

let env: ConnEnv;
let sts: StsStandIn;
let s3: S3StandIn;
let api: ReturnType<typeof actionsApi>;
let alice: TestUser;
const envVars = processEnv();
const responses: string[] = [];

const setEnv = envVars.set;

beforeAll(async () => {
  const ca = createTestCa();
  sts = await startSts(ca, { [SERVER_KEY.id]: SERVER_KEY.secret });
  s3 = await startS3(ca, sts, ['reports']);
  setEnv({
    AWS_ACCESS_KEY_ID: SERVER_KEY.id,
    AWS_SECRET_ACCESS_KEY: SERVER_KEY.secret,
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_ENDPOINT_URL_S3: s3.url('').replace(/\/$/, ''),
  });
  env = await startConnEnv({ stsEndpoint: sts.url('').replace(/\/$/, '') }, ca);
  api = actionsApi(env.t.endpoint);
  alice = await env.t.addUser('alice', 'READER');
  await createConnector(env.t.client(), 's3-reports', {
    type: 'AMAZON_S3',
    auth: iamAuth(ROLE),
    permissions: [{ Principal: alice.arn, Actions: ['quicksight:InvokeActionConnector', 'quicksight:ListActionConnectorActions'] }],
  });
});
afterAll(async () => {
  await env?.t.stop();
  await Promise.all([sts?.close(), s3?.close()]);
  envVars.restore();
});

describe('AMAZON_S3 through the assumed role', () => {
  const csv = Buffer.from('region,total\nus-east-1,42\neu-west-1,17\n');

  it('PutObject, ListObjects, GetObject round trip, signed for s3 with the role session of the end user', async () => {
    const put = await api.invoke(alice, 's3-reports', 'PutObject', {
      Bucket: 'reports',
      Key: '2025/q1 totals.csv',
      Body: csv.toString('base64'),
      ContentType: 'text/csv',
      Metadata: { source: 'bench' },
    });
    responses.push(put.raw);
    expect(put.status, put.raw).toBe(200);
    expect(put.body).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200, Output: { ETag: expect.stringMatching(/^"[0-9a-f]{32}"$/) } });
    const stored = s3.buckets.get('reports')!.get('2025/q1 totals.csv')!;
    expect(stored.body.equals(csv)).toBe(true);
    expect([stored.contentType, stored.metadata]).toEqual(['text/csv', { source: 'bench' }]);

    const list = await api.invoke(alice, 's3-reports', 'ListObjects', { Bucket: 'reports', Prefix: '2025/' });
    responses.push(list.raw);
    expect(list.body).toMatchObject({
      InvokeActionStatus: 'SUCCESS',
      Output: { Objects: [{ Key: '2025/q1 totals.csv', Size: csv.length }], KeyCount: 1, IsTruncated: false },
    });

    const get = await api.invoke(alice, 's3-reports', 'GetObject', { Bucket: 'reports', Key: '2025/q1 totals.csv' });
    responses.push(get.raw);
    expect(get.body).toMatchObject({
      InvokeActionStatus: 'SUCCESS',
      HttpStatusCode: 200,
      Output: { ContentType: 'text/csv', ContentLength: csv.length, ETag: stored.etag },
    });
    expect(Buffer.from(get.body.Output.Body, 'base64').equals(csv)).toBe(true);

    expect(s3.refused).toEqual([]);
    expect(s3.accepted.map((a) => [a.method, a.roleSessionName, a.region])).toEqual([
      ['PUT', 's3-reports@alice', 'us-east-1'],
      ['GET', 's3-reports@alice', 'us-east-1'],
      ['GET', 's3-reports@alice', 'us-east-1'],
    ]);
    // One AssumeRole for the three calls, naming connector and user, the connector ARN as ExternalId.
    expect(sts.calls).toEqual([
      {
        callerAccessKeyId: SERVER_KEY.id,
        roleArn: ROLE,
        roleSessionName: 's3-reports@alice',
        region: 'us-east-1',
        externalId: `arn:aws:quicksight:us-east-1:${ACCOUNT}:action-connector/s3-reports`,
      },
    ]);
  });

  it("S3's errors are FAILED invocations with S3's status and code", async () => {
    const r = await api.invoke(alice, 's3-reports', 'GetObject', { Bucket: 'reports', Key: 'missing.csv' });
    expect(r.body).toMatchObject({ InvokeActionStatus: 'FAILED', HttpStatusCode: 404, Output: { Code: 'NoSuchKey' } });
    const b = await api.invoke(alice, 's3-reports', 'ListObjects', { Bucket: 'other-bucket' });
    expect(b.body).toMatchObject({ InvokeActionStatus: 'FAILED', HttpStatusCode: 404, Output: { Code: 'NoSuchBucket' } });
  });

  it('DeleteObject removes it; content up to the 5 MiB limit goes through, over it is refused before AWS is called', async () => {
    const d = await api.invoke(ADMIN, 's3-reports', 'DeleteObject', { Bucket: 'reports', Key: '2025/q1 totals.csv' });
    expect(d.body).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 204 });
    expect(s3.buckets.get('reports')!.size).toBe(0);
    const max = Buffer.alloc(5 * 1024 * 1024, 7);
    const ok = await api.invoke(ADMIN, 's3-reports', 'PutObject', { Bucket: 'reports', Key: 'max.bin', Body: max.toString('base64') });
    expect(ok.body).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200 });
    expect(s3.buckets.get('reports')!.get('max.bin')!.body.equals(max)).toBe(true);
    const back = await api.invoke(ADMIN, 's3-reports', 'GetObject', { Bucket: 'reports', Key: 'max.bin' });
    expect(Buffer.from(back.body.Output.Body, 'base64').equals(max)).toBe(true);
    const before = s3.accepted.length;
    const big = await api.invoke(ADMIN, 's3-reports', 'PutObject', {
      Bucket: 'reports',
      Key: 'big.bin',
      Body: Buffer.alloc(5 * 1024 * 1024 + 1).toString('base64'),
    });
    expect([big.status, big.errorType]).toEqual([400, 'InvalidParameterValueException']);
    expect(big.body.Message).toMatch(/Binary content must be at most 5242880 bytes/);
    expect(s3.accepted.length).toBe(before);
  });

  it('no AWS secret or session token is in a response, a log line or the database files', () => {
    const secrets = [SERVER_KEY.secret, ...[...sts.issued.values()].flatMap((c) => [c.secretAccessKey, c.sessionToken])];
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    expect(leaks(secrets, { dataDir: env.t.dataDir, logs: env.t.logs(), responses })).toEqual([]);
    void qs;
  });
});

describe('AMAZON_S3 input that becomes headers', () => {
  it('Metadata: a value outside printable ASCII or a name that is not a token is a 400 naming it, nothing sent', async () => {
    for (const Metadata of [{ source: 'snow \u2603' }, { source: 'a\r\nx-amz-acl: public-read' }, { 'a b': 'v' }]) {
      const r = await api.invoke(ADMIN, 's3-reports', 'PutObject', { Bucket: 'reports', Key: 'meta.txt', Body: 'aGk=', Metadata });
      expect([r.status, r.errorType], r.raw).toEqual([400, 'InvalidParameterValueException']);
      expect(r.body.Message).toContain("'input.metadata");
    }
  });
});
