// The one retry policy of outbound calls, HTTP actions and AWS actions alike (the
// AWS SDK clients make one attempt each: connections/aws-clients.ts).
// Retries of idempotent requests on 429 and 5xx (and what the sender classifies as
// retryable: AWS throttling codes, see invoke-aws.ts): exponential backoff with full
// jitter, honouring Retry-After (RFC 9110 §10.2.3: delay-seconds or an HTTP-date),
// bounded in attempts and in total time. `nextDelay` is the pure policy; `withRetries`
// is the loop, with `send`, `sleep` and the clock injected so tests need no timers.
import { isThrottlingError, isTransientError } from '@smithy/core/retry';
import { isEgressError } from '../egress/index.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** No retry is scheduled that would start later than this after the first attempt started. */
  maxTotalMs: number;
  /** The backoff before the second attempt (before jitter); doubled for each later one. */
  baseDelayMs: number;
  /** The largest backoff (before jitter). */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 3, maxTotalMs: 20_000, baseDelayMs: 250, maxDelayMs: 5_000 };

/** 429, and 5xx other than 501 Not Implemented and 505 HTTP Version Not Supported. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

/** Retry-After in milliseconds from `now`, or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date names its day and month ("Wed, 21 Oct 2015 07:28:00 GMT"); anything else is unreadable.
  if (!/^[A-Za-z]{3},? /.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

export interface AttemptOutcome {
  /** 1 for the first attempt. */
  attempt: number;
  /** The response status; undefined when the attempt failed without one (a retryable connection error). */
  status?: number;
  /** The sender's own word that the answer is worth another attempt whatever its status (an AWS throttling error answered with 400). */
  retryable?: boolean;
  retryAfter?: string;
  /** Time since the first attempt started. */
  elapsedMs: number;
  now: number;
}

/**
 * The delay before the next attempt, or undefined to stop: the outcome is not
 * retryable, attempts are used up, or the wait (Retry-After, or backoff with full
 * jitter) would end past the total bound.
 */
export function nextDelay(outcome: AttemptOutcome, policy: RetryPolicy = defaultRetryPolicy, random: () => number = Math.random): number | undefined {
  if (outcome.status !== undefined && !outcome.retryable && !isRetryableStatus(outcome.status)) return undefined;
  if (outcome.attempt >= policy.maxAttempts) return undefined;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (outcome.attempt - 1));
  const retryAfter = parseRetryAfter(outcome.retryAfter, outcome.now);
  // The server's word wins when it gives one; otherwise full jitter over the backoff.
  const delay = retryAfter !== undefined ? retryAfter : Math.floor(random() * backoff);
  if (outcome.elapsedMs + delay > policy.maxTotalMs) return undefined;
  return delay;
}

/** Egress failures worth another attempt of an idempotent request: the connection, not the policy. */
export function isRetryableError(err: unknown): boolean {
  return isEgressError(err) && (err.reason === 'connection' || err.reason === 'connect-timeout');
}

export interface RetryResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Retry whatever the status (see AttemptOutcome.retryable). */
  retryable?: boolean;
}

export interface RetryOptions {
  /** When false, the request is sent once. */
  idempotent: boolean;
  policy?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends until a response that is not retried; returns it (a final 429/5xx included) and the attempts made. */
export async function withRetries<R extends RetryResponse>(
  send: (attempt: number) => Promise<R>,
  options: RetryOptions,
): Promise<{ response: R; attempts: number }> {
  const policy = { ...defaultRetryPolicy, ...options.policy };
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    let response: R | undefined;
    let error: unknown;
    try {
      response = await send(attempt);
    } catch (err) {
      if (!options.idempotent || !isRetryableError(err)) throw err;
      error = err;
    }
    if (!options.idempotent) return { response: response!, attempts: attempt };
    const t = now();
    const retryAfter = response?.headers['retry-after'];
    const delay = nextDelay(
      {
        attempt,
        status: response?.status,
        retryable: response?.retryable,
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
        elapsedMs: t - started,
        now: t,
      },
      policy,
      options.random,
    );
    if (delay === undefined) {
      if (response) return { response, attempts: attempt };
      throw error;
    }
    await sleep(delay);
  }
}

/** An AWS SDK service error: its HTTP status in `$metadata`, the raw response (Retry-After) in `$response`. */
export interface AwsServiceError {
  name: string;
  message: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

const isAwsServiceError = (e: unknown): e is AwsServiceError & { $metadata: { httpStatusCode: number } } =>
  typeof e === 'object' &&
  e !== null &&
  '$metadata' in e &&
  typeof e.$metadata === 'object' &&
  e.$metadata !== null &&
  'httpStatusCode' in e.$metadata &&
  typeof e.$metadata.httpStatusCode === 'number';

/** A rejection of an AWS SDK send that carries the service's HTTP status (a service error), else undefined. */
export function awsServiceError(err: unknown): (AwsServiceError & { $metadata: { httpStatusCode: number } }) | undefined {
  return isAwsServiceError(err) ? err : undefined;
}

/**
 * Sends an AWS SDK command (a client making one attempt per send) until an answer
 * that is not retried, by the same policy as HTTP requests: a service error is an
 * answer with its status; AWS's throttling codes (ThrottlingException, SlowDown, ...
 * even when answered with 400) and transient errors are retried like a 429 or 503,
 * as the AWS SDKs retry them; Retry-After is honoured. Every AWS API call is retried
 * (idempotent), as the SDKs do. Resolves the output and the attempts made; rejects
 * with the last service error when that was final, or with what the send threw.
 */
export async function withAwsRetries<O>(
  send: (attempt: number) => Promise<O>,
  options: Omit<RetryOptions, 'idempotent'> = {},
): Promise<{ output: O; attempts: number }> {
  type Attempt = RetryResponse & ({ output: O } | { error: AwsServiceError });
  const { response, attempts } = await withRetries(
    async (attempt): Promise<Attempt> => {
      try {
        return { status: 200, headers: {}, output: await send(attempt) };
      } catch (err) {
        const e = awsServiceError(err);
        if (!e) throw err;
        const retryable = isThrottlingError(e as never) || isTransientError(e as never);
        return { status: e.$metadata.httpStatusCode, headers: e.$response?.headers ?? {}, retryable, error: e };
      }
    },
    { ...options, idempotent: true },
  );
  if ('error' in response) throw response.error;
  return { output: response.output, attempts };
}
