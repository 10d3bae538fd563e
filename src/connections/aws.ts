// IAM connectors: STS AssumeRole of the connector's RoleArn for each end user,
// the temporary credentials cached until shortly before they expire, and SigV4
// signing of AWS requests with them.
//
// - RoleSessionName names the connector and the user (`{connector}@{user}`, at most
//   64 characters of [\w+=,.@-]), so CloudTrail shows who acted through what.
// - ExternalId is the connector's ARN: a role's trust policy can require it
//   (`sts:ExternalId`) so that only that connector may assume the role. (SourceIdentity
//   cannot hold an ARN — its pattern has no ':' or '/' — and session tags need
//   sts:TagSession in every trust policy.)
// - STS is called with the server's own AWS credentials from the standard provider
//   chain (environment, shared config, SSO, web identity, container, instance);
//   the call itself goes through the egress path, at `stsEndpoint` when configured,
//   one attempt per send, retried by catalog/retry.ts (withAwsRetries). Finding the
//   server's own credentials (IMDS, container endpoint, SSO, web identity) does not:
//   ARCHITECTURE.md, "Traffic outside egress", says why.
import { createHash } from 'node:crypto';
import { Sha256 } from '../auth/sha256.js';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/core/transport';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { AssumeRoleCommandOutput, STSClient } from '@aws-sdk/client-sts';
import type { Egress } from '../egress/index.js';
import { isEgressError } from '../egress/index.js';
import { connectorArn } from '../auth/arns.js';
import type { ConnectorRecord } from '../domain/types.js';
import { destinationDigest } from '../domain/destination.js';
import { EgressHttpHandler } from '../egress/index.js';
import { printable, TokenFailure } from './oauth.js';
import { scrubbingSender } from './scrub.js';
import { SingleFlight } from './single-flight.js';
import { awsServiceError, withAwsRetries, type RetryPolicy } from '../catalog/retry.js';
import { errorMessage, errorName } from '../error-text.js';
import { failureOutcome, type TokenObserver } from './observe.js';

export interface AssumedRole {
  credentials: AwsCredentialIdentity & { sessionToken: string; expiration: Date };
  sessionName: string;
  /** When to assume the role again (shortly before the credentials expire), epoch ms. */
  refreshAt: number;
}

/** Assume the role again this long before the credentials expire. */
export const RENEW_BEFORE_MS = 5 * 60 * 1000;
const MAX_CACHED = 1000;
/** AssumeRole is tried at most twice (by the one retry policy; STS's client makes one attempt per send). */
export const STS_RETRY: Partial<RetryPolicy> = { maxAttempts: 2 };

const SESSION_CHARS = /[^\w+=,.@-]/g;

/** `{connector}@{user}` within STS's limits (2–64 characters of [\w+=,.@-]), a hash keeping long pairs apart. */
export function roleSessionName(connectorId: string, userName: string): string {
  const c = connectorId.replace(SESSION_CHARS, '-');
  const u = userName.replace(SESSION_CHARS, '-');
  const full = `${c}@${u}`;
  if (full.length <= 64) return full;
  const h = createHash('sha256').update(`${connectorId}\n${userName}`).digest('hex').slice(0, 8);
  return `${c.slice(0, 27)}@${u.slice(0, 27)}.${h}`;
}

export interface AwsRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** SigV4 headers (Authorization, X-Amz-Date, X-Amz-Security-Token, ...) for an AWS request. */
export async function signAwsRequest(credentials: AwsCredentialIdentity, req: AwsRequest, service: string, region: string): Promise<Record<string, string>> {
  const u = new URL(req.url);
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of u.searchParams) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
  headers.host = u.host;
  const signer = new SignatureV4({
    credentials,
    region,
    service,
    sha256: Sha256,
    // S3 signs the path as sent; every other service signs it URI-encoded once more.
    uriEscapePath: service !== 's3',
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: req.method.toUpperCase(),
      protocol: u.protocol,
      hostname: u.hostname,
      ...(u.port ? { port: Number(u.port) } : {}),
      path: u.pathname,
      query,
      headers,
      ...(req.body !== undefined ? { body: req.body } : {}),
    }),
  );
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) if (k !== 'host') out[k] = v;
  return out;
}

export class AwsRoles {
  private readonly flight = new SingleFlight<AssumedRole>();
  private readonly cache = new Map<string, AssumedRole>();
  private readonly clients = new Map<string, Promise<STSClient>>();
  private serverCredentials?: Promise<AwsCredentialIdentityProvider>;

  constructor(
    private readonly egress: Egress,
    private readonly stsEndpoint: string | undefined,
    private readonly now: () => number,
    private readonly onToken?: TokenObserver,
  ) {}

  /** Credentials of `roleArn` for this connector and user, from the cache while they last (unless `fresh`). */
  async credentials(rec: ConnectorRecord, roleArn: string, user: { userArn: string; userName: string }, opts: { fresh?: boolean } = {}): Promise<AssumedRole> {
    // Keyed by the connector's destination (RoleArn, VPC connection, ...): credentials
    // assumed for an earlier configuration are never used for the current one.
    const key = [rec.region, rec.accountId, rec.id, destinationDigest(rec), roleArn, user.userArn].join('|');
    const cached = this.cache.get(key);
    if (!opts.fresh && cached && this.now() < cached.refreshAt) return cached;
    return this.flight.run(key, async () => {
      const assumed = await this.assume(rec, roleArn, roleSessionName(rec.id, user.userName));
      this.remember(key, assumed);
      return assumed;
    });
  }

  /** The STS client of a region: lazily loaded, its requests through egress. */
  private client(region: string): Promise<STSClient> {
    let c = this.clients.get(region);
    if (!c) {
      c = (async () => {
        const { STSClient } = await import('@aws-sdk/client-sts');
        this.serverCredentials ??= import('@aws-sdk/credential-providers').then((m) => m.fromNodeProviderChain());
        return new STSClient({
          region,
          credentials: await this.serverCredentials,
          // STS's answers are scrubbed of what each request carried (the server's signature and session token).
          requestHandler: new EgressHttpHandler({ request: scrubbingSender((req) => this.egress.request(req)) }),
          // One attempt per send: retries are catalog/retry.ts's (STS_RETRY).
          maxAttempts: 1,
          ...(this.stsEndpoint ? { endpoint: this.stsEndpoint } : {}),
        });
      })();
      this.clients.set(region, c);
    }
    return c;
  }

  private async assume(rec: ConnectorRecord, roleArn: string, sessionName: string): Promise<AssumedRole> {
    const { AssumeRoleCommand } = await import('@aws-sdk/client-sts');
    const sts = await this.client(rec.region);
    let out: AssumeRoleCommandOutput;
    try {
      const input = { RoleArn: roleArn, RoleSessionName: sessionName, ExternalId: connectorArn(rec.region, rec.accountId, rec.id) };
      ({ output: out } = await withAwsRetries(() => sts.send(new AssumeRoleCommand(input)), { policy: STS_RETRY }));
    } catch (err) {
      const failure = stsFailure(err, roleArn);
      this.onToken?.('assume_role', failureOutcome(failure));
      throw failure;
    }
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      this.onToken?.('assume_role', 'error');
      throw new TokenFailure(`STS answered AssumeRole of ${roleArn} without credentials.`, out.$metadata.httpStatusCode);
    }
    this.onToken?.('assume_role', 'success');
    const expiresAt = c.Expiration.getTime();
    const lifetime = expiresAt - this.now();
    return {
      credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration },
      sessionName,
      refreshAt: expiresAt - Math.min(RENEW_BEFORE_MS, Math.max(0, lifetime) * 0.1),
    };
  }

  private remember(key: string, assumed: AssumedRole): void {
    this.cache.set(key, assumed);
    if (this.cache.size <= MAX_CACHED) return;
    const now = this.now();
    for (const [k, v] of this.cache) if (v.refreshAt <= now) this.cache.delete(k);
    while (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
  }

  close(): void {
    for (const c of this.clients.values())
      void c.then(
        (client) => client.destroy(),
        () => {},
      );
    this.clients.clear();
  }
}

function stsFailure(err: unknown, roleArn: string): TokenFailure {
  if (isEgressError(err)) return new TokenFailure(`STS could not be reached to assume ${roleArn}: ${err.message}.`);
  const name = errorName(err);
  const message = errorMessage(err);
  const status = awsServiceError(err)?.$metadata.httpStatusCode;
  if (name === 'CredentialsProviderError') {
    return new TokenFailure(`ActionBridge has no AWS credentials of its own to call STS with: ${printable(message ?? '', 160)}.`);
  }
  const code = name !== undefined && /^[\w.-]{1,64}$/.test(name) ? name : 'Error';
  return new TokenFailure(`STS refused AssumeRole of ${roleArn}: ${code}${message ? ` (${printable(message)})` : ''}.`, status, code);
}
