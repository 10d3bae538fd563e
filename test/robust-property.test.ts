// Property-based robustness: valid inputs, and valid inputs mutated (wrong types,
// huge strings, unicode, missing and extra members, nested garbage, fc.anything()),
// sent through the official SDK to Create, Update, Search and UpdatePermissions, and
// as raw signed JSON bodies (the SDK drops members it does not know). The answer is
// a success or an HTTP 4xx whose error name is in the operation's model error list:
// never a 5xx, never a hang. Refused writes leave nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACCOUNT, OTHER_ACCOUNT, REGION, createInput, expectError, qs, startTestServer, type TestServer, type TestUser } from './helpers.js';
import { modelEnum, modelErrors, sendRaw, withTimeout } from './robust-support.js';
import { ALL_ACTIONS as CONNECTOR_ACTIONS } from './api-support.js';
import { allowedAuthentication, apiKeyNeedsEmail } from '../src/domain/type-auth.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const CALL_TIMEOUT_MS = 5_000;
const CONNECTOR_TYPES = modelEnum('ActionConnectorType');
const SEARCH_FILTER_NAMES = modelEnum('ActionConnectorSearchFilterNameEnum');
const AUTH_TYPES = modelEnum('ConnectionAuthType') as qs.ConnectionAuthType[];
/** Whether a connector type accepts an AuthenticationType (src/domain/type-auth.ts; anything else is InvalidParameterValueException). */
const pairAllowed = (type: unknown, auth: unknown) => allowedAuthentication(type as qs.ActionConnectorType).includes(auth as qs.ConnectionAuthType);
/** The type of each connector the update properties target (a missing one: the default type). */
const UPDATE_TARGET_TYPES: Record<string, qs.ActionConnectorType> = { 'fz-upd-1': 'GENERIC_HTTP', 'fz-upd-2': 'SLACK', 'fz-upd-missing': 'GENERIC_HTTP' };

let t: TestServer;
let client: qs.QuickSightClient;
/** Set by a middleware once the SDK has built, signed and is about to send a request. */
let dispatched = false;
let principals: string[] = [];
let reader: TestUser;

beforeAll(async () => {
  t = await startTestServer();
  client = t.client();
  client.middlewareStack.add(
    (next) => async (args) => {
      dispatched = true;
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'robustDispatched' },
  );
  reader = await t.addUser('fz-reader', 'READER', ['fz-group-a']);
  const author = await t.addUser('fz-author', 'AUTHOR', ['fz-group-a', 'fz-group-b']);
  principals = [
    reader.arn,
    author.arn,
    `arn:aws:quicksight:${REGION}:${ACCOUNT}:user/default/admin`,
    `arn:aws:quicksight:${REGION}:${ACCOUNT}:group/default/fz-group-a`,
    `arn:aws:quicksight:${REGION}:${ACCOUNT}:group/default/fz-group-b`,
  ];
  for (const id of ['fz-upd-1', 'fz-upd-2', 'fz-perm-1', 'fz-perm-2'])
    await client.send(new qs.CreateActionConnectorCommand(createInput(id, { Type: UPDATE_TARGET_TYPES[id] ?? 'GENERIC_HTTP' })));
});
afterAll(async () => {
  await t.stop();
});

// ---------------------------------------------------------------- outcomes

type Outcome = { kind: 'ok'; out: any } | { kind: 'refused'; name: string; status: number; message: string } | { kind: 'client-side'; error: string };

interface Tally {
  ok: number;
  refused: number;
  clientSide: number;
  names: Record<string, number>;
  clientErrors: string[];
}
const newTally = (): Tally => ({ ok: 0, refused: 0, clientSide: 0, names: {}, clientErrors: [] });

/** Sends one command and classifies the answer; throws (failing the property) on a 5xx, a hang, a non-model error or a dropped connection. */
async function call(op: string, cmd: any, tally: Tally): Promise<Outcome> {
  dispatched = false;
  try {
    const out = await withTimeout(client.send(cmd, { abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS + 1_000) }), CALL_TIMEOUT_MS, op);
    tally.ok++;
    return { kind: 'ok', out };
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number; requestId?: string } };
    if (err.message?.startsWith('HANG:')) throw err;
    const status = err.$metadata?.httpStatusCode;
    if (status === undefined) {
      // The SDK refused to build the request (e.g. an empty path label): the server never saw it.
      if (!dispatched) {
        tally.clientSide++;
        if (tally.clientErrors.length < 5) tally.clientErrors.push(`${err.name}: ${err.message}`.slice(0, 120));
        return { kind: 'client-side', error: `${err.name}: ${err.message}` };
      }
      throw new Error(`${op}: the request was sent but no HTTP answer came back: ${err.name}: ${err.message}`);
    }
    if (status < 400 || status >= 500) throw new Error(`${op}: HTTP ${status} ${err.name}: ${err.message}`);
    if (!modelErrors(op).includes(err.name))
      throw new Error(`${op}: ${err.name} (HTTP ${status}) is not in the model's error list ${modelErrors(op).join(', ')}: ${err.message}`);
    if (!err.$metadata?.requestId) throw new Error(`${op}: ${err.name} without x-amzn-RequestId`);
    tally.refused++;
    tally.names[err.name] = (tally.names[err.name] ?? 0) + 1;
    return { kind: 'refused', name: err.name, status, message: err.message };
  }
}

/** The property must have exercised the server: mostly answered by it, with successes and refusals. */
function expectExercised(tally: Tally, runs: number) {
  if (process.env.ROBUST_DEBUG) console.log(JSON.stringify(tally));
  const detail = JSON.stringify(tally);
  expect(tally.ok + tally.refused + tally.clientSide, detail).toBeGreaterThanOrEqual(runs);
  expect(tally.ok, detail).toBeGreaterThan(runs * 0.1);
  expect(tally.refused, detail).toBeGreaterThan(runs * 0.2);
  expect(tally.clientSide, detail).toBeLessThan(runs * 0.3);
}

// ---------------------------------------------------------------- mutations

type Path = (string | number)[];
interface Mutation {
  pick: number;
  op: 'delete' | 'replace' | 'extra';
  value: unknown;
  key: string;
}

/** A value too big to print in a counterexample (huge string, deep nesting); `mutate` expands it. */
class Big {
  constructor(
    readonly label: string,
    readonly make: () => unknown,
  ) {}
  [fc.toStringMethod]() {
    return this.label;
  }
}
const expand = (v: unknown) => (v instanceof Big ? v.make() : v);

function nest(depth: number): Big {
  return new Big(`Nested(depth ${depth})`, () => {
    let v: unknown = 'bottom';
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { Nested: v };
    return v;
  });
}

const hugeString = fc
  .tuple(fc.constantFrom('a', 'é', '😀', '\u0000', '"\\', ' '), fc.constantFrom(300, 5_000, 70_000, 400_000, 700_000))
  .map(([c, n]) => new Big(`Huge(${JSON.stringify(c)} x ${n})`, () => c.repeat(n)));
const loneSurrogates = fc.array(fc.integer({ min: 0xd800, max: 0xdfff }), { minLength: 1, maxLength: 8 }).map((cs) => String.fromCharCode(...cs));
const specialString = fc.constantFrom(
  '',
  ' ',
  '\t\n',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '../..',
  '%2F%00',
  '\u0000',
  '\u202e',
  'https://',
  'http://api.example.com',
  'https://user:pw@api.example.com',
  'https://127.0.0.1',
  'https://api.example.com/?q=1#f',
  'javascript:alert(1)',
  'quicksuite-x',
  'QUICKSUITE-x',
  `arn:aws:quicksight:${REGION}:${ACCOUNT}:user/default/admin`,
  `arn:aws:quicksight:${REGION}:${ACCOUNT}:namespace/default`,
  `arn:aws:quicksight:${REGION}:${ACCOUNT}:group/default/nope`,
  `arn:aws:quicksight:${REGION}:${OTHER_ACCOUNT}:user/default/admin`,
  OTHER_ACCOUNT,
  '000000000000',
  '11112222333',
  '1111222233334',
  'arn:aws:iam::123456789012:user/x',
  'quicksight:*',
  '*',
  'NaN',
  '-0',
  '1e309',
  "' OR 1=1 --",
  '%',
  '_',
  '\\',
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(0),
  fc.constant(-1),
  fc.constant(2 ** 53),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.date({ noInvalidDate: true }),
);
/** Anything a member could be replaced with. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.anything({ maxDepth: 3, maxKeys: 4, withNullPrototype: true }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }), weight: 1 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: loneSurrogates, weight: 1 },
  { arbitrary: specialString, weight: 2 },
  { arbitrary: wrongType, weight: 3 },
  { arbitrary: fc.integer({ min: 10, max: 3_000 }).map(nest), weight: 1 },
);
const extraKey = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'Password',
    'ApiKey',
    'ClientSecret',
    'RequestId',
    'Arn',
    'Status',
    'CreatedTime',
    'AwsAccountId',
    'ActionConnectorId',
    'Type',
    'EnabledActions',
    'SourceArn',
  ),
);
const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom<Mutation['op']>('delete', 'replace', 'replace', 'extra'),
  value: garbage,
  key: extraKey,
});
const mutations = fc.oneof(
  { arbitrary: fc.constant([] as Mutation[]), weight: 1 },
  { arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }), weight: 4 },
);

/** Every path to a member or list element (the root excluded), depth first. */
function pathsOf(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (prefix.length >= 12) return out;
  if (Array.isArray(v))
    v.forEach((x, i) => {
      out.push([...prefix, i]);
      pathsOf(x, [...prefix, i], out);
    });
  else if (v && typeof v === 'object' && !(v instanceof Date))
    for (const [k, x] of Object.entries(v)) {
      out.push([...prefix, k]);
      pathsOf(x, [...prefix, k], out);
    }
  return out;
}

const setOwn = (o: Record<string | number, unknown>, k: string | number, value: unknown) =>
  Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });

/** Applies mutations to a deep copy of a (JSON) input. */
function mutate<T>(input: T, muts: Mutation[]): T {
  const root = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  for (const m of muts) {
    const paths = pathsOf(root);
    const p = paths.length ? paths[m.pick % paths.length]! : [];
    let parent: any = root;
    for (const seg of p.slice(0, -1)) parent = parent[seg];
    const last = p[p.length - 1];
    if (m.op === 'extra') {
      const target = last === undefined ? root : parent[last];
      const obj = target && typeof target === 'object' && !Array.isArray(target) ? target : parent;
      if (obj && typeof obj === 'object' && !Array.isArray(obj)) setOwn(obj, m.key, expand(m.value));
    } else if (last === undefined) {
      // The root itself: nothing to delete or replace.
    } else if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else {
      setOwn(parent, last, expand(m.value));
    }
  }
  return root as T;
}

// ---------------------------------------------------------------- valid inputs

const word = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);
const endpoint = fc.tuple(fc.domain(), fc.array(word, { maxLength: 3 })).map(([d, segs]) => `https://${d}${segs.length ? `/${segs.join('/')}` : ''}`);
const text = fc.string({ unit: 'grapheme', maxLength: 40 });
// Credentials must not be empty or only whitespace (issue 13); an ApiKey travels in a header, so it is Latin-1 text without controls.
const secretText = text.filter((s) => s.trim() !== '');
const headerText = fc
  .string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f)
      .map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 40,
  })
  .filter((s) => s.trim() !== '');
const connectorId = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/).filter((s) => !s.toLowerCase().startsWith('quicksuite-'));
const connectorName = fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9_ -]{0,60}[A-Za-z0-9])?$/);
const description = fc.stringMatching(/^[A-Za-z0-9 _.,!?-]{1,80}$/);

const authConfigOf: Record<qs.ConnectionAuthType, fc.Arbitrary<Record<string, unknown>>> = {
  NONE: endpoint.map((e) => ({ AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: e } } })),
  BASIC: fc.tuple(endpoint, secretText, secretText).map(([e, u, p]) => ({
    AuthenticationType: 'BASIC',
    AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: e, Username: u, Password: p } },
  })),
  API_KEY: fc.tuple(endpoint, headerText, fc.option(fc.constant('svc.bot+1@example.com'), { nil: undefined })).map(([e, k, email]) => ({
    AuthenticationType: 'API_KEY',
    AuthenticationMetadata: { ApiKeyConnectionMetadata: { BaseEndpoint: e, ApiKey: k, ...(email ? { Email: email } : {}) } },
  })),
  OAUTH2_CLIENT_CREDENTIALS: fc.tuple(endpoint, endpoint, secretText, secretText).map(([e, tok, id, secret]) => ({
    AuthenticationType: 'OAUTH2_CLIENT_CREDENTIALS',
    AuthenticationMetadata: {
      ClientCredentialsGrantMetadata: {
        BaseEndpoint: e,
        ClientCredentialsSource: 'PLAIN_CREDENTIALS',
        ClientCredentialsDetails: { ClientCredentialsGrantDetails: { ClientId: id, ClientSecret: secret, TokenEndpoint: tok } },
      },
    },
  })),
  OAUTH2_AUTHORIZATION_CODE: fc.tuple(endpoint, endpoint, endpoint, endpoint, secretText, secretText).map(([e, redirect, tok, authz, id, secret]) => ({
    AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
    AuthenticationMetadata: {
      AuthorizationCodeGrantMetadata: {
        BaseEndpoint: e,
        RedirectUrl: redirect,
        AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
        AuthorizationCodeGrantCredentialsDetails: {
          AuthorizationCodeGrantDetails: { ClientId: id, ClientSecret: secret, TokenEndpoint: tok, AuthorizationEndpoint: authz },
        },
      },
    },
  })),
  IAM: fc.tuple(fc.stringMatching(/^\d{12}$/), fc.stringMatching(/^[\w+=,.@-]{1,40}$/)).map(([acct, role]) => ({
    AuthenticationType: 'IAM',
    AuthenticationMetadata: { IamConnectionMetadata: { RoleArn: `arn:aws:iam::${acct}:role/${role}` } },
  })),
};

/**
 * An AuthenticationConfig for a connector of `type`: mostly of an AuthenticationType the type
 * accepts, sometimes (1 in 8) of one it refuses, which must then be InvalidParameterValueException.
 */
function authConfigFor(type: qs.ActionConnectorType): fc.Arbitrary<Record<string, unknown>> {
  const allowed = allowedAuthentication(type);
  const refused = AUTH_TYPES.filter((a) => !allowed.includes(a));
  if (allowed.length === 0) throw new Error(`connector type ${type} accepts no AuthenticationType`);
  // A valid API_KEY config of a type whose tokens go as Basic (Jira, Confluence, Zendesk) carries Email.
  const withEmail = (c: Record<string, unknown>) => {
    const m = (c.AuthenticationMetadata as { ApiKeyConnectionMetadata?: Record<string, unknown> } | undefined)?.ApiKeyConnectionMetadata;
    return m && !m.Email ? { ...c, AuthenticationMetadata: { ApiKeyConnectionMetadata: { ...m, Email: 'svc.bot+1@example.com' } } } : c;
  };
  const arbs = [
    {
      arbitrary: fc
        .constantFrom(...allowed)
        .chain((a) => authConfigOf[a])
        .map((c) => (apiKeyNeedsEmail(type) ? withEmail(c) : c)),
      weight: 7,
    },
  ];
  if (refused.length) arbs.push({ arbitrary: fc.constantFrom(...refused).chain((a) => authConfigOf[a]), weight: 1 });
  return fc.oneof(...arbs);
}

const permissionList = () =>
  fc.uniqueArray(
    fc.record({
      Principal: fc.constantFrom(...principals),
      Actions: fc.uniqueArray(fc.constantFrom(...CONNECTOR_ACTIONS), { minLength: 1, maxLength: 7 }),
    }),
    { minLength: 1, maxLength: 5, selector: (p) => p.Principal },
  );

const tagList = fc.uniqueArray(
  fc.record({ Key: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), Value: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) }),
  { minLength: 1, maxLength: 50, selector: (t) => t.Key },
);

/** Within the model's bound (200) but over ActionBridge's 50 tags per resource. */
const tooManyTags = fc.integer({ min: 51, max: 200 }).map((n) => Array.from({ length: n }, (_v, i) => ({ Key: `k${i}`, Value: `v${i}` })));

const validCreate = () =>
  fc.constantFrom(...(CONNECTOR_TYPES as qs.ActionConnectorType[])).chain((type) =>
    fc.record(
      {
        AwsAccountId: fc.constant(ACCOUNT),
        ActionConnectorId: connectorId.map((s) => `pc-${s}`),
        Name: connectorName,
        Type: fc.constant(type),
        AuthenticationConfig: authConfigFor(type),
        Description: description,
        Permissions: permissionList(),
        Tags: fc.oneof({ arbitrary: tagList, weight: 9 }, { arbitrary: tooManyTags, weight: 1 }),
      },
      { requiredKeys: ['AwsAccountId', 'ActionConnectorId', 'Name', 'Type', 'AuthenticationConfig'] },
    ),
  );

/** An update of one of `ids`, its AuthenticationConfig drawn for that connector's type (UPDATE_TARGET_TYPES). */
const validUpdateOf = (ids: string[]) =>
  fc.constantFrom(...ids).chain((id) =>
    fc.record(
      {
        AwsAccountId: fc.constant(ACCOUNT),
        ActionConnectorId: fc.constant(id),
        Name: connectorName,
        AuthenticationConfig: authConfigFor(UPDATE_TARGET_TYPES[id]!),
        Description: description,
      },
      { requiredKeys: ['AwsAccountId', 'ActionConnectorId', 'Name', 'AuthenticationConfig'] },
    ),
  );
const validUpdate = validUpdateOf(['fz-upd-1', 'fz-upd-2', 'fz-upd-missing']);

/** Asserts a refusal of a (type, AuthenticationType) pair the type does not accept. */
function expectPairRefused(r: Outcome, type: unknown, auth: unknown) {
  expect(r.kind === 'refused' && r.name, `${String(type)} with ${String(auth)}`).toBe('InvalidParameterValueException');
  if (r.kind === 'refused') {
    expect(r.message).toContain("'authenticationConfig.authenticationType'");
    expect(r.message).toContain(`[${allowedAuthentication(type as qs.ActionConnectorType).join(', ')}]`);
  }
}
/** What a successful write stored is a pair the type accepts. */
async function expectStoredPairAllowed(id: string) {
  const c = (await describeConnector(id)).ActionConnector!;
  expect(pairAllowed(c.Type, c.AuthenticationConfig?.AuthenticationType), `${c.Type} stored with ${c.AuthenticationConfig?.AuthenticationType}`).toBe(true);
}

const validFilter = () =>
  fc.oneof(
    fc
      .tuple(fc.constantFrom('StringEquals', 'StringLike'), fc.string({ maxLength: 20 }))
      .map(([Operator, Value]) => ({ Name: 'ACTION_CONNECTOR_NAME', Operator, Value })),
    fc.constantFrom(...CONNECTOR_TYPES).map((Value) => ({ Name: 'ACTION_CONNECTOR_TYPE', Operator: 'StringEquals', Value })),
    fc
      .tuple(fc.constantFrom(...SEARCH_FILTER_NAMES.filter((n) => n.includes('QUICKSIGHT'))), fc.constantFrom(...principals))
      .map(([Name, Value]) => ({ Name, Operator: 'StringEquals', Value })),
  );
const validSearch = () =>
  fc.record(
    {
      AwsAccountId: fc.constant(ACCOUNT),
      Filters: fc.oneof(
        fc.constant([]),
        validFilter().map((f) => [f]),
      ),
      MaxResults: fc.integer({ min: 1, max: 100 }),
    },
    { requiredKeys: ['AwsAccountId', 'Filters'] },
  );

const validPermissionsUpdate = () =>
  fc.record(
    {
      AwsAccountId: fc.constant(ACCOUNT),
      ActionConnectorId: fc.constantFrom('fz-perm-1', 'fz-perm-2'),
      GrantPermissions: permissionList(),
      RevokePermissions: permissionList(),
    },
    { requiredKeys: ['AwsAccountId', 'ActionConnectorId'] },
  );

const describeConnector = (id: string) => client.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
const describePermissions = (id: string) => client.send(new qs.DescribeActionConnectorPermissionsCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: id }));
const sortGrants = (ps: qs.ResourcePermission[] | undefined) =>
  (ps ?? []).map((p) => ({ Principal: p.Principal, Actions: [...(p.Actions ?? [])].sort() })).sort((a, b) => (a.Principal! < b.Principal! ? -1 : 1));
const fcParams = { numRuns: RUNS, seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, endOnFailure: true } as const;
const isId = (v: unknown): v is string => typeof v === 'string' && /^[\w-]{1,512}$/.test(v);

// ---------------------------------------------------------------- properties

describe('property: random and mutated inputs through the official SDK', () => {
  it('CreateActionConnector: success or a model 4xx; a refused create writes nothing', async () => {
    const tally = newTally();
    const created = new Set<string>(['fz-upd-1', 'fz-upd-2', 'fz-perm-1', 'fz-perm-2']);
    const refusedIds = new Set<string>();
    let refusedPairs = 0;
    // One unmutated create with a pair its type refuses always runs first (drawn, such pairs
    // come up rarely enough that a run of 200 can miss them).
    const refusedType = (CONNECTOR_TYPES as qs.ActionConnectorType[]).find((t) => AUTH_TYPES.some((a) => !allowedAuthentication(t).includes(a)))!;
    const refusedCreateAuth = AUTH_TYPES.find((a) => !allowedAuthentication(refusedType).includes(a))!;
    const refusedCreate = {
      AwsAccountId: ACCOUNT,
      ActionConnectorId: 'pc-refused-pair',
      Name: 'refused pair',
      Type: refusedType,
      AuthenticationConfig: fc.sample(authConfigOf[refusedCreateAuth], { numRuns: 1, seed: 1 })[0]!,
    };
    await fc.assert(
      fc.asyncProperty(validCreate(), mutations, async (valid, muts) => {
        const input = mutate(valid, muts);
        const id = (input as { ActionConnectorId?: unknown }).ActionConnectorId;
        const wasThere = isId(id) && created.has(id);
        const r = await call('CreateActionConnector', new qs.CreateActionConnectorCommand(input as never), tally);
        if (muts.length === 0) {
          // An unmutated valid input is accepted (or refused only because its type does not accept its
          // AuthenticationType, because the id is taken, or for its tag count).
          if (!pairAllowed(valid.Type, valid.AuthenticationConfig.AuthenticationType)) {
            refusedPairs++;
            expectPairRefused(r, valid.Type, valid.AuthenticationConfig.AuthenticationType);
          } else if ((valid.Tags?.length ?? 0) > 50) expect(r.kind, 'more than 50 tags').toBe('refused');
          else if (wasThere) expect(r.kind === 'refused' && r.name).toBe('ResourceExistsException');
          else expect(r, JSON.stringify(input).slice(0, 500)).toMatchObject({ kind: 'ok' });
        }
        if (r.kind === 'ok') {
          expect(r.out.ActionConnectorId).toBe(id);
          expect(r.out.CreationStatus).toBe('CREATION_SUCCESSFUL');
          expect(wasThere).toBe(false);
          created.add(r.out.ActionConnectorId);
          // What was stored reads back, and is a pair its type accepts.
          const d = await describeConnector(r.out.ActionConnectorId);
          expect(d.ActionConnector?.Arn).toBe(r.out.Arn);
          await expectStoredPairAllowed(r.out.ActionConnectorId);
          return;
        }
        if (r.kind === 'refused' && r.name === 'ResourceExistsException') {
          expect(wasThere, `ResourceExistsException for ${String(id)}, which was never created`).toBe(true);
          return;
        }
        // Refused: the id does not exist (unless it existed before).
        if (isId(id) && !wasThere) {
          await expectError(describeConnector(id), 'ResourceNotFoundException', 404);
          refusedIds.add(id);
        }
      }),
      { ...fcParams, examples: [[refusedCreate as never, []]] },
    );
    expectExercised(tally, RUNS);
    // The generator does draw pairs the rule refuses.
    if (RUNS >= 100) expect(refusedPairs, 'unmutated creates with a refused (type, AuthenticationType) pair').toBeGreaterThan(0);

    // The account holds exactly the connectors that were created.
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 100, NextToken: token }));
      seen.push(...(page.ActionConnectorSummaries ?? []).map((s) => s.ActionConnectorId!));
      token = page.NextToken;
    } while (token);
    expect(seen.sort()).toEqual([...created].sort());

    // Nothing half written: creating a refused id now starts from a clean slate (no stray tags or grants).
    for (const id of [...refusedIds].filter((i) => !created.has(i) && !i.toLowerCase().startsWith('quicksuite-')).slice(0, 25)) {
      const out = await client.send(new qs.CreateActionConnectorCommand(createInput(id, { Name: 'Clean slate' })));
      const tags = await client.send(new qs.ListTagsForResourceCommand({ ResourceArn: out.Arn }));
      expect(tags.Tags ?? []).toEqual([]);
      const perms = await describePermissions(id);
      expect(sortGrants(perms.Permissions)).toEqual([
        { Principal: `arn:aws:quicksight:${REGION}:${ACCOUNT}:user/default/admin`, Actions: [...CONNECTOR_ACTIONS].sort() },
      ]);
    }
  });

  it('UpdateActionConnector: success or a model 4xx; a refused update changes nothing', async () => {
    const tally = newTally();
    let refusedPairs = 0;
    // One unmutated update with a pair its type refuses always runs first (drawn, it comes up
    // for about one run in 120, so a run of 200 could miss it).
    const refusedAuth = AUTH_TYPES.find((a) => !allowedAuthentication(UPDATE_TARGET_TYPES['fz-upd-2']!).includes(a))!;
    const refusedExample = {
      AwsAccountId: ACCOUNT,
      ActionConnectorId: 'fz-upd-2',
      Name: 'refused pair',
      AuthenticationConfig: fc.sample(authConfigOf[refusedAuth], { numRuns: 1, seed: 1 })[0]!,
    };
    await fc.assert(
      fc.asyncProperty(validUpdate, mutations, async (valid, muts) => {
        const input = mutate(valid, muts);
        const id = (input as { ActionConnectorId?: unknown }).ActionConnectorId;
        const target = (id === 'fz-upd-1' || id === 'fz-upd-2') && (input as { AwsAccountId?: unknown }).AwsAccountId === ACCOUNT ? id : undefined;
        const before = target ? (await describeConnector(target)).ActionConnector : undefined;
        const r = await call('UpdateActionConnector', new qs.UpdateActionConnectorCommand(input as never), tally);
        if (muts.length === 0) {
          const type = UPDATE_TARGET_TYPES[valid.ActionConnectorId]!;
          const auth = valid.AuthenticationConfig.AuthenticationType;
          if (valid.ActionConnectorId === 'fz-upd-missing') expect(r.kind === 'refused' && r.name).toBe('ResourceNotFoundException');
          else if (!pairAllowed(type, auth)) {
            refusedPairs++;
            expectPairRefused(r, type, auth);
          } else expect(r, JSON.stringify(input).slice(0, 500)).toMatchObject({ kind: 'ok' });
        }
        if (r.kind === 'ok') {
          expect(r.out.UpdateStatus).toBe('UPDATE_SUCCESSFUL');
          const d = await describeConnector(r.out.ActionConnectorId);
          expect(d.ActionConnector?.Status).toBe('UPDATE_SUCCESSFUL');
          expect(d.ActionConnector?.Name).toBe((input as { Name: string }).Name);
          expect(d.ActionConnector?.Type).toBe(UPDATE_TARGET_TYPES[r.out.ActionConnectorId]);
          await expectStoredPairAllowed(r.out.ActionConnectorId);
        } else if (before) {
          expect((await describeConnector(target!)).ActionConnector).toEqual(before);
        }
      }),
      { ...fcParams, examples: [[refusedExample as never, []]] },
    );
    expectExercised(tally, RUNS);
    expect(refusedPairs, 'unmutated updates with a refused (type, AuthenticationType) pair').toBeGreaterThan(0);
  });

  it('SearchActionConnectors: success or a model 4xx', async () => {
    const tally = newTally();
    await fc.assert(
      fc.asyncProperty(validSearch(), mutations, async (valid, muts) => {
        const input = mutate(valid, muts);
        const r = await call('SearchActionConnectors', new qs.SearchActionConnectorsCommand(input as never), tally);
        if (muts.length === 0) expect(r, JSON.stringify(input)).toMatchObject({ kind: 'ok' });
        if (r.kind === 'ok') {
          expect(Array.isArray(r.out.ActionConnectorSummaries)).toBe(true);
          const max = (input as { MaxResults?: unknown }).MaxResults;
          if (typeof max === 'number' && max > 0) expect(r.out.ActionConnectorSummaries.length).toBeLessThanOrEqual(max);
        }
      }),
      fcParams,
    );
    expectExercised(tally, RUNS);
  });

  it('UpdateActionConnectorPermissions: success or a model 4xx; a refused update changes nothing', async () => {
    const tally = newTally();
    await fc.assert(
      fc.asyncProperty(validPermissionsUpdate(), mutations, async (valid, muts) => {
        const input = mutate(valid, muts);
        const id = (input as { ActionConnectorId?: unknown }).ActionConnectorId;
        const target = (id === 'fz-perm-1' || id === 'fz-perm-2') && (input as { AwsAccountId?: unknown }).AwsAccountId === ACCOUNT ? id : undefined;
        const before = target ? sortGrants((await describePermissions(target)).Permissions) : undefined;
        const r = await call('UpdateActionConnectorPermissions', new qs.UpdateActionConnectorPermissionsCommand(input as never), tally);
        if (muts.length === 0) expect(r, JSON.stringify(input)).toMatchObject({ kind: 'ok' });
        if (r.kind === 'ok') {
          const after = sortGrants(r.out.Permissions);
          expect(after.length).toBeLessThanOrEqual(64);
          for (const p of after) {
            expect(p.Actions.length).toBeGreaterThanOrEqual(1);
            for (const a of p.Actions) expect(CONNECTOR_ACTIONS).toContain(a);
          }
          expect(sortGrants((await describePermissions(r.out.ActionConnectorId)).Permissions)).toEqual(after);
        } else if (before) {
          expect(sortGrants((await describePermissions(target!)).Permissions)).toEqual(before);
        }
      }),
      fcParams,
    );
    expectExercised(tally, RUNS);
  });
});

describe('regressions found by the properties', () => {
  it("a StringLike name filter longer than SQLite's LIKE pattern limit is answered, not a 500", async () => {
    // Needs at least one row for the LIKE to be evaluated.
    await client.send(new qs.CreateActionConnectorCommand(createInput('fz-like', { Name: 'Like Target' })));
    for (const value of ['a'.repeat(50_001), 'é'.repeat(400_000), 'Like Target'.padEnd(1025, '%')]) {
      for (const Operator of ['StringLike', 'StringEquals'] as const) {
        const out = await client.send(
          new qs.SearchActionConnectorsCommand({ AwsAccountId: ACCOUNT, Filters: [{ Name: 'ACTION_CONNECTOR_NAME', Operator, Value: value }] }),
        );
        expect(out.ActionConnectorSummaries).toEqual([]);
      }
    }
    const hit = await client.send(
      new qs.SearchActionConnectorsCommand({ AwsAccountId: ACCOUNT, Filters: [{ Name: 'ACTION_CONNECTOR_NAME', Operator: 'StringLike', Value: 'KE TARG' }] }),
    );
    expect(hit.ActionConnectorSummaries?.map((c) => c.ActionConnectorId)).toEqual(['fz-like']);
  });

  it('CreateActionConnector with more than 50 tags is InvalidParameterValueException (LimitExceeded is not in its error list)', async () => {
    const Tags = Array.from({ length: 51 }, (_v, i) => ({ Key: `k${i}`, Value: 'v' }));
    const err = await expectError(client.send(new qs.CreateActionConnectorCommand(createInput('fz-51-tags', { Tags }))), 'InvalidParameterValueException', 400);
    expect(err.message).toMatch(/tags/);
    await expectError(describeConnector('fz-51-tags'), 'ResourceNotFoundException', 404);
    const ok = await client.send(new qs.CreateActionConnectorCommand(createInput('fz-50-tags', { Tags: Tags.slice(0, 50) })));
    expect((await client.send(new qs.ListTagsForResourceCommand({ ResourceArn: ok.Arn }))).Tags).toHaveLength(50);
    await client.send(new qs.DeleteActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'fz-50-tags' }));
  });
});

describe('property: raw signed JSON bodies (members the SDK would drop, any JSON at all)', () => {
  const ops = [
    {
      op: 'CreateActionConnector',
      method: 'POST',
      path: `/accounts/${ACCOUNT}/action-connectors`,
      valid: () => validCreate().map(({ AwsAccountId: _a, ...b }) => b),
    },
    {
      op: 'UpdateActionConnector',
      method: 'PUT',
      path: `/accounts/${ACCOUNT}/action-connectors/fz-upd-1`,
      valid: () => validUpdateOf(['fz-upd-1']).map(({ AwsAccountId: _a, ActionConnectorId: _i, ...b }) => b),
    },
    {
      op: 'SearchActionConnectors',
      method: 'POST',
      path: `/accounts/${ACCOUNT}/search/action-connectors`,
      valid: () => validSearch().map(({ AwsAccountId: _a, MaxResults: _m, ...b }) => b),
    },
    {
      op: 'UpdateActionConnectorPermissions',
      method: 'POST',
      path: `/accounts/${ACCOUNT}/action-connectors/fz-perm-2/permissions`,
      valid: () => validPermissionsUpdate().map(({ AwsAccountId: _a, ActionConnectorId: _i, ...b }) => b),
    },
  ] as const;

  it('any body is a success or a model 4xx with the restJson1 error shape', async () => {
    const statuses: Record<string, number> = {};
    const body = fc.oneof(
      {
        arbitrary: fc
          .constantFrom(...ops)
          .chain((o) => fc.tuple(fc.constant(o), o.valid() as fc.Arbitrary<unknown>, mutations).map(([op, v, m]) => ({ op, json: mutate(v, m) as unknown }))),
        weight: 4,
      },
      { arbitrary: fc.tuple(fc.constantFrom(...ops), fc.anything({ maxDepth: 4, withNullPrototype: true })).map(([op, json]) => ({ op, json })), weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(body, fc.option(fc.integer({ min: -5, max: 200 }), { nil: undefined }), async ({ op, json }, maxResults) => {
        const text = JSON.stringify(json) ?? 'null';
        const query: [string, string][] = op.op === 'SearchActionConnectors' && maxResults !== undefined ? [['max-results', String(maxResults)]] : [];
        const res = await withTimeout(
          sendRaw(t.endpoint, { method: op.method, path: op.path, query, headers: { 'content-type': 'application/json' }, body: text }),
          CALL_TIMEOUT_MS,
          op.op,
        );
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const detail = `${op.op} ${res.status} ${res.text.slice(0, 300)} <- ${text.slice(0, 300)}`;
        expect(res.headers['x-amzn-requestid'], detail).toBeTruthy();
        expect(res.json?.RequestId, detail).toBe(res.headers['x-amzn-requestid']);
        if (res.status === 200) return;
        expect(res.status, detail).toBeGreaterThanOrEqual(400);
        expect(res.status, detail).toBeLessThan(500);
        expect(modelErrors(op.op), detail).toContain(res.headers['x-amzn-errortype']);
        expect(typeof res.json.Message, detail).toBe('string');
      }),
      { ...fcParams, numRuns: RUNS },
    );
    expect(statuses['200'] ?? 0, JSON.stringify(statuses)).toBeGreaterThan(RUNS * 0.05);
    expect(statuses['400'] ?? 0, JSON.stringify(statuses)).toBeGreaterThan(RUNS * 0.2);
  });

  it('the server stayed healthy: no internal failure was logged, and it still answers', async () => {
    expect(t.logs()).not.toMatch(/internal failure/);
    expect(t.logs()).not.toMatch(/"status":5\d\d/);
    expect((await describeConnector('fz-upd-2')).ActionConnector?.ActionConnectorId).toBe('fz-upd-2');
    // A READER (no grants on the fuzzed connectors) is refused, not served.
    const rc = t.client(reader);
    await expectError(rc.send(new qs.DescribeActionConnectorCommand({ AwsAccountId: ACCOUNT, ActionConnectorId: 'fz-upd-2' })), 'AccessDeniedException', 401);
  });
});
