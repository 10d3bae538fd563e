// The small declarative mapping language of catalogs: value templates.
//
//   "$.Summary"                      a reference into the root (the input, or the response)
//   "$.Body.items[0]['@odata.id']"   members, list indexes, quoted member names
//   "@.Value"                        inside $each: a reference into the current item
//   "text"  42  true  null           literals (a string that would read as a reference: {"$literal": ...})
//   {"fields": {"summary": "$.Summary"}}   objects and lists are templates member by member;
//                                    members that resolve to nothing are left out, and an
//                                    object or list whose every member is left out is nothing
//   {"$literal": v}                  v as is
//   {"$coalesce": [t, ...]}          the first that resolves to something other than null
//   {"$concat": [t, ...]}            the strings joined; nothing if a part is nothing
//   {"$join": t, "$separator": ","}  a list joined into one string
//   {"$string": t} {"$number": t} {"$json": t}   conversions
//   {"$fromBase64": t} {"$toBase64": t}         binary content
//   {"$merge": [t, ...]}             objects merged, later members winning
//   {"$each": t, "$as": t2}          each item of a list mapped through t2 ("@." refers to the item)
//   {"$if": t, "$then": t2, "$else": t3}   t2 when t is something other than false/null/nothing
//   {"$hook": "name", "$of": t, "$args": {...}}  a vendor hook (hooks.ts) applied to t
//   {"$$top": t}                     a member whose name starts with '$' (OData's $top): write it '$$'
//
// `undefined` is "nothing". Templates are checked once, when the catalog is loaded
// (`templateProblems`), so evaluation does not re-validate their shape.
import type { Template } from './types.js';
import { valueHooks } from './hooks.js';

export type RefStep = string | number;
export interface Ref {
  scope: '$' | '@';
  steps: RefStep[];
}

const REF_START = /^[$@](?:$|[.[])/;
const refCache = new Map<string, Ref>();

/** Whether a template string is a reference rather than a literal. */
export const isRef = (s: string): boolean => REF_START.test(s);

/** Parses `$.a.b[0]['c.d']`; throws a TypeError naming the problem. */
export function parseRef(text: string): Ref {
  const cached = refCache.get(text);
  if (cached) return cached;
  if (!isRef(text)) throw new TypeError(`'${text}' is not a reference (it must start with '$.' or '@.')`);
  const steps: RefStep[] = [];
  let i = 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      const m = /^[A-Za-z0-9_-]+/.exec(text.slice(i + 1));
      if (!m) throw new TypeError(`'${text}': expected a member name at ${i + 1}`);
      steps.push(m[0]);
      i += 1 + m[0].length;
    } else if (c === '[') {
      const rest = text.slice(i);
      const index = /^\[(\d+)\]/.exec(rest);
      const quoted = /^\['([^'\\]*)'\]/.exec(rest) ?? /^\["([^"\\]*)"\]/.exec(rest);
      if (index) {
        steps.push(Number(index[1]));
        i += index[0].length;
      } else if (quoted) {
        steps.push(quoted[1]!);
        i += quoted[0].length;
      } else {
        throw new TypeError(`'${text}': expected [n] or ['name'] at ${i}`);
      }
    } else {
      throw new TypeError(`'${text}': unexpected '${c}' at ${i}`);
    }
  }
  const ref: Ref = { scope: text[0] === '@' ? '@' : '$', steps };
  refCache.set(text, ref);
  return ref;
}

const hasOwn = <K extends string>(o: object, k: K): o is Record<K, unknown> => Object.hasOwn(o, k);

function resolve(ref: Ref, root: unknown, item: unknown): unknown {
  let v: unknown = ref.scope === '$' ? root : item;
  for (const step of ref.steps) {
    if (v === null || v === undefined) return undefined;
    if (typeof step === 'number') {
      if (!Array.isArray(v)) return undefined;
      v = v[step];
    } else {
      if (typeof v !== 'object' || Array.isArray(v) || !hasOwn(v, step)) return undefined;
      v = v[step];
    }
  }
  return v;
}

/** Resolves one reference against a root (and, for `@.` references, an item). */
export function lookup(ref: string, root: unknown, item?: unknown): unknown {
  return resolve(parseRef(ref), root, item);
}

const OPERATORS: Record<string, { required: string[]; optional: string[] }> = {
  $literal: { required: ['$literal'], optional: [] },
  $coalesce: { required: ['$coalesce'], optional: [] },
  $concat: { required: ['$concat'], optional: [] },
  $join: { required: ['$join'], optional: ['$separator'] },
  $string: { required: ['$string'], optional: [] },
  $number: { required: ['$number'], optional: [] },
  $json: { required: ['$json'], optional: [] },
  $fromBase64: { required: ['$fromBase64'], optional: [] },
  $toBase64: { required: ['$toBase64'], optional: [] },
  $merge: { required: ['$merge'], optional: [] },
  $each: { required: ['$each', '$as'], optional: [] },
  $if: { required: ['$if', '$then'], optional: ['$else'] },
  $hook: { required: ['$hook', '$of'], optional: ['$args'] },
};

const isObject = (t: unknown): t is Record<string, unknown> => typeof t === 'object' && t !== null && !Array.isArray(t);
const operatorOf = (t: Record<string, unknown>): string | undefined => Object.keys(t).find((k) => k.startsWith('$') && !k.startsWith('$$'));
/** A member name as written in a template: '$$top' is the member '$top'. */
const memberName = (k: string) => (k.startsWith('$$') ? k.slice(1) : k);

// Linear on megabytes (a grouped pattern would overflow the regex stack); the length is checked apart.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (s: string) => s.length % 4 === 0 && BASE64.test(s);

/** Raised when input that passed its schema still cannot be mapped (e.g. bad base64); the caller turns it into a validation error. */
export class MappingError extends Error {
  override readonly name = 'MappingError';
}

function toText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

/** The list an operator takes (templateProblems checked it when the catalog was loaded). */
function listOf(v: Template | undefined, op: string): Template[] {
  if (!Array.isArray(v)) throw new TypeError(`${op} takes a list`);
  return v;
}

/** Evaluates a template (a member left out of an operator is nothing); `undefined` means "nothing". */
export function evaluate(t: Template | undefined, root: unknown, item?: unknown): unknown {
  if (typeof t === 'string') return isRef(t) ? resolve(parseRef(t), root, item) : t;
  if (t === null || typeof t !== 'object') return t;
  if (Array.isArray(t)) {
    const out = t.map((e) => evaluate(e, root, item)).filter((v) => v !== undefined);
    return out.length === 0 && t.length > 0 ? undefined : out;
  }
  const op = operatorOf(t);
  if (op === undefined) {
    const out: Record<string, unknown> = {};
    let n = 0;
    for (const [k, sub] of Object.entries(t)) {
      const v = evaluate(sub, root, item);
      if (v !== undefined) {
        out[memberName(k)] = v;
        n++;
      }
    }
    return n === 0 && Object.keys(t).length > 0 ? undefined : out;
  }
  const arg = (k: string) => evaluate(t[k], root, item);
  switch (op) {
    case '$literal':
      return t.$literal;
    case '$coalesce':
      for (const sub of listOf(t.$coalesce, op)) {
        const v = evaluate(sub, root, item);
        if (v !== undefined && v !== null) return v;
      }
      return undefined;
    case '$concat': {
      let s = '';
      for (const sub of listOf(t.$concat, op)) {
        const v = toText(evaluate(sub, root, item));
        if (v === undefined) return undefined;
        s += v;
      }
      return s;
    }
    case '$join': {
      const v = arg('$join');
      if (v === undefined || v === null) return undefined;
      const list = Array.isArray(v) ? v : [v];
      if (list.length === 0) return undefined;
      return list.map((x) => toText(x) ?? '').join(typeof t.$separator === 'string' ? t.$separator : ',');
    }
    case '$string':
      return toText(arg('$string'));
    case '$number': {
      const v = arg('$number');
      if (v === undefined || v === null || v === '') return undefined;
      const n = Number(v);
      return Number.isFinite(n) ? n : undefined;
    }
    case '$json': {
      const v = arg('$json');
      return v === undefined ? undefined : JSON.stringify(v);
    }
    case '$fromBase64': {
      const v = arg('$fromBase64');
      if (v === undefined || v === null) return undefined;
      if (typeof v !== 'string' || !isBase64(v)) throw new MappingError('Member must be base64-encoded');
      return Buffer.from(v, 'base64');
    }
    case '$toBase64': {
      const v = arg('$toBase64');
      if (v === undefined || v === null) return undefined;
      if (typeof v === 'string') return Buffer.from(v, 'utf8').toString('base64');
      if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
      return undefined;
    }
    case '$merge': {
      let out: Record<string, unknown> | undefined;
      for (const sub of listOf(t.$merge, op)) {
        const v = evaluate(sub, root, item);
        if (isObject(v)) out = { ...(out ?? {}), ...v };
      }
      return out;
    }
    case '$each': {
      const v = arg('$each');
      if (!Array.isArray(v)) return undefined;
      return v.map((x) => evaluate(t.$as, root, x)).filter((x) => x !== undefined);
    }
    case '$if': {
      const c = arg('$if');
      if (c !== undefined && c !== null && c !== false) return arg('$then');
      return t.$else === undefined ? undefined : arg('$else');
    }
    case '$hook': {
      const hook = typeof t.$hook === 'string' ? valueHooks[t.$hook] : undefined;
      if (!hook) throw new TypeError(`unknown hook ${String(t.$hook)}`);
      const v = arg('$of');
      return v === undefined ? undefined : hook(v, isObject(t.$args) ? t.$args : {});
    }
    default:
      throw new TypeError(`unknown operator ${op}`);
  }
}

/** Every reference a template reads, with where it stands. */
export function templateRefs(t: Template): string[] {
  const out: string[] = [];
  const walk = (x: Template) => {
    if (typeof x === 'string') {
      if (isRef(x)) out.push(x);
    } else if (Array.isArray(x)) {
      x.forEach(walk);
    } else if (isObject(x)) {
      if (operatorOf(x) === '$literal') return;
      for (const [k, v] of Object.entries(x)) if (k !== '$args' && k !== '$hook' && k !== '$separator') walk(v);
    }
  };
  walk(t);
  return out;
}

/** The problems of a template's shape: malformed references, unknown operators or hooks. */
export function templateProblems(t: Template, where: string): string[] {
  const problems: string[] = [];
  const walk = (x: Template, at: string) => {
    if (typeof x === 'string') {
      if (isRef(x)) {
        try {
          parseRef(x);
        } catch (err) {
          problems.push(`${at}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return;
    }
    if (Array.isArray(x)) {
      for (const [i, e] of x.entries()) walk(e, `${at}[${i}]`);
      return;
    }
    if (!isObject(x)) return;
    const op = operatorOf(x);
    if (op === undefined) {
      for (const [k, v] of Object.entries(x)) walk(v, `${at}.${k}`);
      return;
    }
    const spec = OPERATORS[op];
    if (!spec) return void problems.push(`${at}: unknown operator ${op}`);
    const keys = Object.keys(x);
    for (const k of keys) {
      if (!spec.required.includes(k) && !spec.optional.includes(k)) problems.push(`${at}: ${op} does not take ${k}`);
    }
    for (const k of spec.required) if (!(k in x)) problems.push(`${at}: ${op} needs ${k}`);
    if (op === '$literal') return;
    if (['$coalesce', '$concat', '$merge'].includes(op) && !Array.isArray(x[op])) problems.push(`${at}: ${op} takes a list`);
    if (op === '$separator' || ('$separator' in x && typeof x.$separator !== 'string')) problems.push(`${at}: $separator must be a string`);
    if (op === '$hook') {
      if (typeof x.$hook !== 'string' || !valueHooks[x.$hook]) problems.push(`${at}: unknown hook ${JSON.stringify(x.$hook)}`);
      if (x.$args !== undefined && !isObject(x.$args)) problems.push(`${at}: $args must be an object`);
    }
    for (const [k, v] of Object.entries(x)) if (k !== '$hook' && k !== '$args' && k !== '$separator') walk(v, `${at}.${k}`);
  };
  walk(t, where);
  return problems;
}
