// Issue 16 breadth for BambooHR, Amazon S3 and Amazon Textract: the actions their users
// need daily are there (BambooHR updates and time-off decisions; S3 HeadObject, CopyObject
// and presigned URLs; Textract AnalyzeExpense and AnalyzeID), and each one says what it is
// for, shows examples and links the vendor's page. The requests themselves are exercised
// in catalog-actions.test.ts (and S3 end to end in actions-s3.test.ts).
import { describe, expect, it } from 'vitest';
import { catalogFor, findAction, invokeAwsAction } from '../src/catalog/index.js';
import { AwsClients, type AwsClientScope } from '../src/connections/index.js';
import { verifyPresignedSigV4 } from './support/sigv4-verify.js';

const bamboo = catalogFor('BAMBOO_HR')!;
const ids = (c: typeof bamboo) => c.actions.map((a) => a.ActionId);

describe('BambooHR catalog (issue 16 breadth)', () => {
  it('covers updates, time-off decisions, directory, reports, tables and files', () => {
    expect(ids(bamboo)).toEqual(
      expect.arrayContaining([
        'GetEmployee',
        'GetEmployeeDirectory',
        'ListEmployees',
        'ListFields',
        'UpdateEmployee',
        'CreateEmployee',
        'ListTimeOffRequests',
        'RequestTimeOff',
        'SetTimeOffRequestStatus',
        'GetWhosOut',
        'ListTimeOffTypes',
        'GetTimeOffBalance',
        'GetEmployeeTable',
        'AddEmployeeTableRow',
        'ListEmployeeFiles',
        'GetCompanyReport',
        'RunCustomReport',
      ]),
    );
    // The ids users' EnabledActions already name keep their place.
    expect(ids(bamboo).slice(0, 4)).toEqual(['GetEmployee', 'GetEmployeeDirectory', 'ListTimeOffRequests', 'RequestTimeOff']);
  });

  it('every action has a title, a usable description, examples, its reference page and its OAuth scope', () => {
    const problems: string[] = [];
    for (const a of bamboo.actions) {
      if (!/^[A-Z][a-z]/.test(a.Name)) problems.push(`${a.ActionId}: Name`);
      if (a.Description.length < 80) problems.push(`${a.ActionId}: Description too short to act on`);
      if (!a.Examples?.length || a.Examples.length > 2) problems.push(`${a.ActionId}: 1–2 Examples`);
      if (!a.reference?.startsWith('https://documentation.bamboohr.com/reference/')) problems.push(`${a.ActionId}: reference`);
      if (!a.requires?.scopes?.length) problems.push(`${a.ActionId}: scopes`);
      // Reads need no write scope; writes need one.
      const write = a.requires?.scopes?.some((s) => s.endsWith('.write'));
      const reads = [].concat(a.request as never).every((r: { method: string }) => r.method === 'GET') || ['RunCustomReport'].includes(a.ActionId);
      if (reads === !!write) problems.push(`${a.ActionId}: ${reads ? 'a read asks for a write scope' : 'a write without a write scope'}`);
    }
    expect(problems).toEqual([]);
  });

  it('ListEmployees, which BambooHR serves to OAuth only, needs the delegated grant; nothing else does', () => {
    expect(bamboo.actions.filter((a) => a.requires?.grant).map((a) => [a.ActionId, a.requires!.grant])).toEqual([['ListEmployees', 'delegated']]);
  });

  it('time-off decisions take only the statuses BambooHR documents, and a request id', () => {
    const set = bamboo.actions.find((a) => a.ActionId === 'SetTimeOffRequestStatus')!;
    const props = set.InputSchema.properties as Record<string, { enum?: string[] }>;
    expect(props.Status!.enum).toEqual(['approved', 'denied', 'canceled']);
    expect(set.InputSchema.required).toEqual(['RequestId', 'Status']);
    expect(set.request).toMatchObject({ method: 'PUT', path: '/v1/time_off/requests/{RequestId}/status' });
  });
});

describe('Amazon S3 and Textract catalogs (issue 16 breadth)', () => {
  const s3 = catalogFor('AMAZON_S3')!;
  const textract = catalogFor('AMAZON_TEXTRACT')!;

  it('S3 has HeadObject, CopyObject and presigned download and upload links; Textract AnalyzeExpense and AnalyzeID; earlier ids keep their place', () => {
    expect(ids(s3)).toEqual([
      'ListBuckets',
      'ListObjects',
      'GetObject',
      'PutObject',
      'DeleteObject',
      'HeadObject',
      'CopyObject',
      'PresignGetObject',
      'PresignPutObject',
    ]);
    expect(ids(textract).slice(0, 4)).toEqual(['DetectDocumentText', 'AnalyzeDocument', 'StartDocumentAnalysis', 'GetDocumentAnalysis']);
    expect(ids(textract)).toEqual(expect.arrayContaining(['AnalyzeExpense', 'AnalyzeID']));
  });

  it('every S3 action and the new Textract ones have a title, a usable description, examples and the AWS reference page', () => {
    const problems: string[] = [];
    const mine = [...s3.actions, ...textract.actions.filter((a) => ['AnalyzeExpense', 'AnalyzeID'].includes(a.ActionId))];
    for (const a of mine) {
      if (!/^[A-Z][a-z]/.test(a.Name)) problems.push(`${a.ActionId}: Name`);
      if (a.Description.length < 80) problems.push(`${a.ActionId}: Description too short to act on`);
      if (!a.Examples?.length || a.Examples.length > 2) problems.push(`${a.ActionId}: 1–2 Examples`);
      if (!a.reference?.startsWith('https://docs.aws.amazon.com/')) problems.push(`${a.ActionId}: reference`);
    }
    expect(problems).toEqual([]);
  });

  it('presigned URLs are S3 presigns of GetObject/PutObject, at most 7 days, and say they are bearer capabilities', () => {
    for (const id of ['PresignGetObject', 'PresignPutObject']) {
      const a = s3.actions.find((x) => x.ActionId === id)!;
      expect(a.aws).toMatchObject({
        client: '@aws-sdk/client-s3',
        command: id === 'PresignGetObject' ? 'GetObjectCommand' : 'PutObjectCommand',
        presign: { expiresIn: '$.ExpiresIn' },
      });
      expect((a.InputSchema.properties as Record<string, unknown>).ExpiresIn).toMatchObject({ type: 'integer', minimum: 1, maximum: 604800 });
      expect(a.Description).toMatch(/bearer capability/);
      expect(a.Description).toMatch(/remaining|has left/);
    }
  });
});

describe('presigning (aws.presign): bounded by the session, never sent', () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  const sent: unknown[] = [];
  const clients = new AwsClients({
    request: async (req) => {
      sent.push(req);
      throw new Error('nothing may be sent');
    },
  });
  const presign = (expiresInSessionMs: number | undefined, input: Record<string, unknown>) => {
    const scope: AwsClientScope = {
      owner: `presign-${expiresInSessionMs}`,
      version: '1',
      region: 'eu-west-1',
      credentials: {
        accessKeyId: 'ASIAPRESIGNTEST00001',
        secretAccessKey: secret,
        sessionToken: 'session/token+with=odd chars',
        ...(expiresInSessionMs !== undefined ? { expiration: new Date(Date.now() + expiresInSessionMs) } : {}),
      },
      clientConfig: { endpoint: 'https://s3.eu-west-1.amazonaws.com', forcePathStyle: true },
    };
    return invokeAwsAction(findAction('AMAZON_S3', 'PresignGetObject')!, input, { send: (call, scrubber) => clients.send(scope, call, scrubber) });
  };

  it('the expiry is the one asked for, cut to the session’s remaining lifetime; the URL verifies; nothing is sent', async () => {
    const long = await presign(undefined, { Bucket: 'reports', Key: 'a/b c.csv', ExpiresIn: 7 * 24 * 3600 });
    expect(long.Output).toMatchObject({ ExpiresIn: 604800, Method: 'GET' });
    const short = await presign(120_000, { Bucket: 'reports', Key: 'a/b c.csv', ExpiresIn: 3600 });
    const out = short.Output as { Url: string; ExpiresIn: number; Expiration: string };
    expect(out.ExpiresIn).toBeGreaterThanOrEqual(118);
    expect(out.ExpiresIn).toBeLessThanOrEqual(120);
    const url = new URL(out.Url);
    expect(url.origin).toBe('https://s3.eu-west-1.amazonaws.com');
    expect(url.pathname).toBe('/reports/a/b%20c.csv');
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('session/token+with=odd chars');
    const verdict = verifyPresignedSigV4({ method: 'GET', url: `${url.pathname}${url.search}`, headers: { host: url.host } }, () => secret, 's3');
    expect(verdict).toMatchObject({ ok: true, region: 'eu-west-1', expires: out.ExpiresIn });
    for (const form of [secret, encodeURIComponent(secret)]) expect(out.Url).not.toContain(form);
    expect(sent).toEqual([]);
  });

  it('a session about to expire gives no URL: a FAILED invocation saying so', async () => {
    const r = await presign(500, { Bucket: 'reports', Key: 'x.csv' });
    expect(r).toMatchObject({
      InvokeActionStatus: 'FAILED',
      HttpStatusCode: 400,
      Output: { Code: 'PresignRefused', Message: expect.stringMatching(/expires too soon/) },
    });
    expect(sent).toEqual([]);
  });
});
