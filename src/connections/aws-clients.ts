// The AWS SDK clients of the AWS actions (AMAZON_* connectors), kept for reuse:
// one client per connector (its current configuration), end user (whose assumed-role
// session signs), region, client package and client configuration. Every client
//
// - sends through the egress (EgressHttpHandler) with the connector's route (VPC
//   connection profile and tenant), like every other outbound request;
// - makes one attempt per send (`maxAttempts: 1`): retries are the caller's, by the
//   one retry policy of catalog/retry.ts, so that the audit's Attempts counts them;
// - is handed each call's sender in the send options, so that the call's scrubber
//   collects what its requests carried (the session's keys, each SigV4 signature)
//   and every answer is scrubbed of it before the SDK parses it (scrub.ts).
//
// A client is replaced when its connector's configuration changed (updatedAt, the
// destination digest) or the session's credentials are not those it was built with
// (renewed before they expire); the cache is an LRU bounded in size.
import type { AwsCredentialIdentity } from '@smithy/types';
import { EgressHttpHandler, type EgressHandlerOptions, type EgressSender, type EgressTenant, type ResponseHold } from '../egress/index.js';
import { type CredentialScrubber, scrubbingSender } from './scrub.js';

type ClientModule = Record<string, unknown>;

/** The client packages AWS actions may name; a catalog naming another one does not load. */
export const awsClientPackages: Record<string, () => Promise<ClientModule>> = {
  '@aws-sdk/client-s3': () => import('@aws-sdk/client-s3'),
  '@aws-sdk/client-bedrock-runtime': () => import('@aws-sdk/client-bedrock-runtime'),
  '@aws-sdk/client-bedrock-agent-runtime': () => import('@aws-sdk/client-bedrock-agent-runtime'),
  '@aws-sdk/client-bedrock-data-automation-runtime': () => import('@aws-sdk/client-bedrock-data-automation-runtime'),
  '@aws-sdk/client-textract': () => import('@aws-sdk/client-textract'),
  '@aws-sdk/client-comprehend': () => import('@aws-sdk/client-comprehend'),
  '@aws-sdk/client-comprehendmedical': () => import('@aws-sdk/client-comprehendmedical'),
};

export interface SdkClient {
  send(command: unknown, options?: EgressHandlerOptions): Promise<Record<string, unknown>>;
  destroy(): void;
}

type ClientClass = new (config: object) => SdkClient;
type CommandClass = new (input: object) => unknown;

async function loadPackage(client: string): Promise<ClientModule> {
  const load = awsClientPackages[client];
  if (!load) throw new TypeError(`AWS client package ${client} is not available`);
  return load();
}

function clientClass(client: string, mod: ClientModule): ClientClass {
  const name = Object.keys(mod).find((k) => /^[A-Za-z0-9]+Client$/.test(k) && typeof mod[k] === 'function');
  if (!name) throw new TypeError(`${client} has no client class`);
  return mod[name] as ClientClass;
}

/** The package's client class (`S3Client`) and the named command class. */
export async function loadAwsCommand(client: string, command: string): Promise<{ Client: ClientClass; Command: CommandClass }> {
  const mod = await loadPackage(client);
  const Command = mod[command];
  if (typeof Command !== 'function') throw new TypeError(`${client} has no ${command}`);
  return { Client: clientClass(client, mod), Command: Command as CommandClass };
}

/** One AWS SDK call: the client package, the command class's name, its input. */
export interface AwsCall {
  client: string;
  command: string;
  input: Record<string, unknown>;
}

/** Whose client it is and what it is built with. */
export interface AwsClientScope {
  /** Who the client is for: the connector's identity and the end user (credentials are per user). */
  owner: string;
  /** What the owner's client was built for: the connector's updatedAt and destination digest. A different version replaces the client. */
  version: string;
  region: string;
  credentials: AwsCredentialIdentity;
  /** The egress profile (a VpcConnectionArn) and tenant of the connector's requests. */
  profile?: string;
  tenant?: EgressTenant;
  /** Extra client configuration (`{endpoint, forcePathStyle}` for an S3-compatible store or a test endpoint). */
  clientConfig?: Record<string, unknown>;
}

interface Entry {
  /** version, the credentials' access key id: what the client was built with. */
  built: string;
  client: Promise<SdkClient>;
}

/** Clients kept at most (least recently used first out). */
export const MAX_AWS_CLIENTS = 500;

export class AwsClients {
  private readonly entries = new Map<string, Entry>();
  private createdCount = 0;

  constructor(
    private readonly egress: EgressSender,
    private readonly max = MAX_AWS_CLIENTS,
  ) {}

  /** Clients kept now. */
  get size(): number {
    return this.entries.size;
  }

  /** Clients built since the start (a reused client is not counted again). */
  get created(): number {
    return this.createdCount;
  }

  /**
   * Sends `call` once with the scope's client. `scrubber` (the invocation's) gets the
   * session's keys and each request's credential headers; the answer is scrubbed of
   * them. Resolves the SDK's output (with `$metadata`); rejects as the SDK does (a
   * service error carries `$metadata.httpStatusCode`; an egress failure is the EgressError).
   */
  async send(scope: AwsClientScope, call: AwsCall, scrubber: CredentialScrubber, signal?: AbortSignal, hold?: ResponseHold): Promise<Record<string, unknown>> {
    const { Command } = await loadAwsCommand(call.client, call.command);
    const c = scope.credentials;
    scrubber.add(c.accessKeyId, c.secretAccessKey, c.sessionToken);
    const client = await this.client(scope, call.client);
    const egress = this.egress;
    const options: EgressHandlerOptions = {
      egress: { request: scrubbingSender((req) => egress.request(hold ? { ...req, hold } : req), scrubber) },
      ...(signal ? { abortSignal: signal } : {}),
    };
    return client.send(new Command(call.input), options);
  }

  private client(scope: AwsClientScope, pkg: string): Promise<SdkClient> {
    const key = JSON.stringify([scope.owner, scope.region, pkg, scope.profile ?? null, scope.tenant ?? null, scope.clientConfig ?? null]);
    const built = JSON.stringify([scope.version, scope.credentials.accessKeyId]);
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.built === built) {
      this.entries.set(key, hit); // most recently used
      return hit.client;
    }
    if (hit) destroy(hit);
    const entry: Entry = { built, client: this.build(scope, pkg) };
    this.createdCount++;
    this.entries.set(key, entry);
    // A client that could not be built is not kept.
    entry.client.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value!;
      destroy(this.entries.get(oldest)!);
      this.entries.delete(oldest);
    }
    return entry.client;
  }

  private async build(scope: AwsClientScope, pkg: string): Promise<SdkClient> {
    const Client = clientClass(pkg, await loadPackage(pkg));
    const { accessKeyId, secretAccessKey, sessionToken, expiration } = scope.credentials;
    return new Client({
      region: scope.region,
      credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), ...(expiration ? { expiration } : {}) },
      // Each call names its own sender (see send); this one is never used unsupervised.
      requestHandler: new EgressHttpHandler({ request: scrubbingSender((req) => this.egress.request(req)) }, scope.profile, scope.tenant),
      // One attempt per send: retries are catalog/retry.ts's.
      maxAttempts: 1,
      ...scope.clientConfig,
    });
  }

  close(): void {
    for (const e of this.entries.values()) destroy(e);
    this.entries.clear();
  }
}

function destroy(e: Entry): void {
  void e.client.then(
    (c) => c.destroy(),
    () => {},
  );
}
