// Graceful shutdown of a real server process (bin/actionbridge serve): SIGTERM while
// 100 slow invocations (TestActionConnector against a slow HTTPS upstream) are in
// flight — new connections are refused at once, every request in flight finishes,
// the database is closed, exit code 0. The bound (--shutdown-timeout-ms) is real,
// and a second signal exits at once.
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, qs, startChildServer, tempDir } from './helpers.js';
import { connectorOps } from './support/extension-client.js';
import { startHttpsServer, type TestHttpsServer } from './support/https-server.js';
import { createTestCa } from './support/tls.js';
import { openStore } from '../src/store/open.js';

let upstream: TestHttpsServer;
let caFile: string;
let received = 0;
/** Requests that reached /hang (never answered). */
let hanging = 0;
let release: () => void = () => {};
let gate: Promise<void> = Promise.resolve();

/** Resolves once `cond` holds; fails after `ms`. */
async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Whether a new TCP connection to the port is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

beforeAll(async () => {
  const ca = createTestCa();
  const dir = tempDir('ab-shutdown-ca-');
  caFile = path.join(dir, 'ca.pem');
  writeFileSync(caFile, ca.certPem);
  // Answers once the test opens the gate (/slow), or never (/hang).
  upstream = await startHttpsServer({
    cert: ca.issue({ ips: ['127.0.0.1'] }),
    handler: (req, res) => {
      if (req.url === '/hang') {
        hanging++;
        return;
      }
      received++;
      void gate.then(() => setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('slow but fine'), 50));
    },
  });
});
afterAll(async () => {
  release();
  await upstream?.close();
});

async function serverWithSlowConnector(extraArgs: string[], id: string, base: string) {
  const dataDir = tempDir('ab-shutdown-');
  const srv = await startChildServer(dataDir, ['--ca-file', caFile, '--egress-allow', '127.0.0.1/32', ...extraArgs]);
  const client = new qs.QuickSightClient({ region: 'us-east-1', endpoint: srv.endpoint, credentials: ADMIN, maxAttempts: 1 });
  await client.send(
    new qs.CreateActionConnectorCommand({
      AwsAccountId: ACCOUNT,
      ActionConnectorId: id,
      Name: id,
      Type: 'GENERIC_HTTP',
      AuthenticationConfig: { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: base } } },
    }),
  );
  client.destroy();
  return { srv, dataDir };
}

describe('graceful shutdown', () => {
  it('SIGTERM during 100 in-flight slow invocations: all finish, new connections are refused, exit code 0', async () => {
    received = 0;
    gate = new Promise<void>((r) => {
      release = r;
    });
    const { srv, dataDir } = await serverWithSlowConnector(['--shutdown-timeout-ms', '30000'], 'slow', upstream.url('/slow'));
    const ops = connectorOps(srv.endpoint, ACCOUNT, 'slow');
    const calls = Array.from({ length: 100 }, () => ops.test(ADMIN));
    // All 100 are inside the server, each waiting on the upstream.
    await until(() => received === 100, 30_000, '100 requests at the upstream');

    const started = Date.now();
    srv.child.kill('SIGTERM');
    // The listening socket closes at once: a new connection is refused.
    await until(() => srv.output().includes('shutting down'), 5_000, 'the shutdown log line');
    let refused = false;
    for (let i = 0; i < 100 && !refused; i++) {
      refused = !(await accepts(srv.port));
      if (!refused) await new Promise((r) => setTimeout(r, 20));
    }
    expect(refused).toBe(true);
    await expect(fetch(`${srv.endpoint}/healthz`)).rejects.toThrow();
    expect(srv.child.exitCode).toBeNull();

    release();
    const answers = await Promise.all(calls);
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body).toMatchObject({ Success: true, HttpStatusCode: 200 });
    }
    expect(await srv.exited()).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(srv.output()).toMatch(/stopped: every request finished/);
    // Each request's one log line was written before the exit.
    expect(
      srv
        .output()
        .split('\n')
        .filter((l) => l.includes('"op":"TestActionConnector"')).length,
    ).toBe(100);

    // What the requests committed is there (their last test result), and the database opens clean.
    const store = await openStore({ dataDir });
    try {
      const last = await store.connections.getTestResult({ region: 'us-east-1', accountId: ACCOUNT, id: 'slow' });
      expect(last).toMatchObject({ success: true, httpStatus: 200 });
    } finally {
      await store.close();
    }
  });

  it('past --shutdown-timeout-ms the connections still open are cut and the exit code is 1; a second signal exits at once', async () => {
    // Both servers start at once (a process start-up each); each gets one request that never ends.
    const [a, b] = await Promise.all([
      serverWithSlowConnector(['--shutdown-timeout-ms', '300'], 'hang', upstream.url('/hang')),
      serverWithSlowConnector(['--shutdown-timeout-ms', '60000'], 'hang2', upstream.url('/hang')),
    ]);
    hanging = 0;
    const stuck = connectorOps(a.srv.endpoint, ACCOUNT, 'hang').test(ADMIN);
    const stuck2 = connectorOps(b.srv.endpoint, ACCOUNT, 'hang2')
      .test(ADMIN)
      .catch((e: Error) => e);
    await until(() => hanging === 2, 30_000, 'both requests at the upstream');
    const t0 = Date.now();
    a.srv.child.kill('SIGTERM');
    await expect(stuck).rejects.toThrow();
    expect(await a.srv.exited()).toBe(1);
    expect(Date.now() - t0).toBeLessThan(8_000);
    expect(a.srv.output()).toMatch(/shutdown bound reached/);

    b.srv.child.kill('SIGTERM');
    await until(() => b.srv.output().includes('shutting down'), 5_000, 'the shutdown log line');
    const t1 = Date.now();
    b.srv.child.kill('SIGTERM');
    expect(await b.srv.exited()).toBe(130);
    expect(Date.now() - t1).toBeLessThan(3_000);
    expect(await stuck2).toBeInstanceOf(Error);
  });
});
