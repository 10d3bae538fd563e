// InvokeAction through the real server, against local HTTPS services: GENERIC_HTTP
// HttpRequest with BASIC, API_KEY and client-credentials authentication (a real
// OAuth server); Jira CreateIssue and Slack PostMessage as the vendors receive them;
// input that would escape BaseEndpoint, inject headers or break the schema refused
// before anything is sent; retries of idempotent requests; and what a caller gets
// when nothing answers (the egress refused the address, TLS failed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, type qs } from './helpers.js';
import { startActionUpstream, type ActionUpstream, type Received } from './support/action-upstream.js';
import { actionsApi, apiKeyAuth, basicAuth, clientCredentialsAuth, createConnector, noneAuth } from './support/actions.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';
import { startOidc, type OidcClient, type TestOidc } from './support/oidc.js';
import { createTestCa } from './support/tls.js';

const PASSWORD = 'basic-Pa55-4e1d9c';
const EGRESS_TIMEOUT_MS = 3_000;
const API_KEY = 'api-key-77aa3c9e1f';
const CLIENT: OidcClient = { client_id: 'ab-actions', client_secret: 'cc-secret-actions-8d7c6b5a', grant_types: ['client_credentials'] };

let env: ConnEnv;
let upstream: ActionUpstream;
let untrusted: ActionUpstream;
let oidc: TestOidc;
let api: ReturnType<typeof actionsApi>;
let admin: qs.QuickSightClient;

const root = () => upstream.url('/').replace(/\/$/, '');
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
const invoke = (id: string, actionId: string, input?: unknown) => api.invoke(ADMIN, id, actionId, input);
const json = (r: Received) => JSON.parse(r.body.toString('utf8')) as Record<string, unknown>;

beforeAll(async () => {
  // egress.timeoutMs (default 30 s) set short, so 'a service that never answers' ends soon.
  env = await startConnEnv({ egressTimeoutMs: EGRESS_TIMEOUT_MS });
  upstream = await startActionUpstream(env.ca);
  // A service whose certificate no trusted CA issued.
  untrusted = await startActionUpstream(createTestCa('Some Other CA'));
  oidc = await startOidc(env.ca, [CLIENT]);
  api = actionsApi(env.t.endpoint);
  admin = env.t.client();
  await Promise.all([
    createConnector(admin, 'gh-basic', { auth: basicAuth(upstream.url('/api'), 'svc-user', PASSWORD) }),
    createConnector(admin, 'gh-key', { auth: apiKeyAuth(upstream.url('/api'), API_KEY) }),
    createConnector(admin, 'gh-cc', { auth: clientCredentialsAuth(upstream.url('/api'), oidc.tokenEndpoint, CLIENT.client_id, CLIENT.client_secret) }),
    createConnector(admin, 'jira', { type: 'JIRA_CLOUD', auth: apiKeyAuth(root(), API_KEY, 'bot@acme.example.com') }),
    createConnector(admin, 'slack', { type: 'SLACK', auth: apiKeyAuth(upstream.url('/api'), 'xoxb-bot-token-1a2b3c') }),
    createConnector(admin, 'gh-private', { auth: noneAuth('https://10.20.30.40/api') }),
    createConnector(admin, 'gh-untrusted', { auth: noneAuth(untrusted.url('/api')) }),
  ]);
});
afterAll(async () => {
  await env?.t.stop();
  await Promise.all([upstream?.close(), untrusted?.close(), oidc?.close()]);
});

describe('GENERIC_HTTP HttpRequest end to end', () => {
  it('BASIC: method, path under BaseEndpoint, query, headers and JSON body as sent; the answer as {StatusCode, Headers, Body}', async () => {
    upstream.reset();
    upstream.respond((req) => ({ status: 201, headers: { 'x-request-id': 'r-1' }, json: { created: true, got: json(req) } }));
    const r = await invoke('gh-basic', 'HttpRequest', {
      Method: 'POST',
      Path: 'v1/items',
      Query: { tag: ['a', 'b'], limit: 5 },
      Headers: { 'X-Trace': 't-1' },
      Body: { name: 'widget', n: 2 },
    });
    expect(r.status, r.raw).toBe(200);
    expect(upstream.received).toHaveLength(1);
    const got = upstream.received[0]!;
    expect([got.method, got.url]).toEqual(['POST', '/api/v1/items?tag=a&tag=b&limit=5']);
    expect(got.headers.authorization).toBe(basic('svc-user', PASSWORD));
    expect(got.headers['x-trace']).toBe('t-1');
    expect(got.headers['content-type']).toMatch(/^application\/json/);
    expect(json(got)).toEqual({ name: 'widget', n: 2 });
    expect(r.body).toMatchObject({
      InvokeActionStatus: 'SUCCESS',
      HttpStatusCode: 201,
      Output: {
        StatusCode: 201,
        Headers: { 'x-request-id': 'r-1', 'content-type': 'application/json' },
        Body: { created: true, got: { name: 'widget', n: 2 } },
      },
    });
    expect(Object.keys(r.body).sort()).toEqual(['HttpStatusCode', 'InvocationId', 'InvokeActionStatus', 'Output', 'RequestId']);
  });

  it('API_KEY: Bearer; a text body as is; an upstream 404 is a FAILED invocation with its status, not an error', async () => {
    upstream.reset();
    upstream.respond(() => ({ status: 404, json: { error: 'not found' } }));
    const r = await invoke('gh-key', 'HttpRequest', { Method: 'PUT', Path: '/v1/notes/7', Body: 'plain text' });
    expect(r.status).toBe(200);
    expect(upstream.received[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(upstream.received[0]!.body.toString()).toBe('plain text');
    expect(r.body).toMatchObject({ InvokeActionStatus: 'FAILED', HttpStatusCode: 404, Output: { StatusCode: 404, Body: { error: 'not found' } } });
  });

  it('OAUTH2_CLIENT_CREDENTIALS: a token from the real authorization server, one token request for 50 concurrent invocations', async () => {
    upstream.reset();
    upstream.respond(async (req) => {
      const token = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      return token && (await oidc.valid(token)) ? { json: { ok: true } } : { status: 401, json: { error: 'invalid_token' } };
    });
    const before = oidc.tokenRequests.client_credentials ?? 0;
    const all = await Promise.all(Array.from({ length: 50 }, (_, i) => invoke('gh-cc', 'HttpRequest', { Method: 'GET', Path: `items/${i}` })));
    expect(all.map((r) => r.body.InvokeActionStatus)).toEqual(Array(50).fill('SUCCESS'));
    expect((oidc.tokenRequests.client_credentials ?? 0) - before).toBe(1);
    expect(upstream.received).toHaveLength(50);
  });
});

describe('vendor actions end to end', () => {
  it('Jira CreateIssue: POST /rest/api/3/issue, Basic email:token, the description as ADF; the created issue', async () => {
    upstream.reset();
    upstream.respond(() => ({ status: 201, json: { id: '10042', key: 'OPS-42', self: `${root()}/rest/api/3/issue/10042` } }));
    const r = await invoke('jira', 'CreateIssue', { ProjectKey: 'OPS', Summary: 'Disk full on db-1', Description: 'The disk is full.', Labels: ['infra'] });
    expect(r.body).toMatchObject({
      InvokeActionStatus: 'SUCCESS',
      HttpStatusCode: 201,
      Output: { Id: '10042', Key: 'OPS-42', Self: `${root()}/rest/api/3/issue/10042` },
    });
    const got = upstream.received[0]!;
    expect([got.method, got.url]).toEqual(['POST', '/rest/api/3/issue']);
    expect(got.headers.authorization).toBe(basic('bot@acme.example.com', API_KEY));
    expect(json(got)).toEqual({
      fields: {
        project: { key: 'OPS' },
        summary: 'Disk full on db-1',
        issuetype: { name: 'Task' },
        labels: ['infra'],
        description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The disk is full.' }] }] },
      },
    });
  });

  it("Slack PostMessage: chat.postMessage with the bot token; ok:false is FAILED with Slack's error", async () => {
    upstream.reset();
    upstream.respond((req) =>
      json(req).channel === 'C0NOPE'
        ? { json: { ok: false, error: 'channel_not_found' } }
        : { json: { ok: true, channel: 'C012AB3CD', ts: '1712345999.000300', message: { text: 'Deployed' } } },
    );
    const ok = await invoke('slack', 'PostMessage', { Channel: 'C012AB3CD', Text: 'Deployed' });
    expect(ok.body).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200, Output: { Channel: 'C012AB3CD', Ts: '1712345999.000300' } });
    const got = upstream.received[0]!;
    expect([got.method, got.url, got.headers.authorization]).toEqual(['POST', '/api/chat.postMessage', 'Bearer xoxb-bot-token-1a2b3c']);
    expect(json(got)).toEqual({ channel: 'C012AB3CD', text: 'Deployed' });
    const nope = await invoke('slack', 'PostMessage', { Channel: 'C0NOPE', Text: 'x' });
    expect(nope.body).toMatchObject({ InvokeActionStatus: 'FAILED', HttpStatusCode: 200, Output: { ok: false, error: 'channel_not_found' } });
  });
});

describe('input is refused before anything is sent', () => {
  const refused = async (id: string, actionId: string, input: unknown, message: RegExp) => {
    upstream.reset();
    const r = await invoke(id, actionId, input);
    expect([r.status, r.errorType], r.raw).toEqual([400, 'InvalidParameterValueException']);
    expect(r.body.Message).toMatch(message);
    expect(upstream.received).toEqual([]);
  };

  it.each(['../admin', 'a/../../admin', '%2e%2e/admin', '..%2Fadmin', 'https://evil.example/x', '//evil.example/x', '\\\\evil.example\\x', 'a%2fb'])(
    'a Path that would leave BaseEndpoint: %s',
    async (Path) => {
      await refused('gh-basic', 'HttpRequest', { Method: 'GET', Path }, /Value at 'input.path' failed to satisfy constraint/);
    },
  );

  it.each([
    ['CR LF in a value', { 'X-A': 'a\r\nX-Injected: 1' }, /Header values must not contain CR, LF/],
    ['CR LF in a name', { 'X-A\r\nX-B': 'v' }, /Header names must be HTTP tokens/],
    ['Authorization', { Authorization: 'Bearer stolen' }, /Member must not set the authorization header/],
    ['Host', { Host: 'evil.example' }, /Member must not set the host header/],
    ['Cookie', { Cookie: 'session=1' }, /Member must not set the cookie header/],
  ])('header injection: %s', async (_what, Headers, message) => {
    await refused('gh-basic', 'HttpRequest', { Method: 'GET', Path: 'x', Headers }, message);
  });

  it('schema violations name the member (input.<member>) and every broken rule', async () => {
    await refused('gh-basic', 'HttpRequest', { Path: 'x' }, /Value null at 'input.method' failed to satisfy constraint: Member must not be null/);
    await refused(
      'gh-basic',
      'HttpRequest',
      { Method: 'TRACE', Path: 'x' },
      /Value at 'input.method' failed to satisfy constraint: Member must satisfy enum value set/,
    );
    await refused(
      'jira',
      'CreateIssue',
      { ProjectKey: 'ops', Summary: 7 },
      /2 validation errors detected: .*'input.projectKey'.*pattern.*'input.summary'.*Member must be of type string/,
    );
    await refused('jira', 'GetIssue', { IssueIdOrKey: '..' }, /Value at 'input.issueIdOrKey' failed to satisfy constraint: Member must not be '.' or '..'/);
  });

  it('a value is one encoded path segment: a slash in it cannot climb', async () => {
    upstream.reset();
    upstream.respond(() => ({ status: 404, json: { errorMessages: ['Issue does not exist'] } }));
    const r = await invoke('jira', 'GetIssue', { IssueIdOrKey: '../../admin' });
    expect(r.body.InvokeActionStatus).toBe('FAILED');
    expect(upstream.received.map((x) => x.url)).toEqual(['/rest/api/3/issue/..%2F..%2Fadmin']);
  });

  it('the body must be a JSON object whose Input is an object', async () => {
    const r = await invoke('gh-basic', 'HttpRequest', ['not', 'an', 'object']);
    expect([r.status, r.errorType]).toEqual([400, 'InvalidParameterValueException']);
    expect(r.body.Message).toMatch(/Value at 'input' failed to satisfy constraint: Member must be of type structure/);
  });
});

describe('retries of idempotent requests', () => {
  it('a 429 with Retry-After, then 200: SUCCESS after waiting as told', async () => {
    upstream.reset();
    let n = 0;
    upstream.respond(() => (++n === 1 ? { status: 429, headers: { 'retry-after': '1' }, json: { error: 'slow down' } } : { json: { ok: true } }));
    const t0 = Date.now();
    const r = await invoke('gh-basic', 'HttpRequest', { Method: 'GET', Path: 'limited' });
    expect(r.body).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200, Output: { Body: { ok: true } } });
    expect(upstream.received).toHaveLength(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('endless 503: FAILED with 503 after the bounded attempts, quickly', async () => {
    upstream.reset();
    upstream.respond(() => ({ status: 503, json: { error: 'unavailable' } }));
    const t0 = Date.now();
    const r = await invoke('gh-basic', 'HttpRequest', { Method: 'GET', Path: 'down' });
    expect(r.body).toMatchObject({ InvokeActionStatus: 'FAILED', HttpStatusCode: 503, Output: { StatusCode: 503, Body: { error: 'unavailable' } } });
    expect(upstream.received).toHaveLength(3);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('a request that is not idempotent is sent once (POST; Slack PostMessage)', async () => {
    upstream.reset();
    upstream.respond(() => ({ status: 503, headers: { 'retry-after': '0' } }));
    expect((await invoke('gh-basic', 'HttpRequest', { Method: 'POST', Path: 'x', Body: {} })).body).toMatchObject({
      InvokeActionStatus: 'FAILED',
      HttpStatusCode: 503,
    });
    expect((await invoke('slack', 'PostMessage', { Channel: 'C012AB3CD', Text: 'once' })).body).toMatchObject({
      InvokeActionStatus: 'FAILED',
      HttpStatusCode: 503,
    });
    expect(upstream.received).toHaveLength(2);
  });
});

describe('when nothing answers', () => {
  it('an address the egress policy refuses: FAILED without HttpStatusCode, the reason in Output', async () => {
    const r = await invoke('gh-private', 'HttpRequest', { Method: 'GET', Path: 'x' });
    expect(r.status).toBe(200);
    expect(r.body.InvokeActionStatus).toBe('FAILED');
    expect(r.body.HttpStatusCode).toBeUndefined();
    expect(r.body.Output).toMatchObject({ Code: 'EgressError', Reason: 'refused-address' });
    expect(r.body.Output.Message).toMatch(/10\.20\.30\.40/);
  });

  it('a certificate no trusted CA issued: FAILED, reason tls; nothing reached the service', async () => {
    untrusted.reset();
    const r = await invoke('gh-untrusted', 'HttpRequest', { Method: 'GET', Path: 'x' });
    expect(r.body).toMatchObject({ InvokeActionStatus: 'FAILED', Output: { Code: 'EgressError', Reason: 'tls' } });
    expect(r.body.HttpStatusCode).toBeUndefined();
    expect(untrusted.received).toEqual([]);
  });

  it('a service that never answers: FAILED, reason timeout, at the configured egress deadline (egress.timeoutMs)', async () => {
    upstream.reset();
    let release = () => {};
    upstream.respond(() => new Promise((r) => (release = () => r({ status: 200, json: {} }))));
    const t0 = Date.now();
    try {
      // POST: not idempotent, so sent once (no retry after the timeout).
      const r = await invoke('gh-basic', 'HttpRequest', { Method: 'POST', Path: 'slow', Body: {} });
      const took = Date.now() - t0;
      expect(r.body).toMatchObject({ InvokeActionStatus: 'FAILED', Output: { Code: 'EgressError', Reason: 'timeout' } });
      // This server's deadline, not the default 30 s.
      expect(took).toBeGreaterThanOrEqual(EGRESS_TIMEOUT_MS - 50);
      expect(took).toBeLessThan(EGRESS_TIMEOUT_MS + 10_000);
      expect(upstream.received).toHaveLength(1);
    } finally {
      release();
      upstream.reset();
    }
  });
});

describe('the answer on the wire', () => {
  it('an ActionId in the path is matched whole (percent-encoded characters of the ActionId pattern)', async () => {
    const r = await invoke('gh-basic', 'Http:Request', { Method: 'GET', Path: 'x' });
    expect([r.status, r.errorType]).toEqual([404, 'ResourceNotFoundException']);
    const s = await invoke('gh-basic', 'a/b', { Method: 'GET', Path: 'x' });
    expect([s.status, s.errorType]).toEqual([404, 'ResourceNotFoundException']);
    expect(s.body.Message).toMatch(/^Action a\/b does not exist for connector type GENERIC_HTTP/);
    expect(r.body.Message).toMatch(/^Action Http:Request does not exist/);
  });

  it('Input may be omitted for an action without required members', async () => {
    upstream.reset();
    upstream.respond(() => ({ json: { ok: true, channels: [], response_metadata: { next_cursor: '' } } }));
    const r = await invoke('slack', 'ListChannels');
    expect(r.body).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200, Output: { Channels: [] } });
    expect(upstream.received[0]!.url).toMatch(/^\/api\/conversations\.list/);
    void ACCOUNT;
  });
});
