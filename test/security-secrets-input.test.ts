// Issue 13, requirement 8: an empty (or whitespace-only) credential member is refused
// at CreateActionConnector and at UpdateActionConnector, with InvalidParameterValueException
// naming the member, and nothing is stored: an Update that tries to empty a stored
// secret leaves the connector as it was (Describe before and after equal) and the old
// secret is still what the upstream receives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, expectError, qs } from './helpers.js';
import { startActionUpstream, type ActionUpstream } from './support/action-upstream.js';
import { actionsApi, apiKeyAuth, basicAuth, clientCredentialsAuth, createConnector } from './support/actions.js';
import { startConnEnv, type ConnEnv } from './support/conn-env.js';

const MD = 'authenticationConfig.authenticationMetadata';
const API_KEY = 'secrets-input-api-key-3f9d1c';
const PASSWORD = 'secrets-input-password-8b2e7a';

let env: ConnEnv;
let upstream: ActionUpstream;
let admin: qs.QuickSightClient;

const authCodeAuth = (base: string, clientId: string, secret: string): qs.AuthConfig => ({
  AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
  AuthenticationMetadata: {
    AuthorizationCodeGrantMetadata: {
      BaseEndpoint: base,
      RedirectUrl: 'https://bridge.example.com/oauth/callback',
      AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
      AuthorizationCodeGrantCredentialsDetails: {
        AuthorizationCodeGrantDetails: {
          ClientId: clientId,
          ClientSecret: secret,
          TokenEndpoint: 'https://ac.example.com/oauth/token',
          AuthorizationEndpoint: 'https://ac.example.com/oauth/authorize',
        },
      },
    },
  },
});

/** For each auth type: a good config, and configs with one credential member emptied, with the member's path. */
interface Case {
  type: string;
  good: () => qs.AuthConfig;
  bad: { member: string; path: string; auth: (v: string) => qs.AuthConfig }[];
}
const CASES: Case[] = [
  {
    type: 'API_KEY',
    good: () => apiKeyAuth(upstream.url('/api'), API_KEY),
    bad: [{ member: 'ApiKey', path: `${MD}.apiKeyConnectionMetadata.apiKey`, auth: (v) => apiKeyAuth(upstream.url('/api'), v) }],
  },
  {
    type: 'BASIC',
    good: () => basicAuth(upstream.url('/api'), 'svc-user', PASSWORD),
    bad: [
      { member: 'Password', path: `${MD}.basicAuthConnectionMetadata.password`, auth: (v) => basicAuth(upstream.url('/api'), 'svc-user', v) },
      { member: 'Username', path: `${MD}.basicAuthConnectionMetadata.username`, auth: (v) => basicAuth(upstream.url('/api'), v, PASSWORD) },
    ],
  },
  {
    type: 'OAUTH2_CLIENT_CREDENTIALS',
    good: () => clientCredentialsAuth('https://cc.example.com/api', 'https://cc.example.com/oauth/token', 'cc-client', 'cc-secret-5a6b7c'),
    bad: [
      {
        member: 'ClientSecret',
        path: `${MD}.clientCredentialsGrantMetadata.clientCredentialsDetails.clientCredentialsGrantDetails.clientSecret`,
        auth: (v) => clientCredentialsAuth('https://cc.example.com/api', 'https://cc.example.com/oauth/token', 'cc-client', v),
      },
      {
        member: 'ClientId',
        path: `${MD}.clientCredentialsGrantMetadata.clientCredentialsDetails.clientCredentialsGrantDetails.clientId`,
        auth: (v) => clientCredentialsAuth('https://cc.example.com/api', 'https://cc.example.com/oauth/token', v, 'cc-secret-5a6b7c'),
      },
    ],
  },
  {
    type: 'OAUTH2_AUTHORIZATION_CODE',
    good: () => authCodeAuth('https://ac.example.com/api', 'ac-client', 'ac-secret-9d8e7f'),
    bad: [
      {
        member: 'ClientSecret',
        path: `${MD}.authorizationCodeGrantMetadata.authorizationCodeGrantCredentialsDetails.authorizationCodeGrantDetails.clientSecret`,
        auth: (v) => authCodeAuth('https://ac.example.com/api', 'ac-client', v),
      },
      {
        member: 'ClientId',
        path: `${MD}.authorizationCodeGrantMetadata.authorizationCodeGrantCredentialsDetails.authorizationCodeGrantDetails.clientId`,
        auth: (v) => authCodeAuth('https://ac.example.com/api', v, 'ac-secret-9d8e7f'),
      },
    ],
  },
];

/** The empty values: nothing, spaces, a tab and a newline, a no-break space. */
const EMPTIES = ['', '   ', '\t\n', '\u00a0'];

const describeConnector = async (id: string) =>
  (await admin.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }))).ActionConnector;

beforeAll(async () => {
  env = await startConnEnv();
  upstream = await startActionUpstream(env.ca);
  admin = env.t.client();
});
afterAll(async () => {
  await env?.t.stop();
  await upstream?.close();
});

describe('empty credential members', () => {
  for (const c of CASES) {
    for (const b of c.bad) {
      it(`${c.type}: an empty ${b.member} is refused at Create, naming the member; nothing is created`, async () => {
        for (const [i, v] of EMPTIES.entries()) {
          const id = `empty-${c.type.toLowerCase().replace(/_/g, '-')}-${b.member.toLowerCase()}-${i}`;
          const e = await expectError(createConnector(admin, id, { auth: b.auth(v) }), 'InvalidParameterValueException', 400);
          expect(e.message).toContain(`Value at '${b.path}' failed to satisfy constraint: Member must not be empty`);
          await expectError(describeConnector(id), 'ResourceNotFoundException', 404);
        }
      });

      it(`${c.type}: an Update that empties ${b.member} is refused and changes nothing`, async () => {
        const id = `keep-${c.type.toLowerCase().replace(/_/g, '-')}-${b.member.toLowerCase()}`;
        await createConnector(admin, id, { auth: c.good() });
        const before = await describeConnector(id);
        for (const v of EMPTIES) {
          const e = await expectError(
            admin.send(
              new qs.UpdateActionConnectorCommand({
                AwsAccountId: ACCOUNT,
                ActionConnectorId: id,
                Name: 'renamed',
                AuthenticationConfig: b.auth(v),
              }),
            ),
            'InvalidParameterValueException',
            400,
          );
          expect(e.message).toContain(`Value at '${b.path}' failed to satisfy constraint: Member must not be empty`);
        }
        expect(await describeConnector(id)).toEqual(before);
      });
    }
  }

  it('after refused Updates, invocations still carry the stored API key and Basic password to the upstream', async () => {
    const api = actionsApi(env.t.endpoint);
    const creds = ADMIN;
    upstream.reset();
    const k = await api.invoke(creds, 'keep-api-key-apikey', 'HttpRequest', { Method: 'GET', Path: 'after-refused-update' });
    expect(k.status, k.raw).toBe(200);
    const p = await api.invoke(creds, 'keep-basic-password', 'HttpRequest', { Method: 'GET', Path: 'after-refused-update' });
    expect(p.status, p.raw).toBe(200);
    const sent = upstream.received.map((r) => JSON.stringify(r.headers));
    expect(sent.some((h) => h.includes(API_KEY))).toBe(true);
    expect(upstream.received.map((r) => r.headers.authorization)).toContain(`Basic ${Buffer.from(`svc-user:${PASSWORD}`).toString('base64')}`);
  });

  it('a secret with surrounding spaces but content is still accepted as given', async () => {
    await createConnector(admin, 'spaced-key', { auth: apiKeyAuth(upstream.url('/api'), '  key-with-spaces  ') });
    expect((await describeConnector('spaced-key'))?.Name).toBe('spaced-key');
  });
});
