// Several stateless nodes on one PostgreSQL database (issue 7): bin/actionbridge serve
// child processes sharing a schema and a master key. Migrations when three nodes start
// at once on an empty schema; a connector created on one node described, updated,
// listed (NextToken across nodes) and deleted through the others; users added by the
// CLI seen by every node at once; 50 racing creates of one id across nodes; many
// creates and permission changes in different orders on different nodes (no deadlock
// reaches a client); kill -9 of a node in the middle of writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationProviderFor } from '../src/store/migrations.js';
import { ACCOUNT, ADMIN, REGION, cli, createInput, expectError, qs } from './helpers.js';
import { PG_SKIP_REASON, PG_URL, pgQuery } from './support/pg-store.js';
import { startCluster, type Cluster } from './support/pg-nodes.js';

const d = PG_URL ? describe : describe.skip;
const arnOf = (id: string) => `arn:aws:quicksight:${REGION}:${ACCOUNT}:action-connector/${id}`;
const userArn = (n: string) => `arn:aws:quicksight:${REGION}:${ACCOUNT}:user/default/${n}`;

d(PG_URL ? 'three nodes on one PostgreSQL database' : PG_SKIP_REASON, () => {
  let c: Cluster;
  beforeAll(async () => {
    c = await startCluster({ nodes: 3 });
  });
  afterAll(async () => {
    await c?.stop();
  });

  it('three nodes started at once on an empty schema: the migrations ran once, every node serves', async () => {
    const rows = await pgQuery<{ name: string }>(`select name from "${c.schema.schema}".kysely_migration order by name`);
    const all = Object.keys(await migrationProviderFor('postgres').getMigrations()).sort();
    expect(all).toContain('0003_postgres_byte_order');
    expect(rows.map((r) => r.name)).toEqual(all);
    for (const n of c.nodes) {
      expect(n.output()).not.toMatch(/migration .* failed|internal failure|UniqueViolation/i);
      const out = await n.client().send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
      expect(out.ActionConnectorSummaries).toEqual([]);
    }
    // Text sorts in byte order on PostgreSQL too (keyset pagination by id): every text column of every table is "C".
    const coll = await pgQuery<{ t: string }>(
      `select table_name || '.' || column_name as t from information_schema.columns
      where table_schema = $1 and data_type = 'text' and coalesce(collation_name, '') <> 'C'`,
      [c.schema.schema],
    );
    expect(coll.map((x) => x.t)).toEqual([]);
  });

  it('a connector created on one node is described, updated, listed and deleted through the others', async () => {
    const [a, b, z] = c.nodes.map((n) => n.client());
    await a!.send(new qs.CreateActionConnectorCommand(createInput('across', { Description: 'made on node 1', Tags: [{ Key: 'team', Value: 'one' }] })));
    const seen = await b!.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'across' }));
    expect(seen.ActionConnector).toMatchObject({ ActionConnectorId: 'across', Description: 'made on node 1' });
    await b!.send(
      new qs.UpdateActionConnectorCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'across',
        Name: 'Renamed on node 2',
        AuthenticationConfig: createInput('x').AuthenticationConfig!,
      }),
    );
    const onThird = await z!.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'across' }));
    expect(onThird.ActionConnector?.Name).toBe('Renamed on node 2');
    await z!.send(new qs.TagResourceCommand({ ResourceArn: arnOf('across'), Tags: [{ Key: 'env', Value: 'prod' }] }));
    const tags = await a!.send(new qs.ListTagsForResourceCommand({ ResourceArn: arnOf('across') }));
    expect(tags.Tags?.map((t) => `${t.Key}=${t.Value}`).sort()).toEqual(['env=prod', 'team=one']);
    await z!.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'across' }));
    await expectError(a!.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'across' })), 'ResourceNotFoundException', 404);
    await expectError(b!.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'across' })), 'ResourceNotFoundException', 404);
  });

  it('a NextToken issued by one node works on the others; pages come in byte order of the ids', async () => {
    const ids = ['pg-B', 'pg-a', 'pg-_', 'pg-Z', 'pg-0', 'pg-z', 'pg-A', 'pg-b'];
    for (const [i, id] of ids.entries()) await c.nodes[i % 3]!.client().send(new qs.CreateActionConnectorCommand(createInput(id, { Name: `Paged ${i}` })));
    const got: string[] = [];
    let token: string | undefined;
    let i = 0;
    do {
      const page = await c.nodes[i++ % 3]!.client().send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 3, NextToken: token }));
      got.push(...(page.ActionConnectorSummaries ?? []).map((s) => s.ActionConnectorId!));
      token = page.NextToken;
    } while (token);
    expect(i).toBe(3);
    expect(got.filter((x) => x.startsWith('pg-'))).toEqual([...ids].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))));
    // Search too: case-insensitive, with LIKE's own characters taken literally.
    const search = async (value: string) =>
      (
        await c.nodes[1]!.client().send(
          new qs.SearchActionConnectorsCommand({
            AwsAccountId: ACCOUNT,
            Filters: [{ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringLike', Value: value }],
          }),
        )
      ).ActionConnectorSummaries?.map((x) => x.ActionConnectorId);
    await c.nodes[0]!.client().send(new qs.CreateActionConnectorCommand(createInput('s-1', { Name: 'Alpha_Beta one' })));
    await c.nodes[2]!.client().send(new qs.CreateActionConnectorCommand(createInput('s-2', { Name: 'alphaXbeta two' })));
    expect(await search('ALPHA_BETA')).toEqual(['s-1']);
    expect(await search('alpha')).toEqual(['s-1', 's-2']);
    expect(await search('%')).toEqual([]);
  });

  it('a user added by the CLI on the database can call every node at once; removed, no node accepts it', async () => {
    const u = cli(['users', 'add', '--account', ACCOUNT, '--name', 'mn-author', '--role', 'AUTHOR', '--database-url', c.schema.url, '--data-dir', c.dataDir], {
      ACTIONBRIDGE_MASTER_KEY: c.masterKey,
    });
    const creds = { accessKeyId: u.AccessKeyId, secretAccessKey: u.SecretAccessKey };
    for (const [i, n] of c.nodes.entries()) {
      const out = await n.client(creds).send(new qs.CreateActionConnectorCommand(createInput(`by-cli-user-${i}`)));
      expect(out.CreationStatus).toBe('CREATION_SUCCESSFUL');
    }
    cli(['users', 'remove', '--account', ACCOUNT, '--name', 'mn-author', '--database-url', c.schema.url, '--data-dir', c.dataDir], {
      ACTIONBRIDGE_MASTER_KEY: c.masterKey,
    });
    for (const n of c.nodes) {
      await expectError(n.client(creds).send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT })), 'UnrecognizedClientException', 403);
    }
  });

  it('50 racing creates of one id spread over the three nodes: exactly one wins, 49 ResourceExistsException', async () => {
    const clients = c.nodes.flatMap((n) => [n.client(), n.client()]);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_v, i) =>
        clients[i % clients.length]!.send(new qs.CreateActionConnectorCommand(createInput('race-one', { Description: `attempt ${i}` }))),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as Error).name)).toEqual(Array(49).fill('ResourceExistsException'));
    const rows = await pgQuery(`select description from "${c.schema.schema}".connectors where connector_id = 'race-one'`);
    expect(rows).toHaveLength(1);
    const perms = await pgQuery(`select principal, actions from "${c.schema.schema}".connector_grants where connector_id = 'race-one'`);
    expect(perms).toEqual([{ principal: expect.any(String), actions: 127 }]);
  });

  it('many creates and permission changes in different orders on different nodes: all succeed, no 5xx (no deadlock reaches a client)', async () => {
    const ids = Array.from({ length: 30 }, (_v, i) => `mix-${String(i).padStart(2, '0')}`);
    const orders = [ids, [...ids].reverse(), [...ids].sort(() => Math.random() - 0.5)];
    const created = new Set<string>();
    const failures: string[] = [];
    await Promise.all(
      orders.map(async (order, k) => {
        const cl = c.nodes[k]!.client();
        await Promise.all(
          order.map(async (id) => {
            try {
              await cl.send(new qs.CreateActionConnectorCommand(createInput(id, { Tags: [{ Key: 'k', Value: String(k) }] })));
              created.add(id);
            } catch (e) {
              if ((e as Error).name !== 'ResourceExistsException') failures.push(`${(e as Error).name}: ${(e as Error).message}`);
            }
          }),
        );
      }),
    );
    expect(failures).toEqual([]);
    expect(created.size).toBe(30);
    // Grants to the same principals in opposite orders, on different nodes at once.
    const principals = ['p1', 'p2', 'p3', 'p4'].map(userArn);
    for (const p of ['p1', 'p2', 'p3', 'p4'])
      cli(['users', 'add', '--account', ACCOUNT, '--name', p, '--role', 'READER', '--database-url', c.schema.url, '--data-dir', c.dataDir], {
        ACTIONBRIDGE_MASTER_KEY: c.masterKey,
      });
    await Promise.all(
      ids.flatMap((id, i) =>
        c.nodes.map(async (n, k) => {
          const ps = k % 2 ? [...principals].reverse() : principals;
          try {
            await n.client().send(
              new qs.UpdateActionConnectorPermissionsCommand({
                AwsAccountId: ACCOUNT,
                ActionConnectorId: id,
                GrantPermissions: ps.map((p) => ({ Principal: p, Actions: ['quicksight:DescribeActionConnector'] })),
                ...(i % 3 === k ? { RevokePermissions: [{ Principal: principals[0]!, Actions: ['quicksight:DescribeActionConnector'] }] } : {}),
              }),
            );
          } catch (e) {
            failures.push(`${(e as Error).name}: ${(e as Error).message}`);
          }
        }),
      ),
    );
    expect(failures).toEqual([]);
    for (const n of c.nodes) expect(n.output()).not.toMatch(/internal failure/);
  });
});

d(PG_URL ? 'kill -9 of one node in the middle of writes' : PG_SKIP_REASON, () => {
  let c: Cluster;
  beforeAll(async () => {
    c = await startCluster({ nodes: 2 });
  });
  afterAll(async () => {
    await c?.stop();
  });

  it('loses nothing that was answered, leaves no half-written connector; the other node serves on', async () => {
    const [victim, survivor] = c.nodes as [(typeof c.nodes)[0], (typeof c.nodes)[0]];
    const vc = victim.client();
    const acked: string[] = [];
    let sent = 0;
    const TAGS = Array.from({ length: 8 }, (_v, i) => ({ Key: `t${i}`, Value: `v${i}` }));
    const perms = [
      {
        Principal: `arn:aws:quicksight:${REGION}:${ACCOUNT}:user/default/admin`,
        Actions: ['quicksight:DescribeActionConnector', 'quicksight:UpdateActionConnector'],
      },
    ];
    // Each writer writes until a write fails, so every writer is still writing when the
    // node dies (stopping them with a flag let a fast node answer every write already
    // sent before the signal landed, and then nothing was in flight).
    const writer = async (w: number) => {
      for (let i = 0; i < 100_000; i++) {
        const id = `k9-${w}-${i}`;
        sent++;
        try {
          await vc.send(new qs.CreateActionConnectorCommand(createInput(id, { Tags: TAGS, Permissions: perms })));
          acked.push(id);
        } catch {
          return;
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_v, w) => writer(w));
    // Let a good number of writes land, then kill the node without warning.
    while (acked.length < 60) await new Promise((r) => setTimeout(r, 5));
    victim.child.kill('SIGKILL');
    await Promise.all(writers);
    expect(await victim.exited()).toBe(null);
    expect(sent - acked.length).toBe(8); // each writer's last write went unanswered

    const sc = survivor.client();
    // Everything answered is there, whole.
    for (const id of acked) {
      const tags = await sc.send(new qs.ListTagsForResourceCommand({ ResourceArn: arnOf(id) }));
      expect(tags.Tags).toHaveLength(8);
    }
    // Nothing half-written: every connector has all its tags and its permissions; no orphans.
    const s = `"${c.schema.schema}"`;
    const partial = await pgQuery(`select c.connector_id,
        (select count(*) from ${s}.tags t where t.connector_id = c.connector_id) as tags,
        (select count(*) from ${s}.connector_grants p where p.connector_id = c.connector_id) as perms,
        (select coalesce(sum(p.actions), 0) from ${s}.connector_grants p where p.connector_id = c.connector_id) as bits
      from ${s}.connectors c where c.connector_id like 'k9-%'`);
    expect(partial.length).toBeGreaterThanOrEqual(acked.length);
    // One grant row (one principal), holding both actions (Describe and Update: bits 1 and 2).
    expect(partial.filter((r) => Number(r.tags) !== 8 || Number(r.perms) !== 1 || Number(r.bits) !== 3)).toEqual([]);
    const orphans = await pgQuery(`select connector_id from ${s}.tags t where not exists (select 1 from ${s}.connectors c where c.connector_id = t.connector_id)
      union all select connector_id from ${s}.connector_grants p where not exists (select 1 from ${s}.connectors c where c.connector_id = p.connector_id)`);
    expect(orphans).toEqual([]);
    // The survivor writes on; a node started again on the same database sees it all.
    await sc.send(new qs.CreateActionConnectorCommand(createInput('after-kill')));
    const again = await c.add();
    const d1 = await again.client(ADMIN).send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'after-kill' }));
    expect(d1.ActionConnector?.ActionConnectorId).toBe('after-kill');
    expect(survivor.output()).not.toMatch(/internal failure/);
  });
});
