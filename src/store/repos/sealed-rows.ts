// Every sealed secret as stored, across tables, for re-sealing (src/crypto/sealed-secrets.ts
// decides what each is bound to): the store lists rows and replaces values compare-and-set.
import { createHash } from 'node:crypto';
import type { SealedRow, SealedRowStore } from '../../crypto/sealed-secrets.js';
import type { ConnectorRecord } from '../../domain/types.js';
import { type SqlContext, toConnectorRecord, whereConnector } from '../sql.js';

/** The connector a row key of connectors or connector_tokens names: (region, account, id[, principal]). */
const keyOf = (rowKey: string[]) => ({ region: rowKey[0]!, accountId: rowKey[1]!, id: rowKey[2]! });

export class SqlSealedRows implements SealedRowStore {
  constructor(private readonly sql: SqlContext) {}

  private get db() {
    return this.sql.db;
  }

  async list(): Promise<SealedRow[]> {
    const out: SealedRow[] = [];
    const connectors = new Map<string, ConnectorRecord>();
    for (const c of await this.db.selectFrom('connectors').selectAll().execute()) {
      const rec = toConnectorRecord(c);
      connectors.set(JSON.stringify([c.region, c.account_id, c.connector_id]), rec);
      if (c.auth_secret !== null) out.push({ table: 'connectors', rowKey: [c.region, c.account_id, c.connector_id], sealed: c.auth_secret, connector: rec });
    }
    const ks = await this.db.selectFrom('access_keys').select(['access_key_id', 'secret_sealed']).execute();
    for (const k of ks) out.push({ table: 'access_keys', rowKey: [k.access_key_id], sealed: k.secret_sealed });
    const ms = await this.db.selectFrom('meta').select(['name', 'value']).where('name', 'like', 'secret:%').execute();
    for (const m of ms) out.push({ table: 'meta', rowKey: [m.name], sealed: m.value });
    const ts = await this.db
      .selectFrom('connector_tokens')
      .select(['region', 'account_id', 'connector_id', 'principal', 'token_sealed', 'fingerprint'])
      .execute();
    for (const t of ts) {
      // A token outliving its connector cannot be (deleteConnector and putToken see to it); it would not open.
      const connector = connectors.get(JSON.stringify([t.region, t.account_id, t.connector_id]));
      if (connector === undefined) continue;
      out.push({
        table: 'connector_tokens',
        rowKey: [t.region, t.account_id, t.connector_id, t.principal],
        sealed: t.token_sealed,
        connector,
        fingerprint: t.fingerprint,
      });
    }
    const ss = await this.db.selectFrom('oauth_states').select(['state_hash', 'verifier_sealed']).execute();
    for (const st of ss) out.push({ table: 'oauth_states', rowKey: [st.state_hash], sealed: st.verifier_sealed });
    const os = await this.db
      .selectFrom('mcp_oauth')
      .select(['region', 'account_id', 'connector_id', 'config', 'client_secret_sealed'])
      .where('client_secret_sealed', 'is not', null)
      .execute();
    for (const o of os) {
      const hash = createHash('sha256').update(o.config).digest('hex');
      out.push({ table: 'mcp_oauth', rowKey: [o.region, o.account_id, o.connector_id, hash], sealed: o.client_secret_sealed! });
    }
    return out;
  }

  async reseal(row: SealedRow, to: string, fingerprint?: string): Promise<boolean> {
    let n: bigint | number;
    if (row.table === 'connectors') {
      n = (
        await whereConnector(this.db.updateTable('connectors').set({ auth_secret: to }), keyOf(row.rowKey))
          .where('auth_secret', '=', row.sealed)
          .executeTakeFirst()
      ).numUpdatedRows;
    } else if (row.table === 'access_keys') {
      n = (
        await this.db
          .updateTable('access_keys')
          .set({ secret_sealed: to })
          .where('access_key_id', '=', row.rowKey[0]!)
          .where('secret_sealed', '=', row.sealed)
          .executeTakeFirst()
      ).numUpdatedRows;
    } else if (row.table === 'connector_tokens') {
      n = (
        await whereConnector(
          this.db.updateTable('connector_tokens').set({ token_sealed: to, ...(fingerprint !== undefined ? { fingerprint } : {}) }),
          keyOf(row.rowKey),
        )
          .where('principal', '=', row.rowKey[3]!)
          .where('token_sealed', '=', row.sealed)
          .executeTakeFirst()
      ).numUpdatedRows;
    } else if (row.table === 'mcp_oauth') {
      n = (
        await whereConnector(this.db.updateTable('mcp_oauth').set({ client_secret_sealed: to }), keyOf(row.rowKey))
          .where('client_secret_sealed', '=', row.sealed)
          .executeTakeFirst()
      ).numUpdatedRows;
    } else if (row.table === 'oauth_states') {
      n = (
        await this.db
          .updateTable('oauth_states')
          .set({ verifier_sealed: to })
          .where('state_hash', '=', row.rowKey[0]!)
          .where('verifier_sealed', '=', row.sealed)
          .executeTakeFirst()
      ).numUpdatedRows;
    } else {
      n = (await this.db.updateTable('meta').set({ value: to }).where('name', '=', row.rowKey[0]!).where('value', '=', row.sealed).executeTakeFirst())
        .numUpdatedRows;
    }
    return Number(n) > 0;
  }
}
