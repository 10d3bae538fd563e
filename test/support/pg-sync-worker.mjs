// Test-only: the other side of querySync (pg-store.ts). Runs one query at a time for
// the test's thread, which waits on `signal` (Atomics) until the answer is posted.
import { workerData } from 'node:worker_threads';
import pg from 'pg';

const { port } = workerData;
const clients = new Map();
port.on('message', async ({ url, text, signal }) => {
  let answer;
  try {
    let c = clients.get(url);
    if (!c) {
      c = new pg.Client({ connectionString: url });
      await c.connect();
      clients.set(url, c);
    }
    answer = { rows: (await c.query(text)).rows };
  } catch (e) {
    answer = { error: String(e?.message ?? e) };
  }
  port.postMessage(answer);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
