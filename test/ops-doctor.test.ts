// `actionbridge doctor`: every check OK on a good setup (exit 0); on a broken one each
// problem is a FAIL line that says what is wrong in plain words (exit 1). Doctor
// changes nothing: no database or key file is created.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, BIN, basicAuth, qs, startTestServer, tempDir } from './helpers.js';
import { createTestCa } from './support/tls.js';
import { runDoctor, type Check } from '../src/cli/doctor.js';

const VPC_A = `arn:aws:quicksight:us-east-1:${ACCOUNT}:vpcConnection/vpc-proxy`;
const VPC_B = `arn:aws:quicksight:us-east-1:${ACCOUNT}:vpcConnection/vpc-direct`;

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(BIN, args, { encoding: 'utf8', env: { ...process.env, ...env } }, (err, stdout) => {
      resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout });
    });
  });
}

const line = (out: string, name: string) => out.split('\n').filter((l) => l.slice(6).startsWith(name));
const status = (checks: Check[], name: string) => checks.filter((c) => c.name === name).map((c) => c.status);

let proxy: net.Server;
let proxyPort: number;
let closedPort: number;
let goodDir: string;
let caFile: string;

beforeAll(async () => {
  proxy = net.createServer((s) => s.end());
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
  proxyPort = (proxy.address() as net.AddressInfo).port;
  const spare = net.createServer();
  await new Promise<void>((r) => spare.listen(0, '127.0.0.1', () => r()));
  closedPort = (spare.address() as net.AddressInfo).port;
  await new Promise<void>((r) => spare.close(() => r()));

  // A data dir a server has used: database, key file, a connector with a sealed secret.
  const t = await startTestServer();
  await t.client().send(
    new qs.CreateActionConnectorCommand({
      AwsAccountId: ACCOUNT,
      ActionConnectorId: 'doc-1',
      Name: 'doc',
      Type: 'GENERIC_HTTP',
      AuthenticationConfig: basicAuth(),
    }),
  );
  goodDir = tempDir('ab-doctor-');
  await t.server.close();
  for (const f of ['actionbridge.db', 'master.keys']) copyFileSync(path.join(t.dataDir, f), path.join(goodDir, f));
  await t.stop();
  caFile = path.join(goodDir, 'ca.pem');
  writeFileSync(caFile, createTestCa('Doctor Test CA').certPem);
});
afterAll(async () => {
  await new Promise<void>((r) => proxy.close(() => r()));
});

function configFile(dir: string, body: string): string {
  const f = path.join(dir, 'actionbridge.yaml');
  writeFileSync(f, body);
  return f;
}

describe('doctor', () => {
  it('a good setup: every check OK (the test CA, valid 30 days, is a warning), exit 0', async () => {
    const cfg = configFile(
      goodDir,
      [
        `dataDir: ${goodDir}`,
        'egress:',
        `  caFile: ${caFile}`,
        '  vpcConnections:',
        `    "${VPC_A}": { allowCidrs: [10.0.0.0/8], proxy: "http://127.0.0.1:${proxyPort}" }`,
        `    "${VPC_B}": { allowCidrs: [10.1.0.0/16] }`,
      ].join('\n'),
    );
    const r = await run(['doctor', '--config', cfg]);
    expect(r.code, r.stdout).toBe(0);
    for (const name of ['configuration', 'database', 'migrations', 'master key', 'VPC vpc-proxy', 'VPC vpc-direct']) {
      const l = line(r.stdout, name);
      expect(l.length, `${name} in\n${r.stdout}`).toBeGreaterThan(0);
      expect(
        l.every((x) => x.startsWith('OK ')),
        r.stdout,
      ).toBe(true);
    }
    expect(line(r.stdout, 'master key')[0]).toMatch(/opens \d+ of \d+ sealed secrets/);
    // The test CA is valid for 30 days: within the expiry warning window.
    expect(line(r.stdout, 'CA file')[0]).toMatch(/^WARN .*Doctor Test CA expires on \d{4}-\d\d-\d\d/);
    expect(line(r.stdout, 'VPC vpc-proxy')[0]).toMatch(/accepts connections/);
    expect(r.stdout).toMatch(/Everything checked is fine/);
  });

  it('a broken setup: each problem is a FAIL in plain words, exit 1', async () => {
    const dir = tempDir('ab-doctor-bad-');
    copyFileSync(path.join(goodDir, 'actionbridge.db'), path.join(dir, 'actionbridge.db'));
    // Another master key than the one the secrets were sealed with.
    writeFileSync(path.join(dir, 'master.keys'), `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    const badCa = path.join(dir, 'ca.pem');
    writeFileSync(badCa, 'not a certificate\n');
    const cfg = configFile(
      dir,
      [
        `dataDir: ${dir}`,
        'egress:',
        `  caFile: ${badCa}`,
        '  vpcConnections:',
        `    "${VPC_A}": { allowCidrs: [10.0.0.0/8], proxy: "http://127.0.0.1:${closedPort}" }`,
      ].join('\n'),
    );
    const r = await run(['doctor', '--config', cfg]);
    expect(r.code, r.stdout).toBe(1);
    expect(line(r.stdout, 'configuration')[0]).toMatch(/^OK /);
    expect(line(r.stdout, 'database')[0]).toMatch(/^OK /);
    expect(line(r.stdout, 'master key')[0]).toMatch(/^FAIL .*do not open .*sealed with key id\(s\) [0-9a-f]{12}, which it does not have/);
    expect(line(r.stdout, 'CA file')[0]).toMatch(/^FAIL .*holds no PEM certificate/);
    expect(line(r.stdout, 'VPC vpc-proxy')[0]).toMatch(/^FAIL .*cannot connect to the proxy 127\.0\.0\.1:\d+: connection refused/);
    expect(r.stdout).toMatch(/3 check\(s\) failed/);
  });

  it('names an invalid config key, a missing or damaged database, a missing key file and an expired CA, and creates nothing', async () => {
    const dir = tempDir('ab-doctor-empty-');
    const badKey = await runDoctor({ config: configFile(dir, 'port: 1\nlisten: 2\n') }, {});
    expect(badKey[0]).toMatchObject({ name: 'configuration', status: 'FAIL' });
    expect(badKey[0]!.message).toMatch(/unknown key 'listen'/);
    expect(badKey.slice(1).every((c) => c.status === 'SKIP')).toBe(true);

    const empty = await runDoctor({ 'data-dir': dir }, {});
    expect(empty.find((c) => c.name === 'database')).toMatchObject({
      status: 'FAIL',
      message: expect.stringMatching(/no database at .*no server has started with this data dir/),
    });
    expect(existsSync(path.join(dir, 'actionbridge.db'))).toBe(false);
    expect(existsSync(path.join(dir, 'master.keys'))).toBe(false);

    const noKey = tempDir('ab-doctor-nokey-');
    copyFileSync(path.join(goodDir, 'actionbridge.db'), path.join(noKey, 'actionbridge.db'));
    const ca = createTestCa();
    const expired = path.join(noKey, 'expired.pem');
    writeFileSync(
      expired,
      ca.issue({ dnsNames: ['old.example'], notBefore: new Date(Date.now() - 10 * 86400_000), notAfter: new Date(Date.now() - 86400_000) }).certPem,
    );
    const checks = await runDoctor({ 'data-dir': noKey, 'ca-file': expired }, {});
    expect(status(checks, 'database')).toEqual(['OK']);
    expect(checks.find((c) => c.name === 'master key')).toMatchObject({
      status: 'FAIL',
      message: expect.stringMatching(/no master key.*could not open any secret stored so far/),
    });
    expect(existsSync(path.join(noKey, 'master.keys'))).toBe(false);
    expect(checks.find((c) => c.name === 'CA file')).toMatchObject({
      status: 'FAIL',
      message: expect.stringMatching(/old\.example expired on \d{4}-\d\d-\d\d/),
    });
    // A key from the environment that is not the one the secrets were sealed with: FAIL too.
    const withEnv = await runDoctor({ 'data-dir': noKey }, { ACTIONBRIDGE_MASTER_KEY: randomBytes(32).toString('base64') });
    expect(status(withEnv, 'master key')).toEqual(['FAIL']);

    const damaged = tempDir('ab-doctor-damaged-');
    writeFileSync(path.join(damaged, 'actionbridge.db'), Buffer.concat([Buffer.from('SQLite format 3\0'), randomBytes(8192)]));
    const d = await runDoctor({ 'data-dir': damaged }, {});
    expect(d.find((c) => c.name === 'database')?.status).toBe('FAIL');
  });
});
