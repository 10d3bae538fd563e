// Issue 13, findings 1 and 2: nothing that authenticates a connector leaves the
// server, in any encoding. A READER who holds nothing but InvokeActionConnector calls
// GENERIC_HTTP HttpRequest (API_KEY, BASIC, OAUTH2_CLIENT_CREDENTIALS) on paths of a
// real HTTPS service that reflects what it receives — an echo, the Authorization
// value in response headers and cookies, an HTML error page quoting it, base64,
// percent-encoded, escaped-JSON and gzip spellings — through InvokeAction, MCP
// tools/call and the console runner; the secrets, the Basic value, the access token
// are in none of the answers, ListActionInvocations, the logs or the data dir. Token
// endpoints that echo their form body or the client's Authorization header yield the
// RFC 6749 error code only, in InvokeAction's 424 and in the stored connection test
// (database file and backup). An upstream that reflects nothing answers intact.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpToken } from '../src/cli/tokens.js';
import { CredentialScrubber } from '../src/connections/scrub.js';
import { hashPassword } from '../src/crypto/passwords.js';
import { ACCOUNT, ADMIN, BIN, TEST_STORE, tempDir, type TestUser } from './helpers.js';
import { actionsApi, apiKeyAuth, basicAuth, clientCredentialsAuth, createConnector, iamAuth } from './support/actions.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';
import { ConsoleClient } from './support/console.js';
import { connectorOps } from './support/extension-client.js';
import { leaks } from './support/leaks.js';
import { connectHttp, INVOKE } from './support/mcp-env.js';
import { ACCESS_TOKEN, found, startHostileS3, startReflector, spellingsOf, type HostileS3, type Reflector } from './support/security-output.js';
import { startSts, type StsStandIn } from './support/sts.js';
import { createTestCa } from './support/tls.js';

const execFileP = promisify(execFile);

const API_KEY = 'ak-Secret/Key+7f3e9d2c1b=';
const USER = 'svc-user';
const PASSWORD = 'pw-S3cret&=+/x-8a7b6c';
const SHORT_PASSWORD = 'ab!';
const CLIENT_ID = 'cc-client';
const CLIENT_SECRET = 'cs-Secret/+= 9f8e7d6c';
const POST_SECRET = 'cs-Post/Secret+= &x-1a2b3c';
const BASIC_SECRET = 'cs-Basic/Secret+=-4d5e6f';

const basicValue = (user: string, pw: string) => `Basic ${Buffer.from(`${user}:${pw}`).toString('base64')}`;
/** What must never be seen, per connector: the secret, the pair, the exact header value (spellingsOf adds the encodings). */
const FORBIDDEN: Record<string, string[]> = {
  key: [API_KEY, `Bearer ${API_KEY}`],
  basic: [PASSWORD, `${USER}:${PASSWORD}`, basicValue(USER, PASSWORD)],
  short: [`${USER}:${SHORT_PASSWORD}`, basicValue(USER, SHORT_PASSWORD)],
  cc: [CLIENT_SECRET, ACCESS_TOKEN, `Bearer ${ACCESS_TOKEN}`],
};
const ALL = Object.values(FORBIDDEN).flat();

let env: ConnEnv;
let up: Reflector;
let api: ReturnType<typeof actionsApi>;
let invoker: TestUser;
let agent: TestUser;
let mcp: Client;
let consoleClient: ConsoleClient;
/** Everything the attacker received. */
const received: string[] = [];

const invokeOnly = (u: TestUser) => ({ Principal: u.arn, Actions: ['quicksight:InvokeActionConnector'] });

beforeAll(async () => {
  env = await startConnEnv({ logLevel: 'trace' });
  up = await startReflector(env.ca);
  api = actionsApi(env.t.endpoint);
  const admin = env.t.client();
  invoker = await env.t.addUser('mallory', 'READER');
  agent = await env.t.addUser('agent', 'READER');
  const permissions = [invokeOnly(invoker), { Principal: agent.arn, Actions: INVOKE }];
  await createConnector(admin, 'key', { auth: apiKeyAuth(up.url('/api'), API_KEY), permissions });
  await createConnector(admin, 'basic', { auth: basicAuth(up.url('/api'), USER, PASSWORD), permissions });
  await createConnector(admin, 'short', { auth: basicAuth(up.url('/api'), USER, SHORT_PASSWORD), permissions });
  await createConnector(admin, 'cc', { auth: clientCredentialsAuth(up.url('/api'), up.url('/oauth/token'), CLIENT_ID, CLIENT_SECRET), permissions });

  const { token } = await createMcpToken(env.t.server.store, { user: (await env.t.server.store.identities.getUser(ACCOUNT, 'agent'))!, region: 'us-east-1' });
  mcp = await connectHttp(env.t.endpoint, token, 'attacker');

  const store = env.t.server.store;
  const user = await store.identities.getUser(ACCOUNT, 'mallory');
  await store.console.setPassword(ACCOUNT, 'mallory', await hashPassword('mallory-password-0123'), user!.createdAt, Date.now());
  consoleClient = new ConsoleClient(env.t.endpoint);
  const signIn = await consoleClient.signIn({ AccountId: ACCOUNT, UserName: 'mallory', Password: 'mallory-password-0123' });
  expect(signIn.status).toBe(200);
});
afterAll(async () => {
  await mcp?.close().catch(() => {});
  await consoleClient?.close();
  await env?.t.stop();
  await up?.close();
});

const ROUTES = ['echo', 'escaped', 'error', 'gzip'];

describe('an upstream that reflects the credentials it receives', () => {
  it.each(Object.keys(FORBIDDEN))('%s: InvokeAction by a user holding only InvokeActionConnector gets nothing of them back', async (id) => {
    for (const route of ROUTES) {
      const before = up.seen.length;
      const r = await api.invoke(invoker, id, 'HttpRequest', { Method: 'POST', Path: route, Body: { hello: 'world' } });
      received.push(r.raw);
      expect(r.status, r.raw).toBe(200);
      expect(up.seen.length).toBeGreaterThan(before);
      // The credential really was sent (and reflected): the defence is the scrubbing.
      expect(up.seen.slice(before).every((a) => a.length > 0)).toBe(true);
      expect(found(r.raw, FORBIDDEN[id]!), `${id}/${route}: ${r.raw.slice(0, 2000)}`).toEqual([]);
      expect(r.body.Output.StatusCode).toBe(route === 'error' ? 500 : 200);
      const headers = r.body.Output.Headers as Record<string, string>;
      for (const h of ['authorization', 'x-api-key', 'set-cookie', 'proxy-authorization']) expect(headers).not.toHaveProperty(h);
      if (route !== 'error') {
        // The rest of the echo is intact: scrubbing replaces, it does not blank the answer.
        const body = r.body.Output.Body as { method: string; body: string; headers: Record<string, string> };
        expect(body.method).toBe('POST');
        expect(JSON.parse(body.body)).toEqual({ hello: 'world' });
        expect(body.headers.authorization).toContain('[redacted]');
      } else {
        expect(r.body.Output.Body).toMatch(/Internal Server Error[\s\S]*\[redacted\]/);
      }
    }
  });

  it.each(Object.keys(FORBIDDEN))('%s: MCP tools/call gets nothing of them back', async (id) => {
    for (const route of ROUTES) {
      const r = await mcp.callTool({ name: `${id}__HttpRequest`, arguments: { Method: 'GET', Path: route } });
      const text = JSON.stringify(r);
      received.push(text);
      expect(text).toContain('StatusCode');
      expect(found(text, FORBIDDEN[id]!), `${id}/${route}: ${text.slice(0, 2000)}`).toEqual([]);
    }
  });

  it.each(Object.keys(FORBIDDEN))('%s: the console runner gets nothing of them back', async (id) => {
    for (const route of ROUTES) {
      const r = await consoleClient.call('InvokeAction', {
        AwsAccountId: ACCOUNT,
        ActionConnectorId: id,
        ActionId: 'HttpRequest',
        Input: { Method: 'GET', Path: route },
      });
      const text = JSON.stringify(r.body);
      received.push(text);
      expect(r.status, text).toBe(200);
      expect(found(text, FORBIDDEN[id]!), `${id}/${route}: ${text.slice(0, 2000)}`).toEqual([]);
    }
  });

  it('nothing in ListActionInvocations, the logs or the data dir either', async () => {
    for (const id of Object.keys(FORBIDDEN)) {
      const l = await api.invocations(ADMIN, id);
      expect(l.status).toBe(200);
      expect(l.body.Invocations.length).toBeGreaterThanOrEqual(ROUTES.length * 3);
      received.push(l.raw);
    }
    for (const r of received) expect(found(r, ALL)).toEqual([]);
    expect(found(env.t.logs(), ALL)).toEqual([]);
    expect(leaks(spellingsOf(ALL), { dataDir: env.t.dataDir, logs: env.t.logs(), responses: received })).toEqual([]);
  });
});

describe('a service that applies Range to a reflected answer', () => {
  it('Range and If-Range cannot be set: fragments of a credential three bytes at a time would not be recognised', async () => {
    for (const [name, value] of [
      ['Range', 'bytes=15-17'],
      ['range', 'bytes=0-2'],
      ['If-Range', 'W/"x"'],
    ] as const) {
      const before = up.seen.length;
      const r = await api.invoke(invoker, 'key', 'HttpRequest', { Method: 'GET', Path: 'range', Headers: { [name]: value } });
      received.push(r.raw);
      expect([r.status, r.errorType?.split(':')[0]], r.raw).toEqual([400, 'InvalidParameterValueException']);
      expect(r.raw).toMatch(new RegExp(`must not set the ${name.toLowerCase()} header`));
      expect(up.seen.length, 'nothing is sent').toBe(before);
    }
    // Without a Range header the whole reflection comes back, scrubbed.
    const whole = await api.invoke(invoker, 'key', 'HttpRequest', { Method: 'GET', Path: 'range' });
    received.push(whole.raw);
    expect(whole.body.Output.Body).toBe('Authorization: [redacted]');
  });
});

describe('an upstream that reflects nothing', () => {
  it('answers intact: status, ordinary headers and body, words like Basic and Bearer included', async () => {
    for (const id of Object.keys(FORBIDDEN)) {
      const r = await api.invoke(invoker, id, 'HttpRequest', { Method: 'GET', Path: 'plain' });
      expect(r.status).toBe(200);
      expect(r.body.InvokeActionStatus).toBe('SUCCESS');
      expect(r.body.Output.StatusCode).toBe(200);
      expect(r.body.Output.Headers).toMatchObject({ 'content-type': 'application/json', 'x-total-count': '2' });
      expect(r.body.Output.Body).toEqual({
        items: [
          { id: 1, name: 'Widget', note: 'Basic plan; Bearer of good news' },
          { id: 2, name: 'Gadget', tags: ['a', 'b'] },
        ],
      });
    }
  });
});

describe('token endpoints that echo the client credentials in their errors', () => {
  it('client_secret_post: InvokeAction is TokenResponseException with the error code, without the ClientSecret in any encoding', async () => {
    await createConnector(env.t.client(), 'post-echo', {
      type: 'MICROSOFT_OUTLOOK',
      auth: clientCredentialsAuth(up.url('/graph'), up.url('/oauth/token-echo'), CLIENT_ID, POST_SECRET),
      permissions: [invokeOnly(invoker)],
    });
    const before = up.tokenForms.length;
    const r = await api.invoke(invoker, 'post-echo', 'ListMessages', { UserId: 'someone@example.com' });
    expect([r.status, r.errorType], r.raw).toEqual([424, 'TokenResponseException']);
    // The endpoint did receive (and echo) the secret in its form body.
    expect(up.tokenForms.slice(before).join('\n')).toContain(`client_secret=${new URLSearchParams([['', POST_SECRET]]).toString().slice(1)}`);
    const message = String(r.body.Message ?? r.body.message);
    expect(message).toMatch(/refused the client-credentials token request: invalid_client/);
    expect(found(r.raw, [POST_SECRET])).toEqual([]);
    expect(found(env.t.logs(), [POST_SECRET])).toEqual([]);
    const list = await api.invocations(ADMIN, 'post-echo');
    expect(list.body.Invocations[0]).toMatchObject({ InvokeActionStatus: 'FAILED', ErrorCode: 'TokenResponseException' });
    expect(found(list.raw, [POST_SECRET])).toEqual([]);
  });

  it('client_secret_basic: the connection test record (health, database file, backup) keeps no credential in any encoding', async () => {
    await createConnector(env.t.client(), 'basic-echo', { auth: clientCredentialsAuth(up.url('/api'), up.url('/oauth/token-echo'), CLIENT_ID, BASIC_SECRET) });
    const forbidden = [
      BASIC_SECRET,
      `${CLIENT_ID}:${BASIC_SECRET}`,
      `Basic ${Buffer.from(`${CLIENT_ID}:${encodeURIComponent(BASIC_SECRET).replace(/%20/g, '+')}`).toString('base64')}`,
    ];
    const ops = connectorOps(env.t.endpoint, ACCOUNT, 'basic-echo');
    const before = up.seen.length;
    const t = await ops.test(ADMIN);
    expect(t.status).toBe(200);
    expect(t.body).toMatchObject({ Success: false });
    // The endpoint did receive (and echo) client_secret_basic credentials.
    expect(up.seen.slice(before).some((a) => a.startsWith('Basic '))).toBe(true);
    forbidden.push(...up.seen.slice(before).filter((a) => a.startsWith('Basic ')));
    expect(t.body.Message).toMatch(/refused the client-credentials token request: invalid_client/);
    expect(found(JSON.stringify(t.body), forbidden)).toEqual([]);

    const h = await ops.connection(ADMIN);
    expect(h.body.LastTest).toMatchObject({ Success: false });
    expect(h.body.LastTest.Message).toMatch(/invalid_client/);
    expect(found(JSON.stringify(h.body), forbidden)).toEqual([]);
    expect(found(env.t.logs(), forbidden)).toEqual([]);
    expect(leaks(spellingsOf(forbidden), { dataDir: env.t.dataDir })).toEqual([]);

    if (TEST_STORE === 'sqlite') {
      const file = path.join(tempDir('ab-sec-backup-'), 'ab.backup');
      await execFileP(BIN, ['backup', file, '--data-dir', env.t.dataDir], { encoding: 'utf8' });
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from('invalid_client'))).toBe(true); // the record is in it
      expect(found(bytes.toString('latin1'), forbidden)).toEqual([]);
    }
  });
});

describe('the Connections API', () => {
  it('authorizedRequest answers scrubbed, without credential headers (Set-Cookie kept for internal use)', async () => {
    const rec = (await env.t.server.store.connectors.getConnector({ region: 'us-east-1', accountId: ACCOUNT, id: 'basic' }))!;
    const res = await env.t.server.services.connections.authorizedRequest(
      rec,
      { userArn: invoker.arn, userName: 'mallory' },
      { method: 'GET', url: up.url('/api/echo') },
    );
    expect(res.status).toBe(200);
    expect(res.headers).not.toHaveProperty('authorization');
    expect(res.headers).not.toHaveProperty('x-api-key');
    expect(res.headers['set-cookie']).toBeDefined();
    expect(found(JSON.stringify(res.headers), FORBIDDEN.basic!)).toEqual([]);
    expect(found(res.body.toString('utf8'), FORBIDDEN.basic!)).toEqual([]);
  });
});

describe('an AWS service that reflects the SigV4 credentials of the assumed role', () => {
  const SERVER_KEY = { id: 'AKIAACTIONBRIDGESEC1', secret: 'server-own-aws-secret-for-sec-0123456789' };
  let aws: ConnEnv;
  let sts: StsStandIn;
  let s3: HostileS3;
  let awsApi: ReturnType<typeof actionsApi>;
  let user: TestUser;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    const ca = createTestCa();
    sts = await startSts(ca, { [SERVER_KEY.id]: SERVER_KEY.secret });
    s3 = await startHostileS3(ca);
    const vars = {
      AWS_ACCESS_KEY_ID: SERVER_KEY.id,
      AWS_SECRET_ACCESS_KEY: SERVER_KEY.secret,
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
      AWS_ENDPOINT_URL_S3: s3.url('').replace(/\/$/, ''),
    };
    for (const [k, v] of Object.entries(vars)) {
      saved[k] = process.env[k];
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    aws = await startConnEnv({ stsEndpoint: sts.url('').replace(/\/$/, ''), logLevel: 'trace' }, ca);
    awsApi = actionsApi(aws.t.endpoint);
    user = await aws.t.addUser('mallory', 'READER');
    await createConnector(aws.t.client(), 's3', {
      type: 'AMAZON_S3',
      auth: iamAuth('arn:aws:iam::111122223333:role/Reports'),
      permissions: [invokeOnly(user)],
    });
  });
  afterAll(async () => {
    await aws?.t.stop();
    await Promise.all([sts?.close(), s3?.close()]);
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('GetObject, ListObjects and a service error carry neither the session keys nor the signatures', async () => {
    const answers: string[] = [];
    const get = await awsApi.invoke(user, 's3', 'GetObject', { Bucket: 'reports', Key: 'echo.json' });
    answers.push(get.raw, Buffer.from(String(get.body.Output?.Body ?? ''), 'base64').toString('latin1'));
    expect(get.body.InvokeActionStatus, get.raw).toBe('SUCCESS');
    expect(Buffer.from(get.body.Output.Body, 'base64').toString()).toContain('[redacted]');
    const list = await awsApi.invoke(user, 's3', 'ListObjects', { Bucket: 'reports' });
    answers.push(list.raw);
    expect(list.body.InvokeActionStatus, list.raw).toBe('SUCCESS');
    expect(list.body.Output.Objects).toHaveLength(2);
    const err = await awsApi.invoke(user, 's3', 'DeleteObject', { Bucket: 'reports', Key: 'x' });
    answers.push(err.raw);
    expect(err.body).toMatchObject({ InvokeActionStatus: 'FAILED', HttpStatusCode: 403, Output: { Code: 'SignatureDoesNotMatch' } });
    expect(err.body.Output.Message).toMatch(/does not match/);

    // What was sent — and reflected: the session token, the signatures, the temporary keys.
    expect(s3.seen.length).toBeGreaterThanOrEqual(3);
    const issued = [...sts.issued.values()];
    expect(issued.length).toBeGreaterThan(0);
    const forbidden = [
      ...s3.seen.flatMap((x) => [x.authorization, x.token, /Signature=([0-9a-f]+)/.exec(x.authorization)![1]!]),
      ...issued.flatMap((c) => [c.secretAccessKey, c.sessionToken, c.accessKeyId]),
    ];
    for (const a of answers) expect(found(a, forbidden), a.slice(0, 2000)).toEqual([]);
    expect(found(aws.t.logs(), forbidden)).toEqual([]);
  });
});

describe('the scrubber itself', () => {
  // A unit check of the spellings the attacks above rely on.
  it('finds the material at any base64 alignment, in hex, escaped and in any case; leaves other text alone', () => {
    const s = new CredentialScrubber([basicValue(USER, SHORT_PASSWORD), API_KEY]);
    for (const prefix of ['', 'x', 'xy', 'xyz']) {
      const wrapped = Buffer.from(`${prefix}${API_KEY}!tail`).toString('base64');
      expect(s.text(`data=${wrapped}`), prefix).toContain('[redacted]');
    }
    expect(s.text(Buffer.from(API_KEY).toString('hex').toUpperCase())).toBe('[redacted]');
    expect(s.text(API_KEY.toUpperCase())).toBe('[redacted]');
    expect(s.text(JSON.stringify(API_KEY).replace(/\//g, '\\/'))).toBe('"[redacted]"');
    expect(s.text(encodeURIComponent(API_KEY).toLowerCase())).toBe('[redacted]');
    expect(s.bytes(Buffer.from(`<p>${API_KEY.replace(/\+/g, '&#43;').replace(/\//g, '&#47;').replace(/=/g, '&#61;')}</p>`)).toString()).toBe(
      '<p>[redacted]</p>',
    );
    expect(s.bytes(Buffer.from(`key ${API_KEY}.`, 'utf16le')).includes(Buffer.from(API_KEY.slice(0, 8), 'utf16le'))).toBe(false);
    expect(s.bytes(Buffer.from(`key ${API_KEY}.`, 'utf16le').swap16()).includes(Buffer.from(API_KEY.slice(0, 8), 'utf16le').swap16())).toBe(false);
    // A secret under 4 characters is scrubbed within its Basic pair and value, not on its own.
    expect(s.text(`${USER}:${SHORT_PASSWORD} and ${Buffer.from(`${USER}:${SHORT_PASSWORD}`).toString('base64')}`)).toBe('[redacted] and [redacted]');
    expect(s.text('ab! is not a secret by itself; Basic and Bearer are words')).toBe('ab! is not a secret by itself; Basic and Bearer are words');
    expect(s.value({ [API_KEY]: [API_KEY, 1, null, { k: `x ${API_KEY} y` }] })).toEqual({ '[redacted]': ['[redacted]', 1, null, { k: 'x [redacted] y' }] });
  });
});
