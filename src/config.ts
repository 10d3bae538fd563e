// Server configuration: defaults, the config file (YAML or JSON, validated by a
// schema; unknown keys are errors), ACTIONBRIDGE_* variables and flags.
// Precedence, highest first: flag > environment variable > config file > default.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { Ajv } from 'ajv';
import YAML from 'yaml';
import { vpcConfigProblem } from './domain/vpc-connections.js';
import { errorMessage } from './error-text.js';

export interface ThrottleConfig {
  /** Requests per second refilled into each account's bucket; 0 disables throttling. */
  ratePerSecond: number;
  /** Bucket size: the burst an account may send at once. */
  burst: number;
}

/** PostgreSQL connection settings (used with databaseUrl). */
export interface PostgresConfig {
  /** Connections per node for queries (the node also opens at most half as many for cross-node locks). */
  poolSize: number;
  /** Longest a single SQL statement may run, in milliseconds (0: no limit). Migrations run without it. */
  statementTimeoutMs: number;
}

/** A named egress profile a connector selects with its VpcConnectionArn. */
export interface VpcConnectionConfig {
  allowCidrs: string[];
  /** Optional HTTP proxy (http://host:port) that outbound requests of this profile go through. */
  proxy?: string;
  /**
   * Accounts whose connectors may use it, besides the account of its ARN (its key).
   * Required when the key is not a full VpcConnectionArn (src/domain/vpc-connections.ts).
   */
  accounts?: string[];
  /** Regions it serves besides the region of its ARN; a key that is not an ARN: every region unless listed. */
  regions?: string[];
}

export interface Config {
  /** Days InvokeAction records are kept (the audit trail); 0 keeps them forever. */
  auditRetentionDays: number;
  host: string;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  /** The region of identities (user and group ARNs) and the default region. */
  region: string;
  egressAllow: string[];
  caFile?: string;
  configFile?: string;
  /** VPC connections by ARN. */
  vpcConnections: Record<string, VpcConnectionConfig>;
  throttle: ThrottleConfig;
  logLevel: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Bytes of request bodies the server holds at one time, all requests together; a body past it is refused (429). */
  maxBufferedRequestBytes: number;
  /** Bytes of upstream response bodies held at one time, all invocations together; a response past it fails the invocation (egress reason 'busy'). */
  egressMaxBufferedBytes: number;
  /** The longest one upstream request may take, redirects and the whole body included, in ms; past it the invocation fails (egress reason 'timeout'). */
  egressTimeoutMs: number;
  /** How long a host name's addresses are used before it is looked up again, in ms; 0 looks it up for every request. */
  egressDnsCacheMs: number;
  /**
   * A remote MCP server's tool call (its session: initialize, the call, its streams) at most,
   * progress notifications or not; past it the invocation is FAILED with Code McpTimeout.
   */
  mcpCallTimeoutMs: number;
  /**
   * The https URL at which users' browsers reach this server (e.g. behind a TLS proxy).
   * When set, an OAUTH2_AUTHORIZATION_CODE connector's RedirectUrl must be exactly
   * `${publicUrl}/oauth/callback`.
   */
  publicUrl?: string;
  /** The STS endpoint for IAM connectors (AssumeRole); default: the regional AWS endpoint. */
  stsEndpoint?: string;
  /** PostgreSQL pool and timeouts (only with databaseUrl). */
  postgres: PostgresConfig;
  /**
   * How many nodes serve this deployment behind one load balancer: each node's throttle
   * bucket is 1/nodes of the account's rate and burst, so the account's total stays as
   * configured when the balancer spreads requests evenly (docs/operations/postgresql.md).
   */
  nodes: number;
  /** Port of the Prometheus endpoint GET /metrics (0: a free port); undefined: metrics are not served. */
  metricsPort?: number;
  /** Address the metrics endpoint listens on. */
  metricsHost: string;
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before their connections are cut. */
  shutdownTimeoutMs: number;
  /**
   * Whether the client address comes from X-Forwarded-For (Fastify's trustProxy): false
   * (the socket's address; the header is ignored), true (every hop trusted), or the
   * proxies' addresses and CIDRs (hops from them are trusted). It decides the address
   * the sign-in limits count. No hop count: Fastify 5 treats one as "trust nothing",
   * since a count alone trusts whoever connects.
   */
  trustProxy: TrustProxy;
}

/** See Config.trustProxy. */
export type TrustProxy = boolean | string[];

export const defaults: Config = {
  auditRetentionDays: 90,
  host: '127.0.0.1',
  port: 4599,
  dataDir: './data',
  region: 'us-east-1',
  egressAllow: [],
  vpcConnections: {},
  throttle: { ratePerSecond: 2000, burst: 4000 },
  logLevel: 'info',
  bodyLimit: 1024 * 1024,
  maxBufferedRequestBytes: 256 * 1024 * 1024,
  egressMaxBufferedBytes: 256 * 1024 * 1024,
  egressTimeoutMs: 30_000,
  egressDnsCacheMs: 10_000,
  mcpCallTimeoutMs: 300_000,
  postgres: { poolSize: 10, statementTimeoutMs: 30_000 },
  nodes: 1,
  metricsHost: '127.0.0.1',
  shutdownTimeoutMs: 25_000,
  trustProxy: false,
};

export class ConfigError extends Error {}

const CIDR = '^(?:(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f:.]+)/\\d{1,3}$';
/** A trusted proxy: an address, a CIDR, or one of proxy-addr's names (loopback, linklocal, uniquelocal). */
const TRUSTED_PROXY = '^(?:loopback|linklocal|uniquelocal|(?:\\d{1,3}\\.){3}\\d{1,3}(?:/\\d{1,2})?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:/\\d{1,3})?)$';
/** The config file's JSON Schema (docs/reference/configuration.md is generated from it and from config-settings.ts). */
export const fileSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    host: { type: 'string', minLength: 1 },
    port: { type: 'integer', minimum: 0, maximum: 65535 },
    dataDir: { type: 'string', minLength: 1 },
    databaseUrl: { type: 'string', pattern: '^postgres(ql)?://' },
    region: { type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-\\d+$' },
    logLevel: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
    bodyLimit: { type: 'integer', minimum: 1024 },
    maxBufferedRequestBytes: { type: 'integer', minimum: 65536 },
    mcpCallTimeoutMs: { type: 'integer', minimum: 1000, maximum: 3_600_000 },
    auditRetentionDays: { type: 'integer', minimum: 0 },
    publicUrl: { type: 'string', pattern: '^https://' },
    stsEndpoint: { type: 'string', pattern: '^https://' },
    nodes: { type: 'integer', minimum: 1, maximum: 1000 },
    metricsPort: { type: 'integer', minimum: 0, maximum: 65535 },
    metricsHost: { type: 'string', minLength: 1 },
    shutdownTimeoutMs: { type: 'integer', minimum: 0, maximum: 3_600_000 },
    trustProxy: {
      oneOf: [{ type: 'boolean' }, { type: 'array', minItems: 1, items: { type: 'string', pattern: TRUSTED_PROXY } }],
    },
    postgres: {
      type: 'object',
      additionalProperties: false,
      properties: { poolSize: { type: 'integer', minimum: 1, maximum: 1000 }, statementTimeoutMs: { type: 'integer', minimum: 0 } },
    },
    throttle: {
      type: 'object',
      additionalProperties: false,
      properties: { ratePerSecond: { type: 'number', minimum: 0 }, burst: { type: 'number', minimum: 0 } },
    },
    egress: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allow: { type: 'array', items: { type: 'string', pattern: CIDR } },
        caFile: { type: 'string', minLength: 1 },
        maxBufferedBytes: { type: 'integer', minimum: 65536 },
        timeoutMs: { type: 'integer', minimum: 100 },
        dnsCacheMs: { type: 'integer', minimum: 0, maximum: 3_600_000 },
        vpcConnections: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['allowCidrs'],
            properties: {
              allowCidrs: { type: 'array', minItems: 1, items: { type: 'string', pattern: CIDR } },
              proxy: { type: 'string', pattern: '^https?://' },
              accounts: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^\\d{12}$' } },
              regions: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-\\d+$' } },
            },
          },
        },
      },
    },
  },
} as const;

const validateFile = new Ajv({ allErrors: true, strict: false }).compile<FileConfig>(fileSchema);

export interface FileConfig {
  auditRetentionDays?: number;
  host?: string;
  port?: number;
  dataDir?: string;
  databaseUrl?: string;
  region?: string;
  logLevel?: string;
  bodyLimit?: number;
  publicUrl?: string;
  stsEndpoint?: string;
  nodes?: number;
  metricsPort?: number;
  metricsHost?: string;
  shutdownTimeoutMs?: number;
  trustProxy?: TrustProxy;
  maxBufferedRequestBytes?: number;
  mcpCallTimeoutMs?: number;
  postgres?: Partial<PostgresConfig>;
  throttle?: Partial<ThrottleConfig>;
  egress?: {
    allow?: string[];
    caFile?: string;
    maxBufferedBytes?: number;
    timeoutMs?: number;
    dnsCacheMs?: number;
    vpcConnections?: Record<string, VpcConnectionConfig>;
  };
}

/** Reads and validates a config file; relative paths in it are relative to the file. */
export function loadConfigFile(file: string): FileConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read config file ${file}: ${errorMessage(e)}`);
  }
  let data: unknown;
  try {
    data = /\.json$/i.test(file) ? JSON.parse(text) : YAML.parse(text);
  } catch (e) {
    throw new ConfigError(`config file ${file} does not parse: ${errorMessage(e)}`);
  }
  data ??= {};
  if (!validateFile(data)) {
    const problems = (validateFile.errors ?? []).map((e) => {
      const at = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
      if (e.keyword === 'additionalProperties')
        return `unknown key '${[at === '(top level)' ? '' : `${at}.`, (e.params as { additionalProperty: string }).additionalProperty].join('')}'`;
      return `${at}: ${e.message}`;
    });
    throw new ConfigError(`config file ${file} is not valid: ${problems.join('; ')}`);
  }
  const cfg = data;
  const dir = path.dirname(path.resolve(file));
  if (cfg.dataDir) cfg.dataDir = path.resolve(dir, cfg.dataDir);
  if (cfg.egress?.caFile) cfg.egress.caFile = path.resolve(dir, cfg.egress.caFile);
  return cfg;
}

export interface Flags {
  host?: string;
  port?: string;
  'data-dir'?: string;
  'database-url'?: string;
  region?: string;
  'egress-allow'?: string[];
  'ca-file'?: string;
  config?: string;
  'log-level'?: string;
  'throttle-rate'?: string;
  'throttle-burst'?: string;
  'body-limit'?: string;
  'public-url'?: string;
  'sts-endpoint'?: string;
  nodes?: string;
  'pg-pool-size'?: string;
  'pg-statement-timeout-ms'?: string;
  'metrics-port'?: string;
  'metrics-host'?: string;
  'shutdown-timeout-ms'?: string;
  'audit-retention-days'?: string;
  'trust-proxy'?: string;
}

/** The flags `serve` takes besides --config, each the twin of a config key and an ACTIONBRIDGE_* variable (docs/reference/configuration.md, generated with src/config-settings.ts). */
export const FLAG_NAMES = [
  'host',
  'port',
  'data-dir',
  'database-url',
  'region',
  'egress-allow',
  'ca-file',
  'log-level',
  'throttle-rate',
  'throttle-burst',
  'body-limit',
  'public-url',
  'sts-endpoint',
  'nodes',
  'pg-pool-size',
  'pg-statement-timeout-ms',
  'metrics-port',
  'metrics-host',
  'shutdown-timeout-ms',
  'audit-retention-days',
  'trust-proxy',
] as const;

const validateVpcConnections = new Ajv({ allErrors: true, strict: false }).compile<Record<string, VpcConnectionConfig>>(
  fileSchema.properties.egress.properties.vpcConnections,
);

/** ACTIONBRIDGE_VPC_CONNECTIONS: the config file's egress.vpcConnections as JSON. */
function vpcConnectionsFromEnv(text: string | undefined): Record<string, VpcConnectionConfig> | undefined {
  if (text === undefined || text === '') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`ACTIONBRIDGE_VPC_CONNECTIONS is not JSON: ${errorMessage(e)}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !validateVpcConnections(data)) {
    const why = (validateVpcConnections.errors ?? []).map((e) =>
      e.keyword === 'additionalProperties'
        ? `unknown key '${e.instancePath.slice(1).replace(/\//g, '.')}.${(e.params as { additionalProperty: string }).additionalProperty}'`
        : `${e.instancePath.slice(1).replace(/\//g, '.') || '(top level)'}: ${e.message}`,
    );
    throw new ConfigError(`ACTIONBRIDGE_VPC_CONNECTIONS is not valid: ${why.join('; ') || 'an object of VPC connections by ARN is expected'}`);
  }
  return data;
}

/** Builds the configuration from flags, environment and config file, in that order of precedence. */
export function resolveConfig(flags: Flags, env: NodeJS.ProcessEnv = process.env): Config {
  const configFile = flags.config ?? env.ACTIONBRIDGE_CONFIG;
  const file: FileConfig = configFile ? loadConfigFile(configFile) : {};
  const num = (name: string, s: string | undefined): number | undefined => {
    if (s === undefined || s === '') return undefined;
    const n = Number(s);
    if (!Number.isFinite(n) || n < 0) throw new ConfigError(`${name} must be a non-negative number (got '${s}')`);
    return n;
  };
  const port = num('--port', flags.port) ?? num('ACTIONBRIDGE_PORT', env.ACTIONBRIDGE_PORT) ?? file.port ?? defaults.port;
  if (!Number.isInteger(port) || port > 65535) throw new ConfigError('--port must be an integer from 0 to 65535');
  const region = flags.region ?? env.ACTIONBRIDGE_REGION ?? file.region ?? defaults.region;
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new ConfigError(`region '${region}' is not a region name such as us-east-1`);
  const databaseUrl = flags['database-url'] ?? env.ACTIONBRIDGE_DATABASE_URL ?? file.databaseUrl;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('--database-url must be a postgres:// URL');
  const egressAllow =
    flags['egress-allow'] ??
    (env.ACTIONBRIDGE_EGRESS_ALLOW
      ? env.ACTIONBRIDGE_EGRESS_ALLOW.split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined) ??
    file.egress?.allow ??
    [];
  for (const c of egressAllow) if (!new RegExp(CIDR).test(c)) throw new ConfigError(`egress allow entry '${c}' is not a CIDR such as 10.0.0.0/8`);
  const logLevel = flags['log-level'] ?? env.ACTIONBRIDGE_LOG_LEVEL ?? file.logLevel ?? defaults.logLevel;
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel))
    throw new ConfigError(`log level '${logLevel}' is not one of fatal, error, warn, info, debug, trace, silent`);
  const publicUrl = httpsBase('publicUrl (--public-url, ACTIONBRIDGE_PUBLIC_URL)', flags['public-url'] || env.ACTIONBRIDGE_PUBLIC_URL || file.publicUrl);
  const int = (name: string, s: string | undefined, min: number): number | undefined => {
    const n = num(name, s);
    if (n !== undefined && (!Number.isInteger(n) || n < min)) throw new ConfigError(`${name} must be an integer of at least ${min} (got '${s}')`);
    return n;
  };
  const postgres: PostgresConfig = {
    poolSize:
      int('--pg-pool-size', flags['pg-pool-size'], 1) ??
      int('ACTIONBRIDGE_PG_POOL_SIZE', env.ACTIONBRIDGE_PG_POOL_SIZE, 1) ??
      file.postgres?.poolSize ??
      defaults.postgres.poolSize,
    statementTimeoutMs:
      int('--pg-statement-timeout-ms', flags['pg-statement-timeout-ms'], 0) ??
      int('ACTIONBRIDGE_PG_STATEMENT_TIMEOUT_MS', env.ACTIONBRIDGE_PG_STATEMENT_TIMEOUT_MS, 0) ??
      file.postgres?.statementTimeoutMs ??
      defaults.postgres.statementTimeoutMs,
  };
  const nodes = int('--nodes', flags.nodes, 1) ?? int('ACTIONBRIDGE_NODES', env.ACTIONBRIDGE_NODES, 1) ?? file.nodes ?? defaults.nodes;
  const bodyLimit =
    int('--body-limit', flags['body-limit'], 1024) ?? int('ACTIONBRIDGE_BODY_LIMIT', env.ACTIONBRIDGE_BODY_LIMIT, 1024) ?? file.bodyLimit ?? defaults.bodyLimit;
  const maxBufferedRequestBytes =
    int('ACTIONBRIDGE_MAX_BUFFERED_REQUEST_BYTES', env.ACTIONBRIDGE_MAX_BUFFERED_REQUEST_BYTES, 65536) ??
    file.maxBufferedRequestBytes ??
    defaults.maxBufferedRequestBytes;
  const egressMaxBufferedBytes =
    int('ACTIONBRIDGE_EGRESS_MAX_BUFFERED_BYTES', env.ACTIONBRIDGE_EGRESS_MAX_BUFFERED_BYTES, 65536) ??
    file.egress?.maxBufferedBytes ??
    defaults.egressMaxBufferedBytes;
  const egressTimeoutMs = int('ACTIONBRIDGE_EGRESS_TIMEOUT_MS', env.ACTIONBRIDGE_EGRESS_TIMEOUT_MS, 100) ?? file.egress?.timeoutMs ?? defaults.egressTimeoutMs;
  const egressDnsCacheMs =
    int('ACTIONBRIDGE_EGRESS_DNS_CACHE_MS', env.ACTIONBRIDGE_EGRESS_DNS_CACHE_MS, 0) ?? file.egress?.dnsCacheMs ?? defaults.egressDnsCacheMs;
  if (egressDnsCacheMs > 3_600_000) throw new ConfigError(`ACTIONBRIDGE_EGRESS_DNS_CACHE_MS must be at most 3600000 (an hour; got ${egressDnsCacheMs})`);
  const mcpCallTimeoutMs =
    int('ACTIONBRIDGE_MCP_CALL_TIMEOUT_MS', env.ACTIONBRIDGE_MCP_CALL_TIMEOUT_MS, 1000) ?? file.mcpCallTimeoutMs ?? defaults.mcpCallTimeoutMs;
  if (mcpCallTimeoutMs > 3_600_000) throw new ConfigError(`ACTIONBRIDGE_MCP_CALL_TIMEOUT_MS must be at most 3600000 (an hour; got ${mcpCallTimeoutMs})`);
  // 'off' (flag or variable) turns off metrics a config file turned on.
  const off = (s: string | undefined) => s !== undefined && s.toLowerCase() === 'off';
  const metricsPortFlag = flags['metrics-port'] ?? env.ACTIONBRIDGE_METRICS_PORT;
  const metricsPort = off(metricsPortFlag)
    ? undefined
    : (int(flags['metrics-port'] !== undefined ? '--metrics-port' : 'ACTIONBRIDGE_METRICS_PORT', metricsPortFlag, 0) ??
      file.metricsPort ??
      defaults.metricsPort);
  if (metricsPort !== undefined && metricsPort > 65535) throw new ConfigError('--metrics-port must be an integer from 0 to 65535');
  const shutdownTimeoutMs =
    int('--shutdown-timeout-ms', flags['shutdown-timeout-ms'], 0) ??
    int('ACTIONBRIDGE_SHUTDOWN_TIMEOUT_MS', env.ACTIONBRIDGE_SHUTDOWN_TIMEOUT_MS, 0) ??
    file.shutdownTimeoutMs ??
    defaults.shutdownTimeoutMs;
  const vpcConnections = vpcConnectionsFromEnv(env.ACTIONBRIDGE_VPC_CONNECTIONS) ?? file.egress?.vpcConnections ?? {};
  for (const [arn, vpc] of Object.entries(vpcConnections)) {
    const problem = vpcConfigProblem(arn, vpc);
    if (problem) throw new ConfigError(`egress.vpcConnections${env.ACTIONBRIDGE_VPC_CONNECTIONS ? ' (ACTIONBRIDGE_VPC_CONNECTIONS)' : ''}: ${problem}`);
  }
  const stsEndpoint = httpsBase(
    'stsEndpoint (--sts-endpoint, ACTIONBRIDGE_STS_ENDPOINT)',
    flags['sts-endpoint'] || env.ACTIONBRIDGE_STS_ENDPOINT || file.stsEndpoint,
  );
  const auditRetentionDays =
    int('--audit-retention-days', flags['audit-retention-days'], 0) ??
    int('ACTIONBRIDGE_AUDIT_RETENTION_DAYS', env.ACTIONBRIDGE_AUDIT_RETENTION_DAYS, 0) ??
    file.auditRetentionDays ??
    defaults.auditRetentionDays;
  const trustProxyText = flags['trust-proxy'] ?? env.ACTIONBRIDGE_TRUST_PROXY;
  const trustProxy =
    trustProxyText !== undefined && trustProxyText !== ''
      ? parseTrustProxy(flags['trust-proxy'] !== undefined ? '--trust-proxy' : 'ACTIONBRIDGE_TRUST_PROXY', trustProxyText)
      : Array.isArray(file.trustProxy)
        ? checkTrustedProxies('trustProxy', file.trustProxy)
        : (file.trustProxy ?? defaults.trustProxy);
  return {
    auditRetentionDays,
    trustProxy,
    ...(publicUrl !== undefined ? { publicUrl } : {}),
    ...(stsEndpoint !== undefined ? { stsEndpoint } : {}),
    ...(metricsPort !== undefined ? { metricsPort } : {}),
    metricsHost: flags['metrics-host'] ?? env.ACTIONBRIDGE_METRICS_HOST ?? file.metricsHost ?? defaults.metricsHost,
    shutdownTimeoutMs,
    host: flags.host ?? env.ACTIONBRIDGE_HOST ?? file.host ?? defaults.host,
    port,
    dataDir: path.resolve(flags['data-dir'] ?? env.ACTIONBRIDGE_DATA_DIR ?? file.dataDir ?? defaults.dataDir),
    databaseUrl,
    region,
    egressAllow,
    caFile: flags['ca-file'] ?? env.ACTIONBRIDGE_CA_FILE ?? file.egress?.caFile,
    configFile,
    vpcConnections,
    logLevel,
    bodyLimit,
    maxBufferedRequestBytes,
    egressMaxBufferedBytes,
    egressTimeoutMs,
    egressDnsCacheMs,
    mcpCallTimeoutMs,
    postgres,
    nodes,
    throttle: {
      ratePerSecond:
        num('--throttle-rate', flags['throttle-rate']) ??
        num('ACTIONBRIDGE_THROTTLE_RATE', env.ACTIONBRIDGE_THROTTLE_RATE) ??
        file.throttle?.ratePerSecond ??
        defaults.throttle.ratePerSecond,
      burst:
        num('--throttle-burst', flags['throttle-burst']) ??
        num('ACTIONBRIDGE_THROTTLE_BURST', env.ACTIONBRIDGE_THROTTLE_BURST) ??
        file.throttle?.burst ??
        defaults.throttle.burst,
    },
  };
}

/** An https URL without credentials, query or fragment, written without a trailing slash. */
function httpsBase(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const u = URL.canParse(value) ? new URL(value) : undefined;
  if (u?.protocol !== 'https:' || u.username || u.password || u.search || u.hash) {
    throw new ConfigError(`${name} must be an https:// URL without credentials, query or fragment (got '${value}')`);
  }
  return u.href.replace(/\/+$/, '');
}

/** `--trust-proxy` / ACTIONBRIDGE_TRUST_PROXY: true|on, false|off, or comma-separated addresses and CIDRs of the proxies. */
function parseTrustProxy(name: string, text: string): TrustProxy {
  const t = text.trim().toLowerCase();
  if (t === 'true' || t === 'on') return true;
  if (t === 'false' || t === 'off') return false;
  if (/^\d+$/.test(t)) {
    throw new ConfigError(`${name}: a hop count ('${text}') is not supported (it would trust whoever connects); give the proxies' addresses or CIDRs, or true`);
  }
  const list = text
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (list.length === 0) throw new ConfigError(`${name} must be true, false, or addresses and CIDRs of the proxies separated by commas (got '${text}')`);
  return checkTrustedProxies(name, list);
}

/** Every entry an address, a CIDR or a proxy-addr name (Fastify would refuse the others only when the server starts). */
function checkTrustedProxies(name: string, list: string[]): string[] {
  for (const x of list) {
    const [addr, bits, more] = x.split('/');
    const family = isIP(addr ?? '');
    const ok =
      ['loopback', 'linklocal', 'uniquelocal'].includes(x) ||
      (family !== 0 && more === undefined && (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))));
    if (!ok) throw new ConfigError(`${name}: '${x}' is not an address, a CIDR, or one of loopback, linklocal, uniquelocal`);
  }
  return list;
}
