// The audit trail of InvokeAction: every invocation recorded — success, refused by
// the service, nothing answering, refused input — with time, action, end user,
// status, upstream status, duration and attempts, and never an input value, an
// output or a secret (the database files and the logs are searched for them);
// ListActionInvocations pages newest first with tokens bound to the caller; and
// retention, applied on start and periodically.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditTrail } from '../src/audit/audit-trail.js';
import { resolveConfig } from '../src/config.js';
import { newInvocationId, type InvocationRecord } from '../src/domain/invocations.js';
import { ACCOUNT, ADMIN, qs, startTestServer, tempDir, type TestUser } from './helpers.js';
import { startActionUpstream, type ActionUpstream } from './support/action-upstream.js';
import { actionsApi, apiKeyAuth, createConnector, noneAuth } from './support/actions.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';
import { leaks } from './support/leaks.js';
import type { Kysely } from 'kysely';
import type { SqlStore } from '../src/store/sql-store.js';

const API_KEY = 'audit-api-key-SECRET-6c1f0e9d';
/** Values that must never reach the database or the logs: they travel only in inputs and outputs. */
const INPUT_VALUES = {
  path: 'zq7-distinctive-path-segment',
  query: 'query-value-distinct-31337',
  header: 'header-value-distinct-99173',
  body: 'body-value-distinct-55821',
  refused: 'refused-input-distinct-77120',
};
const OUTPUT_VALUE = 'output-only-value-distinct-44810';

let env: ConnEnv;
let upstream: ActionUpstream;
let api: ReturnType<typeof actionsApi>;
let admin: qs.QuickSightClient;
let viewer: TestUser;
let invoker: TestUser;
const responses: string[] = [];
let firstInvocationId = '';
const ok0 = () => firstInvocationId;

const list = async (creds: Parameters<typeof api.invocations>[0], id: string, page: { MaxResults?: number; NextToken?: string } = {}) => {
  const r = await api.invocations(creds, id, page);
  responses.push(r.raw);
  return r;
};

beforeAll(async () => {
  env = await startConnEnv({ logLevel: 'trace' });
  upstream = await startActionUpstream(env.ca);
  upstream.respond((req) => ({ status: req.url.includes('missing') ? 404 : 200, json: { echo: req.url, body: req.body.toString(), extra: OUTPUT_VALUE } }));
  api = actionsApi(env.t.endpoint);
  admin = env.t.client();
  [viewer, invoker] = await Promise.all([env.t.addUser('viewer', 'READER'), env.t.addUser('invoker', 'READER')]);
  const perms = [
    { Principal: viewer.arn, Actions: ['quicksight:DescribeActionConnector'] },
    { Principal: invoker.arn, Actions: ['quicksight:InvokeActionConnector'] },
  ];
  await createConnector(admin, 'audit-http', { auth: apiKeyAuth(upstream.url('/api'), API_KEY), permissions: perms });
  await createConnector(admin, 'audit-private', { auth: noneAuth('https://192.168.77.1/api') });
  await createConnector(admin, 'audit-paging', { auth: noneAuth(upstream.url('/api')), permissions: perms });
});
afterAll(async () => {
  await env?.t.stop();
  await upstream?.close();
});

describe('every invocation is recorded, without values', () => {
  it('success, refused by the service, refused input and nothing answering each leave a record, newest first', async () => {
    const t0 = Date.now();
    const ok = await api.invoke(invoker, 'audit-http', 'HttpRequest', {
      Method: 'POST',
      Path: `v1/${INPUT_VALUES.path}`,
      Query: { q: INPUT_VALUES.query },
      Headers: { 'X-Note': INPUT_VALUES.header },
      Body: { note: INPUT_VALUES.body },
    });
    responses.push(ok.raw);
    expect(ok.body.InvokeActionStatus).toBe('SUCCESS');
    expect(ok.raw).toContain(OUTPUT_VALUE);
    firstInvocationId = ok.body.InvocationId;
    const notFound = await api.invoke(ADMIN, 'audit-http', 'HttpRequest', { Method: 'GET', Path: 'missing' });
    expect(notFound.body).toMatchObject({ InvokeActionStatus: 'FAILED', HttpStatusCode: 404 });
    const bad = await api.invoke(ADMIN, 'audit-http', 'HttpRequest', { Method: 'GET', Path: `../${INPUT_VALUES.refused}` });
    responses.push(bad.raw);
    expect(bad.errorType).toBe('InvalidParameterValueException');
    // Refused before any record: no permission, or no such action.
    expect((await api.invoke(viewer, 'audit-http', 'HttpRequest', { Method: 'GET', Path: 'x' })).errorType).toBe('AccessDeniedException');
    expect((await api.invoke(ADMIN, 'audit-http', 'NoSuchAction', {})).errorType).toBe('ResourceNotFoundException');

    const r = await list(viewer, 'audit-http');
    expect(r.status, r.raw).toBe(200);
    expect(r.body.NextToken).toBeUndefined();
    const [third, second, first] = r.body.Invocations as [Record<string, any>, Record<string, any>, Record<string, any>];
    expect(r.body.Invocations).toHaveLength(3);
    expect(first).toEqual({
      InvocationId: ok.body.InvocationId,
      Time: expect.any(Number),
      ActionId: 'HttpRequest',
      EndUserArn: invoker.arn,
      InvokeActionStatus: 'SUCCESS',
      HttpStatusCode: 200,
      DurationMs: expect.any(Number),
      Attempts: 1,
    });
    expect(first.Time * 1000).toBeGreaterThanOrEqual(t0 - 5);
    expect(first.Time * 1000).toBeLessThanOrEqual(Date.now());
    expect(first.DurationMs).toBeGreaterThanOrEqual(0);
    expect(second).toMatchObject({
      InvocationId: notFound.body.InvocationId,
      EndUserArn: `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/admin`,
      InvokeActionStatus: 'FAILED',
      HttpStatusCode: 404,
      Attempts: 1,
    });
    expect(third).toMatchObject({ InvokeActionStatus: 'FAILED', ErrorCode: 'InvalidParameterValueException', Attempts: 0 });
    expect(third.HttpStatusCode).toBeUndefined();
  });

  it('an egress failure is recorded with its reason and no upstream status', async () => {
    const r = await api.invoke(ADMIN, 'audit-private', 'HttpRequest', { Method: 'GET', Path: 'x' });
    expect(r.body).toMatchObject({ InvokeActionStatus: 'FAILED', Output: { Reason: 'refused-address' } });
    const l = await list(ADMIN, 'audit-private');
    expect(l.body.Invocations).toEqual([
      expect.objectContaining({ InvocationId: r.body.InvocationId, InvokeActionStatus: 'FAILED', ErrorCode: 'Egress.refused-address' }),
    ]);
    expect(l.body.Invocations[0].HttpStatusCode).toBeUndefined();
  });

  it("each answer's record is listed by the very next request, whether the invocation ran alone or among others", async () => {
    // Alone, an invocation is answered before its record's commit (SQLite commits it in the
    // same turn of the event loop; src/ops/actions.ts); among others, after their group commit.
    await createConnector(admin, 'audit-next', { auth: noneAuth(upstream.url('/api')) });
    for (let i = 0; i < 25; i++) {
      const r = await api.invoke(ADMIN, 'audit-next', 'HttpRequest', { Method: 'GET', Path: `n/${i}` });
      expect(r.body.InvokeActionStatus).toBe('SUCCESS');
      const l = await list(ADMIN, 'audit-next', { MaxResults: 1 });
      expect(l.body.Invocations.map((x: { InvocationId: string }) => x.InvocationId)).toEqual([r.body.InvocationId]);
    }
    const together = await Promise.all(Array.from({ length: 20 }, (_, i) => api.invoke(ADMIN, 'audit-next', 'HttpRequest', { Method: 'GET', Path: `t/${i}` })));
    const l = await list(ADMIN, 'audit-next', { MaxResults: 100 });
    const listed = l.body.Invocations.map((x: { InvocationId: string }) => x.InvocationId);
    expect(listed).toHaveLength(45);
    for (const r of together) expect(listed).toContain(r.body.InvocationId);
  });

  it('ListActionInvocations needs DescribeActionConnector', async () => {
    const r = await list(invoker, 'audit-http');
    expect([r.status, r.errorType]).toEqual([401, 'AccessDeniedException']);
  });

  it('no input value, output or secret is in the database (its files, and every row of every table) or the logs', async () => {
    const found = leaks([...Object.values(INPUT_VALUES), OUTPUT_VALUE, API_KEY], { dataDir: env.t.dataDir, logs: env.t.logs() });
    expect(found).toEqual([]);
    // Row by row too, whichever database the server runs on (SQLite's file is searched above).
    const db = (env.t.server.store as SqlStore).db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
    expect(tables).toContain('invocations');
    const dump: string[] = [];
    for (const table of tables) dump.push(JSON.stringify(await db.selectFrom(table).selectAll().execute()));
    expect(leaks([...Object.values(INPUT_VALUES), OUTPUT_VALUE, API_KEY], { responses: dump })).toEqual([]);
    expect(dump.join('\n')).toContain(ok0());
    // ... and the API key never in an answer either.
    expect(leaks([API_KEY], { responses })).toEqual([]);
    // The records are there (the search looked at the right files).
    const rows = await env.t.server.store.audit.queryInvocations({
      region: 'us-east-1',
      accountId: ACCOUNT,
      id: 'audit-http',
      connectorCreatedAt: (await env.t.server.store.connectors.getConnector({ region: 'us-east-1', accountId: ACCOUNT, id: 'audit-http' }))!.createdAt,
      limit: 10,
    });
    expect(rows).toHaveLength(3);
    expect(env.t.logs()).toContain('"op":"InvokeAction"');
  });
});

describe('ListActionInvocations paging', () => {
  let ids: string[] = [];

  beforeAll(async () => {
    ids = [];
    for (let i = 0; i < 23; i++) ids.push((await api.invoke(ADMIN, 'audit-paging', 'HttpRequest', { Method: 'GET', Path: `n/${i}` })).body.InvocationId);
  });

  it('pages newest first, without duplicates or gaps, with a NextToken until the last page', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await list(viewer, 'audit-paging', { MaxResults: 10, ...(token ? { NextToken: token } : {}) });
      expect(r.status, r.raw).toBe(200);
      seen.push(...r.body.Invocations.map((i: { InvocationId: string }) => i.InvocationId));
      token = r.body.NextToken;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    // Without MaxResults: up to 100 in one page.
    expect((await list(viewer, 'audit-paging')).body.Invocations).toHaveLength(23);
  });

  it('a page token works only for the caller and connector it was issued to, and only unaltered', async () => {
    const first = await list(viewer, 'audit-paging', { MaxResults: 5 });
    const token = first.body.NextToken as string;
    expect(token).toBeTypeOf('string');
    const mine = await list(viewer, 'audit-paging', { MaxResults: 5, NextToken: token });
    expect(mine.body.Invocations[0].InvocationId).toBe(ids[ids.length - 6]);
    const theirs = await list(ADMIN, 'audit-paging', { MaxResults: 5, NextToken: token });
    expect([theirs.status, theirs.errorType]).toEqual([400, 'InvalidNextTokenException']);
    const other = await list(viewer, 'audit-http', { NextToken: token });
    expect(other.errorType).toBe('InvalidNextTokenException');
    const altered = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    expect((await list(viewer, 'audit-paging', { NextToken: altered })).errorType).toBe('InvalidNextTokenException');
  });

  it('MaxResults is 1 to 100', async () => {
    for (const n of [0, 101]) {
      const r = await list(viewer, 'audit-paging', { MaxResults: n });
      expect([r.status, r.errorType]).toEqual([400, 'InvalidParameterValueException']);
      expect(r.body.Message).toMatch(/Value at 'maxResults' failed to satisfy constraint/);
    }
  });

  it('a connector deleted and created again under the same id starts with no records', async () => {
    await api.invoke(ADMIN, 'audit-paging', 'HttpRequest', { Method: 'GET', Path: 'x' });
    await admin.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'audit-paging' }));
    await createConnector(admin, 'audit-paging', { auth: noneAuth(upstream.url('/api')) });
    expect((await list(ADMIN, 'audit-paging')).body.Invocations).toEqual([]);
  });
});

describe('retention', () => {
  const DAY = 24 * 3600 * 1000;
  const record = (id: string, ageDays: number, createdAt: number): InvocationRecord => {
    const startedAt = Date.now() - ageDays * DAY;
    return {
      invocationId: newInvocationId(startedAt),
      region: 'us-east-1',
      accountId: ACCOUNT,
      id,
      connectorCreatedAt: createdAt,
      connectorType: 'GENERIC_HTTP',
      actionId: 'HttpRequest',
      endUserArn: `arn:aws:quicksight:us-east-1:${ACCOUNT}:user/default/admin`,
      startedAt,
      status: 'SUCCESS',
      httpStatus: 200,
      errorCode: null,
      durationMs: 3,
      attempts: 1,
    };
  };

  it('auditRetentionDays from the config file or ACTIONBRIDGE_AUDIT_RETENTION_DAYS (default 90; 0 keeps forever)', () => {
    expect(resolveConfig({}, {}).auditRetentionDays).toBe(90);
    expect(resolveConfig({}, { ACTIONBRIDGE_AUDIT_RETENTION_DAYS: '7' }).auditRetentionDays).toBe(7);
    expect(resolveConfig({}, { ACTIONBRIDGE_AUDIT_RETENTION_DAYS: '0' }).auditRetentionDays).toBe(0);
    expect(() => resolveConfig({}, { ACTIONBRIDGE_AUDIT_RETENTION_DAYS: '1.5' })).toThrow(/ACTIONBRIDGE_AUDIT_RETENTION_DAYS must be an integer/);
  });

  it('records past retention are deleted when a server starts', async () => {
    const dataDir = tempDir('ab-audit-');
    const a = await startTestServer({ dataDir });
    await createConnector(a.client(), 'kept', { auth: noneAuth('https://api.example.com') });
    const created = (await a.server.store.connectors.getConnector({ region: 'us-east-1', accountId: ACCOUNT, id: 'kept' }))!.createdAt;
    await a.server.store.audit.insertInvocations([record('kept', 45, created), record('kept', 40, created), record('kept', 10, created)]);
    // Another server starting on the same data (a restart, or a second node on PostgreSQL).
    const b = await startTestServer({ dataDir, auditRetentionDays: 30 });
    try {
      const left = async () =>
        (await b.server.store.audit.queryInvocations({ region: 'us-east-1', accountId: ACCOUNT, id: 'kept', connectorCreatedAt: created, limit: 10 })).length;
      const deadline = Date.now() + 5_000;
      while ((await left()) !== 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await left()).toBe(1);
      expect(b.logs()).toMatch(/"deleted":2,"retentionDays":30.*audit records past retention deleted/);
    } finally {
      await b.stop();
      await a.stop();
    }
  });

  it('and periodically after that; 0 keeps everything', async () => {
    const store = env.t.server.store;
    const created = (await store.connectors.getConnector({ region: 'us-east-1', accountId: ACCOUNT, id: 'audit-http' }))!.createdAt;
    const old = record('audit-http', 400, created);
    await store.audit.insertInvocations([old]);
    const count = async () =>
      (await store.audit.queryInvocations({ region: 'us-east-1', accountId: ACCOUNT, id: 'audit-http', connectorCreatedAt: created, limit: 100 })).length;
    const before = await count();
    const forever = new AuditTrail({ store, retentionDays: 0, now: Date.now });
    expect(await forever.prune()).toBe(0);
    let now = Date.now() - 370 * DAY; // a clock a year behind: nothing is old yet
    const trail = new AuditTrail({ store, retentionDays: 365, now: () => now });
    trail.start(20);
    try {
      expect(await trail.prune()).toBe(0);
      expect(await count()).toBe(before);
      now = Date.now();
      const deadline = Date.now() + 5_000;
      while ((await count()) !== before - 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await count()).toBe(before - 1);
    } finally {
      await trail.close();
    }
  });
});
