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
//
// A call may ask to be presigned instead of sent (S3 presigned URLs, `AwsCall.presign`):
// the same client serializes the command (endpoint, addressing, query) but nothing is
// sent; the request is signed in SigV4's query form with the session's credentials, for
// at most the session's remaining lifetime and 7 days. The URL carries the access key id
// and the session token (S3 needs them) and a signature, never the secret key.
import { buildQueryString } from '@smithy/core/protocols';
import { HttpRequest } from '@smithy/core/transport';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity } from '@smithy/types';
import { EgressHttpHandler, type EgressHandlerOptions, type EgressSender, type EgressTenant, type ResponseHold } from '../egress/index.js';
import { CredentialScrubber, scrubbingSender } from './scrub.js';

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

/** What presigning needs of a client and a command (smithy's middleware stack). */
interface Stack {
  clone(): Stack;
  addRelativeTo(mw: unknown, opts: { name: string; relation: 'before' | 'after'; toMiddleware: string; override?: boolean }): void;
}
interface StackedClient extends SdkClient {
  middlewareStack: Stack;
  config: Record<string, unknown>;
}
interface StackedCommand {
  input: object;
  resolveMiddleware(stack: Stack, config: unknown, options: unknown): (args: { input: object }) => Promise<{ output: Record<string, unknown> }>;
}

/** A presign that cannot be made: a FAILED invocation (a service error's shape) rather than a server error. */
class PresignRefused extends Error {
  readonly $metadata = { httpStatusCode: 400 };
  constructor(message: string) {
    super(message);
    this.name = 'PresignRefused';
  }
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
  /** Presign instead of send (S3 only): a URL valid for at most `expiresIn` seconds (see AwsClients.presign). */
  presign?: { expiresIn: number };
}

/** The longest a SigV4 presigned URL can be valid (AWS's limit): 7 days. */
export const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;
/** The client packages whose commands may be presigned (the query-form rules below are S3's). */
const PRESIGNABLE = new Set(['@aws-sdk/client-s3']);
/** Request headers a presigned URL does not carry: the SDK's own, and what only a request with a body has. */
const NOT_PRESIGNED =
  /^(?:amz-sdk-invocation-id|amz-sdk-request|x-amz-user-agent|user-agent|content-length|content-md5|expect|x-amz-checksum-.*|x-amz-sdk-checksum-algorithm|x-amz-decoded-content-length)$/i;

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
    if (call.presign) return this.presign(scope, client as StackedClient, new Command(call.input) as StackedCommand, call.client, call.presign.expiresIn);
    const egress = this.egress;
    const options: EgressHandlerOptions = {
      egress: { request: scrubbingSender((req) => egress.request(hold ? { ...req, hold } : req), scrubber) },
      ...(signal ? { abortSignal: signal } : {}),
    };
    return client.send(new Command(call.input), options);
  }

  /**
   * A presigned URL for the command instead of sending it: the client's own middleware
   * serializes it (endpoint, bucket addressing, query) and stops before signing; the
   * request is then signed in SigV4's query form (S3's rules: path not escaped twice,
   * payload UNSIGNED-PAYLOAD) with the scope's credentials. Valid for `expiresIn`
   * seconds, cut to the credentials' remaining lifetime and to 7 days. Resolves
   * `{Url, Method, ExpiresIn, Expiration}`; nothing is sent. The URL carries the access
   * key id and session token (as S3 requires) and never the secret, which is checked.
   */
  private async presign(
    scope: AwsClientScope,
    client: StackedClient,
    command: StackedCommand,
    pkg: string,
    requested: number,
  ): Promise<Record<string, unknown>> {
    if (!PRESIGNABLE.has(pkg)) throw new TypeError(`${pkg} commands cannot be presigned`);
    const c = scope.credentials;
    const now = Date.now();
    const remaining = c.expiration ? Math.floor((c.expiration.getTime() - now) / 1000) : MAX_PRESIGN_SECONDS;
    const expiresIn = Math.min(Math.floor(requested), MAX_PRESIGN_SECONDS, remaining);
    if (!(expiresIn >= 1)) throw new PresignRefused('The connector’s AWS session expires too soon to presign a URL; try again.');
    let captured: { request: HttpRequest; region: unknown } | undefined;
    const intercept = (_next: unknown, context: Record<string, unknown>) => async (args: { request: unknown }) => {
      if (!HttpRequest.isInstance(args.request)) throw new TypeError('the command did not serialize to an HTTP request');
      captured = { request: args.request, region: context.signing_region };
      return { response: {}, output: { $metadata: { httpStatusCode: 200 } } };
    };
    const stack = client.middlewareStack.clone();
    stack.addRelativeTo(intercept, { name: 'actionBridgePresign', relation: 'before', toMiddleware: 'httpSigningMiddleware', override: true });
    await command.resolveMiddleware(stack, client.config, {})({ input: command.input });
    if (!captured) throw new TypeError('the command was not serialized');
    const req = captured.request;
    for (const h of Object.keys(req.headers)) if (NOT_PRESIGNED.test(h)) delete req.headers[h];
    req.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
    req.headers.host = `${req.hostname}${req.port ? `:${req.port}` : ''}`;
    req.body = undefined;
    const signer = new SignatureV4({
      credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}) },
      region: typeof captured.region === 'string' ? captured.region : scope.region,
      service: 's3',
      sha256: client.config.sha256 as ConstructorParameters<typeof SignatureV4>[0]['sha256'],
      uriEscapePath: false,
      applyChecksum: false,
    });
    const signed = await signer.presign(req, { expiresIn, signingDate: new Date(now), unsignableHeaders: new Set(['content-type']) });
    const query = buildQueryString(signed.query ?? {});
    const url = `${signed.protocol}//${signed.hostname}${signed.port ? `:${signed.port}` : ''}${signed.path}${query ? `?${query}` : ''}`;
    // The signature is derived from the secret; the secret itself must never be in what is handed out.
    if (new CredentialScrubber([c.secretAccessKey]).text(url) !== url) throw new TypeError('refusing a presigned URL that carries the secret key');
    return {
      $metadata: { httpStatusCode: 200 },
      Url: url,
      Method: signed.method,
      ExpiresIn: expiresIn,
      Expiration: new Date(now + expiresIn * 1000).toISOString(),
    };
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
