// Issue 13, finding 9: the `x-actionbridge-client` header names the program acting for
// the user in the audit record. The attack: anything between the caller and the server
// (a proxy, a browser extension, a script that re-sends a captured request) adds or
// changes the header outside the signature, and the audit record says what it wants.
// Now the header is recorded only when the SigV4 signature covers it; the client
// library signs it.
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/core/transport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, type Creds } from './helpers.js';
import { startActionUpstream, type ActionUpstream } from './support/action-upstream.js';
import { actionsApi, createConnector, noneAuth } from './support/actions.js';
import { startConnEnv, type ConnEnv } from './support/conn-env.js';
import { ActionBridgeClient } from '../src/client/index.js';

let env: ConnEnv;
let upstream: ActionUpstream;

beforeAll(async () => {
  env = await startConnEnv();
  upstream = await startActionUpstream(env.ca);
  await createConnector(env.t.client(), 'audit-client', { auth: noneAuth(upstream.url('/api')) });
});
afterAll(async () => {
  await env?.t.stop();
  await upstream?.close();
});

/** InvokeAction with an `x-actionbridge-client` header, inside the signature or added after signing. */
async function invokeWithClient(creds: Creds, client: string, signHeader: boolean): Promise<number> {
  const url = new URL(`/accounts/${ACCOUNT}/action-connectors/audit-client/actions/HttpRequest/invoke`, env.t.endpoint);
  const body = JSON.stringify({ Input: { Method: 'GET', Path: `who/${signHeader ? 'signed' : 'unsigned'}` } });
  const signer = new SignatureV4({
    credentials: creds,
    region: 'us-east-1',
    service: 'quicksight',
    sha256: Hash.bind(null, 'sha256') as never,
    uriEscapePath: true,
  });
  const headers: Record<string, string> = { host: url.host, 'content-type': 'application/json', ...(signHeader ? { 'x-actionbridge-client': client } : {}) };
  const signed = await signer.sign(
    new HttpRequest({ method: 'POST', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: url.pathname, headers, body }),
  );
  const sent: Record<string, string> = { ...signed.headers, 'x-actionbridge-client': client };
  if (signHeader) expect(String(sent.authorization)).toMatch(/SignedHeaders=[^,]*x-actionbridge-client/);
  else expect(String(sent.authorization)).not.toContain('x-actionbridge-client');
  const res = await fetch(url, { method: 'POST', headers: sent, body });
  await res.text();
  return res.status;
}

async function newestRecord(): Promise<Record<string, unknown>> {
  const r = await actionsApi(env.t.endpoint).invocations(ADMIN, 'audit-client', { MaxResults: 1 });
  expect(r.status, r.raw).toBe(200);
  return r.body.Invocations[0] as Record<string, unknown>;
}

describe('x-actionbridge-client in the audit record', () => {
  it('an unsigned header (added after signing) is not recorded', async () => {
    expect(await invokeWithClient(ADMIN, 'forged-by-a-proxy', false)).toBe(200);
    const rec = await newestRecord();
    expect(rec.ActionId).toBe('HttpRequest');
    expect(rec.Client).toBeUndefined();
    expect(JSON.stringify(rec)).not.toContain('forged-by-a-proxy');
  });

  it('a signed header is recorded', async () => {
    expect(await invokeWithClient(ADMIN, 'signed-tool/1.0', true)).toBe(200);
    expect((await newestRecord()).Client).toBe('signed-tool/1.0');
  });

  it('the client library signs the header it sends, so its name is recorded', async () => {
    const c = new ActionBridgeClient({
      endpoint: env.t.endpoint,
      region: 'us-east-1',
      accountId: ACCOUNT,
      credentials: ADMIN,
      headers: { 'x-actionbridge-client': 'library-default/2.0' },
    });
    await c.invokeAction({ ActionConnectorId: 'audit-client', ActionId: 'HttpRequest', Input: { Method: 'GET', Path: 'lib/1' } });
    expect((await newestRecord()).Client).toBe('library-default/2.0');
    await c.invokeAction(
      { ActionConnectorId: 'audit-client', ActionId: 'HttpRequest', Input: { Method: 'GET', Path: 'lib/2' } },
      { headers: { 'x-actionbridge-client': 'library-call/2.1' } },
    );
    expect((await newestRecord()).Client).toBe('library-call/2.1');
  });
});
