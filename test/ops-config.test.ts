// Configuration: every setting comes from the config file, an ACTIONBRIDGE_* variable
// and (but for the structured VPC connections) a flag, with precedence
// flag > environment > file > default; safe defaults; errors that name the key.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, FLAG_NAMES, defaults, resolveConfig, type Config, type Flags } from '../src/config.js';
import { BIN, tempDir } from './helpers.js';

function file(name: string, text: string) {
  const dir = tempDir('ab-cfg-');
  mkdirSync(dir, { recursive: true });
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

interface Setting {
  /** YAML for the file's value. */
  yaml: string;
  env: string;
  flag: keyof Flags;
  values: [file: unknown, env: string, flag: string];
  get: (c: Config) => unknown;
  expected?: [unknown, unknown, unknown];
}

const SETTINGS: Setting[] = [
  { yaml: 'host: 10.0.0.1', env: 'ACTIONBRIDGE_HOST', flag: 'host', values: ['10.0.0.1', '10.0.0.2', '10.0.0.3'], get: (c) => c.host },
  { yaml: 'port: 5001', env: 'ACTIONBRIDGE_PORT', flag: 'port', values: [5001, '5002', '5003'], get: (c) => c.port, expected: [5001, 5002, 5003] },
  { yaml: 'dataDir: /srv/a', env: 'ACTIONBRIDGE_DATA_DIR', flag: 'data-dir', values: ['/srv/a', '/srv/b', '/srv/c'], get: (c) => c.dataDir },
  {
    yaml: 'databaseUrl: postgres://h/a',
    env: 'ACTIONBRIDGE_DATABASE_URL',
    flag: 'database-url',
    values: ['postgres://h/a', 'postgres://h/b', 'postgres://h/c'],
    get: (c) => c.databaseUrl,
  },
  { yaml: 'region: eu-west-1', env: 'ACTIONBRIDGE_REGION', flag: 'region', values: ['eu-west-1', 'eu-west-2', 'eu-west-3'], get: (c) => c.region },
  {
    yaml: 'egress: { allow: [10.0.0.0/8] }',
    env: 'ACTIONBRIDGE_EGRESS_ALLOW',
    flag: 'egress-allow',
    values: [['10.0.0.0/8'], '10.1.0.0/16', '10.2.0.0/16'],
    get: (c) => c.egressAllow,
    expected: [['10.0.0.0/8'], ['10.1.0.0/16'], ['10.2.0.0/16']],
  },
  {
    yaml: 'egress: { caFile: /etc/a.pem }',
    env: 'ACTIONBRIDGE_CA_FILE',
    flag: 'ca-file',
    values: ['/etc/a.pem', '/etc/b.pem', '/etc/c.pem'],
    get: (c) => c.caFile,
  },
  { yaml: 'logLevel: warn', env: 'ACTIONBRIDGE_LOG_LEVEL', flag: 'log-level', values: ['warn', 'debug', 'error'], get: (c) => c.logLevel },
  {
    yaml: 'throttle: { ratePerSecond: 10 }',
    env: 'ACTIONBRIDGE_THROTTLE_RATE',
    flag: 'throttle-rate',
    values: [10, '20', '30'],
    get: (c) => c.throttle.ratePerSecond,
    expected: [10, 20, 30],
  },
  {
    yaml: 'throttle: { burst: 10 }',
    env: 'ACTIONBRIDGE_THROTTLE_BURST',
    flag: 'throttle-burst',
    values: [10, '20', '30'],
    get: (c) => c.throttle.burst,
    expected: [10, 20, 30],
  },
  {
    yaml: 'bodyLimit: 2048',
    env: 'ACTIONBRIDGE_BODY_LIMIT',
    flag: 'body-limit',
    values: [2048, '4096', '8192'],
    get: (c) => c.bodyLimit,
    expected: [2048, 4096, 8192],
  },
  {
    yaml: 'publicUrl: https://a.example',
    env: 'ACTIONBRIDGE_PUBLIC_URL',
    flag: 'public-url',
    values: ['https://a.example', 'https://b.example', 'https://c.example'],
    get: (c) => c.publicUrl,
  },
  {
    yaml: 'stsEndpoint: https://sts.a.example',
    env: 'ACTIONBRIDGE_STS_ENDPOINT',
    flag: 'sts-endpoint',
    values: ['https://sts.a.example', 'https://sts.b.example', 'https://sts.c.example'],
    get: (c) => c.stsEndpoint,
  },
  { yaml: 'nodes: 2', env: 'ACTIONBRIDGE_NODES', flag: 'nodes', values: [2, '3', '4'], get: (c) => c.nodes, expected: [2, 3, 4] },
  {
    yaml: 'postgres: { poolSize: 5 }',
    env: 'ACTIONBRIDGE_PG_POOL_SIZE',
    flag: 'pg-pool-size',
    values: [5, '6', '7'],
    get: (c) => c.postgres.poolSize,
    expected: [5, 6, 7],
  },
  {
    yaml: 'postgres: { statementTimeoutMs: 1000 }',
    env: 'ACTIONBRIDGE_PG_STATEMENT_TIMEOUT_MS',
    flag: 'pg-statement-timeout-ms',
    values: [1000, '2000', '3000'],
    get: (c) => c.postgres.statementTimeoutMs,
    expected: [1000, 2000, 3000],
  },
  {
    yaml: 'metricsPort: 9600',
    env: 'ACTIONBRIDGE_METRICS_PORT',
    flag: 'metrics-port',
    values: [9600, '9601', '9602'],
    get: (c) => c.metricsPort,
    expected: [9600, 9601, 9602],
  },
  {
    yaml: 'metricsHost: 10.0.0.5',
    env: 'ACTIONBRIDGE_METRICS_HOST',
    flag: 'metrics-host',
    values: ['10.0.0.5', '10.0.0.6', '10.0.0.7'],
    get: (c) => c.metricsHost,
  },
  {
    yaml: 'auditRetentionDays: 30',
    env: 'ACTIONBRIDGE_AUDIT_RETENTION_DAYS',
    flag: 'audit-retention-days',
    values: [30, '60', '0'],
    get: (c) => c.auditRetentionDays,
    expected: [30, 60, 0],
  },
  {
    yaml: 'shutdownTimeoutMs: 1000',
    env: 'ACTIONBRIDGE_SHUTDOWN_TIMEOUT_MS',
    flag: 'shutdown-timeout-ms',
    values: [1000, '2000', '3000'],
    get: (c) => c.shutdownTimeoutMs,
    expected: [1000, 2000, 3000],
  },
  {
    yaml: 'trustProxy: [10.0.0.0/8]',
    env: 'ACTIONBRIDGE_TRUST_PROXY',
    flag: 'trust-proxy',
    values: [['10.0.0.0/8'], 'true', 'off'],
    get: (c) => c.trustProxy,
    expected: [['10.0.0.0/8'], true, false],
  },
];

describe('every setting: file, environment variable and flag, flag > env > file > default', () => {
  it.each(SETTINGS.map((s) => [s.flag, s] as const))('%s', (_name, s) => {
    const f = file('ab.yaml', `${s.yaml}\n`);
    const [fv, ev, flv] = s.values;
    const [fe, ee, fle] = s.expected ?? [fv, ev, flv];
    expect(s.get(resolveConfig({ config: f }, {}))).toEqual(fe);
    expect(s.get(resolveConfig({ config: f }, { [s.env]: ev }))).toEqual(ee);
    const flagValue = s.flag === 'egress-allow' ? [flv] : flv;
    expect(s.get(resolveConfig({ config: f, [s.flag]: flagValue } as Flags, { [s.env]: ev }))).toEqual(fle);
    // Without any: the default.
    expect(s.get(resolveConfig({}, {}))).toEqual(s.get({ ...defaults, dataDir: path.resolve(defaults.dataDir) }));
  });

  it('covers every flag serve takes, and the config file path itself (--config, ACTIONBRIDGE_CONFIG)', () => {
    expect(new Set(SETTINGS.map((s) => s.flag))).toEqual(new Set(FLAG_NAMES));
    const f = file('ab.yaml', 'port: 5009\n');
    expect(resolveConfig({}, { ACTIONBRIDGE_CONFIG: f }).port).toBe(5009);
    expect(resolveConfig({ config: f }, { ACTIONBRIDGE_CONFIG: '/nonexistent.yaml' }).configFile).toBe(f);
  });

  it('VPC connections come from the file or ACTIONBRIDGE_VPC_CONNECTIONS (JSON), the variable winning', () => {
    const f = file('ab.yaml', 'egress:\n  vpcConnections:\n    arn-a: { allowCidrs: [10.0.0.0/8], accounts: ["111122223333"] }\n');
    expect(resolveConfig({ config: f }, {}).vpcConnections).toEqual({ 'arn-a': { allowCidrs: ['10.0.0.0/8'], accounts: ['111122223333'] } });
    const env = {
      ACTIONBRIDGE_VPC_CONNECTIONS: JSON.stringify({ 'arn-b': { allowCidrs: ['10.2.0.0/16'], proxy: 'http://proxy:3128', accounts: ['111122223333'] } }),
    };
    expect(resolveConfig({ config: f }, env).vpcConnections).toEqual({
      'arn-b': { allowCidrs: ['10.2.0.0/16'], proxy: 'http://proxy:3128', accounts: ['111122223333'] },
    });
    expect(() => resolveConfig({}, { ACTIONBRIDGE_VPC_CONNECTIONS: '{"arn-c": {"allowCidrs": ["10.0.0.0/8"], "proxi": "x"}}' })).toThrow(
      /ACTIONBRIDGE_VPC_CONNECTIONS is not valid: unknown key 'arn-c.proxi'/,
    );
    expect(() => resolveConfig({}, { ACTIONBRIDGE_VPC_CONNECTIONS: '{"arn-c": {}}' })).toThrow(/allowCidrs/);
    expect(() => resolveConfig({}, { ACTIONBRIDGE_VPC_CONNECTIONS: 'nope' })).toThrow(/not JSON/);
  });
});

describe('safe defaults', () => {
  it('bind to loopback, metrics off (and on loopback when on), egress refusals on, a bounded shutdown', () => {
    const c = resolveConfig({}, {});
    expect(c.host).toBe('127.0.0.1');
    expect(c.metricsPort).toBeUndefined();
    expect(c.metricsHost).toBe('127.0.0.1');
    expect(c.egressAllow).toEqual([]);
    expect(c.vpcConnections).toEqual({});
    expect(c.caFile).toBeUndefined();
    expect(c.shutdownTimeoutMs).toBe(25_000);
    expect(c.throttle.ratePerSecond).toBeGreaterThan(0);
    expect(c.logLevel).toBe('info');
    // X-Forwarded-For is not believed: a client cannot choose the address its sign-ins count against.
    expect(c.trustProxy).toBe(false);
  });

  it("'off' turns metrics off over a config file that turned them on", () => {
    const f = file('ab.yaml', 'metricsPort: 9599\n');
    expect(resolveConfig({ config: f }, {}).metricsPort).toBe(9599);
    expect(resolveConfig({ config: f }, { ACTIONBRIDGE_METRICS_PORT: 'off' }).metricsPort).toBeUndefined();
    expect(resolveConfig({ config: f, 'metrics-port': 'off' }, { ACTIONBRIDGE_METRICS_PORT: '9700' }).metricsPort).toBeUndefined();
  });
});

describe('validation errors name the key or the variable', () => {
  it.each([
    ['metricsPort: 70000', /metricsPort/],
    ['shutdownTimeoutMs: -1', /shutdownTimeoutMs/],
    ['metricsHost: ""', /metricsHost/],
    ['metrics: { port: 1 }', /unknown key 'metrics'/],
    ['throttle: { rate: 1 }', /unknown key 'throttle.rate'/],
    ['postgres: { pool: 1 }', /unknown key 'postgres.pool'/],
    ['egress: { vpcConnections: { a: { allowCidrs: [10.0.0.0/8], prox: x } } }', /unknown key 'egress.vpcConnections.a.prox'/],
    ['logLevel: loud', /logLevel/],
    ['trustProxy: 2', /trustProxy/],
    ['trustProxy: [10.0.0.0/33]', /trustProxy: '10.0.0.0\/33' is not an address, a CIDR/],
  ])('file: %s', (yaml, message) => {
    expect(() => resolveConfig({ config: file('bad.yaml', `${yaml}\n`) }, {})).toThrow(message);
  });

  it.each([
    [{}, { ACTIONBRIDGE_METRICS_PORT: 'x' }, /ACTIONBRIDGE_METRICS_PORT/],
    [{ 'metrics-port': '99999' }, {}, /--metrics-port/],
    [{}, { ACTIONBRIDGE_SHUTDOWN_TIMEOUT_MS: '1.5' }, /ACTIONBRIDGE_SHUTDOWN_TIMEOUT_MS/],
    [{ 'shutdown-timeout-ms': '-3' }, {}, /--shutdown-timeout-ms/],
    [{ 'body-limit': '10' }, {}, /--body-limit must be an integer of at least 1024/],
    [{ 'log-level': 'loud' }, {}, /log level 'loud'/],
    [{ 'public-url': 'http://x.example' }, {}, /--public-url/],
    [{ 'throttle-rate': '-1' }, {}, /--throttle-rate/],
    [{ 'trust-proxy': '2' }, {}, /--trust-proxy: a hop count \('2'\) is not supported/],
    [{}, { ACTIONBRIDGE_TRUST_PROXY: '10.0.0.1,proxy.example' }, /ACTIONBRIDGE_TRUST_PROXY: 'proxy.example' is not an address/],
  ] as [Flags, NodeJS.ProcessEnv, RegExp][])('%j %j', (flags, env, message) => {
    expect(() => resolveConfig(flags, env)).toThrow(ConfigError);
    expect(() => resolveConfig(flags, env)).toThrow(message);
  });

  it('`config check` validates a file without starting and names an unknown key (exit 2)', () => {
    const good = file('ok.yaml', 'metricsPort: 9599\nshutdownTimeoutMs: 10000\n');
    const out = JSON.parse(execFileSync(BIN, ['config', 'check', good], { encoding: 'utf8' })) as { Valid: boolean; Resolved: Config };
    expect(out.Valid).toBe(true);
    expect(out.Resolved).toMatchObject({ metricsPort: 9599, metricsHost: '127.0.0.1', shutdownTimeoutMs: 10000 });
    let err: { status?: number; stderr?: string } = {};
    try {
      execFileSync(BIN, ['config', 'check', file('bad.yaml', 'metricz: 1\n')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.status).toBe(2);
    expect(err.stderr).toMatch(/unknown key 'metricz'/);
  });
});
