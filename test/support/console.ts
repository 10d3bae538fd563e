// The console's tests: a server whose clock the test moves (buildApp with `now`),
// and a small cookie-keeping client of the console API (src/server/console.ts).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { Agent, fetch } from 'undici';
import type { FastifyInstance } from 'fastify';
import { defaults, type Config } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import { createLogger } from '../../src/server/start.js';
import { openStore } from '../../src/store/open.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { KeyRing } from '../../src/crypto/keyring.js';
import { addUser, ensureAdmin } from '../../src/identities.js';
import { hashPassword } from '../../src/crypto/passwords.js';
import type { ConsoleOptions } from '../../src/server/console-sessions.js';
import type { Role } from '../../src/domain/types.js';
import { ACCOUNT, ADMIN, tempDir } from '../helpers.js';
import { createSchema, type TestSchema } from './pg-store.js';

export interface ClockServer {
  app: FastifyInstance;
  endpoint: string;
  store: SqlStore;
  keys: KeyRing;
  dataDir: string;
  /** Test time, epoch ms: move it with `clock.ms += ...`. */
  clock: { ms: number };
  logs(): string;
  addUser(name: string, role: Role, groups?: string[]): Promise<{ arn: string; accessKeyId: string; secretAccessKey: string }>;
  setPassword(name: string, password: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A server on a temporary data dir (SQLite), or on `overrides.databaseUrl` (PostgreSQL:
 * several such servers on one schema are the nodes of one deployment; give them one
 * `masterKey`, base64 of 32 bytes).
 */
export async function startClockServer(overrides: Partial<Config> = {}, console: Partial<ConsoleOptions> = {}, masterKey?: string): Promise<ClockServer> {
  const dataDir = tempDir('ab-console-');
  let logText = '';
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logText += chunk.toString();
      cb();
    },
  });
  const config: Config = { ...defaults, port: 0, dataDir, throttle: { ratePerSecond: 0, burst: 0 }, ...overrides };
  const store = await openStore({ dataDir, databaseUrl: config.databaseUrl, postgres: { ...defaults.postgres, poolSize: 3 } });
  const keys = KeyRing.load({ dataDir, env: masterKey ? { ACTIONBRIDGE_MASTER_KEY: masterKey } : {} });
  await ensureAdmin(store, keys, ACCOUNT, { AccessKeyId: ADMIN.accessKeyId, SecretAccessKey: ADMIN.secretAccessKey });
  const clock = { ms: Date.now() };
  const { app } = await buildApp({ config, store, keys, log: createLogger('info', sink), now: () => clock.ms, console });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address() as { port: number };
  return {
    app,
    store,
    keys,
    dataDir,
    clock,
    endpoint: `http://127.0.0.1:${addr.port}`,
    logs: () => logText,
    async addUser(name, role, groups = []) {
      const u = await addUser(store, keys, config.region, { accountId: ACCOUNT, name, role, groups });
      return { arn: u.UserArn, accessKeyId: u.AccessKeyId, secretAccessKey: u.SecretAccessKey };
    },
    async setPassword(name, password) {
      const user = await store.identities.getUser(ACCOUNT, name);
      if (!user) throw new Error(`no user ${name}`);
      await store.console.setPassword(ACCOUNT, name, await hashPassword(password), user.createdAt, clock.ms);
    },
    async stop() {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  errorType: string | null;
  headers: Headers;
  setCookies: string[];
  body: Record<string, any>;
}

/** A browser as far as the console API cares: cookies (per client), the CSRF header copied from its cookie. */
export class ConsoleClient {
  readonly jar = new Map<string, string>();
  private readonly agent: Agent | undefined;

  /** `localAddress` (e.g. 127.0.0.2) makes the client come from another address. */
  constructor(
    readonly endpoint: string,
    localAddress?: string,
  ) {
    this.agent = localAddress ? new Agent({ localAddress }) : undefined;
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  async request(
    method: string,
    path: string,
    opts: { body?: unknown; headers?: Record<string, string>; csrf?: boolean | string; raw?: string } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.jar.size) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] ??= 'application/json';
    const csrf = opts.csrf === undefined || opts.csrf === true ? this.jar.get('ab_console_csrf') : opts.csrf === false ? undefined : opts.csrf;
    if (csrf !== undefined) headers['x-csrf-token'] = csrf;
    const res = await fetch(new URL(path, this.endpoint), {
      method,
      headers,
      redirect: 'manual',
      ...(opts.raw !== undefined ? { body: opts.raw } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      ...(this.agent ? { dispatcher: this.agent } : {}),
    });
    const setCookies = res.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    const text = await res.text();
    let body: Record<string, any> = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { text };
    }
    return { status: res.status, errorType: res.headers.get('x-amzn-errortype'), headers: res.headers as unknown as Headers, setCookies, body };
  }

  signIn(body: Record<string, string>, headers?: Record<string, string>): Promise<Answer> {
    return this.request('POST', '/console/api/sign-in', { body, headers });
  }

  call(op: string, input: Record<string, unknown> = {}, opts: { csrf?: boolean | string } = {}): Promise<Answer> {
    return this.request('POST', `/console/api/${op}`, { body: input, ...opts });
  }

  async close(): Promise<void> {
    await this.agent?.close();
  }
}

/** The attributes of one Set-Cookie line, lower-cased names → value ('' for flags). */
export function cookieAttributes(line: string): { name: string; value: string; attrs: Record<string, string> } {
  const [pair, ...rest] = line.split(';');
  const eq = pair!.indexOf('=');
  const attrs: Record<string, string> = {};
  for (const a of rest) {
    const i = a.indexOf('=');
    attrs[(i < 0 ? a : a.slice(0, i)).trim().toLowerCase()] = i < 0 ? '' : a.slice(i + 1).trim();
  }
  return { name: pair!.slice(0, eq).trim(), value: pair!.slice(eq + 1).trim(), attrs };
}

/** Two console nodes on one new PostgreSQL schema, one master key, one clock time; `admin` has `password`. */
export async function startTwoConsoleNodes(schemaName: string, password: string): Promise<{ a: ClockServer; b: ClockServer; stop(): Promise<void> }> {
  const schema: TestSchema = await createSchema(schemaName);
  const masterKey = randomBytes(32).toString('base64');
  const a = await startClockServer({ databaseUrl: schema.url }, {}, masterKey);
  const b = await startClockServer({ databaseUrl: schema.url }, {}, masterKey);
  b.clock.ms = a.clock.ms;
  await a.setPassword('admin', password);
  return {
    a,
    b,
    async stop() {
      await a.stop();
      await b.stop();
      await schema.drop();
    },
  };
}
