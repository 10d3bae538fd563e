// Connectors' MCP servers (issue 19): each put or refresh of the tool list is a new version;
// the connector row's mcp_server_version names the current one, so a connector record (and
// every cache of it) says which tools are its actions. Writes lock the connector row and
// compare its version (and incarnation) with the one the operation read, as
// api-definitions.ts does; a connector with an API definition takes no MCP server.
import type { ConnectorRecord } from '../../domain/types.js';
import type { McpServerRecord, McpServerRepository } from '../store.js';
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
      await whereConnector(
        trx.updateTable('connectors').set({ mcp_server_version: null, enabled_actions: JSON.stringify(enabledActions), updated_at: now }),
        rec,
      ).execute();
    });
  }
}
