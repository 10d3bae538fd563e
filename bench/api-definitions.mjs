// `npm run bench:api-definitions` (issue 17, "Benchmark"): API definitions against the
// real server (`bin/actionbridge serve`, a child process) and a local HTTPS upstream
// (bench/actions-upstream.mjs, another process).
//
//   import     PutActionConnectorApiDefinition of a large published document (Jira's
//              OpenAPI 3.0, 2.4 MB, from ../shared/reference/vendors/, or BENCH_API_DOC;
//              filtered by BENCH_API_TAGS, default the Issues tag), BENCH_IMPORTS times
//              (default 3): wall time of each (read in a worker: parse, derive, check every
//              action), the server's RSS before and after, and whether it kept answering
//              meanwhile (the longest a Describe waited during an import).
//   invoke     InvokeAction of a defined action beside the catalog's HttpRequest doing the
//              same GET on the same upstream, and a direct GET, one at a time in alternating
//              blocks (BENCH_LATENCY_N of each, default 1000): p50 of each and what a
//              defined action adds over a catalog action.
//
// The machine is shared and noisy: compare the ratios of one run.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCerts } from './certs.mjs';
import { serverNodeFlags } from './launch.mjs';
import { Agent } from 'undici';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { ActionBridgeClient } = await import(path.join(ROOT, 'dist', 'client', 'index.js'));
const num = (name, dflt) => Number(process.env[name] ?? dflt);
const LATENCY_N = num('BENCH_LATENCY_N', 1000);
const IMPORTS = num('BENCH_IMPORTS', 3);
const DOC = process.env.BENCH_API_DOC ?? path.join(ROOT, '..', 'shared', 'reference', 'vendors', 'atlassian', 'swagger-v3.v3.json');
const TAGS = (process.env.BENCH_API_TAGS ?? 'Issues').split(',');
const ACCOUNT = '111122223333';
const ADMIN = { accessKeyId: 'AKIABENCHAPIDEFS0001', secretAccessKey: 'bench-apidefs-secret-0123456789abcdef' };

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const children = [];
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});
async function startChild(name, args, env, ready, dir) {
  const logFd = openSync(path.join(dir, `${name}.log`), 'a');
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
    if (await ready().catch(() => false)) return child;
    if (Date.now() > deadline) throw new Error(`${name}: not ready within 30 s:\n${err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const rssMiB = (pid) => {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const work = mkdtempSync(path.join(os.tmpdir(), 'ab-bench-apidefs-'));
let exitCode = 0;
try {
  if (!existsSync(DOC)) throw new Error(`${DOC} is absent: set BENCH_API_DOC to an OpenAPI document`);
  process.stderr.write(`ActionBridge API definition benchmark: node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'})\n`);
  const certs = makeCerts(work);
  const ca = readFileSync(certs.ca, 'utf8');
  const upPort = await freePort();
  const upstream = `https://127.0.0.1:${upPort}`;
  const dispatcher = new Agent({ connect: { ca }, connections: 1 });
  await startChild(
    'upstream',
    [path.join(ROOT, 'bench', 'actions-upstream.mjs'), String(upPort), certs.cert, certs.key],
    {},
    async () => (await fetch(`${upstream}/stats`, { dispatcher })).ok,
    work,
  );
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const server = await startChild(
    'actionbridge',
    [
      ...serverNodeFlags(ROOT),
      path.join(ROOT, 'bin', 'actionbridge'),
      'serve',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--data-dir',
      path.join(work, 'data'),
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
    async () => (await fetch(`${endpoint}/healthz`)).ok,
    work,
  );
  const c = new ActionBridgeClient({ endpoint, region: 'us-east-1', accountId: ACCOUNT, credentials: ADMIN });
  const { QuickSightClient, CreateActionConnectorCommand, DescribeActionConnectorCommand } = await import('@aws-sdk/client-quicksight');
  const qs = new QuickSightClient({ endpoint, region: 'us-east-1', credentials: ADMIN });
  for (const id of ['jira-api', 'items']) {
    await qs.send(
      new CreateActionConnectorCommand({
        AwsAccountId: ACCOUNT,
        ActionConnectorId: id,
        Name: id,
        Type: 'GENERIC_HTTP',
        AuthenticationConfig: { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: `${upstream}/api` } } },
      }),
    );
  }

  // -------- import
  const text = readFileSync(DOC, 'utf8');
  process.stderr.write(`  import: ${path.basename(DOC)} (${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB), tags ${TAGS.join(', ')}, ${IMPORTS} times\n`);
  const rssBefore = rssMiB(server.pid);
  let rssPeak = rssBefore;
  const imports = [];
  let actions = 0;
  let longestDescribeMs = 0;
  for (let i = 0; i < IMPORTS; i++) {
    let done = false;
    // Describe keeps being asked while the document is read: the server must keep answering.
    const prober = (async () => {
      while (!done) {
        const t0 = performance.now();
        await qs.send(new DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'items' }));
        longestDescribeMs = Math.max(longestDescribeMs, performance.now() - t0);
        rssPeak = Math.max(rssPeak, rssMiB(server.pid));
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const t0 = performance.now();
    const r = await c.putActionConnectorApiDefinition({ ActionConnectorId: 'jira-api', Document: text, Include: { Tags: TAGS } });
    imports.push(performance.now() - t0);
    done = true;
    await prober;
    actions = r.ApiDefinition.Actions.length;
    process.stderr.write(
      `    version ${r.ApiDefinition.DefinitionVersion}: ${actions} actions, ${r.ApiDefinition.Skipped.length} skipped, ${imports.at(-1).toFixed(0)} ms\n`,
    );
  }
  const rssAfter = rssMiB(server.pid);
  const list0 = performance.now();
  const listed = await c.listActionConnectorActions({ ActionConnectorId: 'jira-api' });
  const listMs = performance.now() - list0;

  // -------- invoke: a defined action beside the catalog's HttpRequest, same GET
  await c.putActionConnectorApiDefinition({
    ActionConnectorId: 'items',
    Document: JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'Items', version: '1' },
      paths: {
        '/items/{id}': {
          get: {
            operationId: 'getItem',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { 200: { description: 'ok' } },
          },
        },
      },
    }),
  });
  const catalog = () => c.invokeAction({ ActionConnectorId: 'items', ActionId: 'HttpRequest', Input: { Method: 'GET', Path: 'items/1' } });
  const defined = () => c.invokeAction({ ActionConnectorId: 'items', ActionId: 'getItem', Input: { id: '1' } });
  const direct = async () => {
    const r = await fetch(`${upstream}/api/items/1`, { dispatcher });
    await r.text();
    return r.ok;
  };
  for (const f of [catalog, defined]) {
    const r = await f();
    if (r.InvokeActionStatus !== 'SUCCESS') throw new Error(`invoke check: ${JSON.stringify(r)}`);
  }
  const samples = { direct: [], catalog: [], defined: [] };
  const block = 100;
  for (let done = 0; done < LATENCY_N; done += block) {
    for (const [k, f] of [
      ['direct', direct],
      ['catalog', catalog],
      ['defined', defined],
    ]) {
      for (let i = 0; i < block; i++) {
        const t0 = performance.now();
        await f();
        samples[k].push(performance.now() - t0);
      }
    }
  }
  const p50 = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, pct(v, 50)]));

  const out = {
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
    node: process.version,
    document: path.basename(DOC),
    documentBytes: Buffer.byteLength(text),
    tags: TAGS,
    actions,
    importMs: imports,
    importMedianMs: pct(imports, 50),
    rssMiB: { before: rssBefore, peakDuringImports: rssPeak, after: rssAfter },
    longestDescribeDuringImportMs: longestDescribeMs,
    listActionsMs: listMs,
    listedActions: listed.Actions.length,
    invokeP50Ms: p50,
    definedMinusCatalogP50Ms: p50.defined - p50.catalog,
  };
  process.stderr.write(
    `  import: median ${out.importMedianMs.toFixed(0)} ms for ${actions} actions; RSS ${rssBefore.toFixed(0)} → peak ${rssPeak.toFixed(0)} → ${rssAfter.toFixed(0)} MiB; ` +
      `longest Describe during an import ${longestDescribeMs.toFixed(1)} ms; ListActionConnectorActions (${listed.Actions.length}) ${listMs.toFixed(1)} ms\n` +
      `  invoke p50: direct ${p50.direct.toFixed(3)} ms, catalog HttpRequest ${p50.catalog.toFixed(3)} ms, defined getItem ${p50.defined.toFixed(3)} ms ` +
      `(defined − catalog ${(p50.defined - p50.catalog).toFixed(3)} ms; ratio ${(p50.defined / p50.catalog).toFixed(2)})\n`,
  );
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(out, null, 2));
  process.stdout.write(`${JSON.stringify(out)}\n`);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  exitCode = 1;
} finally {
  for (const ch of children) if (ch.exitCode === null) ch.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
