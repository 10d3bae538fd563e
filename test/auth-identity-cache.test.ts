// The identity cache (src/store/repos/identities.ts) against writes by another process:
// the CLI run on a running server's data dir. The server has just served the key and
// the groups from memory (warm); each CLI change applies to the server's next request —
// at once on SQLite (data_version, read per turn of the event loop), within the
// notification's delivery on PostgreSQL (src/store/notify.ts). Unknown key ids sprayed
// at the server are refused every time and leave real keys working.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, TEST_STORE, cli, createInput, expectError, qs, startTestServer, type Creds, type TestServer, type TestUser } from './helpers.js';

let t: TestServer;
const abcli = (...args: string[]) => cli([...args, '--data-dir', t.dataDir]);
const describeBy = (u: Creds | undefined, id = 'cache-conn') =>
  t.client(u).send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));

/**
 * The server's next request after a CLI change: on SQLite it must already see the change;
 * on PostgreSQL the notification may take a moment (up to 2 s).
 */
async function next(check: () => Promise<void>): Promise<void> {
  if (TEST_STORE === 'sqlite') return check();
  for (const end = Date.now() + 2_000; ; ) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

async function warm(u: TestUser, id = 'cache-conn') {
  for (let i = 0; i < 3; i++) await describeBy(u, id);
}

beforeAll(async () => {
  t = await startTestServer();
  await t.client().send(new qs.CreateActionConnectorCommand(createInput('cache-conn')));
});
afterAll(async () => {
  await t.stop();
});

describe(`identity cache against CLI writes (${TEST_STORE})`, () => {
  it('keys deactivate / activate / delete by the CLI apply to the next request of a warm key', async () => {
    const u = await t.addUser('cache-keys', 'ADMIN');
    await warm(u);
    abcli('keys', 'deactivate', '--access-key-id', u.accessKeyId);
    await next(() => expectError(describeBy(u), 'UnrecognizedClientException', 403).then(() => undefined));
    abcli('keys', 'activate', '--access-key-id', u.accessKeyId);
    await next(() => describeBy(u).then(() => undefined));
    await warm(u);
    abcli('keys', 'delete', '--access-key-id', u.accessKeyId);
    await next(() => expectError(describeBy(u), 'UnrecognizedClientException', 403).then(() => undefined));
  });

  it('a request with a body (admitted before its body is read, at once for a warm key) is refused on the next request after the CLI deactivates the key', async () => {
    const u = await t.addUser('cache-post', 'ADMIN');
    const createBy = (id: string) => t.client(u).send(new qs.CreateActionConnectorCommand(createInput(id)));
    for (let i = 0; i < 3; i++) await createBy(`cache-post-${i}`);
    abcli('keys', 'deactivate', '--access-key-id', u.accessKeyId);
    await next(() => expectError(createBy('cache-post-refused'), 'UnrecognizedClientException', 403).then(() => undefined));
    await expectError(describeBy(undefined, 'cache-post-refused'), 'ResourceNotFoundException', 404);
    abcli('keys', 'activate', '--access-key-id', u.accessKeyId);
    await next(() => createBy('cache-post-again').then(() => undefined));
  });

  it('a membership removed by the CLI takes the group’s grant away on the next request; a key created by the CLI works on its first use', async () => {
    const u = await t.addUser('cache-member', 'READER', ['cache-team']);
    await t.client().send(
      new qs.UpdateActionConnectorPermissionsCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: 'cache-conn',
        GrantPermissions: [{ Principal: `arn:aws:quicksight:us-east-1:${ACCOUNT}:group/default/cache-team`, Actions: ['quicksight:DescribeActionConnector'] }],
      }),
    );
    await warm(u);
    abcli('groups', 'remove-member', '--account', ACCOUNT, '--name', 'cache-team', '--user', 'cache-member');
    await next(() => expectError(describeBy(u), 'AccessDeniedException').then(() => undefined));
    abcli('groups', 'add-member', '--account', ACCOUNT, '--name', 'cache-team', '--user', 'cache-member');
    await next(() => describeBy(u).then(() => undefined));

    // A key created by the CLI while the server runs works on its first use.
    const k = abcli('keys', 'create', '--account', ACCOUNT, '--user', 'cache-member');
    const creds = { accessKeyId: k.AccessKeyId, secretAccessKey: k.SecretAccessKey };
    await next(() => describeBy(creds).then(() => undefined));
  });

  it('a user removed by the CLI is refused on the next request', async () => {
    const u = await t.addUser('cache-gone', 'AUTHOR');
    await t.client(u).send(new qs.CreateActionConnectorCommand(createInput('cache-by-gone')));
    await warm(u, 'cache-by-gone');
    abcli('users', 'remove', '--account', ACCOUNT, '--name', 'cache-gone');
    await next(() => expectError(describeBy(u, 'cache-by-gone'), 'UnrecognizedClientException', 403).then(() => undefined));
  });

  it('random key ids sprayed at the server are refused every time, and real keys go on working', async () => {
    const u = await t.addUser('cache-sprayed', 'ADMIN');
    await warm(u);
    // Well-formed, in-scope, current signatures by keys that do not exist: each is looked up, and
    // refused. More of them than the cache keeps unknown ids for (1,000), so its bound is crossed.
    const amzDate = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const scope = `${amzDate.slice(0, 8)}/us-east-1/quicksight/aws4_request`;
    const url = `${t.endpoint}/accounts/${ACCOUNT}/action-connectors/cache-conn`;
    for (let i = 0; i < 1_100; i += 100) {
      const statuses = await Promise.all(
        Array.from({ length: 100 }, async () => {
          const id = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
          const r = await fetch(url, {
            headers: {
              'x-amz-date': amzDate,
              authorization: `AWS4-HMAC-SHA256 Credential=${id}/${scope}, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
            },
          });
          const body = await r.text();
          return `${r.status} ${body.includes('The security token included in the request is invalid.') ? 'unrecognized' : body}`;
        }),
      );
      expect(new Set(statuses)).toEqual(new Set(['403 unrecognized']));
    }
    await describeBy(u);
  });
});
