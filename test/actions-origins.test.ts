// A connector reaching more than one host of its vendor (issue 16, item 4): catalog origins.
// Through the real server: PagerDuty's Events API actions go to events.pagerduty.com without
// the connector's API token (the routing key in the body authenticates), its REST actions to
// the BaseEndpoint with it; the egress policy applies to the events host too, and a redirect
// from it is not followed. Through the engine: a URL the vendor hands out (an upload URL) is
// followed only on the hosts and paths the catalog names, never with credentials, and every
// trick to leave them is refused before anything is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpRequest, catalogProblems, findAction, loadCatalogs, type Catalog } from '../src/catalog/index.js';
import { ADMIN } from './helpers.js';
import { startActionUpstream, type ActionUpstream } from './support/action-upstream.js';
import { actionsApi, apiKeyAuth, clientCredentialsAuth, createConnector } from './support/actions.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';
import { staticResolver, type StaticResolver } from './support/resolver.js';

const TOKEN = 'u+pagerduty-rest-token-3c2b1a';
const HOSTS = Object.fromEntries(
  [
    'api.pagerduty.com',
    'events.pagerduty.com',
    'api.eu.pagerduty.com',
    'events.eu.pagerduty.com',
    'graph.microsoft.com',
    'acme-my.sharepoint.com',
    'evil.example',
  ].map((h) => [h, '127.0.0.1']),
);
const KEY = 'R015LKV1NKP8RDNWG6X1B1KZ0D5JVL2C';

let env: ConnEnv;
let upstream: ActionUpstream;
let api: ReturnType<typeof actionsApi>;
let dns: StaticResolver;

beforeAll(async () => {
  // No name cache: a test below points a name elsewhere and expects the next invocation to look it up.
  env = await startConnEnv({ egressDnsCacheMs: 0 });
  upstream = await startActionUpstream(env.ca, { dnsNames: [...Object.keys(HOSTS), 'localhost'] });
  // The vendor's host names lead to the local upstream: the server's egress gets a resolver, as the egress tests inject one.
  dns = staticResolver({ ...HOSTS, localhost: '127.0.0.1' });
  (env.t.server.services.egress as unknown as { cfg: { resolve: StaticResolver['resolve'] } }).cfg.resolve = dns.resolve;
  api = actionsApi(env.t.endpoint);
  const port = new URL(upstream.url('/')).port;
  await createConnector(env.t.client(), 'pd', { type: 'PAGERDUTY_ADVANCE', auth: apiKeyAuth(`https://api.pagerduty.com:${port}`, TOKEN) });
  await createConnector(env.t.client(), 'pd-eu', { type: 'PAGERDUTY_ADVANCE', auth: apiKeyAuth(`https://api.eu.pagerduty.com:${port}`, TOKEN) });
  await createConnector(env.t.client(), 'drive', {
    type: 'MICROSOFT_ONEDRIVE',
    auth: clientCredentialsAuth(`https://graph.microsoft.com:${port}/v1.0`, upstream.url('/token'), 'drive-app', 'drive-app-secret-4d3c'),
  });
});
afterAll(async () => {
  await env?.t.stop();
  await upstream?.close();
});

const trigger = { RoutingKey: KEY, Summary: 'api-1: health check failing', Source: 'api-1.acme.example', Severity: 'critical', DedupKey: 'api-1/health' };

describe('PagerDuty Events API v2 through the real server', () => {
  it('TriggerEvent goes to events.pagerduty.com with the routing key in the body and none of the connector credentials', async () => {
    upstream.reset();
    upstream.respond(() => ({ status: 202, json: { status: 'success', message: 'Event processed', dedup_key: 'api-1/health' } }));
    const r = await api.invoke(ADMIN, 'pd', 'TriggerEvent', trigger);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 202, Output: { Status: 'success', DedupKey: 'api-1/health' } });
    expect(upstream.received).toHaveLength(1);
    const got = upstream.received[0]!;
    expect([got.method, got.url, got.headers.host]).toEqual(['POST', '/v2/enqueue', `events.pagerduty.com:${new URL(upstream.url('/')).port}`]);
    expect(got.headers.authorization).toBeUndefined();
    // The REST token appears nowhere in what the events host received.
    expect(JSON.stringify(got.headers)).not.toContain('pagerduty-rest-token');
    expect(got.body.toString()).not.toContain('pagerduty-rest-token');
    expect(JSON.parse(got.body.toString())).toMatchObject({ routing_key: KEY, event_action: 'trigger', dedup_key: 'api-1/health' });
  });

  it('REST actions of the same connector go to its BaseEndpoint with its token', async () => {
    upstream.reset();
    upstream.respond(() => ({ json: { incident: { id: 'PT4KHLK', status: 'triggered' } } }));
    const r = await api.invoke(ADMIN, 'pd', 'GetIncident', { IncidentId: 'PT4KHLK' });
    expect(r.body.InvokeActionStatus).toBe('SUCCESS');
    const got = upstream.received[0]!;
    expect([got.url, got.headers.host?.split(':')[0], got.headers.authorization]).toEqual(['/incidents/PT4KHLK', 'api.pagerduty.com', `Token token=${TOKEN}`]);
  });

  it("the events host follows the BaseEndpoint's service region (api.eu.pagerduty.com → events.eu.pagerduty.com)", async () => {
    upstream.reset();
    upstream.respond(() => ({ status: 202, json: { status: 'success', message: 'Event processed', dedup_key: 'api-1/health' } }));
    const r = await api.invoke(ADMIN, 'pd-eu', 'ResolveEvent', { RoutingKey: KEY, DedupKey: 'api-1/health' });
    expect(r.body.InvokeActionStatus).toBe('SUCCESS');
    expect(upstream.received.map((q) => [q.headers.host?.split(':')[0], q.headers.authorization])).toEqual([['events.eu.pagerduty.com', undefined]]);
  });

  it('a redirect from the events host is not followed (to the API host or anywhere)', async () => {
    upstream.reset();
    const port = new URL(upstream.url('/')).port;
    upstream.respond((req) =>
      req.headers.host?.startsWith('events.')
        ? { status: 307, headers: { location: `https://api.pagerduty.com:${port}/collect` } }
        : { json: { stolen: req.headers.authorization ?? null } },
    );
    const r = await api.invoke(ADMIN, 'pd', 'TriggerEvent', trigger);
    expect([r.body.InvokeActionStatus, r.body.HttpStatusCode]).toEqual(['FAILED', 307]);
    expect(upstream.received.map((q) => q.headers.host?.split(':')[0])).toEqual(['events.pagerduty.com']);
  });

  it('the egress policy applies to the events host: a private address is refused, nothing is sent', async () => {
    upstream.reset();
    dns.set('events.pagerduty.com', ['10.1.2.3']);
    try {
      const r = await api.invoke(ADMIN, 'pd', 'TriggerEvent', trigger);
      expect(r.body.InvokeActionStatus).toBe('FAILED');
      expect(r.body.HttpStatusCode).toBeUndefined();
      expect(r.body.Output).toMatchObject({ Code: 'EgressError', Reason: 'refused-address' });
      expect(upstream.received).toEqual([]);
    } finally {
      dns.set('events.pagerduty.com', ['127.0.0.1']);
    }
  });
});

describe('Graph upload sessions through the real server', () => {
  const DRIVE_TOKEN = 'graph-app-token-81f0';
  const session = (host: string) => `https://${host}:${new URL(upstream.url('/')).port}/personal/ada_acme_com/_api/v2.0/drive/items/01AB/uploadSession?guid=77`;
  const graph = (uploadHost: string) => (req: { url: string; headers: Record<string, unknown> }) =>
    req.url === '/token'
      ? { json: { access_token: DRIVE_TOKEN, token_type: 'Bearer', expires_in: 3600 } }
      : req.url.endsWith('createUploadSession')
        ? { json: { uploadUrl: session(uploadHost), expirationDateTime: '2025-01-29T09:21:55.523Z', nextExpectedRanges: ['0-'] } }
        : { status: 202, json: { nextExpectedRanges: ['3-'], auth: req.headers.authorization ?? null } };

  it('the chunks go to the uploadUrl Graph handed out, without the bearer token', async () => {
    upstream.reset();
    upstream.respond(graph('acme-my.sharepoint.com'));
    const s = await api.invoke(ADMIN, 'drive', 'CreateUploadSession', { UserId: 'ada@acme.com', FileName: 'big.bin' });
    expect(s.body.InvokeActionStatus).toBe('SUCCESS');
    const c = await api.invoke(ADMIN, 'drive', 'UploadFileChunk', { UploadUrl: s.body.Output.UploadUrl, Content: 'YWJj', RangeStart: 0, TotalSize: 10 });
    expect([c.body.InvokeActionStatus, c.body.HttpStatusCode, c.body.Output.NextExpectedRanges]).toEqual(['SUCCESS', 202, ['3-']]);
    expect(upstream.received.map((q) => [q.method, q.headers.host?.split(':')[0], q.headers.authorization, q.headers['content-range']])).toEqual([
      ['POST', '127.0.0.1', undefined, undefined],
      ['POST', 'graph.microsoft.com', `Bearer ${DRIVE_TOKEN}`, undefined],
      ['PUT', 'acme-my.sharepoint.com', undefined, 'bytes 0-2/10'],
    ]);
  });

  it('an uploadUrl on another host (evil.example, or Graph itself) is refused before anything is sent', async () => {
    for (const host of ['evil.example', 'graph.microsoft.com']) {
      upstream.reset();
      upstream.respond(graph(host));
      const s = await api.invoke(ADMIN, 'drive', 'CreateUploadSession', { FileName: 'big.bin', UserId: 'ada@acme.com' });
      const before = upstream.received.length;
      const c = await api.invoke(ADMIN, 'drive', 'UploadFileChunk', { UploadUrl: s.body.Output.UploadUrl, Content: 'YWJj', RangeStart: 0, TotalSize: 10 });
      expect([c.status, c.errorType?.split(':')[0]]).toEqual([400, 'InvalidParameterValueException']);
      expect(c.body.Message ?? c.body.message).toMatch(
        new RegExp(
          `Value at 'input.uploadUrl' .*handed out, on \\*\\.sharepoint\\.com, api\\.onedrive\\.com, \\*\\.up\\.1drv\\.com \\(not on ${host.replace(/\./g, '\\.')}\\)`,
        ),
      );
      expect(upstream.received.length).toBe(before);
    }
  });

  it('a chunk that does not fit in TotalSize is refused before anything is sent', () => {
    const action = findAction('MICROSOFT_ONEDRIVE', 'UploadFileChunk')!;
    expect(() =>
      buildHttpRequest(action, 'https://graph.microsoft.com/v1.0', {
        UploadUrl: 'https://acme-my.sharepoint.com/x',
        Content: 'YWJj',
        RangeStart: 8,
        TotalSize: 10,
      }),
    ).toThrow(/must lie within TotalSize/);
  });
});

describe("Slack's upload URL (UploadFileContent)", () => {
  const action = findAction('SLACK', 'UploadFileContent')!;
  const build = (url: string) => buildHttpRequest(action, 'https://slack.com/api', { UploadUrl: url, Content: 'aGk=' });

  it('goes to files.slack.com/upload/ as handed out, without credentials', () => {
    const b = build('https://files.slack.com/upload/v1/CwABAAAAXwoAAZO9');
    expect([b.method, b.url, b.credentials, b.headers['content-type']]).toEqual([
      'POST',
      'https://files.slack.com/upload/v1/CwABAAAAXwoAAZO9',
      false,
      'application/octet-stream',
    ]);
  });

  it.each([
    ['the API host', 'https://slack.com/api/chat.postMessage'],
    ['another path of files.slack.com', 'https://files.slack.com/files-pri/T0/F0/secret.pdf'],
    ['another host', 'https://hooks.slack.com/upload/v1/x'],
  ])('refuses %s', (_what, url) => {
    expect(() => build(url)).toThrow(
      /Value at 'input\.uploadUrl' failed to satisfy constraint: Member must be a URL the vendor handed out, on files\.slack\.com under \/upload\//,
    );
  });
});

// A catalog with an origin of handed-out URLs, as Slack's files.getUploadURLExternal and Graph's upload sessions use.
const uploads: Catalog = {
  Type: 'SLACK',
  Api: 'test',
  origins: { upload: { hosts: ['files.slack.com', '*.sharepoint.com'], paths: ['/upload/', '/personal/'], credentials: false } },
  actions: [
    {
      ActionId: 'UploadBytes',
      Name: 'Upload bytes',
      Description: 'Posts bytes to an upload URL.',
      InputSchema: {
        type: 'object',
        required: ['UploadUrl', 'Content'],
        properties: { UploadUrl: { type: 'string', maxLength: 4096 }, Content: { type: 'string' } },
      },
      request: { origin: 'upload', url: '$.UploadUrl', method: 'POST', path: '/', body: { encoding: 'base64', value: '$.Content' } },
      idempotent: false,
    },
  ],
};

describe('URLs the vendor hands out (catalog origins with hosts)', () => {
  const action = loadCatalogs([uploads]).get('SLACK')!.actions[0]!;
  const BASE = 'https://slack.com/api';
  const build = (url: string, base = BASE) => buildHttpRequest(action, base, { UploadUrl: url, Content: 'aGk=' });

  it('a URL on a named host and path is used as is, without credentials', () => {
    const b = build('https://files.slack.com/upload/v1/CwABAAAAXwoAAZ?x=1');
    expect([b.url, b.credentials, b.method]).toEqual(['https://files.slack.com/upload/v1/CwABAAAAXwoAAZ?x=1', false, 'POST']);
    expect(build('https://acme-my.sharepoint.com/personal/ada/_api/v2.0/drive/items/01ABC/uploadSession?guid=1').credentials).toBe(false);
    // The BaseEndpoint's own port is allowed (a gateway or a local upstream), another one not.
    expect(build('https://files.slack.com:8443/upload/v1/x', 'https://slack.com:8443/api').url).toBe('https://files.slack.com:8443/upload/v1/x');
  });

  it.each([
    ['another host', 'https://evil.example/upload/v1/x', /not on evil\.example/],
    ['a host that only starts like the named one', 'https://files.slack.com.evil.example/upload/v1/x', /not on files\.slack\.com\.evil\.example/],
    ['the API host itself', 'https://slack.com/upload/v1/x', /not on slack\.com/],
    ['the bare domain of a wildcard', 'https://sharepoint.com/personal/x', /not on sharepoint\.com/],
    ['a lookalike domain of a wildcard', 'https://evilsharepoint.com/personal/x', /not on evilsharepoint\.com/],
    ['http', 'http://files.slack.com/upload/v1/x', /https only/],
    ['credentials in the URL', 'https://u:p@files.slack.com/upload/v1/x', /no credentials/],
    ['another port', 'https://files.slack.com:8443/upload/v1/x', /not on port 8443/],
    ['a path outside the named ones', 'https://files.slack.com/api/chat.postMessage', /not under/],
    ['dot segments', 'https://files.slack.com/upload/../api/chat.postMessage', /no dot segments/],
    ['encoded dot segments', 'https://files.slack.com/upload/%2e%2e/api/x', /no dot segments or encoded/],
    ['an encoded slash', 'https://files.slack.com/upload%2f..%2fapi/x', /encoded/],
    ['a backslash', 'https://files.slack.com/upload/..\\api', /backslashes/],
    ['a fragment', 'https://files.slack.com/upload/v1/x#y', /no fragment/],
    ['an empty fragment', 'https://files.slack.com/upload/v1/x#', /no fragment/],
    ['user info hiding the host', 'https://files.slack.com@evil.example/upload/v1/x', /no credentials|not on evil\.example/],
    ['a trailing dot', 'https://files.slack.com./upload/v1/x', /not on files\.slack\.com\./],
    ['not a URL', 'files.slack.com/upload/v1/x', /not a URL/],
    ['an IP address', 'https://127.0.0.1/upload/v1/x', /not on 127\.0\.0\.1/],
  ])('refuses %s before anything is sent', (_what, url, why) => {
    expect(() => build(url)).toThrow(/Value at 'input\.uploadUrl' failed to satisfy constraint: Member must be a URL the vendor handed out/);
    expect(() => build(url)).toThrow(why);
  });

  it('the catalog rules: handed-out URLs never get credentials; url needs such an origin and the path /; origins must be declared', () => {
    const bad = structuredClone(uploads) as Catalog & { origins: Record<string, { credentials: boolean; url?: string; hosts?: string[] }> };
    bad.origins.upload!.credentials = true;
    bad.origins.api = { url: 'https://other.example:99999/x', credentials: true };
    bad.actions.push({ ...bad.actions[0]!, ActionId: 'Stray', request: { origin: 'nowhere', method: 'GET', path: '/x' } });
    bad.actions.push({ ...bad.actions[0]!, ActionId: 'PathToo', request: { origin: 'upload', url: '$.UploadUrl', method: 'POST', path: '/x' } });
    bad.actions.push({ ...bad.actions[0]!, ActionId: 'NoHosts', request: { origin: 'api', url: '$.UploadUrl', method: 'POST', path: '/' } });
    expect(catalogProblems(bad)).toEqual([
      "/origins/upload: an origin of handed-out URLs (hosts) never receives the connector's credentials",
      '/origins/api/url: must be an https URL without credentials, query or fragment',
      "/actions/1 (Stray)/request/origin: nowhere is not one of the catalog's origins",
      "/actions/2 (PathToo)/request/path: must be '/' with url (the handed-out URL is used as is)",
      '/actions/3 (NoHosts)/request/url: needs an origin with hosts',
    ]);
  });
});
