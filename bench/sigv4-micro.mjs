// CPU cost of one SigV4 verification: SigV4Verifier.verify() on a signed
// DescribeActionConnector as the AWS SDK for JavaScript v3 sends it (the header set of
// bench/run.mjs, x-amz-content-sha256 included), headers as Fastify hands them over
// (headersDistinct: lower-case names, one array per header). The access key's secret
// is known (the signing key cache is warm), as it is for every request but the first.
//
//   node bench/sigv4-micro.mjs [distDir ...]     (default: this tree's dist/)
//
// Give several dist directories (e.g. main's and this tree's) to compare them in one run:
// they are measured alternately, A B B A, and the median of the rounds is printed.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SignatureV4 } from '@smithy/signature-v4';
import { Hash } from '@smithy/hash-node';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ITERATIONS = Number(process.env.SIGV4_ITERATIONS ?? 100_000);
const WARMUP = 20_000;
const KEY = { accessKeyId: 'AKIABENCHADMIN000001', secretAccessKey: 'bench-admin-secret-0123456789abcdef' };
const SDK_UA = 'aws-sdk-js/3.1168.0';
const NOW = Date.now();

async function describeRequest() {
  const signer = new SignatureV4({ credentials: KEY, region: 'us-east-1', service: 'quicksight', sha256: Hash.bind(null, 'sha256'), uriEscapePath: true });
  const rawPath = '/accounts/123456789012/action-connectors/bench-connector-000000';
  const out = await signer.sign(
    {
      method: 'GET',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 3000,
      path: rawPath,
      query: {},
      headers: {
        'x-amz-user-agent': SDK_UA,
        'user-agent': `${SDK_UA} ua/2.1 lang/js md/nodejs#${process.versions.node} api/quicksight#3.1168.0`,
        host: '127.0.0.1:3000',
        'amz-sdk-invocation-id': randomUUID(),
        'amz-sdk-request': 'attempt=1; max=1',
      },
    },
    { signingDate: new Date(NOW) },
  );
  const headers = {};
  for (const [k, v] of Object.entries(out.headers)) headers[k.toLowerCase()] = [String(v)];
  return { method: 'GET', rawPath, rawQuery: '', headers, body: undefined };
}

async function measure(Verifier, req, n) {
  const v = new Verifier({ now: () => NOW });
  const lookup = async (id) => (id === KEY.accessKeyId ? KEY.secretAccessKey : undefined);
  for (let i = 0; i < WARMUP; i++) await v.verify(req, lookup);
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await v.verify(req, lookup);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / n;
}

const dists = process.argv.length > 2 ? process.argv.slice(2) : [path.join(ROOT, 'dist')];
const verifiers = [];
for (const d of dists) {
  const mod = await import(pathToFileURL(path.join(path.resolve(d), 'auth', 'sigv4.js')).href);
  verifiers.push({ dist: d, Verifier: mod.SigV4Verifier, rounds: [] });
}
const req = await describeRequest();
// The request must verify with every implementation (a bench of a refusal measures nothing).
for (const v of verifiers) await new v.Verifier({ now: () => NOW }).verify(req, async () => KEY.secretAccessKey);

const order = [...verifiers, ...[...verifiers].reverse()];
for (let round = 0; round < 2; round++) for (const v of order) v.rounds.push(await measure(v.Verifier, req, ITERATIONS));
for (const v of verifiers) {
  const s = [...v.rounds].sort((a, b) => a - b);
  const median = (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
  console.log(
    `${v.dist}: ${median.toFixed(2)} µs CPU per verify() (median of ${s.length} rounds of ${ITERATIONS}; rounds ${v.rounds.map((r) => r.toFixed(2)).join(' ')})`,
  );
}

// bench/all.mjs reads the aim from here (issue 15: ≤ 15 µs of CPU per verification).
if (process.env.BENCH_JSON) {
  const mine = verifiers[verifiers.length - 1];
  const s = [...mine.rounds].sort((a, b) => a - b);
  const median = (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    process.env.BENCH_JSON,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        verifiers: verifiers.map((v) => ({ dist: v.dist, rounds: v.rounds })),
        aims: [{ aim: 'SigV4 verification <= 15 µs of CPU per request (signing key cached)', ok: median <= 15, got: `${median.toFixed(2)} µs (median)` }],
      },
      null,
      2,
    ),
  );
}
