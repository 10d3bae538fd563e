// GET /oauth/callback: where an authorization server sends the user's browser
// back (the connectors' RedirectUrl). Unsigned: the one-time state is what
// authorizes it. Answers a small page that says what happened, with no token in
// it and nothing from the request reflected except escaped, known values.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { CALLBACK_PATH, type CallbackOutcome, type Connections } from '../connections/index.js';

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
      return { status: 400, title: 'Sign-in link not valid', text: `This sign-in link is unknown or was already used. ${again}` };
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
  app.get(CALLBACK_PATH, { exposeHeadRoute: false }, async (req, reply) => {
    named?.(req, 'OAuthCallback');
    const raw = req.raw.url ?? '';
    const q = raw.indexOf('?');
    let outcome: CallbackOutcome;
    try {
      outcome = await connections.completeAuthorization(new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)));
    } catch (e) {
      log.error({ requestId: req.id, err: { type: (e as Error)?.name, message: (e as Error)?.message } }, 'oauth callback failed');
      outcome = { ok: false, reason: 'exchange-failed' };
    }
    log.info({
      requestId: req.id, op: 'OAuthCallback', outcome: outcome.ok ? 'signed-in' : outcome.reason,
      ...(outcome.ok ? { connector: outcome.connectorId, caller: outcome.userArn } : outcome.error ? { error: outcome.error } : {}),
    }, 'oauth callback');
    const p = page(outcome);
    const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>ActionBridge: ${escapeHtml(p.title)}</title></head>`
      + `<body><h1>${escapeHtml(p.title)}</h1><p>${escapeHtml(p.text)}</p></body></html>\n`;
    reply.code(p.status).headers(HEADERS).send(html);
  });
}
