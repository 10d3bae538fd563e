// Bounded resources and the small items of issue 13 (finding 9), each performed as an
// attack against the real server:
// 1. bodies are read only once the request is admitted from its headers: 64 unauthenticated
//    8 MiB bodies leave the server's memory where it was, and the body of an unknown caller
//    (SigV4, console, MCP) is answered before it is sent; all bodies held at once share one budget, of which one credential holds at most an eighth;
// 2. one budget caps the upstream bytes all invocations hold at once, and is given back on every path;
// 3. path parameters cannot walk out of the BaseEndpoint through Tomcat/Jetty path parameters (`..;`);
// 4. a header value above U+00FF is a 400 naming the member, not a 500;
// 5. 100 000 levels of JSON nesting are a 400 (model and extension operations, console, MCP).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, BIN, qs, startChildServer, tempDir } from './helpers.js';
import { startActionUpstream, type ActionUpstream } from './support/action-upstream.js';
import { actionsApi, apiKeyAuth, createConnector, noneAuth } from './support/actions.js';
import { startConnEnv, type ConnEnv } from './support/conn-env.js';
import { ConsoleClient } from './support/console.js';
import { createTestCa, type TestCa } from './support/tls.js';
import { createMcpToken } from '../src/cli/tokens.js';
import { MiB, memoryOf, nested, partialRequest, rawRequest, signedRaw, startBigUpstream, unsignedSigV4, type BigUpstream } from './support/security-bounds.js';

const INVOKE_PATH = (id: string, action = 'HttpRequest') => `/accounts/${ACCOUNT}/action-connectors/${id}/actions/${action}/invoke`;
const UNKNOWN_KEY = 'AKIAUNKNOWNKEY000001';
const errorType = (a: { headers: Record<string, unknown> }) => a.headers['x-amzn-errortype'];

describe('a server process under attack (child process, memory measured from /proc)', () => {
  let ca: TestCa;
  let big: BigUpstream;
  let server: Awaited<ReturnType<typeof startChildServer>>;
  let dataDir: string;
  let admin: qs.QuickSightClient;
  let api: ReturnType<typeof actionsApi>;
  const UPSTREAM_BODY = 9 * MiB;

  beforeAll(async () => {
    ca = createTestCa();
    const dir = tempDir('ab-bounds-');
    const caFile = path.join(dir, 'ca.pem');
    writeFileSync(caFile, ca.certPem);
    big = await startBigUpstream(ca, UPSTREAM_BODY);
    dataDir = path.join(dir, 'data');
    server = await startChildServer(dataDir, ['--ca-file', caFile, '--egress-allow', '127.0.0.1/32'], {
      ACTIONBRIDGE_MAX_BUFFERED_REQUEST_BYTES: String(16 * MiB),
      ACTIONBRIDGE_EGRESS_MAX_BUFFERED_BYTES: String(20 * MiB),
    });
    admin = new qs.QuickSightClient({ region: 'us-east-1', endpoint: server.endpoint, credentials: ADMIN, maxAttempts: 1 });
    api = actionsApi(server.endpoint);
    await createConnector(admin, 'big', { auth: noneAuth(big.url('/api')) });
  });
  afterAll(async () => {
    admin?.destroy();
    server?.child.kill('SIGTERM');
    await server?.exited();
    await big?.close();
  });

  describe('1. request bodies are read only after the request is admitted', () => {
    it("64 concurrent unauthenticated 8 MiB bodies: every answer a 403, and the server's memory grows by less than 64 MiB", async () => {
      const body = Buffer.alloc(8 * MiB - 4096, 0x20);
      const pid = server.child.pid!;
      // Warm up: the first requests load code and fill pools.
      for (let i = 0; i < 3; i++) await rawRequest(server.endpoint, 'POST', INVOKE_PATH('big'), { 'content-type': 'application/json' }, '{}');
      const before = memoryOf(pid);
      const answers = await Promise.all(
        Array.from({ length: 64 }, (_, i) =>
          rawRequest(
            server.endpoint,
            'POST',
            INVOKE_PATH('big'),
            {
              'content-type': 'application/json',
              // Half carry no credentials, half a well-formed signature by a key that does not exist.
              ...(i % 2 ? unsignedSigV4(UNKNOWN_KEY) : {}),
            },
            body,
            { tolerateCut: true },
          ),
        ),
      );
      const after = memoryOf(pid);
      // Answered at once: a client may see the 403, or (Node closing a connection whose body
      // it did not read) have its upload cut off; never anything else.
      const answered = answers.filter((a) => a.status !== 0);
      expect(answered.map((a) => a.status)).toEqual(answered.map(() => 403));
      for (const a of answered) expect(['MissingAuthenticationTokenException', 'UnrecognizedClientException']).toContain(errorType(a));
      for (const a of answers) if (a.status === 0) expect(['EPIPE', 'ECONNRESET']).toContain(a.cut);
      const growth = after.peak - before.rss;
      expect(growth, `peak RSS grew by ${(growth / MiB).toFixed(0)} MiB (from ${(before.rss / MiB).toFixed(0)} MiB)`).toBeLessThan(64 * MiB);
    });

    it('an unknown caller is answered from its headers, before the body it announced is sent (SigV4, console, MCP)', async () => {
      const json = { 'content-type': 'application/json' };
      const cases: [string, string, Record<string, string>, number, string][] = [
        ['no credentials', INVOKE_PATH('big'), json, 403, 'MissingAuthenticationTokenException'],
        ['an unknown access key', INVOKE_PATH('big'), { ...json, ...unsignedSigV4(UNKNOWN_KEY) }, 403, 'UnrecognizedClientException'],
        [
          'a signature out of time',
          INVOKE_PATH('big'),
          { ...json, ...unsignedSigV4(ADMIN.accessKeyId, new Date(Date.now() - 3_600_000)) },
          403,
          'InvalidSignatureException',
        ],
        [
          'a console operation without a session',
          '/console/api/CreateActionConnector',
          { ...json, 'sec-fetch-site': 'same-origin' },
          403,
          'MissingAuthenticationTokenException',
        ],
        [
          'a console session that does not exist',
          '/console/api/CreateActionConnector',
          { ...json, cookie: 'ab_console_session=forged' },
          403,
          'MissingAuthenticationTokenException',
        ],
        ['/mcp without a token', '/mcp', json, 401, ''],
        ['/mcp with an unknown token', '/mcp', { ...json, authorization: 'Bearer abt_unknown' }, 401, ''],
        ['a console sign-in larger than a sign-in can be', '/console/api/sign-in', json, 400, 'InvalidParameterValueException'],
      ];
      for (const [what, p, headers, status, type] of cases) {
        const { answer } = await partialRequest(server.endpoint, 'POST', p, headers, 4 * MiB, 16 * 1024, 3_000);
        expect(answer, what).not.toBe('no answer');
        if (answer === 'no answer') continue;
        expect([what, answer.status], answer.body).toEqual([what, status]);
        if (type) expect(errorType(answer), what).toBe(type);
      }
    });

    it('a refused body of up to 1 MiB is read and thrown away first: the client gets its 403 on a connection kept open', async () => {
      for (let i = 0; i < 5; i++) {
        const a = await rawRequest(
          server.endpoint,
          'POST',
          INVOKE_PATH('big'),
          { 'content-type': 'application/json', connection: 'keep-alive', ...unsignedSigV4(UNKNOWN_KEY) },
          Buffer.alloc(MiB - 1, 0x20),
        );
        expect([a.status, errorType(a), a.headers.connection]).toEqual([403, 'UnrecognizedClientException', 'keep-alive']);
      }
    });

    /** Another active access key (a user added with the CLI while the server runs). */
    const keyOf = (name: string): string => {
      const out = JSON.parse(
        execFileSync(BIN, ['users', 'add', '--account', ACCOUNT, '--name', name, '--role', 'AUTHOR', '--data-dir', dataDir], { encoding: 'utf8' }),
      ) as { AccessKeyId: string };
      return out.AccessKeyId;
    };
    const admittedHeaders = (keyId: string) => ({ 'content-type': 'application/json', ...unsignedSigV4(keyId) });

    it('all bodies being read share one budget: past it a 429, and the budget comes back when they end', async () => {
      // Admitted (a known key, in time) but never verified: the body is read, then the signature fails.
      const keys = [ADMIN.accessKeyId, keyOf('budget-b'), keyOf('budget-c')];
      const held = [];
      for (const k of keys.slice(0, 2)) {
        const h = await partialRequest(server.endpoint, 'POST', INVOKE_PATH('big'), admittedHeaders(k), 7 * MiB, MiB, 500, true);
        expect(h.answer, 'a body that fits the budget is being read').toBe('no answer');
        held.push(h);
      }
      const third = await partialRequest(server.endpoint, 'POST', INVOKE_PATH('big'), admittedHeaders(keys[2]!), 7 * MiB, MiB, 3_000);
      expect(third.answer).not.toBe('no answer');
      if (third.answer !== 'no answer') {
        expect(third.answer.status, third.answer.body).toBe(429);
        expect(errorType(third.answer)).toBe('ThrottlingException');
        expect(third.answer.body).toMatch(/too many request bodies at once; retry/);
      }
      for (const h of held) h.abort();
      await new Promise((r) => setTimeout(r, 300));
      // Given back: the same body is read in full now (and then refused for its signature).
      const after = await rawRequest(server.endpoint, 'POST', INVOKE_PATH('big'), admittedHeaders(keys[2]!), Buffer.alloc(7 * MiB, 0x20));
      expect([after.status, errorType(after)], after.body).toEqual([403, 'InvalidSignatureException']);
    });

    it('one access key id (not a secret) holds at most its share: the rest of the budget stays for other callers', async () => {
      const other = keyOf('budget-d');
      const mine = await partialRequest(server.endpoint, 'POST', INVOKE_PATH('big'), admittedHeaders(ADMIN.accessKeyId), 7 * MiB, MiB, 500, true);
      expect(mine.answer, 'the first body of the key is read').toBe('no answer');
      const again = await partialRequest(server.endpoint, 'POST', INVOKE_PATH('big'), admittedHeaders(ADMIN.accessKeyId), 7 * MiB, MiB, 3_000);
      expect(again.answer).not.toBe('no answer');
      if (again.answer !== 'no answer') {
        expect([again.answer.status, errorType(again.answer)], again.answer.body).toEqual([429, 'ThrottlingException']);
        expect(again.answer.body).toMatch(/for these credentials/);
      }
      // Another caller's body still fits the server's budget.
      const theirs = await partialRequest(server.endpoint, 'POST', INVOKE_PATH('big'), admittedHeaders(other), 7 * MiB, MiB, 500, true);
      expect(theirs.answer, "another key's body is read").toBe('no answer');
      mine.abort();
      theirs.abort();
      await new Promise((r) => setTimeout(r, 300));
    });
  });

  describe('2. one budget caps the upstream bytes all invocations hold', () => {
    const invokeGet = (p: string) => api.invoke(ADMIN, 'big', 'HttpRequest', { Method: 'GET', Path: p });

    it('40 concurrent invocations of a 9 MiB answer with a 20 MiB budget: some fail as busy, memory stays bounded, the budget comes back', async () => {
      const pid = server.child.pid!;
      await invokeGet('small');
      const before = memoryOf(pid);
      big.barrier(40);
      const results = await Promise.all(Array.from({ length: 40 }, () => invokeGet('big')));
      const after = memoryOf(pid);
      const growth = after.peak - before.rss;
      expect(growth, `peak RSS grew by ${(growth / MiB).toFixed(0)} MiB (from ${(before.rss / MiB).toFixed(0)} MiB)`).toBeLessThan(160 * MiB);
      expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
      const busy = results.filter((r) => r.body.InvokeActionStatus === 'FAILED');
      const ok = results.filter((r) => r.body.InvokeActionStatus === 'SUCCESS');
      expect(busy.length).toBeGreaterThan(0);
      expect(ok.length).toBeGreaterThan(0);
      for (const r of busy) expect(r.body.Output).toMatchObject({ Code: 'EgressError', Reason: 'busy' });
      for (const r of ok) expect(r.body.Output.Body).toHaveLength(UPSTREAM_BODY);
      // Everything was given back: one after the other, each answer fits again.
      big.barrier(1);
      for (let i = 0; i < 3; i++) {
        const r = await invokeGet('big');
        expect(r.body.InvokeActionStatus, JSON.stringify(r.body.Output ?? r.body).slice(0, 300)).toBe('SUCCESS');
      }
    });

    it('a body cut off half way gives its bytes back', async () => {
      for (let i = 0; i < 3; i++) {
        const r = await invokeGet('cut');
        expect(r.body).toMatchObject({ InvokeActionStatus: 'FAILED', Output: { Code: 'EgressError', Reason: 'connection' } });
      }
      big.barrier(1);
      const r = await invokeGet('big');
      expect(r.body.InvokeActionStatus).toBe('SUCCESS');
    });
  });
});

describe('the small items, in one server', () => {
  let env: ConnEnv;
  let upstream: ActionUpstream;
  let api: ReturnType<typeof actionsApi>;
  let admin: qs.QuickSightClient;

  beforeAll(async () => {
    env = await startConnEnv();
    upstream = await startActionUpstream(env.ca);
    api = actionsApi(env.t.endpoint);
    admin = env.t.client();
    await Promise.all([
      createConnector(admin, 'gh', { auth: noneAuth(upstream.url('/api')) }),
      createConnector(admin, 'jira', { type: 'JIRA_CLOUD', auth: apiKeyAuth(upstream.url('/jira'), 'jira-token-0a1b2c', 'bot@example.com') }),
    ]);
  });
  afterAll(async () => {
    await env?.t.stop();
    await upstream?.close();
  });

  describe("3. path parameters stay under the BaseEndpoint, ';' included", () => {
    it("a placeholder value '..;' reaches the upstream as '..%3B', never as a Tomcat path parameter", async () => {
      for (const value of ['..;', '..;x=1', '.;', 'a;b=c,d']) {
        upstream.reset();
        const r = await api.invoke(ADMIN, 'jira', 'GetIssue', { IssueIdOrKey: value });
        expect(r.status, r.raw).toBe(200);
        const got = upstream.received.at(-1)!.url;
        expect(got.split('?')[0], value).toBe(`/jira/rest/api/3/issue/${value.replace(/;/g, '%3B')}`);
      }
    });

    it("GENERIC_HTTP Path: '..;' segments are encoded, and every other way out of the base is refused", async () => {
      upstream.reset();
      const r = await api.invoke(ADMIN, 'gh', 'HttpRequest', { Method: 'GET', Path: 'v1/..;/..;/..;/secret' });
      expect(r.status, r.raw).toBe(200);
      expect(upstream.received.at(-1)!.url).toBe('/api/v1/..%3B/..%3B/..%3B/secret');
      for (const p of [
        '../secret',
        '%2e%2e/secret',
        '.%2E/secret',
        'v1/../../secret',
        '..\\secret',
        '//evil.example/x',
        'https://evil.example/x',
        '%2e%2e%2fsecret',
        'a/%252e%252e/x',
      ]) {
        upstream.reset();
        const bad = await api.invoke(ADMIN, 'gh', 'HttpRequest', { Method: 'GET', Path: p });
        expect([p, bad.status, bad.errorType]).toEqual([p, 400, 'InvalidParameterValueException']);
        expect(bad.body.Message).toContain("'input.path'");
        expect(upstream.received, p).toHaveLength(0);
      }
    });
  });

  describe('4. a header value above U+00FF is a 400 naming the member', () => {
    it('HttpRequest Headers', async () => {
      upstream.reset();
      const r = await api.invoke(ADMIN, 'gh', 'HttpRequest', { Method: 'GET', Path: 'x', Headers: { 'X-Name': 'snow \u2603' } });
      expect([r.status, r.errorType], r.raw).toEqual([400, 'InvalidParameterValueException']);
      expect(r.body.Message).toContain("Value at 'input.headers'");
      expect(r.body.Message).toContain('U+00FF');
      expect(upstream.received).toHaveLength(0);
      // ISO-8859-1 is what HTTP/1.1 carries: sent as is.
      const ok = await api.invoke(ADMIN, 'gh', 'HttpRequest', { Method: 'GET', Path: 'x', Headers: { 'X-Name': 'Zo\u00eb' } });
      expect(ok.body.InvokeActionStatus, ok.raw).toBe('SUCCESS');
      expect(upstream.received.at(-1)!.headers['x-name']).toBe('Zo\u00eb');
    });

    it('an ApiKey (a header value once sent) at Create and Update', async () => {
      const err = await admin
        .send(
          new qs.CreateActionConnectorCommand({
            AwsAccountId: ACCOUNT,
            ActionConnectorId: 'wide-key',
            Name: 'wide',
            Type: 'GENERIC_HTTP',
            AuthenticationConfig: apiKeyAuth(upstream.url('/api'), 'key-\u2713'),
          }),
        )
        .catch((e: Error) => e);
      expect((err as Error).name).toBe('InvalidParameterValueException');
      expect((err as Error).message).toContain('authenticationConfig.authenticationMetadata.apiKeyConnectionMetadata.apiKey');
      expect((err as Error).message).not.toContain('key-\u2713');
      const upd = await admin
        .send(
          new qs.UpdateActionConnectorCommand({
            AwsAccountId: ACCOUNT,
            ActionConnectorId: 'gh',
            Name: 'gh',
            AuthenticationConfig: apiKeyAuth(upstream.url('/api'), 'key\r\nX-Injected: 1'),
          }),
        )
        .catch((e: Error) => e);
      expect((upd as Error).name).toBe('InvalidParameterValueException');
      expect((upd as Error).message).toContain('apiKeyConnectionMetadata.apiKey');
    });
  });

  describe('5. deeply nested JSON is a 400, wherever it arrives', () => {
    const DEPTH = 100_000;

    it('a model operation body', async () => {
      const text = `{"ActionConnectorId":"deep","Name":"n","Type":"GENERIC_HTTP","AuthenticationConfig":${nested(DEPTH)}}`;
      const r = await signedRaw(env.t.endpoint, ADMIN, 'POST', `/accounts/${ACCOUNT}/action-connectors`, text);
      expect([r.status, errorType(r)], r.body.slice(0, 300)).toEqual([400, 'InvalidParameterValueException']);
      expect(JSON.parse(r.body).Message).toMatch(/nests objects and arrays deeper than \d+ levels/);
    });

    it('an InvokeAction Input document', async () => {
      upstream.reset();
      const text = `{"Input":{"Method":"POST","Path":"x","Body":${nested(DEPTH)}}}`;
      const r = await signedRaw(env.t.endpoint, ADMIN, 'POST', INVOKE_PATH('gh'), text);
      expect([r.status, errorType(r)], r.body.slice(0, 300)).toEqual([400, 'InvalidParameterValueException']);
      expect(upstream.received).toHaveLength(0);
    });

    it("an upstream's answer nested as deep is not a 500", async () => {
      upstream.respond(() => ({ headers: { 'content-type': 'application/json' }, text: nested(DEPTH) }));
      const r = await api.invoke(ADMIN, 'gh', 'HttpRequest', { Method: 'GET', Path: 'deep' });
      upstream.reset();
      expect(r.status, r.raw.slice(0, 300)).toBe(200);
    });

    it('a console API body', async () => {
      const browser = new ConsoleClient(env.t.endpoint);
      const signedIn = await browser.signIn({ AccessKeyId: ADMIN.accessKeyId, SecretAccessKey: ADMIN.secretAccessKey });
      expect(signedIn.status).toBe(200);
      const r = await browser.request('POST', '/console/api/InvokeAction', {
        raw: `{"ActionConnectorId":"gh","ActionId":"HttpRequest","Input":{"Method":"POST","Path":"x","Body":${nested(DEPTH)}}}`,
      });
      expect([r.status, r.errorType], JSON.stringify(r.body).slice(0, 300)).toEqual([400, 'InvalidParameterValueException']);
      await browser.close();
    });

    it('an MCP message', async () => {
      const user = (await env.t.server.store.identities.getUser(ACCOUNT, 'admin')) ?? (await env.t.server.store.identities.listUsers(ACCOUNT))[0]!;
      const { token } = await createMcpToken(env.t.server.store, { user, region: 'us-east-1' });
      const text = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-03-26","capabilities":{},"clientInfo":{"name":"x","version":"1"},"x":${nested(DEPTH)}}}`;
      const r = await rawRequest(
        env.t.endpoint,
        'POST',
        '/mcp',
        {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        text,
      );
      expect(r.status, r.body.slice(0, 300)).toBe(400);
      expect(JSON.parse(r.body).error.message).toMatch(/deeper than \d+ levels/);
    });
  });
});
