// Prometheus metrics (prom-client), one registry per server instance so that
// several servers in one process (tests, embedding) never share or collide.
// Served on a port of their own (config metricsPort; off by default) — see
// docs/operations/metrics.md — never on the API port.
import http from 'node:http';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { FastCounter, FastHistogram } from './fast-metrics.js';
import type { Store } from '../store/store.js';
import type { InvocationMetrics } from '../ops/services.js';
import type { TokenKind, TokenOutcome } from '../connections/observe.js';

/** Seconds: from a fast API call to a slow upstream. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const DB_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];

/** A store that can say how its connection pool is doing (PostgreSQL, when the store offers it). */
interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}
type MaybePooled = { poolStats?: () => PoolStats };

export class Metrics implements InvocationMetrics {
  readonly registry = new Registry();
  private readonly requests: FastCounter;
  private readonly requestSeconds: FastHistogram;
  private readonly throttledTotal: Counter<'operation'>;
  private readonly invocations: FastCounter;
  private readonly upstreamSeconds: FastHistogram;
  private readonly tokens: Counter<'kind' | 'outcome'>;
  private readonly egressErrors: Counter<'reason'>;
  private readonly dbSeconds: FastHistogram;
  private readonly dbErrors: Counter<'code'>;
  private defaultsOn = false;

  constructor() {
    const registers = [this.registry];
    // Every request and every store call: fast-metrics.ts (same exposition as prom-client's).
    this.requests = new FastCounter('actionbridge_requests_total', 'API requests answered, by operation and HTTP status', this.registry);
    this.requestSeconds = new FastHistogram(
      'actionbridge_request_duration_seconds',
      'API request latency from first byte received to response sent, by operation and HTTP status',
      this.registry,
      LATENCY_BUCKETS,
    );
    this.throttledTotal = new Counter({
      name: 'actionbridge_throttled_requests_total',
      help: 'Requests refused with ThrottlingException (per-account rate limit), by operation',
      labelNames: ['operation'],
      registers,
    });
    // Every invocation: fast-metrics.ts too.
    this.invocations = new FastCounter(
      'actionbridge_invocations_total',
      'Actions invoked through connectors, by connector type, action and status',
      this.registry,
    );
    this.upstreamSeconds = new FastHistogram(
      'actionbridge_invocation_upstream_duration_seconds',
      "Time spent on the connector's service (upstream) per invocation, by connector type, action and status",
      this.registry,
      LATENCY_BUCKETS,
    );
    this.tokens = new Counter({
      name: 'actionbridge_token_requests_total',
      help: 'Token requests to OAuth token endpoints and STS, by kind (client_credentials, authorization_code, refresh, assume_role) and outcome (success, refused, error)',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.egressErrors = new Counter({
      name: 'actionbridge_egress_errors_total',
      help: 'Outbound requests refused by the egress policy or failed, by reason (refused-address, unknown-profile, bad-url, insecure-redirect, dns, connect-timeout, timeout, tls, connection, response-too-large, too-many-redirects)',
      labelNames: ['reason'],
      registers,
    });
    this.dbSeconds = new FastHistogram(
      'actionbridge_db_call_duration_seconds',
      'Time spent in store calls, including waiting for the database (SQLite: the write lock / busy handler; PostgreSQL: a pool connection), by store method',
      this.registry,
      DB_BUCKETS,
    );
    this.dbErrors = new Counter({
      name: 'actionbridge_db_errors_total',
      help: 'Store calls that failed, by driver error code (SQLITE_BUSY: the write lock was not obtained within busy_timeout)',
      labelNames: ['code'],
      registers,
    });
  }

  /** One API request answered. */
  request(operation: string, status: number, seconds: number): void {
    const key = `${operation}|${status}`;
    const labels = () => ({ operation, status: String(status) });
    this.requests.inc(key, labels);
    this.requestSeconds.observe(key, labels, seconds);
  }

  throttled(operation: string): void {
    this.throttledTotal.inc({ operation });
  }

  /**
   * One action invoked (InvokeAction): `status` is a short word such as success,
   * http_error (the service answered non-2xx), egress_error, token_error, error;
   * `upstreamSeconds` the time spent on the connector's service.
   */
  invocation(connectorType: string, action: string, status: string, upstreamSeconds: number): void {
    // The connector type and the status are words without '|' (an enum, metricStatus's): the key is unambiguous whatever the action's name.
    const key = `${connectorType}|${status}|${action}`;
    const labels = () => ({ connector_type: connectorType, action, status });
    this.invocations.inc(key, labels);
    this.upstreamSeconds.observe(key, labels, upstreamSeconds);
  }

  token(kind: TokenKind, outcome: TokenOutcome): void {
    this.tokens.inc({ kind, outcome });
  }

  egressError(reason: string): void {
    this.egressErrors.inc({ reason });
  }

  dbCall(method: string, seconds: number): void {
    this.dbSeconds.observe(method, () => ({ method }), seconds);
  }

  dbError(code: string): void {
    this.dbErrors.inc({ code });
  }

  /** Process metrics (CPU, memory, event loop lag, GC): only for a server whose metrics are served. */
  collectProcessMetrics(): void {
    if (this.defaultsOn) return;
    this.defaultsOn = true;
    collectDefaultMetrics({ register: this.registry });
  }

  /** Pool gauges for a store that offers poolStats() (PostgreSQL); nothing for one that does not. */
  watchPool(store: Store & MaybePooled): void {
    const pooled = store;
    if (typeof pooled.poolStats !== 'function' || this.registry.getSingleMetric('actionbridge_db_pool_connections')) return;
    const registers = [this.registry];
    const gauge = (name: string, help: string, pick: (s: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const stats = pooled.poolStats?.();
          if (stats) this.set(pick(stats));
        },
      });
    gauge('actionbridge_db_pool_connections', 'PostgreSQL: connections open in the query pool', (s) => s.total);
    gauge('actionbridge_db_pool_idle_connections', 'PostgreSQL: idle connections in the query pool', (s) => s.idle);
    gauge('actionbridge_db_pool_waiting_requests', 'PostgreSQL: queries waiting for a free pool connection', (s) => s.waiting);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}

// Store methods whose time is not the database's: `withLock` runs the caller's function inside.
const UNTIMED = new Set(['withLock', 'close', 'kind', 'constructor']);
/** The Store root's repositories (src/store/store.ts): each method of each is timed under its own name. */
const REPOSITORIES = new Set<string>([
  'connectors',
  'apiDefinitions',
  'mcpServers',
  'identities',
  'connections',
  'audit',
  'mcpTokens',
  'console',
  'meta',
  'sealedRows',
] satisfies (keyof Store)[]);

/**
 * The store with every repository call timed (actionbridge_db_call_duration_seconds, label
 * `method`: the method's name) and failures counted by driver code. No Proxy: the result
 * and each repository wrapper are plain objects made once (a Proxy's get trap ran on every
 * member read of every request, and showed in the Describe profile). Each wrapper inherits
 * from its repository (fields read through) and has one own function per method, which
 * calls the repository's method as it is at call time, with the repository as `this` (so a
 * method replaced on a repository, as tests do, is seen at once).
 */
export function instrumentStore<S extends Store>(store: S, metrics: Metrics): S {
  const out = Object.create(store) as S;
  for (const name of methodNames(store)) {
    if (REPOSITORIES.has(name)) continue;
    Object.defineProperty(out, name, {
      value: (...args: unknown[]) => (Reflect.get(store, name) as (...a: unknown[]) => unknown).apply(store, args),
      configurable: true,
      writable: true,
    });
  }
  for (const name of REPOSITORIES) {
    const repo: unknown = Reflect.get(store, name);
    if (typeof repo === 'object' && repo !== null)
      Object.defineProperty(out, name, { value: timed(repo, metrics), enumerable: true, configurable: true, writable: true });
  }
  return out;
}

/** The names of an object's methods: its own function members and those of its prototypes (not Object's). */
function methodNames(o: object): Set<string> {
  const names = new Set<string>();
  for (let p: object | null = o; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) {
      if (k === 'constructor' || names.has(k)) continue;
      const d = Object.getOwnPropertyDescriptor(p, k);
      if (d && typeof d.value === 'function') names.add(k);
    }
  }
  return names;
}

function timed<R extends object>(repo: R, metrics: Metrics): R {
  const out = Object.create(repo) as R;
  for (const name of methodNames(repo)) {
    const method = () => Reflect.get(repo, name) as (...a: unknown[]) => unknown;
    const w =
      UNTIMED.has(name) || name.startsWith('_')
        ? (...args: unknown[]) => method().apply(repo, args)
        : (...args: unknown[]) => {
            const start = performance.now();
            let out: unknown;
            try {
              out = method().apply(repo, args);
            } catch (e) {
              metrics.dbCall(name, (performance.now() - start) / 1000);
              metrics.dbError(codeOf(e));
              throw e;
            }
            if (out instanceof Promise) {
              return out.then(
                (v) => {
                  metrics.dbCall(name, (performance.now() - start) / 1000);
                  return v;
                },
                (e: unknown) => {
                  metrics.dbCall(name, (performance.now() - start) / 1000);
                  metrics.dbError(codeOf(e));
                  throw e;
                },
              );
            }
            metrics.dbCall(name, (performance.now() - start) / 1000);
            return out;
          };
    Object.defineProperty(out, name, { value: w, configurable: true, writable: true });
  }
  return out;
}

function codeOf(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? code : 'other';
}

export interface MetricsServer {
  endpoint: string;
  close(): Promise<void>;
}

/** GET /metrics on its own port (no authentication: bind it where only the scraper reaches). */
export async function startMetricsServer(metrics: Metrics, host: string, port: number): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Only GET /metrics is served here.\n');
      return;
    }
    metrics.text().then(
      (body) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : body);
      },
      () => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics could not be collected\n');
      },
    );
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('the metrics server is not listening on a TCP port');
  const h = host.includes(':') ? `[${host}]` : host;
  return {
    endpoint: `http://${h}:${addr.port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
