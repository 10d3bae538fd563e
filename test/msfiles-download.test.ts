// OneDrive DownloadFile and SharePoint DownloadLibraryFile through the real server, a
// client-credentials connector and the egress: Graph answers GET .../content with a 302
// to a pre-authenticated URL on another host (contoso-my.sharepoint.com in production;
// here a second local service on 127.0.0.2). The redirect is followed, the file comes
// back as base64, and the connector's access token is sent to Graph only, never to the
// host the redirect names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type qs } from './helpers.js';
import { startActionUpstream, type ActionUpstream } from './support/action-upstream.js';
import { actionsApi, clientCredentialsAuth, createConnector } from './support/actions.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';

const ACCESS_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.graph-app-token.sig-5d4c3b2a';
const ITEM = '01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K';
const DRIVE = 'b!-RIj2DuyvEyV1T4NlOaMHk8XkS_I8MdFlUCq1BlcjgmhRfAj3-Z8RY2VpuvV_tpd';
// ASCII only: the stand-in service answers text.
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'ascii');
const DOWNLOAD_PATH =
  '/personal/megan_contoso_com/_layouts/15/download.aspx?UniqueId=5c2a1ee5-6b10-4d2c-a75a-af0a819232d8&tempauth=v1.eyJhdWQiOiIwMDAwMDAwMy1v';

let env: ConnEnv;
let graph: ActionUpstream;
let files: ActionUpstream;
let api: ReturnType<typeof actionsApi>;
let admin: qs.QuickSightClient;

beforeAll(async () => {
  env = await startConnEnv({ egressAllow: ['127.0.0.1/32', '127.0.0.2/32'] });
  graph = await startActionUpstream(env.ca);
  // Another origin: the pre-authenticated download host.
  files = await startActionUpstream(env.ca, { host: '127.0.0.2' });
  graph.respond((req) => {
    if (req.method === 'POST' && req.url === '/tenant/oauth2/v2.0/token') {
      return { json: { token_type: 'Bearer', expires_in: 3599, access_token: ACCESS_TOKEN } };
    }
    if (req.method === 'GET' && req.url.endsWith('/content')) return { status: 302, headers: { location: files.url(DOWNLOAD_PATH) } };
    return { status: 404, json: { error: { code: 'itemNotFound', message: 'The resource could not be found.' } } };
  });
  files.respond(() => ({ headers: { 'content-type': 'application/pdf', 'content-length': String(PDF.length) }, text: PDF.toString('ascii') }));
  api = actionsApi(env.t.endpoint);
  admin = env.t.client();
  const auth = clientCredentialsAuth(graph.url('/v1.0'), graph.url('/tenant/oauth2/v2.0/token'), 'app-5e0c', 'app-secret-7f6e5d');
  await createConnector(admin, 'onedrive', { type: 'MICROSOFT_ONEDRIVE', auth });
  await createConnector(admin, 'sharepoint', { type: 'MICROSOFT_SHAREPOINT', auth });
});
afterAll(async () => {
  await env?.t.stop();
  await Promise.all([graph?.close(), files?.close()]);
});

describe("downloads follow Graph's redirect without the connector's token", () => {
  const cases = [
    {
      connector: 'onedrive',
      actionId: 'DownloadFile',
      input: { UserId: 'megan@contoso.com', ItemId: ITEM },
      path: `/v1.0/users/megan@contoso.com/drive/items/${ITEM}/content`,
    },
    { connector: 'sharepoint', actionId: 'DownloadLibraryFile', input: { DriveId: DRIVE, ItemId: ITEM }, path: `/v1.0/drives/${DRIVE}/items/${ITEM}/content` },
  ];
  for (const c of cases) {
    it(`${c.actionId}: Graph gets the token, the download host gets none, the file comes back as base64`, async () => {
      graph.received.length = 0;
      files.received.length = 0;
      const r = await api.invoke(ADMIN, c.connector, c.actionId, c.input);
      expect(r.status, r.raw).toBe(200);
      expect(r.body).toEqual({
        InvokeActionStatus: 'SUCCESS',
        HttpStatusCode: 200,
        Output: { Content: PDF.toString('base64'), ContentType: 'application/pdf', Size: PDF.length },
        RequestId: expect.any(String),
        InvocationId: expect.any(String),
      });

      const toGraph = graph.received.filter((q) => q.url.startsWith('/v1.0/'));
      expect(toGraph.map((q) => [q.method, q.url, q.headers.authorization])).toEqual([['GET', c.path, `Bearer ${ACCESS_TOKEN}`]]);
      expect(files.received).toHaveLength(1);
      const hop = files.received[0]!;
      expect([hop.method, hop.url, hop.headers.host]).toEqual(['GET', DOWNLOAD_PATH, `127.0.0.2:${files.port}`]);
      expect(hop.headers.authorization).toBeUndefined();
      expect(JSON.stringify(hop.headers)).not.toContain(ACCESS_TOKEN);
      expect(JSON.stringify(hop.headers)).not.toContain('graph-app-token');
    });
  }
});

describe('an API key in a header of its own does not follow a redirect to another host', () => {
  // An upstream that answers with a redirect to a host it controls (or that an attacker
  // controls through an open redirect) must not receive the key: the egress drops the
  // header the connector's scheme put it in, as it drops Authorization.
  for (const [type, actionId, input, header] of [
    ['SERVICENOW_NOW_PLATFORM', 'GetIncident', { SysId: '9d385017c611228701d22104cc95c371' }, 'x-sn-apikey'],
    ['SAP_BUSINESSPARTNER', 'GetBusinessPartner', { BusinessPartner: '1000001' }, 'apikey'],
  ] as const) {
    it(`${type}: ${header} goes to the connector's host only`, async () => {
      const KEY = `leak-me-not-${type.toLowerCase()}`;
      graph.received.length = 0;
      files.received.length = 0;
      graph.respond(() => ({ status: 302, headers: { location: files.url('/collect') } }));
      {
        await createConnector(admin, `redir-${type.toLowerCase().replace(/_/g, '-')}`, {
          type,
          auth: {
            AuthenticationType: 'API_KEY',
            AuthenticationMetadata: { ApiKeyConnectionMetadata: { BaseEndpoint: graph.url('/').replace(/\/$/, ''), ApiKey: KEY } },
          },
        });
        const r = await api.invoke(ADMIN, `redir-${type.toLowerCase().replace(/_/g, '-')}`, actionId, input);
        expect(r.status, r.raw).toBe(200);
        expect(graph.received[0]?.headers[header]).toBe(KEY);
        expect(files.received).toHaveLength(1);
        expect(files.received[0]!.headers[header]).toBeUndefined();
        expect(JSON.stringify(files.received[0]!.headers)).not.toContain(KEY);
      }
    });
  }
});
