// Connectors with their resource permissions and tags (tables connectors,
// connector_grants, tags), for SQLite and PostgreSQL alike.
import { type CompiledQuery, type RawBuilder, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { ConnectorKey, ConnectorQuery, ConnectorRecord, ConnectorSummaryRecord, PermissionGrant, TagRecord } from '../../domain/types.js';
import { destinationDigest } from '../../domain/destination.js';
import { LimitExceeded, NotFound, UniqueViolation, type ConnectorRepository } from '../store.js';
import { preparedInsert, preparedRead } from '../prepared.js';
import { type Db, type SqlContext, isRetryable, isUniqueViolation, toConnectorRecord, toConnectorRow, whereConnector } from '../sql.js';
import { deepFreeze } from '../../deep-freeze.js';
import { grantActions, grantMask } from '../grant-bits.js';

type ConnectorGrantRow = Database['connector_grants'];
type TagRow = Database['tags'];

const MAX_LIKE_NEEDLE = 1024;
/** A connector's grant and tag rows, up to this many, go in an INSERT compiled once per count; more (rare) through the builder. */
const MAX_PREPARED_ROWS = 16;
/** Connector records kept between commits (getConnector). */
const MAX_RECENT = 10_000;
/** Grant decisions kept between commits (getConnectorIfGranted, where the store caches them). */
const MAX_DECISIONS = 10_000;
/** Pages of summaries kept between commits (queryConnectors). */
const MAX_PAGES = 1_000;

/**
 * Values kept while a version stands still: asked under another version, it starts empty;
 * full, it drops the entry used longest ago (a bounded LRU). A value is filed under the
 * version read before it was: if the version has moved on meanwhile, it is dropped, never served.
 */
class UntilCommitted<V> {
  private readonly entries = new Map<string, V>();
  private version: string | undefined;

  constructor(private readonly max: number) {}

  get(version: string, key: string): V | undefined {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
      return undefined;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined && this.entries.size > 1) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(version: string, key: string, value: V): void {
    if (this.version !== version) return;
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
  }
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
/** The LIKE escape character, bound as a parameter: no quoting of a backslash in SQL text (PostgreSQL's standard_conforming_strings). */
const LIKE_ESCAPE = '\\';
const DESCRIBE = 'quicksight:DescribeActionConnector';

/** Case-insensitive substring match on the name of `alias` (the needle taken literally: % and _ escaped). */
const nameLike = (alias: 'c' | 'x', needle: string): RawBuilder<boolean> =>
  sql<boolean>`${sql.ref(`${alias}.name_lower`)} like ${`%${likeEscape(needle.toLowerCase())}%`} escape ${LIKE_ESCAPE}`;

/** `alias.actions` has one of the bits of `mask` (src/store/grant-bits.ts). */
const hasAny = (alias: 'o' | 'p', mask: number): RawBuilder<boolean> => sql<boolean>`(${sql.ref(`${alias}.actions`)} & ${mask}) <> 0`;

/**
 * Whether any of `principals` holds any of `actions` on the connector `c` (a seek in the
 * grants' primary key); `others`: whether any principal but them does.
 */
const holds = (principals: string[], actions: string[], others = false): RawBuilder<boolean> =>
  sql<boolean>`exists (select 1 from connector_grants o where o.region = c.region and o.account_id = c.account_id and o.connector_id = c.connector_id and o.principal ${others ? sql`not in` : sql`in`} (${sql.join(principals)}) and ${hasAny('o', grantMask(actions))})`;

/** Grants as the API lists them: principals in order, each with its actions by name. */
const toGrants = (rows: { principal: string; actions: number }[]): PermissionGrant[] =>
  rows.map((r) => ({ principal: r.principal, actions: grantActions(r.actions) })).filter((g) => g.actions.length > 0);

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

/**
 * The rows one new connector is stored as: its row, one grant row per principal (its
 * actions as bits, a principal named twice getting both grants' actions), one tag row per
 * key (the last value of a repeated key). Exported for bench/scale.mjs, which loads many
 * connectors exactly as Create stores them.
 */
export function connectorRows({ rec, permissions, tags }: Pick<PendingInsert, 'rec' | 'permissions' | 'tags'>) {
  const { region, accountId: account_id, id: connector_id } = rec;
  const masks = new Map<string, number>();
  for (const p of permissions) masks.set(p.principal, (masks.get(p.principal) ?? 0) | grantMask(p.actions));
  const perms: ConnectorGrantRow[] = [];
  for (const [principal, actions] of masks) if (actions) perms.push({ region, account_id, connector_id, principal, actions });
  const tagRows: TagRow[] = [];
  for (const [tag_key, tag_value] of new Map(tags.map((t) => [t.key, t.value]))) tagRows.push({ region, account_id, connector_id, tag_key, tag_value });
  return { connector: toConnectorRow(rec), permissions: perms, tags: tagRows };
}

export class SqlConnectors implements ConnectorRepository {
  /** The row of one connector: every Describe, invocation and check reads it (prepared, src/store/prepared.ts). */
  private readonly connectorRow;

  /** The INSERTs of a Create's rows, compiled once (src/store/prepared.ts). */
  private readonly insertConnectorRow;
  private readonly insertGrantRows;
  private readonly insertTagRows;

  constructor(private readonly sql: SqlContext) {
    this.insertConnectorRow = preparedInsert(sql.db, 'connectors', 1);
    this.insertGrantRows = preparedInsert(sql.db, 'connector_grants', MAX_PREPARED_ROWS);
    this.insertTagRows = preparedInsert(sql.db, 'tags', MAX_PREPARED_ROWS);
    this.connectorRow = preparedRead(sql.db, sql.reader, 3, (db, region: string, accountId: string, id: string) =>
      whereConnector(db.selectFrom('connectors').selectAll(), { region, accountId, id }),
    );
  }

  private async insertRows(trx: Db, item: Pick<PendingInsert, 'rec' | 'permissions' | 'tags'>): Promise<void> {
    const rows = connectorRows(item);
    await trx.executeQuery(this.insertConnectorRow([rows.connector]));
    await this.insertChildren(trx, rows);
  }

  /** The statements of a connector's grant and tag rows. */
  private childInserts(rows: ReturnType<typeof connectorRows>): CompiledQuery[] {
    const { permissions, tags } = rows;
    const out: CompiledQuery[] = [];
    if (permissions.length > MAX_PREPARED_ROWS) out.push(this.sql.db.insertInto('connector_grants').values(permissions).compile());
    else if (permissions.length) out.push(this.insertGrantRows(permissions));
    if (tags.length > MAX_PREPARED_ROWS) out.push(this.sql.db.insertInto('tags').values(tags).compile());
    else if (tags.length) out.push(this.insertTagRows(tags));
    return out;
  }

  private async insertChildren(trx: Db, rows: ReturnType<typeof connectorRows>): Promise<void> {
    for (const q of this.childInserts(rows)) await trx.executeQuery(q);
  }

  private pendingInserts: PendingInsert[] | undefined;

  /**
   * Group commit: the inserts that arrive within one turn of the event loop share
   * one transaction, each inside its own savepoint (on SQLite, one synchronous batch whose
   * statements suffice, see flushInserts), so each succeeds or fails on its
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
    if (this.sql.syncBatch) {
      // SQLite: the whole batch in one synchronous transaction. No savepoint is needed: a
      // constraint failure undoes only its own statement and the transaction goes on. The
      // connector's row is its first statement: a create whose id exists fails there having
      // written nothing. Any other failure, or one in a later statement, fails the whole batch.
      const failed = new Map<PendingInsert, unknown>();
      try {
        await this.sql.syncBatch((run) => {
          for (const item of batch) {
            const rows = connectorRows(item);
            try {
              run(this.insertConnectorRow([rows.connector]));
            } catch (e) {
              if (!isUniqueViolation(e)) throw e;
              failed.set(item, e);
              continue;
            }
            for (const q of this.childInserts(rows)) run(q);
          }
        });
      } catch (e) {
        for (const item of batch) item.reject(mapError(e));
        return;
      }
      for (const item of batch) {
        if (failed.has(item)) item.reject(mapError(failed.get(item)));
        else item.resolve();
      }
      return;
    }
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
   * Connector records as last read, while nothing that could change them was committed since
   * (the store's committedVersion — SQLite: this process's writes to connectors, permissions
   * and tags, and any commit by another process; PostgreSQL: this node's writes and every
   * node's, heard as notifications, src/store/notify.ts — undefined, so bypassed, while the
   * node does not listen). Records handed out are frozen, so no caller can change the cached one.
   */
  private readonly recent = new UntilCommitted<ConnectorRecord>(MAX_RECENT);

  async getConnector(key: ConnectorKey): Promise<ConnectorRecord | undefined> {
    const version = this.sql.committedVersion?.();
    const k = `${key.region}\u0000${key.accountId}\u0000${key.id}`;
    const hit = version === undefined ? undefined : this.recent.get(version, k);
    if (hit) return hit;
    // On SQLite the read runs synchronously, here: no commit can come between the version and the row.
    // On PostgreSQL a change committed during the read moves the version on: what set() files under the old one is never served.
    const [r] = await this.connectorRow(key.region, key.accountId, key.id);
    if (!r) return undefined;
    const rec = toConnectorRecord(r);
    if (version === undefined) return rec;
    this.recent.set(version, k, deepFreeze(rec));
    return rec;
  }

  /**
   * Grant decisions (where the store caches them: PostgreSQL): for one connector, action and
   * set of principals, the frozen record the grant let through, or null for a refusal (an
   * absent connector or no grant), under the same version as connector records — a grant,
   * revocation, update or delete anywhere moves it on.
   */
  private readonly decisions = new UntilCommitted<ConnectorRecord | null>(MAX_DECISIONS);

  async getConnectorIfGranted(key: ConnectorKey, principals: string[], action: string): Promise<ConnectorRecord | undefined> {
    if (principals.length === 0) return undefined;
    const version = this.sql.cacheGrants ? this.sql.committedVersion?.() : undefined;
    let k: string | undefined;
    if (version !== undefined) {
      k = `${key.region}\u0000${key.accountId}\u0000${key.id}\u0000${action}\u0000${principals.join('\u0000')}`;
      const hit = this.decisions.get(version, k);
      if (hit !== undefined) return hit ?? undefined;
    }
    // One query (one round trip on PostgreSQL): the row, only while one of the principals holds the action on it.
    const r = await this.sql.db
      .selectFrom('connectors as c')
      .selectAll('c')
      .where('c.region', '=', key.region)
      .where('c.account_id', '=', key.accountId)
      .where('c.connector_id', '=', key.id)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('connector_grants as p')
            .select('p.actions')
            .whereRef('p.region', '=', 'c.region')
            .whereRef('p.account_id', '=', 'c.account_id')
            .whereRef('p.connector_id', '=', 'c.connector_id')
            .where('p.principal', 'in', principals)
            .where(hasAny('p', grantMask([action]))),
        ),
      )
      .executeTakeFirst();
    const rec = r ? toConnectorRecord(r) : undefined;
    if (version === undefined || k === undefined) return rec;
    if (rec) deepFreeze(rec);
    this.decisions.set(version, k, rec ?? null);
    return rec;
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
      for (const t of [
        'connector_grants',
        'tags',
        'connector_tokens',
        'oauth_states',
        'connection_tests',
        'api_definitions',
        'mcp_servers',
        'mcp_oauth',
      ] as const) {
        await whereConnector(trx.deleteFrom(t), key).execute();
      }
      return true;
    });
  }

  /**
   * A page of summaries, in connector id order after `afterId`, reading only the summary's
   * columns (never the auth config, sealed secrets or JSON columns). Every shape runs down
   * an index in key order and stops after `limit` rows (bench/scale.mjs, EXPLAIN there):
   *
   * - no filter: the primary key (region, account_id, connector_id);
   * - name StringEquals / type: connectors_by_name / connectors_by_type, whose last
   *   column is connector_id, so the keyset range is a seek in that index;
   * - name StringLike (a substring, which no btree can seek): connectors_by_name_lower
   *   (region, account_id, connector_id, name_lower), walked in key order, the LIKE
   *   tested on the index entry; it stops at the `limit`-th match, so what bounds it is
   *   how many entries precede that match — the whole account when fewer match (about
   *   30 ms for 100,000 connectors with no match, bench/scale.mjs);
   * - grants (a non-ADMIN caller's visibility, or a principal filter): driven from the
   *   grants themselves, see grantDriven.
   */
  /**
   * Pages of summaries as last read, while nothing that could change them was committed since
   * (the same version as connector records). A page read while a commit lands is filed under
   * the version read before it, which that commit has already moved on: it is never served.
   */
  private readonly pages = new UntilCommitted<readonly ConnectorSummaryRecord[]>(MAX_PAGES);

  async queryConnectors(q: ConnectorQuery): Promise<ConnectorSummaryRecord[]> {
    // SQLite only: on PostgreSQL, List and Search read the database every time (correctness
    // first; only Describe's record and grant decision are kept there).
    const version = this.sql.kind === 'sqlite' ? this.sql.committedVersion?.() : undefined;
    if (version === undefined) return this.readSummaries(q);
    const k = JSON.stringify(q);
    const hit = this.pages.get(version, k);
    if (hit) return [...hit];
    const page = await this.readSummaries(q);
    for (const r of page) Object.freeze(r);
    this.pages.set(version, k, page);
    return [...page];
  }

  /** The page read from the database, past the page cache (queryConnectors; bench/scale.mjs measures it). */
  async readSummaries(q: ConnectorQuery): Promise<ConnectorSummaryRecord[]> {
    if (q.visibleTo?.length === 0) return [];
    const f = q.filter;
    // Names are at most 255 characters (510 code units once lower-cased), so a longer
    // needle matches nothing; it would also exceed SQLite's LIKE pattern limit (50,000 bytes).
    if (f?.kind === 'nameLike' && f.value.length > MAX_LIKE_NEEDLE) return [];
    if (f?.kind === 'principal' && f.principals.length === 0) return [];
    // The grants that drive the scan: the caller's visibility, else a principal filter.
    const drive = q.visibleTo
      ? { principals: q.visibleTo, actions: [DESCRIBE] }
      : f?.kind === 'principal'
        ? { principals: f.principals, actions: f.actions }
        : undefined;
    const conditions: RawBuilder<boolean>[] = [];
    if (f) {
      switch (f.kind) {
        case 'nameEquals':
          conditions.push(sql<boolean>`c.name = ${f.value}`);
          break;
        case 'nameLike':
          conditions.push(nameLike('c', f.value));
          break;
        case 'type':
          conditions.push(sql<boolean>`c.type = ${f.value}`);
          break;
        case 'principal':
          // Driving the scan when the caller is an ADMIN; otherwise a condition on what the caller's grants find.
          if (q.visibleTo) conditions.push(holds(f.principals, f.actions));
          if (f.sole) conditions.push(sql<boolean>`not ${holds(f.principals, f.actions, true)}`);
          break;
      }
    }
    const base = this.sql.db
      .selectFrom('connectors as c')
      .select(['c.connector_id', 'c.name', 'c.type', 'c.status', 'c.created_at', 'c.updated_at'])
      .where('c.region', '=', q.region)
      .where('c.account_id', '=', q.accountId);
    let qb = base;
    if (drive) {
      qb = qb.where('c.connector_id', 'in', this.grantDriven(q, drive, conditions));
    } else if (f?.kind === 'nameLike') {
      // The ids alone first, from connectors_by_name_lower (a covering index: the LIKE is
      // tested on index entries, ~4× faster than reading each row), then their rows.
      let ids = this.sql.db
        .selectFrom('connectors as x')
        .select('x.connector_id')
        .where('x.region', '=', q.region)
        .where('x.account_id', '=', q.accountId)
        .where(nameLike('x', f.value));
      if (q.afterId !== undefined) ids = ids.where('x.connector_id', '>', q.afterId);
      qb = qb.where('c.connector_id', 'in', ids.orderBy('x.connector_id').limit(q.limit));
    } else {
      for (const c of conditions) qb = qb.where(c);
      if (q.afterId !== undefined) qb = qb.where('c.connector_id', '>', q.afterId);
    }
    const rows = await qb.orderBy('c.connector_id').limit(q.limit).execute();
    const out = new Array<ConnectorSummaryRecord>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      out[i] = {
        id: r.connector_id,
        name: r.name,
        type: r.type as ConnectorSummaryRecord['type'],
        status: r.status as ConnectorSummaryRecord['status'],
        createdAt: Number(r.created_at),
        updatedAt: Number(r.updated_at),
      };
    }
    return out;
  }

  /**
   * The ids of a page reached through grants: for each principal, the grants index
   * connector_grants_by_principal (region, account_id, principal, connector_id, actions)
   * gives that principal's connectors in id order from the keyset position, those whose
   * grant has one of the actions (tested on the index entry) each checked against the
   * other conditions on its row, and at most `limit` are taken; the page is the first
   * `limit` of their union. So a page costs at most limit × principals index entries
   * plus the non-matching grants skipped, however many
   * connectors the account has — where testing every connector for a grant (EXISTS)
   * walked the whole account for a caller who may see 1 % of it.
   */
  private grantDriven(q: ConnectorQuery, drive: { principals: string[]; actions: string[] }, conditions: RawBuilder<boolean>[]) {
    const db = this.sql.db;
    const mask = grantMask(drive.actions);
    const arms = drive.principals.map((principal) => {
      let g = db
        .selectFrom('connector_grants as p')
        .select('p.connector_id as id')
        .where('p.region', '=', q.region)
        .where('p.account_id', '=', q.accountId)
        .where('p.principal', '=', principal)
        .where(hasAny('p', mask));
      if (q.afterId !== undefined) g = g.where('p.connector_id', '>', q.afterId);
      if (conditions.length && this.sql.kind === 'postgres') {
        // PostgreSQL's planner would rather hash-join every connector matching the
        // conditions (a substring: a scan of all of them) and sort; a LATERAL lookup per
        // grant keeps the walk down the grants index, stopping at the page.
        g = g.innerJoinLateral(
          (eb) => {
            let one = eb
              .selectFrom('connectors as c')
              .select(sql<number>`1`.as('one'))
              .whereRef('c.region', '=', 'p.region')
              .whereRef('c.account_id', '=', 'p.account_id')
              .whereRef('c.connector_id', '=', 'p.connector_id');
            for (const c of conditions) one = one.where(c);
            return one.limit(1).as('m');
          },
          (jb) => jb.onTrue(),
        ) as unknown as typeof g;
      } else if (conditions.length) {
        let j = g.innerJoin('connectors as c', (jb) =>
          jb.onRef('c.region', '=', 'p.region').onRef('c.account_id', '=', 'p.account_id').onRef('c.connector_id', '=', 'p.connector_id'),
        );
        for (const c of conditions) j = j.where(c);
        g = j as unknown as typeof g;
      }
      // A derived table: a LIMIT inside one arm of a UNION is only allowed there on SQLite.
      return db.selectFrom(g.orderBy('p.connector_id').limit(q.limit).as('g')).select('g.id');
    });
    return arms.reduce((a, b) => a.unionAll(b));
  }

  // ---- resource permissions ----------------------------------------------
  async getPermissions(key: ConnectorKey): Promise<PermissionGrant[]> {
    return this.permissionsIn(this.sql.db, key);
  }

  private async permissionsIn(db: Db, key: ConnectorKey): Promise<PermissionGrant[]> {
    const rows = await whereConnector(db.selectFrom('connector_grants').select(['principal', 'actions']), key)
      .orderBy('principal')
      .execute();
    return toGrants(rows);
  }

  async actionsOf(key: ConnectorKey, principals: string[]): Promise<Set<string>> {
    if (principals.length === 0) return new Set();
    const rows = await whereConnector(this.sql.db.selectFrom('connector_grants').select('actions'), key).where('principal', 'in', principals).execute();
    let mask = 0;
    for (const r of rows) mask |= r.actions;
    return new Set(grantActions(mask));
  }

  async updatePermissions(key: ConnectorKey, grant: PermissionGrant[], revoke: PermissionGrant[], maxPrincipals: number): Promise<PermissionGrant[]> {
    return this.sql.tx(async (trx) => {
      if (!(await this.sql.connectorExists(trx, key))) throw new NotFound('connector');
      // Grants first (a principal's new actions added to its bits), then revocations (its
      // bits cleared): an action both granted and revoked in one request ends revoked.
      const masks = new Map<string, number>();
      for (const p of grant) masks.set(p.principal, (masks.get(p.principal) ?? 0) | grantMask(p.actions));
      const rows = [...masks]
        .filter(([, actions]) => actions !== 0)
        .map(([principal, actions]) => ({ region: key.region, account_id: key.accountId, connector_id: key.id, principal, actions }));
      if (rows.length)
        await trx
          .insertInto('connector_grants')
          .values(rows)
          .onConflict((oc) =>
            oc
              .columns(['region', 'account_id', 'connector_id', 'principal'])
              .doUpdateSet({ actions: sql<number>`connector_grants.actions | excluded.actions` }),
          )
          .execute();
      for (const p of revoke) {
        const keep = ~grantMask(p.actions);
        // A grant is never stored empty (the table checks actions > 0): one losing all its bits goes.
        await whereConnector(trx.deleteFrom('connector_grants'), key)
          .where('principal', '=', p.principal)
          .where(sql<boolean>`(actions & ${keep}) = 0`)
          .execute();
        await whereConnector(trx.updateTable('connector_grants').set({ actions: sql<number>`actions & ${keep}` }), key)
          .where('principal', '=', p.principal)
          .execute();
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
