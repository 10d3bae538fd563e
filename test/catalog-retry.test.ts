// Retries: idempotent requests only, on 429 and 5xx, with exponential backoff and
// full jitter, honouring Retry-After, bounded in attempts and total time. The
// clock and sleep are injected: no test waits for real time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Egress, EgressError } from '../src/egress/index.js';
import { InvalidParameterException, ThrottlingException } from '@aws-sdk/client-textract';
import {
  defaultRetryPolicy,
  findAction,
  invokeHttpAction,
  isRetryableStatus,
  nextDelay,
  parseRetryAfter,
  withAwsRetries,
  withRetries,
} from '../src/catalog/index.js';
import { startHttpsServer, type TestHttpsServer } from './support/https-server.js';
import { staticResolver } from './support/resolver.js';
import { createTestCa } from './support/tls.js';

const NOW = Date.parse('2025-01-01T00:00:00Z');

describe('the policy (pure)', () => {
  it('retries 429 and transient 5xx only', () => {
    for (const s of [429, 500, 502, 503, 504, 599]) expect(isRetryableStatus(s), String(s)).toBe(true);
    for (const s of [200, 204, 301, 400, 401, 403, 404, 409, 501, 505]) expect(isRetryableStatus(s), String(s)).toBe(false);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', NOW)).toBe(5000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-1', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });

  it('backs off exponentially with full jitter, capped', () => {
    const at = (attempt: number, random: number) =>
      nextDelay({ attempt, status: 503, elapsedMs: 0, now: NOW }, { ...defaultRetryPolicy, maxAttempts: 10 }, () => random);
    expect(at(1, 0.999)).toBe(249);
    expect(at(2, 0.999)).toBe(499);
    expect(at(3, 0.5)).toBe(500);
    expect(at(9, 0.999)).toBe(4995); // capped at maxDelayMs
    expect(at(1, 0)).toBe(0);
  });

  it('honours Retry-After over the backoff', () => {
    expect(nextDelay({ attempt: 1, status: 429, retryAfter: '2', elapsedMs: 0, now: NOW })).toBe(2000);
    expect(nextDelay({ attempt: 1, status: 503, retryAfter: 'Wed, 01 Jan 2025 00:00:04 GMT', elapsedMs: 0, now: NOW })).toBe(4000);
  });

  it('stops when attempts are used up, the status is final, or the wait would pass the total bound', () => {
    expect(nextDelay({ attempt: 3, status: 503, elapsedMs: 0, now: NOW })).toBeUndefined();
    expect(nextDelay({ attempt: 1, status: 400, elapsedMs: 0, now: NOW })).toBeUndefined();
    expect(nextDelay({ attempt: 1, status: 200, retryAfter: '1', elapsedMs: 0, now: NOW })).toBeUndefined();
    expect(nextDelay({ attempt: 1, status: 429, retryAfter: '30', elapsedMs: 0, now: NOW })).toBeUndefined();
    expect(nextDelay({ attempt: 2, status: 429, retryAfter: '5', elapsedMs: 16_000, now: NOW })).toBeUndefined();
    expect(nextDelay({ attempt: 2, status: 429, retryAfter: '4', elapsedMs: 16_000, now: NOW })).toBe(4000);
  });
});

/** A fake clock that sleeping advances. */
function fakeTime() {
  let t = NOW;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

describe('the loop', () => {
  const res = (status: number, headers: Record<string, string> = {}) => ({ status, headers });

  it('a 429 with Retry-After, then 200, succeeds on the second attempt', async () => {
    const time = fakeTime();
    const answers = [res(429, { 'retry-after': '1' }), res(200)];
    const out = await withRetries(async () => answers.shift()!, { idempotent: true, ...time });
    expect(out).toEqual({ response: res(200), attempts: 2 });
    expect(time.sleeps).toEqual([1000]);
  });

  it('endless 503 gives up after the attempt bound', async () => {
    const time = fakeTime();
    let sent = 0;
    const out = await withRetries(
      async () => {
        sent++;
        return res(503);
      },
      { idempotent: true, ...time, random: () => 0.5 },
    );
    expect(out.response.status).toBe(503);
    expect(sent).toBe(3);
    expect(time.sleeps).toEqual([125, 250]);
  });

  it('endless 503 with long Retry-After gives up within the total bound', async () => {
    const time = fakeTime();
    let sent = 0;
    const out = await withRetries(
      async () => {
        sent++;
        return res(503, { 'retry-after': '8' });
      },
      { idempotent: true, policy: { maxAttempts: 100 }, ...time },
    );
    expect(out.response.status).toBe(503);
    expect(sent).toBe(3); // at 0 s, 8 s, 16 s; a fourth would start at 24 s
    expect(time.now() - NOW).toBeLessThanOrEqual(defaultRetryPolicy.maxTotalMs);
  });

  it('sends a non-idempotent request once', async () => {
    const time = fakeTime();
    let sent = 0;
    const out = await withRetries(
      async () => {
        sent++;
        return res(503);
      },
      { idempotent: false, ...time },
    );
    expect([sent, out.attempts, time.sleeps]).toEqual([1, 1, []]);
  });

  it('retries a connection failure of an idempotent request, not a policy refusal', async () => {
    const time = fakeTime();
    const answers: (() => never | ReturnType<typeof res>)[] = [
      () => {
        throw new EgressError('connection', 'reset');
      },
      () => res(200),
    ];
    expect((await withRetries(async () => answers.shift()!(), { idempotent: true, ...time })).attempts).toBe(2);
    await expect(
      withRetries(
        async () => {
          throw new EgressError('refused-address', 'no');
        },
        { idempotent: true, ...time },
      ),
    ).rejects.toThrow('no');
    await expect(
      withRetries(
        async () => {
          throw new EgressError('connection', 'reset');
        },
        { idempotent: false, ...time },
      ),
    ).rejects.toThrow('reset');
  });
});

describe('AWS SDK sends (clients making one attempt each) by the same policy', () => {
  const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });
  const serverError = (status: number) => Object.assign(new Error('internal'), { name: 'InternalServerError', ...meta(status) });

  it('retries AWS throttling codes whatever the status, 429 and 5xx; answers the output and the attempts', async () => {
    const time = fakeTime();
    const answers: (() => unknown)[] = [
      () => {
        throw new ThrottlingException({ message: 'Rate exceeded', ...meta(400) });
      },
      () => {
        throw serverError(503);
      },
      () => ({ Blocks: [], ...meta(200) }),
    ];
    const out = await withAwsRetries(async () => answers.shift()!(), time);
    expect([out.output, out.attempts, time.sleeps.length]).toEqual([{ Blocks: [], ...meta(200) }, 3, 2]);
  });

  it('a final service error is thrown after one attempt; endless throttling after the bounded attempts; an egress refusal at once', async () => {
    const time = fakeTime();
    let sent = 0;
    await expect(
      withAwsRetries(async () => {
        sent++;
        throw new InvalidParameterException({ message: 'bad', ...meta(400) });
      }, time),
    ).rejects.toThrow('bad');
    expect(sent).toBe(1);
    sent = 0;
    await expect(
      withAwsRetries(async () => {
        sent++;
        throw new ThrottlingException({ message: 'Rate exceeded', ...meta(400) });
      }, time),
    ).rejects.toThrow('Rate exceeded');
    expect(sent).toBe(defaultRetryPolicy.maxAttempts);
    sent = 0;
    await expect(
      withAwsRetries(async () => {
        sent++;
        throw serverError(501);
      }, time),
    ).rejects.toThrow('internal');
    expect(sent).toBe(1);
    sent = 0;
    await expect(
      withAwsRetries(async () => {
        sent++;
        throw new EgressError('refused-address', 'no');
      }, time),
    ).rejects.toThrow('no');
    expect(sent).toBe(1);
  });
});

describe('invocations against a local upstream', () => {
  let server: TestHttpsServer;
  let egress: Egress;
  let script: { status: number; headers?: Record<string, string>; body?: string }[] = [];
  let hits = 0;

  beforeAll(async () => {
    const ca = createTestCa();
    server = await startHttpsServer({
      cert: ca.issue({ dnsNames: ['slack.com', 'api.vendor.example'], ips: ['127.0.0.1'] }),
      handler: (req, res) => {
        hits++;
        const next = script.length > 1 ? script.shift()! : script[0]!;
        req.resume().on('end', () => res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers }).end(next.body ?? ''));
      },
    });
    egress = new Egress({
      caPems: [ca.certPem],
      allowCidrs: ['127.0.0.1/32'],
      resolve: staticResolver({ 'slack.com': '127.0.0.1', 'api.vendor.example': '127.0.0.1' }).resolve,
    });
  });
  afterAll(async () => {
    await egress.close();
    await server.close();
  });
  const send = (req: Parameters<typeof egress.request>[0]) => egress.request(req);

  it('Slack: 429 with Retry-After, then the answer', async () => {
    hits = 0;
    script = [
      { status: 429, headers: { 'retry-after': '1' }, body: '{"ok":false,"error":"ratelimited"}' },
      { status: 200, body: '{"ok":true,"channels":[],"response_metadata":{"next_cursor":""}}' },
    ];
    const time = fakeTime();
    const out = await invokeHttpAction(
      findAction('SLACK', 'ListChannels')!,
      {},
      { baseEndpoint: `https://slack.com:${server.port}/api`, send, sleep: time.sleep },
    );
    expect(out).toEqual({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200, Output: { Channels: [] }, attempts: 2 });
    expect(hits).toBe(2);
    expect(time.sleeps).toEqual([1000]);
  });

  it('endless 503: FAILED with the upstream status after the bounded attempts', async () => {
    hits = 0;
    script = [{ status: 503, headers: { 'retry-after': '2' }, body: '{"message":"unavailable"}' }];
    const time = fakeTime();
    const out = await invokeHttpAction(
      findAction('GENERIC_HTTP', 'HttpRequest')!,
      { Method: 'GET', Path: 'health' },
      { baseEndpoint: `https://api.vendor.example:${server.port}`, send, sleep: time.sleep },
    );
    expect(out.InvokeActionStatus).toBe('FAILED');
    expect(out.HttpStatusCode).toBe(503);
    expect(out.attempts).toBe(3);
    expect(hits).toBe(3);
    expect(time.sleeps).toEqual([2000, 2000]);
  });

  it('SAP write: a refused csrf-token fetch is FAILED and the write is not sent', async () => {
    hits = 0;
    script = [{ status: 401, body: '{"error":{"message":{"value":"Unauthorized"}}}' }];
    const out = await invokeHttpAction(
      findAction('SAP_PRODUCTMASTERDATA', 'CreateProduct')!,
      { Entity: { Product: 'FG1' } },
      { baseEndpoint: `https://api.vendor.example:${server.port}`, send },
    );
    expect([out.InvokeActionStatus, out.HttpStatusCode, out.attempts, hits]).toEqual(['FAILED', 401, 0, 1]);
  });

  it('a POST that is not idempotent is sent once', async () => {
    hits = 0;
    script = [{ status: 503 }];
    const out = await invokeHttpAction(
      findAction('SLACK', 'PostMessage')!,
      { Channel: 'C012AB3CD', Text: 'hi' },
      {
        baseEndpoint: `https://slack.com:${server.port}/api`,
        send,
        sleep: async () => {
          throw new Error('no sleep expected');
        },
      },
    );
    expect([out.InvokeActionStatus, out.HttpStatusCode, out.attempts, hits]).toEqual(['FAILED', 503, 1, 1]);
  });
});
