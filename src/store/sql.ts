// What the SQL repositories (src/store/repos/) share: the Kysely instance and dialect,
// transactions (with PostgreSQL's retry of deadlock victims), the connector-key filter,
// the connector row lock, row mapping of connectors, and driver error codes.
import type { CompiledQuery, Kysely, Transaction, WhereInterface } from 'kysely';
import type { ConnectorKey, ConnectorRecord } from '../domain/types.js';
import type { Database } from './schema.js';
import { errorCode } from '../error-text.js';
import type { RawReader } from './prepared.js';
import { NotFound, Stale } from './store.js';

export type Db = Kysely<Database> | Transaction<Database>;
export type ConnectorRow = Database['connectors'];

/** PostgreSQL: a deadlock or serialization failure; the transaction may simply be run again. */
export function isRetryable(e: unknown): boolean {
  const code = errorCode(e);
  return code === '40P01' || code === '40001';
}

export function isUniqueViolation(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/**
 * The rows of one connector: `region`, `account_id` and `connector_id` equal to the key's.
 * Every table keyed by connector has these three columns (connectors, connector_grants,
 * tags, connector_tokens, oauth_states, connection_tests, invocations).
 */
export function whereConnector<QB extends { where: (...args: never[]) => unknown }>(qb: QB, key: ConnectorKey): QB {
  const q = qb as unknown as WhereInterface<Database, 'connectors'>;
  return q.where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id) as unknown as QB;
}

export const nullableNumber = (v: number | string | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

export function toConnectorRecord(r: ConnectorRow): ConnectorRecord {
  return {
    region: r.region,
    accountId: r.account_id,
    id: r.connector_id,
    name: r.name,
    type: r.type as ConnectorRecord['type'],
    description: r.description,
    authType: r.auth_type as ConnectorRecord['authType'],
    authPublic: JSON.parse(r.auth_public) as Record<string, unknown>,
    authSecret: r.auth_secret,
    vpcConnectionArn: r.vpc_connection_arn,
    enabledActions: JSON.parse(r.enabled_actions) as string[],
    status: r.status as ConnectorRecord['status'],
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    apiDefinitionVersion: r.api_definition_version === null || r.api_definition_version === undefined ? null : Number(r.api_definition_version),
    mcpServerVersion: r.mcp_server_version === null || r.mcp_server_version === undefined ? null : Number(r.mcp_server_version),
  };
}

export function toConnectorRow(c: ConnectorRecord): ConnectorRow {
  return {
    region: c.region,
    account_id: c.accountId,
    connector_id: c.id,
    name: c.name,
    name_lower: c.name.toLowerCase(),
    type: c.type,
    description: c.description,
    auth_type: c.authType,
    auth_public: JSON.stringify(c.authPublic),
    auth_secret: c.authSecret,
    vpc_connection_arn: c.vpcConnectionArn,
    enabled_actions: JSON.stringify(c.enabledActions),
    status: c.status,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    api_definition_version: c.apiDefinitionVersion,
    api_definition_last: c.apiDefinitionVersion,
    mcp_server_version: c.mcpServerVersion,
    mcp_server_last: c.mcpServerVersion,
  };
}

/** The database a repository works on, and what differs by dialect. */
/**
 * SQLite: runs `work` synchronously on the write connection, inside one IMMEDIATE
 * transaction that commits when it returns and rolls back when it throws. `run` executes one
 * compiled statement. Waits for the connection as Kysely's queries do, so no other
 * transaction is open on it meanwhile, and no other JavaScript runs between the statements:
 * a batch of statements costs no promise per statement (src/store/open.ts).
 */
export type SyncBatch = <T>(work: (run: (q: CompiledQuery) => void) => T) => Promise<T>;

export class SqlContext {
  constructor(
    readonly db: Kysely<Database>,
    readonly kind: 'sqlite' | 'postgres',
    /** Where the hot prepared reads run, when the database has such a connection (src/store/prepared.ts). */
    readonly reader?: RawReader,
    /** With reader: changes whenever what the reader sees of connectors may have changed (a commit by any connection); undefined: not known now, bypass the caches. */
    readonly committedVersion?: () => string | undefined,
    /** Whether grant decisions (getConnectorIfGranted) are cached under committedVersion too. */
    readonly cacheGrants = false,
    /** SQLite's synchronous batches of writes to connector tables (flushInserts). */
    readonly syncBatch?: SyncBatch,
  ) {}

  /**
   * One transaction. On PostgreSQL, where nodes write concurrently, a transaction the
   * database aborted as a deadlock victim or serialization failure is run again (the
   * callbacks only touch the database, so running them again is safe).
   */
  async tx<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute(fn);
      } catch (e) {
        if (this.kind !== 'postgres' || !isRetryable(e) || attempt >= 5) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
      }
    }
  }

  /**
   * The connector's row; inside a transaction on PostgreSQL locked (FOR UPDATE) until the
   * end: a delete on another node waits, or has already won and this finds nothing, so no
   * permission, tag or token outlives its connector; and changes to one connector's
   * children are serialized (no deadlocks between them).
   */
  async lockConnector(trx: Db, key: ConnectorKey): Promise<ConnectorRow | undefined> {
    let q = whereConnector(trx.selectFrom('connectors').selectAll(), key);
    if (this.kind === 'postgres') q = q.forUpdate();
    return q.executeTakeFirst();
  }

  /**
   * The connector row locked for a write of its API definition or MCP server: it must be the
   * incarnation `rec` was read at (else NotFound), still at the version `rec` says (else
   * Stale), and without the other kind (a connector has one or the other: Stale). Returns the
   * last version number given, which a delete does not reset.
   */
  async lockVersioned(trx: Db, rec: ConnectorRecord, kind: 'api_definition' | 'mcp_server'): Promise<{ last: number }> {
    const row = await this.lockConnector(trx, rec);
    if (!row || Number(row.created_at) !== rec.createdAt) throw new NotFound('connector');
    const num = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v));
    const [current, expected, other] =
      kind === 'api_definition'
        ? [num(row.api_definition_version), rec.apiDefinitionVersion, num(row.mcp_server_version)]
        : [num(row.mcp_server_version), rec.mcpServerVersion, num(row.api_definition_version)];
    if (current !== expected) throw new Stale(kind.replace('_', ' '));
    if (other !== null) throw new Stale(kind === 'api_definition' ? 'mcp server' : 'api definition');
    return { last: Number((kind === 'api_definition' ? row.api_definition_last : row.mcp_server_last) ?? 0) };
  }

  /** Whether the connector exists, its row locked as lockConnector does. */
  async connectorExists(trx: Db, key: ConnectorKey): Promise<boolean> {
    let q = whereConnector(trx.selectFrom('connectors').select('connector_id'), key);
    if (this.kind === 'postgres') q = q.forUpdate();
    return (await q.executeTakeFirst()) !== undefined;
  }
}
