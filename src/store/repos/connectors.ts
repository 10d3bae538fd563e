// Connectors with their resource permissions and tags (tables connectors,
// connector_permissions, tags), for SQLite and PostgreSQL alike.
import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../schema.js';

/** Expressions over `connectors as c` (queryConnectors' subqueries). */
type ConnectorsEb = ExpressionBuilder<Database & { c: Database['connectors'] }, 'c'>;
import type { ConnectorKey, ConnectorQuery, ConnectorRecord, PermissionGrant, TagRecord } from '../../domain/types.js';
import { destinationDigest } from '../../domain/destination.js';
import { LimitExceeded, NotFound, UniqueViolation, type ConnectorRepository } from '../store.js';
import { preparedRead } from '../prepared.js';
import { type Db, type SqlContext, isRetryable, isUniqueViolation, toConnectorRecord, toConnectorRow, whereConnector } from '../sql.js';

const MAX_LIKE_NEEDLE = 1024;
/** Connector records kept between commits (getConnector). */
const MAX_RECENT = 10_000;

function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
/** The LIKE escape character, bound as a parameter: no quoting of a backslash in SQL text (PostgreSQL's standard_conforming_strings). */
const LIKE_ESCAPE = '\\';

function groupGrants(rows: { principal: string; action: string }[]): PermissionGrant[] {
  const m = new Map<string, string[]>();
  for (const r of rows) {
    let a = m.get(r.principal);
    if (!a) {
      a = [];
      m.set(r.principal, a);
    }
    a.push(r.action);
  }
  return [...m].map(([principal, actions]) => ({ principal, actions: actions.sort() }));
}

const compareKeys = (a: ConnectorKey, b: ConnectorKey): number => {
  const x = `${a.region}\u0000${a.accountId}\u0000${a.id}`;
  const y = `${b.region}\u0000${b.accountId}\u0000${b.id}`;
  return x < y ? -1 : x > y ? 1 : 0;
};

interface PendingInsert {
  rec: ConnectorRecord;
  permissions: PermissionGrant[];
  tags: TagRecord[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class SqlConnectors implements ConnectorRepository {
  /** The row of one connector: every Describe, invocation and check reads it (prepared, src/store/prepared.ts). */
  private readonly connectorRow;

  constructor(private readonly sql: SqlContext) {
    this.connectorRow = preparedRead(sql.db, sql.reader, 3, (db, region: string, accountId: string, id: string) =>
      whereConnector(db.selectFrom('connectors').selectAll(), { region, accountId, id }),
    );
  }

  private async insertRows(trx: Db, { rec, permissions, tags }: Pick<PendingInsert, 'rec' | 'permissions' | 'tags'>): Promise<void> {
    await trx.insertInto('connectors').values(toConnectorRow(rec)).execute();
    const perms = permissions.flatMap((p) =>
      [...new Set(p.actions)].map((action) => ({
        region: rec.region,
        account_id: rec.accountId,
        connector_id: rec.id,
        principal: p.principal,
        action,
      })),
    );
    if (perms.length)
      await trx
        .insertInto('connector_permissions')
        .values(perms)
        .onConflict((oc) => oc.doNothing())
        .execute();
    const tagRows = new Map(tags.map((t) => [t.key, t.value]));
    if (tagRows.size) {
      await trx
        .insertInto('tags')
        .values(
          [...tagRows].map(([k, v]) => ({
            region: rec.region,
            account_id: rec.accountId,
            connector_id: rec.id,
            tag_key: k,
            tag_value: v,
          })),
        )
        .execute();
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
        setImmediate(() => {
          void this.flushInserts();
        });
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
        await this.sql.tx((trx) => this.insertRows(trx, one));
        one.resolve();
      } catch (e) {
        one.reject(mapError(e));
      }
      return;
    }
    const failed = new Map<PendingInsert, unknown>();
    try {
      const trx = await this.sql.db.startTransaction().execute();
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
        await trx
          .rollback()
          .execute()
          .catch(() => undefined);
        throw e;
      }
    } catch (e) {
      if (this.sql.kind === 'postgres' && isRetryable(e)) {
        // The shared transaction lost to another node's: each insert on its own.
        await Promise.all(
          batch.map(async (item) => {
            try {
              await this.sql.tx((trx) => this.insertRows(trx, item));
              item.resolve();
            } catch (err) {
              item.reject(mapError(err));
            }
          }),
        );
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

  /**
   * Connector records as last read, while nothing was committed since (SQLite, where the read
   * connection's data_version says so exactly: any commit, by this process or another, moves it
   * and empties the cache). Records handed out are frozen, so no caller can change the cached one.
   */
  private recent = new Map<string, ConnectorRecord>();
  private recentVersion: string | undefined;

  async getConnector(key: ConnectorKey): Promise<ConnectorRecord | undefined> {
    const version = this.sql.committedVersion?.();
    const k = version === undefined ? '' : `${key.region}\u0000${key.accountId}\u0000${key.id}`;
    if (version !== undefined) {
      if (version !== this.recentVersion || this.recent.size >= MAX_RECENT) {
        this.recent.clear();
        this.recentVersion = version;
      }
      const hit = this.recent.get(k);
      if (hit) return hit;
    }
    // On SQLite the read runs synchronously, here: no commit can come between the version and the row.
    const [r] = await this.connectorRow(key.region, key.accountId, key.id);
    if (!r) return undefined;
    const rec = toConnectorRecord(r);
    if (version === undefined) return rec;
    deepFreeze(rec);
    if (this.recentVersion === version) this.recent.set(k, rec);
    return rec;
  }

  async getConnectorIfGranted(key: ConnectorKey, principals: string[], action: string): Promise<ConnectorRecord | undefined> {
    if (principals.length === 0) return undefined;
    // One query (one round trip on PostgreSQL): the row, only while one of the principals holds the action on it.
    const r = await this.sql.db
      .selectFrom('connectors as c')
      .selectAll('c')
      .where('c.region', '=', key.region)
      .where('c.account_id', '=', key.accountId)
      .where('c.connector_id', '=', key.id)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('connector_permissions as p')
            .select('p.action')
            .whereRef('p.region', '=', 'c.region')
            .whereRef('p.account_id', '=', 'c.account_id')
            .whereRef('p.connector_id', '=', 'c.connector_id')
            .where('p.action', '=', action)
            .where('p.principal', 'in', principals),
        ),
      )
      .executeTakeFirst();
    return r ? toConnectorRecord(r) : undefined;
  }

  async updateConnector(rec: ConnectorRecord, opts: { dropTokens?: boolean; previous?: ConnectorRecord } = {}): Promise<void> {
    const row = toConnectorRow(rec);
    await this.sql.tx(async (trx) => {
      const current = await this.sql.lockConnector(trx, rec);
      if (!current) throw new NotFound('connector');
      // Changed by someone else since `previous` was read: what it was compared with is stale, so drop.
      const stale =
        opts.previous !== undefined &&
        (current.auth_secret !== opts.previous.authSecret || destinationDigest(toConnectorRecord(current)) !== destinationDigest(opts.previous));
      await whereConnector(
        trx.updateTable('connectors').set({
          name: row.name,
          name_lower: row.name_lower,
          description: row.description,
          auth_type: row.auth_type,
          auth_public: row.auth_public,
          auth_secret: row.auth_secret,
          vpc_connection_arn: row.vpc_connection_arn,
          enabled_actions: row.enabled_actions,
          status: row.status,
          updated_at: row.updated_at,
        }),
        rec,
      ).execute();
      if (!opts.dropTokens && !stale) return;
      // The connector's destination or secrets changed: every token obtained for it (and
      // every sign-in in progress) goes in the same transaction.
      for (const t of ['connector_tokens', 'oauth_states'] as const) await whereConnector(trx.deleteFrom(t), rec).execute();
    });
  }

  async deleteConnector(key: ConnectorKey): Promise<boolean> {
    return this.sql.tx(async (trx) => {
      const r = await whereConnector(trx.deleteFrom('connectors'), key).executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) return false;
      for (const t of ['connector_permissions', 'tags', 'connector_tokens', 'oauth_states', 'connection_tests'] as const) {
        await whereConnector(trx.deleteFrom(t), key).execute();
      }
      return true;
    });
  }

  async queryConnectors(q: ConnectorQuery): Promise<ConnectorRecord[]> {
    let qb = this.sql.db.selectFrom('connectors as c').selectAll('c').where('c.region', '=', q.region).where('c.account_id', '=', q.accountId);
    const holds = (principals: string[], actions: string[]) => (eb: ConnectorsEb) =>
      eb.exists(
        eb
          .selectFrom('connector_permissions as p')
          .select('p.action')
          .whereRef('p.region', '=', 'c.region')
          .whereRef('p.account_id', '=', 'c.account_id')
          .whereRef('p.connector_id', '=', 'c.connector_id')
          .where('p.principal', 'in', principals)
          .where('p.action', 'in', actions),
      );
    if (q.visibleTo) {
      if (q.visibleTo.length === 0) return [];
      qb = qb.where(holds(q.visibleTo, ['quicksight:DescribeActionConnector']));
    }
    const f = q.filter;
    if (f) {
      switch (f.kind) {
        case 'nameEquals':
          qb = qb.where('c.name', '=', f.value);
          break;
        case 'nameLike':
          // Names are at most 255 characters (510 code units once lower-cased), so a longer
          // needle matches nothing; it would also exceed SQLite's LIKE pattern limit (50,000 bytes).
          if (f.value.length > MAX_LIKE_NEEDLE) return [];
          qb = qb.where(sql<boolean>`c.name_lower like ${`%${likeEscape(f.value.toLowerCase())}%`} escape ${LIKE_ESCAPE}`);
          break;
        case 'type':
          qb = qb.where('c.type', '=', f.value);
          break;
        case 'principal':
          if (f.principals.length === 0) return [];
          qb = qb.where(holds(f.principals, f.actions));
          if (f.sole) {
            qb = qb.where((eb: ConnectorsEb) =>
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('connector_permissions as o')
                    .select('o.action')
                    .whereRef('o.region', '=', 'c.region')
                    .whereRef('o.account_id', '=', 'c.account_id')
                    .whereRef('o.connector_id', '=', 'c.connector_id')
                    .where('o.principal', 'not in', f.principals)
                    .where('o.action', 'in', f.actions),
                ),
              ),
            );
          }
          break;
      }
    }
    if (q.afterId !== undefined) qb = qb.where('c.connector_id', '>', q.afterId);
    const rows = await qb.orderBy('c.connector_id').limit(q.limit).execute();
    return rows.map(toConnectorRecord);
  }

  // ---- resource permissions ----------------------------------------------
  async getPermissions(key: ConnectorKey): Promise<PermissionGrant[]> {
    return this.permissionsIn(this.sql.db, key);
  }

  private async permissionsIn(db: Db, key: ConnectorKey): Promise<PermissionGrant[]> {
    const rows = await whereConnector(db.selectFrom('connector_permissions').select(['principal', 'action']), key)
      .orderBy('principal')
      .orderBy('action')
      .execute();
    return groupGrants(rows);
  }

  async actionsOf(key: ConnectorKey, principals: string[]): Promise<Set<string>> {
    if (principals.length === 0) return new Set();
    const rows = await whereConnector(this.sql.db.selectFrom('connector_permissions').select('action'), key).where('principal', 'in', principals).execute();
    return new Set(rows.map((r) => r.action));
  }

  async updatePermissions(key: ConnectorKey, grant: PermissionGrant[], revoke: PermissionGrant[], maxPrincipals: number): Promise<PermissionGrant[]> {
    return this.sql.tx(async (trx) => {
      if (!(await this.sql.connectorExists(trx, key))) throw new NotFound('connector');
      const base = { region: key.region, account_id: key.accountId, connector_id: key.id };
      const rows = grant.flatMap((p) => [...new Set(p.actions)].map((action) => ({ ...base, principal: p.principal, action })));
      if (rows.length)
        await trx
          .insertInto('connector_permissions')
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .execute();
      for (const p of revoke) {
        await whereConnector(trx.deleteFrom('connector_permissions'), key).where('principal', '=', p.principal).where('action', 'in', p.actions).execute();
      }
      const after = await this.permissionsIn(trx, key);
      if (after.length > maxPrincipals)
        throw new LimitExceeded(`a connector may have at most ${maxPrincipals} principals; this change would leave ${after.length}`);
      return after;
    });
  }

  // ---- tags ----------------------------------------------------------------
  async listTags(key: ConnectorKey): Promise<TagRecord[]> {
    const rows = await whereConnector(this.sql.db.selectFrom('tags').select(['tag_key', 'tag_value']), key)
      .orderBy('tag_key')
      .execute();
    return rows.map((r) => ({ key: r.tag_key, value: r.tag_value }));
  }

  async tagResource(key: ConnectorKey, tags: TagRecord[], maxTags: number): Promise<void> {
    await this.sql.tx(async (trx) => {
      if (!(await this.sql.connectorExists(trx, key))) throw new NotFound('connector');
      const uniq = new Map(tags.map((t) => [t.key, t.value]));
      await trx
        .insertInto('tags')
        .values(
          [...uniq].map(([k, v]) => ({
            region: key.region,
            account_id: key.accountId,
            connector_id: key.id,
            tag_key: k,
            tag_value: v,
          })),
        )
        .onConflict((oc) => oc.columns(['region', 'account_id', 'connector_id', 'tag_key']).doUpdateSet((eb) => ({ tag_value: eb.ref('excluded.tag_value') })))
        .execute();
      const n = await whereConnector(
        trx.selectFrom('tags').select((eb) => eb.fn.countAll().as('n')),
        key,
      ).executeTakeFirstOrThrow();
      if (Number(n.n) > maxTags) throw new LimitExceeded(`a resource may have at most ${maxTags} tags; this request would leave ${Number(n.n)}`);
    });
  }

  async untagResource(key: ConnectorKey, keys: string[]): Promise<void> {
    await this.sql.tx(async (trx) => {
      if (!(await this.sql.connectorExists(trx, key))) throw new NotFound('connector');
      await whereConnector(trx.deleteFrom('tags'), key).where('tag_key', 'in', keys).execute();
    });
  }
}
