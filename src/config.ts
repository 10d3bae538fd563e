// Server configuration: defaults, the config file (YAML or JSON, validated by a
// schema; unknown keys are errors), ACTIONBRIDGE_* variables and flags.
// Precedence, highest first: flag > environment variable > config file > default.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import YAML from 'yaml';

export interface ThrottleConfig {
  /** Requests per second refilled into each account's bucket; 0 disables throttling. */
  ratePerSecond: number;
  /** Bucket size: the burst an account may send at once. */
  burst: number;
}

/** A named egress profile a connector selects with its VpcConnectionArn. */
export interface VpcConnectionConfig {
  allowCidrs: string[];
  /** Optional HTTP proxy (http://host:port) that outbound requests of this profile go through. */
  proxy?: string;
}

export interface Config {
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
  /**
   * The https URL at which users' browsers reach this server (e.g. behind a TLS proxy).
   * When set, an OAUTH2_AUTHORIZATION_CODE connector's RedirectUrl must be exactly
   * `${publicUrl}/oauth/callback`.
   */
  publicUrl?: string;
  /** The STS endpoint for IAM connectors (AssumeRole); default: the regional AWS endpoint. */
  stsEndpoint?: string;
}

export const defaults: Config = {
  host: '127.0.0.1',
  port: 4599,
  dataDir: './data',
  region: 'us-east-1',
  egressAllow: [],
  vpcConnections: {},
  throttle: { ratePerSecond: 2000, burst: 4000 },
  logLevel: 'info',
  bodyLimit: 1024 * 1024,
};

export class ConfigError extends Error {}

const CIDR = '^(?:(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f:.]+)/\\d{1,3}$';
const fileSchema = {
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
    publicUrl: { type: 'string', pattern: '^https://' },
    stsEndpoint: { type: 'string', pattern: '^https://' },
    throttle: {
      type: 'object', additionalProperties: false,
      properties: { ratePerSecond: { type: 'number', minimum: 0 }, burst: { type: 'number', minimum: 0 } },
    },
    egress: {
      type: 'object', additionalProperties: false,
      properties: {
        allow: { type: 'array', items: { type: 'string', pattern: CIDR } },
        caFile: { type: 'string', minLength: 1 },
        vpcConnections: {
          type: 'object',
          additionalProperties: {
            type: 'object', additionalProperties: false, required: ['allowCidrs'],
            properties: {
              allowCidrs: { type: 'array', minItems: 1, items: { type: 'string', pattern: CIDR } },
              proxy: { type: 'string', pattern: '^https?://' },
            },
          },
        },
      },
    },
  },
} as const;

const validateFile = new Ajv({ allErrors: true, strict: false }).compile(fileSchema);

export interface FileConfig {
  host?: string; port?: number; dataDir?: string; databaseUrl?: string; region?: string; logLevel?: string; bodyLimit?: number;
  publicUrl?: string; stsEndpoint?: string;
  throttle?: Partial<ThrottleConfig>;
  egress?: { allow?: string[]; caFile?: string; vpcConnections?: Record<string, VpcConnectionConfig> };
}

/** Reads and validates a config file; relative paths in it are relative to the file. */
export function loadConfigFile(file: string): FileConfig {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) { throw new ConfigError(`cannot read config file ${file}: ${(e as Error).message}`); }
  let data: unknown;
  try { data = /\.json$/i.test(file) ? JSON.parse(text) : YAML.parse(text); } catch (e) {
    throw new ConfigError(`config file ${file} does not parse: ${(e as Error).message}`);
  }
  data ??= {};
  if (!validateFile(data)) {
    const problems = (validateFile.errors ?? []).map((e) => {
      const at = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
      if (e.keyword === 'additionalProperties') return `unknown key '${[at === '(top level)' ? '' : `${at}.`, (e.params as { additionalProperty: string }).additionalProperty].join('')}'`;
      return `${at}: ${e.message}`;
    });
    throw new ConfigError(`config file ${file} is not valid: ${problems.join('; ')}`);
  }
  const cfg = data as FileConfig;
  const dir = path.dirname(path.resolve(file));
  if (cfg.dataDir) cfg.dataDir = path.resolve(dir, cfg.dataDir);
  if (cfg.egress?.caFile) cfg.egress.caFile = path.resolve(dir, cfg.egress.caFile);
  return cfg;
}

export interface Flags {
  host?: string; port?: string; 'data-dir'?: string; 'database-url'?: string; region?: string;
  'egress-allow'?: string[]; 'ca-file'?: string; config?: string;
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
  const egressAllow = flags['egress-allow'] ?? (env.ACTIONBRIDGE_EGRESS_ALLOW ? env.ACTIONBRIDGE_EGRESS_ALLOW.split(',').map((s) => s.trim()).filter(Boolean) : undefined) ?? file.egress?.allow ?? [];
  for (const c of egressAllow) if (!new RegExp(CIDR).test(c)) throw new ConfigError(`egress allow entry '${c}' is not a CIDR such as 10.0.0.0/8`);
  const logLevel = env.ACTIONBRIDGE_LOG_LEVEL ?? file.logLevel ?? defaults.logLevel;
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) throw new ConfigError(`log level '${logLevel}' is not one of fatal, error, warn, info, debug, trace, silent`);
  const publicUrl = httpsBase('publicUrl (ACTIONBRIDGE_PUBLIC_URL)', env.ACTIONBRIDGE_PUBLIC_URL || file.publicUrl);
  const stsEndpoint = httpsBase('stsEndpoint (ACTIONBRIDGE_STS_ENDPOINT)', env.ACTIONBRIDGE_STS_ENDPOINT || file.stsEndpoint);
  return {
    ...(publicUrl !== undefined ? { publicUrl } : {}),
    ...(stsEndpoint !== undefined ? { stsEndpoint } : {}),
    host: flags.host ?? env.ACTIONBRIDGE_HOST ?? file.host ?? defaults.host,
    port,
    dataDir: path.resolve(flags['data-dir'] ?? env.ACTIONBRIDGE_DATA_DIR ?? file.dataDir ?? defaults.dataDir),
    databaseUrl,
    region,
    egressAllow,
    caFile: flags['ca-file'] ?? env.ACTIONBRIDGE_CA_FILE ?? file.egress?.caFile,
    configFile,
    vpcConnections: file.egress?.vpcConnections ?? {},
    logLevel,
    bodyLimit: file.bodyLimit ?? defaults.bodyLimit,
    throttle: {
      ratePerSecond: num('ACTIONBRIDGE_THROTTLE_RATE', env.ACTIONBRIDGE_THROTTLE_RATE) ?? file.throttle?.ratePerSecond ?? defaults.throttle.ratePerSecond,
      burst: num('ACTIONBRIDGE_THROTTLE_BURST', env.ACTIONBRIDGE_THROTTLE_BURST) ?? file.throttle?.burst ?? defaults.throttle.burst,
    },
  };
}

/** An https URL without credentials, query or fragment, written without a trailing slash. */
function httpsBase(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const u = URL.canParse(value) ? new URL(value) : undefined;
  if (!u || u.protocol !== 'https:' || u.username || u.password || u.search || u.hash) {
    throw new ConfigError(`${name} must be an https:// URL without credentials, query or fragment (got '${value}')`);
  }
  return u.href.replace(/\/+$/, '');
}
