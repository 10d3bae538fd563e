// Starting and stopping a server process: store, keys, bootstrap, listen, signals.
import { stdoutDestination } from './log-destination.js';
import pino, { type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { openStore } from '../store/open.js';
import { securePrivateDir } from '../store/file-modes.js';
import { KeyRing } from '../crypto/keyring.js';
import { migrateDestinationAad } from '../crypto/destination-migration.js';
import { type AppDeps, buildApp } from './app.js';
import { bootstrapAdmin, type Bootstrap } from './bootstrap.js';
import { needsRedaction, redactDeep, scrubText } from './redact.js';
import { errorMessage } from '../error-text.js';
import type { Store } from '../store/store.js';
import type { Services } from '../ops/services.js';
import { Metrics, startMetricsServer, type MetricsServer } from './metrics.js';

/**
 * pino's isoTime (`,"time":"<ISO 8601>"`), formatted once per millisecond: a busy server
 * writes many lines per millisecond, and formatting a Date was a visible part of each.
 */
let lastMs = -1;
let lastTime = '';
function isoTimeEachMillisecond(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastTime = `,"time":"${new Date(ms).toISOString()}"`;
  }
  return lastTime;
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'actionbridge' },
      timestamp: isoTimeEachMillisecond,
      // Secret members at any depth, and error text, are censored before serialization
      // (also the message pino would take from an error logged without one) ...
      hooks: {
        logMethod(args, method) {
          const o: unknown = args[0];
          if (o !== null && typeof o === 'object') {
            const err = o instanceof Error ? o : 'err' in o && o.err instanceof Error ? o.err : undefined;
            if (o instanceof Error) (args as unknown[])[0] = { err: redactDeep(o) };
            else if (needsRedaction(o)) (args as unknown[])[0] = redactDeep(o);
            if (err && typeof args[1] !== 'string') (args as unknown[]).splice(1, 0, scrubText(err.message) ?? '');
          }
          return method.apply(this, args);
        },
      },
      // ... and these fixed paths by pino itself.
      redact: {
        paths: ['*.authorization', '*.headers.authorization', '*.Password', '*.ApiKey', '*.ClientSecret', '*.SecretAccessKey', '*.secret', '*.token'],
        censor: '[redacted]',
      },
    },
    destination ?? stdoutDestination(),
  );
}

export interface RunningServer {
  app: FastifyInstance;
  /** What the operations are given (store, egress, connections, ...): for tests and embedding. */
  services: Services;
  store: Store;
  endpoint: string;
  bootstrap: Bootstrap;
  /** This server's metrics registry. */
  metrics: Metrics;
  /** `http://host:port/metrics` when config.metricsPort is set. */
  metricsEndpoint?: string;
  close(): Promise<void>;
  /**
   * Graceful stop within a bound: no new connections; requests in flight may finish for
   * `timeoutMs`, after which their connections are cut (forced: true). The database is
   * closed last, either way.
   */
  shutdown(timeoutMs: number): Promise<{ forced: boolean }>;
}

export async function startServer(
  config: Config,
  log: Logger = createLogger(config.logLevel),
  env: NodeJS.ProcessEnv = process.env,
  /** The clock (tests move it past token and credential renewal points instead of waiting for them). */
  deps: Pick<AppDeps, 'now'> = {},
): Promise<RunningServer> {
  // The data dir 0700, its database and key files 0600: looser modes left by older versions are tightened.
  const tightened = securePrivateDir(config.dataDir, !config.databaseUrl);
  if (tightened.length) log.warn({ tightened }, 'the data dir or files in it were readable by others: modes tightened');
  const store = await openStore({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    postgres: {
      ...config.postgres,
      // Until it reconnects, identity and connector reads go to the database on every request (src/store/notify.ts).
      onListenError: (e) => log.warn({ err: errorMessage(e) }, 'PostgreSQL: the connection listening for identity and connector changes failed; reconnecting'),
      onPreparedStatementsOff: (reason) => log.warn(`PostgreSQL: ${reason}`),
    },
  });
  const keys = KeyRing.load({ dataDir: config.dataDir, env });
  // Once per database: connector secrets and tokens re-sealed bound to their destinations.
  try {
    await migrateDestinationAad(store, keys, log);
  } catch (e) {
    await store.close();
    throw e;
  }
  const bootstrap = await bootstrapAdmin(store, keys, config.dataDir, env, log);
  const metrics = new Metrics();
  const { app, services } = await buildApp({ config, store, keys, log, metrics, ...(deps.now ? { now: deps.now } : {}) });
  await app.listen({ host: config.host, port: config.port });
  let metricsServer: MetricsServer | undefined;
  if (config.metricsPort !== undefined) {
    metrics.collectProcessMetrics();
    try {
      metricsServer = await startMetricsServer(metrics, config.metricsHost, config.metricsPort);
    } catch (e) {
      await app.close();
      await store.close();
      throw new Error(`cannot serve metrics on ${config.metricsHost}:${config.metricsPort}: ${errorMessage(e)}`);
    }
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closed: Promise<void> | undefined;
  const running: RunningServer = {
    app,
    services,
    store,
    bootstrap,
    metrics,
    ...(metricsServer ? { metricsEndpoint: metricsServer.endpoint } : {}),
    endpoint: `http://${host}:${port}`,
    close() {
      closed ??= (async () => {
        await app.close();
        await metricsServer?.close();
        await store.close();
      })();
      return closed;
    },
    async shutdown(timeoutMs) {
      let forced = false;
      let timer: NodeJS.Timeout | undefined;
      const cut = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          forced = true;
          log.warn({ timeoutMs }, 'shutdown bound reached: closing the connections of requests still in flight');
          app.server.closeAllConnections();
          resolve();
        }, timeoutMs);
      });
      const closing = running.close();
      await Promise.race([closing, cut]);
      if (forced) {
        // Handlers whose connections were cut may still be waiting on an upstream: give them
        // a moment (each write is one transaction, so none is left half done), then close the database.
        await Promise.race([closing, new Promise((r) => setTimeout(r, 2_000).unref())]);
        await store.close().catch(() => undefined);
      }
      clearTimeout(timer);
      return { forced };
    },
  };
  return running;
}
