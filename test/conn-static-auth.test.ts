// NONE, BASIC and API_KEY: how each connector type sends its credentials (checked
// at a real HTTPS upstream that echoes what it received), TestActionConnector as
// an authenticated GET of BaseEndpoint, and the connector's VPC connection used
// for its requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, qs } from './helpers.js';
import { type ConnEnv, endUser, startConnEnv } from './support/conn-env.js';
import { connectorOps } from './support/extension-client.js';
import { leaks } from './support/leaks.js';
import { createTestCa } from './support/tls.js';
import { startUpstream, type Upstream } from './support/upstream.js';

const VPC = `arn:aws:quicksight:us-east-1:${ACCOUNT}:vpcConnection/vpc-inside`;
const PASSWORD = 'basic-pa55word-7d6c5b4a';
const API_KEY = 'api-key-0f1e2d3c4b5a69788796';

let env: ConnEnv;
let upstream: Upstream;
let inside: Upstream;
const responses: string[] = [];

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

async function create(id: string, type: qs.ActionConnectorType, auth: qs.AuthConfig, extra: Partial<qs.CreateActionConnectorCommandInput> = {}) {
  await env.t
    .client()
    .send(new qs.CreateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, Name: id, Type: type, AuthenticationConfig: auth, ...extra }));
  return (await env.t.server.store.connectors.getConnector({ region: 'us-east-1', accountId: ACCOUNT, id }))!;
}

const apiKey = (base: string, email?: string): qs.AuthConfig => ({
  AuthenticationType: 'API_KEY',
  AuthenticationMetadata: { ApiKeyConnectionMetadata: { BaseEndpoint: base, ApiKey: API_KEY, ...(email ? { Email: email } : {}) } },
});

/** The headers the upstream received for a request through the connector (as it saw them: the answer's echo is scrubbed of credentials). */
async function sentHeaders(rec: Awaited<ReturnType<typeof create>>): Promise<Record<string, string>> {
  let seen: Record<string, string> | undefined;
  const capture = (req: { headers: Record<string, string> }) => {
    seen = req.headers;
  };
  upstream.server.on('request', capture);
  try {
    const res = await env.t.server.services.connections.authorizedRequest(rec, endUser('alice'), {
      method: 'GET',
      url: upstream.url('/echo'),
      headers: { Authorization: 'Bearer from-the-caller', 'X-Trace': 't1' },
    });
    expect(res.status).toBe(200);
  } finally {
    upstream.server.off('request', capture);
  }
  return seen!;
}

beforeAll(async () => {
  const ca = createTestCa();
  upstream = await startUpstream({ ca });
  inside = await startUpstream({ ca, host: '127.0.0.2', dnsNames: ['inside.test.example'] });
  env = await startConnEnv({ vpcConnections: { [VPC]: { allowCidrs: ['127.0.0.2/32'] } }, logLevel: 'trace' }, ca);
});
afterAll(async () => {
  await env?.t.stop();
  await Promise.all([upstream?.close(), inside?.close()]);
});

describe('credentials by connector type', () => {
  it.each([
    [
      'NONE',
      'GENERIC_HTTP',
      { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: 'https://x.example' } } },
      undefined,
    ],
    [
      'BASIC',
      'GENERIC_HTTP',
      {
        AuthenticationType: 'BASIC',
        AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: 'https://x.example', Username: 'svc', Password: PASSWORD } },
      },
      basic('svc', PASSWORD),
    ],
    ['API_KEY generic', 'GENERIC_HTTP', apiKey('https://x.example'), `Bearer ${API_KEY}`],
    ['API_KEY Slack', 'SLACK', apiKey('https://x.example'), `Bearer ${API_KEY}`],
    ['API_KEY Jira with Email', 'JIRA_CLOUD', apiKey('https://x.example', 'ops@example.com'), basic('ops@example.com', API_KEY)],
    ['API_KEY Confluence with Email', 'ATLASSIAN_CONFLUENCE', apiKey('https://x.example', 'ops@example.com'), basic('ops@example.com', API_KEY)],
    ['API_KEY Zendesk with Email', 'ZENDESK_SUITE', apiKey('https://x.example', 'agent@example.com'), basic('agent@example.com/token', API_KEY)],
    ['API_KEY ServiceNow', 'SERVICENOW_NOW_PLATFORM', apiKey('https://x.example'), undefined],
    ['API_KEY SAP', 'SAP_PRODUCTMASTERDATA', apiKey('https://x.example'), undefined],
    ['API_KEY PagerDuty', 'PAGERDUTY_ADVANCE', apiKey('https://x.example'), `Token token=${API_KEY}`],
    ['API_KEY BambooHR', 'BAMBOO_HR', apiKey('https://x.example'), basic(API_KEY, 'x')],
    ['API_KEY Smartsheet (Email ignored)', 'SMARTSHEET', apiKey('https://x.example', 'me@example.com'), `Bearer ${API_KEY}`],
  ] as const)('%s', async (label, type, auth, expected) => {
    const rec = await create(
      `static-${label
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/-+$/, '')}`,
      type,
      auth as qs.AuthConfig,
    );
    const headers = await sentHeaders(rec);
    // Credentials come from the connector only: the caller's Authorization is never sent.
    expect(headers.authorization).toBe(expected);
    expect(headers['x-trace']).toBe('t1');
  });
});

describe('TestActionConnector: an authenticated GET of BaseEndpoint', () => {
  it('succeeds on 2xx, records the result, and says why it failed otherwise', async () => {
    await create('static-ok', 'GENERIC_HTTP', apiKey(upstream.url('/echo')));
    const ok = await connectorOps(env.t.endpoint, ACCOUNT, 'static-ok').test(ADMIN);
    responses.push(JSON.stringify(ok.body));
    expect(ok.body).toMatchObject({ Success: true, HttpStatusCode: 200, Message: `GET ${upstream.url('/echo')} answered HTTP 200.` });

    await create('static-401', 'GENERIC_HTTP', apiKey(upstream.url('/status/401')));
    const refused = await connectorOps(env.t.endpoint, ACCOUNT, 'static-401').test(ADMIN);
    responses.push(JSON.stringify(refused.body));
    expect(refused.body).toMatchObject({ Success: false, HttpStatusCode: 401 });
    expect(refused.body.Message).toMatch(/refused the credentials/);
    const h = await connectorOps(env.t.endpoint, ACCOUNT, 'static-401').connection(ADMIN);
    responses.push(JSON.stringify(h.body));
    expect(h.body.LastTest).toMatchObject({ Success: false, HttpStatusCode: 401 });

    await create('static-500', 'GENERIC_HTTP', apiKey(upstream.url('/status/503')));
    expect((await connectorOps(env.t.endpoint, ACCOUNT, 'static-500').test(ADMIN)).body).toMatchObject({ Success: false, HttpStatusCode: 503 });
  });

  it('a BaseEndpoint the egress policy refuses fails the test without an HTTP status', async () => {
    await create('static-private', 'GENERIC_HTTP', apiKey('https://192.168.1.10/api'));
    const r = await connectorOps(env.t.endpoint, ACCOUNT, 'static-private').test(ADMIN);
    responses.push(JSON.stringify(r.body));
    expect(r.body.Success).toBe(false);
    expect(r.body.HttpStatusCode).toBeUndefined();
    expect(r.body.Message).toMatch(/could not be reached: Refused to connect to 192\.168\.1\.10/);
  });

  it("requests use the connector's VPC connection, and only that one reaches its addresses", async () => {
    const base = `https://127.0.0.2:${inside.port}/echo`;
    await create('static-vpc', 'GENERIC_HTTP', apiKey(base), { VpcConnectionArn: VPC });
    expect((await connectorOps(env.t.endpoint, ACCOUNT, 'static-vpc').test(ADMIN)).body).toMatchObject({ Success: true, HttpStatusCode: 200 });
    await create('static-no-vpc', 'GENERIC_HTTP', apiKey(base));
    const r = await connectorOps(env.t.endpoint, ACCOUNT, 'static-no-vpc').test(ADMIN);
    expect(r.body.Success).toBe(false);
    expect(r.body.Message).toMatch(/not a public address/);
  });

  it('no password or API key is in a response, a log line or the database files', () => {
    expect(leaks([PASSWORD, API_KEY], { dataDir: env.t.dataDir, logs: env.t.logs(), responses })).toEqual([]);
  });
});
