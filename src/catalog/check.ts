// Checking a catalog: its JSON Schema (schema.ts) first, then the rules a schema
// cannot state — every reference names a declared input member (or, in output
// templates, StatusCode, Headers or Body), path placeholders are required members,
// templates are well formed, input schemas compile, ids are unique.
import { errorMessage } from '../error-text.js';
import { Ajv } from 'ajv';
import { throwawayInputCompiler } from './input.js';
import { isRef, parseRef, templateProblems, templateRefs } from './mapping.js';
import { isForbiddenHeader, PLACEHOLDER } from './request.js';
import { catalogSchema } from './schema.js';
import { awsClients } from './invoke-aws.js';
import type { Catalog, CatalogAction, CatalogOrigin, HttpRequestTemplate, Template } from './types.js';

const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
const validateFormat = ajv.compile<Catalog>(catalogSchema);

const OUTPUT_ROOTS = new Set(['StatusCode', 'Headers', 'Body']);

/** Every problem of a catalog, as `where: what` lines; empty when it is sound. */
export function catalogProblems(catalog: unknown, connectorTypes?: readonly string[]): string[] {
  if (!validateFormat(catalog)) {
    return (validateFormat.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
  }
  const c = catalog;
  const problems: string[] = [];
  const compile = throwawayInputCompiler();
  if (connectorTypes && !connectorTypes.includes(c.Type)) problems.push(`/Type: ${c.Type} is not a connector type of the model`);
  for (const [name] of Object.entries(c.defaultHeaders ?? {})) {
    if (isForbiddenHeader(name)) problems.push(`/defaultHeaders: ${name} is not a header a catalog may set`);
  }
  for (const [name, o] of Object.entries(c.origins ?? {})) problems.push(...originProblems(name, o));
  const ids = new Set<string>();
  c.actions.forEach((action, i) => {
    const at = `/actions/${i} (${action.ActionId})`;
    if (ids.has(action.ActionId)) problems.push(`${at}: duplicate ActionId`);
    ids.add(action.ActionId);
    problems.push(...actionProblems(action, c.Type, at, compile));
    const variants = action.request === undefined ? [] : Array.isArray(action.request) ? action.request : [action.request];
    variants.forEach((v, j) => {
      const where = Array.isArray(action.request) ? `${at}/request/${j}` : `${at}/request`;
      problems.push(...requestOriginProblems(v, c.origins ?? {}, where));
    });
  });
  return problems;
}

function originProblems(name: string, o: CatalogOrigin): string[] {
  const at = `/origins/${name}`;
  const problems: string[] = [];
  if (o.url !== undefined) {
    const u = URL.canParse(o.url) ? new URL(o.url) : undefined;
    if (u?.protocol !== 'https:' || u.username || u.password || u.search || u.hash)
      problems.push(`${at}/url: must be an https URL without credentials, query or fragment`);
  }
  if (o.fromBaseHost) {
    if (o.url === undefined) problems.push(`${at}/fromBaseHost: needs url (used when the BaseEndpoint does not match)`);
    try {
      new RegExp(o.fromBaseHost.match);
    } catch {
      problems.push(`${at}/fromBaseHost/match: not a regular expression`);
    }
  }
  if (o.hosts && o.credentials) problems.push(`${at}: an origin of handed-out URLs (hosts) never receives the connector's credentials`);
  if (o.paths && !o.hosts) problems.push(`${at}/paths: only with hosts`);
  return problems;
}

function requestOriginProblems(v: HttpRequestTemplate, origins: Record<string, CatalogOrigin>, where: string): string[] {
  const problems: string[] = [];
  const o = v.origin === undefined ? undefined : origins[v.origin];
  if (v.origin !== undefined && !o) problems.push(`${where}/origin: ${v.origin} is not one of the catalog's origins`);
  if (v.url !== undefined) {
    if (!o?.hosts) problems.push(`${where}/url: needs an origin with hosts`);
    if (v.path !== '/') problems.push(`${where}/path: must be '/' with url (the handed-out URL is used as is)`);
    if (v.query !== undefined) problems.push(`${where}/query: not with url (the handed-out URL keeps its own query)`);
  } else if (o && o.url === undefined) {
    problems.push(`${where}/origin: ${v.origin} has no url for a path (its hosts are for url)`);
  }
  if (v.origin !== undefined && v.csrfTokenPath !== undefined) problems.push(`${where}/csrfTokenPath: not with origin`);
  return problems;
}

function actionProblems(action: CatalogAction, type: string, at: string, compile: ReturnType<typeof throwawayInputCompiler>): string[] {
  const problems: string[] = [];
  try {
    const validate = compile(action, `check/${type}`);
    (action.Examples ?? []).forEach((example, j) => {
      if (!validate({ Input: structuredClone(example.Input) })) {
        const why = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`).join('; ');
        problems.push(`${at}/Examples/${j} (${example.Title}): does not validate against InputSchema: ${why}`);
      }
    });
  } catch (err) {
    problems.push(`${at}/InputSchema: does not compile: ${errorMessage(err)}`);
  }
  const props = new Map(Object.entries((action.InputSchema.properties as Record<string, unknown> | undefined) ?? {}));
  const required = new Set((action.InputSchema.required as string[] | undefined) ?? []);

  const inputRefs = (t: Template | undefined, where: string) => {
    if (t === undefined) return;
    problems.push(...templateProblems(t, where));
    for (const ref of templateRefs(t)) {
      if (ref.startsWith('@')) continue;
      const first = safeFirstStep(ref);
      if (first !== undefined && !props.has(String(first))) problems.push(`${where}: ${ref} names no member of InputSchema`);
    }
  };

  if (action.request) {
    const variants = Array.isArray(action.request) ? action.request : [action.request];
    variants.forEach((v, j) => {
      const where = Array.isArray(action.request) ? `${at}/request/${j}` : `${at}/request`;
      if (j < variants.length - 1 && v.when === undefined) problems.push(`${where}: only the last variant may omit 'when'`);
      problems.push(...requestProblems(v, where, props, required));
      for (const ref of whenRefs(v)) inputRefs(ref, `${where}/when`);
      if (v.url !== undefined) inputRefs(v.url, `${where}/url`);
      if (isRef(v.method)) inputRefs(v.method, `${where}/method`);
      inputRefs(v.query, `${where}/query`);
      inputRefs(v.headers, `${where}/headers`);
      inputRefs(v.body?.value, `${where}/body/value`);
      inputRefs(v.body?.contentType, `${where}/body/contentType`);
    });
  }
  if (action.aws) {
    if (!awsClients[action.aws.client]) problems.push(`${at}/aws/client: ${action.aws.client} is not an installed client package`);
    inputRefs(action.aws.input, `${at}/aws/input`);
    if (action.aws.presign) {
      inputRefs(action.aws.presign.expiresIn, `${at}/aws/presign/expiresIn`);
      // The query-form signing rules aws-clients.ts applies are S3's.
      if (action.aws.client !== '@aws-sdk/client-s3') problems.push(`${at}/aws/presign: only @aws-sdk/client-s3 commands can be presigned`);
    }
  }
  for (const key of ['value', 'failureValue'] as const) {
    const t = action.output?.[key];
    if (t === undefined) continue;
    problems.push(...templateProblems(t, `${at}/output/${key}`));
    for (const ref of templateRefs(t)) {
      if (ref.startsWith('@')) continue;
      const first = safeFirstStep(ref);
      if (first !== undefined && !OUTPUT_ROOTS.has(String(first)))
        problems.push(`${at}/output/${key}: ${ref} must start with $.StatusCode, $.Headers or $.Body`);
    }
  }
  for (const f of action.output?.failWhen ?? []) {
    const first = safeFirstStep(f.ref);
    if (first === undefined || !OUTPUT_ROOTS.has(String(first)))
      problems.push(`${at}/output/failWhen: ${f.ref} must start with $.StatusCode, $.Headers or $.Body`);
  }
  if (action.pagination && !props.has(action.pagination.inputToken)) {
    problems.push(`${at}/pagination: ${action.pagination.inputToken} is not a member of InputSchema`);
  }
  return problems;
}

function requestProblems(v: HttpRequestTemplate, where: string, props: Map<string, unknown>, required: Set<string>): string[] {
  const problems: string[] = [];
  const segments = v.path.split('/').slice(1);
  if (segments.some((s, i) => (s === '' && i < segments.length - 1) || s === '.' || s === '..' || /^%2e/i.test(s))) {
    problems.push(`${where}/path: no empty, '.' or '..' segments`);
  }
  const whenMembers = whenRefs(v).map(safeFirstStep);
  for (const m of v.path.matchAll(PLACEHOLDER)) {
    const name = m[2]!;
    if (!props.has(name)) problems.push(`${where}/path: {${name}} names no member of InputSchema`);
    else if (!required.has(name) && !whenMembers.includes(name) && !hasDefault(props, name)) {
      problems.push(`${where}/path: {${name}} must be a required member, have a default, or be the variant's 'when'`);
    }
  }
  if (v.csrfTokenPath?.split('/').some((s) => s === '.' || s === '..')) {
    problems.push(`${where}/csrfTokenPath: no '.' or '..' segments`);
  }
  if (v.body?.encoding === 'multipart' && v.body.contentType !== undefined) {
    problems.push(`${where}/body/contentType: a multipart body sends its own Content-Type (with its boundary)`);
  }
  const headers = v.headers;
  if (headers && typeof headers === 'object' && !Array.isArray(headers)) {
    for (const name of Object.keys(headers)) {
      if (!name.startsWith('$') && isForbiddenHeader(name)) problems.push(`${where}/headers: ${name} is not a header a catalog may set`);
    }
  }
  return problems;
}

const whenRefs = (v: HttpRequestTemplate): string[] => (v.when === undefined ? [] : Array.isArray(v.when) ? v.when : [v.when]);

function hasDefault(props: Map<string, unknown>, name: string): boolean {
  const schema = props.get(name);
  return typeof schema === 'object' && schema !== null && 'default' in schema;
}

function safeFirstStep(ref: string): string | number | undefined {
  try {
    return parseRef(ref).steps[0];
  } catch {
    return undefined;
  }
}
