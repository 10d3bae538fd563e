// Secrets at rest on PostgreSQL (the counterpart of secrets-at-rest.test.ts, which reads
// the SQLite file's bytes): connectors of every type with a secret, access keys made by
// the API harness and by the CLI, an OAuth token and a sign-in in progress; then every
// row of every table (a SELECT of each, and pg_dump of the schema) holds none of the
// secret values, while the server still uses them.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aad } from '../src/domain/aad.js';
import { destinationDigest } from '../src/domain/destination.js';
import { ACCOUNT, cli, qs, startTestServer, type TestServer } from './helpers.js';
import { secretConfigs } from './auth-support.js';
import { PG_SKIP_REASON, PG_URL, createSchema, pgQuery, type TestSchema } from './support/pg-store.js';

const d = PG_URL ? describe : describe.skip;

function pgDump(schema: string): string | undefined {
  try {
    return execFileSync('pg_dump', ['--schema', schema, '--data-only', '--inserts', PG_URL!], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return undefined; // no pg_dump here (or a different major version): the SELECT dump still runs
  }
}

d(PG_URL ? 'secrets at rest on PostgreSQL' : PG_SKIP_REASON, () => {
  let schema: TestSchema;
  let t: TestServer;
  const secrets: string[] = [];
  let cliSecret = '';
  beforeAll(async () => {
    schema = await createSchema('sec');
    t = await startTestServer({ databaseUrl: schema.url, logLevel: 'trace' });
    const { secrets: s, configs } = secretConfigs('pgrest');
    for (const [type, config] of Object.entries(configs)) {
      await t.client().send(
        new qs.CreateActionConnectorCommand({
          AwsAccountId: ACCOUNT,
          ActionConnectorId: `sec-${type.toLowerCase().replace(/_/g, '-')}`,
          Name: `Secret ${type}`.replace(/_/g, ' '),
          Type: 'GENERIC_HTTP',
          AuthenticationConfig: config,
        }),
      );
    }
    secrets.push(...Object.values(s));
    const u = await t.addUser('sec-author', 'AUTHOR');
    secrets.push(u.secretAccessKey);
    const viaCli = cli(['users', 'add', '--account', ACCOUNT, '--name', 'sec-cli', '--role', 'READER', '--database-url', schema.url, '--data-dir', t.dataDir]);
    cliSecret = viaCli.SecretAccessKey;
    secrets.push(cliSecret);
    // An OAuth token and a sign-in in progress, as the connections code stores them.
    const { store, keys } = t.server.services;
    const key = { region: 'us-east-1', accountId: ACCOUNT, id: 'sec-basic' };
    const token = 'at-pg-secret-token-7c1e9a';
    const verifier = 'pkce-pg-secret-verifier-4b2d8f';
    const now = Date.now();
    await store.connections.putToken({
      ...key,
      principal: u.arn,
      sealed: keys.seal(
        JSON.stringify({ accessToken: token }),
        aad.connectorToken('us-east-1', ACCOUNT, 'sec-basic', u.arn, destinationDigest((await store.connectors.getConnector(key))!)),
      ),
      fingerprint: 'f',
      expiresAt: null,
      refreshAt: null,
      updatedAt: now,
    });
    await store.connections.putAuthState(
      {
        ...key,
        stateHash: 'pg-h1',
        userArn: u.arn,
        verifierSealed: keys.seal(verifier, aad.authState('pg-h1')),
        redirectUri: 'https://x.example/oauth/callback',
        fingerprint: 'f',
        createdAt: now,
        expiresAt: now + 600_000,
      },
      now,
    );
    secrets.push(token, verifier, ADMIN_SECRET);
  });
  afterAll(async () => {
    await t?.stop();
    await schema?.drop();
  });

  it('no secret value in any row of any table, nor in pg_dump of the schema; the server still opens them', async () => {
    const tables = await pgQuery<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'",
      [schema.schema],
    );
    expect(tables.map((x) => x.table_name)).toEqual(expect.arrayContaining(['connectors', 'access_keys', 'connector_tokens', 'oauth_states', 'meta']));
    let dump = '';
    for (const { table_name } of tables) {
      const rows = await pgQuery(`select row_to_json(x)::text as j from "${schema.schema}"."${table_name}" x`);
      dump += rows.map((r) => r.j).join('\n');
    }
    expect(dump).toContain('ab1.'); // sealed values are there ...
    for (const s of secrets) expect(dump.includes(s), `secret ${s.slice(0, 6)}... in the database`).toBe(false); // ... the clear ones are not
    const pd = pgDump(schema.schema);
    if (pd !== undefined) {
      expect(pd).toContain('sec-basic');
      for (const s of secrets) expect(pd.includes(s)).toBe(false);
    }
    expect(t.logs().length).toBeGreaterThan(0);
    for (const s of secrets) expect(t.logs().includes(s)).toBe(false);
    // Still usable: the CLI user's key signs requests.
    const c = t.client({
      accessKeyId: (await pgQuery<{ access_key_id: string }>(`select access_key_id from "${schema.schema}".access_keys where user_name = 'sec-cli'`))[0]!
        .access_key_id,
      secretAccessKey: cliSecret,
    });
    const out = await c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
    expect(Array.isArray(out.ActionConnectorSummaries)).toBe(true);
  });
});

const ADMIN_SECRET = 'test-admin-secret-0123456789abcdef';
