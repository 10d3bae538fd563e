// Identities administered with the CLI while the server runs: users, groups and
// several access keys per user; a deactivated, deleted or orphaned key stops
// working at once.
import { execFile, execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, BIN, REGION, cli, createInput, expectError, qs, startTestServer, type Creds, type TestServer } from './helpers.js';
import { dbSnapshot, userArnOf } from './auth-support.js';

let t: TestServer;
const abcli = (...args: string[]) => cli([...args, '--data-dir', t.dataDir]);

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const list = (c: qs.QuickSightClient) => c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
const credsOf = (o: { AccessKeyId: string; SecretAccessKey: string }): Creds => ({ accessKeyId: o.AccessKeyId, secretAccessKey: o.SecretAccessKey });

function cliFails(args: string[]): { status: number; stderr: string } {
  try {
    execFileSync(BIN, [...args, '--data-dir', t.dataDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { status: number; stderr: string };
    return { status: err.status, stderr: err.stderr };
  }
  throw new Error(`expected 'actionbridge ${args.join(' ')}' to fail`);
}

/** cliFails without blocking the event loop, so that several run at once. */
function cliFailsAsync(args: string[]): Promise<{ status: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(BIN, [...args, '--data-dir', t.dataDir], { encoding: 'utf8' }, (err, _stdout, stderr) => {
      if (!err) reject(new Error(`expected 'actionbridge ${args.join(' ')}' to fail`));
      else resolve({ status: (err as { code?: number }).code ?? -1, stderr });
    });
  });
}

describe('users and keys through the CLI, against a running server', () => {
  it('users add prints a working key; the user is listed with its role and groups', async () => {
    const u = abcli('users', 'add', '--account', ACCOUNT, '--name', 'cli-author', '--role', 'AUTHOR', '--group', 'cli-team');
    expect(u.UserArn).toBe(userArnOf('cli-author'));
    expect(u.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(u.SecretAccessKey.length).toBeGreaterThanOrEqual(40);
    const c = t.client(credsOf(u));
    await c.send(new qs.CreateActionConnectorCommand(createInput('cli-made')));
    const users = abcli('users', 'list', '--account', ACCOUNT).Users as { UserName: string; Role: string; Groups: string[] }[];
    expect(users.find((x) => x.UserName === 'cli-author')).toMatchObject({ Role: 'AUTHOR', Groups: ['cli-team'] });
    expect(abcli('groups', 'list', '--account', ACCOUNT).Groups).toEqual(
      expect.arrayContaining([expect.objectContaining({ groupName: 'cli-team', members: ['cli-author'] })]),
    );
    // The secret is never shown again.
    expect(JSON.stringify(abcli('keys', 'list', '--account', ACCOUNT))).not.toContain(u.SecretAccessKey);
    expect(JSON.stringify(users)).not.toContain(u.SecretAccessKey);
  });

  it('several keys per user all work; deactivate refuses a key at once, activate restores it, delete refuses it for good', async () => {
    const u = abcli('users', 'add', '--account', ACCOUNT, '--name', 'multi-key', '--role', 'READER');
    const k2 = abcli('keys', 'create', '--account', ACCOUNT, '--user', 'multi-key');
    const k3 = abcli('keys', 'create', '--account', ACCOUNT, '--user', 'multi-key');
    expect(new Set([u.AccessKeyId, k2.AccessKeyId, k3.AccessKeyId]).size).toBe(3);
    const [c1, c2, c3] = [u, k2, k3].map((k) => t.client(credsOf(k)));
    for (const c of [c1!, c2!, c3!]) await list(c);

    const listed = abcli('keys', 'list', '--account', ACCOUNT, '--user', 'multi-key').AccessKeys as { AccessKeyId: string; Status: string }[];
    expect(listed.map((k) => k.AccessKeyId).sort()).toEqual([u.AccessKeyId, k2.AccessKeyId, k3.AccessKeyId].sort());
    expect(listed.every((k) => k.Status === 'ACTIVE')).toBe(true);

    expect(abcli('keys', 'deactivate', '--access-key-id', k2.AccessKeyId)).toEqual({ AccessKeyId: k2.AccessKeyId, Status: 'INACTIVE' });
    await expectError(list(c2!), 'UnrecognizedClientException', 403);
    await list(c1!); // the user's other keys are unaffected
    await list(c3!);
    expect(
      (abcli('keys', 'list', '--user', 'multi-key').AccessKeys as { AccessKeyId: string; Status: string }[]).find((k) => k.AccessKeyId === k2.AccessKeyId)
        ?.Status,
    ).toBe('INACTIVE');

    abcli('keys', 'activate', '--access-key-id', k2.AccessKeyId);
    await list(c2!);

    abcli('keys', 'delete', '--access-key-id', k2.AccessKeyId);
    await expectError(list(c2!), 'UnrecognizedClientException', 403);
    await list(c1!);
    expect(cliFails(['keys', 'activate', '--access-key-id', k2.AccessKeyId]).status).toBe(2);
    await expectError(list(c2!), 'UnrecognizedClientException', 403);
  });

  it('a refused key changes nothing', async () => {
    const u = abcli('users', 'add', '--account', ACCOUNT, '--name', 'deactivated-author', '--role', 'AUTHOR');
    abcli('keys', 'deactivate', '--access-key-id', u.AccessKeyId);
    const c = t.client(credsOf(u));
    const before = dbSnapshot(t.dataDir);
    await expectError(c.send(new qs.CreateActionConnectorCommand(createInput('should-not-exist'))), 'UnrecognizedClientException', 403);
    expect(dbSnapshot(t.dataDir)).toEqual(before);
  });

  it("users remove refuses all of the user's keys at once", async () => {
    const u = abcli('users', 'add', '--account', ACCOUNT, '--name', 'leaving', '--role', 'ADMIN');
    const k2 = abcli('keys', 'create', '--account', ACCOUNT, '--user', 'leaving');
    const c1 = t.client(credsOf(u));
    const c2 = t.client(credsOf(k2));
    await list(c1);
    await list(c2);
    expect(abcli('users', 'remove', '--account', ACCOUNT, '--name', 'leaving')).toEqual({ Removed: userArnOf('leaving') });
    await expectError(list(c1), 'UnrecognizedClientException', 403);
    await expectError(list(c2), 'UnrecognizedClientException', 403);
    expect(abcli('keys', 'list', '--account', ACCOUNT, '--user', 'leaving').AccessKeys as unknown[]).toEqual([]);
    // Re-adding the name gives a new key; the old ones stay dead.
    const again = abcli('users', 'add', '--account', ACCOUNT, '--name', 'leaving', '--role', 'READER');
    await list(t.client(credsOf(again)));
    await expectError(list(c1), 'UnrecognizedClientException', 403);
  });

  it('a role change through re-adding is refused; the CLI validates its input', async () => {
    const cases: [string[], RegExp][] = [
      [['users', 'add', '--account', ACCOUNT, '--name', 'multi-key', '--role', 'ADMIN'], /already exists/],
      [['users', 'add', '--account', ACCOUNT, '--name', 'bad-role', '--role', 'OWNER'], /--role/],
      [['users', 'add', '--account', '123', '--name', 'bad-acct', '--role', 'READER'], /12 digits/],
      [['keys', 'create', '--account', ACCOUNT, '--user', 'nobody-here'], /no user/],
      [['keys', 'deactivate', '--access-key-id', 'AKIANOSUCHKEY0000000'], /no access key/],
      [['users', 'remove', '--account', ACCOUNT, '--name', 'nobody-here'], /no user/],
      [['groups', 'remove-member', '--account', ACCOUNT, '--name', 'cli-team', '--user', 'multi-key'], /not a member/],
    ];
    // All at once (a process each; none of them changes anything).
    const results = await Promise.all(cases.map(([args]) => cliFailsAsync(args)));
    cases.forEach(([, message], i) => {
      expect(results[i]!.stderr).toMatch(message);
    });
  });

  it("the request region is the credential scope's: the same key works in any region, and the user ARN stays in the identity region", async () => {
    const u = abcli('users', 'add', '--account', ACCOUNT, '--name', 'traveller', '--role', 'AUTHOR');
    const west = t.client(credsOf(u), 'eu-west-1');
    const r = await west.send(new qs.CreateActionConnectorCommand(createInput('travel-1')));
    expect(r.Arn).toBe(`arn:aws:quicksight:eu-west-1:${ACCOUNT}:action-connector/travel-1`);
    const p = await west.send(new qs.DescribeActionConnectorPermissionsCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'travel-1' }));
    expect(p.Permissions![0]!.Principal).toBe(userArnOf('traveller', REGION));
    await expectError(
      t.client(credsOf(u)).send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'travel-1' })),
      'AccessDeniedException',
      401,
    );
  });
});
