// ListActionConnectors and SearchActionConnectors: summaries, keyset
// pagination (order, completeness, stability under concurrent writes), sealed
// NextTokens, every search filter, and visibility for non-admin callers.
// Each scenario runs in its own account so that the result sets are exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGION, createInput, expectError, qs, startTestServer, type TestServer, type TestUser } from './helpers.js';
import { ALL_ACTIONS, AUTH, UUID, expectMeta } from './api-support.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

let accountSeq = 0;
/** A fresh account with its own ADMIN: list results there are exactly what the test created. */
async function newAccount(): Promise<{ account: string; admin: qs.QuickSightClient; adminUser: TestUser }> {
  const account = `2000000${String(++accountSeq).padStart(5, '0')}`;
  const adminUser = await t.addUser('acct-admin', 'ADMIN', [], account);
  return { account, admin: t.client(adminUser), adminUser };
}

const arnIn = (account: string, id: string, region = REGION) => `arn:aws:quicksight:${region}:${account}:action-connector/${id}`;
const userIn = (account: string, name: string) => `arn:aws:quicksight:${REGION}:${account}:user/default/${name}`;
const groupIn = (account: string, name: string) => `arn:aws:quicksight:${REGION}:${account}:group/default/${name}`;

function mk(c: qs.QuickSightClient, account: string, id: string, extra: Partial<qs.CreateActionConnectorCommandInput> = {}) {
  return c.send(new qs.CreateActionConnectorCommand({ ...createInput(id, extra), AwsAccountId: account }));
}
function del(c: qs.QuickSightClient, account: string, id: string) {
  return c.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: account, ActionConnectorId: id }));
}
async function inBatches<T>(items: T[], size: number, fn: (x: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

type Page = { ActionConnectorSummaries?: qs.ActionConnectorSummary[]; NextToken?: string };
/** Every page of a List (filters undefined) or Search, in order. */
async function pages(
  c: qs.QuickSightClient,
  account: string,
  maxResults: number | undefined,
  filters?: qs.ActionConnectorSearchFilter[],
  between?: (n: number) => Promise<void>,
): Promise<Page[]> {
  const out: Page[] = [];
  let token: string | undefined;
  do {
    const r: Page =
      filters === undefined
        ? await c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: account, MaxResults: maxResults, NextToken: token }))
        : await c.send(new qs.SearchActionConnectorsCommand({ AwsAccountId: account, Filters: filters, MaxResults: maxResults, NextToken: token }));
    out.push(r);
    token = r.NextToken;
    if (token && between) await between(out.length);
  } while (token);
  return out;
}
const idsOf = (ps: Page[]) => ps.flatMap((p) => p.ActionConnectorSummaries!.map((s) => s.ActionConnectorId!));
const listIds = async (c: qs.QuickSightClient, account: string) => idsOf(await pages(c, account, 100));
const searchIds = async (
  c: qs.QuickSightClient,
  account: string,
  Name: qs.ActionConnectorSearchFilterNameEnum,
  Value: string,
  Operator: qs.FilterOperator = 'StringEquals',
) => idsOf(await pages(c, account, 100, [{ Name, Operator, Value }]));

describe('ListActionConnectors', () => {
  it('returns an empty list and no NextToken for an account without connectors', async () => {
    const { account, admin } = await newAccount();
    const r = await admin.send(new qs.ListActionConnectorsCommand({ AwsAccountId: account }));
    expectMeta(r);
    expect(r.ActionConnectorSummaries).toEqual([]);
    expect(r.NextToken).toBeUndefined();
  });

  it('returns exact summaries with every member', async () => {
    const { account, admin } = await newAccount();
    await mk(admin, account, 'sum-a', { Name: 'Summary A', Type: 'SLACK', Description: 'not in summaries' });
    await mk(admin, account, 'sum-b', { Name: 'Summary B', Type: 'AMAZON_S3', AuthenticationConfig: AUTH.IAM });
    await admin.send(
      new qs.UpdateActionConnectorCommand({ AwsAccountId: account, ActionConnectorId: 'sum-b', Name: 'Summary B2', AuthenticationConfig: AUTH.IAM }),
    );
    const d = async (id: string) =>
      (await admin.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: account, ActionConnectorId: id }))).ActionConnector!;
    const [a, b] = [await d('sum-a'), await d('sum-b')];
    const r = await admin.send(new qs.ListActionConnectorsCommand({ AwsAccountId: account }));
    expectMeta(r);
    expect(r.NextToken).toBeUndefined();
    expect(r.ActionConnectorSummaries).toEqual([
      {
        Arn: arnIn(account, 'sum-a'),
        ActionConnectorId: 'sum-a',
        Type: 'SLACK',
        Name: 'Summary A',
        CreatedTime: a.CreatedTime,
        LastUpdatedTime: a.LastUpdatedTime,
        Status: 'CREATION_SUCCESSFUL',
      },
      {
        Arn: arnIn(account, 'sum-b'),
        ActionConnectorId: 'sum-b',
        Type: 'AMAZON_S3',
        Name: 'Summary B2',
        CreatedTime: b.CreatedTime,
        LastUpdatedTime: b.LastUpdatedTime,
        Status: 'UPDATE_SUCCESSFUL',
      },
    ]);
    for (const s of r.ActionConnectorSummaries!) {
      expect(s.CreatedTime).toBeInstanceOf(Date);
      expect(s.LastUpdatedTime).toBeInstanceOf(Date);
    }
  });

  it('pages through 250 connectors with MaxResults 7: each exactly once, in id order', async () => {
    const { account, admin } = await newAccount();
    const ids = Array.from({ length: 250 }, (_, i) => `pg-${String(i).padStart(3, '0')}`);
    // Created in a scrambled order: the listing order is the id order, not the creation order.
    const scrambled = ids
      .map((id, i) => ({ id, k: (i * 97) % 250 }))
      .sort((x, y) => x.k - y.k)
      .map((x) => x.id);
    await inBatches(scrambled, 25, (id) => mk(admin, account, id));
    const ps = await pages(admin, account, 7);
    expect(ps).toHaveLength(36);
    for (const p of ps.slice(0, -1)) {
      expect(p.ActionConnectorSummaries).toHaveLength(7);
      expect(p.NextToken).toEqual(expect.any(String));
    }
    expect(ps.at(-1)!.ActionConnectorSummaries).toHaveLength(250 - 35 * 7);
    expect(ps.at(-1)!.NextToken).toBeUndefined();
    expect(idsOf(ps)).toEqual(ids);
    // The default page size is 100; MaxResults 100 also gives 100.
    const first = await admin.send(new qs.ListActionConnectorsCommand({ AwsAccountId: account }));
    expect(first.ActionConnectorSummaries!.map((s) => s.ActionConnectorId)).toEqual(ids.slice(0, 100));
    expect(first.NextToken).toEqual(expect.any(String));
    expect(idsOf(await pages(admin, account, 100))).toEqual(ids);
    // Search without a filter pages the same way; MaxResults 0 is allowed there.
    expect(idsOf(await pages(admin, account, 13, []))).toEqual(ids);
    const zero = await admin.send(new qs.SearchActionConnectorsCommand({ AwsAccountId: account, Filters: [], MaxResults: 0 }));
    expect(zero.ActionConnectorSummaries!.length).toBeLessThanOrEqual(100);
    expect(zero.ActionConnectorSummaries!.map((s) => s.ActionConnectorId)).toEqual(ids.slice(0, zero.ActionConnectorSummaries!.length));
  });

  it('orders ids by their bytes (case, digits, _ and - included) and pages that order exactly', async () => {
    const { account, admin } = await newAccount();
    const ids = ['ab', 'aB', 'a-b', 'a_b', 'A-1', 'a-1', '_x', '-x', 'Z9', 'z_', '0a', '9', 'a', 'a0', 'A'];
    await inBatches(ids, 15, (id) => mk(admin, account, id, { Name: 'Order Test' }));
    const expected = [...ids].sort(); // UTF-16 code-unit order = byte order for ASCII
    expect(expected.slice(0, 4)).toEqual(['-x', '0a', '9', 'A']);
    expect(idsOf(await pages(admin, account, 2))).toEqual(expected);
    expect(idsOf(await pages(admin, account, 100))).toEqual(expected);
  });

  it('an exactly full last page ends without a further token or empty page', async () => {
    const { account, admin } = await newAccount();
    await inBatches(['e1', 'e2', 'e3', 'e4', 'e5', 'e6'], 6, (id) => mk(admin, account, id));
    const ps = await pages(admin, account, 3);
    expect(ps.map((p) => p.ActionConnectorSummaries!.length)).toEqual([3, 3]);
    expect(ps[1]!.NextToken).toBeUndefined();
  });

  it('pages stay stable while connectors are created and deleted concurrently', async () => {
    const { account, admin } = await newAccount();
    const id = (n: number) => `st-${String(n).padStart(4, '0')}`;
    const stable = Array.from({ length: 60 }, (_, i) => id(i * 3));
    const doomed = Array.from({ length: 60 }, (_, i) => id(i * 3 + 1));
    const fresh = Array.from({ length: 60 }, (_, i) => id(i * 3 + 2));
    await inBatches([...stable, ...doomed], 30, (x) => mk(admin, account, x));
    let done = false;
    const writer = (async () => {
      // Interleaves creates of new ids and deletes of doomed ids all over the key range, until the reader is done.
      let i = 0;
      while (!done && i < 60) {
        const k = (i * 37) % 60;
        await Promise.all([mk(admin, account, fresh[k]!), del(admin, account, doomed[k]!)]);
        i++;
      }
    })();
    const ps = await pages(admin, account, 5, undefined, async () => {
      await new Promise((r) => setImmediate(r));
    });
    done = true;
    await writer;
    const seen = idsOf(ps);
    expect(new Set(seen).size).toBe(seen.length); // no duplicates
    expect([...seen].sort()).toEqual(seen); // keyset order
    for (const s of stable) expect(seen.filter((x) => x === s)).toHaveLength(1); // no skips of rows that existed throughout
    for (const x of seen) expect([...stable, ...doomed, ...fresh]).toContain(x);
  });

  it('keyset pages under deletes made between pages by the same caller', async () => {
    const { account, admin } = await newAccount();
    const ids = Array.from({ length: 20 }, (_, i) => `kd-${String(i).padStart(2, '0')}`);
    await inBatches(ids, 20, (x) => mk(admin, account, x));
    // After each page, delete the last id it showed (already seen) and the next id not yet seen.
    const seen: string[] = [];
    const skipped: string[] = [];
    let token: string | undefined;
    do {
      const r = await admin.send(new qs.ListActionConnectorsCommand({ AwsAccountId: account, MaxResults: 4, NextToken: token }));
      const got = r.ActionConnectorSummaries!.map((s) => s.ActionConnectorId!);
      seen.push(...got);
      token = r.NextToken;
      if (got.length === 0) {
        expect(token).toBeUndefined();
        break;
      } // the rows after the token were all deleted
      const last = got.at(-1)!;
      const next = ids.find((x) => x > last && !skipped.includes(x));
      await del(admin, account, last);
      if (next) {
        await del(admin, account, next);
        skipped.push(next);
      }
    } while (token);
    expect(seen).toEqual(ids.filter((x) => !skipped.includes(x)));
    expect(skipped.length).toBeGreaterThan(3);
  });
});

describe('NextToken', () => {
  let account: string;
  let admin: qs.QuickSightClient;
  let adminUser: TestUser;
  let token: string;
  beforeAll(async () => {
    ({ account, admin, adminUser } = await newAccount());
    await inBatches(['tk-a', 'tk-b', 'tk-c', 'tk-d', 'tk-e'], 5, (id) => mk(admin, account, id, { Name: 'Token Thing' }));
    token = (await admin.send(new qs.ListActionConnectorsCommand({ AwsAccountId: account, MaxResults: 2 }))).NextToken!;
    expect(token).toEqual(expect.any(String));
  });
  const list = (c: qs.QuickSightClient, NextToken: string, MaxResults = 2) =>
    c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: account, MaxResults, NextToken }));
  const search = (c: qs.QuickSightClient, NextToken: string, Filters: qs.ActionConnectorSearchFilter[] = []) =>
    c.send(new qs.SearchActionConnectorsCommand({ AwsAccountId: account, MaxResults: 2, NextToken, Filters }));
  const invalid = async (p: Promise<unknown>) => {
    const e = await expectError(p, 'InvalidNextTokenException', 400);
    expect(e.message).toContain('NextToken');
    expect((e as unknown as { RequestId?: string }).RequestId).toMatch(UUID);
  };

  it('is opaque and continues where the page ended; replaying it gives the same page', async () => {
    expect(token).not.toContain('tk-b');
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toContain('tk-b');
    const a = await list(admin, token);
    const b = await list(admin, token);
    expect(a.ActionConnectorSummaries!.map((s) => s.ActionConnectorId)).toEqual(['tk-c', 'tk-d']);
    expect(b.ActionConnectorSummaries!.map((s) => s.ActionConnectorId)).toEqual(['tk-c', 'tk-d']);
    // The page size may change between pages.
    expect((await list(admin, token, 10)).ActionConnectorSummaries!.map((s) => s.ActionConnectorId)).toEqual(['tk-c', 'tk-d', 'tk-e']);
  });

  it('refuses altered tokens', async () => {
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    for (const bad of [
      flip(token, 0),
      flip(token, Math.floor(token.length / 2)),
      flip(token, token.length - 1),
      token.slice(0, -4),
      `${token}AAAA`,
      'abc',
      'x'.repeat(200),
      `${token}=`,
    ]) {
      await invalid(list(admin, bad));
    }
  });

  it('refuses a token from another query', async () => {
    const fromSearchA = (
      await admin.send(
        new qs.SearchActionConnectorsCommand({
          AwsAccountId: account,
          MaxResults: 1,
          Filters: [{ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringEquals', Value: 'Token Thing' }],
        }),
      )
    ).NextToken!;
    const fromSearchAll = (await admin.send(new qs.SearchActionConnectorsCommand({ AwsAccountId: account, MaxResults: 1, Filters: [] }))).NextToken!;
    expect(fromSearchA).toEqual(expect.any(String));
    await invalid(search(admin, token)); // List token on Search
    await invalid(list(admin, fromSearchAll)); // Search token on List
    await invalid(search(admin, fromSearchA, [{ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringEquals', Value: 'Token ThinG' }])); // other value
    await invalid(search(admin, fromSearchA, [{ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringLike', Value: 'Token Thing' }])); // other operator
    await invalid(search(admin, fromSearchA, [])); // filter dropped
    // The right query still accepts it.
    const ok = await search(admin, fromSearchA, [{ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringEquals', Value: 'Token Thing' }]);
    expect(ok.ActionConnectorSummaries!.map((s) => s.ActionConnectorId)).toEqual(['tk-b', 'tk-c']);
  });

  it('refuses a token replayed by another user, even another ADMIN of the same account', async () => {
    const other = await t.addUser('second-admin', 'ADMIN', [], account);
    await invalid(list(t.client(other), token));
    const reader = await t.addUser('token-reader', 'READER', [], account);
    await invalid(list(t.client(reader), token));
  });

  it('refuses a token in another region', async () => {
    // The same user and query, signed for eu-west-1: the token was issued for us-east-1.
    const west = t.client(adminUser, 'eu-west-1');
    expect((await west.send(new qs.ListActionConnectorsCommand({ AwsAccountId: account, MaxResults: 1 }))).ActionConnectorSummaries).toEqual([]);
    await invalid(list(west, token));
  });
});

describe('SearchActionConnectors by name and type', () => {
  let account: string;
  let admin: qs.QuickSightClient;
  beforeAll(async () => {
    ({ account, admin } = await newAccount());
    const rows: [string, string, qs.ActionConnectorType][] = [
      ['n-1', 'Alpha Report', 'SLACK'],
      ['n-2', 'alpha report', 'JIRA_CLOUD'],
      ['n-3', 'Alpha Reports Daily', 'SLACK'],
      ['n-4', 'Beta', 'ASANA'],
      ['n-5', 'Pct_Under', 'GENERIC_HTTP'],
      ['n-6', 'PctXUnder', 'GENERIC_HTTP'],
      ['n-7', 'Pct Under', 'SLACK'],
    ];
    await Promise.all(rows.map(([id, Name, Type]) => mk(admin, account, id, { Name, Type })));
  });

  it('returns RequestId and exact summaries', async () => {
    const r = await admin.send(
      new qs.SearchActionConnectorsCommand({ AwsAccountId: account, Filters: [{ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringEquals', Value: 'Beta' }] }),
    );
    expectMeta(r);
    expect(r.NextToken).toBeUndefined();
    expect(r.ActionConnectorSummaries).toEqual([
      {
        Arn: arnIn(account, 'n-4'),
        ActionConnectorId: 'n-4',
        Type: 'ASANA',
        Name: 'Beta',
        Status: 'CREATION_SUCCESSFUL',
        CreatedTime: expect.any(Date),
        LastUpdatedTime: expect.any(Date),
      },
    ]);
  });

  it('StringEquals on the name is exact (case and length)', async () => {
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_NAME', 'Alpha Report')).toEqual(['n-1']);
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_NAME', 'alpha report')).toEqual(['n-2']);
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_NAME', 'Alpha')).toEqual([]);
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_NAME', 'ALPHA REPORT')).toEqual([]);
  });

  it('StringLike on the name is a case-insensitive substring match', async () => {
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_NAME', 'pha rep', 'StringLike')).toEqual(['n-1', 'n-2', 'n-3']);
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_NAME', 'ALPHA REPORTS', 'StringLike')).toEqual(['n-3']);
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_NAME', 'daily', 'StringLike')).toEqual(['n-3']);
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_NAME', 'beta', 'StringLike')).toEqual(['n-4']);
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_NAME', 'gamma', 'StringLike')).toEqual([]);
  });

  it("StringLike treats '%' and '_' literally", async () => {
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_NAME', '_', 'StringLike')).toEqual(['n-5']);
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_NAME', 'pct_under', 'StringLike')).toEqual(['n-5']);
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_NAME', '%', 'StringLike')).toEqual([]);
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_NAME', 'Pct%Under', 'StringLike')).toEqual([]);
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_NAME', 'a%', 'StringLike')).toEqual([]);
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_NAME', '\\', 'StringLike')).toEqual([]);
  });

  it('StringEquals on the type', async () => {
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_TYPE', 'SLACK')).toEqual(['n-1', 'n-3', 'n-7']);
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_TYPE', 'GENERIC_HTTP')).toEqual(['n-5', 'n-6']);
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_TYPE', 'slack')).toEqual([]);
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_TYPE', 'ZENDESK_SUITE')).toEqual([]);
  });

  it('an empty filter list returns everything; filtered results page too', async () => {
    expect(idsOf(await pages(admin, account, 100, []))).toEqual(['n-1', 'n-2', 'n-3', 'n-4', 'n-5', 'n-6', 'n-7']);
    const ps = await pages(admin, account, 1, [{ Name: 'ACTION_CONNECTOR_TYPE', Operator: 'StringEquals', Value: 'SLACK' }]);
    expect(ps.map((p) => p.ActionConnectorSummaries!.map((s) => s.ActionConnectorId))).toEqual([['n-1'], ['n-3'], ['n-7']]);
  });
});

describe('SearchActionConnectors by ownership', () => {
  let account: string;
  let admin: qs.QuickSightClient;
  let u1: string;
  let u2: string;
  let g1: string;
  let g2: string;
  const ALL = [...ALL_ACTIONS];
  const VIEW = ['quicksight:DescribeActionConnector'];

  beforeAll(async () => {
    ({ account, admin } = await newAccount());
    await t.addUser('u1', 'AUTHOR', ['g1'], account);
    await t.addUser('u2', 'AUTHOR', ['g2'], account);
    [u1, u2, g1, g2] = [userIn(account, 'u1'), userIn(account, 'u2'), groupIn(account, 'g1'), groupIn(account, 'g2')];
    const p = (...list: [string, string[]][]) => list.map(([Principal, Actions]) => ({ Principal, Actions }));
    const setups: [string, qs.ResourcePermission[]][] = [
      ['o-a', p([u1, ALL])], // u1 direct sole owner
      ['o-b', p([g1, ALL])], // u1 owner through g1; g1 sole owner
      ['o-c', p([u1, VIEW], [u2, ALL])], // u1 direct viewer
      ['o-d', p([g1, VIEW], [u2, ALL])], // u1 viewer through g1
      ['o-e', p([u1, ALL], [u2, ALL])], // u1 direct owner, not sole
      ['o-f', p([u2, ALL])], // nothing for u1
      ['o-g', p([u1, ALL], [g1, ALL])], // u1 direct owner; not sole (g1 owns too)
      ['o-h', p([u1, ['quicksight:UpdateActionConnectorPermissions']], [g2, VIEW])], // owner mark without Describe
      ['o-i', p([u1, ['quicksight:InvokeActionConnector', 'quicksight:UpdateActionConnector']], [u2, ALL])], // neither owner nor viewer
    ];
    await Promise.all(setups.map(([id, Permissions]) => mk(admin, account, id, { Permissions })));
  });

  it('QUICKSIGHT_OWNER counts direct and group grants', async () => {
    expect(await searchIds(admin, account, 'QUICKSIGHT_OWNER', u1)).toEqual(['o-a', 'o-b', 'o-e', 'o-g', 'o-h']);
    expect(await searchIds(admin, account, 'QUICKSIGHT_OWNER', g1)).toEqual(['o-b', 'o-g']);
    expect(await searchIds(admin, account, 'QUICKSIGHT_OWNER', u2)).toEqual(['o-c', 'o-d', 'o-e', 'o-f', 'o-i']);
  });

  it('QUICKSIGHT_VIEWER_OR_OWNER counts direct and group grants', async () => {
    expect(await searchIds(admin, account, 'QUICKSIGHT_VIEWER_OR_OWNER', u1)).toEqual(['o-a', 'o-b', 'o-c', 'o-d', 'o-e', 'o-g', 'o-h']);
    expect(await searchIds(admin, account, 'QUICKSIGHT_VIEWER_OR_OWNER', g1)).toEqual(['o-b', 'o-d', 'o-g']);
    expect(await searchIds(admin, account, 'QUICKSIGHT_VIEWER_OR_OWNER', u2)).toEqual(['o-c', 'o-d', 'o-e', 'o-f', 'o-h', 'o-i']);
  });

  it('DIRECT_QUICKSIGHT_OWNER and DIRECT_QUICKSIGHT_VIEWER_OR_OWNER count only direct grants', async () => {
    expect(await searchIds(admin, account, 'DIRECT_QUICKSIGHT_OWNER', u1)).toEqual(['o-a', 'o-e', 'o-g', 'o-h']);
    expect(await searchIds(admin, account, 'DIRECT_QUICKSIGHT_VIEWER_OR_OWNER', u1)).toEqual(['o-a', 'o-c', 'o-e', 'o-g', 'o-h']);
    expect(await searchIds(admin, account, 'DIRECT_QUICKSIGHT_OWNER', g1)).toEqual(['o-b', 'o-g']);
    expect(await searchIds(admin, account, 'DIRECT_QUICKSIGHT_VIEWER_OR_OWNER', g2)).toEqual(['o-h']);
  });

  it('DIRECT_QUICKSIGHT_SOLE_OWNER: the principal is the only owner', async () => {
    expect(await searchIds(admin, account, 'DIRECT_QUICKSIGHT_SOLE_OWNER', u1)).toEqual(['o-a', 'o-h']);
    expect(await searchIds(admin, account, 'DIRECT_QUICKSIGHT_SOLE_OWNER', g1)).toEqual(['o-b']);
    expect(await searchIds(admin, account, 'DIRECT_QUICKSIGHT_SOLE_OWNER', u2)).toEqual(['o-c', 'o-d', 'o-f', 'o-i']);
  });

  it('a user or group without grants matches nothing', async () => {
    await t.addUser('loner', 'READER', ['lonely'], account);
    for (const name of [
      'QUICKSIGHT_OWNER',
      'QUICKSIGHT_VIEWER_OR_OWNER',
      'DIRECT_QUICKSIGHT_OWNER',
      'DIRECT_QUICKSIGHT_VIEWER_OR_OWNER',
      'DIRECT_QUICKSIGHT_SOLE_OWNER',
    ] as const) {
      expect(await searchIds(admin, account, name, userIn(account, 'loner'))).toEqual([]);
      expect(await searchIds(admin, account, name, groupIn(account, 'lonely'))).toEqual([]);
    }
  });

  it('follows permission changes', async () => {
    await admin.send(
      new qs.UpdateActionConnectorPermissionsCommand({ AwsAccountId: account, ActionConnectorId: 'o-f', GrantPermissions: [{ Principal: g1, Actions: VIEW }] }),
    );
    expect(await searchIds(admin, account, 'QUICKSIGHT_VIEWER_OR_OWNER', u1)).toContain('o-f');
    await admin.send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: account,
        ActionConnectorId: 'o-f',
        RevokePermissions: [{ Principal: g1, Actions: VIEW }],
      }),
    );
    expect(await searchIds(admin, account, 'QUICKSIGHT_VIEWER_OR_OWNER', u1)).not.toContain('o-f');
  });
});

describe('List and Search for non-admin callers', () => {
  let account: string;
  let admin: qs.QuickSightClient;
  let reader: qs.QuickSightClient;
  let readerArn: string;
  let author: qs.QuickSightClient;
  beforeAll(async () => {
    ({ account, admin } = await newAccount());
    const r = await t.addUser('reader', 'READER', ['readers'], account);
    const a = await t.addUser('author', 'AUTHOR', [], account);
    reader = t.client(r);
    author = t.client(a);
    readerArn = r.arn;
    const view = (Principal: string) => [{ Principal, Actions: ['quicksight:DescribeActionConnector'] }];
    await mk(admin, account, 'vis-direct', { Name: 'Visible Direct', Permissions: view(r.arn) });
    await mk(admin, account, 'vis-group', { Name: 'Visible Group', Type: 'SLACK', Permissions: view(groupIn(account, 'readers')) });
    await mk(admin, account, 'vis-update-only', {
      Name: 'Hidden Update',
      Permissions: [{ Principal: r.arn, Actions: ['quicksight:UpdateActionConnector', 'quicksight:InvokeActionConnector'] }],
    });
    await mk(admin, account, 'vis-none', { Name: 'Hidden None' });
    await mk(author, account, 'vis-author-own', { Name: 'Author Own', Type: 'SLACK' });
  });

  it('a READER lists only what it may describe', async () => {
    expect(await listIds(reader, account)).toEqual(['vis-direct', 'vis-group']);
    expect(idsOf(await pages(reader, account, 1))).toEqual(['vis-direct', 'vis-group']);
    expect(idsOf(await pages(reader, account, 100, []))).toEqual(['vis-direct', 'vis-group']);
  });

  it('a READER searches only what it may describe', async () => {
    expect(await searchIds(reader, account, 'ACTION_CONNECTOR_NAME', 'Hidden', 'StringLike')).toEqual([]);
    expect(await searchIds(reader, account, 'ACTION_CONNECTOR_NAME', 'visible', 'StringLike')).toEqual(['vis-direct', 'vis-group']);
    expect(await searchIds(reader, account, 'ACTION_CONNECTOR_TYPE', 'SLACK')).toEqual(['vis-group']);
    expect(await searchIds(reader, account, 'QUICKSIGHT_VIEWER_OR_OWNER', readerArn)).toEqual(['vis-direct', 'vis-group']);
    expect(await searchIds(reader, account, 'DIRECT_QUICKSIGHT_VIEWER_OR_OWNER', readerArn)).toEqual(['vis-direct']);
  });

  it('an AUTHOR sees its own connectors; ADMIN sees all', async () => {
    expect(await listIds(author, account)).toEqual(['vis-author-own']);
    expect(await searchIds(author, account, 'ACTION_CONNECTOR_TYPE', 'SLACK')).toEqual(['vis-author-own']);
    expect(await listIds(admin, account)).toEqual(['vis-author-own', 'vis-direct', 'vis-group', 'vis-none', 'vis-update-only']);
  });

  it('visibility follows grants and revokes', async () => {
    await admin.send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: account,
        ActionConnectorId: 'vis-none',
        GrantPermissions: [{ Principal: readerArn, Actions: ['quicksight:DescribeActionConnector'] }],
      }),
    );
    expect(await listIds(reader, account)).toEqual(['vis-direct', 'vis-group', 'vis-none']);
    await admin.send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: account,
        ActionConnectorId: 'vis-none',
        RevokePermissions: [{ Principal: readerArn, Actions: ['quicksight:DescribeActionConnector'] }],
      }),
    );
    expect(await listIds(reader, account)).toEqual(['vis-direct', 'vis-group']);
  });

  it('a non-admin cannot List or Search another account', async () => {
    await expectError(reader.send(new qs.ListActionConnectorsCommand({ AwsAccountId: '111122223333' })), 'AccessDeniedException', 401);
    await expectError(reader.send(new qs.SearchActionConnectorsCommand({ AwsAccountId: '111122223333', Filters: [] })), 'AccessDeniedException', 401);
  });
});

// Pages reached through the caller's grants (a non-ADMIN's visibility, or a principal
// filter) are built from the grants index of each principal in id order (issue 15): these
// check that such pages are exactly the connectors the caller may describe, each once, in
// id order, at every page size, under every filter, and while connectors come and go.
describe('grant-driven pages', () => {
  let account: string;
  let admin: qs.QuickSightClient;
  let viewer: qs.QuickSightClient;
  let u: string;
  let ga: string;
  let gb: string;
  const VIEW = ['quicksight:DescribeActionConnector'];
  /** What the viewer may describe: id → name and type. */
  const visible = new Map<string, { name: string; type: string }>();
  const id = (n: number) => `gd-${String(n).padStart(3, '0')}`;

  beforeAll(async () => {
    ({ account, admin } = await newAccount());
    const v = await t.addUser('viewer', 'READER', ['ga', 'gb'], account);
    viewer = t.client(v);
    [u, ga, gb] = [userIn(account, 'viewer'), groupIn(account, 'ga'), groupIn(account, 'gb')];
    const specs: { n: number; perms: qs.ResourcePermission[]; type: qs.ActionConnectorType; sees: boolean }[] = [];
    for (let n = 0; n < 60; n++) {
      // Runs of grants to one principal, overlaps (the user and a group on one connector),
      // grants without Describe, and connectors of nobody's, so that each principal's own
      // ordered run and their union differ at every page boundary.
      const perms: qs.ResourcePermission[] = [];
      if (n < 12 || n % 7 === 0) perms.push({ Principal: u, Actions: VIEW });
      if ((n >= 10 && n < 25) || n % 5 === 0) perms.push({ Principal: ga, Actions: VIEW });
      if (n >= 40 || n % 11 === 3) perms.push({ Principal: gb, Actions: VIEW });
      if (n % 9 === 4 && !perms.some((p) => p.Principal === u))
        perms.push({ Principal: u, Actions: ['quicksight:InvokeActionConnector', 'quicksight:UpdateActionConnector'] });
      specs.push({ n, perms, type: n % 3 === 0 ? 'SLACK' : 'GENERIC_HTTP', sees: perms.some((p) => p.Actions!.includes(VIEW[0]!)) });
    }
    await inBatches(specs, 10, (s) =>
      mk(admin, account, id(s.n), {
        Name: `Grant ${s.n % 4 === 1 ? 'Alpha' : 'Beta'} ${s.n}`,
        Type: s.type,
        Permissions: s.perms.length ? s.perms : undefined,
      }),
    );
    for (const s of specs) if (s.sees) visible.set(id(s.n), { name: `Grant ${s.n % 4 === 1 ? 'Alpha' : 'Beta'} ${s.n}`, type: s.type });
  });

  const expected = (keep: (x: { name: string; type: string }) => boolean = () => true) =>
    [...visible]
      .filter(([, x]) => keep(x))
      .map(([k]) => k)
      .sort();

  it('the viewer lists exactly what it may describe, each once, in id order, at every page size', async () => {
    const want = expected();
    expect(want.length).toBeGreaterThan(30);
    expect(want.length).toBeLessThan(60);
    for (const size of [1, 2, 3, 7, 10, 100]) expect(idsOf(await pages(viewer, account, size))).toEqual(want);
  });

  it('the viewer searches by name (StringLike, StringEquals) and type over its grants only, paging exactly', async () => {
    const like = expected((x) => x.name.toLowerCase().includes('alpha'));
    expect(like.length).toBeGreaterThan(3);
    const likeFilter: qs.ActionConnectorSearchFilter[] = [{ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringLike', Value: 'ALPHA' }];
    for (const size of [1, 3, 100]) expect(idsOf(await pages(viewer, account, size, likeFilter))).toEqual(like);
    const slack = expected((x) => x.type === 'SLACK');
    for (const size of [2, 100])
      expect(idsOf(await pages(viewer, account, size, [{ Name: 'ACTION_CONNECTOR_TYPE', Operator: 'StringEquals', Value: 'SLACK' }]))).toEqual(slack);
    const [one] = expected();
    const name = visible.get(one!)!.name;
    expect(await searchIds(viewer, account, 'ACTION_CONNECTOR_NAME', name)).toEqual([one]);
    // gd-026 has no grant of the viewer's: its exact name finds it for the ADMIN only.
    expect(visible.has(id(26))).toBe(false);
    expect(await searchIds(admin, account, 'ACTION_CONNECTOR_NAME', 'Grant Beta 26')).toEqual([id(26)]);
    expect(await searchIds(viewer, account, 'ACTION_CONNECTOR_NAME', 'Grant Beta 26')).toEqual([]);
  });

  it("a principal filter pages exactly, for the ADMIN and through the viewer's own grants", async () => {
    // Viewers of group gb (direct grants of gb only), as the ADMIN sees them and as the viewer does.
    const gbIds = (await pages(admin, account, 100, [{ Name: 'DIRECT_QUICKSIGHT_VIEWER_OR_OWNER', Operator: 'StringEquals', Value: gb }])).flatMap((p) =>
      p.ActionConnectorSummaries!.map((s) => s.ActionConnectorId!),
    );
    expect(gbIds.length).toBeGreaterThan(20);
    expect(gbIds).toEqual([...gbIds].sort());
    for (const size of [1, 4]) {
      expect(idsOf(await pages(admin, account, size, [{ Name: 'DIRECT_QUICKSIGHT_VIEWER_OR_OWNER', Operator: 'StringEquals', Value: gb }]))).toEqual(gbIds);
      expect(idsOf(await pages(viewer, account, size, [{ Name: 'DIRECT_QUICKSIGHT_VIEWER_OR_OWNER', Operator: 'StringEquals', Value: gb }]))).toEqual(gbIds);
    }
  });

  it('paging through grants stays complete and exact while connectors are created and deleted between pages', async () => {
    const before = expected();
    const created: string[] = [];
    const deleted: string[] = [];
    let k = 0;
    const got = idsOf(
      await pages(viewer, account, 4, undefined, async () => {
        // Between pages: one visible connector made before and after the cursor, and one visible connector deleted.
        k++;
        for (const nid of [`gd-000-new-${k}`, `gd-zzz-new-${k}`]) {
          await mk(admin, account, nid, { Permissions: [{ Principal: k % 2 ? ga : u, Actions: VIEW }] });
          created.push(nid);
        }
        const victim = before[before.length - 1 - k * 2];
        if (victim && !deleted.includes(victim)) {
          await del(admin, account, victim);
          deleted.push(victim);
        }
      }),
    );
    // Each id at most once, in id order; every connector that existed throughout is there; none deleted before its page is.
    expect(new Set(got).size).toBe(got.length);
    expect(got).toEqual([...got].sort());
    for (const x of before.filter((x) => !deleted.includes(x))) expect(got).toContain(x);
    for (const x of got) expect(before.includes(x) || created.includes(x)).toBe(true);
    // Deleted ones are gone afterwards; what is listed now is exactly what remains visible.
    const now = await listIds(viewer, account);
    expect(now).toEqual([...before.filter((x) => !deleted.includes(x)), ...created].sort());
    await inBatches(created, 10, (x) => del(admin, account, x));
    for (const x of deleted) visible.delete(x);
  });
});
