// Plain language for what the API names in capitals and camel case: connector types,
// statuses, authentication methods, permissions, schema property names, and the
// validation rules (the API words them for programs: "Member must satisfy regular
// expression pattern: …"). The pages show these words and keep the API's name in a
// title (on hover) where a person may need it.

const TYPE_NAMES: Record<string, string> = {
  GENERIC_HTTP: 'Any HTTPS API (generic)',
  SERVICENOW_NOW_PLATFORM: 'ServiceNow',
  SALESFORCE_CRM: 'Salesforce',
  MICROSOFT_OUTLOOK: 'Microsoft Outlook',
  PAGERDUTY_ADVANCE: 'PagerDuty',
  JIRA_CLOUD: 'Jira Cloud',
  ATLASSIAN_CONFLUENCE: 'Confluence',
  AMAZON_S3: 'Amazon S3',
  AMAZON_BEDROCK_AGENT_RUNTIME: 'Amazon Bedrock Agents',
  AMAZON_BEDROCK_RUNTIME: 'Amazon Bedrock',
  AMAZON_BEDROCK_DATA_AUTOMATION_RUNTIME: 'Amazon Bedrock Data Automation',
  AMAZON_TEXTRACT: 'Amazon Textract',
  AMAZON_COMPREHEND: 'Amazon Comprehend',
  AMAZON_COMPREHEND_MEDICAL: 'Amazon Comprehend Medical',
  MICROSOFT_ONEDRIVE: 'Microsoft OneDrive',
  MICROSOFT_SHAREPOINT: 'Microsoft SharePoint',
  MICROSOFT_TEAMS: 'Microsoft Teams',
  SAP_BUSINESSPARTNER: 'SAP Business Partner',
  SAP_PRODUCTMASTERDATA: 'SAP Product Master Data',
  SAP_PHYSICALINVENTORY: 'SAP Physical Inventory',
  SAP_BILLOFMATERIALS: 'SAP Bill of Materials',
  SAP_MATERIALSTOCK: 'SAP Material Stock',
  ZENDESK_SUITE: 'Zendesk',
  SMARTSHEET: 'Smartsheet',
  SLACK: 'Slack',
  ASANA: 'Asana',
  BAMBOO_HR: 'BambooHR',
};

/** SOME_ENUM_VALUE → "Some enum value" (for values without a name of their own). */
const fromEnum = (v: string) => (v ? v.charAt(0) + v.slice(1).toLowerCase().replace(/_/g, ' ') : v);

export const typeName = (type: string | undefined): string => (type ? (TYPE_NAMES[type] ?? fromEnum(type)) : '—');

const STATUS_NAMES: Record<string, string> = {
  CREATION_IN_PROGRESS: 'Being created',
  CREATION_SUCCESSFUL: 'Ready',
  CREATION_FAILED: 'Creation failed',
  UPDATE_IN_PROGRESS: 'Being updated',
  UPDATE_SUCCESSFUL: 'Ready (updated)',
  UPDATE_FAILED: 'Update failed',
  DELETED: 'Deleted',
  // Invocations
  SUCCESS: 'Succeeded',
  FAILED: 'Failed',
};
export const statusName = (status: string | undefined): string => (status ? (STATUS_NAMES[status] ?? fromEnum(status)) : '—');

export const AUTH_NAMES: Record<string, string> = {
  NONE: 'None',
  BASIC: 'User name and password (Basic)',
  API_KEY: 'API key',
  OAUTH2_CLIENT_CREDENTIALS: 'OAuth 2.0 client credentials',
  OAUTH2_AUTHORIZATION_CODE: 'OAuth 2.0 authorization code (each user signs in)',
  IAM: 'IAM role',
};
export const authName = (t: string | undefined): string => (t ? (AUTH_NAMES[t] ?? fromEnum(t)) : '—');

const PERMISSION_NAMES: Record<string, string> = {
  'quicksight:DescribeActionConnector': 'See the connector',
  'quicksight:ListActionConnectorActions': 'See its actions',
  'quicksight:InvokeActionConnector': 'Run actions',
  'quicksight:UpdateActionConnector': 'Edit',
  'quicksight:DeleteActionConnector': 'Delete',
  'quicksight:DescribeActionConnectorPermissions': 'See who has access',
  'quicksight:UpdateActionConnectorPermissions': 'Change who has access',
};
export const permissionName = (action: string): string => PERMISSION_NAMES[action] ?? action.replace(/^quicksight:/, '').replace(/([a-z])([A-Z])/g, '$1 $2');

/** A schema property or API member name as a label: ThreadTs → "Thread ts", channel_id → "Channel id", baseURL → "Base URL". */
export function humanize(name: string): string {
  const words = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .split(/\s+/)
    .map((w, i) => (/^[A-Z0-9]{2,}$/.test(w) ? w : i === 0 ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase()));
  return words.join(' ');
}

// The model's patterns, as what they allow.
const PATTERNS = new Map<string, string>([
  ['https://.*', 'Enter a URL that starts with https://, such as https://api.example.com.'],
  [String.raw`[A-Za-z0-9](?:[\w- ]*[A-Za-z0-9])?`, 'Use letters, digits, spaces, hyphens (-) and underscores (_), and start and end with a letter or digit.'],
  ['[A-Za-z0-9 _.,!?-]*', 'Use letters, digits, spaces and . , ! ? - _ only.'],
  [String.raw`[\w\-]+`, 'Use letters, digits, hyphens (-) and underscores (_) only, without spaces.'],
  [String.raw`[\w.%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`, 'Enter an email address, such as name@example.com.'],
  ['^[0-9]{12}$', 'Enter the 12-digit account ID.'],
]);

const sentence = (s: string) => {
  const t = s.trim();
  return t ? `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?)]$/.test(t) ? '' : '.'}` : t;
};

/**
 * A rule the server names ("Member must …", the AWS wording) as a sentence that says what
 * is allowed. Known rules get their own words; any other reads "Must …" without a pattern.
 */
export function ruleSentence(rule: string): string {
  let m = /^Member must satisfy regular expression pattern: (.*)$/s.exec(rule);
  if (m) return PATTERNS.get(m[1]!) ?? 'Some characters here are not allowed: use letters, digits and simple punctuation.';
  m = /^Member must have length less than or equal to (\d+)/.exec(rule);
  if (m) return `Use at most ${m[1]} characters.`;
  m = /^Member must have length greater than or equal to (\d+)/.exec(rule);
  if (m) return m[1] === '1' ? 'Enter a value: this field is required.' : `Use at least ${m[1]} characters.`;
  m = /^Member must satisfy enum value set: \[(.*)\]/.exec(rule);
  if (m)
    return `Choose one of the offered values (${m[1]!
      .split(',')
      .map((v) => fromEnum(v.trim()).toLowerCase())
      .join(', ')}).`;
  if (/^Member must not be null/.test(rule)) return 'Enter a value: this field is required.';
  if (/^Member must not be empty/.test(rule)) return 'Enter a value: it cannot be empty or only spaces.';
  if (/^Member must be an https:\/\/ URL/.test(rule)) return 'Enter a full URL that starts with https://, such as https://api.example.com.';
  if (/^Member must not carry credentials in the URL/.test(rule)) return 'Leave user names and passwords out of the URL: they have fields of their own.';
  if (/^Member must not have a query or fragment/.test(rule)) return 'Leave out the ?query and #fragment: enter only the address the requests go under.';
  if (/^Member must not start with 'quicksuite-'/.test(rule)) return 'IDs that start with quicksuite- are reserved: choose another ID.';
  if (/^Member must be given again/.test(rule))
    return 'Enter it again: the method, an endpoint or the sign-in details changed, and a stored secret is only sent where it was sent before.';
  if (/^Member must be an IAM role ARN/.test(rule)) return 'Enter an IAM role ARN, such as arn:aws:iam::123456789012:role/name.';
  if (/^Member must be text an HTTP header can carry/.test(rule)) return 'Use plain text without line breaks or special characters.';
  if (/^Member must name a VPC connection configured/.test(rule)) return 'Choose one of the VPC connections this server offers, or leave it empty.';
  if (/^Member must match AuthenticationType/.test(rule)) return 'These details do not belong to the chosen method: choose the method again.';
  return sentence(rule.replace(/^Member must/, 'Must'));
}
