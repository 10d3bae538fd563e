// Outbound connections' state (tables connector_tokens, oauth_states, connection_tests),
// for SQLite and PostgreSQL alike.
import type { ConnectorKey } from '../../domain/types.js';
import type { AuthStateRecord, TestResultRecord, TokenRecord } from '../../domain/connections.js';
import { destinationDigest } from '../../domain/destination.js';
import type { Database } from '../schema.js';
import type { ConnectionRepository } from '../store.js';
import { type Db, type SqlContext, nullableNumber, toConnectorRecord, whereConnector } from '../sql.js';

export class SqlConnections implements ConnectionRepository {
  constructor(private readonly sql: SqlContext) {}

  private get db() {
    return this.sql.db;
  }

  async getToken(key: ConnectorKey, principal: string): Promise<TokenRecord | undefined> {
    const r = await whereConnector(this.db.selectFrom('connector_tokens').selectAll(), key).where('principal', '=', principal).executeTakeFirst();
    if (!r) return undefined;
    return {
      region: r.region,
      accountId: r.account_id,
      id: r.connector_id,
      principal: r.principal,
      sealed: r.token_sealed,
      fingerprint: r.fingerprint,
      expiresAt: nullableNumber(r.expires_at),
      refreshAt: nullableNumber(r.refresh_at),
      updatedAt: Number(r.updated_at),
    };
  }

  async putToken(rec: TokenRecord, destination?: string): Promise<boolean> {
    const row = {
      region: rec.region,
      account_id: rec.accountId,
      connector_id: rec.id,
      principal: rec.principal,
      token_sealed: rec.sealed,
      fingerprint: rec.fingerprint,
      expires_at: rec.expiresAt,
      refresh_at: rec.refreshAt,
      updated_at: rec.updatedAt,
    };
    const upsert = (db: Db) =>
      db
        .insertInto('connector_tokens')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['region', 'account_id', 'connector_id', 'principal']).doUpdateSet({
            token_sealed: row.token_sealed,
            fingerprint: row.fingerprint,
            expires_at: row.expires_at,
            refresh_at: row.refresh_at,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    if (destination === undefined) {
      await upsert(this.db);
      return true;
    }
    // Only while the connector still has the destination the token was obtained for: a token
    // requested before an update that changed it is not stored after the update dropped the others.
    return this.sql.tx(async (trx) => {
      const c = await this.sql.lockConnector(trx, rec);
      if (!c || destinationDigest(toConnectorRecord(c)) !== destination) return false;
      await upsert(trx);
      return true;
    });
  }

  async deleteToken(key: ConnectorKey, principal: string, ifSealed?: string): Promise<boolean> {
    let q = whereConnector(this.db.deleteFrom('connector_tokens'), key).where('principal', '=', principal);
    if (ifSealed !== undefined) q = q.where('token_sealed', '=', ifSealed);
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async countUserTokens(key: ConnectorKey): Promise<number> {
    const r = await whereConnector(
      this.db.selectFrom('connector_tokens').select((eb) => eb.fn.countAll().as('n')),
      key,
    )
      .where('principal', '<>', '')
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async putAuthState(rec: AuthStateRecord, now: number): Promise<void> {
    await this.sql.tx(async (trx) => {
      await trx.deleteFrom('oauth_states').where('expires_at', '<', now).execute();
      await trx
        .insertInto('oauth_states')
        .values({
          state_hash: rec.stateHash,
          region: rec.region,
          account_id: rec.accountId,
          connector_id: rec.id,
          user_arn: rec.userArn,
          verifier_sealed: rec.verifierSealed,
          redirect_uri: rec.redirectUri,
          fingerprint: rec.fingerprint,
          created_at: rec.createdAt,
          expires_at: rec.expiresAt,
        })
        .execute();
    });
  }

  async takeAuthState(stateHash: string): Promise<AuthStateRecord | undefined> {
    return this.sql.tx(async (trx) => {
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
      region: rec.region,
      account_id: rec.accountId,
      connector_id: rec.id,
      tested_at: rec.testedAt,
      success: rec.success ? 1 : 0,
      http_status: rec.httpStatus,
      message: rec.message,
      tested_by: rec.testedBy,
    };
    await this.db
      .insertInto('connection_tests')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['region', 'account_id', 'connector_id']).doUpdateSet({
          tested_at: row.tested_at,
          success: row.success,
          http_status: row.http_status,
          message: row.message,
          tested_by: row.tested_by,
        }),
      )
      .execute();
  }

  async getTestResult(key: ConnectorKey): Promise<TestResultRecord | undefined> {
    const r = await whereConnector(this.db.selectFrom('connection_tests').selectAll(), key).executeTakeFirst();
    if (!r) return undefined;
    return {
      region: r.region,
      accountId: r.account_id,
      id: r.connector_id,
      testedAt: Number(r.tested_at),
      success: Number(r.success) === 1,
      httpStatus: nullableNumber(r.http_status),
      message: r.message,
      testedBy: r.tested_by,
    };
  }
}

function authStateOf(r: Database['oauth_states']): AuthStateRecord {
  return {
    stateHash: r.state_hash,
    region: r.region,
    accountId: r.account_id,
    id: r.connector_id,
    userArn: r.user_arn,
    verifierSealed: r.verifier_sealed,
    redirectUri: r.redirect_uri,
    fingerprint: r.fingerprint,
    createdAt: Number(r.created_at),
    expiresAt: Number(r.expires_at),
  };
}
