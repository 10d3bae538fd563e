// Starting and stopping a server process: store, keys, bootstrap, listen, signals.
import pino, { type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { openStore } from '../store/open.js';
import { KeyRing } from '../crypto/keyring.js';
import { buildApp } from './app.js';
import { bootstrapAdmin, type Bootstrap } from './bootstrap.js';
import type { Store } from '../store/store.js';

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino({
    level,
    base: { service: 'actionbridge' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['*.authorization', '*.headers.authorization', '*.Password', '*.ApiKey', '*.ClientSecret', '*.SecretAccessKey', '*.secret', '*.token'],
      censor: '[redacted]',
    },
  }, destination ?? process.stdout);
}

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  endpoint: string;
  bootstrap: Bootstrap;
  close(): Promise<void>;
}

export async function startServer(config: Config, log: Logger = createLogger(config.logLevel), env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const keys = KeyRing.load({ dataDir: config.dataDir, env });
  const bootstrap = await bootstrapAdmin(store, keys, config.dataDir, env);
  const { app } = await buildApp({ config, store, keys, log });
  await app.listen({ host: config.host, port: config.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closed: Promise<void> | undefined;
  return {
    app, store, bootstrap,
    endpoint: `http://${host}:${port}`,
    close() {
      closed ??= (async () => { await app.close(); await store.close(); })();
      return closed;
    },
  };
}
