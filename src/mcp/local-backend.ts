// The MCP backend inside the server (/mcp): the operations themselves, called with
// the Caller of the bearer token's user, through the same input validation and
// permission checks as a signed request.
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../domain/types.js';
import type { Permissions } from '../auth/permissions.js';
import type { OperationName, OperationTypes } from '../protocol/generated/types.js';
import { errorName } from '../error-text.js';
import type { McpAction, McpBackend, McpConnector, McpInvokeResult } from './tools.js';

/** Runs an operation by name: the pipeline's run stage (validation, then the operation; server/mcp-http.ts). */
export type OperationRunner = <K extends OperationName>(name: K, ctx: RequestContext, input: Record<string, unknown>) => Promise<OperationTypes[K]['output']>;

export interface LocalBackendDeps {
  run: OperationRunner;
  perms: Permissions;
  /** Charges the account's request budget (ThrottlingException when empty). */
  charge(accountId: string): void;
}

export class LocalBackend implements McpBackend {
  constructor(
    private readonly d: LocalBackendDeps,
    private readonly ctx: Omit<RequestContext, 'requestId'>,
  ) {}

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
      const r = await this.d.run('ListActionConnectors', this.c(), {
        AwsAccountId: this.ctx.caller.accountId,
        MaxResults: 100,
        ...(token ? { NextToken: token } : {}),
      });
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
      const name = errorName(e);
      if (name === 'AccessDeniedException' || name === 'ResourceNotFoundException') return false;
      throw e;
    }
  }

  async listActions(id: string): Promise<McpAction[]> {
    const r = await this.d.run('ListActionConnectorActions', this.c(), this.ref(id));
    return r.Actions;
  }

  async invoke(id: string, actionId: string, input: Record<string, unknown>, client: string, signal?: AbortSignal): Promise<McpInvokeResult> {
    this.d.charge(this.ctx.caller.accountId);
    return this.d.run('InvokeAction', { ...this.c(client), ...(signal ? { signal } : {}) }, { ...this.ref(id), ActionId: actionId, Input: input });
  }

  async authorize(id: string): Promise<{ AuthorizationUrl: string; ExpiresAt: Date }> {
    return this.d.run('StartActionConnectorAuthorization', this.c(), this.ref(id));
  }
}
