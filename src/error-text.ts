// What a caught value says about itself, for messages and logs. `catch (e)` gives
// `unknown`: these read the name and message of an Error (or of any object with a
// string `name` / `message`) without a cast, and give undefined for anything else.

const member = (e: unknown, key: 'name' | 'message'): string | undefined => {
  if (typeof e !== 'object' || e === null || !(key in e)) return undefined;
  const v: unknown = Reflect.get(e, key);
  return typeof v === 'string' ? v : undefined;
};

/** The caught value's `name` (an Error's: 'TypeError', 'AccessDeniedException', ...). */
export const errorName = (e: unknown): string | undefined => member(e, 'name');

/** The caught value's `message`. */
export const errorMessage = (e: unknown): string | undefined => member(e, 'message');

/** The caught value's `code` (Node's system errors: 'EEXIST'; drivers: '23505'). */
export const errorCode = (e: unknown): string | undefined => {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  return typeof e.code === 'string' ? e.code : undefined;
};

/** The caught value's message (or the value itself) on one line, at most `max` characters: for operator-facing texts. */
export const oneLine = (e: unknown, max = 200): string =>
  String(errorMessage(e) ?? e)
    .replace(/\s+/g, ' ')
    .slice(0, max);
