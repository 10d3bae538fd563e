// Global setup of the `postgres` vitest project: checks the database answers, and at
// the end drops every schema this run created (servers stopped by a test drop their
// own; child servers killed mid-test leave theirs). Schemas of runs older than a day
// (an interrupted run) are dropped too; those of runs going on now are left alone.
import pg from 'pg';

export default async function setup() {
  const url = process.env.ACTIONBRIDGE_TEST_PG_URL!;
  const run = process.env.ACTIONBRIDGE_TEST_PG_RUN!;
  const query = async (text: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query<{ nspname: string }>(text)).rows;
    } finally {
      await c.end();
    }
  };
  const dropWhere = async (keep: (name: string) => boolean) => {
    const schemas = await query("select nspname from pg_namespace where nspname like 'abt\\_%'");
    for (const { nspname } of schemas) {
      if (keep(nspname)) continue;
      await query(`drop schema if exists "${nspname}" cascade`).catch(() => undefined);
    }
  };
  try {
    await query('select 1');
  } catch (e) {
    throw new Error(`ACTIONBRIDGE_TEST_PG_URL is set but PostgreSQL does not answer there: ${(e as Error).message}`);
  }
  const dayAgo = Math.floor(Date.now() / 1000) - 24 * 3600;
  await dropWhere((name) => {
    // A run id starts with the run's start time: 6 base-36 digits of epoch seconds.
    const ts = parseInt((name.split('_')[1] ?? '').slice(0, 6), 36);
    return !(Number.isFinite(ts) && ts < dayAgo);
  });
  return async () => {
    await dropWhere((name) => !name.startsWith(`abt_${run}_`));
  };
}
