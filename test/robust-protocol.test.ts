// Protocol robustness with raw HTTP: requests the official SDK would never send,
// correctly SigV4-signed so that they reach the protocol layer. Every answer must be
// a restJson1 error (4xx, x-amzn-ErrorType, x-amzn-RequestId, {Message, RequestId}),
// never a 500, and the server must keep serving afterwards.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, REGION, createInput, expectError, qs, startTestServer, type TestServer } from './helpers.js';
import { enc, expectAwsError, sendRaw, type RawRequest, type RawResponse } from './robust-support.js';

let t: TestServer;
const KEEP = 'robust-keep';

beforeAll(async () => {
  t = await startTestServer();
  await t.client().send(new qs.CreateActionConnectorCommand(createInput(KEEP)));
});
afterAll(async () => {
  await t.stop();
});

// After every refused request, the server still serves a signed SDK call.
afterEach(async () => {
  const d = await t.client().send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: KEEP }));
  expect(d.ActionConnector?.ActionConnectorId).toBe(KEEP);
});

const send = (r: RawRequest): Promise<RawResponse> => sendRaw(t.endpoint, r);

const CREATE_PATH = `/accounts/${ACCOUNT}/action-connectors`;
const validBody = (id: string) =>
  JSON.stringify({
    ActionConnectorId: id,
    Name: 'Raw connector',
    Type: 'GENERIC_HTTP',
    AuthenticationConfig: { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: 'https://api.example.com' } } },
  });
const JSON_CT = { 'content-type': 'application/json' };

async function exists(id: string): Promise<boolean> {
  try {
    await t.client().send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
    return true;
  } catch (e) {
    if ((e as Error).name === 'ResourceNotFoundException') return false;
    throw e;
  }
}

describe('raw signed requests reach the protocol layer', () => {
  it('a correctly signed raw create succeeds (the signing helper is right)', async () => {
    const res = await send({ method: 'POST', path: CREATE_PATH, headers: JSON_CT, body: validBody('raw-ok') });
    expect(res.status, res.text).toBe(200);
    expect(res.json.ActionConnectorId).toBe('raw-ok');
    expect(res.json.RequestId).toBe(res.headers['x-amzn-requestid']);
    expect(await exists('raw-ok')).toBe(true);
  });

  it("a validation failure has the AWS error body: Message and RequestId only (the console's Problems list is not on the wire)", async () => {
    const body = JSON.parse(validBody('raw-invalid')) as Record<string, unknown>;
    body.Name = 'x'.repeat(300);
    const res = await send({ method: 'POST', path: CREATE_PATH, headers: JSON_CT, body: JSON.stringify(body) });
    expectAwsError(res, 400, 'InvalidParameterValueException', /Value at 'name' failed to satisfy constraint/);
    expect(Object.keys(res.json).sort()).toEqual(['Message', 'RequestId']);
  });

  it('a signature made with a wrong secret is refused (signing is really checked)', async () => {
    const res = await send({
      method: 'POST',
      path: CREATE_PATH,
      headers: JSON_CT,
      body: validBody('raw-badsig'),
      creds: { ...ADMIN, secretAccessKey: 'wrong-secret-wrong-secret-000' },
    });
    expectAwsError(res, 403, 'InvalidSignatureException');
    expect(await exists('raw-badsig')).toBe(false);
  });
});

describe('bodies', () => {
  it.each([
    ['truncated object', '{"ActionConnectorId": "raw-trunc", "Name": '],
    ['trailing garbage', `${validBody('raw-trail')} x`],
    ['single quotes', "{'ActionConnectorId': 'raw-q'}"],
    ['trailing comma', '{"ActionConnectorId": "raw-comma",}'],
    ['bare word', 'hello'],
    [
      'invalid UTF-8 bytes inside a string',
      Buffer.concat([Buffer.from('{"ActionConnectorId":"raw-utf8","Name":"a'), Buffer.from([0xff, 0xfe]), Buffer.from('b"}')]),
    ],
  ])('malformed JSON (%s) is InvalidParameterValueException', async (_name, body) => {
    const res = await send({ method: 'POST', path: CREATE_PATH, headers: JSON_CT, body });
    expectAwsError(res, 400, 'InvalidParameterValueException', /JSON/);
  });

  it.each([
    ['an array', '[1, 2, 3]'],
    ['an array holding a valid object', `[${validBody('raw-arr')}]`],
    ['a string', '"hello"'],
    ['null', 'null'],
    ['a number', '42'],
    ['true', 'true'],
  ])('a JSON body that is %s is InvalidParameterValueException', async (_name, body) => {
    const res = await send({ method: 'POST', path: CREATE_PATH, headers: JSON_CT, body });
    expectAwsError(res, 400, 'InvalidParameterValueException', /JSON object/);
    expect(await exists('raw-arr')).toBe(false);
  });

  it('a body nested 100,000 levels deep is a 400, not a stack overflow 500', async () => {
    const depth = 100_000;
    const res = await send({ method: 'POST', path: CREATE_PATH, headers: JSON_CT, body: `${'['.repeat(depth)}${']'.repeat(depth)}` });
    expectAwsError(res, 400, 'InvalidParameterValueException');
  });

  it('deeply nested garbage inside a valid object is a 400 or ignored, never a 500', async () => {
    const depth = 50_000;
    const body = `{"ActionConnectorId":"raw-deep","Name":"Deep","Type":"GENERIC_HTTP","AuthenticationConfig":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
    const res = await send({ method: 'POST', path: CREATE_PATH, headers: JSON_CT, body });
    expectAwsError(res, 400, 'InvalidParameterValueException');
    expect(await exists('raw-deep')).toBe(false);
  });

  it.each([
    ['text/plain', validBody('raw-ct-text')],
    ['application/xml', '<CreateActionConnectorRequest><ActionConnectorId>raw-ct-xml</ActionConnectorId></CreateActionConnectorRequest>'],
    ['application/x-www-form-urlencoded', 'ActionConnectorId=raw-ct-form&Name=x'],
    ['multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--xyz--\r\n'],
  ])('Content-Type %s is InvalidParameterValueException and creates nothing', async (ct, body) => {
    const res = await send({ method: 'POST', path: CREATE_PATH, headers: { 'content-type': ct }, body });
    expectAwsError(res, 400, 'InvalidParameterValueException', /Content-Type/);
    for (const id of ['raw-ct-text', 'raw-ct-xml', 'raw-ct-form']) expect(await exists(id)).toBe(false);
  });

  it('application/json with a charset parameter is accepted', async () => {
    const res = await send({
      method: 'POST',
      path: CREATE_PATH,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: validBody('raw-charset'),
    });
    expect(res.status, res.text).toBe(200);
  });

  it('a body over 1 MiB (with Content-Length) is InvalidParameterValueException', async () => {
    const pad = 'x'.repeat(1024 * 1024);
    const body = `{"ActionConnectorId":"raw-big","Name":"Big","Pad":"${pad}"}`;
    const res = await send({ method: 'POST', path: CREATE_PATH, headers: JSON_CT, body });
    expectAwsError(res, 400, 'InvalidParameterValueException', /larger than the limit/);
    expect(await exists('raw-big')).toBe(false);
  });

  it('a chunked body over 1 MiB (no Content-Length) is InvalidParameterValueException', async () => {
    const pad = 'x'.repeat(2 * 1024 * 1024);
    const body = `{"ActionConnectorId":"raw-big-chunked","Name":"Big","Pad":"${pad}"}`;
    const res = await send({ method: 'POST', path: CREATE_PATH, headers: JSON_CT, body, chunked: true });
    expectAwsError(res, 400, 'InvalidParameterValueException', /larger than the limit/);
    expect(await exists('raw-big-chunked')).toBe(false);
  });

  it('a body of exactly 1 MiB is accepted (unknown members are ignored)', async () => {
    const head = JSON.parse(validBody('raw-exact')) as Record<string, unknown>;
    const skeleton = JSON.stringify({ ...head, Pad: '' });
    const body = JSON.stringify({ ...head, Pad: 'y'.repeat(1024 * 1024 - Buffer.byteLength(skeleton)) });
    expect(Buffer.byteLength(body)).toBe(1024 * 1024);
    const res = await send({ method: 'POST', path: CREATE_PATH, headers: JSON_CT, body });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(await exists('raw-exact')).toBe(true);
  });
});

describe('paths and query strings', () => {
  it.each([
    ['GET', `/accounts/${ACCOUNT}/nothing-here`],
    ['GET', '/'],
    ['POST', `/accounts/${ACCOUNT}/action-connectors/${KEEP}/unknown-sub-resource`],
    ['PATCH', `/accounts/${ACCOUNT}/action-connectors/${KEEP}`],
    ['GET', '/robots.txt'],
  ])('an unknown route (%s %s) is a 404 restJson1 error', async (method, path) => {
    const res = await send({ method, path });
    expectAwsError(res, 404, 'ResourceNotFoundException');
  });

  it.each(['abc', '', '1.5', '0', '101', '-1', '1e2', '99999999999999999999', ' 5'])(
    'ListActionConnectors max-results=%j is InvalidParameterValueException naming maxResults',
    async (v) => {
      const res = await send({ method: 'GET', path: CREATE_PATH, query: [['max-results', v]] });
      expectAwsError(res, 400, 'InvalidParameterValueException', /maxResults/);
    },
  );

  it('SearchActionConnectors max-results=abc is InvalidParameterValueException', async () => {
    const res = await send({
      method: 'POST',
      path: `/accounts/${ACCOUNT}/search/action-connectors`,
      query: [['max-results', 'abc']],
      headers: JSON_CT,
      body: '{"Filters":[]}',
    });
    expectAwsError(res, 400, 'InvalidParameterValueException', /maxResults/);
  });

  it('members bound to the path or the query string are not taken from the body', async () => {
    // Search binds MaxResults and NextToken to the query string: a body's are ignored, as is a
    // body's AwsAccountId (the path names the account). Two connectors, so that MaxResults 1 would show.
    for (const id of ['bound-1', 'bound-2']) await send({ method: 'POST', path: CREATE_PATH, headers: JSON_CT, body: validBody(id) });
    const res = await send({
      method: 'POST',
      path: `/accounts/${ACCOUNT}/search/action-connectors`,
      headers: JSON_CT,
      body: JSON.stringify({ Filters: [], MaxResults: 1, NextToken: 'not-a-token', AwsAccountId: '999988887777' }),
    });
    expect(res.status, res.text).toBe(200);
    const ids = (res.json.ActionConnectorSummaries as { ActionConnectorId: string }[]).map((c) => c.ActionConnectorId);
    expect(ids).toEqual(expect.arrayContaining(['bound-1', 'bound-2']));
  });

  it('a valid max-results is honoured', async () => {
    const res = await send({ method: 'GET', path: CREATE_PATH, query: [['max-results', '1']] });
    expect(res.status, res.text).toBe(200);
    expect(res.json.ActionConnectorSummaries).toHaveLength(1);
    expect(typeof res.json.NextToken).toBe('string');
  });

  it('a repeated scalar query parameter is answered (200 with one of the values, or 400), never 500', async () => {
    const res = await send({
      method: 'GET',
      path: CREATE_PATH,
      query: [
        ['max-results', '1'],
        ['max-results', '2'],
      ],
    });
    if (res.status === 200) {
      expect([1, 2]).toContain(res.json.ActionConnectorSummaries.length);
      expect(res.json.RequestId).toBe(res.headers['x-amzn-requestid']);
    } else {
      expectAwsError(res, 400, 'InvalidParameterValueException');
    }
  });

  it('a repeated scalar query parameter with one bad value is never a 500', async () => {
    for (const q of [
      [
        ['max-results', 'abc'],
        ['max-results', '2'],
      ],
      [
        ['max-results', '2'],
        ['max-results', 'abc'],
      ],
    ] as [string, string][][]) {
      const res = await send({ method: 'GET', path: CREATE_PATH, query: q });
      expect(res.status, res.text).toBeLessThan(500);
      if (res.status !== 200) expectAwsError(res, 400, 'InvalidParameterValueException');
    }
  });

  it('a repeated list query parameter (UntagResource keys=a&keys=b) removes every key', async () => {
    const arn = `arn:aws:quicksight:${REGION}:${ACCOUNT}:action-connector/${KEEP}`;
    const c = t.client();
    await c.send(
      new qs.TagResourceCommand({
        ResourceArn: arn,
        Tags: [
          { Key: 'a', Value: '1' },
          { Key: 'b', Value: '2' },
          { Key: 'c', Value: '3' },
        ],
      }),
    );
    const res = await send({
      method: 'DELETE',
      path: `/resources/${enc(arn)}/tags`,
      query: [
        ['keys', 'a'],
        ['keys', 'b'],
      ],
    });
    expect(res.status, res.text).toBe(200);
    const tags = await c.send(new qs.ListTagsForResourceCommand({ ResourceArn: arn }));
    expect(tags.Tags).toEqual([{ Key: 'c', Value: '3' }]);
  });

  it('a NextToken that is not valid percent-encoding is InvalidNextTokenException', async () => {
    const res = await send({ method: 'GET', path: CREATE_PATH, query: [['next-token', '%zz%']] });
    expectAwsError(res, 400, 'InvalidNextTokenException');
  });

  it('a path label with broken percent-encoding is a 4xx restJson1 error', async () => {
    const res = await send({ method: 'GET', path: `/accounts/${ACCOUNT}/action-connectors/%E0%A4%A` });
    expectAwsError(res, 400, 'InvalidParameterValueException');
  });

  it('a path label over the router limit is a 4xx restJson1 error', async () => {
    const res = await send({ method: 'GET', path: `/accounts/${ACCOUNT}/action-connectors/${'a'.repeat(5000)}` });
    expectAwsError(res, 400, 'InvalidParameterValueException');
  });
});

describe('requests Node cannot parse as HTTP', () => {
  it('a request line over the header size limit is a 400 restJson1 error with Connection: close', async () => {
    const res = await send({ method: 'GET', path: CREATE_PATH, query: [['next-token', 'a'.repeat(20_000)]] });
    expectAwsError(res, 400, 'InvalidParameterValueException', /larger than the server accepts/);
    expect(res.headers.connection).toBe('close');
  });

  it('headers over the size limit are a 400 restJson1 error', async () => {
    const res = await send({ method: 'GET', path: CREATE_PATH, headers: { 'x-padding': 'p'.repeat(20_000) } });
    expectAwsError(res, 400, 'InvalidParameterValueException');
  });

  it('through the SDK (keep-alive): a huge NextToken is InvalidParameterValueException, and the same client keeps working', async () => {
    const c = t.client();
    await c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
    for (let i = 0; i < 3; i++) {
      await expectError(
        c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, NextToken: 'n'.repeat(40_000) })),
        'InvalidParameterValueException',
        400,
      );
      // The next call must not land on the socket the server closed (no ECONNRESET).
      const ok = await c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 1 }));
      expect(ok.ActionConnectorSummaries).toHaveLength(1);
    }
  });
});

describe('unsigned requests', () => {
  it.each([
    ['GET', CREATE_PATH, undefined],
    ['GET', `/accounts/${ACCOUNT}/action-connectors/${KEEP}`, undefined],
    ['POST', CREATE_PATH, validBody('raw-unsigned')],
    ['POST', CREATE_PATH, '{not json'],
    ['DELETE', `/accounts/${ACCOUNT}/action-connectors/${KEEP}`, undefined],
    ['GET', `/accounts/${ACCOUNT}/nothing-here`, undefined],
  ])('%s %s unsigned is 403 MissingAuthenticationTokenException and does nothing', async (method, path, body) => {
    const res = await send({ method, path, body, headers: body ? JSON_CT : {}, sign: false });
    expectAwsError(res, 403, 'MissingAuthenticationTokenException');
    expect(res.text).not.toContain('Connector');
    expect(await exists('raw-unsigned')).toBe(false);
    expect(await exists(KEEP)).toBe(true);
  });

  it('GET /healthz answers 200 without a signature', async () => {
    const res = await send({ method: 'GET', path: '/healthz', sign: false });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok' });
  });
});

describe('nothing is ever a 500', () => {
  it('the server logged no internal failure during these tests', () => {
    expect(t.logs()).not.toMatch(/internal failure/);
    expect(t.logs()).not.toMatch(/"status":5\d\d/);
  });
});
