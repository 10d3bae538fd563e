// Prepared reads for the hot paths (a signed Describe, an invocation): the query is
// written once in Kysely, like every other, and compiled once; each call then only binds
// its values. Building and compiling a Kysely query per request (operation nodes, a
// visitor, frozen objects) cost about as much as running it did.
//
// Where the store has a read connection (SQLite: a second, read-only connection on the
// same file; WAL lets it read while the writer writes) the statement runs there,
// synchronously, on better-sqlite3's cached statement. It sees only committed data: a
// transaction in progress on the write connection (Kysely awaits between its statements,
// so other requests run meanwhile) is invisible to it, exactly as it is to Kysely's own
// reads, which wait for the connection. On PostgreSQL the compiled query is a named
// prepared statement on each pool connection (src/store/postgres.ts, namedReader): the
// database parses and plans it once per connection, not once per request.
import { type Compilable, type CompiledQuery, type Kysely, createQueryId } from 'kysely';
import type { Database } from './schema.js';

/**
 * Runs one SELECT on a connection that sees only committed data; returns its rows (SQLite's
 * read connection synchronously, PostgreSQL's pool as a named prepared statement).
 */
export type RawReader = (sql: string, parameters: readonly unknown[]) => unknown[] | Promise<unknown[]>;

/** Where a compiled parameter's value comes from: an argument of the call, or a constant of the query. */
type Slot = { arg: number } | { value: unknown };

const sentinel = (i: number) => `\u0000prepared-arg-${i}\u0000`;

/**
 * A read compiled once: `build` writes the query with its arguments; it is called once,
 * with placeholder values, to learn the SQL text and where each argument goes. Each
 * argument must be bound as a parameter exactly once (as `where(col, '=', arg)` binds it);
 * anything else is a programming error, reported at the first call.
 */
export function preparedRead<A extends string[], R>(
  db: Kysely<Database>,
  reader: RawReader | undefined,
  arity: A['length'],
  build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
): (...args: A) => Promise<R[]> {
  let compiled: { query: CompiledQuery<R>; slots: Slot[] } | undefined;
  const compile = () => {
    const placeholders = Array.from({ length: arity }, (_, i) => sentinel(i)) as A;
    const query = build(db, ...placeholders).compile();
    const slots: Slot[] = query.parameters.map((p) => {
      const i = placeholders.indexOf(p as string);
      return i >= 0 ? { arg: i } : { value: p };
    });
    for (let i = 0; i < arity; i++) {
      if (slots.filter((s) => 'arg' in s && s.arg === i).length !== 1)
        throw new Error(`preparedRead: argument ${i} is not bound exactly once in: ${query.sql}`);
    }
    return { query, slots };
  };
  return (...args: A): Promise<R[]> => {
    compiled ??= compile();
    const { query, slots } = compiled;
    const parameters = slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    if (reader) {
      try {
        return Promise.resolve(reader(query.sql, parameters) as R[] | Promise<R[]>);
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return db.executeQuery<R>({ ...query, parameters, queryId: createQueryId() }).then((r) => r.rows);
  };
}
