// The server's standard output (src/server/log-destination.ts): the lines of one turn of the
// event loop go out in one write — synchronously to a file or a device, through sonic-boom
// to a pipe — none is lost, split, repeated or reordered, and what is pending when the
// process exits (the "stopped" line, logged just before process.exit) is written.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TurnBatchedDestination } from '../src/server/log-destination.js';
import { ACCOUNT, ADMIN, BIN, freePort, qs, tempDir, TEST_STORE, untilHealthy } from './helpers.js';

type Line = Record<string, unknown>;
const parse = (text: string): Line[] =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);

/** `bin/actionbridge serve` with its standard output where `stdout` says; its stderr kept. */
async function serve(stdout: number | 'pipe') {
  const dataDir = tempDir();
  const port = await freePort();
  const child = spawn(BIN, ['serve', '--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir], {
    env: {
      ...process.env,
      ACTIONBRIDGE_ACCOUNT_ID: ACCOUNT,
      ACTIONBRIDGE_ACCESS_KEY_ID: ADMIN.accessKeyId,
      ACTIONBRIDGE_SECRET_ACCESS_KEY: ADMIN.secretAccessKey,
      ACTIONBRIDGE_THROTTLE_RATE: '0',
    },
    stdio: ['ignore', stdout, 'pipe'],
  });
  let piped = '';
  child.stdout?.on('data', (d) => {
    piped += d;
  });
  let err = '';
  child.stderr!.on('data', (d) => {
    err += d;
  });
  const endpoint = `http://127.0.0.1:${port}`;
  await untilHealthy(child, endpoint, () => err);
  const client = new qs.QuickSightClient({ region: 'us-east-1', endpoint, credentials: ADMIN, maxAttempts: 1 });
  const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  return { child, client, piped: () => piped, exited };
}

/** `n` Lists, `parallel` at a time; their request ids in the order sent. */
async function lists(client: qs.QuickSightClient, n: number, parallel: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += parallel) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(parallel, n - i) }, () => client.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }))),
    );
    for (const r of batch) ids.push(r.RequestId!);
  }
  return ids;
}

// The child server is SQLite's here (its own data dir): what is tested is its standard output.
describe.skipIf(TEST_STORE === 'postgres')('standard output of the server process', () => {
  it('a file: one request line per request, whole and in order; the line logged just before exit is there', async () => {
    const file = path.join(tempDir(), 'out.log');
    const fd = openSync(file, 'a');
    const s = await serve(fd);
    closeSync(fd);
    const one = await lists(s.client, 20, 1);
    const many = await lists(s.client, 200, 25);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    const lines = parse(readFileSync(file, 'utf8'));
    const requests = lines.filter((l) => l.msg === 'request' && l.op === 'ListActionConnectors');
    expect(requests).toHaveLength(220);
    // One at a time: in the order answered. Then 25 at a time: each once.
    expect(requests.slice(0, 20).map((l) => l.requestId)).toEqual(one);
    expect(new Set(requests.slice(20).map((l) => l.requestId))).toEqual(new Set(many));
    // Logged, then process.exit at once: written by the exit handler.
    expect(lines.at(-1)?.msg).toMatch(/^stopped: every request finished/);
  });

  it('a pipe: every line arrives whole, once, and the line logged just before exit too', async () => {
    const s = await serve('pipe');
    const ids = await lists(s.client, 200, 25);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    const lines = parse(s.piped());
    const requests = lines.filter((l) => l.msg === 'request' && l.op === 'ListActionConnectors');
    expect(requests).toHaveLength(200);
    expect(new Set(requests.map((l) => l.requestId))).toEqual(new Set(ids));
    expect(lines.at(-1)?.msg).toMatch(/^stopped: every request finished/);
  });
});

describe('TurnBatchedDestination', () => {
  it('hands the lines of one turn to its sink in one write, in order; the next turn in another', async () => {
    const writes: string[] = [];
    const d = new TurnBatchedDestination({ write: (s) => writes.push(s), flushSync: (p) => p && writes.push(`sync:${p}`) });
    for (let i = 0; i < 20; i++) d.write(`${i}\n`);
    expect(writes).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual([Array.from({ length: 20 }, (_, i) => `${i}\n`).join('')]);
    d.write('a\n');
    d.write('b\n');
    d.flushSync();
    expect(writes.at(-1)).toBe('sync:a\nb\n');
    await new Promise((r) => setImmediate(r));
    expect(writes).toHaveLength(2);
  });
});
