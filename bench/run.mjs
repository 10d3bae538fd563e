// `npm run bench:core` (and part of `npm run bench`, bench/all.mjs): throughput, latency,
// server CPU and memory of ActionBridge under autocannon, beside a bare Fastify
// hello-world server, in one run (issues 2, 3 and 15). Aims (issue 15): List of 100 at
// >= 40 % and Create at >= 60 % of signed Describe's throughput; the server's RSS under
// 250 MiB while it serves Describe.
//
// Every server runs in its own child process; the load generator (autocannon)
// runs here, so server and client never share an event loop.
//
//   bare              GET / on a bare Fastify hello-world server (the baseline)
//   describe          signed DescribeActionConnector (bin/actionbridge serve)
//   describe-nosig    unsigned DescribeActionConnector (bench/server-child.mjs: the
//                     same app on the same data, built with a trusting authenticator that
//                     server-child.mjs injects: buildApp({ authenticator }))
//   describe-nosig#2, describe#2   the same again, in reverse order (A B B A)
//   list-100          signed ListActionConnectors returning 100 summaries
//   create            signed CreateActionConnector, every request a new id and its own signature
//
// Besides req/s and latency, each scenario reports the server's CPU time per
// request (from /proc), which other load on the machine disturbs far less.
//
// Environment: BENCH_DURATION (s per scenario, default 10), BENCH_WARMUP (s of
// unmeasured load before each scenario, default 2), BENCH_CONNECTIONS (default 32),
// BENCH_PROF=DIR (run the server children under `node --cpu-prof`, profiles in DIR),
// BENCH_JSON=FILE (also write the figures as JSON).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, openSync, closeSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { SignatureV4 } from '@smithy/signature-v4';
import { Hash } from '@smithy/hash-node';
import { serverNodeFlags } from './launch.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PROF_DIR = process.env.BENCH_PROF ? path.resolve(process.env.BENCH_PROF) : undefined;
const ACCOUNT = '111122223333';
const ADMIN = { accessKeyId: 'AKIABENCHADMIN000001', secretAccessKey: 'bench-admin-secret-0123456789abcdef' };
const REGION = 'us-east-1';
const PRECREATED = 150; // ≥ 100, so a List page is full (100) and has a NextToken
const SDK_UA = 'aws-sdk-js/3.1168.0';

// Issue 15's aims this script measures (the lean comparison is bench/all.mjs's).
const AIMS = { listVsDescribe: 0.4, createVsDescribe: 0.6, describeRssMiB: 250 };

for (const [k, v] of Object.entries({ BENCH_DURATION: DURATION, BENCH_WARMUP: WARMUP, BENCH_CONNECTIONS: CONNECTIONS })) {
  if (!Number.isFinite(v) || v < 0 || (k !== 'BENCH_WARMUP' && v <= 0)) throw new Error(`${k} must be a positive number`);
}

// ---------------------------------------------------------------- processes

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const children = [];
/** Spawns `node [--cpu-prof] script args` with stdout (the request log) going to a file; waits for readyPath. */
async function startChild(name, script, args, env, readyPath, logDir) {
  const port = await freePort();
  const logFd = openSync(path.join(logDir, `${name}.log`), 'a');
  const nodeArgs = PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROF_DIR}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
  // The server as `npm start` runs it (its start script's V8 flags), the bench-only server-child too.
  const server = script.endsWith('bare-server.mjs') ? [] : serverNodeFlags(ROOT);
  const child = spawn(process.execPath, [...nodeArgs, ...server, script, ...args(port)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', logFd, 'pipe'],
  });
  closeSync(logFd);
  let err = '';
  child.stderr.on('data', (d) => {
    err += d;
  });
  children.push(child);
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${err}`);
    try {
      if ((await fetch(endpoint + readyPath)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${name}: not ready within 30 s:\n${err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    name,
    child,
    port,
    endpoint,
    async stop() {
      if (child.exitCode !== null) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(t);
    },
  };
}

process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

// ---------------------------------------------------------------- signing

const signer = new SignatureV4({
  credentials: ADMIN,
  region: REGION,
  service: 'quicksight',
  sha256: Hash.bind(null, 'sha256'),
  uriEscapePath: true,
});

/**
 * A request signed as the AWS SDK for JavaScript v3 signs it (same header set).
 * Returns autocannon request fields: method, path (with query), headers, body.
 */
async function signed(port, method, urlPath, query = {}, body) {
  const headers = {
    'x-amz-user-agent': SDK_UA,
    'user-agent': `${SDK_UA} ua/2.1 lang/js md/nodejs#${process.versions.node} api/quicksight#3.1168.0`,
    host: `127.0.0.1:${port}`,
    'amz-sdk-invocation-id': randomUUID(),
    'amz-sdk-request': 'attempt=1; max=1',
  };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  const out = await signer.sign({ method, protocol: 'http:', hostname: '127.0.0.1', port, path: urlPath, query, headers, body });
  const h = { ...out.headers };
  // autocannon writes Content-Length itself under this exact name; keep one header.
  if (h['content-length'] !== undefined) {
    h['Content-Length'] = h['content-length'];
    delete h['content-length'];
  }
  const qs = new URLSearchParams(query).toString();
  return { method, path: qs ? `${urlPath}?${qs}` : urlPath, headers: h, ...(body !== undefined ? { body } : {}) };
}

/** Sends one autocannon-style request with fetch (checks before a scenario). */
async function once(endpoint, r) {
  const headers = { ...r.headers };
  delete headers.host;
  delete headers['Content-Length'];
  const res = await fetch(endpoint + r.path, { method: r.method, headers, body: r.body });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

const basicAuth = {
  AuthenticationType: 'BASIC',
  AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: 'https://api.example.com', Username: 'svc', Password: 's3cr3t-Pa55word' } },
};
const createBody = (id) => JSON.stringify({ ActionConnectorId: id, Name: `Bench ${id}`, Type: 'GENERIC_HTTP', AuthenticationConfig: basicAuth });
const connectorsPath = `/accounts/${ACCOUNT}/action-connectors`;

// ---------------------------------------------------------------- load

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLK_TCK; // utime, stime (fields 14 and 15)
  } catch {
    return Number.NaN;
  }
}
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Resident set size of a process in MiB, from /proc (Linux); NaN elsewhere. */
function rssMiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function cannon(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, pipelining: 1, timeout: 10, ...opts }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

const results = [];
const windows = [];
/** Warm-up (unmeasured), then the measured run. */
async function scenario(name, server, what, opts) {
  if (WARMUP > 0) await cannon({ url: server.endpoint, duration: WARMUP, ...opts });
  const t0 = process.hrtime.bigint();
  const cpu0 = cpuSeconds(server.child.pid);
  // Peak resident memory of the server while it is loaded, sampled every 100 ms.
  let rssPeak = rssMiB(server.child.pid);
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssMiB(server.child.pid));
  }, 100);
  const r = await cannon({ url: server.endpoint, duration: DURATION, ...opts }).finally(() => clearInterval(sampler));
  const cpu = cpuSeconds(server.child.pid) - cpu0;
  // Monotonic µs, the clock of .cpuprofile timestamps: lets a profile be cut per scenario.
  windows.push({ name, server: server.name, startUs: Number(t0 / 1000n), endUs: Number(process.hrtime.bigint() / 1000n) });
  const row = {
    name,
    what,
    server: server.name,
    rps: r.requests.average,
    total: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    // Server CPU time per answered request: a figure that load from other processes
    // on the machine disturbs much less than req/s.
    cpuUsPerReq: r.requests.total ? (cpu * 1e6) / r.requests.total : NaN,
    rssPeakMiB: rssPeak,
    ok2xx: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
  results.push(row);
  process.stderr.write(
    `  ${name.padEnd(15)} ${row.rps.toFixed(0).padStart(7)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  server CPU ${row.cpuUsPerReq.toFixed(0)} µs/req  RSS ${row.rssPeakMiB.toFixed(0)} MiB  non-2xx ${row.non2xx}  errors ${row.errors}  timeouts ${row.timeouts}\n`,
  );
  return row;
}

// ---------------------------------------------------------------- run

const work = mkdtempSync(path.join(os.tmpdir(), 'ab-bench-'));
const dataDir = path.join(work, 'data');
if (PROF_DIR) mkdirSync(PROF_DIR, { recursive: true });
const bootstrapEnv = {
  ACTIONBRIDGE_ACCOUNT_ID: ACCOUNT,
  ACTIONBRIDGE_ACCESS_KEY_ID: ADMIN.accessKeyId,
  ACTIONBRIDGE_SECRET_ACCESS_KEY: ADMIN.secretAccessKey,
  ACTIONBRIDGE_THROTTLE_RATE: '0',
};
const problems = [];

try {
  process.stderr.write(
    `ActionBridge benchmark: ${CONNECTIONS} connections, ${DURATION} s per scenario (+${WARMUP} s warm-up), node ${process.version}, ${os.cpus().length} CPUs\n`,
  );

  // (a) the baseline
  const bare = await startChild('bare', path.join(ROOT, 'bench', 'bare-server.mjs'), (p) => [String(p)], {}, '/', work);
  await scenario('bare', bare, 'bare Fastify hello-world, GET /', {});
  await bare.stop();

  // (b) the real server, as `actionbridge serve` runs it
  const real = await startChild(
    'actionbridge',
    path.join(ROOT, 'bin', 'actionbridge'),
    (p) => ['serve', '--host', '127.0.0.1', '--port', String(p), '--data-dir', dataDir],
    bootstrapEnv,
    '/healthz',
    work,
  );

  const id = (n) => `bench-${String(n).padStart(4, '0')}`;
  for (let n = 0; n < PRECREATED; n++) {
    const r = await once(real.endpoint, await signed(real.port, 'POST', connectorsPath, {}, createBody(id(n))));
    if (r.status !== 200) throw new Error(`pre-create ${id(n)}: HTTP ${r.status} ${JSON.stringify(r.json)}`);
  }

  const describe = await signed(real.port, 'GET', `${connectorsPath}/${id(0)}`);
  {
    const r = await once(real.endpoint, describe);
    if (r.status !== 200 || r.json?.ActionConnector?.ActionConnectorId !== id(0)) throw new Error(`Describe check: HTTP ${r.status} ${JSON.stringify(r.json)}`);
  }
  const list = await signed(real.port, 'GET', connectorsPath, { 'max-results': '100' });
  {
    const r = await once(real.endpoint, list);
    const n = r.json?.ActionConnectorSummaries?.length;
    if (r.status !== 200 || n !== 100 || !r.json.NextToken) throw new Error(`List check: HTTP ${r.status}, ${n} items`);
  }

  // (c) the same app with signature verification bypassed (bench-only), on the same data
  const nosig = await startChild(
    'actionbridge-nosig',
    path.join(ROOT, 'bench', 'server-child.mjs'),
    (p) => [String(p), dataDir],
    bootstrapEnv,
    '/healthz',
    work,
  );
  const unsignedDescribe = {
    method: 'GET',
    path: `${connectorsPath}/${id(0)}`,
    headers: {
      host: `127.0.0.1:${nosig.port}`,
      'user-agent': describe.headers['user-agent'],
      'x-amz-user-agent': SDK_UA,
      'amz-sdk-request': 'attempt=1; max=1',
    },
  };
  {
    const r = await once(nosig.endpoint, unsignedDescribe);
    if (r.status !== 200 || r.json?.ActionConnector?.ActionConnectorId !== id(0))
      throw new Error(`unsigned Describe check: HTTP ${r.status} ${JSON.stringify(r.json)}`);
    const refused = await once(real.endpoint, { ...unsignedDescribe, headers: { ...unsignedDescribe.headers } });
    if (refused.status !== 403) problems.push(`the real server answered an unsigned Describe with HTTP ${refused.status} (expected 403)`);
  }

  // Signed and unsigned Describe in A B B A order, so that a drift in what else the
  // machine is doing weighs on both alike; each figure below is the mean of its pair.
  const a1 = await scenario('describe', real, 'signed DescribeActionConnector', { requests: [describe] });
  const b1 = await scenario('describe-nosig', nosig, 'unsigned DescribeActionConnector (auth bypassed)', { requests: [unsignedDescribe] });
  const b2 = await scenario('describe-nosig#2', nosig, 'unsigned DescribeActionConnector, again', { requests: [unsignedDescribe] });
  const a2 = await scenario('describe#2', real, 'signed DescribeActionConnector, again', { requests: [describe] });
  await nosig.stop();
  const mean = (x, y, k) => (x[k] + y[k]) / 2;
  const dSigned = { rps: mean(a1, a2, 'rps'), cpuUsPerReq: mean(a1, a2, 'cpuUsPerReq') };
  const dUnsigned = { rps: mean(b1, b2, 'rps'), cpuUsPerReq: mean(b1, b2, 'cpuUsPerReq') };
  const lRow = await scenario('list-100', real, 'signed ListActionConnectors, 100 items', { requests: [list] });

  // Create: every request a new id, signed with its own body. Signatures are valid
  // for 15 minutes, so the pool is signed up front, sized from Describe's rate.
  const poolSize = Math.ceil(Math.max(dSigned.rps, 2000) * (DURATION + WARMUP) * 1.3) + CONNECTIONS * 4;
  process.stderr.write(`  (signing ${poolSize} unique CreateActionConnector requests...)\n`);
  const runTag = Date.now().toString(36);
  const pool = new Array(poolSize);
  for (let n = 0; n < poolSize; n++) pool[n] = await signed(real.port, 'POST', connectorsPath, {}, createBody(`c-${runTag}-${n}`));
  let next = 0;
  let exhausted = 0;
  const createReq = {
    method: 'POST',
    setupRequest: (req) => {
      if (next >= pool.length) exhausted++; // would repeat an id: shows up as non-2xx (ResourceExists)
      const r = pool[next++ % pool.length];
      return { ...req, method: r.method, path: r.path, headers: r.headers, body: r.body };
    },
  };
  const cRow = await scenario('create', real, 'signed CreateActionConnector, unique ids', { requests: [createReq] });
  if (exhausted) problems.push(`create: the pre-signed pool (${poolSize}) ran out; ${exhausted} requests repeated an id`);

  // Every Create answered 2xx must be in the store: count them through List.
  let stored = 0;
  let token;
  do {
    const q = { 'max-results': '100', ...(token ? { 'next-token': token } : {}) };
    const r = await once(real.endpoint, await signed(real.port, 'GET', connectorsPath, q));
    if (r.status !== 200) throw new Error(`List after create: HTTP ${r.status}`);
    stored += r.json.ActionConnectorSummaries.filter((s) => s.ActionConnectorId.startsWith(`c-${runTag}-`)).length;
    token = r.json.NextToken;
  } while (token);
  const sentCreates = next; // built requests; the last in-flight ones may be cut off by the end of the run
  cRow.stored = stored;
  if (stored < cRow.ok2xx) problems.push(`create: ${cRow.ok2xx} answered 2xx but only ${stored} stored`);
  await real.stop();

  // ---------------------------------------------------------------- report
  const bareRps = results.find((r) => r.name === 'bare').rps;
  const lines = [];
  const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  lines.push('');
  lines.push(`| scenario | what | req/s | p50 ms | p99 ms | non-2xx | errors | timeouts | vs bare | server CPU µs/req | peak RSS MiB |`);
  lines.push(`|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
  for (const r of results) {
    lines.push(
      `| ${r.name} | ${r.what} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${r.timeouts} | ${fmt((100 * r.rps) / bareRps, 1)} % | ${fmt(r.cpuUsPerReq)} | ${fmt(r.rssPeakMiB)} |`,
    );
  }
  const sigCost = 1 - dSigned.rps / dUnsigned.rps;
  const sigCostCpu = 1 - dUnsigned.cpuUsPerReq / dSigned.cpuUsPerReq;
  lines.push('');
  lines.push(
    `Signature verification (means of the A B B A runs): signed/unsigned Describe = ${fmt(dSigned.rps)}/${fmt(dUnsigned.rps)} req/s = ${fmt((100 * dSigned.rps) / dUnsigned.rps, 1)} % -> cost ${fmt(100 * sigCost, 1)} % throughput loss.`,
  );
  lines.push(
    `  Server CPU ${fmt(dSigned.cpuUsPerReq)} vs ${fmt(dUnsigned.cpuUsPerReq)} µs/req: +${fmt(dSigned.cpuUsPerReq - dUnsigned.cpuUsPerReq)} µs per signed request, ${fmt(100 * sigCostCpu, 1)} % of a signed request's CPU time.`,
  );
  lines.push(
    `Create: ${fmt(cRow.ok2xx)} answered 2xx in the measured run, ${fmt(stored)} connectors of this run stored (incl. warm-up), ${fmt(sentCreates)} requests built.`,
  );
  const nonOk = results.filter((r) => r.non2xx || r.errors || r.timeouts);
  const describeRss = Math.max(a1.rssPeakMiB, a2.rssPeakMiB);
  const aims = [
    [
      `List of 100 >= ${AIMS.listVsDescribe * 100} % of signed Describe's throughput`,
      lRow.rps / dSigned.rps >= AIMS.listVsDescribe,
      `${fmt((100 * lRow.rps) / dSigned.rps, 1)} % (${fmt(lRow.rps)} vs ${fmt(dSigned.rps)} req/s; by server CPU ${fmt((100 * dSigned.cpuUsPerReq) / lRow.cpuUsPerReq, 1)} %)`,
    ],
    [
      `Create >= ${AIMS.createVsDescribe * 100} % of signed Describe's throughput`,
      cRow.rps / dSigned.rps >= AIMS.createVsDescribe,
      `${fmt((100 * cRow.rps) / dSigned.rps, 1)} % (${fmt(cRow.rps)} vs ${fmt(dSigned.rps)} req/s; by server CPU ${fmt((100 * dSigned.cpuUsPerReq) / cRow.cpuUsPerReq, 1)} %)`,
    ],
    [`RSS < ${AIMS.describeRssMiB} MiB while serving the Describe benchmark`, describeRss < AIMS.describeRssMiB, `peak ${fmt(describeRss)} MiB`],
    ['no non-2xx, errors or timeouts in any scenario', nonOk.length === 0, nonOk.length ? nonOk.map((r) => r.name).join(', ') : 'none'],
  ];
  lines.push('');
  for (const [aim, ok, got] of aims) lines.push(`${ok ? 'MET   ' : 'MISSED'}  ${aim}: ${got}`);
  for (const p of problems) lines.push(`PROBLEM ${p}`);
  process.stdout.write(`${lines.join('\n')}\n`);

  if (process.env.BENCH_JSON) {
    writeFileSync(
      process.env.BENCH_JSON,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          node: process.version,
          cpus: os.cpus().length,
          connections: CONNECTIONS,
          duration: DURATION,
          warmup: WARMUP,
          results,
          signatureCost: sigCost,
          signatureCostCpu: sigCostCpu,
          aims: aims.map(([aim, ok, got]) => ({ aim, ok, got })),
          problems,
        },
        null,
        2,
      ),
    );
  }
  if (problems.length || nonOk.length) process.exitCode = 1;
} finally {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  if (!PROF_DIR) rmSync(work, { recursive: true, force: true });
  else {
    writeFileSync(path.join(PROF_DIR, 'scenarios.json'), JSON.stringify(windows, null, 2));
    process.stderr.write(`profiles in ${PROF_DIR}; data and request logs in ${work}\n`);
  }
}
