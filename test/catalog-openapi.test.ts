// Actions defined by an OpenAPI document (src/catalog/openapi.ts): real published
// documents turned into actions that pass the catalog checks, actions invoked through the
// real engine (invokeHttpAction) against a local HTTPS upstream, and hostile documents
// that end in a clear ApiDefinitionError or a safe result, fast.
import { existsSync, readFileSync } from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { catalogProblems } from '../src/catalog/check.js';
import { invokeHttpAction, type OutboundHttpRequest, type UpstreamResponse } from '../src/catalog/invoke-http.js';
import { ApiDefinitionError, type DefinedActions, defineActions, parseApiDocument } from '../src/catalog/openapi.js';
import type { CatalogAction } from '../src/catalog/types.js';
import { startHttpsServer, type TestHttpsServer } from './support/https-server.js';
import { readMultipart } from './support/multipart.js';
import { createTestCa } from './support/tls.js';

const VENDORS = '/work/shared/reference/vendors';
const vendorFile = (p: string) => `${VENDORS}/${p}`;
const haveVendors = existsSync(VENDORS);
if (!haveVendors) console.warn(`[catalog-openapi] ${VENDORS} is absent: the published-document cases are skipped`);

const yaml = (s: string) => parseYaml(s, { maxAliasCount: 100 });

function sound(defined: DefinedActions): void {
  if (defined.actions.length === 0) return;
  expect(catalogProblems({ Type: 'GENERIC_HTTP', Api: defined.title, actions: defined.actions })).toEqual([]);
}
const byId = (d: DefinedActions, id: string): CatalogAction => {
  const a = d.actions.find((x) => x.ActionId === id);
  if (!a) throw new Error(`no action ${id} among ${d.actions.map((x) => x.ActionId).join(', ')}`);
  return a;
};
const props = (a: CatalogAction) => a.InputSchema.properties as Record<string, Record<string, unknown>>;

describe.skipIf(!haveVendors)('published documents', () => {
  it('PagerDuty REST (OpenAPI 3.0, JSON): the Incidents tag', () => {
    const doc = parseApiDocument(readFileSync(vendorFile('pagerduty/REST/openapiv3.json'), 'utf8'));
    const d = defineActions(doc, { include: { tags: ['Incidents'] } });
    expect(d.title).toMatch(/PagerDuty/);
    expect(d.actions.length).toBe(29);
    expect(d.skipped).toEqual([]);
    sound(d);
    const list = byId(d, 'listIncidents');
    expect(list.request).toMatchObject({ method: 'GET', path: '/incidents' });
    // `statuses[]` is not a member name a reference takes: mapped, the template keeps the original.
    const query = (list.request as { query: Record<string, string> }).query;
    expect(query['statuses[]']).toBe('$.statuses');
    // The document says a string (one status), whatever its prose says.
    expect(props(list).statuses).toMatchObject({ type: 'string', enum: ['triggered', 'acknowledged', 'resolved'], title: 'statuses[]' });
    // Accept and Content-Type are header parameters PagerDuty declares: kept as headers, not credentials.
    const get = byId(d, 'getIncident');
    expect(get.request).toMatchObject({ method: 'GET', path: '/incidents/{id}' });
    expect(get.InputSchema.required).toContain('id');
    const create = byId(d, 'createIncident');
    expect(create.request).toMatchObject({ method: 'POST', path: '/incidents', body: { encoding: 'json', value: '$.Body' } });
    expect(props(create).Body).toMatchObject({ type: 'object' });
    expect(create.idempotent).toBe('by-method');
    expect(create.Description.length).toBeLessThanOrEqual(1024);
  });

  it('PagerDuty: more operations than a catalog takes, without a filter, is an error naming the count and the limit', () => {
    const doc = parseApiDocument(readFileSync(vendorFile('pagerduty/REST/openapiv3.json'), 'utf8'));
    expect(() => defineActions(doc)).toThrow(/\d{3} operations are selected; a connector takes at most 100 actions/);
  });

  it('Asana (OpenAPI 3.0, YAML through the injected parser): Tasks and Attachments', () => {
    const text = readFileSync(vendorFile('asana/asana_oas.yaml'), 'utf8');
    expect(() => parseApiDocument(text)).toThrow(/YAML is not supported/);
    const d = defineActions(parseApiDocument(text, { yaml }), {
      include: { tags: ['Tasks', 'Attachments'] },
      exclude: { operationIds: ['searchTasksForWorkspace'] },
    });
    expect(d.actions.length).toBe(30);
    sound(d);
    const get = byId(d, 'getTask');
    expect(get.request).toMatchObject({ method: 'GET', path: '/tasks/{task_gid}' });
    expect(get.InputSchema.required).toEqual(['task_gid']);
    const query = (get.request as { query: Record<string, string> }).query;
    // explode: false — one comma-separated value.
    expect(query.opt_fields).toEqual({ $join: '$.opt_fields', $separator: ',' });
    const upload = byId(d, 'createAttachmentForObject');
    expect(upload.request).toMatchObject({ method: 'POST', path: '/attachments', body: { encoding: 'multipart' } });
    expect(props(upload).file).toMatchObject({ type: 'object', required: ['content'] });
    expect(upload.binary?.maxBytes).toBeGreaterThan(0);
    expect(upload.reference ?? '').toMatch(/^(https:|$)/);
  });

  it('Jira (a large OpenAPI 3.0 document) with filters: the Issues tag and attachment paths; what cannot be made is skipped with its reason', () => {
    const started = Date.now();
    const doc = parseApiDocument(readFileSync(vendorFile('atlassian/swagger-v3.v3.json'), 'utf8'));
    const d = defineActions(doc, { include: { tags: ['Issues'], pathPrefixes: ['/rest/api/3/attachment'] } });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(d.actions.length).toBeGreaterThan(20);
    expect(d.actions.length).toBeLessThanOrEqual(100);
    sound(d);
    const edit = byId(d, 'editIssue');
    expect(edit.request).toMatchObject({ method: 'PUT', path: '/rest/api/3/issue/{issueIdOrKey}', body: { encoding: 'json' } });
    expect(edit.InputSchema.required).toEqual(expect.arrayContaining(['issueIdOrKey', 'Body']));
    // Its 200 declares no content: not taken for a binary download.
    expect(byId(d, 'getAttachmentContent').binary).toBeUndefined();
    // The issue's recursive schemas are cut, not followed forever.
    expect(JSON.stringify(byId(d, 'createIssue').InputSchema).length).toBeLessThan(2_000_000);
    const ids = new Set(d.actions.map((a) => a.ActionId));
    expect(ids.size).toBe(d.actions.length);
  });

  it('Slack Web API (Swagger 2.0) converted: chat and files; the token parameter is the connector’s auth, left out', () => {
    const doc = parseApiDocument(readFileSync(vendorFile('slack/slack_web_openapi_v2.json'), 'utf8'));
    const d = defineActions(doc, { include: { tags: ['chat'] } });
    expect(d.actions.length).toBe(10);
    sound(d);
    const post = byId(d, 'chat_postMessage');
    expect(post.request).toMatchObject({ method: 'POST', path: '/chat.postMessage', body: { encoding: 'form' } });
    expect(props(post).channel).toMatchObject({ type: 'string' });
    expect(props(post).token).toBeUndefined();
    expect(post.InputSchema.required).toContain('channel');
    expect(d.notes.some((n) => /header parameter token left out/.test(n))).toBe(true);
    const history = defineActions(doc, { include: { operationIds: ['conversations_history'] } });
    const h = byId(history, 'conversations_history');
    expect(h.request).toMatchObject({ method: 'GET', path: '/conversations.history' });
    expect((h.request as { query: Record<string, string> }).query).toMatchObject({ channel: '$.channel', limit: '$.limit' });
  });
});

// A document of our own, covering what the engine must send.
const SHOP = {
  openapi: '3.1.0',
  info: { title: 'Shop', version: '2.1' },
  servers: [{ url: 'https://127.0.0.1:1/evil' }, { url: 'https://attacker.example/' }],
  components: {
    securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Shop-Key' } },
    schemas: {
      Order: {
        type: 'object',
        required: ['item'],
        properties: {
          id: { type: 'string', readOnly: true },
          item: { type: 'string' },
          quantity: { type: 'integer', minimum: 1 },
          parent: { $ref: '#/components/schemas/Order' },
        },
      },
    },
    parameters: { PageSize: { name: 'page[size]', in: 'query', schema: { type: 'integer' } } },
  },
  paths: {
    '/stores/{storeId}/orders/{order-id}': {
      parameters: [{ name: 'storeId', in: 'path', required: true, example: 'main', schema: { type: 'string' } }],
      get: {
        operationId: 'getOrder',
        summary: 'Get an order',
        externalDocs: { url: 'https://docs.shop.example/orders#get' },
        parameters: [
          { name: 'order-id', in: 'path', required: true, schema: { type: 'string', example: 'o-1' } },
          { $ref: '#/components/parameters/PageSize' },
          { name: 'expand', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
          { name: 'fields', in: 'query', explode: false, schema: { type: 'array', items: { type: 'string' } } },
          { name: 'X-Request-Id', in: 'header', schema: { type: 'string' } },
          { name: 'Authorization', in: 'header', schema: { type: 'string' } },
          { name: 'X-Shop-Key', in: 'header', schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'The order', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } } },
      },
    },
    '/orders': {
      post: {
        operationId: 'create order!',
        deprecated: true,
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' }, example: { quantity: 'many' } } } },
        responses: { '201': { description: 'Created' } },
      },
    },
    '/orders/search': {
      post: {
        summary: 'Search orders (form)',
        requestBody: {
          content: {
            'application/x-www-form-urlencoded': {
              schema: { type: 'object', required: ['q'], properties: { q: { type: 'string' }, 'filter.status': { type: 'string', enum: ['open', 'closed'] } } },
            },
          },
          required: true,
        },
        responses: { '200': { description: 'Matches' } },
      },
    },
    '/orders/{id}/documents': {
      post: {
        operationId: 'uploadDocument',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, comment: { type: 'string' } } },
            },
          },
        },
        responses: { '200': { description: 'Stored' } },
      },
      get: {
        operationId: 'downloadDocuments',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'A zip of the documents', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } } },
      },
    },
  },
};

const SWAGGER = {
  swagger: '2.0',
  info: { title: 'Pets', version: '1.0.0' },
  host: '127.0.0.1:1',
  basePath: '/v1',
  consumes: ['application/json'],
  securityDefinitions: { key: { type: 'apiKey', in: 'query', name: 'key' } },
  definitions: { Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tag: { type: 'string', 'x-nullable': true } } } },
  parameters: { Limit: { name: 'limit', in: 'query', type: 'integer', maximum: 100 } },
  paths: {
    '/pets': {
      get: {
        operationId: 'listPets',
        parameters: [
          { $ref: '#/parameters/Limit' },
          { name: 'tags', in: 'query', type: 'array', items: { type: 'string' } },
          { name: 'ids', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'multi' },
          { name: 'key', in: 'query', type: 'string', required: true },
        ],
        responses: { '200': { description: 'Pets', schema: { type: 'array', items: { $ref: '#/definitions/Pet' } } } },
      },
      post: {
        operationId: 'addPet',
        parameters: [{ name: 'pet', in: 'body', required: true, schema: { $ref: '#/definitions/Pet' } }],
        responses: { '201': { description: 'Added' } },
      },
    },
    '/pets/{id}/photo': {
      post: {
        operationId: 'uploadPhoto',
        consumes: ['multipart/form-data'],
        parameters: [
          { name: 'id', in: 'path', required: true, type: 'integer' },
          { name: 'photo', in: 'formData', type: 'file', required: true },
          { name: 'caption', in: 'formData', type: 'string' },
        ],
        responses: { '200': { description: 'Stored' } },
      },
    },
    '/pets/{id}/photo.jpg': {
      get: {
        operationId: 'getPhoto',
        produces: ['image/jpeg'],
        parameters: [{ name: 'id', in: 'path', required: true, type: 'integer' }],
        responses: { '200': { description: 'The photo', schema: { type: 'file' } } },
      },
    },
  },
};

describe('invoked through the engine against a local HTTPS upstream', () => {
  const ca = createTestCa();
  let server: TestHttpsServer;
  let received: { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
  let reply: { status: number; type: string; body: string | Buffer } = { status: 200, type: 'application/json', body: '{"ok":true}' };
  const sent: string[] = [];

  beforeAll(async () => {
    server = await startHttpsServer({
      cert: ca.issue({ ips: ['127.0.0.1'] }),
      handler: (req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
          res.writeHead(reply.status, { 'content-type': reply.type });
          res.end(reply.body);
        });
      },
    });
  });
  afterAll(() => server?.close());

  const send = (req: OutboundHttpRequest): Promise<UpstreamResponse> =>
    new Promise((resolve, reject) => {
      sent.push(req.url);
      const r = https.request(req.url, { method: req.method, headers: { ...req.headers, authorization: 'Bearer connector-token' }, ca: ca.certPem }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string | string[]>, body: Buffer.concat(chunks) }));
      });
      r.on('error', reject);
      r.end(req.body);
    });
  const invoke = async (a: CatalogAction, input: unknown) => {
    received = [];
    const result = await invokeHttpAction(a, input, { baseEndpoint: server.url('/api/v2'), send, sleep: async () => {} });
    return { result, got: received[0]! };
  };

  const d = defineActions(SHOP);

  it('makes sound actions; servers are ignored, credentials parameters left out', () => {
    expect(d.title).toBe('Shop');
    expect(d.version).toBe('2.1');
    expect(d.actions.map((a) => a.ActionId)).toEqual(['getOrder', 'create_order!', 'POST_/orders/search', 'downloadDocuments', 'uploadDocument']);
    sound(d);
    const get = byId(d, 'getOrder');
    expect(get.reference).toBe('https://docs.shop.example/orders#get');
    expect(get.Name).toBe('Get an order');
    expect(get.Description).toMatch(/Returns: The order — an object with id, item, quantity, parent/);
    expect(get.InputSchema.required).toEqual(['storeId', 'order_id']);
    expect(Object.keys(props(get))).toEqual(['storeId', 'order_id', 'page_size', 'expand', 'fields', 'X_Request_Id']);
    expect(d.notes).toEqual(expect.arrayContaining([expect.stringMatching(/Authorization left out/), expect.stringMatching(/X-Shop-Key left out/)]));
    const create = byId(d, 'create_order!');
    // readOnly members are not input; the recursive parent is cut.
    const body = props(create).Body as { properties: Record<string, Record<string, unknown>> };
    expect(Object.keys(body.properties)).toEqual(['item', 'quantity', 'parent']);
    expect(body.properties.parent).toEqual({ description: '(recursive: #/components/schemas/Order)' });
    expect(d.notes).toContain('create order!: recursive schema #/components/schemas/Order cut');
    expect(create.Name).toBe('Create order!');
    expect(create.Description).toMatch(/^Deprecated\. /);
    // Examples from the document, when they validate.
    expect(get.Examples).toEqual([{ Title: 'Example: Get an order', Input: { storeId: 'main', order_id: 'o-1' } }]);
    expect(create.Examples).toBeUndefined();
    expect(d.notes).toContain('create order!: its example does not validate against the input schema: left out');
  });

  it('GET with path, query and header parameters (servers ignored: the BaseEndpoint given)', async () => {
    const { result, got } = await invoke(byId(d, 'getOrder'), {
      storeId: 's 1',
      order_id: 'o/2',
      page_size: 50,
      expand: ['items', 'customer'],
      fields: ['id', 'item'],
      X_Request_Id: 'r-1',
    });
    expect(result.InvokeActionStatus).toBe('SUCCESS');
    expect(result.Output).toEqual({ ok: true });
    expect(got.method).toBe('GET');
    expect(got.url).toBe('/api/v2/stores/s%201/orders/o%2F2?page%5Bsize%5D=50&expand=items&expand=customer&fields=id%2Citem');
    expect(got.headers['x-request-id']).toBe('r-1');
    expect(sent.every((u) => u.startsWith(server.url('/api/v2/')))).toBe(true);
  });

  it('POST with a JSON body', async () => {
    const { got } = await invoke(byId(d, 'create_order!'), { Body: { item: 'pen', quantity: 2 } });
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/api/v2/orders');
    expect(got.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(got.body.toString())).toEqual({ item: 'pen', quantity: 2 });
    await expect(invoke(byId(d, 'create_order!'), { Body: { quantity: 0 } })).rejects.toThrow(/item|quantity/);
  });

  it('POST with a form body', async () => {
    const { got } = await invoke(byId(d, 'POST_/orders/search'), { q: 'pens & ink', filter_status: 'open' });
    expect(got.url).toBe('/api/v2/orders/search');
    expect(got.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(got.body.toString()))).toEqual({ q: 'pens & ink', 'filter.status': 'open' });
  });

  it('a multipart upload with a file part given as base64', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    const { got } = await invoke(byId(d, 'uploadDocument'), {
      id: '7',
      file: { content: bytes.toString('base64'), filename: 'a.bin', contentType: 'application/pdf' },
      comment: 'signed',
    });
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/api/v2/orders/7/documents');
    const parts = await readMultipart(got.headers['content-type'], got.body);
    expect(parts).toEqual([
      { name: 'file', filename: 'a.bin', contentType: 'application/pdf', content: bytes },
      { name: 'comment', content: 'signed' },
    ]);
  });

  it('a binary download comes back as base64', async () => {
    reply = { status: 200, type: 'application/zip', body: Buffer.from('PK\u0003\u0004zip') };
    try {
      const { result, got } = await invoke(byId(d, 'downloadDocuments'), { id: '7' });
      expect(got.url).toBe('/api/v2/orders/7/documents');
      expect(JSON.stringify(result.Output)).toContain(Buffer.from('PK\u0003\u0004zip').toString('base64'));
    } finally {
      reply = { status: 200, type: 'application/json', body: '{"ok":true}' };
    }
  });

  it('Swagger 2.0: a multipart upload with an integer path parameter', async () => {
    const sw = defineActions(SWAGGER);
    const { got } = await invoke(byId(sw, 'uploadPhoto'), {
      id: 7,
      photo: { content: Buffer.from('jpeg').toString('base64'), filename: 'p.jpg' },
      caption: 'me',
    });
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/api/v2/pets/7/photo');
    expect(await readMultipart(got.headers['content-type'], got.body)).toEqual([
      { name: 'photo', filename: 'p.jpg', contentType: 'application/octet-stream', content: Buffer.from('jpeg') },
      { name: 'caption', content: 'me' },
    ]);
  });

  it.skipIf(!haveVendors)('Slack chat.postMessage from the published Swagger 2.0 document: a form body, no token from the input', async () => {
    const slack = defineActions(parseApiDocument(readFileSync(vendorFile('slack/slack_web_openapi_v2.json'), 'utf8')), {
      include: { operationIds: ['chat_postMessage'] },
    });
    const { got } = await invoke(byId(slack, 'chat_postMessage'), { channel: 'C123', text: 'Deploy done ✓' });
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/api/v2/chat.postMessage');
    expect(got.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(got.body.toString()))).toEqual({ channel: 'C123', text: 'Deploy done ✓' });
    expect(got.headers.token).toBeUndefined();
    expect(got.headers.authorization).toBe('Bearer connector-token');
  });

  it.skipIf(!haveVendors)('a PagerDuty action from the published document', async () => {
    const pd = defineActions(parseApiDocument(readFileSync(vendorFile('pagerduty/REST/openapiv3.json'), 'utf8')), {
      include: { operationIds: ['listIncidents'] },
    });
    const { got } = await invoke(byId(pd, 'listIncidents'), { statuses: 'acknowledged', limit: 5 });
    expect(got.method).toBe('GET');
    const url = new URL(got.url, 'https://x');
    expect(url.pathname).toBe('/api/v2/incidents');
    expect(url.searchParams.getAll('statuses[]')).toEqual(['acknowledged']);
    expect(url.searchParams.get('limit')).toBe('5');
  });
});

describe('Swagger 2.0 conversion', () => {
  it('parameters, body, formData and file parts, definitions, collection formats; host and basePath ignored', () => {
    const d = defineActions(SWAGGER);
    expect(d.actions.map((a) => a.ActionId)).toEqual(['listPets', 'addPet', 'uploadPhoto', 'getPhoto']);
    sound(d);
    const list = byId(d, 'listPets');
    expect(list.request).toMatchObject({ method: 'GET', path: '/pets', query: { limit: '$.limit', tags: { $join: '$.tags', $separator: ',' }, ids: '$.ids' } });
    expect(props(list).limit).toEqual({ type: 'integer', maximum: 100 });
    expect(props(list).key).toBeUndefined();
    expect(list.Description).toMatch(/Returns: Pets — a list/);
    const add = byId(d, 'addPet');
    expect(add.request).toMatchObject({ body: { encoding: 'json', value: '$.Body' } });
    expect(props(add).Body).toMatchObject({ type: 'object', required: ['name'], properties: { name: { type: 'string' } } });
    expect(add.InputSchema.required).toEqual(['Body']);
    const upload = byId(d, 'uploadPhoto');
    expect(upload.request).toMatchObject({
      path: '/pets/{id}/photo',
      body: { encoding: 'multipart', value: { photo: { content: { $fromBase64: '$.photo.content' } }, caption: '$.caption' } },
    });
    expect(upload.InputSchema.required).toEqual(['id', 'photo']);
    expect(byId(d, 'getPhoto').binary).toEqual({ maxBytes: 5 * 1024 * 1024, output: true });
  });
});

describe('hostile documents', () => {
  const fast = <T>(f: () => T): T => {
    const started = Date.now();
    const v = f();
    expect(Date.now() - started).toBeLessThan(5_000);
    return v;
  };
  const errorOf = (f: () => unknown): ApiDefinitionError => {
    try {
      f();
    } catch (err) {
      expect(err).toBeInstanceOf(ApiDefinitionError);
      return err as ApiDefinitionError;
    }
    throw new Error('no error');
  };
  const ops = (paths: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    paths,
    ...extra,
  });

  it('an external $ref is never fetched: the operation is skipped with the reason', () => {
    const d = fast(() =>
      defineActions(
        ops({
          '/a': { get: { operationId: 'a', parameters: [{ $ref: 'https://127.0.0.1:9/p.json#/x' }], responses: {} } },
          '/b': { post: { operationId: 'b', requestBody: { content: { 'application/json': { schema: { $ref: 'other.yaml#/S' } } } }, responses: {} } },
          '/c': { $ref: 'http://169.254.169.254/latest' },
          '/d': { get: { operationId: 'd', responses: {} } },
        }),
      ),
    );
    expect(d.actions.map((a) => a.ActionId)).toEqual(['d']);
    expect(d.skipped).toEqual([
      { operation: '/c', reason: 'external $ref http://169.254.169.254/latest is not fetched' },
      { operation: 'a', reason: 'external $ref https://127.0.0.1:9/p.json#/x is not fetched' },
      { operation: 'b', reason: 'external $ref other.yaml#/S is not fetched' },
    ]);
  });

  it('$ref cycles terminate, cut with a note', () => {
    const doc = ops(
      { '/x': { post: { operationId: 'x', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } }, responses: {} } } },
      {
        components: {
          schemas: {
            A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' }, self: { $ref: '#/components/schemas/A' } } },
            B: { type: 'array', items: { $ref: '#/components/schemas/A' } },
            Loop: { $ref: '#/components/schemas/Loop' },
          },
          parameters: { P: { $ref: '#/components/parameters/P' } },
        },
      },
    );
    const d = fast(() => defineActions(doc));
    expect(d.actions).toHaveLength(1);
    sound(d);
    expect(d.notes.some((n) => /recursive schema #\/components\/schemas\/A cut/.test(n))).toBe(true);
    // A schema that is only a loop of $refs, and a parameter $ref to itself.
    (doc.paths as Record<string, unknown>)['/y'] = {
      get: {
        operationId: 'y',
        parameters: [{ $ref: '#/components/parameters/P' }],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Loop' } } } } },
      },
    };
    (doc.paths as Record<string, unknown>)['/z'] = {
      post: { operationId: 'z', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Loop' } } } }, responses: {} },
    };
    const d2 = fast(() => defineActions(doc));
    expect(d2.actions.map((a) => a.ActionId)).toEqual(['x', 'y', 'z']);
    sound(d2);
  });

  it('100k operations: a clear error, quickly', () => {
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) paths[`/p${i}`] = { get: { responses: {} } };
    const e = fast(() => errorOf(() => defineActions(ops(paths))));
    expect(e.message).toBe('/paths: The document has 100000 operations; at most 1000 are read');
    const text = JSON.stringify(ops(paths));
    expect(fast(() => errorOf(() => defineActions(parseApiDocument(text)))).message).toMatch(/100000 operations/);
  });

  it('deeply nested schemas are bounded', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 40; i++) deep = { type: 'object', properties: { n: deep } };
    const d = fast(() =>
      defineActions(ops({ '/x': { post: { operationId: 'x', requestBody: { content: { 'application/json': { schema: deep } } }, responses: {} } } })),
    );
    expect(d.actions).toHaveLength(1);
    sound(d);
    expect(JSON.stringify(d.actions[0]!.InputSchema).split('"n"').length - 1).toBeLessThanOrEqual(13);
    expect(d.notes.some((n) => /deeper than 12 levels cut/.test(n))).toBe(true);
    // A document nested deeper than the limit is refused, parsed or as text (no stack overflow).
    let nest: unknown = 1;
    for (let i = 0; i < 5000; i++) nest = { a: nest };
    expect(fast(() => errorOf(() => defineActions(ops({}, { x: nest })))).message).toMatch(/^\/x(\/a)+…?: Nested deeper than 100 levels$/);
    const text = `{"openapi":"3.0.0","paths":{},"x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(fast(() => errorOf(() => parseApiDocument(text))).message).toMatch(/Nested deeper|not valid JSON/);
  });

  it('a text over 10 MiB is refused before it is parsed', () => {
    const big = `{"openapi":"3.0.0",${' '.repeat(10 * 1024 * 1024)}}`;
    let yamlCalled = false;
    const e = fast(() =>
      errorOf(() =>
        parseApiDocument(big, {
          yaml: () => {
            yamlCalled = true;
            return {};
          },
        }),
      ),
    );
    expect(e.message).toBe('The document is larger than 10485760 bytes');
    expect(yamlCalled).toBe(false);
    // Multi-byte text counts in bytes.
    expect(errorOf(() => parseApiDocument(`{"a":"${'é'.repeat(6 * 1024 * 1024)}"}`)).message).toMatch(/larger than/);
  });

  it('invalid JSON or YAML, and documents that are not OpenAPI: clear errors', () => {
    expect(errorOf(() => parseApiDocument('{"openapi": "3.0.0",')).message).toMatch(/^The document is not valid JSON: /);
    expect(errorOf(() => parseApiDocument('openapi: [3.0\n  paths: {', { yaml })).message).toMatch(/^The document is not valid YAML: /);
    expect(errorOf(() => parseApiDocument('   ')).message).toBe('The document is empty');
    expect(errorOf(() => defineActions('x')).message).toBe('/: The document must be an object');
    expect(errorOf(() => defineActions({ openapi: '2.5' })).message).toBe('/openapi: Not an OpenAPI 3.0 or 3.1 document (nor Swagger 2.0)');
    expect(errorOf(() => defineActions({ swagger: '1.2' })).message).toBe('/swagger: Swagger 1.2 is not supported (2.0 is)');
    expect(errorOf(() => defineActions({ openapi: '3.1.0', paths: [] })).message).toBe('/paths: paths must be an object');
    // YAML aliases expanding without bound are the parser's to refuse; the error is still ours.
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`;
    expect(fast(() => errorOf(() => parseApiDocument(bomb, { yaml })))).toBeInstanceOf(ApiDefinitionError);
  });

  it('odd names and paths stay within the format; ActionIds are unique and stable', () => {
    const doc = ops({
      '/a b/{ü}': { get: { operationId: 'same', parameters: [{ name: 'ü', in: 'path', required: true, schema: { type: 'string' } }], responses: {} } },
      '/b': { get: { operationId: 'same', responses: {} }, delete: { operationId: 'same', responses: {} } },
      '/c?x=1': { get: { operationId: 'query', responses: {} } },
      '/d/{missing}': { get: { operationId: 'missing', responses: {} } },
      '/e': {
        get: {
          operationId: 'e',
          parameters: [
            { name: '$top', in: 'query', schema: { type: 'integer' } },
            { name: 'sid', in: 'cookie', required: true },
          ],
          responses: {},
        },
      },
      '/f': { get: { operationId: 'f', parameters: [{ name: '$top', in: 'query', schema: { type: 'integer' } }], responses: {} } },
    });
    const d = defineActions(doc);
    expect(d.actions.map((a) => a.ActionId)).toEqual(['same', 'same_2', 'same_3', 'f']);
    expect(defineActions(doc).actions.map((a) => a.ActionId)).toEqual(['same', 'same_2', 'same_3', 'f']);
    sound(d);
    expect(byId(d, 'same').request).toMatchObject({ path: '/a%20b/{P}' });
    expect(byId(d, 'f').request).toMatchObject({ query: { $$top: '$.top' } });
    expect(d.skipped).toEqual([
      { operation: 'query', reason: 'the path has a query or fragment' },
      { operation: 'missing', reason: 'the path parameter {missing} is not declared' },
      { operation: 'e', reason: 'it needs the cookie parameter sid' },
    ]);
  });
});
