// Console sessions across the nodes of one deployment (PostgreSQL): a session opened
// on one node is served by another (only its hash is in the shared database), signing
// out on one ends it everywhere, and failed sign-ins count across nodes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT } from './helpers.js';
import { PG_SKIP_REASON, PG_URL } from './support/pg-store.js';
import { ConsoleClient, startTwoConsoleNodes, type ClockServer } from './support/console.js';

if (!PG_URL) process.stderr.write(`\n[actionbridge] console multi-node tests: ${PG_SKIP_REASON}\n\n`);

const PASSWORD = 'shared-console-password';

describe.skipIf(!PG_URL)('console sessions on several nodes (PostgreSQL)', () => {
  let nodes: Awaited<ReturnType<typeof startTwoConsoleNodes>> | undefined;
  let a: ClockServer;
  let b: ClockServer;
  beforeAll(async () => {
    nodes = await startTwoConsoleNodes('console', PASSWORD);
    ({ a, b } = nodes);
  });
  afterAll(async () => {
    await nodes?.stop();
  });

  it('a session opened on one node works on the other; signing out on that one ends it on both', async () => {
    const onA = new ConsoleClient(a.endpoint);
    expect((await onA.signIn({ AccountId: ACCOUNT, UserName: 'admin', Password: PASSWORD })).status).toBe(200);
    const onB = new ConsoleClient(b.endpoint);
    for (const [k, v] of onA.jar) onB.jar.set(k, v);
    const list = await onB.call('ListActionConnectors');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect((await onB.request('POST', '/console/api/sign-out')).status).toBe(200);
    expect((await onA.call('ListActionConnectors')).errorType).toBe('MissingAuthenticationTokenException');
  });

  it('counts failed sign-ins across nodes', async () => {
    const fromA = new ConsoleClient(a.endpoint, '127.0.0.6');
    const fromB = new ConsoleClient(b.endpoint, '127.0.0.6');
    for (let i = 0; i < 5; i++) {
      const r = await (i % 2 ? fromB : fromA).signIn({ AccountId: ACCOUNT, UserName: 'admin', Password: `wrong-${i}` });
      expect(r.errorType).toBe('AccessDeniedException');
    }
    expect((await fromB.signIn({ AccountId: ACCOUNT, UserName: 'admin', Password: PASSWORD })).errorType).toBe('ThrottlingException');
    expect((await fromA.signIn({ AccountId: ACCOUNT, UserName: 'admin', Password: PASSWORD })).errorType).toBe('ThrottlingException');
    await Promise.all([fromA.close(), fromB.close()]);
  });
});
