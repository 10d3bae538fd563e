// SERVICENOW_NOW_PLATFORM: the Table API (/api/now/table/{table}), the Attachment API
// (/api/now/attachment), the Aggregate API (/api/now/stats), the Service Catalog API
// (/api/sn_sc/servicecatalog) and the Knowledge Management API (/api/sn_km_api).
// BaseEndpoint: https://{instance}.service-now.com
// ServiceNow publishes no machine-readable spec: every action links its reference page.
// What a call may do is decided by the user's roles and the tables' ACLs (itil for
// incidents and changes); ServiceNow's OAuth tokens carry the user's rights, not scopes.
import type { Catalog, Template } from '../types.js';
import { base64Schema } from './common.js';

const sysId = { type: 'string', pattern: '^[0-9a-f]{32}$', description: 'A record sys_id (32 hex digits).' };
const fields = { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_.]+$' }, maxItems: 200 };
const displayValue = { enum: ['true', 'false', 'all'], description: 'Return display values, actual values, or both.' };
const level = { type: 'string', enum: ['1', '2', '3'] };
const extra = { type: 'object', description: 'Other columns as ServiceNow names them (e.g. u_customer), merged into the record.' };

const incidentColumns = {
  short_description: '$.ShortDescription',
  description: '$.Description',
  urgency: '$.Urgency',
  impact: '$.Impact',
  caller_id: '$.CallerId',
  assignment_group: '$.AssignmentGroup',
  assigned_to: '$.AssignedTo',
  category: '$.Category',
};
const recordOut = { SysId: '$.Body.result.sys_id', Number: '$.Body.result.number', Record: '$.Body.result' };

const DOCS = 'https://www.servicenow.com/docs/r/api-reference/rest-apis';
const TABLE_API = `${DOCS}/c_TableAPI.html`;
const ATTACHMENT_API = `${DOCS}/c_AttachmentAPI.html`;
const CATALOG_API = `${DOCS}/c_ServiceCatalogAPI.html`;
const KNOWLEDGE_API = `${DOCS}/knowledge-api.html`;
const AGGREGATE_API = `${DOCS}/c_AggregateAPI.html`;
/** The Knowledge Management API's default rate limit (instances may change it). */
const knowledgeRate = {
  rateLimit: "500 requests per hour for unauthenticated and snc_external users by default; other users fall under the instance's inbound REST rate limits.",
};
/** Uploads travel base64 inside InvokeAction's JSON (8 MB at most): 4 MB of file. */
const ATTACHMENT_MAX = 4 * 1024 * 1024;
/** Downloads come back base64 in the InvokeAction result, sized like uploads. */
const DOWNLOAD_MAX = ATTACHMENT_MAX;

const table = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,79}$', description: "A table name, e.g. 'incident', 'problem', 'sys_user', 'u_asset_request'." };
const columns = {
  type: 'object',
  minProperties: 1,
  maxProperties: 500,
  propertyNames: { pattern: '^[a-z][a-z0-9_]{0,79}$' },
  description: 'Column values as ServiceNow names them, e.g. {"short_description": "Disk full", "priority": "2"}.',
};
const limit = { type: 'integer', minimum: 1, maximum: 10000, description: 'Records per page (sysparm_limit); ServiceNow caps a page at 10000.' };
const offset = { type: 'integer', minimum: 0, description: 'Records to skip (sysparm_offset): pass NextOffset from the previous page.' };
const encodedQuery = {
  type: 'string',
  maxLength: 8000,
  description: "An encoded query, e.g. 'active=true^priority=1^ORDERBYDESCsys_created_on'.",
};
const inputDisplayValue = { type: 'boolean', description: 'Values are display values (a user name, a choice label) that ServiceNow turns into actual values.' };
/** The next page's offset, from the Link header's rel="next" (absent on the last page). */
const nextOffset: Template = {
  $number: { $hook: 'urlQueryParam', $of: { $hook: 'linkRel', $of: '$.Headers.link', $args: { rel: 'next' } }, $args: { name: 'sysparm_offset' } },
};
const listOut = { Records: '$.Body.result', TotalCount: { $number: "$.Headers['x-total-count']" }, NextOffset: nextOffset };
const singleQuery = { sysparm_fields: { $join: '$.Fields' }, sysparm_display_value: '$.DisplayValue', sysparm_exclude_reference_link: 'true' };
const writeQuery = {
  sysparm_fields: { $join: '$.ReturnFields' },
  sysparm_display_value: '$.DisplayValue',
  sysparm_input_display_value: '$.InputDisplayValue',
  sysparm_exclude_reference_link: 'true',
};
/** A record found by a query of at most one row, or returned by sys_id. */
const oneOf = (member: string): Template => ({ $coalesce: [`$.Body.result[0].${member}`, `$.Body.result.${member}`] });
const foundRecord: Template = { $coalesce: ['$.Body.result[0]', { $if: '$.Body.result.sys_id', $then: '$.Body.result' }] };
const attachmentOut = (at: string): Template => ({
  SysId: `${at}.sys_id`,
  FileName: `${at}.file_name`,
  ContentType: `${at}.content_type`,
  SizeBytes: { $number: `${at}.size_bytes` },
  TableName: `${at}.table_name`,
  TableSysId: `${at}.table_sys_id`,
  DownloadLink: `${at}.download_link`,
  CreatedOn: `${at}.sys_created_on`,
  CreatedBy: `${at}.sys_created_by`,
});

export const serviceNow: Catalog = {
  Type: 'SERVICENOW_NOW_PLATFORM',
  Api: 'ServiceNow REST API (Table, Attachment, Aggregate, Service Catalog, Knowledge Management)',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'CreateIncident',
      Name: 'Create incident',
      Description:
        "Opens an incident (Table API, table incident) and returns its sys_id, number (INC…) and every column. Urgency and Impact are '1' (high) to '3' (low) and set the priority; CallerId, AssignmentGroup and AssignedTo take a sys_id (or a display value the instance resolves). Other columns go in Fields. Needs the itil role (or a role allowed to create incidents).",
      InputSchema: {
        type: 'object',
        required: ['ShortDescription'],
        properties: {
          ShortDescription: { type: 'string', minLength: 1, maxLength: 160 },
          Description: { type: 'string', maxLength: 32000 },
          Urgency: level,
          Impact: level,
          CallerId: { type: 'string', minLength: 1, maxLength: 255, description: 'A sys_id or user name of the caller.' },
          AssignmentGroup: { type: 'string', minLength: 1, maxLength: 255 },
          AssignedTo: { type: 'string', minLength: 1, maxLength: 255 },
          Category: { type: 'string', minLength: 1, maxLength: 40 },
          Fields: extra,
        },
      },
      request: {
        method: 'POST',
        path: '/api/now/table/incident',
        query: { sysparm_exclude_reference_link: 'true' },
        body: { encoding: 'json', value: { $merge: [incidentColumns, '$.Fields'] } },
      },
      output: { value: recordOut },
      idempotent: false,
      Examples: [
        {
          Title: 'Open a high-urgency incident',
          Input: { ShortDescription: 'Email is down for the London office', Urgency: '1', Impact: '2', Category: 'network' },
        },
        {
          Title: 'Open an incident for a caller, with a custom column',
          Input: { ShortDescription: 'VPN disconnects every hour', CallerId: '5137153cc611227c000bbd1bd8cd2005', Fields: { u_customer: 'ACME' } },
        },
      ],
      reference: TABLE_API,
    },
    {
      ActionId: 'GetIncident',
      Name: 'Get incident',
      Description:
        "Returns an incident by its sys_id: every column, or only Fields. DisplayValue 'true' gives labels instead of codes (state 'In Progress' rather than '2'), 'all' both. To find an incident by its number (INC0010001), use QueryRecords with Query 'number=INC0010001'.",
      InputSchema: {
        type: 'object',
        required: ['SysId'],
        properties: { SysId: sysId, Fields: fields, DisplayValue: displayValue },
      },
      request: {
        method: 'GET',
        path: '/api/now/table/incident/{SysId}',
        query: { sysparm_fields: { $join: '$.Fields' }, sysparm_display_value: '$.DisplayValue', sysparm_exclude_reference_link: 'true' },
      },
      output: { value: recordOut },
      idempotent: true,
      Examples: [
        { Title: 'Read an incident', Input: { SysId: '9d385017c611228701d22104cc95c371' } },
        {
          Title: 'Read the state and assignee as labels',
          Input: { SysId: '9d385017c611228701d22104cc95c371', Fields: ['number', 'state', 'assigned_to'], DisplayValue: 'true' },
        },
      ],
      reference: TABLE_API,
    },
    {
      ActionId: 'UpdateIncident',
      Name: 'Update incident',
      Description:
        'Changes columns of an incident by sys_id and returns the updated record: state, urgency/impact, assignment, a work note (internal) or comment (visible to the caller), close code and notes. Only the members given are changed. To resolve, ResolveIncident sets state and resolution together. Needs the itil role.',
      InputSchema: {
        type: 'object',
        required: ['SysId'],
        properties: {
          SysId: sysId,
          ShortDescription: { type: 'string', minLength: 1, maxLength: 160 },
          Description: { type: 'string', maxLength: 32000 },
          State: { type: 'string', pattern: '^-?[0-9]{1,3}$', description: "The state value, e.g. '2' (In Progress), '6' (Resolved)." },
          Urgency: level,
          Impact: level,
          AssignmentGroup: { type: 'string', minLength: 1, maxLength: 255 },
          AssignedTo: { type: 'string', minLength: 1, maxLength: 255 },
          WorkNotes: { type: 'string', minLength: 1, maxLength: 32000 },
          Comments: { type: 'string', minLength: 1, maxLength: 32000 },
          CloseCode: { type: 'string', minLength: 1, maxLength: 40 },
          CloseNotes: { type: 'string', minLength: 1, maxLength: 4000 },
          Fields: extra,
        },
      },
      request: {
        method: 'PATCH',
        path: '/api/now/table/incident/{SysId}',
        query: { sysparm_exclude_reference_link: 'true' },
        body: {
          encoding: 'json',
          value: {
            $merge: [
              {
                short_description: '$.ShortDescription',
                description: '$.Description',
                state: '$.State',
                urgency: '$.Urgency',
                impact: '$.Impact',
                assignment_group: '$.AssignmentGroup',
                assigned_to: '$.AssignedTo',
                work_notes: '$.WorkNotes',
                comments: '$.Comments',
                close_code: '$.CloseCode',
                close_notes: '$.CloseNotes',
              },
              '$.Fields',
            ],
          },
        },
      },
      output: { value: recordOut },
      idempotent: false,
      Examples: [
        {
          Title: 'Start work and leave a work note',
          Input: { SysId: '9d385017c611228701d22104cc95c371', State: '2', WorkNotes: 'Investigating the mail relay.' },
        },
        { Title: 'Reassign to another group', Input: { SysId: '9d385017c611228701d22104cc95c371', AssignmentGroup: '287ebd7da9fe198100f92cc8d1d2154e' } },
      ],
      reference: TABLE_API,
    },
    {
      ActionId: 'QueryRecords',
      Name: 'Query records',
      Description:
        "Lists records of any table that match an encoded query (e.g. 'active=true^priority=1^ORDERBYDESCsys_created_on'; 'number=INC0010001' finds one by number). Returns Records, TotalCount (all matches) and NextOffset while more pages follow (pass it as Offset). Ask for Fields to keep answers small; DisplayValue 'true' gives labels instead of codes.",
      InputSchema: {
        type: 'object',
        required: ['Table'],
        properties: {
          Table: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,79}$', description: "A table name, e.g. 'incident', 'problem', 'sys_user'." },
          Query: encodedQuery,
          Fields: fields,
          Limit: limit,
          Offset: offset,
          DisplayValue: displayValue,
        },
      },
      request: {
        method: 'GET',
        path: '/api/now/table/{Table}',
        query: {
          sysparm_query: '$.Query',
          sysparm_fields: { $join: '$.Fields' },
          sysparm_limit: '$.Limit',
          sysparm_offset: '$.Offset',
          sysparm_display_value: '$.DisplayValue',
          sysparm_exclude_reference_link: 'true',
        },
      },
      output: { value: listOut },
      pagination: { inputToken: 'Offset', outputToken: 'NextOffset' },
      idempotent: true,
      Examples: [
        {
          Title: 'Open P1 incidents, newest first',
          Input: { Table: 'incident', Query: 'active=true^priority=1^ORDERBYDESCsys_created_on', Fields: ['number', 'short_description', 'state'], Limit: 20 },
        },
        { Title: 'Find a problem by number', Input: { Table: 'problem', Query: 'number=PRB0040010', Limit: 1 } },
      ],
      reference: TABLE_API,
    },
    {
      ActionId: 'GetRecord',
      Name: 'Get record',
      Description:
        "Returns one record of any table by its sys_id: every column, or only Fields. DisplayValue 'true' gives labels instead of codes, 'all' both. Use QueryRecords to find records by other columns.",
      InputSchema: {
        type: 'object',
        required: ['Table', 'SysId'],
        properties: { Table: table, SysId: sysId, Fields: fields, DisplayValue: displayValue },
      },
      request: { method: 'GET', path: '/api/now/table/{Table}/{SysId}', query: singleQuery },
      output: { value: recordOut },
      idempotent: true,
      Examples: [
        { Title: 'Read a problem', Input: { Table: 'problem', SysId: 'd7296d02c0a801670085e737da016e70' } },
        { Title: "Read a user's name and email", Input: { Table: 'sys_user', SysId: '5137153cc611227c000bbd1bd8cd2005', Fields: ['name', 'email'] } },
      ],
      reference: TABLE_API,
    },
    {
      ActionId: 'CreateRecord',
      Name: 'Create record',
      Description:
        "Inserts a record into any table (problem, sc_task, a custom u_ table…) from column values, and returns its sys_id, number (where the table numbers its records) and columns. InputDisplayValue lets reference and choice columns be given by label. The user's roles must allow creating in that table.",
      InputSchema: {
        type: 'object',
        required: ['Table', 'Fields'],
        properties: { Table: table, Fields: columns, InputDisplayValue: inputDisplayValue, ReturnFields: fields, DisplayValue: displayValue },
      },
      request: { method: 'POST', path: '/api/now/table/{Table}', query: writeQuery, body: { encoding: 'json', value: '$.Fields' } },
      output: { value: recordOut },
      idempotent: false,
      Examples: [
        { Title: 'Open a problem', Input: { Table: 'problem', Fields: { short_description: 'Mail relay drops messages', priority: '2' } } },
        {
          Title: 'Create a catalog task with its group given by name',
          Input: { Table: 'sc_task', Fields: { short_description: 'Ship laptop', assignment_group: 'Hardware' }, InputDisplayValue: true },
        },
      ],
      reference: TABLE_API,
    },
    {
      ActionId: 'UpdateRecord',
      Name: 'Update record',
      Description:
        'Changes columns of a record of any table by sys_id (only the columns given) and returns the updated record. Journal columns (work_notes, comments) add an entry rather than replace. InputDisplayValue lets reference and choice columns be given by label.',
      InputSchema: {
        type: 'object',
        required: ['Table', 'SysId', 'Fields'],
        properties: { Table: table, SysId: sysId, Fields: columns, InputDisplayValue: inputDisplayValue, ReturnFields: fields, DisplayValue: displayValue },
      },
      request: { method: 'PATCH', path: '/api/now/table/{Table}/{SysId}', query: writeQuery, body: { encoding: 'json', value: '$.Fields' } },
      output: { value: recordOut },
      idempotent: false,
      Examples: [
        {
          Title: 'Close a catalog task',
          Input: { Table: 'sc_task', SysId: 'b3b8f1d8db1e2010a8f6b3a4ce961924', Fields: { state: '3', work_notes: 'Laptop shipped.' } },
        },
        { Title: 'Set a custom column', Input: { Table: 'u_asset_request', SysId: '46d44a5dc0a8010e0195b0fa4c2ef3e0', Fields: { u_status: 'approved' } } },
      ],
      reference: TABLE_API,
    },
    {
      ActionId: 'DeleteRecord',
      Name: 'Delete record',
      Description:
        "Deletes a record of any table by sys_id. Cannot be undone from the API (deleted records may be restored from the instance's Deleted Records list). Returns Deleted: true; a record that does not exist or the user may not delete fails with 404 or 403.",
      InputSchema: { type: 'object', required: ['Table', 'SysId'], properties: { Table: table, SysId: sysId } },
      request: { method: 'DELETE', path: '/api/now/table/{Table}/{SysId}' },
      output: { value: { Deleted: true } },
      idempotent: true,
      Examples: [{ Title: 'Delete a test incident', Input: { Table: 'incident', SysId: '9d385017c611228701d22104cc95c371' } }],
      reference: TABLE_API,
    },
    {
      ActionId: 'ResolveIncident',
      Name: 'Resolve incident',
      Description:
        "Resolves an incident: sets state 6 (Resolved) with the resolution code and notes the instance requires, optionally a comment to the caller. Close codes are the instance's choices (e.g. 'Solution provided', 'Workaround provided', 'Duplicate'; older releases 'Solved (Permanently)'). Returns the updated record. Needs the itil role.",
      InputSchema: {
        type: 'object',
        required: ['SysId', 'CloseCode', 'CloseNotes'],
        properties: {
          SysId: sysId,
          CloseCode: { type: 'string', minLength: 1, maxLength: 40, description: "The resolution code, e.g. 'Solution provided'." },
          CloseNotes: { type: 'string', minLength: 1, maxLength: 4000 },
          Comments: { type: 'string', minLength: 1, maxLength: 32000, description: 'A comment the caller sees.' },
        },
      },
      request: {
        method: 'PATCH',
        path: '/api/now/table/incident/{SysId}',
        query: { sysparm_exclude_reference_link: 'true' },
        body: { encoding: 'json', value: { state: '6', close_code: '$.CloseCode', close_notes: '$.CloseNotes', comments: '$.Comments' } },
      },
      output: { value: recordOut },
      idempotent: false,
      Examples: [
        {
          Title: 'Resolve with a fix',
          Input: {
            SysId: '9d385017c611228701d22104cc95c371',
            CloseCode: 'Solution provided',
            CloseNotes: 'Restarted the mail relay.',
            Comments: 'Mail flows again.',
          },
        },
      ],
      reference: TABLE_API,
    },
    {
      ActionId: 'AddWorkNote',
      Name: 'Add work note or comment',
      Description:
        "Adds a work note (internal, seen by fulfillers) and/or a comment (additional comments, visible to the caller) to a record of a task table: incident by default, or problem, change_request, sc_req_item, sc_task… Returns the record's sys_id, number and update time.",
      InputSchema: {
        type: 'object',
        required: ['SysId'],
        anyOf: [{ required: ['WorkNote'] }, { required: ['Comment'] }],
        properties: {
          Table: { ...table, default: 'incident', description: "A task table: 'incident' (default), 'problem', 'change_request', 'sc_req_item', 'sc_task'…" },
          SysId: sysId,
          WorkNote: { type: 'string', minLength: 1, maxLength: 32000, description: 'Internal note (work_notes).' },
          Comment: { type: 'string', minLength: 1, maxLength: 32000, description: 'Additional comment the caller sees (comments).' },
        },
      },
      request: {
        method: 'PATCH',
        path: '/api/now/table/{Table}/{SysId}',
        query: { sysparm_fields: 'sys_id,number,sys_updated_on', sysparm_exclude_reference_link: 'true' },
        body: { encoding: 'json', value: { work_notes: '$.WorkNote', comments: '$.Comment' } },
      },
      output: { value: { SysId: '$.Body.result.sys_id', Number: '$.Body.result.number', UpdatedOn: '$.Body.result.sys_updated_on' } },
      idempotent: false,
      Examples: [
        { Title: 'Work note on an incident', Input: { SysId: '9d385017c611228701d22104cc95c371', WorkNote: 'Relay restarted; watching queues.' } },
        {
          Title: 'Comment to the requester of a requested item',
          Input: { Table: 'sc_req_item', SysId: 'aeed229047801200e0ef563dbb9a71c2', Comment: 'Your laptop ships today.' },
        },
      ],
      reference: TABLE_API,
    },
    {
      ActionId: 'CreateChangeRequest',
      Name: 'Create change request',
      Description:
        "Opens a change request (table change_request) and returns its sys_id, number (CHG…) and columns. Type is normal (default on most instances), standard or emergency; dates are 'YYYY-MM-DD HH:MM:SS' in the user's time zone. Standard changes normally come from a template; approvals and the change model follow the instance's rules. Needs the itil role.",
      InputSchema: {
        type: 'object',
        required: ['ShortDescription'],
        properties: {
          ShortDescription: { type: 'string', minLength: 1, maxLength: 160 },
          Description: { type: 'string', maxLength: 32000 },
          Type: { enum: ['normal', 'standard', 'emergency'] },
          Category: { type: 'string', minLength: 1, maxLength: 40 },
          Risk: { type: 'string', enum: ['1', '2', '3', '4'], description: "'1' very high … '4' low (instance choices)." },
          Impact: level,
          AssignmentGroup: { type: 'string', minLength: 1, maxLength: 255 },
          AssignedTo: { type: 'string', minLength: 1, maxLength: 255 },
          ConfigurationItem: { type: 'string', minLength: 1, maxLength: 255, description: 'The sys_id of the affected CI (cmdb_ci).' },
          StartDate: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$' },
          EndDate: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$' },
          Justification: { type: 'string', maxLength: 4000 },
          ImplementationPlan: { type: 'string', maxLength: 4000 },
          BackoutPlan: { type: 'string', maxLength: 4000 },
          TestPlan: { type: 'string', maxLength: 4000 },
          Fields: extra,
        },
      },
      request: {
        method: 'POST',
        path: '/api/now/table/change_request',
        query: { sysparm_exclude_reference_link: 'true' },
        body: {
          encoding: 'json',
          value: {
            $merge: [
              {
                short_description: '$.ShortDescription',
                description: '$.Description',
                type: '$.Type',
                category: '$.Category',
                risk: '$.Risk',
                impact: '$.Impact',
                assignment_group: '$.AssignmentGroup',
                assigned_to: '$.AssignedTo',
                cmdb_ci: '$.ConfigurationItem',
                start_date: '$.StartDate',
                end_date: '$.EndDate',
                justification: '$.Justification',
                implementation_plan: '$.ImplementationPlan',
                backout_plan: '$.BackoutPlan',
                test_plan: '$.TestPlan',
              },
              '$.Fields',
            ],
          },
        },
      },
      output: { value: recordOut },
      idempotent: false,
      Examples: [
        {
          Title: 'Plan a database patch',
          Input: {
            ShortDescription: 'Patch the orders database to 15.4',
            Type: 'normal',
            StartDate: '2025-03-01 22:00:00',
            EndDate: '2025-03-01 23:30:00',
            ImplementationPlan: 'Fail over, patch the standby, fail back.',
            BackoutPlan: 'Restore the snapshot taken before the patch.',
          },
        },
        { Title: 'Emergency change', Input: { ShortDescription: 'Revoke a leaked certificate', Type: 'emergency', Justification: 'The key was published.' } },
      ],
      reference: TABLE_API,
    },
    {
      ActionId: 'GetChangeRequest',
      Name: 'Get change request',
      Description:
        "Returns a change request by sys_id or by number (CHG0030001): Found, its sys_id, number and columns (or only Fields). DisplayValue 'true' gives labels (state 'Scheduled' rather than '-2').",
      InputSchema: {
        type: 'object',
        oneOf: [{ required: ['SysId'] }, { required: ['Number'] }],
        properties: {
          SysId: sysId,
          Number: { type: 'string', pattern: '^[A-Z]{2,10}[0-9]{4,12}$', description: "The change's number, e.g. 'CHG0030001'." },
          Fields: fields,
          DisplayValue: displayValue,
        },
      },
      request: [
        { when: '$.SysId', method: 'GET', path: '/api/now/table/change_request/{SysId}', query: singleQuery },
        {
          method: 'GET',
          path: '/api/now/table/change_request',
          query: { sysparm_query: { $concat: ['number=', '$.Number'] }, sysparm_limit: 1, ...singleQuery },
        },
      ],
      output: {
        value: { Found: { $if: foundRecord, $then: true, $else: false }, SysId: oneOf('sys_id'), Number: oneOf('number'), Record: foundRecord },
      },
      idempotent: true,
      Examples: [
        { Title: 'By number', Input: { Number: 'CHG0030001' } },
        {
          Title: 'State and schedule by sys_id',
          Input: { SysId: 'c83c5e5347c12200e0ef563dbb9a7190', Fields: ['number', 'state', 'start_date', 'end_date'], DisplayValue: 'true' },
        },
      ],
      reference: TABLE_API,
    },
    {
      ActionId: 'ListConfigurationItems',
      Name: 'List configuration items',
      Description:
        "Lists CMDB configuration items (table cmdb_ci, or a class such as cmdb_ci_server, cmdb_ci_appl, cmdb_ci_service) matching an encoded query, e.g. 'nameLIKEweb^operational_status=1'. Returns Records, TotalCount and NextOffset while more pages follow. Needs a CMDB read role (itil, cmdb_read).",
      InputSchema: {
        type: 'object',
        properties: {
          Class: {
            type: 'string',
            pattern: '^cmdb_ci(_[a-z0-9_]{1,72})?$',
            default: 'cmdb_ci',
            description: "The CI class table: 'cmdb_ci' (all), 'cmdb_ci_server', 'cmdb_ci_linux_server'…",
          },
          Query: encodedQuery,
          Fields: fields,
          Limit: limit,
          Offset: offset,
          DisplayValue: displayValue,
        },
      },
      request: {
        method: 'GET',
        path: '/api/now/table/{Class}',
        query: {
          sysparm_query: '$.Query',
          sysparm_fields: { $join: '$.Fields' },
          sysparm_limit: '$.Limit',
          sysparm_offset: '$.Offset',
          sysparm_display_value: '$.DisplayValue',
          sysparm_exclude_reference_link: 'true',
        },
      },
      output: { value: listOut },
      pagination: { inputToken: 'Offset', outputToken: 'NextOffset' },
      idempotent: true,
      Examples: [
        {
          Title: 'Linux servers whose name starts with web',
          Input: { Class: 'cmdb_ci_linux_server', Query: 'nameSTARTSWITHweb', Fields: ['name', 'ip_address', 'os_version'], Limit: 50 },
        },
        { Title: 'Any CI by name', Input: { Query: 'name=orders-db-01', Fields: ['sys_id', 'name', 'sys_class_name'] } },
      ],
      reference: TABLE_API,
    },
    {
      ActionId: 'ListAttachments',
      Name: 'List attachments',
      Description:
        "Lists file attachments (their metadata, not the content): those of one record (TableName and TableSysId), or any matching an encoded query on sys_attachment. Returns each attachment's sys_id (for DownloadAttachment), file name, type, size and download link.",
      InputSchema: {
        type: 'object',
        anyOf: [{ required: ['TableName', 'TableSysId'] }, { required: ['Query'] }],
        properties: {
          TableName: table,
          TableSysId: sysId,
          Query: { ...encodedQuery, description: "An encoded query on sys_attachment, e.g. 'file_nameENDSWITH.pdf'." },
          Limit: { type: 'integer', minimum: 1, maximum: 1000 },
          Offset: { type: 'integer', minimum: 0 },
        },
      },
      request: {
        method: 'GET',
        path: '/api/now/attachment',
        query: {
          sysparm_query: {
            $join: [{ $concat: ['table_name=', '$.TableName'] }, { $concat: ['table_sys_id=', '$.TableSysId'] }, '$.Query'],
            $separator: '^',
          },
          sysparm_limit: '$.Limit',
          sysparm_offset: '$.Offset',
        },
      },
      output: { value: { Attachments: { $each: '$.Body.result', $as: attachmentOut('@') } } },
      idempotent: true,
      Examples: [
        { Title: "An incident's attachments", Input: { TableName: 'incident', TableSysId: '9d385017c611228701d22104cc95c371' } },
        { Title: 'PDFs attached to change requests', Input: { Query: 'table_name=change_request^file_nameENDSWITH.pdf', Limit: 20 } },
      ],
      reference: ATTACHMENT_API,
    },
    {
      ActionId: 'UploadAttachment',
      Name: 'Attach file',
      Description: `Attaches a file (base64, at most ${ATTACHMENT_MAX} bytes) to a record of any table and returns the attachment's sys_id and metadata. The user needs write access to the record (itil for incidents); the instance may refuse some file extensions.`,
      InputSchema: {
        type: 'object',
        required: ['TableName', 'TableSysId', 'FileName', 'Content'],
        properties: {
          TableName: table,
          TableSysId: sysId,
          FileName: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[^/\\\\\\u0000-\\u001f]+$' },
          Content: base64Schema(ATTACHMENT_MAX),
          ContentType: {
            type: 'string',
            pattern: '^[\\w.+-]+/[\\w.+-]+$',
            default: 'application/octet-stream',
            description: "The file's media type, e.g. 'image/png'.",
          },
        },
      },
      request: {
        method: 'POST',
        path: '/api/now/attachment/file',
        query: { table_name: '$.TableName', table_sys_id: '$.TableSysId', file_name: '$.FileName' },
        body: { encoding: 'base64', value: { $fromBase64: '$.Content' }, contentType: '$.ContentType' },
      },
      output: { value: attachmentOut('$.Body.result') },
      binary: { maxBytes: ATTACHMENT_MAX },
      idempotent: false,
      Examples: [
        {
          Title: 'Attach a log excerpt to an incident',
          Input: {
            TableName: 'incident',
            TableSysId: '9d385017c611228701d22104cc95c371',
            FileName: 'relay.log',
            Content: 'cmVsYXkgcmVzdGFydGVkCg==',
            ContentType: 'text/plain',
          },
        },
      ],
      reference: ATTACHMENT_API,
    },
    {
      ActionId: 'DownloadAttachment',
      Name: 'Download attachment',
      Description: `Returns the content of an attachment by its sys_id (from ListAttachments) as base64, with its media type and size. Meant for files up to ${DOWNLOAD_MAX} bytes (ListAttachments gives each size): larger ones make a result too big for an agent to use.`,
      InputSchema: { type: 'object', required: ['SysId'], properties: { SysId: sysId } },
      request: { method: 'GET', path: '/api/now/attachment/{SysId}/file', headers: { accept: '*/*' } },
      output: { value: { Content: '$.Body', ContentType: "$.Headers['content-type']", SizeBytes: { $number: "$.Headers['content-length']" } } },
      binary: { maxBytes: DOWNLOAD_MAX, output: true },
      idempotent: true,
      Examples: [{ Title: 'Read an attached screenshot', Input: { SysId: '0254de0c4f889200086eeed18110c74c' } }],
      reference: ATTACHMENT_API,
    },
    {
      ActionId: 'DeleteAttachment',
      Name: 'Delete attachment',
      Description: 'Deletes an attachment by its sys_id (from ListAttachments). Returns Deleted: true.',
      InputSchema: { type: 'object', required: ['SysId'], properties: { SysId: sysId } },
      request: { method: 'DELETE', path: '/api/now/attachment/{SysId}' },
      output: { value: { Deleted: true } },
      idempotent: true,
      Examples: [{ Title: 'Remove a wrong file', Input: { SysId: '0254de0c4f889200086eeed18110c74c' } }],
      reference: ATTACHMENT_API,
    },
    {
      ActionId: 'GetUserByEmail',
      Name: 'Find user by email',
      Description:
        "Looks up a user (table sys_user) by email address and returns Found, the user's sys_id (for caller_id, assigned_to, requested_for), user name, name, email and active flag, and the record (or only Fields).",
      InputSchema: {
        type: 'object',
        required: ['Email'],
        properties: {
          Email: { type: 'string', minLength: 3, maxLength: 100, pattern: '^[^\\s@^,]+@[^\\s@^,]+$' },
          Fields: fields,
          DisplayValue: displayValue,
        },
      },
      request: {
        method: 'GET',
        path: '/api/now/table/sys_user',
        query: {
          sysparm_query: { $concat: ['email=', '$.Email'] },
          sysparm_limit: 1,
          sysparm_fields: { $join: '$.Fields' },
          sysparm_display_value: '$.DisplayValue',
          sysparm_exclude_reference_link: 'true',
        },
      },
      output: {
        value: {
          Found: { $if: '$.Body.result[0]', $then: true, $else: false },
          SysId: '$.Body.result[0].sys_id',
          UserName: '$.Body.result[0].user_name',
          Name: '$.Body.result[0].name',
          Email: '$.Body.result[0].email',
          Active: '$.Body.result[0].active',
          User: '$.Body.result[0]',
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Find the caller', Input: { Email: 'abel.tuter@example.com' } }],
      reference: TABLE_API,
    },
    {
      ActionId: 'ListCatalogItems',
      Name: 'Search catalog items',
      Description:
        "Finds Service Catalog items the user can order, by text and/or category. Returns each item's sys_id (for GetCatalogItem and OrderCatalogItem), name, short description, category and price.",
      InputSchema: {
        type: 'object',
        properties: {
          Text: { type: 'string', minLength: 1, maxLength: 200, description: 'Words to search in item names and descriptions.' },
          Category: sysId,
          Catalog: sysId,
          Limit: { type: 'integer', minimum: 1, maximum: 1000 },
          Offset: { type: 'integer', minimum: 0 },
        },
      },
      request: {
        method: 'GET',
        path: '/api/sn_sc/servicecatalog/items',
        query: { sysparm_text: '$.Text', sysparm_category: '$.Category', sysparm_catalog: '$.Catalog', sysparm_limit: '$.Limit', sysparm_offset: '$.Offset' },
      },
      output: {
        value: {
          Items: {
            $each: '$.Body.result',
            $as: {
              SysId: '@.sys_id',
              Name: '@.name',
              ShortDescription: '@.short_description',
              Category: '@.category.title',
              Price: '@.price',
              Type: '@.type',
            },
          },
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Laptops', Input: { Text: 'laptop', Limit: 10 } }],
      reference: CATALOG_API,
    },
    {
      ActionId: 'GetCatalogItem',
      Name: 'Get catalog item',
      Description:
        "Returns a Service Catalog item and the variables its order form asks for: each variable's name (the key for OrderCatalogItem's Variables), label, type, whether it is mandatory, and its choices.",
      InputSchema: { type: 'object', required: ['SysId'], properties: { SysId: sysId } },
      request: { method: 'GET', path: '/api/sn_sc/servicecatalog/items/{SysId}' },
      output: {
        value: {
          SysId: '$.Body.result.sys_id',
          Name: '$.Body.result.name',
          ShortDescription: '$.Body.result.short_description',
          Description: '$.Body.result.description',
          Variables: {
            $each: '$.Body.result.variables',
            $as: {
              Name: '@.name',
              Label: '@.label',
              Type: '@.friendly_type',
              Mandatory: '@.mandatory',
              HelpText: '@.help_text',
              Choices: { $each: '@.choices', $as: { Value: '@.value', Label: '@.label' } },
            },
          },
        },
      },
      idempotent: true,
      Examples: [{ Title: 'The standard laptop form', Input: { SysId: '04b7e94b4f7b4200086eeed18110c7fd' } }],
      reference: CATALOG_API,
    },
    {
      ActionId: 'OrderCatalogItem',
      Name: 'Order catalog item',
      Description:
        "Orders a Service Catalog item now (Order Now), with its form's variables (names from GetCatalogItem), and returns the request's number (REQ…) and sys_id. On an instance set to two-step checkout the item only goes to the cart: CartId is returned and no request is made. RequestedFor orders on behalf of another user (their sys_id) where the catalog allows it.",
      InputSchema: {
        type: 'object',
        required: ['ItemSysId'],
        properties: {
          ItemSysId: sysId,
          Quantity: { type: 'integer', minimum: 1, maximum: 1000, default: 1 },
          Variables: { type: 'object', maxProperties: 500, description: 'Variable name → value, e.g. {"ram": "16", "justification": "New hire"}.' },
          RequestedFor: sysId,
        },
      },
      request: {
        method: 'POST',
        path: '/api/sn_sc/servicecatalog/items/{ItemSysId}/order_now',
        body: { encoding: 'json', value: { sysparm_quantity: { $string: '$.Quantity' }, variables: '$.Variables', sysparm_requested_for: '$.RequestedFor' } },
      },
      output: {
        value: {
          RequestNumber: { $coalesce: ['$.Body.result.request_number', '$.Body.result.number'] },
          RequestId: { $coalesce: ['$.Body.result.request_id', '$.Body.result.sys_id'] },
          Table: '$.Body.result.table',
          CartId: '$.Body.result.cart_id',
        },
      },
      idempotent: false,
      Examples: [
        { Title: 'Order a laptop', Input: { ItemSysId: '04b7e94b4f7b4200086eeed18110c7fd', Variables: { acrobat: 'true', photoshop: 'false' } } },
        {
          Title: 'Two for a colleague',
          Input: { ItemSysId: '04b7e94b4f7b4200086eeed18110c7fd', Quantity: 2, RequestedFor: '5137153cc611227c000bbd1bd8cd2005' },
        },
      ],
      reference: CATALOG_API,
    },
    {
      ActionId: 'SearchKnowledge',
      Name: 'Search knowledge articles',
      Description:
        "Searches published knowledge articles the user can read (Knowledge Management API; the instance needs the sn_km_api plugin, active by default on current releases). Returns each article's id, number (KB…), title, snippet and relevance score, and Count of all matches. Filter narrows with an encoded query on kb_knowledge.",
      InputSchema: {
        type: 'object',
        properties: {
          Query: { type: 'string', minLength: 1, maxLength: 500, description: 'Words to search for.' },
          Filter: { ...encodedQuery, description: "An encoded query on kb_knowledge, e.g. 'kb_category=…'." },
          KnowledgeBases: { type: 'array', items: sysId, minItems: 1, maxItems: 50, description: 'Only these knowledge bases (sys_ids).' },
          Fields: fields,
          Limit: { type: 'integer', minimum: 1, maximum: 100 },
          Offset: { type: 'integer', minimum: 0 },
        },
      },
      request: {
        method: 'GET',
        path: '/api/sn_km_api/knowledge/articles',
        query: { query: '$.Query', filter: '$.Filter', kb: { $join: '$.KnowledgeBases' }, fields: { $join: '$.Fields' }, limit: '$.Limit', offset: '$.Offset' },
      },
      output: {
        value: {
          Count: '$.Body.result.meta.count',
          Articles: {
            $each: '$.Body.result.articles',
            $as: { Id: '@.id', Number: '@.number', Title: '@.title', Snippet: '@.snippet', Score: '@.score', Link: '@.link', Fields: '@.fields' },
          },
        },
      },
      idempotent: true,
      Examples: [
        { Title: 'How to reset a password', Input: { Query: 'reset password', Limit: 5 } },
        { Title: 'VPN articles of one knowledge base', Input: { Query: 'vpn', KnowledgeBases: ['a7e8a78bff0221009b20ffffffffff17'] } },
      ],
      reference: KNOWLEDGE_API,
      requires: knowledgeRate,
    },
    {
      ActionId: 'GetKnowledgeArticle',
      Name: 'Get knowledge article',
      Description:
        'Returns a knowledge article by sys_id or number (KB0000001): title, its content as HTML, number and sys_id. Use SearchKnowledge to find one. Knowledge Management API (sn_km_api plugin).',
      InputSchema: {
        type: 'object',
        required: ['Id'],
        properties: { Id: { type: 'string', pattern: '^(?:[0-9a-f]{32}|[A-Z]{2,10}[0-9]{4,12})$', description: 'A sys_id or an article number (KB0000001).' } },
      },
      request: { method: 'GET', path: '/api/sn_km_api/knowledge/articles/{Id}' },
      output: {
        value: {
          SysId: '$.Body.result.sys_id',
          Number: '$.Body.result.number',
          Title: '$.Body.result.short_description',
          Content: '$.Body.result.content',
          Article: '$.Body.result',
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Read an article by number', Input: { Id: 'KB0000011' } }],
      reference: KNOWLEDGE_API,
      requires: knowledgeRate,
    },
    {
      ActionId: 'CountRecords',
      Name: 'Count records',
      Description:
        "Counts the records of a table that match an encoded query (Aggregate API), optionally per value of some columns (e.g. open incidents per priority). Returns Count, or Groups with each group's Count and column values. Cheaper than listing when only numbers are wanted.",
      InputSchema: {
        type: 'object',
        required: ['Table'],
        properties: {
          Table: table,
          Query: encodedQuery,
          GroupBy: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9_.]{0,79}$' }, minItems: 1, maxItems: 5 },
          DisplayValue: displayValue,
        },
      },
      request: {
        method: 'GET',
        path: '/api/now/stats/{Table}',
        query: { sysparm_count: 'true', sysparm_query: '$.Query', sysparm_group_by: { $join: '$.GroupBy' }, sysparm_display_value: '$.DisplayValue' },
      },
      output: {
        value: {
          Count: { $number: '$.Body.result.stats.count' },
          Groups: {
            $each: '$.Body.result',
            $as: { Count: { $number: '@.stats.count' }, Values: { $each: '@.groupby_fields', $as: { Field: '@.field', Value: '@.value' } } },
          },
        },
      },
      idempotent: true,
      Examples: [
        { Title: 'Open P1 incidents', Input: { Table: 'incident', Query: 'active=true^priority=1' } },
        {
          Title: 'Open incidents per assignment group',
          Input: { Table: 'incident', Query: 'active=true', GroupBy: ['assignment_group'], DisplayValue: 'true' },
        },
      ],
      reference: AGGREGATE_API,
    },
  ],
};
