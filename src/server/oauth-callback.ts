// GET /oauth/start?flow=: the sign-in URL StartActionConnectorAuthorization answers.
// It answers a confirmation page (read only: a link preview does not use the flow up,
// and no cookie is set) that names the ActionBridge user the sign-in will be linked to,
// the connector and the authorization server: someone lured into opening another
// user's link sees whose it is (issue 13, finding 7). Its button POSTs the flow id.
// POST /oauth/start: only from that page (Sec-Fetch-Site / Origin; a cross-site form
// cannot confirm for the victim). Takes the flow, sets the browser's binding cookie and
// redirects (303) to the authorization server.
// Both refuse a flow another user started when this browser is signed in to the console.
// GET /oauth/callback: where an authorization server sends the user's browser
// back (the connectors' RedirectUrl). Unsigned: the one-time state and the binding
// cookie of the browser that confirmed /oauth/start are what authorize it. All answer
// a small page when something is wrong, with no token in it and nothing from the
// request reflected except escaped, known values.
import { errorMessage, errorName } from '../error-text.js';
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import {
  CALLBACK_PATH,
  START_PATH,
  type CallbackOutcome,
  type Connections,
  type DescribeOutcome,
  type FlowCookie,
  type FlowDescription,
  type StartOutcome,
} from '../connections/index.js';

/** The ActionBridge user signed in to the console in the browser whose Cookie header this is, if any. */
export type SignedInUser = (cookies: string | undefined) => Promise<{ accountId: string; userName: string; userArn: string } | undefined>;

// The pages' one stylesheet, inline and allowed by its hash (no 'unsafe-inline').
const STYLE =
  'body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#16191f;background:#f2f3f3;margin:0;padding:48px 16px}' +
  'main{max-width:640px;margin:0 auto;background:#fff;border:1px solid #d5dbdb;border-radius:8px;padding:24px 32px}' +
  'h1{font-size:22px;line-height:1.3;margin:0 0 16px}p{margin:0 0 12px}.arn,.muted{color:#5f6b7a;font-size:14px}' +
  '.warn{background:#fff7e0;border-left:4px solid #e07700;padding:8px 12px}' +
  'button{font:inherit;font-weight:600;color:#fff;background:#0972d3;border:0;border-radius:20px;padding:8px 20px;cursor:pointer;margin:8px 0 16px}' +
  'button:focus-visible{outline:3px solid #0972d3;outline-offset:2px}';
const STYLE_SRC = `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;
const HEAD = (title: string, referrer: string) =>
  '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
  `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="${referrer}">` +
  `<title>ActionBridge: ${title}</title><style>${STYLE}</style></head>`;

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  pragma: 'no-cache',
  'content-security-policy': `default-src 'none'; ${STYLE_SRC}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // The URL holds the authorization code: never send it on as a Referer.
  'referrer-policy': 'no-referrer',
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A Set-Cookie line for the flow's binding cookie (HttpOnly, SameSite=Lax: sent on the provider's top-level redirect back). */
function setCookie(c: FlowCookie): string {
  return `${c.name}=${c.value}; Path=${c.path}; Max-Age=${c.maxAgeSeconds}; HttpOnly; SameSite=Lax${c.secure ? '; Secure' : ''}`;
}

interface Page {
  status: number;
  title: string;
  text: string;
}

/**
 * A form POST sent by the confirmation page itself. Browsers send Sec-Fetch-Site (it must
 * be same-origin); the Origin header is then this server's origin (the page's Referrer-Policy
 * is same-origin), or `null` from a browser that applies no-referrer anyway. A browser without Sec-Fetch-Site must send this server's Origin.
 */
function fromConfirmationPage(req: FastifyRequest, serverOrigin: string): boolean {
  const one = (h: string | string[] | undefined) => (Array.isArray(h) ? undefined : h);
  const site = one(req.headers['sec-fetch-site']);
  const origin = one(req.headers.origin);
  if (site !== undefined) return site === 'same-origin' && (origin === undefined || origin === 'null' || origin === serverOrigin);
  return origin === serverOrigin;
}

/** The page's own CSP: its form posts here, and the 303 that follows goes to the authorization server (form-action covers redirects). */
function confirmationCsp(d: FlowDescription): string {
  return `default-src 'none'; ${STYLE_SRC}; frame-ancestors 'none'; base-uri 'none'; form-action 'self' ${d.authorizationOrigin}`;
}

/** The confirmation page: whose ActionBridge user the sign-in is linked to, and a button to go on. Static, every value escaped. */
function confirmationHtml(flow: string, d: FlowDescription): string {
  const e = escapeHtml;
  const until = new Date(d.expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    HEAD(`confirm the sign-in to ${e(d.connectorName)}`, 'same-origin') +
    '<body><main>\n' +
    `<h1>Sign in to ${e(d.connectorName)} for the ActionBridge user ${e(d.userName)}?</h1>\n` +
    `<p>This sign-in was started by the ActionBridge user <strong>${e(d.userName)}</strong> in account <strong>${e(d.accountId)}</strong> <span class="arn">(${e(d.userArn)})</span>.</p>\n` +
    `<p>If you continue, the account you sign in with at <strong>${e(d.authorizationOrigin)}</strong> will be linked to the ActionBridge user ` +
    `<strong>${e(d.userName)}</strong>: ActionBridge will act with it, through the action connector <strong>${e(d.connectorName)}</strong> (${e(d.connectorId)}), ` +
    `whenever ${e(d.userName)} asks.</p>\n` +
    '<p class="warn"><strong>If you did not start this yourself, close this page.</strong></p>\n' +
    `<form method="post" action="start"><input type="hidden" name="flow" value="${e(flow)}">` +
    `<button type="submit">Continue to ${e(d.authorizationOrigin)}</button></form>\n` +
    `<p class="muted">This link can be used once, until ${e(until)}.</p>\n</main></body></html>\n`
  );
}

/** What a person on a failed sign-in page can do next (no operation names: people read these). */
const SIGN_IN_AGAIN =
  "Start the sign-in again: open the connector in the ActionBridge console and choose Sign in on its Overview page (or run 'actionbridge actions authorize --connector <id>').";

function startPage(outcome: Extract<StartOutcome, { ok: false }>): Page {
  const again = SIGN_IN_AGAIN;
  switch (outcome.reason) {
    case 'unknown-flow':
      return { status: 400, title: 'Sign-in link not valid', text: `This sign-in link is unknown or was already used: each link opens once. ${again}` };
    case 'expired-state':
      return { status: 400, title: 'Sign-in link expired', text: `This sign-in link has expired. ${again}` };
    case 'connector-changed':
      return { status: 409, title: 'Connector changed', text: `The connector was changed or deleted after the sign-in started. ${again}` };
  }
}

function sendPage(reply: FastifyReply, p: { status: number; title: string; text: string }, cookie?: FlowCookie) {
  const html = `${HEAD(escapeHtml(p.title), 'no-referrer')}<body><main><h1>${escapeHtml(p.title)}</h1><p>${escapeHtml(p.text)}</p></main></body></html>\n`;
  reply.code(p.status).headers(HEADERS);
  if (cookie) reply.header('set-cookie', setCookie(cookie));
  return reply.send(html);
}

function page(outcome: CallbackOutcome): { status: number; title: string; text: string } {
  if (outcome.ok) {
    return {
      status: 200,
      title: 'Signed in',
      text: `You are signed in to ${outcome.connectorName} for ${outcome.userArn}. ActionBridge can now act through this connector on your behalf. You can close this window.`,
    };
  }
  const again = SIGN_IN_AGAIN;
  const name = outcome.connectorName ? ` to ${outcome.connectorName}` : '';
  switch (outcome.reason) {
    case 'unknown-state':
      return {
        status: 400,
        title: 'Sign-in link not valid',
        text: `This sign-in link is unknown or was already used, or it was opened in another browser than the one where the sign-in started. ${again}`,
      };
    case 'not-bound':
      return {
        status: 400,
        title: 'Sign-in not started in this browser',
        text: `This sign-in link is unknown or was already used, or it was opened in another browser than the one where the sign-in started: ActionBridge's sign-in cookie is missing. ${again}`,
      };
    case 'wrong-issuer':
      return {
        status: 400,
        title: 'Sign-in refused',
        text: `The sign-in answer${name} does not come from the connector's authorization server (iss). Nothing was exchanged. ${again}`,
      };
    case 'expired-state':
      return { status: 400, title: 'Sign-in link expired', text: `This sign-in link has expired. ${again}` };
    case 'connector-changed':
      return { status: 409, title: 'Connector changed', text: `The connector was changed or deleted after the sign-in started. ${again}` };
    case 'denied':
      return {
        status: 400,
        title: 'Sign-in refused',
        text: `The sign-in${name} was not completed: the service answered ${outcome.error ?? 'an error'}. ${again}`,
      };
    case 'exchange-failed':
      return {
        status: 502,
        title: 'Sign-in failed',
        text: `The service did not accept the sign-in${name}${outcome.error ? ` (${outcome.error})` : ''}. ${again}`,
      };
    case 'bad-request':
      return { status: 400, title: 'Sign-in failed', text: `The sign-in answer is incomplete or malformed. ${again}` };
  }
}

export interface OAuthEntranceOptions {
  connections: Connections;
  log: Logger;
  /** Lets the server's request log name the operation (Pipeline.name). */
  named?: (req: FastifyRequest, op: string) => void;
  /** Who is signed in to the console in this browser, if anyone. */
  signedIn?: SignedInUser;
}

/** The OAuth sign-in pages (/oauth/start, /oauth/callback) as a Fastify plugin: the fourth entrance, which runs no API operation. */
export const oauthEntrance: FastifyPluginAsync<OAuthEntranceOptions> = async (app, { connections, log, named, signedIn }) => {
  registerOAuthCallback(app, connections, log, named, signedIn);
};

function registerOAuthCallback(
  app: FastifyInstance,
  connections: Connections,
  log: Logger,
  named?: (req: FastifyRequest, op: string) => void,
  signedIn?: SignedInUser,
): void {
  const failed = (req: FastifyRequest, reply: FastifyReply, e: unknown) => {
    log.error({ requestId: req.id, err: { type: errorName(e), message: errorMessage(e) } }, 'oauth start failed');
    return sendPage(reply, {
      status: 500,
      title: 'Sign-in failed',
      text: `The sign-in could not be started. ${SIGN_IN_AGAIN}`,
    });
  };
  const logged = (req: FastifyRequest, outcome: string) => log.info({ requestId: req.id, op: 'OAuthStart', method: req.method, outcome }, 'oauth start');

  /** Why this browser may not go on with the flow (another user is signed in to its console), if so. */
  const otherUser = async (req: FastifyRequest, flow: FlowDescription): Promise<Page | undefined> => {
    const me = await signedIn?.(req.headers.cookie);
    if (!me || (me.accountId === flow.accountId && me.userName === flow.userName)) return undefined;
    return {
      status: 403,
      title: 'Sign-in refused: this sign-in link was started by another user',
      text:
        `This sign-in link was started by another user: the ActionBridge user ${flow.userName} (account ${flow.accountId}), ` +
        `while this browser is signed in to the ActionBridge console as ${me.userName} (account ${me.accountId}). ` +
        `Going on would link the account you sign in with at ${flow.authorizationOrigin} to ${flow.userName}, who could then act as you. ` +
        'Nothing was done. Close this page; to sign in yourself, start the sign-in from the console.',
    };
  };

  // No HEAD twin (nothing to prefetch).
  app.get(START_PATH, { exposeHeadRoute: false }, async (req, reply) => {
    named?.(req, 'OAuthStart');
    const raw = req.raw.url ?? '';
    const q = raw.indexOf('?');
    const flows = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)).getAll('flow');
    const flow = flows.length === 1 ? flows[0] : undefined;
    try {
      const d: DescribeOutcome = await connections.describeAuthorization(flow);
      if (!d.ok) {
        logged(req, d.reason);
        return sendPage(reply, startPage(d));
      }
      const refused = await otherUser(req, d.flow);
      if (refused) {
        logged(req, 'other-user');
        return sendPage(reply, refused);
      }
      logged(req, 'confirmation-page');
      // Referer only to this origin (the flow id never leaves it); browsers then send the real
      // Origin on the page's own POST, also those that do not send Sec-Fetch-Site.
      return reply
        .code(200)
        .headers({ ...HEADERS, 'content-security-policy': confirmationCsp(d.flow), 'referrer-policy': 'same-origin' })
        .send(confirmationHtml(flow!, d.flow));
    } catch (e) {
      return failed(req, reply, e);
    }
  });

  app.post(START_PATH, async (req, reply) => {
    named?.(req, 'OAuthStart');
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const form = new URLSearchParams(type === 'application/x-www-form-urlencoded' && Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
    const flows = form.getAll('flow');
    const flow = flows.length === 1 ? flows[0] : undefined;
    try {
      const d = await connections.describeAuthorization(flow);
      if (!d.ok) {
        logged(req, d.reason);
        return sendPage(reply, startPage(d));
      }
      if (!fromConfirmationPage(req, d.flow.serverOrigin)) {
        logged(req, 'cross-site');
        return sendPage(reply, {
          status: 400,
          title: 'Sign-in not confirmed',
          text:
            "This request to go on with a sign-in did not come from ActionBridge's confirmation page (another site sent it). " +
            'Nothing was done. If you started the sign-in yourself, open its link again and use the Continue button there.',
        });
      }
      const refused = await otherUser(req, d.flow);
      if (refused) {
        logged(req, 'other-user');
        return sendPage(reply, refused);
      }
      const outcome: StartOutcome = await connections.openAuthorization(flow);
      logged(req, outcome.ok ? 'redirected' : outcome.reason);
      if (!outcome.ok) return sendPage(reply, startPage(outcome));
      return reply
        .code(303)
        .headers({ ...HEADERS, location: outcome.location, 'set-cookie': setCookie(outcome.cookie) })
        .send();
    } catch (e) {
      return failed(req, reply, e);
    }
  });

  app.get(CALLBACK_PATH, { exposeHeadRoute: false }, async (req, reply) => {
    named?.(req, 'OAuthCallback');
    const raw = req.raw.url ?? '';
    const q = raw.indexOf('?');
    let outcome: CallbackOutcome;
    try {
      outcome = await connections.completeAuthorization(new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)), req.headers.cookie);
    } catch (e) {
      log.error({ requestId: req.id, err: { type: errorName(e), message: errorMessage(e) } }, 'oauth callback failed');
      outcome = { ok: false, reason: 'exchange-failed' };
    }
    log.info(
      {
        requestId: req.id,
        op: 'OAuthCallback',
        outcome: outcome.ok ? 'signed-in' : outcome.reason,
        ...(outcome.ok ? { connector: outcome.connectorId, caller: outcome.userArn } : outcome.error ? { error: outcome.error } : {}),
      },
      'oauth callback',
    );
    return sendPage(reply, page(outcome), outcome.clearCookie);
  });
}
