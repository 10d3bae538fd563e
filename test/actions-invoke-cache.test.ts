// Issue 15, aim 4: InvokeAction keeps what it computed for a connector (its opened
// secrets and credential material, its parsed BaseEndpoint, the address verdicts of its
// upstream). None of it may outlive the change that makes it stale: after an update
// through the API (the official SDK), the very next invocation sends the new API key to
// the new destination, and the old key is neither sent again nor left unscrubbed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, qs } from './helpers.js';
import { startActionUpstream, type ActionUpstream, type Received } from './support/action-upstream.js';
import { actionsApi, apiKeyAuth, createConnector, noneAuth } from './support/actions.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';

const KEY_1 = 'cache-api-key-one-3b2a1908f7';
const KEY_2 = 'cache-api-key-two-6e5d4c3b2a';

let env: ConnEnv;
let first: ActionUpstream;
let second: ActionUpstream;
let api: ReturnType<typeof actionsApi>;
let admin: qs.QuickSightClient;

const update = (id: string, auth: qs.AuthConfig) =>
  admin.send(new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, Name: id, AuthenticationConfig: auth }));
const invoke = async (id: string, path = 'items/1') => {
  const r = await api.invoke(ADMIN, id, 'HttpRequest', { Method: 'GET', Path: path });
  expect(r.status, r.raw).toBe(200);
  expect(r.body.InvokeActionStatus, r.raw).toBe('SUCCESS');
  return r;
};
const carries = (r: Received, text: string) => JSON.stringify(r.headers).includes(text) || r.url.includes(text);

beforeAll(async () => {
  env = await startConnEnv();
  first = await startActionUpstream(env.ca);
  second = await startActionUpstream(env.ca);
  api = actionsApi(env.t.endpoint);
  admin = env.t.client();
});
afterAll(async () => {
  await env?.t.stop();
  await Promise.all([first?.close(), second?.close()]);
});

describe('what InvokeAction keeps per connector is dropped by the update that changes it', () => {
  it('a new API key is sent from the next invocation on; the old one is never sent again, and the echo of either is scrubbed', async () => {
    first.reset();
    await createConnector(admin, 'cache-key', { auth: apiKeyAuth(first.url('/api'), KEY_1) });
    // Twice, so that the second is served from whatever the first kept.
    for (let i = 0; i < 2; i++) {
      const r = await invoke('cache-key');
      expect(JSON.stringify(r.body)).not.toContain(KEY_1);
    }
    expect(first.received).toHaveLength(2);
    expect(first.received.every((r) => carries(r, KEY_1))).toBe(true);

    await update('cache-key', apiKeyAuth(first.url('/api'), KEY_2));
    for (let i = 0; i < 2; i++) {
      const r = await invoke('cache-key');
      // The upstream echoes the request: the new key is in the answer, scrubbed as the new material.
      const out = JSON.stringify(r.body);
      expect(out).not.toContain(KEY_2);
      expect(out).not.toContain(KEY_1);
      expect(out).toContain('[redacted]');
    }
    const after = first.received.slice(2);
    expect(after).toHaveLength(2);
    for (const r of after) {
      expect(carries(r, KEY_2), JSON.stringify(r.headers)).toBe(true);
      expect(carries(r, KEY_1), JSON.stringify(r.headers)).toBe(false);
    }
  });

  it('a new BaseEndpoint (another origin, then the same origin under another path) is where the next invocation goes', async () => {
    first.reset();
    second.reset();
    await createConnector(admin, 'cache-base', { auth: noneAuth(first.url('/api/v1')) });
    await invoke('cache-base');
    await invoke('cache-base');
    expect(first.received.map((r) => r.url)).toEqual(['/api/v1/items/1', '/api/v1/items/1']);

    await update('cache-base', noneAuth(second.url('/other')));
    await invoke('cache-base');
    expect(second.received.map((r) => r.url)).toEqual(['/other/items/1']);
    expect(first.received).toHaveLength(2);

    await update('cache-base', noneAuth(first.url('/api/v2')));
    await invoke('cache-base');
    expect(first.received.map((r) => r.url)).toEqual(['/api/v1/items/1', '/api/v1/items/1', '/api/v2/items/1']);
    expect(second.received).toHaveLength(1);
  });

  it('an API key and BaseEndpoint changed together: the new key goes only to the new destination', async () => {
    first.reset();
    second.reset();
    await createConnector(admin, 'cache-both', { auth: apiKeyAuth(first.url('/api'), KEY_1) });
    await invoke('cache-both');
    await update('cache-both', apiKeyAuth(second.url('/api'), KEY_2));
    await invoke('cache-both');
    expect(first.received).toHaveLength(1);
    expect(carries(first.received[0]!, KEY_1)).toBe(true);
    expect(second.received).toHaveLength(1);
    expect(carries(second.received[0]!, KEY_2)).toBe(true);
    expect(carries(second.received[0]!, KEY_1)).toBe(false);
  });
});
