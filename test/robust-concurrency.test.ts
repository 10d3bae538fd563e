// Concurrency: parallel creates of one id (exactly one wins, the rest get
// ResourceExistsException 409), and another process (the CLI) writing to the
// data dir while the server runs.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  ADMIN,
  BIN,
  REGION,
  cli,
  createInput,
  expectError,
  qs,
  startChildServer,
  startTestServer,
  tempDir,
  type Creds,
  type TestServer,
} from './helpers.js';

const execFileP = promisify(execFile);

interface Settled {
  ok: qs.CreateActionConnectorCommandOutput[];
  failed: (Error & { $metadata?: { httpStatusCode?: number } })[];
}

async function race(clients: qs.QuickSightClient[], inputs: qs.CreateActionConnectorCommandInput[]): Promise<Settled> {
  const results = await Promise.allSettled(inputs.map((input, i) => clients[i % clients.length]!.send(new qs.CreateActionConnectorCommand(input))));
  const ok: Settled['ok'] = [];
  const failed: Settled['failed'] = [];
  for (const r of results)
    if (r.status === 'fulfilled') ok.push(r.value);
    else failed.push(r.reason);
  return { ok, failed };
}

function expectOneWinner(s: Settled, n: number) {
  const detail = s.failed.map((e) => `${e.name} ${e.$metadata?.httpStatusCode}: ${e.message}`).join('\n');
  expect(s.ok.length, detail).toBe(1);
  expect(s.failed.length).toBe(n - 1);
  for (const e of s.failed) {
    expect(e.name, detail).toBe('ResourceExistsException');
    expect(e.$metadata?.httpStatusCode).toBe(409);
  }
}

describe('20 parallel CreateActionConnector calls of one id (in-process server)', () => {
  let t: TestServer;
  let clients: qs.QuickSightClient[];
  beforeAll(async () => {
    t = await startTestServer();
    // Several clients: several connection pools, so the 20 calls really are in flight together.
    clients = Array.from({ length: 5 }, () => t.client());
  });
  afterAll(async () => {
    await t.stop();
  });

  it('identical inputs: exactly one succeeds, 19 get ResourceExistsException (409)', async () => {
    for (let round = 0; round < 5; round++) {
      const id = `same-${round}`;
      expectOneWinner(
        await race(
          clients,
          Array.from({ length: 20 }, () => createInput(id)),
        ),
        20,
      );
    }
  });

  it("different inputs: the stored connector is the winner's, whole (name, tags and grants from one call)", async () => {
    const admin = `arn:aws:quicksight:${REGION}:${ACCOUNT}:user/default/admin`;
    const reader = await t.addUser('race-reader', 'READER');
    for (let round = 0; round < 5; round++) {
      const id = `diff-${round}`;
      const inputs = Array.from({ length: 20 }, (_v, i) =>
        createInput(id, {
          Name: `Contender ${i}`,
          Tags: [{ Key: 'contender', Value: String(i) }],
          Permissions: [
            { Principal: admin, Actions: ['quicksight:DescribeActionConnector', 'quicksight:UpdateActionConnectorPermissions'] },
            ...(i % 2 ? [{ Principal: reader.arn, Actions: ['quicksight:DescribeActionConnector'] }] : []),
          ],
        }),
      );
      const s = await race(clients, inputs);
      expectOneWinner(s, 20);
      const d = await clients[0]!.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
      const winner = Number(/Contender (\d+)/.exec(d.ActionConnector!.Name!)![1]);
      const tags = await clients[0]!.send(new qs.ListTagsForResourceCommand({ ResourceArn: s.ok[0]!.Arn }));
      expect(tags.Tags).toEqual([{ Key: 'contender', Value: String(winner) }]);
      const p = await clients[0]!.send(new qs.DescribeActionConnectorPermissionsCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
      expect(p.Permissions?.map((x) => x.Principal).sort()).toEqual(winner % 2 ? [admin, reader.arn].sort() : [admin]);
    }
  });

  it('20 parallel creates of 20 different ids all succeed', async () => {
    const s = await race(
      clients,
      Array.from({ length: 20 }, (_v, i) => createInput(`distinct-${i}`)),
    );
    expect(s.failed.map((e) => e.message)).toEqual([]);
    expect(s.ok.map((o) => o.ActionConnectorId).sort()).toEqual(Array.from({ length: 20 }, (_v, i) => `distinct-${i}`).sort());
  });

  it('parallel create and delete of one id never leave a half-written connector', async () => {
    const c = clients[0]!;
    for (let round = 0; round < 5; round++) {
      const id = `churn-${round}`;
      const ops = Array.from({ length: 20 }, (_v, i) =>
        i % 2
          ? c.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }))
          : clients[i % clients.length]!.send(new qs.CreateActionConnectorCommand(createInput(id, { Tags: [{ Key: 'k', Value: 'v' }] }))),
      );
      const results = await Promise.allSettled(ops);
      for (const r of results) {
        if (r.status === 'rejected') expect(['ResourceExistsException', 'ResourceNotFoundException']).toContain((r.reason as Error).name);
      }
      // Whatever the interleaving, the connector either exists whole or not at all.
      try {
        await c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
        const tags = await c.send(new qs.ListTagsForResourceCommand({ ResourceArn: `arn:aws:quicksight:${REGION}:${ACCOUNT}:action-connector/${id}` }));
        expect(tags.Tags).toEqual([{ Key: 'k', Value: 'v' }]);
      } catch (e) {
        expect((e as Error).name).toBe('ResourceNotFoundException');
      }
    }
  });

  it('no internal failure was logged', () => {
    expect(t.logs()).not.toMatch(/internal failure/);
  });
});

describe('another process writing while the server runs (bin/actionbridge)', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startChildServer>>;
  const clients: qs.QuickSightClient[] = [];
  const clientFor = (creds: Creds) => {
    const c = new qs.QuickSightClient({ region: REGION, endpoint: server.endpoint, credentials: creds, maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    dir = tempDir('ab-conc-');
    server = await startChildServer(dir);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    server.child.kill('SIGTERM');
    expect(await server.exited()).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('20 parallel creates of one id against the real process: one success, 19 ResourceExistsException', async () => {
    const cs = Array.from({ length: 4 }, () => clientFor(ADMIN));
    expectOneWinner(
      await race(
        cs,
        Array.from({ length: 20 }, () => createInput('child-same')),
      ),
      20,
    );
  });

  it('`users add` while the server runs: the new user can call the API at once, with its role and groups', async () => {
    const author = cli(['users', 'add', '--account', ACCOUNT, '--name', 'late-author', '--role', 'AUTHOR', '--group', 'late-group', '--data-dir', dir]);
    const ac = clientFor({ accessKeyId: author.AccessKeyId, secretAccessKey: author.SecretAccessKey });
    const out = await ac.send(new qs.CreateActionConnectorCommand(createInput('by-late-author')));
    expect(out.CreationStatus).toBe('CREATION_SUCCESSFUL');
    const perms = await ac.send(new qs.DescribeActionConnectorPermissionsCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'by-late-author' }));
    expect(perms.Permissions?.map((p) => p.Principal)).toEqual([author.UserArn]);

    const reader = cli(['users', 'add', '--account', ACCOUNT, '--name', 'late-reader', '--role', 'READER', '--group', 'late-group', '--data-dir', dir]);
    const rc = clientFor({ accessKeyId: reader.AccessKeyId, secretAccessKey: reader.SecretAccessKey });
    await expectError(rc.send(new qs.CreateActionConnectorCommand(createInput('by-late-reader'))), 'AccessDeniedException', 401);
    // The group stored by the CLI counts at once: a grant to it lets the reader describe.
    await ac.send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'by-late-author',
        GrantPermissions: [{ Principal: `arn:aws:quicksight:${REGION}:${ACCOUNT}:group/default/late-group`, Actions: ['quicksight:DescribeActionConnector'] }],
      }),
    );
    const d = await rc.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'by-late-author' }));
    expect(d.ActionConnector?.ActionConnectorId).toBe('by-late-author');
  });

  it('several CLI processes adding users while the server takes a stream of writes: all succeed, no 5xx', async () => {
    cli(['groups', 'add', '--account', ACCOUNT, '--name', 'stream-group', '--data-dir', dir]);
    const admin = clientFor(ADMIN);
    let stop = false;
    const serverErrors: string[] = [];
    let writes = 0;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const id = `busy-${w}-${i}`;
        try {
          await admin.send(new qs.CreateActionConnectorCommand(createInput(id, { Tags: [{ Key: 'w', Value: String(w) }] })));
          await admin.send(
            new qs.UpdateActionConnectorPermissionsCommand({
              AwsAccountId: ACCOUNT,
              ActionConnectorId: id,
              GrantPermissions: [
                { Principal: `arn:aws:quicksight:${REGION}:${ACCOUNT}:group/default/stream-group`, Actions: ['quicksight:DescribeActionConnector'] },
              ],
            }),
          );
          await admin.send(
            new qs.TagResourceCommand({ ResourceArn: `arn:aws:quicksight:${REGION}:${ACCOUNT}:action-connector/${id}`, Tags: [{ Key: 'x', Value: 'y' }] }),
          );
          writes += 3;
        } catch (e) {
          serverErrors.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
      }
    };
    const writers = Array.from({ length: 4 }, (_v, w) => writer(w));
    const added = await Promise.all(
      Array.from({ length: 6 }, async (_v, i) => {
        const { stdout } = await execFileP(BIN, [
          'users',
          'add',
          '--account',
          ACCOUNT,
          '--name',
          `cli-${i}`,
          '--role',
          i % 2 ? 'READER' : 'AUTHOR',
          '--group',
          `cli-group-${i % 3}`,
          '--data-dir',
          dir,
        ]);
        return JSON.parse(stdout) as { UserArn: string; AccessKeyId: string; SecretAccessKey: string };
      }),
    );
    stop = true;
    await Promise.all(writers);
    expect(
      serverErrors,
      server
        .output()
        .split('\n')
        .filter((l) => l.includes('internal failure'))
        .join('\n'),
    ).toEqual([]);
    expect(writes).toBeGreaterThan(0);
    for (const [i, u] of added.entries()) {
      expect(u.UserArn).toBe(`arn:aws:quicksight:${REGION}:${ACCOUNT}:user/default/cli-${i}`);
      const c = clientFor({ accessKeyId: u.AccessKeyId, secretAccessKey: u.SecretAccessKey });
      const list = await c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
      expect(Array.isArray(list.ActionConnectorSummaries)).toBe(true);
    }
    expect(server.output()).not.toMatch(/internal failure/);
  });
});
