// Durability: `bin/actionbridge serve` as a child process on a temp data dir;
// every acknowledged write survives kill -9 (SIGKILL) and SIGTERM, and a restart
// on the same dir serves it intact. SIGTERM is graceful: exit 0, promptly.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, REGION, cli, qs, startChildServer, tempDir, type Creds } from './helpers.js';
import { withTimeout } from './robust-support.js';

type Child = Awaited<ReturnType<typeof startChildServer>>;

const dirs: string[] = [];
const children: Child[] = [];
const clients: qs.QuickSightClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const ch of children.splice(0))
    if (ch.child.exitCode === null && ch.child.signalCode === null) {
      ch.child.kill('SIGKILL');
      await ch.exited();
    }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(dir: string): Promise<Child> {
  const ch = await startChildServer(dir);
  children.push(ch);
  return ch;
}

function clientFor(ch: Child, creds: Creds = ADMIN): qs.QuickSightClient {
  const c = new qs.QuickSightClient({ region: REGION, endpoint: ch.endpoint, credentials: creds, maxAttempts: 1 });
  clients.push(c);
  return c;
}

const arnOf = (id: string) => `arn:aws:quicksight:${REGION}:${ACCOUNT}:action-connector/${id}`;
const endpoint = (n: number) => `https://api${n}.example.com/v${n}`;

/** One connector of each authentication type, with and without tags, permissions and a description. */
function variedInputs(prefix: string, userArn: string, groupArn: string): qs.CreateActionConnectorCommandInput[] {
  const auths: qs.AuthConfig[] = [
    { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: endpoint(1) } } },
    {
      AuthenticationType: 'BASIC',
      AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: endpoint(2), Username: 'svc', Password: 'pa55-word' } },
    },
    {
      AuthenticationType: 'API_KEY',
      AuthenticationMetadata: { ApiKeyConnectionMetadata: { BaseEndpoint: endpoint(3), ApiKey: 'key-123', Email: 'bot@example.com' } },
    },
    {
      AuthenticationType: 'OAUTH2_CLIENT_CREDENTIALS',
      AuthenticationMetadata: {
        ClientCredentialsGrantMetadata: {
          BaseEndpoint: endpoint(4),
          ClientCredentialsSource: 'PLAIN_CREDENTIALS',
          ClientCredentialsDetails: {
            ClientCredentialsGrantDetails: { ClientId: 'cid', ClientSecret: 'csecret', TokenEndpoint: 'https://auth.example.com/token' },
          },
        },
      },
    },
    {
      AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
      AuthenticationMetadata: {
        AuthorizationCodeGrantMetadata: {
          BaseEndpoint: endpoint(5),
          RedirectUrl: 'https://app.example.com/cb',
          AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
          AuthorizationCodeGrantCredentialsDetails: {
            AuthorizationCodeGrantDetails: {
              ClientId: 'cid2',
              ClientSecret: 'csecret2',
              TokenEndpoint: 'https://auth.example.com/token',
              AuthorizationEndpoint: 'https://auth.example.com/authorize',
            },
          },
        },
      },
    },
    { AuthenticationType: 'IAM', AuthenticationMetadata: { IamConnectionMetadata: { RoleArn: 'arn:aws:iam::123456789012:role/actions' } } },
  ];
  // types[k] accepts auths[k] (src/domain/type-auth.ts): BASIC on ServiceNow, the authorization code grant on Jira.
  const types = ['GENERIC_HTTP', 'SERVICENOW_NOW_PLATFORM', 'SLACK', 'SALESFORCE_CRM', 'JIRA_CLOUD', 'AMAZON_S3'] as const;
  const out: qs.CreateActionConnectorCommandInput[] = [];
  for (let i = 0; i < 18; i++) {
    const id = `${prefix}-${i}`;
    out.push({
      AwsAccountId: ACCOUNT,
      ActionConnectorId: id,
      Name: `Durable ${prefix} ${i}`,
      Type: types[i % types.length] as qs.ActionConnectorType,
      AuthenticationConfig: auths[i % auths.length],
      ...(i % 2 ? { Description: `Connector number ${i}.` } : {}),
      ...(i % 3 === 0
        ? {
            Tags: [
              { Key: 'team', Value: `t${i}` },
              { Key: 'n', Value: String(i) },
            ],
          }
        : {}),
      ...(i % 4 === 1
        ? {
            Permissions: [
              {
                Principal: `arn:aws:quicksight:${REGION}:${ACCOUNT}:user/default/admin`,
                Actions: ['quicksight:DescribeActionConnector', 'quicksight:UpdateActionConnectorPermissions'],
              },
              { Principal: userArn, Actions: ['quicksight:DescribeActionConnector'] },
              { Principal: groupArn, Actions: ['quicksight:InvokeActionConnector', 'quicksight:ListActionConnectorActions'] },
            ],
          }
        : {}),
    });
  }
  return out;
}

interface Snapshot {
  connector: unknown;
  tags: unknown;
  permissions: unknown;
}

async function snapshot(c: qs.QuickSightClient, id: string): Promise<Snapshot> {
  const d = await c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
  const tags = await c.send(new qs.ListTagsForResourceCommand({ ResourceArn: arnOf(id) }));
  const p = await c.send(new qs.DescribeActionConnectorPermissionsCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
  const perms = (p.Permissions ?? [])
    .map((x) => ({ Principal: x.Principal, Actions: [...(x.Actions ?? [])].sort() }))
    .sort((a, b) => (a.Principal! < b.Principal! ? -1 : 1));
  const sortedTags = [...(tags.Tags ?? [])].sort((a, b) => (a.Key! < b.Key! ? -1 : 1));
  return { connector: d.ActionConnector, tags: sortedTags, permissions: perms };
}

async function listIds(c: qs.QuickSightClient): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 100, NextToken: token }));
    ids.push(...(page.ActionConnectorSummaries ?? []).map((s) => s.ActionConnectorId!));
    token = page.NextToken;
  } while (token);
  return ids.sort();
}

/** Creates, updates, deletes and re-permissions a varied set; returns the snapshots expected after a restart. */
async function populate(dir: string, c: qs.QuickSightClient, prefix: string) {
  const u = cli(['users', 'add', '--account', ACCOUNT, '--name', `${prefix}-user`, '--role', 'READER', '--group', `${prefix}-group`, '--data-dir', dir]);
  const groupArn = `arn:aws:quicksight:${REGION}:${ACCOUNT}:group/default/${prefix}-group`;
  const inputs = variedInputs(prefix, u.UserArn, groupArn);
  for (const input of inputs) await c.send(new qs.CreateActionConnectorCommand(input));
  // Updates, a delete, tag and permission changes: the last write of each must be what survives.
  await c.send(
    new qs.UpdateActionConnectorCommand({
      AwsAccountId: ACCOUNT,
      ActionConnectorId: `${prefix}-0`,
      Name: 'Renamed zero',
      AuthenticationConfig: inputs[1]!.AuthenticationConfig,
    }),
  );
  await c.send(
    new qs.UpdateActionConnectorCommand({
      AwsAccountId: ACCOUNT,
      ActionConnectorId: `${prefix}-5`,
      Name: 'Renamed five',
      Description: 'Updated.',
      AuthenticationConfig: inputs[5]!.AuthenticationConfig,
    }),
  );
  await c.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: `${prefix}-7` }));
  await c.send(
    new qs.TagResourceCommand({
      ResourceArn: arnOf(`${prefix}-3`),
      Tags: [
        { Key: 'team', Value: 'replaced' },
        { Key: 'extra', Value: 'x' },
      ],
    }),
  );
  await c.send(new qs.UntagResourceCommand({ ResourceArn: arnOf(`${prefix}-6`), TagKeys: ['n'] }));
  await c.send(
    new qs.UpdateActionConnectorPermissionsCommand({
      AwsAccountId: ACCOUNT,
      ActionConnectorId: `${prefix}-2`,
      GrantPermissions: [{ Principal: u.UserArn, Actions: ['quicksight:DescribeActionConnector', 'quicksight:InvokeActionConnector'] }],
    }),
  );
  await c.send(
    new qs.UpdateActionConnectorPermissionsCommand({
      AwsAccountId: ACCOUNT,
      ActionConnectorId: `${prefix}-1`,
      RevokePermissions: [{ Principal: groupArn, Actions: ['quicksight:InvokeActionConnector', 'quicksight:ListActionConnectorActions'] }],
    }),
  );
  const ids = inputs.map((i) => i.ActionConnectorId!).filter((id) => id !== `${prefix}-7`);
  const expected = new Map<string, Snapshot>();
  for (const id of ids) expected.set(id, await snapshot(c, id));
  // Sanity: the snapshots hold the writes made above.
  expect((expected.get(`${prefix}-0`)!.connector as qs.ActionConnector).Name).toBe('Renamed zero');
  expect((expected.get(`${prefix}-0`)!.connector as qs.ActionConnector).Status).toBe('UPDATE_SUCCESSFUL');
  expect(expected.get(`${prefix}-3`)!.tags).toEqual([
    { Key: 'extra', Value: 'x' },
    { Key: 'n', Value: '3' },
    { Key: 'team', Value: 'replaced' },
  ]);
  expect(expected.get(`${prefix}-6`)!.tags).toEqual([{ Key: 'team', Value: 't6' }]);
  expect(expected.get(`${prefix}-1`)!.permissions).toHaveLength(2);
  return { expected, user: u as { UserArn: string; AccessKeyId: string; SecretAccessKey: string } };
}

async function verify(c: qs.QuickSightClient, prefix: string, expected: Map<string, Snapshot>) {
  expect((await listIds(c)).filter((id) => id.startsWith(`${prefix}-`))).toEqual([...expected.keys()].sort());
  for (const [id, snap] of expected) expect(await snapshot(c, id), id).toEqual(snap);
  await expect(c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: `${prefix}-7` }))).rejects.toMatchObject({
    name: 'ResourceNotFoundException',
  });
}

/** Creates connectors from several workers until `stopAfter` are acknowledged, then calls `kill`; returns what was attempted and acknowledged. */
async function writeWhileKilling(c: qs.QuickSightClient, prefix: string, stopAfter: number, kill: () => void) {
  const attempted = new Set<string>();
  const acked = new Set<string>();
  let n = 0;
  let killed = false;
  const worker = async () => {
    for (;;) {
      const id = `${prefix}-${n++}`;
      attempted.add(id);
      try {
        await c.send(
          new qs.CreateActionConnectorCommand({
            AwsAccountId: ACCOUNT,
            ActionConnectorId: id,
            Name: `Stream ${id}`,
            Type: 'GENERIC_HTTP',
            AuthenticationConfig: {
              AuthenticationType: 'API_KEY',
              AuthenticationMetadata: { ApiKeyConnectionMetadata: { BaseEndpoint: 'https://api.example.com', ApiKey: `key-${id}` } },
            },
            Tags: [{ Key: 'id', Value: id }],
          }),
        );
        acked.add(id);
        if (acked.size >= stopAfter && !killed) {
          killed = true;
          kill();
        }
      } catch (e) {
        // After the kill, requests fail at the connection level; before it, nothing may fail.
        if (!killed) throw e;
        return;
      }
      if (killed) return;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { attempted, acked };
}

async function verifyStream(c: qs.QuickSightClient, prefix: string, attempted: Set<string>, acked: Set<string>) {
  const present = (await listIds(c)).filter((id) => id.startsWith(`${prefix}-`));
  for (const id of acked) expect(present, `acknowledged ${id} is missing`).toContain(id);
  for (const id of present) {
    expect(attempted.has(id), `${id} was never written`).toBe(true);
    // Whatever is present is whole: the row, its tag and its owner grant came in one transaction.
    const s = await snapshot(c, id);
    expect((s.connector as qs.ActionConnector).Name).toBe(`Stream ${id}`);
    expect(s.tags).toEqual([{ Key: 'id', Value: id }]);
    expect(s.permissions).toHaveLength(1);
  }
}

describe('durability across process death', () => {
  it('SIGKILL: every connector, update, delete, tag and grant is there after a restart', async () => {
    const dir = tempDir('ab-kill-');
    dirs.push(dir);
    const a = await start(dir);
    const { expected, user } = await populate(dir, clientFor(a), 'k9');
    a.child.kill('SIGKILL');
    expect(await a.exited()).toBeNull();
    expect(a.child.signalCode).toBe('SIGKILL');

    const b = await start(dir);
    await verify(clientFor(b), 'k9', expected);
    // Identities survive too: the CLI-made user signs in and sees what it was granted.
    const asUser = clientFor(b, { accessKeyId: user.AccessKeyId, secretAccessKey: user.SecretAccessKey });
    const seen = await listIds(asUser);
    expect(seen).toEqual(expect.arrayContaining(['k9-1', 'k9-2']));
    // ... and a new write on the restarted server works.
    await clientFor(b).send(new qs.CreateActionConnectorCommand({ ...variedInputs('k9b', user.UserArn, user.UserArn)[0]! }));
  });

  it('SIGKILL in the middle of a stream of creates: every acknowledged create survives, nothing half written', async () => {
    const dir = tempDir('ab-kill-stream-');
    dirs.push(dir);
    const a = await start(dir);
    const { attempted, acked } = await writeWhileKilling(clientFor(a), 'ks', 60, () => a.child.kill('SIGKILL'));
    expect(await a.exited()).toBeNull();
    expect(acked.size).toBeGreaterThanOrEqual(60);

    const b = await start(dir);
    await verifyStream(clientFor(b), 'ks', attempted, acked);
  });

  it('SIGTERM: the server exits 0 promptly and everything is there after a restart', async () => {
    const dir = tempDir('ab-term-');
    dirs.push(dir);
    const a = await start(dir);
    const c = clientFor(a);
    const { expected } = await populate(dir, c, 'tm');
    // An idle keep-alive connection must not hold the shutdown up.
    await c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
    const t0 = Date.now();
    a.child.kill('SIGTERM');
    expect(await withTimeout(a.exited(), 5_000, 'exit after SIGTERM')).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(a.output()).toMatch(/shutting down/);

    const b = await start(dir);
    await verify(clientFor(b), 'tm', expected);
  });

  it('SIGTERM during a stream of creates: exit 0, every acknowledged create survives', async () => {
    const dir = tempDir('ab-term-stream-');
    dirs.push(dir);
    const a = await start(dir);
    let t0 = 0;
    const { attempted, acked } = await writeWhileKilling(clientFor(a), 'ts', 60, () => {
      t0 = Date.now();
      a.child.kill('SIGTERM');
    });
    // Requests in flight when the signal came must not hold the exit up (keep-alive connections).
    expect(await withTimeout(a.exited(), 5_000, 'exit after SIGTERM')).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5_000);

    const b = await start(dir);
    await verifyStream(clientFor(b), 'ts', attempted, acked);
  });
});
