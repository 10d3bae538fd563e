// The one scrubber of connector credential material (issue 13): whatever a
// connector's credentials were sent as — raw secrets, the Basic pair and its
// base64, percent-, form-, JSON-, HTML- and hex-encoded forms, access and refresh
// tokens, AWS session credentials and SigV4 signatures, the exact header values —
// is replaced with "[redacted]" in everything an upstream (or a token endpoint, or
// STS) answers before any of it is handed on, and response headers that carry
// credentials are dropped.
//
// A scrubber is built per invocation from the material actually sent; it scrubs
// bytes (before parsing, any content type), text (messages we compose from remote
// answers) and values (parsed JSON, shaped output: whatever escaping the upstream
// used was undone by the parser). No dependencies: the catalog engine uses it too.
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

export const CENSOR = '[redacted]';

/** Material shorter than this is not scrubbed by itself (noise); a short secret is still scrubbed inside the composed values it was sent in (`Basic base64(user:pw)`). */
export const MIN_MATERIAL = 4;

/** Response headers that carry credentials: never handed on. */
export const CREDENTIAL_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-amz-security-token',
  'cookie',
  'cookie2',
  'set-cookie',
  'set-cookie2',
  'authentication-info',
  'proxy-authentication-info',
]);

/** Request headers whose values are credentials (besides any header the connector's scheme names). */
export const CREDENTIAL_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-amz-security-token',
  'cookie',
]);

const BASE64_STD = (b: Buffer) => b.toString('base64');
const BASE64_URL = (b: Buffer) => b.toString('base64url');

/** `s` and the base64 (standard and url-safe) of its bytes at each of the three alignments inside a longer base64 text, and its hex. */
function byteForms(s: string): string[] {
  const out = [s];
  const bytes = Buffer.from(s, 'utf8');
  for (const enc of [BASE64_STD, BASE64_URL]) {
    const whole = enc(bytes);
    out.push(whole, whole.replace(/=+$/, ''));
    // Inside a longer base64 text the bytes start at offset 0, 1 or 2 of a 3-byte group:
    // the characters that depend only on them are the same whatever surrounds them.
    for (const k of [0, 1, 2]) {
      const padded = enc(Buffer.concat([Buffer.alloc(k), bytes])).replace(/=+$/, '');
      const skip = k === 0 ? 0 : k + 1;
      const total = k + bytes.length;
      const full = Math.floor(total / 3) * 4; // characters fully determined by complete groups
      const frag = padded.slice(skip, full);
      if (frag.length >= 8) out.push(frag);
    }
  }
  out.push(bytes.toString('hex'));
  return out;
}

const percentAll = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
const formEncoded = (s: string) => new URLSearchParams([['', s]]).toString().slice(1);
const unicodeEscape = (s: string) => s.replace(/[^A-Za-z0-9 _.-]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const htmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const htmlNumeric = (s: string, hex: boolean) => s.replace(/[^A-Za-z0-9 _.-]/g, (c) => (hex ? `&#x${c.charCodeAt(0).toString(16)};` : `&#${c.charCodeAt(0)};`));

/**
 * The ways a text can be spelled in an answer: as is, percent/form encoded, JSON and
 * HTML escaped. (Matching ignores case: hex digits, percent escapes and the like in
 * either case, and a service that upper-cases what it echoes.)
 */
function textForms(s: string): string[] {
  const json = JSON.stringify(s).slice(1, -1);
  return [
    s,
    encodeURIComponent(s),
    percentAll(s),
    formEncoded(s),
    json,
    json.replace(/\//g, '\\/'),
    unicodeEscape(s),
    htmlEscape(s),
    htmlEscape(s).replace(/&#39;/g, '&#x27;').replace(/\//g, '&#x2F;'),
    htmlNumeric(s, false),
    htmlNumeric(s, true),
  ];
}

/** Every spelling of one piece of material that is scrubbed. */
export function spellings(material: string): string[] {
  const out = new Set<string>();
  for (const b of byteForms(material)) for (const t of textForms(b)) if (t.length >= MIN_MATERIAL) out.add(t);
  return [...out];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Patterns {
  /** For JS strings (parsed JSON, messages). */
  text: RegExp;
  /** For bytes read as latin1 (bodies; header values, which Node reads as latin1). */
  bytes: RegExp;
}

/**
 * Compiled patterns by material set. Every request of a connector carries the same
 * material (until its token changes), and building the spellings and the pattern costs
 * milliseconds, so the last few sets are kept (in memory only, like the tokens themselves).
 */
const compiled = new Map<string, Patterns | null>();
const MAX_COMPILED = 256;

function patternsFor(material: ReadonlySet<string>): Patterns | null {
  const key = [...material].sort().join('\u0000');
  const hit = compiled.get(key);
  if (hit !== undefined) {
    compiled.delete(key);
    compiled.set(key, hit);
    return hit;
  }
  const all = new Set<string>();
  for (const m of material) for (const sp of spellings(m)) all.add(sp);
  // Longest first, so that a longer match wins over a part of it.
  const list = [...all].sort((a, b) => b.length - a.length);
  let out: Patterns | null = null;
  if (list.length) {
    const text = new RegExp(list.map(escapeRegExp).join('|'), 'gi');
    // Bytes are matched as latin1 text: one character per byte, every byte kept as it was;
    // in UTF-8 and, for a body in another charset, UTF-16 (either byte order).
    const latin = list.flatMap((sp) => {
      const le = Buffer.from(sp, 'utf16le');
      return [Buffer.from(sp, 'utf8'), le, Buffer.from(le).swap16()].map((b) => b.toString('latin1'));
    });
    out = {
      text,
      bytes: new RegExp(
        [...new Set(latin)]
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|'),
        'gi',
      ),
    };
  }
  compiled.set(key, out);
  if (compiled.size > MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
  return out;
}

/** Scheme prefixes of Authorization-style values: the credential is what follows. */
const SCHEME = /^(?:Basic|Bearer|Token|Digest|Negotiate|NTLM|SSWS|Splunk|ApiKey|Key|OAuth)\s+(.+)$/i;
const SIGV4_SIGNATURE = /Signature=([0-9a-f]{16,})/i;
const SIGV4_CREDENTIAL = /Credential=([A-Z0-9]{16,128})\//;

export class CredentialScrubber {
  private readonly material = new Set<string>();
  private patterns?: Patterns | null;

  constructor(values: Iterable<string | undefined | null> = []) {
    this.add(...values);
  }

  /**
   * Adds credential material. An Authorization-style value adds itself and its
   * credential part; a Basic value also its decoded `user:password` pair; a SigV4
   * value its signature and access key id.
   */
  add(...values: (string | undefined | null)[]): this {
    for (const v of values) {
      if (typeof v !== 'string' || v.length === 0) continue;
      this.put(v);
      const scheme = SCHEME.exec(v.trim());
      if (scheme) {
        const cred = scheme[1]!.trim();
        this.put(cred);
        if (/^basic\s/i.test(v.trim()) && /^[A-Za-z0-9+/=_-]+$/.test(cred)) {
          const pair = Buffer.from(cred, 'base64').toString('utf8');
          if (pair.includes(':')) {
            this.put(pair);
            const password = pair.slice(pair.indexOf(':') + 1);
            this.put(password);
            // RFC 6749 §2.3.1: a client's id and secret are form-encoded before they are joined.
            try {
              this.put(decodeURIComponent(password.replace(/\+/g, ' ')));
            } catch {
              /* not form-encoded */
            }
          }
        }
        // `Token token=...`, `SSWS ...` and the like: the part after `=`.
        const kv = /^[\w-]+=("?)(.+)\1$/.exec(cred);
        if (kv) this.put(kv[2]!);
      }
      const sig = SIGV4_SIGNATURE.exec(v);
      if (sig) this.put(sig[1]!);
      const akid = SIGV4_CREDENTIAL.exec(v);
      if (akid) this.put(akid[1]!);
    }
    return this;
  }

  /** Adds the credential headers of a request as sent: their values are material. */
  addRequestHeaders(headers: Record<string, string | undefined> | undefined, extraNames: Iterable<string> = []): this {
    const names = new Set([...CREDENTIAL_REQUEST_HEADERS, ...[...extraNames].map((n) => n.toLowerCase())]);
    for (const [k, v] of Object.entries(headers ?? {})) if (names.has(k.toLowerCase())) this.add(v);
    return this;
  }

  private put(v: string): void {
    if (v.length < MIN_MATERIAL || this.material.has(v)) return;
    this.material.add(v);
    this.patterns = undefined;
  }

  get empty(): boolean {
    return this.material.size === 0;
  }

  private compiled(): Patterns | null {
    if (this.patterns === undefined) this.patterns = this.material.size ? patternsFor(this.material) : null;
    return this.patterns;
  }

  text(s: string): string {
    const re = this.compiled()?.text;
    return re ? s.replace(re, CENSOR) : s;
  }

  /** A header value as Node gives it (latin1: one character per byte). */
  private headerText(s: string): string {
    const re = this.compiled()?.bytes;
    return re ? s.replace(re, CENSOR) : s;
  }

  bytes(b: Buffer): Buffer {
    const re = this.compiled()?.bytes;
    if (!re || b.length === 0) return b;
    const latin = b.toString('latin1');
    const out = latin.replace(re, CENSOR);
    return out === latin ? b : Buffer.from(out, 'latin1');
  }

  /** A copy of a value (parsed JSON, shaped output, an SDK result) with every string, key and byte array scrubbed. */
  value(v: unknown, depth = 0): unknown {
    if (this.empty || depth > 256) return v;
    if (typeof v === 'string') return this.text(v);
    if (Buffer.isBuffer(v)) return this.bytes(v);
    if (v instanceof Uint8Array) return this.bytes(Buffer.from(v.buffer, v.byteOffset, v.byteLength));
    if (Array.isArray(v)) return v.map((x) => this.value(x, depth + 1));
    if (v && typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[this.text(k)] = this.value(x, depth + 1);
      return out;
    }
    return v;
  }

  /** Response headers without those that carry credentials (`keep`: used internally, e.g. set-cookie for a CSRF fetch), the rest scrubbed. */
  headers<H extends Record<string, string | string[] | undefined>>(headers: H, keep: readonly string[] = []): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [name, v] of Object.entries(headers)) {
      const lower = name.toLowerCase();
      if (v === undefined || (CREDENTIAL_RESPONSE_HEADERS.has(lower) && !keep.includes(lower))) continue;
      out[this.headerText(lower)] = Array.isArray(v) ? v.map((x) => this.headerText(x)) : this.headerText(v);
    }
    return out;
  }

  /**
   * An upstream's answer as it may be handed on: content coding undone (unless `decode`
   * is false: an AWS service's Content-Encoding describes the stored object, which is
   * handed on as stored), body and headers scrubbed.
   */
  response<R extends { headers: Record<string, string | string[]>; body: Buffer }>(
    res: R,
    opts: { keepHeaders?: readonly string[]; maxBytes?: number; decode?: boolean } = {},
  ): R {
    const decoded = opts.decode === false ? res : decodeContent(res.headers, res.body, opts.maxBytes ?? 16 * 1024 * 1024);
    return { ...res, headers: this.headers(decoded.headers, opts.keepHeaders), body: this.bytes(decoded.body) };
  }
}

/** Where the last whole server-sent event of `text` (latin1) ends, looking from `from` on: after its blank line; 0 when none has ended. */
function lastEventEnd(text: string, from: number): number {
  // A CR as the last byte may be the first half of a CRLF still to come: not an end yet.
  const upto = text.endsWith('\r') ? text.length - 1 : text.length;
  let end = 0;
  const blank = /(?:\r\n|\r|\n)(?:\r\n|\r|\n)/g;
  blank.lastIndex = from;
  for (let m = blank.exec(text); m && m.index + m[0].length <= upto; m = blank.exec(text)) end = m.index + m[0].length;
  return end;
}

/**
 * A streamed answer (Egress.stream) as it may be handed on: headers as `response` leaves
 * them, the body scrubbed as it passes. Server-sent events (text/event-stream, identity
 * coding) are scrubbed one whole event at a time, as each ends: an event is a unit, and no
 * credential spans one (credentials have no line breaks), so one split across chunks is
 * still found. Any other body is scrubbed whole when it ends (content coding undone first).
 */
export function scrubbedStream<R extends { headers: Record<string, string | string[]>; body: ReadableStream<Uint8Array> }>(
  scrubber: CredentialScrubber,
  res: R,
  opts: { keepHeaders?: readonly string[]; maxBytes?: number } = {},
): R {
  const raw = res.headers['content-type'];
  const type = (Array.isArray(raw) ? raw[0] : raw)?.toLowerCase() ?? '';
  const coded = res.headers['content-encoding'] !== undefined && String(res.headers['content-encoding']).trim().toLowerCase() !== 'identity';
  const events = !coded && type.startsWith('text/event-stream');
  let pending = Buffer.alloc(0);
  let headers = res.headers;
  if (coded) {
    // Decoded whole at the end: its headers say what the decoded body will be.
    headers = { ...headers };
    delete headers['content-encoding'];
    delete headers['content-length'];
  }
  const body = res.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        // The part already looked at has no blank line but in its last few bytes (a line end split across chunks).
        const from = Math.max(0, pending.length - 4);
        pending = pending.length ? Buffer.concat([pending, chunk]) : Buffer.from(chunk);
        if (!events) return;
        const end = lastEventEnd(pending.toString('latin1'), from);
        if (end === 0) return;
        controller.enqueue(scrubber.bytes(pending.subarray(0, end)));
        pending = pending.subarray(end);
      },
      flush(controller) {
        const rest = coded ? decodeContent(res.headers, pending, opts.maxBytes ?? 16 * 1024 * 1024).body : pending;
        if (rest.length) controller.enqueue(scrubber.bytes(rest));
        pending = Buffer.alloc(0);
      },
    }),
  );
  return { ...res, headers: scrubber.headers(headers, opts.keepHeaders), body };
}

/**
 * The body without its content coding (the egress asks for identity, but an upstream
 * may compress anyway, and compressed bytes hide what they carry from the scrubber).
 * A coding that cannot be undone leaves the body empty.
 */
function decodeContent(
  headers: Record<string, string | string[]>,
  body: Buffer,
  maxBytes: number,
): { headers: Record<string, string | string[]>; body: Buffer } {
  const raw = headers['content-encoding'];
  const coding = (Array.isArray(raw) ? raw.join(',') : (raw ?? ''))
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c && c !== 'identity');
  if (coding.length === 0 || body.length === 0) return { headers, body };
  const rest = { ...headers };
  delete rest['content-encoding'];
  delete rest['content-length'];
  let out = body;
  try {
    for (const c of coding.reverse()) {
      const opts = { maxOutputLength: maxBytes };
      if (c === 'gzip' || c === 'x-gzip') out = gunzipSync(out, opts);
      else if (c === 'br') out = brotliDecompressSync(out, opts);
      else if (c === 'deflate') {
        try {
          out = inflateSync(out, opts);
        } catch {
          out = inflateRawSync(out, opts);
        }
      } else throw new Error(`unknown content coding ${c}`);
    }
  } catch {
    return { headers: rest, body: Buffer.alloc(0) };
  }
  return { headers: rest, body: out };
}

/**
 * Wraps an AWS SDK client's sender (an egress) so that every answer is scrubbed of what
 * its request carried (the SigV4 Authorization, the session token) before the SDK parses
 * it. With `invocation` (one invocation's scrubber, holding the session's keys) that
 * material is added to it and the answer scrubbed of all of it; without, each request
 * gets a scrubber of its own.
 */
export function scrubbingSender<Req extends { headers?: Record<string, string> }, Res extends { headers: Record<string, string | string[]>; body: Buffer }>(
  send: (req: Req) => Promise<Res>,
  invocation?: CredentialScrubber,
): (req: Req) => Promise<Res> {
  return async (req) => {
    const scrubber = (invocation ?? new CredentialScrubber()).addRequestHeaders(req.headers);
    return scrubber.response(await send(req), { decode: false });
  };
}
