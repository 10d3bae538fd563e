// BENCHMARK ONLY: the ActionBridge app with SigV4 verification replaced, so
// `npm run bench` can compare signed and unsigned DescribeActionConnector
// (issue 3: the cost of signature verification). It opens the same store, key
// ring, bootstrap admin, logger and config as `actionbridge serve`; the one
// difference is the authenticator it injects (buildApp({ authenticator })),
// defined here: every request runs as the bootstrap admin without a signature.
// The production code has no bypass: buildApp's default is the real
// Authenticator, and this file is not part of the CLI.
//
// Usage: node bench/server-child.mjs PORT DATA_DIR
// (bootstrap env vars ACTIONBRIDGE_ACCOUNT_ID / _ACCESS_KEY_ID / _SECRET_ACCESS_KEY as for serve)
import path from 'node:path';
import { defaults } from '../dist/config.js';
import { openStore } from '../dist/store/open.js';
import { KeyRing } from '../dist/crypto/keyring.js';
import { buildApp } from '../dist/server/app.js';
import { bootstrapAdmin } from '../dist/server/bootstrap.js';
import { createLogger } from '../dist/server/start.js';
import { userArn } from '../dist/auth/arns.js';

const port = Number(process.argv[2] ?? 0);
const dataDir = path.resolve(process.argv[3] ?? './data');
const config = {
  ...defaults,
  host: '127.0.0.1',
  port,
  dataDir,
  logLevel: process.env.ACTIONBRIDGE_LOG_LEVEL ?? defaults.logLevel,
  throttle: { ratePerSecond: 0, burst: 0 },
};
const log = createLogger(config.logLevel);
const store = await openStore({ dataDir });
const keys = KeyRing.load({ dataDir, env: process.env });
const b = await bootstrapAdmin(store, keys, dataDir, process.env);
const caller = {
  accountId: b.accountId,
  userName: 'admin',
  userArn: userArn(config.region, b.accountId, 'admin'),
  role: 'ADMIN',
  groupArns: [],
  accessKeyId: b.accessKeyId,
};
/** Admits and authenticates every request as the bootstrap admin, without a key lookup or a signature. */
const trusting = {
  async admit() {
    return { key: { accessKeyId: b.accessKeyId } };
  },
  async authenticate() {
    return { caller, region: config.region, signedHeaders: [] };
  },
};
const { app } = await buildApp({ config, store, keys, log, authenticator: trusting });
await app.listen({ host: config.host, port: config.port });
process.stderr.write(`bench server (UNAUTHENTICATED, trusts ${caller.userArn}) on http://127.0.0.1:${port}\n`);
process.on('SIGTERM', () => {
  app
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
});
