// "May they?": role and resource-permission checks. Operations ask; they never
// evaluate roles or grants themselves.
import type { ConnectorKey, ConnectorRecord, RequestContext } from '../domain/types.js';
import type { Store } from '../store/store.js';
import { accessDenied, notFound } from '../protocol/errors.js';
import { CONNECTOR_ACTIONS, type ConnectorAction } from '../domain/connector-actions.js';

export { CONNECTOR_ACTIONS, type ConnectorAction };

/** What a creator receives when Create has no Permissions: every action. */
export const OWNER_ACTIONS: readonly ConnectorAction[] = CONNECTOR_ACTIONS;
/** The action that makes a principal an owner, and the one that makes it a viewer (PRODUCT.md §2). */
export const OWNER_MARK: ConnectorAction = 'quicksight:UpdateActionConnectorPermissions';
export const VIEWER_MARK: ConnectorAction = 'quicksight:DescribeActionConnector';

export const principalsOf = (ctx: RequestContext) => [ctx.caller.userArn, ...ctx.caller.groupArns];

export class Permissions {
  constructor(private readonly store: Store) {}

  /** The path's account must be the caller's. */
  requireAccount(ctx: RequestContext, accountId: string): void {
    if (ctx.caller.accountId !== accountId) throw accessDenied(`User ${ctx.caller.userArn} is not authorized to act in account ${accountId}.`);
  }

  requireCreate(ctx: RequestContext): void {
    if (ctx.caller.role !== 'ADMIN' && ctx.caller.role !== 'AUTHOR') {
      throw accessDenied(`User ${ctx.caller.userArn} (role ${ctx.caller.role}) is not authorized to create action connectors.`);
    }
  }

  /**
   * Loads a connector the caller may act on with `action`. ADMIN: any connector of
   * its account (404 when absent). Others: the action must be granted to the user
   * or one of its groups; an absent connector looks exactly like a refused one.
   */
  async require(ctx: RequestContext, key: ConnectorKey, action: ConnectorAction): Promise<ConnectorRecord> {
    this.requireAccount(ctx, key.accountId);
    const denied = () => accessDenied(`User ${ctx.caller.userArn} is not authorized to perform ${action} on action connector ${key.id}.`);
    if (ctx.caller.role !== 'ADMIN') {
      // The grant and the row in one read: an absent connector and a refused one are the same answer.
      const granted = await this.store.connectors.getConnectorIfGranted(key, principalsOf(ctx), action);
      if (!granted) throw denied();
      return granted;
    }
    const rec = await this.store.connectors.getConnector(key);
    if (!rec) {
      throw notFound(`Action connector ${key.id} does not exist in account ${key.accountId} (${key.region}).`);
    }
    return rec;
  }

  /**
   * The connector actions the caller may perform on a connector, by the rule `require`
   * applies (ADMIN: every action in its account; others: what the user or one of its groups
   * was granted; none for another account). What the console shows controls for.
   */
  async allowedActions(ctx: RequestContext, key: ConnectorKey): Promise<ConnectorAction[]> {
    if (ctx.caller.accountId !== key.accountId) return [];
    if (ctx.caller.role === 'ADMIN') return [...CONNECTOR_ACTIONS];
    const mine = new Set(principalsOf(ctx));
    const held = new Set((await this.store.connectors.getPermissions(key)).filter((g) => mine.has(g.principal)).flatMap((g) => g.actions));
    return CONNECTOR_ACTIONS.filter((a) => held.has(a));
  }

  /** Principals whose grants make a connector visible to the caller; undefined = everything (ADMIN). */
  visibleTo(ctx: RequestContext): string[] | undefined {
    return ctx.caller.role === 'ADMIN' ? undefined : principalsOf(ctx);
  }
}
