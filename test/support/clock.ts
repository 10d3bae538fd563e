// A test server's clock (startTestServer's `now`): real time plus a skew that a test moves
// forward to reach a renewal point (a token's or credentials' refreshAt) at once instead of
// waiting for it. Only our code that takes `now` sees it; peers (the OAuth provider, STS)
// keep real time, so what they issued is still valid when the server renews it early.

export interface TestClock {
  now(): number;
  /** Moves the clock forward so that it reads at least `t` (ms since the epoch); never back. */
  reach(t: number): void;
  /** Back to real time. */
  reset(): void;
}

export function testClock(): TestClock {
  let skew = 0;
  return {
    now: () => Date.now() + skew,
    reach(t) {
      skew = Math.max(skew, t - Date.now());
    },
    reset() {
      skew = 0;
    },
  };
}
