// The help text of `actionbridge serve`'s flags (and of doctor's, which takes the same):
// one entry per name in FLAG_NAMES (test/cli-help.test.ts checks that each appears in
// `serve --help`), with its value, environment variable and default from config.ts.
import { defaults, type FLAG_NAMES } from '../config.js';

type FlagName = (typeof FLAG_NAMES)[number];

export interface FlagHelp {
  value: string;
  description: string;
  /** Shown as "(default: ...)"; omitted when there is none. */
  default?: string;
}

const env = (flag: string) => `ACTIONBRIDGE_${flag.toUpperCase().replace(/-/g, '_')}`;

export const SERVE_FLAGS: Record<FlagName, FlagHelp> = {
  host: { value: 'HOST', description: 'address the API listens on', default: defaults.host },
  port: { value: 'PORT', description: 'port of the API (0: a free port)', default: String(defaults.port) },
  'data-dir': { value: 'DIR', description: 'directory of the SQLite database, master.keys and the bootstrap file', default: defaults.dataDir },
  'database-url': { value: 'URL', description: 'postgres:// URL: use PostgreSQL instead of SQLite' },
  region: { value: 'REGION', description: 'region of identities (user and group ARNs) and the default region', default: defaults.region },
  'egress-allow': { value: 'CIDR', description: 'allow connectors to reach this private range (repeatable, e.g. 127.0.0.0/8)' },
  'ca-file': { value: 'PEM', description: 'extra CA certificates trusted for outbound TLS' },
  'log-level': { value: 'LEVEL', description: 'fatal, error, warn, info, debug, trace or silent', default: defaults.logLevel },
  'throttle-rate': { value: 'N', description: 'requests per second per account (0: no throttling)', default: String(defaults.throttle.ratePerSecond) },
  'throttle-burst': { value: 'N', description: 'burst an account may send at once', default: String(defaults.throttle.burst) },
  'body-limit': { value: 'BYTES', description: 'largest request body accepted', default: String(defaults.bodyLimit) },
  'public-url': { value: 'URL', description: 'https URL at which browsers reach this server (OAuth redirects)' },
  'sts-endpoint': { value: 'URL', description: 'STS endpoint for IAM connectors', default: 'the regional AWS endpoint' },
  nodes: { value: 'N', description: 'nodes behind one load balancer (splits the throttle)', default: String(defaults.nodes) },
  'pg-pool-size': { value: 'N', description: 'PostgreSQL connections per node', default: String(defaults.postgres.poolSize) },
  'pg-statement-timeout-ms': {
    value: 'MS',
    description: 'longest SQL statement on PostgreSQL (0: no limit)',
    default: String(defaults.postgres.statementTimeoutMs),
  },
  'metrics-port': { value: 'PORT|off', description: 'serve Prometheus /metrics on this port (0: a free port)', default: 'off' },
  'metrics-host': { value: 'HOST', description: 'address /metrics listens on', default: defaults.metricsHost },
  'shutdown-timeout-ms': { value: 'MS', description: 'how long requests in flight may finish on SIGTERM', default: String(defaults.shutdownTimeoutMs) },
  'audit-retention-days': { value: 'N', description: 'days InvokeAction records are kept (0: forever)', default: String(defaults.auditRetentionDays) },
  'trust-proxy': { value: 'on|off|ADDR,...', description: 'trust X-Forwarded-* from these proxies', default: 'off' },
};

/** "--port PORT" → description with its variable and default, as commander's Option wants it. */
export function serveFlagDescription(name: FlagName): string {
  const f = SERVE_FLAGS[name];
  return `${f.description} [${env(name)}]${f.default !== undefined ? ` (default: ${f.default})` : ''}`;
}
