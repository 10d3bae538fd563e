// The MCP backend inside the server (/mcp): the operations themselves, called with
// the Caller of the bearer token's user, through the same input validation and
// permission checks as a signed request.
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../domain/types.js';
import type { Permissions } from '../auth/permissions.js';
import type { ListActionConnectorsResponse } from '../protocol/generated/model.js';
import type { OperationSpec } from '../protocol/http.js';
import { validateInput } from '../protocol/validate.js';
import type { McpAction, McpBackend, McpConnector, McpInvokeResult } from './tools.js';

export type OperationRunner = (name: string, ctx: RequestContext, input: Record<string, unknown>) => Promise<object>;

/** Runs operations by name as the HTTP layer does after decoding: validation of the input, then the handler. */
export function operationRunner(specs: readonly OperationSpec[]): OperationRunner {
  const byName = new Map(specs.map((s) => [s.name, s]));
  return async (name, ctx, input) => {
    const spec = byName.get(name);
    if (!spec) throw Object.assign(new Error(`The server has no operation ${name}.`), { name: 'ResourceNotFoundException' });
    validateInput(spec.validate, input);
    return spec.handler(ctx, input as never);
  };
}

export interface LocalBackendDeps {
  run: OperationRunner;
  perms: Permissions;
  /** Charges the account's request budget (ThrottlingException when empty). */
  charge(accountId: string): void;
}

export class LocalBackend implements McpBackend {
  constructor(private readonly d: LocalBackendDeps, private readonly ctx: Omit<RequestContext, 'requestId'>) {}

  private c(client?: string): RequestContext {
    return { ...this.ctx, requestId: randomUUID(), ...(client ? { client } : {}) };
  }

  private ref(id: string) {
    return { AwsAccountId: this.ctx.caller.accountId, ActionConnectorId: id };
  }

  async listConnectors(): Promise<McpConnector[]> {
    const out: McpConnector[] = [];
    let token: string | undefined;
    for (let page = 0; page < 1000; page++) {
      const r = (await this.d.run('ListActionConnectors', this.c(), { AwsAccountId: this.ctx.caller.accountId, MaxResults: 100, ...(token ? { NextToken: token } : {}) })) as Partial<ListActionConnectorsResponse>;
      for (const s of r.ActionConnectorSummaries ?? []) out.push({ ActionConnectorId: s.ActionConnectorId, Name: s.Name, Type: s.Type });
      token = r.NextToken;
      if (!token) break;
    }
    return out;
  }

  async mayInvoke(id: string): Promise<boolean> {
    try {
      await this.d.perms.require(this.c(), { region: this.ctx.region, accountId: this.ctx.caller.accountId, id }, 'quicksight:InvokeActionConnector');
      return true;
    } catch (e) {
      if ((e as Error).name === 'AccessDeniedException' || (e as Error).name === 'ResourceNotFoundException') return false;
      throw e;
    }
  }

  async listActions(id: string): Promise<McpAction[]> {
    const r = (await this.d.run('ListActionConnectorActions', this.c(), this.ref(id))) as { Actions: McpAction[] };
    return r.Actions;
  }

  async invoke(id: string, actionId: string, input: Record<string, unknown>, client: string): Promise<McpInvokeResult> {
    this.d.charge(this.ctx.caller.accountId);
    return (await this.d.run('InvokeAction', this.c(client), { ...this.ref(id), ActionId: actionId, Input: input })) as McpInvokeResult;
  }

  async authorize(id: string): Promise<{ AuthorizationUrl: string; ExpiresAt: Date }> {
    return (await this.d.run('StartActionConnectorAuthorization', this.c(), this.ref(id))) as { AuthorizationUrl: string; ExpiresAt: Date };
  }
}
