// Validation of an action's input against its InputSchema, with the protocol's
// AWS-style messages: `Value at 'input.summary' failed to satisfy constraint: ...`.
import { Ajv, type ValidateFunction } from 'ajv';
import { memberPath, validateInput } from '../protocol/validate.js';
import { parseRef } from './mapping.js';
import type { CatalogAction, JsonSchema } from './types.js';

// Not the protocol's instance: that one strips every undeclared member everywhere
// (right for the model, wrong for free-form objects such as Salesforce's Fields).
// Here only members a schema closes with additionalProperties:false are dropped,
// and defaults in the schema are filled in.
function newInputAjv(code?: { optimize: false }): Ajv {
  const instance = new Ajv({
    ...(code ? { code } : {}),
    allErrors: true,
    strict: false,
    unicodeRegExp: false,
    removeAdditional: true,
    useDefaults: true,
    validateSchema: true,
    // Errors carry their schema: a `not` states its rule in its description (protocol/validate.ts).
    verbose: true,
  });
  // `maxBytes`: a string's UTF-8 size limit, for vendors that count bytes (Comprehend's
  // "5 KB" DetectSentiment). JSON Schema's maxLength counts characters, and a character
  // may take up to 4 bytes: schemas state both, maxLength for agents and maxBytes to refuse
  // what the vendor would (protocol/validate.ts words the message).
  instance.addKeyword({
    keyword: 'maxBytes',
    type: 'string',
    schemaType: 'number',
    validate: (limit: number, data: string) => Buffer.byteLength(data, 'utf8') <= limit,
  });
  return instance;
}

const ajv = newInputAjv();
const compiled = new WeakMap<object, ValidateFunction>();
let compiledCount = 0;

/** The validator of an action's input on `instance`, wrapped so paths read `input.<member>`. */
function compileInput(instance: Ajv, action: CatalogAction, scope: string): ValidateFunction {
  // The action's schema keeps its own root (an $id), so its local $refs still resolve.
  const inner: JsonSchema = {
    ...action.InputSchema,
    $id: `actionbridge:catalog/${encodeURIComponent(scope)}/${encodeURIComponent(action.ActionId)}/${++compiledCount}`,
  };
  return instance.compile({ type: 'object', required: ['Input'], properties: { Input: inner } });
}

/**
 * Compiles (once, on first use) the validator of an action's input. Only actions that are
 * invoked hold a compiled validator: with several hundred actions, compiling them all kept
 * tens of MiB the server never used.
 */
export function inputValidator(action: CatalogAction, scope: string): ValidateFunction {
  let v = compiled.get(action.InputSchema);
  if (!v) {
    v = compileInput(ajv, action, scope);
    compiled.set(action.InputSchema, v);
  }
  return v;
}

/**
 * For checking catalogs at load (check.ts): validators compiled on an Ajv instance of their
 * own, which goes (with everything it compiled) when the check is done.
 */
export function throwawayInputCompiler(): (action: CatalogAction, scope: string) => ValidateFunction {
  // Its validators run once (on the examples): the code is not optimized, which takes a
  // quarter off the check every server start makes (~0.3 s for the shipped catalogs). What
  // compiles, and what validates, is the same.
  const instance = newInputAjv({ optimize: false });
  return (action, scope) => compileInput(instance, action, scope);
}

/**
 * The input, validated (InvalidParameterValueException naming every broken rule),
 * with schema defaults filled in. A missing input is `{}`. The caller's object is not changed.
 */
export function validateActionInput(action: CatalogAction, input: unknown, scope = 'action'): Record<string, unknown> {
  const doc = { Input: input === undefined || input === null ? {} : copyInput(input) };
  validateInput(inputValidator(action, scope), doc);
  return doc.Input as Record<string, unknown>;
}

/**
 * A copy of an input for validation to change (defaults filled in, unknown members dropped):
 * what structuredClone gives for the JSON an input is (plain objects, arrays, primitives;
 * strings shared, not copied), several times faster on every invocation. Anything else
 * (a Date, a typed array, an object of a class) is left to structuredClone. A `__proto__`
 * member stays a member, as JSON.parse and structuredClone make it.
 */
function copyInput(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = copyInput(v[i]);
    return out;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return structuredClone(v);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = copyInput((v as Record<string, unknown>)[k]);
    if (k === '__proto__') Object.defineProperty(out, k, { value: x, writable: true, enumerable: true, configurable: true });
    else out[k] = x;
  }
  return out;
}

// refMember is asked for every placeholder of every request built (fillPath); the
// references are the catalog's own, a small fixed set, so their names are kept.
const memberNames = new Map<string, string>();
const MAX_MEMBER_NAMES = 4096;

/** The member a reference names, as messages write it: `$.Fields.Name` → `input.fields.name`. */
export function refMember(ref: string): string {
  let name = memberNames.get(ref);
  if (name === undefined) {
    const { steps } = parseRef(ref);
    const path = memberPath(`/${steps.map((s) => String(s)).join('/')}`);
    name = path ? `input.${path}` : 'input';
    if (memberNames.size >= MAX_MEMBER_NAMES) memberNames.clear();
    memberNames.set(ref, name);
  }
  return name;
}
