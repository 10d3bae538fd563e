// `npm run bench`: every benchmark, one after the other, and one MET/MISSED line per aim
// of issue 15 at the end. Each script also runs alone (its header says how); here each
// writes its figures as JSON (BENCH_JSON) and this script reads their `aims`.
//
//   lean       ../shared/bench/describe-vs-lean.mjs (or BENCH_LEAN), when present: signed Describe beside
//              the lean reference and a bare Fastify server, in one run
//   core       bench/run.mjs: Describe (signed, unsigned), List of 100, Create; memory
//   sigv4      bench/sigv4-micro.mjs: CPU per signature verification
//   scale      bench/scale.mjs: List and Search pages over 100,000 connectors
//   actions    bench/actions.mjs: InvokeAction against a local HTTPS upstream; 1,000 at once
//   pg         bench/pg.mjs: PostgreSQL beside SQLite, one node and two (BENCH_PG_URL,
//              default postgres://postgres@127.0.0.1:5432/test; skipped, and said so, when
//              it does not answer)
//
// BENCH_ONLY=core,scale runs some of them. The machine is shared and noisy: compare
// ratios from one run, never absolute figures from different runs.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LEAN = path.resolve(process.env.BENCH_LEAN ?? path.join(ROOT, '..', 'shared', 'bench', 'describe-vs-lean.mjs'));
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined;
const work = mkdtempSync(path.join(os.tmpdir(), 'ab-bench-all-'));
const summary = [];

/** Runs `node script`, its output shown as it comes; resolves with stdout and the exit code. */
function run(script, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('close', (code) => resolve({ out, code }));
  });
}

const fmt = (n, d = 1) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

async function lean() {
  if (!existsSync(LEAN)) {
    summary.push({ bench: 'lean', aim: 'signed Describe against the lean reference', ok: undefined, got: `skipped: ${LEAN} is not on this machine` });
    return;
  }
  const { out, code } = await run(LEAN);
  const row = (name) => {
    const m = new RegExp(`^${name}\\s+(\\d+) req/s.*server CPU (\\d+) µs/req`, 'm').exec(out);
    return m ? { rps: Number(m[1]), us: Number(m[2]) } : undefined;
  };
  const [p, l] = [row('product'), row('lean')];
  if (code !== 0 || !p || !l) {
    summary.push({ bench: 'lean', aim: 'signed Describe against the lean reference', ok: false, got: `the comparison failed (exit ${code})` });
    return;
  }
  summary.push({
    bench: 'lean',
    aim: 'signed Describe >= 80 % of the lean reference (req/s)',
    ok: p.rps >= 0.8 * l.rps,
    got: `${fmt((100 * p.rps) / l.rps)} % (${p.rps} vs ${l.rps} req/s)`,
  });
  summary.push({
    bench: 'lean',
    aim: 'server CPU per signed Describe <= 1.3x the lean reference',
    ok: p.us <= 1.3 * l.us,
    got: `${fmt(p.us / l.us, 2)}x (${p.us} vs ${l.us} µs)`,
  });
}

async function script(name, file, env = {}) {
  const json = path.join(work, `${name}.json`);
  const { code } = await run(path.join(ROOT, 'bench', file), { ...env, BENCH_JSON: json });
  if (!existsSync(json)) {
    summary.push({ bench: name, aim: file, ok: false, got: `no figures (exit ${code})` });
    return;
  }
  const figures = JSON.parse(readFileSync(json, 'utf8'));
  for (const a of figures.aims ?? []) summary.push({ bench: name, aim: a.aim, ok: a.ok, got: a.got });
  if (code !== 0) summary.push({ bench: name, aim: `${file} ran cleanly`, ok: false, got: `exit ${code}` });
}

async function pgAnswers() {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

const steps = [
  ['lean', () => lean()],
  ['core', () => script('core', 'run.mjs')],
  ['sigv4', () => script('sigv4', 'sigv4-micro.mjs')],
  ['scale', () => script('scale', 'scale.mjs')],
  ['actions', () => script('actions', 'actions.mjs')],
  [
    'pg',
    async () => {
      if (await pgAnswers()) return script('pg', 'pg.mjs', { BENCH_PG_URL: PG_URL });
      summary.push({ bench: 'pg', aim: 'PostgreSQL', ok: undefined, got: `skipped: nothing answers at ${PG_URL} (set BENCH_PG_URL)` });
    },
  ],
];

try {
  for (const [name, step] of steps) {
    if (only && !only.has(name)) continue;
    process.stderr.write(`\n=== ${name} ===\n`);
    if (
      name !== 'lean' &&
      !existsSync(path.join(ROOT, 'bench', { core: 'run.mjs', sigv4: 'sigv4-micro.mjs', scale: 'scale.mjs', actions: 'actions.mjs', pg: 'pg.mjs' }[name]))
    )
      continue;
    await step();
  }
  const lines = [
    '',
    `Issue 15 aims (${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}):`,
  ];
  for (const s of summary)
    lines.push(`${s.ok === undefined ? (s.got.startsWith('skipped') ? 'SKIPPED' : 'INFO   ') : s.ok ? 'MET    ' : 'MISSED '}  [${s.bench}] ${s.aim}: ${s.got}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (summary.some((s) => s.ok === false)) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
