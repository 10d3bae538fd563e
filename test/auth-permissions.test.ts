// Authorization (PRODUCT.md §2): the account check, roles, and resource
// permissions granted directly or through groups, over every operation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, OTHER_ACCOUNT, cli, createInput, expectError, qs, startTestServer, type TestServer, type TestUser } from './helpers.js';
import { ALL_ACTIONS, connArnOf, dbSnapshot, groupArnOf, listIds, userArnOf } from './auth-support.js';

let t: TestServer;
let admin: qs.QuickSightClient;
const users: Record<string, TestUser> = {};

/** The CLI against the running server's data dir. */
const abcli = (...args: string[]) => cli([...args, '--data-dir', t.dataDir]);

beforeAll(async () => {
  t = await startTestServer();
  admin = t.client();
  users.author = await t.addUser('m-author', 'AUTHOR');
  users.reader = await t.addUser('m-reader', 'READER');
  users.lister = await t.addUser('lister', 'READER');
  users.lister2 = await t.addUser('lister2', 'AUTHOR');
  users.creator = await t.addUser('creator', 'AUTHOR');
  // Group memberships through the CLI while the server runs.
  abcli('groups', 'add', '--account', ACCOUNT, '--name', 'g-author');
  abcli('groups', 'add-member', '--account', ACCOUNT, '--name', 'g-author', '--user', 'm-author');
  abcli('groups', 'add-member', '--account', ACCOUNT, '--name', 'g-reader', '--user', 'm-reader');
  abcli('groups', 'add-member', '--account', ACCOUNT, '--name', 'g-listers', '--user', 'lister');
  abcli('groups', 'add', '--account', ACCOUNT, '--name', 'g-nobody');
});
afterAll(async () => {
  await t.stop();
});

const basic = createInput('x').AuthenticationConfig;

interface Op {
  name: string;
  action: string;
  run: (c: qs.QuickSightClient, id: string, account?: string) => Promise<unknown>;
}
const OPS: Op[] = [
  {
    name: 'DescribeActionConnector',
    action: 'quicksight:DescribeActionConnector',
    run: (c, id, a = ACCOUNT) => c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: a, ActionConnectorId: id })),
  },
  {
    name: 'UpdateActionConnector',
    action: 'quicksight:UpdateActionConnector',
    run: (c, id, a = ACCOUNT) =>
      c.send(new qs.UpdateActionConnectorCommand({ AwsAccountId: a, ActionConnectorId: id, Name: 'Updated name', AuthenticationConfig: basic })),
  },
  {
    name: 'DeleteActionConnector',
    action: 'quicksight:DeleteActionConnector',
    run: (c, id, a = ACCOUNT) => c.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: a, ActionConnectorId: id })),
  },
  {
    name: 'DescribeActionConnectorPermissions',
    action: 'quicksight:DescribeActionConnectorPermissions',
    run: (c, id, a = ACCOUNT) => c.send(new qs.DescribeActionConnectorPermissionsCommand({ AwsAccountId: a, ActionConnectorId: id })),
  },
  {
    name: 'UpdateActionConnectorPermissions',
    action: 'quicksight:UpdateActionConnectorPermissions',
    run: (c, id, a = ACCOUNT) =>
      c.send(
        new qs.UpdateActionConnectorPermissionsCommand({
          AwsAccountId: a,
          ActionConnectorId: id,
          GrantPermissions: [{ Principal: groupArnOf('g-nobody'), Actions: ['quicksight:DescribeActionConnector'] }],
        }),
      ),
  },
  {
    name: 'TagResource',
    action: 'quicksight:UpdateActionConnector',
    run: (c, id, a = ACCOUNT) => c.send(new qs.TagResourceCommand({ ResourceArn: connArnOf(id, 'us-east-1', a), Tags: [{ Key: 'team', Value: 'x' }] })),
  },
  {
    name: 'UntagResource',
    action: 'quicksight:UpdateActionConnector',
    run: (c, id, a = ACCOUNT) => c.send(new qs.UntagResourceCommand({ ResourceArn: connArnOf(id, 'us-east-1', a), TagKeys: ['team'] })),
  },
  {
    name: 'ListTagsForResource',
    action: 'quicksight:DescribeActionConnector',
    run: (c, id, a = ACCOUNT) => c.send(new qs.ListTagsForResourceCommand({ ResourceArn: connArnOf(id, 'us-east-1', a) })),
  },
];

/** Account-level operations (no connector id). */
const ACCOUNT_OPS: { name: string; run: (c: qs.QuickSightClient, account: string) => Promise<unknown> }[] = [
  {
    name: 'CreateActionConnector',
    run: (c, a) => c.send(new qs.CreateActionConnectorCommand({ ...createInput(`acct-${Math.random().toString(36).slice(2, 8)}`), AwsAccountId: a })),
  },
  { name: 'ListActionConnectors', run: (c, a) => c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: a })) },
  {
    name: 'SearchActionConnectors',
    run: (c, a) =>
      c.send(new qs.SearchActionConnectorsCommand({ AwsAccountId: a, Filters: [{ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringLike', Value: 'c' }] })),
  },
];

type Mode = 'direct' | 'group' | 'revoked-direct' | 'revoked-group' | 'other-actions' | 'none';
const MODES: Mode[] = ['direct', 'group', 'revoked-direct', 'revoked-group', 'other-actions', 'none'];

async function setUp(id: string, mode: Mode, user: TestUser, group: string, action: string) {
  const grant =
    mode === 'direct' || mode === 'revoked-direct'
      ? [{ Principal: user.arn, Actions: [action] }]
      : mode === 'group' || mode === 'revoked-group'
        ? [{ Principal: groupArnOf(group), Actions: [action] }]
        : mode === 'other-actions'
          ? [{ Principal: user.arn, Actions: ALL_ACTIONS.filter((a) => a !== action) }]
          : undefined;
  await admin.send(
    new qs.CreateActionConnectorCommand(
      createInput(id, {
        Permissions: grant ? [...grant, { Principal: userArnOf('admin'), Actions: [...ALL_ACTIONS] }] : undefined,
        Tags: [{ Key: 'team', Value: 'a' }],
      }),
    ),
  );
  if (mode.startsWith('revoked')) {
    await admin.send(new qs.UpdateActionConnectorPermissionsCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, RevokePermissions: grant }));
  }
}

describe('matrix: role × grant × operation', () => {
  let n = 0;
  for (const role of ['AUTHOR', 'READER'] as const) {
    for (const op of OPS) {
      for (const mode of MODES) {
        const allowed = mode === 'direct' || mode === 'group';
        it(`${role} ${mode}: ${op.name} is ${allowed ? 'allowed' : 'AccessDenied'}`, async () => {
          const user = role === 'AUTHOR' ? users.author! : users.reader!;
          const id = `mx-${role.toLowerCase()}-${++n}`;
          await setUp(id, mode, user, role === 'AUTHOR' ? 'g-author' : 'g-reader', op.action);
          const c = t.client(user);
          if (allowed) {
            await op.run(c, id);
          } else {
            const before = dbSnapshot(t.dataDir);
            const e = await expectError(op.run(c, id), 'AccessDeniedException', 401);
            expect(e.message).toContain(op.action);
            expect(dbSnapshot(t.dataDir)).toEqual(before);
          }
        });
      }
    }
  }

  for (const op of OPS) {
    it(`ADMIN without any grant: ${op.name} is allowed; on a missing connector it is ResourceNotFoundException`, async () => {
      const id = `mx-admin-${op.name}`;
      await t.client(users.creator!).send(new qs.CreateActionConnectorCommand(createInput(id, { Tags: [{ Key: 'team', Value: 'a' }] })));
      const held = await admin.send(new qs.DescribeActionConnectorPermissionsCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
      expect(held.Permissions!.map((p) => p.Principal)).toEqual([users.creator!.arn]);
      await op.run(admin, id);
      await expectError(op.run(admin, 'mx-admin-missing'), 'ResourceNotFoundException', 404);
    });
  }
});

describe('effects of allowed operations through grants', () => {
  it('a READER granted Update, Delete and UpdatePermissions directly can use them; effects are visible', async () => {
    await setUp('fx-1', 'direct', users.reader!, 'g-reader', 'quicksight:UpdateActionConnector');
    const c = t.client(users.reader!);
    await c.send(
      new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'fx-1', Name: 'Reader renamed', AuthenticationConfig: basic }),
    );
    expect((await admin.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'fx-1' }))).ActionConnector?.Name).toBe(
      'Reader renamed',
    );
    // Holding Update does not give Describe.
    await expectError(c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'fx-1' })), 'AccessDeniedException', 401);

    await admin.send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'fx-1',
        GrantPermissions: [{ Principal: groupArnOf('g-reader'), Actions: ['quicksight:DeleteActionConnector'] }],
      }),
    );
    await c.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'fx-1' }));
    await expectError(
      admin.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'fx-1' })),
      'ResourceNotFoundException',
      404,
    );
  });

  it('an owner through a group can grant to others, and a grant is usable at once', async () => {
    await setUp('fx-2', 'group', users.author!, 'g-author', 'quicksight:UpdateActionConnectorPermissions');
    const owner = t.client(users.author!);
    await expectError(
      t.client(users.reader!).send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'fx-2' })),
      'AccessDeniedException',
      401,
    );
    await owner.send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'fx-2',
        GrantPermissions: [{ Principal: users.reader!.arn, Actions: ['quicksight:DescribeActionConnector'] }],
      }),
    );
    await t.client(users.reader!).send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'fx-2' }));
    // ...and revoking its own ownership leaves it without access.
    await owner.send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'fx-2',
        RevokePermissions: [{ Principal: groupArnOf('g-author'), Actions: ['quicksight:UpdateActionConnectorPermissions'] }],
      }),
    );
    await expectError(
      owner.send(new qs.DescribeActionConnectorPermissionsCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'fx-2' })),
      'AccessDeniedException',
      401,
    );
  });

  it("leaving the group (groups remove-member) takes the group's grants away at once; rejoining restores them", async () => {
    const u = await t.addUser('leaver', 'READER', ['g-leavers']);
    await admin.send(
      new qs.CreateActionConnectorCommand(
        createInput('fx-3', { Permissions: [{ Principal: groupArnOf('g-leavers'), Actions: ['quicksight:DescribeActionConnector'] }] }),
      ),
    );
    const c = t.client(u);
    const describe = () => c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'fx-3' }));
    await describe();
    abcli('groups', 'remove-member', '--account', ACCOUNT, '--name', 'g-leavers', '--user', 'leaver');
    await expectError(describe(), 'AccessDeniedException', 401);
    expect(await listIds(t, c)).toEqual([]);
    abcli('groups', 'add-member', '--account', ACCOUNT, '--name', 'g-leavers', '--user', 'leaver');
    await describe();
    abcli('groups', 'remove', '--account', ACCOUNT, '--name', 'g-leavers');
    await expectError(describe(), 'AccessDeniedException', 401);
  });
});

describe('roles and creation', () => {
  it('READER cannot create, with or without Permissions; nothing is stored', async () => {
    const c = t.client(users.reader!);
    const before = dbSnapshot(t.dataDir);
    await expectError(c.send(new qs.CreateActionConnectorCommand(createInput('reader-made'))), 'AccessDeniedException', 401);
    await expectError(
      c.send(new qs.CreateActionConnectorCommand(createInput('reader-made', { Permissions: [{ Principal: users.reader!.arn, Actions: [...ALL_ACTIONS] }] }))),
      'AccessDeniedException',
      401,
    );
    expect(dbSnapshot(t.dataDir)).toEqual(before);
  });

  it('AUTHOR creating without Permissions becomes owner with every action, and can then do everything', async () => {
    const c = t.client(users.author!);
    await c.send(new qs.CreateActionConnectorCommand(createInput('author-owned')));
    const p = await c.send(new qs.DescribeActionConnectorPermissionsCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'author-owned' }));
    expect(p.Permissions).toEqual([{ Principal: users.author!.arn, Actions: [...ALL_ACTIONS].sort() }]);
    for (const op of OPS.filter((o) => o.name !== 'DeleteActionConnector')) await op.run(c, 'author-owned');
    expect(await listIds(t, c)).toContain('author-owned');
    const s = await c.send(
      new qs.SearchActionConnectorsCommand({
        AwsAccountId: ACCOUNT,
        Filters: [{ Name: 'DIRECT_QUICKSIGHT_SOLE_OWNER', Operator: 'StringEquals', Value: users.author!.arn }],
      }),
    );
    expect(s.ActionConnectorSummaries!.map((x) => x.ActionConnectorId)).toContain('author-owned');
    await c.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'author-owned' }));
  });

  it('AUTHOR creating with explicit Permissions gets exactly those', async () => {
    const c = t.client(users.author!);
    await c.send(
      new qs.CreateActionConnectorCommand(
        createInput('author-gave-away', { Permissions: [{ Principal: users.reader!.arn, Actions: ['quicksight:DescribeActionConnector'] }] }),
      ),
    );
    await expectError(
      c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'author-gave-away' })),
      'AccessDeniedException',
      401,
    );
    await t.client(users.reader!).send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'author-gave-away' }));
  });

  it('ADMIN creating without Permissions becomes owner', async () => {
    await admin.send(new qs.CreateActionConnectorCommand(createInput('admin-owned')));
    const p = await admin.send(new qs.DescribeActionConnectorPermissionsCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'admin-owned' }));
    expect(p.Permissions).toEqual([{ Principal: userArnOf('admin'), Actions: [...ALL_ACTIONS].sort() }]);
  });
});

describe('the account in the path', () => {
  it('every operation with another account in the path is AccessDeniedException 401, even for ADMIN; nothing changes', async () => {
    await admin.send(new qs.CreateActionConnectorCommand(createInput('acct-target')));
    const before = dbSnapshot(t.dataDir);
    for (const c of [admin, t.client(users.author!), t.client(users.reader!)]) {
      for (const op of OPS) await expectError(op.run(c, 'acct-target', OTHER_ACCOUNT), 'AccessDeniedException', 401);
      for (const op of ACCOUNT_OPS) await expectError(op.run(c, OTHER_ACCOUNT), 'AccessDeniedException', 401);
    }
    expect(dbSnapshot(t.dataDir)).toEqual(before);
  });

  it('an ADMIN of another account cannot touch this account, and sees only its own', async () => {
    const other = await t.addUser('other-admin', 'ADMIN', [], OTHER_ACCOUNT);
    const c = t.client(other);
    const before = dbSnapshot(t.dataDir);
    for (const op of OPS) await expectError(op.run(c, 'acct-target'), 'AccessDeniedException', 401);
    for (const op of ACCOUNT_OPS) await expectError(op.run(c, ACCOUNT), 'AccessDeniedException', 401);
    expect(dbSnapshot(t.dataDir)).toEqual(before);
    await c.send(new qs.CreateActionConnectorCommand({ ...createInput('other-acct-1'), AwsAccountId: OTHER_ACCOUNT }));
    expect(await listIds(t, c, OTHER_ACCOUNT)).toEqual(['other-acct-1']);
    // The id in the other account is not the same connector.
    await expectError(
      admin.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'other-acct-1' })),
      'ResourceNotFoundException',
      404,
    );
  });

  it('a grant cannot name a principal of another account', async () => {
    await expectError(
      admin.send(
        new qs.CreateActionConnectorCommand(
          createInput('cross-grant', {
            Permissions: [{ Principal: userArnOf('other-admin', 'us-east-1', OTHER_ACCOUNT), Actions: ['quicksight:DescribeActionConnector'] }],
          }),
        ),
      ),
      'InvalidParameterValueException',
      400,
    );
  });
});

describe('non-admins cannot learn whether a connector exists', () => {
  it('hidden and nonexistent connectors answer the same AccessDeniedException for every operation', async () => {
    await admin.send(new qs.CreateActionConnectorCommand(createInput('hidden-one')));
    for (const u of [users.author!, users.reader!]) {
      const c = t.client(u);
      for (const op of OPS) {
        const hidden = await expectError(op.run(c, 'hidden-one'), 'AccessDeniedException', 401);
        const missing = await expectError(op.run(c, 'nothing-xx'), 'AccessDeniedException', 401);
        expect(missing.message.replace('nothing-xx', 'ID')).toBe(hidden.message.replace('hidden-one', 'ID'));
      }
    }
  });

  it('a grant on a deleted connector reveals nothing either', async () => {
    await setUp('deleted-one', 'direct', users.reader!, 'g-reader', 'quicksight:DescribeActionConnector');
    await admin.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'deleted-one' }));
    await expectError(
      t.client(users.reader!).send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'deleted-one' })),
      'AccessDeniedException',
      401,
    );
    // Re-creating the id does not inherit the old grants.
    await admin.send(new qs.CreateActionConnectorCommand(createInput('deleted-one')));
    await expectError(
      t.client(users.reader!).send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'deleted-one' })),
      'AccessDeniedException',
      401,
    );
  });
});

describe('List and Search return only what the caller may describe', () => {
  const D = 'quicksight:DescribeActionConnector';
  it('direct and group Describe grants are listed; other grants, revoked grants and ungranted connectors are not', async () => {
    const lister = users.lister!;
    const mk = (id: string, perms?: qs.ResourcePermission[]) => admin.send(new qs.CreateActionConnectorCommand(createInput(id, { Permissions: perms })));
    await mk('ls-direct', [{ Principal: lister.arn, Actions: [D] }]);
    await mk('ls-group', [{ Principal: groupArnOf('g-listers'), Actions: [D, 'quicksight:UpdateActionConnector'] }]);
    await mk('ls-owner', [{ Principal: lister.arn, Actions: [...ALL_ACTIONS] }]);
    await mk('ls-update-only', [{ Principal: lister.arn, Actions: ['quicksight:UpdateActionConnector', 'quicksight:UpdateActionConnectorPermissions'] }]);
    await mk('ls-other-user', [{ Principal: users.lister2!.arn, Actions: [D] }]);
    await mk('ls-nobody');
    await mk('ls-revoked', [{ Principal: lister.arn, Actions: [D] }]);
    await admin.send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'ls-revoked',
        RevokePermissions: [{ Principal: lister.arn, Actions: [D] }],
      }),
    );

    const c = t.client(lister);
    const visible = ['ls-direct', 'ls-group', 'ls-owner'];
    expect(await listIds(t, c)).toEqual(visible);
    // Page by page, too.
    const paged: string[] = [];
    let token: string | undefined;
    do {
      const r = await c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 1, NextToken: token }));
      paged.push(...r.ActionConnectorSummaries!.map((s) => s.ActionConnectorId!));
      token = r.NextToken;
    } while (token);
    expect(paged).toEqual(visible);

    const search = async (f: qs.ActionConnectorSearchFilter) =>
      (await c.send(new qs.SearchActionConnectorsCommand({ AwsAccountId: ACCOUNT, Filters: [f] })))
        .ActionConnectorSummaries!.map((s) => s.ActionConnectorId)
        .sort();
    expect(await search({ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringLike', Value: 'ls-' })).toEqual(visible);
    expect(await search({ Name: 'ACTION_CONNECTOR_TYPE', Operator: 'StringEquals', Value: 'GENERIC_HTTP' })).toEqual(visible);
    expect(await search({ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringEquals', Value: 'Connector ls-nobody' })).toEqual([]);
    // Filters on another principal still only return what the caller may describe.
    expect(await search({ Name: 'QUICKSIGHT_VIEWER_OR_OWNER', Operator: 'StringEquals', Value: users.lister2!.arn })).toEqual([]);
    expect(await search({ Name: 'QUICKSIGHT_OWNER', Operator: 'StringEquals', Value: lister.arn })).toEqual(['ls-owner']);
    expect(await search({ Name: 'QUICKSIGHT_VIEWER_OR_OWNER', Operator: 'StringEquals', Value: lister.arn })).toEqual(visible);
    expect(await search({ Name: 'DIRECT_QUICKSIGHT_VIEWER_OR_OWNER', Operator: 'StringEquals', Value: lister.arn })).toEqual(['ls-direct', 'ls-owner']);

    // The ADMIN sees them all.
    const all = await listIds(t, admin);
    for (const id of [...visible, 'ls-update-only', 'ls-other-user', 'ls-nobody', 'ls-revoked']) expect(all).toContain(id);

    // Every listed connector is describable, and every unlisted one is not.
    for (const id of visible) await c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
    for (const id of ['ls-update-only', 'ls-other-user', 'ls-nobody', 'ls-revoked']) {
      await expectError(c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id })), 'AccessDeniedException', 401);
    }
  });

  it('a user with no grants at all lists nothing', async () => {
    const u = await t.addUser('empty-handed', 'AUTHOR');
    expect(await listIds(t, t.client(u))).toEqual([]);
    const s = await t
      .client(u)
      .send(new qs.SearchActionConnectorsCommand({ AwsAccountId: ACCOUNT, Filters: [{ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringLike', Value: '-' }] }));
    expect(s.ActionConnectorSummaries).toEqual([]);
  });

  it('a NextToken issued to one caller does not page for another', async () => {
    const r = await admin.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 1 }));
    expect(r.NextToken).toBeDefined();
    await expectError(
      t.client(users.lister!).send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 1, NextToken: r.NextToken })),
      'InvalidNextTokenException',
    );
  });
});

void ADMIN;
