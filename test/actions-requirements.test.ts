// Per-action requirements through the real server (issue 16, item 5): ListActionConnectorActions
// returns each action's Requirements (grant, scopes, rate limit), Examples and Reference (the
// client library and the raw API); InvokeAction refuses an action the connector's grant cannot
// perform (Teams messages on a client-credentials connector), naming what is missing, before any
// token is requested or anything is sent; the same connector still runs the actions its grant
// allows, and a delegated connector is not refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionBridgeClient, InvalidParameterValueException } from '../src/client/index.js';
import { ACCOUNT, ADMIN } from './helpers.js';
import { catalogFor, describeActions } from '../src/catalog/index.js';
import { startActionUpstream, type ActionUpstream } from './support/action-upstream.js';
import { actionsApi, clientCredentialsAuth, createConnector } from './support/actions.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';
import { failure } from './support/client-failure.js';

let env: ConnEnv;
let upstream: ActionUpstream;
let api: ReturnType<typeof actionsApi>;
let client: ActionBridgeClient;

const CHAT = '19:8b081ef6-4792-4def-b2c9-c363a1bf41d5_5031bb31-22c0-4f6f-9f73-91d34ab2b32d@unq.gbl.spaces';
const TEAM = '172b0cce-e65d-44ce-9a49-91d9f2e8493a';
const CHANNEL = '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2';

beforeAll(async () => {
  env = await startConnEnv();
  upstream = await startActionUpstream(env.ca);
  upstream.respond((req) =>
    req.url === '/token'
      ? { json: { access_token: 'app-only-token-7f3e', token_type: 'Bearer', expires_in: 3600 } }
      : { json: { value: [{ id: TEAM, displayName: 'Ops', description: 'Operations' }] } },
  );
  api = actionsApi(env.t.endpoint);
  client = new ActionBridgeClient({ endpoint: env.t.endpoint, region: 'us-east-1', accountId: ACCOUNT, credentials: ADMIN });
  await createConnector(env.t.client(), 'teams-app', {
    type: 'MICROSOFT_TEAMS',
    auth: clientCredentialsAuth(upstream.url('/v1.0'), upstream.url('/token'), 'teams-app-client', 'teams-app-secret-5e4d'),
  });
  await createConnector(env.t.client(), 'teams-user', {
    type: 'MICROSOFT_TEAMS',
    auth: {
      AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
      AuthenticationMetadata: {
        AuthorizationCodeGrantMetadata: {
          BaseEndpoint: upstream.url('/v1.0'),
          RedirectUrl: 'https://bridge.example.com/oauth/callback',
          AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
          AuthorizationCodeGrantCredentialsDetails: {
            AuthorizationCodeGrantDetails: {
              ClientId: 'teams-user-client',
              ClientSecret: 'teams-user-secret-9a8b',
              TokenEndpoint: upstream.url('/token'),
              AuthorizationEndpoint: upstream.url('/authorize'),
            },
          },
        },
      },
    },
  });
});
afterAll(async () => {
  await env?.t.stop();
  await upstream?.close();
});

describe('ListActionConnectorActions', () => {
  it("returns each action's Requirements, Examples and Reference (client library and raw API)", async () => {
    const l = await client.listActionConnectorActions({ ActionConnectorId: 'teams-app' });
    const chat = l.Actions.find((a) => a.ActionId === 'SendChatMessage')!;
    expect(chat.Requirements).toEqual({ Grant: 'DELEGATED', Scopes: ['ChatMessage.Send', 'Chat.ReadWrite'] });
    expect(chat.Reference).toBe('https://learn.microsoft.com/en-us/graph/api/chat-post-messages?view=graph-rest-1.0');
    expect(chat.Examples).toEqual([{ Title: 'Message a colleague', Input: { ChatId: CHAT, Body: 'Can you review PR 1234 today?' } }]);
    expect(l.Actions.find((a) => a.ActionId === 'SendChannelMessage')!.Requirements).toEqual({ Grant: 'DELEGATED', Scopes: ['ChannelMessage.Send'] });
    const raw = await api.listActions(ADMIN, 'teams-app');
    expect(raw.status).toBe(200);
    const rawChat = raw.body.Actions.find((a: { ActionId: string }) => a.ActionId === 'SendChatMessage');
    expect(rawChat.Requirements).toEqual({ Grant: 'DELEGATED', Scopes: ['ChatMessage.Send', 'Chat.ReadWrite'] });
    // Every action's members are its catalog entry's; one without requirements has no member for them.
    for (const a of raw.body.Actions as { ActionId: string; Requirements?: unknown; Reference?: unknown }[]) {
      const entry = catalogFor('MICROSOFT_TEAMS')!.actions.find((x) => x.ActionId === a.ActionId)!;
      expect(a.Requirements === undefined, a.ActionId).toBe(entry.requires === undefined);
      expect(a.Reference, a.ActionId).toBe(entry.reference);
    }
    const bare = describeActions('GENERIC_HTTP', []).find((a) => a.ActionId === 'HttpRequest')!;
    expect(bare.Requirements).toBeUndefined();
  });
});

describe('InvokeAction refuses an action the connector grant cannot perform', () => {
  it('SendChatMessage and SendChannelMessage on a client-credentials connector: InvalidParameterValueException naming the grant, nothing sent', async () => {
    upstream.received.length = 0;
    const e = await failure(client.invokeAction({ ActionConnectorId: 'teams-app', ActionId: 'SendChatMessage', Input: { ChatId: CHAT, Body: 'hi' } }));
    expect(e).toBeInstanceOf(InvalidParameterValueException);
    expect(e.httpStatus).toBe(400);
    expect(e.message).toMatch(
      /^Action SendChatMessage needs a delegated \(signed-in user\) grant: this connector uses OAUTH2_CLIENT_CREDENTIALS, an app-only token \(client credentials\), and Microsoft Graph v1\.0 \(Teams\) performs this operation only for a signed-in user\. Use a connector with AuthenticationType OAUTH2_AUTHORIZATION_CODE, its app granted the delegated permission with ChatMessage\.Send or Chat\.ReadWrite\. Nothing was sent\.$/,
    );
    const raw = await api.invoke(ADMIN, 'teams-app', 'SendChannelMessage', { TeamId: TEAM, ChannelId: CHANNEL, Body: 'hi' });
    expect([raw.status, raw.errorType?.split(':')[0]]).toEqual([400, 'InvalidParameterValueException']);
    expect(raw.body.Message ?? raw.body.message).toMatch(/Action SendChannelMessage needs a delegated \(signed-in user\) grant.*ChannelMessage\.Send/);
    // No token request, no message: the upstream (token endpoint and Graph) saw nothing.
    expect(upstream.received).toEqual([]);
    // Recorded in the audit trail as a refused invocation.
    const audit = await client.listActionInvocations({ ActionConnectorId: 'teams-app' });
    expect(audit.Invocations.slice(0, 2).map((i) => [i.ActionId, i.InvokeActionStatus, i.ErrorCode, i.Attempts])).toEqual([
      ['SendChannelMessage', 'FAILED', 'InvalidParameterValueException', 0],
      ['SendChatMessage', 'FAILED', 'InvalidParameterValueException', 0],
    ]);
  });

  it('the same connector runs the actions its grant allows (ListTeams for a user, app-only)', async () => {
    upstream.received.length = 0;
    const r = await client.invokeAction({ ActionConnectorId: 'teams-app', ActionId: 'ListTeams', Input: { UserId: 'ada@acme.example' } });
    expect(r.InvokeActionStatus).toBe('SUCCESS');
    expect(upstream.received.map((q) => [q.method, q.url])).toEqual([
      ['POST', '/token'],
      ['GET', '/v1.0/users/ada@acme.example/joinedTeams'],
    ]);
  });

  it('a /me request on an app-only connector (ListTeams without UserId) is refused, naming UserId; nothing is sent', async () => {
    upstream.received.length = 0;
    const e = await failure(client.invokeAction({ ActionConnectorId: 'teams-app', ActionId: 'ListTeams', Input: {} }));
    expect([e.name, e.httpStatus]).toEqual(['InvalidParameterValueException', 400]);
    expect(e.message).toBe(
      'Action ListTeams, as called, needs a delegated (signed-in user) grant: this connector uses OAUTH2_CLIENT_CREDENTIALS, an app-only token (client credentials). Give UserId to act for a named user instead. Nothing was sent.',
    );
    expect(upstream.received).toEqual([]);
  });

  it('a delegated connector is not refused: the user is asked to sign in (AccessTokenNotFoundException)', async () => {
    const e = await failure(client.invokeAction({ ActionConnectorId: 'teams-user', ActionId: 'SendChatMessage', Input: { ChatId: CHAT, Body: 'hi' } }));
    expect([e.name, e.httpStatus]).toEqual(['AccessTokenNotFoundException', 401]);
    const me = await failure(client.invokeAction({ ActionConnectorId: 'teams-user', ActionId: 'ListTeams', Input: {} }));
    expect([me.name, me.httpStatus]).toEqual(['AccessTokenNotFoundException', 401]);
  });
});
