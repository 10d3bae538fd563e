// multipart/form-data bodies (RFC 7578): the one encoding file uploads take where a vendor
// has no raw-bytes upload (Jira and Confluence attachments). The value is an object: each
// member a field name, its value a part or a list of parts (repeated under that name).
// Names and file names are quoted as the WHATWG HTML form encoder quotes them (CR, LF and
// '"' percent-encoded; UTF-8 otherwise); other control characters are refused. The
// boundary is random and checked against every part's content.
import { randomBytes } from 'node:crypto';
import { MappingError } from './mapping.js';

export interface MultipartBody {
  body: Buffer;
  contentType: string;
  /** The bytes of the parts given as bytes (what a binary limit applies to): text fields, headers and boundaries aside. */
  contentBytes: number;
}

interface Part {
  name: string;
  content: Buffer;
  /** The content was given as bytes (decoded base64), not text. */
  binary: boolean;
  filename?: string;
  contentType?: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: C0 controls and DEL are refused in names
const CONTROL = /[\u0000-\u001f\u007f]/;
// A media type as a part's Content-Type: type/subtype and parameters, no controls, nothing above U+00FF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: controls are what the class excludes
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:[ \t]*;[^\u0000-\u0008\u000a-\u001f\u007f\u0100-\uffff]*)?$/;

/** A name or file name inside the quotes of Content-Disposition. */
function quoted(text: string, what: string): string {
  const escaped = text.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
  if (CONTROL.test(escaped)) throw new MappingError(`A multipart ${what} must not contain control characters`);
  return escaped;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

function toPart(name: string, v: unknown): Part | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { name, content: Buffer.from(String(v), 'utf8'), binary: false };
  if (!isPlainObject(v)) throw new MappingError(`Multipart field ${name} must be text or {content, filename, contentType}`);
  for (const k of Object.keys(v)) {
    if (k !== 'content' && k !== 'filename' && k !== 'contentType') throw new MappingError(`Multipart field ${name} takes no member ${k}`);
  }
  const { content, filename, contentType } = v;
  if (content === undefined || content === null) return undefined;
  let bytes: Buffer;
  if (content instanceof Uint8Array) bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  else if (typeof content === 'string') bytes = Buffer.from(content, 'utf8');
  else throw new MappingError(`The content of multipart field ${name} must be bytes or text`);
  if (filename !== undefined && (typeof filename !== 'string' || filename === ''))
    throw new MappingError(`The file name of multipart field ${name} must be a non-empty string`);
  if (contentType !== undefined && (typeof contentType !== 'string' || !MEDIA_TYPE.test(contentType))) {
    throw new MappingError(`The content type of multipart field ${name} must be a media type (type/subtype) without control characters`);
  }
  return {
    name,
    content: bytes,
    binary: content instanceof Uint8Array,
    ...(filename !== undefined ? { filename } : {}),
    ...(contentType !== undefined ? { contentType } : filename !== undefined ? { contentType: 'application/octet-stream' } : {}),
  };
}

/** The parts of an evaluated multipart value, in member order (a list repeats its field). */
export function multipartParts(value: unknown): Part[] {
  if (!isPlainObject(value)) throw new MappingError('A multipart body must be an object of fields');
  const parts: Part[] = [];
  for (const [name, v] of Object.entries(value)) {
    if (name === '') throw new MappingError('Multipart field names must not be empty');
    for (const item of Array.isArray(v) ? v : [v]) {
      const part = toPart(name, item);
      if (part) parts.push(part);
    }
  }
  if (parts.length === 0) throw new MappingError('A multipart body must have at least one part');
  return parts;
}

/** A boundary (RFC 2046: at most 70 characters) that none of the contents holds. */
function boundaryFor(parts: Part[], random: () => Buffer): string {
  for (let i = 0; i < 5; i++) {
    const boundary = `ActionBridge-${random().toString('hex')}`;
    const marker = Buffer.from(`--${boundary}`, 'latin1');
    if (!parts.some((p) => p.content.includes(marker))) return boundary;
  }
  throw new MappingError('No multipart boundary could be found that the content does not hold');
}

/** Encodes an evaluated multipart value; `random` (16 random bytes) is for tests. */
export function encodeMultipart(value: unknown, random: () => Buffer = () => randomBytes(16)): MultipartBody {
  const parts = multipartParts(value);
  const boundary = boundaryFor(parts, random);
  const chunks: Buffer[] = [];
  let contentBytes = 0;
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(p.name, 'field name')}"`;
    if (p.filename !== undefined) head += `; filename="${quoted(p.filename, 'file name')}"`;
    head += '\r\n';
    if (p.contentType !== undefined) head += `Content-Type: ${p.contentType}\r\n`;
    head += '\r\n';
    chunks.push(Buffer.from(head, 'utf8'), p.content, Buffer.from('\r\n', 'latin1'));
    if (p.binary) contentBytes += p.content.length;
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'latin1'));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}`, contentBytes };
}
