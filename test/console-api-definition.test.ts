// The console's API definition and MCP server pages (issues 17 and 19) in headless
// Chromium, through a TLS front as deployed: an admin chooses an OpenAPI file, previews the
// actions it gives (nothing saved yet), saves it and runs one; attaches a remote MCP server
// (a real one, over HTTPS), sees its tools, refreshes and detaches it. Screenshots of the
// pages go to SCREENSHOTS.
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { startHttpsServer, type TestHttpsServer } from './support/https-server.js';
import { ACCOUNT } from './helpers.js';
import { startConnEnv, type ConnEnv } from './support/conn-env.js';
import { createTestCa } from './support/tls.js';
import { startTlsFront, type TlsFront } from './support/tls-front.js';
import { startActionUpstream, type ActionUpstream } from './support/action-upstream.js';
import { basicAuth, createConnector } from './support/actions.js';
import { hashPassword } from '../src/crypto/passwords.js';
import { ActionBridgeClient } from '../src/client/index.js';
import { ADMIN } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOTS = process.env.ACTIONBRIDGE_SCREENSHOTS ?? path.join(os.tmpdir(), 'actionbridge-console-screenshots');
const PASSWORD = 'admin-console-password-apidef';

const DOC = `openapi: 3.0.3
info:
  title: Orders API
  version: '1.4'
paths:
  /orders/{orderId}:
    get:
      operationId: getOrder
      summary: Get an order
      parameters:
        - { name: orderId, in: path, required: true, schema: { type: string } }
      responses: { '200': { description: ok } }
  /orders:
    post:
      operationId: createOrder
      summary: Create an order
      requestBody:
        required: true
        content: { application/json: { schema: { type: object, required: [item], properties: { item: { type: string } } } } }
      responses: { '201': { description: created } }
  /admin/purge:
    post:
      operationId: purge
      tags: [admin]
      responses: { '204': { description: gone } }
`;

let env: ConnEnv;
let front: TlsFront;
let upstream: ActionUpstream;
let browser: Browser;
let mcp: TestHttpsServer;

/** A stateless MCP server with one tool, at /mcp. */
function startMcp(ca: ReturnType<typeof createTestCa>): Promise<TestHttpsServer> {
  return startHttpsServer({
    cert: ca.issue({ ips: ['127.0.0.1'] }),
    handler: (req, res) =>
      void (async () => {
        if (!req.url?.startsWith('/mcp')) return void res.writeHead(404).end();
        if (req.method !== 'POST') return void res.writeHead(405).end();
        const server = new McpServer({ name: 'orders-mcp', version: '1.0.0' });
        server.registerTool('list-orders', { title: 'List orders', description: 'Lists orders', annotations: { readOnlyHint: true } }, async () => ({
          content: [{ type: 'text', text: '[]' }],
        }));
        const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
        await server.connect(transport);
        await transport.handleRequest(req, res);
      })(),
  });
}

async function signIn(page: Page) {
  await page.goto(`${front.publicUrl}/console/`);
  await page.getByLabel('Account ID').fill(ACCOUNT);
  await page.getByLabel('User name', { exact: true }).fill('admin');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Connectors', level: 1 }).waitFor();
}

describe.skipIf(!HAVE_CHROMIUM)('console: API definition', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const ca = createTestCa();
    front = await startTlsFront(ca);
    env = await startConnEnv({ publicUrl: front.publicUrl }, ca);
    front.setBackend(env.t.endpoint);
    upstream = await startActionUpstream(ca);
    mcp = await startMcp(ca);
    const store = env.t.server.store;
    const user = await store.identities.getUser(ACCOUNT, 'admin');
    await store.console.setPassword(ACCOUNT, 'admin', await hashPassword(PASSWORD), user!.createdAt, Date.now());
    await createConnector(env.t.client(), 'orders', { auth: basicAuth(upstream.url('/api'), 'svc', 'orders-Pa55word-1') });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await env?.t.stop();
    await Promise.all([upstream?.close(), front?.close(), mcp?.close()]);
  });

  it('choose a file, preview (nothing saved), save; the actions are listed and run', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await signIn(page);
      await page.goto(`${front.publicUrl}/console/#/connectors/orders/api`);
      await page.getByRole('heading', { name: 'API definition', level: 2 }).waitFor();
      await page.getByText('This connector has no API definition.').waitFor();
      await page.getByLabel('Document file').setInputFiles({ name: 'orders.yaml', mimeType: 'application/yaml', buffer: Buffer.from(DOC) });
      await page.getByLabel('Leave out these tags').fill('admin');
      await page.getByRole('button', { name: 'Preview actions' }).click();
      const preview = page.getByRole('table', { name: 'Actions the document would give' });
      await preview.waitFor();
      expect(await preview.getByRole('row').count()).toBe(3); // header + 2
      await expect.poll(() => preview.textContent()).toContain('POST /orders');
      // A preview stores nothing.
      const api = new ActionBridgeClient({ endpoint: env.t.endpoint, region: 'us-east-1', accountId: ACCOUNT, credentials: ADMIN });
      await expect(api.describeActionConnectorApiDefinition({ ActionConnectorId: 'orders' })).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'api-definition-preview.png'), fullPage: true });

      await page.getByRole('button', { name: 'Save (2 actions)' }).click();
      await page.getByText('Saved as version 1: 2 actions.').waitFor();
      await page.getByRole('table', { name: 'Actions from the API definition' }).waitFor();
      expect((await api.describeActionConnectorApiDefinition({ ActionConnectorId: 'orders' })).ApiDefinition.Exclude).toEqual({ Tags: ['admin'] });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'api-definition-saved.png'), fullPage: true });

      // A bad document is reported on the field, in words.
      await page.getByLabel('Or paste the document').fill('openapi: 3.0.0\ninfo: [unclosed');
      await page.getByRole('button', { name: 'Preview actions' }).click();
      await page.getByText(/not valid YAML/).waitFor();

      // The defined action runs from the Use page like a catalog action.
      upstream.reset();
      const r = await api.invokeAction({ ActionConnectorId: 'orders', ActionId: 'getOrder', Input: { orderId: 'o-7' } });
      expect(r.InvokeActionStatus).toBe('SUCCESS');
      expect(upstream.received.map((x) => `${x.method} ${x.url}`)).toEqual(['GET /api/orders/o-7']);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('MCP server: attach at a path, the tools listed with their hints, refresh, detach', async () => {
    await createConnector(env.t.client(), 'orders-mcp', { auth: basicAuth(mcp.url('/'), 'svc', 'orders-mcp-Pa55word-1') });
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('dialog', (d) => void d.accept());
    try {
      await signIn(page);
      await page.goto(`${front.publicUrl}/console/#/connectors/orders-mcp/mcp`);
      await page.getByText('No MCP server is attached to this connector.').waitFor();
      await page.getByLabel('Path under the base endpoint').fill('/mcp');
      // The transport chosen is the one used: the older HTTP+SSE against a Streamable-HTTP-only
      // server fails (Detect would have found Streamable HTTP), and nothing is attached.
      await page.getByLabel('Transport').selectOption('SSE');
      await page.getByRole('button', { name: 'Attach and list its tools' }).click();
      await page.getByRole('alert').filter({ hasText: 'HTTP 405' }).first().waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'mcp-server-sse-refused.png'), fullPage: true });
      const api = new ActionBridgeClient({ endpoint: env.t.endpoint, region: 'us-east-1', accountId: ACCOUNT, credentials: ADMIN });
      await expect(api.describeActionConnectorMcpServer({ ActionConnectorId: 'orders-mcp' })).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
      await page.getByLabel('Transport').selectOption('STREAMABLE_HTTP');
      await page.getByRole('button', { name: 'Attach and list its tools' }).click();
      await page.getByText('Attached. Tools that became actions of this connector: 1.').waitFor();
      expect((await api.describeActionConnectorMcpServer({ ActionConnectorId: 'orders-mcp' })).McpServer.Transport).toBe('STREAMABLE_HTTP');
      const tools = page.getByRole('table', { name: 'Tools of the MCP server' });
      await expect.poll(() => tools.textContent()).toContain('list-orders');
      expect(await tools.textContent()).toContain('read-only');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'mcp-server-attached.png'), fullPage: true });
      await page.getByRole('button', { name: 'Refresh tools' }).click();
      await page.getByText('Tools listed again: no change.').waitFor();
      await page.getByRole('button', { name: 'Detach MCP server' }).click();
      await page.getByText(/MCP server detached\./).waitFor();
      await page.getByText('No MCP server is attached to this connector.').waitFor();
    } finally {
      await context.close();
    }
  });
});
