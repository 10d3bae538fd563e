// `actionbridge actions list|invoke|test` through the client library, with the
// caller's access key from the environment (the AWS provider chain).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, BIN, tempDir, type Creds } from './helpers.js';
import { startMcpEnv, type McpEnv } from './support/mcp-env.js';

const run = promisify(execFile);
let env: McpEnv;

async function cli(creds: Creds, args: string[]): Promise<{ code: number; out: any; err: string }> {
  const envVars = { ...process.env, AWS_ACCESS_KEY_ID: creds.accessKeyId, AWS_SECRET_ACCESS_KEY: creds.secretAccessKey, AWS_REGION: 'us-east-1' };
  try {
    const { stdout, stderr } = await run(BIN, ['actions', ...args, '--endpoint', env.t.endpoint, '--account', ACCOUNT], { env: envVars, encoding: 'utf8' });
    return { code: 0, out: JSON.parse(stdout), err: stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout ? JSON.parse(x.stdout) : undefined, err: x.stderr };
  }
}

beforeAll(async () => {
  env = await startMcpEnv();
});
afterAll(async () => {
  await env?.stop();
});

describe('actionbridge actions', () => {
  it('list, invoke (JSON and @file), test; errors as JSON on stderr with exit 1', async () => {
    const file = path.join(tempDir('ab-cli-'), 'input.json');
    writeFileSync(file, JSON.stringify({ ProjectKey: 'OPS', Summary: 'From a file' }));
    env.upstream.respond((req) =>
      req.url === '/rest/api/3/issue' ? { status: 201, json: { id: '5', key: 'OPS-5', self: 'x' } } : { status: 200, json: { ok: true, url: req.url } },
    );
    const [list, invoke, fromFile, test, denied, usage] = await Promise.all([
      cli(env.alice, ['list', '--connector', 'jira']),
      cli(env.alice, ['invoke', '--connector', 'gh', '--action', 'HttpRequest', '--input', '{"Method":"GET","Path":"cli/1"}']),
      cli(env.alice, ['invoke', '--connector', 'jira', '--action', 'CreateIssue', '--input', `@${file}`]),
      cli(env.alice, ['test', '--connector', 'gh']),
      cli(env.bob, ['invoke', '--connector', 'jira', '--action', 'GetIssue', '--input', '{"IssueIdOrKey":"OPS-1"}']),
      cli(env.alice, ['invoke', '--connector', 'gh']),
    ]);
    expect(list.code, list.err).toBe(0);
    expect(list.out.Actions.map((a: { ActionId: string }) => a.ActionId)).toContain('CreateIssue');

    expect(invoke.code, invoke.err).toBe(0);
    expect(invoke.out).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 200, Output: { Body: { ok: true, url: '/api/cli/1' } } });
    expect(fromFile.code, fromFile.err).toBe(0);
    expect(fromFile.out).toMatchObject({ InvokeActionStatus: 'SUCCESS', HttpStatusCode: 201, Output: { Key: 'OPS-5' } });

    // TestActionConnector needs UpdateActionConnector, which alice does not hold.
    expect(test.code).toBe(1);
    expect(JSON.parse(test.err)).toMatchObject({ Error: 'AccessDeniedException', HttpStatus: 401 });

    expect(denied.code).toBe(1);
    expect(JSON.parse(denied.err)).toMatchObject({ Error: 'AccessDeniedException', RequestId: expect.any(String) });
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/--action is required/);
  });

  it('test as an owner; the audit shows the CLI as the client', async () => {
    const { ADMIN } = await import('./helpers.js');
    const [test, inv] = await Promise.all([cli(ADMIN, ['test', '--connector', 'gh']), cli(ADMIN, ['invocations', '--connector', 'gh', '--all'])]);
    expect(test.code, test.err).toBe(0);
    expect(test.out).toMatchObject({ Success: true, HttpStatusCode: 200 });
    expect(inv.code, inv.err).toBe(0);
    expect(inv.out.Invocations[0]).toMatchObject({ ActionId: 'HttpRequest', Client: 'actionbridge-cli' });
  });
});
