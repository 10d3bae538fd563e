// TagResource, UntagResource and ListTagsForResource on action-connector ARNs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, OTHER_ACCOUNT, expectError, qs, startTestServer, type TestServer } from './helpers.js';
import { connArn, create, describeC, expectMeta, listTags, snapshot, uid } from './api-support.js';

let t: TestServer;
let admin: qs.QuickSightClient;
beforeAll(async () => {
  t = await startTestServer();
  admin = t.client();
});
afterAll(async () => {
  await t.stop();
});

const tag = (arn: string, Tags: qs.Tag[], c = admin) => c.send(new qs.TagResourceCommand({ ResourceArn: arn, Tags }));
const untag = (arn: string, TagKeys: string[], c = admin) => c.send(new qs.UntagResourceCommand({ ResourceArn: arn, TagKeys }));
const byKey = (tags: qs.Tag[] | undefined) => [...(tags ?? [])].sort((a, b) => (a.Key! < b.Key! ? -1 : a.Key! > b.Key! ? 1 : 0));
const many = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => ({ Key: `${prefix}${String(i).padStart(2, '0')}`, Value: `v${i}` }));

describe('tags', () => {
  it('Create stores Tags; ListTagsForResource returns them with RequestId', async () => {
    const id = uid('tags-create');
    await create(admin, id, {
      Tags: [
        { Key: 'team', Value: 'core' },
        { Key: 'env', Value: 'prod' },
      ],
    });
    const r = await listTags(admin, connArn(id));
    expectMeta(r);
    expect(byKey(r.Tags)).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'core' },
    ]);
  });

  it('a connector created without tags lists an empty set', async () => {
    const id = uid('tags-none');
    await create(admin, id);
    expect((await listTags(admin, connArn(id))).Tags).toEqual([]);
  });

  it('TagResource adds tags and replaces the value of an existing key', async () => {
    const id = uid('tags-replace');
    await create(admin, id, {
      Tags: [
        { Key: 'team', Value: 'core' },
        { Key: 'env', Value: 'prod' },
      ],
    });
    const r = await tag(connArn(id), [
      { Key: 'team', Value: 'platform' },
      { Key: 'cost', Value: '42' },
    ]);
    expectMeta(r);
    expect(byKey((await listTags(admin, connArn(id))).Tags)).toEqual([
      { Key: 'cost', Value: '42' },
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'platform' },
    ]);
  });

  it('keys and values keep any characters, and keys are case-sensitive', async () => {
    const id = uid('tags-chars');
    await create(admin, id);
    const tags = [
      { Key: 'a/b c:d=e+f@g', Value: 'x y/z' },
      { Key: 'Env', Value: 'Upper' },
      { Key: 'env', Value: 'lower' },
      { Key: 'ünï', Value: 'çødé' },
      { Key: 'k'.repeat(128), Value: 'v'.repeat(256) },
    ];
    await tag(connArn(id), tags);
    expect(byKey((await listTags(admin, connArn(id))).Tags)).toEqual(byKey(tags));
    await untag(connArn(id), ['a/b c:d=e+f@g', 'Env']);
    expect(byKey((await listTags(admin, connArn(id))).Tags)).toEqual(byKey(tags.slice(2)));
  });

  it('UntagResource removes only the given keys; an absent key is not an error', async () => {
    const id = uid('tags-untag');
    await create(admin, id, {
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
        { Key: 'c', Value: '3' },
      ],
    });
    const r = await untag(connArn(id), ['b', 'not-there']);
    expectMeta(r);
    expect(byKey((await listTags(admin, connArn(id))).Tags)).toEqual([
      { Key: 'a', Value: '1' },
      { Key: 'c', Value: '3' },
    ]);
    await untag(connArn(id), ['never-was']);
    expect(byKey((await listTags(admin, connArn(id))).Tags)).toEqual([
      { Key: 'a', Value: '1' },
      { Key: 'c', Value: '3' },
    ]);
  });

  it('allows 50 tags; a 51st is LimitExceededException (409) and changes nothing; replacing at 50 is fine', async () => {
    const id = uid('tags-limit');
    await create(admin, id, { Tags: many(40) });
    await tag(connArn(id), many(10, 'm'));
    expect((await listTags(admin, connArn(id))).Tags).toHaveLength(50);
    const before = await snapshot(admin, id);
    const e = await expectError(tag(connArn(id), [{ Key: 'one-more', Value: 'x' }]), 'LimitExceededException', 409);
    expect(e.message).toContain('50');
    // A request mixing a replacement with a new key is refused as a whole.
    await expectError(
      tag(connArn(id), [
        { Key: 'k00', Value: 'changed' },
        { Key: 'new', Value: 'x' },
      ]),
      'LimitExceededException',
      409,
    );
    expect(await snapshot(admin, id)).toEqual(before);
    await tag(connArn(id), [{ Key: 'k00', Value: 'replaced' }]);
    const tags = (await listTags(admin, connArn(id))).Tags!;
    expect(tags).toHaveLength(50);
    expect(tags.find((x) => x.Key === 'k00')!.Value).toBe('replaced');
    // After an untag there is room again.
    await untag(connArn(id), ['k01']);
    await tag(connArn(id), [{ Key: 'one-more', Value: 'x' }]);
    expect((await listTags(admin, connArn(id))).Tags).toHaveLength(50);
  });

  it('a single TagResource of 51 new tags is LimitExceededException', async () => {
    const id = uid('tags-51');
    await create(admin, id);
    await expectError(tag(connArn(id), many(51)), 'LimitExceededException', 409);
    expect((await listTags(admin, connArn(id))).Tags).toEqual([]);
  });

  it('Create with 51 tags is refused (LimitExceeded is not in its error list: InvalidParameterValue) and creates nothing', async () => {
    const id = uid('tags-create-51');
    const e = await expectError(create(admin, id, { Tags: many(51) }), 'InvalidParameterValueException', 400);
    expect(e.message).toContain("Value at 'tags' failed to satisfy constraint");
    expect(e.message).toContain('50');
    await expectError(describeC(admin, id), 'ResourceNotFoundException', 404);
    await create(admin, id, { Tags: many(50) });
    expect((await listTags(admin, connArn(id))).Tags).toHaveLength(50);
  });

  it('an unknown connector ARN is ResourceNotFoundException (404) on all three operations', async () => {
    const arn = connArn(uid('tags-ghost'));
    await expectError(tag(arn, [{ Key: 'a', Value: 'b' }]), 'ResourceNotFoundException', 404);
    await expectError(untag(arn, ['a']), 'ResourceNotFoundException', 404);
    await expectError(listTags(admin, arn), 'ResourceNotFoundException', 404);
  });

  it('an ARN in another region is ResourceNotFoundException; in another account AccessDeniedException', async () => {
    const id = uid('tags-where');
    await create(admin, id, { Tags: [{ Key: 'a', Value: '1' }] });
    const west = connArn(id, 'eu-west-1');
    await expectError(listTags(admin, west), 'ResourceNotFoundException', 404);
    await expectError(tag(west, [{ Key: 'b', Value: '2' }]), 'ResourceNotFoundException', 404);
    const other = connArn(id, 'us-east-1', OTHER_ACCOUNT);
    await expectError(listTags(admin, other), 'AccessDeniedException', 401);
    await expectError(tag(other, [{ Key: 'b', Value: '2' }]), 'AccessDeniedException', 401);
    await expectError(untag(other, ['a']), 'AccessDeniedException', 401);
    expect((await listTags(admin, connArn(id))).Tags).toEqual([{ Key: 'a', Value: '1' }]);
  });

  it('a malformed ARN is InvalidParameterValueException naming resourceArn', async () => {
    const e = await expectError(listTags(admin, 'arn:aws:quicksight:us-east-1:111122223333:dashboard/abc'), 'InvalidParameterValueException', 400);
    expect(e.message).toContain("'resourceArn'");
  });

  it('tags are removed with the connector: a re-created id starts with none', async () => {
    const id = uid('tags-delete');
    await create(admin, id, { Tags: [{ Key: 'a', Value: '1' }] });
    await tag(connArn(id), [{ Key: 'b', Value: '2' }]);
    await admin.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
    await expectError(listTags(admin, connArn(id)), 'ResourceNotFoundException', 404);
    await expectError(tag(connArn(id), [{ Key: 'c', Value: '3' }]), 'ResourceNotFoundException', 404);
    await create(admin, id);
    expect((await listTags(admin, connArn(id))).Tags).toEqual([]);
  });

  it('tags of one connector do not leak to another, nor across regions', async () => {
    const a = uid('tags-iso-a');
    const b = uid('tags-iso-b');
    const west = t.client(undefined, 'eu-west-1');
    await create(admin, a, { Tags: [{ Key: 'only', Value: 'a' }] });
    await create(admin, b);
    await create(west, a, { Tags: [{ Key: 'only', Value: 'west' }] });
    expect((await listTags(admin, connArn(b))).Tags).toEqual([]);
    expect((await listTags(west, connArn(a, 'eu-west-1'))).Tags).toEqual([{ Key: 'only', Value: 'west' }]);
    expect((await listTags(admin, connArn(a))).Tags).toEqual([{ Key: 'only', Value: 'a' }]);
  });

  it('listing tags needs DescribeActionConnector; changing them needs UpdateActionConnector', async () => {
    const id = uid('tags-perm');
    const viewer = await t.addUser(uid('tags-viewer'), 'READER');
    const vc = t.client(viewer);
    await create(admin, id, { Tags: [{ Key: 'a', Value: '1' }] });
    await expectError(listTags(vc, connArn(id)), 'AccessDeniedException', 401);
    await admin.send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: id,
        GrantPermissions: [{ Principal: viewer.arn, Actions: ['quicksight:DescribeActionConnector'] }],
      }),
    );
    expect((await listTags(vc, connArn(id))).Tags).toEqual([{ Key: 'a', Value: '1' }]);
    await expectError(tag(connArn(id), [{ Key: 'b', Value: '2' }], vc), 'AccessDeniedException', 401);
    await expectError(untag(connArn(id), ['a'], vc), 'AccessDeniedException', 401);
    expect((await listTags(admin, connArn(id))).Tags).toEqual([{ Key: 'a', Value: '1' }]);
    // A non-admin asking about an ARN that does not exist is refused, not told it is absent.
    await expectError(listTags(vc, connArn(uid('tags-perm-ghost'))), 'AccessDeniedException', 401);
  });
});
