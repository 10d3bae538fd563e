// scrypt off the libuv threadpool. node:crypto's asynchronous scrypt runs on the
// threadpool that dns.lookup (getaddrinfo), file system calls and zlib share: a flood of
// sign-ins there delays every outbound request's name lookup by seconds. Here each hash
// runs as scryptSync on a worker thread of its own (1 or 2 of them per process, whatever
// the number of sign-ins), so the threadpool never sees password hashing; callers bound
// how many wait (src/server/console-sessions.ts admits a fixed number of sign-ins).
import os from 'node:os';
import { Worker } from 'node:worker_threads';

export interface ScryptJob {
  password: string;
  salt: Buffer;
  keyLength: number;
  N: number;
  r: number;
  p: number;
  maxmem: number;
}

// CommonJS evaluated in the worker (no file to find: the same under tsc's dist/ and under vitest).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', (job) => {
  try {
    const key = scryptSync(job.password, Buffer.from(job.salt), job.keyLength, { N: job.N, r: job.r, p: job.p, maxmem: job.maxmem });
    parentPort.postMessage({ key });
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e) });
  }
});
`;

interface Pending {
  job: ScryptJob;
  resolve: (key: Buffer) => void;
  reject: (e: Error) => void;
}

/** One worker thread: one job at a time. */
class ScryptWorker {
  private worker: Worker | undefined;
  private current: Pending | undefined;

  get busy(): boolean {
    return this.current !== undefined;
  }

  private done: () => void = () => undefined;

  /** Starts `p`; `done` is called once it has finished (either way). */
  run(p: Pending, done: () => void): void {
    this.current = p;
    this.done = done;
    this.worker ??= this.start();
    const w = this.worker;
    w.ref();
    w.postMessage(p.job);
  }

  private start(): Worker {
    const w = new Worker(WORKER_SOURCE, { eval: true, name: 'actionbridge-scrypt' });
    w.on('message', (m: { key?: Uint8Array; error?: string }) => {
      const p = this.finish();
      if (!p) return;
      if (m.key) p.resolve(Buffer.from(m.key));
      else p.reject(new Error(`scrypt failed: ${m.error}`));
    });
    const lost = (why: string) => {
      if (this.worker === w) this.worker = undefined;
      this.finish()?.reject(new Error(`the scrypt worker ${why}`));
    };
    w.on('error', (e) => lost(`failed: ${e.message}`));
    w.on('exit', (code) => lost(`exited (${code})`));
    return w;
  }

  private finish(): Pending | undefined {
    const p = this.current;
    this.current = undefined;
    // An idle worker does not keep the process alive.
    this.worker?.unref();
    if (p) queueMicrotask(this.done);
    return p;
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}

/** A fixed number of scrypt workers and a queue in front of them (first come, first served). */
export class ScryptPool {
  private readonly workers: ScryptWorker[];
  private readonly queue: Pending[] = [];

  constructor(size: number) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => new ScryptWorker());
  }

  /** Jobs waiting for a worker (not counting those running). */
  get waiting(): number {
    return this.queue.length;
  }

  derive(job: ScryptJob): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    for (const w of this.workers) {
      if (this.queue.length === 0) return;
      if (!w.busy) w.run(this.queue.shift()!, () => this.next());
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

/** One worker on a machine of one or two cores, two on a larger one: hashing never takes every core. */
export const SCRYPT_WORKERS = Math.min(2, Math.max(1, os.availableParallelism() - 1));

let shared: ScryptPool | undefined;
/** The process's scrypt pool (started on first use; its idle workers do not keep the process alive). */
export function scryptPool(): ScryptPool {
  shared ??= new ScryptPool(SCRYPT_WORKERS);
  return shared;
}
