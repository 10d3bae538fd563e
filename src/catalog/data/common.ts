// Schema pieces several catalogs share.

/** A base64 string whose decoded size is at most `maxBytes`. */
export function base64Schema(maxBytes: number): Record<string, unknown> {
  return {
    type: 'string',
    contentEncoding: 'base64',
    maxLength: Math.ceil(maxBytes / 3) * 4,
    // A plain class, not groups of four: a grouped pattern overflows the regex stack on megabytes.
    pattern: '^[A-Za-z0-9+/]*={0,2}$',
  };
}
