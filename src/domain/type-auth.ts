// Which AuthenticationTypes each connector type accepts (issue 6; CONNECTORS.md,
// "Auth"): the methods its vendor supports. Checked at Create and Update, and again
// before an invocation (a connector stored before this rule existed may break it).
import type { ActionConnectorType, AuthConfig, ConnectionAuthType } from '../protocol/generated/model.js';
import type { Violation } from './violations.js';

const IAM_ONLY: readonly ConnectionAuthType[] = ['IAM'];
const CODE_OR_KEY: readonly ConnectionAuthType[] = ['OAUTH2_AUTHORIZATION_CODE', 'API_KEY'];
const CODE_OR_CLIENT: readonly ConnectionAuthType[] = ['OAUTH2_AUTHORIZATION_CODE', 'OAUTH2_CLIENT_CREDENTIALS'];
// API_KEY: the SAP API Business Hub sandbox and API Management proxies (the `APIKey` header).
const SAP: readonly ConnectionAuthType[] = ['OAUTH2_CLIENT_CREDENTIALS', 'OAUTH2_AUTHORIZATION_CODE', 'BASIC', 'API_KEY'];

/** Every connector type with the AuthenticationTypes it accepts, in the order docs/connectors/index.md lists them. */
export const ALLOWED_AUTHENTICATION: Readonly<Record<ActionConnectorType, readonly ConnectionAuthType[]>> = {
  GENERIC_HTTP: ['NONE', 'BASIC', 'API_KEY', 'OAUTH2_CLIENT_CREDENTIALS', 'OAUTH2_AUTHORIZATION_CODE'],
  JIRA_CLOUD: CODE_OR_KEY,
  ATLASSIAN_CONFLUENCE: CODE_OR_KEY,
  ZENDESK_SUITE: CODE_OR_KEY,
  SLACK: CODE_OR_KEY,
  PAGERDUTY_ADVANCE: CODE_OR_KEY,
  SMARTSHEET: CODE_OR_KEY,
  ASANA: CODE_OR_KEY,
  BAMBOO_HR: CODE_OR_KEY,
  // API_KEY: ServiceNow inbound REST API keys (the `x-sn-apikey` header).
  SERVICENOW_NOW_PLATFORM: ['OAUTH2_AUTHORIZATION_CODE', 'OAUTH2_CLIENT_CREDENTIALS', 'BASIC', 'API_KEY'],
  SALESFORCE_CRM: CODE_OR_CLIENT,
  MICROSOFT_OUTLOOK: CODE_OR_CLIENT,
  MICROSOFT_TEAMS: CODE_OR_CLIENT,
  MICROSOFT_ONEDRIVE: CODE_OR_CLIENT,
  MICROSOFT_SHAREPOINT: CODE_OR_CLIENT,
  SAP_BUSINESSPARTNER: SAP,
  SAP_PRODUCTMASTERDATA: SAP,
  SAP_PHYSICALINVENTORY: SAP,
  SAP_BILLOFMATERIALS: SAP,
  SAP_MATERIALSTOCK: SAP,
  AMAZON_S3: IAM_ONLY,
  AMAZON_BEDROCK_RUNTIME: IAM_ONLY,
  AMAZON_BEDROCK_AGENT_RUNTIME: IAM_ONLY,
  AMAZON_BEDROCK_DATA_AUTOMATION_RUNTIME: IAM_ONLY,
  AMAZON_TEXTRACT: IAM_ONLY,
  AMAZON_COMPREHEND: IAM_ONLY,
  AMAZON_COMPREHEND_MEDICAL: IAM_ONLY,
};

/** The AuthenticationTypes a connector type accepts (none for a type the table does not know). */
export const allowedAuthentication = (type: ActionConnectorType): readonly ConnectionAuthType[] => ALLOWED_AUTHENTICATION[type] ?? [];

/** The problem (on `authenticationConfig.authenticationType`), or undefined when the pair is allowed. */
export function authenticationTypeProblem(type: ActionConnectorType, authType: ConnectionAuthType): Violation | undefined {
  const allowed = allowedAuthentication(type);
  if (allowed.includes(authType)) return undefined;
  return {
    member: 'authenticationConfig.authenticationType',
    rule: `Member must be one of the authentication types connector type ${type} supports: [${allowed.join(', ')}] (got ${authType})`,
  };
}

/**
 * Connector types whose API keys work only together with the account's email: Atlassian
 * API tokens (Basic `email:token`) and Zendesk API tokens (Basic `email/token:token`).
 * Sent any other way (a Bearer token) the vendor refuses them.
 */
const API_KEY_NEEDS_EMAIL: ReadonlySet<ActionConnectorType> = new Set(['JIRA_CLOUD', 'ATLASSIAN_CONFLUENCE', 'ZENDESK_SUITE']);

/** Whether this connector type's API keys need the connector's Email. */
export const apiKeyNeedsEmail = (type: ActionConnectorType): boolean => API_KEY_NEEDS_EMAIL.has(type);

const METADATA = 'authenticationConfig.authenticationMetadata';

/** The problem of an API_KEY configuration without the Email its type needs, or undefined. */
export function apiKeyEmailProblem(type: ActionConnectorType, authType: ConnectionAuthType, email: string | undefined): Violation | undefined {
  if (authType !== 'API_KEY' || !apiKeyNeedsEmail(type) || (email !== undefined && email.trim() !== '')) return undefined;
  const how = type === 'ZENDESK_SUITE' ? 'Basic {Email}/token:{ApiKey}' : 'Basic {Email}:{ApiKey}';
  return {
    member: `${METADATA}.apiKeyConnectionMetadata.email`,
    value: 'null',
    rule: `Member must not be null: connector type ${type} sends its API token as HTTP ${how}, and the vendor refuses it without the account's email`,
  };
}

/**
 * The problem of a BaseEndpoint its connector type's actions cannot work under, or
 * undefined. Confluence's REST API lives under `/wiki` on both of its hosts: the site
 * (`https://{site}.atlassian.net/wiki`) and the OAuth gateway
 * (`https://api.atlassian.com/ex/confluence/{cloudId}/wiki`); without it every action
 * answers 404. Other hosts (a proxy, a test server) are the user's choice.
 */
export function baseEndpointProblem(type: ActionConnectorType, baseEndpoint: string, member: string): Violation | undefined {
  if (type !== 'ATLASSIAN_CONFLUENCE' || !URL.canParse(baseEndpoint)) return undefined;
  const u = new URL(baseEndpoint);
  const path = u.pathname.replace(/\/+$/, '');
  const host = u.hostname.toLowerCase();
  const gateway = /^\/ex\/confluence\/([^/]+)$/.exec(path);
  if (host === 'api.atlassian.com' && gateway) {
    return {
      member,
      rule: `Member must include /wiki for connector type ATLASSIAN_CONFLUENCE: the OAuth gateway form is https://api.atlassian.com/ex/confluence/{cloudId}/wiki (here https://api.atlassian.com/ex/confluence/${gateway[1]}/wiki)`,
    };
  }
  if (host.endsWith('.atlassian.net') && path === '') {
    return {
      member,
      rule: `Member must include /wiki for connector type ATLASSIAN_CONFLUENCE: the API token form is https://{site}.atlassian.net/wiki (here https://${host}/wiki)`,
    };
  }
  return undefined;
}

const lowerFirst = (s: string) => s[0]!.toLowerCase() + s.slice(1);

/** What a connector type requires of an AuthenticationConfig beyond its AuthenticationType (Create and Update). */
export function typeAuthConfigProblems(type: ActionConnectorType, cfg: AuthConfig): Violation[] {
  const problems: Violation[] = [];
  const md = cfg.AuthenticationMetadata ?? {};
  const apiKey = md.ApiKeyConnectionMetadata;
  const email = apiKeyEmailProblem(type, cfg.AuthenticationType, apiKey ? (apiKey.Email ?? undefined) : undefined);
  if (email) problems.push(email);
  const ac = md.AuthorizationCodeGrantMetadata;
  if (ac && !ac.AuthorizationCodeGrantCredentialsDetails && type !== 'GENERIC_HTTP') {
    problems.push({
      member: `${METADATA}.authorizationCodeGrantMetadata.authorizationCodeGrantCredentialsDetails`,
      rule: 'Member must not be null unless Type is GENERIC_HTTP (whose MCP server may have its authorization server and client discovered)',
    });
  }
  for (const [name, m] of Object.entries(md)) {
    const base: unknown = m && typeof m === 'object' ? Reflect.get(m, 'BaseEndpoint') : undefined;
    if (typeof base !== 'string') continue;
    const p = baseEndpointProblem(type, base, `${METADATA}.${lowerFirst(name)}.baseEndpoint`);
    if (p) problems.push(p);
  }
  return problems;
}
