// SALESFORCE_CRM: the Salesforce REST API (sObject rows, SOQL, SOSL, describe, composite),
// API version 62.0, and the OAuth UserInfo endpoint.
// BaseEndpoint: https://{domain}.my.salesforce.com
// Salesforce publishes no OpenAPI spec for this API: every action links its reference page.
// Every call needs a user with the "API Enabled" permission and a token with the `api`
// scope (connected apps usually add `refresh_token` so the connector keeps working).
import type { ActionRequirements, Catalog, Template } from '../types.js';

const V = '/services/data/v62.0';
const DOCS = 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest';
const OBJECTS = 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference';
const sObject = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,79}$', description: "An sObject name, e.g. 'Account', 'Case', 'Invoice__c'." };
const recordId = { type: 'string', pattern: '^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$', description: 'A 15- or 18-character record id.' };
const fieldName = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,79}$' };
const externalId = {
  type: 'string',
  minLength: 1,
  maxLength: 255,
  pattern: '^[^/]+$',
  description: "The external id value; a '/' cannot travel in the URL Salesforce reads it from.",
};
const fieldValues = { type: 'object', minProperties: 1, description: 'Field values as Salesforce names them, e.g. {"Name": "Acme"}.' };
const fieldList = { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_.]+$' }, maxItems: 500 };
const date = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'A date, YYYY-MM-DD.' };
const soql = { type: 'string', minLength: 1, maxLength: 100000, description: "e.g. SELECT Id, Name FROM Account WHERE Industry = 'Energy'" };
const queryLocator = { type: 'string', pattern: '^[A-Za-z0-9]{15,18}-[0-9]+$', description: 'NextToken from the previous batch.' };
/** What every REST call needs; a call counts toward the org's daily API requests. */
const api: ActionRequirements = {
  scopes: ['api'],
  rateLimit: "Counts toward the org's API request allocation (rolling 24 hours; DailyApiRequests in GetLimits).",
};
const saveOut = { Id: '$.Body.id', Success: '$.Body.success', Errors: '$.Body.errors' };
const queryOut = {
  TotalSize: '$.Body.totalSize',
  Done: '$.Body.done',
  Records: '$.Body.records',
  NextToken: { $hook: 'lastPathSegment', $of: '$.Body.nextRecordsUrl' },
};
const task = (extra: Record<string, Template>): Template => ({
  $merge: [
    {
      Subject: '$.Subject',
      WhoId: '$.WhoId',
      WhatId: '$.WhatId',
      OwnerId: '$.OwnerId',
      ActivityDate: '$.ActivityDate',
      Description: '$.Description',
      ...extra,
    },
    '$.Fields',
  ],
});
const taskMembers = {
  WhoId: { ...recordId, description: 'The Contact or Lead (id) the task is about.' },
  WhatId: { ...recordId, description: 'The Account, Opportunity, Case… (id) the task is related to.' },
  OwnerId: { ...recordId, description: 'The user the task is assigned to (default: the calling user).' },
  ActivityDate: { ...date, description: 'The due date (YYYY-MM-DD).' },
  Description: { type: 'string', maxLength: 32000 },
  Fields: { type: 'object', description: 'Other Task fields, e.g. custom ones.' },
};

export const salesforce: Catalog = {
  Type: 'SALESFORCE_CRM',
  Api: 'Salesforce REST API v62.0',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'CreateRecord',
      Name: 'Create record',
      Description:
        'Creates a record of any sObject type (Account, Contact, Opportunity, Case, a custom __c object…) from field values and returns its id. Required fields depend on the type (DescribeSObject lists them); validation rules and duplicates rules may refuse the record with a 400 naming the field.',
      InputSchema: { type: 'object', required: ['SObject', 'Fields'], properties: { SObject: sObject, Fields: fieldValues } },
      request: { method: 'POST', path: `${V}/sobjects/{SObject}`, body: { encoding: 'json', value: '$.Fields' } },
      output: { value: saveOut },
      idempotent: false,
      Examples: [
        { Title: 'Create an account', Input: { SObject: 'Account', Fields: { Name: 'Acme', Industry: 'Energy' } } },
        {
          Title: 'Open a case for a contact',
          Input: { SObject: 'Case', Fields: { Subject: 'Invoice missing', ContactId: '003D000000QOoAnIAL', Origin: 'Email' } },
        },
      ],
      reference: `${DOCS}/dome_sobject_create.htm`,
      requires: api,
    },
    {
      ActionId: 'GetRecord',
      Name: 'Get record',
      Description:
        'Returns a record by its id: all fields the user can see, or only Fields (recommended: objects have hundreds). To find records by other values, use Query (SOQL) or Search (SOSL).',
      InputSchema: {
        type: 'object',
        required: ['SObject', 'RecordId'],
        properties: { SObject: sObject, RecordId: recordId, Fields: fieldList },
      },
      request: { method: 'GET', path: `${V}/sobjects/{SObject}/{RecordId}`, query: { fields: { $join: '$.Fields' } } },
      output: { value: { Id: '$.Body.Id', Record: '$.Body' } },
      idempotent: true,
      Examples: [
        { Title: "An account's name and industry", Input: { SObject: 'Account', RecordId: '001D000000IqhSLIAZ', Fields: ['Name', 'Industry'] } },
        { Title: 'A whole opportunity', Input: { SObject: 'Opportunity', RecordId: '006D000000CsaT4IAJ' } },
      ],
      reference: `${DOCS}/dome_get_field_values.htm`,
      requires: api,
    },
    {
      ActionId: 'UpdateRecord',
      Name: 'Update record',
      Description:
        'Changes fields of a record by id (only the fields given). Returns Updated: true; validation rules may refuse the change with a 400 naming the field.',
      InputSchema: { type: 'object', required: ['SObject', 'RecordId', 'Fields'], properties: { SObject: sObject, RecordId: recordId, Fields: fieldValues } },
      request: { method: 'PATCH', path: `${V}/sobjects/{SObject}/{RecordId}`, body: { encoding: 'json', value: '$.Fields' } },
      output: { value: { Updated: true } },
      idempotent: false,
      Examples: [
        {
          Title: 'Move an opportunity to the next stage',
          Input: { SObject: 'Opportunity', RecordId: '006D000000CsaT4IAJ', Fields: { StageName: 'Negotiation/Review' } },
        },
        { Title: 'Close a case', Input: { SObject: 'Case', RecordId: '500D000000Bx6nFIAR', Fields: { Status: 'Closed' } } },
      ],
      reference: `${DOCS}/dome_update_fields.htm`,
      requires: api,
    },
    {
      ActionId: 'Query',
      Name: 'Query (SOQL)',
      Description:
        'Runs a SOQL query and returns TotalSize, Records (up to 2000 per batch) and Done. When Done is false, pass NextToken alone to get the next batch (the query locator; it expires after about 15 minutes of inactivity). Deleted and archived records are left out; QueryAll includes them.',
      InputSchema: {
        type: 'object',
        anyOf: [{ required: ['Soql'] }, { required: ['NextToken'] }],
        properties: { Soql: soql, NextToken: queryLocator },
      },
      request: [
        { when: '$.NextToken', method: 'GET', path: `${V}/query/{NextToken}` },
        { method: 'GET', path: `${V}/query`, query: { q: '$.Soql' } },
      ],
      output: { value: queryOut },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        { Title: 'Energy accounts', Input: { Soql: "SELECT Id, Name FROM Account WHERE Industry = 'Energy' ORDER BY Name" } },
        {
          Title: 'My open opportunities closing this quarter',
          Input: {
            Soql: "SELECT Id, Name, Amount, CloseDate FROM Opportunity WHERE IsClosed = false AND CloseDate = THIS_QUARTER AND OwnerId = '005D0000001AbCdIAK'",
          },
        },
      ],
      reference: `${DOCS}/dome_query.htm`,
      requires: api,
    },
    {
      ActionId: 'DeleteRecord',
      Name: 'Delete record',
      Description:
        'Deletes a record by id (it goes to the Recycle Bin for 15 days). Returns Deleted: true; a record already deleted or not visible fails with 404, one the user may not delete with 403 or 400 (e.g. ENTITY_IS_LOCKED).',
      InputSchema: { type: 'object', required: ['SObject', 'RecordId'], properties: { SObject: sObject, RecordId: recordId } },
      request: { method: 'DELETE', path: `${V}/sobjects/{SObject}/{RecordId}` },
      output: { value: { Deleted: true } },
      idempotent: true,
      Examples: [{ Title: 'Delete a duplicate contact', Input: { SObject: 'Contact', RecordId: '003D000000QOoAnIAL' } }],
      reference: `${DOCS}/dome_delete_record.htm`,
      requires: api,
    },
    {
      ActionId: 'UpsertRecord',
      Name: 'Upsert record by external id',
      Description:
        'Creates or updates the record whose external id field (a field marked External ID, e.g. ERP_Id__c) has the given value: it is created if none has it, updated if one does. Returns its Id and Created (true when new). Several records with that value fail with 300 Multiple Choices. Fields must not repeat the external id field.',
      InputSchema: {
        type: 'object',
        required: ['SObject', 'ExternalIdField', 'ExternalId', 'Fields'],
        properties: {
          SObject: sObject,
          ExternalIdField: { ...fieldName, description: "The external id field's API name, e.g. 'ERP_Id__c'." },
          ExternalId: externalId,
          Fields: fieldValues,
        },
      },
      request: { method: 'PATCH', path: `${V}/sobjects/{SObject}/{ExternalIdField}/{ExternalId}`, body: { encoding: 'json', value: '$.Fields' } },
      output: { value: { ...saveOut, Created: '$.Body.created' } },
      idempotent: false,
      Examples: [
        {
          Title: 'Sync an account from the ERP',
          Input: { SObject: 'Account', ExternalIdField: 'ERP_Id__c', ExternalId: 'C-10042', Fields: { Name: 'Acme', Phone: '+1 415 555 0100' } },
        },
      ],
      reference: `${DOCS}/dome_upsert.htm`,
      requires: api,
    },
    {
      ActionId: 'Search',
      Name: 'Search (SOSL)',
      Description:
        'Runs a SOSL search across objects, e.g. FIND {Acme*} IN NAME FIELDS RETURNING Account(Id, Name), Contact(Id, Name, Email) LIMIT 20. Returns SearchRecords, each with attributes.type naming its object. Use it to find records by text when the object is not known; Query (SOQL) for exact filters. Text in braces must escape reserved characters (? & | ! { } [ ] ( ) ^ ~ * : \\ " \' + -) with a backslash.',
      InputSchema: {
        type: 'object',
        required: ['Sosl'],
        properties: {
          Sosl: { type: 'string', minLength: 6, maxLength: 10000, pattern: '^\\s*[Ff][Ii][Nn][Dd]\\s', description: 'A SOSL statement starting with FIND.' },
        },
      },
      request: { method: 'GET', path: `${V}/search`, query: { q: '$.Sosl' } },
      output: { value: { SearchRecords: '$.Body.searchRecords' } },
      idempotent: true,
      Examples: [
        {
          Title: 'Accounts and contacts named Acme',
          Input: { Sosl: 'FIND {Acme*} IN NAME FIELDS RETURNING Account(Id, Name), Contact(Id, Name, Email) LIMIT 20' },
        },
        { Title: 'Anyone with this email', Input: { Sosl: 'FIND {jdoe@example.com} IN EMAIL FIELDS RETURNING Contact(Id, Name), Lead(Id, Name, Company)' } },
      ],
      reference: `${DOCS}/resources_search.htm`,
      requires: api,
    },
    {
      ActionId: 'DescribeSObject',
      Name: 'Describe object',
      Description:
        "Returns an sObject type's metadata: its label, key prefix and permissions (createable, updateable…), every field (API name, label, type, length, whether required on create — Nillable false and Createable true without default —, picklist values, what a reference points to), its record types and child relationships. Use it before creating or querying records of an unfamiliar object.",
      InputSchema: { type: 'object', required: ['SObject'], properties: { SObject: sObject } },
      request: { method: 'GET', path: `${V}/sobjects/{SObject}/describe` },
      output: {
        value: {
          Name: '$.Body.name',
          Label: '$.Body.label',
          LabelPlural: '$.Body.labelPlural',
          KeyPrefix: '$.Body.keyPrefix',
          Custom: '$.Body.custom',
          Createable: '$.Body.createable',
          Updateable: '$.Body.updateable',
          Deletable: '$.Body.deletable',
          Queryable: '$.Body.queryable',
          Searchable: '$.Body.searchable',
          Fields: {
            $each: '$.Body.fields',
            $as: {
              Name: '@.name',
              Label: '@.label',
              Type: '@.type',
              Length: '@.length',
              Nillable: '@.nillable',
              Createable: '@.createable',
              Updateable: '@.updateable',
              DefaultedOnCreate: '@.defaultedOnCreate',
              Unique: '@.unique',
              ExternalId: '@.externalId',
              ReferenceTo: '@.referenceTo',
              RelationshipName: '@.relationshipName',
              PicklistValues: { $each: '@.picklistValues', $as: { Value: '@.value', Label: '@.label', Active: '@.active', DefaultValue: '@.defaultValue' } },
            },
          },
          RecordTypes: {
            $each: '$.Body.recordTypeInfos',
            $as: { Id: '@.recordTypeId', Name: '@.name', DeveloperName: '@.developerName', Available: '@.available', Default: '@.defaultRecordTypeMapping' },
          },
          ChildRelationships: {
            $each: '$.Body.childRelationships',
            $as: { ChildSObject: '@.childSObject', Field: '@.field', RelationshipName: '@.relationshipName' },
          },
        },
      },
      idempotent: true,
      Examples: [
        { Title: 'Fields of Opportunity', Input: { SObject: 'Opportunity' } },
        { Title: 'A custom object', Input: { SObject: 'Invoice__c' } },
      ],
      reference: `${DOCS}/resources_sobject_describe.htm`,
      requires: api,
    },
    {
      ActionId: 'ListSObjects',
      Name: 'List objects',
      Description:
        "Lists the org's sObject types the user can see (describeGlobal): API name, label, whether custom, key prefix (the first 3 characters of its record ids) and whether it can be queried, created, updated, deleted or searched.",
      InputSchema: { type: 'object', properties: {} },
      request: { method: 'GET', path: `${V}/sobjects` },
      output: {
        value: {
          MaxBatchSize: '$.Body.maxBatchSize',
          SObjects: {
            $each: '$.Body.sobjects',
            $as: {
              Name: '@.name',
              Label: '@.label',
              LabelPlural: '@.labelPlural',
              Custom: '@.custom',
              KeyPrefix: '@.keyPrefix',
              Queryable: '@.queryable',
              Createable: '@.createable',
              Updateable: '@.updateable',
              Deletable: '@.deletable',
              Searchable: '@.searchable',
            },
          },
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Every object of the org', Input: {} }],
      reference: `${DOCS}/resources_describeGlobal.htm`,
      requires: api,
    },
    {
      ActionId: 'GetLimits',
      Name: 'Get org limits',
      Description:
        "Returns the org's limits and what remains of each (Max and Remaining): DailyApiRequests, DataStorageMB, FileStorageMB, DailyBulkApiBatches, SingleEmail… Check DailyApiRequests before running many actions.",
      InputSchema: { type: 'object', properties: {} },
      request: { method: 'GET', path: `${V}/limits` },
      output: { value: { DailyApiRequests: '$.Body.DailyApiRequests', Limits: '$.Body' } },
      idempotent: true,
      Examples: [{ Title: 'How many API calls are left today', Input: {} }],
      reference: `${DOCS}/resources_limits.htm`,
      requires: api,
    },
    {
      ActionId: 'ListRecentlyViewed',
      Name: 'List recently viewed records',
      Description:
        "Returns the records the user viewed or referenced most recently, newest first: each one's object type, id and name. Limit caps the count (default 200).",
      InputSchema: { type: 'object', properties: { Limit: { type: 'integer', minimum: 1, maximum: 200 } } },
      request: { method: 'GET', path: `${V}/recent`, query: { limit: '$.Limit' } },
      output: { value: { Records: { $each: '$.Body', $as: { SObject: '@.attributes.type', Id: '@.Id', Name: '@.Name' } } } },
      idempotent: true,
      Examples: [{ Title: 'The last ten records', Input: { Limit: 10 } }],
      reference: `${DOCS}/resources_recent_items.htm`,
      requires: api,
    },
    {
      ActionId: 'CreateTask',
      Name: 'Create task',
      Description:
        "Creates a task (a to-do on the activity timeline) about a contact or lead (WhoId) and/or related to an account, opportunity or case (WhatId), and returns its id. Status and Priority take the org's picklist values ('Not Started', 'Completed'; 'Normal', 'High' by default).",
      InputSchema: {
        type: 'object',
        required: ['Subject'],
        properties: {
          Subject: { type: 'string', minLength: 1, maxLength: 255 },
          ...taskMembers,
          Status: { type: 'string', minLength: 1, maxLength: 40 },
          Priority: { type: 'string', minLength: 1, maxLength: 40 },
        },
      },
      request: { method: 'POST', path: `${V}/sobjects/Task`, body: { encoding: 'json', value: task({ Status: '$.Status', Priority: '$.Priority' }) } },
      output: { value: saveOut },
      idempotent: false,
      Examples: [
        {
          Title: 'Follow up with a contact next week',
          Input: { Subject: 'Send the renewal quote', WhoId: '003D000000QOoAnIAL', ActivityDate: '2025-03-07', Priority: 'High' },
        },
      ],
      reference: `${OBJECTS}/sforce_api_objects_task.htm`,
      requires: api,
    },
    {
      ActionId: 'LogCall',
      Name: 'Log a call',
      Description:
        'Records a call that took place as a completed task of subtype Call (Log a Call), with its notes, direction, duration and result, on a contact or lead (WhoId) and/or a related record (WhatId). Returns the task id.',
      InputSchema: {
        type: 'object',
        properties: {
          Subject: { type: 'string', minLength: 1, maxLength: 255, default: 'Call' },
          ...taskMembers,
          ActivityDate: { ...date, description: 'The day of the call (YYYY-MM-DD); without it the task has no date.' },
          Description: { type: 'string', maxLength: 32000, description: 'Call notes.' },
          CallType: { enum: ['Inbound', 'Outbound', 'Internal'] },
          CallDurationInSeconds: { type: 'integer', minimum: 0, maximum: 86400 },
          CallDisposition: { type: 'string', minLength: 1, maxLength: 255, description: "The call's result, e.g. 'Left voicemail'." },
        },
      },
      request: {
        method: 'POST',
        path: `${V}/sobjects/Task`,
        body: {
          encoding: 'json',
          value: task({
            TaskSubtype: 'Call',
            Status: 'Completed',
            CallType: '$.CallType',
            CallDurationInSeconds: '$.CallDurationInSeconds',
            CallDisposition: '$.CallDisposition',
          }),
        },
      },
      output: { value: saveOut },
      idempotent: false,
      Examples: [
        {
          Title: 'An outbound call to a contact about an opportunity',
          Input: {
            WhoId: '003D000000QOoAnIAL',
            WhatId: '006D000000CsaT4IAJ',
            CallType: 'Outbound',
            CallDurationInSeconds: 540,
            Description: 'Agreed on a 3-year term.',
          },
        },
      ],
      reference: `${OBJECTS}/sforce_api_objects_task.htm`,
      requires: api,
    },
    {
      ActionId: 'GetUserInfo',
      Name: 'Get current user',
      Description:
        'Returns who the connector acts as (OpenID Connect UserInfo): user id, org id, username, name, email, locale, time zone and user type. The token needs an identity scope (id, or one of its synonyms profile/email/openid) besides api.',
      InputSchema: { type: 'object', properties: {} },
      request: { method: 'GET', path: '/services/oauth2/userinfo' },
      output: {
        value: {
          UserId: '$.Body.user_id',
          OrganizationId: '$.Body.organization_id',
          Username: '$.Body.preferred_username',
          Name: '$.Body.name',
          Email: '$.Body.email',
          Locale: '$.Body.locale',
          TimeZone: '$.Body.zoneinfo',
          UserType: '$.Body.user_type',
          Active: '$.Body.active',
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Who am I', Input: {} }],
      reference: 'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_using_userinfo_endpoint.htm&type=5',
      requires: { scopes: ['id'] },
    },
    {
      ActionId: 'Composite',
      Name: 'Composite request',
      Description:
        "Runs up to 25 REST subrequests in one call, in order; a later one can use an earlier one's answer through @{referenceId.field} (create an account, then a contact with AccountId @{newAccount.id}). AllOrNone rolls everything back when one fails. The call succeeds even when subrequests fail: check each response's HttpStatusCode.",
      InputSchema: {
        type: 'object',
        required: ['Requests'],
        properties: {
          AllOrNone: { type: 'boolean' },
          Requests: {
            type: 'array',
            minItems: 1,
            maxItems: 25,
            items: {
              type: 'object',
              required: ['Method', 'Url', 'ReferenceId'],
              properties: {
                Method: { enum: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] },
                Url: {
                  type: 'string',
                  maxLength: 4000,
                  pattern: '^/services/data/v[0-9]{2,3}\\.0/(?!.*\\.\\.)[^\\s#]*$',
                  description: "e.g. '/services/data/v62.0/sobjects/Account'.",
                },
                ReferenceId: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,79}$' },
                Body: { type: 'object' },
              },
            },
          },
        },
      },
      request: {
        method: 'POST',
        path: `${V}/composite`,
        body: {
          encoding: 'json',
          value: {
            allOrNone: '$.AllOrNone',
            compositeRequest: { $each: '$.Requests', $as: { method: '@.Method', url: '@.Url', referenceId: '@.ReferenceId', body: '@.Body' } },
          },
        },
      },
      output: {
        value: {
          Responses: {
            $each: '$.Body.compositeResponse',
            $as: { ReferenceId: '@.referenceId', HttpStatusCode: '@.httpStatusCode', Body: '@.body', Headers: '@.httpHeaders' },
          },
        },
      },
      idempotent: false,
      Examples: [
        {
          Title: 'An account and its first contact',
          Input: {
            AllOrNone: true,
            Requests: [
              { Method: 'POST', Url: '/services/data/v62.0/sobjects/Account', ReferenceId: 'newAccount', Body: { Name: 'Acme' } },
              {
                Method: 'POST',
                Url: '/services/data/v62.0/sobjects/Contact',
                ReferenceId: 'newContact',
                Body: { LastName: 'Doe', AccountId: '@{newAccount.id}' },
              },
            ],
          },
        },
      ],
      reference: `${DOCS}/resources_composite_composite.htm`,
      requires: api,
    },
    {
      ActionId: 'CreateRecords',
      Name: 'Create records (up to 200)',
      Description:
        "Creates up to 200 records of one sObject type in one call (sObject Collections) and returns each one's Id, Success and Errors, in order. AllOrNone makes it all-or-nothing; otherwise the valid ones are created and the others report their errors.",
      InputSchema: {
        type: 'object',
        required: ['SObject', 'Records'],
        properties: {
          SObject: sObject,
          Records: { type: 'array', minItems: 1, maxItems: 200, items: fieldValues },
          AllOrNone: { type: 'boolean' },
        },
      },
      request: {
        method: 'POST',
        path: `${V}/composite/sobjects`,
        body: {
          encoding: 'json',
          value: { allOrNone: '$.AllOrNone', records: { $each: '$.Records', $as: { $merge: [{ attributes: { type: '$.SObject' } }, '@'] } } },
        },
      },
      output: { value: { Results: { $each: '$.Body', $as: { Id: '@.id', Success: '@.success', Errors: '@.errors' } } } },
      idempotent: false,
      Examples: [
        {
          Title: 'Two contacts of one account',
          Input: {
            SObject: 'Contact',
            Records: [
              { LastName: 'Doe', FirstName: 'Jane', AccountId: '001D000000IqhSLIAZ' },
              { LastName: 'Roe', FirstName: 'Rick', AccountId: '001D000000IqhSLIAZ' },
            ],
          },
        },
      ],
      reference: `${DOCS}/resources_composite_sobjects_collections_create.htm`,
      requires: api,
    },
    {
      ActionId: 'QueryAll',
      Name: 'Query including deleted (SOQL)',
      Description:
        'Runs a SOQL query that also returns deleted records still in the Recycle Bin and archived activities (IsDeleted = true), e.g. to restore or audit them. Batches and NextToken as Query.',
      InputSchema: {
        type: 'object',
        anyOf: [{ required: ['Soql'] }, { required: ['NextToken'] }],
        properties: { Soql: soql, NextToken: queryLocator },
      },
      request: [
        { when: '$.NextToken', method: 'GET', path: `${V}/queryAll/{NextToken}` },
        { method: 'GET', path: `${V}/queryAll`, query: { q: '$.Soql' } },
      ],
      output: { value: queryOut },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        { Title: 'Contacts deleted this week', Input: { Soql: 'SELECT Id, Name FROM Contact WHERE IsDeleted = true AND LastModifiedDate = THIS_WEEK' } },
      ],
      reference: `${DOCS}/resources_queryall.htm`,
      requires: api,
    },
    {
      ActionId: 'GetRecordByExternalId',
      Name: 'Get record by external id',
      Description:
        'Returns the record whose external id field (e.g. ERP_Id__c) has the given value: all fields or only Fields. Several records with that value fail with 300 Multiple Choices, none with 404.',
      InputSchema: {
        type: 'object',
        required: ['SObject', 'ExternalIdField', 'ExternalId'],
        properties: {
          SObject: sObject,
          ExternalIdField: { ...fieldName, description: "The external id field's API name, e.g. 'ERP_Id__c'." },
          ExternalId: externalId,
          Fields: fieldList,
        },
      },
      request: { method: 'GET', path: `${V}/sobjects/{SObject}/{ExternalIdField}/{ExternalId}`, query: { fields: { $join: '$.Fields' } } },
      output: { value: { Id: '$.Body.Id', Record: '$.Body' } },
      idempotent: true,
      Examples: [
        {
          Title: 'The account synced from ERP customer C-10042',
          Input: { SObject: 'Account', ExternalIdField: 'ERP_Id__c', ExternalId: 'C-10042', Fields: ['Id', 'Name'] },
        },
      ],
      reference: `${DOCS}/resources_sobject_upsert.htm`,
      requires: api,
    },
  ],
};
