// Connectors' API definitions (issue 17): each put is a new version; the connector row's
// api_definition_version names the current one, so a connector record (and every cache of
// it) says which defined actions it has. Writes lock the connector row and compare its
// version (and incarnation) with the one the operation read: two puts racing cannot both
// win, nor can a put land on a connector deleted and created again meanwhile.
import type { ConnectorRecord } from '../../domain/types.js';
import type { ApiDefinitionRecord, ApiDefinitionRepository } from '../store.js';
import { type SqlContext, whereConnector } from '../sql.js';

export class SqlApiDefinitions implements ApiDefinitionRepository {
  constructor(private readonly sql: SqlContext) {}

  async putApiDefinition(
    rec: ConnectorRecord,
    def: Omit<ApiDefinitionRecord, 'version' | 'connectorCreatedAt'>,
    enabledActions: string[],
    keep: number,
  ): Promise<number> {
    return this.sql.tx(async (trx) => {
      // Versions keep counting across deletes of the definition: a version names one document, for good (caches rely on it).
      const version = (await this.sql.lockVersioned(trx, rec, 'api_definition')).last + 1;
      await trx
        .insertInto('api_definitions')
        .values({
          region: rec.region,
          account_id: rec.accountId,
          connector_id: rec.id,
          version,
          connector_created_at: rec.createdAt,
          document: def.document,
          document_json: def.documentJson,
          filters: JSON.stringify(def.filters),
          summary: def.summary,
          created_at: def.createdAt,
          created_by: def.createdBy,
        })
        .execute();
      await whereConnector(
        trx
          .updateTable('connectors')
          .set({ api_definition_version: version, api_definition_last: version, enabled_actions: JSON.stringify(enabledActions), updated_at: def.createdAt }),
        rec,
      ).execute();
      await whereConnector(trx.deleteFrom('api_definitions'), rec)
        .where('version', '<=', version - keep)
        .execute();
      return version;
    });
  }

  async getApiDefinition(rec: ConnectorRecord, version: number): Promise<ApiDefinitionRecord | undefined> {
    const r = await whereConnector(this.sql.db.selectFrom('api_definitions').selectAll(), rec)
      .where('version', '=', version)
      .where('connector_created_at', '=', rec.createdAt)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      version: Number(r.version),
      connectorCreatedAt: Number(r.connector_created_at),
      document: r.document,
      documentJson: r.document_json,
      filters: JSON.parse(r.filters) as ApiDefinitionRecord['filters'],
      summary: r.summary,
      createdAt: Number(r.created_at),
      createdBy: r.created_by,
    };
  }

  async removeApiDefinition(rec: ConnectorRecord, enabledActions: string[], now: number): Promise<void> {
    await this.sql.tx(async (trx) => {
      await this.sql.lockVersioned(trx, rec, 'api_definition');
      await whereConnector(trx.deleteFrom('api_definitions'), rec).execute();
      await whereConnector(
        trx.updateTable('connectors').set({ api_definition_version: null, enabled_actions: JSON.stringify(enabledActions), updated_at: now }),
        rec,
      ).execute();
    });
  }
}
