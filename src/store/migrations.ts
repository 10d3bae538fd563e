// Versioned schema migrations, applied on start by Kysely's Migrator (which
// takes a lock, so several nodes starting at once apply each migration once).
// Never edit a migration that has shipped: add the next one.
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<any>) {
      await db.schema.createTable('connectors')
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
      await db.schema.createTable('connector_permissions')
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('connector_id', 'text', (c) => c.notNull())
        .addColumn('principal', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('connector_permissions_pk', ['region', 'account_id', 'connector_id', 'principal', 'action'])
        .execute();
      await db.schema.createIndex('connector_permissions_by_principal')
        .on('connector_permissions').columns(['region', 'account_id', 'principal', 'action', 'connector_id']).execute();
      await db.schema.createTable('tags')
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('connector_id', 'text', (c) => c.notNull())
        .addColumn('tag_key', 'text', (c) => c.notNull())
        .addColumn('tag_value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('tags_pk', ['region', 'account_id', 'connector_id', 'tag_key'])
        .execute();
      await db.schema.createTable('users')
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('users_pk', ['account_id', 'user_name'])
        .execute();
      await db.schema.createTable('groups')
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('group_name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('groups_pk', ['account_id', 'group_name'])
        .execute();
      await db.schema.createTable('group_members')
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('group_name', 'text', (c) => c.notNull())
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('group_members_pk', ['account_id', 'group_name', 'user_name'])
        .execute();
      await db.schema.createIndex('group_members_by_user').on('group_members').columns(['account_id', 'user_name']).execute();
      await db.schema.createTable('access_keys')
        .addColumn('access_key_id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addColumn('secret_sealed', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('access_keys_by_user').on('access_keys').columns(['account_id', 'user_name']).execute();
      await db.schema.createTable('meta')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      void sql;
    },
  },
  // Connections (issue 4): OAuth tokens per connector or end user (sealed), one-time
  // authorization states (hash of the state, sealed PKCE verifier), last test results.
  '0002_connections': {
    async up(db: Kysely<any>) {
      await db.schema.createTable('connector_tokens')
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
      await db.schema.createTable('oauth_states')
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
      await db.schema.createTable('connection_tests')
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
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() { return migrations; },
};
