// actionbridge/client against the real server: every operation, the error classes
// by the server's error names, credentials from the AWS provider chain, retries of
// throttling (a server with a low throttle) and of 5xx only where safe, and the
// async iterators over pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as lib from 'actionbridge/client';
import {
  AccessDeniedException,
  AccessTokenNotFoundException,
  ActionBridgeClient,
  ActionBridgeError,
  InvalidParameterValueException,
  InvalidSignatureException,
  NetworkError,
  ResourceNotFoundException,
  ThrottlingException,
  UnrecognizedClientException,
  errorFor,
} from '../src/client/index.js';
import { ACCOUNT, ADMIN, freePort, startTestServer, type Creds, type TestServer } from './helpers.js';
import { basicAuth, createConnector } from './support/actions.js';
import { startMcpEnv, type McpEnv } from './support/mcp-env.js';
import { failure } from './support/client-failure.js';

let env: McpEnv;
const api = (creds: Creds = ADMIN, extra: Partial<lib.ActionBridgeClientOptions> = {}) =>
  new ActionBridgeClient({ endpoint: env.t.endpoint, region: 'us-east-1', accountId: ACCOUNT, credentials: creds, ...extra });

/** Rejects with what the promise rejects with. */

beforeAll(async () => {
  env = await startMcpEnv();
});
afterAll(async () => {
  await env?.stop();
});

describe('the package export', () => {
  it('actionbridge/client resolves to the built client with every error class', () => {
    expect(typeof lib.ActionBridgeClient).toBe('function');
    for (const n of [
      'AccessDeniedException',
      'ThrottlingException',
      'AccessTokenNotFoundException',
      'TokenResponseException',
      'ResourceNotFoundException',
      'InvalidParameterValueException',
    ]) {
      const C = (lib as unknown as Record<string, new (m: string) => Error>)[n]!;
      const e = new C('m');
      expect([e.name, e instanceof lib.ActionBridgeError]).toEqual([n, true]);
    }
  });
});

describe('operations', () => {
  it('listActionConnectorActions, invokeAction, testActionConnector, describeActionConnectorConnection', async () => {
    const c = api(env.alice);
    const l = await c.listActionConnectorActions({ ActionConnectorId: 'jira' });
    expect(l.Actions.find((a) => a.ActionId === 'CreateIssue')).toMatchObject({ Enabled: true, InputSchema: { type: 'object' } });
    expect(l.CallerMayInvoke).toBe(true);
    expect(l.RequestId).toBeTypeOf('string');

    env.upstream.reset();
    const r = await c.invokeAction({ ActionConnectorId: 'gh', ActionId: 'HttpRequest', Input: { Method: 'GET', Path: 'v1/ping' } });
    expect(r).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200, Output: { StatusCode: 200, Body: { method: 'GET', url: '/api/v1/ping' } } });
    expect(r.InvocationId).toBeTypeOf('string');

    const t = await api().testActionConnector({ ActionConnectorId: 'gh' });
    expect(t).toMatchObject({ Success: true, HttpStatusCode: 200 });
    const d = await api().describeActionConnectorConnection({ ActionConnectorId: 'gh' });
    expect(d).toMatchObject({ ActionConnectorId: 'gh', AuthenticationType: 'BASIC', LastTest: { Success: true } });
    expect(d.LastTest!.Time).toBeInstanceOf(Date);
  });

  it('an authorization-code connector without sign-in: AccessTokenNotFoundException, then the authorization URL', async () => {
    const c = api(env.alice);
    const e = await failure(c.invokeAction({ ActionConnectorId: 'signin', ActionId: 'HttpRequest', Input: { Method: 'GET', Path: 'me' } }));
    expect(e).toBeInstanceOf(AccessTokenNotFoundException);
    expect([e.name, e.httpStatus]).toEqual(['AccessTokenNotFoundException', 401]);
    const a = await c.startActionConnectorAuthorization({ ActionConnectorId: 'signin' });
    // ActionBridge's one-time sign-in URL (a confirmation page; its Continue button sets the browser's binding cookie, then redirects to the provider).
    expect(a.AuthorizationUrl).toMatch(/^https:\/\/actionbridge\.example\.com\/oauth\/start\?flow=[\w-]{43}$/);
    expect(a.ExpiresAt).toBeInstanceOf(Date);
    expect(a.ExpiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('errors are the classes named by the server, with requestId and httpStatus', async () => {
    const denied = await failure(api(env.bob).invokeAction({ ActionConnectorId: 'jira', ActionId: 'GetIssue', Input: { IssueIdOrKey: 'OPS-1' } }));
    expect(denied).toBeInstanceOf(AccessDeniedException);
    expect(denied).toBeInstanceOf(ActionBridgeError);
    expect([denied.name, denied.httpStatus]).toEqual(['AccessDeniedException', 401]);
    expect(denied.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(denied.message).toMatch(/not authorized/);
    // bob may see jira but not invoke it: the answer says so.
    expect(await failure(api(env.bob).listActionConnectorActions({ ActionConnectorId: 'signin' }))).toBeInstanceOf(AccessDeniedException);

    const missing = await failure(api().invokeAction({ ActionConnectorId: 'gh', ActionId: 'NoSuchAction' }));
    expect([missing instanceof ResourceNotFoundException, missing.httpStatus]).toEqual([true, 404]);
    const bad = await failure(api().invokeAction({ ActionConnectorId: 'jira', ActionId: 'CreateIssue', Input: { ProjectKey: 'x' } }));
    expect([bad instanceof InvalidParameterValueException, bad.httpStatus]).toEqual([true, 400]);
    expect(bad.message).toMatch(/validation error/);

    const badSecret = await failure(
      api({ accessKeyId: env.alice.accessKeyId, secretAccessKey: 'nope' }).listActionConnectorActions({ ActionConnectorId: 'gh' }),
    );
    expect(badSecret).toBeInstanceOf(InvalidSignatureException);
    const unknownKey = await failure(api({ accessKeyId: 'AKIANOSUCHKEY0000000', secretAccessKey: 'x' }).listActionConnectors());
    expect(unknownKey).toBeInstanceOf(UnrecognizedClientException);

    const other = errorFor('SomethingNewException', 'new', { httpStatus: 418, requestId: 'r' });
    expect([other.constructor, other.name, other.httpStatus, other.requestId]).toEqual([ActionBridgeError, 'SomethingNewException', 418, 'r']);
  });

  it('credentials from the AWS provider chain (environment) when none are given', async () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY, region: process.env.AWS_REGION };
    process.env.AWS_ACCESS_KEY_ID = env.alice.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = env.alice.secretAccessKey;
    process.env.AWS_REGION = 'us-east-1';
    try {
      const c = new ActionBridgeClient({ endpoint: env.t.endpoint, accountId: ACCOUNT });
      expect(c.region).toBe('us-east-1');
      const ids = [];
      for await (const s of c.iterateActionConnectors()) ids.push(s.ActionConnectorId);
      expect(ids.sort()).toEqual(['gh', 'jira', 'signin']);
    } finally {
      for (const [k, v] of [
        ['AWS_ACCESS_KEY_ID', saved.id],
        ['AWS_SECRET_ACCESS_KEY', saved.secret],
        ['AWS_REGION', saved.region],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe('paging', () => {
  it('ListActionInvocations: pages of MaxResults, every record once, newest first; the iterator walks them all', async () => {
    const c = api();
    const before = [];
    for await (const r of c.iterateActionInvocations({ ActionConnectorId: 'jira' })) before.push(r);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      env.upstream.reset();
      env.upstream.respond(() => ({ status: 200, json: { id: String(i), key: `OPS-${i}`, fields: {} } }));
      ids.push((await c.invokeAction({ ActionConnectorId: 'jira', ActionId: 'GetIssue', Input: { IssueIdOrKey: `OPS-${i}` } })).InvocationId!);
    }
    const pages = [];
    for await (const p of c.paginateActionInvocations({ ActionConnectorId: 'jira', MaxResults: 2 })) pages.push(p);
    const total = before.length + 5;
    expect(pages.map((p) => p.Invocations.length)).toEqual([...Array(Math.floor(total / 2)).fill(2), ...(total % 2 ? [1] : [])]);
    expect(pages.at(-1)!.NextToken).toBeUndefined();
    const all = pages.flatMap((p) => p.Invocations);
    expect(new Set(all.map((r) => r.InvocationId)).size).toBe(total);
    expect(all.slice(0, 5).map((r) => r.InvocationId)).toEqual([...ids].reverse());
    expect(all[0]!.Time).toBeInstanceOf(Date);
    const walked = [];
    for await (const r of c.iterateActionInvocations({ ActionConnectorId: 'jira', MaxResults: 3 })) walked.push(r.InvocationId);
    expect(walked).toEqual(all.map((r) => r.InvocationId));
  });

  it('ListActionConnectors and SearchActionConnectors page with the same signer', async () => {
    const c = api();
    const pages = [];
    for await (const p of c.paginateActionConnectors({ MaxResults: 1 })) pages.push(p.ActionConnectorSummaries.map((s) => s.ActionConnectorId));
    expect(pages).toEqual([['gh'], ['jira'], ['signin']]);
    const found = [];
    for await (const p of c.paginateSearchActionConnectors({
      Filters: [{ Name: 'ACTION_CONNECTOR_TYPE', Operator: 'StringEquals', Value: 'GENERIC_HTTP' }],
      MaxResults: 1,
    })) {
      found.push(...p.ActionConnectorSummaries.map((s) => s.ActionConnectorId));
    }
    expect(found).toEqual(['gh', 'signin']);
    // As alice sees them (her grants only).
    const mine = [];
    for await (const s of api(env.alice).iterateActionConnectors({ MaxResults: 2 })) mine.push(s.ActionConnectorId);
    expect(mine).toEqual(['gh', 'jira', 'signin']);
    const bobs = [];
    for await (const s of api(env.bob).iterateActionConnectors()) bobs.push(s.ActionConnectorId);
    expect(bobs).toEqual(['gh', 'jira']);
  });
});

describe('retries', () => {
  let slow: TestServer;
  beforeAll(async () => {
    // 4 requests per second, a burst of 2.
    slow = await startTestServer({ throttle: { ratePerSecond: 4, burst: 2 } });
    await createConnector(slow.client(), 'slow', { auth: basicAuth('https://api.example.com/x', 'u', 'p-1234567890') });
  });
  afterAll(async () => {
    await slow?.stop();
  });

  const counting = () => {
    const statuses: number[] = [];
    const f: typeof fetch = async (url, init) => {
      const r = await fetch(url, init);
      statuses.push(r.status);
      return r;
    };
    return { statuses, f };
  };

  it('without retries a throttled call is a ThrottlingException (429)', async () => {
    await new Promise((r) => setTimeout(r, 600));
    const c = new ActionBridgeClient({ endpoint: slow.endpoint, region: 'us-east-1', accountId: ACCOUNT, credentials: ADMIN, maxAttempts: 1 });
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => c.listActionConnectorActions({ ActionConnectorId: 'slow' })));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as ActionBridgeError);
    expect(refused.length).toBeGreaterThan(0);
    for (const e of refused) {
      expect(e).toBeInstanceOf(ThrottlingException);
      expect([e.name, e.httpStatus]).toEqual(['ThrottlingException', 429]);
      expect(e.requestId).toBeTypeOf('string');
    }
  });

  it('with retries (backoff) every call succeeds; the throttled attempts were retried', async () => {
    await new Promise((r) => setTimeout(r, 600));
    const { statuses, f } = counting();
    const c = new ActionBridgeClient({
      endpoint: slow.endpoint,
      region: 'us-east-1',
      accountId: ACCOUNT,
      credentials: ADMIN,
      maxAttempts: 10,
      retryBaseDelayMs: 150,
      maxRetryDelayMs: 1000,
      fetch: f,
    });
    const out = await Promise.all(Array.from({ length: 8 }, () => c.listActionConnectorActions({ ActionConnectorId: 'slow' })));
    expect(out.every((o) => o.Actions.length === 1)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200)).toHaveLength(8);
  });

  it('retries are bounded: maxAttempts, then the last error', async () => {
    let calls = 0;
    const always429: typeof fetch = async () => {
      calls++;
      return new Response(JSON.stringify({ Message: 'Rate exceeded', RequestId: 'r-1' }), {
        status: 429,
        headers: { 'x-amzn-ErrorType': 'ThrottlingException' },
      });
    };
    const c = new ActionBridgeClient({
      endpoint: slow.endpoint,
      region: 'us-east-1',
      accountId: ACCOUNT,
      credentials: ADMIN,
      maxAttempts: 3,
      retryBaseDelayMs: 1,
      fetch: always429,
    });
    const e = await failure(c.invokeAction({ ActionConnectorId: 'slow', ActionId: 'HttpRequest', Input: {} }));
    expect([e instanceof ThrottlingException, e.requestId, calls]).toEqual([true, 'r-1', 3]);
  });

  it('a 5xx is retried for operations safe to repeat, never for InvokeAction', async () => {
    const flaky = () => {
      let n = 0;
      const f: typeof fetch = async (url, init) => {
        n++;
        if (n === 1)
          return new Response(JSON.stringify({ Message: 'boom', RequestId: 'r-5' }), { status: 503, headers: { 'x-amzn-ErrorType': 'ServiceUnavailable' } });
        return fetch(url, init);
      };
      return { f, calls: () => n };
    };
    const a = flaky();
    const c = new ActionBridgeClient({
      endpoint: env.t.endpoint,
      region: 'us-east-1',
      accountId: ACCOUNT,
      credentials: ADMIN,
      retryBaseDelayMs: 1,
      fetch: a.f,
    });
    expect((await c.listActionConnectorActions({ ActionConnectorId: 'gh' })).Actions.length).toBe(1);
    expect(a.calls()).toBe(2);
    const b = flaky();
    const d = new ActionBridgeClient({
      endpoint: env.t.endpoint,
      region: 'us-east-1',
      accountId: ACCOUNT,
      credentials: ADMIN,
      retryBaseDelayMs: 1,
      fetch: b.f,
    });
    const e = await failure(d.invokeAction({ ActionConnectorId: 'gh', ActionId: 'HttpRequest', Input: { Method: 'GET', Path: 'x' } }));
    expect([e.constructor, e.name, e.httpStatus, b.calls()]).toEqual([ActionBridgeError, 'ServiceUnavailable', 503, 1]);
  });

  it('no server: NetworkError after the bounded attempts', async () => {
    const port = await freePort();
    const c = new ActionBridgeClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      accountId: ACCOUNT,
      credentials: ADMIN,
      maxAttempts: 2,
      retryBaseDelayMs: 1,
    });
    const e = await failure(c.listActionConnectors());
    expect(e).toBeInstanceOf(NetworkError);
    expect(e.message).toMatch(/ECONNREFUSED/);
  });
});
