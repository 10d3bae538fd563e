// ATLASSIAN_CONFLUENCE: Confluence Cloud REST API v2 (pages, spaces) and v1 (CQL search).
// BaseEndpoint: https://{site}.atlassian.net/wiki (API token) or https://api.atlassian.com/ex/confluence/{cloudId}/wiki (OAuth 2.0 3LO); both need /wiki (Create and Update refuse them without it).
import type { Catalog } from '../types.js';

const pageId = { type: 'string', pattern: '^[0-9]{1,20}$' };
const cursor = { type: 'string', minLength: 1, maxLength: 4096 };
const limit = { type: 'integer', minimum: 1, maximum: 250 };
const nextCursor = { $hook: 'urlQueryParam', $of: '$.Body._links.next', $args: { name: 'cursor' } };
const storage = { type: 'string', maxLength: 5_000_000, description: 'The page body in Confluence storage format (XHTML), e.g. <p>Hello</p>.' };
const pageOut = {
  Id: '$.Body.id',
  Title: '$.Body.title',
  Status: '$.Body.status',
  SpaceId: '$.Body.spaceId',
  ParentId: '$.Body.parentId',
  Version: '$.Body.version.number',
  Body: '$.Body.body.storage.value',
  WebUi: '$.Body._links.webui',
};

export const confluence: Catalog = {
  Type: 'ATLASSIAN_CONFLUENCE',
  Api: 'Confluence Cloud REST API v2 (and v1 search)',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'CreatePage',
      Name: 'Create page',
      Description: 'Creates a page in a space (optionally under a parent page) from storage-format content.',
      InputSchema: {
        type: 'object',
        required: ['SpaceId', 'Title'],
        properties: {
          SpaceId: { type: 'string', pattern: '^[0-9]{1,20}$' },
          Title: { type: 'string', minLength: 1, maxLength: 255 },
          Body: storage,
          ParentId: pageId,
          Status: { enum: ['current', 'draft'], default: 'current' },
        },
      },
      request: {
        method: 'POST',
        path: '/api/v2/pages',
        body: {
          encoding: 'json',
          value: {
            spaceId: '$.SpaceId',
            status: '$.Status',
            title: '$.Title',
            parentId: '$.ParentId',
            body: { representation: 'storage', value: { $coalesce: ['$.Body', ''] } },
          },
        },
      },
      output: { value: pageOut },
      idempotent: false,
    },
    {
      ActionId: 'GetPage',
      Name: 'Get page',
      Description: 'Returns a page with its storage-format body and version.',
      InputSchema: { type: 'object', required: ['PageId'], properties: { PageId: pageId } },
      request: { method: 'GET', path: '/api/v2/pages/{PageId}', query: { 'body-format': 'storage' } },
      output: { value: pageOut },
      idempotent: true,
    },
    {
      ActionId: 'UpdatePage',
      Name: 'Update page',
      Description: "Replaces a page's title and body. Version is the new version number: the current one plus 1 (see GetPage).",
      InputSchema: {
        type: 'object',
        required: ['PageId', 'Title', 'Body', 'Version'],
        properties: {
          PageId: pageId,
          Title: { type: 'string', minLength: 1, maxLength: 255 },
          Body: storage,
          Version: { type: 'integer', minimum: 2 },
          VersionMessage: { type: 'string', maxLength: 255 },
          Status: { enum: ['current', 'draft'], default: 'current' },
        },
      },
      request: {
        method: 'PUT',
        path: '/api/v2/pages/{PageId}',
        body: {
          encoding: 'json',
          value: {
            id: '$.PageId',
            status: '$.Status',
            title: '$.Title',
            body: { representation: 'storage', value: '$.Body' },
            version: { number: '$.Version', message: '$.VersionMessage' },
          },
        },
      },
      output: { value: pageOut },
      // The version number makes a repeat a conflict, not a second edit.
      idempotent: true,
    },
    {
      ActionId: 'SearchContent',
      Name: 'Search content (CQL)',
      Description: 'Finds pages, blog posts and attachments with CQL, e.g. \'type=page AND space=DEV AND text ~ "runbook"\'.',
      InputSchema: {
        type: 'object',
        required: ['Cql'],
        properties: { Cql: { type: 'string', minLength: 1, maxLength: 10000 }, Limit: limit, NextToken: cursor },
      },
      request: { method: 'GET', path: '/rest/api/search', query: { cql: '$.Cql', limit: '$.Limit', cursor: '$.NextToken' } },
      output: {
        value: {
          Results: {
            $each: '$.Body.results',
            $as: {
              Id: '@.content.id',
              Type: '@.content.type',
              Title: { $coalesce: ['@.content.title', '@.title'] },
              Excerpt: '@.excerpt',
              Url: '@.url',
              LastModified: '@.lastModified',
            },
          },
          TotalSize: '$.Body.totalSize',
          NextToken: nextCursor,
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'ListSpaces',
      Name: 'List spaces',
      Description: 'Lists spaces, optionally by key or type, a page at a time.',
      InputSchema: {
        type: 'object',
        properties: {
          Keys: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9~]{1,255}$' }, maxItems: 250 },
          Type: { enum: ['global', 'personal'] },
          Limit: limit,
          NextToken: cursor,
        },
      },
      request: { method: 'GET', path: '/api/v2/spaces', query: { keys: { $join: '$.Keys' }, type: '$.Type', limit: '$.Limit', cursor: '$.NextToken' } },
      output: {
        value: {
          Spaces: { $each: '$.Body.results', $as: { Id: '@.id', Key: '@.key', Name: '@.name', Type: '@.type', Status: '@.status' } },
          NextToken: nextCursor,
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
  ],
};
