// Every action of every catalog, end to end: the request built from a sample
// input goes through the egress to a local HTTPS server (with the vendor's host
// name, a test CA) that records exactly what it received; the answer is shaped
// into the InvokeAction result. AWS actions go through the official client and
// the egress to a local endpoint that verifies the SigV4 signature for the
// service's signing name and the connector's region.
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SigV4Verifier } from '../src/auth/sigv4.js';
import { Egress } from '../src/egress/index.js';
import { catalogFor, findAction, invokeAwsAction, invokeHttpAction } from '../src/catalog/index.js';
import { AwsClients, type AwsClientScope } from '../src/connections/index.js';
import {
  AWS_SAMPLES,
  COMPLETED_TYPES,
  HTTP_SAMPLES as ISSUE5_SAMPLES,
  SAMPLE_HOSTS as ISSUE5_HOSTS,
  type AwsSample,
  type HttpSample,
} from './support/catalog-samples.js';
import { CSRF, MORE_HOSTS, MORE_HTTP_SAMPLES, SAP_SAMPLES } from './support/catalog-samples-more.js';
import { AWS_AI_HOSTS, AWS_AI_SAMPLES } from './support/catalog-samples-aws.js';
import { MSMAIL_SAMPLES } from './support/catalog-samples-msmail.js';
import { MSFILES_SAMPLES } from './support/catalog-samples-msfiles.js';
import { SLACKZD_SAMPLES } from './support/catalog-samples-slackzd.js';
import { SNSF_SALESFORCE_SAMPLES, SNSF_SAMPLES } from './support/catalog-samples-snsf.js';
import { FINDINGS_HOSTS, FINDINGS_SAMPLES } from './support/catalog-samples-findings.js';
import { ATLASSIAN_SAMPLES } from './support/catalog-samples-atlassian.js';
import { readMultipart } from './support/multipart.js';
import { REQS_HOSTS, REQS_SAMPLES } from './support/catalog-samples-reqs.js';

import { ASANASM_SAMPLES } from './support/catalog-samples-asanasm.js';
import { AWSBHR_AI_SAMPLES, AWSBHR_PRESIGN_SAMPLES, AWSBHR_S3_SAMPLES, AWSBHR_SAMPLES } from './support/catalog-samples-awsbhr.js';
import { verifyPresignedSigV4 } from './support/sigv4-verify.js';

const HTTP_SAMPLES = [
  ...ISSUE5_SAMPLES,
  ...MORE_HTTP_SAMPLES,
  ...SAP_SAMPLES,
  ...MSMAIL_SAMPLES,
  ...MSFILES_SAMPLES,
  ...SLACKZD_SAMPLES,
  ...SNSF_SAMPLES,
  ...SNSF_SALESFORCE_SAMPLES,
  ...FINDINGS_SAMPLES,
  ...ATLASSIAN_SAMPLES,
  ...REQS_SAMPLES,
  ...ASANASM_SAMPLES,
  ...AWSBHR_SAMPLES,
];
const SAMPLE_HOSTS = [...ISSUE5_HOSTS, ...MORE_HOSTS, ...AWS_AI_HOSTS, ...FINDINGS_HOSTS, ...REQS_HOSTS];
import { startHttpsServer, type TestHttpsServer } from './support/https-server.js';
import { staticResolver } from './support/resolver.js';
import { createTestCa } from './support/tls.js';

const S3_HOST = 's3.us-west-2.amazonaws.com';
const REGION = 'us-west-2';
const CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token-example' };

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  sigv4?: { ok: boolean; service?: string; region?: string; error?: string };
}

let server: TestHttpsServer;
let egress: Egress;
let awsClients: AwsClients;
let received: Received[] = [];
/** The csrf-token fetches (SAP writes), apart from the action's own requests. */
let csrfFetches: Received[] = [];
let reply: { status?: number; headers?: Record<string, string>; body?: string | Buffer } = {};
const verifiers = new Map<string, SigV4Verifier>();
/** The signing name in a SigV4 Authorization header's credential scope. */
const scopeService = (authorization: string) => /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(authorization)?.[1] ?? '';

const withPort = (base: string) => base.replace(/^(https:\/\/[^/]+)/, `$1:${server.port}`);

beforeAll(async () => {
  const ca = createTestCa();
  server = await startHttpsServer({
    cert: ca.issue({ dnsNames: [...SAMPLE_HOSTS, S3_HOST], ips: ['127.0.0.1'] }),
    handler: (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const rec: Received = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) };
        if (req.headers.authorization?.startsWith('AWS4-HMAC-SHA256')) {
          const [rawPath, rawQuery = ''] = req.url!.split('?');
          try {
            const service = scopeService(req.headers.authorization);
            if (!verifiers.has(service)) verifiers.set(service, new SigV4Verifier({ service }));
            const sig = await verifiers
              .get(service)!
              .verify({ method: req.method!, rawPath: rawPath!, rawQuery, headers: req.headers, body: rec.body }, async (id) =>
                id === CREDENTIALS.accessKeyId ? CREDENTIALS.secretAccessKey : undefined,
              );
            rec.sigv4 = { ok: true, service: sig.service, region: sig.region };
          } catch (err) {
            rec.sigv4 = { ok: false, error: (err as Error).message };
          }
        }
        if (req.headers['x-csrf-token']?.toString().toLowerCase() === 'fetch') {
          csrfFetches.push(rec);
          res.writeHead(200, { 'x-csrf-token': CSRF.token, 'set-cookie': CSRF.setCookie, 'content-type': 'application/json' }).end('{"d":{"EntitySets":[]}}');
          return;
        }
        received.push(rec);
        res.writeHead(reply.status ?? 200, reply.headers ?? {}).end(reply.body ?? '');
      });
    },
  });
  const hosts = Object.fromEntries([...SAMPLE_HOSTS, S3_HOST].map((h) => [h, '127.0.0.1']));
  egress = new Egress({ caPems: [ca.certPem], allowCidrs: ['127.0.0.1/32'], resolve: staticResolver(hosts).resolve });
  awsClients = new AwsClients(egress);
});

afterAll(async () => {
  awsClients?.close();
  await egress?.close();
  await server?.close();
});

function answer(sample: HttpSample) {
  const r = sample.response;
  const headers = { ...(r.json !== undefined ? { 'content-type': 'application/json' } : {}), ...r.headers };
  reply = { status: r.status, headers, body: r.json !== undefined ? JSON.stringify(r.json) : r.text };
}

const title = (s: { type: string; actionId: string; note?: string }) => `${s.type} ${s.actionId}${s.note ? ` (${s.note})` : ''}`;

describe('HTTP actions against a local upstream', () => {
  for (const sample of HTTP_SAMPLES) {
    it(title(sample), async () => {
      const action = findAction(sample.type, sample.actionId);
      expect(action, 'action in catalog').toBeDefined();
      received = [];
      csrfFetches = [];
      answer(sample);
      // A URL the vendor handed out (an upload URL) names the local port as ':{port}'.
      const input: unknown = JSON.parse(JSON.stringify(sample.input).replaceAll(':{port}', `:${server.port}`));
      const result = await invokeHttpAction(action!, input, {
        baseEndpoint: withPort(sample.base),
        // What the connections module does: add the connector's credentials, send through the egress.
        send: ({ credentials, ...req }) =>
          egress.request(
            credentials === false ? { ...req, followRedirects: false } : { ...req, headers: { ...req.headers, authorization: 'Bearer sample-token' } },
          ),
      });

      expect(received).toHaveLength(1);
      const got = received[0]!;
      const csrfExpected = sample.expect.headers?.['x-csrf-token'] !== undefined;
      expect(csrfFetches.map((f) => [f.method, f.headers.authorization])).toEqual(csrfExpected ? [['GET', 'Bearer sample-token']] : []);
      if (csrfExpected) expect(csrfFetches[0]!.url).toMatch(/^\/sap\/opu\/odata\/sap\/[A-Z_]+(;v=\d+)?\/$/);
      expect(got.method).toBe(sample.expect.method);
      expect(got.url).toBe(sample.expect.url);
      expect(got.headers.host).toBe(sample.expect.host ? `${sample.expect.host}:${server.port}` : new URL(withPort(sample.base)).host);
      expect(got.headers.authorization).toBe(sample.expect.credentials === false ? undefined : 'Bearer sample-token');
      for (const [name, value] of Object.entries(sample.expect.headers ?? {})) expect(got.headers[name], name).toBe(value);
      if (sample.expect.json !== undefined) expect(JSON.parse(got.body.toString('utf8'))).toEqual(sample.expect.json);
      else if (sample.expect.text !== undefined) expect(got.body.toString('utf8')).toBe(sample.expect.text);
      else if (sample.expect.bytes !== undefined) expect(got.body.equals(sample.expect.bytes)).toBe(true);
      else if (sample.expect.multipart !== undefined) expect(await readMultipart(got.headers['content-type'], got.body)).toEqual(sample.expect.multipart);
      else expect(got.body.length).toBe(0);

      expect(result.InvokeActionStatus).toBe(sample.result.status);
      expect(result.HttpStatusCode).toBe(sample.result.httpStatus);
      if (sample.result.partial) expect(result.Output).toMatchObject(sample.result.output as object);
      else expect(result.Output).toEqual(sample.result.output);
      expect(JSON.parse(JSON.stringify(result.Output))).toEqual(result.Output);
    });
  }
});

/** What the connections module does for an IAM connector: its cached SDK client (one attempt per send) through the egress. */
const awsSend = (clientConfig: Record<string, unknown>) => {
  const scope: AwsClientScope = { owner: 'sample-connector', version: '1', region: REGION, credentials: CREDENTIALS, clientConfig };
  return { send: (call: Parameters<AwsClients['send']>[1], scrubber: Parameters<AwsClients['send']>[2]) => awsClients.send(scope, call, scrubber) };
};

describe('AWS actions through the SDK and the egress', () => {
  const run = (sample: AwsSample) =>
    invokeAwsAction(findAction(sample.type, sample.actionId)!, sample.input, awsSend({ endpoint: `https://${S3_HOST}:${server.port}`, forcePathStyle: true }));

  for (const sample of [...AWS_SAMPLES, ...AWSBHR_S3_SAMPLES]) {
    it(title(sample), async () => {
      received = [];
      reply = sample.response;
      const result = await run(sample);
      expect(received.length).toBeGreaterThanOrEqual(1);
      const got = received[0]!;
      expect(got.sigv4, 'SigV4 verified').toEqual({ ok: true, service: 's3', region: REGION });
      expect(got.headers['x-amz-security-token']).toBe(CREDENTIALS.sessionToken);
      const url = new URL(got.url, 'https://x.invalid');
      expect(got.method).toBe(sample.expect.method);
      expect(url.pathname).toBe(sample.expect.path);
      for (const [k, v] of Object.entries(sample.expect.query ?? {})) expect(url.searchParams.get(k), k).toBe(v);
      if (sample.expect.body) expect(got.body.equals(sample.expect.body)).toBe(true);
      expect(result).toEqual({ InvokeActionStatus: sample.result.status, HttpStatusCode: sample.result.httpStatus, Output: sample.result.output });
    });
  }

  it('refuses base64 content over the size limit before calling AWS', async () => {
    received = [];
    const put = AWS_SAMPLES.find((s) => s.actionId === 'PutObject')!;
    const body = (n: number) => Buffer.alloc(n).toString('base64');
    // Far over: the schema's maxLength names the member.
    await expect(run({ ...put, input: { Bucket: 'reports', Key: 'big.bin', Body: body(6 * 1024 * 1024) } })).rejects.toThrow(
      /Value at 'input.body' failed to satisfy constraint: Member must have length less than or equal to 6990508/,
    );
    // One byte over (the same base64 length after padding): the decoded size is checked too.
    await expect(run({ ...put, input: { Bucket: 'reports', Key: 'big.bin', Body: body(5 * 1024 * 1024 + 1) } })).rejects.toThrow(
      /Binary content must be at most 5242880 bytes/,
    );
    await expect(run({ ...put, input: { Bucket: 'reports', Key: 'x.bin', Body: 'abc' } })).rejects.toThrow(/must be base64-encoded/);
    expect(received).toHaveLength(0);
  });
});

describe('AWS AI actions through their clients and the egress', () => {
  for (const sample of [...AWS_AI_SAMPLES, ...AWSBHR_AI_SAMPLES]) {
    it(`${sample.type} ${sample.actionId}${sample.result.status === 'FAILED' ? ' (a service error is FAILED)' : ''}`, async () => {
      const action = findAction(sample.type, sample.actionId)!;
      expect(action?.aws, 'an AWS action').toBeDefined();
      received = [];
      const r = sample.response;
      reply = { status: r.status, headers: r.headers, body: r.body ?? (r.json !== undefined ? JSON.stringify(r.json) : undefined) };
      const result = await invokeAwsAction(action, sample.input, awsSend({ endpoint: `https://${sample.host}:${server.port}` }));
      expect(received.length).toBeGreaterThanOrEqual(1);
      const got = received[0]!;
      expect(got.sigv4, 'SigV4 verified').toEqual({ ok: true, service: action.aws!.signingName, region: REGION });
      expect(got.method).toBe(sample.expect.method);
      expect(decodeURIComponent(new URL(got.url, 'https://x.invalid').pathname)).toBe(sample.expect.path);
      if (sample.expect.target) expect(String(got.headers['x-amz-target'])).toMatch(new RegExp(`\\.${sample.expect.target}$`));
      if (sample.expect.json) expect(JSON.parse(got.body.toString('utf8'))).toMatchObject(sample.expect.json);
      expect(result).toEqual({ InvokeActionStatus: sample.result.status, HttpStatusCode: sample.result.httpStatus, Output: sample.result.output });
    });
  }
});

describe('S3 presigned URLs: signed with the connector session, nothing sent', () => {
  for (const sample of AWSBHR_PRESIGN_SAMPLES) {
    it(`${sample.type} ${sample.actionId}`, async () => {
      received = [];
      const result = await invokeAwsAction(
        findAction(sample.type, sample.actionId)!,
        sample.input,
        awsSend({ endpoint: `https://${S3_HOST}:${server.port}`, forcePathStyle: true }),
      );
      expect(received).toHaveLength(0);
      expect([result.InvokeActionStatus, result.HttpStatusCode]).toEqual([sample.result.status, sample.result.httpStatus]);
      const out = result.Output as { Url: string; Method: string; ExpiresIn: number; Expiration: string };
      expect([out.Method, out.ExpiresIn]).toEqual([sample.expect.method, sample.expect.expiresIn]);
      const url = new URL(out.Url);
      expect([url.host, decodeURIComponent(url.pathname)]).toEqual([`${S3_HOST}:${server.port}`, sample.expect.path]);
      for (const [k, v] of Object.entries(sample.expect.query ?? {})) expect(url.searchParams.get(k), k).toBe(v);
      expect(url.searchParams.get('X-Amz-Security-Token')).toBe(CREDENTIALS.sessionToken);
      expect(out.Url).not.toContain(encodeURIComponent(CREDENTIALS.secretAccessKey));
      const verdict = verifyPresignedSigV4(
        { method: out.Method, url: `${url.pathname}${url.search}`, headers: { host: url.host } },
        (id) => (id === CREDENTIALS.accessKeyId ? CREDENTIALS.secretAccessKey : undefined),
        's3',
      );
      expect(verdict).toMatchObject({ ok: true, region: REGION, signedHeaders: ['host'], expires: sample.expect.expiresIn });
    });
  }
});

describe('coverage', () => {
  it('every action of every catalog has a sample that succeeds', () => {
    const exercised = new Set(
      [...HTTP_SAMPLES, ...AWS_SAMPLES, ...AWS_AI_SAMPLES, ...AWSBHR_S3_SAMPLES, ...AWSBHR_AI_SAMPLES, ...AWSBHR_PRESIGN_SAMPLES]
        .filter((s) => s.result.status === 'SUCCESS')
        .map((s) => `${s.type} ${s.actionId}`),
    );
    const missing: string[] = [];
    for (const type of COMPLETED_TYPES) {
      for (const a of catalogFor(type)!.actions) if (!exercised.has(`${type} ${a.ActionId}`)) missing.push(`${type} ${a.ActionId}`);
    }
    expect(missing).toEqual([]);
  });
});
