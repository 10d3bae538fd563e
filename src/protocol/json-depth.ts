// How deeply a JSON text may nest. Parsing is not the problem; everything that walks
// the parsed value afterwards (validation, mapping, redaction, JSON.stringify) is
// recursive, and a body of 100 000 '[' would overflow the stack there. Bodies are
// checked as they arrive, before they are parsed.

/** The deepest nesting of objects and arrays a request body may have. */
export const MAX_JSON_DEPTH = 100;

/** Whether the JSON text (UTF-8 bytes or a string) nests objects and arrays deeper than `max`; strings are skipped. */
export function jsonNestsDeeper(text: Uint8Array | string, max = MAX_JSON_DEPTH): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next byte is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** The message of the refusal, for every place that parses a body. */
export const TOO_DEEP = `it nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels`;
