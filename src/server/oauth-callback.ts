// GET /oauth/start: the sign-in URL StartActionConnectorAuthorization answers. It
// sets the browser's binding cookie and redirects to the authorization server.
// GET /oauth/callback: where an authorization server sends the user's browser
// back (the connectors' RedirectUrl). Unsigned: the one-time state and the binding
// cookie of the browser that opened /oauth/start are what authorize it. Both answer
// a small page when something is wrong, with no token in it and nothing from the
// request reflected except escaped, known values.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { CALLBACK_PATH, START_PATH, type CallbackOutcome, type Connections, type FlowCookie, type StartOutcome } from '../connections/index.js';

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  pragma: 'no-cache',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
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

function startPage(outcome: Extract<StartOutcome, { ok: false }>): { status: number; title: string; text: string } {
  const again = 'Start the sign-in again from ActionBridge (StartActionConnectorAuthorization).';
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
  const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>ActionBridge: ${escapeHtml(p.title)}</title></head>`
    + `<body><h1>${escapeHtml(p.title)}</h1><p>${escapeHtml(p.text)}</p></body></html>\n`;
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
  const again = 'Start the sign-in again from ActionBridge (StartActionConnectorAuthorization).';
  const name = outcome.connectorName ? ` to ${outcome.connectorName}` : '';
  switch (outcome.reason) {
    case 'unknown-state':
      return { status: 400, title: 'Sign-in link not valid', text: `This sign-in link is unknown or was already used, or it was opened in another browser than the one where the sign-in started. ${again}` };
    case 'not-bound':
      return {
        status: 400, title: 'Sign-in not started in this browser',
        text: `This sign-in link is unknown or was already used, or it was opened in another browser than the one where the sign-in started: ActionBridge's sign-in cookie is missing. ${again}`,
      };
    case 'wrong-issuer':
      return { status: 400, title: 'Sign-in refused', text: `The sign-in answer${name} does not come from the connector's authorization server (iss). Nothing was exchanged. ${again}` };
    case 'expired-state':
      return { status: 400, title: 'Sign-in link expired', text: `This sign-in link has expired. ${again}` };
    case 'connector-changed':
      return { status: 409, title: 'Connector changed', text: `The connector was changed or deleted after the sign-in started. ${again}` };
    case 'denied':
      return { status: 400, title: 'Sign-in refused', text: `The sign-in${name} was not completed: the service answered ${outcome.error ?? 'an error'}. ${again}` };
    case 'exchange-failed':
      return { status: 502, title: 'Sign-in failed', text: `The service did not accept the sign-in${name}${outcome.error ? ` (${outcome.error})` : ''}. ${again}` };
    case 'bad-request':
      return { status: 400, title: 'Sign-in failed', text: `The sign-in answer is incomplete or malformed. ${again}` };
  }
}

/** `named` lets the server's request log name the operation. */
export function registerOAuthCallback(app: FastifyInstance, connections: Connections, log: Logger, named?: (req: FastifyRequest, op: string) => void): void {
  // No HEAD twin: a prefetching client must not use up the one-time state.
  app.get(START_PATH, { exposeHeadRoute: false }, async (req, reply) => {
    named?.(req, 'OAuthStart');
    const raw = req.raw.url ?? '';
    const q = raw.indexOf('?');
    const flows = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)).getAll('flow');
    let outcome: StartOutcome;
    try {
      outcome = await connections.openAuthorization(flows.length === 1 ? flows[0] : undefined);
    } catch (e) {
      log.error({ requestId: req.id, err: { type: (e as Error)?.name, message: (e as Error)?.message } }, 'oauth start failed');
      return sendPage(reply, { status: 500, title: 'Sign-in failed', text: 'The sign-in could not be started. Start it again from ActionBridge (StartActionConnectorAuthorization).' });
    }
    log.info({ requestId: req.id, op: 'OAuthStart', outcome: outcome.ok ? 'redirected' : outcome.reason }, 'oauth start');
    if (!outcome.ok) return sendPage(reply, startPage(outcome));
    return reply.code(302).headers({ ...HEADERS, location: outcome.location, 'set-cookie': setCookie(outcome.cookie) }).send();
  });

  app.get(CALLBACK_PATH, { exposeHeadRoute: false }, async (req, reply) => {
    named?.(req, 'OAuthCallback');
    const raw = req.raw.url ?? '';
    const q = raw.indexOf('?');
    let outcome: CallbackOutcome;
    try {
      outcome = await connections.completeAuthorization(new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)), req.headers.cookie);
    } catch (e) {
      log.error({ requestId: req.id, err: { type: (e as Error)?.name, message: (e as Error)?.message } }, 'oauth callback failed');
      outcome = { ok: false, reason: 'exchange-failed' };
    }
    log.info({
      requestId: req.id, op: 'OAuthCallback', outcome: outcome.ok ? 'signed-in' : outcome.reason,
      ...(outcome.ok ? { connector: outcome.connectorId, caller: outcome.userArn } : outcome.error ? { error: outcome.error } : {}),
    }, 'oauth callback');
    return sendPage(reply, page(outcome), outcome.clearCookie);
  });
}
