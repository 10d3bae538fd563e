// What must never reach a log line. Members that name secrets are censored
// wherever they appear in a logged object (pino's own `redact` only knows fixed
// paths); error text is scrubbed by keyword and, when the request carried
// secrets, by their values — an error from a driver or library may quote them
// without naming them.
export const CENSOR = '[redacted]';

/** Member and header names whose values are secret, compared case-insensitively without '-' and '_'. */
const SECRET_NAMES = new Set([
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'xamzsecuritytoken',
  'password',
  'apikey',
  'clientsecret',
  'secret',
  'secretaccesskey',
  'secretkey',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'sessiontoken',
]);
const norm = (k: string) => k.toLowerCase().replace(/[-_]/g, '');
/** Member names seen, and whether each names a secret: log objects repeat a small set of names. */
const seenNames = new Map<string, boolean>();
const MAX_SEEN_NAMES = 10_000;
export function isSecretName(k: string): boolean {
  let secret = seenNames.get(k);
  if (secret === undefined) {
    secret = SECRET_NAMES.has(norm(k));
    if (seenNames.size < MAX_SEEN_NAMES) seenNames.set(k, secret);
  }
  return secret;
}

/** Text after a secret-naming word, and SigV4 Authorization values. */
const KEYWORD = /(secret|password|apikey|api_key|token|authorization|credential)([^\n]{0,200})/gi;
const SIGV4 = /AWS4-HMAC-SHA256[^\n]*/g;

/** Removes the given values (at least 4 characters long) and anything after a secret-naming word. */
export function scrubText(s: string | undefined, values: readonly string[] = []): string | undefined {
  if (s === undefined) return s;
  let out = s;
  for (const v of values) if (v.length >= 4) out = out.split(v).join(CENSOR);
  return out.replace(SIGV4, CENSOR).replace(KEYWORD, `$1 ${CENSOR}`);
}

/** The string values of secret-naming members anywhere in a request body (JSON), for scrubText. */
export function secretValuesIn(body: unknown): string[] {
  const out: string[] = [];
  let v: unknown = body;
  if (Buffer.isBuffer(body) || typeof body === 'string') {
    const text = body.toString();
    try {
      v = JSON.parse(text);
    } catch {
      // Not JSON: pick out "Secret": "value" pairs as best we can.
      for (const m of text.matchAll(/"([\w-]+)"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) if (isSecretName(m[1]!)) out.push(m[2]!);
      return out;
    }
  }
  const walk = (o: unknown, depth: number) => {
    if (!o || typeof o !== 'object' || depth > 32) return;
    const entries: [string, unknown][] = Object.entries(o);
    for (const [k, x] of entries) {
      if (typeof x === 'string' && isSecretName(k)) out.push(x);
      else walk(x, depth + 1);
    }
  };
  walk(v, 0);
  return out;
}

/** A copy of a log object with secret members censored at any depth and error text scrubbed. */
export function redactDeep(v: unknown, depth = 0): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (depth > 16) return '[too deep]';
  if (v instanceof Error) {
    const code = 'code' in v ? v.code : undefined;
    return { type: v.name, message: scrubText(v.message), stack: scrubText(v.stack), ...(code !== undefined ? { code } : {}) };
  }
  if (Array.isArray(v)) return v.map((x) => redactDeep(x, depth + 1));
  if (Buffer.isBuffer(v) || ArrayBuffer.isView(v)) return `[${(v as Uint8Array).length} bytes]`;
  const out: Record<string, unknown> = {};
  const entries: [string, unknown][] = Object.entries(v);
  for (const [k, x] of entries) {
    out[k] =
      isSecretName(k) && x !== undefined && x !== null
        ? CENSOR
        : (k === 'message' || k === 'stack') && typeof x === 'string'
          ? scrubText(x)
          : redactDeep(x, depth + 1);
  }
  return out;
}

/** Whether an object needs redactDeep: cheap check so plain request lines pass untouched. */
export function needsRedaction(o: object): boolean {
  for (const k in o) {
    if (!Object.hasOwn(o, k)) continue;
    const x: unknown = (o as Record<string, unknown>)[k];
    if (isSecretName(k) || (x !== null && typeof x === 'object')) return true;
  }
  return false;
}
