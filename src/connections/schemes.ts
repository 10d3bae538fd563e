// How each connector type expects to be authenticated: where an API key goes,
// how an OAuth client authenticates at the token endpoint, and what extra
// parameters its authorization requests need. Data only, keyed by connector
// type (CONNECTORS.md); a type that is not listed uses DEFAULT_SCHEME.
import { apiKeyNeedsEmail } from '../domain/type-auth.js';
import type { ActionConnectorType } from '../protocol/generated/model.js';

/**
 * How an API key is sent. In templates `{key}` is the ApiKey and `{email}` the
 * connector's Email. `header`: one header with a templated value. `basic`:
 * `Authorization: Basic base64(user:password)` from the two templates.
 */
export type KeyPlacement = { header: string; value: string } | { basic: { user: string; password: string } };

export interface TypeScheme {
  /** How the API key is sent. Types whose keys need Email (domain/type-auth.ts) use `{email}`; the others ignore Email. */
  apiKey: KeyPlacement;
  /** How the OAuth client authenticates at the token endpoint (RFC 6749 §2.3.1). */
  tokenEndpointAuth: 'client_secret_basic' | 'client_secret_post';
  /** Extra parameters of authorization requests (OAUTH2_AUTHORIZATION_CODE), e.g. scope. */
  authorizationParams?: Record<string, string>;
  /** Extra parameters of client-credentials token requests, e.g. scope. */
  clientCredentialsParams?: Record<string, string>;
  /** Extra parameters of refresh-token requests. */
  refreshParams?: Record<string, string>;
}

const BEARER: KeyPlacement = { header: 'authorization', value: 'Bearer {key}' };

export const DEFAULT_SCHEME: TypeScheme = {
  apiKey: BEARER,
  // RFC 6749 §2.3.1: every authorization server supports HTTP Basic for clients with a secret.
  tokenEndpointAuth: 'client_secret_basic',
};

const ATLASSIAN: Partial<TypeScheme> = {
  // Atlassian Cloud API tokens work only as Basic email:token (a Bearer token is an OAuth token, never an API token).
  apiKey: { basic: { user: '{email}', password: '{key}' } },
  tokenEndpointAuth: 'client_secret_post',
  // Atlassian 3LO: the API audience, consent each time, and offline_access for a refresh token.
  authorizationParams: { audience: 'api.atlassian.com', prompt: 'consent', scope: 'offline_access' },
};

const MICROSOFT: Partial<TypeScheme> = {
  tokenEndpointAuth: 'client_secret_post',
  authorizationParams: { scope: 'https://graph.microsoft.com/.default offline_access' },
  clientCredentialsParams: { scope: 'https://graph.microsoft.com/.default' },
};

// The SAP API Business Hub (its sandbox, and API Management proxies in front of S/4HANA)
// takes its application key in the `APIKey` header; S/4HANA itself takes BASIC or OAuth.
const SAP_HUB: Partial<TypeScheme> = { apiKey: { header: 'APIKey', value: '{key}' } };

const BY_TYPE: Partial<Record<ActionConnectorType, Partial<TypeScheme>>> = {
  JIRA_CLOUD: ATLASSIAN,
  ATLASSIAN_CONFLUENCE: ATLASSIAN,
  ZENDESK_SUITE: {
    // Zendesk API tokens work only as Basic `{email}/token:{key}`.
    apiKey: { basic: { user: '{email}/token', password: '{key}' } },
    tokenEndpointAuth: 'client_secret_post',
  },
  PAGERDUTY_ADVANCE: { apiKey: { header: 'authorization', value: 'Token token={key}' } },
  // BambooHR: the key as the Basic user name, any password.
  BAMBOO_HR: { apiKey: { basic: { user: '{key}', password: 'x' } } },
  SLACK: { tokenEndpointAuth: 'client_secret_post' },
  ASANA: { tokenEndpointAuth: 'client_secret_post' },
  SALESFORCE_CRM: { tokenEndpointAuth: 'client_secret_post' },
  // ServiceNow inbound REST API keys (API Key - Inbound authentication profile): the `x-sn-apikey` header.
  SERVICENOW_NOW_PLATFORM: { apiKey: { header: 'x-sn-apikey', value: '{key}' }, tokenEndpointAuth: 'client_secret_post' },
  MICROSOFT_OUTLOOK: MICROSOFT,
  MICROSOFT_TEAMS: MICROSOFT,
  MICROSOFT_ONEDRIVE: MICROSOFT,
  MICROSOFT_SHAREPOINT: MICROSOFT,
  SAP_BUSINESSPARTNER: SAP_HUB,
  SAP_PRODUCTMASTERDATA: SAP_HUB,
  SAP_PHYSICALINVENTORY: SAP_HUB,
  SAP_BILLOFMATERIALS: SAP_HUB,
  SAP_MATERIALSTOCK: SAP_HUB,
};

export function schemeFor(type: ActionConnectorType): TypeScheme {
  return { ...DEFAULT_SCHEME, ...BY_TYPE[type] };
}

const fill = (template: string, vars: { key: string; email?: string }) => template.replace(/\{(key|email)\}/g, (_m, name: 'key' | 'email') => vars[name] ?? '');

export const basicAuthorization = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

/**
 * The headers that carry an API key for this connector type. A type whose keys need
 * Email and has none gets no headers: the callers refuse such a connector first.
 */
export function apiKeyHeaders(type: ActionConnectorType, apiKey: string, email: string | undefined): Record<string, string> {
  const scheme = schemeFor(type);
  if (apiKeyNeedsEmail(type) && !email) return {};
  const placement = scheme.apiKey;
  const vars = { key: apiKey, email };
  if ('basic' in placement) return { authorization: basicAuthorization(fill(placement.basic.user, vars), fill(placement.basic.password, vars)) };
  return { [placement.header.toLowerCase()]: fill(placement.value, vars) };
}
