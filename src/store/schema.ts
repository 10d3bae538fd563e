// Table types for Kysely, shared by the SQLite and PostgreSQL stores.
import type { ConsoleTables } from './console-store.js';
export interface ConnectorsTable {
  region: string;
  account_id: string;
  connector_id: string;
  name: string;
  name_lower: string;
  type: string;
  description: string | null;
  auth_type: string;
  auth_public: string;
  auth_secret: string | null;
  vpc_connection_arn: string | null;
  enabled_actions: string;
  status: string;
  created_at: number;
  updated_at: number;
  /** The current version of its API definition (api_definitions), null without one. */
  api_definition_version: number | null;
  /** The last API definition version given (never reset by a delete, so a version names one document). */
  api_definition_last: number | null;
  /** The current version of its MCP server's tool list (mcp_servers), null without one. */
  mcp_server_version: number | null;
  /** The last tool-list version given (never reset by a delete, so a version names one tool list). */
  mcp_server_last: number | null;
}
/** One principal's grant on one connector: its actions as bits (src/store/grant-bits.ts; migration 0014). */
export interface ConnectorGrantsTable {
  region: string;
  account_id: string;
  connector_id: string;
  principal: string;
  actions: number;
}
export interface TagsTable {
  region: string;
  account_id: string;
  connector_id: string;
  tag_key: string;
  tag_value: string;
}
export interface UsersTable {
  account_id: string;
  user_name: string;
  role: string;
  created_at: number;
}
export interface GroupsTable {
  account_id: string;
  group_name: string;
}
export interface GroupMembersTable {
  account_id: string;
  group_name: string;
  user_name: string;
}
export interface AccessKeysTable {
  access_key_id: string;
  account_id: string;
  user_name: string;
  secret_sealed: string;
  status: string;
  created_at: number;
}
export interface MetaTable {
  name: string;
  value: string;
}
export interface ConnectorTokensTable {
  region: string;
  account_id: string;
  connector_id: string;
  principal: string;
  token_sealed: string;
  fingerprint: string;
  expires_at: number | null;
  refresh_at: number | null;
  updated_at: number;
}
export interface OAuthStatesTable {
  state_hash: string;
  region: string;
  account_id: string;
  connector_id: string;
  user_arn: string;
  verifier_sealed: string;
  redirect_uri: string;
  fingerprint: string;
  created_at: number;
  expires_at: number;
}
export interface ConnectionTestsTable {
  region: string;
  account_id: string;
  connector_id: string;
  tested_at: number;
  success: number;
  http_status: number | null;
  message: string;
  tested_by: string;
}
export interface McpTokensTable {
  token_hash: string;
  token_id: string;
  account_id: string;
  user_name: string;
  user_created_at: number;
  region: string;
  description: string | null;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
}
/** The audit trail of InvokeAction (migration 0004_audit): never input values, outputs or secrets. */
export interface InvocationsTable {
  invocation_id: string;
  region: string;
  account_id: string;
  connector_id: string;
  /** The connector's created_at: a connector deleted and created again under the same id does not inherit the records. */
  connector_created_at: number;
  connector_type: string;
  action_id: string;
  end_user_arn: string;
  /** When the invocation started, epoch ms. */
  started_at: number;
  status: string;
  http_status: number | null;
  error_code: string | null;
  duration_ms: number;
  attempts: number;
  /** The program acting for the user (an MCP client, or the x-actionbridge-client header); migration 0006. */
  client?: string | null;
}
export interface ApiDefinitionsTable {
  region: string;
  account_id: string;
  connector_id: string;
  version: number;
  connector_created_at: number;
  /** The document as put (JSON or YAML text). */
  document: string;
  /** The document as parsed, as JSON (what actions are derived from: no YAML parse on the hot path). */
  document_json: string;
  /** { include?, exclude? } as put. */
  filters: string;
  /** What was derived when it was put (title, versions, actions, skipped, notes), for Describe. */
  summary: string;
  created_at: number;
  created_by: string;
}
export interface McpServersTable {
  region: string;
  account_id: string;
  connector_id: string;
  version: number;
  connector_created_at: number;
  /** The server's path under the connector's BaseEndpoint ('' for the BaseEndpoint itself). */
  server_path: string;
  transport: string;
  /** The tools as listed and made actions (JSON, src/ops/mcp-servers.ts writes and reads it). */
  tools: string;
  /** What the server said of itself and what was skipped (JSON). */
  summary: string;
  created_at: number;
  created_by: string;
}
/** What the MCP authorization discovery found for a connector (src/connections/mcp-discovery.ts). */
export interface McpOAuthTable {
  region: string;
  account_id: string;
  connector_id: string;
  connector_created_at: number | string;
  /** DiscoveredConfig as JSON (no secret). */
  config: string;
  /** The registered client's secret, sealed; null for a public client. */
  client_secret_sealed: string | null;
  updated_at: number | string;
}

export interface Database extends ConsoleTables {
  mcp_servers: McpServersTable;
  mcp_oauth: McpOAuthTable;
  api_definitions: ApiDefinitionsTable;
  connectors: ConnectorsTable;
  connector_grants: ConnectorGrantsTable;
  tags: TagsTable;
  users: UsersTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  access_keys: AccessKeysTable;
  meta: MetaTable;
  connector_tokens: ConnectorTokensTable;
  oauth_states: OAuthStatesTable;
  connection_tests: ConnectionTestsTable;
  invocations: InvocationsTable;
  mcp_tokens: McpTokensTable;
}
