// Connectors and their actions through the real server: EnabledActions on Create,
// Update and Describe (the member added to the signed body, as the CLI examples
// send it); the AuthenticationTypes each connector type accepts; and who may list
// and invoke a connector's actions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogFor, CONNECTOR_TYPES } from '../src/catalog/index.js';
import { ALLOWED_AUTHENTICATION } from '../src/domain/type-auth.js';
import { INVOKE_BODY_LIMIT } from '../src/protocol/http.js';
import { ACCOUNT, ADMIN, expectError, qs, type TestUser } from './helpers.js';
import { startActionUpstream, type ActionUpstream } from './support/action-upstream.js';
import {
  ALL_CONNECTOR_ACTIONS,
  actionsApi,
  apiKeyAuth,
  basicAuth,
  clientCredentialsAuth,
  createConnector,
  iamAuth,
  noneAuth,
  signedCall,
  withEnabledActions,
} from './support/actions.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';

let env: ConnEnv;
let upstream: ActionUpstream;
let api: ReturnType<typeof actionsApi>;
let admin: qs.QuickSightClient;
let author: TestUser;
let viewer: TestUser;
let invoker: TestUser;
let reader: TestUser;
let member: TestUser;

const describeC = async (id: string) =>
  (await admin.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }))).ActionConnector!;
const jiraIds = () => catalogFor('JIRA_CLOUD')!.actions.map((a) => a.ActionId);
const JIRA_KEY = apiKeyAuth('https://acme.atlassian.net', 'jira-api-token-0a9b8c', 'bot@acme.example.com');

const AUTH_SAMPLES: Record<qs.ConnectionAuthType, qs.AuthConfig> = {
  NONE: noneAuth('https://api.example.com'),
  BASIC: basicAuth('https://api.example.com', 'svc', 'basic-secret-123456'),
  API_KEY: apiKeyAuth('https://api.example.com', 'api-key-secret-123456', 'bot@example.com'),
  OAUTH2_CLIENT_CREDENTIALS: clientCredentialsAuth('https://api.example.com', 'https://idp.example.com/token', 'cid', 'cc-secret-123456'),
  OAUTH2_AUTHORIZATION_CODE: {
    AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
    AuthenticationMetadata: {
      AuthorizationCodeGrantMetadata: {
        BaseEndpoint: 'https://api.example.com',
        RedirectUrl: 'https://bridge.example.com/oauth/callback',
        AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
        AuthorizationCodeGrantCredentialsDetails: {
          AuthorizationCodeGrantDetails: {
            ClientId: 'cid',
            ClientSecret: 'ac-secret-123456',
            TokenEndpoint: 'https://idp.example.com/token',
            AuthorizationEndpoint: 'https://idp.example.com/authorize',
          },
        },
      },
    },
  },
  IAM: iamAuth('arn:aws:iam::111122223333:role/ActionBridge'),
};

beforeAll(async () => {
  env = await startConnEnv();
  upstream = await startActionUpstream(env.ca);
  api = actionsApi(env.t.endpoint);
  admin = env.t.client();
  [author, viewer, invoker, reader, member] = await Promise.all([
    env.t.addUser('author', 'AUTHOR'),
    env.t.addUser('viewer', 'READER'),
    env.t.addUser('invoker', 'READER'),
    env.t.addUser('reader', 'READER'),
    env.t.addUser('member', 'READER', ['operators']),
  ]);
});
afterAll(async () => {
  await env?.t.stop();
  await upstream?.close();
});

describe('EnabledActions', () => {
  it("defaults to the type's whole catalog: Describe (official SDK) and ListActionConnectorActions say so", async () => {
    await createConnector(admin, 'ea-default', { type: 'JIRA_CLOUD', auth: JIRA_KEY });
    expect((await describeC('ea-default')).EnabledActions).toEqual(jiraIds());
    const l = await api.listActions(ADMIN, 'ea-default');
    expect(l.status).toBe(200);
    expect(l.body.RequestId).toBeTypeOf('string');
    expect(l.body.Actions.map((a: { ActionId: string }) => a.ActionId)).toEqual(jiraIds());
    expect(l.body.Actions.every((a: { Enabled: boolean }) => a.Enabled)).toBe(true);
    const create = l.body.Actions.find((a: { ActionId: string }) => a.ActionId === 'CreateIssue');
    expect(Object.keys(create)).toEqual(expect.arrayContaining(['ActionId', 'Description', 'Enabled', 'InputSchema', 'Name']));
    expect(
      Object.keys(create).filter((k) => !['ActionId', 'Description', 'Enabled', 'InputSchema', 'Name', 'Requirements', 'Examples', 'Reference'].includes(k)),
    ).toEqual([]);
    expect(create.InputSchema).toMatchObject({ type: 'object', required: ['ProjectKey', 'Summary'] });
  });

  it('Create takes a subset (a repeated id counts once); ListActionConnectorActions lists every action with Enabled', async () => {
    await createConnector(admin, 'ea-subset', { type: 'JIRA_CLOUD', auth: JIRA_KEY, enabledActions: ['GetIssue', 'SearchIssues', 'GetIssue'] });
    expect((await describeC('ea-subset')).EnabledActions).toEqual(['GetIssue', 'SearchIssues']);
    const l = await api.listActions(ADMIN, 'ea-subset');
    expect(l.body.Actions.filter((a: { Enabled: boolean }) => a.Enabled).map((a: { ActionId: string }) => a.ActionId)).toEqual(['GetIssue', 'SearchIssues']);
    expect(l.body.Actions).toHaveLength(jiraIds().length);
    await createConnector(admin, 'ea-empty', { type: 'JIRA_CLOUD', auth: JIRA_KEY, enabledActions: [] });
    expect((await describeC('ea-empty')).EnabledActions).toEqual([]);
  });

  it('unknown ids are InvalidParameterValueException naming enabledActions and the ids; nothing is created', async () => {
    const e = await expectError(
      createConnector(admin, 'ea-unknown', { type: 'JIRA_CLOUD', auth: JIRA_KEY, enabledActions: ['GetIssue', 'PostMessage', 'Nope'] }),
      'InvalidParameterValueException',
      400,
    );
    expect(e.message).toMatch(
      /Value at 'enabledActions' failed to satisfy constraint: Member must name actions of connector type JIRA_CLOUD .*unknown: PostMessage, Nope/,
    );
    await expectError(describeC('ea-unknown'), 'ResourceNotFoundException', 404);
  });

  it('the model rules of ActionIdList hold: the ActionId pattern, at most 100, a list of strings', async () => {
    const bad = await expectError(
      createConnector(admin, 'ea-bad', { type: 'JIRA_CLOUD', auth: JIRA_KEY, enabledActions: ['Get Issue'] }),
      'InvalidParameterValueException',
    );
    expect(bad.message).toMatch(/Value at 'enabledActions.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern/);
    const many = await expectError(
      createConnector(admin, 'ea-many', { type: 'JIRA_CLOUD', auth: JIRA_KEY, enabledActions: Array(101).fill('GetIssue') }),
      'InvalidParameterValueException',
    );
    expect(many.message).toMatch(/Value at 'enabledActions' failed to satisfy constraint: Member must have length less than or equal to 100/);
    const notList = await expectError(
      createConnector(admin, 'ea-str', { type: 'JIRA_CLOUD', auth: JIRA_KEY, enabledActions: 'GetIssue' }),
      'InvalidParameterValueException',
    );
    expect(notList.message).toMatch(/Value at 'enabledActions' failed to satisfy constraint: Member must be of type list/);
  });

  it('Update replaces the list when given and keeps it when omitted; unknown ids change nothing', async () => {
    await createConnector(admin, 'ea-update', { type: 'JIRA_CLOUD', auth: JIRA_KEY, enabledActions: ['GetIssue'] });
    const update = (ids?: unknown) => {
      const cmd = new qs.UpdateActionConnectorCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'ea-update',
        Name: 'renamed',
        AuthenticationConfig: JIRA_KEY,
      });
      return admin.send(ids === undefined ? cmd : withEnabledActions(cmd, ids));
    };
    await update(['AddComment', 'CreateIssue']);
    expect((await describeC('ea-update')).EnabledActions).toEqual(['AddComment', 'CreateIssue']);
    await update();
    expect((await describeC('ea-update')).EnabledActions).toEqual(['AddComment', 'CreateIssue']);
    const e = await expectError(update(['ListChannels']), 'InvalidParameterValueException');
    expect(e.message).toMatch(/'enabledActions'.*unknown: ListChannels/);
    const d = await describeC('ea-update');
    expect([d.Name, d.EnabledActions]).toEqual(['renamed', ['AddComment', 'CreateIssue']]);
  });

  it('a raw signed request (the CLI example style) carries EnabledActions too', async () => {
    const r = await signedCall(env.t.endpoint, ADMIN, 'POST', `/accounts/${ACCOUNT}/action-connectors`, {
      body: {
        ActionConnectorId: 'ea-raw',
        Name: 'raw',
        Type: 'SLACK',
        AuthenticationConfig: apiKeyAuth('https://slack.com/api', 'xoxb-raw-token'),
        EnabledActions: ['PostMessage'],
      },
    });
    expect(r.status, r.raw).toBe(200);
    expect((await describeC('ea-raw')).EnabledActions).toEqual(['PostMessage']);
  });
});

describe('catalogs as the API sees them', () => {
  it('every type has actions, at most 100 enabled by default, and its binary content fits an InvokeAction body', () => {
    for (const type of CONNECTOR_TYPES) {
      const actions = catalogFor(type)?.actions ?? [];
      expect(actions.length, type).toBeGreaterThan(0);
      expect(actions.length, type).toBeLessThanOrEqual(100);
      for (const a of actions) {
        if (a.binary) expect(Math.ceil(a.binary.maxBytes / 3) * 4 + 256 * 1024, `${type} ${a.ActionId}`).toBeLessThanOrEqual(INVOKE_BODY_LIMIT);
      }
    }
  });
});

describe('authentication types per connector type', () => {
  it('every type accepts exactly the types of its table entry, checked at Create with a clear message', async () => {
    expect(Object.keys(ALLOWED_AUTHENTICATION).sort()).toEqual([...CONNECTOR_TYPES].sort());
    let n = 0;
    for (const type of CONNECTOR_TYPES) {
      const allowed = ALLOWED_AUTHENTICATION[type];
      for (const authType of Object.keys(AUTH_SAMPLES) as qs.ConnectionAuthType[]) {
        const id = `auth-${++n}`;
        const p = createConnector(admin, id, { type, auth: AUTH_SAMPLES[authType] });
        if (allowed.includes(authType)) {
          await p;
        } else {
          const e = await expectError(p, 'InvalidParameterValueException', 400);
          expect(e.message).toContain(
            `Value at 'authenticationConfig.authenticationType' failed to satisfy constraint: Member must be one of the authentication types connector type ${type} supports: [${allowed.join(', ')}] (got ${authType})`,
          );
        }
      }
    }
  });

  it('the table: AMAZON_* IAM only; GENERIC_HTTP all but IAM; SaaS types what their vendor supports', () => {
    for (const type of CONNECTOR_TYPES.filter((t) => t.startsWith('AMAZON_'))) expect(ALLOWED_AUTHENTICATION[type]).toEqual(['IAM']);
    expect(ALLOWED_AUTHENTICATION.GENERIC_HTTP).toEqual(['NONE', 'BASIC', 'API_KEY', 'OAUTH2_CLIENT_CREDENTIALS', 'OAUTH2_AUTHORIZATION_CODE']);
    for (const t of ['JIRA_CLOUD', 'ATLASSIAN_CONFLUENCE', 'ZENDESK_SUITE'] as const)
      expect(ALLOWED_AUTHENTICATION[t]).toEqual(['OAUTH2_AUTHORIZATION_CODE', 'API_KEY']);
    for (const t of ['MICROSOFT_OUTLOOK', 'MICROSOFT_TEAMS', 'MICROSOFT_ONEDRIVE', 'MICROSOFT_SHAREPOINT'] as const) {
      expect(ALLOWED_AUTHENTICATION[t]).toEqual(['OAUTH2_AUTHORIZATION_CODE', 'OAUTH2_CLIENT_CREDENTIALS']);
    }
  });

  it('Update is checked too, against the stored type', async () => {
    await createConnector(admin, 'auth-upd', { type: 'AMAZON_S3', auth: AUTH_SAMPLES.IAM });
    const e = await expectError(
      admin.send(
        new qs.UpdateActionConnectorCommand({
          AwsAccountId: ACCOUNT,
          ActionConnectorId: 'auth-upd',
          Name: 'x',
          AuthenticationConfig: AUTH_SAMPLES.API_KEY,
        }),
      ),
      'InvalidParameterValueException',
      400,
    );
    expect(e.message).toMatch(/connector type AMAZON_S3 supports: \[IAM\] \(got API_KEY\)/);
    expect((await describeC('auth-upd')).AuthenticationConfig?.AuthenticationType).toBe('IAM');
  });
});

describe('who may list and invoke actions', () => {
  const grant = (arn: string, actions: string[]) => ({ Principal: arn, Actions: actions.map((a) => `quicksight:${a}`) });

  beforeAll(async () => {
    // The author creates it without Permissions: the author is its owner.
    await createConnector(env.t.client(author), 'perm-http', { auth: noneAuth(upstream.url('/api')) });
    await admin.send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'perm-http',
        GrantPermissions: [
          grant(viewer.arn, ['DescribeActionConnector']),
          grant(invoker.arn, ['DescribeActionConnector', 'InvokeActionConnector']),
          grant(`arn:aws:quicksight:us-east-1:${ACCOUNT}:group/default/operators`, ['ListActionConnectorActions', 'InvokeActionConnector']),
        ],
      }),
    );
  });

  const get = { Method: 'GET', Path: 'items/1' };

  it.each([
    ['owner (the AUTHOR who created it)', () => author, 200, 200],
    ['ADMIN of the account', () => ADMIN, 200, 200],
    ['viewer with InvokeActionConnector (no ListActionConnectorActions)', () => invoker, 401, 200],
    ['member of a group granted both', () => member, 200, 200],
    ['viewer (DescribeActionConnector only)', () => viewer, 401, 401],
    ['reader without any grant', () => reader, 401, 401],
  ] as const)('%s', async (_label, who, listStatus, invokeStatus) => {
    const creds = who();
    const l = await api.listActions(creds, 'perm-http');
    expect(l.status, l.raw).toBe(listStatus);
    if (listStatus !== 200) expect(l.errorType).toBe('AccessDeniedException');
    else expect(l.body.Actions.map((a: { ActionId: string }) => a.ActionId)).toEqual(['HttpRequest']);
    const before = upstream.received.length;
    const i = await api.invoke(creds, 'perm-http', 'HttpRequest', get);
    expect(i.status, i.raw).toBe(invokeStatus);
    if (invokeStatus !== 200) {
      expect(i.errorType).toBe('AccessDeniedException');
      expect(upstream.received.length).toBe(before);
    } else {
      expect(i.body).toMatchObject({
        InvokeActionStatus: 'SUCCESS',
        HttpStatusCode: 200,
        Output: { StatusCode: 200, Body: { method: 'GET', url: '/api/items/1' } },
      });
      expect(i.body.InvocationId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('a connector that does not exist: AccessDenied for others, ResourceNotFound for an ADMIN; an unknown action is ResourceNotFound', async () => {
    expect((await api.invoke(reader, 'no-such-connector', 'HttpRequest', get)).errorType).toBe('AccessDeniedException');
    expect((await api.listActions(reader, 'no-such-connector')).errorType).toBe('AccessDeniedException');
    const a = await api.invoke(ADMIN, 'no-such-connector', 'HttpRequest', get);
    expect([a.status, a.errorType]).toEqual([404, 'ResourceNotFoundException']);
    const u = await api.invoke(ADMIN, 'perm-http', 'DeleteEverything', {});
    expect([u.status, u.errorType]).toEqual([404, 'ResourceNotFoundException']);
    expect(u.body.Message).toMatch(/Action DeleteEverything does not exist for connector type GENERIC_HTTP/);
  });

  it('another account is refused, whatever the grant', async () => {
    const other = actionsApi(env.t.endpoint, '444455556666');
    expect((await other.invoke(ADMIN, 'perm-http', 'HttpRequest', get)).errorType).toBe('AccessDeniedException');
  });

  it('a disabled action cannot be invoked (InvalidParameterValue naming actionId); enabling it again makes it invokable', async () => {
    await createConnector(admin, 'perm-disabled', { auth: noneAuth(upstream.url('/api')), enabledActions: [] });
    const before = upstream.received.length;
    const r = await api.invoke(ADMIN, 'perm-disabled', 'HttpRequest', get);
    expect([r.status, r.errorType]).toEqual([400, 'InvalidParameterValueException']);
    expect(r.body.Message).toMatch(/Value at 'actionId' failed to satisfy constraint: .*HttpRequest is not enabled/);
    expect(upstream.received.length).toBe(before);
    await admin.send(
      withEnabledActions(
        new qs.UpdateActionConnectorCommand({
          AwsAccountId: ACCOUNT,
          ActionConnectorId: 'perm-disabled',
          Name: 'enabled',
          AuthenticationConfig: noneAuth(upstream.url('/api')),
        }),
        ['HttpRequest'],
      ),
    );
    expect((await api.invoke(ADMIN, 'perm-disabled', 'HttpRequest', get)).body.InvokeActionStatus).toBe('SUCCESS');
    expect((await api.listActions(ADMIN, 'perm-disabled')).body.Actions).toEqual([expect.objectContaining({ ActionId: 'HttpRequest', Enabled: true })]);
  });

  it('the grant strings stay the model ones: every action can be granted', async () => {
    await createConnector(admin, 'perm-all', {
      auth: noneAuth(upstream.url('/api')),
      permissions: [{ Principal: reader.arn, Actions: ALL_CONNECTOR_ACTIONS }],
    });
    expect((await api.invoke(reader, 'perm-all', 'HttpRequest', get)).status).toBe(200);
  });
});
