// The MCP backend of the stdio mode: a running ActionBridge, reached through the
// client library (SigV4 with the user's access key). The server checks every
// permission; the MCP client's name travels in `x-actionbridge-client` for the audit.
import type { ActionBridgeClient } from '../client/index.js';
import type { McpAction, McpBackend, McpConnector, McpInvokeResult } from './tools.js';

export const CLIENT_HEADER = 'x-actionbridge-client';

export class ClientBackend implements McpBackend {
  constructor(private readonly client: ActionBridgeClient) {}

  async listConnectors(): Promise<McpConnector[]> {
    const out: McpConnector[] = [];
    for await (const c of this.client.iterateActionConnectors({ MaxResults: 100 }))
      out.push({ ActionConnectorId: c.ActionConnectorId, Name: c.Name, Type: c.Type });
    return out;
  }

  async listActions(id: string): Promise<McpAction[]> {
    const r = await this.client.listActionConnectorActions({ ActionConnectorId: id });
    // No tools for a connector the user may see but not invoke.
    return r.CallerMayInvoke === false ? [] : r.Actions;
  }

  async invoke(id: string, actionId: string, input: Record<string, unknown>, client: string, signal?: AbortSignal): Promise<McpInvokeResult> {
    // A cancelled call closes its request: the server cancels the work (a remote MCP tool call) in turn.
    const { RequestId: _r, ...out } = await this.client.invokeAction(
      { ActionConnectorId: id, ActionId: actionId, Input: input },
      { headers: { [CLIENT_HEADER]: client }, ...(signal ? { signal } : {}) },
    );
    return out;
  }

  async authorize(id: string): Promise<{ AuthorizationUrl: string; ExpiresAt: Date }> {
    return this.client.startActionConnectorAuthorization({ ActionConnectorId: id });
  }
}
