// SMARTSHEET: Smartsheet API 2.0 (BaseEndpoint https://api.smartsheet.com/2.0; Smartsheet Gov and
// the EU/AU regions have their own hosts). Checked against Smartsheet's OpenAPI description
// (developers.smartsheet.com/_spec/api/smartsheet/openapi.json). Ids are JSON numbers (up to
// 2^53). Scopes are the OAuth access scopes the spec lists per operation; an API access token
// acts with its user's own sharing permissions. Lists page with page (from 1) and pageSize.
import type { Catalog, Template } from '../types.js';

const sheetId = { type: 'integer', minimum: 1 };
const id = { type: 'integer', minimum: 1 };
const page = { type: 'integer', minimum: 1, description: 'The page to return, from 1.' };
const pageSize = { type: 'integer', minimum: 1, maximum: 10000, description: 'Items per page (default 100).' };
const cells = {
  type: 'array',
  minItems: 1,
  maxItems: 400,
  items: {
    type: 'object',
    required: ['ColumnId'],
    properties: {
      ColumnId: { type: 'integer', minimum: 1 },
      Value: { type: ['string', 'number', 'boolean'] },
      Formula: { type: 'string', pattern: '^=' },
      Strict: { type: 'boolean' },
    },
  },
};
const cellsOut: Template = { $each: '@.Cells', $as: { columnId: '@.ColumnId', value: '@.Value', formula: '@.Formula', strict: '@.Strict' } };
const commentText = { type: 'string', minLength: 1, maxLength: 65536, description: 'The comment, plain text.' };
const discussionInclude = {
  type: 'array',
  items: { enum: ['comments', 'attachments'] },
  uniqueItems: true,
  description: "'comments' adds each discussion's comments; 'attachments' (with comments) their attachments.",
};

const ref = (tag: string, operationId: string) => `https://developers.smartsheet.com/api/smartsheet/openapi/${tag}/${operationId.toLowerCase()}`;
const rate = '300 requests per minute per access token (attaching a file and reading cell history count as 10 requests each)';
const needs = (...scopes: string[]) => ({ scopes, rateLimit: rate });
const pageInfo = { PageNumber: '$.Body.pageNumber', TotalPages: '$.Body.totalPages', TotalCount: '$.Body.totalCount' };
const person = (at: string) => ({ $coalesce: [`${at}.name`, `${at}.email`] });

/** A comment as the actions return it. */
const comment = (at: string): Template => ({
  Id: `${at}.id`,
  DiscussionId: `${at}.discussionId`,
  Text: `${at}.text`,
  CreatedAt: `${at}.createdAt`,
  CreatedBy: person(`${at}.createdBy`),
  CreatedByEmail: `${at}.createdBy.email`,
});
/** A discussion as the actions return it. */
const discussion = (at: string): Template => ({
  Id: `${at}.id`,
  Title: `${at}.title`,
  ParentType: `${at}.parentType`,
  ParentId: `${at}.parentId`,
  CommentCount: `${at}.commentCount`,
  LastCommentedAt: `${at}.lastCommentedAt`,
  LastCommentedBy: person(`${at}.lastCommentedUser`),
  Comments: { $each: `${at}.comments`, $as: comment('@') },
});
const discussions = { Discussions: { $each: '$.Body.data', $as: discussion('@') }, ...pageInfo };
const searchResults = {
  Results: {
    $each: '$.Body.results',
    $as: { ObjectType: '@.objectType', ObjectId: '@.objectId', Text: '@.text', ContextData: '@.contextData', ParentObjectName: '@.parentObjectName' },
  },
  TotalCount: '$.Body.totalCount',
};
const cellOut = { ColumnId: '@.columnId', Value: '@.value', DisplayValue: '@.displayValue' };
const columnOut = { Id: '@.id', Index: '@.index', Title: '@.title', Type: '@.type', Primary: '@.primary', Options: '@.options' };
const listed = { Id: '@.id', Name: '@.name', Permalink: '@.permalink' };

export const smartsheet: Catalog = {
  Type: 'SMARTSHEET',
  Api: 'Smartsheet API 2.0',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'ListSheets',
      Name: 'List sheets',
      Description:
        'Lists the sheets the user can access, by name, a page at a time (Page from 1, PageSize up to 10000, default 100). ' +
        'Returns Sheets (Id, Name, Permalink, AccessLevel, ModifiedAt), PageNumber, TotalPages and TotalCount. To find a sheet by name across everything use Search.',
      InputSchema: { type: 'object', properties: { Page: { type: 'integer', minimum: 1 }, PageSize: { type: 'integer', minimum: 1, maximum: 10000 } } },
      Examples: [
        { Title: 'First page of my sheets', Input: { Page: 1, PageSize: 100 } },
        { Title: 'All my sheets (default page)', Input: {} },
      ],
      reference: ref('sheets', 'list-sheets'),
      requires: needs('READ_SHEETS'),
      request: { method: 'GET', path: '/sheets', query: { page: '$.Page', pageSize: '$.PageSize' } },
      output: {
        value: {
          Sheets: {
            $each: '$.Body.data',
            $as: { Id: '@.id', Name: '@.name', Permalink: '@.permalink', AccessLevel: '@.accessLevel', ModifiedAt: '@.modifiedAt' },
          },
          PageNumber: '$.Body.pageNumber',
          TotalPages: '$.Body.totalPages',
          TotalCount: '$.Body.totalCount',
        },
      },
      idempotent: true,
    },
    {
      ActionId: 'GetSheet',
      Name: 'Get sheet',
      Description:
        'Returns a sheet: Columns (Id, Title, Type, Primary) and Rows (Id, RowNumber, Cells by ColumnId with Value and DisplayValue), with TotalRowCount. ' +
        'Large sheets: ask for a page of rows (Page, PageSize), or only some rows (RowIds) and columns (ColumnIds). ' +
        'Column ids from here are what AddRows and UpdateRows take.',
      InputSchema: {
        type: 'object',
        required: ['SheetId'],
        properties: {
          SheetId: sheetId,
          RowIds: { type: 'array', items: { type: 'integer', minimum: 1 }, maxItems: 500 },
          ColumnIds: { type: 'array', items: { type: 'integer', minimum: 1 }, maxItems: 400 },
          Page: { type: 'integer', minimum: 1 },
          PageSize: { type: 'integer', minimum: 1, maximum: 10000 },
        },
      },
      Examples: [
        { Title: 'The first 100 rows of a sheet', Input: { SheetId: 4583173393803140, Page: 1, PageSize: 100 } },
        { Title: 'Two columns of a sheet', Input: { SheetId: 4583173393803140, ColumnIds: [7960873114331012, 642523719853956] } },
      ],
      reference: ref('sheets', 'getSheet'),
      requires: needs('READ_SHEETS'),
      request: {
        method: 'GET',
        path: '/sheets/{SheetId}',
        query: { rowIds: { $join: '$.RowIds' }, columnIds: { $join: '$.ColumnIds' }, page: '$.Page', pageSize: '$.PageSize' },
      },
      output: {
        value: {
          Id: '$.Body.id',
          Name: '$.Body.name',
          TotalRowCount: '$.Body.totalRowCount',
          Columns: { $each: '$.Body.columns', $as: { Id: '@.id', Title: '@.title', Type: '@.type', Primary: '@.primary' } },
          Rows: {
            $each: '$.Body.rows',
            $as: {
              Id: '@.id',
              RowNumber: '@.rowNumber',
              Cells: { $each: '@.cells', $as: { ColumnId: '@.columnId', Value: '@.value', DisplayValue: '@.displayValue' } },
            },
          },
        },
      },
      idempotent: true,
    },
    {
      ActionId: 'AddRows',
      Name: 'Add rows',
      Description:
        'Adds rows to a sheet (at the bottom, or at the top with ToTop; a ParentId makes a row a child of that row), each a list of cells by column id ' +
        '(find ids with ListColumns or GetSheet). A cell takes a Value or a Formula; Strict false lets Smartsheet parse values loosely. ' +
        'Up to 500 rows per call. Returns the new Rows (Id, RowNumber) and the sheet Version.',
      InputSchema: {
        type: 'object',
        required: ['SheetId', 'Rows'],
        properties: {
          SheetId: sheetId,
          Rows: {
            type: 'array',
            minItems: 1,
            maxItems: 500,
            items: { type: 'object', required: ['Cells'], properties: { Cells: cells, ParentId: { type: 'integer', minimum: 1 } } },
          },
          ToTop: { type: 'boolean' },
        },
      },
      Examples: [
        {
          Title: 'Add a row at the bottom',
          Input: {
            SheetId: 4583173393803140,
            Rows: [
              {
                Cells: [
                  { ColumnId: 7960873114331012, Value: 'Monitors' },
                  { ColumnId: 642523719853956, Value: 12 },
                ],
              },
            ],
          },
        },
        {
          Title: 'Add a row at the top',
          Input: { SheetId: 4583173393803140, ToTop: true, Rows: [{ Cells: [{ ColumnId: 7960873114331012, Value: 'Urgent: laptops' }] }] },
        },
      ],
      reference: ref('rows', 'rows-addToSheet'),
      requires: needs('WRITE_SHEETS'),
      request: {
        method: 'POST',
        path: '/sheets/{SheetId}/rows',
        body: {
          encoding: 'json',
          value: {
            $each: '$.Rows',
            $as: { toTop: { $if: '$.ToTop', $then: true }, toBottom: { $if: '$.ToTop', $then: false, $else: true }, parentId: '@.ParentId', cells: cellsOut },
          },
        },
      },
      output: { value: { Rows: { $each: '$.Body.result', $as: { Id: '@.id', RowNumber: '@.rowNumber' } }, Version: '$.Body.version' } },
      idempotent: false,
    },
    {
      ActionId: 'UpdateRows',
      Name: 'Update rows',
      Description:
        'Changes cells of existing rows, by row id and column id (cells not named keep their values); a cell takes a Value or a Formula. ' +
        'Up to 500 rows per call. Returns the Rows (Id, RowNumber) and the sheet Version.',
      InputSchema: {
        type: 'object',
        required: ['SheetId', 'Rows'],
        properties: {
          SheetId: sheetId,
          Rows: {
            type: 'array',
            minItems: 1,
            maxItems: 500,
            items: { type: 'object', required: ['Id', 'Cells'], properties: { Id: { type: 'integer', minimum: 1 }, Cells: cells } },
          },
        },
      },
      Examples: [
        {
          Title: 'Set the status of a row',
          Input: { SheetId: 4583173393803140, Rows: [{ Id: 7670198317672324, Cells: [{ ColumnId: 5435731577628548, Value: 'Done' }] }] },
        },
      ],
      reference: ref('rows', 'update-rows'),
      requires: needs('WRITE_SHEETS'),
      request: { method: 'PUT', path: '/sheets/{SheetId}/rows', body: { encoding: 'json', value: { $each: '$.Rows', $as: { id: '@.Id', cells: cellsOut } } } },
      output: { value: { Rows: { $each: '$.Body.result', $as: { Id: '@.id', RowNumber: '@.rowNumber' } }, Version: '$.Body.version' } },
      idempotent: true,
    },
    {
      ActionId: 'Search',
      Name: 'Search everything',
      Description:
        'Searches all sheets, reports, dashboards, workspaces, folders and their cells, comments and attachments the user can access for text ' +
        '(enclose in double quotes for an exact phrase). Returns Results (ObjectType, ObjectId, Text, ContextData, ParentObjectName) and TotalCount. ' +
        'New or changed data can take a while to be found. To search inside one sheet use SearchSheet.',
      InputSchema: { type: 'object', required: ['Query'], properties: { Query: { type: 'string', minLength: 1, maxLength: 1000 } } },
      Examples: [
        { Title: 'Find the budget sheet', Input: { Query: 'budget 2025' } },
        { Title: 'Exact phrase', Input: { Query: '"purchase order 4417"' } },
      ],
      reference: ref('search', 'list-search'),
      requires: needs('READ_SHEETS'),
      request: { method: 'GET', path: '/search', query: { query: '$.Query' } },
      output: { value: searchResults },
      idempotent: true,
    },
    {
      ActionId: 'GetRow',
      Name: 'Get row',
      Description:
        'Returns one row of a sheet: Id, RowNumber, ParentId (of a child row), Cells (ColumnId, Value, DisplayValue), CreatedAt, ModifiedAt. ' +
        "Include 'columns' adds the sheet's Columns (Id, Title, Type) to read the cells by title.",
      InputSchema: {
        type: 'object',
        required: ['SheetId', 'RowId'],
        properties: { SheetId: sheetId, RowId: id, Include: { type: 'array', items: { enum: ['columns', 'filters'] }, uniqueItems: true } },
      },
      Examples: [{ Title: 'A row with its column titles', Input: { SheetId: 4583173393803140, RowId: 7670198317672324, Include: ['columns'] } }],
      reference: ref('rows', 'row-get'),
      requires: needs('READ_SHEETS'),
      request: { method: 'GET', path: '/sheets/{SheetId}/rows/{RowId}', query: { include: { $join: '$.Include' } } },
      output: {
        value: {
          Id: '$.Body.id',
          RowNumber: '$.Body.rowNumber',
          ParentId: '$.Body.parentId',
          Cells: { $each: '$.Body.cells', $as: cellOut },
          Columns: { $each: '$.Body.columns', $as: { Id: '@.id', Title: '@.title', Type: '@.type' } },
          CreatedAt: '$.Body.createdAt',
          ModifiedAt: '$.Body.modifiedAt',
          Permalink: { $coalesce: ['$.Body.permalink', '$.Body.permaLink'] },
        },
      },
      idempotent: true,
    },
    {
      ActionId: 'DeleteRows',
      Name: 'Delete rows',
      Description:
        'Deletes rows of a sheet by id (their child rows too). If any id is not found nothing is deleted and the call fails, unless IgnoreRowsNotFound. ' +
        'At most 450 ids per call here (they travel in the URL). Returns DeletedRowIds. This cannot be undone through the API.',
      InputSchema: {
        type: 'object',
        required: ['SheetId', 'RowIds'],
        properties: {
          SheetId: sheetId,
          RowIds: { type: 'array', items: id, minItems: 1, maxItems: 450, uniqueItems: true },
          IgnoreRowsNotFound: { type: 'boolean' },
        },
      },
      Examples: [{ Title: 'Delete two rows', Input: { SheetId: 4583173393803140, RowIds: [7670198317672324, 2361756178769796] } }],
      reference: ref('rows', 'delete-rows'),
      requires: needs('WRITE_SHEETS'),
      request: {
        method: 'DELETE',
        path: '/sheets/{SheetId}/rows',
        query: { ids: { $join: '$.RowIds' }, ignoreRowsNotFound: '$.IgnoreRowsNotFound' },
      },
      output: { value: { DeletedRowIds: '$.Body.result' } },
      idempotent: true,
    },
    {
      ActionId: 'ListColumns',
      Name: 'List columns',
      Description:
        "Lists a sheet's columns: Id (the ColumnId cells take), Index, Title, Type (TEXT_NUMBER, DATE, PICKLIST, CONTACT_LIST, CHECKBOX...), Primary, " +
        'and Options of a picklist; with PageNumber, TotalPages and TotalCount.',
      InputSchema: { type: 'object', required: ['SheetId'], properties: { SheetId: sheetId, Page: page, PageSize: pageSize } },
      Examples: [{ Title: 'Columns of a sheet', Input: { SheetId: 4583173393803140 } }],
      reference: ref('columns', 'columns-listOnSheet'),
      requires: needs('READ_SHEETS'),
      request: { method: 'GET', path: '/sheets/{SheetId}/columns', query: { page: '$.Page', pageSize: '$.PageSize' } },
      output: { value: { Columns: { $each: '$.Body.data', $as: columnOut }, ...pageInfo } },
      idempotent: true,
    },
    {
      ActionId: 'SearchSheet',
      Name: 'Search sheet',
      Description:
        'Searches one sheet for text (double quotes for an exact phrase): its cells, comments and attachments. Returns Results (ObjectType, ObjectId: the row id ' +
        'for a row match, Text, ContextData, ParentObjectName) and TotalCount. Recently changed data can take a while to be found.',
      InputSchema: {
        type: 'object',
        required: ['SheetId', 'Query'],
        properties: { SheetId: sheetId, Query: { type: 'string', minLength: 1, maxLength: 1000 } },
      },
      Examples: [{ Title: 'Find the row of an order', Input: { SheetId: 4583173393803140, Query: 'PO-4417' } }],
      reference: ref('search', 'list-search-sheet'),
      requires: needs('READ_SHEETS'),
      request: { method: 'GET', path: '/search/sheets/{SheetId}', query: { query: '$.Query' } },
      output: { value: searchResults },
      idempotent: true,
    },
    {
      ActionId: 'AddRowComment',
      Name: 'Comment on row',
      Description:
        'Starts a discussion on a row with a first comment (what the Smartsheet UI shows as a row comment). Returns DiscussionId (reply to it with ' +
        'ReplyToDiscussion), Title and the Comment (Id, Text, CreatedAt, CreatedBy).',
      InputSchema: { type: 'object', required: ['SheetId', 'RowId', 'Text'], properties: { SheetId: sheetId, RowId: id, Text: commentText } },
      Examples: [
        { Title: 'Ask about a row', Input: { SheetId: 4583173393803140, RowId: 7670198317672324, Text: 'Is this quantity confirmed with the vendor?' } },
      ],
      reference: ref('discussions', 'row-discussions-create'),
      requires: needs('WRITE_SHEETS'),
      request: { method: 'POST', path: '/sheets/{SheetId}/rows/{RowId}/discussions', body: { encoding: 'json', value: { comment: { text: '$.Text' } } } },
      output: { value: { DiscussionId: '$.Body.result.id', Title: '$.Body.result.title', Comment: comment('$.Body.result.comments[0]') } },
      idempotent: false,
    },
    {
      ActionId: 'AddSheetComment',
      Name: 'Comment on sheet',
      Description:
        'Starts a discussion on the sheet itself (not on a row) with a first comment. Returns DiscussionId, Title and the Comment (Id, Text, CreatedAt, CreatedBy).',
      InputSchema: { type: 'object', required: ['SheetId', 'Text'], properties: { SheetId: sheetId, Text: commentText } },
      Examples: [{ Title: 'Note on a sheet', Input: { SheetId: 4583173393803140, Text: 'Q3 numbers are final as of today.' } }],
      reference: ref('discussions', 'discussions-create'),
      requires: needs('WRITE_SHEETS'),
      request: { method: 'POST', path: '/sheets/{SheetId}/discussions', body: { encoding: 'json', value: { comment: { text: '$.Text' } } } },
      output: { value: { DiscussionId: '$.Body.result.id', Title: '$.Body.result.title', Comment: comment('$.Body.result.comments[0]') } },
      idempotent: false,
    },
    {
      ActionId: 'ReplyToDiscussion',
      Name: 'Reply to discussion',
      Description:
        'Adds a comment to an existing discussion of a sheet or row (find DiscussionId with ListDiscussions or ListRowDiscussions). ' +
        'Returns the Comment (Id, DiscussionId, Text, CreatedAt, CreatedBy, CreatedByEmail).',
      InputSchema: { type: 'object', required: ['SheetId', 'DiscussionId', 'Text'], properties: { SheetId: sheetId, DiscussionId: id, Text: commentText } },
      Examples: [{ Title: 'Answer a row comment', Input: { SheetId: 4583173393803140, DiscussionId: 3962273862576004, Text: 'Yes, confirmed on the call.' } }],
      reference: ref('comments', 'comments-create'),
      requires: needs('WRITE_SHEETS'),
      request: { method: 'POST', path: '/sheets/{SheetId}/discussions/{DiscussionId}/comments', body: { encoding: 'json', value: { text: '$.Text' } } },
      output: { value: { Comment: comment('$.Body.result') } },
      idempotent: false,
    },
    {
      ActionId: 'ListDiscussions',
      Name: 'List discussions of sheet',
      Description:
        "Lists all discussions of a sheet (on the sheet and on its rows), a page at a time. Include ['comments'] to get each discussion's Comments. " +
        'Returns Discussions (Id, Title, ParentType SHEET or ROW, ParentId, CommentCount, LastCommentedAt, LastCommentedBy, Comments), PageNumber, TotalPages, TotalCount.',
      InputSchema: { type: 'object', required: ['SheetId'], properties: { SheetId: sheetId, Include: discussionInclude, Page: page, PageSize: pageSize } },
      Examples: [{ Title: 'All comments of a sheet', Input: { SheetId: 4583173393803140, Include: ['comments'] } }],
      reference: ref('discussions', 'discussions-list'),
      requires: needs('READ_SHEETS'),
      request: {
        method: 'GET',
        path: '/sheets/{SheetId}/discussions',
        query: { include: { $join: '$.Include' }, page: '$.Page', pageSize: '$.PageSize' },
      },
      output: { value: discussions },
      idempotent: true,
    },
    {
      ActionId: 'ListRowDiscussions',
      Name: 'List row comments',
      Description:
        "Lists the discussions of one row; Include ['comments'] returns their comments too (the row's comment threads). " +
        'Returns Discussions (Id, Title, CommentCount, LastCommentedAt, LastCommentedBy, Comments), PageNumber, TotalPages, TotalCount.',
      InputSchema: {
        type: 'object',
        required: ['SheetId', 'RowId'],
        properties: { SheetId: sheetId, RowId: id, Include: discussionInclude, Page: page, PageSize: pageSize },
      },
      Examples: [{ Title: 'Comments on a row', Input: { SheetId: 4583173393803140, RowId: 7670198317672324, Include: ['comments'] } }],
      reference: ref('discussions', 'row-discussions-list'),
      requires: needs('READ_SHEETS'),
      request: {
        method: 'GET',
        path: '/sheets/{SheetId}/rows/{RowId}/discussions',
        query: { include: { $join: '$.Include' }, page: '$.Page', pageSize: '$.PageSize' },
      },
      output: { value: discussions },
      idempotent: true,
    },
    {
      ActionId: 'ShareSheet',
      Name: 'Share sheet',
      Description:
        'Shares a sheet with people (by email) or groups (by GroupId) at an access level: VIEWER, COMMENTER, EDITOR, EDITOR_SHARE (can share) or ADMIN. ' +
        'SendEmail notifies them, with Subject and Message. Requires the sharing permission on the sheet. Returns the new Shares (Id, Email, Name, AccessLevel, Type); ' +
        'someone who already has a share is skipped and left out of them (to change an access level, Smartsheet updates the existing share).',
      InputSchema: {
        type: 'object',
        required: ['SheetId', 'Shares'],
        properties: {
          SheetId: sheetId,
          Shares: {
            type: 'array',
            minItems: 1,
            maxItems: 100,
            items: {
              type: 'object',
              required: ['AccessLevel'],
              oneOf: [{ required: ['Email'] }, { required: ['GroupId'] }],
              properties: {
                Email: { type: 'string', pattern: '^[^@\\s]{1,64}@[^@\\s]{1,255}$' },
                GroupId: id,
                AccessLevel: { enum: ['VIEWER', 'COMMENTER', 'EDITOR', 'EDITOR_SHARE', 'ADMIN'] },
              },
            },
          },
          SendEmail: { type: 'boolean' },
          Subject: { type: 'string', minLength: 1, maxLength: 255 },
          Message: { type: 'string', minLength: 1, maxLength: 5000 },
          CcMe: { type: 'boolean' },
        },
      },
      Examples: [
        {
          Title: 'Share with a colleague as editor and tell them',
          Input: {
            SheetId: 4583173393803140,
            Shares: [{ Email: 'kim@example.com', AccessLevel: 'EDITOR' }],
            SendEmail: true,
            Message: 'Please fill in your rows.',
          },
        },
        { Title: 'Share read-only with a group', Input: { SheetId: 4583173393803140, Shares: [{ GroupId: 2331373580117892, AccessLevel: 'VIEWER' }] } },
      ],
      reference: ref('sheets', 'share-sheet'),
      requires: needs('SHARE_SHEETS'),
      request: {
        method: 'POST',
        path: '/sheets/{SheetId}/shares',
        query: { sendEmail: '$.SendEmail' },
        body: {
          encoding: 'json',
          value: {
            $each: '$.Shares',
            $as: { email: '@.Email', groupId: '@.GroupId', accessLevel: '@.AccessLevel', subject: '$.Subject', message: '$.Message', ccMe: '$.CcMe' },
          },
        },
      },
      output: {
        value: {
          Shares: { $each: '$.Body.result', $as: { Id: '@.id', Email: '@.email', Name: '@.name', AccessLevel: '@.accessLevel', Type: '@.type' } },
        },
      },
      idempotent: false,
    },
    {
      ActionId: 'ListWorkspaces',
      Name: 'List workspaces',
      Description:
        'Lists the workspaces the user can access, a page at a time: Workspaces (Id, Name, AccessLevel, Permalink), PageNumber, TotalPages, TotalCount.',
      InputSchema: { type: 'object', properties: { Page: page, PageSize: pageSize } },
      Examples: [{ Title: 'My workspaces', Input: {} }],
      reference: ref('workspaces', 'list-workspaces'),
      requires: needs('READ_SHEETS'),
      request: { method: 'GET', path: '/workspaces', query: { page: '$.Page', pageSize: '$.PageSize' } },
      output: { value: { Workspaces: { $each: '$.Body.data', $as: { ...listed, AccessLevel: '@.accessLevel' } }, ...pageInfo } },
      idempotent: true,
    },
    {
      ActionId: 'GetWorkspace',
      Name: 'Get workspace',
      Description:
        'Returns a workspace: Id, Name, AccessLevel, Permalink, and, where Smartsheet includes them, its top-level Sheets, Folders and Reports (Id, Name, Permalink).',
      InputSchema: { type: 'object', required: ['WorkspaceId'], properties: { WorkspaceId: id } },
      Examples: [{ Title: 'A workspace', Input: { WorkspaceId: 7116448184199044 } }],
      reference: ref('workspaces', 'get-workspace'),
      requires: needs('READ_SHEETS'),
      request: { method: 'GET', path: '/workspaces/{WorkspaceId}' },
      output: {
        value: {
          Id: '$.Body.id',
          Name: '$.Body.name',
          AccessLevel: '$.Body.accessLevel',
          Permalink: '$.Body.permalink',
          Sheets: { $each: '$.Body.sheets', $as: listed },
          Folders: { $each: '$.Body.folders', $as: listed },
          Reports: { $each: '$.Body.reports', $as: listed },
        },
      },
      idempotent: true,
    },
    {
      ActionId: 'GetReport',
      Name: 'Get report',
      Description:
        'Returns a report (rows gathered from several sheets): Columns (VirtualId, Title, Type), Rows (Id, SheetId, RowNumber, Cells with VirtualColumnId, ' +
        'ColumnId of the source sheet, Value, DisplayValue), TotalRowCount; a page of rows at a time (Page, PageSize, default 100). ' +
        'Update a row through its SheetId with UpdateRows.',
      InputSchema: { type: 'object', required: ['ReportId'], properties: { ReportId: id, Page: page, PageSize: pageSize } },
      Examples: [{ Title: 'First page of a report', Input: { ReportId: 4583173393803140, Page: 1, PageSize: 100 } }],
      reference: ref('reports', 'getReport'),
      requires: needs('READ_SHEETS'),
      request: { method: 'GET', path: '/reports/{ReportId}', query: { page: '$.Page', pageSize: '$.PageSize' } },
      output: {
        value: {
          Id: '$.Body.id',
          Name: '$.Body.name',
          TotalRowCount: '$.Body.totalRowCount',
          Permalink: '$.Body.permalink',
          Columns: { $each: '$.Body.columns', $as: { VirtualId: '@.virtualId', Title: '@.title', Type: '@.type' } },
          Rows: {
            $each: '$.Body.rows',
            $as: {
              Id: '@.id',
              SheetId: '@.sheetId',
              RowNumber: '@.rowNumber',
              Cells: {
                $each: '@.cells',
                $as: { VirtualColumnId: '@.virtualColumnId', ColumnId: '@.columnId', Value: '@.value', DisplayValue: '@.displayValue' },
              },
            },
          },
        },
      },
      idempotent: true,
    },
    {
      ActionId: 'GetCurrentUser',
      Name: 'Get current user',
      Description:
        "Returns the connector's user: Id, Email, FirstName, LastName, Admin, LicensedSheetCreator, Locale, TimeZone, AccountName. Use it to learn who the connector acts as.",
      InputSchema: { type: 'object', properties: {} },
      Examples: [{ Title: 'Who am I', Input: {} }],
      reference: ref('users', 'get-current-user'),
      requires: { rateLimit: rate },
      request: { method: 'GET', path: '/users/me' },
      output: {
        value: {
          Id: '$.Body.id',
          Email: '$.Body.email',
          FirstName: '$.Body.firstName',
          LastName: '$.Body.lastName',
          Admin: '$.Body.admin',
          LicensedSheetCreator: '$.Body.licensedSheetCreator',
          Locale: '$.Body.locale',
          TimeZone: '$.Body.timeZone',
          AccountName: '$.Body.account.name',
        },
      },
      idempotent: true,
    },
    {
      ActionId: 'ListRowAttachments',
      Name: 'List row attachments',
      Description:
        "Lists a row's attachments (files and links): Attachments (Id, Name, AttachmentType FILE/LINK/GOOGLE_DRIVE..., MimeType, SizeInKb, CreatedAt, CreatedBy), " +
        'PageNumber, TotalPages, TotalCount. GetAttachment gives a download URL for one.',
      InputSchema: { type: 'object', required: ['SheetId', 'RowId'], properties: { SheetId: sheetId, RowId: id, Page: page, PageSize: pageSize } },
      Examples: [{ Title: 'Files on a row', Input: { SheetId: 4583173393803140, RowId: 7670198317672324 } }],
      reference: ref('attachments', 'attachments-listOnRow'),
      requires: needs('READ_SHEETS'),
      request: { method: 'GET', path: '/sheets/{SheetId}/rows/{RowId}/attachments', query: { page: '$.Page', pageSize: '$.PageSize' } },
      output: {
        value: {
          Attachments: {
            $each: '$.Body.data',
            $as: {
              Id: '@.id',
              Name: '@.name',
              AttachmentType: '@.attachmentType',
              MimeType: '@.mimeType',
              SizeInKb: '@.sizeInKb',
              CreatedAt: '@.createdAt',
              CreatedBy: person('@.createdBy'),
            },
          },
          ...pageInfo,
        },
      },
      idempotent: true,
    },
    {
      ActionId: 'GetAttachment',
      Name: 'Get attachment',
      Description:
        'Returns an attachment of a sheet, row or comment: Id, Name, AttachmentType, MimeType, SizeInKb, and for a file a temporary download Url ' +
        '(valid UrlExpiresInMillis milliseconds; fetch it without credentials).',
      InputSchema: { type: 'object', required: ['SheetId', 'AttachmentId'], properties: { SheetId: sheetId, AttachmentId: id } },
      Examples: [{ Title: 'Download link of a file', Input: { SheetId: 4583173393803140, AttachmentId: 4583173393803140 } }],
      reference: ref('attachments', 'attachments-get'),
      requires: needs('READ_SHEETS'),
      request: { method: 'GET', path: '/sheets/{SheetId}/attachments/{AttachmentId}' },
      output: {
        value: {
          Id: '$.Body.id',
          Name: '$.Body.name',
          AttachmentType: '$.Body.attachmentType',
          MimeType: '$.Body.mimeType',
          SizeInKb: '$.Body.sizeInKb',
          Url: '$.Body.url',
          UrlExpiresInMillis: '$.Body.urlExpiresInMillis',
        },
      },
      idempotent: true,
    },
  ],
};
