// Issue 13, finding 8 / requirement 6: the bootstrap variables (ACTIONBRIDGE_ACCOUNT_ID,
// ACTIONBRIDGE_ACCESS_KEY_ID, ACTIONBRIDGE_SECRET_ACCESS_KEY) act only on an empty
// database. The attack: an ADMIN deactivates the bootstrap key (it leaked), or deletes
// the bootstrap admin; the server restarts with the same variables (a deployment that
// keeps them in its environment) and the key signs in again. Now it stays inactive and
// the admin stays deleted; `actionbridge users reset-admin` is the recovery path and
// hands out a NEW key.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, BIN, REGION, qs, startTestServer, tempDir, type Creds, type TestServer } from './helpers.js';
import { expectError } from './helpers.js';

const run = promisify(execFile);
const started: TestServer[] = [];

async function start(dataDir: string): Promise<TestServer> {
  const t = await startTestServer({ dataDir });
  started.push(t);
  return t;
}
async function stop(t: TestServer) {
  await t.stop();
  started.splice(started.indexOf(t), 1);
}
afterAll(async () => {
  for (const t of [...started]) await t.stop();
});

/** `actionbridge <args> --data-dir DIR` as a separate process (the server may be running). */
async function cli(dataDir: string, args: string[]): Promise<any> {
  const { stdout } = await run(BIN, [...args, '--data-dir', dataDir], { encoding: 'utf8' });
  return JSON.parse(stdout);
}

const list = (t: TestServer, creds: Creds) => t.client(creds).send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));

describe('bootstrap variables act only on an empty database', () => {
  it('a deactivated bootstrap key stays inactive after a restart with the same variables', async () => {
    const dir = tempDir('ab-sec-boot-');
    let t = await start(dir);
    expect((await list(t, ADMIN)).$metadata.httpStatusCode).toBe(200);
    // A second ADMIN (made by the bootstrap admin's operator) deactivates the leaked key.
    const other = await t.addUser('ops', 'ADMIN');
    expect(await cli(dir, ['keys', 'deactivate', '--access-key-id', ADMIN.accessKeyId])).toEqual({ AccessKeyId: ADMIN.accessKeyId, Status: 'INACTIVE' });
    await expectError(list(t, ADMIN), 'UnrecognizedClientException', 403);
    await stop(t);

    t = await start(dir);
    // The same variables are set (startTestServer passes them): the key is not re-activated.
    const e = await expectError(list(t, ADMIN), 'UnrecognizedClientException', 403);
    expect(e.$metadata?.httpStatusCode).toBe(403);
    expect((await cli(dir, ['keys', 'list', '--user', 'admin'])).AccessKeys).toEqual([
      expect.objectContaining({ AccessKeyId: ADMIN.accessKeyId, Status: 'INACTIVE' }),
    ]);
    expect((await list(t, other)).$metadata.httpStatusCode).toBe(200);
    // One info line says the variables were ignored; it carries no secret.
    const lines = t
      .logs()
      .split('\n')
      .filter((l) => l.includes('bootstrap variables ignored'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).level).toBe(30);
    expect(t.logs()).not.toContain(ADMIN.secretAccessKey);
    await stop(t);
  });

  it('a deleted bootstrap admin is not re-created, even when it was the last user', async () => {
    const dir = tempDir('ab-sec-boot-del-');
    let t = await start(dir);
    expect(await cli(dir, ['users', 'remove', '--account', ACCOUNT, '--name', 'admin'])).toEqual({
      Removed: `arn:aws:quicksight:${REGION}:${ACCOUNT}:user/default/admin`,
    });
    expect((await cli(dir, ['users', 'list'])).Users).toEqual([]);
    await stop(t);

    t = await start(dir);
    expect((await cli(dir, ['users', 'list'])).Users).toEqual([]);
    expect((await cli(dir, ['keys', 'list'])).AccessKeys).toEqual([]);
    await expectError(list(t, ADMIN), 'UnrecognizedClientException', 403);
    await stop(t);
  });

  it('users reset-admin, against the data dir of a running server, gives a NEW key that signs in; the old one stays inactive', async () => {
    const dir = tempDir('ab-sec-boot-reset-');
    const t = await start(dir);
    await cli(dir, ['keys', 'deactivate', '--access-key-id', ADMIN.accessKeyId]);
    await expectError(list(t, ADMIN), 'UnrecognizedClientException', 403);

    const out = await cli(dir, ['users', 'reset-admin', '--account', ACCOUNT]);
    expect(out).toMatchObject({
      UserArn: `arn:aws:quicksight:${REGION}:${ACCOUNT}:user/default/admin`,
      Created: false,
      AccessKeyId: expect.stringMatching(/^AKIA[A-Z2-7]{16}$/),
    });
    expect(out.AccessKeyId).not.toBe(ADMIN.accessKeyId);
    expect(out.SecretAccessKey).not.toBe(ADMIN.secretAccessKey);
    expect(out.SecretAccessKey.length).toBeGreaterThanOrEqual(32);
    const fresh = { accessKeyId: out.AccessKeyId as string, secretAccessKey: out.SecretAccessKey as string };
    expect((await list(t, fresh)).$metadata.httpStatusCode).toBe(200);
    // An ADMIN: it can create a connector.
    await t.client(fresh).send(
      new qs.CreateActionConnectorCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'after-reset',
        Name: 'after reset',
        Type: 'GENERIC_HTTP',
        AuthenticationConfig: { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: 'https://api.example.com' } } },
      }),
    );
    await expectError(list(t, ADMIN), 'UnrecognizedClientException', 403);

    // On an account without the user (or after it was deleted), it creates the ADMIN; a READER named so is promoted.
    const made = await cli(dir, ['users', 'reset-admin', '--account', '999988887777', '--name', 'rescue']);
    expect(made).toMatchObject({ UserArn: `arn:aws:quicksight:${REGION}:999988887777:user/default/rescue`, Created: true });
    await t.addUser('reader', 'READER');
    const promoted = await cli(dir, ['users', 'reset-admin', '--account', ACCOUNT, '--name', 'reader']);
    expect(promoted.Created).toBe(false);
    expect((await cli(dir, ['users', 'list', '--account', ACCOUNT])).Users).toEqual(
      expect.arrayContaining([expect.objectContaining({ UserName: 'reader', Role: 'ADMIN' })]),
    );
  });

  it('on an empty database the variables create the admin (and a second start changes nothing)', async () => {
    const dir = tempDir('ab-sec-boot-empty-');
    let t = await start(dir);
    expect(t.server.bootstrap).toMatchObject({ accountId: ACCOUNT, accessKeyId: ADMIN.accessKeyId, applied: true });
    expect(t.logs()).not.toContain('bootstrap variables ignored');
    await stop(t);
    t = await start(dir);
    expect(t.server.bootstrap.applied).toBe(false);
    expect((await list(t, ADMIN)).$metadata.httpStatusCode).toBe(200);
    await stop(t);
  });
});
