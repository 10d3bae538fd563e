// Domain records: what the store keeps and the operations work with.
// Nothing here knows about HTTP or SQL.
import type { ActionConnectorType, ConnectionAuthType, ResourceStatus } from '../protocol/generated/model.js';

export const ROLES = ['ADMIN', 'AUTHOR', 'READER'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: the result of authentication. */
export interface Caller {
  accountId: string;
  userName: string;
  userArn: string;
  role: Role;
  /** ARNs of the groups the user belongs to. */
  groupArns: string[];
  accessKeyId: string;
}

export interface RequestContext {
  caller: Caller;
  /** The region of the request: its SigV4 credential scope's region. */
  region: string;
  requestId: string;
  /**
   * The program acting for the user, when it says (for the audit record): an MCP
   * client (`mcp:<clientInfo.name>/<version>`), or the `x-actionbridge-client` header.
   */
  client?: string;
  /**
   * UpdateActionConnector: keep the stored (sealed) secret instead of the one in the
   * input, which is a placeholder. Set only by the console entrance (server/console.ts).
   */
  keepSecret?: true;
  /**
   * Aborts when the caller goes away (the HTTP request closed before its answer, an MCP
   * client's notifications/cancelled): work that can stop, stops (a remote MCP tool call is
   * cancelled). Set by the entrances (server/pipeline.ts, mcp/local-backend.ts).
   */
  signal?: AbortSignal;
}

export interface ConnectorKey {
  region: string;
  accountId: string;
  id: string;
}

export interface ConnectorRecord extends ConnectorKey {
  name: string;
  type: ActionConnectorType;
  description: string | null;
  authType: ConnectionAuthType;
  /** The AuthenticationConfig as written, with every secret member removed, as stored (JSON); read it through connections/destination.ts#authConfigOf (parsed once into domain/auth-config.ts#ClearAuthConfig). */
  authPublic: Record<string, unknown>;
  /** The secret members, sealed (see crypto/keyring.ts); null when there are none. */
  authSecret: string | null;
  vpcConnectionArn: string | null;
  enabledActions: string[];
  status: ResourceStatus;
  createdAt: number; // epoch ms
  updatedAt: number; // epoch ms
  /** The current version of its API definition (defined actions beside the type's catalog), null without one. */
  apiDefinitionVersion: number | null;
  /** The current version of its MCP server's tool list (tools as actions beside the type's catalog), null without one. */
  mcpServerVersion: number | null;
}

export interface PermissionGrant {
  principal: string;
  actions: string[];
}

export interface TagRecord {
  key: string;
  value: string;
}

export interface UserRecord {
  accountId: string;
  userName: string;
  role: Role;
  createdAt: number;
}

export interface AccessKeyRecord {
  accessKeyId: string;
  accountId: string;
  userName: string;
  /** The secret access key, sealed. */
  secretSealed: string;
  status: 'ACTIVE' | 'INACTIVE';
  createdAt: number;
}

export type SearchFilter =
  | { kind: 'nameEquals'; value: string }
  | { kind: 'nameLike'; value: string }
  | { kind: 'type'; value: string }
  /** Connectors on which any of `principals` holds any of `actions`. */
  | { kind: 'principal'; principals: string[]; actions: string[]; sole: boolean };

/** What a List or Search page shows of a connector (ActionConnectorSummary): no auth config, secrets or JSON columns. */
export interface ConnectorSummaryRecord {
  id: string;
  name: string;
  type: ActionConnectorType;
  status: ResourceStatus;
  createdAt: number; // epoch ms
  updatedAt: number; // epoch ms
}

export interface ConnectorQuery {
  region: string;
  accountId: string;
  /** Only connectors on which one of these principals may describe; undefined = all (ADMIN). */
  visibleTo?: string[];
  filter?: SearchFilter;
  /** Keyset: ids strictly greater than this. */
  afterId?: string;
  limit: number;
}
