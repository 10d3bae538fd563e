// Versioned schema migrations, applied on start by Kysely's Migrator (which
// takes a lock, so several nodes starting at once apply each migration once).
// Never edit a migration that has shipped: add the next one.
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

/**
 * A migration runs against the schema of its own time, not today's `Database` (schema.ts):
 * Kysely's documentation types migrations with `Kysely<any>` for that reason.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration's tables are those of its time, which no current type describes
type MigrationDb = Kysely<any>;

const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: MigrationDb) {
      await db.schema
        .createTable('connectors')
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('connector_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_lower', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('auth_type', 'text', (c) => c.notNull())
        .addColumn('auth_public', 'text', (c) => c.notNull())
        .addColumn('auth_secret', 'text')
        .addColumn('vpc_connection_arn', 'text')
        .addColumn('enabled_actions', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('connectors_pk', ['region', 'account_id', 'connector_id'])
        .execute();
      await db.schema
        .createTable('connector_permissions')
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('connector_id', 'text', (c) => c.notNull())
        .addColumn('principal', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('connector_permissions_pk', ['region', 'account_id', 'connector_id', 'principal', 'action'])
        .execute();
      await db.schema
        .createIndex('connector_permissions_by_principal')
        .on('connector_permissions')
        .columns(['region', 'account_id', 'principal', 'action', 'connector_id'])
        .execute();
      await db.schema
        .createTable('tags')
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('connector_id', 'text', (c) => c.notNull())
        .addColumn('tag_key', 'text', (c) => c.notNull())
        .addColumn('tag_value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('tags_pk', ['region', 'account_id', 'connector_id', 'tag_key'])
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('users_pk', ['account_id', 'user_name'])
        .execute();
      await db.schema
        .createTable('groups')
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('group_name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('groups_pk', ['account_id', 'group_name'])
        .execute();
      await db.schema
        .createTable('group_members')
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('group_name', 'text', (c) => c.notNull())
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('group_members_pk', ['account_id', 'group_name', 'user_name'])
        .execute();
      await db.schema.createIndex('group_members_by_user').on('group_members').columns(['account_id', 'user_name']).execute();
      await db.schema
        .createTable('access_keys')
        .addColumn('access_key_id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addColumn('secret_sealed', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('access_keys_by_user').on('access_keys').columns(['account_id', 'user_name']).execute();
      await db.schema
        .createTable('meta')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      void sql;
    },
  },
  // Connections (issue 4): OAuth tokens per connector or end user (sealed), one-time
  // authorization states (hash of the state, sealed PKCE verifier), last test results.
  '0002_connections': {
    async up(db: MigrationDb) {
      await db.schema
        .createTable('connector_tokens')
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('connector_id', 'text', (c) => c.notNull())
        .addColumn('principal', 'text', (c) => c.notNull())
        .addColumn('token_sealed', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint')
        .addColumn('refresh_at', 'bigint')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('connector_tokens_pk', ['region', 'account_id', 'connector_id', 'principal'])
        .execute();
      await db.schema
        .createTable('oauth_states')
        .addColumn('state_hash', 'text', (c) => c.primaryKey())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('connector_id', 'text', (c) => c.notNull())
        .addColumn('user_arn', 'text', (c) => c.notNull())
        .addColumn('verifier_sealed', 'text', (c) => c.notNull())
        .addColumn('redirect_uri', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('oauth_states_by_expiry').on('oauth_states').column('expires_at').execute();
      await db.schema
        .createTable('connection_tests')
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('connector_id', 'text', (c) => c.notNull())
        .addColumn('tested_at', 'bigint', (c) => c.notNull())
        .addColumn('success', 'integer', (c) => c.notNull())
        .addColumn('http_status', 'integer')
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('tested_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('connection_tests_pk', ['region', 'account_id', 'connector_id'])
        .execute();
    },
  },
  // Actions (issues 5 and 6). The audit trail of InvokeAction: who invoked what through
  // which connector, when, how it ended and how long it took; never input values,
  // outputs or secrets. And EnabledActions: connectors created before Create took the
  // member stored []; they get their type's whole catalog, the default since.
  '0004_audit': {
    async up(db: MigrationDb) {
      await db.schema
        .createTable('invocations')
        .addColumn('invocation_id', 'text', (c) => c.primaryKey())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('connector_id', 'text', (c) => c.notNull())
        .addColumn('connector_created_at', 'bigint', (c) => c.notNull())
        .addColumn('connector_type', 'text', (c) => c.notNull())
        .addColumn('action_id', 'text', (c) => c.notNull())
        .addColumn('end_user_arn', 'text', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('http_status', 'integer')
        .addColumn('error_code', 'text')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .execute();
      // ListActionInvocations: one connector's records, newest first (keyset on started_at, invocation_id).
      await db.schema
        .createIndex('invocations_by_connector')
        .on('invocations')
        .columns(['region', 'account_id', 'connector_id', 'connector_created_at', 'started_at', 'invocation_id'])
        .execute();
      // Retention: the oldest records first.
      await db.schema.createIndex('invocations_by_time').on('invocations').columns(['started_at', 'invocation_id']).execute();

      const { defaultEnabledActions } = await import('../catalog/index.js');
      const rows = (await db
        .selectFrom('connectors')
        .select(['region', 'account_id', 'connector_id', 'type'])
        .where('enabled_actions', '=', '[]')
        .execute()) as { region: string; account_id: string; connector_id: string; type: string }[];
      for (const r of rows) {
        const ids = defaultEnabledActions(r.type as Parameters<typeof defaultEnabledActions>[0]);
        if (!ids.length) continue;
        await db
          .updateTable('connectors')
          .set({ enabled_actions: JSON.stringify(ids) })
          .where('region', '=', r.region)
          .where('account_id', '=', r.account_id)
          .where('connector_id', '=', r.connector_id)
          .where('enabled_actions', '=', '[]')
          .execute();
      }
    },
  },
  // MCP bearer tokens (issue 9): only the SHA-256 of a token is stored; a token_id names it for list and revoke.
  '0006_mcp_tokens': {
    async up(db: MigrationDb) {
      await db.schema
        .createTable('mcp_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('token_id', 'text', (c) => c.notNull().unique())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addColumn('user_created_at', 'bigint', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema.createIndex('mcp_tokens_by_user').on('mcp_tokens').columns(['account_id', 'user_name']).execute();
      // The audit record names the program that acted for the user (e.g. `mcp:Claude Desktop/1.2`).
      await db.schema.alterTable('invocations').addColumn('client', 'text').execute();
    },
  },
  // The web console (issue 10; src/store/console-store.ts): console passwords (scrypt
  // hashes only), sessions (only the SHA-256 of a session id, so any node can serve
  // one), and failed sign-ins per user and address (the sign-in rate limit).
  '0007_console': {
    async up(db: MigrationDb) {
      await db.schema
        .createTable('console_passwords')
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('user_created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('console_passwords_pk', ['account_id', 'user_name'])
        .execute();
      await db.schema
        .createTable('console_sessions')
        .addColumn('session_hash', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addColumn('user_created_at', 'bigint', (c) => c.notNull())
        .addColumn('access_key_id', 'text')
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('csrf_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('console_sessions_by_user').on('console_sessions').columns(['account_id', 'user_name']).execute();
      await db.schema.createIndex('console_sessions_by_expiry').on('console_sessions').column('expires_at').execute();
      await db.schema
        .createTable('console_signin_failures')
        .addColumn('limit_key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .execute();
    },
  },
  // List and Search over many connectors (issue 15): every page runs down an index in
  // connector id order and stops after a page (SqlConnectors.queryConnectors says which).
  // name and type end in connector_id so that a keyset position is a seek within one
  // name or type; name_lower after connector_id lets StringLike test the substring on
  // the index entry and read the row only for a match. (A List page reads its rows through
  // the primary key: an index holding every summary column measured no cheaper, the row
  // lookups of a page being in cache, and would cost every write.)
  '0008_connector_indexes': {
    async up(db: MigrationDb) {
      await db.schema.createIndex('connectors_by_name').on('connectors').columns(['region', 'account_id', 'name', 'connector_id']).execute();
      await db.schema.createIndex('connectors_by_type').on('connectors').columns(['region', 'account_id', 'type', 'connector_id']).execute();
      await db.schema.createIndex('connectors_by_name_lower').on('connectors').columns(['region', 'account_id', 'connector_id', 'name_lower']).execute();
    },
  },
  // API definitions (issue 17, src/store/repos/api-definitions.ts): the OpenAPI documents a
  // connector's defined actions come from, versioned (the last few kept). The connector row
  // names its current version, so a record read (and its caches) says which actions it has;
  // the actions are derived again from the document on every node, never stored, so a row
  // written outside ActionBridge can change them only as a document could: under the
  // connector's BaseEndpoint, with its own authentication.
  '0010_api_definitions': {
    async up(db: MigrationDb) {
      await db.schema
        .createTable('api_definitions')
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('connector_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('connector_created_at', 'bigint', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('document_json', 'text', (c) => c.notNull())
        .addColumn('filters', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('api_definitions_pk', ['region', 'account_id', 'connector_id', 'version'])
        .execute();
      await db.schema.alterTable('connectors').addColumn('api_definition_version', 'integer').execute();
      // The last version number given, which a delete of the definition does not reset: a version names one document for good.
      await db.schema.alterTable('connectors').addColumn('api_definition_last', 'integer').execute();
    },
  },
  // Remote MCP servers (issue 19, src/store/repos/mcp-servers.ts): a connector's server path
  // under its BaseEndpoint and the tools it listed, one version per put or refresh (the last
  // few kept). The connector row names the current version, so caches of the tools' actions
  // key by it, as for API definitions.
  '0011_mcp_servers': {
    async up(db: MigrationDb) {
      await db.schema
        .createTable('mcp_servers')
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('connector_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('connector_created_at', 'bigint', (c) => c.notNull())
        .addColumn('server_path', 'text', (c) => c.notNull())
        .addColumn('transport', 'text', (c) => c.notNull())
        .addColumn('tools', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('mcp_servers_pk', ['region', 'account_id', 'connector_id', 'version'])
        .execute();
      await db.schema.alterTable('connectors').addColumn('mcp_server_version', 'integer').execute();
      await db.schema.alterTable('connectors').addColumn('mcp_server_last', 'integer').execute();
    },
  },
  // The MCP authorization spec's discovery (src/connections/mcp-discovery.ts): for a connector
  // whose OAUTH2_AUTHORIZATION_CODE configuration names no client, what was discovered at its
  // MCP server (issuer, endpoints, resource, the client registered there) in clear, and the
  // registered client's secret sealed (bound to the connector, its destination and the clear part).
  '0013_mcp_oauth': {
    async up(db: MigrationDb) {
      await db.schema
        .createTable('mcp_oauth')
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('connector_id', 'text', (c) => c.notNull())
        .addColumn('connector_created_at', 'bigint', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('client_secret_sealed', 'text')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('mcp_oauth_pk', ['region', 'account_id', 'connector_id'])
        .execute();
    },
  },
};

/** The text columns of the tables of 0001 and 0002, by table. */
const TEXT_COLUMNS: Record<string, string[]> = {
  connectors: [
    'region',
    'account_id',
    'connector_id',
    'name',
    'name_lower',
    'type',
    'description',
    'auth_type',
    'auth_public',
    'auth_secret',
    'vpc_connection_arn',
    'enabled_actions',
    'status',
  ],
  connector_permissions: ['region', 'account_id', 'connector_id', 'principal', 'action'],
  tags: ['region', 'account_id', 'connector_id', 'tag_key', 'tag_value'],
  users: ['account_id', 'user_name', 'role'],
  groups: ['account_id', 'group_name'],
  group_members: ['account_id', 'group_name', 'user_name'],
  access_keys: ['access_key_id', 'account_id', 'user_name', 'secret_sealed', 'status'],
  meta: ['name', 'value'],
  connector_tokens: ['region', 'account_id', 'connector_id', 'principal', 'token_sealed', 'fingerprint'],
  oauth_states: ['state_hash', 'region', 'account_id', 'connector_id', 'user_arn', 'verifier_sealed', 'redirect_uri', 'fingerprint'],
  connection_tests: ['region', 'account_id', 'connector_id', 'message', 'tested_by'],
};

/**
 * Migrations that differ by database. SQLite compares text byte by byte (BINARY);
 * PostgreSQL by the database's collation, which may put 'B' after 'a' or ignore
 * punctuation. Listing pages by connector id (keyset pagination) and every ORDER BY
 * must give the same order on both, so on PostgreSQL every text column gets the
 * "C" collation (byte order; equality is unchanged). Nothing to do on SQLite.
 */
function dialectMigrations(kind: 'sqlite' | 'postgres'): Record<string, Migration> {
  return {
    '0003_postgres_byte_order': {
      async up(db: MigrationDb) {
        if (kind !== 'postgres') return;
        for (const [table, columns] of Object.entries(TEXT_COLUMNS)) {
          const alters = columns.map((c) => sql`alter column ${sql.ref(c)} type text collate "C"`);
          await sql`alter table ${sql.table(table)} ${sql.join(alters)}`.execute(db);
        }
      },
    },
    // PostgreSQL: every write to identity rows notifies every node (src/store/notify.ts),
    // which drop what they cached of them. A statement trigger, so writes by any path — a
    // node, the CLI, a re-sealing, plain SQL — are heard; NOTIFY is delivered on commit.
    '0009_identity_notify': {
      async up(db: MigrationDb) {
        if (kind !== 'postgres') return;
        await sql`create or replace function actionbridge_identity_changed() returns trigger language plpgsql as $$
          begin
            perform pg_notify('actionbridge_identity', tg_table_schema);
            return null;
          end $$`.execute(db);
        for (const table of ['users', 'access_keys', 'groups', 'group_members']) {
          await sql`create trigger ${sql.id(`${table}_identity_changed`)} after insert or update or delete or truncate on ${sql.table(table)}
            for each statement execute function actionbridge_identity_changed()`.execute(db);
        }
      },
    },
    // PostgreSQL: likewise for what a Describe or an authorization decision reads of a
    // connector (its row — the API definition and MCP server versions are columns of it —,
    // its grants, its tags): every node drops the connector records and grant decisions it
    // cached (src/store/notify.ts, family 'connector', a channel of its own).
    '0012_connector_notify': {
      async up(db: MigrationDb) {
        if (kind !== 'postgres') return;
        await sql`create or replace function actionbridge_connector_changed() returns trigger language plpgsql as $$
          begin
            perform pg_notify('actionbridge_connector', tg_table_schema);
            return null;
          end $$`.execute(db);
        for (const table of ['connectors', 'connector_permissions', 'tags']) {
          await sql`create trigger ${sql.id(`${table}_connector_changed`)} after insert or update or delete or truncate on ${sql.table(table)}
            for each statement execute function actionbridge_connector_changed()`.execute(db);
        }
      },
    },
    // Grants one row per (connector, principal) instead of one per (connector, principal,
    // action): the seven connector actions are bits of `actions` (src/store/grant-bits.ts;
    // never renumbered). An owner's grant was seven rows in three b-trees each, most of what
    // a Create wrote (bench/RESULTS.md); now it is one row in two. The principal index
    // covers `actions`, so a page of a caller's connectors is read from the index alone.
    // On SQLite the table is WITHOUT ROWID (its key is its primary key: one b-tree fewer);
    // on PostgreSQL its text columns take the "C" collation like every other (0003) and
    // its writes notify the nodes' connector caches like the old table's (0012).
    '0014_connector_grants': {
      async up(db: MigrationDb) {
        const pg = kind === 'postgres';
        const text = pg ? sql`text collate "C" not null` : sql`text not null`;
        await sql`create table connector_grants (
          region ${text}, account_id ${text}, connector_id ${text}, principal ${text},
          actions integer not null check (actions > 0 and actions < 128),
          constraint connector_grants_pk primary key (region, account_id, connector_id, principal)
        )${pg ? sql`` : sql` without rowid`}`.execute(db);
        await sql`create index connector_grants_by_principal on connector_grants (region, account_id, principal, connector_id, actions)`.execute(db);
        // The bits as of this migration (src/store/grant-bits.ts keeps them): written out here,
        // so that what this migration does never changes with today's code.
        const bits: [string, number][] = [
          ['quicksight:DescribeActionConnector', 1],
          ['quicksight:UpdateActionConnector', 2],
          ['quicksight:DeleteActionConnector', 4],
          ['quicksight:DescribeActionConnectorPermissions', 8],
          ['quicksight:UpdateActionConnectorPermissions', 16],
          ['quicksight:ListActionConnectorActions', 32],
          ['quicksight:InvokeActionConnector', 64],
        ];
        const bit = sql.join(
          bits.map(([name, value]) => sql`when ${sql.lit(name)} then ${sql.lit(value)}`),
          sql` `,
        );
        // Each (principal, action) row once (the old primary key), so the bits add up to the mask.
        await sql`insert into connector_grants (region, account_id, connector_id, principal, actions)
          select region, account_id, connector_id, principal, sum(bit) from (
            select region, account_id, connector_id, principal, case action ${bit} else 0 end as bit from connector_permissions
          ) g group by region, account_id, connector_id, principal having sum(bit) > 0`.execute(db);
        await sql`drop table connector_permissions`.execute(db);
        if (pg) {
          await sql`create trigger connector_grants_connector_changed after insert or update or delete or truncate on connector_grants
            for each statement execute function actionbridge_connector_changed()`.execute(db);
        }
      },
    },
  };
}

/** The migrations for a store of this kind (SQLite unless named). */
export function migrationProviderFor(kind: 'sqlite' | 'postgres'): MigrationProvider {
  return {
    async getMigrations() {
      return { ...migrations, ...dialectMigrations(kind) };
    },
  };
}

export const migrationProvider: MigrationProvider = migrationProviderFor('sqlite');
