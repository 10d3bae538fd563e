// Waiting for a condition instead of sleeping.
export async function waitFor(condition: () => boolean, { timeoutMs = 5_000, what = 'condition' } = {}): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Runs `fn` until it returns true, for at most `ms`; returns whether it did (for conditions reached through another node or process). */
export async function eventually(fn: () => Promise<boolean>, ms = 2_000): Promise<boolean> {
  for (const end = Date.now() + ms; ; ) {
    if (await fn()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
}
