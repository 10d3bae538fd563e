// One invocation of an AWS action: validate the input, map it to the command's
// input, send the command with the official client (signed by the SDK with the
// credentials given, sent through the egress), and shape the answer. A service
// error with an HTTP status is a FAILED invocation, as an upstream 4xx/5xx is.
// Every answer is scrubbed of the credentials and signatures the requests carried
// before the SDK parses it, and the shaped output once more.
import { CredentialScrubber, scrubbingSender } from '../connections/scrub.js';
import type { EgressRequest, EgressResponse, EgressTenant } from '../egress/index.js';
import { EgressHttpHandler } from '../egress/index.js';
import { validateActionInput } from './input.js';
import { evaluate, MappingError } from './mapping.js';
import { shapeView } from './output.js';
import { memberError } from './url.js';
import type { BuiltAwsCall, CatalogAction, InvocationResult } from './types.js';

type ClientModule = Record<string, unknown>;

/** The client packages AWS actions may name; a catalog naming another one does not load. */
export const awsClients: Record<string, () => Promise<ClientModule>> = {
  '@aws-sdk/client-s3': () => import('@aws-sdk/client-s3') as Promise<ClientModule>,
  '@aws-sdk/client-bedrock-runtime': () => import('@aws-sdk/client-bedrock-runtime') as Promise<ClientModule>,
  '@aws-sdk/client-bedrock-agent-runtime': () => import('@aws-sdk/client-bedrock-agent-runtime') as Promise<ClientModule>,
  '@aws-sdk/client-bedrock-data-automation-runtime': () => import('@aws-sdk/client-bedrock-data-automation-runtime') as Promise<ClientModule>,
  '@aws-sdk/client-textract': () => import('@aws-sdk/client-textract') as Promise<ClientModule>,
  '@aws-sdk/client-comprehend': () => import('@aws-sdk/client-comprehend') as Promise<ClientModule>,
  '@aws-sdk/client-comprehendmedical': () => import('@aws-sdk/client-comprehendmedical') as Promise<ClientModule>,
};

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export interface AwsInvocation {
  egress: { request(req: EgressRequest): Promise<EgressResponse> };
  /** The connector's region. */
  region: string;
  /** The assumed role's credentials (the connections module), or a provider of them. */
  credentials: AwsCredentials | (() => Promise<AwsCredentials>);
  /** The connector's VpcConnectionArn, if any. */
  profile?: string;
  /** The connector's account and region (a VPC connection serves only its own). */
  tenant?: EgressTenant;
  /** Extra client configuration, e.g. `{endpoint, forcePathStyle}` for an S3-compatible store or a test endpoint. */
  clientConfig?: Record<string, unknown>;
  signal?: AbortSignal;
  /** Told how many requests the SDK sent (its own retries included), when it says. */
  onAttempts?: (attempts: number) => void;
}

/** The AWS SDK call of an action, from input already validated against its InputSchema. */
export function buildAwsCall(action: CatalogAction, input: Record<string, unknown>): BuiltAwsCall {
  if (!action.aws) throw new TypeError(`action ${action.ActionId} is not an AWS call`);
  let value: unknown;
  try {
    value = evaluate(action.aws.input, input);
  } catch (err) {
    if (err instanceof MappingError) throw memberError('input', err.message);
    throw err;
  }
  const callInput = (value ?? {}) as Record<string, unknown>;
  if (action.binary) {
    for (const v of Object.values(callInput)) {
      if (v instanceof Uint8Array && v.byteLength > action.binary.maxBytes) {
        throw memberError('input', `Binary content must be at most ${action.binary.maxBytes} bytes`);
      }
    }
  }
  return { client: action.aws.client, command: action.aws.command, input: callInput };
}

interface SdkClient {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<Record<string, unknown>>;
  destroy(): void;
}

/** The package's client class (`S3Client`) and the named command class. */
export async function loadAwsCommand(client: string, command: string): Promise<{ Client: new (config: object) => SdkClient; Command: new (input: object) => unknown }> {
  const load = awsClients[client];
  if (!load) throw new TypeError(`AWS client package ${client} is not available`);
  const mod = await load();
  const clientName = Object.keys(mod).find((k) => /^[A-Za-z0-9]+Client$/.test(k) && typeof mod[k] === 'function');
  const Command = mod[command];
  if (!clientName || typeof Command !== 'function') throw new TypeError(`${client} has no ${command}`);
  return { Client: mod[clientName] as new (config: object) => SdkClient, Command: Command as new (input: object) => unknown };
}

interface StreamingBlob {
  transformToByteArray(): Promise<Uint8Array>;
}
const isStreamingBlob = (v: unknown): v is StreamingBlob =>
  typeof v === 'object' && v !== null && typeof (v as Partial<StreamingBlob>).transformToByteArray === 'function';

const isEventStream = (v: unknown): v is AsyncIterable<unknown> =>
  typeof v === 'object' && v !== null && !isStreamingBlob(v) && typeof (v as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';

interface ServiceErrorLike {
  name: string;
  message: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/** Validates, builds and sends an AWS action; throws InvalidParameterValueException for bad input, and errors that carry no HTTP status. */
export async function invokeAwsAction(action: CatalogAction, input: unknown, inv: AwsInvocation): Promise<InvocationResult> {
  const valid = validateActionInput(action, input);
  const call = buildAwsCall(action, valid);
  const { Client, Command } = await loadAwsCommand(call.client, call.command);
  const credentials = typeof inv.credentials === 'function' ? await inv.credentials() : inv.credentials;
  // The session's keys, and (as each request is signed and sent) its signatures.
  const scrubber = new CredentialScrubber([credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken]);
  const send = scrubbingSender((req: EgressRequest) => inv.egress.request(req), scrubber);
  const client = new Client({
    region: inv.region,
    credentials,
    requestHandler: new EgressHttpHandler({ request: send }, inv.profile, inv.tenant),
    maxAttempts: 3,
    ...inv.clientConfig,
  });
  try {
    const { $metadata, ...output } = await client.send(new Command(call.input), { abortSignal: inv.signal });
    const meta = $metadata as { httpStatusCode?: number; attempts?: number } | undefined;
    if (meta?.attempts !== undefined) inv.onAttempts?.(meta.attempts);
    const status = meta?.httpStatusCode ?? 200;
    for (const [k, v] of Object.entries(output)) {
      // An event stream (Bedrock's InvokeAgent completion): its events, in order, for the output template.
      if (isEventStream(v)) {
        const events: unknown[] = [];
        for await (const event of v) events.push(event);
        output[k] = events;
        continue;
      }
      if (!isStreamingBlob(v)) continue;
      const bytes = await v.transformToByteArray();
      const limit = action.binary?.maxBytes;
      if (limit !== undefined && bytes.byteLength > limit) {
        return {
          InvokeActionStatus: 'FAILED',
          HttpStatusCode: status,
          Output: { Code: 'ContentTooLarge', Message: `The content is larger than ${limit} bytes; request a byte range.` },
        };
      }
      output[k] = Buffer.from(bytes);
    }
    return shapeView(action, { StatusCode: status, Headers: {}, Body: output }, scrubber);
  } catch (err) {
    const e = err as ServiceErrorLike;
    if (e?.$metadata?.attempts !== undefined) inv.onAttempts?.(e.$metadata.attempts);
    const status = e?.$metadata?.httpStatusCode;
    if (typeof status !== 'number') throw err;
    return shapeView(action, { StatusCode: status, Headers: {}, Body: { Code: scrubber.text(String(e.name)), Message: scrubber.text(String(e.message)) } }, scrubber);
  } finally {
    client.destroy();
  }
}
