// The store: persistence by aggregate. Each repository is one interface here and one
// file under src/store/repos/ (Kysely, for SQLite and PostgreSQL alike); `Store` is the
// small root that exposes them. Operations never know which database they run on.
// Every method that writes is one transaction.
import type {
  AccessKeyRecord,
  ConnectorKey,
  ConnectorQuery,
  ConnectorRecord,
  ConnectorSummaryRecord,
  PermissionGrant,
  Role,
  TagRecord,
  UserRecord,
} from '../domain/types.js';
import type { AuthStateRecord, TestResultRecord, TokenRecord } from '../domain/connections.js';
import type { ConsoleStore } from './console-store.js';
import type { InvocationQuery, InvocationRecord } from '../domain/invocations.js';
import type { McpTokenRecord } from '../domain/mcp-tokens.js';
import type { SealedRowStore } from '../crypto/sealed-secrets.js';

/** A write that would create what exists (mapped to wire errors in src/ops/store-errors.ts). */
export class UniqueViolation extends Error {}
/** A write that would exceed a limit; the message says which (src/ops/store-errors.ts). */
export class LimitExceeded extends Error {}
/** The row a write needs vanished (src/ops/store-errors.ts). */
export class NotFound extends Error {}
/** The row changed since it was read (a compare-and-set write lost): the caller reads again or reports a conflict. */
export class Stale extends Error {}

/** One stored version of a connector's API definition (api_definitions). */
export interface ApiDefinitionRecord {
  version: number;
  connectorCreatedAt: number;
  /** The document as put (JSON or YAML text). */
  document: string;
  /** The document as parsed, as JSON text: what the actions are derived from. */
  documentJson: string;
  filters: { include?: ApiFilter; exclude?: ApiFilter };
  /** What was derived when it was put (JSON, src/ops/api-definitions.ts writes and reads it). */
  summary: string;
  createdAt: number;
  createdBy: string;
}

export interface ApiFilter {
  operationIds?: string[];
  tags?: string[];
  pathPrefixes?: string[];
}

/** Connectors' API definitions (issue 17): versioned documents; the connector row names the current version. */
export interface ApiDefinitionRepository {
  /**
   * Stores `def` as the connector's next version, in one transaction with the connector
   * row's new current version, EnabledActions and updated time. Refused with Stale when
   * the row's version is no longer `rec.apiDefinitionVersion` (or it is another
   * incarnation), NotFound when the connector is gone. Keeps the newest `keep` versions.
   * Returns the new version.
   */
  putApiDefinition(
    rec: ConnectorRecord,
    def: Omit<ApiDefinitionRecord, 'version' | 'connectorCreatedAt'>,
    enabledActions: string[],
    keep: number,
  ): Promise<number>;
  /** One version (of this incarnation of the connector). */
  getApiDefinition(rec: ConnectorRecord, version: number): Promise<ApiDefinitionRecord | undefined>;
  /** Every version goes; the row's version becomes null and EnabledActions `enabledActions` (Stale/NotFound as put). */
  removeApiDefinition(rec: ConnectorRecord, enabledActions: string[], now: number): Promise<void>;
}

/** One stored tool-list version of a connector's MCP server (mcp_servers). */
export interface McpServerRecord {
  version: number;
  connectorCreatedAt: number;
  /** The server's path under the connector's BaseEndpoint ('' for the BaseEndpoint itself). */
  serverPath: string;
  transport: string;
  /** The tools as listed and made actions (JSON, src/ops/mcp-servers.ts writes and reads it). */
  tools: string;
  /** What the server said of itself and what was skipped (JSON). */
  summary: string;
  createdAt: number;
  createdBy: string;
}

/** Connectors' MCP servers (issue 19): each put or refresh is a tool-list version; the connector row names the current one. */
export interface McpServerRepository {
  /**
   * Stores `def` as the connector's next version with the row's new current version,
   * EnabledActions and updated time, in one transaction. Stale when the row's version is
   * no longer `rec.mcpServerVersion` (or an API definition appeared, or it is another
   * incarnation); NotFound when the connector is gone. Keeps the newest `keep` versions.
   */
  putMcpServer(rec: ConnectorRecord, def: Omit<McpServerRecord, 'version' | 'connectorCreatedAt'>, enabledActions: string[], keep: number): Promise<number>;
  getMcpServer(rec: ConnectorRecord, version: number): Promise<McpServerRecord | undefined>;
  /** Every version goes; the row's version becomes null and EnabledActions `enabledActions` (Stale/NotFound as put). The discovered authorization goes too, with the users' tokens and sign-ins when there was one. */
  removeMcpServer(rec: ConnectorRecord, enabledActions: string[], now: number): Promise<void>;
  /** What the MCP authorization discovery stored for this incarnation of the connector. */
  getMcpOAuth(rec: ConnectorRecord): Promise<McpOAuthRecord | undefined>;
  /**
   * Stores what discovery found. When its `config` differs from what was stored, every
   * end user's token and sign-in in progress of the connector is deleted in the same
   * transaction (they were obtained from another server, client or resource). NotFound
   * when the connector (this incarnation) is gone.
   */
  putMcpOAuth(rec: ConnectorRecord, row: McpOAuthRecord): Promise<{ changed: boolean }>;
}

/** What the MCP authorization discovery found (src/connections/mcp-discovery.ts). */
export interface McpOAuthRecord {
  /** DiscoveredConfig as JSON. */
  config: string;
  /** The registered client's secret, sealed (domain/aad.ts#mcpOAuthClient); null for a public client. */
  clientSecretSealed: string | null;
  updatedAt: number;
}

/** Connectors with their resource permissions and tags. */
export interface ConnectorRepository {
  /** Inserts a connector with its permissions and tags; UniqueViolation if the id exists. */
  insertConnector(rec: ConnectorRecord, permissions: PermissionGrant[], tags: TagRecord[]): Promise<void>;
  getConnector(key: ConnectorKey): Promise<ConnectorRecord | undefined>;
  /** The connector, only if one of `principals` holds `action` on it (in one query); undefined when absent or not granted. */
  getConnectorIfGranted(key: ConnectorKey, principals: string[], action: string): Promise<ConnectorRecord | undefined>;
  /**
   * Replaces the mutable members; NotFound if it vanished. With `dropTokens` — or when the
   * row's secrets or destination are no longer those of `previous` (a concurrent update) —
   * every OAuth token and authorization state of the connector is deleted in the same transaction.
   */
  updateConnector(rec: ConnectorRecord, opts?: { dropTokens?: boolean; previous?: ConnectorRecord }): Promise<void>;
  /** Deletes the connector with its permissions, tags, tokens, states and test result; false when it did not exist. */
  deleteConnector(key: ConnectorKey): Promise<boolean>;
  /** A page of summaries in connector id order (keyset: ids after `afterId`), reading only the summary's columns. */
  queryConnectors(q: ConnectorQuery): Promise<ConnectorSummaryRecord[]>;

  getPermissions(key: ConnectorKey): Promise<PermissionGrant[]>;
  /** Actions held on the connector by any of the principals. */
  actionsOf(key: ConnectorKey, principals: string[]): Promise<Set<string>>;
  /** Grants then revokes in one transaction; LimitExceeded past maxPrincipals, NotFound if the connector vanished. */
  updatePermissions(key: ConnectorKey, grant: PermissionGrant[], revoke: PermissionGrant[], maxPrincipals: number): Promise<PermissionGrant[]>;

  listTags(key: ConnectorKey): Promise<TagRecord[]>;
  /** Upserts; LimitExceeded past maxTags, NotFound if the connector vanished. */
  tagResource(key: ConnectorKey, tags: TagRecord[], maxTags: number): Promise<void>;
  /** NotFound if the connector vanished. */
  untagResource(key: ConnectorKey, keys: string[]): Promise<void>;
}

/** Users, groups, memberships and access keys. */
export interface IdentityRepository {
  getUser(accountId: string, userName: string): Promise<UserRecord | undefined>;
  listUsers(accountId?: string): Promise<UserRecord[]>;
  /** Creates (or, with upsert, re-roles) a user; UniqueViolation if it exists and !upsert. */
  putUser(user: UserRecord, upsert: boolean): Promise<void>;
  /** Removes the user with its keys, memberships, every grant to `principalArn` and its OAuth tokens and sign-ins. */
  deleteUser(accountId: string, userName: string, principalArn: string): Promise<boolean>;
  groupExists(accountId: string, groupName: string): Promise<boolean>;
  listGroups(accountId?: string): Promise<{ accountId: string; groupName: string; members: string[] }[]>;
  putGroup(accountId: string, groupName: string): Promise<void>;
  /** Removes the group with its memberships and every grant to `principalArn`. */
  deleteGroup(accountId: string, groupName: string, principalArn: string): Promise<boolean>;
  addMember(accountId: string, groupName: string, userName: string): Promise<void>;
  removeMember(accountId: string, groupName: string, userName: string): Promise<boolean>;
  groupsOf(accountId: string, userName: string): Promise<string[]>;
  /**
   * A value that stays the same while no identity row (user, key, group, membership) can
   * have changed, as the repository's own cache knows it; undefined while that cannot be
   * known (then nothing may be kept). What is derived from identity reads may be kept
   * under the value read before them.
   */
  identityVersion(): string | undefined;

  getAccessKey(accessKeyId: string): Promise<(AccessKeyRecord & { role: Role }) | undefined>;
  /** UniqueViolation if the key id exists. */
  putAccessKey(key: AccessKeyRecord): Promise<void>;
  listAccessKeys(accountId?: string, userName?: string): Promise<AccessKeyRecord[]>;
  setAccessKeyStatus(accessKeyId: string, status: 'ACTIVE' | 'INACTIVE'): Promise<boolean>;
  deleteAccessKey(accessKeyId: string): Promise<boolean>;
}

/** Outbound connections: OAuth tokens, authorization states (sign-ins in progress), test results. */
export interface ConnectionRepository {
  getToken(key: ConnectorKey, principal: string): Promise<TokenRecord | undefined>;
  /**
   * Inserts or replaces the token of (connector, principal). With `destination`, only while
   * the connector exists and still has that destination digest; false if not stored.
   */
  putToken(rec: TokenRecord, destination?: string): Promise<boolean>;
  /** Deletes the token; with `ifSealed`, only while the row still holds that value (compare-and-delete). */
  deleteToken(key: ConnectorKey, principal: string, ifSealed?: string): Promise<boolean>;
  /** End users holding a token for the connector (the connector's own token is not counted). */
  countUserTokens(key: ConnectorKey): Promise<number>;
  /** Stores a new authorization state; drops states that expired before `now`. */
  putAuthState(rec: AuthStateRecord, now: number): Promise<void>;
  /** Removes and returns the state (expired or not): of two concurrent takers, exactly one gets it. */
  takeAuthState(stateHash: string): Promise<AuthStateRecord | undefined>;
  /** Reads the state (expired or not) without taking it. */
  getAuthState(stateHash: string): Promise<AuthStateRecord | undefined>;
  putTestResult(rec: TestResultRecord): Promise<void>;
  getTestResult(key: ConnectorKey): Promise<TestResultRecord | undefined>;
}

/** The audit trail: InvokeAction records. */
export interface AuditRepository {
  /** Inserts records (one transaction); they are never changed afterwards. */
  insertInvocations(recs: InvocationRecord[]): Promise<void>;
  /** One connector's records, newest first (started_at, then invocation id, descending). */
  queryInvocations(q: InvocationQuery): Promise<InvocationRecord[]>;
  /** Deletes at most `limit` records that started before `before` (epoch ms), oldest first; returns how many. */
  pruneInvocations(before: number, limit: number): Promise<number>;
}

/** MCP bearer tokens (stored as hashes). */
export interface McpTokenRepository {
  putMcpToken(rec: McpTokenRecord): Promise<void>;
  /** The token with this hash, read from the database on every call (a revocation applies at once). */
  getMcpTokenByHash(tokenHash: string): Promise<McpTokenRecord | undefined>;
  listMcpTokens(accountId?: string, userName?: string): Promise<McpTokenRecord[]>;
  /** Marks the token revoked; false when there is no such token id or it was already revoked. */
  revokeMcpToken(tokenId: string, at: number): Promise<boolean>;
}

/** Server metadata (`meta`): markers such as `bootstrap`, and server secrets (names `secret:…`, sealed). */
export interface MetaRepository {
  getMeta(name: string): Promise<string | undefined>;
  /** Sets a value unless one exists; returns the value now stored. */
  putMetaIfAbsent(name: string, value: string): Promise<string>;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly connectors: ConnectorRepository;
  /** Connectors' API definitions (src/store/repos/api-definitions.ts). */
  readonly apiDefinitions: ApiDefinitionRepository;
  /** Connectors' MCP servers and their tool lists (src/store/repos/mcp-servers.ts). */
  readonly mcpServers: McpServerRepository;
  readonly identities: IdentityRepository;
  readonly connections: ConnectionRepository;
  readonly audit: AuditRepository;
  readonly mcpTokens: McpTokenRepository;
  /** The console's passwords, sessions and failed sign-ins (src/store/console-store.ts). */
  readonly console: ConsoleStore;
  readonly meta: MetaRepository;
  /** Every sealed secret as stored, for re-sealing (src/crypto/sealed-secrets.ts says what each is bound to). */
  readonly sealedRows: SealedRowStore;
  /**
   * Runs `fn` while holding the named lock across every node sharing this database.
   * Callers also keep one call in flight per name within a process, and re-read
   * what they guard once inside. SQLite: the database is one node's, so `fn` runs as
   * is. PostgreSQL: pg_advisory_xact_lock on a dedicated connection (src/store/postgres.ts).
   */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
