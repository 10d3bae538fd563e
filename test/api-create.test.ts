// Create / Describe / Update / Delete through the official SDK: every returned
// member, the Read* shapes of every AuthenticationType (no secret ever comes
// back), and the errors of each operation's error list a client can provoke.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, OTHER_ACCOUNT, REGION, authOfType, createInput, expectError, qs, startTestServer, type TestServer } from './helpers.js';
import { modelEnum } from './robust-support.js';
import { allowedAuthentication } from '../src/domain/type-auth.js';
import { defaultEnabledActions } from '../src/catalog/index.js';
import {
  AUTH,
  SECRETS,
  SORTED_ACTIONS,
  UUID,
  connArn,
  copy,
  create,
  describeC,
  describePerms,
  expectMeta,
  listTags,
  patchBody,
  snapshot,
  uid,
  updatePerms,
  userArnOf,
} from './api-support.js';

let t: TestServer;
let admin: qs.QuickSightClient;
beforeAll(async () => {
  t = await startTestServer();
  admin = t.client();
});
afterAll(async () => {
  await t.stop();
});

const READ: Record<qs.ConnectionAuthType, qs.ReadAuthConfig> = {
  NONE: { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: 'https://none.example.com/api' } } },
  BASIC: {
    AuthenticationType: 'BASIC',
    AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: 'https://basic.example.com', Username: 'svc-user' } },
  },
  API_KEY: {
    AuthenticationType: 'API_KEY',
    AuthenticationMetadata: { ApiKeyConnectionMetadata: { BaseEndpoint: 'https://acme.atlassian.net', Email: 'bot@acme.example.com' } },
  },
  OAUTH2_CLIENT_CREDENTIALS: {
    AuthenticationType: 'OAUTH2_CLIENT_CREDENTIALS',
    AuthenticationMetadata: {
      ClientCredentialsGrantMetadata: {
        BaseEndpoint: 'https://cc.example.com/api',
        ClientCredentialsSource: 'PLAIN_CREDENTIALS',
        ReadClientCredentialsDetails: { ReadClientCredentialsGrantDetails: { ClientId: 'cc-client-id', TokenEndpoint: 'https://cc.example.com/oauth/token' } },
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
        ReadAuthorizationCodeGrantCredentialsDetails: {
          ReadAuthorizationCodeGrantDetails: {
            ClientId: 'ac-client-id',
            TokenEndpoint: 'https://ac.example.com/oauth/token',
            AuthorizationEndpoint: 'https://ac.example.com/oauth/authorize',
          },
        },
      },
    },
  },
  IAM: {
    AuthenticationType: 'IAM',
    AuthenticationMetadata: { IamConnectionMetadata: { RoleArn: 'arn:aws:iam::111122223333:role/ActionBridgeRole', SourceArn: '(set per connector)' } },
  },
};

const TYPES = Object.keys(AUTH) as qs.ConnectionAuthType[];
/** A connector type that accepts the AuthenticationType: IAM is for the AMAZON_* types only, the rest GENERIC_HTTP takes. */
const typeFor = (auth: qs.ConnectionAuthType): qs.ActionConnectorType => (auth === 'IAM' ? 'AMAZON_S3' : 'GENERIC_HTTP');
// The types' whole catalogs: a connector created without EnabledActions enables them all.
const JIRA_ACTIONS = defaultEnabledActions('JIRA_CLOUD');
const SLACK_ACTIONS = defaultEnabledActions('SLACK');
const ALL_SECRETS = Object.values(SECRETS);

function expectNoSecrets(what: unknown) {
  const text = JSON.stringify(what);
  for (const s of ALL_SECRETS) expect(text).not.toContain(s);
}

describe('CreateActionConnector', () => {
  it('returns Arn, ActionConnectorId, CreationStatus and RequestId', async () => {
    const id = uid('create-ok');
    const r = await create(admin, id);
    expectMeta(r);
    expect(r.Arn).toBe(`arn:aws:quicksight:${REGION}:${ACCOUNT}:action-connector/${id}`);
    expect(r.ActionConnectorId).toBe(id);
    expect(r.CreationStatus).toBe('CREATION_SUCCESSFUL');
    expect(Object.keys(r).sort()).toEqual(['$metadata', 'ActionConnectorId', 'Arn', 'CreationStatus', 'RequestId', 'Status']);
  });

  it('Describe returns every member of the stored connector', async () => {
    const id = uid('describe-all');
    const before = Date.now();
    await create(admin, id, { Name: 'Describe All 1', Description: 'A connector, for tests!', Type: 'JIRA_CLOUD', AuthenticationConfig: AUTH.API_KEY });
    const after = Date.now();
    const d = await describeC(admin, id);
    expectMeta(d);
    const c = d.ActionConnector!;
    expect(c.CreatedTime).toBeInstanceOf(Date);
    expect(c.LastUpdatedTime).toBeInstanceOf(Date);
    expect(c.CreatedTime!.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(c.CreatedTime!.getTime()).toBeLessThanOrEqual(after + 1);
    expect(c.LastUpdatedTime!.getTime()).toBe(c.CreatedTime!.getTime());
    expect(c).toEqual({
      Arn: connArn(id),
      ActionConnectorId: id,
      Type: 'JIRA_CLOUD',
      Name: 'Describe All 1',
      Description: 'A connector, for tests!',
      CreatedTime: c.CreatedTime,
      LastUpdatedTime: c.LastUpdatedTime,
      Status: 'CREATION_SUCCESSFUL',
      AuthenticationConfig: READ.API_KEY,
      EnabledActions: JIRA_ACTIONS,
    });
    expect(c.VpcConnectionArn).toBeUndefined();
    expect(c.Error).toBeUndefined();
  });

  it('omits Description when none was given', async () => {
    const id = uid('no-desc');
    await create(admin, id);
    const c = (await describeC(admin, id)).ActionConnector!;
    expect('Description' in c).toBe(false);
    expect(c.Name).toBe(`Connector ${id}`);
  });

  it('accepts boundary lengths: 512-char id, 255-char name, 2048-char description', async () => {
    const id = `b${'x'.repeat(511)}`;
    const name = `N${'a'.repeat(253)}Z`;
    const description = 'd'.repeat(2048);
    const r = await create(admin, id, { Name: name, Description: description });
    expect(r.ActionConnectorId).toBe(id);
    const c = (await describeC(admin, id)).ActionConnector!;
    expect(c.ActionConnectorId).toHaveLength(512);
    expect(c.Name).toBe(name);
    expect(c.Description).toBe(description);
  });

  it('stores every connector type from the enum', async () => {
    const types = modelEnum('ActionConnectorType') as qs.ActionConnectorType[];
    expect(types.length).toBeGreaterThanOrEqual(27);
    for (const type of types) {
      const auth = allowedAuthentication(type)[0];
      expect(auth, `${type} allows some AuthenticationType`).toBeDefined();
      const id = uid(`type-${type.toLowerCase().replace(/_/g, '-')}`);
      await create(admin, id, { Type: type, AuthenticationConfig: authOfType(auth!) });
      const c = (await describeC(admin, id)).ActionConnector!;
      expect(c.Type).toBe(type);
      expect(c.AuthenticationConfig!.AuthenticationType).toBe(auth);
    }
  });

  it('refuses a second create of the same id with ResourceExistsException (409) and keeps the first', async () => {
    const id = uid('dup');
    await create(admin, id, { Name: 'First One' });
    const before = await snapshot(admin, id);
    const e = await expectError(create(admin, id, { Name: 'Second One', Type: 'SLACK', Tags: [{ Key: 'k', Value: 'v' }] }), 'ResourceExistsException', 409);
    expect(e.message).toContain(id);
    expect(await snapshot(admin, id)).toEqual(before);
    expect(before.connector.Name).toBe('First One');
  });

  it('gives the same id in another region a separate connector (regions partition data)', async () => {
    const id = uid('region');
    const west = t.client(undefined, 'eu-west-1');
    await create(admin, id, { Name: 'East One' });
    await expectError(describeC(west, id), 'ResourceNotFoundException', 404);
    const r = await create(west, id, { Name: 'West One' });
    expect(r.Arn).toBe(connArn(id, 'eu-west-1'));
    expect((await describeC(west, id)).ActionConnector!.Name).toBe('West One');
    expect((await describeC(admin, id)).ActionConnector!.Name).toBe('East One'); // Deleting one leaves the other, with its permissions and tags, alone.
    await west.send(new qs.TagResourceCommand({ ResourceArn: connArn(id, 'eu-west-1'), Tags: [{ Key: 'side', Value: 'west' }] }));
    await admin.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
    await expectError(describeC(admin, id), 'ResourceNotFoundException', 404);
    expect((await describeC(west, id)).ActionConnector!.Name).toBe('West One');
    expect((await describePerms(west, id)).Permissions).toEqual([{ Principal: userArnOf('admin'), Actions: SORTED_ACTIONS }]);
    expect((await listTags(west, connArn(id, 'eu-west-1'))).Tags).toEqual([{ Key: 'side', Value: 'west' }]);
  });

  it('refuses every operation for another account in the path with AccessDeniedException (401), doing nothing', async () => {
    const id = uid('acct');
    await create(admin, id);
    const before = await snapshot(admin, id);
    const other = { AwsAccountId: OTHER_ACCOUNT, ActionConnectorId: id };
    await expectError(
      admin.send(new qs.CreateActionConnectorCommand({ ...createInput(uid('acct-new')), AwsAccountId: OTHER_ACCOUNT })),
      'AccessDeniedException',
      401,
    );
    await expectError(admin.send(new qs.DescribeActionConnectorCommand(other)), 'AccessDeniedException', 401);
    await expectError(
      admin.send(new qs.UpdateActionConnectorCommand({ ...other, Name: 'Changed', AuthenticationConfig: AUTH.NONE })),
      'AccessDeniedException',
      401,
    );
    await expectError(admin.send(new qs.DeleteActionConnectorCommand(other)), 'AccessDeniedException', 401);
    await expectError(admin.send(new qs.ListActionConnectorsCommand({ AwsAccountId: OTHER_ACCOUNT })), 'AccessDeniedException', 401);
    await expectError(admin.send(new qs.SearchActionConnectorsCommand({ AwsAccountId: OTHER_ACCOUNT, Filters: [] })), 'AccessDeniedException', 401);
    await expectError(admin.send(new qs.DescribeActionConnectorPermissionsCommand(other)), 'AccessDeniedException', 401);
    await expectError(
      admin.send(
        new qs.UpdateActionConnectorPermissionsCommand({
          ...other,
          GrantPermissions: [{ Principal: userArnOf('admin'), Actions: ['quicksight:DescribeActionConnector'] }],
        }),
      ),
      'AccessDeniedException',
      401,
    );
    const otherArn = connArn(id, REGION, OTHER_ACCOUNT);
    await expectError(admin.send(new qs.TagResourceCommand({ ResourceArn: otherArn, Tags: [{ Key: 'a', Value: 'b' }] })), 'AccessDeniedException', 401);
    await expectError(admin.send(new qs.UntagResourceCommand({ ResourceArn: otherArn, TagKeys: ['a'] })), 'AccessDeniedException', 401);
    await expectError(admin.send(new qs.ListTagsForResourceCommand({ ResourceArn: otherArn })), 'AccessDeniedException', 401);
    expect(await snapshot(admin, id)).toEqual(before);
  });

  it('answers ResourceNotFoundException (404) to an ADMIN for a connector that does not exist, on every operation', async () => {
    const id = uid('missing');
    const k = { AwsAccountId: ACCOUNT, ActionConnectorId: id };
    for (const call of [
      () => admin.send(new qs.DescribeActionConnectorCommand(k)),
      () => admin.send(new qs.UpdateActionConnectorCommand({ ...k, Name: 'X', AuthenticationConfig: AUTH.NONE })),
      () => admin.send(new qs.DeleteActionConnectorCommand(k)),
      () => admin.send(new qs.DescribeActionConnectorPermissionsCommand(k)),
      () =>
        admin.send(
          new qs.UpdateActionConnectorPermissionsCommand({
            ...k,
            GrantPermissions: [{ Principal: userArnOf('admin'), Actions: ['quicksight:DescribeActionConnector'] }],
          }),
        ),
      () => admin.send(new qs.TagResourceCommand({ ResourceArn: connArn(id), Tags: [{ Key: 'a', Value: 'b' }] })),
      () => admin.send(new qs.UntagResourceCommand({ ResourceArn: connArn(id), TagKeys: ['a'] })),
      () => admin.send(new qs.ListTagsForResourceCommand({ ResourceArn: connArn(id) })),
    ]) {
      const e = await expectError(call(), 'ResourceNotFoundException', 404);
      expect(e.message).toContain(id);
    }
    // None of them created anything.
    await expectError(describeC(admin, id), 'ResourceNotFoundException', 404);
  });
});

describe('Read shapes of every AuthenticationType', () => {
  it.each(TYPES)('%s: Describe returns the Read* shape and no secret anywhere', async (type) => {
    const id = uid(`read-${type.toLowerCase().replace(/_/g, '-')}`);
    const created = await create(admin, id, { Type: typeFor(type), AuthenticationConfig: AUTH[type] });
    const d = await describeC(admin, id);
    const expected = copy(READ[type]);
    if (type === 'IAM') expected.AuthenticationMetadata!.IamConnectionMetadata!.SourceArn = connArn(id);
    expect(d.ActionConnector!.AuthenticationConfig).toEqual(expected);
    const list = await admin.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 100 }));
    const search = await admin.send(
      new qs.SearchActionConnectorsCommand({
        AwsAccountId: ACCOUNT,
        Filters: [{ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringEquals', Value: `Connector ${id}` }],
      }),
    );
    expect(search.ActionConnectorSummaries!.map((s) => s.ActionConnectorId)).toEqual([id]);
    const perms = await describePerms(admin, id);
    expectNoSecrets([created, d, list, search, perms]);
  });

  it('IAM SourceArn is the connector ARN, also in another region', async () => {
    const id = uid('iam-west');
    const west = t.client(undefined, 'eu-west-1');
    await create(west, id, { Type: 'AMAZON_S3', AuthenticationConfig: AUTH.IAM });
    const md = (await describeC(west, id)).ActionConnector!.AuthenticationConfig!.AuthenticationMetadata!.IamConnectionMetadata!;
    expect(md).toEqual({
      RoleArn: 'arn:aws:iam::111122223333:role/ActionBridgeRole',
      SourceArn: `arn:aws:quicksight:eu-west-1:${ACCOUNT}:action-connector/${id}`,
    });
  });

  it('API_KEY without Email reads back without Email', async () => {
    const id = uid('apikey-noemail');
    const cfg = copy(AUTH.API_KEY);
    delete cfg.AuthenticationMetadata!.ApiKeyConnectionMetadata!.Email;
    await create(admin, id, { AuthenticationConfig: cfg });
    const md = (await describeC(admin, id)).ActionConnector!.AuthenticationConfig!.AuthenticationMetadata!;
    expect(md).toEqual({ ApiKeyConnectionMetadata: { BaseEndpoint: 'https://acme.atlassian.net' } });
  });

  it('no secret in Update responses, Describe after Update, error messages, or the server log', async () => {
    const id = uid('secrets-update');
    const iamId = uid('secrets-update-iam');
    await create(admin, id, { AuthenticationConfig: AUTH.BASIC });
    await create(admin, iamId, { Type: 'AMAZON_S3', AuthenticationConfig: AUTH.IAM });
    const seen: unknown[] = [];
    for (const type of TYPES) {
      // Each AuthenticationType on a connector whose type accepts it (IAM: the AMAZON_S3 one).
      const target = type === 'IAM' ? iamId : id;
      seen.push(
        await admin.send(
          new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: target, Name: 'Secret Holder', AuthenticationConfig: AUTH[type] }),
        ),
      );
      seen.push(await describeC(admin, target));
    }
    expect((await describeC(admin, id)).ActionConnector!.AuthenticationConfig!.AuthenticationType).toBe(TYPES.filter((x) => x !== 'IAM').at(-1));
    // A refused request that carries secrets must not echo them either.
    const bad = copy(AUTH.OAUTH2_CLIENT_CREDENTIALS);
    bad.AuthenticationMetadata!.ClientCredentialsGrantMetadata!.BaseEndpoint = 'http://insecure.example.com';
    const e1 = await expectError(
      admin.send(new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, Name: 'Secret Holder', AuthenticationConfig: bad })),
      'InvalidParameterValueException',
      400,
    );
    const mismatch = { AuthenticationType: 'IAM' as const, AuthenticationMetadata: copy(AUTH.BASIC.AuthenticationMetadata) };
    const e2 = await expectError(
      create(admin, uid('secrets-bad'), { Type: 'AMAZON_S3', AuthenticationConfig: mismatch }),
      'InvalidParameterValueException',
      400,
    );
    // A secret-carrying AuthenticationType the connector type does not accept (SLACK: no BASIC).
    const e3 = await expectError(
      create(admin, uid('secrets-bad-pair'), { Type: 'SLACK', AuthenticationConfig: AUTH.BASIC }),
      'InvalidParameterValueException',
      400,
    );
    const e4 = await expectError(
      admin.send(
        new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: iamId, Name: 'Secret Holder', AuthenticationConfig: AUTH.API_KEY }),
      ),
      'InvalidParameterValueException',
      400,
    );
    expect(e3.message).toContain("'authenticationConfig.authenticationType'");
    expect(e4.message).toContain("'authenticationConfig.authenticationType'");
    seen.push(e1.message, e2.message, e3.message, e4.message);
    expectNoSecrets(seen);
    expectNoSecrets(t.logs());
  });
});

describe('UpdateActionConnector', () => {
  it('returns Arn, ActionConnectorId, UpdateStatus and RequestId; Describe shows the new state', async () => {
    const id = uid('update');
    await create(admin, id, { Name: 'Before Update', Description: 'old', Type: 'SLACK', AuthenticationConfig: AUTH.API_KEY });
    const c0 = (await describeC(admin, id)).ActionConnector!;
    await new Promise((r) => setTimeout(r, 15));
    const u = await admin.send(
      new qs.UpdateActionConnectorCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: id,
        Name: 'After Update',
        Description: 'new description',
        AuthenticationConfig: AUTH.OAUTH2_AUTHORIZATION_CODE,
      }),
    );
    expectMeta(u);
    expect(u.Arn).toBe(connArn(id));
    expect(u.ActionConnectorId).toBe(id);
    expect(u.UpdateStatus).toBe('UPDATE_SUCCESSFUL');
    expect(Object.keys(u).sort()).toEqual(['$metadata', 'ActionConnectorId', 'Arn', 'RequestId', 'Status', 'UpdateStatus']);
    const c = (await describeC(admin, id)).ActionConnector!;
    expect(c).toEqual({
      Arn: connArn(id),
      ActionConnectorId: id,
      Type: 'SLACK',
      Name: 'After Update',
      Description: 'new description',
      CreatedTime: c0.CreatedTime,
      LastUpdatedTime: c.LastUpdatedTime,
      Status: 'UPDATE_SUCCESSFUL',
      AuthenticationConfig: READ.OAUTH2_AUTHORIZATION_CODE,
      EnabledActions: SLACK_ACTIONS,
    });
    expect(c.LastUpdatedTime).toBeInstanceOf(Date);
    expect(c.LastUpdatedTime!.getTime()).toBeGreaterThan(c0.LastUpdatedTime!.getTime());
  });

  it('keeps Type, id and account even when the body tries to change them', async () => {
    const id = uid('immutable');
    await create(admin, id, { Type: 'ASANA' });
    const c = patchBody(t.client(), (b) => {
      b.Type = 'SLACK';
      b.ActionConnectorId = 'other-id';
      b.AwsAccountId = OTHER_ACCOUNT;
      b.Arn = 'arn:x';
    });
    const u = await c.send(
      new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, Name: 'Renamed', AuthenticationConfig: AUTH.API_KEY }),
    );
    expect(u.ActionConnectorId).toBe(id);
    const d = (await describeC(admin, id)).ActionConnector!;
    expect(d.Type).toBe('ASANA');
    expect(d.ActionConnectorId).toBe(id);
    expect(d.Arn).toBe(connArn(id));
    expect(d.Name).toBe('Renamed');
    await expectError(describeC(admin, 'other-id'), 'ResourceNotFoundException', 404);
  });

  it('keeps permissions and tags across an update', async () => {
    const id = uid('update-keeps');
    await create(admin, id, { Type: 'AMAZON_S3', Tags: [{ Key: 'team', Value: 'core' }] });
    const p0 = (await describePerms(admin, id)).Permissions;
    await admin.send(new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, Name: 'Updated', AuthenticationConfig: AUTH.IAM }));
    expect((await describePerms(admin, id)).Permissions).toEqual(p0);
    expect((await listTags(admin, connArn(id))).Tags).toEqual([{ Key: 'team', Value: 'core' }]);
  });

  it('a second update still reports UPDATE_SUCCESSFUL and keeps CreatedTime', async () => {
    const id = uid('update-twice');
    await create(admin, id);
    const created = (await describeC(admin, id)).ActionConnector!.CreatedTime;
    for (const name of ['One', 'Two']) {
      const u = await admin.send(
        new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, Name: name, AuthenticationConfig: AUTH.NONE }),
      );
      expect(u.UpdateStatus).toBe('UPDATE_SUCCESSFUL');
    }
    const c = (await describeC(admin, id)).ActionConnector!;
    expect(c.Name).toBe('Two');
    expect(c.CreatedTime).toEqual(created);
    expect(c.Status).toBe('UPDATE_SUCCESSFUL');
  });
});

describe('DeleteActionConnector', () => {
  it('returns Arn, ActionConnectorId and RequestId, then the connector is gone everywhere', async () => {
    const id = uid('delete');
    await create(admin, id, { Tags: [{ Key: 'a', Value: '1' }] });
    const r = await admin.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
    expectMeta(r);
    expect(r.Arn).toBe(connArn(id));
    expect(r.ActionConnectorId).toBe(id);
    expect(Object.keys(r).sort()).toEqual(['$metadata', 'ActionConnectorId', 'Arn', 'RequestId', 'Status']);
    await expectError(describeC(admin, id), 'ResourceNotFoundException', 404);
    await expectError(describePerms(admin, id), 'ResourceNotFoundException', 404);
    await expectError(listTags(admin, connArn(id)), 'ResourceNotFoundException', 404);
    await expectError(admin.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id })), 'ResourceNotFoundException', 404);
    await expectError(
      admin.send(new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, Name: 'Back', AuthenticationConfig: AUTH.NONE })),
      'ResourceNotFoundException',
      404,
    );
    await expectError(
      updatePerms(admin, id, [{ Principal: userArnOf('admin'), Actions: ['quicksight:DescribeActionConnector'] }]),
      'ResourceNotFoundException',
      404,
    );
    const list = await admin.send(
      new qs.SearchActionConnectorsCommand({
        AwsAccountId: ACCOUNT,
        Filters: [{ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringEquals', Value: `Connector ${id}` }],
      }),
    );
    expect(list.ActionConnectorSummaries).toEqual([]);
  });

  it('a re-created id starts fresh: new permissions, no old tags, CREATION_SUCCESSFUL', async () => {
    const id = uid('recreate');
    const author = await t.addUser(uid('recreate-author'), 'AUTHOR');
    await create(admin, id, {
      Tags: [{ Key: 'old', Value: 'tag' }],
      Permissions: [{ Principal: author.arn, Actions: ['quicksight:DescribeActionConnector'] }],
    });
    await admin.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
    await create(admin, id, { Name: 'Second Life' });
    const c = (await describeC(admin, id)).ActionConnector!;
    expect(c.Name).toBe('Second Life');
    expect(c.Status).toBe('CREATION_SUCCESSFUL');
    expect((await listTags(admin, connArn(id))).Tags).toEqual([]);
    expect((await describePerms(admin, id)).Permissions).toEqual([{ Principal: userArnOf('admin'), Actions: SORTED_ACTIONS }]);
    await expectError(describeC(t.client(author), id), 'AccessDeniedException', 401);
  });
});

describe('wire details', () => {
  it('every response carries the x-amzn-RequestId header equal to the body RequestId, unique per request', async () => {
    const id = uid('reqid');
    const ids = new Set<string>();
    const a = await create(admin, id);
    const b = await describeC(admin, id);
    const c = await describePerms(admin, id);
    for (const r of [a, b, c]) {
      expect(r.RequestId).toMatch(UUID);
      expect(r.$metadata.requestId).toBe(r.RequestId);
      ids.add(r.RequestId!);
    }
    expect(ids.size).toBe(3);
  });

  it('ignores unknown JSON members, as AWS does', async () => {
    const id = uid('unknown-members');
    const c = patchBody(t.client(), (b) => {
      b.SomethingNew = { x: 1 };
      b.AuthenticationConfig.Extra = 'y';
      b.AuthenticationConfig.AuthenticationMetadata.BasicAuthConnectionMetadata.Other = 3;
    });
    await c.send(new qs.CreateActionConnectorCommand(createInput(id)));
    const d = (await describeC(admin, id)).ActionConnector!;
    expect(d.AuthenticationConfig).toEqual({
      AuthenticationType: 'BASIC',
      AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: 'https://api.example.com', Username: 'svc' } },
    });
  });
});

describe('servers with VPC connections and throttling configured', () => {
  it('accepts a configured VpcConnectionArn and reads it back; an unknown one is refused and changes nothing', async () => {
    const vpc = `arn:aws:quicksight:${REGION}:${ACCOUNT}:vpcConnection/egress-a`;
    const s = await startTestServer({ vpcConnections: { [vpc]: { allowCidrs: ['10.1.0.0/16'] } } });
    try {
      const c = s.client();
      const id = uid('vpc');
      await create(c, id, { VpcConnectionArn: vpc });
      expect((await describeC(c, id)).ActionConnector!.VpcConnectionArn).toBe(vpc);
      const id2 = uid('vpc-later');
      await create(c, id2);
      await c.send(
        new qs.UpdateActionConnectorCommand({
          AwsAccountId: ACCOUNT,
          ActionConnectorId: id2,
          Name: 'With Vpc',
          AuthenticationConfig: AUTH.NONE,
          VpcConnectionArn: vpc,
        }),
      );
      expect((await describeC(c, id2)).ActionConnector!.VpcConnectionArn).toBe(vpc);
      const before = (await describeC(c, id)).ActionConnector;
      const e = await expectError(
        c.send(
          new qs.UpdateActionConnectorCommand({
            AwsAccountId: ACCOUNT,
            ActionConnectorId: id,
            Name: 'Other Vpc',
            AuthenticationConfig: AUTH.NONE,
            VpcConnectionArn: `${vpc}-b`,
          }),
        ),
        'InvalidParameterValueException',
        400,
      );
      expect(e.message).toContain("'vpcConnectionArn'");
      expect((await describeC(c, id)).ActionConnector).toEqual(before);
    } finally {
      await s.stop();
    }
  });

  it('answers ThrottlingException (429) when an account exceeds its rate, and the throttled request does nothing', async () => {
    // Ten at once against a burst of 2 refilled at 5/s: all ten pass only if they are spread
    // over more than 1.6 s, which a loaded machine does not reach.
    const s = await startTestServer({ throttle: { ratePerSecond: 5, burst: 2 } });
    try {
      const c = s.client(); // maxAttempts 1: the SDK does not retry
      const ids = Array.from({ length: 10 }, () => uid('thr'));
      const results = await Promise.allSettled(ids.map((id) => create(c, id)));
      const throttled = results.map((r, i) => [r, ids[i]!] as const).filter(([r]) => r.status === 'rejected');
      expect(throttled.length).toBeGreaterThanOrEqual(1);
      for (const [r] of throttled) {
        const err = (r as PromiseRejectedResult).reason as Error & { $metadata: { httpStatusCode: number } };
        expect(err.name).toBe('ThrottlingException');
        expect(err.$metadata.httpStatusCode).toBe(429);
      }
      for (const [, id] of throttled) {
        await new Promise((r) => setTimeout(r, 250)); // let the bucket refill (one request per 200 ms)
        await expectError(describeC(c, id), 'ResourceNotFoundException', 404);
      }
    } finally {
      await s.stop();
    }
  });
});
