// Catalogs checked against the vendors' published API specs (issue 16, item 2).
//
// Two halves. `buildIndex` reads the specs in `../shared/reference/vendors/` (OpenAPI 3.0/3.1,
// Swagger 2.0; JSON or YAML) and keeps, for just the operations our catalogs call, what the
// checks need: parameters (in, required, enum and length limits), the request body's members
// and their limits, and the security alternatives. `checkCatalog` then walks a catalog's actions
// against such an index: the method and path exist, every required parameter is sent, nothing
// undeclared is sent, our input schema is no looser than the spec, and the auth placement of
// each AuthenticationType the type accepts is one the spec's security schemes allow.
// The test keeps a compact index of the freely licensed specs in test/fixtures so that CI
// (a clone without ../shared) still checks those vendors; see test/catalog-vendor-specs.test.ts.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import type { Catalog, CatalogAction, HttpRequestTemplate, JsonSchema, Template } from '../../src/catalog/types.js';
import type { ActionConnectorType, ConnectionAuthType } from '../../src/protocol/generated/model.js';

// ---------------------------------------------------------------------------------------------
// The specs and how our paths map onto them

export interface SpecFile {
  id: string;
  /** Relative to the vendors directory. */
  file: string;
  /** From SOURCES.md. */
  licence: string;
  /** Whether its extract may be committed (test/fixtures/vendor-spec-index.json): Apache-2.0 or MIT only. */
  vendored: boolean;
}

export const SPEC_FILES: readonly SpecFile[] = [
  { id: 'jira', file: 'atlassian/swagger-v3.v3.json', licence: 'Apache-2.0 (spec info.license)', vendored: true },
  { id: 'confluence-v2', file: 'atlassian/openapi-v2.v3.json', licence: 'none stated (Atlassian developer terms)', vendored: false },
  { id: 'confluence-v1', file: 'atlassian/swagger.v3.json', licence: 'none stated (Atlassian terms)', vendored: false },
  { id: 'slack', file: 'slack/slack_web_openapi_v2.json', licence: 'MIT (slackapi/slack-api-specs)', vendored: true },
  { id: 'pagerduty', file: 'pagerduty/REST/openapiv3.json', licence: 'none stated', vendored: false },
  { id: 'pagerduty-events', file: 'pagerduty/events-v2/openapiv3.json', licence: 'none stated', vendored: false },
  { id: 'asana', file: 'asana/asana_oas.yaml', licence: 'Apache-2.0 (spec info.license)', vendored: true },
  { id: 'zendesk', file: 'zendesk/oas.yaml', licence: 'none stated', vendored: false },
  { id: 'smartsheet', file: 'smartsheet/openapi.json', licence: 'none stated (Smartsheet Developer Program Agreement)', vendored: false },
  { id: 'bamboohr', file: 'bamboohr/public.yaml', licence: 'MIT (BambooHR/bhr-api-php)', vendored: true },
  { id: 'sap-business-partner', file: 'sap/OP_API_BUSINESS_PARTNER_SRV_before_arranged.json', licence: 'SAP API Hub terms', vendored: false },
  { id: 'sap-physical-inventory', file: 'sap/OP_API_PHYSICAL_INVENTORY_DOC_SRV.json', licence: 'SAP API Hub terms', vendored: false },
];

/** Where an action's request lands in a spec: the spec and the path as the spec writes it (relative to its servers). */
export interface Route {
  spec: string;
  path: string;
}

const SAP_ROOT = '/sap/opu/odata/sap/';
const under = (p: string, prefix: string) => (p === prefix || p.startsWith(`${prefix}/`) || p.startsWith(`${prefix}(`) ? p.slice(prefix.length) : undefined);

/**
 * Our BaseEndpoint-relative paths onto spec paths, per connector type. A type listed here
 * is "a vendor with a spec"; a path a router does not map is reported.
 */
export const ROUTERS: Partial<Record<ActionConnectorType, (p: string) => Route | undefined>> = {
  // BaseEndpoint https://{site}.atlassian.net; the spec's server is the site, paths /rest/api/3/...
  JIRA_CLOUD: (p) => ({ spec: 'jira', path: p }),
  // BaseEndpoint https://{site}.atlassian.net/wiki: v2 under servers /wiki/api/v2, v1 paths written /wiki/rest/api/...
  ATLASSIAN_CONFLUENCE: (p) => {
    const v2 = under(p, '/api/v2');
    if (v2 !== undefined) return { spec: 'confluence-v2', path: v2 };
    if (p.startsWith('/rest/api/')) return { spec: 'confluence-v1', path: `/wiki${p}` };
    return undefined;
  },
  // BaseEndpoint https://slack.com/api; basePath /api.
  SLACK: (p) => ({ spec: 'slack', path: p }),
  ZENDESK_SUITE: (p) => ({ spec: 'zendesk', path: p }),
  // BaseEndpoint https://api.pagerduty.com; the Events API v2 is another origin (https://events.pagerduty.com/v2).
  PAGERDUTY_ADVANCE: (p) => {
    const events = under(p, 'https://events.pagerduty.com/v2');
    return events !== undefined ? { spec: 'pagerduty-events', path: events } : { spec: 'pagerduty', path: p };
  },
  // BaseEndpoint https://api.smartsheet.com/2.0 = the spec's server.
  SMARTSHEET: (p) => ({ spec: 'smartsheet', path: p }),
  // BaseEndpoint https://app.asana.com/api/1.0 = the spec's server.
  ASANA: (p) => ({ spec: 'asana', path: p }),
  // BaseEndpoint https://api.bamboohr.com/api/gateway.php/{company}: our /v1/... is the spec's /api/v1/... on {company}.bamboohr.com.
  BAMBOO_HR: (p) => ({ spec: 'bamboohr', path: `/api${p}` }),
  SAP_BUSINESSPARTNER: (p) => {
    const rest = under(p, `${SAP_ROOT}API_BUSINESS_PARTNER`);
    return rest === undefined ? undefined : { spec: 'sap-business-partner', path: rest };
  },
  SAP_PHYSICALINVENTORY: (p) => {
    const rest = under(p, `${SAP_ROOT}API_PHYSICAL_INVENTORY_DOC_SRV`);
    return rest === undefined ? undefined : { spec: 'sap-physical-inventory', path: rest };
  },
};

/**
 * Where a request variant lands: a route into a spec, `unchecked` for a URL the vendor handed out
 * (an upload session: no spec operation), or undefined when nothing maps it. A variant may name
 * one of the catalog's other origins (`origin`, e.g. PagerDuty's `events`): its path is then
 * taken under that origin's URL. (`origin`, `url` and `origins` are read loosely so that this
 * works with catalogs from before and after they exist.)
 */
export function routeOf(c: Catalog, v: HttpRequestTemplate): Route | 'unchecked' | undefined {
  const router = ROUTERS[c.Type];
  if (!router) return undefined;
  const x = v as { origin?: string; url?: string };
  if (x.url !== undefined) return 'unchecked';
  if (x.origin !== undefined) {
    const o = (c as { origins?: Record<string, { url?: string }> }).origins?.[x.origin];
    return o?.url ? router(`${o.url.replace(/\/$/, '')}${v.path}`) : undefined;
  }
  return router(v.path);
}

/** Whether a variant goes where the connector's credentials do not (an origin with `credentials: false`). */
const withoutCredentials = (c: Catalog, v: HttpRequestTemplate) => {
  const name = (v as { origin?: string }).origin;
  return name !== undefined && (c as { origins?: Record<string, { credentials?: boolean }> }).origins?.[name]?.credentials === false;
};

/** A path with every placeholder reduced to `{}`, so names may differ ({IssueIdOrKey} vs {issueIdOrKey}) and only positions count. */
export const shape = (p: string) => p.replace(/\{[^}]*\}/g, '{}');

// ---------------------------------------------------------------------------------------------
// The index

/** The limits of a schema the checks compare (resolved: no $ref, allOf merged). */
export interface Limits {
  type?: string | string[];
  enum?: unknown[];
  maxLength?: number;
  minLength?: number;
  maximum?: number;
  minimum?: number;
  maxItems?: number;
  items?: Limits;
  properties?: Record<string, Limits>;
  required?: string[];
  /** true when the schema allows members it does not name (additionalProperties true or a schema). */
  open?: boolean;
}

export interface IndexParam {
  name: string;
  in: 'path' | 'query' | 'header' | 'formData';
  required: boolean;
  schema: Limits;
}

/** One security alternative: every scheme in it applies. */
export type SecurityAlternative = { type: string; scheme?: string; in?: string; name?: string; scopes?: string[] }[];

export interface IndexOperation {
  spec: string;
  method: string;
  path: string;
  params: IndexParam[];
  /** The JSON (or form) body, when the operation takes one. */
  body?: Limits & { requiredBody: boolean };
  /** Alternatives; absent when the spec states none (no check). */
  security?: SecurityAlternative[];
  /**
   * Names the operation's description writes as code (`limit`, `X-Atlassian-Token: no-check`):
   * a parameter sent under such a name is documented there though the parameter list omits it.
   */
  described?: string[];
}

export interface SpecIndex {
  note?: string;
  specs: Record<string, { file: string; sha256: string; version: string; licence: string }>;
  operations: IndexOperation[];
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A parsed spec with $ref resolution. */
export class Spec {
  readonly doc: Json;
  readonly swagger2: boolean;
  constructor(
    readonly id: string,
    text: string,
    yaml: boolean,
  ) {
    this.doc = (yaml ? YAML.parse(text, { maxAliasCount: -1 }) : JSON.parse(text)) as Json;
    this.swagger2 = typeof this.doc.swagger === 'string';
  }

  /** Follows $ref (a chain of at most 20) within the document; an external $ref resolves to {}. */
  deref(v: unknown): unknown {
    let cur = v;
    for (let i = 0; i < 20 && isObj(cur) && typeof cur.$ref === 'string'; i++) {
      const ref = cur.$ref as string;
      if (!ref.startsWith('#/')) return {};
      let node: unknown = this.doc;
      // JSON pointer steps: ~1 is /, ~0 is ~, and (Smartsheet) percent-encoded braces; arrays by index (PagerDuty's Tag/allOf/0).
      for (const raw of ref.slice(2).split('/')) {
        const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
        node = isObj(node) || Array.isArray(node) ? (node as Record<string, unknown>)[part] : undefined;
      }
      cur = node;
    }
    return cur;
  }

  /** The compact limits of a schema, resolved to `depth` levels of members. */
  limits(schema: unknown, depth = 4, stack: unknown[] = []): Limits {
    const s = this.deref(schema);
    if (!isObj(s) || stack.includes(s)) return {};
    const next = [...stack, s];
    const out: Limits = {};
    const parts = Array.isArray(s.allOf) ? s.allOf.map((x) => this.limits(x, depth, next)) : [];
    // oneOf/anyOf: members of any branch are declared, none is required, no limit is certain.
    const branches = [...(Array.isArray(s.oneOf) ? s.oneOf : []), ...(Array.isArray(s.anyOf) ? s.anyOf : [])].map((x) => this.limits(x, depth, next));
    if (s.type !== undefined) out.type = s.type as string | string[];
    if (Array.isArray(s.enum)) out.enum = s.enum.filter((e) => e !== null);
    for (const k of ['maxLength', 'minLength', 'maximum', 'minimum', 'maxItems'] as const) if (typeof s[k] === 'number') out[k] = s[k] as number;
    if (s.items !== undefined && depth > 0) out.items = this.limits(s.items, depth - 1, next);
    if (isObj(s.properties) && depth > 0) {
      out.properties = {};
      for (const [k, v] of Object.entries(s.properties)) out.properties[k] = this.limits(v, depth - 1, next);
    }
    if (Array.isArray(s.required)) out.required = [...(s.required as string[])];
    if (s.additionalProperties === true || isObj(s.additionalProperties)) out.open = true;
    for (const p of parts) mergeInto(out, p, true);
    for (const b of branches)
      mergeInto(
        out,
        { ...b, required: undefined, enum: undefined, maxLength: undefined, minLength: undefined, maximum: undefined, minimum: undefined, maxItems: undefined },
        false,
      );
    return prune(out);
  }
}

function mergeInto(out: Limits, p: Limits, keepRequired: boolean) {
  if (p.properties) out.properties = { ...p.properties, ...(out.properties ?? {}) };
  if (keepRequired && p.required) out.required = [...new Set([...(out.required ?? []), ...p.required])];
  if (p.open) out.open = true;
  if (out.type === undefined && p.type !== undefined) out.type = p.type;
  if (out.items === undefined && p.items !== undefined) out.items = p.items;
  for (const k of ['enum', 'maxLength', 'minLength', 'maximum', 'minimum', 'maxItems'] as const)
    if (out[k] === undefined && p[k] !== undefined) (out as Record<string, unknown>)[k] = p[k];
}

/** The object without its undefined members (so that a committed extract compares equal to a fresh one). */
function prune<T extends object>(l: T): T {
  for (const k of Object.keys(l) as (keyof T)[]) if (l[k] === undefined) delete l[k];
  return l;
}

/** Finds the operation for a method and a path (placeholders by position) in a parsed spec and makes it compact. */
export function extractOperation(spec: Spec, method: string, specPath: string): IndexOperation | undefined {
  const paths = spec.doc.paths as Json;
  const want = shape(specPath);
  const actual = Object.keys(paths).find((p) => shape(p) === want);
  if (actual === undefined) return undefined;
  const item = spec.deref(paths[actual]) as Json;
  const op = item[method.toLowerCase()];
  if (!isObj(op)) return undefined;
  const params = new Map<string, IndexParam>();
  let body: (Limits & { requiredBody: boolean }) | undefined;
  for (const raw of [...((item.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])]) {
    const p = spec.deref(raw) as Json;
    if (!isObj(p) || typeof p.name !== 'string') continue;
    if (p.in === 'body') {
      body = { ...spec.limits(p.schema), requiredBody: p.required === true };
      continue;
    }
    if (p.in === 'cookie') continue;
    // Swagger 2 puts limits on the parameter itself; OpenAPI 3 in its schema.
    const schema = spec.swagger2 ? spec.limits(p) : spec.limits(p.schema);
    params.set(`${p.in} ${p.name}`, { name: p.name, in: p.in as IndexParam['in'], required: p.required === true || p.in === 'path', schema });
  }
  const rb = spec.deref(op.requestBody);
  if (isObj(rb) && isObj(rb.content)) {
    const content = rb.content as Json;
    const type = Object.keys(content).find((t) => /json/i.test(t)) ?? Object.keys(content).find((t) => /form/i.test(t)) ?? Object.keys(content)[0];
    const media = type === undefined ? undefined : (spec.deref(content[type]) as Json);
    body = { ...spec.limits(media?.schema), requiredBody: rb.required === true };
  }
  const security = securityOf(spec, op);
  const text = `${typeof op.summary === 'string' ? op.summary : ''}\n${typeof op.description === 'string' ? op.description : ''}`;
  const named = [...text.matchAll(/`([A-Za-z_$][\w.[\]$-]{0,63})(?=[`:=])/g)].map((m) => m[1]!);
  const described = [...new Set(named)].sort();
  return prune<IndexOperation>({
    spec: spec.id,
    method: method.toUpperCase(),
    path: actual,
    params: [...params.values()],
    body,
    security,
    described: described.length > 0 ? described : undefined,
  });
}

function securityOf(spec: Spec, op: Json): SecurityAlternative[] | undefined {
  const reqs = (op.security ?? spec.doc.security) as Json[] | undefined;
  if (!Array.isArray(reqs)) return undefined;
  const schemes = ((spec.doc.components as Json | undefined)?.securitySchemes ?? spec.doc.securityDefinitions ?? {}) as Json;
  return reqs.map((req) =>
    Object.keys(req).map((name) => {
      const s = (spec.deref(schemes[name]) ?? {}) as Json;
      return prune({
        type: String(s.type),
        scheme: s.scheme as string | undefined,
        in: s.in as string | undefined,
        name: s.name as string | undefined,
        scopes: s.type === 'oauth2' && Array.isArray(req[name]) && (req[name] as string[]).length > 0 ? [...(req[name] as string[])] : undefined,
      });
    }),
  );
}

/**
 * Our `requires.scopes` against the OAuth scopes the spec names for the operation. A scope
 * matches a spec scope equal to it or one it is the stem of: Slack's 2020 spec still names the
 * classic `chat:write:bot` / `chat:write:user` where today's granular scope is `chat:write`.
 */
function checkScopes(action: CatalogAction, op: IndexOperation, report: (kind: string, detail: string) => void) {
  const ours = action.requires?.scopes ?? [];
  const theirs = [...new Set((op.security ?? []).flat().flatMap((s) => s.scopes ?? []))];
  if (ours.length === 0 || theirs.length === 0) return;
  const unknown = ours.filter((o) => !theirs.some((t) => t === o || t.startsWith(`${o}:`)));
  // A list of alternatives (any one of them) passes when one is the spec's.
  if (unknown.length === ours.length) report('scopes', `requires.scopes [${ours.join(', ')}]: none is among the spec's [${theirs.join(', ')}]`);
}

// ---------------------------------------------------------------------------------------------
// What our templates send

const REF = /^\$\.([A-Za-z0-9_]+)$/;
const ITEM_REF = /^@\.([A-Za-z0-9_]+)$/;

/** The members of an object schema that are always there once Ajv has run (required, or with a default). */
function presentMembers(schema: JsonSchema | undefined): Set<string> {
  const s = new Set<string>((schema?.required as string[] | undefined) ?? []);
  for (const [k, v] of Object.entries((schema?.properties as Record<string, JsonSchema> | undefined) ?? {})) if (isObj(v) && 'default' in v) s.add(k);
  return s;
}

interface Ctx {
  root: JsonSchema;
  rootPresent: Set<string>;
  item?: JsonSchema;
  itemPresent?: Set<string>;
}

const operatorOf = (t: Record<string, Template>) => Object.keys(t).find((k) => k.startsWith('$') && !k.startsWith('$$'));

/**
 * Whether a template always yields a value (given the input passed validation). An input schema's
 * anyOf/oneOf counts: the template is always there if it is under each branch's required members.
 */
export function always(t: Template | undefined, ctx: Ctx): boolean {
  if (alwaysPlain(t, ctx)) return true;
  const branches = [...((ctx.root.anyOf as JsonSchema[] | undefined) ?? []), ...((ctx.root.oneOf as JsonSchema[] | undefined) ?? [])];
  return (
    branches.length > 0 &&
    branches.every((b) => alwaysPlain(t, { ...ctx, rootPresent: new Set([...ctx.rootPresent, ...((b.required as string[] | undefined) ?? [])]) }))
  );
}

function alwaysPlain(t: Template | undefined, ctx: Ctx): boolean {
  if (t === undefined) return false;
  if (typeof t === 'string') {
    const m = REF.exec(t);
    if (m) return ctx.rootPresent.has(m[1]!);
    const i = ITEM_REF.exec(t);
    if (i) return ctx.itemPresent?.has(i[1]!) ?? false;
    return !t.startsWith('$.') && !t.startsWith('@.');
  }
  if (t === null || typeof t !== 'object') return true;
  if (Array.isArray(t)) return t.length === 0 || t.some((e) => alwaysPlain(e, ctx));
  const op = operatorOf(t);
  if (op === undefined) return Object.keys(t).length === 0 || Object.values(t).some((v) => alwaysPlain(v, ctx));
  switch (op) {
    case '$literal':
      return true;
    case '$coalesce':
    case '$merge':
      return (t[op] as Template[]).some((e) => alwaysPlain(e, ctx));
    case '$concat':
      return (t[op] as Template[]).every((e) => alwaysPlain(e, ctx));
    case '$if':
      return (alwaysPlain(t.$if, ctx) && alwaysPlain(t.$then, ctx)) || (t.$else !== undefined && alwaysPlain(t.$then, ctx) && alwaysPlain(t.$else, ctx));
    case '$hook':
      return alwaysPlain(t.$of, ctx);
    case '$each':
      return alwaysPlain(t.$each, ctx);
    default:
      return alwaysPlain(t[op], ctx);
  }
}

/** The input member a template passes straight through (possibly joined or converted), if it does. */
export function directMember(t: Template | undefined): { member: string; item: boolean; joined: boolean } | undefined {
  if (typeof t === 'string') {
    const m = REF.exec(t) ?? ITEM_REF.exec(t);
    return m ? { member: m[1]!, item: t.startsWith('@'), joined: false } : undefined;
  }
  if (!isObj(t)) return undefined;
  const op = operatorOf(t as Record<string, Template>);
  const o = t as Record<string, Template>;
  if (op === '$join') {
    const d = directMember(o.$join);
    return d ? { ...d, joined: true } : undefined;
  }
  if (op === '$string' || op === '$number') return directMember(o[op]);
  if (op === '$coalesce') {
    const list = o.$coalesce as Template[];
    return list.length > 0 ? directMember(list[0]) : undefined;
  }
  return undefined;
}

/** An object template's members: literal ones, and whether dynamic members (a `$merge` of an input object) may join them. */
export function objectMembers(t: Template | undefined): { members: Map<string, Template>; dynamic: boolean } | undefined {
  if (!isObj(t)) return undefined;
  const o = t as Record<string, Template>;
  const op = operatorOf(o);
  if (op === undefined) return { members: new Map(Object.entries(o).map(([k, v]) => [k.startsWith('$$') ? k.slice(1) : k, v])), dynamic: false };
  if (op === '$merge') {
    const out = { members: new Map<string, Template>(), dynamic: false };
    for (const part of o.$merge as Template[]) {
      const m = objectMembers(part);
      if (m) {
        for (const [k, v] of m.members) out.members.set(k, v);
        out.dynamic ||= m.dynamic;
      } else out.dynamic = true;
    }
    return out;
  }
  if (op === '$if') return objectMembers(o.$then);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The checks

export interface Mismatch {
  type: string;
  action: string;
  /** operation | required | undeclared | looser | auth | scopes; `described`: undeclared, but the operation's description names it (a note, not a failure) */
  kind: string;
  detail: string;
}

/**
 * Parameters whose values are lists of the resource's member names ($select, $expand, $orderby,
 * opt_fields): the spec's enum is the member list at the time it was written, which custom fields
 * and extensions grow; an unknown name is the vendor's 400, never a different operation. Their
 * enums are not compared (lengths and bounds still are).
 */
const SELECTION_PARAMS = new Set(['$select', '$expand', '$orderby', 'opt_fields']);

/**
 * Query parameters a vendor documents once for all its list operations rather than in each
 * operation: Zendesk's pagination guide (offset page/per_page, cursor page[size]/page[after]/
 * page[before]; developer.zendesk.com/api-reference/introduction/pagination).
 */
const PAGINATION_PARAMS: Record<string, Set<string>> = {
  zendesk: new Set(['page', 'per_page', 'page[size]', 'page[after]', 'page[before]']),
};

const STANDARD_HEADERS = new Set(['accept', 'content-type', 'accept-language', 'user-agent', 'if-match', 'if-none-match', 'content-length']);

/** The input schema a direct member reads: the root input's, or the `$each` item's. */
function memberSchema(d: { member: string; item: boolean }, ctx: Ctx): JsonSchema | undefined {
  const props = (d.item ? ctx.item?.properties : ctx.root.properties) as Record<string, JsonSchema> | undefined;
  return props?.[d.member];
}

/** Ways our schema is looser than the spec's, for a member sent as is (or joined, for list parameters). */
export function looser(ours: JsonSchema | undefined, theirs: Limits, joined: boolean, opts: { skipEnum?: boolean } = {}): string[] {
  if (!ours) return [];
  const out: string[] = [];
  // A list sent joined (a,b) or repeated (x[]=a&x[]=b): its items against the spec's items, or
  // against the parameter itself when the spec describes one value (PagerDuty's statuses[]).
  const ourList = joined || ours.type === 'array' || ours.items !== undefined;
  const specList = theirs.type === 'array' || theirs.items !== undefined;
  const mine = ourList ? ((ours.items as JsonSchema | undefined) ?? {}) : ours;
  const spec = specList ? (theirs.items ?? {}) : theirs;
  if (ourList && specList && !joined && theirs.maxItems !== undefined && (typeof ours.maxItems !== 'number' || ours.maxItems > theirs.maxItems))
    out.push(`maxItems ${ours.maxItems ?? 'none'} > spec ${theirs.maxItems}`);
  if (opts.skipEnum) return [...out, ...looser(mine, { ...spec, enum: undefined }, false)];
  const ourEnum = Array.isArray(mine.enum) ? mine.enum : 'const' in mine ? [mine.const] : undefined;
  // A boolean is no looser than a spec's ['true', 'false'] (Jira writes booleans so).
  const booleanEnum = spec.type === 'boolean' || spec.enum?.every((e) => typeof e === 'boolean' || e === 'true' || e === 'false');
  if (spec.enum && spec.enum.length > 0 && !(booleanEnum && (mine.type === 'boolean' || spec.type === 'boolean'))) {
    if (!ourEnum) out.push(`no enum; spec allows [${spec.enum.join(', ')}]`);
    else {
      const extra = ourEnum.filter((e) => !spec.enum!.map(String).includes(String(e)));
      if (extra.length > 0) out.push(`enum has ${extra.join(', ')} the spec does not allow`);
    }
  }
  if (!ourEnum) {
    const max = maxLengthOf(mine);
    if (spec.maxLength !== undefined && (max === undefined || max > spec.maxLength)) out.push(`maxLength ${max ?? 'none'} > spec ${spec.maxLength}`);
    const min = (mine.minLength as number | undefined) ?? minLengthOfPattern(mine.pattern);
    if (spec.minLength !== undefined && spec.minLength > 0 && (min === undefined || min < spec.minLength))
      out.push(`minLength ${min ?? 'none'} < spec ${spec.minLength}`);
  }
  if (spec.maximum !== undefined && (typeof mine.maximum !== 'number' || mine.maximum > spec.maximum))
    out.push(`maximum ${mine.maximum ?? 'none'} > spec ${spec.maximum}`);
  if (spec.minimum !== undefined && (typeof mine.minimum !== 'number' || mine.minimum < spec.minimum))
    out.push(`minimum ${mine.minimum ?? 'none'} < spec ${spec.minimum}`);
  return out;
}

/** The longest string an anchored pattern with bounded quantifiers matches (undefined: unbounded or too complex). */
export function maxLengthOf(s: JsonSchema): number | undefined {
  if (typeof s.maxLength === 'number') return s.maxLength;
  if (typeof s.pattern !== 'string') return undefined;
  const p = s.pattern;
  if (!p.startsWith('^') || !p.endsWith('$') || p.endsWith('\\$')) return undefined;
  return patternBounds(p.slice(1, -1))?.[1];
}

function minLengthOfPattern(p: unknown): number | undefined {
  if (typeof p !== 'string' || !p.startsWith('^') || !p.endsWith('$')) return undefined;
  return patternBounds(p.slice(1, -1))?.[0];
}

/** [min, max] lengths of a simple regex body: atoms, classes, groups, alternation, ?, {n}, {n,m}. */
function patternBounds(src: string): [number, number] | undefined {
  let i = 0;
  const alt = (): [number, number] | undefined => {
    const branches: [number, number][] = [];
    let cur: [number, number] = [0, 0];
    while (i < src.length && src[i] !== ')') {
      if (src[i] === '|') {
        branches.push(cur);
        cur = [0, 0];
        i++;
        continue;
      }
      let atom: [number, number] | undefined;
      const c = src[i]!;
      if (c === '(') {
        i++;
        if (src.startsWith('?:', i)) i += 2;
        atom = alt();
        if (atom === undefined || src[i] !== ')') return undefined;
        i++;
      } else if (c === '[') {
        const end = src.indexOf(']', i + 2);
        if (end < 0) return undefined;
        i = end + 1;
        atom = [1, 1];
      } else if (c === '\\') {
        i += 2;
        atom = [1, 1];
      } else if ('*+'.includes(c)) return undefined;
      else {
        i++;
        atom = [1, 1];
      }
      const q = src[i];
      if (q === '*' || q === '+') return undefined;
      if (q === '?') {
        atom = [0, atom[1]];
        i++;
      } else if (q === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
        if (!m) return undefined;
        if (m[2] !== undefined && m[3] === '') return undefined;
        const lo = Number(m[1]);
        const hi = m[2] === undefined ? lo : Number(m[3]);
        atom = [atom[0] * lo, atom[1] * hi];
        i += m[0].length;
      }
      cur = [cur[0] + atom[0], cur[1] + atom[1]];
    }
    branches.push(cur);
    return [Math.min(...branches.map((b) => b[0])), Math.max(...branches.map((b) => b[1]))];
  };
  const r = alt();
  return i === src.length ? r : undefined;
}

/** Compares an object template (body, or a member of one) with the spec's schema for it. */
function checkObject(t: Template, schema: Limits, ctx: Ctx, where: string, report: (kind: string, detail: string) => void, authParams: Set<string>) {
  if (isObj(t) && operatorOf(t as Record<string, Template>) === '$each') {
    const each = t as Record<string, Template>;
    const d = directMember(each.$each);
    const list = d ? memberSchema(d, ctx) : undefined;
    const itemCtx: Ctx = { ...ctx, item: (list?.items as JsonSchema | undefined) ?? {}, itemPresent: presentMembers(list?.items as JsonSchema | undefined) };
    if (schema.maxItems !== undefined && list && (typeof list.maxItems !== 'number' || list.maxItems > schema.maxItems))
      report('looser', `${where || 'body'}: maxItems ${list.maxItems ?? 'none'} > spec ${schema.maxItems}`);
    if (schema.items) checkObject(each.$as!, schema.items, itemCtx, `${where}[]`, report, authParams);
    return;
  }
  if (isObj(t) && operatorOf(t as Record<string, Template>) === '$if') {
    // Inside $then the condition holds: a member it tests is present.
    const o = t as Record<string, Template>;
    const cond = directMember(o.$if);
    const inner: Ctx = cond && !cond.item ? { ...ctx, rootPresent: new Set([...ctx.rootPresent, cond.member]) } : ctx;
    checkObject(o.$then!, schema, inner, where, report, authParams);
    if (o.$else !== undefined) checkObject(o.$else, schema, ctx, where, report, authParams);
    return;
  }
  const d = directMember(t);
  if (d) {
    for (const l of looser(memberSchema(d, ctx), schema, d.joined)) report('looser', `${where || 'body'} (${d.member}): ${l}`);
    return;
  }
  const obj = objectMembers(t);
  if (!obj || !schema.properties) return;
  for (const [k, v] of obj.members) {
    const theirs = schema.properties[k];
    if (!theirs) {
      // A member the schema requires is declared even where its properties forget it (PagerDuty's IncidentBody.type).
      if (!schema.open && !schema.required?.includes(k)) report('undeclared', `${where ? `${where}.` : 'body '}${k} is not a member the spec declares`);
      continue;
    }
    checkObject(v, theirs, ctx, where ? `${where}.${k}` : k, report, authParams);
  }
  for (const r of schema.required ?? []) {
    if (authParams.has(r) && !where) continue;
    const v = obj.members.get(r);
    if (v === undefined) {
      if (!obj.dynamic) report('required', `${where ? `${where}.` : 'body '}${r} is required by the spec and never sent`);
      else if (!always(v, ctx)) report('required', `${where ? `${where}.` : 'body '}${r} is required by the spec; sent only if the caller adds it`);
    } else if (!always(v, ctx)) report('required', `${where ? `${where}.` : 'body '}${r} is required by the spec but sent only when the input has it`);
  }
}

/** Spec parameters our auth supplies (Slack's `token` argument: we send the token as Authorization: Bearer, which Slack documents as equivalent). */
const AUTH_PARAMS: Record<string, Set<string>> = { slack: new Set(['token']) };

export interface Placement {
  authType: ConnectionAuthType;
  /** basic | bearer | header:<name> */
  how: string;
  label: string;
}

/** Whether a placement satisfies one of the spec's security alternatives. */
export function placementAllowed(p: Placement, alts: SecurityAlternative[]): boolean {
  // `{}` (anonymous access) says nothing about where a credential goes: ignored when there are others.
  const real = alts.filter((a) => a.length > 0);
  if (real.length === 0) return true;
  return real.some((alt) =>
    alt.every((s) => {
      if (s.type === 'http' && s.scheme?.toLowerCase() === 'basic') return p.how === 'basic';
      if (s.type === 'http' && s.scheme?.toLowerCase() === 'bearer') return p.how === 'bearer';
      // An OAuth token travels as Bearer; an API key is not an OAuth token.
      if (s.type === 'oauth2' || s.type === 'openIdConnect') return p.how === 'bearer' && p.authType.startsWith('OAUTH2_');
      if (s.type === 'apiKey' && s.in === 'header') {
        const name = s.name?.toLowerCase();
        return p.how === `header:${name}` || (name === 'authorization' && (p.how === 'bearer' || p.how === 'basic'));
      }
      return false;
    }),
  );
}

export interface CheckResult {
  checked: number;
  mismatches: Mismatch[];
}

/**
 * Checks every action of a catalog against the operations of an index.
 * `placements`: how each AuthenticationType of the type sends its credentials.
 */
export function checkCatalog(
  catalog: Catalog,
  lookup: (spec: string, method: string, path: string) => IndexOperation | 'no-spec' | undefined,
  placements: Placement[],
): CheckResult {
  const mismatches: Mismatch[] = [];
  let checked = 0;
  if (!ROUTERS[catalog.Type]) return { checked, mismatches };
  const authSeen = new Set<string>();
  for (const action of catalog.actions) {
    if (!action.request) continue;
    const variants = Array.isArray(action.request) ? action.request : [action.request];
    let actionChecked = false;
    for (const v of variants) {
      const report = (kind: string, detail: string) => {
        const m = { type: catalog.Type, action: action.ActionId, kind, detail: variants.length > 1 ? `[${v.method} ${v.path}] ${detail}` : detail };
        if (kind === 'auth') {
          // Once per placement and vendor, not per action.
          const placement = detail.slice(0, detail.indexOf(' is not'));
          if (authSeen.has(placement)) return;
          authSeen.add(placement);
          m.action = '*';
        }
        mismatches.push(m);
      };
      const route = routeOf(catalog, v);
      if (route === 'unchecked') continue;
      if (!route) {
        report('operation', `${v.method} ${v.path} maps onto no spec`);
        continue;
      }
      const op = lookup(route.spec, v.method, route.path);
      if (op === 'no-spec') continue;
      actionChecked = true;
      if (!op) {
        report('operation', `${v.method} ${route.path} is not an operation of ${route.spec}`);
        continue;
      }
      checkVariant(action, catalog, v, op, report);
      checkScopes(action, op, report);
      // An action that needs the delegated grant runs only on authorization-code connectors: other placements do not apply.
      const delegatedOnly = ((v as { grant?: string }).grant ?? action.requires?.grant) === 'delegated';
      if (op.security && op.security.length > 0 && !withoutCredentials(catalog, v))
        for (const p of placements)
          if ((!delegatedOnly || p.authType === 'OAUTH2_AUTHORIZATION_CODE') && !placementAllowed(p, op.security))
            report('auth', `${p.label} is not among the spec's security schemes (${describeSecurity(op.security)})`);
    }
    if (actionChecked) checked++;
  }
  return { checked, mismatches };
}

const describeSecurity = (alts: SecurityAlternative[]) =>
  [
    ...new Set(
      alts
        .filter((a) => a.length > 0)
        .map((a) => a.map((s) => (s.type === 'http' ? `http ${s.scheme}` : s.type === 'apiKey' ? `apiKey ${s.in} ${s.name}` : s.type)).join('+')),
    ),
  ].join(' | ');

function checkVariant(action: CatalogAction, catalog: Catalog, v: HttpRequestTemplate, op: IndexOperation, report: (kind: string, detail: string) => void) {
  const root = action.InputSchema;
  const rootPresent = presentMembers(root);
  for (const w of typeof v.when === 'string' ? [v.when] : (v.when ?? [])) {
    const m = REF.exec(w);
    if (m) rootPresent.add(m[1]!);
  }
  const ctx: Ctx = { root, rootPresent };
  const authParams = AUTH_PARAMS[op.spec] ?? new Set<string>();
  const props = (root.properties as Record<string, JsonSchema> | undefined) ?? {};

  // Path parameters, by position.
  const ours = [...v.path.matchAll(/\{[+]?([A-Za-z0-9_]+)(\|odata)?\}/g)].map((m) => m[1]!);
  const theirs = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  ours.forEach((member, i) => {
    const p = op.params.find((x) => x.in === 'path' && x.name === theirs[i]);
    if (p) for (const l of looser(props[member], p.schema, false)) report('looser', `path {${p.name}} (${member}): ${l}`);
  });

  // Query parameters (Swagger 2 form arguments of a GET travel in the query too).
  const query = objectMembers(v.query as Template | undefined);
  const queryParams = op.params.filter((p) => p.in === 'query' || (p.in === 'formData' && v.method === 'GET'));
  const undeclared = (what: string, name: string, caseless = false) => {
    const described = op.described?.some((d) => (caseless ? d.toLowerCase() === name.toLowerCase() : d === name));
    report(described ? 'described' : 'undeclared', `${what} ${name} is not a parameter of the operation${described ? ' (its description names it)' : ''}`);
  };
  for (const [k, t] of query?.members ?? []) {
    const p = queryParams.find((x) => x.name === k);
    if (!p) {
      // `page[limit]`: a member of an object parameter `page` sent in deepObject style.
      const deep = /^([^[\]]+)\[([^[\]]+)\]$/.exec(k);
      const parent = deep ? queryParams.find((x) => x.name === deep[1]) : undefined;
      const members = (parent?.schema as { properties?: Record<string, unknown> } | undefined)?.properties;
      if (parent && deep && (members === undefined || deep[2]! in members)) continue;
      if (!PAGINATION_PARAMS[op.spec]?.has(k)) undeclared('query', k);
      continue;
    }
    const d = directMember(t);
    if (d)
      for (const l of looser(memberSchema(d, ctx), p.schema, d.joined, { skipEnum: SELECTION_PARAMS.has(k) }))
        report('looser', `query ${k} (${d.member}): ${l}`);
  }
  for (const p of queryParams)
    if (p.required && !authParams.has(p.name) && !always(query?.members.get(p.name), ctx))
      report('required', `query ${p.name} is required by the spec${query?.members.has(p.name) ? ' but sent only when the input has it' : ' and never sent'}`);

  // Headers other than the standard ones must be declared.
  const headers = new Map<string, Template>();
  for (const [k, t] of Object.entries(catalog.defaultHeaders ?? {})) headers.set(k.toLowerCase(), t);
  for (const [k, t] of objectMembers(v.headers as Template | undefined)?.members ?? []) headers.set(k.toLowerCase(), t);
  const headerParams = op.params.filter((p) => p.in === 'header');
  for (const [k, t] of headers) {
    const p = headerParams.find((x) => x.name.toLowerCase() === k);
    if (!p) {
      if (!STANDARD_HEADERS.has(k)) undeclared('header', k, true);
      continue;
    }
    const d = directMember(t);
    if (d) for (const l of looser(memberSchema(d, ctx), p.schema, d.joined)) report('looser', `header ${p.name} (${d.member}): ${l}`);
  }
  for (const p of headerParams)
    if (
      p.required &&
      !authParams.has(p.name) &&
      !STANDARD_HEADERS.has(p.name.toLowerCase()) &&
      p.name.toLowerCase() !== 'authorization' &&
      !always(headers.get(p.name.toLowerCase()), ctx)
    )
      report('required', `header ${p.name} is required by the spec and not always sent`);

  // The body: OpenAPI's requestBody / Swagger's body parameter, or Swagger 2 form arguments (Slack takes them as JSON too).
  const form = v.method === 'GET' ? [] : op.params.filter((p) => p.in === 'formData');
  const bodySchema: Limits | undefined =
    op.body ??
    (form.length > 0
      ? { type: 'object', properties: Object.fromEntries(form.map((p) => [p.name, p.schema])), required: form.filter((p) => p.required).map((p) => p.name) }
      : undefined);
  if (v.body) {
    if (!bodySchema) report('undeclared', 'sends a body; the operation takes none');
    else checkObject(v.body.value, bodySchema, ctx, '', report, authParams);
  } else if (op.body?.requiredBody) report('required', 'the operation requires a body; none is sent');
}

// ---------------------------------------------------------------------------------------------
// Reading the specs

/**
 * A spec, parsed. YAML is slow to parse (Asana's 3 MB take 1.5 s), so a YAML spec's JSON form is
 * cached in the OS temp directory under its SHA-256 (a changed file is parsed again).
 */
export function loadSpec(dir: string, f: SpecFile): { spec: Spec; sha256: string } {
  const bytes = fs.readFileSync(path.join(dir, f.file));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (!/\.ya?ml$/.test(f.file)) return { spec: new Spec(f.id, bytes.toString('utf8'), false), sha256 };
  const cache = path.join(os.tmpdir(), 'actionbridge-vendor-specs', `${sha256}.json`);
  try {
    return { spec: new Spec(f.id, fs.readFileSync(cache, 'utf8'), false), sha256 };
  } catch {
    const spec = new Spec(f.id, bytes.toString('utf8'), true);
    try {
      fs.mkdirSync(path.dirname(cache), { recursive: true });
      fs.writeFileSync(`${cache}.${process.pid}`, JSON.stringify(spec.doc));
      fs.renameSync(`${cache}.${process.pid}`, cache);
    } catch {
      // No cache: parse again next time.
    }
    return { spec, sha256 };
  }
}

/** The operations our catalogs call, read from the full specs in `dir`: the index, and the operations each action found (or not). */
export function buildIndex(dir: string, catalogs: readonly Catalog[]): SpecIndex {
  const specs = new Map<string, { spec: Spec; sha256: string }>();
  const get = (id: string) => {
    let s = specs.get(id);
    if (!s) {
      const f = SPEC_FILES.find((x) => x.id === id);
      if (!f) throw new Error(`no spec file for ${id}`);
      s = loadSpec(dir, f);
      specs.set(id, s);
    }
    return s;
  };
  const operations = new Map<string, IndexOperation>();
  for (const c of catalogs) {
    if (!ROUTERS[c.Type]) continue;
    for (const a of c.actions) {
      if (!a.request) continue;
      for (const v of Array.isArray(a.request) ? a.request : [a.request]) {
        const route = routeOf(c, v);
        if (!route || route === 'unchecked') continue;
        const op = extractOperation(get(route.spec).spec, v.method, route.path);
        if (op) operations.set(`${op.spec} ${op.method} ${op.path}`, op);
      }
    }
  }
  const index: SpecIndex = {
    specs: {},
    operations: [...operations.values()].sort((a, b) => `${a.spec} ${a.path} ${a.method}`.localeCompare(`${b.spec} ${b.path} ${b.method}`)),
  };
  for (const [id, s] of [...specs].sort((a, b) => a[0].localeCompare(b[0]))) {
    const f = SPEC_FILES.find((x) => x.id === id)!;
    const info = (s.spec.doc.info ?? {}) as Json;
    index.specs[id] = { file: f.file, sha256: s.sha256, version: String(info.version ?? ''), licence: f.licence };
  }
  return index;
}

/** The part of an index that may be committed: the operations of vendored (Apache-2.0/MIT) specs. */
export function vendoredPart(index: SpecIndex): SpecIndex {
  const ok = new Set(SPEC_FILES.filter((f) => f.vendored).map((f) => f.id));
  return {
    note: 'Generated by scripts/vendor-spec-index.mjs from ../shared/reference/vendors (see its SOURCES.md): for each operation our catalogs call, its parameters, body members, limits and security. Only specs under Apache-2.0 or MIT are extracted here; © their vendors (Atlassian, Slack Technologies, Asana, BambooHR), used under those licences.',
    specs: Object.fromEntries(Object.entries(index.specs).filter(([id]) => ok.has(id))),
    operations: index.operations.filter((o) => ok.has(o.spec)),
  };
}

/** A lookup over an index: operations found by method and path shape; `no-spec` for a spec the index does not hold. */
export function indexLookup(index: SpecIndex) {
  return (spec: string, method: string, p: string): IndexOperation | 'no-spec' | undefined => {
    if (!index.specs[spec]) return 'no-spec';
    const want = shape(p);
    return index.operations.find((o) => o.spec === spec && o.method === method.toUpperCase() && shape(o.path) === want);
  };
}
