// MICROSOFT_SHAREPOINT: Microsoft Graph v1.0 (SharePoint); shared parts in graph-common.ts.
//
// `requires.scopes`: the least-privileged Graph permission; Sites.Read.All and
// Sites.ReadWrite.All are the same name for delegated and application connectors
// (Sites.Selected also works for application connectors granted the site, except for
// drive search).
import type { Catalog, Template } from '../types.js';
import {
  itemId,
  listQuery,
  nextLink,
  listInput,
  driveItemsOut,
  driveItemOut,
  graphRef,
  id,
  itemPath,
  childItemId,
  DOWNLOAD_MAX,
  downloadOut,
  top,
  select,
  token,
} from './graph-common.js';

const siteId = { type: 'string', minLength: 1, maxLength: 1024, description: "A site id ('contoso.sharepoint.com,2C712604-...,2D2244C3-...') or 'root'." };
const listId = { type: 'string', minLength: 1, maxLength: 255, description: 'A list id (GUID) or its display name.' };
const listItemId = { type: 'string', pattern: '^[1-9][0-9]{0,9}$', description: "A list item's id (an integer, e.g. '12')." };
const driveId = { ...id, description: "A document library's drive id ('b!...'), from ListSiteDrives." };
const fields = {
  type: 'object',
  minProperties: 1,
  maxProperties: 200,
  description: 'Column values by internal column name (ListColumns gives the names), e.g. {"Title": "Widget", "Color": "Red"}.',
};
const READ = { scopes: ['Sites.Read.All'] };
const WRITE = { scopes: ['Sites.ReadWrite.All'] };
const SITE = 'contoso.sharepoint.com,2C712604-1370-44E7-A1F5-426573FDA80A,2D2244C3-251A-49EA-93A8-39E1C3A060FE';
const LIST = 'b57af081-936c-4803-a120-d94887b03864';
const DRIVE = 'b!-RIj2DuyvEyV1T4NlOaMHk8XkS_I8MdFlUCq1BlcjgmhRfAj3-Z8RY2VpuvV_tpd';

/** A site as actions answer it. */
const siteOut = (at: '$.Body' | '@'): Template => {
  const p = (path: string) => (at === '@' ? `@.${path}` : `$.Body.${path}`);
  return {
    Id: p('id'),
    Name: p('name'),
    DisplayName: p('displayName'),
    WebUrl: p('webUrl'),
    Description: p('description'),
    LastModifiedDateTime: p('lastModifiedDateTime'),
  };
};

/** A list as actions answer it. */
const listOut = (at: '$.Body' | '@'): Template => {
  const p = (path: string) => (at === '@' ? `@.${path}` : `$.Body.${path}`);
  return {
    Id: p('id'),
    Name: p('name'),
    DisplayName: p('displayName'),
    Description: p('description'),
    WebUrl: p('webUrl'),
    Template: p('list.template'),
    Hidden: p('list.hidden'),
    CreatedDateTime: p('createdDateTime'),
    LastModifiedDateTime: p('lastModifiedDateTime'),
  };
};

/** A column's type: the name of the facet its definition carries (text, choice, number, ...). */
const COLUMN_TYPES = [
  'text',
  'choice',
  'number',
  'currency',
  'dateTime',
  'boolean',
  'lookup',
  'personOrGroup',
  'hyperlinkOrPicture',
  'calculated',
  'term',
  'geolocation',
  'thumbnail',
  'contentApprovalStatus',
];
/** Whether Graph has more: its next link is there (whatever parameter it pages with). */
const hasMore: Template = { $if: "$.Body['@odata.nextLink']", $then: true, $else: false };
const columnType = (i = 0): Template =>
  i === COLUMN_TYPES.length ? { $literal: 'other' } : { $if: `@.${COLUMN_TYPES[i]}`, $then: { $literal: COLUMN_TYPES[i]! }, $else: columnType(i + 1) };

export const microsoftSharePoint: Catalog = {
  Type: 'MICROSOFT_SHAREPOINT',
  Api: 'Microsoft Graph v1.0 (SharePoint sites, lists, drives)',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'GetSite',
      Name: 'Get site',
      Description:
        "Returns a SharePoint site by id, or by host name and path (HostName 'contoso.sharepoint.com', SitePath 'sites/marketing'): Id (the SiteId other actions take), Name, DisplayName, WebUrl, Description. SiteId 'root' is the tenant's root site.",
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
      idempotent: true,
      Examples: [
        { Title: 'Get a site by its URL path', Input: { HostName: 'contoso.sharepoint.com', SitePath: 'sites/marketing' } },
        { Title: "Get the tenant's root site", Input: { SiteId: 'root' } },
      ],
      reference: graphRef('site-getbypath'),
      requires: READ,
    },
    {
      ActionId: 'ListLists',
      Name: 'List lists',
      Description:
        "Lists the lists and document libraries of a site: Id (the ListId other actions take), Name, DisplayName, WebUrl, Template ('genericList', 'documentLibrary', 'issueTracking', ...). Pages with NextToken.",
      InputSchema: listInput({ SiteId: siteId }, ['SiteId']),
      request: { method: 'GET', path: '/sites/{SiteId}/lists', query: listQuery({ $$skiptoken: '$.NextToken' }) },
      output: {
        value: {
          Lists: { $each: '$.Body.value', $as: { Id: '@.id', Name: '@.name', DisplayName: '@.displayName', WebUrl: '@.webUrl', Template: '@.list.template' } },
          NextToken: nextLink('$skiptoken'),
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [{ Title: 'The lists of the root site', Input: { SiteId: 'root' } }],
      reference: graphRef('list-list'),
      requires: READ,
    },
    {
      ActionId: 'ListListItems',
      Name: 'List list items',
      Description:
        'Lists the items of a list with their field values, a page at a time (pass NextToken for the next). Select names the columns (internal names, e.g. Title, Status) to return in Fields; ' +
        "Filter and OrderBy on columns need the 'fields/' prefix, e.g. fields/Status eq 'Open' (filtering on a column that is not indexed may fail on large lists).",
      InputSchema: listInput({ SiteId: siteId, ListId: listId }, ['SiteId', 'ListId']),
      request: {
        method: 'GET',
        path: '/sites/{SiteId}/lists/{ListId}/items',
        query: {
          // A list item's columns are in its `fields`: Select narrows those ($expand=fields($select=...)), not the item.
          $$expand: { $if: '$.Select', $then: { $concat: ['fields($select=', { $join: '$.Select' }, ')'] }, $else: 'fields' },
          $$top: '$.Top',
          $$filter: '$.Filter',
          $$orderby: '$.OrderBy',
          $$skiptoken: '$.NextToken',
        },
        headers: { $if: '$.Filter', $then: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } },
      },
      output: {
        value: {
          Items: { $each: '$.Body.value', $as: { Id: '@.id', WebUrl: '@.webUrl', Fields: '@.fields', LastModifiedDateTime: '@.lastModifiedDateTime' } },
          NextToken: nextLink('$skiptoken'),
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      reference: 'https://learn.microsoft.com/en-us/graph/api/listitem-list',
      requires: { scopes: ['Sites.Read.All'] },
      Examples: [
        {
          Title: 'Open issues of the Issues list, title and status only',
          Input: { SiteId: 'root', ListId: 'Issues', Filter: "fields/Status eq 'Open'", Select: ['Title', 'Status'], Top: 50 },
        },
      ],
    },
    {
      ActionId: 'CreateListItem',
      Name: 'Create list item',
      Description:
        'Adds an item to a list and returns it (Id, WebUrl, Fields). Fields are column values by internal name, e.g. {"Title": "Widget", "Color": "Red"}; ListColumns gives the names and types. Person and lookup columns take ids ("AssignedToLookupId": "12").',
      InputSchema: {
        type: 'object',
        required: ['SiteId', 'ListId', 'Fields'],
        properties: { SiteId: siteId, ListId: listId, Fields: { type: 'object', minProperties: 1 } },
      },
      request: { method: 'POST', path: '/sites/{SiteId}/lists/{ListId}/items', body: { encoding: 'json', value: { fields: '$.Fields' } } },
      output: { value: { Id: '$.Body.id', WebUrl: '$.Body.webUrl', Fields: '$.Body.fields' } },
      idempotent: false,
      Examples: [
        { Title: 'Add an item to the Issues list', Input: { SiteId: 'root', ListId: 'Issues', Fields: { Title: 'Printer on floor 3 jams', Status: 'Open' } } },
      ],
      reference: graphRef('listitem-create'),
      requires: WRITE,
    },
    {
      ActionId: 'ListDriveItems',
      Name: 'List document library',
      Description:
        "Lists the files and folders of the site's default document library (Shared Documents), or of a folder of it with ItemId: Id, Name, Size, WebUrl, IsFolder. For another library use ListSiteDrives then ListLibraryItems. Pages with NextToken.",
      InputSchema: listInput({ SiteId: siteId, ItemId: itemId }, ['SiteId']),
      request: { method: 'GET', path: '/sites/{SiteId}/drive/items/{ItemId}/children', query: listQuery({ $$skiptoken: '$.NextToken' }) },
      output: { value: { Items: driveItemsOut('$.Body.value'), NextToken: nextLink('$skiptoken') } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [{ Title: "The top folder of a site's documents", Input: { SiteId: 'root' } }],
      reference: graphRef('driveitem-list-children'),
      requires: READ,
    },
    // ── issue 16 ──
    {
      ActionId: 'SearchSites',
      Name: 'Search sites',
      Description:
        "Finds SharePoint sites whose name or description match Query ('marketing'): Id (the SiteId other actions take), Name, DisplayName, WebUrl, Description. Only sites the user (or the app) can read. Pages with NextToken (HasMore says whether there are more).",
      InputSchema: { type: 'object', required: ['Query'], properties: { Query: { type: 'string', minLength: 1, maxLength: 1024 }, NextToken: token } },
      request: { method: 'GET', path: '/sites', query: { search: '$.Query', $$skiptoken: '$.NextToken' } },
      output: { value: { Sites: { $each: '$.Body.value', $as: siteOut('@') }, HasMore: hasMore, NextToken: nextLink('$skiptoken') } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [{ Title: 'Find the marketing sites', Input: { Query: 'marketing' } }],
      reference: graphRef('site-search'),
      requires: READ,
    },
    {
      ActionId: 'GetList',
      Name: 'Get list',
      Description:
        "Returns one list of a site by id or display name: Id, Name, DisplayName, Description, WebUrl, Template ('genericList', 'documentLibrary', ...), Hidden, created and modified times. ListColumns gives its columns.",
      InputSchema: { type: 'object', required: ['SiteId', 'ListId'], properties: { SiteId: siteId, ListId: listId } },
      request: { method: 'GET', path: '/sites/{SiteId}/lists/{ListId}' },
      output: { value: listOut('$.Body') },
      idempotent: true,
      Examples: [{ Title: 'Get the Issues list', Input: { SiteId: 'root', ListId: 'Issues' } }],
      reference: graphRef('list-get'),
      requires: READ,
    },
    {
      ActionId: 'ListColumns',
      Name: 'List columns',
      Description:
        'Lists the columns of a list: Name (the internal name Fields use in CreateListItem, UpdateListItem and Filter), DisplayName, Type (text, choice, number, dateTime, boolean, lookup, personOrGroup, ...), Required, ReadOnly, Hidden, Indexed (only indexed columns filter reliably on large lists) and Choices for choice columns.',
      InputSchema: { type: 'object', required: ['SiteId', 'ListId'], properties: { SiteId: siteId, ListId: listId, Select: select } },
      request: { method: 'GET', path: '/sites/{SiteId}/lists/{ListId}/columns', query: { $$select: { $join: '$.Select' } } },
      output: {
        value: {
          Columns: {
            $each: '$.Body.value',
            $as: {
              Id: '@.id',
              Name: '@.name',
              DisplayName: '@.displayName',
              Description: '@.description',
              Type: columnType(),
              Required: '@.required',
              ReadOnly: '@.readOnly',
              Hidden: '@.hidden',
              Indexed: '@.indexed',
              Choices: '@.choice.choices',
            },
          },
        },
      },
      idempotent: true,
      Examples: [{ Title: 'The columns of the Issues list', Input: { SiteId: 'root', ListId: 'Issues' } }],
      reference: graphRef('list-list-columns'),
      requires: READ,
    },
    {
      ActionId: 'GetListItem',
      Name: 'Get list item',
      Description:
        'Returns one list item by id with its column values: Id, WebUrl, Fields (by internal column name; only SelectFields when given), CreatedBy, LastModifiedBy and their times.',
      InputSchema: {
        type: 'object',
        required: ['SiteId', 'ListId', 'ItemId'],
        properties: {
          SiteId: siteId,
          ListId: listId,
          ItemId: listItemId,
          SelectFields: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$', maxLength: 255 }, minItems: 1, maxItems: 100 },
        },
      },
      request: {
        method: 'GET',
        path: '/sites/{SiteId}/lists/{ListId}/items/{ItemId}',
        query: { expand: { $coalesce: [{ $concat: ['fields(select=', { $join: '$.SelectFields' }, ')'] }, 'fields'] } },
      },
      output: {
        value: {
          Id: '$.Body.id',
          WebUrl: '$.Body.webUrl',
          Fields: '$.Body.fields',
          CreatedBy: '$.Body.createdBy.user.displayName',
          CreatedDateTime: '$.Body.createdDateTime',
          LastModifiedBy: '$.Body.lastModifiedBy.user.displayName',
          LastModifiedDateTime: '$.Body.lastModifiedDateTime',
        },
      },
      idempotent: true,
      Examples: [
        { Title: 'Get item 12 of the Issues list', Input: { SiteId: 'root', ListId: 'Issues', ItemId: '12' } },
        { Title: 'Only two columns of an item', Input: { SiteId: SITE, ListId: LIST, ItemId: '12', SelectFields: ['Title', 'Status'] } },
      ],
      reference: graphRef('listitem-get'),
      requires: READ,
    },
    {
      ActionId: 'UpdateListItem',
      Name: 'Update list item',
      Description:
        'Sets column values of a list item (only the columns named in Fields change) and returns all of its Fields after the update. Fields use internal column names (ListColumns); a person or lookup column takes an id under "<Name>LookupId".',
      InputSchema: {
        type: 'object',
        required: ['SiteId', 'ListId', 'ItemId', 'Fields'],
        properties: { SiteId: siteId, ListId: listId, ItemId: listItemId, Fields: fields },
      },
      request: { method: 'PATCH', path: '/sites/{SiteId}/lists/{ListId}/items/{ItemId}/fields', body: { encoding: 'json', value: '$.Fields' } },
      output: { value: { Fields: '$.Body' } },
      idempotent: false,
      Examples: [{ Title: 'Close an issue', Input: { SiteId: 'root', ListId: 'Issues', ItemId: '12', Fields: { Status: 'Closed' } } }],
      reference: graphRef('listitem-update'),
      requires: WRITE,
    },
    {
      ActionId: 'DeleteListItem',
      Name: 'Delete list item',
      Description: "Deletes a list item (it goes to the site's recycle bin). Answers 204 with no content; a missing item is FAILED with 404.",
      InputSchema: { type: 'object', required: ['SiteId', 'ListId', 'ItemId'], properties: { SiteId: siteId, ListId: listId, ItemId: listItemId } },
      request: { method: 'DELETE', path: '/sites/{SiteId}/lists/{ListId}/items/{ItemId}' },
      output: { value: { Deleted: true } },
      idempotent: true,
      Examples: [{ Title: 'Delete item 12 of the Issues list', Input: { SiteId: 'root', ListId: 'Issues', ItemId: '12' } }],
      reference: graphRef('listitem-delete'),
      requires: WRITE,
    },
    {
      ActionId: 'ListSiteDrives',
      Name: 'List document libraries',
      Description:
        "Lists the document libraries of a site: Id (the DriveId that ListLibraryItems, GetLibraryItemByPath, DownloadLibraryFile and SearchLibrary take), Name ('Documents', ...), Description, DriveType, WebUrl. Pages with NextToken.",
      InputSchema: {
        type: 'object',
        required: ['SiteId'],
        properties: { SiteId: siteId, Top: top, Select: select, OrderBy: { type: 'string', minLength: 1, maxLength: 4096 }, NextToken: token },
      },
      request: {
        method: 'GET',
        path: '/sites/{SiteId}/drives',
        query: { $$top: '$.Top', $$select: { $join: '$.Select' }, $$orderby: '$.OrderBy', $$skiptoken: '$.NextToken' },
      },
      output: {
        value: {
          Drives: {
            $each: '$.Body.value',
            $as: {
              Id: '@.id',
              Name: '@.name',
              Description: '@.description',
              DriveType: '@.driveType',
              WebUrl: '@.webUrl',
              CreatedDateTime: '@.createdDateTime',
              LastModifiedDateTime: '@.lastModifiedDateTime',
            },
          },
          NextToken: nextLink('$skiptoken'),
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [{ Title: 'The document libraries of a site', Input: { SiteId: SITE } }],
      reference: graphRef('drive-list'),
      requires: READ,
    },
    {
      ActionId: 'ListLibraryItems',
      Name: 'List library folder',
      Description:
        'Lists the files and folders of a document library (DriveId from ListSiteDrives) at its top or in a folder (ItemId): Id, Name, Size, WebUrl, LastModifiedDateTime, IsFolder. Pages with NextToken.',
      InputSchema: listInput({ DriveId: driveId, ItemId: itemId }, ['DriveId']),
      request: { method: 'GET', path: '/drives/{DriveId}/items/{ItemId}/children', query: listQuery({ $$skiptoken: '$.NextToken' }) },
      output: { value: { Items: driveItemsOut('$.Body.value'), NextToken: nextLink('$skiptoken') } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        { Title: 'The top of a library', Input: { DriveId: DRIVE } },
        {
          Title: 'A folder of a library, newest first',
          Input: { DriveId: DRIVE, ItemId: '01BYE5RZ4CPC5XBOUZ3FBKF5RF5RLGHJNQ', OrderBy: 'lastModifiedDateTime desc' },
        },
      ],
      reference: graphRef('driveitem-list-children'),
      requires: READ,
    },
    {
      ActionId: 'GetLibraryItemByPath',
      Name: 'Get library item by path',
      Description:
        "Returns a file or folder of a document library by its path below the library's top ('Contracts/2025/Acme.docx'): Id, Name, Size, WebUrl, IsFolder, MimeType and, for files, a DownloadUrl valid about an hour without credentials. A missing path is FAILED with 404.",
      InputSchema: { type: 'object', required: ['DriveId', 'ItemPath'], properties: { DriveId: driveId, ItemPath: itemPath } },
      request: { method: 'GET', path: '/drives/{DriveId}/root:/{+ItemPath}' },
      output: { value: driveItemOut },
      idempotent: true,
      Examples: [{ Title: 'Find a contract by path', Input: { DriveId: DRIVE, ItemPath: 'Contracts/2025/Acme.docx' } }],
      reference: graphRef('driveitem-get'),
      requires: READ,
    },
    {
      ActionId: 'DownloadLibraryFile',
      Name: 'Download library file',
      Description: `Returns the content of a file in a document library as base64 (Content, ContentType, Size). Graph redirects to a pre-authenticated URL on the SharePoint host; it is followed without the connector's token. Format 'pdf' converts Office documents. Meant for files up to ${DOWNLOAD_MAX} bytes (larger ones make a result too big for an agent, and beyond the server's response limit fail): use GetLibraryItemByPath's DownloadUrl for those.`,
      InputSchema: {
        type: 'object',
        required: ['DriveId', 'ItemId'],
        properties: {
          DriveId: driveId,
          ItemId: childItemId,
          Format: { enum: ['pdf', 'html'], description: "Convert before download: 'pdf' (Word, Excel, PowerPoint, ...), 'html' (Loop, Fluid and wiki files)." },
        },
      },
      request: { method: 'GET', path: '/drives/{DriveId}/items/{ItemId}/content', query: { format: '$.Format' }, headers: { accept: '*/*' } },
      output: { value: downloadOut },
      binary: { maxBytes: DOWNLOAD_MAX, output: true },
      idempotent: true,
      Examples: [
        { Title: 'Download a file', Input: { DriveId: DRIVE, ItemId: '01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K' } },
        { Title: 'Download a contract as PDF', Input: { DriveId: DRIVE, ItemId: '01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K', Format: 'pdf' } },
      ],
      reference: graphRef('driveitem-get-content'),
      requires: READ,
    },
    {
      ActionId: 'SearchLibrary',
      Name: 'Search library',
      Description:
        'Finds files and folders in a document library whose name, metadata or content match Query: Id, Name, Size, WebUrl, IsFolder. Pages with NextToken.',
      InputSchema: {
        type: 'object',
        required: ['DriveId', 'Query'],
        properties: { DriveId: driveId, Query: { type: 'string', minLength: 1, maxLength: 1024 }, Top: top, Select: select, NextToken: token },
      },
      request: {
        method: 'GET',
        path: "/drives/{DriveId}/root/search(q='{Query|odata}')",
        query: { $$top: '$.Top', $$select: { $join: '$.Select' }, $$skiptoken: '$.NextToken' },
      },
      output: { value: { Items: driveItemsOut('$.Body.value'), NextToken: nextLink('$skiptoken') } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [{ Title: 'Find contracts mentioning Acme', Input: { DriveId: DRIVE, Query: 'Acme contract' } }],
      reference: graphRef('driveitem-search'),
      requires: READ,
    },
    {
      ActionId: 'ListSubsites',
      Name: 'List subsites',
      Description: 'Lists the subsites of a site: Id, Name, DisplayName, WebUrl, Description. Pages with NextToken (HasMore says whether there are more).',
      InputSchema: { type: 'object', required: ['SiteId'], properties: { SiteId: siteId, NextToken: token } },
      request: { method: 'GET', path: '/sites/{SiteId}/sites', query: { $$skiptoken: '$.NextToken' } },
      output: { value: { Sites: { $each: '$.Body.value', $as: siteOut('@') }, HasMore: hasMore, NextToken: nextLink('$skiptoken') } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [{ Title: 'The subsites of a site', Input: { SiteId: SITE } }],
      reference: graphRef('site-list-subsites'),
      requires: READ,
    },
    {
      ActionId: 'ListPages',
      Name: 'List site pages',
      Description:
        "Lists the modern pages of a site (news posts and articles): Id, Name ('Home.aspx'), Title, WebUrl, PageLayout (article, home, ...), PublishingState (checkout, published, ...), and who last changed it when. HasMore says whether there are more: continue with NextToken when given, else with Skip (the number of pages already read).",
      InputSchema: listInput({ SiteId: siteId, Skip: { type: 'integer', minimum: 0, maximum: 100000 } }, ['SiteId']),
      request: {
        method: 'GET',
        path: '/sites/{SiteId}/pages/microsoft.graph.sitePage',
        query: listQuery({ $$skip: '$.Skip', $$skiptoken: '$.NextToken' }),
      },
      output: {
        value: {
          Pages: {
            $each: '$.Body.value',
            $as: {
              Id: '@.id',
              Name: '@.name',
              Title: '@.title',
              WebUrl: '@.webUrl',
              PageLayout: '@.pageLayout',
              PublishingState: '@.publishingState.level',
              LastModifiedBy: '@.lastModifiedBy.user.displayName',
              LastModifiedDateTime: '@.lastModifiedDateTime',
            },
          },
          HasMore: hasMore,
          NextToken: nextLink('$skiptoken'),
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        { Title: 'The pages of a site', Input: { SiteId: SITE } },
        { Title: 'Recently changed pages', Input: { SiteId: SITE, OrderBy: 'lastModifiedDateTime desc', Top: 10 } },
      ],
      reference: graphRef('sitepage-list'),
      requires: READ,
    },
    {
      ActionId: 'SearchContent',
      Name: 'Search OneDrive and SharePoint',
      Description:
        "Searches everything the user can see in SharePoint and OneDrive (files, list items, lists, sites, libraries) with the Microsoft Search index, using KQL in Query ('budget filetype:xlsx', 'author:\"Megan Bowen\"'). Returns Total, MoreResultsAvailable and Hits (Type, Id, Name, WebUrl, Summary, DriveId, SiteId, LastModifiedDateTime); page with From and Size. Application (client-credentials) connectors must give Region (the tenant's data location, e.g. NAM).",
      InputSchema: {
        type: 'object',
        required: ['Query'],
        properties: {
          Query: { type: 'string', minLength: 1, maxLength: 4096 },
          EntityTypes: {
            type: 'array',
            items: { enum: ['driveItem', 'listItem', 'list', 'site', 'drive'] },
            minItems: 1,
            maxItems: 5,
            uniqueItems: true,
            default: ['driveItem'],
          },
          From: { type: 'integer', minimum: 0, maximum: 100000, description: 'The 0-based index of the first hit (paging).' },
          Size: { type: 'integer', minimum: 1, maximum: 500, description: 'Hits per page (Graph: default 25, at most 500).' },
          Region: { type: 'string', pattern: '^[A-Z]{3}$', description: "Application connectors only: the tenant's region (NAM, EUR, GBR, ...)." },
        },
      },
      request: {
        method: 'POST',
        path: '/search/query',
        body: {
          encoding: 'json',
          value: { requests: [{ entityTypes: '$.EntityTypes', query: { queryString: '$.Query' }, from: '$.From', size: '$.Size', region: '$.Region' }] },
        },
      },
      output: {
        value: {
          Total: '$.Body.value[0].hitsContainers[0].total',
          MoreResultsAvailable: '$.Body.value[0].hitsContainers[0].moreResultsAvailable',
          Hits: {
            $each: '$.Body.value[0].hitsContainers[0].hits',
            $as: {
              Type: "@.resource['@odata.type']",
              Id: '@.resource.id',
              Name: { $coalesce: ['@.resource.name', '@.resource.displayName'] },
              WebUrl: '@.resource.webUrl',
              Summary: '@.summary',
              DriveId: '@.resource.parentReference.driveId',
              SiteId: '@.resource.parentReference.siteId',
              LastModifiedDateTime: '@.resource.lastModifiedDateTime',
            },
          },
        },
      },
      idempotent: true,
      Examples: [
        { Title: 'Find spreadsheets about the budget', Input: { Query: 'budget filetype:xlsx', Size: 10 } },
        {
          Title: 'Find sites and list items (application connector in North America)',
          Input: { Query: 'contoso', EntityTypes: ['site', 'listItem'], Region: 'NAM' },
        },
      ],
      reference: graphRef('search-query'),
      requires: READ,
    },
  ],
};
