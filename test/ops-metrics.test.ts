// Operability: /metrics (Prometheus text, parsed with a parser) counted after known
// traffic, /readyz, and the one log line per request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, createInput, expectError, qs, startTestServer, type TestServer } from './helpers.js';
import { callExtension, connectorOps } from './support/extension-client.js';
import { scrape } from './ops-support.js';

const none = (base: string): qs.AuthConfig => ({ AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: base } } });

describe('/metrics', () => {
  let t: TestServer;
  let metricsUrl: string;
  beforeAll(async () => {
    t = await startTestServer({ metricsPort: 0 });
    metricsUrl = t.server.metricsEndpoint!;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('is served on its own port on 127.0.0.1, in Prometheus text format; not on the API port', async () => {
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(metricsUrl).port).not.toBe(new URL(t.endpoint).port);
    const m = await scrape(metricsUrl);
    for (const name of [
      'actionbridge_requests_total',
      'actionbridge_request_duration_seconds',
      'actionbridge_throttled_requests_total',
      'actionbridge_invocations_total',
      'actionbridge_invocation_upstream_duration_seconds',
      'actionbridge_token_requests_total',
      'actionbridge_egress_errors_total',
      'actionbridge_db_call_duration_seconds',
      'process_cpu_user_seconds_total',
    ]) {
      expect(m.families.has(name), name).toBe(true);
    }
    const api = await fetch(`${t.endpoint}/metrics`);
    expect(api.status).not.toBe(200);
    expect(await api.text()).not.toContain('actionbridge_requests_total');
    expect((await fetch(metricsUrl.replace('/metrics', '/other'))).status).toBe(404);
  });

  it('counts N requests by operation and status, with latency histograms', async () => {
    const c = t.client();
    await c.send(new qs.CreateActionConnectorCommand(createInput('metrics-a')));
    const before = await scrape(metricsUrl);
    const N = 7;
    for (let i = 0; i < N; i++) await c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'metrics-a' }));
    await expectError(
      c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'metrics-missing' })),
      'ResourceNotFoundException',
      404,
    );
    const after = await scrape(metricsUrl);
    const ok = { operation: 'DescribeActionConnector', status: '200' };
    expect(after.value('actionbridge_requests_total', ok) - before.value('actionbridge_requests_total', ok)).toBe(N);
    expect(after.count('actionbridge_request_duration_seconds', ok) - before.count('actionbridge_request_duration_seconds', ok)).toBe(N);
    const missing = { operation: 'DescribeActionConnector', status: '404' };
    expect(after.value('actionbridge_requests_total', missing) - before.value('actionbridge_requests_total', missing)).toBe(1);
    expect(after.value('actionbridge_requests_total', { operation: 'CreateActionConnector', status: '200' })).toBeGreaterThanOrEqual(1);
    // Every request went to the database: its calls are timed.
    expect(after.count('actionbridge_db_call_duration_seconds', { method: 'getConnector' })).toBeGreaterThanOrEqual(N);
  });

  it('counts an egress refusal by its reason, and a token request that could not be made', async () => {
    const c = t.client();
    // No --egress-allow: loopback is refused before any connection.
    await c.send(
      new qs.CreateActionConnectorCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'metrics-loop',
        Name: 'loop',
        Type: 'GENERIC_HTTP',
        AuthenticationConfig: none('https://127.0.0.1'),
      }),
    );
    await c.send(
      new qs.CreateActionConnectorCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'metrics-cc',
        Name: 'cc',
        Type: 'GENERIC_HTTP',
        AuthenticationConfig: {
          AuthenticationType: 'OAUTH2_CLIENT_CREDENTIALS',
          AuthenticationMetadata: {
            ClientCredentialsGrantMetadata: {
              BaseEndpoint: 'https://127.0.0.1/api',
              ClientCredentialsSource: 'PLAIN_CREDENTIALS',
              ClientCredentialsDetails: {
                ClientCredentialsGrantDetails: { ClientId: 'client', ClientSecret: 'client-secret-value', TokenEndpoint: 'https://127.0.0.1/token' },
              },
            },
          },
        },
      }),
    );
    const before = await scrape(metricsUrl);
    const refused = { reason: 'refused-address' };
    const r = await connectorOps(t.endpoint, ACCOUNT, 'metrics-loop').test(ADMIN);
    expect(r.status).toBe(200);
    expect(r.body.Success).toBe(false);
    const mid = await scrape(metricsUrl);
    expect(mid.value('actionbridge_egress_errors_total', refused) - before.value('actionbridge_egress_errors_total', refused)).toBe(1);

    const cc = await connectorOps(t.endpoint, ACCOUNT, 'metrics-cc').test(ADMIN);
    expect(cc.body.Success).toBe(false);
    const after = await scrape(metricsUrl);
    const tokenError = { kind: 'client_credentials', outcome: 'error' };
    expect(after.value('actionbridge_token_requests_total', tokenError) - before.value('actionbridge_token_requests_total', tokenError)).toBe(1);
    expect(after.value('actionbridge_egress_errors_total', refused) - mid.value('actionbridge_egress_errors_total', refused)).toBe(1);
    const test = { operation: 'TestActionConnector', status: '200' };
    expect(after.value('actionbridge_requests_total', test) - before.value('actionbridge_requests_total', test)).toBe(2);
  });

  it('reports invocations through the API operations call (Services.metrics.invocation)', async () => {
    const m = t.server.services.metrics!;
    m.invocation('JIRA_CLOUD', 'create_issue', 'success', 0.2);
    m.invocation('JIRA_CLOUD', 'create_issue', 'success', 0.4);
    m.invocation('JIRA_CLOUD', 'create_issue', 'http_error', 0.1);
    const s = await scrape(metricsUrl);
    const ok = { connector_type: 'JIRA_CLOUD', action: 'create_issue', status: 'success' };
    expect(s.value('actionbridge_invocations_total', ok)).toBe(2);
    expect(s.count('actionbridge_invocation_upstream_duration_seconds', ok)).toBe(2);
    expect(s.value('actionbridge_invocations_total', { connector_type: 'JIRA_CLOUD' })).toBe(3);
  });

  it('counts throttled requests; each server has its own registry', async () => {
    const slow = await startTestServer({ metricsPort: 0, throttle: { ratePerSecond: 0.001, burst: 2 } });
    try {
      const c = slow.client();
      await c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
      await c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
      for (let i = 0; i < 3; i++) await expectError(c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT })), 'ThrottlingException', 429);
      const s = await scrape(slow.server.metricsEndpoint!);
      expect(s.value('actionbridge_throttled_requests_total', { operation: 'ListActionConnectors' })).toBe(3);
      expect(s.value('actionbridge_requests_total', { operation: 'ListActionConnectors', status: '429' })).toBe(3);
      expect(s.value('actionbridge_requests_total', { operation: 'ListActionConnectors', status: '200' })).toBe(2);
      // The other server's traffic is not in this one's registry, nor the reverse.
      expect(s.value('actionbridge_requests_total', { operation: 'DescribeActionConnector' })).toBe(0);
      expect((await scrape(metricsUrl)).value('actionbridge_throttled_requests_total')).toBe(0);
    } finally {
      await slow.stop();
    }
  });
});

describe('/readyz and /healthz', () => {
  it('is 200 with reasons when the database answers, migrations are applied and the master key works; 503 once the database is closed', async () => {
    const t = await startTestServer();
    try {
      const ok = await fetch(`${t.endpoint}/readyz`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('cache-control')).toBe('no-store');
      const body = (await ok.json()) as { status: string; checks: Record<string, { ok: boolean; message: string }> };
      expect(body.status).toBe('ready');
      expect(Object.keys(body.checks).sort()).toEqual(['database', 'masterKey', 'migrations']);
      expect(Object.values(body.checks).every((c) => c.ok)).toBe(true);
      expect((await fetch(`${t.endpoint}/healthz`)).status).toBe(200);

      await t.server.store.close();
      const down = await fetch(`${t.endpoint}/readyz`);
      expect(down.status).toBe(503);
      const why = (await down.json()) as { status: string; checks: Record<string, { ok: boolean; message: string }> };
      expect(why.status).toBe('not ready');
      expect(why.checks.database!.ok).toBe(false);
      expect(why.checks.database!.message).toMatch(/does not answer/);
      expect(why.checks.masterKey!.ok).toBe(true);
      // The process is still alive.
      expect((await fetch(`${t.endpoint}/healthz`)).status).toBe(200);
    } finally {
      await t.stop();
    }
  });
});

describe('request log', () => {
  it('writes one JSON line per request with request id, operation, account, caller ARN, status and duration; none for probes', async () => {
    const t = await startTestServer();
    try {
      const c = t.client();
      await c.send(
        new qs.CreateActionConnectorCommand(
          createInput('log-a', {
            AuthenticationConfig: {
              AuthenticationType: 'BASIC',
              AuthenticationMetadata: {
                BasicAuthConnectionMetadata: { BaseEndpoint: 'https://api.example.com', Username: 'svc', Password: 'never-in-logs-7f3a9c' },
              },
            },
          }),
        ),
      );
      const out = await c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'log-a' }));
      await fetch(`${t.endpoint}/readyz`);
      await fetch(`${t.endpoint}/healthz`);
      const bad = await callExtension(
        t.endpoint,
        { accessKeyId: ADMIN.accessKeyId, secretAccessKey: 'wrong-secret' },
        'GET',
        `/accounts/${ACCOUNT}/action-connectors/log-a/connection`,
      );
      expect(bad.status).toBe(403);
      const lines = t
        .logs()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.msg === 'request');
      expect(lines).toHaveLength(3);
      const d = lines.find((l) => l.op === 'DescribeActionConnector')!;
      expect(d).toMatchObject({
        requestId: out.RequestId,
        op: 'DescribeActionConnector',
        account: ACCOUNT,
        caller: `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/admin`,
        status: 200,
        level: 30,
        service: 'actionbridge',
      });
      expect(typeof d.durationMs).toBe('number');
      expect(typeof d.time).toBe('string');
      const denied = lines.find((l) => l.op === 'DescribeActionConnectorConnection')!;
      expect(denied.status).toBe(403);
      expect(denied.caller).toBeUndefined();
      expect(t.logs()).not.toContain('never-in-logs-7f3a9c');
    } finally {
      await t.stop();
    }
  });
});
