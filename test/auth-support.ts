// Shared fixtures for test/auth-*.test.ts and test/secrets-*.test.ts.
import path from 'node:path';
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { qs, ACCOUNT, type TestServer } from './helpers.js';

// The seven actions, as the tests' own list (test/api-support.ts), not the product's.
export { ALL_ACTIONS } from './api-support.js';

export const userArnOf = (name: string, region = 'us-east-1', account = ACCOUNT) => `arn:aws:quicksight:${region}:${account}:user/default/${name}`;
export const groupArnOf = (name: string, region = 'us-east-1', account = ACCOUNT) => `arn:aws:quicksight:${region}:${account}:group/default/${name}`;
export const connArnOf = (id: string, region = 'us-east-1', account = ACCOUNT) => `arn:aws:quicksight:${region}:${account}:action-connector/${id}`;

/** An AuthenticationConfig of every type that has a secret, each secret made distinctive by `tag`. */
export function secretConfigs(tag: string) {
  const s = {
    BASIC: `Pw-${tag}-b4s1c-Zq81`,
    API_KEY: `Ak-${tag}-ap1k3y-Wx72`,
    OAUTH2_CLIENT_CREDENTIALS: `Cs-${tag}-cl1ent-Vy63`,
    OAUTH2_AUTHORIZATION_CODE: `Ac-${tag}-4uthc0de-Uu54`,
  };
  const configs: Record<keyof typeof s, qs.AuthConfig> = {
    BASIC: {
      AuthenticationType: 'BASIC',
      AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: 'https://basic.example.com', Username: 'svc', Password: s.BASIC } },
    },
    API_KEY: {
      AuthenticationType: 'API_KEY',
      AuthenticationMetadata: { ApiKeyConnectionMetadata: { BaseEndpoint: 'https://api.example.com', ApiKey: s.API_KEY } },
    },
    OAUTH2_CLIENT_CREDENTIALS: {
      AuthenticationType: 'OAUTH2_CLIENT_CREDENTIALS',
      AuthenticationMetadata: {
        ClientCredentialsGrantMetadata: {
          BaseEndpoint: 'https://cc.example.com/api',
          ClientCredentialsSource: 'PLAIN_CREDENTIALS',
          ClientCredentialsDetails: {
            ClientCredentialsGrantDetails: { ClientId: 'cc-id', ClientSecret: s.OAUTH2_CLIENT_CREDENTIALS, TokenEndpoint: 'https://cc.example.com/token' },
          },
        },
      },
    },
    OAUTH2_AUTHORIZATION_CODE: {
      AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
      AuthenticationMetadata: {
        AuthorizationCodeGrantMetadata: {
          BaseEndpoint: 'https://ac.example.com/api',
          RedirectUrl: 'https://bridge.example.com/cb',
          AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
          AuthorizationCodeGrantCredentialsDetails: {
            AuthorizationCodeGrantDetails: {
              ClientId: 'ac-id',
              ClientSecret: s.OAUTH2_AUTHORIZATION_CODE,
              TokenEndpoint: 'https://ac.example.com/token',
              AuthorizationEndpoint: 'https://ac.example.com/authorize',
            },
          },
        },
      },
    },
  };
  return { secrets: s, configs };
}

export const noneAuth: qs.AuthConfig = {
  AuthenticationType: 'NONE',
  AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: 'https://none.example.com' } },
};

export const dbFile = (dataDir: string) => path.join(dataDir, 'actionbridge.db');

/** Every row of every table, read through a separate SQLite connection (sees what is committed). */
export function dbSnapshot(dataDir: string): Record<string, unknown[]> {
  const db = new BetterSqlite3(dbFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
    const out: Record<string, unknown[]> = {};
    for (const { name } of tables) {
      const rows = db
        .prepare(`select * from "${name}"`)
        .all()
        .map((r) => JSON.stringify(r))
        .sort();
      out[name] = rows.map((r) => JSON.parse(r));
    }
    return out;
  } finally {
    db.close();
  }
}

export interface CapturedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

const ABORT = Symbol('abort-send');

/** The text of an SDK request body (a string, or bytes: read without calling the SDK's string adapters). */
export function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  const u = body as Uint8Array;
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('utf8');
}

/**
 * A middleware at the finalizeRequest step, priority low: it runs after the SDK
 * has signed the request. `edit` may change the request; with `abort` the
 * request is captured and never sent.
 */
export function afterSigning(
  client: qs.QuickSightClient,
  edit: (req: {
    method: string;
    headers: Record<string, string>;
    body?: unknown;
    path: string;
    query?: Record<string, unknown>;
    hostname: string;
    port?: number;
    protocol: string;
  }) => void,
  opts: { abort?: boolean } = {},
) {
  const captured: CapturedRequest[] = [];
  client.middlewareStack.add(
    (next) => async (args) => {
      const req = (args as { request: any }).request;
      if (!req.headers.authorization) throw new Error('afterSigning ran before the request was signed');
      edit(req);
      const qsText = Object.entries((req.query ?? {}) as Record<string, string | string[]>)
        .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`))
        .join('&');
      captured.push({
        method: req.method,
        url: `${req.protocol}//${req.hostname}${req.port ? `:${req.port}` : ''}${req.path}${qsText ? `?${qsText}` : ''}`,
        headers: { ...req.headers },
        body: bodyText(req.body),
      });
      if (opts.abort) throw Object.assign(new Error('captured, not sent'), { [ABORT]: true });
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: `afterSigning-${Math.random()}` },
  );
  return captured;
}

export const isAbort = (e: unknown) => !!(e && typeof e === 'object' && (e as Record<symbol, unknown>)[ABORT]);

/** Sends a captured request again with fetch; returns status, error type and body. */
export async function resend(c: CapturedRequest, change: (c: CapturedRequest) => CapturedRequest = (x) => x) {
  const r = change({ ...c, headers: { ...c.headers } });
  const headers = { ...r.headers };
  delete headers.host; // fetch sets Host from the URL (same value)
  delete headers['content-length'];
  const res = await fetch(r.url, { method: r.method, headers, body: r.body });
  return { status: res.status, errorType: res.headers.get('x-amzn-errortype'), body: await res.text() };
}

/** A promise's rejection, or a failure when it resolves. */
export async function rejection(p: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export async function listIds(t: TestServer, client: qs.QuickSightClient, account = ACCOUNT): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const r = await client.send(new qs.ListActionConnectorsCommand({ AwsAccountId: account, NextToken: token }));
    ids.push(...(r.ActionConnectorSummaries ?? []).map((s) => s.ActionConnectorId!));
    token = r.NextToken;
  } while (token);
  void t;
  return ids.sort();
}

/** Signs a raw request as the SDK would (service quicksight) and sends it; returns status, error type and the raw body text. */
export async function signedFetch(
  endpoint: string,
  creds: { accessKeyId: string; secretAccessKey: string },
  method: string,
  pathAndQuery: string,
  body?: string,
  headers: Record<string, string> = {},
  region = 'us-east-1',
) {
  const { SignatureV4 } = await import('@smithy/signature-v4');
  const { Hash } = await import('@smithy/hash-node');
  const u = new URL(endpoint);
  const [p, q = ''] = pathAndQuery.split('?');
  const query: Record<string, string> = {};
  for (const part of q.split('&').filter(Boolean)) {
    const [k, v = ''] = part.split('=');
    query[decodeURIComponent(k!)] = decodeURIComponent(v);
  }
  const signer = new SignatureV4({ credentials: creds, region, service: 'quicksight', sha256: Hash.bind(null, 'sha256') as never });
  const h: Record<string, string> = { host: u.host, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers };
  const signed = await signer.sign({ method, protocol: 'http:', hostname: u.hostname, port: Number(u.port), path: p!, query, headers: h, body } as never);
  const sendHeaders = { ...(signed as unknown as { headers: Record<string, string> }).headers };
  delete sendHeaders.host;
  const res = await fetch(`${endpoint}${pathAndQuery}`, { method, headers: sendHeaders, body });
  return { status: res.status, errorType: res.headers.get('x-amzn-errortype'), text: await res.text() };
}

/** Every file in a directory (not recursive), read raw. */
export function filesIn(dir: string): { name: string; bytes: Buffer }[] {
  return fs
    .readdirSync(dir)
    .filter((n) => fs.statSync(path.join(dir, n)).isFile())
    .map((name) => ({ name, bytes: fs.readFileSync(path.join(dir, name)) }));
}

/** Where a secret shows up in raw bytes: as UTF-8, UTF-16, hex or base64 of the whole value. */
export function findSecret(bytes: Buffer, secret: string): string | undefined {
  if (bytes.includes(Buffer.from(secret, 'utf8'))) return 'utf8';
  if (bytes.includes(Buffer.from(secret, 'utf16le'))) return 'utf16le';
  const hex = Buffer.from(secret).toString('hex');
  if (bytes.includes(Buffer.from(hex)) || bytes.includes(Buffer.from(hex.toUpperCase()))) return 'hex';
  const b64 = Buffer.from(secret).toString('base64').replace(/=+$/, '');
  if (bytes.includes(Buffer.from(b64.slice(0, -2)))) return 'base64';
  if (bytes.includes(Buffer.from(Buffer.from(secret).toString('base64url').slice(0, -2)))) return 'base64url';
  return undefined;
}
