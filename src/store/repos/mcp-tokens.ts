// MCP bearer tokens (table mcp_tokens: SHA-256 hashes only), for SQLite and PostgreSQL alike.
import type { McpTokenRecord } from '../../domain/mcp-tokens.js';
import type { Database } from '../schema.js';
import type { McpTokenRepository } from '../store.js';
import { type SqlContext, nullableNumber } from '../sql.js';

export class SqlMcpTokens implements McpTokenRepository {
  constructor(private readonly sql: SqlContext) {}

  private get db() {
    return this.sql.db;
  }

  async putMcpToken(rec: McpTokenRecord): Promise<void> {
    await this.db
      .insertInto('mcp_tokens')
      .values({
        token_hash: rec.tokenHash,
        token_id: rec.tokenId,
        account_id: rec.accountId,
        user_name: rec.userName,
        user_created_at: rec.userCreatedAt,
        region: rec.region,
        description: rec.description,
        created_at: rec.createdAt,
        expires_at: rec.expiresAt,
        revoked_at: rec.revokedAt,
      })
      .execute();
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
    const r = await this.db
      .updateTable('mcp_tokens')
      .set({ revoked_at: at })
      .where('token_id', '=', tokenId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}

function mcpTokenOf(r: Database['mcp_tokens']): McpTokenRecord {
  return {
    tokenHash: r.token_hash,
    tokenId: r.token_id,
    accountId: r.account_id,
    userName: r.user_name,
    userCreatedAt: Number(r.user_created_at),
    region: r.region,
    description: r.description,
    createdAt: Number(r.created_at),
    expiresAt: nullableNumber(r.expires_at),
    revokedAt: nullableNumber(r.revoked_at),
  };
}
