// Extension operations on a connector's connection (PRODUCT.md §1.2):
// TestActionConnector, StartActionConnectorAuthorization and the connection
// health read, DescribeActionConnectorConnection.
import { connectorArn } from '../auth/arns.js';
import type { RequestContext } from '../domain/types.js';
import type { OperationTypes } from '../protocol/generated/model.js';
import type { ExtensionOperations } from './index.js';
import type { Services } from './services.js';

type IO<K extends keyof OperationTypes> = OperationTypes[K];

export function connectionOps(
  s: Services,
): Pick<ExtensionOperations, 'TestActionConnector' | 'StartActionConnectorAuthorization' | 'DescribeActionConnectorConnection'> {
  const key = (ctx: RequestContext, input: { AwsAccountId: string; ActionConnectorId: string }) => ({
    region: ctx.region,
    accountId: input.AwsAccountId,
    id: input.ActionConnectorId,
  });

  async function test(ctx: RequestContext, input: IO<'TestActionConnector'>['input']): Promise<IO<'TestActionConnector'>['output']> {
    const rec = await s.perms.require(ctx, key(ctx, input), 'quicksight:UpdateActionConnector');
    const r = await s.connections.test(rec, ctx.caller);
    return { Success: r.success, Message: r.message, ...(r.httpStatus !== undefined ? { HttpStatusCode: r.httpStatus } : {}) };
  }

  async function startAuthorization(
    ctx: RequestContext,
    input: IO<'StartActionConnectorAuthorization'>['input'],
  ): Promise<IO<'StartActionConnectorAuthorization'>['output']> {
    const rec = await s.perms.require(ctx, key(ctx, input), 'quicksight:InvokeActionConnector');
    const { url, expiresAt } = await s.connections.startAuthorization(rec, ctx.caller);
    return { AuthorizationUrl: url, ExpiresAt: new Date(expiresAt) };
  }

  async function describeConnection(
    ctx: RequestContext,
    input: IO<'DescribeActionConnectorConnection'>['input'],
  ): Promise<IO<'DescribeActionConnectorConnection'>['output']> {
    const rec = await s.perms.require(ctx, key(ctx, input), 'quicksight:DescribeActionConnector');
    const h = await s.connections.health(rec, ctx.caller);
    const out: IO<'DescribeActionConnectorConnection'>['output'] = {
      Arn: connectorArn(rec.region, rec.accountId, rec.id),
      ActionConnectorId: rec.id,
      AuthenticationType: rec.authType,
      SignedInUsers: h.signedInUsers,
    };
    if (rec.authType === 'OAUTH2_AUTHORIZATION_CODE') out.CallerSignedIn = h.callerSignedIn;
    if (h.lastTest) {
      out.LastTest = {
        Time: new Date(h.lastTest.testedAt),
        Success: h.lastTest.success,
        Message: h.lastTest.message,
        TestedBy: h.lastTest.testedBy,
        ...(h.lastTest.httpStatus !== null ? { HttpStatusCode: h.lastTest.httpStatus } : {}),
      };
    }
    return out;
  }

  return {
    TestActionConnector: test,
    StartActionConnectorAuthorization: startAuthorization,
    DescribeActionConnectorConnection: describeConnection,
  };
}
