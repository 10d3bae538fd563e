// The action operations (PRODUCT.md §1.2): ListActionConnectorActions,
// InvokeAction and the audit read, ListActionInvocations.
//
// InvokeAction, in order: the caller must hold quicksight:InvokeActionConnector
// (AccessDenied, whether or not the connector exists); the action must be in the
// type's catalog (ResourceNotFound); from there on every outcome is recorded in the
// audit trail: not enabled (InvalidParameterValue), bad input (InvalidParameterValue
// naming the member), no sign-in (AccessTokenNotFound), a token endpoint or STS
// refusing (TokenResponse), nothing answering (a FAILED result without
// HttpStatusCode), the service's answer (SUCCESS, or FAILED with its status).
import type { RequestContext, ConnectorRecord } from '../domain/types.js';
import { newInvocationId, type InvocationRecord, type InvocationStatus } from '../domain/invocations.js';
import { allowedAuthentication, authenticationTypeProblem } from '../domain/type-auth.js';
import { catalogFor, describeActions, grantProblem, invokeAwsAction, invokeHttpAction, type CatalogAction, type InvocationResult } from '../catalog/index.js';
import { isEgressError, type EgressError, type ResponseHold } from '../egress/index.js';
import type { EndUser } from '../connections/index.js';
import type { ActionInvocation, OperationTypes } from '../protocol/generated/model.js';
import type { ExtensionOperations } from './index.js';
import { ServiceError, constraint, invalidParameter, notFound, validationError } from '../protocol/errors.js';
import { DEFAULT_PAGE_SIZE, openPage, type Services } from './services.js';
import { baseEndpointOf } from '../domain/auth-config.js';
import { authConfigOf } from '../connections/destination.js';
import { extraActionsOf, findConnectorAction } from './api-definitions.js';
import { invokeMcpTool, isMcpAction } from './mcp-servers.js';

type IO<K extends keyof OperationTypes> = OperationTypes[K];
/** What an invocation spent on the connector's service. */
interface Upstream {
  ms: number;
  attempts: number;
}
type Ops = Pick<ExtensionOperations, 'ListActionConnectorActions' | 'InvokeAction' | 'ListActionInvocations'>;

/** What an invocation that no upstream answered returns: FAILED, no HttpStatusCode, the egress's reason. */
function unreachable(err: EgressError): { InvokeActionStatus: 'FAILED'; Output: unknown } {
  return { InvokeActionStatus: 'FAILED', Output: { Code: 'EgressError', Reason: err.reason, Message: err.message } };
}

/** The word the metrics use for an outcome. */
function metricStatus(status: InvocationStatus, httpStatus: number | null, errorCode: string | null): string {
  if (status === 'SUCCESS') return 'success';
  if (httpStatus !== null) return 'http_error';
  if (errorCode?.startsWith('Egress.')) return 'egress_error';
  if (errorCode === 'AccessTokenNotFoundException' || errorCode === 'TokenResponseException') return 'token_error';
  return 'error';
}

export function actionOps(s: Services): Ops {
  const key = (ctx: RequestContext, input: { AwsAccountId: string; ActionConnectorId: string }) => ({
    region: ctx.region,
    accountId: input.AwsAccountId,
    id: input.ActionConnectorId,
  });

  async function listActions(ctx: RequestContext, input: IO<'ListActionConnectorActions'>['input']): Promise<IO<'ListActionConnectorActions'>['output']> {
    const rec = await s.perms.require(ctx, key(ctx, input), 'quicksight:ListActionConnectorActions');
    // Whether the caller may invoke them: an MCP server acting through the API offers tools only then.
    const mayInvoke = await s.perms.require(ctx, key(ctx, input), 'quicksight:InvokeActionConnector').then(
      () => true,
      () => false,
    );
    const defined = await extraActionsOf(s, rec);
    return { Actions: describeActions(rec.type, rec.enabledActions, defined), CallerMayInvoke: mayInvoke };
  }

  /**
   * Performs the action. `upstream` accumulates the time spent waiting for the
   * connector's service and counts the requests sent to it (retries included).
   */
  async function perform(
    rec: ConnectorRecord,
    action: CatalogAction,
    input: unknown,
    user: EndUser,
    upstream: Upstream,
    hold: ResponseHold,
    ctx: RequestContext,
  ): Promise<InvocationResult> {
    // Stored before the rule existed, or the rule changed since: refused, never sent half-authenticated.
    if (authenticationTypeProblem(rec.type, rec.authType)) {
      throw invalidParameter(
        `Action connector ${rec.id} uses AuthenticationType ${rec.authType}, which connector type ${rec.type} does not support ` +
          `(it supports ${allowedAuthentication(rec.type).join(', ')}); update its AuthenticationConfig.`,
      );
    }
    // An operation the vendor performs only for a signed-in user (or only for an app) is refused before any token is fetched.
    const grant = grantProblem(action, rec.authType, catalogFor(rec.type)?.Api);
    if (grant) throw invalidParameter(grant);
    const timed = async <T>(p: Promise<T>): Promise<T> => {
      const t0 = performance.now();
      try {
        return await p;
      } finally {
        upstream.ms += performance.now() - t0;
      }
    };
    // An MCP server's tool: a tools/call through the connector's session (src/ops/mcp-servers.ts).
    // Only a tool reads the caller-gone signal (the pipeline's is made when first read).
    if (isMcpAction(action)) return timed(invokeMcpTool(s, rec, action, input, user, hold, upstream, ctx.signal));
    if (action.aws) {
      // The session first (STS refusing is TokenResponseException with nothing sent); awsSend finds it cached.
      const auth = await s.connections.resolveCredentials(rec, user);
      if (auth.kind !== 'aws') throw new TypeError(`connector ${rec.id} resolved no AWS credentials`);
      // Counted per request sent, as for HTTP actions: retries are retry.ts's, the SDK makes one attempt.
      return invokeAwsAction(action, input, {
        send: (call, scrubber) => {
          upstream.attempts++;
          return timed(s.connections.awsSend(rec, user, call, scrubber, undefined, hold));
        },
      });
    }
    const baseEndpoint = baseEndpointOf(authConfigOf(rec));
    if (!baseEndpoint) throw new TypeError(`connector ${rec.id} has no BaseEndpoint`);
    return invokeHttpAction(action, input, {
      baseEndpoint,
      authType: rec.authType,
      send: ({ credentials, ...req }) => {
        upstream.attempts++;
        // A catalog origin that must not receive the connector's credentials gets none (nor is a token fetched for it).
        return timed(
          credentials === false ? s.connections.uncredentialedRequest(rec, { ...req, hold }) : s.connections.authorizedRequest(rec, user, { ...req, hold }),
        );
      },
    });
  }

  /**
   * Invocations this server is performing. One alone is answered as soon as its audit record
   * is queued, where the store commits it within the same turn of the event loop (SQLite:
   * AuditTrail.storedWithinTurn), before this server reads another request: the answer does
   * not wait for the commit's writes, and the record is stored exactly as surely, since the
   * action has been performed upstream by then either way (a crash before the commit loses
   * the record whether or not the answer left first). With others in progress the answers wait
   * for their group commit: answered together, the next requests arrive together, and the
   * batches, commits and wake-ups stay shared (bench/RESULTS.md: answering those early cost
   * more CPU per invocation).
   */
  let performing = 0;

  async function invoke(ctx: RequestContext, input: IO<'InvokeAction'>['input']): Promise<IO<'InvokeAction'>['output']> {
    performing++;
    try {
      return await invokeCounted(ctx, input);
    } finally {
      performing--;
    }
  }

  async function invokeCounted(ctx: RequestContext, input: IO<'InvokeAction'>['input']): Promise<IO<'InvokeAction'>['output']> {
    const rec = await s.perms.require(ctx, key(ctx, input), 'quicksight:InvokeActionConnector');
    const action = await findConnectorAction(s, rec, input.ActionId);
    if (!action) {
      throw notFound(
        `Action ${input.ActionId} does not exist for connector type ${rec.type}${rec.apiDefinitionVersion !== null ? ' nor in its API definition' : ''}${rec.mcpServerVersion !== null ? " nor among its MCP server's tools" : ''}; ` +
          `ListActionConnectorActions lists the actions of action connector ${rec.id}.`,
      );
    }
    const startedAt = s.now();
    const invocationId = newInvocationId(startedAt);
    const t0 = performance.now();
    const upstream: Upstream = { ms: 0, attempts: 0 };
    const record = async (status: InvocationStatus, httpStatus: number | null, errorCode: string | null) => {
      const rec0: InvocationRecord = {
        invocationId,
        region: rec.region,
        accountId: rec.accountId,
        id: rec.id,
        connectorCreatedAt: rec.createdAt,
        connectorType: rec.type,
        actionId: action.ActionId,
        endUserArn: ctx.caller.userArn,
        startedAt,
        status,
        httpStatus,
        errorCode,
        durationMs: Math.round(performance.now() - t0),
        attempts: upstream.attempts,
        client: ctx.client ?? null,
      };
      s.metrics?.invocation(rec.type, action.ActionId, metricStatus(status, httpStatus, errorCode), upstream.ms / 1000);
      const stored = s.audit.record(rec0, ctx.requestId);
      if (performing > 1 || !s.audit.storedWithinTurn) await stored;
    };

    let result: InvocationResult;
    try {
      if (!rec.enabledActions.includes(action.ActionId)) {
        throw validationError([
          constraint('actionId', `Member must name an action that action connector ${rec.id} enables (EnabledActions); ${action.ActionId} is not enabled`),
        ]);
      }
      // The upstream's answer stays charged to the egress budget until the result is built.
      result = await s.egress.holdResponses((hold) =>
        perform(rec, action, input.Input, { userArn: ctx.caller.userArn, userName: ctx.caller.userName }, upstream, hold, ctx),
      );
    } catch (err) {
      if (isEgressError(err)) {
        await record('FAILED', null, `Egress.${err.reason}`);
        return { ...unreachable(err), InvocationId: invocationId };
      }
      await record('FAILED', null, err instanceof ServiceError ? err.name : 'InternalFailureException');
      throw err;
    }
    const httpStatus = typeof result.HttpStatusCode === 'number' ? result.HttpStatusCode : null;
    await record(result.InvokeActionStatus, httpStatus, result.errorCode ?? null);
    return {
      InvokeActionStatus: result.InvokeActionStatus,
      ...(httpStatus !== null ? { HttpStatusCode: httpStatus } : {}),
      Output: result.Output,
      InvocationId: invocationId,
    };
  }

  async function listInvocations(ctx: RequestContext, input: IO<'ListActionInvocations'>['input']): Promise<IO<'ListActionInvocations'>['output']> {
    const rec = await s.perms.require(ctx, key(ctx, input), 'quicksight:DescribeActionConnector');
    // Bound to the caller, the account and region, and this incarnation of the connector.
    const binding = {
      accountId: rec.accountId,
      region: rec.region,
      callerArn: ctx.caller.userArn,
      query: JSON.stringify(['ListActionInvocations', rec.id, rec.createdAt]),
    };
    let before: { startedAt: number; invocationId: string } | undefined;
    if (input.NextToken !== undefined) {
      const [startedAt, invocationId] = JSON.parse(openPage(s.pages, binding, input.NextToken)) as [number, string];
      before = { startedAt, invocationId };
    }
    const limit = input.MaxResults || DEFAULT_PAGE_SIZE;
    const rows = await s.audit.query({
      region: rec.region,
      accountId: rec.accountId,
      id: rec.id,
      connectorCreatedAt: rec.createdAt,
      ...(before ? { before } : {}),
      limit: limit + 1,
    });
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const out: IO<'ListActionInvocations'>['output'] = {
      Invocations: page.map(
        (r): ActionInvocation => ({
          InvocationId: r.invocationId,
          Time: new Date(r.startedAt),
          ActionId: r.actionId,
          EndUserArn: r.endUserArn,
          InvokeActionStatus: r.status,
          ...(r.httpStatus !== null ? { HttpStatusCode: r.httpStatus } : {}),
          DurationMs: r.durationMs,
          Attempts: r.attempts,
          ...(r.errorCode !== null ? { ErrorCode: r.errorCode } : {}),
          ...(r.client ? { Client: r.client } : {}),
        }),
      ),
    };
    if (more) {
      const last = page[page.length - 1]!;
      out.NextToken = s.pages.issue(binding, JSON.stringify([last.startedAt, last.invocationId]));
    }
    return out;
  }

  return { ListActionConnectorActions: listActions, InvokeAction: invoke, ListActionInvocations: listInvocations };
}
