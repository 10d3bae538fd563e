// Waiting for a condition instead of sleeping.
export async function waitFor(condition: () => boolean, { timeoutMs = 5_000, what = 'condition' } = {}): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
