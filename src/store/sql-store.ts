// The Store, written once in Kysely for both SQLite and PostgreSQL.
import { type Kysely, type Transaction, Migrator, sql } from 'kysely';
import type {
  AccessKeyRecord, ConnectorKey, ConnectorQuery, ConnectorRecord, PermissionGrant, Role, TagRecord, UserRecord,
} from '../domain/types.js';
import { aad } from '../domain/aad.js';
import type { Database } from './schema.js';
import { migrationProvider } from './migrations.js';
import { LimitExceeded, NotFound, type SealedSecretRef, type Store, UniqueViolation } from './store.js';

type Db = Kysely<Database> | Transaction<Database>;
type ConnectorRow = Database['connectors'];

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

const MAX_LIKE_NEEDLE = 1024;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

function groupGrants(rows: { principal: string; action: string }[]): PermissionGrant[] {
  const m = new Map<string, string[]>();
  for (const r of rows) {
    let a = m.get(r.principal);
    if (!a) { a = []; m.set(r.principal, a); }
    a.push(r.action);
  }
  return [...m].map(([principal, actions]) => ({ principal, actions: actions.sort() }));
}

export class SqlStore implements Store {
  constructor(readonly db: Kysely<Database>, readonly kind: 'sqlite' | 'postgres') {}

  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: migrationProvider });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error');
      throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String((error as Error).message ?? error)}`);
    }
  }

  async close(): Promise<void> { await this.db.destroy(); }

  private where(db: Db, key: ConnectorKey) {
    return db.selectFrom('connectors').selectAll()
      .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id);
  }

  private async connectorExists(db: Db, key: ConnectorKey): Promise<boolean> {
    const r = await db.selectFrom('connectors').select('connector_id')
      .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id)
      .executeTakeFirst();
    return r !== undefined;
  }

  async insertConnector(rec: ConnectorRecord, permissions: PermissionGrant[], tags: TagRecord[]): Promise<void> {
    try {
      await this.db.transaction().execute(async (trx) => {
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
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new UniqueViolation('connector exists');
      throw e;
    }
  }

  async getConnector(key: ConnectorKey): Promise<ConnectorRecord | undefined> {
    const r = await this.where(this.db, key).executeTakeFirst();
    return r ? toRecord(r) : undefined;
  }

  async updateConnector(rec: ConnectorRecord): Promise<void> {
    const row = toRow(rec);
    const r = await this.db.updateTable('connectors').set({
      name: row.name, name_lower: row.name_lower, description: row.description, auth_type: row.auth_type,
      auth_public: row.auth_public, auth_secret: row.auth_secret, vpc_connection_arn: row.vpc_connection_arn,
      enabled_actions: row.enabled_actions, status: row.status, updated_at: row.updated_at,
    }).where('region', '=', rec.region).where('account_id', '=', rec.accountId).where('connector_id', '=', rec.id)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new NotFound('connector');
  }

  async deleteConnector(key: ConnectorKey): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const r = await trx.deleteFrom('connectors')
        .where('region', '=', key.region).where('account_id', '=', key.accountId).where('connector_id', '=', key.id)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) return false;
      for (const t of ['connector_permissions', 'tags'] as const) {
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
          qb = qb.where(sql<boolean>`c.name_lower like ${`%${likeEscape(f.value.toLowerCase())}%`} escape '\\'`); break;
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
    return this.db.transaction().execute(async (trx) => {
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
    await this.db.transaction().execute(async (trx) => {
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
    await this.db.transaction().execute(async (trx) => {
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
    return this.db.transaction().execute(async (trx) => {
      // A user created later under the same name must not inherit these grants.
      await trx.deleteFrom('connector_permissions').where('account_id', '=', accountId).where('principal', '=', principalArn).execute();
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
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('connector_permissions').where('account_id', '=', accountId).where('principal', '=', principalArn).execute();
      const r = await trx.deleteFrom('groups').where('account_id', '=', accountId).where('group_name', '=', groupName).executeTakeFirst();
      await trx.deleteFrom('group_members').where('account_id', '=', accountId).where('group_name', '=', groupName).execute();
      return Number(r.numDeletedRows) > 0;
    });
  }

  async addMember(accountId: string, groupName: string, userName: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('groups').values({ account_id: accountId, group_name: groupName }).onConflict((oc) => oc.doNothing()).execute();
      await trx.insertInto('group_members').values({ account_id: accountId, group_name: groupName, user_name: userName }).onConflict((oc) => oc.doNothing()).execute();
    });
  }

  async removeMember(accountId: string, groupName: string, userName: string): Promise<boolean> {
    const r = await this.db.deleteFrom('group_members').where('account_id', '=', accountId).where('group_name', '=', groupName).where('user_name', '=', userName).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async groupsOf(accountId: string, userName: string): Promise<string[]> {
    const rows = await this.db.selectFrom('group_members').select('group_name').where('account_id', '=', accountId).where('user_name', '=', userName).orderBy('group_name').execute();
    return rows.map((r) => r.group_name);
  }

  async getAccessKey(accessKeyId: string) {
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
    const cs = await this.db.selectFrom('connectors').select(['region', 'account_id', 'connector_id', 'auth_secret']).where('auth_secret', 'is not', null).execute();
    for (const c of cs) out.push({ table: 'connectors', rowKey: [c.region, c.account_id, c.connector_id], aad: aad.connector(c.region, c.account_id, c.connector_id), sealed: c.auth_secret! });
    const ks = await this.db.selectFrom('access_keys').select(['access_key_id', 'secret_sealed']).execute();
    for (const k of ks) out.push({ table: 'access_keys', rowKey: [k.access_key_id], aad: aad.accessKey(k.access_key_id), sealed: k.secret_sealed });
    const ms = await this.db.selectFrom('meta').select(['name', 'value']).where('name', 'like', 'secret:%').execute();
    for (const m of ms) out.push({ table: 'meta', rowKey: [m.name], aad: aad.meta(m.name), sealed: m.value });
    return out;
  }

  async resealSecret(ref: SealedSecretRef, to: string): Promise<boolean> {
    let n: bigint | number;
    if (ref.table === 'connectors') {
      const [region, account, id] = ref.rowKey as [string, string, string];
      n = (await this.db.updateTable('connectors').set({ auth_secret: to })
        .where('region', '=', region).where('account_id', '=', account).where('connector_id', '=', id)
        .where('auth_secret', '=', ref.sealed).executeTakeFirst()).numUpdatedRows;
    } else if (ref.table === 'access_keys') {
      n = (await this.db.updateTable('access_keys').set({ secret_sealed: to })
        .where('access_key_id', '=', ref.rowKey[0]!).where('secret_sealed', '=', ref.sealed).executeTakeFirst()).numUpdatedRows;
    } else {
      n = (await this.db.updateTable('meta').set({ value: to })
        .where('name', '=', ref.rowKey[0]!).where('value', '=', ref.sealed).executeTakeFirst()).numUpdatedRows;
    }
    return Number(n) > 0;
  }
}
