// Server configuration, with its defaults. Flags and ACTIONBRIDGE_* variables
// are read in cli/; this is what the server is built from.
export interface ThrottleConfig {
  /** Requests per second refilled into each account's bucket; 0 disables throttling. */
  ratePerSecond: number;
  /** Bucket size: the burst an account may send at once. */
  burst: number;
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
  throttle: ThrottleConfig;
  logLevel: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
}

export const defaults: Config = {
  host: '127.0.0.1',
  port: 4599,
  dataDir: './data',
  region: 'us-east-1',
  egressAllow: [],
  throttle: { ratePerSecond: 2000, burst: 4000 },
  logLevel: 'info',
  bodyLimit: 1024 * 1024,
};
