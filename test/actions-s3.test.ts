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
import { createTestCa, type TestCa } from './support/tls.js';
import https from 'node:https';

const SERVER_KEY = { id: 'AKIAACTIONBRIDGES3T1', secret: 'server-own-aws-secret-for-s3-0123456789' };
const ROLE = 'arn:aws:iam::111122223333:role/ActionBridgeReports';

let env: ConnEnv;
let sts: StsStandIn;
let s3: S3StandIn;
let api: ReturnType<typeof actionsApi>;
let alice: TestUser;
let ca: TestCa;
const envVars = processEnv();
const responses: string[] = [];

const setEnv = envVars.set;

beforeAll(async () => {
  ca = createTestCa();
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

/** A plain HTTPS request to a URL (what a person or tool holding a presigned URL does): no AWS credentials. */
function fetchUrl(url: string, method = 'GET', body?: Buffer): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, ca: ca.certPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('AMAZON_S3 HeadObject, CopyObject and presigned URLs (issue 16)', () => {
  const csv = Buffer.from('team,headcount\nsupport,12\n');
  const KEY = 'shared/q2 totals+100%.csv';

  it('HeadObject returns the metadata only; CopyObject copies inside S3 with the source URL-encoded', async () => {
    const refused = s3.refused.length;
    const put = await api.invoke(alice, 's3-reports', 'PutObject', {
      Bucket: 'reports',
      Key: KEY,
      Body: csv.toString('base64'),
      ContentType: 'text/csv',
      Metadata: { team: 'ops' },
    });
    expect(put.body.InvokeActionStatus, put.raw).toBe('SUCCESS');
    const head = await api.invoke(alice, 's3-reports', 'HeadObject', { Bucket: 'reports', Key: KEY });
    expect(head.body, head.raw).toMatchObject({
      InvokeActionStatus: 'SUCCESS',
      HttpStatusCode: 200,
      Output: { ContentType: 'text/csv', ContentLength: csv.length, ETag: put.body.Output.ETag, Metadata: { team: 'ops' } },
    });
    expect(head.body.Output.Body).toBeUndefined();
    const missing = await api.invoke(alice, 's3-reports', 'HeadObject', { Bucket: 'reports', Key: 'nope.csv' });
    expect(missing.body).toMatchObject({ InvokeActionStatus: 'FAILED', HttpStatusCode: 404 });

    const copy = await api.invoke(alice, 's3-reports', 'CopyObject', { SourceBucket: 'reports', SourceKey: KEY, Bucket: 'reports', Key: 'archive/q2.csv' });
    expect(copy.body, copy.raw).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200, Output: { ETag: put.body.Output.ETag } });
    const copied = s3.buckets.get('reports')!.get('archive/q2.csv')!;
    expect([copied.body.equals(csv), copied.contentType, copied.metadata]).toEqual([true, 'text/csv', { team: 'ops' }]);
    const replaced = await api.invoke(alice, 's3-reports', 'CopyObject', {
      SourceBucket: 'reports',
      SourceKey: KEY,
      Bucket: 'reports',
      Key: 'archive/q2.txt',
      MetadataDirective: 'REPLACE',
      ContentType: 'text/plain',
    });
    expect(replaced.body.InvokeActionStatus, replaced.raw).toBe('SUCCESS');
    expect(s3.buckets.get('reports')!.get('archive/q2.txt')!.contentType).toBe('text/plain');
    // The copy source (a key with a space, '+' and '%') reached S3 URL-encoded and was found.
    expect(s3.refused.length).toBe(refused);
  });

  it('PresignGetObject: a URL anyone can GET without credentials, signed with the role session, nothing sent to S3 when made', async () => {
    const before = s3.accepted.length;
    const t0 = Date.now();
    const r = await api.invoke(alice, 's3-reports', 'PresignGetObject', {
      Bucket: 'reports',
      Key: KEY,
      ExpiresIn: 600,
      ResponseContentDisposition: 'attachment; filename="q2.csv"',
    });
    responses.push(r.raw);
    expect(r.body, r.raw).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200, Output: { Method: 'GET', ExpiresIn: 600 } });
    expect(s3.accepted.length).toBe(before);
    const out = r.body.Output as { Url: string; Expiration: string };
    expect(Date.parse(out.Expiration)).toBeGreaterThanOrEqual(t0 + 600_000 - 1000);
    const url = new URL(out.Url);
    expect(url.origin).toBe(new URL(s3.url('')).origin);
    expect(decodeURIComponent(url.pathname)).toBe(`/reports/${KEY}`);
    const issued = [...sts.issued.values()].find((c) => c.roleSessionName === 's3-reports@alice')!;
    // A bearer capability: the access key id and session token are in it (S3 requires them), never the secret.
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(new RegExp(`^${issued.accessKeyId}/\\d{8}/us-east-1/s3/aws4_request$`));
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe(issued.sessionToken);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(r.raw).not.toContain(issued.secretAccessKey);

    const got = await fetchUrl(out.Url);
    expect(got.status, got.body.toString()).toBe(200);
    expect(got.body.equals(csv)).toBe(true);
    expect(got.headers['content-disposition']).toBe('attachment; filename="q2.csv"');
    expect(s3.accepted.at(-1)).toMatchObject({ method: 'GET', roleSessionName: 's3-reports@alice', presignedFor: 600 });

    // The signature covers the object and the expiry: another key, or a longer validity, is refused.
    const otherKey = new URL(out.Url);
    otherKey.pathname = '/reports/archive/q2.csv';
    expect((await fetchUrl(otherKey.toString())).status).toBe(403);
    const longer = new URL(out.Url);
    longer.searchParams.set('X-Amz-Expires', '6000');
    expect((await fetchUrl(longer.toString())).status).toBe(403);
    expect(s3.refused.slice(-2)).toEqual(['SignatureDoesNotMatch', 'SignatureDoesNotMatch']);
  });

  it("PresignGetObject: the expiry is cut to the role session's remaining lifetime (never 7 days on a 1-hour session)", async () => {
    const r = await api.invoke(alice, 's3-reports', 'PresignGetObject', { Bucket: 'reports', Key: KEY, ExpiresIn: 7 * 24 * 3600 });
    expect(r.body.InvokeActionStatus, r.raw).toBe('SUCCESS');
    const issued = [...sts.issued.values()].find((c) => c.roleSessionName === 's3-reports@alice')!;
    const { ExpiresIn, Expiration, Url } = r.body.Output as { ExpiresIn: number; Expiration: string; Url: string };
    expect(ExpiresIn).toBeLessThanOrEqual(3600);
    expect(ExpiresIn).toBeGreaterThan(3000);
    expect(Date.parse(Expiration)).toBeLessThanOrEqual(issued.expiration.getTime());
    expect(new URL(Url).searchParams.get('X-Amz-Expires')).toBe(String(ExpiresIn));
    expect((await fetchUrl(Url)).status).toBe(200);
    // Over 7 days is refused before anything is made.
    const tooLong = await api.invoke(alice, 's3-reports', 'PresignGetObject', { Bucket: 'reports', Key: KEY, ExpiresIn: 7 * 24 * 3600 + 1 });
    expect([tooLong.status, tooLong.errorType]).toEqual([400, 'InvalidParameterValueException']);
  });

  it('PresignPutObject: a URL to which a plain PUT uploads the object', async () => {
    const r = await api.invoke(alice, 's3-reports', 'PresignPutObject', { Bucket: 'reports', Key: 'incoming/scan 1.pdf' });
    responses.push(r.raw);
    expect(r.body, r.raw).toMatchObject({ InvokeActionStatus: 'SUCCESS', Output: { Method: 'PUT', ExpiresIn: 900 } });
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
    const put = await fetchUrl(r.body.Output.Url, 'PUT', pdf);
    expect(put.status, put.body.toString()).toBe(200);
    expect(s3.buckets.get('reports')!.get('incoming/scan 1.pdf')!.body.equals(pdf)).toBe(true);
    // A download link is not an upload link.
    const get = await api.invoke(alice, 's3-reports', 'PresignGetObject', { Bucket: 'reports', Key: 'incoming/scan 1.pdf' });
    expect((await fetchUrl(get.body.Output.Url, 'PUT', Buffer.from('overwrite'))).status).toBe(403);
    expect(s3.buckets.get('reports')!.get('incoming/scan 1.pdf')!.body.equals(pdf)).toBe(true);
  });

  it('presigns are audited like any invocation, and no secret key is in a response, a log line or the database', async () => {
    const r = await api.invocations(ADMIN, 's3-reports', { MaxResults: 100 });
    expect(r.status, r.raw).toBe(200);
    const presigns = (r.body.Invocations as { ActionId: string; EndUserArn: string; InvokeActionStatus: string }[]).filter((i) =>
      i.ActionId.startsWith('Presign'),
    );
    // Four made, one refused (over 7 days): each recorded with its end user and outcome.
    expect(presigns.filter((p) => p.InvokeActionStatus === 'SUCCESS')).toHaveLength(4);
    expect(presigns.filter((p) => p.InvokeActionStatus !== 'SUCCESS')).toHaveLength(1);
    for (const p of presigns) expect(p.EndUserArn).toBe(alice.arn);
    const secrets = [SERVER_KEY.secret, ...[...sts.issued.values()].map((c) => c.secretAccessKey)];
    expect(leaks(secrets, { dataDir: env.t.dataDir, logs: env.t.logs(), responses })).toEqual([]);
    // The URLs themselves (bearer capabilities) are not logged or stored either.
    const signatures = responses.flatMap((raw) => [...raw.matchAll(/X-Amz-Signature=([0-9a-f]{64})/g)].map((m) => m[1]!));
    expect(signatures.length).toBeGreaterThanOrEqual(2);
    expect(leaks(signatures, { dataDir: env.t.dataDir, logs: env.t.logs() })).toEqual([]);
  });
});
