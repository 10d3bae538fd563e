// Throttling: a token bucket per account. A burst beyond it gets
// ThrottlingException 429; the official SDK's retries get through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, OTHER_ACCOUNT, REGION, createInput, qs, startTestServer, type TestServer, type TestUser } from './helpers.js';
import { Throttle } from '../src/server/throttle.js';
import { testClock } from './support/clock.js';

let t: TestServer;
let other: TestUser;
/** The server's clock (its throttle takes it): moved on to refill the buckets instead of waiting. */
const clock = testClock();
beforeAll(async () => {
  t = await startTestServer({ throttle: { ratePerSecond: 5, burst: 5 } }, {}, clock.now);
  other = await t.addUser('other-acct-admin', 'ADMIN', [], OTHER_ACCOUNT);
});
afterAll(async () => {
  await t.stop();
});

/** Fills the buckets again (burst 5 at 5/s): the server's clock moves on 1.1 s (SigV4 allows 5 minutes of skew). */
const refill = async () => clock.reach(clock.now() + 1100);
const list = (c: qs.QuickSightClient, account = ACCOUNT) => c.send(new qs.ListActionConnectorsCommand({ AwsAccountId: account }));

async function settle(ps: Promise<unknown>[]) {
  const r = await Promise.allSettled(ps);
  const ok = r.filter((x) => x.status === 'fulfilled').length;
  const errs = r.filter((x): x is PromiseRejectedResult => x.status === 'rejected').map((x) => x.reason as Error & { $metadata?: { httpStatusCode?: number } });
  return { ok, errs };
}

describe('throttling', () => {
  it('a burst of 20 with maxAttempts 1: about the bucket size succeeds, the rest is ThrottlingException 429 and not executed', async () => {
    await refill();
    const c = t.client(); // maxAttempts: 1
    const started = Date.now();
    const { ok, errs } = await settle(Array.from({ length: 20 }, (_, i) => c.send(new qs.CreateActionConnectorCommand(createInput(`burst-${i}`)))));
    // The bucket (5) plus what refilled (5/s) while the burst was being served.
    const refilled = Math.ceil(((Date.now() - started) / 1000) * 5);
    expect(ok).toBeGreaterThanOrEqual(5);
    expect(ok).toBeLessThanOrEqual(5 + refilled);
    expect(errs.length).toBeGreaterThan(0);
    expect(errs.length).toBe(20 - ok);
    for (const e of errs) {
      expect(e.name).toBe('ThrottlingException');
      expect(e.$metadata?.httpStatusCode).toBe(429);
    }
    await refill();
    const listed = (await list(c)).ActionConnectorSummaries!.filter((s) => s.ActionConnectorId!.startsWith('burst-'));
    expect(listed).toHaveLength(ok);
  });

  it("with the SDK's standard retries every call of the burst eventually succeeds", async () => {
    await refill();
    const c = new qs.QuickSightClient({ region: REGION, endpoint: t.endpoint, credentials: ADMIN, maxAttempts: 6 });
    try {
      const { ok, errs } = await settle(Array.from({ length: 20 }, (_, i) => c.send(new qs.CreateActionConnectorCommand(createInput(`retried-${i}`)))));
      expect(errs.map((e) => e.name)).toEqual([]);
      expect(ok).toBe(20);
    } finally {
      c.destroy();
    }
    await refill();
    const listed = (await list(t.client())).ActionConnectorSummaries!.filter((s) => s.ActionConnectorId!.startsWith('retried-'));
    expect(listed).toHaveLength(20);
  });

  it("with the SDK's adaptive retry mode (client-side rate limiting) the burst also succeeds", async () => {
    await refill();
    const c = new qs.QuickSightClient({ region: REGION, endpoint: t.endpoint, credentials: ADMIN, maxAttempts: 5, retryMode: 'adaptive' });
    try {
      const { errs } = await settle(Array.from({ length: 20 }, () => list(c)));
      expect(errs.map((e) => e.name)).toEqual([]);
    } finally {
      c.destroy();
    }
  });

  it("buckets are per account: one account's burst does not throttle another", async () => {
    await refill();
    const mine = t.client();
    const theirs = t.client(other);
    const a = await settle(Array.from({ length: 30 }, () => list(mine)));
    expect(a.errs.length).toBeGreaterThan(0);
    const b = await settle(Array.from({ length: 5 }, () => list(theirs, OTHER_ACCOUNT)));
    expect(b.errs).toEqual([]);
  });

  it("unauthenticated and badly signed requests do not spend the account's tokens", async () => {
    await refill();
    const bad = new qs.QuickSightClient({
      region: REGION,
      endpoint: t.endpoint,
      credentials: { ...ADMIN, secretAccessKey: 'wrong-secret-0000000000' },
      maxAttempts: 1,
    });
    try {
      const r = await settle(Array.from({ length: 30 }, () => list(bad)));
      expect(r.errs.every((e) => e.name === 'InvalidSignatureException')).toBe(true);
      for (let i = 0; i < 30; i++) expect((await fetch(`${t.endpoint}/accounts/${ACCOUNT}/action-connectors`)).status).toBe(403);
    } finally {
      bad.destroy();
    }
    const good = await settle(Array.from({ length: 5 }, () => list(t.client())));
    expect(good.errs).toEqual([]);
  });
});

describe('Throttle (unit)', () => {
  it('refills at the rate, up to the burst', () => {
    let now = 0;
    const th = new Throttle({ ratePerSecond: 2, burst: 3 }, () => now);
    for (let i = 0; i < 3; i++) th.take('a');
    expect(() => th.take('a')).toThrow(/Rate exceeded/);
    now += 499;
    expect(() => th.take('a')).toThrow();
    now += 2;
    th.take('a'); // one token after 0.5 s
    expect(() => th.take('a')).toThrow();
    now += 60_000;
    for (let i = 0; i < 3; i++) th.take('a'); // never more than the burst
    expect(() => th.take('a')).toThrow();
    th.take('b');
  });

  it('rate 0 disables throttling', () => {
    const th = new Throttle({ ratePerSecond: 0, burst: 0 });
    for (let i = 0; i < 1000; i++) th.take('a');
  });
});
