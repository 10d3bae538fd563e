// The shared setting of the connection tests: a test CA trusted through
// --ca-file, loopback allowed through --egress-allow, and an ActionBridge server.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../src/config.js';
import { startTestServer, tempDir, type TestServer } from '../helpers.js';
import { createTestCa, type TestCa } from './tls.js';

export interface ConnEnv {
  ca: TestCa;
  caFile: string;
  t: TestServer;
}

export async function startConnEnv(overrides: Partial<Config> = {}, ca: TestCa = createTestCa(), now?: () => number): Promise<ConnEnv> {
  const dir = tempDir('ab-ca-');
  const caFile = path.join(dir, 'ca.pem');
  writeFileSync(caFile, ca.certPem);
  const t = await startTestServer({ caFile, egressAllow: ['127.0.0.1/32'], ...overrides }, {}, now);
  return { ca, caFile, t };
}

/** An end user as the connections code sees a caller. */
export const endUser = (name: string, account = '111122223333') => ({
  userName: name,
  userArn: `arn:aws:quicksight:us-east-1:${account}:user/default/${name}`,
});
