// Vendor hooks: the few value conversions a catalog cannot state as data. A
// template names one with {"$hook": "name", "$of": <template>, "$args": {...}}.
// Each is a pure function of the value; adding one is adding a named entry here.
import { jsonNestsDeeper } from '../protocol/json-depth.js';

export type ValueHook = (value: unknown, args: Record<string, unknown>) => unknown;

/** Atlassian Document Format for plain text: paragraphs at blank lines, hard breaks at single newlines. */
export function textToAdf(text: string): Record<string, unknown> {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((p) => {
      const content: Record<string, unknown>[] = [];
      p.split('\n').forEach((line, i) => {
        if (i > 0) content.push({ type: 'hardBreak' });
        if (line) content.push({ type: 'text', text: line });
      });
      return { type: 'paragraph', content };
    }),
  };
}

const isAdfDoc = (v: unknown) => typeof v === 'object' && v !== null && 'type' in v && v.type === 'doc';

/** A member of an object (an SDK answer's), or undefined for anything else. */
const memberOf = (o: unknown, k: string): unknown => (typeof o === 'object' && o !== null ? Reflect.get(o, k) : undefined);

const isLineBlock = (b: unknown): b is { BlockType: 'LINE'; Text: string } => memberOf(b, 'BlockType') === 'LINE' && typeof memberOf(b, 'Text') === 'string';

export const valueHooks: Record<string, ValueHook> = {
  /** Jira and Confluence rich text: a string becomes an ADF document; an ADF document passes as is. */
  adf: (v) => (isAdfDoc(v) ? v : typeof v === 'string' ? textToAdf(v) : undefined),

  /** One query parameter of a URL or relative link (`$args.name`), e.g. the `$skiptoken` of an `@odata.nextLink`. */
  urlQueryParam: (v, args) => {
    if (typeof v !== 'string' || typeof args.name !== 'string') return undefined;
    const url = URL.canParse(v) ? new URL(v) : URL.canParse(v, 'https://relative.invalid') ? new URL(v, 'https://relative.invalid') : undefined;
    return url?.searchParams.get(args.name) ?? undefined;
  },

  /** The last path segment of a URL or path, decoded (Salesforce's nextRecordsUrl → its query locator). */
  lastPathSegment: (v) => {
    if (typeof v !== 'string' || v === '') return undefined;
    const path = v.split(/[?#]/)[0]!;
    const last = path.split('/').filter(Boolean).pop();
    if (last === undefined) return undefined;
    try {
      return decodeURIComponent(last);
    } catch {
      return last;
    }
  },

  /** Bytes (a Bedrock model's response body) as JSON when they parse, else as UTF-8 text. */
  utf8Json: (v) => {
    if (!(v instanceof Uint8Array)) return v;
    const text = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('utf8');
    if (jsonNestsDeeper(v)) return text;
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed;
    } catch {
      return text;
    }
  },

  /** The text of an event stream's events: `$args.event` events' `$args.field` bytes, decoded and joined (InvokeAgent's chunks). */
  eventStreamText: (v, args) => {
    if (!Array.isArray(v) || typeof args.event !== 'string' || typeof args.field !== 'string') return undefined;
    let text = '';
    for (const e of v) {
      const part = memberOf(memberOf(e, args.event), args.field);
      if (part instanceof Uint8Array) text += Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('utf8');
      else if (typeof part === 'string') text += part;
    }
    return text;
  },

  /** Textract blocks → the text of their LINE blocks, in order. */
  textractLines: (v) => {
    if (!Array.isArray(v)) return undefined;
    return v.filter(isLineBlock).map((b) => b.Text);
  },

  /** An empty string, list or object is nothing (Slack's `next_cursor: ""` on the last page). */
  nonEmpty: (v) => {
    if (v === '' || v === null) return undefined;
    if (Array.isArray(v) && v.length === 0) return undefined;
    if (typeof v === 'object' && v !== null && !(v instanceof Uint8Array) && Object.keys(v).length === 0) return undefined;
    return v;
  },

  /** A paging object `{page, pages}` → the next page number as a string, nothing on the last page (Slack's search.messages). */
  nextPage: (v) => {
    const page = memberOf(v, 'page');
    const pages = memberOf(v, 'pages');
    return Number.isInteger(page) && Number.isInteger(pages) && (page as number) < (pages as number) ? String((page as number) + 1) : undefined;
  },

  /**
   * S3 CopyObject's CopySource from `{Bucket, Key, VersionId}`: `bucket/key[?versionId=v]`, URL-encoded
   * as S3 requires (each key segment percent-encoded, its slashes kept).
   */
  s3CopySource: (v) => {
    const bucket = memberOf(v, 'Bucket');
    const key = memberOf(v, 'Key');
    const version = memberOf(v, 'VersionId');
    if (typeof bucket !== 'string' || typeof key !== 'string' || bucket === '' || key === '') return undefined;
    const source = `${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
    return typeof version === 'string' && version !== '' ? `${source}?versionId=${encodeURIComponent(version)}` : source;
  },
};
