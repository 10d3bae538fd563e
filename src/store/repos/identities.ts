// Users, groups, memberships and access keys (tables users, groups, group_members,
// access_keys), for SQLite and PostgreSQL alike. The identity reads every signed
// request makes (access key, groups) are served from memory while the database says
// nothing changed: SQLite's data_version and this process's own writes
// (src/store/open.ts); on PostgreSQL, notifications of every node's writes heard on a
// connection that listens for them, and the cache bypassed while it is not
// (src/store/notify.ts).
import type { AccessKeyRecord, Role, UserRecord } from '../../domain/types.js';
import { UniqueViolation, type IdentityRepository } from '../store.js';
import { type SqlContext, isUniqueViolation } from '../sql.js';

type AccessKeyRow = AccessKeyRecord & { role: Role };
interface IdentityView {
  version: string;
  keys: Map<string, AccessKeyRow>;
  /** Key ids found nowhere: kept apart and few, so ids sprayed at random neither grow memory nor push out real keys. */
  unknown: Set<string>;
  groups: Map<string, string[]>;
}

/** Entries of a view (keys and groups) before it starts again empty; unknown key ids likewise. */
const MAX_ENTRIES = 10_000;
const MAX_UNKNOWN = 1_000;

export class SqlIdentities implements IdentityRepository {
  /**
   * @param dataVersion where the database can say so, a value that changes whenever
   * identity rows (users, access_keys, groups, group_members) may have changed, by this
   * process or any other; undefined while it cannot say (the cache is then bypassed).
   * With it, the identity reads every signed request makes (access key, groups) are
   * served from memory until the next change — the same answers, without two queries per request.
   */
  constructor(
    private readonly sql: SqlContext,
    private readonly dataVersion?: () => string | undefined,
  ) {}

  private identity: IdentityView = { version: '', keys: new Map(), unknown: new Set(), groups: new Map() };
  /** The identity cache valid now. Entries are filed under the version read before their query, so a change during it only ever discards them. */
  private identityNow(): IdentityView | undefined {
    const version = this.dataVersion?.();
    if (version === undefined) return undefined;
    if (version !== this.identity.version || this.identity.keys.size + this.identity.groups.size > MAX_ENTRIES) {
      this.identity = { version, keys: new Map(), unknown: new Set(), groups: new Map() };
    }
    return this.identity;
  }

  identityVersion(): string | undefined {
    return this.identityNow()?.version;
  }

  private get db() {
    return this.sql.db;
  }

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
        await this.db
          .insertInto('users')
          .values(row)
          .onConflict((oc) => oc.columns(['account_id', 'user_name']).doUpdateSet({ role: user.role }))
          .execute();
      } else {
        await this.db.insertInto('users').values(row).execute();
      }
    } catch (e) {
      if (isUniqueViolation(e)) throw new UniqueViolation('user exists');
      throw e;
    }
  }

  async deleteUser(accountId: string, userName: string, principalArn: string): Promise<boolean> {
    return this.sql.tx(async (trx) => {
      // A user created later under the same name must not inherit these grants.
      await trx.deleteFrom('connector_grants').where('account_id', '=', accountId).where('principal', '=', principalArn).execute();
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
    const r = await this.db
      .selectFrom('groups')
      .select('group_name')
      .where('account_id', '=', accountId)
      .where('group_name', '=', groupName)
      .executeTakeFirst();
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
      accountId: g.account_id,
      groupName: g.group_name,
      members: members.filter((m) => m.account_id === g.account_id && m.group_name === g.group_name).map((m) => m.user_name),
    }));
  }

  async putGroup(accountId: string, groupName: string): Promise<void> {
    await this.db
      .insertInto('groups')
      .values({ account_id: accountId, group_name: groupName })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async deleteGroup(accountId: string, groupName: string, principalArn: string): Promise<boolean> {
    return this.sql.tx(async (trx) => {
      await trx.deleteFrom('connector_grants').where('account_id', '=', accountId).where('principal', '=', principalArn).execute();
      const r = await trx.deleteFrom('groups').where('account_id', '=', accountId).where('group_name', '=', groupName).executeTakeFirst();
      await trx.deleteFrom('group_members').where('account_id', '=', accountId).where('group_name', '=', groupName).execute();
      return Number(r.numDeletedRows) > 0;
    });
  }

  async addMember(accountId: string, groupName: string, userName: string): Promise<void> {
    await this.sql.tx(async (trx) => {
      await trx
        .insertInto('groups')
        .values({ account_id: accountId, group_name: groupName })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await trx
        .insertInto('group_members')
        .values({ account_id: accountId, group_name: groupName, user_name: userName })
        .onConflict((oc) => oc.doNothing())
        .execute();
    });
  }

  async removeMember(accountId: string, groupName: string, userName: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('group_members')
      .where('account_id', '=', accountId)
      .where('group_name', '=', groupName)
      .where('user_name', '=', userName)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async groupsOf(accountId: string, userName: string): Promise<string[]> {
    const view = this.identityNow();
    const ck = `${accountId}\u0000${userName}`;
    const hit = view?.groups.get(ck);
    if (hit) return [...hit];
    const rows = await this.db
      .selectFrom('group_members')
      .select('group_name')
      .where('account_id', '=', accountId)
      .where('user_name', '=', userName)
      .orderBy('group_name')
      .execute();
    const groups = rows.map((r) => r.group_name);
    view?.groups.set(ck, groups);
    return [...groups];
  }

  async getAccessKey(accessKeyId: string): Promise<AccessKeyRow | undefined> {
    const view = this.identityNow();
    const hit = view?.keys.get(accessKeyId);
    if (hit !== undefined) return { ...hit };
    if (view?.unknown.has(accessKeyId)) return undefined;
    const found = await this.readAccessKey(accessKeyId);
    if (found) view?.keys.set(accessKeyId, found);
    else if (view) {
      if (view.unknown.size >= MAX_UNKNOWN) view.unknown.clear();
      view.unknown.add(accessKeyId);
    }
    return found && { ...found };
  }

  private async readAccessKey(accessKeyId: string): Promise<AccessKeyRow | undefined> {
    const r = await this.db
      .selectFrom('access_keys as k')
      .innerJoin('users as u', (j) => j.onRef('u.account_id', '=', 'k.account_id').onRef('u.user_name', '=', 'k.user_name'))
      .select(['k.access_key_id', 'k.account_id', 'k.user_name', 'k.secret_sealed', 'k.status', 'k.created_at', 'u.role'])
      .where('k.access_key_id', '=', accessKeyId)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      accessKeyId: r.access_key_id,
      accountId: r.account_id,
      userName: r.user_name,
      secretSealed: r.secret_sealed,
      status: r.status as 'ACTIVE' | 'INACTIVE',
      createdAt: Number(r.created_at),
      role: r.role as Role,
    };
  }

  async putAccessKey(key: AccessKeyRecord): Promise<void> {
    try {
      await this.db
        .insertInto('access_keys')
        .values({
          access_key_id: key.accessKeyId,
          account_id: key.accountId,
          user_name: key.userName,
          secret_sealed: key.secretSealed,
          status: key.status,
          created_at: key.createdAt,
        })
        .execute();
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
      accessKeyId: r.access_key_id,
      accountId: r.account_id,
      userName: r.user_name,
      secretSealed: r.secret_sealed,
      status: r.status as 'ACTIVE' | 'INACTIVE',
      createdAt: Number(r.created_at),
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
}
