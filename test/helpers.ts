// Test harness: a real server on port 0 (in this process, or as a child process
// through bin/actionbridge), spoken to with the official AWS SDK.
import { mkdtempSync, rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import net from 'node:net';
import * as qs from '@aws-sdk/client-quicksight';
import { defaults, type Config } from '../src/config.js';
import { startServer, createLogger, type RunningServer } from '../src/server/start.js';
import { addUser as addUserTo } from '../src/identities.js';
import { KeyRing } from '../src/crypto/keyring.js';
import type { Role } from '../src/domain/types.js';
import { allowedAuthentication } from '../src/domain/type-auth.js';
import { TEST_STORE, bindDataDir, createSchema, databaseUrlOf, installPreload, type TestSchema } from './support/pg-store.js';

/** Which store the servers of this test run use: ACTIONBRIDGE_TEST_STORE=postgres (the `postgres` vitest project) or SQLite. */
export { TEST_STORE };
if (TEST_STORE === 'postgres') installPreload();

export { qs };
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const BIN = path.join(ROOT, 'bin', 'actionbridge');
export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const ADMIN = { accessKeyId: 'AKIATESTADMIN0000001', secretAccessKey: 'test-admin-secret-0123456789abcdef' };
export const REGION = 'us-east-1';

export interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
}
export interface TestUser extends Creds {
  arn: string;
  name: string;
}

export function tempDir(prefix = 'ab-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestServer {
  server: RunningServer;
  endpoint: string;
  dataDir: string;
  /** Everything the server logged. */
  logs(): string;
  client(creds?: Creds, region?: string): qs.QuickSightClient;
  addUser(name: string, role: Role, groups?: string[], account?: string): Promise<TestUser>;
  stop(): Promise<void>;
}

/**
 * PostgreSQL mode: the schema a data dir stands for — the one it is bound to, or a new one
 * bound to it now (`created` says which, so its creator drops it).
 */
async function pgSchemaFor(dataDir: string): Promise<{ url: string; created?: TestSchema }> {
  const bound = databaseUrlOf(dataDir);
  if (bound) return { url: bound };
  const created = await createSchema();
  bindDataDir(dataDir, created.url);
  return { url: created.url, created };
}

/** Starts a server in this process on port 0 with a fresh data dir (and, on PostgreSQL, a fresh schema). */
export async function startTestServer(
  overrides: Partial<Config> = {},
  env: NodeJS.ProcessEnv = {},
  /** The server's clock (test/support/clock.ts), when not Date.now. */
  now?: () => number,
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDir();
  let logText = '';
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logText += chunk.toString();
      cb();
    },
  });
  let pgSchema: TestSchema | undefined;
  const pgOverrides: Partial<Config> = {};
  if (TEST_STORE === 'postgres' && overrides.databaseUrl === undefined) {
    const s = await pgSchemaFor(dataDir);
    pgSchema = s.created;
    pgOverrides.databaseUrl = s.url;
    pgOverrides.postgres = { ...defaults.postgres, poolSize: 4 };
  }
  const config: Config = { ...defaults, port: 0, dataDir, throttle: { ratePerSecond: 0, burst: 0 }, logLevel: 'info', ...pgOverrides, ...overrides };
  const server = await startServer(
    config,
    createLogger(config.logLevel, sink),
    {
      ACTIONBRIDGE_ACCOUNT_ID: ACCOUNT,
      ACTIONBRIDGE_ACCESS_KEY_ID: ADMIN.accessKeyId,
      ACTIONBRIDGE_SECRET_ACCESS_KEY: ADMIN.secretAccessKey,
      ...env,
    },
    { now },
  );
  const clients: qs.QuickSightClient[] = [];
  return {
    server,
    endpoint: server.endpoint,
    dataDir,
    logs: () => logText,
    client(creds: Creds = ADMIN, region = REGION) {
      const c = new qs.QuickSightClient({ region, endpoint: server.endpoint, credentials: creds, maxAttempts: 1 });
      clients.push(c);
      return c;
    },
    async addUser(name, role, groups = [], account = ACCOUNT) {
      const keys = KeyRing.load({ dataDir, env });
      const u = await addUserTo(server.store, keys, config.region, { accountId: account, name, role, groups });
      return { arn: u.UserArn, name, accessKeyId: u.AccessKeyId, secretAccessKey: u.SecretAccessKey };
    },
    async stop() {
      for (const c of clients) c.destroy();
      await server.close();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
      await pgSchema?.drop();
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address() as net.AddressInfo;
      s.close(() => resolve(a.port));
    });
  });
}

/** Waits for a server process's /healthz (30 s at most; the process is killed then). */
export async function untilHealthy(child: ChildProcess, endpoint: string, output: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${endpoint}/healthz`)).ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`no /healthz within 30 s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts `bin/actionbridge serve` as a child process (needs the build in dist/). On
 * PostgreSQL (ACTIONBRIDGE_TEST_STORE=postgres) without a --database-url, the data dir's
 * schema (a new one on its first start; the global teardown drops it).
 */
export async function startChildServer(dataDir: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}) {
  if (TEST_STORE === 'postgres' && !extraArgs.some((a) => a.startsWith('--database-url')) && !env.ACTIONBRIDGE_DATABASE_URL) {
    await pgSchemaFor(dataDir);
  }
  const port = await freePort();
  const child: ChildProcess = spawn(BIN, ['serve', '--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir, ...extraArgs], {
    env: {
      ...process.env,
      ACTIONBRIDGE_ACCOUNT_ID: ACCOUNT,
      ACTIONBRIDGE_ACCESS_KEY_ID: ADMIN.accessKeyId,
      ACTIONBRIDGE_SECRET_ACCESS_KEY: ADMIN.secretAccessKey,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const endpoint = `http://127.0.0.1:${port}`;
  await untilHealthy(child, endpoint, () => out);
  return {
    child,
    endpoint,
    port,
    output: () => out,
    exited: () =>
      new Promise<number | null>((r) => {
        if (child.exitCode !== null) r(child.exitCode);
        else child.once('exit', (c) => r(c));
      }),
  };
}

/** Runs the CLI and returns its parsed JSON output. */
export function cli(args: string[], env: NodeJS.ProcessEnv = {}): any {
  const out = execFileSync(BIN, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  return JSON.parse(out);
}

/**
 * `actionbridge actions …` against `endpoint` as the admin (the account and credentials
 * given), without throwing: its exit code, stdout and stderr.
 */
export function actionsCli(endpoint: string): (args: string[]) => Promise<{ code: number; stdout: string; stderr: string }> {
  const vars = { ...process.env, AWS_ACCESS_KEY_ID: ADMIN.accessKeyId, AWS_SECRET_ACCESS_KEY: ADMIN.secretAccessKey, AWS_REGION: 'us-east-1' };
  return async (args) => {
    try {
      const r = await promisify(execFile)(BIN, ['actions', ...args, '--endpoint', endpoint, '--account', ACCOUNT], { env: vars, encoding: 'utf8' });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, stdout: x.stdout, stderr: x.stderr };
    }
  };
}

/** Asserts that a promise rejects with the named AWS error (and HTTP status); returns the error. */
export async function expectError(p: Promise<unknown>, name: string, status?: number): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    if (err.name !== name) throw new Error(`expected ${name}, got ${err.name}: ${err.message}`);
    if (status !== undefined && err.$metadata?.httpStatusCode !== status) throw new Error(`expected HTTP ${status}, got ${err.$metadata?.httpStatusCode}`);
    return err;
  }
  throw new Error(`expected ${name}, but the call succeeded`);
}

export const basicAuth = (password = 's3cr3t-Pa55word', endpoint = 'https://api.example.com') => ({
  AuthenticationType: 'BASIC' as const,
  AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: endpoint, Username: 'svc', Password: password } },
});

/** A valid AuthenticationConfig of the given AuthenticationType (secrets are test values). */
export function authOfType(authType: qs.ConnectionAuthType, endpoint = 'https://api.example.com'): qs.AuthConfig {
  switch (authType) {
    case 'NONE':
      return { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: endpoint } } };
    case 'BASIC':
      return basicAuth(undefined, endpoint);
    case 'API_KEY':
      return { AuthenticationType: 'API_KEY', AuthenticationMetadata: { ApiKeyConnectionMetadata: { BaseEndpoint: endpoint, ApiKey: 'test-api-key-0123' } } };
    case 'OAUTH2_CLIENT_CREDENTIALS':
      return {
        AuthenticationType: 'OAUTH2_CLIENT_CREDENTIALS',
        AuthenticationMetadata: {
          ClientCredentialsGrantMetadata: {
            BaseEndpoint: endpoint,
            ClientCredentialsSource: 'PLAIN_CREDENTIALS',
            ClientCredentialsDetails: {
              ClientCredentialsGrantDetails: { ClientId: 'test-cc-id', ClientSecret: 'test-cc-secret', TokenEndpoint: 'https://auth.example.com/token' },
            },
          },
        },
      };
    case 'OAUTH2_AUTHORIZATION_CODE':
      return {
        AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
        AuthenticationMetadata: {
          AuthorizationCodeGrantMetadata: {
            BaseEndpoint: endpoint,
            RedirectUrl: 'https://bridge.example.com/oauth/callback',
            AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
            AuthorizationCodeGrantCredentialsDetails: {
              AuthorizationCodeGrantDetails: {
                ClientId: 'test-ac-id',
                ClientSecret: 'test-ac-secret',
                TokenEndpoint: 'https://auth.example.com/token',
                AuthorizationEndpoint: 'https://auth.example.com/authorize',
              },
            },
          },
        },
      };
    case 'IAM':
      return { AuthenticationType: 'IAM', AuthenticationMetadata: { IamConnectionMetadata: { RoleArn: 'arn:aws:iam::111122223333:role/ActionBridgeRole' } } };
    default:
      throw new Error(`no test AuthenticationConfig for ${String(authType)}`);
  }
}

/**
 * The AuthenticationConfig a test connector of `type` gets when the test names none: BASIC
 * when the type allows it (the long-standing default), otherwise the type's first allowed
 * AuthenticationType (src/domain/type-auth.ts). A type the table does not know gets BASIC.
 */
export function defaultAuthFor(type: qs.ActionConnectorType | undefined): qs.AuthConfig {
  const allowed = type === undefined ? [] : allowedAuthentication(type);
  if (allowed.length === 0 || allowed.includes('BASIC')) return basicAuth();
  return authOfType(allowed[0]!);
}

export function createInput(id: string, extra: Partial<qs.CreateActionConnectorCommandInput> = {}): qs.CreateActionConnectorCommandInput {
  const type = extra.Type ?? 'GENERIC_HTTP';
  return {
    AwsAccountId: ACCOUNT,
    ActionConnectorId: id,
    Name: `Connector ${id}`.replace(/[^A-Za-z0-9 -]/g, '-'),
    Type: 'GENERIC_HTTP',
    AuthenticationConfig: defaultAuthFor(type),
    ...extra,
  };
}
