// Which AuthenticationTypes each connector type accepts (issue 6; CONNECTORS.md,
// "Auth"): the methods its vendor supports. Checked at Create and Update, and again
// before an invocation (a connector stored before this rule existed may break it).
import type { ActionConnectorType, ConnectionAuthType } from '../protocol/generated/model.js';
import type { Violation } from './violations.js';

const IAM_ONLY: readonly ConnectionAuthType[] = ['IAM'];
const CODE_OR_KEY: readonly ConnectionAuthType[] = ['OAUTH2_AUTHORIZATION_CODE', 'API_KEY'];
const CODE_OR_CLIENT: readonly ConnectionAuthType[] = ['OAUTH2_AUTHORIZATION_CODE', 'OAUTH2_CLIENT_CREDENTIALS'];
const SAP: readonly ConnectionAuthType[] = ['OAUTH2_CLIENT_CREDENTIALS', 'OAUTH2_AUTHORIZATION_CODE', 'BASIC'];

/** Every connector type with the AuthenticationTypes it accepts, in the order the README lists them. */
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
  SERVICENOW_NOW_PLATFORM: ['OAUTH2_AUTHORIZATION_CODE', 'OAUTH2_CLIENT_CREDENTIALS', 'BASIC'],
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
