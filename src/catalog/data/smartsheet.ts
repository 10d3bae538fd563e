// SMARTSHEET: Smartsheet API 2.0 (BaseEndpoint https://api.smartsheet.com/2.0).
import type { Catalog, Template } from '../types.js';

const sheetId = { type: 'integer', minimum: 1 };
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

export const smartsheet: Catalog = {
  Type: 'SMARTSHEET',
  Api: 'Smartsheet API 2.0',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'ListSheets',
      Name: 'List sheets',
      Description: 'Lists the sheets the user can access, a page at a time (Page from 1).',
      InputSchema: { type: 'object', properties: { Page: { type: 'integer', minimum: 1 }, PageSize: { type: 'integer', minimum: 1, maximum: 10000 } } },
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
      Description: 'Returns a sheet: its columns and rows (optionally a page of rows, or only some rows and columns).',
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
      Description: 'Adds rows to a sheet (at the bottom unless ToTop), each a list of cells by column id.',
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
      Description: 'Changes cells of existing rows, by row id and column id.',
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
      request: { method: 'PUT', path: '/sheets/{SheetId}/rows', body: { encoding: 'json', value: { $each: '$.Rows', $as: { id: '@.Id', cells: cellsOut } } } },
      output: { value: { Rows: { $each: '$.Body.result', $as: { Id: '@.id', RowNumber: '@.rowNumber' } }, Version: '$.Body.version' } },
      idempotent: true,
    },
    {
      ActionId: 'Search',
      Name: 'Search',
      Description: 'Searches all sheets, reports and workspaces the user can access for text.',
      InputSchema: { type: 'object', required: ['Query'], properties: { Query: { type: 'string', minLength: 1, maxLength: 1000 } } },
      request: { method: 'GET', path: '/search', query: { query: '$.Query' } },
      output: {
        value: {
          Results: {
            $each: '$.Body.results',
            $as: { ObjectType: '@.objectType', ObjectId: '@.objectId', Text: '@.text', ContextData: '@.contextData', ParentObjectName: '@.parentObjectName' },
          },
          TotalCount: '$.Body.totalCount',
        },
      },
      idempotent: true,
    },
  ],
};
