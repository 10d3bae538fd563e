// The service `npm run bench:actions` calls: a small HTTPS API in its own process
// (so it shares an event loop with neither ActionBridge nor the load generator).
//
//   GET  /api/items/{id}   200, a small JSON item
//   POST /oauth/token      an OAuth 2.0 client-credentials token (counted)
//   GET  /stats            {"tokenRequests": n, "itemRequests": n, "tlsConnections": n}
//                          (tlsConnections: handshakes completed, to show whether connections are reused)
//
// Usage: node bench/actions-upstream.mjs PORT CERT_PEM KEY_PEM
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

const [port, certFile, keyFile] = process.argv.slice(2);
let tokenRequests = 0;
let itemRequests = 0;
let tlsConnections = 0;
const json = (res, status, body) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
};

const server = https.createServer({ cert: readFileSync(certFile), key: readFileSync(keyFile), keepAlive: true }, (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url, 'https://upstream.invalid');
    if (req.method === 'GET' && url.pathname.startsWith('/api/items/')) {
      itemRequests++;
      return json(res, 200, { id: url.pathname.slice(11), name: 'widget', price: 9.99, tags: ['a', 'b'] });
    }
    if (req.method === 'POST' && url.pathname === '/oauth/token') {
      tokenRequests++;
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      if (form.get('grant_type') !== 'client_credentials') return json(res, 400, { error: 'unsupported_grant_type' });
      // A slow token endpoint, as real ones are: concurrent callers all wait on the one request.
      setTimeout(() => json(res, 200, { access_token: randomBytes(24).toString('base64url'), token_type: 'Bearer', expires_in: 3600 }), 50);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/stats') return json(res, 200, { tokenRequests, itemRequests, tlsConnections });
    json(res, 404, { error: 'not found' });
  });
});
server.on('secureConnection', () => {
  tlsConnections++;
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), '127.0.0.1', () => process.stderr.write(`bench upstream on https://127.0.0.1:${port}\n`));
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
});
