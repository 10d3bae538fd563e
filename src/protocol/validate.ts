// Validation of operation inputs against the JSON Schemas generated from the
// service model, with AWS-style messages that name the member and the rule.
// Values are never echoed: many members are sensitive.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { inputSchemas, shapeSchemas, type OperationName } from './generated/model.js';
import { type Problem, constraint, missingMember, validationError } from './errors.js';

const ajv = new Ajv({
  allErrors: true,
  strict: false,
  // Model patterns are Java regular expressions such as `[\w- ]`, which are
  // invalid under the `u` flag; they are plain-ASCII classes, so the flag is not needed.
  unicodeRegExp: false,
  // AWS ignores members it does not know: drop them so they are neither validated nor stored.
  removeAdditional: 'all',
  validateSchema: false,
});

ajv.addKeyword({
  keyword: 'x-aws-union',
  type: 'object',
  schemaType: 'array',
  errors: true,
  validate: function union(this: unknown, members: string[], data: Record<string, unknown>) {
    const set = members.filter((m) => data[m] !== undefined && data[m] !== null).length;
    if (set === 1) return true;
    (union as unknown as { errors: Partial<ErrorObject>[] }).errors = [
      { keyword: 'x-aws-union', message: `Member must have exactly one member set (${set} set; one of ${members.join(', ')})`, params: {} },
    ];
    return false;
  },
});

// Every model shape, once; operation input schemas reference into it.
ajv.addSchema(shapeSchemas);

export type CompiledSchema = ValidateFunction;

const compiled = new Map<string, ValidateFunction>();

export function compileSchema(id: string, schema: object): ValidateFunction {
  let v = compiled.get(id);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(id, v);
  }
  return v;
}

export function validatorFor(op: OperationName): ValidateFunction {
  return compileSchema(`model:${op}`, inputSchemas[op]);
}

const lowerFirst = (s: string) => (s ? s[0]!.toLowerCase() + s.slice(1) : s);

/** `/Permissions/0/Principal` → `permissions.1.member.principal` (AWS numbers list members from 1). */
export function memberPath(instancePath: string, extra?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  const out: string[] = [];
  for (const p of parts) {
    if (/^\d+$/.test(p)) out.push(`${Number(p) + 1}.member`);
    else out.push(lowerFirst(p));
  }
  return out.join('.');
}

function ruleOf(e: ErrorObject): string {
  const p: Record<string, unknown> = e.params;
  switch (e.keyword) {
    case 'required':
      return 'Member must not be null';
    case 'minLength':
      return `Member must have length greater than or equal to ${p.limit}`;
    case 'maxLength':
      return `Member must have length less than or equal to ${p.limit}`;
    case 'minItems':
      return `Member must have length greater than or equal to ${p.limit}`;
    case 'maxItems':
      return `Member must have length less than or equal to ${p.limit}`;
    case 'minimum':
      return `Member must have value greater than or equal to ${p.limit}`;
    case 'maximum':
      return `Member must have value less than or equal to ${p.limit}`;
    case 'pattern':
      return `Member must satisfy regular expression pattern: ${String(p.pattern)
        .replace(/^\^\(\?:/, '')
        .replace(/\)\$$/, '')}`;
    case 'enum':
      return `Member must satisfy enum value set: [${Array.isArray(p.allowedValues) ? p.allowedValues.join(', ') : ''}]`;
    case 'type':
      return `Member must be of type ${p.type === 'integer' ? 'integer' : p.type === 'object' ? 'structure' : p.type === 'array' ? 'list' : p.type}`;
    case 'maxBytes':
      return `Member must have length less than or equal to ${String(e.schema)} bytes in UTF-8`;
    case 'dependencies':
      return `Member must not be null when ${String(p.property)} is set`;
    case 'not': {
      // A catalog's `{not: ..., description: 'Member must ...'}` says the rule itself (errors carry parentSchema when verbose).
      const d: unknown = e.parentSchema?.description;
      return typeof d === 'string' && d.startsWith('Member must') ? d : (e.message ?? 'Member must not match');
    }
    default:
      return e.message ?? `Member must satisfy ${e.keyword}`;
  }
}

/** Throws InvalidParameterValueException naming every broken rule; strips unknown members. */
export function validateInput(validate: ValidateFunction, input: unknown): void {
  if (validate(input)) return;
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const e of validate.errors ?? []) {
    const p =
      e.keyword === 'required' || (e.keyword === 'dependencies' && typeof e.params.missingProperty === 'string')
        ? missingMember(memberPath(e.instancePath, String(e.params.missingProperty)), ruleOf(e))
        : constraint(memberPath(e.instancePath), ruleOf(e));
    if (!seen.has(p.message)) {
      seen.add(p.message);
      problems.push(p);
    }
  }
  throw validationError(problems);
}
