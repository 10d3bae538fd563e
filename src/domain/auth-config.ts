// AuthenticationConfig, parsed once. A connector's configuration is stored as its
// clear part (JSON, the model's shapes without their secret members) and its secrets
// (sealed). Secret members are the model's sensitive shapes that Describe does not
// return (src/protocol/generated/auth-paths.ts, generated from the model). Everything
// that reads a stored configuration goes through `parseClearAuthConfig` into
// `ClearAuthConfig`, a union discriminated by AuthenticationType; the Read shape
// (Describe), the base endpoint, the outbound authentication
// (connections/connector-auth.ts) and the console form derive from it. The destination
// digest (domain/destination.ts) hashes the same clear part as stored: the parser checks
// it without reshaping it, and a row that does not parse is never used.
// Also: the rules beyond the model (PRODUCT.md §2), as Violations the operations turn
// into AWS-style messages. Pure: no wire errors, no store, no keys.
import type {
  APIKeyConnectionMetadata,
  AuthConfig,
  AuthenticationMetadata,
  AuthorizationCodeGrantDetails,
  AuthorizationCodeGrantMetadata,
  BasicAuthConnectionMetadata,
  ClientCredentialsGrantDetails,
  ClientCredentialsGrantMetadata,
  ConnectionAuthType,
  IAMConnectionMetadata,
  NoneConnectionMetadata,
  ReadAuthConfig,
} from '../protocol/generated/model.js';
import { authSecretPaths, type AuthSecretMetadataMember } from '../protocol/generated/auth-paths.js';
import type { Violation } from './violations.js';

export type { Violation };

const violation = (member: string, rule: string): Violation => ({ member, rule });

/** The AuthenticationMetadata member each AuthenticationType requires. */
export const METADATA_MEMBER = {
  NONE: 'NoneConnectionMetadata',
  BASIC: 'BasicAuthConnectionMetadata',
  API_KEY: 'ApiKeyConnectionMetadata',
  OAUTH2_CLIENT_CREDENTIALS: 'ClientCredentialsGrantMetadata',
  OAUTH2_AUTHORIZATION_CODE: 'AuthorizationCodeGrantMetadata',
  IAM: 'IamConnectionMetadata',
} as const satisfies Record<ConnectionAuthType, keyof AuthenticationMetadata>;

/** The name of the secret member of a metadata member (the last step of its generated path). */
type SecretOf<M extends AuthSecretMetadataMember> = (typeof authSecretPaths)[M] extends readonly [...string[], infer L] ? L & string : never;

export type ClearBasic = Omit<BasicAuthConnectionMetadata, SecretOf<'BasicAuthConnectionMetadata'>>;
export type ClearApiKey = Omit<APIKeyConnectionMetadata, SecretOf<'ApiKeyConnectionMetadata'>>;
export type ClearClientCredentials = Omit<ClientCredentialsGrantMetadata, 'ClientCredentialsDetails'> & {
  ClientCredentialsDetails: { ClientCredentialsGrantDetails: Omit<ClientCredentialsGrantDetails, SecretOf<'ClientCredentialsGrantMetadata'>> };
};
/**
 * Without AuthorizationCodeGrantCredentialsDetails (GENERIC_HTTP only, src/domain/type-auth.ts):
 * the authorization server and a client are discovered at the connector's MCP server
 * (src/connections/mcp-discovery.ts).
 */
export type ClearAuthorizationCode = Omit<AuthorizationCodeGrantMetadata, 'AuthorizationCodeGrantCredentialsDetails'> & {
  AuthorizationCodeGrantCredentialsDetails?: { AuthorizationCodeGrantDetails: Omit<AuthorizationCodeGrantDetails, SecretOf<'AuthorizationCodeGrantMetadata'>> };
};

/** A stored AuthenticationConfig: exactly the metadata member its type requires, without secret members. */
export type ClearAuthConfig =
  | { AuthenticationType: 'NONE'; AuthenticationMetadata: { NoneConnectionMetadata: NoneConnectionMetadata } }
  | { AuthenticationType: 'BASIC'; AuthenticationMetadata: { BasicAuthConnectionMetadata: ClearBasic } }
  | { AuthenticationType: 'API_KEY'; AuthenticationMetadata: { ApiKeyConnectionMetadata: ClearApiKey } }
  | { AuthenticationType: 'OAUTH2_CLIENT_CREDENTIALS'; AuthenticationMetadata: { ClientCredentialsGrantMetadata: ClearClientCredentials } }
  | { AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE'; AuthenticationMetadata: { AuthorizationCodeGrantMetadata: ClearAuthorizationCode } }
  | { AuthenticationType: 'IAM'; AuthenticationMetadata: { IamConnectionMetadata: IAMConnectionMetadata } };

/** The secrets of a connector, keyed by their member path joined with '.' (the sealed blob's format). */
export type AuthSecrets = Record<string, string>;

/** The key (in AuthSecrets) of the secret an AuthenticationType carries, if it has one. */
export function secretKeyOf(type: ConnectionAuthType): string | undefined {
  const member = METADATA_MEMBER[type];
  return hasSecret(member) ? authSecretPaths[member].join('.') : undefined;
}

const hasSecret = (member: string): member is AuthSecretMetadataMember => member in authSecretPaths;

type Obj = Record<string, unknown>;
const lower = (s: string) => s[0]!.toLowerCase() + s.slice(1);

// ---- Keeping a stored secret (the console's edit form) ------------------------

/**
 * What the console entrance puts where the secret of an UpdateActionConnector input
 * would be when the user keeps the stored one (`KeepCurrentSecret`), so that the input
 * passes the model, whose secret members are required. The operation never stores or
 * sends it: with `RequestContext.keepSecret` it keeps the sealed value it has.
 */
export const KEPT_SECRET_PLACEHOLDER = 'actionbridge:keep-the-current-secret';

/** The wire member path (as validation messages name members) of the secret `type` carries. */
export function secretMemberPath(type: ConnectionAuthType): string | undefined {
  const member = METADATA_MEMBER[type];
  return hasSecret(member) ? `authenticationConfig.authenticationMetadata.${authSecretPaths[member].map(lower).join('.')}` : undefined;
}

/**
 * Puts KEPT_SECRET_PLACEHOLDER at the secret's place in an (unvalidated) AuthenticationConfig
 * whose parent object is there. A secret given as well is a Violation: keep it or replace it.
 * A type without a secret, or a shape the model will refuse anyway, is left as it is.
 */
export function placeKeptSecret(cfg: unknown): Violation | undefined {
  if (!isObj(cfg) || typeof cfg.AuthenticationType !== 'string' || !Object.hasOwn(METADATA_MEMBER, cfg.AuthenticationType)) return undefined;
  const member = METADATA_MEMBER[cfg.AuthenticationType as ConnectionAuthType];
  if (!hasSecret(member)) return undefined;
  const path = authSecretPaths[member];
  let o: unknown = cfg.AuthenticationMetadata;
  for (const seg of path.slice(0, -1)) o = isObj(o) ? o[seg] : undefined;
  if (!isObj(o)) return undefined;
  const leaf = path[path.length - 1]!;
  if (o[leaf] !== undefined) {
    return violation(
      secretMemberPath(cfg.AuthenticationType as ConnectionAuthType)!,
      'Member must be left out when KeepCurrentSecret is true (keep the stored secret, or send a new one without KeepCurrentSecret)',
    );
  }
  o[leaf] = KEPT_SECRET_PLACEHOLDER;
  return undefined;
}

/**
 * Credential members that must not be empty or only whitespace (requirement: empty
 * secrets are refused, at Create and at Update, rather than stored and sent).
 */
const CREDENTIAL_MEMBERS = new Set(['ApiKey', 'Password', 'Username', 'ClientId', 'ClientSecret']);

/** Members that hold URLs: each must parse as an https URL with a host. */
const URL_MEMBERS = new Set(['BaseEndpoint', 'TokenEndpoint', 'AuthorizationEndpoint', 'RedirectUrl']);

// Control characters other than tab, and anything past ISO-8859-1.
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find control characters in header values
const NOT_HEADER_TEXT = /[\u0000-\u0008\u000a-\u001f\u007f]|[^\u0000-\u00ff]/;

const IAM_ROLE_ARN = /^arn:aws(?:-cn|-us-gov|-iso|-iso-b)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** Problems with an AuthenticationConfig the model accepted (ops turns them into AWS-style messages). */
export function authConfigProblems(cfg: AuthConfig): Violation[] {
  const problems: Violation[] = [];
  const base = 'authenticationConfig.authenticationMetadata';
  const md = cfg.AuthenticationMetadata;
  const expected = METADATA_MEMBER[cfg.AuthenticationType];
  const present = Object.entries(md)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k]) => k);
  if (present.length === 1 && present[0] !== expected) {
    problems.push(violation(`${base}.${lower(present[0]!)}`, `Member must match AuthenticationType ${cfg.AuthenticationType}, which requires ${expected}`));
    return problems;
  }
  const walk = (o: unknown, path: string) => {
    if (!o || typeof o !== 'object') return;
    const entries: [string, unknown][] = Object.entries(o);
    for (const [k, v] of entries) {
      const p = `${path}.${lower(k)}`;
      if (CREDENTIAL_MEMBERS.has(k) && typeof v === 'string') {
        if (!v.trim()) problems.push(violation(p, 'Member must not be empty'));
      } else if (URL_MEMBERS.has(k) && typeof v === 'string') {
        let u: URL | undefined;
        try {
          u = new URL(v);
        } catch {
          u = undefined;
        }
        if (u?.protocol !== 'https:' || !u.hostname) problems.push(violation(p, 'Member must be an https:// URL that parses'));
        else if (u.username || u.password) problems.push(violation(p, 'Member must not carry credentials in the URL'));
        else if (k === 'BaseEndpoint' && (u.search || u.hash)) problems.push(violation(p, 'Member must not have a query or fragment'));
      } else if (typeof v === 'object') walk(v, p);
    }
  };
  walk(md, base);
  const iam = md.IamConnectionMetadata;
  if (iam && typeof iam.RoleArn === 'string' && !IAM_ROLE_ARN.test(iam.RoleArn)) {
    problems.push(violation(`${base}.iamConnectionMetadata.roleArn`, 'Member must be an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)'));
  }
  // An API key (and the Email some types send with it) travels in a header: bytes HTTP can carry only.
  const apiKey = md.ApiKeyConnectionMetadata;
  for (const k of ['ApiKey', 'Email'] as const) {
    const v = apiKey?.[k];
    if (typeof v === 'string' && NOT_HEADER_TEXT.test(v)) {
      problems.push(
        violation(
          `${base}.apiKeyConnectionMetadata.${lower(k)}`,
          'Member must be text an HTTP header can carry: no control characters and no characters above U+00FF',
        ),
      );
    }
  }
  const cc = md.ClientCredentialsGrantMetadata;
  if (cc && !cc.ClientCredentialsDetails) {
    problems.push({
      member: `${base}.clientCredentialsGrantMetadata.clientCredentialsDetails`,
      value: 'null',
      rule: 'Member must not be null when ClientCredentialsSource is PLAIN_CREDENTIALS',
    });
  }
  const ac = md.AuthorizationCodeGrantMetadata;
  // Without a source and details the client is discovered (MCP servers; the type's rule is in type-auth.ts).
  if (ac && !ac.AuthorizationCodeGrantCredentialsDetails && ac.AuthorizationCodeGrantCredentialsSource) {
    problems.push({
      member: `${base}.authorizationCodeGrantMetadata.authorizationCodeGrantCredentialsDetails`,
      value: 'null',
      rule: 'Member must not be null when AuthorizationCodeGrantCredentialsSource is PLAIN_CREDENTIALS',
    });
  }
  return problems;
}

/** Every type's secret member: the objects above it, its name, and its key in AuthSecrets. */
const SECRET_PATHS = Object.values(authSecretPaths).map((path) => ({ parents: path.slice(0, -1), leaf: path[path.length - 1]!, key: path.join('.') }));

/**
 * A deep copy of a JSON value as JSON.parse(JSON.stringify(v)) makes it (members whose value
 * is undefined left out), for the plain objects, arrays and scalars a decoded request holds;
 * the round trip through text was most of splitSecrets' cost (bench/RESULTS.md).
 */
function jsonCopy(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : jsonCopy(x)));
  const o: Obj = {};
  for (const k of Object.keys(v)) {
    const x = (v as Obj)[k];
    if (x !== undefined) o[k] = jsonCopy(x);
  }
  return o;
}

/**
 * Splits an AuthenticationConfig that passed the model and authConfigProblems into its
 * clear part (parsed) and its secrets (the members at the generated secret paths).
 */
export function splitSecrets(cfg: AuthConfig): { publicPart: ClearAuthConfig; secrets: AuthSecrets } {
  const clear = jsonCopy(cfg);
  const secrets: AuthSecrets = {};
  const md = isObj(clear) ? clear.AuthenticationMetadata : undefined;
  for (const { parents, leaf, key } of SECRET_PATHS) {
    let o: unknown = md;
    for (const seg of parents) o = isObj(o) ? o[seg] : undefined;
    const secret = isObj(o) ? o[leaf] : undefined;
    if (isObj(o) && typeof secret === 'string') {
      secrets[key] = secret;
      delete o[leaf];
    }
  }
  const parsed = parseClearAuthConfig(cfg.AuthenticationType, clear);
  // authConfigProblems and the model accepted it: a failure here is a bug, not bad input.
  if (!parsed.ok) throw new TypeError(`a validated AuthenticationConfig does not parse: ${parsed.problem}`);
  return { publicPart: parsed.value, secrets };
}

// ---- Parsing a stored clear part ---------------------------------------------

/** What a stored metadata member must hold: a string member, an optional one, an optional PLAIN_CREDENTIALS (the model's only credentials source), or a nested object. */
type Spec = { readonly [member: string]: 'string' | 'string?' | 'PLAIN_CREDENTIALS?' | Spec };

/** Nested members that may be absent (an authorization-code connector whose client is discovered). */
const OPTIONAL_OBJECTS = new Set(['AuthorizationCodeGrantCredentialsDetails']);

const SPECS: { readonly [T in ConnectionAuthType]: Spec } = {
  NONE: { BaseEndpoint: 'string' },
  BASIC: { BaseEndpoint: 'string', Username: 'string' },
  API_KEY: { BaseEndpoint: 'string', Email: 'string?' },
  OAUTH2_CLIENT_CREDENTIALS: {
    BaseEndpoint: 'string',
    ClientCredentialsSource: 'PLAIN_CREDENTIALS?',
    ClientCredentialsDetails: { ClientCredentialsGrantDetails: { ClientId: 'string', TokenEndpoint: 'string' } },
  },
  OAUTH2_AUTHORIZATION_CODE: {
    BaseEndpoint: 'string',
    RedirectUrl: 'string',
    AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS?',
    AuthorizationCodeGrantCredentialsDetails: {
      AuthorizationCodeGrantDetails: { ClientId: 'string', TokenEndpoint: 'string', AuthorizationEndpoint: 'string' },
    },
  },
  IAM: { RoleArn: 'string' },
};

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first way `v` fails `spec`, as a member path (never a value). */
function specProblem(v: unknown, spec: Spec, path: string): string | undefined {
  if (!isObj(v)) return `${path} is not an object`;
  for (const [k, want] of Object.entries(spec)) {
    const p = `${path}.${k}`;
    const got = v[k];
    if (typeof want === 'object') {
      if (got === undefined && OPTIONAL_OBJECTS.has(k)) continue;
      const inner = specProblem(got, want, p);
      if (inner) return inner;
    } else if (got === undefined && want !== 'string') {
    } else if (want === 'PLAIN_CREDENTIALS?' && got !== 'PLAIN_CREDENTIALS') {
      return `${p} is not PLAIN_CREDENTIALS`;
    } else if (typeof got !== 'string') {
      return `${p} is ${got === undefined ? 'missing' : 'not a string'}`;
    }
  }
  return undefined;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Parses the stored clear part of a connector's AuthenticationConfig (`authType` is the
 * row's AuthenticationType). A row changed outside ActionBridge may not parse: the
 * problem names the member (never its value).
 */
export function parseClearAuthConfig(authType: ConnectionAuthType, stored: unknown): Parsed<ClearAuthConfig> {
  const fail = (problem: string): Parsed<ClearAuthConfig> => ({ ok: false, problem });
  if (!isObj(stored)) return fail('the AuthenticationConfig is not an object');
  if (!Object.hasOwn(SPECS, authType)) return fail(`AuthenticationType ${JSON.stringify(authType)} is unknown`);
  if (stored.AuthenticationType !== authType)
    return fail(`AuthenticationConfig.AuthenticationType differs from the connector's AuthenticationType ${authType}`);
  const md = stored.AuthenticationMetadata;
  if (!isObj(md)) return fail('AuthenticationConfig.AuthenticationMetadata is not an object');
  const member = METADATA_MEMBER[authType];
  const others = Object.keys(md).filter((k) => k !== member && md[k] !== undefined && md[k] !== null);
  if (others.length) return fail(`AuthenticationConfig.AuthenticationMetadata has ${others.join(', ')} beside ${member}`);
  const problem = specProblem(md[member], SPECS[authType], `AuthenticationConfig.AuthenticationMetadata.${member}`);
  if (problem) return fail(problem);
  // Checked member by member against SPECS, which follows ClearAuthConfig.
  return { ok: true, value: stored as unknown as ClearAuthConfig };
}

const parsedByObject = new WeakMap<object, { authType: ConnectionAuthType; parsed: Parsed<ClearAuthConfig> }>();

/** parseClearAuthConfig, once per stored object (a record read from the store is parsed once however often it is used). */
export function parseStoredAuthConfig(authType: ConnectionAuthType, stored: unknown): Parsed<ClearAuthConfig> {
  if (!isObj(stored)) return parseClearAuthConfig(authType, stored);
  const known = parsedByObject.get(stored);
  if (known?.authType === authType) return known.parsed;
  const parsed = parseClearAuthConfig(authType, stored);
  parsedByObject.set(stored, { authType, parsed });
  return parsed;
}

// ---- What derives from the parsed value ----------------------------------------

/** The connector's BaseEndpoint (IAM connectors have none). */
export function baseEndpointOf(cfg: ClearAuthConfig): string | undefined {
  switch (cfg.AuthenticationType) {
    case 'NONE':
      return cfg.AuthenticationMetadata.NoneConnectionMetadata.BaseEndpoint;
    case 'BASIC':
      return cfg.AuthenticationMetadata.BasicAuthConnectionMetadata.BaseEndpoint;
    case 'API_KEY':
      return cfg.AuthenticationMetadata.ApiKeyConnectionMetadata.BaseEndpoint;
    case 'OAUTH2_CLIENT_CREDENTIALS':
      return cfg.AuthenticationMetadata.ClientCredentialsGrantMetadata.BaseEndpoint;
    case 'OAUTH2_AUTHORIZATION_CODE':
      return cfg.AuthenticationMetadata.AuthorizationCodeGrantMetadata.BaseEndpoint;
    case 'IAM':
      return undefined;
  }
}

/** The Read* shape Describe returns (no secrets; SourceArn for IAM). */
export function toReadAuthConfig(cfg: ClearAuthConfig, connectorArn: string): ReadAuthConfig {
  const AuthenticationType = cfg.AuthenticationType;
  switch (cfg.AuthenticationType) {
    case 'NONE':
      return { AuthenticationType, AuthenticationMetadata: { NoneConnectionMetadata: { ...cfg.AuthenticationMetadata.NoneConnectionMetadata } } };
    case 'BASIC':
      return { AuthenticationType, AuthenticationMetadata: { BasicAuthConnectionMetadata: { ...cfg.AuthenticationMetadata.BasicAuthConnectionMetadata } } };
    case 'API_KEY':
      return { AuthenticationType, AuthenticationMetadata: { ApiKeyConnectionMetadata: { ...cfg.AuthenticationMetadata.ApiKeyConnectionMetadata } } };
    case 'IAM':
      return {
        AuthenticationType,
        AuthenticationMetadata: { IamConnectionMetadata: { ...cfg.AuthenticationMetadata.IamConnectionMetadata, SourceArn: connectorArn } },
      };
    case 'OAUTH2_CLIENT_CREDENTIALS': {
      const { ClientCredentialsDetails, ...m } = cfg.AuthenticationMetadata.ClientCredentialsGrantMetadata;
      return {
        AuthenticationType,
        AuthenticationMetadata: {
          ClientCredentialsGrantMetadata: {
            ...m,
            ReadClientCredentialsDetails: { ReadClientCredentialsGrantDetails: { ...ClientCredentialsDetails.ClientCredentialsGrantDetails } },
          },
        },
      };
    }
    case 'OAUTH2_AUTHORIZATION_CODE': {
      const { AuthorizationCodeGrantCredentialsDetails, ...m } = cfg.AuthenticationMetadata.AuthorizationCodeGrantMetadata;
      return {
        AuthenticationType,
        AuthenticationMetadata: {
          AuthorizationCodeGrantMetadata: {
            ...m,
            ...(AuthorizationCodeGrantCredentialsDetails
              ? {
                  ReadAuthorizationCodeGrantCredentialsDetails: {
                    ReadAuthorizationCodeGrantDetails: { ...AuthorizationCodeGrantCredentialsDetails.AuthorizationCodeGrantDetails },
                  },
                }
              : {}),
          },
        },
      };
    }
  }
}
