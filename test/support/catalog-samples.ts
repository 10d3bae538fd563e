// Sample invocations of every catalog action: the input, the exact request the
// vendor must receive, a realistic vendor answer, and the InvokeAction result.
// test/catalog-actions.test.ts sends each through the egress to a local HTTPS
// upstream that records what it received.
import type { ActionConnectorType } from '../../src/protocol/generated/model.js';
import { textToAdf } from '../../src/catalog/hooks.js';

/** The types whose catalogs are complete: the walk over the model's types is strict for these. */
export const COMPLETED_TYPES: ActionConnectorType[] = [
  'GENERIC_HTTP',
  'JIRA_CLOUD',
  'SLACK',
  'SERVICENOW_NOW_PLATFORM',
  'SALESFORCE_CRM',
  'ZENDESK_SUITE',
  'AMAZON_S3',
  'ATLASSIAN_CONFLUENCE',
  'PAGERDUTY_ADVANCE',
  'MICROSOFT_OUTLOOK',
  'MICROSOFT_TEAMS',
  'MICROSOFT_ONEDRIVE',
  'MICROSOFT_SHAREPOINT',
  'SAP_BUSINESSPARTNER',
  'SAP_PRODUCTMASTERDATA',
  'SAP_PHYSICALINVENTORY',
  'SAP_BILLOFMATERIALS',
  'SAP_MATERIALSTOCK',
  'SMARTSHEET',
  'ASANA',
  'BAMBOO_HR',
  'AMAZON_BEDROCK_RUNTIME',
  'AMAZON_BEDROCK_AGENT_RUNTIME',
  'AMAZON_BEDROCK_DATA_AUTOMATION_RUNTIME',
  'AMAZON_TEXTRACT',
  'AMAZON_COMPREHEND',
  'AMAZON_COMPREHEND_MEDICAL',
];

/** The actions the issues require per type (ids as written there). */
export const REQUIRED_ACTIONS: Partial<Record<ActionConnectorType, string[]>> = {
  GENERIC_HTTP: ['HttpRequest'],
  JIRA_CLOUD: ['CreateIssue', 'GetIssue', 'SearchIssues', 'AddComment', 'TransitionIssue'],
  SLACK: ['PostMessage', 'ListChannels', 'GetChannelHistory', 'AddReaction'],
  SERVICENOW_NOW_PLATFORM: ['CreateIncident', 'GetIncident', 'UpdateIncident', 'QueryRecords'],
  SALESFORCE_CRM: ['CreateRecord', 'GetRecord', 'UpdateRecord', 'Query'],
  ZENDESK_SUITE: ['CreateTicket', 'GetTicket', 'UpdateTicket', 'SearchTickets'],
  AMAZON_S3: ['ListBuckets', 'ListObjects', 'GetObject', 'PutObject', 'DeleteObject'],
  ATLASSIAN_CONFLUENCE: ['CreatePage', 'GetPage', 'UpdatePage', 'SearchContent', 'ListSpaces'],
  PAGERDUTY_ADVANCE: ['CreateIncident', 'GetIncident', 'UpdateIncident', 'ListIncidents', 'ListOnCalls'],
  MICROSOFT_OUTLOOK: ['SendMail', 'ListMessages', 'CreateEvent', 'ListEvents'],
  MICROSOFT_TEAMS: ['ListTeams', 'ListChannels', 'SendChannelMessage', 'SendChatMessage'],
  MICROSOFT_ONEDRIVE: ['ListChildren', 'GetItem', 'UploadFile', 'Search'],
  MICROSOFT_SHAREPOINT: ['GetSite', 'ListLists', 'ListListItems', 'CreateListItem', 'ListDriveItems'],
  SAP_BUSINESSPARTNER: ['ListBusinessPartners', 'GetBusinessPartner', 'CreateBusinessPartner', 'UpdateBusinessPartner'],
  SAP_PRODUCTMASTERDATA: ['ListProducts', 'GetProduct', 'CreateProduct', 'UpdateProduct'],
  SAP_PHYSICALINVENTORY: [
    'ListPhysicalInventoryDocuments',
    'GetPhysicalInventoryDocument',
    'CreatePhysicalInventoryDocument',
    'UpdatePhysicalInventoryDocument',
  ],
  SAP_BILLOFMATERIALS: ['ListMaterialBOMs', 'GetMaterialBOM', 'CreateMaterialBOM', 'UpdateMaterialBOM'],
  SAP_MATERIALSTOCK: ['ListMaterialStocks', 'GetMaterialStock'],
  SMARTSHEET: ['ListSheets', 'GetSheet', 'AddRows', 'UpdateRows', 'Search'],
  ASANA: ['CreateTask', 'GetTask', 'UpdateTask', 'ListProjects', 'SearchTasks'],
  BAMBOO_HR: ['GetEmployee', 'GetEmployeeDirectory', 'ListTimeOffRequests', 'RequestTimeOff'],
  AMAZON_BEDROCK_RUNTIME: ['Converse', 'InvokeModel'],
  AMAZON_BEDROCK_AGENT_RUNTIME: ['Retrieve', 'RetrieveAndGenerate', 'InvokeAgent'],
  AMAZON_BEDROCK_DATA_AUTOMATION_RUNTIME: ['InvokeDataAutomationAsync', 'GetDataAutomationStatus'],
  AMAZON_TEXTRACT: ['DetectDocumentText', 'AnalyzeDocument', 'StartDocumentAnalysis', 'GetDocumentAnalysis'],
  AMAZON_COMPREHEND: ['DetectSentiment', 'DetectEntities', 'DetectPiiEntities', 'DetectDominantLanguage'],
  AMAZON_COMPREHEND_MEDICAL: ['DetectEntitiesV2', 'DetectPHI', 'InferICD10CM', 'InferRxNorm'],
};

/** One part of a multipart body: a text field (content a string) or a file (filename, contentType, bytes). */
export interface MultipartExpectation {
  name: string;
  filename?: string;
  contentType?: string;
  content: string | Buffer;
}

export interface HttpSample {
  type: ActionConnectorType;
  actionId: string;
  /** What the sample shows, when a type has several for one action. */
  note?: string;
  /** The connector's BaseEndpoint with the vendor's real host; the test adds the local port. */
  base: string;
  input: unknown;
  expect: {
    method: string;
    /** Path and query exactly as received. */
    url: string;
    /** A JSON body (compared parsed), or a string compared byte for byte. */
    json?: unknown;
    text?: string;
    /** Binary content, compared byte for byte. */
    bytes?: Buffer;
    /** A multipart/form-data body: its parts in order, as a form parser reads them (test/support/multipart.ts). */
    multipart?: MultipartExpectation[];
    /** Headers that must be present with these values (lower-case names). */
    headers?: Record<string, string>;
    /** Another host of the vendor (a catalog origin) the request must reach, instead of the base's; the test adds the local port. */
    host?: string;
    /** False: the request must carry none of the connector's credentials (a catalog origin without them). */
    credentials?: false;
  };
  response: { status?: number; headers?: Record<string, string>; json?: unknown; text?: string };
  result: { status: 'SUCCESS' | 'FAILED'; httpStatus: number; output: unknown; partial?: boolean };
}

const JIRA = 'https://acme.atlassian.net';
const JIRA_OAUTH = 'https://api.atlassian.com/ex/jira/1324a887-45db-1bf4-1e99-ef0ff456d421';
const SLACK = 'https://slack.com/api';
const SNOW = 'https://acme.service-now.com';
const SFDC = 'https://acme.my.salesforce.com';
const ZD = 'https://acme.zendesk.com';
const API = 'https://api.vendor.example/v2';

/** Every host name the samples use (the test certificate and resolver cover these). */
export const SAMPLE_HOSTS = [
  'acme.atlassian.net',
  'api.atlassian.com',
  'slack.com',
  'acme.service-now.com',
  'acme.my.salesforce.com',
  'acme.zendesk.com',
  'api.vendor.example',
];

const sysId = '9d385017c611228701d22104cc95c371';
const incident = { sys_id: sysId, number: 'INC0010001', short_description: 'Email is down', state: '1', urgency: '1', impact: '2' };
const ticket = {
  id: 35436,
  url: `${ZD}/api/v2/tickets/35436.json`,
  subject: 'Printer on fire',
  status: 'new',
  priority: 'urgent',
  type: 'incident',
  tags: ['hardware'],
};
const sfAccount = {
  attributes: { type: 'Account', url: '/services/data/v62.0/sobjects/Account/001D000000IqhSLIAZ' },
  Id: '001D000000IqhSLIAZ',
  Name: 'Acme',
  Industry: 'Energy',
};
const slackChannel = { id: 'C012AB3CD', name: 'general', is_channel: true, is_private: false, is_archived: false, num_members: 42, created: 1449252889 };

export const HTTP_SAMPLES: HttpSample[] = [
  // ── GENERIC_HTTP ─────────────────────────────────────────────────────────────
  {
    type: 'GENERIC_HTTP',
    actionId: 'HttpRequest',
    note: 'GET with query and a custom header',
    base: API,
    input: { Method: 'GET', Path: 'items/42', Query: { expand: 'owner', tag: ['a', 'b c'] }, Headers: { 'X-Trace-Id': 'abc-123' } },
    expect: { method: 'GET', url: '/v2/items/42?expand=owner&tag=a&tag=b%20c', headers: { 'x-trace-id': 'abc-123' } },
    response: { json: { id: 42, name: 'Widget' }, headers: { 'x-request-id': 'r-1' } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { StatusCode: 200, Headers: { 'content-type': 'application/json', 'x-request-id': 'r-1' }, Body: { id: 42, name: 'Widget' } },
      partial: true,
    },
  },
  {
    type: 'GENERIC_HTTP',
    actionId: 'HttpRequest',
    note: 'POST a JSON body',
    base: API,
    input: { Method: 'POST', Path: '/items', Body: { name: 'Widget', tags: ['x'] } },
    expect: { method: 'POST', url: '/v2/items', json: { name: 'Widget', tags: ['x'] }, headers: { 'content-type': 'application/json' } },
    response: { status: 201, json: { id: 43 } },
    result: { status: 'SUCCESS', httpStatus: 201, output: { StatusCode: 201, Body: { id: 43 } }, partial: true },
  },
  {
    type: 'GENERIC_HTTP',
    actionId: 'HttpRequest',
    note: 'PUT text with its own Content-Type; an empty answer',
    base: API,
    input: { Method: 'PUT', Path: 'notes/./today.md', Body: '# Notes\nhello', Headers: { 'Content-Type': 'text/markdown' } },
    expect: { method: 'PUT', url: '/v2/notes/today.md', text: '# Notes\nhello', headers: { 'content-type': 'text/markdown' } },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { StatusCode: 204, Body: null }, partial: true },
  },
  {
    type: 'GENERIC_HTTP',
    actionId: 'HttpRequest',
    note: "'..' that stays inside is resolved; segments are re-encoded",
    base: API,
    input: { Method: 'DELETE', Path: 'a/b/../c%20d/' },
    expect: { method: 'DELETE', url: '/v2/a/c%20d/' },
    response: { status: 404, json: { error: 'not found' } },
    result: { status: 'FAILED', httpStatus: 404, output: { StatusCode: 404, Body: { error: 'not found' } }, partial: true },
  },

  // ── JIRA_CLOUD ───────────────────────────────────────────────────────────────
  {
    type: 'JIRA_CLOUD',
    actionId: 'CreateIssue',
    base: JIRA,
    input: {
      ProjectKey: 'OPS',
      Summary: 'Disk full on db-1',
      IssueType: 'Bug',
      Description: 'The disk is full.\n\nSee the runbook.',
      Labels: ['infra', 'p1'],
      Priority: 'High',
      Fields: { customfield_10011: 'Storage' },
    },
    expect: {
      method: 'POST',
      url: '/rest/api/3/issue',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      json: {
        fields: {
          project: { key: 'OPS' },
          summary: 'Disk full on db-1',
          issuetype: { name: 'Bug' },
          description: {
            type: 'doc',
            version: 1,
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: 'The disk is full.' }] },
              { type: 'paragraph', content: [{ type: 'text', text: 'See the runbook.' }] },
            ],
          },
          labels: ['infra', 'p1'],
          priority: { name: 'High' },
          customfield_10011: 'Storage',
        },
      },
    },
    response: { status: 201, json: { id: '10000', key: 'OPS-24', self: `${JIRA}/rest/api/3/issue/10000` } },
    result: { status: 'SUCCESS', httpStatus: 201, output: { Id: '10000', Key: 'OPS-24', Self: `${JIRA}/rest/api/3/issue/10000` } },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'CreateIssue',
    note: 'defaults: IssueType Task, no optional fields',
    base: JIRA,
    input: { ProjectKey: 'OPS', Summary: 'Rotate keys' },
    expect: { method: 'POST', url: '/rest/api/3/issue', json: { fields: { project: { key: 'OPS' }, summary: 'Rotate keys', issuetype: { name: 'Task' } } } },
    response: { status: 201, json: { id: '10001', key: 'OPS-25', self: `${JIRA}/rest/api/3/issue/10001` } },
    result: { status: 'SUCCESS', httpStatus: 201, output: { Id: '10001', Key: 'OPS-25', Self: `${JIRA}/rest/api/3/issue/10001` } },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'GetIssue',
    note: 'OAuth base endpoint with a path',
    base: JIRA_OAUTH,
    input: { IssueIdOrKey: 'OPS-24', Fields: ['summary', 'status'] },
    expect: {
      method: 'GET',
      url: '/ex/jira/1324a887-45db-1bf4-1e99-ef0ff456d421/rest/api/3/issue/OPS-24?fields=summary%2Cstatus',
      headers: { accept: 'application/json' },
    },
    response: {
      json: { id: '10000', key: 'OPS-24', self: `${JIRA}/rest/api/3/issue/10000`, fields: { summary: 'Disk full on db-1', status: { name: 'To Do' } } },
    },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Id: '10000', Key: 'OPS-24', Fields: { summary: 'Disk full on db-1', status: { name: 'To Do' } } } },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'GetIssue',
    note: 'a 404 is a FAILED invocation carrying the vendor error',
    base: JIRA,
    input: { IssueIdOrKey: 'OPS-999' },
    expect: { method: 'GET', url: '/rest/api/3/issue/OPS-999' },
    response: { status: 404, json: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } },
    result: { status: 'FAILED', httpStatus: 404, output: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'SearchIssues',
    base: JIRA,
    input: { Jql: 'project = OPS AND status = "To Do" ORDER BY created DESC', Fields: ['summary'], MaxResults: 1 },
    expect: {
      method: 'POST',
      url: '/rest/api/3/search/jql',
      json: { jql: 'project = OPS AND status = "To Do" ORDER BY created DESC', fields: ['summary'], maxResults: 1 },
    },
    response: { json: { issues: [{ id: '10000', key: 'OPS-24', fields: { summary: 'Disk full on db-1' } }], nextPageToken: 'CAEaAggD', isLast: false } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Issues: [{ id: '10000', key: 'OPS-24', fields: { summary: 'Disk full on db-1' } }], NextToken: 'CAEaAggD', IsLast: false },
    },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'AddComment',
    base: JIRA,
    input: { IssueIdOrKey: 'OPS-24', Body: 'Looking into it.\nETA 1h' },
    expect: {
      method: 'POST',
      url: '/rest/api/3/issue/OPS-24/comment',
      json: {
        body: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Looking into it.' }, { type: 'hardBreak' }, { type: 'text', text: 'ETA 1h' }] }],
        },
      },
    },
    response: {
      status: 201,
      json: {
        id: '10010',
        created: '2024-05-01T10:00:00.000+0000',
        author: { accountId: '5b10a2844c20165700ede21g', displayName: 'Ops Bot' },
        body: textToAdf('Looking into it.\nETA 1h'),
      },
    },
    result: { status: 'SUCCESS', httpStatus: 201, output: { Id: '10010', Created: '2024-05-01T10:00:00.000+0000', Author: 'Ops Bot' } },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'GetTransitions',
    base: JIRA,
    input: { IssueIdOrKey: 'OPS-24' },
    expect: { method: 'GET', url: '/rest/api/3/issue/OPS-24/transitions' },
    response: {
      json: {
        expand: 'transitions',
        transitions: [
          { id: '21', name: 'Start progress', to: { name: 'In Progress', id: '3' } },
          { id: '31', name: 'Done', to: { name: 'Done', id: '10001' } },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Transitions: [
          { Id: '21', Name: 'Start progress', ToStatus: 'In Progress' },
          { Id: '31', Name: 'Done', ToStatus: 'Done' },
        ],
      },
    },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'TransitionIssue',
    base: JIRA,
    input: { IssueIdOrKey: '10000', TransitionId: '31', Comment: 'Fixed.', Fields: { resolution: { name: 'Done' } } },
    expect: {
      method: 'POST',
      url: '/rest/api/3/issue/10000/transitions',
      json: { transition: { id: '31' }, fields: { resolution: { name: 'Done' } }, update: { comment: [{ add: { body: textToAdf('Fixed.') } }] } },
    },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Transitioned: true } },
  },

  // ── SLACK ────────────────────────────────────────────────────────────────────
  {
    type: 'SLACK',
    actionId: 'PostMessage',
    base: SLACK,
    input: { Channel: 'C012AB3CD', Text: 'Deploy finished :rocket:', ThreadTs: '1712345678.000200' },
    expect: {
      method: 'POST',
      url: '/api/chat.postMessage',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      json: { channel: 'C012AB3CD', text: 'Deploy finished :rocket:', thread_ts: '1712345678.000200' },
    },
    response: {
      json: {
        ok: true,
        channel: 'C012AB3CD',
        ts: '1712345999.000300',
        message: { type: 'message', user: 'U0BOT', text: 'Deploy finished :rocket:', ts: '1712345999.000300' },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Channel: 'C012AB3CD',
        Ts: '1712345999.000300',
        Message: { type: 'message', user: 'U0BOT', text: 'Deploy finished :rocket:', ts: '1712345999.000300' },
      },
    },
  },
  {
    type: 'SLACK',
    actionId: 'PostMessage',
    note: 'HTTP 200 with ok:false is FAILED',
    base: SLACK,
    input: { Channel: 'C0NOPE', Blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }] },
    expect: {
      method: 'POST',
      url: '/api/chat.postMessage',
      json: { channel: 'C0NOPE', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }] },
    },
    response: { json: { ok: false, error: 'channel_not_found' } },
    result: { status: 'FAILED', httpStatus: 200, output: { ok: false, error: 'channel_not_found' } },
  },
  {
    type: 'SLACK',
    actionId: 'ListChannels',
    base: SLACK,
    input: { Types: ['public_channel', 'private_channel'], ExcludeArchived: true, Limit: 1 },
    expect: { method: 'GET', url: '/api/conversations.list?types=public_channel%2Cprivate_channel&exclude_archived=true&limit=1' },
    response: { json: { ok: true, channels: [slackChannel], response_metadata: { next_cursor: 'dGVhbTpDMDYxRkE1UEI' } } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Channels: [{ Id: 'C012AB3CD', Name: 'general', IsPrivate: false, IsArchived: false, NumMembers: 42 }], NextToken: 'dGVhbTpDMDYxRkE1UEI' },
    },
  },
  {
    type: 'SLACK',
    actionId: 'ListChannels',
    note: "the last page: next_cursor '' gives no NextToken",
    base: SLACK,
    input: { NextToken: 'dGVhbTpDMDYxRkE1UEI' },
    expect: { method: 'GET', url: '/api/conversations.list?cursor=dGVhbTpDMDYxRkE1UEI' },
    response: { json: { ok: true, channels: [], response_metadata: { next_cursor: '' } } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Channels: [] } },
  },
  {
    type: 'SLACK',
    actionId: 'GetChannelHistory',
    base: SLACK,
    input: { Channel: 'C012AB3CD', Oldest: '1712300000.000000', Limit: 1, NextToken: 'bmV4dF90czoxNTEy' },
    expect: { method: 'GET', url: '/api/conversations.history?channel=C012AB3CD&oldest=1712300000.000000&limit=1&cursor=bmV4dF90czoxNTEy' },
    response: {
      json: {
        ok: true,
        messages: [{ type: 'message', user: 'U012AB3CD', text: 'hi', ts: '1712345678.000200' }],
        has_more: true,
        pin_count: 0,
        response_metadata: { next_cursor: 'bmV4dF90czoxNTEz' },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Messages: [{ type: 'message', user: 'U012AB3CD', text: 'hi', ts: '1712345678.000200' }], HasMore: true, NextToken: 'bmV4dF90czoxNTEz' },
    },
  },
  {
    type: 'SLACK',
    actionId: 'AddReaction',
    base: SLACK,
    input: { Channel: 'C012AB3CD', Timestamp: '1712345678.000200', Name: 'thumbsup' },
    expect: { method: 'POST', url: '/api/reactions.add', json: { channel: 'C012AB3CD', timestamp: '1712345678.000200', name: 'thumbsup' } },
    response: { json: { ok: true } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Ok: true } },
  },

  // ── SERVICENOW_NOW_PLATFORM ─────────────────────────────────────────────────
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'CreateIncident',
    base: SNOW,
    input: { ShortDescription: 'Email is down', Urgency: '1', Impact: '2', CallerId: 'abel.tuter', Fields: { u_customer: 'ACME' } },
    expect: {
      method: 'POST',
      url: '/api/now/table/incident?sysparm_exclude_reference_link=true',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      json: { short_description: 'Email is down', urgency: '1', impact: '2', caller_id: 'abel.tuter', u_customer: 'ACME' },
    },
    response: { status: 201, json: { result: incident } },
    result: { status: 'SUCCESS', httpStatus: 201, output: { SysId: sysId, Number: 'INC0010001', Record: incident } },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'GetIncident',
    base: SNOW,
    input: { SysId: sysId, Fields: ['sys_id', 'number', 'state'], DisplayValue: 'true' },
    expect: {
      method: 'GET',
      url: `/api/now/table/incident/${sysId}?sysparm_fields=sys_id%2Cnumber%2Cstate&sysparm_display_value=true&sysparm_exclude_reference_link=true`,
    },
    response: { json: { result: { sys_id: sysId, number: 'INC0010001', state: 'New' } } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { SysId: sysId, Number: 'INC0010001', Record: { sys_id: sysId, number: 'INC0010001', state: 'New' } },
    },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'UpdateIncident',
    base: SNOW,
    input: { SysId: sysId, State: '2', WorkNotes: 'Investigating the mail relay.' },
    expect: {
      method: 'PATCH',
      url: `/api/now/table/incident/${sysId}?sysparm_exclude_reference_link=true`,
      json: { state: '2', work_notes: 'Investigating the mail relay.' },
    },
    response: { json: { result: { ...incident, state: '2' } } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { SysId: sysId, Number: 'INC0010001', Record: { ...incident, state: '2' } } },
  },
  {
    type: 'SERVICENOW_NOW_PLATFORM',
    actionId: 'QueryRecords',
    base: SNOW,
    input: { Table: 'incident', Query: 'active=true^priority=1', Fields: ['number', 'short_description'], Limit: 2, Offset: 0 },
    expect: {
      method: 'GET',
      url: '/api/now/table/incident?sysparm_query=active%3Dtrue%5Epriority%3D1&sysparm_fields=number%2Cshort_description&sysparm_limit=2&sysparm_offset=0&sysparm_exclude_reference_link=true',
    },
    response: {
      json: {
        result: [
          { number: 'INC0010001', short_description: 'Email is down' },
          { number: 'INC0010002', short_description: 'VPN flaps' },
        ],
      },
      headers: { 'x-total-count': '57' },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Records: [
          { number: 'INC0010001', short_description: 'Email is down' },
          { number: 'INC0010002', short_description: 'VPN flaps' },
        ],
        TotalCount: 57,
      },
    },
  },

  // ── SALESFORCE_CRM ───────────────────────────────────────────────────────────
  {
    type: 'SALESFORCE_CRM',
    actionId: 'CreateRecord',
    base: SFDC,
    input: { SObject: 'Account', Fields: { Name: 'Acme', Industry: 'Energy' } },
    expect: { method: 'POST', url: '/services/data/v62.0/sobjects/Account', json: { Name: 'Acme', Industry: 'Energy' } },
    response: { status: 201, json: { id: '001D000000IqhSLIAZ', errors: [], success: true } },
    result: { status: 'SUCCESS', httpStatus: 201, output: { Id: '001D000000IqhSLIAZ', Success: true, Errors: [] } },
  },
  {
    type: 'SALESFORCE_CRM',
    actionId: 'GetRecord',
    base: SFDC,
    input: { SObject: 'Account', RecordId: '001D000000IqhSLIAZ', Fields: ['Name', 'Industry'] },
    expect: { method: 'GET', url: '/services/data/v62.0/sobjects/Account/001D000000IqhSLIAZ?fields=Name%2CIndustry' },
    response: { json: sfAccount },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Id: '001D000000IqhSLIAZ', Record: sfAccount } },
  },
  {
    type: 'SALESFORCE_CRM',
    actionId: 'UpdateRecord',
    base: SFDC,
    input: { SObject: 'Account', RecordId: '001D000000IqhSLIAZ', Fields: { Industry: 'Utilities' } },
    expect: { method: 'PATCH', url: '/services/data/v62.0/sobjects/Account/001D000000IqhSLIAZ', json: { Industry: 'Utilities' } },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Updated: true } },
  },
  {
    type: 'SALESFORCE_CRM',
    actionId: 'Query',
    base: SFDC,
    input: { Soql: "SELECT Id, Name FROM Account WHERE Industry = 'Energy'" },
    expect: { method: 'GET', url: '/services/data/v62.0/query?q=SELECT%20Id%2C%20Name%20FROM%20Account%20WHERE%20Industry%20%3D%20%27Energy%27' },
    response: { json: { totalSize: 3000, done: false, nextRecordsUrl: '/services/data/v62.0/query/01gD0000002HU6KIAW-2000', records: [sfAccount] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { TotalSize: 3000, Done: false, Records: [sfAccount], NextToken: '01gD0000002HU6KIAW-2000' } },
  },
  {
    type: 'SALESFORCE_CRM',
    actionId: 'Query',
    note: 'the next batch by NextToken',
    base: SFDC,
    input: { NextToken: '01gD0000002HU6KIAW-2000' },
    expect: { method: 'GET', url: '/services/data/v62.0/query/01gD0000002HU6KIAW-2000' },
    response: { json: { totalSize: 3000, done: true, records: [sfAccount] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { TotalSize: 3000, Done: true, Records: [sfAccount] } },
  },
  {
    type: 'SALESFORCE_CRM',
    actionId: 'Query',
    note: 'a vendor 400 is FAILED',
    base: SFDC,
    input: { Soql: 'SELEKT Id FROM Account' },
    expect: { method: 'GET', url: '/services/data/v62.0/query?q=SELEKT%20Id%20FROM%20Account' },
    response: { status: 400, json: [{ message: "unexpected token: 'SELEKT'", errorCode: 'MALFORMED_QUERY' }] },
    result: { status: 'FAILED', httpStatus: 400, output: [{ message: "unexpected token: 'SELEKT'", errorCode: 'MALFORMED_QUERY' }] },
  },

  // ── ZENDESK_SUITE ────────────────────────────────────────────────────────────
  {
    type: 'ZENDESK_SUITE',
    actionId: 'CreateTicket',
    base: ZD,
    input: {
      Subject: 'Printer on fire',
      Comment: 'The printer on floor 3 is on fire.',
      Priority: 'urgent',
      Type: 'incident',
      Tags: ['hardware'],
      RequesterEmail: 'jdoe@example.com',
      RequesterName: 'Jane Doe',
    },
    expect: {
      method: 'POST',
      url: '/api/v2/tickets',
      json: {
        ticket: {
          subject: 'Printer on fire',
          comment: { body: 'The printer on floor 3 is on fire.' },
          priority: 'urgent',
          type: 'incident',
          tags: ['hardware'],
          requester: { email: 'jdoe@example.com', name: 'Jane Doe' },
        },
      },
    },
    response: { status: 201, json: { ticket } },
    result: { status: 'SUCCESS', httpStatus: 201, output: { Id: 35436, Ticket: ticket } },
  },
  {
    type: 'ZENDESK_SUITE',
    actionId: 'GetTicket',
    base: ZD,
    input: { TicketId: 35436 },
    expect: { method: 'GET', url: '/api/v2/tickets/35436' },
    response: { json: { ticket } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Id: 35436, Ticket: ticket } },
  },
  {
    type: 'ZENDESK_SUITE',
    actionId: 'UpdateTicket',
    base: ZD,
    input: { TicketId: 35436, Status: 'solved', Comment: 'Extinguished.', CommentPublic: false },
    expect: { method: 'PUT', url: '/api/v2/tickets/35436', json: { ticket: { status: 'solved', comment: { body: 'Extinguished.', public: false } } } },
    response: { json: { ticket: { ...ticket, status: 'solved' } } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Id: 35436, Ticket: { ...ticket, status: 'solved' } } },
  },
  {
    type: 'ZENDESK_SUITE',
    actionId: 'SearchTickets',
    base: ZD,
    input: { Query: 'status:open priority:urgent', SortBy: 'created_at', SortOrder: 'desc', PerPage: 1 },
    expect: { method: 'GET', url: '/api/v2/search?query=type%3Aticket%20status%3Aopen%20priority%3Aurgent&sort_by=created_at&sort_order=desc&per_page=1' },
    response: {
      json: {
        results: [{ ...ticket, result_type: 'ticket' }],
        count: 12,
        facets: null,
        next_page: `${ZD}/api/v2/search.json?page=2&per_page=1&query=type%3Aticket+status%3Aopen`,
        previous_page: null,
      },
    },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Results: [{ ...ticket, result_type: 'ticket' }], Count: 12, NextToken: '2' } },
  },
];

export interface AwsSample {
  type: ActionConnectorType;
  actionId: string;
  note?: string;
  input: unknown;
  expect: { method: string; path: string; query?: Record<string, string>; body?: Buffer };
  response: { status?: number; headers?: Record<string, string>; body?: string | Buffer };
  result: { status: 'SUCCESS' | 'FAILED'; httpStatus: number; output: unknown };
}

const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const csv = Buffer.from('region,total\nus-west-2,42\n');

export const AWS_SAMPLES: AwsSample[] = [
  {
    type: 'AMAZON_S3',
    actionId: 'ListBuckets',
    input: { MaxBuckets: 10 },
    expect: { method: 'GET', path: '/', query: { 'max-buckets': '10' } },
    response: {
      headers: { 'content-type': 'application/xml' },
      body: `<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="${S3_NS}"><Owner><ID>c0ffee</ID></Owner><Buckets><Bucket><Name>reports</Name><CreationDate>2024-01-15T10:00:00.000Z</CreationDate><BucketRegion>us-west-2</BucketRegion></Bucket></Buckets><ContinuationToken>next-page</ContinuationToken></ListAllMyBucketsResult>`,
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Buckets: [{ Name: 'reports', CreationDate: '2024-01-15T10:00:00.000Z', BucketRegion: 'us-west-2' }], NextToken: 'next-page' },
    },
  },
  {
    type: 'AMAZON_S3',
    actionId: 'ListObjects',
    input: { Bucket: 'reports', Prefix: '2024/', MaxKeys: 2 },
    expect: { method: 'GET', path: '/reports/', query: { 'list-type': '2', prefix: '2024/', 'max-keys': '2' } },
    response: {
      headers: { 'content-type': 'application/xml' },
      body: `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="${S3_NS}"><Name>reports</Name><Prefix>2024/</Prefix><KeyCount>1</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>true</IsTruncated><NextContinuationToken>1ueGcxLPRx1Tr</NextContinuationToken><Contents><Key>2024/summary.csv</Key><LastModified>2024-03-01T12:00:00.000Z</LastModified><ETag>"9b2cf535f27731c974343645a3985328"</ETag><Size>27</Size><StorageClass>STANDARD</StorageClass></Contents></ListBucketResult>`,
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Objects: [
          { Key: '2024/summary.csv', Size: 27, LastModified: '2024-03-01T12:00:00.000Z', ETag: '"9b2cf535f27731c974343645a3985328"', StorageClass: 'STANDARD' },
        ],
        KeyCount: 1,
        IsTruncated: true,
        NextToken: '1ueGcxLPRx1Tr',
      },
    },
  },
  {
    type: 'AMAZON_S3',
    actionId: 'GetObject',
    input: { Bucket: 'reports', Key: '2024/summary.csv' },
    expect: { method: 'GET', path: '/reports/2024/summary.csv' },
    response: {
      headers: {
        'content-type': 'text/csv',
        'content-length': String(csv.length),
        etag: '"9b2cf535f27731c974343645a3985328"',
        'last-modified': 'Fri, 01 Mar 2024 12:00:00 GMT',
      },
      body: csv,
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Body: csv.toString('base64'),
        ContentType: 'text/csv',
        ContentLength: csv.length,
        ETag: '"9b2cf535f27731c974343645a3985328"',
        LastModified: '2024-03-01T12:00:00.000Z',
      },
    },
  },
  {
    type: 'AMAZON_S3',
    actionId: 'GetObject',
    note: 'NoSuchKey is a FAILED 404',
    input: { Bucket: 'reports', Key: 'missing.csv' },
    expect: { method: 'GET', path: '/reports/missing.csv' },
    response: {
      status: 404,
      headers: { 'content-type': 'application/xml' },
      body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>missing.csv</Key><RequestId>4442587FB7D0A2F9</RequestId></Error>',
    },
    result: { status: 'FAILED', httpStatus: 404, output: { Code: 'NoSuchKey', Message: 'The specified key does not exist.' } },
  },
  {
    type: 'AMAZON_S3',
    actionId: 'PutObject',
    input: { Bucket: 'reports', Key: '2024/new.csv', Body: csv.toString('base64'), ContentType: 'text/csv' },
    expect: { method: 'PUT', path: '/reports/2024/new.csv', body: csv },
    response: { headers: { etag: '"9b2cf535f27731c974343645a3985328"', 'x-amz-version-id': '3HL4kqtJlcpXroDTDmjVBH40Nrjfkd' } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { ETag: '"9b2cf535f27731c974343645a3985328"', VersionId: '3HL4kqtJlcpXroDTDmjVBH40Nrjfkd' } },
  },
  {
    type: 'AMAZON_S3',
    actionId: 'DeleteObject',
    input: { Bucket: 'reports', Key: '2024/old.csv' },
    expect: { method: 'DELETE', path: '/reports/2024/old.csv' },
    response: { status: 204, headers: { 'x-amz-delete-marker': 'true', 'x-amz-version-id': 'UIORUnfndfiufdisojhr398493jfdkjFJjkndnqUifhnw89493jJFJ' } },
    result: { status: 'SUCCESS', httpStatus: 204, output: { DeleteMarker: true, VersionId: 'UIORUnfndfiufdisojhr398493jfdkjFJjkndnqUifhnw89493jJFJ' } },
  },
];
