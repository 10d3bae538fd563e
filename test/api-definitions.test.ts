// API definitions (issue 17) against the real server: a connector given an OpenAPI
// document gets its operations as actions (ListActionConnectorActions, EnabledActions,
// InvokeAction, MCP tools, the audit trail), sent to its BaseEndpoint with its own
// authentication and nowhere else; versions, re-derivation and what leaves EnabledActions;
// who may change and read a definition; hostile documents as clear 4xx; a row changed in
// the database gives no action the put did not check.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { AccessDeniedException, ActionBridgeClient, InvalidParameterValueException, ResourceNotFoundException } from '../src/client/index.js';
import { ACCOUNT, ADMIN, actionsCli, type Creds, qs, tempDir } from './helpers.js';

import { startActionUpstream, type ActionUpstream } from './support/action-upstream.js';
import { apiKeyAuth, basicAuth, createConnector, iamAuth, withEnabledActions } from './support/actions.js';
import { connectHttp, grant, mintToken, startMcpEnv, type McpEnv } from './support/mcp-env.js';
import { readMultipart } from './support/multipart.js';
import { ConsoleClient } from './support/console.js';
import { failure } from './support/client-failure.js';

let env: McpEnv;
/** A second HTTPS server: where the document's `servers` and absolute URLs point. Nothing may reach it. */
let elsewhere: ActionUpstream;
const api = (creds: Creds = ADMIN) => new ActionBridgeClient({ endpoint: env.t.endpoint, region: 'us-east-1', accountId: ACCOUNT, credentials: creds });

const shop = () => ({
  openapi: '3.0.3',
  info: { title: 'Shop API', version: '2.1.0' },
  // Ignored for routing: every request goes to the connector's BaseEndpoint.
  servers: [{ url: elsewhere.url('/v2') }],
  components: {
    securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Shop-Key' } },
    schemas: {
      Order: { type: 'object', required: ['item'], properties: { item: { type: 'string' }, quantity: { type: 'integer', minimum: 1 } } },
    },
  },
  security: [{ key: [] }],
  paths: {
    '/orders/{orderId}': {
      get: {
        operationId: 'getOrder',
        summary: 'Get an order',
        tags: ['orders'],
        parameters: [
          { name: 'orderId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'expand', in: 'query', schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'The order', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } } },
      },
      delete: {
        operationId: 'deleteOrder',
        tags: ['orders', 'danger'],
        parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '204': { description: 'Gone' } },
      },
    },
    '/orders': {
      post: {
        operationId: 'createOrder',
        tags: ['orders'],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } },
        responses: { '201': { description: 'Created' } },
      },
    },
    '/orders/search': {
      post: {
        operationId: 'searchOrders',
        tags: ['orders'],
        requestBody: {
          required: true,
          content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', required: ['q'], properties: { q: { type: 'string' } } } } },
        },
        responses: { '200': { description: 'Matches' } },
      },
    },
    '/orders/{orderId}/documents': {
      post: {
        operationId: 'uploadDocument',
        tags: ['documents'],
        parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, note: { type: 'string' } } },
            },
          },
        },
        responses: { '200': { description: 'Stored' } },
      },
    },
    '/external': {
      post: {
        operationId: 'external',
        requestBody: { content: { 'application/json': { schema: { $ref: 'https://schemas.example.com/x.json' } } } },
        responses: { '200': { description: 'ok' } },
      },
    },
  },
});

beforeAll(async () => {
  env = await startMcpEnv();
  elsewhere = await startActionUpstream(env.ca);
});
afterAll(async () => {
  await env?.stop();
  await elsewhere?.close();
});

describe('a connector defined by an OpenAPI document', () => {
  it('YAML in, operations out as actions; servers and security schemes ignored; the external $ref skipped with its reason', async () => {
    const r = await api().putActionConnectorApiDefinition({ ActionConnectorId: 'gh', Document: toYaml(shop()) });
    expect(r.ApiDefinition).toMatchObject({ DefinitionVersion: 1, Title: 'Shop API', ApiVersion: '2.1.0', SpecVersion: '3.0.3', CreatedBy: ADMIN_ARN() });
    expect(r.ApiDefinition.Actions.map((a) => a.ActionId).sort()).toEqual(['createOrder', 'deleteOrder', 'getOrder', 'searchOrders', 'uploadDocument']);
    expect(r.ApiDefinition.Actions.find((a) => a.ActionId === 'getOrder')).toMatchObject({ Method: 'GET', Path: '/orders/{orderId}', Enabled: true });
    expect(r.ApiDefinition.Skipped).toEqual([{ Operation: 'external', Reason: expect.stringMatching(/external \$ref .* is not fetched/) }]);
    expect(r.RemovedFromEnabledActions).toEqual([]);

    const list = await api(env.alice).listActionConnectorActions({ ActionConnectorId: 'gh' });
    const ids = list.Actions.map((a) => a.ActionId);
    expect(ids[0]).toBe('HttpRequest'); // the type's catalog first
    expect(ids).toEqual(expect.arrayContaining(['getOrder', 'createOrder', 'uploadDocument']));
    const get = list.Actions.find((a) => a.ActionId === 'getOrder')!;
    expect(get).toMatchObject({ Name: 'Get an order', Enabled: true });
    expect(get.InputSchema).toMatchObject({ type: 'object', required: ['orderId'], properties: { orderId: { type: 'string' }, expand: { type: 'string' } } });
  });

  it('GET with path and query, POST with a JSON body, a form body and a multipart upload: each at the BaseEndpoint with the connector’s Basic auth', async () => {
    env.upstream.reset();
    elsewhere.reset();
    const c = api(env.alice);
    const g = await c.invokeAction({ ActionConnectorId: 'gh', ActionId: 'getOrder', Input: { orderId: 'o/42', expand: 'items' } });
    expect(g).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200 });
    const p = await c.invokeAction({ ActionConnectorId: 'gh', ActionId: 'createOrder', Input: { Body: { item: 'pen', quantity: 2 } } });
    expect(p.InvokeActionStatus).toBe('SUCCESS');
    await c.invokeAction({ ActionConnectorId: 'gh', ActionId: 'searchOrders', Input: { q: 'pens & ink' } });
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    await c.invokeAction({
      ActionConnectorId: 'gh',
      ActionId: 'uploadDocument',
      Input: { orderId: '7', file: { content: bytes.toString('base64'), filename: 'a.bin', contentType: 'application/pdf' }, note: 'signed' },
    });
    const got = env.upstream.received;
    expect(got.map((x) => `${x.method} ${x.url}`)).toEqual([
      'GET /api/orders/o%2F42?expand=items',
      'POST /api/orders',
      'POST /api/orders/search',
      'POST /api/orders/7/documents',
    ]);
    const basic = `Basic ${Buffer.from('svc:gh-Pa55word-91').toString('base64')}`;
    expect(got.every((x) => x.headers.authorization === basic)).toBe(true);
    expect(got.some((x) => x.headers['x-shop-key'] !== undefined)).toBe(false);
    expect(JSON.parse(got[1]!.body.toString())).toEqual({ item: 'pen', quantity: 2 });
    expect(got[2]!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(got[2]!.body.toString()))).toEqual({ q: 'pens & ink' });
    expect(await readMultipart(got[3]!.headers['content-type'], got[3]!.body)).toEqual([
      { name: 'file', filename: 'a.bin', contentType: 'application/pdf', content: bytes },
      { name: 'note', content: 'signed' },
    ]);
    expect(elsewhere.received).toEqual([]);

    // Bad input is refused before anything is sent, naming the member.
    env.upstream.reset();
    const bad = await failure(c.invokeAction({ ActionConnectorId: 'gh', ActionId: 'createOrder', Input: { Body: { quantity: 0 } } }));
    expect(bad).toBeInstanceOf(InvalidParameterValueException);
    expect(bad.message).toMatch(/item|quantity/);
    expect(env.upstream.received).toEqual([]);

    // The audit trail names the defined action.
    const audit = await api().listActionInvocations({ ActionConnectorId: 'gh' });
    expect(audit.Invocations.map((i) => i.ActionId)).toEqual(expect.arrayContaining(['getOrder', 'createOrder', 'searchOrders', 'uploadDocument']));
  });

  it('MCP tools include the defined actions', async () => {
    const { token } = await mintToken(env, 'alice');
    const mcp = await connectHttp(env.t.endpoint, token);
    try {
      const tools = (await mcp.listTools()).tools.map((t) => t.name);
      expect(tools.some((n) => /getOrder/.test(n))).toBe(true);
    } finally {
      await mcp.close();
    }
  });

  it('describe gives the summary and, on request, the document as put; EnabledActions takes defined ids', async () => {
    const d = await api(env.bob).describeActionConnectorApiDefinition({ ActionConnectorId: 'gh' });
    expect(d.ApiDefinition).toMatchObject({ DefinitionVersion: 1, Title: 'Shop API' });
    expect(d.Document).toBeUndefined();
    const withDoc = await api().describeActionConnectorApiDefinition({ ActionConnectorId: 'gh', IncludeDocument: true });
    expect(withDoc.Document).toBe(toYaml(shop()));

    // An admin can say "may read orders, but not delete them".
    const sdk = env.admin;
    const current = await sdk.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'gh' }));
    const update = (ids: string[]) =>
      withEnabledActions(
        new qs.UpdateActionConnectorCommand({
          AwsAccountId: ACCOUNT,
          ActionConnectorId: 'gh',
          Name: current.ActionConnector!.Name!,
          AuthenticationConfig: basicAuth(env.upstream.url('/api'), 'svc', 'gh-Pa55word-91'),
        }),
        ids,
      );
    await sdk.send(update(['HttpRequest', 'getOrder', 'createOrder', 'searchOrders', 'uploadDocument']));
    const refused = await failure(api(env.alice).invokeAction({ ActionConnectorId: 'gh', ActionId: 'deleteOrder', Input: { orderId: '1' } }));
    expect(refused).toBeInstanceOf(InvalidParameterValueException);
    expect(refused.message).toMatch(/deleteOrder is not enabled/);
    const unknown = await failure(sdk.send(update(['getOrder', 'noSuchAction'])));
    expect(String((unknown as Error).message)).toMatch(/unknown: noSuchAction/);
  });

  it('a new version re-derives the actions: the ones that disappear leave EnabledActions and are reported; the audit keeps their ids', async () => {
    const doc = shop();
    delete (doc.paths as Record<string, unknown>)['/orders/search'];
    const r = await api().putActionConnectorApiDefinition({ ActionConnectorId: 'gh', Document: JSON.stringify(doc), Exclude: { Tags: ['danger'] } });
    expect(r.ApiDefinition.DefinitionVersion).toBe(2);
    expect(r.ApiDefinition.Exclude).toEqual({ Tags: ['danger'] });
    expect(r.RemovedFromEnabledActions).toEqual(['searchOrders']);
    const described = await env.admin.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'gh' }));
    const enabled = (described.ActionConnector as { EnabledActions?: string[] }).EnabledActions ?? [];
    expect(enabled).not.toContain('searchOrders');
    expect(enabled).toContain('getOrder');
    const gone = await failure(api(env.alice).invokeAction({ ActionConnectorId: 'gh', ActionId: 'searchOrders', Input: { q: 'x' } }));
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
    const audit = await api().listActionInvocations({ ActionConnectorId: 'gh' });
    expect(audit.Invocations.map((i) => i.ActionId)).toContain('searchOrders');
    // Version 1 is still readable.
    const v1 = await api().describeActionConnectorApiDefinition({ ActionConnectorId: 'gh', DefinitionVersion: 1 });
    expect(v1.ApiDefinition.Actions.map((a) => a.ActionId)).toContain('searchOrders');
    const v9 = await failure(api().describeActionConnectorApiDefinition({ ActionConnectorId: 'gh', DefinitionVersion: 9 }));
    expect(v9).toBeInstanceOf(ResourceNotFoundException);
  });

  it('a dry run previews and stores nothing', async () => {
    await createConnector(env.admin, 'dry', { auth: basicAuth(env.upstream.url('/api'), 'svc', 'dry-Pa55word-1') });
    const r = await api().putActionConnectorApiDefinition({
      ActionConnectorId: 'dry',
      Document: JSON.stringify(shop()),
      DryRun: true,
      Include: { Tags: ['documents'] },
    });
    expect(r).toMatchObject({ DryRun: true, ApiDefinition: { DefinitionVersion: 0 } });
    expect(r.ApiDefinition.Actions.map((a) => a.ActionId)).toEqual(['uploadDocument']);
    expect(await failure(api().describeActionConnectorApiDefinition({ ActionConnectorId: 'dry' }))).toBeInstanceOf(ResourceNotFoundException);
    const list = await api().listActionConnectorActions({ ActionConnectorId: 'dry' });
    expect(list.Actions.map((a) => a.ActionId)).toEqual(['HttpRequest']);
  });
});

const VENDORS = '/work/shared/reference/vendors';
const haveVendors = existsSync(VENDORS);
if (!haveVendors) console.warn(`[api-definitions] ${VENDORS} is absent: the published-document import is skipped`);

describe.skipIf(!haveVendors || process.env.ACTIONBRIDGE_TEST_STORE === 'postgres')('a published document through the server', () => {
  it('PagerDuty REST (OpenAPI 3.0, JSON), the Incidents tag: 29 actions on a PAGERDUTY connector beside its catalog; GET with path and query invoked', async () => {
    await createConnector(env.admin, 'pd', { type: 'PAGERDUTY_ADVANCE', auth: apiKeyAuth(env.upstream.url('/pd'), 'pd-token-0123456789') });
    const r = await api().putActionConnectorApiDefinition({
      ActionConnectorId: 'pd',
      Document: readFileSync(`${VENDORS}/pagerduty/REST/openapiv3.json`, 'utf8'),
      Include: { Tags: ['Incidents'] },
    });
    expect(r.ApiDefinition.Actions).toHaveLength(29);
    expect(r.ApiDefinition.Title).toMatch(/PagerDuty/);
    const list = await api().listActionConnectorActions({ ActionConnectorId: 'pd' });
    const catalogCount = list.Actions.length - 29;
    expect(catalogCount).toBeGreaterThan(0);
    // A defined operation whose id the catalog also uses gets a suffix; every id is unique.
    expect(new Set(list.Actions.map((a) => a.ActionId)).size).toBe(list.Actions.length);
    const listIncidents = r.ApiDefinition.Actions.find((a) => a.Path === '/incidents' && a.Method === 'GET')!;
    env.upstream.reset();
    const got = await api().invokeAction({ ActionConnectorId: 'pd', ActionId: listIncidents.ActionId, Input: { statuses: 'triggered', limit: 5 } });
    expect(got.InvokeActionStatus).toBe('SUCCESS');
    const sent = env.upstream.received[0]!;
    expect(sent.method).toBe('GET');
    const url = new URL(sent.url, 'https://x');
    expect(url.pathname).toBe('/pd/incidents');
    expect(url.searchParams.get('statuses[]')).toBe('triggered');
    expect(url.searchParams.get('limit')).toBe('5');
    expect(sent.headers.authorization).toBe('Token token=pd-token-0123456789');
  });
});

describe('through the console API', () => {
  it('a document larger than the server-wide body limit (1 MiB) is taken, as over SigV4; a dry run previews it', async () => {
    const c = new ConsoleClient(env.t.endpoint);
    expect((await c.signIn({ AccountId: ACCOUNT, AccessKeyId: ADMIN.accessKeyId, SecretAccessKey: ADMIN.secretAccessKey })).status).toBe(200);
    await createConnector(env.admin, 'big', { auth: basicAuth(env.upstream.url('/api'), 'svc', 'big-Pa55word-1') });
    const doc = shop();
    (doc.info as Record<string, unknown>).description = 'Long prose. '.repeat(150_000); // 1.8 MB
    const preview = await c.call('PutActionConnectorApiDefinition', { ActionConnectorId: 'big', Document: JSON.stringify(doc), DryRun: true });
    expect(preview.status).toBe(200);
    expect(preview.body.ApiDefinition.Actions).toHaveLength(5);
    const saved = await c.call('PutActionConnectorApiDefinition', { ActionConnectorId: 'big', Document: JSON.stringify(doc) });
    expect([saved.status, saved.body.ApiDefinition?.DefinitionVersion]).toEqual([200, 1]);
    // Other operations keep the server's limit.
    const tooBig = await c.call('UpdateActionConnectorPermissions', { ActionConnectorId: 'big', GrantPermissions: [], Padding: 'x'.repeat(1_100_000) });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.Message).toMatch(/larger than the limit/);
    await c.close();
  });
});

describe.skipIf(process.env.ACTIONBRIDGE_TEST_STORE === 'postgres')('the command line', () => {
  it('actions define (YAML file, filters, --dry-run, --progress), actions definition (--document), actions undefine; a bad document exits 1 with the error', async () => {
    await createConnector(env.admin, 'cli', { auth: basicAuth(env.upstream.url('/api'), 'svc', 'cli-Pa55word-1') });
    const file = path.join(tempDir('ab-apidef-cli-'), 'shop.yaml');
    writeFileSync(file, toYaml(shop()));
    const cli = actionsCli(env.t.endpoint);
    const dry = await cli([
      'define',
      '--connector',
      'cli',
      '--file',
      file,
      '--include-tag',
      'orders',
      '--exclude-tag',
      'danger',
      '--dry-run',
      '--json',
      '--progress',
    ]);
    expect(dry.code).toBe(0);
    expect(
      JSON.parse(dry.stdout)
        .Actions.map((a: { ActionId: string }) => a.ActionId)
        .sort(),
    ).toEqual(['createOrder', 'getOrder', 'searchOrders']);
    expect(dry.stderr).toMatch(/dry run \(nothing saved\): 3 actions/);
    expect(await failure(api().describeActionConnectorApiDefinition({ ActionConnectorId: 'cli' }))).toBeInstanceOf(ResourceNotFoundException);

    const saved = await cli(['define', '--connector', 'cli', '--file', file, '--include-operation', 'getOrder', '--json']);
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ DefinitionVersion: 1, Actions: [{ ActionId: 'getOrder', Method: 'GET', Path: '/orders/{orderId}' }] });
    const doc = await cli(['definition', '--connector', 'cli', '--document']);
    expect(doc.stdout).toBe(toYaml(shop()));

    const bad = path.join(tempDir('ab-apidef-cli-'), 'bad.yaml');
    writeFileSync(bad, 'openapi: 3.0.0\ninfo: [unclosed');
    const refused = await cli(['define', '--connector', 'cli', '--file', bad]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr)).toMatchObject({ Error: 'InvalidParameterValueException', Message: expect.stringMatching(/not valid YAML/) });

    const gone = await cli(['undefine', '--connector', 'cli']);
    expect([gone.code, JSON.parse(gone.stdout).RemovedFromEnabledActions]).toEqual([0, ['getOrder']]);
  });
});

describe('who may change and read a definition', () => {
  it('Update to change, Describe to read; invoke-only users see the actions and nothing more', async () => {
    const carol = await env.t.addUser('carol', 'READER');
    await grant(env.admin, 'gh', carol.arn, ['quicksight:ListActionConnectorActions', 'quicksight:InvokeActionConnector']);
    const asCarol = api(carol);
    expect((await asCarol.listActionConnectorActions({ ActionConnectorId: 'gh' })).Actions.map((a) => a.ActionId)).toContain('getOrder');
    expect(await failure(asCarol.describeActionConnectorApiDefinition({ ActionConnectorId: 'gh' }))).toBeInstanceOf(AccessDeniedException);
    expect(await failure(asCarol.putActionConnectorApiDefinition({ ActionConnectorId: 'gh', Document: JSON.stringify(shop()) }))).toBeInstanceOf(
      AccessDeniedException,
    );
    expect(await failure(asCarol.deleteActionConnectorApiDefinition({ ActionConnectorId: 'gh' }))).toBeInstanceOf(AccessDeniedException);
    // bob may describe the connector, not update it.
    expect(await failure(api(env.bob).putActionConnectorApiDefinition({ ActionConnectorId: 'gh', Document: JSON.stringify(shop()) }))).toBeInstanceOf(
      AccessDeniedException,
    );
    const still = await api().describeActionConnectorApiDefinition({ ActionConnectorId: 'gh' });
    expect(still.ApiDefinition.DefinitionVersion).toBe(2);
  });
});

// Store-agnostic (the document is refused before the store is reached): SQLite only.
describe.skipIf(process.env.ACTIONBRIDGE_TEST_STORE === 'postgres')('hostile and unusable documents: a clear 4xx, nothing stored, nothing sent', () => {
  const refusedWith = async (doc: string, pattern: RegExp, id = 'gh') => {
    const before = await api()
      .describeActionConnectorApiDefinition({ ActionConnectorId: id })
      .catch(() => undefined);
    const e = await failure(api().putActionConnectorApiDefinition({ ActionConnectorId: id, Document: doc }));
    expect(e).toBeInstanceOf(InvalidParameterValueException);
    expect(e.message).toMatch(pattern);
    const after = await api()
      .describeActionConnectorApiDefinition({ ActionConnectorId: id })
      .catch(() => undefined);
    expect(after?.ApiDefinition.DefinitionVersion).toBe(before?.ApiDefinition.DefinitionVersion);
  };

  it('invalid YAML, not OpenAPI, too deep, too many operations, too large', async () => {
    await refusedWith('openapi: 3.0.0\ninfo: [unclosed', /document.*not valid YAML/);
    await refusedWith(JSON.stringify({ hello: 'world' }), /document.*Not an OpenAPI 3\.0 or 3\.1 document/);
    let deep: unknown = {};
    for (let i = 0; i < 150; i++) deep = { a: deep };
    await refusedWith(JSON.stringify({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths: {}, x: deep }), /Nested deeper than/);
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) paths[`/p${i}`] = { get: { responses: {} } };
    await refusedWith(JSON.stringify({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths }), /100000 operations; at most 1000/);
    const big = JSON.stringify({ openapi: '3.0.0', info: { title: 't', version: '1', description: 'x'.repeat(11 * 1024 * 1024) }, paths: {} });
    await refusedWith(big, /'document'.*10485760/);
    const none = JSON.stringify({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths: {} });
    await refusedWith(none, /at least one action/);
  }, 60_000);

  it('$ref cycles are cut, not followed; Swagger 2.0 is converted; its host is ignored', async () => {
    await createConnector(env.admin, 'pets', { auth: basicAuth(env.upstream.url('/api'), 'svc', 'pets-Pa55word-1') });
    const swagger = {
      swagger: '2.0',
      info: { title: 'Pets', version: '1.0.0' },
      host: elsewhere
        .url('/')
        .replace(/^https:\/\//, '')
        .replace(/\/$/, ''),
      basePath: '/v1',
      definitions: { Node: { type: 'object', properties: { name: { type: 'string' }, child: { $ref: '#/definitions/Node' } } } },
      paths: {
        '/pets': {
          post: {
            operationId: 'addPet',
            parameters: [{ name: 'pet', in: 'body', required: true, schema: { $ref: '#/definitions/Node' } }],
            responses: { '201': { description: 'ok' } },
          },
        },
      },
    };
    const r = await api().putActionConnectorApiDefinition({ ActionConnectorId: 'pets', Document: JSON.stringify(swagger) });
    expect(r.ApiDefinition).toMatchObject({ SpecVersion: '2.0', Actions: [{ ActionId: 'addPet', Path: '/pets' }] });
    env.upstream.reset();
    elsewhere.reset();
    await api().invokeAction({ ActionConnectorId: 'pets', ActionId: 'addPet', Input: { Body: { name: 'a', child: { name: 'b', child: { name: 'c' } } } } });
    expect(env.upstream.received.map((x) => `${x.method} ${x.url}`)).toEqual(['POST /api/pets']);
    expect(elsewhere.received).toEqual([]);

    // Deleting the connector deletes its definitions; one created again under the id starts without.
    await env.admin.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'pets' }));
    const db = env.t.server.store as unknown as { db: import('kysely').Kysely<import('../src/store/schema.js').Database> };
    expect(await db.db.selectFrom('api_definitions').select('version').where('connector_id', '=', 'pets').execute()).toEqual([]);
    await createConnector(env.admin, 'pets', { auth: basicAuth(env.upstream.url('/api'), 'svc', 'pets-Pa55word-1') });
    expect(await failure(api().describeActionConnectorApiDefinition({ ActionConnectorId: 'pets' }))).toBeInstanceOf(ResourceNotFoundException);
    expect((await api().listActionConnectorActions({ ActionConnectorId: 'pets' })).Actions.map((a) => a.ActionId)).toEqual(['HttpRequest']);
  });

  it('a connector that calls AWS APIs cannot take one', async () => {
    await createConnector(env.admin, 's3c', { type: 'AMAZON_S3', auth: iamAuth('arn:aws:iam::111122223333:role/actionbridge-s3') });
    const e = await failure(api().putActionConnectorApiDefinition({ ActionConnectorId: 's3c', Document: JSON.stringify(shop()) }));
    expect(e).toBeInstanceOf(InvalidParameterValueException);
    expect(e.message).toMatch(/calls AWS APIs/);
  });
});

describe('someone with write access to the database', () => {
  it('adds an operation to the stored document: it is no action (only what the put checked and announced is)', async () => {
    await createConnector(env.admin, 'tamper', { auth: basicAuth(env.upstream.url('/api'), 'svc', 'tamper-Pa55word-1') });
    await api().putActionConnectorApiDefinition({ ActionConnectorId: 'tamper', Document: JSON.stringify(shop()), Include: { OperationIds: ['getOrder'] } });
    const doc = shop();
    (doc.paths as Record<string, unknown>)['/admin/keys'] = { get: { operationId: 'stealKeys', responses: { '200': { description: 'ok' } } } };
    const db = env.t.server.store as unknown as { db: import('kysely').Kysely<import('../src/store/schema.js').Database> };
    await db.db
      .updateTable('api_definitions')
      .set({ document_json: JSON.stringify(doc), filters: '{}' })
      .where('connector_id', '=', 'tamper')
      .execute();
    // A second version naming the row's version makes this node derive it from the row (as any other node would).
    await db.db
      .updateTable('connectors')
      .set({ enabled_actions: JSON.stringify(['getOrder', 'stealKeys', 'deleteOrder']) })
      .where('connector_id', '=', 'tamper')
      .execute();
    await db.db
      .insertInto('api_definitions')
      .expression(
        db.db
          .selectFrom('api_definitions')
          .select([
            'region',
            'account_id',
            'connector_id',
            (eb) => eb.val(99).as('version'),
            'connector_created_at',
            'document',
            'document_json',
            'filters',
            'summary',
            'created_at',
            'created_by',
          ])
          .where('connector_id', '=', 'tamper'),
      )
      .execute();
    await db.db.updateTable('connectors').set({ api_definition_version: 99, api_definition_last: 99 }).where('connector_id', '=', 'tamper').execute();
    env.upstream.reset();
    const list = await api().listActionConnectorActions({ ActionConnectorId: 'tamper' });
    expect(list.Actions.map((a) => a.ActionId)).toEqual(['HttpRequest', 'getOrder']);
    for (const id of ['stealKeys', 'deleteOrder']) {
      expect(await failure(api().invokeAction({ ActionConnectorId: 'tamper', ActionId: id, Input: { orderId: '1' } }))).toBeInstanceOf(
        ResourceNotFoundException,
      );
    }
    expect(env.upstream.received).toEqual([]);
  });
});

describe('delete', () => {
  it('removes the definition and its actions, reporting the enabled ones; the connector keeps its catalog', async () => {
    const r = await api().deleteActionConnectorApiDefinition({ ActionConnectorId: 'gh' });
    expect([...(r.RemovedFromEnabledActions ?? [])].sort()).toEqual(['createOrder', 'getOrder', 'uploadDocument']);
    const list = await api().listActionConnectorActions({ ActionConnectorId: 'gh' });
    expect(list.Actions.map((a) => a.ActionId)).toEqual(['HttpRequest']);
    expect(await failure(api().describeActionConnectorApiDefinition({ ActionConnectorId: 'gh' }))).toBeInstanceOf(ResourceNotFoundException);
    expect(await failure(api().deleteActionConnectorApiDefinition({ ActionConnectorId: 'gh' }))).toBeInstanceOf(ResourceNotFoundException);
    // A new document after a delete is a new version number: versions name one document for good.
    const again = await api().putActionConnectorApiDefinition({
      ActionConnectorId: 'gh',
      Document: JSON.stringify(shop()),
      Include: { OperationIds: ['getOrder'] },
    });
    expect(again.ApiDefinition.DefinitionVersion).toBe(3);
  });
});

const ADMIN_ARN = () => `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/admin`;
