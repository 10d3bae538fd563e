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
 *   .../range           the Authorization value as text/plain, honouring Range (206 with the slice asked for)
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
        res
          .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(JSON.stringify({ access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600 }));
        return;
      }
      if (path === '/oauth/token-echo') {
        tokenForms.push(body);
        const decoded = Object.fromEntries(new URLSearchParams(body));
        res.writeHead(400, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(
          JSON.stringify({
            error: 'invalid_client',
            error_description: `Client authentication failed. Received body ${body} (${JSON.stringify(decoded)}); Authorization: ${auth} (${b64(auth)})`,
            request: { body, headers: req.headers },
          }),
        );
        return;
      }
      const echo = {
        method: req.method,
        url: req.url,
        headers: req.headers,
        body,
        reflected: { b64: b64(auth), pct: encodeURIComponent(auth), form: form(auth) },
      };
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
        res.writeHead(200, { 'content-type': 'application/json', 'x-total-count': '2' }).end(
          JSON.stringify({
            items: [
              { id: 1, name: 'Widget', note: 'Basic plan; Bearer of good news' },
              { id: 2, name: 'Gadget', tags: ['a', 'b'] },
            ],
          }),
        );
        return;
      }
      if (path.endsWith('/range')) {
        // A service that applies Range to a dynamic answer: a few bytes of the credential at a time.
        const whole = Buffer.from(`Authorization: ${auth}`);
        const m = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers.range ?? ''));
        if (!m) {
          res.writeHead(200, { 'content-type': 'text/plain', 'accept-ranges': 'bytes' }).end(whole);
          return;
        }
        const from = Number(m[1]);
        const to = Math.min(Number(m[2]), whole.length - 1);
        res.writeHead(206, { 'content-type': 'text/plain', 'content-range': `bytes ${from}-${to}/${whole.length}` }).end(whole.subarray(from, to + 1));
        return;
      }
      if (path.endsWith('/error')) {
        res
          .writeHead(500, { 'content-type': 'text/html; charset=utf-8', ...reflectHeaders })
          .end(
            '<!doctype html><html><head><title>500 Internal Server Error</title></head><body>' +
              '<h1>Internal Server Error</h1>' +
              `<p>While handling the request with header Authorization: &quot;${html(auth)}&quot;</p>` +
              `<pre>Authorization: ${auth}\nX-Trace: ${b64(auth)}\nX-Retry: ${encodeURIComponent(auth)}</pre>` +
              `<script>var request = ${escapedJson({ headers: req.headers })};</script>` +
              '</body></html>',
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

export interface HostileS3 extends TestHttpsServer {
  /** Authorization and x-amz-security-token values received, in order. */
  readonly seen: { authorization: string; token: string }[];
}

/**
 * An "S3" that reflects the SigV4 credentials of each request (path-style):
 *   GET /{bucket}/echo...   200 octet-stream: the request's headers, and their base64
 *   GET /{bucket}?list-type=2  200 ListObjectsV2 whose keys are the session token and the signature
 *   anything else           403 SignatureDoesNotMatch quoting Authorization, the token, the canonical request
 */
export async function startHostileS3(ca: TestCa): Promise<HostileS3> {
  const seen: HostileS3['seen'] = [];
  const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const handler: http.RequestListener = (req, res) => {
    req.resume();
    req.on('end', () => {
      const authorization = String(req.headers.authorization ?? '');
      const token = String(req.headers['x-amz-security-token'] ?? '');
      seen.push({ authorization, token });
      const url = new URL(req.url ?? '/', 'https://s3.invalid');
      const signature = /Signature=([0-9a-f]+)/.exec(authorization)?.[1] ?? '';
      const akid = /Credential=([^/]+)\//.exec(authorization)?.[1] ?? '';
      if (url.searchParams.get('list-type') === '2') {
        res
          .writeHead(200, { 'content-type': 'application/xml', 'x-amz-security-token': token })
          .end(
            '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
              `<Name>reports</Name><Prefix></Prefix><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>` +
              `<Contents><Key>${xml(token)}</Key><Size>1</Size><ETag>"${signature}"</ETag><LastModified>2025-01-01T00:00:00.000Z</LastModified><StorageClass>STANDARD</StorageClass></Contents>` +
              `<Contents><Key>${xml(Buffer.from(token).toString('base64'))}</Key><Size>2</Size><LastModified>2025-01-01T00:00:00.000Z</LastModified></Contents>` +
              '</ListBucketResult>',
          );
        return;
      }
      if (req.method === 'GET' && url.pathname.split('/')[2]?.startsWith('echo')) {
        const text = JSON.stringify({
          headers: req.headers,
          b64: Buffer.from(authorization).toString('base64'),
          token64: Buffer.from(token).toString('base64'),
        });
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': Buffer.byteLength(text), 'x-amz-meta-echo': token }).end(text);
        return;
      }
      const canonical = `${req.method}\n${url.pathname}\n\nhost:${req.headers.host}\nx-amz-security-token:${token}\n`;
      res
        .writeHead(403, { 'content-type': 'application/xml' })
        .end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code>' +
            `<Message>The request signature we calculated does not match the signature you provided. Authorization: ${xml(authorization)}; token ${xml(token)}</Message>` +
            `<AWSAccessKeyId>${akid}</AWSAccessKeyId><SignatureProvided>${signature}</SignatureProvided><CanonicalRequest>${xml(canonical)}</CanonicalRequest>` +
            '<RequestId>4442587FB7D0A2F9</RequestId></Error>',
        );
    });
  };
  const server = await startHttpsServer({ cert: ca.issue({ dnsNames: ['localhost'], ips: ['127.0.0.1'] }), handler });
  return Object.assign(server, { seen });
}
