// Sign-in attacks on the console API (test/security-signin.test.ts): many sign-ins at
// once, each a plain POST /console/api/sign-in (no cookies), with the answers counted
// by status.
import { randomBytes } from 'node:crypto';
import { Agent, fetch } from 'undici';

export interface SignInAnswer {
  status: number;
  errorType: string | null;
  retryAfter: string | null;
  message: string;
}

/** Sign-in requests over one connection pool of their own (no limit on connections). */
export class SignInAttacker {
  private readonly agent = new Agent({ connections: null, pipelining: 0 });

  constructor(readonly endpoint: string) {}

  async signIn(body: Record<string, string>, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<SignInAnswer> {
    const res = await fetch(new URL('/console/api/sign-in', this.endpoint), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      dispatcher: this.agent,
      signal,
    });
    const text = await res.text();
    let message = '';
    try {
      message = String((JSON.parse(text) as { Message?: unknown }).Message ?? '');
    } catch {
      message = text;
    }
    return { status: res.status, errorType: res.headers.get('x-amzn-errortype'), retryAfter: res.headers.get('retry-after'), message };
  }

  /** `n` sign-ins at once; the answers in the order sent. */
  burst(n: number, body: (i: number) => Record<string, string>, headers: (i: number) => Record<string, string> = () => ({})): Promise<SignInAnswer[]> {
    return Promise.all(Array.from({ length: n }, (_, i) => this.signIn(body(i), headers(i))));
  }

  /**
   * `initial` sign-ins at once, then `loops` senders that each send the next one as soon as
   * the previous is answered, until `until` settles: the server's hashing stays busy the
   * whole time. Each attempt is for a user that does not exist (a fresh name), from a
   * fresh forwarded address (a server that trusts X-Forwarded-For sees a botnet). When
   * `until` settles, no more are sent, and those still unanswered 3 s later are abandoned
   * (counted as status 0). `counts` fills as answers come.
   */
  flood(opts: { account: string; initial: number; loops: number; until: Promise<unknown> }): {
    counts: Map<number, number>;
    done: Promise<Map<number, number>>;
  } {
    const counts = new Map<number, number>();
    const stop = new AbortController();
    let sending = true;
    void opts.until.finally(() => {
      sending = false;
      setTimeout(() => stop.abort(), 3000).unref();
    });
    const one = async () => {
      const r = await this.signIn(
        { AccountId: opts.account, UserName: `nobody-${randomBytes(6).toString('hex')}`, Password: 'Winter2026!Winter' },
        { 'x-forwarded-for': randomAddress() },
        stop.signal,
      ).catch(() => ({ status: 0 }));
      counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    };
    const loop = async () => {
      while (sending) await one();
    };
    const done = Promise.all([...Array.from({ length: opts.initial }, one), ...Array.from({ length: opts.loops }, loop)]).then(() => counts);
    return { counts, done };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** An address in 198.18.0.0/15 (benchmarking range): a different one each call, nearly always. */
export function randomAddress(): string {
  const b = randomBytes(3);
  return `198.${18 + (b[0]! & 1)}.${b[1]}.${b[2]}`;
}

/** How many answers had each status: `{401: 5, 429: 55}`. */
export function byStatus(answers: { status: number }[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const a of answers) out[a.status] = (out[a.status] ?? 0) + 1;
  return out;
}
