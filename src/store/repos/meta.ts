// Server metadata (table meta), for SQLite and PostgreSQL alike.
import type { MetaRepository } from '../store.js';
import type { SqlContext } from '../sql.js';

export class SqlMeta implements MetaRepository {
  constructor(private readonly sql: SqlContext) {}

  async getMeta(name: string): Promise<string | undefined> {
    const r = await this.sql.db.selectFrom('meta').select('value').where('name', '=', name).executeTakeFirst();
    return r?.value;
  }

  async putMetaIfAbsent(name: string, value: string): Promise<string> {
    await this.sql.db
      .insertInto('meta')
      .values({ name, value })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return (await this.getMeta(name))!;
  }
}
