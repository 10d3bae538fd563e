// Issue 13, finding 9: /readyz answers anyone, and it showed the database driver's
// error text (which can name hosts, users, file paths, SQL). Now it says which check
// failed with a fixed text; the raw error goes to the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

describe('/readyz', () => {
  it('a failing database: 503 with fixed texts to the unauthenticated caller, the raw error only in the log', async () => {
    expect((await fetch(`${t.endpoint}/readyz`)).status).toBe(200);
    // The raw error text the driver gives for a query now.
    const raw = await t.server.store
      .close()
      .then(() => t.server.store.meta.getMeta('x'))
      .then(
        () => '',
        (e: Error) => e.message,
      );
    expect(raw.length).toBeGreaterThan(0);

    const res = await fetch(`${t.endpoint}/readyz`);
    expect(res.status).toBe(503);
    const text = await res.text();
    const body = JSON.parse(text) as { status: string; checks: Record<string, { ok: boolean; message: string }> };
    expect(body.status).toBe('not ready');
    expect(body.checks).toEqual({
      database: { ok: false, message: 'the database does not answer' },
      migrations: { ok: false, message: 'unknown: the database did not answer' },
      masterKey: { ok: true, message: 'the master key is loaded and opens what it seals' },
    });
    expect(text).not.toContain(raw);
    expect(text.toLowerCase()).not.toMatch(/destroyed|sqlite|kysely|error/);

    const logged = t
      .logs()
      .split('\n')
      .filter((l) => l.includes('"not ready"'));
    expect(logged.length).toBeGreaterThanOrEqual(1);
    expect(logged.join('\n')).toContain(raw);
  });
});
