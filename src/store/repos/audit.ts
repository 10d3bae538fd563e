// The audit trail (table `invocations`, migration 0004_audit: one row per InvokeAction,
// never changed afterwards), for SQLite and PostgreSQL alike.
import type { InvocationQuery, InvocationRecord, InvocationStatus } from '../../domain/invocations.js';
import type { Database } from '../schema.js';
import type { AuditRepository } from '../store.js';
import { type SqlContext, whereConnector } from '../sql.js';
import { preparedInsert } from '../prepared.js';

type Row = Database['invocations'];

const toRow = (r: InvocationRecord): Row => ({
  invocation_id: r.invocationId,
  region: r.region,
  account_id: r.accountId,
  connector_id: r.id,
  connector_created_at: r.connectorCreatedAt,
  connector_type: r.connectorType,
  action_id: r.actionId,
  end_user_arn: r.endUserArn,
  started_at: r.startedAt,
  status: r.status,
  http_status: r.httpStatus,
  error_code: r.errorCode,
  duration_ms: r.durationMs,
  attempts: r.attempts,
  client: r.client ?? null,
});

const toRecord = (r: Row): InvocationRecord => ({
  invocationId: r.invocation_id,
  region: r.region,
  accountId: r.account_id,
  id: r.connector_id,
  connectorCreatedAt: Number(r.connector_created_at),
  connectorType: r.connector_type,
  actionId: r.action_id,
  endUserArn: r.end_user_arn,
  startedAt: Number(r.started_at),
  status: r.status as InvocationStatus,
  httpStatus: r.http_status === null ? null : Number(r.http_status),
  errorCode: r.error_code,
  durationMs: Number(r.duration_ms),
  attempts: Number(r.attempts),
  client: r.client ?? null,
});

/** Rows per INSERT statement: far below SQLite's 32,766 bound parameters (14 per row). */
const CHUNK = 500;

/** Batches up to this many rows use an INSERT compiled once per row count (preparedInsert). */
const COMPILED_ROWS = 32;

export class SqlAudit implements AuditRepository {
  /**
   * Every invocation writes a record, and building and compiling the 15-column INSERT
   * through Kysely's builder cost more than running it: batches up to COMPILED_ROWS use an
   * INSERT compiled once per row count (src/store/prepared.ts).
   */
  private readonly compiledInsert;

  constructor(private readonly sql: SqlContext) {
    this.compiledInsert = preparedInsert(sql.db, 'invocations', COMPILED_ROWS);
  }

  async insertInvocations(recs: InvocationRecord[]): Promise<void> {
    if (recs.length === 0) return;
    if (recs.length <= COMPILED_ROWS) {
      await this.sql.db.executeQuery(this.compiledInsert(recs.map(toRow)));
      return;
    }
    if (recs.length <= CHUNK) {
      await this.sql.db.insertInto('invocations').values(recs.map(toRow)).execute();
      return;
    }
    await this.sql.db.transaction().execute(async (trx) => {
      for (let i = 0; i < recs.length; i += CHUNK)
        await trx
          .insertInto('invocations')
          .values(recs.slice(i, i + CHUNK).map(toRow))
          .execute();
    });
  }

  async queryInvocations(q: InvocationQuery): Promise<InvocationRecord[]> {
    let qb = whereConnector(this.sql.db.selectFrom('invocations').selectAll(), q).where('connector_created_at', '=', q.connectorCreatedAt);
    const before = q.before;
    if (before) {
      qb = qb.where((eb) =>
        eb.or([eb('started_at', '<', before.startedAt), eb.and([eb('started_at', '=', before.startedAt), eb('invocation_id', '<', before.invocationId)])]),
      );
    }
    const rows = await qb.orderBy('started_at', 'desc').orderBy('invocation_id', 'desc').limit(q.limit).execute();
    return rows.map(toRecord);
  }

  async pruneInvocations(before: number, limit: number): Promise<number> {
    // DELETE ... LIMIT is not portable; a bounded subquery on the primary key is.
    const r = await this.sql.db
      .deleteFrom('invocations')
      .where('invocation_id', 'in', (eb) =>
        eb.selectFrom('invocations').select('invocation_id').where('started_at', '<', before).orderBy('started_at').orderBy('invocation_id').limit(limit),
      )
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
