// What the console's guided create offers per connector type (issue 18): the vendor's name,
// the BaseEndpoint forms and OAuth endpoints its catalog and docs/connectors/ describe, and the
// scopes its catalog's actions require (`requires.scopes`, the same data /mcp and describe use).
// `{placeholders}` are for the user to replace; nothing here is sent anywhere by the server.
import type { ActionConnectorType } from '../protocol/generated/model.js';
import { catalogs as shipped } from './data/index.js';

export interface TypePreset {
  /** The vendor and product, for people. */
  Vendor: string;
  /** The BaseEndpoint forms the vendor uses, each with when it applies. */
  BaseEndpoints: { Url: string; For?: string }[];
  /** OAuth 2.0 endpoints of the vendor's authorization server, when it has fixed ones. */
  OAuth?: { AuthorizationEndpoint?: string; TokenEndpoint: string };
  /** The scopes the type's actions require (sorted), plus those the vendor needs for refresh tokens. */
  Scopes: string[];
}

type Static = Omit<TypePreset, 'Scopes'> & { extraScopes?: string[] };

const ATLASSIAN_OAUTH = { AuthorizationEndpoint: 'https://auth.atlassian.com/authorize', TokenEndpoint: 'https://auth.atlassian.com/oauth/token' };
const MICROSOFT_OAUTH = {
  AuthorizationEndpoint: 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize',
  TokenEndpoint: 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token',
};
const graph = (product: string): Static => ({
  Vendor: `Microsoft ${product}`,
  BaseEndpoints: [{ Url: 'https://graph.microsoft.com/v1.0' }],
  OAuth: MICROSOFT_OAUTH,
  extraScopes: ['offline_access'],
});
const aws = (product: string): Static => ({ Vendor: `Amazon ${product}`, BaseEndpoints: [] });
const sap = (product: string): Static => ({
  Vendor: `SAP S/4HANA ${product}`,
  BaseEndpoints: [{ Url: 'https://{host}-api.s4hana.ondemand.com', For: 'S/4HANA Cloud' }],
});

const STATIC: Record<ActionConnectorType, Static> = {
  GENERIC_HTTP: { Vendor: 'Any HTTPS API', BaseEndpoints: [] },
  SERVICENOW_NOW_PLATFORM: {
    Vendor: 'ServiceNow',
    BaseEndpoints: [{ Url: 'https://{instance}.service-now.com' }],
    OAuth: { AuthorizationEndpoint: 'https://{instance}.service-now.com/oauth_auth.do', TokenEndpoint: 'https://{instance}.service-now.com/oauth_token.do' },
  },
  SALESFORCE_CRM: {
    Vendor: 'Salesforce',
    BaseEndpoints: [{ Url: 'https://{domain}.my.salesforce.com' }],
    OAuth: {
      AuthorizationEndpoint: 'https://{domain}.my.salesforce.com/services/oauth2/authorize',
      TokenEndpoint: 'https://{domain}.my.salesforce.com/services/oauth2/token',
    },
    extraScopes: ['api', 'refresh_token'],
  },
  MICROSOFT_OUTLOOK: graph('Outlook'),
  MICROSOFT_ONEDRIVE: graph('OneDrive'),
  MICROSOFT_SHAREPOINT: graph('SharePoint'),
  MICROSOFT_TEAMS: graph('Teams'),
  PAGERDUTY_ADVANCE: {
    Vendor: 'PagerDuty',
    BaseEndpoints: [{ Url: 'https://api.pagerduty.com' }, { Url: 'https://api.eu.pagerduty.com', For: 'the EU service region' }],
  },
  JIRA_CLOUD: {
    Vendor: 'Atlassian Jira Cloud',
    BaseEndpoints: [
      { Url: 'https://{site}.atlassian.net', For: 'API token' },
      { Url: 'https://api.atlassian.com/ex/jira/{cloudId}', For: 'OAuth 2.0 (3LO)' },
    ],
    OAuth: ATLASSIAN_OAUTH,
    extraScopes: ['offline_access'],
  },
  ATLASSIAN_CONFLUENCE: {
    Vendor: 'Atlassian Confluence',
    BaseEndpoints: [
      { Url: 'https://{site}.atlassian.net/wiki', For: 'API token' },
      { Url: 'https://api.atlassian.com/ex/confluence/{cloudId}/wiki', For: 'OAuth 2.0 (3LO)' },
    ],
    OAuth: ATLASSIAN_OAUTH,
    extraScopes: ['offline_access'],
  },
  AMAZON_S3: aws('S3'),
  AMAZON_BEDROCK_AGENT_RUNTIME: aws('Bedrock Agents'),
  AMAZON_BEDROCK_RUNTIME: aws('Bedrock'),
  AMAZON_BEDROCK_DATA_AUTOMATION_RUNTIME: aws('Bedrock Data Automation'),
  AMAZON_TEXTRACT: aws('Textract'),
  AMAZON_COMPREHEND: aws('Comprehend'),
  AMAZON_COMPREHEND_MEDICAL: aws('Comprehend Medical'),
  SAP_BUSINESSPARTNER: sap('Business Partner'),
  SAP_PRODUCTMASTERDATA: sap('Product Master Data'),
  SAP_PHYSICALINVENTORY: sap('Physical Inventory'),
  SAP_BILLOFMATERIALS: sap('Bill of Materials'),
  SAP_MATERIALSTOCK: sap('Material Stock'),
  ZENDESK_SUITE: {
    Vendor: 'Zendesk',
    BaseEndpoints: [{ Url: 'https://{subdomain}.zendesk.com' }],
    OAuth: { AuthorizationEndpoint: 'https://{subdomain}.zendesk.com/oauth/authorizations/new', TokenEndpoint: 'https://{subdomain}.zendesk.com/oauth/tokens' },
  },
  SMARTSHEET: { Vendor: 'Smartsheet', BaseEndpoints: [{ Url: 'https://api.smartsheet.com/2.0' }] },
  SLACK: {
    Vendor: 'Slack',
    BaseEndpoints: [{ Url: 'https://slack.com/api' }],
    OAuth: { AuthorizationEndpoint: 'https://slack.com/oauth/v2/authorize', TokenEndpoint: 'https://slack.com/api/oauth.v2.access' },
  },
  ASANA: {
    Vendor: 'Asana',
    BaseEndpoints: [{ Url: 'https://app.asana.com/api/1.0' }],
    OAuth: { AuthorizationEndpoint: 'https://app.asana.com/-/oauth_authorize', TokenEndpoint: 'https://app.asana.com/-/oauth_token' },
  },
  BAMBOO_HR: { Vendor: 'BambooHR', BaseEndpoints: [{ Url: 'https://api.bamboohr.com/api/gateway.php/{companyDomain}' }] },
};

/** The preset of a type: its static part and the scopes its shipped catalog's actions require. */
export function typePreset(type: ActionConnectorType): TypePreset {
  const { extraScopes = [], ...s } = STATIC[type] ?? { Vendor: type, BaseEndpoints: [] };
  const scopes = new Set<string>();
  for (const c of shipped) if (c.Type === type) for (const a of c.actions) for (const sc of a.requires?.scopes ?? []) scopes.add(sc);
  if (s.OAuth) for (const sc of extraScopes) scopes.add(sc);
  return { ...s, Scopes: [...scopes].sort() };
}
