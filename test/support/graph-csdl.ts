// Microsoft Graph actions against Graph's CSDL ($metadata, v1.0): Microsoft publishes its OpenAPI
// only as a file too large for the reference collection, so the checks are the ones CSDL allows.
// A path is walked from the entity container (entity sets and singletons) through keys,
// navigation properties, type casts, path addressing (`root:/a/b:`, `{HostName}:/{+SitePath}`),
// stream properties and bound actions/functions; a bound action must be POSTed and a function
// read with GET. Body members are checked against the action's parameters or, for a write of an
// entity, its properties and navigation properties (including base types'); case-insensitively,
// as Graph binds them.
import fs from 'node:fs';
import type { Catalog, HttpRequestTemplate } from '../../src/catalog/types.js';
import { objectMembers } from './vendor-specs.js';

interface EntityType {
  base?: string;
  props: Map<string, string>;
  navs: Map<string, string>;
}
interface Operation {
  kind: 'Action' | 'Function';
  binding: string;
  params: { name: string; required: boolean }[];
}

export class Csdl {
  readonly types = new Map<string, EntityType>();
  readonly roots = new Map<string, string>();
  readonly operations = new Map<string, Operation[]>();

  constructor(xml: string) {
    const aliases = new Map<string, string>();
    for (const m of xml.matchAll(/<Schema Namespace="([^"]+)"(?: Alias="([^"]+)")?/g)) if (m[2]) aliases.set(m[2], m[1]!);
    const full = (t: string) => {
      const coll = /^Collection\((.+)\)$/.exec(t);
      const name = coll ? coll[1]! : t;
      const dot = name.lastIndexOf('.');
      const ns = name.slice(0, dot);
      const q = `${aliases.get(ns) ?? ns}.${name.slice(dot + 1)}`;
      return coll ? `Collection(${q})` : q;
    };
    // One schema at a time, so each type gets its namespace.
    for (const schema of xml.matchAll(/<Schema Namespace="([^"]+)"[^>]*>([\s\S]*?)<\/Schema>/g)) {
      const ns = schema[1]!;
      const body = schema[2]!;
      for (const m of body.matchAll(/<(EntityType|ComplexType) Name="([^"]+)"([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/g)) {
        const base = /BaseType="([^"]+)"/.exec(m[3]!)?.[1];
        const t: EntityType = { base: base ? full(base) : undefined, props: new Map(), navs: new Map() };
        for (const p of (m[5] ?? '').matchAll(/<Property Name="([^"]+)" Type="([^"]+)"/g)) t.props.set(p[1]!, full(p[2]!));
        for (const p of (m[5] ?? '').matchAll(/<NavigationProperty Name="([^"]+)" Type="([^"]+)"/g)) t.navs.set(p[1]!, full(p[2]!));
        this.types.set(`${ns}.${m[2]}`, t);
      }
      for (const m of body.matchAll(/<(Action|Function) Name="([^"]+)"[^>]*? IsBound="true"[^>]*>([\s\S]*?)<\/\1>/g)) {
        const params = [...m[3]!.matchAll(/<Parameter Name="([^"]+)" Type="([^"]+)"([^>]*)\/>/g)];
        if (params.length === 0) continue;
        const op: Operation = {
          kind: m[1] as 'Action' | 'Function',
          binding: full(params[0]![2]!),
          params: params.slice(1).map((p) => ({ name: p[1]!, required: /Nullable="false"/.test(p[3]!) })),
        };
        const list = this.operations.get(m[2]!) ?? [];
        list.push(op);
        this.operations.set(m[2]!, list);
      }
      const container = /<EntityContainer[^>]*>([\s\S]*?)<\/EntityContainer>/.exec(body)?.[1] ?? '';
      for (const m of container.matchAll(/<EntitySet Name="([^"]+)" EntityType="([^"]+)"/g)) this.roots.set(m[1]!, `Collection(${full(m[2]!)})`);
      for (const m of container.matchAll(/<Singleton Name="([^"]+)" Type="([^"]+)"/g)) this.roots.set(m[1]!, full(m[2]!));
    }
  }

  /** The type and its base types, nearest first. */
  private chain(type: string): EntityType[] {
    const out: EntityType[] = [];
    let t = this.types.get(type);
    for (let i = 0; t && i < 20; i++) {
      out.push(t);
      t = t.base ? this.types.get(t.base) : undefined;
    }
    return out;
  }

  private isA(type: string, ancestor: string): boolean {
    let cur: string | undefined = type;
    for (let i = 0; cur && i < 20; i++) {
      if (cur === ancestor) return true;
      cur = this.types.get(cur)?.base;
    }
    return false;
  }

  private boundOp(name: string, state: string): Operation | undefined {
    const bare = name.replace(/^microsoft\.graph\./, '').replace(/\(.*\)$/, '');
    const coll = /^Collection\((.+)\)$/.exec(state);
    return this.operations.get(bare)?.find((op) => {
      const b = /^Collection\((.+)\)$/.exec(op.binding);
      return coll ? b !== null && this.isA(coll[1]!, b[1]!) : b === null && this.isA(state, op.binding);
    });
  }

  /** Problems with a request (empty when it checks out); `notes` for what could not be checked. */
  check(method: string, path: string, body: HttpRequestTemplate['body'], notes: string[]): string[] {
    const segs = path.split('/').filter((s) => s !== '');
    if (segs.length === 0) return ['empty path'];
    let state = this.roots.get(segs[0]!.replace(/:$/, ''));
    if (!state) return [`${segs[0]} is not an entity set or singleton`];
    let pathMode = segs[0]!.endsWith(':');
    for (let i = 1; i < segs.length; i++) {
      let seg = segs[i]!;
      if (pathMode) {
        // Path addressing (`root:/folder/file:`) ends at a segment ending with ':' or at the end.
        if (seg.endsWith(':')) pathMode = false;
        continue;
      }
      if (seg.endsWith(':')) {
        pathMode = true;
        seg = seg.slice(0, -1);
      }
      const coll = /^Collection\((.+)\)$/.exec(state);
      if (seg.startsWith('{') || (coll && !this.boundOp(seg, state) && !seg.startsWith('microsoft.graph.') && !seg.startsWith('$'))) {
        if (coll) {
          state = coll[1]!;
          continue;
        }
        notes.push(`${path}: segment ${seg} is chosen by the input (not checked)`);
        return [];
      }
      if (seg === '$count' || seg === '$value') return [];
      if (seg.startsWith('microsoft.graph.') && this.types.has(seg)) {
        state = coll ? `Collection(${seg})` : seg;
        continue;
      }
      const op = this.boundOp(seg, state);
      if (op) {
        if (i !== segs.length - 1 && op.kind === 'Action') return [`${seg}: an action must be the last segment`];
        if (op.kind === 'Action' && method !== 'POST') return [`${seg} is an action: POST, not ${method}`];
        if (op.kind === 'Function' && method !== 'GET') return [`${seg} is a function: GET, not ${method}`];
        if (op.kind === 'Function' && i !== segs.length - 1) {
          notes.push(`${path}: the path goes on after function ${seg} (not checked)`);
          return [];
        }
        return op.kind === 'Action'
          ? this.checkMembers(
              body,
              op.params.map((p) => p.name),
              op.params.filter((p) => p.required).map((p) => p.name),
              seg,
            )
          : [];
      }
      if (coll) return [`${seg} is not a key, cast or bound operation of ${state}`];
      const types = this.chain(state);
      const nav = types.map((t) => t.navs.get(seg)).find((x) => x !== undefined);
      if (nav) {
        state = nav;
        continue;
      }
      const prop = types.map((t) => t.props.get(seg)).find((x) => x !== undefined);
      if (prop) {
        if (i !== segs.length - 1) return [`${seg} is a property of ${state}; nothing can follow it`];
        return prop === 'Edm.Stream' || method === 'GET' ? [] : [`${seg} is a property (${prop}); ${method} of a property that is not a stream`];
      }
      return [`${seg} is not a navigation property, property or bound operation of ${state}`];
    }
    // An entity or a collection: writes send its members.
    if (body && (method === 'POST' || method === 'PATCH' || method === 'PUT')) {
      const type = /^Collection\((.+)\)$/.exec(state)?.[1] ?? state;
      const members = this.chain(type).flatMap((t) => [...t.props.keys(), ...t.navs.keys()]);
      if (members.length > 0) return this.checkMembers(body, members, [], type);
    }
    return [];
  }

  private checkMembers(body: HttpRequestTemplate['body'], declared: string[], required: string[], what: string): string[] {
    if (!body || body.encoding === 'base64' || body.encoding === 'text') return [];
    const obj = objectMembers(body.value);
    if (!obj) return [];
    const lower = new Set(declared.map((d) => d.toLowerCase()));
    const sent = new Set([...obj.members.keys()].map((k) => k.toLowerCase()));
    const out: string[] = [];
    // Annotations (`@odata.type`, `user@odata.bind`) are not members.
    for (const k of obj.members.keys()) if (!lower.has(k.toLowerCase()) && !k.includes('@')) out.push(`body ${k} is not a parameter or member of ${what}`);
    if (!obj.dynamic) for (const r of required) if (!sent.has(r.toLowerCase())) out.push(`body ${r} is required by ${what} and never sent`);
    return out;
  }
}

export const GRAPH_TYPES = new Set(['MICROSOFT_OUTLOOK', 'MICROSOFT_TEAMS', 'MICROSOFT_ONEDRIVE', 'MICROSOFT_SHAREPOINT']);

export function loadCsdl(file: string): Csdl | undefined {
  return fs.existsSync(file) ? new Csdl(fs.readFileSync(file, 'utf8')) : undefined;
}

/** Every Graph action's request variants against the CSDL: [ActionId, problem] pairs, and notes. */
export function checkGraphCatalog(csdl: Csdl, catalog: Catalog): { checked: number; problems: string[]; notes: string[] } {
  const problems: string[] = [];
  const notes: string[] = [];
  let checked = 0;
  for (const a of catalog.actions) {
    if (!a.request) continue;
    checked++;
    for (const v of Array.isArray(a.request) ? a.request : [a.request]) {
      if ((v as { url?: string }).url !== undefined || (v as { origin?: string }).origin !== undefined) continue;
      for (const p of csdl.check(v.method, v.path, v.body, notes)) problems.push(`${catalog.Type} ${a.ActionId}: ${v.method} ${v.path}: ${p}`);
    }
  }
  return { checked, problems, notes };
}
