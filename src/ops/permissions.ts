// DescribeActionConnectorPermissions and UpdateActionConnectorPermissions.
import type { OperationTypes } from '../protocol/generated/model.js';
import type { RequestContext } from '../domain/types.js';
import { connectorArn } from '../auth/arns.js';
import { validationError } from '../protocol/errors.js';
import { storeWrite } from './store-errors.js';
import { MAX_PRINCIPALS, type Services } from './services.js';
import { checkPermissionList } from './permission-rules.js';

type IO<K extends keyof OperationTypes> = OperationTypes[K];

export function permissionOps(s: Services) {
  async function describe(
    ctx: RequestContext,
    input: IO<'DescribeActionConnectorPermissions'>['input'],
  ): Promise<IO<'DescribeActionConnectorPermissions'>['output']> {
    const key = { region: ctx.region, accountId: input.AwsAccountId, id: input.ActionConnectorId };
    await s.perms.require(ctx, key, 'quicksight:DescribeActionConnectorPermissions');
    const grants = await s.store.connectors.getPermissions(key);
    return {
      Arn: connectorArn(key.region, key.accountId, key.id),
      ActionConnectorId: key.id,
      Permissions: grants.map((g) => ({ Principal: g.principal, Actions: g.actions })),
    };
  }

  async function update(
    ctx: RequestContext,
    input: IO<'UpdateActionConnectorPermissions'>['input'],
  ): Promise<IO<'UpdateActionConnectorPermissions'>['output']> {
    const key = { region: ctx.region, accountId: input.AwsAccountId, id: input.ActionConnectorId };
    await s.perms.require(ctx, key, 'quicksight:UpdateActionConnectorPermissions');
    const grant = input.GrantPermissions ?? [];
    const revoke = input.RevokePermissions ?? [];
    const problems = [
      ...(await checkPermissionList(s, ctx, key.accountId, grant, 'grantPermissions')),
      ...(await checkPermissionList(s, ctx, key.accountId, revoke, 'revokePermissions', false)),
    ];
    if (problems.length) throw validationError(problems);
    const after = await storeWrite({ key }, () =>
      s.store.connectors.updatePermissions(
        key,
        grant.map((p) => ({ principal: p.Principal, actions: p.Actions })),
        revoke.map((p) => ({ principal: p.Principal, actions: p.Actions })),
        MAX_PRINCIPALS,
      ),
    );
    return {
      Arn: connectorArn(key.region, key.accountId, key.id),
      ActionConnectorId: key.id,
      Permissions: after.map((g) => ({ Principal: g.principal, Actions: g.actions })),
    };
  }

  return { describe, update };
}
