import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, createInput, expectError, qs, startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

describe('harness', () => {
  it('creates and describes a connector through the official SDK', async () => {
    const c = t.client();
    const r = await c.send(new qs.CreateActionConnectorCommand(createInput('harness-1')));
    expect(r.CreationStatus).toBe('CREATION_SUCCESSFUL');
    const d = await c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'harness-1' }));
    expect(d.ActionConnector?.Name).toBe('Connector harness-1');
    await expectError(c.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'nope' })), 'ResourceNotFoundException', 404);
  });
});
