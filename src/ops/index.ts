// Every operation, by its model name: plain typed functions of (context, input).
import type { ActionBridgeApi, AwsOperationName, ExtensionOperationName, OperationName, OperationTypes } from '../protocol/generated/model.js';
import type { RequestContext } from '../domain/types.js';
import type { Services } from './services.js';
import { connectorOps } from './connectors.js';
import { permissionOps } from './permissions.js';
import { tagOps } from './tags.js';
import { connectionOps } from './connections.js';
import { actionOps } from './actions.js';
import { apiDefinitionOps } from './api-definitions.js';
import { mcpServerOps } from './mcp-servers.js';

export type Operation<K extends OperationName> = (ctx: RequestContext, input: OperationTypes[K]['input']) => Promise<OperationTypes[K]['output']>;
/** The whole service (generated from both models): src/server builds its routes from one of these. */
export type Api = ActionBridgeApi<RequestContext>;
/** The AWS model's operations. */
export type Operations = Pick<Api, AwsOperationName>;
/** The extension operations (model/actionbridge-extensions.model.json). */
export type ExtensionOperations = Pick<Api, ExtensionOperationName>;

export function createOperations(s: Services): Operations {
  const c = connectorOps(s);
  const p = permissionOps(s);
  const t = tagOps(s);
  return {
    CreateActionConnector: c.create,
    DescribeActionConnector: c.describe,
    UpdateActionConnector: c.update,
    DeleteActionConnector: c.remove,
    ListActionConnectors: c.list,
    SearchActionConnectors: c.search,
    DescribeActionConnectorPermissions: p.describe,
    UpdateActionConnectorPermissions: p.update,
    TagResource: t.tag,
    UntagResource: t.untag,
    ListTagsForResource: t.list,
  };
}

/** The extension operations (PRODUCT.md §1.2), by name. */
export function createExtensionOperations(s: Services): ExtensionOperations {
  return { ...connectionOps(s), ...actionOps(s), ...apiDefinitionOps(s), ...mcpServerOps(s) };
}
