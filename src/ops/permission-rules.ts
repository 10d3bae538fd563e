// Rules for ResourcePermission lists beyond the model (PRODUCT.md §2).
import type { ResourcePermission } from '../protocol/generated/model.js';
import type { RequestContext } from '../domain/types.js';
import { CONNECTOR_ACTIONS } from '../auth/permissions.js';
import { parsePrincipalArn } from '../auth/arns.js';
import { type Problem, constraint } from '../protocol/errors.js';
import type { Services } from './services.js';

const ALLOWED = new Set<string>(CONNECTOR_ACTIONS);

/**
 * Problems with a permission list: principals must be users or groups of the account (existing ones,
 * unless `mustExist` is false: a revoke may name a user or group removed since it was granted, so
 * that its stale grants can be cleaned up); actions from the list.
 */
export async function checkPermissionList(
  s: Services,
  ctx: RequestContext,
  accountId: string,
  list: ResourcePermission[],
  member: string,
  mustExist = true,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const [i, p] of list.entries()) {
    const at = `${member}.${i + 1}.member`;
    if (seen.has(p.Principal)) problems.push(constraint(`${at}.principal`, 'Member must not repeat a principal in one list'));
    seen.add(p.Principal);
    const arn = parsePrincipalArn(p.Principal);
    if (!arn) {
      problems.push(
        constraint(
          `${at}.principal`,
          'Member must be a QuickSight user or group ARN (arn:aws:quicksight:<region>:<account>:user|group/<namespace>/<name>); namespace and account principals are not supported for action connectors',
        ),
      );
    } else if (arn.accountId !== accountId) {
      problems.push(constraint(`${at}.principal`, `Member must be a user or group of account ${accountId}`));
    } else if (arn.region !== s.config.region || arn.namespace !== 'default') {
      problems.push(constraint(`${at}.principal`, `Member must be in the identity region ${s.config.region} and namespace default`));
    } else if (mustExist) {
      const exists =
        arn.kind === 'user' ? (await s.store.identities.getUser(accountId, arn.name)) !== undefined : await s.store.identities.groupExists(accountId, arn.name);
      if (!exists) problems.push(constraint(`${at}.principal`, `Member must name an existing ${arn.kind} (${arn.kind} ${arn.name} does not exist)`));
    }
    for (const [j, a] of p.Actions.entries()) {
      if (!ALLOWED.has(a)) problems.push(constraint(`${at}.actions.${j + 1}.member`, `Member must be one of [${CONNECTOR_ACTIONS.join(', ')}]`));
    }
  }
  void ctx;
  return problems;
}
