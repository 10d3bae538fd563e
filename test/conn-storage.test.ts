// Where the connections work keeps things: configuration (publicUrl, stsEndpoint),
// tokens and authorization states under master-key rotation, and their removal
// with the connector or the user they belong to.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../src/config.js';
import { redirectUrlProblem } from '../src/connections/index.js';
import { rotateSecrets } from '../src/crypto/rotate.js';
import { aad } from '../src/domain/aad.js';
import { destinationDigest } from '../src/domain/destination.js';
import { ACCOUNT, createInput, qs, startTestServer, tempDir, type TestServer } from './helpers.js';

let t: TestServer;
const key = { region: 'us-east-1', accountId: ACCOUNT, id: 'store-1' };
const userArn = `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/dora`;

beforeAll(async () => {
  t = await startTestServer();
  await t.addUser('dora', 'AUTHOR');
  await t.client().send(new qs.CreateActionConnectorCommand(createInput('store-1')));
});
afterAll(async () => {
  await t?.stop();
});

describe('configuration', () => {
  it('publicUrl and stsEndpoint come from the environment or the config file, as https URLs', () => {
    const dir = tempDir('ab-cfg-');
    const file = path.join(dir, 'ab.yaml');
    writeFileSync(file, 'publicUrl: https://bridge.example.com/\nstsEndpoint: https://sts.internal.example\n');
    expect(resolveConfig({ config: file }, {})).toMatchObject({ publicUrl: 'https://bridge.example.com', stsEndpoint: 'https://sts.internal.example' });
    expect(resolveConfig({ config: file }, { ACTIONBRIDGE_PUBLIC_URL: 'https://other.example.com/ab' }).publicUrl).toBe('https://other.example.com/ab');
    expect(resolveConfig({}, { ACTIONBRIDGE_STS_ENDPOINT: 'https://127.0.0.1:8443' }).stsEndpoint).toBe('https://127.0.0.1:8443');
    expect(resolveConfig({}, {}).publicUrl).toBeUndefined();
    expect(() => resolveConfig({}, { ACTIONBRIDGE_PUBLIC_URL: 'http://bridge.example.com' })).toThrow(ConfigError);
    expect(() => resolveConfig({}, { ACTIONBRIDGE_PUBLIC_URL: 'https://bridge.example.com/?x=1' })).toThrow(/publicUrl/);
    writeFileSync(file, 'stsEndpoint: ftp://sts\n');
    expect(() => resolveConfig({ config: file }, {})).toThrow(/stsEndpoint/);
  });

  it("a RedirectUrl must be this server's callback", () => {
    expect(redirectUrlProblem('https://bridge.example.com/oauth/callback', 'https://bridge.example.com')).toBeUndefined();
    expect(redirectUrlProblem('https://bridge.example.com/oauth/callback/', 'https://bridge.example.com')).toMatch(/exactly/);
    expect(redirectUrlProblem('https://bridge.example.com/ab/oauth/callback', undefined)).toBeUndefined();
    expect(redirectUrlProblem('https://bridge.example.com/elsewhere', undefined)).toMatch(/ending in \/oauth\/callback/);
    expect(redirectUrlProblem('https://bridge.example.com/oauth/callback?x=1', undefined)).toMatch(/ending in/);
    expect(redirectUrlProblem('https://Bridge.Example.com/oauth/callback', undefined)).toMatch(/normal form/);
  });
});

describe('tokens and authorization states at rest', () => {
  let digest = '';
  it('are re-sealed by key rotation and still open', async () => {
    const { store, keys } = t.server.services;
    const now = Date.now();
    digest = destinationDigest((await store.connectors.getConnector(key))!);
    await store.connections.putToken({
      ...key,
      principal: userArn,
      sealed: keys.seal('{"accessToken":"at-rotate-me"}', aad.connectorToken('us-east-1', ACCOUNT, 'store-1', userArn, digest)),
      fingerprint: 'f',
      expiresAt: null,
      refreshAt: null,
      updatedAt: now,
    });
    await store.connections.putAuthState(
      {
        ...key,
        stateHash: 'h1',
        userArn,
        verifierSealed: keys.seal('verifier-rotate-me', aad.authState('h1')),
        redirectUri: 'https://x/oauth/callback',
        fingerprint: 'f',
        createdAt: now,
        expiresAt: now + 600_000,
      },
      now,
    );
    const before = keys.activeKeyId;
    keys.rotateFile();
    const r = await rotateSecrets(store, keys, { newKey: false });
    expect(r.Remaining).toBe(0);
    const tok = (await store.connections.getToken(key, userArn))!;
    expect(keys.keyIdOfSealed(tok.sealed)).not.toBe(before);
    expect(keys.open(tok.sealed, aad.connectorToken('us-east-1', ACCOUNT, 'store-1', userArn, digest))).toContain('at-rotate-me');
    const st = (await store.connections.takeAuthState('h1'))!;
    expect(keys.open(st.verifierSealed, aad.authState('h1'))).toBe('verifier-rotate-me');
    // One-time: a second take gets nothing.
    expect(await store.connections.takeAuthState('h1')).toBeUndefined();
  });

  it('a token does not open in another row', async () => {
    const { store, keys } = t.server.services;
    const tok = (await store.connections.getToken(key, userArn))!;
    expect(() => keys.open(tok.sealed, aad.connectorToken('us-east-1', ACCOUNT, 'store-1', `${userArn}x`, digest))).toThrow();
  });

  it("expired states are dropped when new ones are stored; a user's tokens and states go with the user", async () => {
    const { store } = t.server.services;
    const now = Date.now();
    await store.connections.putAuthState(
      { ...key, stateHash: 'old', userArn, verifierSealed: 'x', redirectUri: 'r', fingerprint: 'f', createdAt: now - 700_000, expiresAt: now - 100_000 },
      now,
    );
    await store.connections.putAuthState(
      { ...key, stateHash: 'new', userArn, verifierSealed: 'x', redirectUri: 'r', fingerprint: 'f', createdAt: now, expiresAt: now + 600_000 },
      now + 1,
    );
    expect(await store.connections.takeAuthState('old')).toBeUndefined();
    await store.connections.putAuthState(
      { ...key, stateHash: 'mine', userArn, verifierSealed: 'x', redirectUri: 'r', fingerprint: 'f', createdAt: now, expiresAt: now + 600_000 },
      now,
    );
    expect(await store.connections.countUserTokens(key)).toBe(1);
    await store.identities.deleteUser(ACCOUNT, 'dora', userArn);
    expect(await store.connections.getToken(key, userArn)).toBeUndefined();
    expect(await store.connections.takeAuthState('mine')).toBeUndefined();
    expect(await store.connections.countUserTokens(key)).toBe(0);
  });

  it("a connector's test results go with the connector", async () => {
    const { store } = t.server.services;
    await store.connections.putTestResult({ ...key, testedAt: Date.now(), success: true, httpStatus: 200, message: 'ok', testedBy: userArn });
    expect((await store.connections.getTestResult(key))?.success).toBe(true);
    await t.client().send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'store-1' }));
    expect(await store.connections.getTestResult(key)).toBeUndefined();
  });
});
