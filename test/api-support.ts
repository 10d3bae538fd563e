// Shared fixtures for the test/api-*.test.ts integration tests. Every request
// goes through the official @aws-sdk/client-quicksight client.
import { expect } from 'vitest';
import { ACCOUNT, REGION, createInput, expectError, qs } from './helpers.js';

export const connArn = (id: string, region = REGION, account = ACCOUNT) => `arn:aws:quicksight:${region}:${account}:action-connector/${id}`;
export const userArnOf = (name: string, account = ACCOUNT) => `arn:aws:quicksight:${REGION}:${account}:user/default/${name}`;
export const groupArnOf = (name: string, account = ACCOUNT) => `arn:aws:quicksight:${REGION}:${account}:group/default/${name}`;

/** The seven connector actions, written out here as the tests expect the API to name them (an oracle independent of src/domain/connector-actions.ts). */
export const ALL_ACTIONS = [
  'quicksight:DescribeActionConnector',
  'quicksight:UpdateActionConnector',
  'quicksight:DeleteActionConnector',
  'quicksight:DescribeActionConnectorPermissions',
  'quicksight:UpdateActionConnectorPermissions',
  'quicksight:ListActionConnectorActions',
  'quicksight:InvokeActionConnector',
] as const;
export const SORTED_ACTIONS = [...ALL_ACTIONS].sort();

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let counter = 0;
/** A connector id unique within the test process. */
export const uid = (prefix: string) => `${prefix}-${(++counter).toString().padStart(4, '0')}`;

/** One AuthenticationConfig per AuthenticationType, each with a distinctive secret. */
export const SECRETS = {
  BASIC: 'basic-Pa55word-7f3a91',
  API_KEY: 'apikey-9c2e-SECRET-41d0',
  OAUTH2_CLIENT_CREDENTIALS: 'cc-client-secret-5b8e0c',
  OAUTH2_AUTHORIZATION_CODE: 'ac-client-secret-2d6f1a',
} as const;

export const AUTH: Record<qs.ConnectionAuthType, qs.AuthConfig> = {
  NONE: { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: 'https://none.example.com/api' } } },
  BASIC: {
    AuthenticationType: 'BASIC',
    AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: 'https://basic.example.com', Username: 'svc-user', Password: SECRETS.BASIC } },
  },
  API_KEY: {
    AuthenticationType: 'API_KEY',
    AuthenticationMetadata: {
      ApiKeyConnectionMetadata: { BaseEndpoint: 'https://acme.atlassian.net', ApiKey: SECRETS.API_KEY, Email: 'bot@acme.example.com' },
    },
  },
  OAUTH2_CLIENT_CREDENTIALS: {
    AuthenticationType: 'OAUTH2_CLIENT_CREDENTIALS',
    AuthenticationMetadata: {
      ClientCredentialsGrantMetadata: {
        BaseEndpoint: 'https://cc.example.com/api',
        ClientCredentialsSource: 'PLAIN_CREDENTIALS',
        ClientCredentialsDetails: {
          ClientCredentialsGrantDetails: {
            ClientId: 'cc-client-id',
            ClientSecret: SECRETS.OAUTH2_CLIENT_CREDENTIALS,
            TokenEndpoint: 'https://cc.example.com/oauth/token',
          },
        },
      },
    },
  },
  OAUTH2_AUTHORIZATION_CODE: {
    AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
    AuthenticationMetadata: {
      AuthorizationCodeGrantMetadata: {
        BaseEndpoint: 'https://ac.example.com/api',
        RedirectUrl: 'https://bridge.example.com/oauth/callback',
        AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
        AuthorizationCodeGrantCredentialsDetails: {
          AuthorizationCodeGrantDetails: {
            ClientId: 'ac-client-id',
            ClientSecret: SECRETS.OAUTH2_AUTHORIZATION_CODE,
            TokenEndpoint: 'https://ac.example.com/oauth/token',
            AuthorizationEndpoint: 'https://ac.example.com/oauth/authorize',
          },
        },
      },
    },
  },
  IAM: { AuthenticationType: 'IAM', AuthenticationMetadata: { IamConnectionMetadata: { RoleArn: 'arn:aws:iam::111122223333:role/ActionBridgeRole' } } },
};

/** A deep copy, to mutate freely. */
export const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export const create = (c: qs.QuickSightClient, id: string, extra: Partial<qs.CreateActionConnectorCommandInput> = {}) =>
  c.send(new qs.CreateActionConnectorCommand(createInput(id, extra)));

export const describeC = (c: qs.QuickSightClient, id: string, account = ACCOUNT) =>
  c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: account, ActionConnectorId: id }));

export const describePerms = (c: qs.QuickSightClient, id: string, account = ACCOUNT) =>
  c.send(new qs.DescribeActionConnectorPermissionsCommand({ AwsAccountId: account, ActionConnectorId: id }));

export const updatePerms = (c: qs.QuickSightClient, id: string, grant?: qs.ResourcePermission[], revoke?: qs.ResourcePermission[]) =>
  c.send(new qs.UpdateActionConnectorPermissionsCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, GrantPermissions: grant, RevokePermissions: revoke }));

/** A permission list in a canonical order (principals, then actions, sorted): the API promises no order. */
export const normPerms = (p: qs.ResourcePermission[] | undefined) =>
  [...(p ?? [])]
    .map((x) => ({ Principal: x.Principal, Actions: [...(x.Actions ?? [])].sort() }))
    .sort((a, b) => (a.Principal! < b.Principal! ? -1 : a.Principal! > b.Principal! ? 1 : 0));

export const listTags = (c: qs.QuickSightClient, arn: string) => c.send(new qs.ListTagsForResourceCommand({ ResourceArn: arn }));

/** Everything a Describe shows, minus the volatile members: to compare before/after a refused request. */
export async function snapshot(c: qs.QuickSightClient, id: string) {
  const d = (await describeC(c, id)).ActionConnector!;
  const p = (await describePerms(c, id)).Permissions;
  const tags = (await listTags(c, connArn(id))).Tags;
  return { connector: d, permissions: p, tags };
}

/** Asserts an InvalidParameterValueException (400) whose message names `member` and contains every `rule` fragment. */
export async function expectInvalid(p: Promise<unknown>, member: string, ...rules: string[]): Promise<string> {
  const e = await expectError(p, 'InvalidParameterValueException', 400);
  expect(e.message).toMatch(/^\d+ validation errors? detected: /);
  expect(e.message).toContain(`'${member}'`);
  for (const r of rules) expect(e.message).toContain(r);
  return e.message;
}

/** Adds a build-step middleware that rewrites the JSON body before it is signed (to send what the SDK's types forbid). */
export function patchBody(c: qs.QuickSightClient, fn: (body: Record<string, any>) => void): qs.QuickSightClient {
  c.middlewareStack.add(
    (next) => async (args: any) => {
      const req = args.request as { body?: string | Uint8Array; headers: Record<string, string> };
      const raw = req.body === undefined ? '' : typeof req.body === 'string' ? req.body : Buffer.from(req.body).toString('utf8');
      const body = raw ? JSON.parse(raw) : {};
      fn(body);
      req.body = JSON.stringify(body);
      req.headers['content-length'] = String(Buffer.byteLength(req.body));
      return next(args);
    },
    { step: 'build', name: 'testPatchBody' },
  );
  return c;
}

/** Adds a build-step middleware that edits the query string before it is signed. */
export function patchQuery(c: qs.QuickSightClient, fn: (query: Record<string, any>) => void): qs.QuickSightClient {
  c.middlewareStack.add(
    (next) => async (args: any) => {
      fn(args.request.query);
      return next(args);
    },
    { step: 'build', name: 'testPatchQuery' },
  );
  return c;
}

/** Asserts the common members every successful response carries. */
export function expectMeta(r: { RequestId?: string; Status?: number; $metadata: { httpStatusCode?: number; requestId?: string } }) {
  expect(r.RequestId).toMatch(UUID);
  expect(r.$metadata.httpStatusCode).toBe(200);
  expect(r.$metadata.requestId).toBe(r.RequestId);
  expect(r.Status).toBe(200);
}
