// The principal set a QUICKSIGHT_* search filter value stands for.
import type { RequestContext } from '../domain/types.js';
import type { ServiceError } from '../protocol/errors.js';
import { groupArn, parsePrincipalArn } from '../auth/arns.js';
import type { Services } from './services.js';

/** A user ARN stands for the user and (unless direct) its groups; a group ARN for the group. */
export async function resolvePrincipalFilter(
  s: Services,
  ctx: RequestContext,
  accountId: string,
  value: string,
  direct: boolean,
  bad: (rule: string) => ServiceError,
): Promise<string[]> {
  const arn = parsePrincipalArn(value);
  if (!arn || arn.accountId !== accountId) throw bad(`Filter value must be a user or group ARN of account ${accountId}`);
  if (direct || arn.kind === 'group') return [value];
  const groups = await s.store.identities.groupsOf(accountId, arn.name);
  void ctx;
  return [value, ...groups.map((g) => groupArn(arn.region, accountId, g))];
}
