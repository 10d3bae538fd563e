// What each server setting is, for people: the data docs/reference/configuration.md is
// generated from (scripts/gen-config-docs.mjs). Types, limits and defaults are not
// written here: the generator takes them from config.ts (fileSchema, defaults).
// test/docs-config.test.ts proves every row true: each flag, variable and file key
// of a row reaches the same Config member, and none of config.ts's is left out.

/** One setting: its config file key, flag and environment variable (each optional), and what it does. */
export interface SettingDoc {
  /** Dotted config file key (`egress.allow`); absent for a setting the file does not have. */
  key?: string;
  /** The Config member it sets (dotted), when not the same as `key`. */
  configPath?: string;
  /** The `serve` flag, without dashes. */
  flag?: string;
  /** The flag's argument, as the reference shows it (`N`, `URL`). */
  flagArg?: string;
  env?: string;
  /** The default, when config.ts's `defaults` has none to show (or shows it badly). */
  defaultText?: string;
  /** Markdown. */
  description: string;
  /** A valid value, as a flag or variable spells it (test/docs-config.test.ts sets it three ways). */
  sample: string;
  /** The same value as the config file spells it (YAML), when not `sample`. */
  fileSample?: string;
}

export const SETTINGS: readonly SettingDoc[] = [
  {
    flag: 'config',
    flagArg: 'FILE',
    env: 'ACTIONBRIDGE_CONFIG',
    defaultText: 'none',
    description: 'The config file, YAML or JSON (`.json`). Relative paths in it (`dataDir`, `egress.caFile`) are relative to the file.',
    sample: '',
  },
  { key: 'host', flag: 'host', flagArg: 'ADDRESS', env: 'ACTIONBRIDGE_HOST', description: 'Address the API listens on.', sample: '0.0.0.0' },
  { key: 'port', flag: 'port', flagArg: 'PORT', env: 'ACTIONBRIDGE_PORT', description: 'API port (0 picks a free one).', sample: '8080' },
  {
    key: 'dataDir',
    flag: 'data-dir',
    flagArg: 'DIR',
    env: 'ACTIONBRIDGE_DATA_DIR',
    description: 'Holds the SQLite database, the master key file `master.keys` and `bootstrap-credentials.json`; created 0700.',
    sample: '/var/lib/actionbridge',
  },
  {
    key: 'databaseUrl',
    flag: 'database-url',
    flagArg: 'URL',
    env: 'ACTIONBRIDGE_DATABASE_URL',
    defaultText: 'none (SQLite in the data dir)',
    description: '`postgres://…`: PostgreSQL instead of SQLite, shared by several nodes; see [PostgreSQL and several nodes](../operations/postgresql.md).',
    sample: 'postgres://actionbridge@db.internal:5432/actionbridge',
  },
  {
    key: 'region',
    flag: 'region',
    flagArg: 'REGION',
    env: 'ACTIONBRIDGE_REGION',
    description: 'Region of user and group ARNs, and the default region.',
    sample: 'eu-west-1',
  },
  {
    key: 'logLevel',
    flag: 'log-level',
    flagArg: 'LEVEL',
    env: 'ACTIONBRIDGE_LOG_LEVEL',
    description: 'Level of the JSON log on stdout.',
    sample: 'debug',
  },
  {
    key: 'egress.allow',
    configPath: 'egressAllow',
    flag: 'egress-allow',
    flagArg: 'CIDR',
    env: 'ACTIONBRIDGE_EGRESS_ALLOW',
    defaultText: 'none',
    description:
      'Non-public addresses outbound requests may reach (every other non-public address is refused). The flag is repeatable; the variable is comma-separated.',
    sample: '10.20.0.0/16',
    fileSample: '[10.20.0.0/16]',
  },
  {
    key: 'egress.caFile',
    configPath: 'caFile',
    flag: 'ca-file',
    flagArg: 'PEM',
    env: 'ACTIONBRIDGE_CA_FILE',
    defaultText: 'none',
    description: 'Extra trusted CA certificates for outbound TLS, added to the system roots. Outbound TLS is always verified.',
    sample: '/etc/actionbridge/corp-ca.pem',
  },
  {
    key: 'egress.vpcConnections',
    configPath: 'vpcConnections',
    env: 'ACTIONBRIDGE_VPC_CONNECTIONS',
    defaultText: 'none',
    description:
      'VPC connections by VpcConnectionArn: `{allowCidrs: [CIDR…], proxy?: "http://host:port", accounts?: [account…], regions?: [region…]}`; the variable holds the same object as JSON. See [VPC connections](#vpc-connections).',
    sample: '{"arn:aws:quicksight:us-east-1:111122223333:vpcConnection/inside":{"allowCidrs":["10.30.0.0/16"]}}',
    fileSample: '{"arn:aws:quicksight:us-east-1:111122223333:vpcConnection/inside": {allowCidrs: [10.30.0.0/16]}}',
  },
  {
    key: 'egress.maxBufferedBytes',
    configPath: 'egressMaxBufferedBytes',
    env: 'ACTIONBRIDGE_EGRESS_MAX_BUFFERED_BYTES',
    description: 'Bytes of upstream response bodies held at once, all invocations together; past it an invocation is `FAILED` with egress reason `busy`.',
    sample: '134217728',
  },
  {
    key: 'egress.timeoutMs',
    configPath: 'egressTimeoutMs',
    env: 'ACTIONBRIDGE_EGRESS_TIMEOUT_MS',
    description:
      'The longest one outbound request (an action’s upstream call, a token request, a remote MCP exchange) may take, in ms: DNS, connections, every redirect and the whole response body; past it the request fails with egress reason `timeout` (an invocation is `FAILED`).',
    sample: '10000',
  },
  {
    key: 'egress.dnsCacheMs',
    configPath: 'egressDnsCacheMs',
    env: 'ACTIONBRIDGE_EGRESS_DNS_CACHE_MS',
    description:
      'How long an upstream host name’s addresses are used before it is looked up again, in ms (0 to 3600000; 0: every outbound request looks it up). Every request still checks the addresses against the egress policy and connects to the one it checked.',
    sample: '60000',
  },
  {
    key: 'mcpCallTimeoutMs',
    env: 'ACTIONBRIDGE_MCP_CALL_TIMEOUT_MS',
    description:
      'A remote MCP server’s tool call at most, in milliseconds (1000 to 3600000): its session, the call and the streams that carry its progress; past it the invocation is `FAILED` with Code `McpTimeout`. The egress’s 30 s deadline does not apply to these streams.',
    sample: '120000',
  },
  {
    key: 'throttle.ratePerSecond',
    flag: 'throttle-rate',
    flagArg: 'N',
    env: 'ACTIONBRIDGE_THROTTLE_RATE',
    description: 'Requests per second refilled into each account’s bucket (0 turns throttling off).',
    sample: '500',
  },
  {
    key: 'throttle.burst',
    flag: 'throttle-burst',
    flagArg: 'N',
    env: 'ACTIONBRIDGE_THROTTLE_BURST',
    description: 'Bucket size: the burst an account may send at once.',
    sample: '1000',
  },
  {
    key: 'nodes',
    flag: 'nodes',
    flagArg: 'N',
    env: 'ACTIONBRIDGE_NODES',
    description: 'Nodes behind one load balancer: each node’s throttle bucket is 1/nodes of the account’s rate and burst.',
    sample: '3',
  },
  {
    key: 'bodyLimit',
    flag: 'body-limit',
    flagArg: 'BYTES',
    env: 'ACTIONBRIDGE_BODY_LIMIT',
    description: 'Largest request body accepted (InvokeAction bodies may be up to 8 MiB whatever this says).',
    sample: '2097152',
  },
  {
    key: 'maxBufferedRequestBytes',
    env: 'ACTIONBRIDGE_MAX_BUFFERED_REQUEST_BYTES',
    description:
      'Bytes of request bodies held at once, all requests together; a body past it is refused with `ThrottlingException` (429). One credential (an access key id, a console user, an MCP token) holds at most an eighth of it.',
    sample: '134217728',
  },
  {
    key: 'publicUrl',
    flag: 'public-url',
    flagArg: 'URL',
    env: 'ACTIONBRIDGE_PUBLIC_URL',
    defaultText: 'none',
    description:
      'The https URL at which browsers reach this server (behind a TLS proxy). When set, an `OAUTH2_AUTHORIZATION_CODE` connector’s RedirectUrl must be exactly `{publicUrl}/oauth/callback`.',
    sample: 'https://actionbridge.example.com',
  },
  {
    key: 'stsEndpoint',
    flag: 'sts-endpoint',
    flagArg: 'URL',
    env: 'ACTIONBRIDGE_STS_ENDPOINT',
    defaultText: 'the regional AWS STS endpoint',
    description: 'STS endpoint for IAM connectors (AssumeRole).',
    sample: 'https://sts.eu-west-1.amazonaws.com',
  },
  {
    key: 'postgres.poolSize',
    flag: 'pg-pool-size',
    flagArg: 'N',
    env: 'ACTIONBRIDGE_PG_POOL_SIZE',
    description: 'PostgreSQL connections per node for queries (a node opens at most half as many again for cross-node locks).',
    sample: '20',
  },
  {
    key: 'postgres.statementTimeoutMs',
    flag: 'pg-statement-timeout-ms',
    flagArg: 'MS',
    env: 'ACTIONBRIDGE_PG_STATEMENT_TIMEOUT_MS',
    description: 'Longest a PostgreSQL statement may run (0: no limit). Migrations run without it.',
    sample: '60000',
  },
  {
    key: 'auditRetentionDays',
    flag: 'audit-retention-days',
    flagArg: 'N',
    env: 'ACTIONBRIDGE_AUDIT_RETENTION_DAYS',
    description: 'Days InvokeAction records (the audit trail) are kept; 0 keeps them forever.',
    sample: '30',
  },
  {
    key: 'metricsPort',
    flag: 'metrics-port',
    flagArg: 'PORT|off',
    env: 'ACTIONBRIDGE_METRICS_PORT',
    defaultText: 'off',
    description:
      'Port of the Prometheus endpoint `GET /metrics` (0 picks a free one); `off` in the flag or variable turns off what the file turned on. See [Metrics and alerts](../operations/metrics.md).',
    sample: '9599',
  },
  {
    key: 'metricsHost',
    flag: 'metrics-host',
    flagArg: 'ADDRESS',
    env: 'ACTIONBRIDGE_METRICS_HOST',
    description: 'Address the metrics endpoint listens on.',
    sample: '10.0.0.7',
  },
  {
    key: 'shutdownTimeoutMs',
    flag: 'shutdown-timeout-ms',
    flagArg: 'MS',
    env: 'ACTIONBRIDGE_SHUTDOWN_TIMEOUT_MS',
    description: 'On SIGTERM or SIGINT, how long requests in flight may take to finish before their connections are cut.',
    sample: '10000',
  },
  {
    key: 'trustProxy',
    flag: 'trust-proxy',
    flagArg: 'on|off|ADDR,…',
    env: 'ACTIONBRIDGE_TRUST_PROXY',
    defaultText: 'off',
    description:
      'Whether `X-Forwarded-For` names the client (for the console’s sign-in limits): off (the connection’s address), the proxies’ addresses and CIDRs (a list in the file, comma-separated in flag and variable; also `loopback`, `linklocal`, `uniquelocal`), or on (any sender). A hop count is refused: it would trust whoever connects.',
    sample: '10.0.0.5,10.1.0.0/16',
    fileSample: '[10.0.0.5, 10.1.0.0/16]',
  },
];

/** Variables read outside the config: secrets and bootstrap, which are never config file keys, and the clients'. */
export const OTHER_VARIABLES: readonly { env: string; description: string }[] = [
  {
    env: 'ACTIONBRIDGE_MASTER_KEY',
    description:
      'The master key (base64 of 32 random bytes: `openssl rand -base64 32`); without it, `master.keys` in the data dir (generated, mode 0600). See [Key rotation](../operations/key-rotation.md).',
  },
  { env: 'ACTIONBRIDGE_PREVIOUS_MASTER_KEYS', description: 'Earlier master keys, comma-separated, during a rotation.' },
  {
    env: 'ACTIONBRIDGE_ACCOUNT_ID',
    description:
      'Bootstrap: the account of the first admin (an empty database only). Also the default `--account` of the client commands and the client library.',
  },
  { env: 'ACTIONBRIDGE_ACCESS_KEY_ID', description: 'Bootstrap: the first admin’s access key id (an empty database only).' },
  { env: 'ACTIONBRIDGE_SECRET_ACCESS_KEY', description: 'Bootstrap: the first admin’s secret access key (an empty database only).' },
  {
    env: 'ACTIONBRIDGE_MCP_WATCH_INTERVAL_MS',
    description: 'How often MCP event streams look for changes of their tool list, in ms (default 30000; 0: only after a refused call).',
  },
  { env: 'ACTIONBRIDGE_ENDPOINT', description: 'Default `--endpoint` of `actionbridge actions` and `actionbridge mcp`, and of the client library.' },
];
