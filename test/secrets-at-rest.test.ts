// Secrets at rest and redaction: after connectors of every auth type and users'
// access keys are stored, and after error paths that carry secrets, no secret
// value appears in the raw bytes of the data dir (SQLite main file, WAL, SHM),
// in the server's log output, or in any response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { ACCOUNT, ADMIN, cli, createInput, qs, startTestServer, type TestServer, type TestUser } from './helpers.js';
import { dbFile, filesIn, findSecret, secretConfigs, signedFetch } from './auth-support.js';

let t: TestServer;
let author: TestUser;
let reader: TestUser;
/** Every secret value the server was given: none may be found anywhere. */
const secretValues: string[] = [];
/** Raw response bodies seen by the tests. */
const responses: string[] = [];

const created = secretConfigs('create');
const updated = secretConfigs('update');
const TYPES = Object.keys(created.configs) as (keyof typeof created.configs)[];
const idOf = (type: string) => `sec-${type.toLowerCase().replace(/_/g, '-')}`;
const path = (id = '') => `/accounts/${ACCOUNT}/action-connectors${id ? `/${id}` : ''}`;

beforeAll(async () => {
  t = await startTestServer({ logLevel: 'trace' });
  author = await t.addUser('sec-author', 'AUTHOR');
  reader = await t.addUser('sec-reader', 'READER');
  secretValues.push(ADMIN.secretAccessKey, author.secretAccessKey, reader.secretAccessKey);
  secretValues.push(...Object.values(created.secrets), ...Object.values(updated.secrets));
});
afterAll(async () => {
  await t.stop();
});

describe('storing secrets', () => {
  it('connectors of every auth type are created, described and updated without a secret in any response', async () => {
    const admin = t.client();
    for (const type of TYPES) {
      const body = JSON.stringify({
        ActionConnectorId: idOf(type),
        Name: `Secret ${type}`.replace(/_/g, ' '),
        Type: 'GENERIC_HTTP',
        AuthenticationConfig: created.configs[type],
      });
      const r = await signedFetch(t.endpoint, ADMIN, 'POST', path(), body);
      expect(r.status, r.text).toBe(200);
      responses.push(r.text);
      const d = await signedFetch(t.endpoint, ADMIN, 'GET', path(idOf(type)));
      expect(d.status).toBe(200);
      responses.push(d.text);
      const sdk = await admin.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: idOf(type) }));
      expect(sdk.ActionConnector?.AuthenticationConfig?.AuthenticationType).toBe(type);
      responses.push(JSON.stringify(sdk));
    }
    // An AUTHOR's connector, and updates that replace every secret.
    await t.client(author).send(new qs.CreateActionConnectorCommand(createInput('sec-author-1', { AuthenticationConfig: created.configs.API_KEY })));
    for (const type of TYPES) {
      const body = JSON.stringify({ Name: `Updated ${type}`.replace(/_/g, ' '), AuthenticationConfig: updated.configs[type] });
      const r = await signedFetch(t.endpoint, ADMIN, 'PUT', path(idOf(type)), body);
      expect(r.status, r.text).toBe(200);
      responses.push(r.text);
    }
    for (const p of [path(), `${path()}/${idOf('BASIC')}/permissions`]) {
      const r = await signedFetch(t.endpoint, ADMIN, 'GET', p);
      expect(r.status).toBe(200);
      responses.push(r.text);
    }
    const s = await signedFetch(
      t.endpoint,
      ADMIN,
      'POST',
      `/accounts/${ACCOUNT}/search/action-connectors`,
      JSON.stringify({ Filters: [{ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringLike', Value: 'updated' }] }),
    );
    expect(s.status, s.text).toBe(200);
    expect(JSON.parse(s.text).ActionConnectorSummaries).toHaveLength(TYPES.length);
    responses.push(s.text);
  });

  it('users created with the CLI: their secrets are printed once and stored sealed', async () => {
    for (const name of ['sec-cli-1', 'sec-cli-2']) {
      const u = cli(['users', 'add', '--data-dir', t.dataDir, '--account', ACCOUNT, '--name', name, '--role', 'AUTHOR']);
      secretValues.push(u.SecretAccessKey);
      const k = cli(['keys', 'create', '--data-dir', t.dataDir, '--account', ACCOUNT, '--user', name]);
      secretValues.push(k.SecretAccessKey);
      for (const creds of [u, k]) {
        await t
          .client({ accessKeyId: creds.AccessKeyId, secretAccessKey: creds.SecretAccessKey })
          .send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
      }
    }
  });
});

describe('error paths that carry secrets', () => {
  const mk = (tag: string) => {
    const v = `Err-${tag}-${Math.random().toString(36).slice(2, 10)}-Sx`;
    secretValues.push(v);
    return v;
  };
  const basic = (password: string, endpoint = 'https://e.example.com') => ({
    AuthenticationType: 'BASIC',
    AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: endpoint, Username: 'u', Password: password } },
  });

  async function expectRefused(r: { status: number; errorType: string | null; text: string }, status: number, type: string, secret: string) {
    expect(r.status, r.text).toBe(status);
    expect(r.errorType).toBe(type);
    expect(r.text).not.toContain(secret);
    expect(r.text).not.toContain(secret.slice(0, 10));
    responses.push(r.text);
  }

  it('validation failures do not echo the secret', async () => {
    const s1 = mk('endpoint');
    await expectRefused(
      await signedFetch(
        t.endpoint,
        ADMIN,
        'POST',
        path(),
        JSON.stringify({ ActionConnectorId: 'bad-1', Name: 'n', Type: 'GENERIC_HTTP', AuthenticationConfig: basic(s1, 'http://plain.example.com') }),
      ),
      400,
      'InvalidParameterValueException',
      s1,
    );
    const s2 = mk('mismatch');
    await expectRefused(
      await signedFetch(
        t.endpoint,
        ADMIN,
        'POST',
        path(),
        JSON.stringify({ ActionConnectorId: 'bad-2', Name: 'n', Type: 'GENERIC_HTTP', AuthenticationConfig: { ...basic(s2), AuthenticationType: 'API_KEY' } }),
      ),
      400,
      'InvalidParameterValueException',
      s2,
    );
    const s3 = mk('badtype');
    await expectRefused(
      await signedFetch(
        t.endpoint,
        ADMIN,
        'POST',
        path(),
        JSON.stringify({ ActionConnectorId: 'bad 3', Name: 'n', Type: 'NOPE', AuthenticationConfig: { ...basic(s3), Extra: s3 } }),
      ),
      400,
      'InvalidParameterValueException',
      s3,
    );
    const s4 = mk('two-members');
    const two = basic(s4) as { AuthenticationMetadata: Record<string, unknown> };
    two.AuthenticationMetadata.ApiKeyConnectionMetadata = { BaseEndpoint: 'https://x.example.com', ApiKey: s4 };
    await expectRefused(
      await signedFetch(
        t.endpoint,
        ADMIN,
        'POST',
        path(),
        JSON.stringify({ ActionConnectorId: 'bad-4', Name: 'n', Type: 'GENERIC_HTTP', AuthenticationConfig: two }),
      ),
      400,
      'InvalidParameterValueException',
      s4,
    );
  });

  it('a body that is not JSON does not echo the secret', async () => {
    for (const shape of [
      (s: string) => `{"ActionConnectorId":"bad-5","AuthenticationConfig":{"AuthenticationMetadata":{"BasicAuthConnectionMetadata":{"Password": ${s}}}}}`,
      (s: string) => `{"Password":"${s}" "x": 1}`,
      (s: string) => `${s}`,
      (s: string) => `{"Password":"${s}",}`,
      (s: string) => `["${s}"]`,
    ]) {
      const s = mk('json');
      await expectRefused(await signedFetch(t.endpoint, ADMIN, 'POST', path(), shape(s)), 400, 'InvalidParameterValueException', s);
    }
    const s = mk('ctype');
    await expectRefused(
      await signedFetch(t.endpoint, ADMIN, 'POST', path(), `Password=${s}`, { 'content-type': 'text/plain' }),
      400,
      'InvalidParameterValueException',
      s,
    );
  });

  it('refusals by authentication and authorization do not echo the secret', async () => {
    const s1 = mk('wrongsig');
    await expectRefused(
      await signedFetch(
        t.endpoint,
        { accessKeyId: ADMIN.accessKeyId, secretAccessKey: 'not-the-secret-000000' },
        'POST',
        path(),
        JSON.stringify({ ActionConnectorId: 'bad-6', Name: 'n', Type: 'GENERIC_HTTP', AuthenticationConfig: basic(s1) }),
      ),
      403,
      'InvalidSignatureException',
      s1,
    );
    const s2 = mk('reader');
    await expectRefused(
      await signedFetch(
        t.endpoint,
        reader,
        'POST',
        path(),
        JSON.stringify({ ActionConnectorId: 'bad-7', Name: 'n', Type: 'GENERIC_HTTP', AuthenticationConfig: basic(s2) }),
      ),
      401,
      'AccessDeniedException',
      s2,
    );
    const s3 = mk('hidden');
    await expectRefused(
      await signedFetch(t.endpoint, reader, 'PUT', path(idOf('BASIC')), JSON.stringify({ Name: 'n', AuthenticationConfig: basic(s3) })),
      401,
      'AccessDeniedException',
      s3,
    );
    const s4 = mk('exists');
    await expectRefused(
      await signedFetch(
        t.endpoint,
        ADMIN,
        'POST',
        path(),
        JSON.stringify({ ActionConnectorId: idOf('BASIC'), Name: 'n', Type: 'GENERIC_HTTP', AuthenticationConfig: basic(s4) }),
      ),
      409,
      'ResourceExistsException',
      s4,
    );
    const s5 = mk('missing');
    await expectRefused(
      await signedFetch(t.endpoint, ADMIN, 'PUT', path('no-such-connector'), JSON.stringify({ Name: 'n', AuthenticationConfig: basic(s5) })),
      404,
      'ResourceNotFoundException',
      s5,
    );
  });

  it('an oversized body carrying a secret is refused without echoing it', async () => {
    const s = mk('large');
    const body = JSON.stringify({
      ActionConnectorId: 'bad-8',
      Name: 'n',
      Type: 'GENERIC_HTTP',
      AuthenticationConfig: basic(s),
      Description: 'x'.repeat(1_100_000),
    });
    await expectRefused(await signedFetch(t.endpoint, ADMIN, 'POST', path(), body), 400, 'InvalidParameterValueException', s);
  });

  it("an internal failure whose error text carries the request's secret: 500 without it, and the log is scrubbed by value", async () => {
    const s = mk('internal');
    const store = t.server.store.connectors as unknown as { insertConnector: (...a: unknown[]) => Promise<void> };
    const original = store.insertConnector;
    // A driver error that echoes a value of the statement.
    store.insertConnector = async () => {
      throw new Error(`constraint failed on value '${s}' (row sec-internal)`);
    };
    try {
      await expectRefused(
        await signedFetch(
          t.endpoint,
          ADMIN,
          'POST',
          path(),
          JSON.stringify({ ActionConnectorId: 'sec-internal', Name: 'n', Type: 'GENERIC_HTTP', AuthenticationConfig: basic(s) }),
        ),
        500,
        'InternalFailureException',
        s,
      );
    } finally {
      store.insertConnector = original;
    }
    expect(t.logs()).toContain('internal failure');
    expect(t.logs()).toContain('sec-internal'); // the error is logged, only the secret is not
  });
});

describe('nothing in the data dir, the logs or the responses', () => {
  function scan(label: string) {
    const files = filesIn(t.dataDir);
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['actionbridge.db', 'master.keys']));
    const found: string[] = [];
    for (const f of files)
      for (const s of secretValues) {
        const how = findSecret(f.bytes, s);
        if (how) found.push(`${label}: ${f.name} holds ${s} (${how})`);
      }
    const logs = Buffer.from(t.logs());
    for (const s of secretValues) {
      const how = findSecret(logs, s);
      if (how) found.push(`${label}: the log holds ${s} (${how})`);
    }
    const resp = Buffer.from(responses.join('\n'));
    for (const s of secretValues) {
      const how = findSecret(resp, s);
      if (how) found.push(`${label}: a response holds ${s} (${how})`);
    }
    expect(found).toEqual([]);
    return files;
  }

  it('no secret value in the raw bytes of actionbridge.db, -wal, -shm, the key file, the log or any response', () => {
    expect(secretValues.length).toBeGreaterThanOrEqual(30);
    const files = scan('live');
    // Control: the scan does see what was stored (non-secret members are in the clear, in the db or its WAL).
    const all = Buffer.concat(files.filter((f) => f.name.startsWith('actionbridge.db')).map((f) => f.bytes));
    expect(all.includes(Buffer.from('cc.example.com/token'))).toBe(true);
    expect(all.includes(Buffer.from(idOf('OAUTH2_AUTHORIZATION_CODE')))).toBe(true);
    // No Authorization header or signature material in the log either.
    expect(t.logs()).not.toMatch(/AWS4-HMAC-SHA256|Signature=|Credential=/);
    expect(t.logs().length).toBeGreaterThan(1000);
  });

  it('after a WAL checkpoint, the main database file holds no secret either', () => {
    const db = new BetterSqlite3(dbFile(t.dataDir));
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    scan('checkpointed');
  });

  it('each stored secret is sealed (ab1.<key id>.) and nothing else in the connector rows holds secret members', () => {
    const db = new BetterSqlite3(dbFile(t.dataDir), { readonly: true });
    try {
      const rows = db.prepare('select connector_id, auth_public, auth_secret from connectors').all() as {
        connector_id: string;
        auth_public: string;
        auth_secret: string | null;
      }[];
      for (const r of rows) {
        expect(r.auth_public).not.toMatch(/"(Password|ApiKey|ClientSecret)"/);
        if (r.connector_id.startsWith('sec-')) expect(r.auth_secret).toMatch(/^ab1\.[0-9a-f]{12}\.[\w-]+\.[\w-]+$/);
      }
      const keys = db.prepare('select secret_sealed from access_keys').all() as { secret_sealed: string }[];
      expect(keys.length).toBeGreaterThanOrEqual(7);
      for (const k of keys) expect(k.secret_sealed).toMatch(/^ab1\.[0-9a-f]{12}\./);
    } finally {
      db.close();
    }
  });
});
