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

/**
 * The plain text of an Atlassian Document Format document, for reading: text as it is,
 * hard breaks as line breaks, blocks apart by a blank line, list items on lines of their
 * own ("- " or "1. "), table cells apart by " | ", mentions, emoji, statuses and dates by
 * their text, links to cards by their URL. Marks (bold, links) are dropped.
 */
export function adfToText(doc: unknown): string {
  return adfNode(doc)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function adfNode(node: unknown): string {
  const attrs = memberOf(node, 'attrs');
  const attr = (k: string) => {
    const v = memberOf(attrs, k);
    return typeof v === 'string' ? v : '';
  };
  const content = memberOf(node, 'content');
  const children = Array.isArray(content) ? content : [];
  const inline = () => children.map(adfNode).join('');
  const blocks = (sep: string) =>
    children
      .map(adfNode)
      .filter((t) => t !== '')
      .join(sep);
  switch (memberOf(node, 'type')) {
    case 'text': {
      const text = memberOf(node, 'text');
      return typeof text === 'string' ? text : '';
    }
    case 'hardBreak':
      return '\n';
    case 'mention':
      return attr('text');
    case 'emoji':
      return attr('text') || attr('shortName');
    case 'status':
      return attr('text');
    case 'inlineCard':
    case 'blockCard':
      return attr('url');
    case 'date': {
      const ts = Number(attr('timestamp'));
      return attr('timestamp') !== '' && Number.isFinite(ts) ? new Date(ts).toISOString().slice(0, 10) : '';
    }
    case 'paragraph':
    case 'heading':
    case 'codeBlock':
      return inline();
    case 'rule':
      return '---';
    case 'bulletList':
      return children.map((item) => `- ${adfNode(item).replace(/\n/g, '\n  ')}`).join('\n');
    case 'orderedList': {
      const first = Number(memberOf(attrs, 'order') ?? 1);
      const start = Number.isInteger(first) ? first : 1;
      return children.map((item, i) => `${start + i}. ${adfNode(item).replace(/\n/g, '\n   ')}`).join('\n');
    }
    case 'taskItem':
    case 'decisionItem':
      return inline();
    case 'listItem':
      return blocks('\n');
    case 'taskList':
    case 'decisionList':
      return children.map((item) => `- ${adfNode(item)}`).join('\n');
    case 'table':
      return blocks('\n');
    case 'tableRow':
      return children.map((cell) => adfNode(cell).replace(/\n+/g, ' ')).join(' | ');
    default:
      // doc, blockquote, panel, expand, table cells, media...: their blocks.
      return blocks('\n\n');
  }
}

/** A member of an object (an SDK answer's), or undefined for anything else. */
const memberOf = (o: unknown, k: string): unknown => (typeof o === 'object' && o !== null ? Reflect.get(o, k) : undefined);

const isLineBlock = (b: unknown): b is { BlockType: 'LINE'; Text: string } => memberOf(b, 'BlockType') === 'LINE' && typeof memberOf(b, 'Text') === 'string';

export const valueHooks: Record<string, ValueHook> = {
  /** Jira and Confluence rich text: a string becomes an ADF document; an ADF document passes as is. */
  adf: (v) => (isAdfDoc(v) ? v : typeof v === 'string' ? textToAdf(v) : undefined),

  /** Jira rich text for reading: an ADF document as plain text (adfToText); a string as is. */
  adfText: (v) => (isAdfDoc(v) ? adfToText(v) : typeof v === 'string' ? v : undefined),

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
  /** The URL of a Link header entry with relation `$args.rel` (ServiceNow's `<...>;rel="next"` paging links). */
  linkRel: (v, args) => {
    if (typeof v !== 'string' || typeof args.rel !== 'string') return undefined;
    for (const m of v.matchAll(/<([^>]*)>([^,<]*)/g)) {
      const rels = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(m[2]!)?.[1]?.toLowerCase().split(/\s+/) ?? [];
      if (rels.includes(args.rel.toLowerCase())) return m[1];
    }
    return undefined;
  },
  /** Lists joined into one, one level deep (Jira's update operations from two inputs: [{add}..., {remove}...]); nothing if empty. */
  flatten: (v) => {
    if (!Array.isArray(v)) return undefined;
    const out = v.flatMap((x) => (Array.isArray(x) ? x : [x]));
    return out.length === 0 ? undefined : out;
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
