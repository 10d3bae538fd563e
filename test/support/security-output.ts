// The attacker's upstream for the credential-confinement tests (issue 13, findings 1
// and 2): a real HTTPS server (test CA) that reflects the credentials it receives in
// every way a careless or hostile service might — an echo of the request's headers
// and body, the Authorization value copied into response headers and cookies, an HTML
// error page quoting it, its base64, percent- and form-encoded spellings, JSON with
// escaped slashes, a gzip-compressed echo — and a token endpoint whose error answers
// echo the client's credentials (its form body, its Authorization header).
import { gzipSync } from 'node:zlib';
import type http from 'node:http';
import { startHttpsServer, type TestHttpsServer } from './https-server.js';
import type { TestCa } from './tls.js';

export const ACCESS_TOKEN = 'at-Access/Token+0a1b2c3d4e5f6a7b';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const form = (s: string) => new URLSearchParams([['', s]]).toString().slice(1);
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** JSON as some frameworks write it: `/` as `\/`, `+` and `=` as \u escapes (System.Text.Json). */
const escapedJson = (v: unknown) => JSON.stringify(v).replace(/\//g, '\\/').replace(/\+/g, '\\u002B').replace(/=/g, '\\u003d');

/** Every spelling of a value that must appear nowhere an attacker can read. */
export function spellingsOf(values: string[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    out.add(v);
    out.add(encodeURIComponent(v));
    out.add(form(v));
    out.add(b64(v));
    out.add(b64(v).replace(/=+$/, ''));
    out.add(Buffer.from(v).toString('base64url'));
    out.add(JSON.stringify(v).slice(1, -1).replace(/\//g, '\\/'));
    out.add(html(v));
  }
  return [...out].filter((s) => s.length >= 4);
}

/** The spellings of `secrets` found in `text` (empty when none). */
export function found(text: string, secrets: string[]): string[] {
  return spellingsOf(secrets).filter((s) => text.includes(s));
}

export interface Reflector extends TestHttpsServer {
  /** Authorization values received, in order. */
  readonly seen: string[];
  /** Form bodies the token endpoint received. */
  readonly tokenForms: string[];
}

/**
 * Routes (under any prefix):
 *   .../echo            200 JSON echo of the request; the Authorization value in response headers and a cookie
 *   .../escaped         200 the echo as JSON with `\/` and \u escapes
 *   .../error           500 an HTML page quoting the Authorization value (raw, HTML-escaped, base64, percent-encoded)
 *   .../gzip            200 the echo gzip-compressed (Content-Encoding: gzip although identity was asked for)
 *   .../plain           200 ordinary JSON, nothing reflected
 *   /oauth/token        client credentials: the access token ACCESS_TOKEN
 *   /oauth/token-echo   400 invalid_client, error_description quoting the form body and the Authorization header
 */
export async function startReflector(ca: TestCa): Promise<Reflector> {
  const seen: string[] = [];
  const tokenForms: string[] = [];
  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const auth = String(req.headers.authorization ?? req.headers['x-api-key'] ?? '');
      const path = (req.url ?? '/').split('?')[0]!;
      seen.push(auth);
      if (path === '/oauth/token') {
        tokenForms.push(body);
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(JSON.stringify({ access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600 }));
        return;
      }
      if (path === '/oauth/token-echo') {
        tokenForms.push(body);
        const decoded = Object.fromEntries(new URLSearchParams(body));
        res.writeHead(400, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({
          error: 'invalid_client',
          error_description: `Client authentication failed. Received body ${body} (${JSON.stringify(decoded)}); Authorization: ${auth} (${b64(auth)})`,
          request: { body, headers: req.headers },
        }));
        return;
      }
      const echo = { method: req.method, url: req.url, headers: req.headers, body, reflected: { b64: b64(auth), pct: encodeURIComponent(auth), form: form(auth) } };
      const reflectHeaders = {
        authorization: auth,
        'x-api-key': auth,
        'x-echo-authorization': auth,
        'x-echo-b64': b64(auth),
        'x-echo-pct': encodeURIComponent(auth),
        'www-authenticate': `Basic realm="echo", error_description="${auth}"`,
        'set-cookie': `sid=${b64(auth)}; Path=/; Secure`,
        link: `<https://echo.example/retry?auth=${encodeURIComponent(auth)}>; rel="retry"`,
      };
      if (path.endsWith('/plain')) {
        res.writeHead(200, { 'content-type': 'application/json', 'x-total-count': '2' }).end(JSON.stringify({
          items: [{ id: 1, name: 'Widget', note: 'Basic plan; Bearer of good news' }, { id: 2, name: 'Gadget', tags: ['a', 'b'] }],
        }));
        return;
      }
      if (path.endsWith('/error')) {
        res.writeHead(500, { 'content-type': 'text/html; charset=utf-8', ...reflectHeaders }).end(
          '<!doctype html><html><head><title>500 Internal Server Error</title></head><body>'
          + '<h1>Internal Server Error</h1>'
          + `<p>While handling the request with header Authorization: &quot;${html(auth)}&quot;</p>`
          + `<pre>Authorization: ${auth}\nX-Trace: ${b64(auth)}\nX-Retry: ${encodeURIComponent(auth)}</pre>`
          + `<script>var request = ${escapedJson({ headers: req.headers })};</script>`
          + '</body></html>',
        );
        return;
      }
      if (path.endsWith('/escaped')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(escapedJson(echo));
        return;
      }
      if (path.endsWith('/gzip')) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(JSON.stringify(echo)));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', ...reflectHeaders }).end(JSON.stringify(echo));
    });
  };
  const server = await startHttpsServer({ cert: ca.issue({ dnsNames: ['localhost'], ips: ['127.0.0.1'] }), handler });
  return Object.assign(server, { seen, tokenForms });
}
