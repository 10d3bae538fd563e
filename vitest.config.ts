import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

// Two projects (`npm test` runs both):
// - sqlite: every test file, on the embedded SQLite store.
// - postgres: when ACTIONBRIDGE_TEST_PG_URL names a PostgreSQL database (.ci/run sets it), the
//   store-agnostic files again with every test server on PostgreSQL (a schema of its own,
//   see test/support/pg-store.ts), plus the multi-node tests test/pg-*.test.ts. Files
//   about the SQLite file itself (its bytes, kill -9 durability, the key file beside it)
//   stay SQLite-only; test/pg-*.test.ts has their PostgreSQL counterparts.
// Without ACTIONBRIDGE_TEST_PG_URL the pg-*.test.ts files run in the sqlite project and skip, saying why.
const PG_URL = process.env.ACTIONBRIDGE_TEST_PG_URL;
// api-validation.test.ts stays SQLite-only: what it checks (input validation) never reaches
// the store, and it is the longest of these files on PostgreSQL (about 25 s).
const PG_FILES = [
  'test/actions-audit.test.ts',
  'test/api-create.test.ts',
  'test/api-definitions.test.ts',
  'test/api-list-search.test.ts',
  'test/api-permissions.test.ts',
  'test/api-tags.test.ts',
  'test/auth-identity-cache.test.ts',
  'test/auth-permissions.test.ts',
  'test/auth-sdk.test.ts',
  'test/conn-*.test.ts',
  'test/mcp-remote.test.ts',
  'test/mcp-oauth.test.ts',
  'test/robust-concurrency.test.ts',
  'test/store-grants-layout.test.ts',
  'test/pg-*.test.ts',
];
if (PG_URL) {
  // One name for this run's schemas (abt_<run>_...): its global teardown drops them.
  process.env.ACTIONBRIDGE_TEST_PG_RUN ??= `${Math.floor(Date.now() / 1000).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
} else if (!process.env.ACTIONBRIDGE_TEST_PG_NOTED) {
  process.env.ACTIONBRIDGE_TEST_PG_NOTED = '1'; // the config is read more than once
  process.stderr.write(
    '\n[actionbridge] PostgreSQL tests skipped: ACTIONBRIDGE_TEST_PG_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test, as .ci/run sets it).\n\n',
  );
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Files share their worker process (one per project) instead of a fresh fork each: the
    // imports (the server, the AWS SDKs, Fastify) and the start-up check of the shipped
    // catalogs happen once per project instead of once per file — 200 s of a 1,160 s run on
    // 2 vCPUs went to a new fork and its imports per file. Test files start their own servers
    // (port 0, data dirs of their own) and put back what they change in process.env
    // (test/support/process-env.ts), so they do not depend on a fresh process.
    isolate: false,
    // One worker (vitest's CPUs - 1 on 2 vCPUs). Two were measured no faster, even for the
    // files that mostly wait on child processes (8 of them: 75.8 s with one, 77.5 s with two):
    // the processes they start are CPU-bound themselves.
    // The AWS SDK warns once per process that Node 20 support ends in 2027.
    onConsoleLog: (log) => !log.includes('NodeVersionSupportWarning'),
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...(PG_URL ? ['test/pg-*.test.ts'] : [])],
        },
      },
      ...(PG_URL
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: PG_FILES,
                env: { ACTIONBRIDGE_TEST_STORE: 'postgres' },
                globalSetup: ['test/support/pg-global-setup.ts'],
                // The auth tests compare database snapshots taken by reading the SQLite file;
                // on PostgreSQL the same snapshot comes from the server's schema.
                alias: [{ find: /^\.\/auth-support\.js$/, replacement: path.resolve(import.meta.dirname, 'test/support/pg-auth-support.ts') }],
              },
            },
          ]
        : []),
    ],
  },
});
