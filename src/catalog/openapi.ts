// Actions defined by an OpenAPI document (issue 17, first part): an OpenAPI 3.0 or 3.1
// document (Swagger 2.0 converted on the way in) becomes catalog actions (types.ts).
//
// The document never routes nor authenticates: `servers`, security schemes and absolute
// URLs are ignored. Every path is relative to the connector's BaseEndpoint, which must
// therefore include any base path of the API's server (https://api.example.com/v2).
// External `$ref`s (not starting with '#') are never fetched: the operation is skipped.
// Everything is bounded: the text's size, the nesting depth, the operation count, the
// depth and size of each input schema (cycles are cut with `{}`).
//
// Member names: a parameter's name is kept as the input member's name when it is a
// plain identifier ([A-Za-z][A-Za-z0-9_]*, what a path placeholder takes); otherwise
// it is mapped to one (`page[size]` → `page_size`, `X-Request-Id` → `X_Request_Id`),
// the request template carrying the original name. A JSON (or raw) request body is
// the member `Body`; form and multipart fields are members of their own.
import { catalogProblems } from './check.js';
import { isForbiddenHeader } from './request.js';
import type { BodyTemplate, CatalogAction, HttpRequestTemplate, JsonSchema, Template } from './types.js';

export interface Limits {
  /** The document text, in bytes (parseApiDocument). */
  maxTextBytes: number;
  /** Nesting depth of the document (objects and lists). */
  maxDepth: number;
  /** Operations in the document. */
  maxOperations: number;
  /** Actions produced (the catalog format allows 100): more selected operations is an error naming the filters. */
  maxActions: number;
  /** Depth of an input schema after `$ref`s are resolved; deeper parts become `{}`. */
  maxSchemaDepth: number;
  /** Schema objects in one action's InputSchema; beyond it, parts become `{}`. */
  maxSchemaNodes: number;
  /** The largest binary content (upload part or download), in bytes. */
  maxBinaryBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxTextBytes: 10 * 1024 * 1024,
  maxDepth: 100,
  maxOperations: 1000,
  maxActions: 100,
  maxSchemaDepth: 12,
  maxSchemaNodes: 3000,
  maxBinaryBytes: 5 * 1024 * 1024,
};

export interface Filter {
  operationIds?: string[];
  tags?: string[];
  pathPrefixes?: string[];
}

export interface DefineOptions {
  include?: Filter;
  exclude?: Filter;
  limits?: Partial<Limits>;
  /** ActionIds already taken (the connector type's catalog): a defined action that would have one gets a suffix (`_2`). */
  reservedIds?: readonly string[];
  /**
   * Whether each action is checked with the catalog checks (default true). Deriving the
   * actions of a document that was checked when it was put again (src/ops/api-definitions.ts)
   * skips them: the same document and code give the same actions, and the checks (compiling
   * every input schema) are most of the cost.
   */
  check?: boolean;
  /**
   * With `check: false`: what the checked derivation found (DefinedActions.checked), so the
   * unchecked one gives the same actions: operations it skipped are skipped, examples it
   * left out are left out.
   */
  known?: DefinedActions['checked'];
}

export interface DefinedActions {
  title: string;
  version: string;
  actions: CatalogAction[];
  /** Operations selected but not turned into actions, and why. */
  skipped: { operation: string; reason: string }[];
  /** What was left out of actions that were made (a credential header parameter, a recursive schema cut). */
  notes: string[];
  /** What the checks decided, by operation label (DefineOptions.known): operations skipped, and actions whose examples were left out. */
  checked: { skipped: string[]; withoutExamples: string[] };
}

/** A document that cannot be used, with what is wrong (a JSON pointer where there is one). A client error (4xx). */
export class ApiDefinitionError extends Error {
  override name = 'ApiDefinitionError';
  constructor(
    message: string,
    readonly pointer?: string,
  ) {
    super(pointer !== undefined ? `${pointer.length > 200 ? `${pointer.slice(0, 200)}…` : pointer || '/'}: ${message}` : message);
  }
}

/** One operation cannot become an action. */
class Skip extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
const limitsOf = (l?: Partial<Limits>): Limits => ({ ...DEFAULT_LIMITS, ...l });

/**
 * Parses an API document's text: JSON, or YAML with the injected parser (`yaml`).
 * The size is checked before anything is parsed, the nesting depth after.
 */
export function parseApiDocument(text: string, opts: { yaml?: (s: string) => unknown; limits?: Partial<Limits> } = {}): unknown {
  const limits = limitsOf(opts.limits);
  if (typeof text !== 'string') throw new ApiDefinitionError('The document must be text');
  if (text.length > limits.maxTextBytes || Buffer.byteLength(text, 'utf8') > limits.maxTextBytes) {
    throw new ApiDefinitionError(`The document is larger than ${limits.maxTextBytes} bytes`);
  }
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed === '') throw new ApiDefinitionError('The document is empty');
  let doc: unknown;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      doc = JSON.parse(trimmed);
    } catch (err) {
      throw new ApiDefinitionError(`The document is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  } else {
    if (!opts.yaml) throw new ApiDefinitionError('The document is not JSON, and YAML is not supported here');
    try {
      doc = opts.yaml(trimmed);
    } catch (err) {
      throw new ApiDefinitionError(`The document is not valid YAML: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
    }
  }
  checkDepth(doc, limits.maxDepth);
  return doc;
}

/** Nesting depth, iteratively (a hostile document must not overflow the stack); also refuses non-tree (aliased) structures too big to walk. */
function checkDepth(doc: unknown, maxDepth: number): void {
  const stack: [unknown, number, string][] = [[doc, 0, '']];
  let visited = 0;
  while (stack.length) {
    const [v, d, at] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (++visited > 5_000_000) throw new ApiDefinitionError('The document has too many values');
    if (d >= maxDepth) throw new ApiDefinitionError(`Nested deeper than ${maxDepth} levels`, at);
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push([v[i], d + 1, `${at}/${i}`]);
    else for (const [k, x] of Object.entries(v)) stack.push([x, d + 1, `${at}/${escapePointer(k)}`]);
  }
}

const escapePointer = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapePointer = (k: string) => k.replace(/~1/g, '/').replace(/~0/g, '~');

/** Turns an OpenAPI document (parsed) into catalog actions. Throws ApiDefinitionError when the document cannot be used at all. */
export function defineActions(input: unknown, opts: DefineOptions = {}): DefinedActions {
  const limits = limitsOf(opts.limits);
  if (!isObj(input)) throw new ApiDefinitionError('The document must be an object', '');
  checkDepth(input, limits.maxDepth);
  let doc = input;
  if (typeof doc.swagger === 'string') {
    if (!/^2\.0(\.\d+)?$/.test(doc.swagger)) throw new ApiDefinitionError(`Swagger ${doc.swagger} is not supported (2.0 is)`, '/swagger');
    doc = fromSwagger2(doc);
  } else if (typeof doc.openapi !== 'string' || !/^3\.[01]\.\d+/.test(doc.openapi)) {
    throw new ApiDefinitionError('Not an OpenAPI 3.0 or 3.1 document (nor Swagger 2.0)', '/openapi');
  }
  const info = isObj(doc.info) ? doc.info : {};
  const title = typeof info.title === 'string' && info.title.trim() ? info.title.trim().slice(0, 200) : 'API';
  const version = typeof info.version === 'string' ? info.version.slice(0, 100) : String(info.version ?? '');
  if (!isObj(doc.paths)) throw new ApiDefinitionError('paths must be an object', '/paths');

  // Every operation, in document order.
  interface Op {
    path: string;
    method: string;
    op: Obj;
    item: Obj;
    where: string;
  }
  const ops: Op[] = [];
  let count = 0;
  for (const rawItem of Object.values(doc.paths)) {
    if (!isObj(rawItem)) continue;
    for (const m of METHODS) if (isObj(rawItem[m])) count++;
  }
  if (count > limits.maxOperations) {
    throw new ApiDefinitionError(`The document has ${count} operations; at most ${limits.maxOperations} are read`, '/paths');
  }
  const skipped: DefinedActions['skipped'] = [];
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    if (!isObj(rawItem)) continue;
    let item = rawItem;
    if (typeof rawItem.$ref === 'string') {
      if (!rawItem.$ref.startsWith('#')) {
        skipped.push({ operation: path, reason: `external $ref ${rawItem.$ref.slice(0, 200)} is not fetched` });
        continue;
      }
      const target = pointerGet(doc, rawItem.$ref);
      if (!isObj(target)) {
        skipped.push({ operation: path, reason: `$ref ${rawItem.$ref.slice(0, 200)} names nothing` });
        continue;
      }
      item = { ...target, ...rawItem };
    }
    for (const m of METHODS) {
      const op = item[m];
      if (isObj(op)) ops.push({ path, method: m.toUpperCase(), op, item, where: `/paths/${escapePointer(path)}/${m}` });
    }
  }

  const matches = (f: Filter | undefined, o: Op): boolean => {
    if (!f) return false;
    const tags = Array.isArray(o.op.tags) ? o.op.tags.filter((t) => typeof t === 'string') : [];
    return (
      (typeof o.op.operationId === 'string' && (f.operationIds ?? []).includes(o.op.operationId)) ||
      tags.some((t) => (f.tags ?? []).includes(t)) ||
      (f.pathPrefixes ?? []).some((p) => o.path.startsWith(p))
    );
  };
  const hasInclude = opts.include && Object.values(opts.include).some((v) => Array.isArray(v) && v.length > 0);
  const selected = ops.filter((o) => (!hasInclude || matches(opts.include, o)) && !matches(opts.exclude, o));
  if (selected.length > limits.maxActions) {
    throw new ApiDefinitionError(
      `${selected.length} operations are selected; a connector takes at most ${limits.maxActions} actions: choose operations with include/exclude filters (operationIds, tags, pathPrefixes)`,
    );
  }

  const ids = new Set<string>(opts.reservedIds ?? []);
  const check = opts.check !== false;
  const knownSkipped = new Set(check ? [] : (opts.known?.skipped ?? []));
  const knownWithoutExamples = new Set(check ? [] : (opts.known?.withoutExamples ?? []));
  const checked: DefinedActions['checked'] = { skipped: [], withoutExamples: [] };
  const actions: CatalogAction[] = [];
  const notes: string[] = [];
  for (const o of selected) {
    const label = typeof o.op.operationId === 'string' && o.op.operationId ? o.op.operationId.slice(0, 200) : `${o.method} ${o.path.slice(0, 200)}`;
    try {
      if (knownSkipped.has(label)) throw new Skip('skipped when the document was put');
      const made = operationAction(doc, o, limits);
      if (knownWithoutExamples.has(label)) delete made.action.Examples;
      const base = made.action.ActionId;
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base.slice(0, 120)}_${n}`;
      made.action.ActionId = id;
      let problems = check ? catalogProblems({ Type: 'GENERIC_HTTP', Api: title, actions: [made.action] }) : [];
      if (problems.length && made.action.Examples) {
        // The document's example does not fit its own schema: the action without it.
        delete made.action.Examples;
        checked.withoutExamples.push(label);
        made.notes.push('its example does not validate against the input schema: left out');
        problems = catalogProblems({ Type: 'GENERIC_HTTP', Api: title, actions: [made.action] });
      }
      if (problems.length) throw new Skip(`the action it makes is not sound: ${problems.slice(0, 3).join('; ')}`);
      ids.add(id);
      actions.push(made.action);
      for (const n of new Set(made.notes)) if (notes.length < 1000) notes.push(`${label}: ${n}`);
    } catch (err) {
      if (!(err instanceof Skip)) throw err;
      skipped.push({ operation: label, reason: err.message });
      checked.skipped.push(label);
    }
  }
  return { title, version, actions, skipped, notes, checked };
}

function pointerGet(doc: unknown, ref: string): unknown {
  if (ref === '#') return doc;
  if (!ref.startsWith('#/')) return undefined;
  let v: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    let k: string;
    try {
      k = unescapePointer(decodeURIComponent(raw));
    } catch {
      return undefined;
    }
    if (Array.isArray(v)) v = v[Number(k)];
    else if (isObj(v) && Object.hasOwn(v, k)) v = v[k];
    else return undefined;
  }
  return v;
}

/** Follows `$ref`s of a parameter, request body or response (not schemas) to the object. */
function deref(doc: Obj, v: unknown): Obj | undefined {
  for (let i = 0; i < 20 && isObj(v) && typeof v.$ref === 'string'; i++) {
    if (!v.$ref.startsWith('#')) throw new Skip(`external $ref ${v.$ref.slice(0, 200)} is not fetched`);
    const target = pointerGet(doc, v.$ref);
    if (target === undefined) throw new Skip(`$ref ${v.$ref.slice(0, 200)} names nothing`);
    v = target;
  }
  return isObj(v) && typeof v.$ref !== 'string' ? v : undefined;
}

const plainText = (s: string) =>
  s
    .replace(/<[^>]{0,500}>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`);
const humanize = (id: string) =>
  id
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .replace(/^./, (c) => c.toUpperCase());

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json(?:;|$)|^\*\/\*$/i;
const TEXT_TYPE = /^text\/|^application\/(?:xml|[\w.+-]*\+xml)(?:;|$)/i;

function operationAction(doc: Obj, o: { path: string; method: string; op: Obj; item: Obj }, limits: Limits): { action: CatalogAction; notes: string[] } {
  const { op, method } = o;
  const notes: string[] = [];
  const schemas = new SchemaConverter(doc, limits, notes);
  if (o.path.includes('?') || o.path.includes('#')) throw new Skip('the path has a query or fragment');

  const operationId = typeof op.operationId === 'string' && op.operationId.trim() ? op.operationId.trim() : undefined;
  const actionId = sanitizeId(operationId ?? `${method}_${o.path}`);
  const summary = typeof op.summary === 'string' ? plainText(op.summary) : '';
  const description = typeof op.description === 'string' ? plainText(op.description) : '';
  const name = cut(summary || (operationId ? humanize(operationId) : `${method} ${o.path}`) || actionId, 128);

  // Members: parameter names kept when they are plain identifiers, mapped otherwise.
  const used = new Set<string>(['Body']);
  const member = (original: string): string => {
    let base = original.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
    if (!/^[A-Za-z]/.test(base)) base = `P${base}`;
    base = base.slice(0, 60);
    let m = base;
    for (let n = 2; used.has(m); n++) m = `${base}_${n}`;
    used.add(m);
    return m;
  };

  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  // An example input from the document's examples (kept only when it validates, see defineActions).
  const example: Record<string, unknown> = {};
  const query: Record<string, Template> = {};
  const headers: Record<string, Template> = {};
  const pathMembers = new Map<string, string>();

  // Parameters: the operation's override the path item's (same name and in).
  const params = new Map<string, Obj>();
  for (const list of [o.item.parameters, op.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = deref(doc, raw);
      if (!p || typeof p.name !== 'string' || typeof p.in !== 'string') continue;
      params.set(`${p.in}:${p.name}`, p);
    }
  }
  for (const p of params.values()) {
    const pname = p.name as string;
    const where = p.in as string;
    const isRequired = p.required === true || where === 'path';
    if (
      where === 'cookie' ||
      (where === 'header' && isForbiddenHeader(pname)) ||
      ((where === 'header' || where === 'query') && credentialNames(doc).has(`${where}:${pname.toLowerCase()}`))
    ) {
      if (isRequired && where === 'cookie') throw new Skip(`it needs the cookie parameter ${pname}`);
      notes.push(`${where} parameter ${pname} left out (the connector's own authentication applies)`);
      continue;
    }
    if (where !== 'path' && where !== 'query' && where !== 'header') continue;
    if (where === 'header' && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(pname)) {
      if (isRequired) throw new Skip(`the header parameter ${pname} is not an HTTP header name`);
      notes.push(`header parameter ${pname} left out (not an HTTP header name)`);
      continue;
    }
    let schema: JsonSchema = { type: 'string' };
    if (isObj(p.schema)) schema = schemas.convert(p.schema);
    else if (isObj(p.content)) {
      const first = Object.values(p.content).find(isObj);
      schema = isObj(first?.schema) ? schemas.convert(first.schema) : {};
    }
    const types = ([] as unknown[]).concat(schema.type ?? []);
    if (types.includes('object') && where !== 'path') {
      if (isRequired) throw new Skip(`the ${where} parameter ${pname} is an object (not supported)`);
      notes.push(`${where} parameter ${pname} (an object) left out`);
      continue;
    }
    const m = member(pname);
    const desc = typeof p.description === 'string' ? cut(plainText(p.description), 500) : '';
    properties[m] = {
      ...schema,
      ...(desc ? { description: desc } : {}),
      ...(m !== pname ? { title: pname } : {}),
      ...(p.deprecated === true ? { deprecated: true } : {}),
    };
    if (isRequired) required.push(m);
    const ex = p.example !== undefined ? p.example : isObj(p.schema) ? p.schema.example : undefined;
    if (ex !== undefined) example[m] = ex;
    const ref = `$.${m}`;
    if (where === 'path') pathMembers.set(pname, m);
    else if (where === 'query') {
      // Arrays: repeated (form, explode: true, the default) or joined (explode: false, space- or pipe-delimited).
      const style = typeof p.style === 'string' ? p.style : 'form';
      const explode = typeof p.explode === 'boolean' ? p.explode : style === 'form';
      const separator = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
      query[templateKey(pname)] = types.includes('array') && (!explode || style !== 'form') ? { $join: ref, $separator: separator } : ref;
    } else headers[templateKey(pname)] = ref;
  }

  // The path: {param} → {Member}; literal characters the format does not allow are percent-encoded.
  const path = o.path.replace(/\{([^}]*)\}|[^{}]+/g, (whole, param: string | undefined) => {
    if (param === undefined) return encodeLiteral(whole);
    const m = pathMembers.get(param);
    if (!m) throw new Skip(`the path parameter {${param}} is not declared`);
    return `{${m}}`;
  });
  if (!path.startsWith('/')) throw new Skip('the path does not start with /');
  if (/[{}]/.test(path.replace(/\{[A-Za-z][A-Za-z0-9_]*\}/g, ''))) throw new Skip('the path has unbalanced braces');

  // The request body.
  let body: BodyTemplate | undefined;
  let binary: CatalogAction['binary'];
  const rb = op.requestBody === undefined ? undefined : deref(doc, op.requestBody);
  if (rb && (method === 'GET' || method === 'HEAD')) notes.push(`the request body of a ${method} is left out (the engine sends none)`);
  else if (rb && isObj(rb.content)) {
    const content = rb.content as Obj;
    const types = Object.keys(content);
    const pick = (test: (t: string) => boolean) => types.find((t) => test(t.toLowerCase()));
    const bodyRequired = rb.required === true;
    const jsonType = pick((t) => /^application\/(?:[\w.+-]*\+)?json(?:;|$)/.test(t));
    const formType = pick((t) => t.startsWith('application/x-www-form-urlencoded'));
    const multiType = pick((t) => t.startsWith('multipart/form-data'));
    const textType = pick((t) => t.startsWith('text/'));
    const rawType = pick((t) => t === 'application/octet-stream' || t.startsWith('image/') || t === 'application/pdf' || t === '*/*');
    const mediaSchema = (t: string): Obj | undefined => {
      const media = content[t];
      return isObj(media) && isObj(media.schema) ? media.schema : undefined;
    };
    if (jsonType) {
      const s = mediaSchema(jsonType);
      properties.Body = { ...(s ? schemas.convert(s, { writing: true }) : {}), ...describe(rb, 'The request body (JSON)') };
      if (bodyRequired) required.push('Body');
      const media = content[jsonType] as Obj;
      const ex =
        media.example !== undefined ? media.example : isObj(media.examples) ? (Object.values(media.examples).find(isObj)?.value as unknown) : s?.example;
      if (ex !== undefined) example.Body = ex;
      body = { encoding: 'json', value: '$.Body', ...(jsonType.toLowerCase() !== 'application/json' ? { contentType: { $literal: jsonType } } : {}) };
    } else if (formType || multiType) {
      const multipart = !formType;
      const t = (formType ?? multiType)!;
      const s = mediaSchema(t);
      const resolved = s ? schemas.convert(s, { writing: true, keepBinary: multipart }) : {};
      const fields = isObj(resolved.properties) ? (resolved.properties as Record<string, JsonSchema>) : undefined;
      if (!fields) throw new Skip(`the ${t} body has no properties`);
      const fieldRequired = new Set(Array.isArray(resolved.required) ? (resolved.required as string[]) : []);
      const value: Record<string, Template> = {};
      for (const [field, fs] of Object.entries(fields)) {
        const m = member(field);
        const isFile = multipart && isBinarySchema(fs);
        if (isFile) {
          properties[m] = {
            type: 'object',
            description: cut(
              `${typeof fs.description === 'string' ? `${fs.description} ` : ''}A file: its content as base64, a file name and a content type.`,
              500,
            ),
            required: ['content'],
            additionalProperties: false,
            properties: {
              content: { type: 'string', description: 'The file content, base64', contentEncoding: 'base64' },
              filename: { type: 'string', minLength: 1 },
              contentType: { type: 'string' },
            },
          };
          value[templateKey(field)] = { content: { $fromBase64: `$.${m}.content` }, filename: `$.${m}.filename`, contentType: `$.${m}.contentType` };
          binary = { maxBytes: limits.maxBinaryBytes };
        } else {
          properties[m] = { ...stripBinary(fs), ...(m !== field ? { title: field } : {}) };
          const ftypes = ([] as unknown[]).concat(fs.type ?? []);
          value[templateKey(field)] = ftypes.includes('object') || (!multipart && ftypes.includes('array') && isObjItems(fs)) ? { $json: `$.${m}` } : `$.${m}`;
        }
        if (fieldRequired.has(field) && bodyRequired) required.push(m);
      }
      body = { encoding: multipart ? 'multipart' : 'form', value };
    } else if (textType) {
      properties.Body = { type: 'string', ...describe(rb, `The request body (${textType})`) };
      if (bodyRequired) required.push('Body');
      body = { encoding: 'text', value: '$.Body', contentType: { $literal: textType } };
    } else if (rawType) {
      properties.Body = { type: 'string', contentEncoding: 'base64', ...describe(rb, `The request body (${rawType}), base64`) };
      if (bodyRequired) required.push('Body');
      body = { encoding: 'base64', value: '$.Body', contentType: { $literal: rawType === '*/*' ? 'application/octet-stream' : rawType } };
      binary = { maxBytes: limits.maxBinaryBytes };
    } else if (types.length) {
      throw new Skip(`request body content type ${types.slice(0, 3).join(', ')} is not supported`);
    }
  }

  // The success response: what the action returns.
  let returns = '';
  const responses = isObj(op.responses) ? op.responses : {};
  const code =
    Object.keys(responses)
      .sort()
      .find((c) => /^2/.test(c)) ?? (Object.hasOwn(responses, 'default') ? 'default' : undefined);
  if (code) {
    const res = deref(doc, responses[code]);
    if (res) {
      const rd = typeof res.description === 'string' ? plainText(res.description) : '';
      const content = isObj(res.content) ? Object.keys(res.content) : [];
      const structured = content.find((t) => JSON_TYPE.test(t) || TEXT_TYPE.test(t));
      if (content.length && !structured) {
        binary = { maxBytes: Math.max(binary?.maxBytes ?? 0, limits.maxBinaryBytes), output: true };
        returns = `Returns ${rd ? `${rd} ` : ''}(${content[0]}) as base64.`;
      } else {
        const s = structured && isObj(res.content) && isObj((res.content as Obj)[structured]) ? ((res.content as Obj)[structured] as Obj).schema : undefined;
        const shape = isObj(s) ? schemaSummary(doc, s) : '';
        returns = rd || shape ? `Returns: ${[rd, shape].filter(Boolean).join(' — ')}` : '';
      }
    }
  }

  const text = `${op.deprecated === true ? 'Deprecated. ' : ''}${[summary, description && description !== summary ? description : ''].filter(Boolean).join('. ') || name}`;
  const full = returns ? `${cut(text, 1024 - returns.length - 2)} ${returns}` : text;
  const externalDocs = isObj(op.externalDocs) ? op.externalDocs : undefined;
  const reference = typeof externalDocs?.url === 'string' && /^https:\/\/[^\s]+$/.test(externalDocs.url) ? externalDocs.url : undefined;

  const request: HttpRequestTemplate = {
    method,
    path,
    ...(Object.keys(query).length ? { query } : {}),
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(body ? { body } : {}),
  };
  const action: CatalogAction = {
    ActionId: actionId,
    Name: name,
    Description: cut(full, 1024),
    InputSchema: { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false },
    request,
    output: {},
    idempotent: 'by-method',
    ...(binary ? { binary } : {}),
    ...(reference ? { reference } : {}),
  };
  const exampleJson = JSON.stringify(example);
  const complete = required.every((m) => Object.hasOwn(example, m)) && Object.keys(example).length > 0;
  if (complete && exampleJson.length <= 8192)
    action.Examples = [{ Title: cut(`Example: ${name}`, 200), Input: JSON.parse(exampleJson) as Record<string, unknown> }];
  return { action, notes };
}

// Credentials as parameters: the document's apiKey security schemes, and the usual names (Slack's `token` header).
const CREDENTIAL_PARAMS = [
  'header:token',
  'header:x-api-key',
  'header:api-key',
  'header:apikey',
  'header:x-auth-token',
  'header:x-access-token',
  'query:access_token',
  'query:api_key',
  'query:apikey',
];
const credentialCache = new WeakMap<Obj, Set<string>>();
function credentialNames(doc: Obj): Set<string> {
  let names = credentialCache.get(doc);
  if (names) return names;
  names = new Set(CREDENTIAL_PARAMS);
  const schemes = isObj(doc.components) && isObj(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  for (const s of Object.values(schemes)) {
    if (isObj(s) && s.type === 'apiKey' && typeof s.name === 'string' && (s.in === 'header' || s.in === 'query')) names.add(`${s.in}:${s.name.toLowerCase()}`);
  }
  credentialCache.set(doc, names);
  return names;
}

/** A template object key: one starting with '$' is written '$$' (a '$' key is an operator). */
const templateKey = (k: string) => (k.startsWith('$') ? `$${k}` : k);

const describe = (rb: Obj, fallback: string) => ({
  description: cut(typeof rb.description === 'string' && rb.description ? plainText(rb.description) : fallback, 500),
});

function encodeLiteral(s: string): string {
  return s.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/g, (c) => encodeURIComponent(c)).replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
}

export function sanitizeId(id: string): string {
  const s = id
    .replace(/[^\w@:.,!?+\-/]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 128);
  return s || 'operation';
}

const isBinarySchema = (s: JsonSchema) =>
  s.format === 'binary' || s.format === 'base64' || s.contentMediaType !== undefined || (s.type === 'string' && s['x-binary'] === true);
const stripBinary = (s: JsonSchema): JsonSchema => {
  const { format: _f, contentMediaType: _c, ...rest } = s;
  return rest;
};
const isObjItems = (s: JsonSchema) => isObj(s.items) && ([] as unknown[]).concat((s.items as Obj).type ?? []).includes('object');

/** A short statement of a response schema: its type and top-level members. */
function schemaSummary(doc: Obj, s: Obj): string {
  let v: unknown = s;
  for (let i = 0; i < 10 && isObj(v) && typeof v.$ref === 'string'; i++) v = v.$ref.startsWith('#') ? pointerGet(doc, v.$ref) : undefined;
  if (!isObj(v)) return '';
  const title = typeof v.title === 'string' ? v.title : '';
  if (v.type === 'array') return `a list${title ? ` (${title})` : ''}`;
  if (isObj(v.properties)) {
    const keys = Object.keys(v.properties);
    return `an object${title ? ` (${title})` : ''} with ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}`;
  }
  return title;
}

const KEEP = new Set([
  'type',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'default',
  'title',
  'deprecated',
]);

/** A document schema as a self-contained input schema: `$ref`s resolved, cycles and depth cut, 3.0's nullable as a type union. */
class SchemaConverter {
  private nodes = 0;
  constructor(
    private doc: Obj,
    private limits: Limits,
    private notes: string[],
  ) {}

  convert(s: Obj, opts: { writing?: boolean; keepBinary?: boolean } = {}): JsonSchema {
    return this.walk(s, 0, [], opts);
  }

  private walk(s: unknown, depth: number, refs: string[], opts: { writing?: boolean; keepBinary?: boolean }): JsonSchema {
    if (s === true || !isObj(s)) return {};
    if (++this.nodes > this.limits.maxSchemaNodes) {
      if (this.nodes === this.limits.maxSchemaNodes + 1) this.notes.push(`input schema larger than ${this.limits.maxSchemaNodes} parts: the rest left open`);
      return {};
    }
    if (typeof s.$ref === 'string') {
      const ref = s.$ref;
      if (!ref.startsWith('#')) throw new Skip(`external $ref ${ref.slice(0, 200)} is not fetched`);
      if (refs.includes(ref)) {
        this.notes.push(`recursive schema ${ref.slice(0, 200)} cut`);
        return { description: `(recursive: ${ref.slice(0, 200)})` };
      }
      const target = pointerGet(this.doc, ref);
      if (target === undefined) throw new Skip(`$ref ${ref.slice(0, 200)} names nothing`);
      // 3.1 allows siblings of $ref: they narrow the target; keep the description.
      const resolved = this.walk(target, depth, [...refs, ref], opts);
      return typeof s.description === 'string' ? { ...resolved, description: cut(plainText(s.description), 500) } : resolved;
    }
    if (depth > this.limits.maxSchemaDepth) {
      this.notes.push(`schema deeper than ${this.limits.maxSchemaDepth} levels cut`);
      return {};
    }
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(s)) if (KEEP.has(k)) out[k] = v;
    if (typeof s.description === 'string' && s.description) out.description = cut(plainText(s.description), 500);
    if (typeof s.pattern === 'string' && s.pattern.length <= 1000) {
      try {
        new RegExp(s.pattern);
        out.pattern = s.pattern;
      } catch {
        // A pattern of another regex dialect: left out.
      }
    }
    if (opts.keepBinary && (s.format === 'binary' || s.format === 'base64')) out.format = s.format;
    if (typeof s.contentMediaType === 'string' && opts.keepBinary) out.contentMediaType = s.contentMediaType;
    // 3.0: exclusiveMinimum/Maximum are booleans beside minimum/maximum.
    for (const [ex, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      if (typeof out[ex] === 'boolean') {
        if (out[ex] === true && typeof out[bound] === 'number') {
          out[ex] = out[bound];
          delete out[bound];
        } else delete out[ex];
      }
    }
    if (out.type !== undefined && !(typeof out.type === 'string' || (Array.isArray(out.type) && out.type.every((t) => typeof t === 'string')))) delete out.type;
    if (out.type === 'file') out.type = 'string';
    if (Array.isArray(out.enum) && out.enum.length === 0) delete out.enum;
    if (s.nullable === true) {
      if (typeof out.type === 'string') out.type = [out.type, 'null'];
      else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    }
    const next = depth + 1;
    if (isObj(s.properties)) {
      const props: Record<string, JsonSchema> = {};
      for (const [name, ps] of Object.entries(s.properties)) {
        if (opts.writing && isObj(ps) && ps.readOnly === true) continue;
        props[name] = this.walk(ps, next, refs, opts);
      }
      out.properties = props;
      if (Array.isArray(s.required)) {
        const req = s.required.filter((r): r is string => typeof r === 'string' && Object.hasOwn(props, r));
        if (req.length) out.required = [...new Set(req)];
      }
    } else if (Array.isArray(s.required)) {
      const req = s.required.filter((r): r is string => typeof r === 'string');
      if (req.length) out.required = [...new Set(req)];
    }
    if (isObj(s.additionalProperties)) out.additionalProperties = this.walk(s.additionalProperties, next, refs, opts);
    else if (typeof s.additionalProperties === 'boolean') out.additionalProperties = s.additionalProperties;
    if (isObj(s.items)) out.items = this.walk(s.items, next, refs, opts);
    else if (Array.isArray(s.items)) out.items = s.items.map((x) => this.walk(x, next, refs, opts));
    for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (Array.isArray(s[k]) && s[k].length) out[k] = (s[k] as unknown[]).slice(0, 50).map((x) => this.walk(x, next, refs, opts));
    }
    if (isObj(s.not)) out.not = this.walk(s.not, next, refs, opts);
    return out;
  }
}

// Swagger 2.0 → OpenAPI 3.0: what matters for actions (paths, parameters, bodies, responses, schemas).
function fromSwagger2(doc: Obj): Obj {
  const rewrite = (v: unknown, depth = 0): unknown => {
    if (depth > 200) return v;
    if (Array.isArray(v)) return v.map((x) => rewrite(x, depth + 1));
    if (!isObj(v)) return v;
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === '$ref' && typeof x === 'string') {
        out[k] = x
          .replace(/^#\/definitions\//, '#/components/schemas/')
          .replace(/^#\/parameters\//, '#/x-swagger-parameters/')
          .replace(/^#\/responses\//, '#/x-swagger-responses/');
      } else out[k] = rewrite(x, depth + 1);
    }
    return out;
  };
  const src = rewrite(doc) as Obj;
  src['x-swagger-parameters'] = src.parameters;
  src['x-swagger-responses'] = src.responses;
  const globalConsumes = Array.isArray(src.consumes) ? (src.consumes as string[]) : [];
  const globalProduces = Array.isArray(src.produces) ? (src.produces as string[]) : [];
  const paramOf = (p: unknown): Obj | undefined => {
    let v = p;
    for (let i = 0; i < 10 && isObj(v) && typeof v.$ref === 'string'; i++) {
      if (!v.$ref.startsWith('#')) return v; // left for the operation to skip
      v = pointerGet(src, v.$ref);
    }
    return isObj(v) ? v : undefined;
  };
  const simpleSchema = (p: Obj): Obj => {
    const s: Obj = {};
    for (const k of [
      'type',
      'format',
      'items',
      'enum',
      'default',
      'minimum',
      'maximum',
      'exclusiveMinimum',
      'exclusiveMaximum',
      'minLength',
      'maxLength',
      'pattern',
      'minItems',
      'maxItems',
      'uniqueItems',
      'multipleOf',
    ]) {
      if (p[k] !== undefined) s[k] = p[k];
    }
    if (s.type === 'file') {
      s.type = 'string';
      s.format = 'binary';
    }
    return s;
  };
  const paths: Obj = {};
  for (const [path, rawItem] of Object.entries(isObj(src.paths) ? src.paths : {})) {
    if (!isObj(rawItem)) continue;
    const item: Obj = {};
    const itemParams = Array.isArray(rawItem.parameters) ? rawItem.parameters : [];
    for (const m of METHODS) {
      const op = rawItem[m];
      if (!isObj(op)) continue;
      const consumes = Array.isArray(op.consumes) ? (op.consumes as string[]) : globalConsumes;
      const produces = Array.isArray(op.produces) ? (op.produces as string[]) : globalProduces;
      const merged = new Map<string, unknown>();
      for (const raw of [...itemParams, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
        const p = paramOf(raw);
        if (!p) continue;
        merged.set(typeof p.$ref === 'string' ? p.$ref : `${String(p.in)}:${String(p.name)}`, p);
      }
      const parameters: unknown[] = [];
      let requestBody: Obj | undefined;
      const formProps: Obj = {};
      const formRequired: string[] = [];
      let hasFile = false;
      for (const p of merged.values()) {
        if (!isObj(p)) continue;
        if (typeof p.$ref === 'string') {
          parameters.push(p);
          continue;
        }
        if (p.in === 'body') {
          const type = consumes.find((t) => /json/i.test(t)) ?? consumes[0] ?? 'application/json';
          requestBody = {
            content: { [type]: { schema: p.schema ?? {} } },
            required: p.required === true,
            ...(typeof p.description === 'string' ? { description: p.description } : {}),
          };
        } else if (p.in === 'formData' && typeof p.name === 'string') {
          if (p.type === 'file') hasFile = true;
          formProps[p.name] = { ...simpleSchema(p), ...(typeof p.description === 'string' ? { description: p.description } : {}) };
          if (p.required === true) formRequired.push(p.name);
        } else {
          const { type: _t, format: _f, items: _i, enum: _e, default: _d, collectionFormat, ...rest } = p;
          // collectionFormat: multi repeats the parameter, csv (the default), ssv, pipes join the list.
          const style = collectionFormat === 'ssv' ? 'spaceDelimited' : collectionFormat === 'pipes' ? 'pipeDelimited' : 'form';
          parameters.push({ ...rest, schema: simpleSchema(p), ...(p.type === 'array' ? { style, explode: collectionFormat === 'multi' } : {}) });
        }
      }
      if (Object.keys(formProps).length && !requestBody) {
        const type =
          hasFile || (consumes.some((t) => /^multipart\/form-data/i.test(t)) && !consumes.some((t) => /x-www-form-urlencoded/i.test(t)))
            ? 'multipart/form-data'
            : 'application/x-www-form-urlencoded';
        requestBody = {
          content: { [type]: { schema: { type: 'object', properties: formProps, ...(formRequired.length ? { required: formRequired } : {}) } } },
          required: formRequired.length > 0,
        };
      }
      const responses: Obj = {};
      for (const [code, rawRes] of Object.entries(isObj(op.responses) ? op.responses : {})) {
        const res = isObj(rawRes) && typeof rawRes.$ref === 'string' ? (pointerGet(src, rawRes.$ref) ?? rawRes) : rawRes;
        if (!isObj(res)) continue;
        const type = produces.find((t) => /json/i.test(t)) ?? produces[0] ?? 'application/json';
        responses[code] = { description: res.description ?? '', ...(res.schema !== undefined ? { content: { [type]: { schema: res.schema } } } : {}) };
      }
      const { parameters: _p, consumes: _c, produces: _pr, responses: _r, ...rest } = op;
      item[m] = { ...rest, parameters, ...(requestBody ? { requestBody } : {}), responses };
    }
    paths[path] = item;
  }
  return {
    openapi: '3.0.3',
    info: src.info,
    paths,
    components: { schemas: isObj(src.definitions) ? src.definitions : {}, securitySchemes: isObj(src.securityDefinitions) ? src.securityDefinitions : {} },
    'x-swagger-parameters': src.parameters,
    'x-swagger-responses': src.responses,
  };
}
