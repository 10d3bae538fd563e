// The query string as SigV4 clients write it: percent-encoded components ('+' is not a
// space), a name repeated for a list. Used by the routes (query members) and by SigV4
// (presigned requests).

/** Percent-decoding of one query component as SigV4 clients encode it (no '+' for space). */
function decodeComponent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `a=1&b=2&b=3` → `{ a: '1', b: ['2', '3'] }`. */
export function parseQuery(raw: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!raw) return out;
  for (const part of raw.split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    const k = decodeComponent(i < 0 ? part : part.slice(0, i));
    const v = i < 0 ? '' : decodeComponent(part.slice(i + 1));
    const prev = out[k];
    if (prev === undefined) out[k] = v;
    else if (Array.isArray(prev)) prev.push(v);
    else out[k] = [prev, v];
  }
  return out;
}
