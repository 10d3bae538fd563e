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

/**
 * An INSERT of rows into `table`, compiled once per row count: building and compiling a
 * many-column INSERT through Kysely's builder cost more than running it (the audit record
 * of every invocation, the rows of every Create). The text depends only on the number of
 * rows (and the columns, which are the first row's keys and must be every row's), so it is
 * compiled with a distinct marker as each value; the markers' places in the parameter list
 * say where each value goes. The same compiled query (the same query id) also keeps what
 * plugins decided about it (src/store/open.ts counts the writes to connector tables).
 * Up to `maxRows` rows; the caller sends larger batches through the builder.
 */
export function preparedInsert<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  maxRows: number,
): (rows: readonly Database[T][]) => CompiledQuery {
  const compiled = new Map<number, { query: CompiledQuery; columns: string[]; slots: [number, string][] }>();
  const compile = (n: number, columns: string[]) => {
    const slotOf = new Map<string, [number, string]>();
    const markers = Array.from({ length: n }, (_, i) => {
      const m: Record<string, string> = {};
      for (const col of columns) {
        const marker = `\u0000insert-slot:${i}:${col}\u0000`;
        slotOf.set(marker, [i, col]);
        m[col] = marker;
      }
      return m;
    });
    // biome-ignore lint/suspicious/noExplicitAny: the rows are checked against the table by the callers' types; here only their keys matter
    const query = (db.insertInto(table) as any).values(markers).compile() as CompiledQuery;
    const slots = query.parameters.map((p) => {
      const slot = typeof p === 'string' ? slotOf.get(p) : undefined;
      if (!slot) throw new TypeError(`preparedInsert(${table}): a compiled parameter is not one of the row values`);
      return slot;
    });
    if (slots.length !== slotOf.size) throw new TypeError(`preparedInsert(${table}): the compiled query does not take every row value once`);
    return { query, columns, slots };
  };
  return (rows) => {
    if (rows.length === 0 || rows.length > maxRows) throw new RangeError(`preparedInsert(${table}): ${rows.length} rows (1 to ${maxRows})`);
    const columns = Object.keys(rows[0] as object);
    let c = compiled.get(rows.length);
    if (!c || c.columns.length !== columns.length || c.columns.some((col, i) => col !== columns[i])) {
      c = compile(rows.length, columns);
      compiled.set(rows.length, c);
    }
    const slots = c.slots;
    const parameters = new Array<unknown>(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const [row, col] = slots[i]!;
      const v = (rows[row] as unknown as Record<string, unknown>)[col];
      parameters[i] = v === undefined ? null : v;
    }
    return { ...c.query, parameters };
  };
}
