// The console end to end, in headless Chromium (Debian's `chromium`, driven by
// playwright-core), through a TLS front as deployed: an admin signs in (keyboard
// only), creates a GENERIC_HTTP connector (server-side validation shown at the
// fields), tests it, shares it with a READER and tags it; the reader signs in, runs
// HttpRequest against a local HTTPS service and sees the result and the audit
// entry; then signs in to an authorization-code connector at a real OAuth server
// (through ActionBridge's confirmation page), and is refused another user's sign-in link.
// Narrow-window layouts are checked, and screenshots of the main pages are written
// to SCREENSHOTS (printed) for people to look at.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ACCOUNT, ADMIN, ROOT, qs } from './helpers.js';
import { startConnEnv, type ConnEnv } from './support/conn-env.js';
import { createTestCa } from './support/tls.js';
import { startTlsFront, type TlsFront } from './support/tls-front.js';
import { startUpstream, type Upstream } from './support/upstream.js';
import { startHttpsServer } from './support/https-server.js';
import { startOidc, type OidcClient, type TestOidc } from './support/oidc.js';
import { hashPassword } from '../src/crypto/passwords.js';
import { callExtension, connectorOps } from './support/extension-client.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) {
  process.stderr.write(`\n[actionbridge] console browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it).\n\n`);
}
export const SCREENSHOTS = process.env.ACTIONBRIDGE_SCREENSHOTS ?? path.join(os.tmpdir(), 'actionbridge-console-screenshots');

const ADMIN_PASSWORD = 'admin-console-password-1';
const READER_PASSWORD = 'reader-console-password-2';

let env: ConnEnv;
let front: TlsFront;
let upstream: Upstream;
let oidc: TestOidc;
let browser: Browser;
let ca: ReturnType<typeof createTestCa>;
let WEB: OidcClient;
const cspViolations: string[] = [];
const pageErrors: string[] = [];

const consoleUrl = () => `${front.publicUrl}/console/`;

async function setPassword(name: string, password: string) {
  const store = env.t.server.store;
  const user = await store.identities.getUser(ACCOUNT, name);
  await store.console.setPassword(ACCOUNT, name, await hashPassword(password), user!.createdAt, Date.now());
}

async function newPage(viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  // Everything the page does stays within the strict Content-Security-Policy.
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return { context, page };
}

/** What a screen reader would call the focused element: its label, aria-label or text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return '(body)';
    // biome-ignore lint/performance/useDomNodeTextContent: the label as rendered (visible text, whitespace collapsed), as a screen reader announces it
    const label = el.labels?.[0]?.innerText ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    return label
      .replace(/\s*\*\s*$/, '')
      .replace(/\s+/g, ' ')
      .trim();
  });

/** Whether the focused element shows a focus indicator (outline or box shadow). */
const focusVisible = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
  });

const shot = async (page: Page, name: string) => {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
};

// axe-core, evaluated in the page through the DevTools protocol (the page's CSP, which
// forbids injected scripts, stays enforced: the CSP check below still means something).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Problems found on the pages looked at: axe-core violations, and sideways scrolling on a phone. */
const pageProblems: string[] = [];

/**
 * Looks at a page as people will: axe-core (WCAG 2.2 A/AA rules) finds no violation, it
 * fits a phone's width, and screenshots at 1280×800 and 390×844 go to SCREENSHOTS.
 */
async function look(page: Page, name: string) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as any).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return (r.violations as { id: string; help: string; nodes: { target: string[] }[] }[]).map(
      (v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }, AXE_TAGS);
  pageProblems.push(...violations.map((v) => `${name}: ${v}`));
  const before = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, `${name}-1280x800`);
  await page.setViewportSize({ width: 390, height: 844 });
  if (!(await fitsWidth(page))) pageProblems.push(`${name}: scrolls sideways at 390 px`);
  await shot(page, `${name}-390x844`);
  if (before) await page.setViewportSize(before);
}

/** No sideways scrolling: the page fits the window. */
const fitsWidth = (page: Page): Promise<boolean> => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

async function signInWithKeyboard(page: Page, user: string, password: string) {
  await page.goto(consoleUrl());
  await page.getByRole('heading', { name: 'Sign in to ActionBridge' }).waitFor();
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('User name and password');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('Account ID');
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(ACCOUNT);
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('User name');
  await page.keyboard.type(user);
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('Password');
  await page.keyboard.type(password);
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('Sign in');
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Connectors', level: 1 }).waitFor();
}

async function signIn(page: Page, user: string, password: string, hash = '') {
  await page.goto(`${consoleUrl()}${hash}`);
  await page.getByLabel('Account ID').fill(ACCOUNT);
  await page.getByLabel('User name', { exact: true }).fill(user);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe.skipIf(!HAVE_CHROMIUM)('console in a browser', () => {
  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'console', 'dist', 'index.html'))) {
      execFileSync('npm', ['run', 'build:console'], { cwd: ROOT, stdio: 'inherit' });
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    process.stderr.write(`[actionbridge] console screenshots: ${SCREENSHOTS}\n`);
    ca = createTestCa();
    front = await startTlsFront(ca);
    env = await startConnEnv({ publicUrl: front.publicUrl }, ca);
    front.setBackend(env.t.endpoint);
    upstream = await startUpstream({ ca });
    WEB = {
      client_id: 'console-web',
      client_secret: 'console-client-secret-0a1b2c3d',
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: [`${front.publicUrl}/oauth/callback`],
    };
    oidc = await startOidc(ca, [WEB]);
    await env.t.addUser('rhea', 'READER');
    await Promise.all([setPassword('admin', ADMIN_PASSWORD), setPassword('rhea', READER_PASSWORD)]);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await env?.t.stop();
    await Promise.all([upstream?.close(), oidc?.close(), front?.close()]);
  });

  it('admin: signs in with the keyboard, creates a GENERIC_HTTP connector, tests it, shares it with a reader and tags it', async () => {
    const { context, page } = await newPage();
    try {
      await signInWithKeyboard(page, 'admin', ADMIN_PASSWORD);
      // The empty list fits the role: an administrator sees the account's (none yet).
      await page.getByText('There are no connectors in this account yet.').waitFor();
      await page.getByText('0 connectors', { exact: true }).waitFor();
      await look(page, '01-connectors-empty');

      // The skip link comes first, and works.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('Skip to main content');

      // Create, by keyboard: the form's focus order follows its layout.
      await page.getByRole('link', { name: 'Create connector' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Create connector', level: 1 }).waitFor();
      await expect.poll(() => focused(page)).toBe('Create connector');
      const order: string[] = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        order.push(await focused(page));
      }
      expect(order).toEqual([
        'Back to connectors',
        'Name',
        'Connector ID',
        'Description',
        'Search types',
        // The chosen type's tile: its initials, then its name.
        'AH Any HTTPS API (generic)',
        'VPC connection ARN',
        'Method',
        'Base endpoint',
        'Send an HTTP request',
        'Test the connection after creating it',
        'Create connector',
      ]);
      // GENERIC_HTTP offers exactly the methods it allows.
      const methods = await page.getByLabel('Method').locator('option').allTextContents();
      expect(methods).toEqual([
        'None',
        'User name and password (Basic)',
        'API key',
        'OAuth 2.0 client credentials',
        'OAuth 2.0 authorization code (each user signs in)',
      ]);
      // Types by their human names, sorted, the API name on hover.
      const jira = page.locator('.type-tile').filter({ has: page.locator('input[value="JIRA_CLOUD"]') });
      expect(await jira.locator('.type-name').textContent()).toBe('Jira Cloud');
      expect(await jira.getAttribute('title')).toBe('JIRA_CLOUD');
      const typeNames = await page.locator('.type-tile .type-name').allTextContents();
      expect(typeNames.length).toBeGreaterThan(20);
      expect(typeNames).toEqual([...typeNames].sort((x, y) => x.localeCompare(y)));
      await page.getByRole('radio', { name: 'Amazon S3', exact: true }).check();
      expect(await page.getByLabel('Method').locator('option').allTextContents()).toEqual(['IAM role']);
      await page.getByRole('radio', { name: 'Any HTTPS API (generic)', exact: true }).check();

      await page.getByLabel('Name').focus();
      await page.keyboard.type('Echo service');
      expect(await page.getByLabel('Connector ID').inputValue()).toBe('echo-service');
      await page.getByLabel('Base endpoint').focus();
      await page.keyboard.type('http://127.0.0.1/plain-http');
      await page.keyboard.press('Enter');
      // The server's message, next to the field it names; the field is marked and focused.
      const endpoint = page.getByLabel('Base endpoint');
      await expect.poll(() => endpoint.getAttribute('aria-invalid')).toBe('true');
      const described = await endpoint.getAttribute('aria-describedby');
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property: the rendered message is asserted
      const message = await page.locator(`[id="${described!.split(' ').pop()}"]`).innerText();
      // The model's rule for the member, said as what the field takes (not as a pattern).
      expect(message).toBe('Enter a URL that starts with https://, such as https://api.example.com.');
      await expect.poll(() => focused(page)).toBe('Base endpoint');
      await look(page, '02-create-form-error');

      await endpoint.fill(upstream.url('/'));
      // Without the test on save, creating goes straight to the connector.
      await page.getByLabel('Test the connection after creating it').uncheck();
      await page.getByRole('button', { name: 'Create connector' }).click();
      await page.getByRole('heading', { name: 'Echo service', level: 1 }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Connector created.' }).waitFor();
      await page.getByText(upstream.url('/')).first().waitFor();

      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.locator('.alert-success, .alert-error').filter({ hasText: 'Connection' }).first().waitFor();
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property: the rendered message is asserted
      expect(await page.locator('[role="status"]').filter({ hasText: 'Connection' }).first().innerText()).toMatch(/Connection (works|failed)\..*HTTP \d{3}/s);
      await look(page, '03-connector-overview');

      // Share with the reader through the picker (only the account's users and groups; the
      // "User" preset: see the connector, list its actions, run them).
      await page.getByRole('link', { name: 'Permissions' }).click();
      await page.getByRole('heading', { name: 'Who may do what' }).waitFor();
      const picker = page.getByLabel('Person or group');
      expect(await page.getByRole('textbox', { name: /User name|Group name/ }).count()).toBe(0);
      // admin already owns it: not offered again. rhea is; nobody who does not exist is.
      await expect.poll(() => picker.locator('option').allTextContents()).toEqual(['Choose…', 'rhea (reader)']);
      await page.getByRole('button', { name: 'Add' }).click();
      await page.getByText('Choose a user or group of this account.').waitFor();
      await picker.selectOption(`arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/rhea`);
      expect(await page.getByLabel('Access', { exact: true }).locator('option').allTextContents()).toEqual(['Viewer', 'User (can run actions)', 'Owner']);
      await page.getByLabel('Access', { exact: true }).selectOption('user');
      await page.getByRole('button', { name: 'Add' }).click();
      await page.getByRole('group', { name: /User rhea/ }).waitFor();
      expect(await page.getByLabel('Access for rhea').inputValue()).toBe('user');
      // The individual permissions are under Advanced, in words.
      await page
        .getByRole('group', { name: /User rhea/ })
        .getByText('Advanced: individual permissions')
        .click();
      expect(
        await page
          .getByRole('group', { name: /User rhea/ })
          .getByLabel('Run actions')
          .isChecked(),
      ).toBe(true);
      expect(
        await page
          .getByRole('group', { name: /User rhea/ })
          .getByLabel('Edit', { exact: true })
          .isChecked(),
      ).toBe(false);
      await page.getByRole('button', { name: 'Save permissions' }).click();
      await page.getByText('Permissions saved.').waitFor();
      const perms = await env.t.client().send(new qs.DescribeActionConnectorPermissionsCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'echo-service' }));
      const rhea = perms.Permissions?.find((p) => p.Principal?.endsWith('user/default/rhea'));
      expect(rhea?.Actions?.sort()).toEqual([
        'quicksight:DescribeActionConnector',
        'quicksight:InvokeActionConnector',
        'quicksight:ListActionConnectorActions',
      ]);
      await look(page, '04-permissions');

      await page.getByRole('link', { name: 'Tags' }).click();
      await page.getByLabel('Key', { exact: true }).fill('team');
      await page.getByLabel('Value', { exact: true }).fill('platform');
      await page.getByRole('button', { name: 'Save tag' }).click();
      await page.getByRole('rowheader', { name: 'team' }).waitFor();
      await page.getByText('Tag “team” saved.').waitFor();

      // Edit: the form comes back filled (no secrets), the change shows.
      await page.getByRole('link', { name: 'Overview' }).click();
      await page.getByRole('link', { name: 'Edit' }).click();
      await page.getByRole('heading', { name: 'Edit Echo service' }).waitFor();
      expect(await page.getByLabel('Base endpoint').inputValue()).toBe(upstream.url('/'));
      expect(await page.getByLabel('Connector ID').isDisabled()).toBe(true);
      await page.getByLabel('Description').fill('Echoes requests back');
      await page.getByRole('button', { name: 'Save changes' }).click();
      // (The form's textarea holds the text too: wait for the details list.)
      await page.locator('dl.details').getByText('Echoes requests back').waitFor();
      expect(await page.locator('dl.details').getByText('Ready (updated)').count()).toBe(1);
      expect(await page.locator('dl.details').getByTitle('UPDATE_SUCCESSFUL').count()).toBe(1);

      // Delete asks first; Escape and Cancel keep the connector.
      await env.t.client().send(
        new qs.CreateActionConnectorCommand({
          AwsAccountId: ACCOUNT,
          ActionConnectorId: 'to-delete',
          Name: 'To delete',
          Type: 'GENERIC_HTTP',
          AuthenticationConfig: { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: upstream.url('/') } } },
        }),
      );
      await page.goto(`${consoleUrl()}#/connectors/to-delete`);
      await page.getByRole('heading', { name: 'To delete', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Delete…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete To delete?' });
      await dialog.waitFor();
      await expect.poll(() => focused(page)).toBe('Cancel');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Delete…' }).click();
      await dialog.getByRole('button', { name: 'Delete connector' }).click();
      await page.getByRole('heading', { name: 'Connectors', level: 1 }).waitFor();
      await page.getByText('Connector “To delete” deleted.').waitFor();
      await expect(env.t.client().send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'to-delete' }))).rejects.toMatchObject(
        { name: 'ResourceNotFoundException' },
      );

      // The list: search by name and by type.
      await page.getByRole('link', { name: 'Connectors', exact: true }).click();
      await page.getByText(/^\d+ connectors?$/).waitFor();
      await page.getByLabel('Name contains').fill('ECHO');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: 'Echo service' }).waitFor();
      await page.getByText('1 connector matches').waitFor();
      // The search is in the URL: a reload keeps it.
      expect(new URL(page.url()).hash).toBe('#/connectors?q=ECHO');
      await page.reload();
      await page.getByRole('link', { name: 'Echo service' }).waitFor();
      expect(await page.getByLabel('Name contains').inputValue()).toBe('ECHO');
      await page.getByLabel('Name contains').fill('');
      await page.getByLabel('Type').selectOption('SLACK');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText('No connector matches this search.').waitFor();
      expect(new URL(page.url()).hash).toBe('#/connectors?type=SLACK');
      // Back returns to the previous search, form and all.
      await page.goBack();
      await page.getByRole('link', { name: 'Echo service' }).waitFor();
      expect(await page.getByLabel('Name contains').inputValue()).toBe('ECHO');
      expect(await page.getByLabel('Type').inputValue()).toBe('');
      await page.goForward();
      await page.getByText('No connector matches this search.').waitFor();

      // Narrow window: nothing scrolls sideways; the table becomes cards.
      await page.getByRole('button', { name: 'Clear' }).click();
      await page.getByRole('link', { name: 'Echo service' }).waitFor();
      await page.setViewportSize({ width: 375, height: 800 });
      expect(await fitsWidth(page)).toBe(true);
      expect(await page.locator('table.cards thead').evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(1);
      await shot(page, '05-connectors-narrow');
      await page.getByRole('link', { name: 'Echo service' }).click();
      await page.getByRole('heading', { name: 'Echo service', level: 1 }).waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, '06-connector-narrow');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You are signed out.').waitFor();
    } finally {
      await context.close();
    }
  });

  it('admin: edits an API-key connector without retyping the key; the stored key is kept and still opens the upstream', async () => {
    const KEY = 'e2e-api-key-5f2c9a7b31';
    // A real HTTPS service that answers 200 only to the right key, 401 otherwise.
    const keyed = await startHttpsServer({
      cert: ca.issue({ ips: ['127.0.0.1'] }),
      handler: (req, res) => {
        const ok = req.headers.authorization === `Bearer ${KEY}`;
        res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify({ authorized: ok }));
      },
    });
    const { context, page } = await newPage();
    try {
      await env.t.client().send(
        new qs.CreateActionConnectorCommand({
          AwsAccountId: ACCOUNT,
          ActionConnectorId: 'keyed-api',
          Name: 'Keyed API',
          Type: 'GENERIC_HTTP',
          AuthenticationConfig: {
            AuthenticationType: 'API_KEY',
            AuthenticationMetadata: { ApiKeyConnectionMetadata: { BaseEndpoint: keyed.url('/'), ApiKey: KEY } },
          },
        }),
      );
      await signIn(page, 'admin', ADMIN_PASSWORD, '#/connectors/keyed-api/edit');
      await page.getByRole('heading', { name: 'Edit Keyed API', level: 1 }).waitFor();
      // The stored key shows as set, is not in the page, and password managers are told to keep out.
      const key = page.getByLabel('API key', { exact: true });
      expect(await key.inputValue()).toBe('');
      expect(await key.getAttribute('autocomplete')).toBe('new-password');
      expect(await key.getAttribute('data-1p-ignore')).toBe('true');
      expect(await key.getAttribute('data-lpignore')).toBe('true');
      expect(await key.getAttribute('required')).toBeNull();
      await page.locator('.secret-set').getByText('Set', { exact: true }).waitFor();
      // Show/hide only for what is being typed now.
      expect(await page.getByRole('button', { name: /^Show/ }).count()).toBe(0);
      await key.fill('typed-now');
      await page.getByRole('button', { name: /^Show/ }).click();
      expect(await key.getAttribute('type')).toBe('text');
      await key.fill('');
      expect(await key.getAttribute('type')).toBe('password');
      expect(await page.getByRole('button', { name: /^Show|^Hide/ }).count()).toBe(0);
      expect(await page.content()).not.toContain(KEY);
      await look(page, '11-edit-keeps-secret');

      await page.getByLabel('Name', { exact: true }).fill('Keyed API renamed');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('heading', { name: 'Keyed API renamed', level: 1 }).waitFor();

      // The key still works: an action run through the console reaches the service with it.
      await page.getByRole('link', { name: 'Use' }).click();
      await page.getByRole('heading', { name: 'Run an action' }).waitFor();
      await page.getByLabel('Method', { exact: true }).selectOption('GET');
      await page.getByLabel('Path', { exact: true }).fill('whoami');
      await page.getByRole('button', { name: 'Run action' }).click();
      await page.getByRole('heading', { name: 'Result: Succeeded (HTTP 200)' }).waitFor();
      // The whole answer is folded under the summary: read from the page as it is.
      expect(await page.getByLabel('Output').textContent()).toContain('"authorized": true');

      // Changing the endpoint while leaving the key blank asks for the key again (at its field), and saves nothing.
      await page.goto(`${consoleUrl()}#/connectors/keyed-api/edit`);
      await page.getByRole('heading', { name: 'Edit Keyed API renamed', level: 1 }).waitFor();
      await page.getByLabel('Base endpoint').fill(upstream.url('/'));
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(() => key.getAttribute('aria-invalid')).toBe('true');
      const d = await env.t.client().send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'keyed-api' }));
      expect(d.ActionConnector?.AuthenticationConfig?.AuthenticationMetadata?.ApiKeyConnectionMetadata?.BaseEndpoint).toBe(keyed.url('/'));
    } finally {
      await context.close();
      await keyed.close();
    }
  });

  it('admin: guided create: finds a type by searching, takes the vendor presets from the server, copies the redirect URL, and sees the test on save inline', async () => {
    const { context, page } = await newPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: front.publicUrl });
    try {
      await signIn(page, 'admin', ADMIN_PASSWORD, '#/connectors/new');
      await page.getByRole('heading', { name: 'Create connector', level: 1 }).waitFor();
      // The picker filters as one types; vendor names match too.
      await page.getByLabel('Search types').fill('atlassian');
      await page.getByText('2 of 27 types match').waitFor();
      expect(await page.locator('.type-tile .type-name').allTextContents()).toEqual(['Confluence', 'Jira Cloud']);
      await page.getByLabel('Search types').fill('jira');
      await page.getByRole('radio', { name: 'Jira Cloud', exact: true }).check();
      expect(await page.locator('.type-tile.chosen .type-logo').textContent()).toBe('JC');
      await page.getByLabel('Name', { exact: true }).fill('Guided Jira');
      // The secrets note is on the form.
      await page.getByText('stored encrypted and are never shown again').waitFor();

      // OAuth (authorization code): the vendor's endpoints and the catalog's scopes in one click; the redirect URL to copy.
      await page.getByLabel('Method', { exact: true }).selectOption('OAUTH2_AUTHORIZATION_CODE');
      await page.getByRole('heading', { name: 'Presets for Atlassian Jira Cloud' }).waitFor();
      await page.getByRole('button', { name: 'Base endpoint https://api.atlassian.com/ex/jira/{cloudId} (OAuth 2.0 (3LO))' }).click();
      expect(await page.getByLabel('Base endpoint').inputValue()).toBe('https://api.atlassian.com/ex/jira/{cloudId}');
      await page.getByRole('button', { name: /^Atlassian Jira Cloud’s OAuth endpoints and \d+ scopes$/ }).click();
      expect(await page.getByLabel('Token endpoint').inputValue()).toBe('https://auth.atlassian.com/oauth/token');
      const authorization = new URL(await page.getByLabel('Authorization endpoint').inputValue());
      expect(authorization.origin + authorization.pathname).toBe('https://auth.atlassian.com/authorize');
      expect(authorization.searchParams.get('scope')!.split(' ')).toEqual(expect.arrayContaining(['read:jira-work', 'write:jira-work', 'offline_access']));
      const redirect = `${front.publicUrl}/oauth/callback`;
      expect(await page.getByLabel('Redirect URL').inputValue()).toBe(redirect);
      await page.getByRole('button', { name: 'Copy the redirect URL' }).click();
      await page.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(redirect);
      await look(page, '12-create-guided-oauth');

      // API token: the site form of the base endpoint; create with the test on save (the default).
      await page.getByLabel('Method', { exact: true }).selectOption('API_KEY');
      await page.getByRole('button', { name: 'Base endpoint https://{site}.atlassian.net (API token)' }).click();
      expect(await page.getByLabel('Base endpoint').inputValue()).toBe('https://{site}.atlassian.net');
      await page.getByLabel('Base endpoint').fill(upstream.url('/'));
      await page.getByLabel('API key', { exact: true }).fill('guided-jira-token-8c1e');
      await page.getByLabel('Email').fill('ops@example.com');
      expect(await page.getByLabel('Test the connection after creating it').isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Create connector' }).click();
      await page.getByRole('heading', { name: 'Connection test' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Connector created.' }).waitFor();
      const result = page.locator('.created-test .alert');
      await result.waitFor();
      // The inline result is the server's record of the test.
      const conn = (await connectorOps(env.t.endpoint, ACCOUNT, 'guided-jira').connection(ADMIN)).body as { LastTest?: { Success: boolean; Message: string } };
      expect(conn.LastTest).toBeDefined();
      expect(await result.textContent()).toContain(conn.LastTest!.Success ? 'Connection works.' : 'Connection failed.');
      expect(await result.textContent()).toContain(conn.LastTest!.Message!);
      expect(await page.content()).not.toContain('guided-jira-token-8c1e');
      await look(page, '13-create-tested');
      await page.getByRole('link', { name: 'Open the connector' }).click();
      await page.getByRole('heading', { name: 'Guided Jira', level: 1 }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('admin: the dashboard shows the latest runs across connectors, their success rate and median duration, and the connectors whose test failed', async () => {
    const create = (id: string, name: string, base: string) =>
      env.t.client().send(
        new qs.CreateActionConnectorCommand({
          AwsAccountId: ACCOUNT,
          ActionConnectorId: id,
          Name: name,
          Type: 'GENERIC_HTTP',
          AuthenticationConfig: { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: base } } },
        }),
      );
    await create('dash-ok', 'Dash OK', upstream.url('/'));
    await create('dash-down', 'Dash down', upstream.url('/status/503/'));
    const invoke = (path: string) =>
      callExtension(env.t.endpoint, ADMIN, 'POST', `/accounts/${ACCOUNT}/action-connectors/dash-ok/actions/HttpRequest/invoke`, {
        Input: { Method: 'GET', Path: path },
      });
    for (const p of ['echo', 'echo', 'status/500']) expect((await invoke(p)).status).toBe(200);
    await connectorOps(env.t.endpoint, ACCOUNT, 'dash-down').test(ADMIN);
    expect(((await connectorOps(env.t.endpoint, ACCOUNT, 'dash-down').connection(ADMIN)).body as { LastTest: { Success: boolean } }).LastTest.Success).toBe(
      false,
    );
    // What the page must add up: every connector's latest 20 runs (fewer than 20 connectors exist).
    const ids = (
      (await env.t.client().send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 100 }))).ActionConnectorSummaries ?? []
    ).map((c) => c.ActionConnectorId!);
    expect(ids.length).toBeLessThan(20);
    const runs: { InvokeActionStatus: string; DurationMs: number }[] = [];
    for (const id of ids) {
      const listed = await callExtension(env.t.endpoint, ADMIN, 'GET', `/accounts/${ACCOUNT}/action-connectors/${id}/invocations`);
      expect(listed.status).toBe(200);
      runs.push(...(listed.body.Invocations as typeof runs).slice(0, 20));
    }
    const sorted = runs.map((r) => r.DurationMs).sort((a, b) => a - b);
    const m = Math.floor(sorted.length / 2);
    const p50 = sorted.length % 2 ? sorted[m]! : Math.round((sorted[m - 1]! + sorted[m]!) / 2);
    const rate = Math.round((runs.filter((r) => r.InvokeActionStatus === 'SUCCESS').length / runs.length) * 100);
    expect(rate).toBeLessThan(100);

    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin', ADMIN_PASSWORD);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Recent runs' }).waitFor();
      expect(await page.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');
      const figure = (name: string) =>
        page
          .locator('dl.stats > div')
          .filter({ has: page.getByText(name, { exact: true }) })
          .locator('dd');
      expect(await figure('Runs').textContent()).toBe(String(runs.length));
      expect(await figure('Success rate').textContent()).toBe(`${rate}%`);
      expect(await figure('Median duration (p50)').textContent()).toBe(`${p50} ms`);
      const attention = page.locator('ul.attention li').filter({ has: page.getByRole('link', { name: 'Dash down' }) });
      expect(await attention.textContent()).toContain('The last connection test failed');
      expect(await page.locator('ul.attention').getByRole('link', { name: 'Dash OK' }).count()).toBe(0);
      // The latest runs, newest first, each linking to its connector's history; the failed one says why.
      const rows = page
        .getByRole('table')
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: 'Dash OK' }) });
      expect(await rows.count()).toBe(3);
      expect(await rows.first().textContent()).toContain('Failed');
      expect(await rows.first().getByRole('link', { name: 'Dash OK' }).getAttribute('href')).toBe('#/connectors/dash-ok/history');
      await look(page, '14-dashboard');
    } finally {
      await context.close();
    }
  });

  it('admin: sorts the list by name, type and last update (both ways); the order is in the URL', async () => {
    const create = (id: string, name: string) =>
      env.t.client().send(
        new qs.CreateActionConnectorCommand({
          AwsAccountId: ACCOUNT,
          ActionConnectorId: id,
          Name: name,
          Type: 'GENERIC_HTTP',
          AuthenticationConfig: { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: upstream.url('/') } } },
        }),
      );
    await create('sort-zulu', 'Zulu sort');
    await create('sort-mike', 'Mike sort');
    await create('sort-alpha', 'alpha sort');
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin', ADMIN_PASSWORD, '#/connectors?size=100');
      await page.getByRole('link', { name: 'Zulu sort' }).waitFor();
      const names = () => page.locator('table.cards tbody th[scope="row"] a').allTextContents();
      const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });
      const header = (name: string) => page.getByRole('columnheader', { name: new RegExp(`^${name}`) });

      await header('Name').getByRole('button').click();
      await expect.poll(() => new URL(page.url()).hash).toBe('#/connectors?size=100&sort=name');
      await expect.poll(() => header('Name').getAttribute('aria-sort')).toBe('ascending');
      // The header changes at once; the rows when the sorted list has been read (poll, not a race).
      const sortedBy = (xs: string[], cmp: (a: string, b: string) => number) => JSON.stringify(xs) === JSON.stringify([...xs].sort(cmp));
      await expect.poll(async () => sortedBy(await names(), byName)).toBe(true);
      const asc = await names();
      expect(asc.length).toBeGreaterThan(2);
      expect(asc).toEqual([...asc].sort(byName));
      expect(asc.indexOf('alpha sort')).toBeLessThan(asc.indexOf('Zulu sort'));
      await header('Name').getByRole('button').click();
      await expect.poll(() => header('Name').getAttribute('aria-sort')).toBe('descending');
      expect(new URL(page.url()).hash).toBe('#/connectors?size=100&sort=-name');
      await expect.poll(() => names()).toEqual([...asc].reverse());

      await header('Type').getByRole('button').click();
      await expect.poll(() => header('Type').getAttribute('aria-sort')).toBe('ascending');
      const types = () => page.locator('table.cards tbody td[data-label="Type"]').allTextContents();
      await expect.poll(async () => sortedBy(await types(), (a, b) => a.localeCompare(b))).toBe(true);

      // Newest first: a connector updated now comes to the top, and a reload keeps the order.
      await new Promise((r) => setTimeout(r, 1100));
      await env.t.client().send(
        new qs.UpdateActionConnectorCommand({
          AwsAccountId: ACCOUNT,
          ActionConnectorId: 'sort-alpha',
          Name: 'alpha sort renamed',
          AuthenticationConfig: { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: upstream.url('/') } } },
        }),
      );
      await header('Last updated').getByRole('button').click();
      await expect.poll(() => header('Last updated').getAttribute('aria-sort')).toBe('ascending');
      await header('Last updated').getByRole('button').click();
      await expect.poll(() => header('Last updated').getAttribute('aria-sort')).toBe('descending');
      await page.reload();
      await page.getByRole('link', { name: 'alpha sort renamed' }).waitFor();
      await expect.poll(async () => (await names())[0]).toBe('alpha sort renamed');
      await look(page, '15-connectors-sorted');
      // On a phone the headers are gone (cards): "Sort by" chooses the order instead.
      expect(await page.getByLabel('Sort by').isVisible()).toBe(false);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.getByLabel('Sort by').inputValue()).toBe('-updated');
      await page.getByLabel('Sort by').selectOption('name');
      await expect.poll(() => new URL(page.url()).hash).toBe('#/connectors?size=100&sort=name');
      await expect.poll(names).toEqual(asc.map((n) => (n === 'alpha sort' ? 'alpha sort renamed' : n)));
    } finally {
      await context.close();
    }
  });

  it('admin: a draft of the create form survives a session that ends mid-form (secrets are never stored), and can be discarded', async () => {
    const SECRET = 'draft-secret-key-93xq';
    // On a phone, where the type picker is one long column.
    const { context, page } = await newPage({ width: 390, height: 844 });
    try {
      await signIn(page, 'admin', ADMIN_PASSWORD, '#/connectors/new');
      await page.getByRole('heading', { name: 'Create connector', level: 1 }).waitFor();
      await page.getByLabel('Name', { exact: true }).fill('Draft survivor');
      await page.getByLabel('Description').fill('Typed before the session ended.');
      await page.getByRole('radio', { name: 'Zendesk', exact: true }).check();
      await page.getByLabel('Method', { exact: true }).selectOption('API_KEY');
      await page.getByLabel('Base endpoint').fill('https://drafts.example.com/api');
      await page.getByLabel('API key', { exact: true }).fill(SECRET);
      const stored = () => page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
      await expect.poll(stored).toContain('Draft survivor');
      expect(await stored()).not.toContain(SECRET);

      // The session ends elsewhere (signed out in another tab); saving now asks to sign in again.
      const other = await context.newPage();
      await other.goto(consoleUrl());
      await other.getByRole('button', { name: 'Sign out' }).click();
      await other.getByText('You are signed out.').waitFor();
      await other.close();
      await page.getByRole('button', { name: 'Create connector' }).click();
      await page.getByRole('heading', { name: 'Sign in to ActionBridge' }).waitFor();
      await page.getByLabel('Account ID').fill(ACCOUNT);
      await page.getByLabel('User name', { exact: true }).fill('admin');
      await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();

      // Back on the form with what was typed, except the secret.
      await page.getByRole('heading', { name: 'Create connector', level: 1 }).waitFor();
      await page.getByText('What you typed before signing in again is back.').waitFor();
      expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Draft survivor');
      expect(await page.getByLabel('Connector ID').inputValue()).toBe('draft-survivor');
      expect(await page.getByLabel('Description').inputValue()).toBe('Typed before the session ended.');
      expect(await page.getByRole('radio', { name: 'Zendesk', exact: true }).isChecked()).toBe(true);
      expect(await page.getByLabel('Method', { exact: true }).inputValue()).toBe('API_KEY');
      expect(await page.getByLabel('Base endpoint').inputValue()).toBe('https://drafts.example.com/api');
      expect(await page.getByLabel('API key', { exact: true }).inputValue()).toBe('');
      expect(await page.content()).not.toContain(SECRET);
      // The chosen type's tile (the last of the list) is scrolled into the picker's view.
      const inView = await page.locator('.type-tile.chosen').evaluate((el) => {
        const box = el.parentElement!.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return r.top >= box.top && r.bottom <= box.bottom;
      });
      expect(inView).toBe(true);
      await look(page, '16-create-draft-restored');

      await page.getByRole('button', { name: 'Discard the draft' }).click();
      expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('');
      await expect.poll(stored).not.toContain('Draft survivor');
    } finally {
      await context.close();
    }
  });

  it('reader: signs in, runs HttpRequest against the HTTPS service, sees the result and the audit entry', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(consoleUrl());
      // Problems show on their fields, in words, before anything is sent.
      await page.getByLabel('Account ID').fill('1234');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const account = page.getByLabel('Account ID');
      await expect.poll(() => account.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => focused(page)).toBe('Account ID');
      await page.getByText('Enter the 12-digit account ID (digits only).').waitFor();
      await page.getByText('Enter your user name: up to 128 letters, digits and + = , . @ _ -.').waitFor();
      expect(await page.getByText(/AccountId|UserName/).count()).toBe(0);
      await page.getByLabel('Account ID').fill(ACCOUNT);
      await page.getByLabel('User name', { exact: true }).fill('rhea');
      await page.getByLabel('Password', { exact: true }).fill('not-her-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'not correct' }).waitFor();
      await look(page, '00-sign-in-refused');
      await page.getByLabel('Password', { exact: true }).fill(READER_PASSWORD);
      // The list's first load fails (the network drops it): the page says so and offers to try again.
      const drop = (route: import('playwright-core').Route) => route.abort();
      await page.route('**/console/api/ListActionConnectors', drop);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Connectors', level: 1 }).waitFor();
      await page.getByText('The connectors could not be loaded.').waitFor();
      await page.unroute('**/console/api/ListActionConnectors', drop);
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('link', { name: 'Echo service' }).waitFor();
      expect(await page.getByText('The connectors could not be loaded.').count()).toBe(0);
      // A READER cannot create: no button.
      expect(await page.getByRole('link', { name: 'Create connector' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Echo service' }).click();
      await page.getByRole('heading', { name: 'Echo service', level: 1 }).waitFor();
      // She may see and run it, nothing more: no controls she cannot use, and a reason in words.
      await page.getByText('You can see and use this connector.').waitFor();
      for (const name of ['Edit', 'Permissions']) expect(await page.getByRole('link', { name, exact: true }).count()).toBe(0);
      for (const name of ['Delete…', 'Test connection']) expect(await page.getByRole('button', { name }).count()).toBe(0);
      // Nor is the edit form offered at its address.
      await page.goto(`${consoleUrl()}#/connectors/echo-service/edit`);
      await page.getByText('You cannot edit this connector').waitFor();
      expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
      await page.goto(`${consoleUrl()}#/connectors/echo-service`);
      await page.getByRole('heading', { name: 'Echo service', level: 1 }).waitFor();
      await look(page, '07-reader-overview');
      await page.getByRole('link', { name: 'Tags' }).click();
      await page.getByText('Only people who may edit this connector can change its tags.').waitFor();
      expect(await page.getByRole('button', { name: 'Save tag' }).count()).toBe(0);
      expect(await page.getByLabel('Key', { exact: true }).count()).toBe(0);
      await page.getByRole('link', { name: 'Use' }).click();
      await page.getByRole('heading', { name: 'Run an action' }).waitFor();
      expect(await page.getByLabel('Action', { exact: true }).inputValue()).toBe('HttpRequest');
      await page.getByLabel('Method', { exact: true }).selectOption('POST');
      await page.getByLabel('Path', { exact: true }).fill('echo');
      await page.getByLabel('Body', { exact: true }).fill('{"hello": "from the console"}');
      await page.getByRole('button', { name: 'Run action' }).click();
      await page.getByRole('heading', { name: 'Result: Succeeded (HTTP 200)' }).waitFor();
      const output = (await page.getByLabel('Output').textContent()) ?? '';
      expect(output).toContain('"path": "/echo"');
      expect(output).toContain('"method": "POST"');
      expect(output).toContain('from the console');
      // Success reads as a summary of the answer's key fields; the whole JSON is folded below it.
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property: the rendered summary is asserted
      const summary = await page.locator('section.result dl.details').innerText();
      expect(summary).toMatch(/Method\s+POST/);
      expect(summary).toMatch(/Path\s+\/echo/);
      expect(await page.getByLabel('Output').isVisible()).toBe(false);
      // The result (below the form) takes the focus, so it is announced and in view.
      await expect.poll(() => focused(page)).toBe('Result: Succeeded (HTTP 200)');
      await look(page, '07-action-result');

      // A failure is a sentence with what to do next; the service's answer is folded below it.
      await page.getByLabel('Path', { exact: true }).fill('status/404');
      await page.getByRole('button', { name: 'Run action' }).click();
      await page.getByRole('heading', { name: 'Result: Failed (HTTP 404)' }).waitFor();
      await page.getByText('The service found nothing there (HTTP 404).').waitFor();
      await page.getByText('Check the path and the IDs you entered.').waitFor();
      await expect.poll(() => focused(page)).toBe('Result: Failed (HTTP 404)');
      expect(await page.getByLabel('Output').isVisible()).toBe(false);
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, '07-action-failed-phone');
      await page.setViewportSize({ width: 1280, height: 800 });

      await page.getByRole('link', { name: 'History' }).click();
      const rows = page.locator('table.history tbody tr');
      await rows.first().waitFor();
      // Newest first: the failure says why in the row; the success before it.
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property: the rendered row is asserted
      expect(await rows.nth(0).innerText()).toMatch(/HttpRequest[\s\S]*rhea[\s\S]*Failed — The service found nothing there[\s\S]*404/);
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property: the rendered row is asserted
      expect(await rows.nth(1).innerText()).toMatch(/HttpRequest[\s\S]*rhea[\s\S]*Succeeded[\s\S]*200/);
      // A row opens to the whole record.
      await rows
        .nth(0)
        .getByRole('button', { name: /^Details/ })
        .click();
      const record = page.locator('tr.record');
      await record.getByText('Requests sent').waitFor();
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property: the rendered record is asserted
      expect(await record.innerText()).toMatch(/Who\s+arn:aws:quicksight:[^\n]*user\/default\/rhea[\s\S]*HTTP status\s+404[\s\S]*What to do\s+Check the path/);
      await look(page, '08-history');

      // Permissions are not hers to see: said in words (no ARNs), even at their address.
      await page.goto(`${consoleUrl()}#/connectors/echo-service/permissions`);
      await page.getByText('You cannot see who has access to this connector').waitFor();
      expect(
        await page
          .locator('main')
          .getByText(/arn:aws/)
          .count(),
      ).toBe(0);

      // Her dashboard: only the connector shared with her, and her two runs of it.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
      await page.getByRole('heading', { name: 'Recent runs' }).waitFor();
      await page.getByText('From the 1 connector you can see, up to 20 runs each.').waitFor();
      const figure = (name: string) =>
        page
          .locator('dl.stats > div')
          .filter({ has: page.getByText(name, { exact: true }) })
          .locator('dd');
      expect(await figure('Runs').textContent()).toBe('2');
      expect(await figure('Success rate').textContent()).toBe('50%');
      const runRows = page.locator('table.history tbody tr');
      expect(await runRows.count()).toBe(2);
      expect(await runRows.getByRole('link', { name: 'Echo service' }).count()).toBe(2);
      await look(page, '09-reader-dashboard');
    } finally {
      await context.close();
    }
  });

  it('authorization code: "Sign in" runs the OAuth flow at the provider (after the confirmation page) and the page then shows the user signed in; another user\'s link is refused', async () => {
    const mallory = await env.t.addUser('mallory', 'AUTHOR');
    await env.t.client().send(
      new qs.CreateActionConnectorCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'oauth-api',
        Name: 'OAuth API',
        Type: 'GENERIC_HTTP',
        AuthenticationConfig: {
          AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
          AuthenticationMetadata: {
            AuthorizationCodeGrantMetadata: {
              BaseEndpoint: upstream.url('/'),
              RedirectUrl: `${front.publicUrl}/oauth/callback`,
              AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
              AuthorizationCodeGrantCredentialsDetails: {
                AuthorizationCodeGrantDetails: {
                  ClientId: WEB.client_id,
                  ClientSecret: WEB.client_secret,
                  TokenEndpoint: oidc.tokenEndpoint,
                  AuthorizationEndpoint: `${oidc.authorizationEndpoint}?scope=api`,
                },
              },
            },
          },
        },
        Permissions: [`arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/rhea`, mallory.arn].map((Principal) => ({
          Principal,
          Actions: ['quicksight:DescribeActionConnector', 'quicksight:InvokeActionConnector', 'quicksight:ListActionConnectorActions'],
        })),
      }),
    );
    const { context, page } = await newPage({ width: 1024, height: 800 });
    const watch = (p: Page) => {
      p.on('console', (m) => {
        if (/Content Security Policy|Refused to (load|execute|apply|send)/i.test(m.text())) cspViolations.push(m.text());
      });
      p.on('pageerror', (e) => pageErrors.push(String(e)));
    };
    try {
      await page.goto(`${consoleUrl()}#/connectors/oauth-api`);
      await page.getByLabel('Account ID').fill(ACCOUNT);
      await page.getByLabel('User name', { exact: true }).fill('rhea');
      await page.getByLabel('Password', { exact: true }).fill(READER_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'OAuth API', level: 1 }).waitFor();
      await page.getByText('Needs sign-in').waitFor();
      const popupOpened = context.waitForEvent('page');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const popup = await popupOpened;
      watch(popup);
      await popup.waitForLoadState();
      // ActionBridge's confirmation page names whose sign-in this is; Continue goes to the provider.
      expect(popup.url()).toMatch(new RegExp(`^${front.publicUrl}/oauth/start\\?flow=`));
      await popup.getByText('This sign-in was started by the ActionBridge user rhea').waitFor();
      await popup.getByText('If you did not start this yourself, close this page.').waitFor();
      await shot(popup, '09-oauth-confirm');
      await popup.getByRole('button', { name: `Continue to ${new URL(oidc.issuer).origin}` }).click();
      await popup.waitForURL((u) => u.href.startsWith(oidc.issuer));
      await popup.locator('input[name="login"]').fill('rhea@example.com');
      await popup.locator('input[name="password"]').fill('any');
      await popup.locator('button[type="submit"]').click();
      await popup
        .locator('button[type="submit"]')
        .filter({ hasText: /continue/i })
        .click();
      await popup.waitForURL(/\/oauth\/callback\?/);
      await popup.getByText('You are signed in to OAuth API').waitFor();
      await popup.close();
      await page.bringToFront();
      await page.getByRole('button', { name: 'Refresh status' }).click();
      await page.getByText('Signed in', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Sign in again' }).count()).toBe(1);
      await look(page, '09-oauth-signed-in');
      expect(oidc.tokenRequests.authorization_code).toBe(1);

      // Mallory sends rhea HIS sign-in link; she follows it from another site (a mail page).
      const lure = (await connectorOps(env.t.endpoint, ACCOUNT, 'oauth-api').authorize(mallory)).body.AuthorizationUrl as string;
      const mail = await context.newPage();
      watch(mail);
      await mail.setContent(`<a href="${lure}">Please sign in</a>`);
      await mail.getByRole('link', { name: 'Please sign in' }).click();
      await mail.waitForURL(/\/oauth\/start\?flow=/);
      // The page says whose it is; had she pressed Continue while signed in to the console as herself: refused.
      await mail.getByText('This sign-in was started by the ActionBridge user mallory').waitFor();
      const refused = mail.waitForResponse((r) => r.request().method() === 'POST' && r.url().startsWith(`${front.publicUrl}/oauth/start`));
      await mail.getByRole('button', { name: /^Continue to / }).click();
      expect((await refused).status()).toBe(403);
      await mail.getByText('this sign-in link was started by another user').first().waitFor();
      await shot(mail, '10-oauth-other-user-refused');
      expect(oidc.tokenRequests.authorization_code).toBe(1);
      expect(await env.t.server.store.connections.getToken({ region: 'us-east-1', accountId: ACCOUNT, id: 'oauth-api' }, mallory.arn)).toBeUndefined();
    } finally {
      await context.close();
    }
  });

  it('no page broke the Content-Security-Policy or threw', () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('no page looked at has an axe-core violation or scrolls sideways on a phone', () => {
    expect(pageProblems).toEqual([]);
  });
});
