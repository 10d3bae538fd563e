// SALESFORCE_CRM: the Salesforce REST API (sObject rows and SOQL), API version 62.0.
// BaseEndpoint: https://{domain}.my.salesforce.com
import type { Catalog } from '../types.js';

const V = '/services/data/v62.0';
const sObject = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,79}$', description: "An sObject name, e.g. 'Account', 'Case', 'Invoice__c'." };
const recordId = { type: 'string', pattern: '^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$', description: 'A 15- or 18-character record id.' };
const fieldValues = { type: 'object', minProperties: 1, description: 'Field values as Salesforce names them, e.g. {"Name": "Acme"}.' };

export const salesforce: Catalog = {
  Type: 'SALESFORCE_CRM',
  Api: 'Salesforce REST API v62.0',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'CreateRecord',
      Name: 'Create record',
      Description: 'Creates a record of an sObject type and returns its id.',
      InputSchema: { type: 'object', required: ['SObject', 'Fields'], properties: { SObject: sObject, Fields: fieldValues } },
      request: { method: 'POST', path: `${V}/sobjects/{SObject}`, body: { encoding: 'json', value: '$.Fields' } },
      output: { value: { Id: '$.Body.id', Success: '$.Body.success', Errors: '$.Body.errors' } },
      reference: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm',
      idempotent: false,
    },
    {
      ActionId: 'GetRecord',
      Name: 'Get record',
      Description: 'Returns a record by id, with all fields or only those listed.',
      InputSchema: {
        type: 'object',
        required: ['SObject', 'RecordId'],
        properties: { SObject: sObject, RecordId: recordId, Fields: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_.]+$' }, maxItems: 500 } },
      },
      request: { method: 'GET', path: `${V}/sobjects/{SObject}/{RecordId}`, query: { fields: { $join: '$.Fields' } } },
      output: { value: { Id: '$.Body.Id', Record: '$.Body' } },
      reference: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_get_field_values.htm',
      idempotent: true,
    },
    {
      ActionId: 'UpdateRecord',
      Name: 'Update record',
      Description: 'Changes fields of a record.',
      InputSchema: { type: 'object', required: ['SObject', 'RecordId', 'Fields'], properties: { SObject: sObject, RecordId: recordId, Fields: fieldValues } },
      request: { method: 'PATCH', path: `${V}/sobjects/{SObject}/{RecordId}`, body: { encoding: 'json', value: '$.Fields' } },
      output: { value: { Updated: true } },
      reference: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_update_fields.htm',
      idempotent: false,
    },
    {
      ActionId: 'Query',
      Name: 'Query (SOQL)',
      Description: 'Runs a SOQL query; when not Done, pass NextToken (alone) to get the next batch.',
      InputSchema: {
        type: 'object',
        anyOf: [{ required: ['Soql'] }, { required: ['NextToken'] }],
        properties: {
          Soql: { type: 'string', minLength: 1, maxLength: 100000, description: "e.g. SELECT Id, Name FROM Account WHERE Industry = 'Energy'" },
          NextToken: { type: 'string', pattern: '^[A-Za-z0-9]{15,18}-[0-9]+$' },
        },
      },
      request: [
        { when: '$.NextToken', method: 'GET', path: `${V}/query/{NextToken}` },
        { method: 'GET', path: `${V}/query`, query: { q: '$.Soql' } },
      ],
      output: {
        value: {
          TotalSize: '$.Body.totalSize',
          Done: '$.Body.done',
          Records: '$.Body.records',
          NextToken: { $hook: 'lastPathSegment', $of: '$.Body.nextRecordsUrl' },
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      reference: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_query.htm',
      idempotent: true,
    },
  ],
};
