// DescribeActionConnectorPermissions / UpdateActionConnectorPermissions, and
// how resource permissions govern every operation for non-admin callers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, createInput, expectError, qs, startTestServer, type TestServer, type TestUser } from './helpers.js';
import {
  ALL_ACTIONS,
  AUTH,
  SORTED_ACTIONS,
  connArn,
  create,
  describeC,
  describePerms,
  expectInvalid,
  expectMeta,
  groupArnOf,
  listTags,
  normPerms,
  snapshot,
  uid,
  updatePerms,
  userArnOf,
} from './api-support.js';

let t: TestServer;
let admin: qs.QuickSightClient;
let author: TestUser;
let authorC: qs.QuickSightClient;
let reader: TestUser;
let readerC: qs.QuickSightClient;
let member: TestUser;
let memberC: qs.QuickSightClient; // READER in group 'team'
let outsider: TestUser;
let outsiderC: qs.QuickSightClient; // READER, no grants
const TEAM = groupArnOf('team');

beforeAll(async () => {
  t = await startTestServer();
  admin = t.client();
  author = await t.addUser('perm-author', 'AUTHOR');
  authorC = t.client(author);
  reader = await t.addUser('perm-reader', 'READER');
  readerC = t.client(reader);
  member = await t.addUser('perm-member', 'READER', ['team']);
  memberC = t.client(member);
  outsider = await t.addUser('perm-outsider', 'READER');
  outsiderC = t.client(outsider);
});
afterAll(async () => {
  await t.stop();
});

const D = 'quicksight:DescribeActionConnector';
const U = 'quicksight:UpdateActionConnector';
const DEL = 'quicksight:DeleteActionConnector';
const DP = 'quicksight:DescribeActionConnectorPermissions';
const UP = 'quicksight:UpdateActionConnectorPermissions';
const L = 'quicksight:ListActionConnectorActions';
const I = 'quicksight:InvokeActionConnector';

/** Every operation on one connector, as a named thunk, for one client. */
function everyOp(c: qs.QuickSightClient, id: string): [string, () => Promise<unknown>][] {
  const k = { AwsAccountId: ACCOUNT, ActionConnectorId: id };
  return [
    ['Describe', () => c.send(new qs.DescribeActionConnectorCommand(k))],
    ['Update', () => c.send(new qs.UpdateActionConnectorCommand({ ...k, Name: 'Hijacked', AuthenticationConfig: AUTH.NONE }))],
    ['Delete', () => c.send(new qs.DeleteActionConnectorCommand(k))],
    ['DescribePermissions', () => c.send(new qs.DescribeActionConnectorPermissionsCommand(k))],
    [
      'UpdatePermissions',
      () =>
        c.send(
          new qs.UpdateActionConnectorPermissionsCommand({ ...k, GrantPermissions: [{ Principal: userArnOf('perm-outsider'), Actions: [...ALL_ACTIONS] }] }),
        ),
    ],
    ['TagResource', () => c.send(new qs.TagResourceCommand({ ResourceArn: connArn(id), Tags: [{ Key: 'x', Value: 'y' }] }))],
    ['UntagResource', () => c.send(new qs.UntagResourceCommand({ ResourceArn: connArn(id), TagKeys: ['keep'] }))],
    ['ListTagsForResource', () => c.send(new qs.ListTagsForResourceCommand({ ResourceArn: connArn(id) }))],
  ];
}

describe('DescribeActionConnectorPermissions', () => {
  it('shows the creator as owner with all 7 actions when Create has no Permissions', async () => {
    const id = uid('creator-owner');
    await create(authorC, id);
    const r = await describePerms(authorC, id);
    expectMeta(r);
    expect(r.Arn).toBe(connArn(id));
    expect(r.ActionConnectorId).toBe(id);
    expect(r.Permissions).toEqual([{ Principal: author.arn, Actions: SORTED_ACTIONS }]);
    expect(Object.keys(r).sort()).toEqual(['$metadata', 'ActionConnectorId', 'Arn', 'Permissions', 'RequestId', 'Status']);
    // ...and the creator may do everything with it.
    expect((await describeC(authorC, id)).ActionConnector!.ActionConnectorId).toBe(id);
    await authorC.send(
      new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, Name: 'Author Updated', AuthenticationConfig: AUTH.NONE }),
    );
    await authorC.send(new qs.TagResourceCommand({ ResourceArn: connArn(id), Tags: [{ Key: 'a', Value: 'b' }] }));
    expect((await listTags(authorC, connArn(id))).Tags).toEqual([{ Key: 'a', Value: 'b' }]);
    await authorC.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
    await expectError(describeC(admin, id), 'ResourceNotFoundException', 404);
  });

  it('an ADMIN creator becomes owner too', async () => {
    const id = uid('admin-owner');
    await create(admin, id);
    expect((await describePerms(admin, id)).Permissions).toEqual([{ Principal: userArnOf('admin'), Actions: SORTED_ACTIONS }]);
  });

  it('stores exactly the given Permissions (the creator is not added), actions sorted and de-duplicated', async () => {
    const id = uid('given-perms');
    await create(authorC, id, {
      Permissions: [
        { Principal: reader.arn, Actions: [U, D, D] },
        { Principal: TEAM, Actions: [I] },
      ],
    });
    expect(normPerms((await describePerms(admin, id)).Permissions)).toEqual(
      normPerms([
        { Principal: TEAM, Actions: [I] },
        { Principal: reader.arn, Actions: [D, U] },
      ]),
    );
    // The author gave itself nothing, so it has no access.
    await expectError(describeC(authorC, id), 'AccessDeniedException', 401);
  });
});

describe('UpdateActionConnectorPermissions', () => {
  const sorted = normPerms;

  it('grant merges actions per principal and returns the new permissions', async () => {
    const id = uid('grant-merge');
    await create(admin, id);
    const r1 = await updatePerms(admin, id, [{ Principal: reader.arn, Actions: [D] }]);
    expectMeta(r1);
    expect(r1.Arn).toBe(connArn(id));
    expect(r1.ActionConnectorId).toBe(id);
    const r2 = await updatePerms(admin, id, [
      { Principal: reader.arn, Actions: [U, D] },
      { Principal: TEAM, Actions: [L] },
    ]);
    const expected = sorted([
      { Principal: userArnOf('admin'), Actions: SORTED_ACTIONS },
      { Principal: reader.arn, Actions: [D, U] },
      { Principal: TEAM, Actions: [L] },
    ]);
    expect(sorted(r2.Permissions)).toEqual(expected);
    expect(sorted((await describePerms(admin, id)).Permissions)).toEqual(expected);
  });

  it('revoke removes actions; a principal with none left disappears; revoking what is not held is fine', async () => {
    const id = uid('revoke');
    await create(admin, id, {
      Permissions: [
        { Principal: userArnOf('admin'), Actions: [...ALL_ACTIONS] },
        { Principal: reader.arn, Actions: [D, U, DEL] },
      ],
    });
    let r = await updatePerms(admin, id, undefined, [{ Principal: reader.arn, Actions: [U, I] }]);
    expect(sorted(r.Permissions)).toEqual(
      sorted([
        { Principal: userArnOf('admin'), Actions: SORTED_ACTIONS },
        { Principal: reader.arn, Actions: [D, DEL] },
      ]),
    );
    r = await updatePerms(admin, id, undefined, [{ Principal: reader.arn, Actions: [D, DEL] }]);
    expect(r.Permissions).toEqual([{ Principal: userArnOf('admin'), Actions: SORTED_ACTIONS }]);
    r = await updatePerms(admin, id, undefined, [{ Principal: TEAM, Actions: [D] }]);
    expect(r.Permissions).toEqual([{ Principal: userArnOf('admin'), Actions: SORTED_ACTIONS }]);
    expect((await describePerms(admin, id)).Permissions).toEqual([{ Principal: userArnOf('admin'), Actions: SORTED_ACTIONS }]);
  });

  it('revoking every action of every principal leaves an empty list (ADMIN can still manage it)', async () => {
    const id = uid('revoke-all');
    await create(admin, id);
    const r = await updatePerms(admin, id, undefined, [{ Principal: userArnOf('admin'), Actions: [...ALL_ACTIONS] }]);
    expect(r.Permissions).toEqual([]);
    expect((await describePerms(admin, id)).Permissions).toEqual([]);
    expect((await describeC(admin, id)).ActionConnector!.ActionConnectorId).toBe(id);
  });

  it('with neither grants nor revokes it changes nothing and returns the current permissions', async () => {
    const id = uid('noop');
    await create(admin, id);
    const r = await updatePerms(admin, id);
    expect(r.Permissions).toEqual([{ Principal: userArnOf('admin'), Actions: SORTED_ACTIONS }]);
  });

  it('group grants work for members, and revoking the group takes access away', async () => {
    const id = uid('group-grant');
    await create(admin, id, { Tags: [{ Key: 'keep', Value: 'v' }] });
    await expectError(describeC(memberC, id), 'AccessDeniedException', 401);
    await updatePerms(admin, id, [{ Principal: TEAM, Actions: [D] }]);
    expect((await describeC(memberC, id)).ActionConnector!.ActionConnectorId).toBe(id);
    expect((await listTags(memberC, connArn(id))).Tags).toEqual([{ Key: 'keep', Value: 'v' }]);
    await expectError(
      memberC.send(new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, Name: 'By Member', AuthenticationConfig: AUTH.NONE })),
      'AccessDeniedException',
      401,
    );
    await updatePerms(admin, id, [{ Principal: TEAM, Actions: [U] }]);
    const u = await memberC.send(
      new qs.UpdateActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id, Name: 'By Member', AuthenticationConfig: AUTH.NONE }),
    );
    expect(u.UpdateStatus).toBe('UPDATE_SUCCESSFUL');
    // Not a member: no access through the group.
    await expectError(describeC(outsiderC, id), 'AccessDeniedException', 401);
    await updatePerms(admin, id, undefined, [{ Principal: TEAM, Actions: [D, U] }]);
    await expectError(describeC(memberC, id), 'AccessDeniedException', 401);
    expect((await describeC(admin, id)).ActionConnector!.Name).toBe('By Member');
  });

  it('a non-admin owner may grant to others, who then gain exactly what was granted', async () => {
    const id = uid('delegate');
    await create(authorC, id);
    await updatePerms(authorC, id, [{ Principal: reader.arn, Actions: [D, DP] }]);
    expect((await describeC(readerC, id)).ActionConnector!.ActionConnectorId).toBe(id);
    expect((await describePerms(readerC, id)).Permissions).toHaveLength(2);
    await expectError(updatePerms(readerC, id, [{ Principal: reader.arn, Actions: [UP] }]), 'AccessDeniedException', 401);
    await expectError(readerC.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id })), 'AccessDeniedException', 401);
  });

  it('removing a user or group removes its grants; a revoke may still name them', async () => {
    const id = uid('stale-principal');
    const gone = await t.addUser(uid('gone-user'), 'READER', ['gone-group']);
    await create(admin, id, {
      Permissions: [
        { Principal: userArnOf('admin'), Actions: [...ALL_ACTIONS] },
        { Principal: gone.arn, Actions: [D, U] },
        { Principal: groupArnOf('gone-group'), Actions: [D] },
      ],
    });
    // What `actionbridge users remove` / `groups remove` do (the CLI costs seconds per call; the store is the same).
    expect(await t.server.store.identities.deleteUser(ACCOUNT, gone.name, gone.arn)).toBe(true);
    expect(await t.server.store.identities.deleteGroup(ACCOUNT, 'gone-group', groupArnOf('gone-group'))).toBe(true);
    // Their grants went with them: a user re-created under the same name inherits nothing.
    expect((await describePerms(admin, id)).Permissions).toEqual([{ Principal: userArnOf('admin'), Actions: SORTED_ACTIONS }]);
    const again = await t.addUser(gone.name, 'READER');
    await expectError(describeC(t.client(again), id), 'AccessDeniedException', 401);
    // Granting to a principal that does not exist is refused...
    await expectInvalid(
      updatePerms(admin, id, [{ Principal: groupArnOf('gone-group'), Actions: [DEL] }]),
      'grantPermissions.1.member.principal',
      'does not exist',
    );
    // ...but a revoke naming one is accepted (nothing to remove).
    const r = await updatePerms(admin, id, undefined, [{ Principal: groupArnOf('gone-group'), Actions: [D] }]);
    expect(r.Permissions).toEqual([{ Principal: userArnOf('admin'), Actions: SORTED_ACTIONS }]);
    // Revokes are still checked for shape: a namespace is not a principal.
    await expectInvalid(
      updatePerms(admin, id, undefined, [{ Principal: `arn:aws:quicksight:us-east-1:${ACCOUNT}:namespace/default`, Actions: [D] }]),
      'revokePermissions.1.member.principal',
      'user or group ARN',
    );
  });

  it('LimitExceededException (409) beyond 64 principals, changing nothing', async () => {
    const id = uid('limit');
    const groups = Array.from({ length: 70 }, (_, k) => `lim-${String(k).padStart(2, '0')}`);
    await t.addUser(uid('limit-user'), 'READER', groups);
    const grant = (names: string[]) => names.map((g) => ({ Principal: groupArnOf(g), Actions: [D] }));
    await create(admin, id, { Permissions: [{ Principal: userArnOf('admin'), Actions: [...ALL_ACTIONS] }, ...grant(groups.slice(0, 60))] });
    // 61 + 3 = 64: allowed.
    expect((await updatePerms(admin, id, grant(groups.slice(60, 63)))).Permissions).toHaveLength(64);
    const before = await snapshot(admin, id);
    const e = await expectError(updatePerms(admin, id, grant(groups.slice(63, 65))), 'LimitExceededException', 409);
    expect(e.message).toContain('64');
    expect(await snapshot(admin, id)).toEqual(before);
    // Granting more actions to principals already present is not a new principal.
    expect(
      (
        await updatePerms(
          admin,
          id,
          grant(groups.slice(0, 10)).map((p) => ({ ...p, Actions: [D, U] })),
        )
      ).Permissions,
    ).toHaveLength(64);
    // Revoke one, then one more fits; a grant and a revoke in one call are counted together.
    await updatePerms(admin, id, undefined, [{ Principal: groupArnOf(groups[0]!), Actions: [D, U] }]);
    expect((await updatePerms(admin, id, grant([groups[65]!]))).Permissions).toHaveLength(64);
    await expectError(updatePerms(admin, id, grant([groups[66]!])), 'LimitExceededException', 409);
  });
});

describe('access control for non-admin callers', () => {
  it('a READER may not create', async () => {
    const id = uid('reader-create');
    const e = await expectError(create(readerC, id), 'AccessDeniedException', 401);
    expect(e.message).toContain('READER');
    await expectError(describeC(admin, id), 'ResourceNotFoundException', 404);
  });

  it('a user without grants gets AccessDeniedException (401) on every operation, and nothing changes', async () => {
    const id = uid('no-grants');
    await create(admin, id, { Tags: [{ Key: 'keep', Value: 'v' }] });
    const before = await snapshot(admin, id);
    for (const [name, call] of [...everyOp(outsiderC, id), ...everyOp(authorC, id)]) {
      await expectError(call(), 'AccessDeniedException', 401).catch((e: Error) => {
        throw new Error(`${name}: ${e.message}`);
      });
    }
    expect(await snapshot(admin, id)).toEqual(before);
  });

  it('a non-admin gets AccessDeniedException, not ResourceNotFoundException, for a connector that does not exist', async () => {
    const id = uid('ghost');
    for (const [name, call] of [...everyOp(outsiderC, id), ...everyOp(authorC, id)]) {
      await expectError(call(), 'AccessDeniedException', 401).catch((e: Error) => {
        throw new Error(`${name}: ${e.message}`);
      });
    }
    await expectError(describeC(admin, id), 'ResourceNotFoundException', 404);
  });

  it('a grant that outlived its connector gives nothing once the id is re-created', async () => {
    const id = uid('stale');
    await create(admin, id, {
      Permissions: [
        { Principal: userArnOf('admin'), Actions: [...ALL_ACTIONS] },
        { Principal: reader.arn, Actions: [D] },
      ],
    });
    await admin.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
    await expectError(describeC(readerC, id), 'AccessDeniedException', 401);
    await create(admin, id);
    await expectError(describeC(readerC, id), 'AccessDeniedException', 401);
  });

  it('each action allows exactly its operation', async () => {
    const id = uid('per-action');
    await create(admin, id, { Tags: [{ Key: 'keep', Value: 'v' }] });
    const ops = Object.fromEntries(everyOp(readerC, id));
    const only = async (actions: string[]) => {
      await updatePerms(admin, id, undefined, [{ Principal: reader.arn, Actions: [...ALL_ACTIONS] }]).catch(() => undefined);
      await updatePerms(admin, id, [{ Principal: reader.arn, Actions: actions }]);
    };
    await only([DP]);
    expect((await describePerms(readerC, id)).ActionConnectorId).toBe(id);
    await expectError(ops.Describe!(), 'AccessDeniedException', 401);
    await expectError(ops.ListTagsForResource!(), 'AccessDeniedException', 401);

    await only([D]);
    expect((await describeC(readerC, id)).ActionConnector!.ActionConnectorId).toBe(id);
    expect((await listTags(readerC, connArn(id))).Tags).toEqual([{ Key: 'keep', Value: 'v' }]);
    for (const n of ['Update', 'Delete', 'DescribePermissions', 'UpdatePermissions', 'TagResource', 'UntagResource'])
      await expectError(ops[n]!(), 'AccessDeniedException', 401);

    await only([U]);
    await readerC.send(new qs.TagResourceCommand({ ResourceArn: connArn(id), Tags: [{ Key: 'by', Value: 'reader' }] }));
    await readerC.send(new qs.UntagResourceCommand({ ResourceArn: connArn(id), TagKeys: ['by'] }));
    expect(((await ops.Update!()) as qs.UpdateActionConnectorCommandOutput).UpdateStatus).toBe('UPDATE_SUCCESSFUL');
    await expectError(ops.Describe!(), 'AccessDeniedException', 401);

    await only([UP]);
    const r = await updatePerms(readerC, id, [{ Principal: TEAM, Actions: [L] }]);
    expect(r.Permissions!.map((p) => p.Principal)).toContain(TEAM);
    await expectError(ops.DescribePermissions!(), 'AccessDeniedException', 401);

    await only([L, I]);
    for (const n of ['Describe', 'Update', 'Delete', 'DescribePermissions', 'UpdatePermissions', 'TagResource', 'ListTagsForResource'])
      await expectError(ops[n]!(), 'AccessDeniedException', 401);

    await only([DEL]);
    await expectError(ops.Describe!(), 'AccessDeniedException', 401);
    await ops.Delete!();
    await expectError(describeC(admin, id), 'ResourceNotFoundException', 404);
  });

  it('an AUTHOR creating with Permissions for others gives them access', async () => {
    const id = uid('author-grants');
    await authorC.send(
      new qs.CreateActionConnectorCommand(
        createInput(id, {
          Permissions: [
            { Principal: author.arn, Actions: [...ALL_ACTIONS] },
            { Principal: TEAM, Actions: [D] },
          ],
        }),
      ),
    );
    expect((await describeC(memberC, id)).ActionConnector!.ActionConnectorId).toBe(id);
    await expectError(describeC(outsiderC, id), 'AccessDeniedException', 401);
  });
});
