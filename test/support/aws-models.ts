// AWS actions against the models in the installed @aws-sdk/client-* packages.
//
// What the SDK carries: each command's operation schema (`<Operation>$` in dist-cjs) names the
// input structure; a structure schema is [3, namespace, name, traits, memberNames, memberSchemas,
// requiredCount] where the first `requiredCount` members are the required ones, and a member
// schema is a type code, a lazy reference to another schema (structure [3], list [1], map [2]), or
// [schema, traits] (HTTP binding traits). Enums are not linked from the schemas; the TypeScript
// declarations (dist-types/models/models_*.d.ts) name each member's type, and an enum's values
// are the exported const object of that name. Length, range and pattern constraints are NOT in
// the SDK (the code generator drops them), so they cannot be checked here; the API references
// state them in prose only.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CatalogAction, JsonSchema, Template } from '../../src/catalog/types.js';
import { always, directMember, looser, objectMembers } from './vendor-specs.js';

const require = createRequire(import.meta.url);

export interface AwsMismatch {
  type: string;
  action: string;
  kind: string;
  detail: string;
}

type Schema = unknown;
interface Struct {
  name: string;
  members: string[];
  schemas: Schema[];
  required: number;
}

const deref = (s: Schema): Schema => {
  let cur = s;
  for (let i = 0; i < 5; i++) {
    if (typeof cur === 'function') cur = (cur as () => Schema)();
    else if (Array.isArray(cur) && cur.length === 2 && (typeof cur[0] === 'function' || typeof cur[0] === 'number')) cur = cur[0];
    else break;
  }
  return cur;
};

function asStruct(s: Schema): Struct | undefined {
  const d = deref(s);
  if (!Array.isArray(d) || d[0] !== 3) return undefined;
  return { name: d[2] as string, members: d[4] as string[], schemas: d[5] as Schema[], required: typeof d[6] === 'number' ? d[6] : 0 };
}

function listItem(s: Schema): Schema | undefined {
  const d = deref(s);
  return Array.isArray(d) && d[0] === 1 ? d[4] : undefined;
}

interface Package {
  mod: Record<string, unknown>;
  /** interface name → member → TypeScript type text. */
  types: Map<string, Map<string, string>>;
}

const packages = new Map<string, Package>();

function loadPackage(client: string): Package {
  let p = packages.get(client);
  if (p) return p;
  const mod = require(client) as Record<string, unknown>;
  const dir = path.join(path.dirname(require.resolve(`${client}/package.json`)), 'dist-types/models');
  const types = new Map<string, Map<string, string>>();
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!/^models_\d+\.d\.ts$/.test(f)) continue;
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of text.matchAll(/export interface (\w+) \{([\s\S]*?)\n\}/g)) {
      const members = new Map<string, string>();
      for (const mm of m[2]!.matchAll(/^ {4}(\w+)\??: (.+?)(?: \| undefined)?;$/gm)) members.set(mm[1]!, mm[2]!);
      types.set(m[1]!, members);
    }
  }
  p = { mod, types };
  packages.set(client, p);
  return p;
}

/** An enum's values, if the type text names one (or a list of one). */
function enumOf(pkg: Package, typeText: string | undefined): { values: string[]; list: boolean } | undefined {
  if (!typeText) return undefined;
  const list = typeText.endsWith('[]');
  const name = list ? typeText.slice(0, -2) : typeText;
  const v = pkg.mod[name];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const values = Object.values(v);
  return values.length > 0 && values.every((x) => typeof x === 'string') ? { values: values as string[], list } : undefined;
}

export async function checkAwsAction(type: string, action: CatalogAction): Promise<AwsMismatch[]> {
  const out: AwsMismatch[] = [];
  const report = (kind: string, detail: string) => out.push({ type, action: action.ActionId, kind, detail });
  const call = action.aws!;
  const pkg = loadPackage(call.client);
  if (typeof pkg.mod[call.command] !== 'function') {
    report('operation', `${call.client} has no ${call.command}`);
    return out;
  }
  const opSchema = pkg.mod[`${call.command.replace(/Command$/, '')}$`];
  const input = Array.isArray(opSchema) ? asStruct(opSchema[4]) : undefined;
  if (!input) {
    report('operation', `${call.command}: no operation schema in ${call.client}`);
    return out;
  }
  const root = action.InputSchema;
  const present = new Set<string>((root.required as string[] | undefined) ?? []);
  for (const [k, v] of Object.entries((root.properties as Record<string, JsonSchema> | undefined) ?? {}))
    if (typeof v === 'object' && v && 'default' in v) present.add(k);
  const ctx = { root, rootPresent: present };
  const props = (root.properties as Record<string, JsonSchema> | undefined) ?? {};

  const walk = (t: Template, struct: Struct, where: string, itemSchema?: JsonSchema, present = ctx.rootPresent) => {
    if (typeof t === 'object' && t !== null && !Array.isArray(t) && '$if' in t) {
      // Inside $then the condition holds: a member it tests is present.
      const cond = directMember((t as Record<string, Template>).$if);
      walk((t as Record<string, Template>).$then!, struct, where, itemSchema, cond && !cond.item ? new Set([...present, cond.member]) : present);
      return;
    }
    const obj = objectMembers(t);
    if (!obj) return;
    const types = pkg.types.get(struct.name);
    const base = { ...ctx, rootPresent: present };
    const c = itemSchema ? { ...base, item: itemSchema, itemPresent: new Set<string>((itemSchema.required as string[] | undefined) ?? []) } : base;
    for (const [k, v] of obj.members) {
      const i = struct.members.indexOf(k);
      if (i < 0) {
        report('undeclared', `${where}${k} is not a member of ${struct.name}`);
        continue;
      }
      const d = directMember(v);
      const e = enumOf(pkg, types?.get(k));
      if (d && e) {
        const ours = d.item ? (itemSchema?.properties as Record<string, JsonSchema> | undefined)?.[d.member] : props[d.member];
        const mine = e.list ? ((ours?.items as JsonSchema | undefined) ?? {}) : ours;
        for (const l of looser(mine, { enum: e.values }, false)) report('looser', `${where}${k} (${d.member}): ${l}`);
      }
      const sub = asStruct(struct.schemas[i]);
      if (sub) walk(v, sub, `${where}${k}.`, itemSchema, present);
      const item = asStruct(listItem(struct.schemas[i]) as Schema);
      if (item && typeof v === 'object' && v !== null && !Array.isArray(v) && '$each' in v) {
        const listRef = directMember((v as Record<string, Template>).$each);
        const listSchema = listRef ? (props[listRef.member]?.items as JsonSchema | undefined) : undefined;
        walk((v as Record<string, Template>).$as!, item, `${where}${k}[].`, listSchema, present);
      }
    }
    for (const r of struct.members.slice(0, struct.required))
      if (!always(obj.members.get(r), c))
        report('required', `${where}${r} is required by ${struct.name}${obj.members.has(r) ? ' but sent only when the input has it' : ' and never sent'}`);
  };
  walk(call.input, input, '');
  return out;
}
