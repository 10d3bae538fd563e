// Connectors' MCP servers (issue 19): each put or refresh of the tool list is a new version;
// the connector row's mcp_server_version names the current one, so a connector record (and
// every cache of it) says which tools are its actions. Writes lock the connector row and
// compare its version (and incarnation) with the one the operation read, as
// api-definitions.ts does; a connector with an API definition takes no MCP server.
import type { ConnectorRecord } from '../../domain/types.js';
import { type McpServerRecord, type McpServerRepository, NotFound, Stale } from '../store.js';
import { type SqlContext, whereConnector } from '../sql.js';
import type { Db } from '../sql.js';

export class SqlMcpServers implements McpServerRepository {
  constructor(private readonly sql: SqlContext) {}

  /** The connector row locked, checked to be the incarnation and version `rec` was read at. */
  private async locked(trx: Db, rec: ConnectorRecord): Promise<{ last: number }> {
    const row = await this.sql.lockConnector(trx, rec);
    if (!row || Number(row.created_at) !== rec.createdAt) throw new NotFound('connector');
    const current = row.mcp_server_version === null || row.mcp_server_version === undefined ? null : Number(row.mcp_server_version);
    if (current !== rec.mcpServerVersion) throw new Stale('mcp server');
    if (row.api_definition_version !== null && row.api_definition_version !== undefined) throw new Stale('api definition');
    return { last: Number(row.mcp_server_last ?? 0) };
  }

  async putMcpServer(
    rec: ConnectorRecord,
    def: Omit<McpServerRecord, 'version' | 'connectorCreatedAt'>,
    enabledActions: string[],
    keep: number,
  ): Promise<number> {
    return this.sql.tx(async (trx) => {
      // Versions keep counting across deletes: a version names one tool list, for good (caches rely on it).
      const version = (await this.locked(trx, rec)).last + 1;
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
      await this.locked(trx, rec);
      await whereConnector(trx.deleteFrom('mcp_servers'), rec).execute();
      await whereConnector(
        trx.updateTable('connectors').set({ mcp_server_version: null, enabled_actions: JSON.stringify(enabledActions), updated_at: now }),
        rec,
      ).execute();
    });
  }
}
