// `npm run bench:actions` (issue 5, "Benchmark"): GENERIC_HTTP HttpRequest through
// ActionBridge against a local HTTPS upstream, beside direct requests to the same
// upstream, in one run; and 1,000 concurrent invocations of a client-credentials
// connector, which must cost one token request.
//
// Three processes: the upstream (bench/actions-upstream.mjs, HTTPS with a CA made
// here), ActionBridge (`bin/actionbridge serve`, trusting that CA and allowed to
// reach 127.0.0.1), and this one, the client.
//
//   latency      one request at a time, BENCH_LATENCY_N (default 2000) of each, in
//                alternating blocks: p50/p90/p99 of direct GET and of InvokeAction;
//                "added p50" = InvokeAction p50 - direct p50 (a signed request to
//                ActionBridge, its checks and audit record, the upstream request).
//                After BENCH_LATENCY_WARMUP (default 3000) unmeasured requests of each:
//                a fresh process answers its first ~2,000 invocations up to twice as
//                slowly (V8 has not optimized the path yet), which is not the steady
//                state the aim is about. The p50 of the first and of the last block is
//                printed too, to show whether the warm-up was enough.
//   throughput   autocannon, BENCH_CONNECTIONS (default 32) connections, direct then
//                ActionBridge then ActionBridge then direct (A B B A), each
//                BENCH_DURATION s (default 10) after BENCH_WARMUP s (default 2).
//   describe     a signed DescribeActionConnector of the same connector: the pipeline
//                InvokeAction shares, so that what the invocation itself adds shows.
//   token        BENCH_TOKEN_CONCURRENCY (default 1000) invocations at once, on
//                1,000 connections, of a connector that has no token yet.
//
// Aims (issues 5 and 15): added p50 < 0.5 ms; ActionBridge CPU <= 200 µs per invocation
// (from /proc/<pid>/stat over the throughput runs); ActionBridge >= 50 % of direct
// throughput; one token request; ActionBridge's peak RSS (/proc/<pid>/status VmRSS,
// sampled every 50 ms) < 400 MiB while the 1,000 concurrent invocations run.
// Each scenario also prints the TLS connections the upstream accepted during it
// (connection reuse: a handful, not one per request).
// BENCH_BASELINE=DIR also runs the ActionBridge of another build (DIR/bin/actionbridge,
// e.g. a checkout of main with dist/ built) beside this one, in the latency blocks and
// as two more throughput runs (direct, invoke, baseline, baseline, invoke, direct): a
// before/after in one run, on a machine whose load varies between runs.
// BENCH_JSON=FILE also writes the figures as JSON; BENCH_PROF=DIR runs ActionBridge
// under `node --cpu-prof` (the profile is written there when it stops, with
// scenarios.json: each scenario's window in the profile's clock, monotonic µs).
// The latency phase also prints each ActionBridge's CPU per sequential invocation (its
// /proc CPU time over the measured blocks, where it answers only its own invocations).
// BENCH_ONLY=latency stops after the latency phase (for before/after runs of that alone).
import { spawn, execFileSync } from 'node:child_process';
import dns from 'node:dns';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, openSync, closeSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { makeCerts } from './certs.mjs';
import { serverNodeFlags } from './launch.mjs';
import { Pool } from 'undici';
import { SignatureV4 } from '@smithy/signature-v4';
import { Hash } from '@smithy/hash-node';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const num = (name, dflt) => {
  const v = Number(process.env[name] ?? dflt);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a non-negative number`);
  return v;
};
const DURATION = num('BENCH_DURATION', 10);
const WARMUP = num('BENCH_WARMUP', 2);
const CONNECTIONS = num('BENCH_CONNECTIONS', 32);
const LATENCY_N = num('BENCH_LATENCY_N', 2000);
const LATENCY_WARMUP = num('BENCH_LATENCY_WARMUP', 3000);
const TOKEN_CONCURRENCY = num('BENCH_TOKEN_CONCURRENCY', 1000);
const PROF_DIR = process.env.BENCH_PROF ? path.resolve(process.env.BENCH_PROF) : undefined;
const BASELINE = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : undefined;
const ONLY = process.env.BENCH_ONLY;
if (ONLY !== undefined && ONLY !== 'latency') throw new Error('BENCH_ONLY must be "latency"');
/** Thrown after the latency phase when BENCH_ONLY=latency: the rest is skipped. */
const STOP = Symbol('BENCH_ONLY');
const ACCOUNT = '111122223333';
const ADMIN = { accessKeyId: 'AKIABENCHACTIONS0001', secretAccessKey: 'bench-actions-secret-0123456789abcdef' };
const REGION = 'us-east-1';
const AIMS = { addedP50Ms: 0.5, cpuUsPerInvocation: 200, throughputRatio: 0.5, tokenRequests: 1, rssMiB: 400 };

// ---------------------------------------------------------------- a CA and the upstream's certificate

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
async function startChild(name, args, env, ready, logDir) {
  const logFd = openSync(path.join(logDir, `${name}.log`), 'a');
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', logFd, 'pipe'] });
  closeSync(logFd);
  let err = '';
  child.stderr.on('data', (d) => {
    err += d;
  });
  children.push(child);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${err}`);
    try {
      if (await ready()) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${name}: not ready within 30 s:\n${err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { name, child };
}
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

// ---------------------------------------------------------------- signing

const signer = new SignatureV4({ credentials: ADMIN, region: REGION, service: 'quicksight', sha256: Hash.bind(null, 'sha256'), uriEscapePath: true });

/** A request signed as the AWS SDK signs it; reusable for 15 minutes. */
async function signed(port, method, urlPath, body) {
  const headers = { host: `127.0.0.1:${port}`, 'amz-sdk-invocation-id': randomUUID() };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  const out = await signer.sign({ method, protocol: 'http:', hostname: '127.0.0.1', port, path: urlPath, query: {}, headers, body });
  return { method, path: urlPath, headers: { ...out.headers }, ...(body !== undefined ? { body } : {}) };
}

async function call(pool, r) {
  const headers = { ...r.headers };
  delete headers.host;
  const res = await pool.request({ method: r.method, path: r.path, headers, body: r.body });
  const text = await res.body.text();
  return { status: res.statusCode, json: text ? JSON.parse(text) : undefined };
}

// ---------------------------------------------------------------- measuring

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Sequential latency of `send` in ms, `n` samples, after `warm` unmeasured ones. */
async function latencies(send, n, out) {
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const r = await send();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (!r) throw new Error('a latency sample failed');
  }
}

function cannon(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, pipelining: 1, timeout: 10, ...opts }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLK_TCK;
  } catch {
    return Number.NaN;
  }
}

/** Resident set size of a process in bytes, from /proc (Linux); NaN elsewhere. */
function rssBytes(pid) {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; `stop()` answers the peak in bytes. */
function rssPeak(pid, everyMs = 50) {
  let peak = rssBytes(pid);
  const timer = setInterval(() => {
    const v = rssBytes(pid);
    if (v > peak) peak = v;
  }, everyMs);
  return () => {
    clearInterval(timer);
    const v = rssBytes(pid);
    return Math.max(v, peak);
  };
}

/** Scenario windows in the clock of .cpuprofile timestamps (monotonic µs): a profile can be cut per scenario. */
const windows = [];
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

const results = [];
/** Warm-up, then the measured run; CPU time per answered request of each process in `procs`. */
async function scenario(name, what, opts, procs, upstreamStats) {
  if (WARMUP > 0) await cannon({ ...opts, duration: WARMUP });
  const cpu0 = Object.fromEntries(Object.entries(procs).map(([k, c]) => [k, cpuSeconds(c.pid)]));
  const tls0 = (await upstreamStats()).tlsConnections;
  const startUs = nowUs();
  const r = await cannon({ ...opts, duration: DURATION });
  windows.push({ name, startUs, endUs: nowUs() });
  const cpu = Object.fromEntries(Object.entries(procs).map(([k, c]) => [k, r.requests.total ? ((cpuSeconds(c.pid) - cpu0[k]) * 1e6) / r.requests.total : NaN]));
  const row = {
    name,
    what,
    rps: r.requests.average,
    total: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    cpuUsPerReq: cpu,
    upstreamTlsConnections: (await upstreamStats()).tlsConnections - tls0,
  };
  results.push(row);
  const cpuText = Object.entries(cpu)
    .map(([k, v]) => `${k} ${v.toFixed(0)} µs/req`)
    .join(', ');
  process.stderr.write(
    `  ${name.padEnd(12)} ${row.rps.toFixed(0).padStart(7)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  CPU: ${cpuText}  non-2xx ${row.non2xx}  errors ${row.errors}  timeouts ${row.timeouts}  upstream TLS connections ${row.upstreamTlsConnections}\n`,
  );
  return row;
}

// ---------------------------------------------------------------- run

const work = mkdtempSync(path.join(os.tmpdir(), 'ab-bench-actions-'));
const problems = [];
let exitCode = 0;
try {
  process.stderr.write(`ActionBridge actions benchmark: node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'})\n`);
  const certs = makeCerts(work);
  const ca = readFileSync(certs.ca, 'utf8');
  const upPort = await freePort();
  const upstream = `https://127.0.0.1:${upPort}`;
  // A connector whose BaseEndpoint is a host name, as every real one is: its invocations go
  // through the egress's name lookup (and its cache). `localhost` stands in for the name when
  // the machine resolves it to 127.0.0.1 alone (where it also means ::1, the upstream, which
  // listens on 127.0.0.1, could not be reached at the address the egress picks).
  const localhost = await dns.promises.lookup('localhost', { all: true }).catch(() => []);
  const namedUpstream = localhost.length === 1 && localhost[0].address === '127.0.0.1' ? `https://localhost:${upPort}` : undefined;
  const direct = new Pool(upstream, { connect: { ca }, connections: 1 });
  const { child: upChild } = await startChild(
    'upstream',
    [path.join(ROOT, 'bench', 'actions-upstream.mjs'), String(upPort), certs.cert, certs.key],
    {},
    async () => (await direct.request({ method: 'GET', path: '/stats' }).then((r) => r.body.text().then(() => r.statusCode))) === 200,
    work,
  );

  /** An ActionBridge (bin/actionbridge under `root`) with the bench's two connectors. */
  const startActionBridge = async (name, root, profile) => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const prof = profile ? ['--cpu-prof', `--cpu-prof-dir=${PROF_DIR}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
    const { child } = await startChild(
      name,
      [
        ...prof,
        ...serverNodeFlags(root),
        path.join(root, 'bin', 'actionbridge'),
        'serve',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--data-dir',
        path.join(work, `data-${name}`),
        '--egress-allow',
        '127.0.0.1/32',
        '--ca-file',
        certs.ca,
      ],
      {
        ACTIONBRIDGE_ACCOUNT_ID: ACCOUNT,
        ACTIONBRIDGE_ACCESS_KEY_ID: ADMIN.accessKeyId,
        ACTIONBRIDGE_SECRET_ACCESS_KEY: ADMIN.secretAccessKey,
        ACTIONBRIDGE_THROTTLE_RATE: '0',
      },
      async () => (await fetch(`${origin}/healthz`)).ok,
      work,
    );
    const pool = new Pool(origin, { connections: 1 });
    const create = async (id, AuthenticationConfig) => {
      const r = await call(
        pool,
        await signed(port, 'POST', connectors, JSON.stringify({ ActionConnectorId: id, Name: id, Type: 'GENERIC_HTTP', AuthenticationConfig })),
      );
      if (r.status !== 200) throw new Error(`${name}: create ${id}: HTTP ${r.status} ${JSON.stringify(r.json)}`);
    };
    await create('bench-http', { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: `${upstream}/api` } } });
    if (namedUpstream) {
      await create('bench-named', { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: `${namedUpstream}/api` } } });
    }
    await create('bench-cc', {
      AuthenticationType: 'OAUTH2_CLIENT_CREDENTIALS',
      AuthenticationMetadata: {
        ClientCredentialsGrantMetadata: {
          BaseEndpoint: `${upstream}/api`,
          ClientCredentialsSource: 'PLAIN_CREDENTIALS',
          ClientCredentialsDetails: {
            ClientCredentialsGrantDetails: { ClientId: 'bench', ClientSecret: 'bench-client-secret-0123', TokenEndpoint: `${upstream}/oauth/token` },
          },
        },
      },
    });
    return { child, port, origin, pool };
  };
  const connectors = `/accounts/${ACCOUNT}/action-connectors`;
  const { child: abChild, port: abPort, origin: ab, pool: abPool } = await startActionBridge('actionbridge', ROOT, PROF_DIR !== undefined);
  const base = BASELINE ? await startActionBridge('baseline', BASELINE, false) : undefined;
  const invokeBody = JSON.stringify({ Input: { Method: 'GET', Path: 'items/1' } });
  const invoke = await signed(abPort, 'POST', `${connectors}/bench-http/actions/HttpRequest/invoke`, invokeBody);
  const baseInvoke = base ? await signed(base.port, 'POST', `${connectors}/bench-http/actions/HttpRequest/invoke`, invokeBody) : undefined;
  for (const [pool, r] of [[abPool, invoke], ...(base ? [[base.pool, baseInvoke]] : [])]) {
    const check = await call(pool, r);
    if (check.status !== 200 || check.json?.InvokeActionStatus !== 'SUCCESS' || check.json?.Output?.Body?.name !== 'widget') {
      throw new Error(`InvokeAction check: HTTP ${check.status} ${JSON.stringify(check.json)}`);
    }
  }

  // -------- latency, one at a time, in alternating blocks
  process.stderr.write(`  latency: ${LATENCY_N} sequential requests of each, after ${LATENCY_WARMUP} unmeasured ones...\n`);
  const sendDirect = async () => {
    const res = await direct.request({ method: 'GET', path: '/api/items/1' });
    await res.body.text();
    return res.statusCode === 200;
  };
  const sendInvoke = async () => (await call(abPool, invoke)).json?.InvokeActionStatus === 'SUCCESS';
  const sendBase = async () => (await call(base.pool, baseInvoke)).json?.InvokeActionStatus === 'SUCCESS';
  await latencies(sendDirect, LATENCY_WARMUP, []);
  await latencies(sendInvoke, LATENCY_WARMUP, []);
  if (base) await latencies(sendBase, LATENCY_WARMUP, []);
  const dl = [];
  const il = [];
  const bl = [];
  const latStartUs = nowUs();
  const latCpu0 = { ab: cpuSeconds(abChild.pid), base: base ? cpuSeconds(base.child.pid) : Number.NaN };
  const BLOCK = 100;
  for (let done = 0; done < LATENCY_N; done += BLOCK) {
    await latencies(sendDirect, Math.min(BLOCK, LATENCY_N - done), dl);
    await latencies(sendInvoke, Math.min(BLOCK, LATENCY_N - done), il);
    if (base) await latencies(sendBase, Math.min(BLOCK, LATENCY_N - done), bl);
  }
  windows.push({ name: 'latency', startUs: latStartUs, endUs: nowUs() });
  // CPU per sequential invocation: what one invocation costs on its own path, no sharing of
  // wake-ups or audit commits between requests (/proc's clock ticks: ~1 % at the defaults).
  const seqCpuUs = {
    invoke: ((cpuSeconds(abChild.pid) - latCpu0.ab) * 1e6) / LATENCY_N,
    baseline: base ? ((cpuSeconds(base.child.pid) - latCpu0.base) * 1e6) / LATENCY_N : undefined,
  };
  // Still warming up if the first block is much slower than the last.
  const blockP50 = (xs, from) =>
    pct(
      xs.slice(from, from + BLOCK).sort((a, b) => a - b),
      50,
    );
  const lastBlock = Math.max(0, Math.ceil(LATENCY_N / BLOCK) - 1) * BLOCK;
  if (il.length > 0) {
    process.stderr.write(
      `  InvokeAction p50 of the first block ${blockP50(il, 0).toFixed(3)} ms, of the last ${blockP50(il, lastBlock).toFixed(3)} ms` +
        ` (direct: ${blockP50(dl, 0).toFixed(3)}, ${blockP50(dl, lastBlock).toFixed(3)} ms)\n`,
    );
  }
  dl.sort((a, b) => a - b);
  il.sort((a, b) => a - b);
  const lat = {
    direct: { p50: pct(dl, 50), p90: pct(dl, 90), p99: pct(dl, 99) },
    invoke: { p50: pct(il, 50), p90: pct(il, 90), p99: pct(il, 99) },
  };
  const addedP50 = lat.invoke.p50 - lat.direct.p50;
  process.stderr.write(
    `  direct p50 ${lat.direct.p50.toFixed(3)} ms, InvokeAction p50 ${lat.invoke.p50.toFixed(3)} ms: +${addedP50.toFixed(3)} ms` +
      ` (ActionBridge CPU ${seqCpuUs.invoke.toFixed(0)} µs per sequential invocation)\n`,
  );
  if (base) {
    bl.sort((a, b) => a - b);
    lat.baseline = { p50: pct(bl, 50), p90: pct(bl, 90), p99: pct(bl, 99) };
    process.stderr.write(
      `  baseline InvokeAction p50 ${lat.baseline.p50.toFixed(3)} ms: +${(lat.baseline.p50 - lat.direct.p50).toFixed(3)} ms` +
        ` (CPU ${seqCpuUs.baseline.toFixed(0)} µs per sequential invocation)\n`,
    );
  }
  lat.cpuUsPerSequentialInvocation = seqCpuUs;
  if (ONLY === 'latency') {
    process.stdout.write(`${addedP50 < AIMS.addedP50Ms ? 'MET   ' : 'MISSED'}  added p50 latency < ${AIMS.addedP50Ms} ms: ${addedP50.toFixed(3)} ms\n`);
    if (process.env.BENCH_JSON)
      writeFileSync(process.env.BENCH_JSON, JSON.stringify({ date: new Date().toISOString(), latency: { n: LATENCY_N, ...lat, addedP50 } }, null, 2));
    if (PROF_DIR) mkdirSync(PROF_DIR, { recursive: true });
    if (PROF_DIR) writeFileSync(path.join(PROF_DIR, 'scenarios.json'), JSON.stringify(windows, null, 2));
    await Promise.all([direct.close(), abPool.close(), base?.pool.close()]);
    throw STOP;
  }

  // -------- throughput, A B B A
  const directReq = { url: `${upstream}/api/items/1`, method: 'GET' };
  /** autocannon's options for sending the signed request `r` to `url` (it sets Content-Length itself, capitalized). */
  const cannonRequest = (url, r) => {
    const { 'content-length': length, ...headers } = r.headers;
    return { url, requests: [{ method: r.method, path: r.path, headers: { ...headers, 'Content-Length': length }, body: r.body }] };
  };
  const abReq = cannonRequest(ab, invoke);
  const procs = { actionbridge: abChild, upstream: upChild };
  const stats = async () => (await call(direct, { method: 'GET', path: '/stats', headers: {} })).json;
  const d1 = await scenario('direct', 'GET https://upstream/api/items/1 (keep-alive TLS)', directReq, procs, stats);
  const a1 = await scenario('invoke', 'signed InvokeAction HttpRequest GET items/1 through ActionBridge', abReq, procs, stats);
  const baseReq = base && cannonRequest(base.origin, baseInvoke);
  const baseProcs = base && { actionbridge: base.child, upstream: upChild };
  const b1 = base && (await scenario('baseline', `the same through the baseline (${BASELINE})`, baseReq, baseProcs, stats));
  const b2 = base && (await scenario('baseline#2', 'the same again', baseReq, baseProcs, stats));
  const a2 = await scenario('invoke#2', 'the same again', abReq, procs, stats);
  // A signed Describe of the same connector: the request pipeline InvokeAction shares
  // (SigV4, authorization, the connector read, the answer), for what the invocation adds.
  const describe = await signed(abPort, 'GET', `${connectors}/bench-http`);
  const describeReq = { url: ab, requests: [{ method: 'GET', path: describe.path, headers: describe.headers }] };
  const dsc = await scenario('describe', 'signed DescribeActionConnector of the same connector (the shared pipeline)', describeReq, procs, stats);
  // The baseline's too: after one invocation, everything a server does afterwards may differ.
  const baseDescribe = base && (await signed(base.port, 'GET', `${connectors}/bench-http`));
  const bdsc =
    base &&
    (await scenario(
      'baseline describe',
      'the same Describe through the baseline',
      { url: base.origin, requests: [{ method: 'GET', path: baseDescribe.path, headers: baseDescribe.headers }] },
      baseProcs,
      stats,
    ));
  // The same invocation of a connector whose BaseEndpoint is a host name (informative).
  let named;
  if (namedUpstream) {
    const r = await signed(abPort, 'POST', `${connectors}/bench-named/actions/HttpRequest/invoke`, invokeBody);
    const check = await call(abPool, r);
    if (check.status !== 200 || check.json?.InvokeActionStatus !== 'SUCCESS')
      throw new Error(`InvokeAction (named) check: HTTP ${check.status} ${JSON.stringify(check.json)}`);
    named = await scenario(
      'invoke-named',
      `the same invocation, BaseEndpoint ${namedUpstream.replace(/:\d+$/, '')} (a name the egress looks up)`,
      cannonRequest(ab, r),
      procs,
      stats,
    );
  }
  const d2 = await scenario('direct#2', 'the same again', directReq, procs, stats);
  const directRps = (d1.rps + d2.rps) / 2;
  const abRps = (a1.rps + a2.rps) / 2;
  const ratio = abRps / directRps;
  // ActionBridge's CPU per invocation over both InvokeAction runs (total CPU / total answered).
  const cpuOf = (x, y) => (x.cpuUsPerReq.actionbridge * x.total + y.cpuUsPerReq.actionbridge * y.total) / (x.total + y.total);
  const abCpuUs = cpuOf(a1, a2);
  const baseCpuUs = base ? cpuOf(b1, b2) : undefined;

  // -------- 1,000 concurrent invocations of a client-credentials connector
  const statsBefore = (await call(direct, { method: 'GET', path: '/stats', headers: {} })).json;
  const ccInvoke = await signed(abPort, 'POST', `${connectors}/bench-cc/actions/HttpRequest/invoke`, invokeBody);
  const wide = new Pool(ab, { connections: TOKEN_CONCURRENCY });
  const rssBefore = rssBytes(abChild.pid);
  const stopRss = rssPeak(abChild.pid);
  const t0 = Date.now();
  const ccStartUs = nowUs();
  const answers = await Promise.all(Array.from({ length: TOKEN_CONCURRENCY }, () => call(wide, ccInvoke).catch((e) => ({ status: 0, error: String(e) }))));
  const ccMs = Date.now() - t0;
  windows.push({ name: 'concurrent', startUs: ccStartUs, endUs: nowUs() });
  const rssPeakBytes = stopRss();
  await wide.close();
  const statsAfter = (await call(direct, { method: 'GET', path: '/stats', headers: {} })).json;
  const tokenRequests = statsAfter.tokenRequests - statsBefore.tokenRequests;
  const ccTls = statsAfter.tlsConnections - statsBefore.tlsConnections;
  const MiB = 1024 * 1024;
  const ccOk = answers.filter((a) => a.status === 200 && a.json?.InvokeActionStatus === 'SUCCESS').length;
  if (ccOk !== TOKEN_CONCURRENCY)
    problems.push(
      `client credentials: ${TOKEN_CONCURRENCY - ccOk} of ${TOKEN_CONCURRENCY} invocations did not succeed (${JSON.stringify(answers.find((a) => a.status !== 200 || a.json?.InvokeActionStatus !== 'SUCCESS'))?.slice(0, 300)})`,
    );
  process.stderr.write(
    `  ${TOKEN_CONCURRENCY} concurrent client-credentials invocations: ${ccOk} SUCCESS in ${ccMs} ms, ${tokenRequests} token request(s), ` +
      `${ccTls} upstream TLS connection(s), ActionBridge RSS ${(rssBefore / MiB).toFixed(0)} MiB before, peak ${(rssPeakBytes / MiB).toFixed(0)} MiB\n`,
  );

  await direct.close();
  await abPool.close();
  await base?.pool.close();

  // -------- report
  const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  const lines = [''];
  lines.push('| scenario | what | req/s | p50 ms | p99 ms | non-2xx | errors | timeouts | ActionBridge CPU µs/req | upstream CPU µs/req |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    lines.push(
      `| ${r.name} | ${r.what} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${r.timeouts} | ${fmt(r.cpuUsPerReq.actionbridge)} | ${fmt(r.cpuUsPerReq.upstream)} |`,
    );
  }
  lines.push('');
  lines.push(
    `Latency, one request at a time (${LATENCY_N} each, ms): direct p50 ${fmt(lat.direct.p50, 3)} / p90 ${fmt(lat.direct.p90, 3)} / p99 ${fmt(lat.direct.p99, 3)}; ` +
      `InvokeAction p50 ${fmt(lat.invoke.p50, 3)} / p90 ${fmt(lat.invoke.p90, 3)} / p99 ${fmt(lat.invoke.p99, 3)}.`,
  );
  lines.push(
    `Throughput (means of the A B B A runs, ${CONNECTIONS} connections): InvokeAction ${fmt(abRps)} req/s vs direct ${fmt(directRps)} req/s = ${fmt(100 * ratio, 1)} %.`,
  );
  lines.push(
    `ActionBridge CPU per invocation (both InvokeAction runs): ${fmt(abCpuUs)} µs; per signed Describe: ${fmt(dsc.cpuUsPerReq.actionbridge)} µs ` +
      `(what an invocation adds to the shared pipeline: ${fmt(abCpuUs - dsc.cpuUsPerReq.actionbridge)} µs).`,
  );
  lines.push(
    named
      ? `InvokeAction of a connector whose endpoint is a host name (${namedUpstream.replace(/:\d+$/, '')}; egress DNS cache ${process.env.ACTIONBRIDGE_EGRESS_DNS_CACHE_MS === '0' ? 'off' : 'on'}): ` +
          `${fmt(named.rps)} req/s, ${fmt(named.cpuUsPerReq.actionbridge)} µs per invocation (${fmt((100 * named.rps) / abRps, 1)} % of the throughput with an address).`
      : 'InvokeAction of a connector whose endpoint is a host name: not measured (localhost does not resolve to 127.0.0.1 alone here).',
  );
  if (base) {
    lines.push(
      `Baseline ${BASELINE}, in the same run: InvokeAction p50 ${fmt(lat.baseline.p50, 3)} ms (+${fmt(lat.baseline.p50 - lat.direct.p50, 3)} ms), ` +
        `${fmt((b1.rps + b2.rps) / 2)} req/s, CPU ${fmt(baseCpuUs)} µs per invocation; this build: ${fmt(abCpuUs / baseCpuUs, 2)}× its CPU. ` +
        `Its Describe: ${fmt(bdsc.cpuUsPerReq.actionbridge)} µs; this build's ${fmt(dsc.cpuUsPerReq.actionbridge / bdsc.cpuUsPerReq.actionbridge, 2)}× that.`,
    );
  }
  lines.push(
    `Client credentials: ${TOKEN_CONCURRENCY} concurrent invocations, ${ccOk} SUCCESS in ${fmt(ccMs)} ms, ${tokenRequests} token request(s), ` +
      `${ccTls} upstream TLS connection(s); ActionBridge RSS ${fmt(rssBefore / MiB)} MiB before, peak ${fmt(rssPeakBytes / MiB)} MiB (VmRSS every 50 ms).`,
  );
  const nonOk = results.filter((r) => r.non2xx || r.errors || r.timeouts);
  const aims = [
    [`added p50 latency < ${AIMS.addedP50Ms} ms`, addedP50 < AIMS.addedP50Ms, `${fmt(addedP50, 3)} ms`],
    [`ActionBridge CPU <= ${AIMS.cpuUsPerInvocation} µs per invocation`, abCpuUs <= AIMS.cpuUsPerInvocation, `${fmt(abCpuUs)} µs`],
    [`InvokeAction throughput >= ${AIMS.throughputRatio * 100} % of direct`, ratio >= AIMS.throughputRatio, `${fmt(100 * ratio, 1)} %`],
    [
      `${TOKEN_CONCURRENCY} concurrent client-credentials invocations cost ${AIMS.tokenRequests} token request`,
      tokenRequests === AIMS.tokenRequests,
      `${tokenRequests}`,
    ],
    [
      `ActionBridge RSS < ${AIMS.rssMiB} MiB during ${TOKEN_CONCURRENCY} concurrent invocations`,
      rssPeakBytes < AIMS.rssMiB * MiB,
      `peak ${fmt(rssPeakBytes / MiB)} MiB`,
    ],
    ['no non-2xx, errors or timeouts', nonOk.length === 0, nonOk.length ? nonOk.map((r) => r.name).join(', ') : 'none'],
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
          cpuModel: os.cpus()[0]?.model,
          connections: CONNECTIONS,
          duration: DURATION,
          warmup: WARMUP,
          latency: { n: LATENCY_N, ...lat, addedP50 },
          throughput: {
            directRps,
            invokeRps: abRps,
            namedInvokeRps: named?.rps,
            namedCpuUsPerInvocation: named?.cpuUsPerReq.actionbridge,
            ratio,
            actionBridgeCpuUsPerInvocation: abCpuUs,
            baselineCpuUsPerInvocation: baseCpuUs,
            results,
          },
          clientCredentials: {
            concurrency: TOKEN_CONCURRENCY,
            succeeded: ccOk,
            ms: ccMs,
            tokenRequests,
            upstreamTlsConnections: ccTls,
            rssBeforeBytes: rssBefore,
            rssPeakBytes,
          },
          aims: aims.map(([aim, ok, got]) => ({ aim, ok, got })),
          problems,
        },
        null,
        2,
      ),
    );
  }
  if (PROF_DIR) mkdirSync(PROF_DIR, { recursive: true });
  if (PROF_DIR) writeFileSync(path.join(PROF_DIR, 'scenarios.json'), JSON.stringify(windows, null, 2));
  if (problems.length || nonOk.length) exitCode = 1;
} catch (e) {
  if (e !== STOP) throw e;
} finally {
  await Promise.all(
    children
      .filter((c) => c.exitCode === null)
      .map(
        (c) =>
          new Promise((resolve) => {
            const t = setTimeout(() => c.kill('SIGKILL'), 15_000);
            c.once('exit', () => {
              clearTimeout(t);
              resolve();
            });
            c.kill('SIGTERM');
          }),
      ),
  );
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = exitCode;
