// Run by scripts/pack-smoke.sh from the directory the packed tarball was installed in:
// a GENERIC_HTTP connector to a local HTTPS upstream, created with the AWS SDK, and one
// InvokeAction through the installed package's `actionbridge/client`. Prints one line.
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { ActionBridgeClient } from 'actionbridge/client';
import { CreateActionConnectorCommand, QuickSightClient } from '@aws-sdk/client-quicksight';

const { ENDPOINT, ACCOUNT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, TLS_KEY, TLS_CERT } = process.env;
const credentials = { accessKeyId: AWS_ACCESS_KEY_ID, secretAccessKey: AWS_SECRET_ACCESS_KEY };

const seen = [];
const upstream = https.createServer({ key: readFileSync(TLS_KEY), cert: readFileSync(TLS_CERT) }, (req, res) => {
  seen.push({ method: req.method, url: req.url, auth: req.headers.authorization });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: true, path: req.url }));
});
await new Promise((r) => upstream.listen(0, '127.0.0.1', r));
const base = `https://127.0.0.1:${upstream.address().port}/api`;

try {
  const qs = new QuickSightClient({ region: 'us-east-1', endpoint: ENDPOINT, credentials, maxAttempts: 1 });
  await qs.send(
    new CreateActionConnectorCommand({
      AwsAccountId: ACCOUNT,
      ActionConnectorId: 'pack-smoke',
      Name: 'Pack smoke',
      Type: 'GENERIC_HTTP',
      AuthenticationConfig: {
        AuthenticationType: 'BASIC',
        AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: base, Username: 'svc', Password: 'pack-smoke-Pa55word' } },
      },
    }),
  );
  const client = new ActionBridgeClient({ endpoint: ENDPOINT, accountId: ACCOUNT, region: 'us-east-1', credentials });
  const r = await client.invokeAction({ ActionConnectorId: 'pack-smoke', ActionId: 'HttpRequest', Input: { Method: 'GET', Path: 'hello/1' } });
  const expected = `Basic ${Buffer.from('svc:pack-smoke-Pa55word').toString('base64')}`;
  if (r.InvokeActionStatus !== 'SUCCESS' || r.HttpStatusCode !== 200 || r.Output?.Body?.path !== '/api/hello/1') {
    throw new Error(`unexpected InvokeAction result: ${JSON.stringify(r)}`);
  }
  if (seen.length !== 1 || seen[0].auth !== expected)
    throw new Error(`the upstream saw ${JSON.stringify(seen.map((s) => s.url))} without the connector's credentials`);
  console.log(`InvokeAction through actionbridge/client: ${r.InvokeActionStatus}, upstream ${r.HttpStatusCode} ${r.Output.Body.path}`);
} finally {
  upstream.close();
}
