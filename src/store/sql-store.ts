// The Store, written once in Kysely for both SQLite and PostgreSQL.
import { type Kysely, type Transaction, Migrator, sql } from 'kysely';
import type {
  AccessKeyRecord, ConnectorKey, ConnectorQuery, ConnectorRecord, PermissionGrant, Role, TagRecord, UserRecord,
} from '../domain/types.js';
import type { AuthStateRecord, TestResultRecord, TokenRecord } from '../domain/connections.js';
import { aad, legacyAad } from '../domain/aad.js';
import { destinationDigest } from '../domain/destination.js';
import type { McpTokenRecord } from '../domain/mcp-tokens.js';
import type { Database } from './schema.js';
import type { InvocationQuery, InvocationRecord } from '../domain/invocations.js';
import * as invocationsSql from './invocations-sql.js';
import { migrationProviderFor } from './migrations.js';
import { ConsoleStore } from './console-store.js';
import { DESTINATION_AAD_META, LimitExceeded, NotFound, type SealedSecretRef, type Store, UniqueViolation } from './store.js';

type Db = Kysely<Database> | Transaction<Database>;
type ConnectorRow = Database['connectors'];

/** PostgreSQL: a deadlock or serialization failure; the transaction may simply be run again. */
function isRetryable(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code === '40P01' || code === '40001';
}

/** What a store needs beyond its Kysely instance; the PostgreSQL store fills it (src/store/postgres.ts). */
export interface SqlStoreHooks {
  /** Cross-node lock (Store.withLock); without it `fn` runs as is. */
  withLock?: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  /** Runs the migrations (e.g. on a connection of their own, without statement timeout). */
  migrate?: () => Promise<void>;
  /** Closes what the store opened besides its Kysely instance. */
  close?: () => Promise<void>;
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

function toRecord(r: ConnectorRow): ConnectorRecord {
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
  };
}

function toRow(c: ConnectorRecord): ConnectorRow {
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
  };
}

const nullableNumber = (v: number | string | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

const MAX_LIKE_NEEDLE = 1024;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
/** The LIKE escape character, bound as a parameter: no quoting of a backslash in SQL text (PostgreSQL's standard_conforming_strings). */
const LIKE_ESCAPE = '\\';

function groupGrants(rows: { principal: string; action: string }[]): PermissionGrant[] {
  const m = new Map<string, string[]>();
  for (const r of rows) {
    let a = m.get(r.principal);
    if (!a) { a = []; m.set(r.principal, a); }
    a.push(r.action);
  }
  return [...m].map(([principal, actions]) => ({ principal, actions: actions.sort() }));
}

const compareKeys = (a: ConnectorKey, b: ConnectorKey): number => {
  const x = `${a.region}\u0000${a.accountId}\u0000${a.id}`;
  const y = `${b.region}\u0000${b.accountId}\u0000${b.id}`;
  return x < y ? -1 : x > y ? 1 : 0;
};

type AccessKeyRow = NonNullable<Awaited<ReturnType<Store['getAccessKey']>>>;
interface IdentityView { version: string; keys: Map<string, AccessKeyRow | null>; groups: Map<string, string[]> }
interface PendingInsert { rec: ConnectorRecord; permissions: PermissionGrant[]; tags: TagRecord[]; resolve: () => void; reject: (e: unknown) => void }

export class SqlStore implements Store {
  /**
   * @param dataVersion where the database can say so (SQLite), a value that changes
   * whenever identity rows (users, access_keys, groups, group_members) may have
   * changed, by this process or any other. With it, the
   * identity reads every signed request makes (access key, groups) are served from
   * memory until the next change — the same answers, without two queries per request.
   */
  constructor(readonly db: Kysely<Database>, readonly kind: 'sqlite' | 'postgres', private readonly dataVersion?: () => string, private readonly hooks: SqlStoreHooks = {}) {}

  private consoleTables?: ConsoleStore;
  /** The web console's tables (src/store/console-store.ts). */
  consoleStore(): ConsoleStore {
    return (this.consoleTables ??= new ConsoleStore(this.db));
  }

  /**
   * One transaction. On PostgreSQL, where nodes write concurrently, a transaction the
   * database aborted as a deadlock victim or serialization failure is run again (the
   * callbacks only touch the database, so running them again is safe).
   */
  private async tx<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute(fn);
      } catch (e) {
        if (this.kind !== 'postgres' || !isRetryable(e) || attempt >= 5) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
      }
    }
  }

  private identity: IdentityView = { version: '', keys: new Map(), groups: new Map() };
  /** The identity cache valid now. Entries are filed under the version read before their query, so a change during it only ever discards them. */
  private identityNow(): IdentityView | undefined {
    if (!this.dataVersion) return undefined;
    const version = this.dataVersion();
    if (version !== this.identity.version || this.identity.keys.size + this.identity.groups.size > 10_000) {
      this.identity = { version, keys: new Map(), groups: new Map() };
    }
    return this.identity;
  }

  async migrate(): Promise<void> {
    if (this.hooks.migrate) return this.hooks.migrate();
    const migrator = new Migrator({ db: this.db, provider: migrationProviderFor(this.kind) });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error');
      throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String((error as Error).message ?? error)}`);
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await this.hooks.close?.();
  }

  private where(db: Db, key: ConnectorKey) {
    return db.selectFrom('connectors').selectAll()
      .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id);
  }

  /**
   * Whether the connector exists. Inside a transaction on PostgreSQL the row is locked
   * (FOR UPDATE) until the end: a delete on another node waits, or has already won and
   * this finds nothing, so no permission or tag outlives its connector; and changes to
   * one connector's children are serialized (no deadlocks between them).
   */
  private async connectorExists(db: Db, key: ConnectorKey): Promise<boolean> {
    let q = db.selectFrom('connectors').select('connector_id')
      .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id);
    if (this.kind === 'postgres') q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r !== undefined;
  }

  private async insertRows(trx: Db, { rec, permissions, tags }: Pick<PendingInsert, 'rec' | 'permissions' | 'tags'>): Promise<void> {
    await trx.insertInto('connectors').values(toRow(rec)).execute();
    const perms = permissions.flatMap((p) => [...new Set(p.actions)].map((action) => ({
      region: rec.region, account_id: rec.accountId, connector_id: rec.id, principal: p.principal, action,
    })));
    if (perms.length) await trx.insertInto('connector_permissions').values(perms).onConflict((oc) => oc.doNothing()).execute();
    const tagRows = new Map(tags.map((t) => [t.key, t.value]));
    if (tagRows.size) {
      await trx.insertInto('tags').values([...tagRows].map(([k, v]) => ({
        region: rec.region, account_id: rec.accountId, connector_id: rec.id, tag_key: k, tag_value: v,
      }))).execute();
    }
  }

  private pendingInserts: PendingInsert[] | undefined;

  /**
   * Group commit: the inserts that arrive within one turn of the event loop share
   * one transaction, each inside its own savepoint, so each succeeds or fails on its
   * own exactly as in a transaction of its own, and none is answered before the
   * commit. A commit (with its WAL writes) per connector was most of what a Create
   * cost (bench/RESULTS.md).
   */
  insertConnector(rec: ConnectorRecord, permissions: PermissionGrant[], tags: TagRecord[]): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!this.pendingInserts) {
        this.pendingInserts = [];
        setImmediate(() => { void this.flushInserts(); });
      }
      this.pendingInserts.push({ rec, permissions, tags, resolve, reject });
    });
  }

  private async flushInserts(): Promise<void> {
    // Sorted by key (stably: of two creates of one id the first to arrive wins), so that
    // batches on different PostgreSQL nodes take row locks in one order and cannot deadlock.
    const batch = (this.pendingInserts ?? []).sort((a, b) => compareKeys(a.rec, b.rec));
    this.pendingInserts = undefined;
    const mapError = (e: unknown) => (isUniqueViolation(e) ? new UniqueViolation('connector exists') : e);
    if (batch.length === 1) {
      const one = batch[0]!;
      try {
        await this.tx((trx) => this.insertRows(trx, one));
        one.resolve();
      } catch (e) { one.reject(mapError(e)); }
      return;
    }
    const failed = new Map<PendingInsert, unknown>();
    try {
      const trx = await this.db.startTransaction().execute();
      try {
        for (const item of batch) {
          const sp = await trx.savepoint('insert_connector').execute();
          try {
            await this.insertRows(sp, item);
          } catch (e) {
            failed.set(item, e);
            await sp.rollbackToSavepoint('insert_connector').execute();
          }
          await sp.releaseSavepoint('insert_connector').execute();
        }
        await trx.commit().execute();
      } catch (e) {
        await trx.rollback().execute().catch(() => undefined);
        throw e;
      }
    } catch (e) {
      if (this.kind === 'postgres' && isRetryable(e)) {
        // The shared transaction lost to another node's: each insert on its own.
        await Promise.all(batch.map(async (item) => {
          try { await this.tx((trx) => this.insertRows(trx, item)); item.resolve(); } catch (err) { item.reject(mapError(err)); }
        }));
        return;
      }
      for (const item of batch) item.reject(mapError(e));
      return;
    }
    for (const item of batch) {
      if (failed.has(item)) item.reject(mapError(failed.get(item)));
      else item.resolve();
    }
  }

  async getConnector(key: ConnectorKey): Promise<ConnectorRecord | undefined> {
    const r = await this.where(this.db, key).executeTakeFirst();
    return r ? toRecord(r) : undefined;
  }

  async updateConnector(rec: ConnectorRecord, opts: { dropTokens?: boolean; previous?: ConnectorRecord } = {}): Promise<void> {
    const row = toRow(rec);
    await this.tx(async (trx) => {
      let q = this.where(trx, rec);
      if (this.kind === 'postgres') q = q.forUpdate();
      const current = await q.executeTakeFirst();
      if (!current) throw new NotFound('connector');
      // Changed by someone else since `previous` was read: what it was compared with is stale, so drop.
      const stale = opts.previous !== undefined && (current.auth_secret !== opts.previous.authSecret
        || destinationDigest(toRecord(current)) !== destinationDigest(opts.previous));
      await trx.updateTable('connectors').set({
        name: row.name, name_lower: row.name_lower, description: row.description, auth_type: row.auth_type,
        auth_public: row.auth_public, auth_secret: row.auth_secret, vpc_connection_arn: row.vpc_connection_arn,
        enabled_actions: row.enabled_actions, status: row.status, updated_at: row.updated_at,
      }).where('region', '=', rec.region).where('account_id', '=', rec.accountId).where('connector_id', '=', rec.id)
        .execute();
      if (!opts.dropTokens && !stale) return;
      // The connector's destination or secrets changed: every token obtained for it (and
      // every sign-in in progress) goes in the same transaction.
      for (const t of ['connector_tokens', 'oauth_states'] as const) {
        await trx.deleteFrom(t)
          .where('region', '=', rec.region).where('account_id', '=', rec.accountId).where('connector_id', '=', rec.id)
          .execute();
      }
    });
  }

  async deleteConnector(key: ConnectorKey): Promise<boolean> {
    return this.tx(async (trx) => {
      const r = await trx.deleteFrom('connectors')
        .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) return false;
      for (const t of ['connector_permissions', 'tags', 'connector_tokens', 'oauth_states', 'connection_tests'] as const) {
        await trx.deleteFrom(t)
          .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id)
          .execute();
      }
      return true;
    });
  }

  async queryConnectors(q: ConnectorQuery): Promise<ConnectorRecord[]> {
    let qb = this.db.selectFrom('connectors as c').selectAll('c')
      .where('c.region', '=', q.region).where('c.account_id', '=', q.accountId);
    const holds = (principals: string[], actions: string[]) => (eb: any) => eb.exists(
      eb.selectFrom('connector_permissions as p').select('p.action')
        .whereRef('p.region', '=', 'c.region').whereRef('p.account_id', '=', 'c.account_id')
        .whereRef('p.connector_id', '=', 'c.connector_id')
        .where('p.principal', 'in', principals).where('p.action', 'in', actions));
    if (q.visibleTo) {
      if (q.visibleTo.length === 0) return [];
      qb = qb.where(holds(q.visibleTo, ['quicksight:DescribeActionConnector']));
    }
    const f = q.filter;
    if (f) {
      switch (f.kind) {
        case 'nameEquals': qb = qb.where('c.name', '=', f.value); break;
        case 'nameLike':
          // Names are at most 255 characters (510 code units once lower-cased), so a longer
          // needle matches nothing; it would also exceed SQLite's LIKE pattern limit (50,000 bytes).
          if (f.value.length > MAX_LIKE_NEEDLE) return [];
          qb = qb.where(sql<boolean>`c.name_lower like ${`%${likeEscape(f.value.toLowerCase())}%`} escape ${LIKE_ESCAPE}`); break;
        case 'type': qb = qb.where('c.type', '=', f.value); break;
        case 'principal':
          if (f.principals.length === 0) return [];
          qb = qb.where(holds(f.principals, f.actions));
          if (f.sole) {
            qb = qb.where((eb: any) => eb.not(eb.exists(
              eb.selectFrom('connector_permissions as o').select('o.action')
                .whereRef('o.region', '=', 'c.region').whereRef('o.account_id', '=', 'c.account_id')
                .whereRef('o.connector_id', '=', 'c.connector_id')
                .where('o.principal', 'not in', f.principals).where('o.action', 'in', f.actions))));
          }
          break;
      }
    }
    if (q.afterId !== undefined) qb = qb.where('c.connector_id', '>', q.afterId);
    const rows = await qb.orderBy('c.connector_id').limit(q.limit).execute();
    return rows.map(toRecord);
  }

  async getPermissions(key: ConnectorKey): Promise<PermissionGrant[]> {
    return this.permissionsIn(this.db, key);
  }

  private async permissionsIn(db: Db, key: ConnectorKey): Promise<PermissionGrant[]> {
    const rows = await db.selectFrom('connector_permissions').select(['principal', 'action'])
      .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id)
      .orderBy('principal').orderBy('action').execute();
    return groupGrants(rows);
  }

  async actionsOf(key: ConnectorKey, principals: string[]): Promise<Set<string>> {
    if (principals.length === 0) return new Set();
    const rows = await this.db.selectFrom('connector_permissions').select('action')
      .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id)
      .where('principal', 'in', principals).execute();
    return new Set(rows.map((r) => r.action));
  }

  async updatePermissions(key: ConnectorKey, grant: PermissionGrant[], revoke: PermissionGrant[], maxPrincipals: number): Promise<PermissionGrant[]> {
    return this.tx(async (trx) => {
      if (!(await this.connectorExists(trx, key))) throw new NotFound('connector');
      const base = { region: key.region, account_id: key.accountId, connector_id: key.id };
      const rows = grant.flatMap((p) => [...new Set(p.actions)].map((action) => ({ ...base, principal: p.principal, action })));
      if (rows.length) await trx.insertInto('connector_permissions').values(rows).onConflict((oc) => oc.doNothing()).execute();
      for (const p of revoke) {
        await trx.deleteFrom('connector_permissions')
          .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id)
          .where('principal', '=', p.principal).where('action', 'in', p.actions).execute();
      }
      const after = await this.permissionsIn(trx, key);
      if (after.length > maxPrincipals) throw new LimitExceeded(`a connector may have at most ${maxPrincipals} principals; this change would leave ${after.length}`);
      return after;
    });
  }

  async listTags(key: ConnectorKey): Promise<TagRecord[]> {
    const rows = await this.db.selectFrom('tags').select(['tag_key', 'tag_value'])
      .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id)
      .orderBy('tag_key').execute();
    return rows.map((r) => ({ key: r.tag_key, value: r.tag_value }));
  }

  async tagResource(key: ConnectorKey, tags: TagRecord[], maxTags: number): Promise<void> {
    await this.tx(async (trx) => {
      if (!(await this.connectorExists(trx, key))) throw new NotFound('connector');
      const uniq = new Map(tags.map((t) => [t.key, t.value]));
      await trx.insertInto('tags').values([...uniq].map(([k, v]) => ({
        region: key.region, account_id: key.accountId, connector_id: key.id, tag_key: k, tag_value: v,
      }))).onConflict((oc) => oc.columns(['region', 'account_id', 'connector_id', 'tag_key']).doUpdateSet((eb) => ({ tag_value: eb.ref('excluded.tag_value') })))
        .execute();
      const n = await trx.selectFrom('tags').select((eb) => eb.fn.countAll().as('n'))
        .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id)
        .executeTakeFirstOrThrow();
      if (Number(n.n) > maxTags) throw new LimitExceeded(`a resource may have at most ${maxTags} tags; this request would leave ${Number(n.n)}`);
    });
  }

  async untagResource(key: ConnectorKey, keys: string[]): Promise<void> {
    await this.tx(async (trx) => {
      if (!(await this.connectorExists(trx, key))) throw new NotFound('connector');
      await trx.deleteFrom('tags')
        .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id)
        .where('tag_key', 'in', keys).execute();
    });
  }

  // ---- identities -----------------------------------------------------------
  async getUser(accountId: string, userName: string): Promise<UserRecord | undefined> {
    const r = await this.db.selectFrom('users').selectAll().where('account_id', '=', accountId).where('user_name', '=', userName).executeTakeFirst();
    return r ? { accountId: r.account_id, userName: r.user_name, role: r.role as Role, createdAt: Number(r.created_at) } : undefined;
  }

  async listUsers(accountId?: string): Promise<UserRecord[]> {
    let q = this.db.selectFrom('users').selectAll();
    if (accountId) q = q.where('account_id', '=', accountId);
    const rows = await q.orderBy('account_id').orderBy('user_name').execute();
    return rows.map((r) => ({ accountId: r.account_id, userName: r.user_name, role: r.role as Role, createdAt: Number(r.created_at) }));
  }

  async putUser(user: UserRecord, upsert: boolean): Promise<void> {
    const row = { account_id: user.accountId, user_name: user.userName, role: user.role, created_at: user.createdAt };
    try {
      if (upsert) {
        await this.db.insertInto('users').values(row)
          .onConflict((oc) => oc.columns(['account_id', 'user_name']).doUpdateSet({ role: user.role })).execute();
      } else {
        await this.db.insertInto('users').values(row).execute();
      }
    } catch (e) {
      if (isUniqueViolation(e)) throw new UniqueViolation('user exists');
      throw e;
    }
  }

  async deleteUser(accountId: string, userName: string, principalArn: string): Promise<boolean> {
    return this.tx(async (trx) => {
      // A user created later under the same name must not inherit these grants.
      await trx.deleteFrom('connector_permissions').where('account_id', '=', accountId).where('principal', '=', principalArn).execute();
      // Nor its vendor sign-ins (authorization-code tokens) and sign-ins in progress.
      await trx.deleteFrom('connector_tokens').where('account_id', '=', accountId).where('principal', '=', principalArn).execute();
      await trx.deleteFrom('oauth_states').where('account_id', '=', accountId).where('user_arn', '=', principalArn).execute();
      const r = await trx.deleteFrom('users').where('account_id', '=', accountId).where('user_name', '=', userName).executeTakeFirst();
      await trx.deleteFrom('access_keys').where('account_id', '=', accountId).where('user_name', '=', userName).execute();
      await trx.deleteFrom('group_members').where('account_id', '=', accountId).where('user_name', '=', userName).execute();
      return Number(r.numDeletedRows) > 0;
    });
  }

  async groupExists(accountId: string, groupName: string): Promise<boolean> {
    const r = await this.db.selectFrom('groups').select('group_name').where('account_id', '=', accountId).where('group_name', '=', groupName).executeTakeFirst();
    return r !== undefined;
  }

  async listGroups(accountId?: string) {
    let q = this.db.selectFrom('groups').selectAll();
    if (accountId) q = q.where('account_id', '=', accountId);
    const groups = await q.orderBy('account_id').orderBy('group_name').execute();
    let mq = this.db.selectFrom('group_members').selectAll();
    if (accountId) mq = mq.where('account_id', '=', accountId);
    const members = await mq.orderBy('user_name').execute();
    return groups.map((g) => ({
      accountId: g.account_id, groupName: g.group_name,
      members: members.filter((m) => m.account_id === g.account_id && m.group_name === g.group_name).map((m) => m.user_name),
    }));
  }

  async putGroup(accountId: string, groupName: string): Promise<void> {
    await this.db.insertInto('groups').values({ account_id: accountId, group_name: groupName }).onConflict((oc) => oc.doNothing()).execute();
  }

  async deleteGroup(accountId: string, groupName: string, principalArn: string): Promise<boolean> {
    return this.tx(async (trx) => {
      await trx.deleteFrom('connector_permissions').where('account_id', '=', accountId).where('principal', '=', principalArn).execute();
      const r = await trx.deleteFrom('groups').where('account_id', '=', accountId).where('group_name', '=', groupName).executeTakeFirst();
      await trx.deleteFrom('group_members').where('account_id', '=', accountId).where('group_name', '=', groupName).execute();
      return Number(r.numDeletedRows) > 0;
    });
  }

  async addMember(accountId: string, groupName: string, userName: string): Promise<void> {
    await this.tx(async (trx) => {
      await trx.insertInto('groups').values({ account_id: accountId, group_name: groupName }).onConflict((oc) => oc.doNothing()).execute();
      await trx.insertInto('group_members').values({ account_id: accountId, group_name: groupName, user_name: userName }).onConflict((oc) => oc.doNothing()).execute();
    });
  }

  async removeMember(accountId: string, groupName: string, userName: string): Promise<boolean> {
    const r = await this.db.deleteFrom('group_members').where('account_id', '=', accountId).where('group_name', '=', groupName).where('user_name', '=', userName).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async groupsOf(accountId: string, userName: string): Promise<string[]> {
    const view = this.identityNow();
    const ck = JSON.stringify([accountId, userName]);
    const hit = view?.groups.get(ck);
    if (hit) return [...hit];
    const rows = await this.db.selectFrom('group_members').select('group_name').where('account_id', '=', accountId).where('user_name', '=', userName).orderBy('group_name').execute();
    const groups = rows.map((r) => r.group_name);
    view?.groups.set(ck, groups);
    return [...groups];
  }

  async getAccessKey(accessKeyId: string) {
    const view = this.identityNow();
    const hit = view?.keys.get(accessKeyId);
    if (hit !== undefined) return hit === null ? undefined : { ...hit };
    const found = await this.readAccessKey(accessKeyId);
    view?.keys.set(accessKeyId, found ?? null);
    return found && { ...found };
  }

  private async readAccessKey(accessKeyId: string) {
    const r = await this.db.selectFrom('access_keys as k').innerJoin('users as u', (j) => j.onRef('u.account_id', '=', 'k.account_id').onRef('u.user_name', '=', 'k.user_name'))
      .select(['k.access_key_id', 'k.account_id', 'k.user_name', 'k.secret_sealed', 'k.status', 'k.created_at', 'u.role'])
      .where('k.access_key_id', '=', accessKeyId).executeTakeFirst();
    if (!r) return undefined;
    return {
      accessKeyId: r.access_key_id, accountId: r.account_id, userName: r.user_name, secretSealed: r.secret_sealed,
      status: r.status as 'ACTIVE' | 'INACTIVE', createdAt: Number(r.created_at), role: r.role as Role,
    };
  }

  async putAccessKey(key: AccessKeyRecord): Promise<void> {
    try {
      await this.db.insertInto('access_keys').values({
        access_key_id: key.accessKeyId, account_id: key.accountId, user_name: key.userName,
        secret_sealed: key.secretSealed, status: key.status, created_at: key.createdAt,
      }).execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw new UniqueViolation('access key exists');
      throw e;
    }
  }

  async listAccessKeys(accountId?: string, userName?: string): Promise<AccessKeyRecord[]> {
    let q = this.db.selectFrom('access_keys').selectAll();
    if (accountId) q = q.where('account_id', '=', accountId);
    if (userName) q = q.where('user_name', '=', userName);
    const rows = await q.orderBy('account_id').orderBy('user_name').orderBy('created_at').execute();
    return rows.map((r) => ({
      accessKeyId: r.access_key_id, accountId: r.account_id, userName: r.user_name, secretSealed: r.secret_sealed,
      status: r.status as 'ACTIVE' | 'INACTIVE', createdAt: Number(r.created_at),
    }));
  }

  async setAccessKeyStatus(accessKeyId: string, status: 'ACTIVE' | 'INACTIVE'): Promise<boolean> {
    const r = await this.db.updateTable('access_keys').set({ status }).where('access_key_id', '=', accessKeyId).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async deleteAccessKey(accessKeyId: string): Promise<boolean> {
    const r = await this.db.deleteFrom('access_keys').where('access_key_id', '=', accessKeyId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async getMeta(name: string): Promise<string | undefined> {
    const r = await this.db.selectFrom('meta').select('value').where('name', '=', name).executeTakeFirst();
    return r?.value;
  }

  async putMetaIfAbsent(name: string, value: string): Promise<string> {
    await this.db.insertInto('meta').values({ name, value }).onConflict((oc) => oc.doNothing()).execute();
    return (await this.getMeta(name))!;
  }

  async sealedSecrets(): Promise<SealedSecretRef[]> {
    const out: SealedSecretRef[] = [];
    // Connector secrets and tokens are bound to the connector's destination digest; until the
    // one-time re-sealing (crypto/destination-migration.ts) has run, also to the row alone.
    const legacy = (await this.getMeta(DESTINATION_AAD_META)) === undefined;
    const digests = new Map<string, string>();
    const cs = await this.db.selectFrom('connectors').selectAll().execute();
    for (const c of cs) {
      const digest = destinationDigest(toRecord(c));
      digests.set(JSON.stringify([c.region, c.account_id, c.connector_id]), digest);
      if (c.auth_secret === null) continue;
      out.push({
        table: 'connectors', rowKey: [c.region, c.account_id, c.connector_id], aad: aad.connector(c.region, c.account_id, c.connector_id, digest), sealed: c.auth_secret,
        ...(legacy ? { legacyAad: legacyAad.connector(c.region, c.account_id, c.connector_id) } : {}),
      });
    }
    const ks = await this.db.selectFrom('access_keys').select(['access_key_id', 'secret_sealed']).execute();
    for (const k of ks) out.push({ table: 'access_keys', rowKey: [k.access_key_id], aad: aad.accessKey(k.access_key_id), sealed: k.secret_sealed });
    const ms = await this.db.selectFrom('meta').select(['name', 'value']).where('name', 'like', 'secret:%').execute();
    for (const m of ms) out.push({ table: 'meta', rowKey: [m.name], aad: aad.meta(m.name), sealed: m.value });
    const ts = await this.db.selectFrom('connector_tokens').select(['region', 'account_id', 'connector_id', 'principal', 'token_sealed', 'fingerprint']).execute();
    for (const t of ts) {
      // A token outliving its connector cannot be (deleteConnector and putToken see to it); it would not open.
      const digest = digests.get(JSON.stringify([t.region, t.account_id, t.connector_id]));
      if (digest === undefined) continue;
      out.push({
        table: 'connector_tokens', rowKey: [t.region, t.account_id, t.connector_id, t.principal],
        aad: aad.connectorToken(t.region, t.account_id, t.connector_id, t.principal, digest), sealed: t.token_sealed,
        ...(legacy ? { legacyAad: legacyAad.connectorToken(t.region, t.account_id, t.connector_id, t.principal), fingerprint: t.fingerprint } : {}),
      });
    }
    const ss = await this.db.selectFrom('oauth_states').select(['state_hash', 'verifier_sealed']).execute();
    for (const st of ss) out.push({ table: 'oauth_states', rowKey: [st.state_hash], aad: aad.authState(st.state_hash), sealed: st.verifier_sealed });
    return out;
  }

  async resealSecret(ref: SealedSecretRef, to: string, fingerprint?: string): Promise<boolean> {
    let n: bigint | number;
    if (ref.table === 'connectors') {
      const [region, account, id] = ref.rowKey as [string, string, string];
      n = (await this.db.updateTable('connectors').set({ auth_secret: to })
        .where('region', '=', region).where('account_id', '=', account).where('connector_id', '=', id)
        .where('auth_secret', '=', ref.sealed).executeTakeFirst()).numUpdatedRows;
    } else if (ref.table === 'access_keys') {
      n = (await this.db.updateTable('access_keys').set({ secret_sealed: to })
        .where('access_key_id', '=', ref.rowKey[0]!).where('secret_sealed', '=', ref.sealed).executeTakeFirst()).numUpdatedRows;
    } else if (ref.table === 'connector_tokens') {
      const [region, account, id, principal] = ref.rowKey as [string, string, string, string];
      n = (await this.db.updateTable('connector_tokens').set({ token_sealed: to, ...(fingerprint !== undefined ? { fingerprint } : {}) })
        .where('region', '=', region).where('account_id', '=', account).where('connector_id', '=', id)
        .where('principal', '=', principal).where('token_sealed', '=', ref.sealed).executeTakeFirst()).numUpdatedRows;
    } else if (ref.table === 'oauth_states') {
      n = (await this.db.updateTable('oauth_states').set({ verifier_sealed: to })
        .where('state_hash', '=', ref.rowKey[0]!).where('verifier_sealed', '=', ref.sealed).executeTakeFirst()).numUpdatedRows;
    } else {
      n = (await this.db.updateTable('meta').set({ value: to })
        .where('name', '=', ref.rowKey[0]!).where('value', '=', ref.sealed).executeTakeFirst()).numUpdatedRows;
    }
    return Number(n) > 0;
  }

  // ---- connections ------------------------------------------------------------
  async getToken(key: ConnectorKey, principal: string): Promise<TokenRecord | undefined> {
    const r = await this.db.selectFrom('connector_tokens').selectAll()
      .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id)
      .where('principal', '=', principal).executeTakeFirst();
    if (!r) return undefined;
    return {
      region: r.region, accountId: r.account_id, id: r.connector_id, principal: r.principal, sealed: r.token_sealed,
      fingerprint: r.fingerprint, expiresAt: nullableNumber(r.expires_at), refreshAt: nullableNumber(r.refresh_at), updatedAt: Number(r.updated_at),
    };
  }

  async putToken(rec: TokenRecord, destination?: string): Promise<boolean> {
    const row = {
      region: rec.region, account_id: rec.accountId, connector_id: rec.id, principal: rec.principal, token_sealed: rec.sealed,
      fingerprint: rec.fingerprint, expires_at: rec.expiresAt, refresh_at: rec.refreshAt, updated_at: rec.updatedAt,
    };
    const upsert = (db: Db) => db.insertInto('connector_tokens').values(row)
      .onConflict((oc) => oc.columns(['region', 'account_id', 'connector_id', 'principal']).doUpdateSet({
        token_sealed: row.token_sealed, fingerprint: row.fingerprint, expires_at: row.expires_at, refresh_at: row.refresh_at, updated_at: row.updated_at,
      })).execute();
    if (destination === undefined) {
      await upsert(this.db);
      return true;
    }
    // Only while the connector still has the destination the token was obtained for: a token
    // requested before an update that changed it is not stored after the update dropped the others.
    return this.tx(async (trx) => {
      let q = this.where(trx, rec);
      if (this.kind === 'postgres') q = q.forUpdate();
      const c = await q.executeTakeFirst();
      if (!c || destinationDigest(toRecord(c)) !== destination) return false;
      await upsert(trx);
      return true;
    });
  }

  async deleteToken(key: ConnectorKey, principal: string, ifSealed?: string): Promise<boolean> {
    let q = this.db.deleteFrom('connector_tokens')
      .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id)
      .where('principal', '=', principal);
    if (ifSealed !== undefined) q = q.where('token_sealed', '=', ifSealed);
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async countUserTokens(key: ConnectorKey): Promise<number> {
    const r = await this.db.selectFrom('connector_tokens').select((eb) => eb.fn.countAll().as('n'))
      .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id)
      .where('principal', '<>', '').executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async putAuthState(rec: AuthStateRecord, now: number): Promise<void> {
    await this.tx(async (trx) => {
      await trx.deleteFrom('oauth_states').where('expires_at', '<', now).execute();
      await trx.insertInto('oauth_states').values({
        state_hash: rec.stateHash, region: rec.region, account_id: rec.accountId, connector_id: rec.id, user_arn: rec.userArn,
        verifier_sealed: rec.verifierSealed, redirect_uri: rec.redirectUri, fingerprint: rec.fingerprint,
        created_at: rec.createdAt, expires_at: rec.expiresAt,
      }).execute();
    });
  }

  async takeAuthState(stateHash: string): Promise<AuthStateRecord | undefined> {
    return this.tx(async (trx) => {
      const r = await trx.selectFrom('oauth_states').selectAll().where('state_hash', '=', stateHash).executeTakeFirst();
      if (!r) return undefined;
      // Whoever deletes the row owns the state; a concurrent taker deletes nothing and gets nothing.
      const d = await trx.deleteFrom('oauth_states').where('state_hash', '=', stateHash).executeTakeFirst();
      if (Number(d.numDeletedRows) !== 1) return undefined;
      return authStateOf(r);
    });
  }

  async getAuthState(stateHash: string): Promise<AuthStateRecord | undefined> {
    const r = await this.db.selectFrom('oauth_states').selectAll().where('state_hash', '=', stateHash).executeTakeFirst();
    return r ? authStateOf(r) : undefined;
  }

  async putTestResult(rec: TestResultRecord): Promise<void> {
    const row = {
      region: rec.region, account_id: rec.accountId, connector_id: rec.id, tested_at: rec.testedAt, success: rec.success ? 1 : 0,
      http_status: rec.httpStatus, message: rec.message, tested_by: rec.testedBy,
    };
    await this.db.insertInto('connection_tests').values(row)
      .onConflict((oc) => oc.columns(['region', 'account_id', 'connector_id']).doUpdateSet({
        tested_at: row.tested_at, success: row.success, http_status: row.http_status, message: row.message, tested_by: row.tested_by,
      })).execute();
  }

  async getTestResult(key: ConnectorKey): Promise<TestResultRecord | undefined> {
    const r = await this.db.selectFrom('connection_tests').selectAll()
      .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id).executeTakeFirst();
    if (!r) return undefined;
    return {
      region: r.region, accountId: r.account_id, id: r.connector_id, testedAt: Number(r.tested_at), success: Number(r.success) === 1,
      httpStatus: nullableNumber(r.http_status), message: r.message, testedBy: r.tested_by,
    };
  }

  async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    // SQLite: one node owns the database file. PostgreSQL: an advisory lock (src/store/postgres.ts).
    return this.hooks.withLock ? this.hooks.withLock(name, fn) : fn();
  }

  // ---- audit (src/store/invocations-sql.ts) -------------------------------------
  insertInvocations(recs: InvocationRecord[]): Promise<void> { return invocationsSql.insertInvocations(this.db, recs); }
  queryInvocations(q: InvocationQuery): Promise<InvocationRecord[]> { return invocationsSql.queryInvocations(this.db, q); }
  pruneInvocations(before: number, limit: number): Promise<number> { return invocationsSql.pruneInvocations(this.db, before, limit); }

  // ---- MCP bearer tokens -----------------------------------------------------

  async putMcpToken(rec: McpTokenRecord): Promise<void> {
    await this.db.insertInto('mcp_tokens').values({
      token_hash: rec.tokenHash, token_id: rec.tokenId, account_id: rec.accountId, user_name: rec.userName,
      user_created_at: rec.userCreatedAt, region: rec.region, description: rec.description,
      created_at: rec.createdAt, expires_at: rec.expiresAt, revoked_at: rec.revokedAt,
    }).execute();
  }

  async getMcpTokenByHash(tokenHash: string): Promise<McpTokenRecord | undefined> {
    const r = await this.db.selectFrom('mcp_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return r ? mcpTokenOf(r) : undefined;
  }

  async listMcpTokens(accountId?: string, userName?: string): Promise<McpTokenRecord[]> {
    let q = this.db.selectFrom('mcp_tokens').selectAll();
    if (accountId) q = q.where('account_id', '=', accountId);
    if (userName) q = q.where('user_name', '=', userName);
    return (await q.orderBy('account_id').orderBy('user_name').orderBy('created_at').orderBy('token_id').execute()).map(mcpTokenOf);
  }

  async revokeMcpToken(tokenId: string, at: number): Promise<boolean> {
    const r = await this.db.updateTable('mcp_tokens').set({ revoked_at: at }).where('token_id', '=', tokenId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}

function mcpTokenOf(r: Database['mcp_tokens']): McpTokenRecord {
  return {
    tokenHash: r.token_hash, tokenId: r.token_id, accountId: r.account_id, userName: r.user_name,
    userCreatedAt: Number(r.user_created_at), region: r.region, description: r.description,
    createdAt: Number(r.created_at), expiresAt: nullableNumber(r.expires_at), revokedAt: nullableNumber(r.revoked_at),
  };
}

function authStateOf(r: Database['oauth_states']): AuthStateRecord {
  return {
    stateHash: r.state_hash, region: r.region, accountId: r.account_id, id: r.connector_id, userArn: r.user_arn,
    verifierSealed: r.verifier_sealed, redirectUri: r.redirect_uri, fingerprint: r.fingerprint,
    createdAt: Number(r.created_at), expiresAt: Number(r.expires_at),
  };
}
