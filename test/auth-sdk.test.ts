// SigV4 against a real server, with the official AWS SDK as the client: every
// way of getting the signature wrong is refused with the AWS error, and a
// refused request changes nothing in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureV4 } from '@smithy/signature-v4';
import { Hash } from '@smithy/hash-node';
import { ACCOUNT, ADMIN, REGION, createInput, expectError, qs, startTestServer, type TestServer } from './helpers.js';
import { afterSigning, bodyText, connArnOf, dbSnapshot, isAbort, listIds, rejection, resend } from './auth-support.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.client().send(new qs.CreateActionConnectorCommand(createInput('existing-1')));
});
afterAll(async () => {
  await t.stop();
});

const describeCmd = (id: string) => new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id });
const sdk = (extra: Partial<qs.QuickSightClientConfig> = {}) =>
  new qs.QuickSightClient({ region: REGION, endpoint: t.endpoint, credentials: ADMIN, maxAttempts: 1, ...extra });

/** Runs `refused` and asserts the database did not change. */
async function changesNothing(refused: () => Promise<void>) {
  const before = dbSnapshot(t.dataDir);
  await refused();
  expect(dbSnapshot(t.dataDir)).toEqual(before);
}

/** Every mutating operation, as the SDK would send it. */
const mutations = (id: string) => [
  new qs.CreateActionConnectorCommand(createInput(id)),
  new qs.UpdateActionConnectorCommand({
    AwsAccountId: ACCOUNT,
    ActionConnectorId: 'existing-1',
    Name: 'renamed',
    AuthenticationConfig: createInput('x').AuthenticationConfig,
  }),
  new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'existing-1' }),
  new qs.UpdateActionConnectorPermissionsCommand({
    AwsAccountId: ACCOUNT,
    ActionConnectorId: 'existing-1',
    RevokePermissions: [{ Principal: `arn:aws:quicksight:${REGION}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeActionConnector'] }],
  }),
  new qs.TagResourceCommand({ ResourceArn: connArnOf('existing-1'), Tags: [{ Key: 'k', Value: 'v' }] }),
  new qs.UntagResourceCommand({ ResourceArn: connArnOf('existing-1'), TagKeys: ['k'] }),
];

describe('the official SDK with bad credentials', () => {
  it('the right credentials work (control)', async () => {
    const d = await sdk().send(describeCmd('existing-1'));
    expect(d.ActionConnector?.ActionConnectorId).toBe('existing-1');
  });

  it('wrong secret → 403 InvalidSignatureException, and nothing changes', async () => {
    const c = sdk({ credentials: { accessKeyId: ADMIN.accessKeyId, secretAccessKey: `${ADMIN.secretAccessKey}-wrong` } });
    await expectError(c.send(describeCmd('existing-1')), 'InvalidSignatureException', 403);
    await changesNothing(async () => {
      for (const cmd of mutations('wrong-secret')) await expectError(c.send(cmd as never), 'InvalidSignatureException', 403);
    });
  });

  it('unknown access key → 403 UnrecognizedClientException, and nothing changes', async () => {
    const c = sdk({ credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: ADMIN.secretAccessKey } });
    await expectError(c.send(describeCmd('existing-1')), 'UnrecognizedClientException', 403);
    await changesNothing(async () => {
      for (const cmd of mutations('unknown-key')) await expectError(c.send(cmd as never), 'UnrecognizedClientException', 403);
    });
  });

  it('unsigned → 403 MissingAuthenticationTokenException, and nothing changes', async () => {
    await changesNothing(async () => {
      const body = JSON.stringify({
        ActionConnectorId: 'unsigned-1',
        Name: 'n',
        Type: 'GENERIC_HTTP',
        AuthenticationConfig: createInput('x').AuthenticationConfig,
      });
      for (const [method, p, b] of [
        ['POST', `/accounts/${ACCOUNT}/action-connectors`, body],
        ['GET', `/accounts/${ACCOUNT}/action-connectors/existing-1`, undefined],
        ['DELETE', `/accounts/${ACCOUNT}/action-connectors/existing-1`, undefined],
        ['GET', `/accounts/${ACCOUNT}/no-such-route`, undefined],
      ] as const) {
        const r = await fetch(`${t.endpoint}${p}`, { method, body: b, headers: b ? { 'content-type': 'application/json' } : {} });
        expect(r.status).toBe(403);
        expect(r.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
      }
    });
    expect((await fetch(`${t.endpoint}/healthz`)).status).toBe(200);
  });

  it('a clock 20 minutes off (systemClockOffset) → InvalidSignatureException, and nothing changes', async () => {
    for (const offset of [-20 * 60_000, 20 * 60_000]) {
      await expectError(sdk({ systemClockOffset: offset }).send(describeCmd('existing-1')), 'InvalidSignatureException', 403);
      await changesNothing(async () => {
        // A fresh client each time: after a refusal the SDK corrects its clock from the response's Date header.
        for (const cmd of mutations(`skewed-${offset > 0 ? 'ahead' : 'behind'}`)) {
          await expectError(sdk({ systemClockOffset: offset }).send(cmd as never), 'InvalidSignatureException', 403);
        }
      });
    }
    // Within the 15-minute window is fine.
    await sdk({ systemClockOffset: -10 * 60_000 }).send(describeCmd('existing-1'));
  });

  it('the SDK recovers from a skewed clock on its own: the refusal carries the server time (Date header)', async () => {
    const c = sdk({ systemClockOffset: -20 * 60_000, maxAttempts: 3 });
    const d = await c.send(describeCmd('existing-1'));
    expect(d.ActionConnector?.ActionConnectorId).toBe('existing-1');
    expect(Math.abs(await Promise.resolve(c.config.systemClockOffset))).toBeLessThan(60_000);
  });

  it('a body altered after signing → InvalidSignatureException, and nothing changes', async () => {
    await changesNothing(async () => {
      for (const cmd of mutations('tampered-body').filter(
        (m) =>
          m instanceof qs.CreateActionConnectorCommand ||
          m instanceof qs.UpdateActionConnectorCommand ||
          m instanceof qs.TagResourceCommand ||
          m instanceof qs.UpdateActionConnectorPermissionsCommand,
      )) {
        const c = sdk();
        let tampered = 0;
        afterSigning(c, (req) => {
          const b = bodyText(req.body)!;
          // Same length, so Content-Length still matches.
          const altered = b
            .replace(/"Name":"[^"]/, (m) => `${m.slice(0, -1)}Z`)
            .replace('"Value":"v"', '"Value":"w"')
            .replace('user/default/admin"', 'user/default/admix"');
          if (altered !== b) tampered++;
          expect(Buffer.byteLength(altered)).toBe(Buffer.byteLength(b));
          req.body = typeof req.body === 'string' ? altered : Buffer.from(altered);
        });
        await expectError(c.send(cmd as never), 'InvalidSignatureException', 403);
        expect(tampered).toBe(1);
      }
    });
  });

  it('a signed header altered after signing → InvalidSignatureException, and nothing changes', async () => {
    const c = sdk();
    let signed = '';
    afterSigning(c, (req) => {
      signed = /SignedHeaders=([^,]+)/.exec(req.headers.authorization!)![1]!;
      req.headers['content-type'] = 'application/x-amz-json-1.0';
    });
    await changesNothing(async () => {
      await expectError(c.send(new qs.CreateActionConnectorCommand(createInput('tampered-header'))), 'InvalidSignatureException', 403);
    });
    expect(signed.split(';')).toEqual(expect.arrayContaining(['content-type', 'host', 'x-amz-date']));

    for (const h of ['x-amz-date', 'host', 'amz-sdk-invocation-id', 'x-amz-user-agent']) {
      const c2 = sdk();
      const sh: string[] = [];
      afterSigning(c2, (req) => {
        sh.push(.../SignedHeaders=([^,]+)/.exec(req.headers.authorization!)![1]!.split(';'));
        const k = Object.keys(req.headers).find((x) => x.toLowerCase() === h);
        if (!k) return;
        req.headers[k] = h === 'x-amz-date' ? req.headers[k]!.replace(/\d(Z)$/, (m) => `${(Number(m[0]) + 1) % 10}Z`) : `${req.headers[k]}x`;
      });
      await changesNothing(async () => {
        const e = await rejection(c2.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'existing-1' })));
        expect(sh, `the SDK signs ${h}`).toContain(h);
        expect(e.name, h).toBe('InvalidSignatureException');
      });
    }
    await sdk().send(describeCmd('existing-1'));
  });

  it('adding or removing a signed header after signing is refused', async () => {
    const c = sdk();
    afterSigning(c, (req) => {
      const sig = req.headers.authorization!;
      req.headers.authorization = sig.replace(
        /SignedHeaders=([^,]+)/,
        (_m, l: string) =>
          `SignedHeaders=${l
            .split(';')
            .filter((x) => x !== 'content-type')
            .join(';')}`,
      );
    });
    await changesNothing(async () => {
      await expectError(c.send(new qs.CreateActionConnectorCommand(createInput('dropped-header'))), 'InvalidSignatureException', 403);
    });
  });
});

describe('replay and regions', () => {
  it('a captured signed request replayed with another region in its scope is refused', async () => {
    const c = sdk();
    const captured = afterSigning(c, () => {}, { abort: true });
    const e = await rejection(c.send(new qs.CreateActionConnectorCommand(createInput('replayed-1'))));
    expect(isAbort(e)).toBe(true);
    const req = captured[0]!;
    expect(req.headers.authorization).toContain(`/${REGION}/quicksight/aws4_request`);

    const west = t.client(ADMIN, 'us-west-2');
    await changesNothing(async () => {
      for (const region of ['us-west-2', 'eu-west-1']) {
        const r = await resend(req, (x) => ({
          ...x,
          headers: { ...x.headers, authorization: x.headers.authorization!.replace(`/${REGION}/`, `/${region}/`) },
        }));
        expect(r.status).toBe(403);
        expect(r.errorType).toBe('InvalidSignatureException');
      }
      // Another service, or another day, in the scope: refused too.
      for (const [from, to] of [
        ['/quicksight/', '/s3/'],
        [`/${req.headers['x-amz-date']!.slice(0, 8)}/`, '/20200101/'],
      ]) {
        const r = await resend(req, (x) => ({ ...x, headers: { ...x.headers, authorization: x.headers.authorization!.replace(from!, to!) } }));
        expect(r.status).toBe(403);
        expect(r.errorType).toBe('InvalidSignatureException');
      }
    });
    expect(await listIds(t, west)).toEqual([]);
    expect(await listIds(t, t.client())).not.toContain('replayed-1');

    // The capture itself was sound: unaltered, it is accepted (once).
    const ok = await resend(req);
    expect(ok.status).toBe(200);
    expect(await listIds(t, t.client())).toContain('replayed-1');
    expect(await listIds(t, west)).toEqual([]);
  });

  it('region partition: a connector created in us-east-1 is invisible from us-west-2', async () => {
    const east = t.client(ADMIN, 'us-east-1');
    const west = t.client(ADMIN, 'us-west-2');
    await east.send(new qs.CreateActionConnectorCommand(createInput('partitioned-1')));
    await expectError(west.send(describeCmd('partitioned-1')), 'ResourceNotFoundException', 404);
    await expectError(
      west.send(new qs.DescribeActionConnectorPermissionsCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'partitioned-1' })),
      'ResourceNotFoundException',
      404,
    );
    await expectError(
      west.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'partitioned-1' })),
      'ResourceNotFoundException',
      404,
    );
    await expectError(west.send(new qs.ListTagsForResourceCommand({ ResourceArn: connArnOf('partitioned-1') })), 'ResourceNotFoundException', 404);
    expect(await listIds(t, west)).not.toContain('partitioned-1');
    const s = await west.send(
      new qs.SearchActionConnectorsCommand({
        AwsAccountId: ACCOUNT,
        Filters: [{ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringLike', Value: 'partitioned' }],
      }),
    );
    expect(s.ActionConnectorSummaries).toEqual([]);

    // The same id is free in us-west-2, and the two are independent.
    const created = await west.send(new qs.CreateActionConnectorCommand(createInput('partitioned-1', { Name: 'West one' })));
    expect(created.Arn).toBe(connArnOf('partitioned-1', 'us-west-2'));
    expect((await east.send(describeCmd('partitioned-1'))).ActionConnector?.Name).toBe('Connector partitioned-1');
    expect((await west.send(describeCmd('partitioned-1'))).ActionConnector?.Name).toBe('West one');
    await west.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'partitioned-1' }));
    expect((await east.send(describeCmd('partitioned-1'))).ActionConnector?.Arn).toBe(connArnOf('partitioned-1'));
  });

  it('a non-admin in another region gets AccessDenied, not a hint that the id exists elsewhere', async () => {
    const u = await t.addUser('region-author', 'AUTHOR');
    await t.client(u).send(new qs.CreateActionConnectorCommand(createInput('author-east')));
    const west = t.client(u, 'us-west-2');
    await expectError(west.send(describeCmd('author-east')), 'AccessDeniedException', 401);
    await expectError(west.send(describeCmd('never-existed')), 'AccessDeniedException', 401);
  });
});

describe('presigned requests against the server', () => {
  const signer = new SignatureV4({ credentials: ADMIN, region: REGION, service: 'quicksight', sha256: Hash.bind(null, 'sha256') as never });

  async function presignedUrl(path: string, query: Record<string, string>, opts: { expiresIn?: number; signingDate?: Date } = {}) {
    const u = new URL(t.endpoint);
    const out = await signer.presign(
      { method: 'GET', protocol: 'http:', hostname: u.hostname, port: Number(u.port), path, query, headers: { host: u.host } } as never,
      opts,
    );
    const q = Object.entries(out.query as Record<string, string>)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
    return `${t.endpoint}${out.path}?${q}`;
  }

  it('a presigned Describe and List are served', async () => {
    const r = await fetch(await presignedUrl(`/accounts/${ACCOUNT}/action-connectors/existing-1`, {}));
    expect(r.status).toBe(200);
    expect((await r.json()).ActionConnector.ActionConnectorId).toBe('existing-1');
    const l = await fetch(await presignedUrl(`/accounts/${ACCOUNT}/action-connectors`, { 'max-results': '1' }));
    expect(l.status).toBe(200);
    expect((await l.json()).ActionConnectorSummaries).toHaveLength(1);
  });

  it('an expired presigned URL is InvalidSignatureException', async () => {
    const url = await presignedUrl(`/accounts/${ACCOUNT}/action-connectors/existing-1`, {}, { expiresIn: 60, signingDate: new Date(Date.now() - 120_000) });
    const r = await fetch(url);
    expect(r.status).toBe(403);
    expect(r.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
  });

  it('a presigned URL with an altered query is refused', async () => {
    const url = await presignedUrl(`/accounts/${ACCOUNT}/action-connectors`, { 'max-results': '1' });
    const r = await fetch(url.replace('max-results=1', 'max-results=2'));
    expect(r.status).toBe(403);
    expect(r.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
  });
});

describe('SigV4 header rules on the wire', () => {
  /** Signs with smithy (as the SDK does) and sends with node:http, so header lines can repeat. */
  async function sendRaw(headerLines: [string, string][], signedValues: Record<string, string>) {
    const { request } = await import('node:http');
    const u = new URL(t.endpoint);
    const signer = new SignatureV4({ credentials: ADMIN, region: REGION, service: 'quicksight', sha256: Hash.bind(null, 'sha256') as never });
    const path = `/accounts/${ACCOUNT}/action-connectors/existing-1`;
    const signed = await signer.sign({
      method: 'GET',
      protocol: 'http:',
      hostname: u.hostname,
      port: Number(u.port),
      path,
      query: {},
      headers: { host: u.host, ...signedValues },
    } as never);
    const flat: string[] = [];
    for (const [k, v] of Object.entries((signed as unknown as { headers: Record<string, string> }).headers)) if (!(k in signedValues)) flat.push(k, v);
    for (const [k, v] of headerLines) flat.push(k, v);
    return new Promise<{ status: number; type: string | undefined }>((resolve, reject) => {
      const req = request({ host: u.hostname, port: u.port, path, method: 'GET', headers: flat as never }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['x-amzn-errortype'] as string | undefined }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('a signed header sent on several lines is canonicalized as its values joined by commas', async () => {
    const r = await sendRaw(
      [
        ['X-Custom', 'value2'],
        ['X-Custom', 'value1'],
      ],
      { 'x-custom': 'value2,value1' },
    );
    expect(r).toEqual({ status: 200, type: undefined });
  });

  it('a signed header with surrounding and inner runs of spaces verifies (trimmed, runs collapsed)', async () => {
    const r = await sendRaw([['X-Custom', '  "a   b   c"  ']], { 'x-custom': '"a b c"' });
    expect(r).toEqual({ status: 200, type: undefined });
  });

  it('the lines of a repeated signed header in another order are refused', async () => {
    const r = await sendRaw(
      [
        ['X-Custom', 'value1'],
        ['X-Custom', 'value2'],
      ],
      { 'x-custom': 'value2,value1' },
    );
    expect(r).toEqual({ status: 403, type: 'InvalidSignatureException' });
  });
});
