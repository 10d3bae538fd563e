// Vendor hooks: the few value conversions a catalog cannot state as data. A
// template names one with {"$hook": "name", "$of": <template>, "$args": {...}}.
// Each is a pure function of the value; adding one is adding a named entry here.
import { jsonNestsDeeper } from '../protocol/json-depth.js';
// Used when a hook runs, after both modules are loaded (mapping.ts imports this one).
import { MappingError } from './mapping.js';

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

  /**
   * The Content-Range of one chunk of an upload session (Graph): `{ start, total, content }`
   * (content base64) → `bytes start-end/total`; a chunk that does not fit in total is refused.
   */
  contentRange: (v) => {
    const start = memberOf(v, 'start');
    const total = memberOf(v, 'total');
    const content = memberOf(v, 'content');
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(total) || typeof content !== 'string') return undefined;
    const length = Buffer.byteLength(content, 'base64');
    const first = start as number;
    if (length === 0 || first < 0 || first + length > (total as number)) {
      throw new MappingError('The chunk (RangeStart plus the decoded size of Content) must lie within TotalSize');
    }
    return `bytes ${first}-${first + length - 1}/${total}`;
  },
};
