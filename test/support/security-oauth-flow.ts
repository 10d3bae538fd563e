// Helpers for the browser-bound OAuth flow (issue 13, finding 7): the URL that
// StartActionConnectorAuthorization answers is ActionBridge's /oauth/start, a
// confirmation page naming the user the sign-in is linked to; its button POSTs the
// flow, which sets the binding cookie and redirects to the authorization server.
import type { Page, TestBrowser } from './browser.js';

const isStart = (u: string) => new URL(u).pathname.endsWith('/oauth/start');

/** Loads a sign-in URL in `browser`: the confirmation page (nothing used up yet). */
export async function confirmationPage(browser: TestBrowser, startUrl: string): Promise<Page> {
  const page = await browser.open(startUrl);
  if (page.status !== 200 || page.hops.length !== 1 || !/<form method="post" action="start">/.test(page.body)) {
    throw new Error(`${startUrl} is not the confirmation page: HTTP ${page.status} ${page.body.slice(0, 300)}`);
  }
  return page;
}

/**
 * Opens a sign-in URL in `browser` and presses Continue on the confirmation page (a form
 * POST with the browser's Origin and Sec-Fetch-Site); the binding cookie is kept. Returns
 * the authorization server's URL, not loaded.
 */
export async function openStart(browser: TestBrowser, startUrl: string): Promise<URL> {
  const confirmed = await browser.submit(await confirmationPage(browser, startUrl), {}, (u) => !isStart(u));
  if (confirmed.hops.length < 2 || isStart(confirmed.url)) {
    throw new Error(`${startUrl}: Continue did not redirect: HTTP ${confirmed.status} ${confirmed.body.slice(0, 300)}`);
  }
  return new URL(confirmed.url);
}
