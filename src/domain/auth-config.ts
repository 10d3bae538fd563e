// AuthenticationConfig: the rules beyond the model (PRODUCT.md §2), splitting
// secrets from the rest for storage, and the Read* shapes Describe returns.
import type { AuthConfig, ConnectionAuthType, ReadAuthConfig } from '../protocol/generated/model.js';
import { type Problem, constraint, missingMember } from '../protocol/errors.js';

/** The AuthenticationMetadata member each AuthenticationType requires. */
export const METADATA_MEMBER: Record<ConnectionAuthType, string> = {
  NONE: 'NoneConnectionMetadata',
  BASIC: 'BasicAuthConnectionMetadata',
  API_KEY: 'ApiKeyConnectionMetadata',
  OAUTH2_CLIENT_CREDENTIALS: 'ClientCredentialsGrantMetadata',
  OAUTH2_AUTHORIZATION_CODE: 'AuthorizationCodeGrantMetadata',
  IAM: 'IamConnectionMetadata',
};

type Obj = Record<string, unknown>;
const lower = (s: string) => s[0]!.toLowerCase() + s.slice(1);

/** Paths (member names from AuthenticationMetadata down) of every secret member. */
const SECRET_PATHS: string[][] = [
  ['BasicAuthConnectionMetadata', 'Password'],
  ['ApiKeyConnectionMetadata', 'ApiKey'],
  ['ClientCredentialsGrantMetadata', 'ClientCredentialsDetails', 'ClientCredentialsGrantDetails', 'ClientSecret'],
  ['AuthorizationCodeGrantMetadata', 'AuthorizationCodeGrantCredentialsDetails', 'AuthorizationCodeGrantDetails', 'ClientSecret'],
];

/**
 * Credential members that must not be empty or only whitespace (requirement: empty
 * secrets are refused, at Create and at Update, rather than stored and sent).
 */
const CREDENTIAL_MEMBERS = new Set(['ApiKey', 'Password', 'Username', 'ClientId', 'ClientSecret']);

/** Members that hold URLs: each must parse as an https URL with a host. */
const URL_MEMBERS = new Set(['BaseEndpoint', 'TokenEndpoint', 'AuthorizationEndpoint', 'RedirectUrl']);

// Control characters other than tab, and anything past ISO-8859-1.
const NOT_HEADER_TEXT = /[\u0000-\u0008\u000a-\u001f\u007f]|[^\u0000-\u00ff]/;

const IAM_ROLE_ARN = /^arn:aws(?:-cn|-us-gov|-iso|-iso-b)?:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/;

/** Problems (AWS message fragments) with an AuthenticationConfig the model accepted. */
export function authConfigProblems(cfg: AuthConfig): Problem[] {
  const problems: Problem[] = [];
  const base = 'authenticationConfig.authenticationMetadata';
  const md = cfg.AuthenticationMetadata as unknown as Obj;
  const expected = METADATA_MEMBER[cfg.AuthenticationType];
  const present = Object.keys(md).filter((k) => md[k] !== undefined && md[k] !== null);
  if (present.length === 1 && present[0] !== expected) {
    problems.push(constraint(`${base}.${lower(present[0]!)}`,
      `Member must match AuthenticationType ${cfg.AuthenticationType}, which requires ${expected}`));
    return problems;
  }
  const walk = (o: unknown, path: string) => {
    if (!o || typeof o !== 'object') return;
    for (const [k, v] of Object.entries(o as Obj)) {
      const p = `${path}.${lower(k)}`;
      if (CREDENTIAL_MEMBERS.has(k) && typeof v === 'string') {
        if (!v.trim()) problems.push(constraint(p, 'Member must not be empty'));
      } else if (URL_MEMBERS.has(k) && typeof v === 'string') {
        let u: URL | undefined;
        try { u = new URL(v); } catch { u = undefined; }
        if (!u || u.protocol !== 'https:' || !u.hostname) problems.push(constraint(p, 'Member must be an https:// URL that parses'));
        else if (u.username || u.password) problems.push(constraint(p, 'Member must not carry credentials in the URL'));
        else if (k === 'BaseEndpoint' && (u.search || u.hash)) problems.push(constraint(p, 'Member must not have a query or fragment'));
      } else if (typeof v === 'object') walk(v, p);
    }
  };
  walk(md, base);
  const iam = md.IamConnectionMetadata as Obj | undefined;
  if (iam && typeof iam.RoleArn === 'string' && !IAM_ROLE_ARN.test(iam.RoleArn)) {
    problems.push(constraint(`${base}.iamConnectionMetadata.roleArn`, 'Member must be an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)'));
  }
  // An API key (and the Email some types send with it) travels in a header: bytes HTTP can carry only.
  const apiKey = md.ApiKeyConnectionMetadata as Obj | undefined;
  for (const k of ['ApiKey', 'Email']) {
    const v = apiKey?.[k];
    if (typeof v === 'string' && NOT_HEADER_TEXT.test(v)) {
      problems.push(constraint(`${base}.apiKeyConnectionMetadata.${lower(k)}`, 'Member must be text an HTTP header can carry: no control characters and no characters above U+00FF'));
    }
  }
  const cc = md.ClientCredentialsGrantMetadata as Obj | undefined;
  if (cc && !cc.ClientCredentialsDetails) {
    problems.push(missingMember(`${base}.clientCredentialsGrantMetadata.clientCredentialsDetails`, 'Member must not be null when ClientCredentialsSource is PLAIN_CREDENTIALS'));
  }
  const ac = md.AuthorizationCodeGrantMetadata as Obj | undefined;
  if (ac && !ac.AuthorizationCodeGrantCredentialsDetails) {
    problems.push(missingMember(`${base}.authorizationCodeGrantMetadata.authorizationCodeGrantCredentialsDetails`, 'Member must not be null when AuthorizationCodeGrantCredentialsSource is PLAIN_CREDENTIALS'));
  }
  return problems;
}

const clone = <T>(o: T): T => JSON.parse(JSON.stringify(o)) as T;

/** Splits a validated AuthenticationConfig into what may be stored in the clear and the secrets. */
export function splitSecrets(cfg: AuthConfig): { publicPart: Obj; secrets: Record<string, string> } {
  const publicPart = clone(cfg) as unknown as Obj;
  const secrets: Record<string, string> = {};
  const md = publicPart.AuthenticationMetadata as Obj;
  for (const path of SECRET_PATHS) {
    let o: Obj | undefined = md;
    for (const seg of path.slice(0, -1)) o = (o?.[seg] as Obj | undefined);
    const leaf = path[path.length - 1]!;
    if (o && typeof o[leaf] === 'string') {
      secrets[path.join('.')] = o[leaf] as string;
      delete o[leaf];
    }
  }
  return { publicPart, secrets };
}

/** The Read* shape of a stored AuthenticationConfig (no secrets; SourceArn for IAM). */
export function toReadAuthConfig(publicPart: Obj, connectorArn: string): ReadAuthConfig {
  const cfg = clone(publicPart) as { AuthenticationType: ConnectionAuthType; AuthenticationMetadata: Obj };
  const md = cfg.AuthenticationMetadata;
  const out: Obj = {};
  for (const [k, v] of Object.entries(md)) {
    const m = { ...(v as Obj) };
    if (k === 'IamConnectionMetadata') m.SourceArn = connectorArn;
    if (k === 'ClientCredentialsGrantMetadata' && m.ClientCredentialsDetails) {
      const d = m.ClientCredentialsDetails as Obj;
      m.ReadClientCredentialsDetails = { ReadClientCredentialsGrantDetails: d.ClientCredentialsGrantDetails };
      delete m.ClientCredentialsDetails;
    }
    if (k === 'AuthorizationCodeGrantMetadata' && m.AuthorizationCodeGrantCredentialsDetails) {
      const d = m.AuthorizationCodeGrantCredentialsDetails as Obj;
      m.ReadAuthorizationCodeGrantCredentialsDetails = { ReadAuthorizationCodeGrantDetails: d.AuthorizationCodeGrantDetails };
      delete m.AuthorizationCodeGrantCredentialsDetails;
    }
    out[k] = m;
  }
  return { AuthenticationType: cfg.AuthenticationType, AuthenticationMetadata: out } as unknown as ReadAuthConfig;
}
