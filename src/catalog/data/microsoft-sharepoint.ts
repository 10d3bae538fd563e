// MICROSOFT_SHAREPOINT: Microsoft Graph v1.0 (SharePoint); shared parts in graph-common.ts.
import type { Catalog } from '../types.js';
import { itemId, listQuery, nextLink, listInput, driveItemsOut } from './graph-common.js';

const siteId = { type: 'string', minLength: 1, maxLength: 1024, description: "A site id ('contoso.sharepoint.com,2C712604-...,2D2244C3-...') or 'root'." };
const listId = { type: 'string', minLength: 1, maxLength: 255, description: 'A list id (GUID) or its display name.' };

export const microsoftSharePoint: Catalog = {
  Type: 'MICROSOFT_SHAREPOINT',
  Api: 'Microsoft Graph v1.0 (SharePoint sites, lists, drives)',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'GetSite',
      Name: 'Get site',
      Description: "Returns a site by id, or by host name and path (HostName 'contoso.sharepoint.com', SitePath 'sites/marketing').",
      InputSchema: {
        type: 'object',
        anyOf: [{ required: ['SiteId'] }, { required: ['HostName', 'SitePath'] }],
        properties: {
          SiteId: siteId,
          HostName: { type: 'string', pattern: '^[A-Za-z0-9.-]+\\.sharepoint(-df)?\\.(com|us|de|cn)$' },
          SitePath: { type: 'string', minLength: 1, maxLength: 1024 },
        },
      },
      request: [
        { when: ['$.HostName', '$.SitePath'], method: 'GET', path: '/sites/{HostName}:/{+SitePath}' },
        { when: '$.SiteId', method: 'GET', path: '/sites/{SiteId}' },
      ],
      output: {
        value: { Id: '$.Body.id', Name: '$.Body.name', DisplayName: '$.Body.displayName', WebUrl: '$.Body.webUrl', Description: '$.Body.description' },
      },
      reference: 'https://learn.microsoft.com/en-us/graph/api/site-get',
      idempotent: true,
    },
    {
      ActionId: 'ListLists',
      Name: 'List lists',
      Description: 'Lists the lists of a site.',
      InputSchema: listInput({ SiteId: siteId }, ['SiteId']),
      request: { method: 'GET', path: '/sites/{SiteId}/lists', query: listQuery({ $$skiptoken: '$.NextToken' }) },
      output: {
        value: {
          Lists: { $each: '$.Body.value', $as: { Id: '@.id', Name: '@.name', DisplayName: '@.displayName', WebUrl: '@.webUrl', Template: '@.list.template' } },
          NextToken: nextLink('$skiptoken'),
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      reference: 'https://learn.microsoft.com/en-us/graph/api/list-list',
      idempotent: true,
    },
    {
      ActionId: 'ListListItems',
      Name: 'List list items',
      Description: "Lists the items of a list with their field values (Filter on fields needs the 'fields/' prefix, e.g. fields/Status eq 'Open').",
      InputSchema: listInput({ SiteId: siteId, ListId: listId }, ['SiteId', 'ListId']),
      request: {
        method: 'GET',
        path: '/sites/{SiteId}/lists/{ListId}/items',
        query: { expand: 'fields', $$top: '$.Top', $$filter: '$.Filter', $$orderby: '$.OrderBy', $$skiptoken: '$.NextToken' },
        headers: { $if: '$.Filter', $then: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } },
      },
      output: {
        value: {
          Items: { $each: '$.Body.value', $as: { Id: '@.id', WebUrl: '@.webUrl', Fields: '@.fields', LastModifiedDateTime: '@.lastModifiedDateTime' } },
          NextToken: nextLink('$skiptoken'),
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      reference: 'https://learn.microsoft.com/en-us/graph/api/listitem-list',
      idempotent: true,
    },
    {
      ActionId: 'CreateListItem',
      Name: 'Create list item',
      Description: 'Adds an item to a list; Fields are the list\'s columns by internal name, e.g. {"Title": "Widget", "Color": "Red"}.',
      InputSchema: {
        type: 'object',
        required: ['SiteId', 'ListId', 'Fields'],
        properties: { SiteId: siteId, ListId: listId, Fields: { type: 'object', minProperties: 1 } },
      },
      request: { method: 'POST', path: '/sites/{SiteId}/lists/{ListId}/items', body: { encoding: 'json', value: { fields: '$.Fields' } } },
      output: { value: { Id: '$.Body.id', WebUrl: '$.Body.webUrl', Fields: '$.Body.fields' } },
      reference: 'https://learn.microsoft.com/en-us/graph/api/listitem-create',
      idempotent: false,
    },
    {
      ActionId: 'ListDriveItems',
      Name: 'List document library',
      Description: "Lists the files and folders of the site's default document library (a folder of it with ItemId).",
      InputSchema: listInput({ SiteId: siteId, ItemId: itemId }, ['SiteId']),
      request: { method: 'GET', path: '/sites/{SiteId}/drive/items/{ItemId}/children', query: listQuery({ $$skiptoken: '$.NextToken' }) },
      output: { value: { Items: driveItemsOut('$.Body.value'), NextToken: nextLink('$skiptoken') } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      reference: 'https://learn.microsoft.com/en-us/graph/api/driveitem-list-children',
      idempotent: true,
    },
  ],
};
