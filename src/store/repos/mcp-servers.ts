// Connectors' MCP servers (issue 19): each put or refresh of the tool list is a new version;
// the connector row's mcp_server_version names the current one, so a connector record (and
// every cache of it) says which tools are its actions. Writes lock the connector row and
// compare its version (and incarnation) with the one the operation read, as
// api-definitions.ts does; a connector with an API definition takes no MCP server.
import type { ConnectorRecord } from '../../domain/types.js';
import { NotFound, type McpOAuthRecord, type McpServerRecord, type McpServerRepository } from '../store.js';
import { type SqlContext, whereConnector } from '../sql.js';

export class SqlMcpServers implements McpServerRepository {
  constructor(private readonly sql: SqlContext) {}

  async putMcpServer(
    rec: ConnectorRecord,
    def: Omit<McpServerRecord, 'version' | 'connectorCreatedAt'>,
    enabledActions: string[],
    keep: number,
  ): Promise<number> {
    return this.sql.tx(async (trx) => {
      // Versions keep counting across deletes: a version names one tool list, for good (caches rely on it).
      const version = (await this.sql.lockVersioned(trx, rec, 'mcp_server')).last + 1;
      await trx
        .insertInto('mcp_servers')
        .values({
          region: rec.region,
          account_id: rec.accountId,
          connector_id: rec.id,
          version,
          connector_created_at: rec.createdAt,
          server_path: def.serverPath,
          transport: def.transport,
          tools: def.tools,
          summary: def.summary,
          created_at: def.createdAt,
          created_by: def.createdBy,
        })
        .execute();
      await whereConnector(
        trx
          .updateTable('connectors')
          .set({ mcp_server_version: version, mcp_server_last: version, enabled_actions: JSON.stringify(enabledActions), updated_at: def.createdAt }),
        rec,
      ).execute();
      await whereConnector(trx.deleteFrom('mcp_servers'), rec)
        .where('version', '<=', version - keep)
        .execute();
      return version;
    });
  }

  async getMcpServer(rec: ConnectorRecord, version: number): Promise<McpServerRecord | undefined> {
    const r = await whereConnector(this.sql.db.selectFrom('mcp_servers').selectAll(), rec)
      .where('version', '=', version)
      .where('connector_created_at', '=', rec.createdAt)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      version: Number(r.version),
      connectorCreatedAt: Number(r.connector_created_at),
      serverPath: r.server_path,
      transport: r.transport,
      tools: r.tools,
      summary: r.summary,
      createdAt: Number(r.created_at),
      createdBy: r.created_by,
    };
  }

  async removeMcpServer(rec: ConnectorRecord, enabledActions: string[], now: number): Promise<void> {
    await this.sql.tx(async (trx) => {
      await this.sql.lockVersioned(trx, rec, 'mcp_server');
      await whereConnector(trx.deleteFrom('mcp_servers'), rec).execute();
      // The client registered for the server and the tokens obtained through it go with it.
      const oauth = await whereConnector(trx.deleteFrom('mcp_oauth'), rec).executeTakeFirst();
      if (Number(oauth.numDeletedRows) > 0) {
        for (const t of ['connector_tokens', 'oauth_states'] as const) await whereConnector(trx.deleteFrom(t), rec).execute();
      }
      await whereConnector(
        trx.updateTable('connectors').set({ mcp_server_version: null, enabled_actions: JSON.stringify(enabledActions), updated_at: now }),
        rec,
      ).execute();
    });
  }

  async getMcpOAuth(rec: ConnectorRecord): Promise<McpOAuthRecord | undefined> {
    const r = await whereConnector(this.sql.db.selectFrom('mcp_oauth').selectAll(), rec).where('connector_created_at', '=', rec.createdAt).executeTakeFirst();
    if (!r) return undefined;
    return { config: r.config, clientSecretSealed: r.client_secret_sealed, updatedAt: Number(r.updated_at) };
  }

  async putMcpOAuth(rec: ConnectorRecord, row: McpOAuthRecord): Promise<{ changed: boolean }> {
    return this.sql.tx(async (trx) => {
      const c = await this.sql.lockConnector(trx, rec);
      if (!c || Number(c.created_at) !== rec.createdAt) throw new NotFound('connector');
      const before = await whereConnector(trx.selectFrom('mcp_oauth').select(['config', 'connector_created_at']), rec).executeTakeFirst();
      const changed = !before || before.config !== row.config || Number(before.connector_created_at) !== rec.createdAt;
      await whereConnector(trx.deleteFrom('mcp_oauth'), rec).execute();
      await trx
        .insertInto('mcp_oauth')
        .values({
          region: rec.region,
          account_id: rec.accountId,
          connector_id: rec.id,
          connector_created_at: rec.createdAt,
          config: row.config,
          client_secret_sealed: row.clientSecretSealed,
          updated_at: row.updatedAt,
        })
        .execute();
      // Tokens and sign-ins obtained from another server, client or resource are not used again.
      if (changed) for (const t of ['connector_tokens', 'oauth_states'] as const) await whereConnector(trx.deleteFrom(t), rec).execute();
      return { changed };
    });
  }
}
