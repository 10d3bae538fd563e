// One invocation of an AWS action: validate the input, map it to the command's
// input, have the caller's `send` send the command (the connections module's
// cached SDK client for the connector, user and region, signed with the user's
// session, through the egress: connections/aws-clients.ts), retrying by the one
// policy of retry.ts, and shape the answer. A service error with an HTTP status is
// a FAILED invocation, as an upstream 4xx/5xx is. Every answer is scrubbed of the
// credentials and signatures the requests carried before the SDK parses it (the
// invocation's scrubber, filled by `send`), and the shaped output once more.
import { CredentialScrubber } from '../connections/scrub.js';
import type { AwsCall } from '../connections/aws-clients.js';
import { validateActionInput } from './input.js';
import { evaluate, MappingError } from './mapping.js';
import { shapeView } from './output.js';
import { awsServiceError, withAwsRetries, type RetryPolicy } from './retry.js';
import { memberError } from './url.js';
import type { BuiltAwsCall, CatalogAction, InvocationResult } from './types.js';

/** The client packages AWS actions may name (check.ts refuses a catalog naming another). */
export { awsClientPackages as awsClients } from '../connections/aws-clients.js';

export interface AwsInvocation {
  /**
   * Sends the call once: `(call, scrubber) => connections.awsSend(rec, user, call, scrubber)`.
   * Adds the credentials it signs with and each request's credential headers to
   * `scrubber` (one per invocation); answers the SDK's output, or rejects as the SDK
   * does (a service error carries `$metadata.httpStatusCode`). Called for every attempt.
   */
  send: (call: AwsCall, scrubber: CredentialScrubber) => Promise<Record<string, unknown>>;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
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
  const call: BuiltAwsCall = { client: action.aws.client, command: action.aws.command, input: callInput };
  if (action.aws.presign) {
    let expiresIn: unknown;
    try {
      expiresIn = evaluate(action.aws.presign.expiresIn, input);
    } catch (err) {
      if (err instanceof MappingError) throw memberError('input', err.message);
      throw err;
    }
    if (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn) || expiresIn < 1)
      throw memberError('input', 'The expiry of a presigned URL must be a whole number of seconds, at least 1');
    call.presign = { expiresIn };
  }
  return call;
}

interface StreamingBlob {
  transformToByteArray(): Promise<Uint8Array>;
}
const isStreamingBlob = (v: unknown): v is StreamingBlob =>
  typeof v === 'object' && v !== null && 'transformToByteArray' in v && typeof v.transformToByteArray === 'function';

const isEventStream = (v: unknown): v is AsyncIterable<unknown> =>
  typeof v === 'object' && v !== null && !isStreamingBlob(v) && Symbol.asyncIterator in v && typeof v[Symbol.asyncIterator] === 'function';

/**
 * Validates, builds, sends (retrying by retry.ts's policy) and shapes an AWS action;
 * throws InvalidParameterValueException for bad input, and errors that carry no HTTP
 * status (EgressError: nothing answered).
 */
export async function invokeAwsAction(action: CatalogAction, input: unknown, inv: AwsInvocation): Promise<InvocationResult> {
  const valid = validateActionInput(action, input);
  const call = buildAwsCall(action, valid);
  // The session's keys, and (as each request is signed and sent) its signatures.
  const scrubber = new CredentialScrubber();
  let answer: Record<string, unknown>;
  try {
    ({ output: answer } = await withAwsRetries(() => inv.send(call, scrubber), { policy: inv.retry, sleep: inv.sleep }));
  } catch (err) {
    const e = awsServiceError(err);
    if (!e) throw err;
    const body = { Code: scrubber.text(String(e.name)), Message: scrubber.text(String(e.message)) };
    return shapeView(action, { StatusCode: e.$metadata.httpStatusCode, Headers: {}, Body: body }, scrubber);
  }
  const { $metadata, ...output } = answer;
  // A presigned URL: made here, nothing was sent or answered. It carries the session's
  // access key id and token by design (S3 needs them) — the scrubber would blank them —
  // and never the secret key, which aws-clients.ts checks before handing it out.
  if (call.presign) return shapeView(action, { StatusCode: 200, Headers: {}, Body: output });
  const sdkStatus = typeof $metadata === 'object' && $metadata !== null && 'httpStatusCode' in $metadata ? $metadata.httpStatusCode : undefined;
  const status = typeof sdkStatus === 'number' ? sdkStatus : 200;
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
}
