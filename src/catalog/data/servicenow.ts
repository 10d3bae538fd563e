// SERVICENOW_NOW_PLATFORM: the Table API (/api/now/table/{table}).
// BaseEndpoint: https://{instance}.service-now.com
import type { Catalog } from '../types.js';

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

export const serviceNow: Catalog = {
  Type: 'SERVICENOW_NOW_PLATFORM',
  Api: 'ServiceNow Table API',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'CreateIncident',
      Name: 'Create incident',
      Description: 'Creates an incident record and returns its sys_id, number and columns.',
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
      reference: 'https://www.servicenow.com/docs/bundle/xanadu-api-reference/page/integrate/inbound-rest/concept/c_TableAPI.html#title_table-POST',
      idempotent: false,
    },
    {
      ActionId: 'GetIncident',
      Name: 'Get incident',
      Description: 'Returns an incident record by sys_id.',
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
      reference: 'https://www.servicenow.com/docs/bundle/xanadu-api-reference/page/integrate/inbound-rest/concept/c_TableAPI.html#title_table-GET-id',
      idempotent: true,
    },
    {
      ActionId: 'UpdateIncident',
      Name: 'Update incident',
      Description: 'Changes columns of an incident (state, priority, assignment, work notes, comments, resolution).',
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
      reference: 'https://www.servicenow.com/docs/bundle/xanadu-api-reference/page/integrate/inbound-rest/concept/c_TableAPI.html#title_table-PATCH',
      idempotent: false,
    },
    {
      ActionId: 'QueryRecords',
      Name: 'Query records',
      Description: "Returns records of any table that match an encoded query (e.g. 'active=true^priority=1^ORDERBYDESCsys_created_on'), with offset paging.",
      InputSchema: {
        type: 'object',
        required: ['Table'],
        properties: {
          Table: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,79}$', description: "A table name, e.g. 'incident', 'problem', 'sys_user'." },
          Query: { type: 'string', maxLength: 8000 },
          Fields: fields,
          Limit: { type: 'integer', minimum: 1, maximum: 10000 },
          Offset: { type: 'integer', minimum: 0 },
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
      output: { value: { Records: '$.Body.result', TotalCount: { $number: "$.Headers['x-total-count']" } } },
      reference: 'https://www.servicenow.com/docs/bundle/xanadu-api-reference/page/integrate/inbound-rest/concept/c_TableAPI.html#title_table-GET',
      idempotent: true,
    },
  ],
};
