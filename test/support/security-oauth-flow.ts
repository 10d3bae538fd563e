// Helpers for the browser-bound OAuth flow (issue 13, finding 7): the URL that
// StartActionConnectorAuthorization answers is ActionBridge's /oauth/start, which
// sets the binding cookie and redirects to the authorization server.
import type { TestBrowser } from './browser.js';

/** Opens a sign-in URL in `browser` (the binding cookie is kept) and returns the authorization server's URL, not loaded. */
export async function openStart(browser: TestBrowser, startUrl: string): Promise<URL> {
  const page = await browser.open(startUrl, {}, (u) => !new URL(u).pathname.endsWith('/oauth/start'));
  if (page.hops.length < 2) throw new Error(`${startUrl} did not redirect: HTTP ${page.status} ${page.body.slice(0, 300)}`);
  return new URL(page.url);
}
