// ATLASSIAN_CONFLUENCE: Confluence Cloud REST API v2 (pages, spaces) and v1 (CQL search).
// BaseEndpoint: https://{site}.atlassian.net/wiki (API token) or https://api.atlassian.com/ex/confluence/{cloudId}/wiki (OAuth 2.0 3LO); both need /wiki (Create and Update refuse them without it).
import type { Catalog } from '../types.js';
import { base64Schema } from './common.js';

const pageId = { type: 'string', pattern: '^[0-9]{1,20}$' };
const cursor = { type: 'string', minLength: 1, maxLength: 4096 };
const limit = { type: 'integer', minimum: 1, maximum: 250 };
const nextCursor = { $hook: 'urlQueryParam', $of: '$.Body._links.next', $args: { name: 'cursor' } };
const storage = { type: 'string', maxLength: 5_000_000, description: 'The page body in Confluence storage format (XHTML), e.g. <p>Hello</p>.' };
const spaceId = { type: 'string', pattern: '^[0-9]{1,20}$', description: 'The numeric space id (ListSpaces finds it from the key).' };
const contentId = { type: 'string', pattern: '^[0-9]{1,20}$', description: 'The id of a page or blog post.' };
/** The largest attachment an invocation carries (its base64 fits InvokeAction's body limit); Confluence's own limit is the site's setting. */
const ATTACHMENT_MAX = 5 * 1024 * 1024;
const labelName = { type: 'string', pattern: '^[^\\s:]{1,255}$', description: "A label: no spaces or colons, e.g. 'runbook'." };

/** The vendor's reference page of an operation (v2: the path under /wiki/api/v2; v1: the full /wiki/rest/api path). */
const anchor = (method: string, path: string) => `${path.slice(1).replace(/[{}]/g, '').replace(/\//g, '-').toLowerCase()}-${method.toLowerCase()}`;
const v2ref = (group: string, method: string, path: string) =>
  `https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-${group}/#api-${anchor(method, path)}`;
const v1ref = (group: string, method: string, path: string) =>
  `https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-${group}/#api-${anchor(method, `/wiki${path}`)}`;
const scopes = (...s: string[]) => ({ scopes: s });

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
  Api: 'Confluence Cloud REST API v2 (and v1 for CQL search, labels and attachment uploads)',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'CreatePage',
      Name: 'Create page',
      Description:
        "Creates a page in a space (SpaceId: see ListSpaces), optionally under a parent page, from storage-format content (XHTML such as <p>Hello</p>). Status draft keeps it unpublished. Returns the page with its id, version and web link (WebUi, relative to the site's /wiki).",
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
      Examples: [
        { Title: 'Create a runbook page under a parent', Input: { SpaceId: '98306', Title: 'Runbook', Body: '<p>Step 1</p>', ParentId: '65537' } },
        { Title: 'Create a draft', Input: { SpaceId: '98306', Title: 'Ideas', Status: 'draft' } },
      ],
      reference: v2ref('page', 'POST', '/pages'),
      requires: scopes('write:page:confluence'),
    },
    {
      ActionId: 'GetPage',
      Name: 'Get page',
      Description:
        'Returns a page by id: title, status, space, parent, its body in storage format (XHTML) and its current version number (UpdatePage needs that number plus one).',
      InputSchema: { type: 'object', required: ['PageId'], properties: { PageId: pageId } },
      request: { method: 'GET', path: '/api/v2/pages/{PageId}', query: { 'body-format': 'storage' } },
      output: { value: pageOut },
      idempotent: true,
      Examples: [{ Title: 'Read page 65868', Input: { PageId: '65868' } }],
      reference: v2ref('page', 'GET', '/pages/{id}'),
      requires: scopes('read:page:confluence'),
    },
    {
      ActionId: 'UpdatePage',
      Name: 'Update page',
      Description:
        "Replaces a page's title and body (storage format), making a new version. Version is the new version number: the current one (GetPage) plus 1; a stale number is refused with 409, so read, then write. Returns the updated page.",
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
      Examples: [
        {
          Title: 'Publish version 4 of a page',
          Input: { PageId: '65868', Title: 'Runbook', Body: '<p>Step 1</p><p>Step 2</p>', Version: 4, VersionMessage: 'Added step 2' },
        },
      ],
      reference: v2ref('page', 'PUT', '/pages/{id}'),
      requires: scopes('write:page:confluence'),
    },
    {
      ActionId: 'SearchContent',
      Name: 'Search content (CQL)',
      Description:
        "Finds pages, blog posts, comments and attachments with a CQL query, e.g. 'type=page AND space=DEV AND text ~ \"runbook\"' or 'label = \"incident\" ORDER BY lastmodified DESC'. Returns each hit's content id, type, title, an excerpt and its URL, a page at a time (pass NextToken for the next).",
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
      Examples: [
        { Title: 'Pages about runbooks in DEV', Input: { Cql: 'type=page AND space=DEV AND text ~ "runbook"', Limit: 10 } },
        { Title: 'Recently changed pages labelled incident', Input: { Cql: 'type=page AND label = "incident" ORDER BY lastmodified DESC' } },
      ],
      reference: v1ref('search', 'GET', '/rest/api/search'),
      requires: scopes('search:confluence'),
    },
    {
      ActionId: 'ListSpaces',
      Name: 'List spaces',
      Description:
        "Lists the spaces the user can see, optionally those with the given keys or of a type, a page at a time: each space's numeric id (what CreatePage and ListPagesInSpace take), key, name, type and status.",
      InputSchema: {
        type: 'object',
        properties: {
          Keys: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9~]{1,255}$' }, maxItems: 250 },
          Type: { enum: ['global', 'collaboration', 'knowledge_base', 'personal'] },
          Status: { enum: ['current', 'archived'] },
          Limit: limit,
          NextToken: cursor,
        },
      },
      request: {
        method: 'GET',
        path: '/api/v2/spaces',
        query: { keys: { $join: '$.Keys' }, type: '$.Type', status: '$.Status', limit: '$.Limit', cursor: '$.NextToken' },
      },
      output: {
        value: {
          Spaces: { $each: '$.Body.results', $as: { Id: '@.id', Key: '@.key', Name: '@.name', Type: '@.type', Status: '@.status' } },
          NextToken: nextCursor,
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        { Title: 'List spaces', Input: {} },
        { Title: 'Find the ids of spaces OPS and DEV', Input: { Keys: ['OPS', 'DEV'] } },
      ],
      reference: v2ref('space', 'GET', '/spaces'),
      requires: scopes('read:space:confluence'),
    },
    {
      ActionId: 'DeletePage',
      Name: 'Delete page',
      Description:
        'Moves a page to the trash (a space admin can restore it), or, with Purge, deletes a page already in the trash for good. Draft deletes a draft (drafts are not trashed). Returns Deleted: true.',
      InputSchema: {
        type: 'object',
        required: ['PageId'],
        properties: {
          PageId: pageId,
          Purge: { type: 'boolean', description: 'Delete a trashed page for good (needs space admin).' },
          Draft: { type: 'boolean', description: 'The page is a draft.' },
        },
      },
      request: { method: 'DELETE', path: '/api/v2/pages/{PageId}', query: { purge: '$.Purge', draft: '$.Draft' } },
      output: { value: { Deleted: true } },
      // A repeat after a lost answer gets a 404 that would hide the deletion: not retried.
      idempotent: false,
      Examples: [
        { Title: 'Trash page 65868', Input: { PageId: '65868' } },
        { Title: 'Purge it from the trash', Input: { PageId: '65868', Purge: true } },
      ],
      reference: v2ref('page', 'DELETE', '/pages/{id}'),
      requires: scopes('delete:page:confluence'),
    },
    {
      ActionId: 'GetSpace',
      Name: 'Get space',
      Description:
        'Returns a space by its numeric id (ListSpaces finds it from the key): key, name, type, status, the id of its home page, and its description as plain text.',
      InputSchema: { type: 'object', required: ['SpaceId'], properties: { SpaceId: spaceId } },
      request: { method: 'GET', path: '/api/v2/spaces/{SpaceId}', query: { 'description-format': 'plain' } },
      output: {
        value: {
          Id: '$.Body.id',
          Key: '$.Body.key',
          Name: '$.Body.name',
          Type: '$.Body.type',
          Status: '$.Body.status',
          HomepageId: '$.Body.homepageId',
          Description: '$.Body.description.plain.value',
          CreatedAt: '$.Body.createdAt',
          WebUi: '$.Body._links.webui',
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Get space 98306', Input: { SpaceId: '98306' } }],
      reference: v2ref('space', 'GET', '/spaces/{id}'),
      requires: scopes('read:space:confluence'),
    },
    {
      ActionId: 'ListPagesInSpace',
      Name: 'List pages in space',
      Description:
        "Lists the pages of a space (Depth 'root' for its top-level pages only), optionally those with an exact Title, a page at a time: each page's id, title, status, parent, version and creation time. Pass NextToken for the next page of results.",
      InputSchema: {
        type: 'object',
        required: ['SpaceId'],
        properties: {
          SpaceId: spaceId,
          Title: { type: 'string', minLength: 1, maxLength: 255, description: 'Only the page with exactly this title.' },
          Depth: { enum: ['all', 'root'] },
          Sort: { enum: ['id', '-id', 'created-date', '-created-date', 'modified-date', '-modified-date', 'title', '-title'] },
          Limit: limit,
          NextToken: cursor,
        },
      },
      request: {
        method: 'GET',
        path: '/api/v2/spaces/{SpaceId}/pages',
        query: { title: '$.Title', depth: '$.Depth', sort: '$.Sort', limit: '$.Limit', cursor: '$.NextToken' },
      },
      output: {
        value: {
          Pages: {
            $each: '$.Body.results',
            $as: { Id: '@.id', Title: '@.title', Status: '@.status', ParentId: '@.parentId', Version: '@.version.number', CreatedAt: '@.createdAt' },
          },
          NextToken: nextCursor,
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        { Title: 'Top-level pages of space 98306', Input: { SpaceId: '98306', Depth: 'root' } },
        { Title: 'Find the page titled Runbook', Input: { SpaceId: '98306', Title: 'Runbook' } },
      ],
      reference: v2ref('page', 'GET', '/spaces/{id}/pages'),
      requires: scopes('read:page:confluence'),
    },
    {
      ActionId: 'ListChildPages',
      Name: 'List child pages',
      Description:
        "Lists a page's direct children in their tree order (or Sort), a page at a time: each child's id, title, status and position. Pass NextToken for more.",
      InputSchema: {
        type: 'object',
        required: ['PageId'],
        properties: {
          PageId: pageId,
          Sort: { enum: ['created-date', '-created-date', 'id', '-id', 'child-position', '-child-position', 'modified-date', '-modified-date'] },
          Limit: limit,
          NextToken: cursor,
        },
      },
      request: { method: 'GET', path: '/api/v2/pages/{PageId}/children', query: { sort: '$.Sort', limit: '$.Limit', cursor: '$.NextToken' } },
      output: {
        value: {
          Pages: { $each: '$.Body.results', $as: { Id: '@.id', Title: '@.title', Status: '@.status', SpaceId: '@.spaceId', ChildPosition: '@.childPosition' } },
          NextToken: nextCursor,
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [{ Title: 'Children of page 65537', Input: { PageId: '65537' } }],
      reference: v2ref('children', 'GET', '/pages/{id}/children'),
      requires: scopes('read:page:confluence'),
    },
    {
      ActionId: 'AddFooterComment',
      Name: 'Add comment',
      Description:
        'Adds a comment at the foot of a page (PageId) or blog post (BlogPostId), or a reply to a comment (ParentCommentId): exactly one of the three. Body is storage format (XHTML), e.g. <p>Looks good</p>. Returns the comment id.',
      InputSchema: {
        type: 'object',
        required: ['Body'],
        oneOf: [{ required: ['PageId'] }, { required: ['BlogPostId'] }, { required: ['ParentCommentId'] }],
        properties: {
          PageId: pageId,
          BlogPostId: contentId,
          ParentCommentId: { type: 'string', pattern: '^[0-9]{1,20}$' },
          Body: { type: 'string', minLength: 1, maxLength: 1_000_000, description: 'The comment in storage format (XHTML), e.g. <p>Looks good</p>.' },
        },
      },
      request: {
        method: 'POST',
        path: '/api/v2/footer-comments',
        body: {
          encoding: 'json',
          value: {
            pageId: '$.PageId',
            blogPostId: '$.BlogPostId',
            parentCommentId: '$.ParentCommentId',
            body: { representation: 'storage', value: '$.Body' },
          },
        },
      },
      output: {
        value: {
          Id: '$.Body.id',
          Status: '$.Body.status',
          PageId: '$.Body.pageId',
          BlogPostId: '$.Body.blogPostId',
          ParentCommentId: '$.Body.parentCommentId',
          Version: '$.Body.version.number',
          WebUi: '$.Body._links.webui',
        },
      },
      idempotent: false,
      Examples: [
        { Title: 'Comment on page 65868', Input: { PageId: '65868', Body: '<p>Step 2 is out of date.</p>' } },
        { Title: 'Reply to a comment', Input: { ParentCommentId: '491521', Body: '<p>Fixed, thanks.</p>' } },
      ],
      reference: v2ref('comment', 'POST', '/footer-comments'),
      requires: scopes('write:comment:confluence'),
    },
    {
      ActionId: 'ListFooterComments',
      Name: 'List comments of page',
      Description:
        "Lists the comments at the foot of a page (not inline comments; replies are listed under their parent comment), a page at a time: each one's id, body in storage format, author account id, version and creation time. Pass NextToken for more.",
      InputSchema: {
        type: 'object',
        required: ['PageId'],
        properties: {
          PageId: pageId,
          Sort: { enum: ['created-date', '-created-date', 'modified-date', '-modified-date'] },
          Limit: limit,
          NextToken: cursor,
        },
      },
      request: {
        method: 'GET',
        path: '/api/v2/pages/{PageId}/footer-comments',
        query: { 'body-format': 'storage', sort: '$.Sort', limit: '$.Limit', cursor: '$.NextToken' },
      },
      output: {
        value: {
          Comments: {
            $each: '$.Body.results',
            $as: {
              Id: '@.id',
              Status: '@.status',
              Body: '@.body.storage.value',
              AuthorId: '@.version.authorId',
              CreatedAt: '@.version.createdAt',
              Version: '@.version.number',
            },
          },
          NextToken: nextCursor,
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [{ Title: 'Newest comments first', Input: { PageId: '65868', Sort: '-created-date' } }],
      reference: v2ref('comment', 'GET', '/pages/{id}/footer-comments'),
      requires: scopes('read:comment:confluence'),
    },
    {
      ActionId: 'ListLabels',
      Name: 'List labels',
      Description:
        "Lists the labels of a page or blog post (Prefix narrows to 'global', 'my' or 'team' labels): each label's id, name and prefix. Pages: pass Start + Limit as the next Start while Size equals Limit.",
      InputSchema: {
        type: 'object',
        required: ['ContentId'],
        properties: {
          ContentId: contentId,
          Prefix: { enum: ['global', 'my', 'team'] },
          Start: { type: 'integer', minimum: 0 },
          Limit: { type: 'integer', minimum: 1, maximum: 200 },
        },
      },
      request: { method: 'GET', path: '/rest/api/content/{ContentId}/label', query: { prefix: '$.Prefix', start: '$.Start', limit: '$.Limit' } },
      output: {
        value: {
          Labels: { $each: '$.Body.results', $as: { Id: '@.id', Name: '@.name', Prefix: '@.prefix' } },
          Start: '$.Body.start',
          Limit: '$.Body.limit',
          Size: '$.Body.size',
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Labels of page 65868', Input: { ContentId: '65868' } }],
      reference: v1ref('content-labels', 'GET', '/rest/api/content/{id}/label'),
      requires: scopes('read:confluence-content.summary'),
    },
    {
      ActionId: 'AddLabels',
      Name: 'Add labels',
      Description:
        "Adds labels to a page or blog post (existing labels stay; adding one it has already changes nothing). Labels are lower-cased by Confluence and take no spaces. Returns all the content's labels.",
      InputSchema: {
        type: 'object',
        required: ['ContentId', 'Labels'],
        properties: {
          ContentId: contentId,
          Labels: { type: 'array', items: labelName, minItems: 1, maxItems: 50, uniqueItems: true },
          Prefix: { enum: ['global', 'my', 'team'], default: 'global' },
        },
      },
      request: {
        method: 'POST',
        path: '/rest/api/content/{ContentId}/label',
        body: { encoding: 'json', value: { $each: '$.Labels', $as: { prefix: '$.Prefix', name: '@' } } },
      },
      output: { value: { Labels: { $each: '$.Body.results', $as: { Id: '@.id', Name: '@.name', Prefix: '@.prefix' } } } },
      // Adding a label the content has is a no-op: a repeat changes nothing.
      idempotent: true,
      Examples: [{ Title: 'Label a page as a runbook', Input: { ContentId: '65868', Labels: ['runbook', 'ops'] } }],
      reference: v1ref('content-labels', 'POST', '/rest/api/content/{id}/label'),
      requires: scopes('write:confluence-content'),
    },
    {
      ActionId: 'RemoveLabel',
      Name: 'Remove label',
      Description: 'Removes one label from a page or blog post. Returns Removed: true; a label the content does not have is a 404.',
      InputSchema: { type: 'object', required: ['ContentId', 'Label'], properties: { ContentId: contentId, Label: labelName } },
      request: { method: 'DELETE', path: '/rest/api/content/{ContentId}/label', query: { name: '$.Label' } },
      output: { value: { Removed: true } },
      idempotent: false,
      Examples: [{ Title: 'Remove the draft label', Input: { ContentId: '65868', Label: 'draft' } }],
      reference: v1ref('content-labels', 'DELETE', '/rest/api/content/{id}/label'),
      requires: scopes('write:confluence-content'),
    },
    {
      ActionId: 'ListAttachments',
      Name: 'List attachments of page',
      Description:
        "Lists the files attached to a page, optionally by exact file name or media type, a page at a time: each one's id, title (file name), media type, size, comment, version and the links to download it (relative to the site's /wiki). Pass NextToken for more.",
      InputSchema: {
        type: 'object',
        required: ['PageId'],
        properties: {
          PageId: pageId,
          FileName: { type: 'string', minLength: 1, maxLength: 255 },
          MediaType: { type: 'string', pattern: '^[\\w.+-]+/[\\w.+-]+$' },
          Sort: { enum: ['created-date', '-created-date', 'modified-date', '-modified-date'] },
          Limit: limit,
          NextToken: cursor,
        },
      },
      request: {
        method: 'GET',
        path: '/api/v2/pages/{PageId}/attachments',
        query: { filename: '$.FileName', mediaType: '$.MediaType', sort: '$.Sort', limit: '$.Limit', cursor: '$.NextToken' },
      },
      output: {
        value: {
          Attachments: {
            $each: '$.Body.results',
            $as: {
              Id: '@.id',
              Title: '@.title',
              MediaType: '@.mediaType',
              FileSize: '@.fileSize',
              Comment: '@.comment',
              Version: '@.version.number',
              CreatedAt: '@.createdAt',
              DownloadLink: '@.downloadLink',
              WebUi: '@.webuiLink',
            },
          },
          NextToken: nextCursor,
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        { Title: 'Files on page 65868', Input: { PageId: '65868' } },
        { Title: 'PDFs on page 65868', Input: { PageId: '65868', MediaType: 'application/pdf' } },
      ],
      reference: v2ref('attachment', 'GET', '/pages/{id}/attachments'),
      requires: scopes('read:attachment:confluence'),
    },
    {
      ActionId: 'AddAttachment',
      Name: 'Attach file to page',
      Description: `Attaches a new file to a page or blog post: its content as base64 (at most ${ATTACHMENT_MAX / 1024 / 1024} MiB here; the site may allow less), a file name, optionally its media type and a comment. A file name the content already has is refused (400). MinorEdit true sends no notifications. Returns the attachment's id, size and download link.`,
      InputSchema: {
        type: 'object',
        required: ['ContentId', 'FileName', 'Content'],
        properties: {
          ContentId: contentId,
          FileName: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[^\\u0000-\\u001f\\u007f/\\\\]+$' },
          Content: base64Schema(ATTACHMENT_MAX),
          ContentType: { type: 'string', pattern: '^[\\w.+-]+/[\\w.+-]+$', default: 'application/octet-stream' },
          Comment: { type: 'string', minLength: 1, maxLength: 255 },
          MinorEdit: { type: 'boolean', default: false },
        },
      },
      request: {
        method: 'POST',
        path: '/rest/api/content/{ContentId}/child/attachment',
        // Confluence refuses multipart requests without it (its XSRF check).
        headers: { 'X-Atlassian-Token': 'nocheck' },
        body: {
          encoding: 'multipart',
          value: {
            file: { content: { $fromBase64: '$.Content' }, filename: '$.FileName', contentType: '$.ContentType' },
            minorEdit: { $string: '$.MinorEdit' },
            comment: { $if: '$.Comment', $then: { content: '$.Comment', contentType: 'text/plain; charset=utf-8' } },
          },
        },
      },
      output: {
        value: {
          Attachments: {
            $each: '$.Body.results',
            $as: {
              Id: '@.id',
              Title: '@.title',
              MediaType: '@.extensions.mediaType',
              FileSize: '@.extensions.fileSize',
              Comment: '@.extensions.comment',
              Version: '@.version.number',
              DownloadLink: '@._links.download',
              WebUi: '@._links.webui',
            },
          },
        },
      },
      binary: { maxBytes: ATTACHMENT_MAX },
      idempotent: false,
      Examples: [
        {
          Title: 'Attach a diagram',
          Input: { ContentId: '65868', FileName: 'architecture.png', Content: 'iVBORw0KGgo=', ContentType: 'image/png', Comment: 'Current architecture' },
        },
      ],
      reference: v1ref('content---attachments', 'POST', '/rest/api/content/{id}/child/attachment'),
      requires: scopes('write:confluence-file'),
    },
    {
      ActionId: 'ListPageVersions',
      Name: 'List page versions',
      Description:
        "Lists a page's versions (its edit history), a page at a time: each version's number, message, whether it was a minor edit, the author's account id and when. Sort '-modified-date' for the newest first. Pass NextToken for more.",
      InputSchema: {
        type: 'object',
        required: ['PageId'],
        properties: { PageId: pageId, Sort: { enum: ['modified-date', '-modified-date'] }, Limit: limit, NextToken: cursor },
      },
      request: { method: 'GET', path: '/api/v2/pages/{PageId}/versions', query: { sort: '$.Sort', limit: '$.Limit', cursor: '$.NextToken' } },
      output: {
        value: {
          Versions: {
            $each: '$.Body.results',
            $as: { Number: '@.number', Message: '@.message', MinorEdit: '@.minorEdit', AuthorId: '@.authorId', CreatedAt: '@.createdAt' },
          },
          NextToken: nextCursor,
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [{ Title: 'Latest edits of page 65868', Input: { PageId: '65868', Sort: '-modified-date', Limit: 5 } }],
      reference: v2ref('version', 'GET', '/pages/{id}/versions'),
      requires: scopes('read:page:confluence'),
    },
    {
      ActionId: 'FindPages',
      Name: 'Find pages',
      Description:
        "Lists pages across spaces, optionally those with an exact Title and in the given spaces (numeric ids), a page at a time: each page's id, title, space, status, parent and version. For words inside pages use SearchContent. Pass NextToken for more.",
      InputSchema: {
        type: 'object',
        properties: {
          Title: { type: 'string', minLength: 1, maxLength: 255, description: 'Only pages with exactly this title.' },
          SpaceIds: { type: 'array', items: { type: 'string', pattern: '^[0-9]{1,20}$' }, minItems: 1, maxItems: 100 },
          Status: { type: 'array', items: { enum: ['current', 'archived', 'deleted', 'trashed'] }, minItems: 1, maxItems: 4, uniqueItems: true },
          Sort: { enum: ['id', '-id', 'created-date', '-created-date', 'modified-date', '-modified-date', 'title', '-title'] },
          Limit: limit,
          NextToken: cursor,
        },
      },
      request: {
        method: 'GET',
        path: '/api/v2/pages',
        query: {
          title: '$.Title',
          // Ids comma-separated, as the reference describes them; statuses repeated (the spec's form style).
          'space-id': { $join: '$.SpaceIds' },
          status: '$.Status',
          sort: '$.Sort',
          limit: '$.Limit',
          cursor: '$.NextToken',
        },
      },
      output: {
        value: {
          Pages: {
            $each: '$.Body.results',
            $as: { Id: '@.id', Title: '@.title', SpaceId: '@.spaceId', Status: '@.status', ParentId: '@.parentId', Version: '@.version.number' },
          },
          NextToken: nextCursor,
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        { Title: 'Pages titled Runbook in two spaces', Input: { Title: 'Runbook', SpaceIds: ['98306', '98307'] } },
        { Title: 'Recently modified pages', Input: { Sort: '-modified-date', Limit: 10 } },
      ],
      reference: v2ref('page', 'GET', '/pages'),
      requires: scopes('read:page:confluence'),
    },
  ],
};
