// TagResource, UntagResource and ListTagsForResource on action-connector ARNs.
import type { OperationTypes } from '../protocol/generated/model.js';
import type { ConnectorKey, RequestContext } from '../domain/types.js';
import { parseConnectorArn } from '../auth/arns.js';
import type { ConnectorAction } from '../auth/permissions.js';
import { constraint, notFound, validationError } from '../protocol/errors.js';
import { storeWrite } from './store-errors.js';
import { MAX_TAGS, type Services } from './services.js';

type IO<K extends keyof OperationTypes> = OperationTypes[K];

export function tagOps(s: Services) {
  /** The connector an ARN names, checked for the caller: unknown ARNs are ResourceNotFoundException. */
  async function resolve(ctx: RequestContext, arn: string, action: ConnectorAction): Promise<ConnectorKey> {
    const parsed = parseConnectorArn(arn);
    if (!parsed)
      throw validationError([
        constraint('resourceArn', 'Member must be an action-connector ARN (arn:aws:quicksight:<region>:<account>:action-connector/<id>)'),
      ]);
    const key = { region: parsed.region, accountId: parsed.accountId, id: parsed.id };
    s.perms.requireAccount(ctx, key.accountId);
    if (key.region !== ctx.region) throw notFound(`Resource ${arn} is not in region ${ctx.region}.`);
    await s.perms.require(ctx, key, action);
    return key;
  }

  async function tag(ctx: RequestContext, input: IO<'TagResource'>['input']): Promise<IO<'TagResource'>['output']> {
    const key = await resolve(ctx, input.ResourceArn, 'quicksight:UpdateActionConnector');
    if (new Set(input.Tags.map((t) => t.Key)).size !== input.Tags.length) throw validationError([constraint('tags', 'Member must not repeat a tag key')]);
    await storeWrite({ key, resourceArn: input.ResourceArn }, () =>
      s.store.connectors.tagResource(
        key,
        input.Tags.map((t) => ({ key: t.Key, value: t.Value })),
        MAX_TAGS,
      ),
    );
    return {};
  }

  async function untag(ctx: RequestContext, input: IO<'UntagResource'>['input']): Promise<IO<'UntagResource'>['output']> {
    const key = await resolve(ctx, input.ResourceArn, 'quicksight:UpdateActionConnector');
    await storeWrite({ key, resourceArn: input.ResourceArn }, () => s.store.connectors.untagResource(key, input.TagKeys));
    return {};
  }

  async function list(ctx: RequestContext, input: IO<'ListTagsForResource'>['input']): Promise<IO<'ListTagsForResource'>['output']> {
    const key = await resolve(ctx, input.ResourceArn, 'quicksight:DescribeActionConnector');
    const tags = await s.store.connectors.listTags(key);
    return { Tags: tags.map((t) => ({ Key: t.key, Value: t.value })) };
  }

  return { tag, untag, list };
}
