// MICROSOFT_ONEDRIVE: Microsoft Graph v1.0 (OneDrive); shared parts in graph-common.ts.
//
// `requires.scopes`: the least-privileged Graph permission for a delegated connector
// first, then the application one where it differs (Files.Read / Files.Read.All).
// Actions with `grant: 'delegated'` have no application permission at all.
//
// Downloads: GET .../content answers 302 with a pre-authenticated URL on another host
// (contoso-my.sharepoint.com, *.files.1drv.com). The egress follows it and drops
// Authorization on a redirect to another origin (Fetch §4.4), so the connector's token
// never reaches that host; test/msfiles-download.test.ts shows it.
import type { Catalog } from '../types.js';
import { base64Schema } from './common.js';
import {
  userId,
  top,
  select,
  token,
  id,
  itemId,
  perUser,
  listQuery,
  nextLink,
  listInput,
  driveItemOut,
  driveItemsOut,
  UPLOAD_MAX,
  graphRef,
  itemPath,
  childItemId,
  DOWNLOAD_MAX,
  downloadOut,
  permissionOut,
  emails,
  utcDateTime,
} from './graph-common.js';

const READ = { scopes: ['Files.Read', 'Files.Read.All'] };
const WRITE = { scopes: ['Files.ReadWrite', 'Files.ReadWrite.All'] };
const ITEM = '01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K';
const FOLDER = '01BYE5RZ4CPC5XBOUZ3FBKF5RF5RLGHJNQ';
const fileName = { type: 'string', minLength: 1, maxLength: 255, pattern: '^[^/\\\\:*?"<>|#%]+$' };
const conflictBehavior = {
  enum: ['fail', 'replace', 'rename'],
  description: 'What to do when an item of that name exists: fail, replace it, or rename the new one.',
};

/** Graph's upload sessions take chunks of a multiple of 320 KiB (the last may be shorter); ours fit in one InvokeAction. */
const CHUNK_UNIT = 327_680;
const CHUNK_MAX = 12 * CHUNK_UNIT;

export const microsoftOneDrive: Catalog = {
  Type: 'MICROSOFT_ONEDRIVE',
  Api: 'Microsoft Graph v1.0 (OneDrive)',
  defaultHeaders: { accept: 'application/json' },
  origins: {
    // Where Graph's upload sessions put their uploadUrl (OneDrive for work or school and SharePoint; OneDrive personal).
    // The URL is pre-authorized: Graph documents that it must not receive the Authorization header.
    uploadSession: { hosts: ['*.sharepoint.com', 'api.onedrive.com', '*.up.1drv.com'], credentials: false },
  },
  actions: [
    {
      ActionId: 'ListChildren',
      Name: 'List folder',
      Description:
        "Lists the files and folders in a folder by item id (the drive's root by default): Id, Name, Size, WebUrl, LastModifiedDateTime, IsFolder. Use ListChildrenByPath when you know the folder's path, not its id. Pages with NextToken.",
      InputSchema: listInput({ UserId: userId, ItemId: itemId }),
      request: perUser('/drive/items/{ItemId}/children', { method: 'GET', query: listQuery({ $$skiptoken: '$.NextToken' }) }),
      output: { value: { Items: driveItemsOut('$.Body.value'), NextToken: nextLink('$skiptoken') } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        { Title: "List the signed-in user's root folder", Input: { Top: 50 } },
        { Title: 'List a folder, newest first', Input: { ItemId: FOLDER, OrderBy: 'lastModifiedDateTime desc' } },
      ],
      reference: graphRef('driveitem-list-children'),
      requires: READ,
    },
    {
      ActionId: 'GetItem',
      Name: 'Get item',
      Description:
        'Returns a file or folder by id: Id, Name, Size, WebUrl, LastModifiedDateTime, IsFolder, MimeType, and for files a DownloadUrl that works without credentials for about an hour (use it for files too large for DownloadFile).',
      InputSchema: { type: 'object', required: ['ItemId'], properties: { UserId: userId, ItemId: id } },
      request: perUser('/drive/items/{ItemId}', { method: 'GET' }),
      output: { value: driveItemOut },
      idempotent: true,
      Examples: [{ Title: 'Get a file by id', Input: { ItemId: ITEM } }],
      reference: graphRef('driveitem-get'),
      requires: READ,
    },
    {
      ActionId: 'UploadFile',
      Name: 'Upload file',
      Description: `Uploads a file (base64 Content, at most ${UPLOAD_MAX} bytes) into a folder (ParentId, the root by default) and returns the new item. Replaces a file of the same name unless ConflictBehavior says rename or fail.`,
      InputSchema: {
        type: 'object',
        required: ['FileName', 'Content'],
        properties: {
          UserId: userId,
          ParentId: itemId,
          FileName: fileName,
          Content: base64Schema(UPLOAD_MAX),
          ContentType: { type: 'string', pattern: '^[\\w.+-]+/[\\w.+-]+$', default: 'application/octet-stream' },
          ConflictBehavior: { enum: ['replace', 'rename', 'fail'] },
        },
      },
      request: perUser('/drive/items/{ParentId}:/{FileName}:/content', {
        method: 'PUT',
        query: { '@microsoft.graph.conflictBehavior': '$.ConflictBehavior' },
        body: { encoding: 'base64', value: { $fromBase64: '$.Content' }, contentType: '$.ContentType' },
      }),
      output: { value: driveItemOut },
      binary: { maxBytes: UPLOAD_MAX },
      idempotent: false,
      Examples: [
        { Title: 'Upload a text file to the root folder', Input: { FileName: 'notes.txt', Content: 'SGVsbG8sIHdvcmxkIQ==', ContentType: 'text/plain' } },
        {
          Title: 'Upload into a folder without overwriting',
          Input: { ParentId: FOLDER, FileName: 'notes.txt', Content: 'SGVsbG8=', ConflictBehavior: 'rename' },
        },
      ],
      reference: graphRef('driveitem-put-content'),
      requires: WRITE,
    },
    {
      ActionId: 'Search',
      Name: 'Search files',
      Description:
        "Finds files and folders in the user's drive whose name, metadata or content match Query. Returns Items (Id, Name, Size, WebUrl, LastModifiedDateTime, IsFolder); pages with NextToken.",
      InputSchema: {
        type: 'object',
        required: ['Query'],
        properties: { UserId: userId, Query: { type: 'string', minLength: 1, maxLength: 1024 }, Top: top, Select: select, NextToken: token },
      },
      request: perUser("/drive/root/search(q='{Query|odata}')", {
        method: 'GET',
        query: { $$top: '$.Top', $$select: { $join: '$.Select' }, $$skiptoken: '$.NextToken' },
      }),
      output: { value: { Items: driveItemsOut('$.Body.value'), NextToken: nextLink('$skiptoken') } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [{ Title: 'Find budget spreadsheets', Input: { Query: 'budget 2025', Top: 20 } }],
      reference: graphRef('driveitem-search'),
      requires: READ,
    },
    // ── issue 16 ──
    {
      ActionId: 'DownloadFile',
      Name: 'Download file',
      Description: `Returns a file's content as base64 (Content, ContentType, Size). Graph answers with a redirect to a pre-authenticated URL on another host; it is followed without the connector's token. Format 'pdf' converts Office documents (work or school drives only). Meant for files up to ${DOWNLOAD_MAX} bytes (larger ones make a result too big for an agent, and beyond the server's response limit fail): use GetItem's DownloadUrl for those.`,
      InputSchema: {
        type: 'object',
        required: ['ItemId'],
        properties: {
          UserId: userId,
          ItemId: childItemId,
          Format: { enum: ['pdf', 'html'], description: "Convert before download: 'pdf' (Word, Excel, PowerPoint, ...), 'html' (Loop, Fluid and wiki files)." },
        },
      },
      request: perUser('/drive/items/{ItemId}/content', { method: 'GET', query: { format: '$.Format' }, headers: { accept: '*/*' } }),
      output: { value: downloadOut },
      binary: { maxBytes: DOWNLOAD_MAX, output: true },
      idempotent: true,
      Examples: [
        { Title: 'Download a file', Input: { ItemId: ITEM } },
        { Title: 'Download a Word document as PDF', Input: { ItemId: ITEM, Format: 'pdf' } },
      ],
      reference: graphRef('driveitem-get-content'),
      requires: READ,
    },
    {
      ActionId: 'GetItemByPath',
      Name: 'Get item by path',
      Description:
        "Returns a file or folder by its path below the drive's root ('Documents/Q1.xlsx'): Id, Name, Size, WebUrl, IsFolder, MimeType, DownloadUrl. Use it to turn a path into the ItemId other actions take; a missing path is FAILED with 404.",
      InputSchema: { type: 'object', required: ['ItemPath'], properties: { UserId: userId, ItemPath: itemPath } },
      request: perUser('/drive/root:/{+ItemPath}', { method: 'GET' }),
      output: { value: driveItemOut },
      idempotent: true,
      Examples: [{ Title: 'Get a report by path', Input: { ItemPath: 'Documents/Reports/Q1 report.pdf' } }],
      reference: graphRef('driveitem-get'),
      requires: READ,
    },
    {
      ActionId: 'ListChildrenByPath',
      Name: 'List folder by path',
      Description:
        "Lists the files and folders in the folder at FolderPath below the drive's root ('Documents/Reports'). Returns Items and NextToken, as ListChildren.",
      InputSchema: listInput({ UserId: userId, FolderPath: itemPath }, ['FolderPath']),
      request: perUser('/drive/root:/{+FolderPath}:/children', { method: 'GET', query: listQuery({ $$skiptoken: '$.NextToken' }) }),
      output: { value: { Items: driveItemsOut('$.Body.value'), NextToken: nextLink('$skiptoken') } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [{ Title: 'List the Reports folder', Input: { FolderPath: 'Documents/Reports', Top: 100 } }],
      reference: graphRef('driveitem-list-children'),
      requires: READ,
    },
    {
      ActionId: 'CreateFolder',
      Name: 'Create folder',
      Description:
        "Creates a folder named Name in the folder ParentId (the root by default) and returns it (Id, Name, WebUrl). By default fails with 409 when the name is taken; ConflictBehavior 'rename' picks a free name instead.",
      InputSchema: {
        type: 'object',
        required: ['Name'],
        properties: { UserId: userId, ParentId: itemId, Name: fileName, ConflictBehavior: { ...conflictBehavior, default: 'fail' } },
      },
      request: perUser('/drive/items/{ParentId}/children', {
        method: 'POST',
        body: { encoding: 'json', value: { name: '$.Name', folder: { $literal: {} }, '@microsoft.graph.conflictBehavior': '$.ConflictBehavior' } },
      }),
      output: { value: driveItemOut },
      idempotent: false,
      Examples: [
        { Title: 'Create a folder at the root', Input: { Name: 'Invoices 2025' } },
        { Title: 'Create a subfolder, renaming on conflict', Input: { ParentId: FOLDER, Name: 'Drafts', ConflictBehavior: 'rename' } },
      ],
      reference: graphRef('driveitem-post-children'),
      requires: WRITE,
    },
    {
      ActionId: 'UpdateItem',
      Name: 'Rename or move item',
      Description:
        'Renames a file or folder (NewName), moves it to another folder of the same drive (NewParentId), or both, and returns the updated item. Moving across drives is not possible: use CopyItem then DeleteItem.',
      InputSchema: {
        type: 'object',
        required: ['ItemId'],
        anyOf: [{ required: ['NewName'] }, { required: ['NewParentId'] }, { required: ['Description'] }],
        properties: {
          UserId: userId,
          ItemId: childItemId,
          NewName: fileName,
          NewParentId: { ...id, description: "The destination folder's id ('root' for the root folder)." },
          Description: { type: 'string', maxLength: 1024, description: "The item's description (OneDrive personal only)." },
          ConflictBehavior: conflictBehavior,
        },
      },
      request: perUser('/drive/items/{ItemId}', {
        method: 'PATCH',
        query: { '@microsoft.graph.conflictBehavior': '$.ConflictBehavior' },
        body: { encoding: 'json', value: { name: '$.NewName', parentReference: { id: '$.NewParentId' }, description: '$.Description' } },
      }),
      output: { value: driveItemOut },
      idempotent: false,
      Examples: [
        { Title: 'Rename a file', Input: { ItemId: ITEM, NewName: 'Q1 report (final).pdf' } },
        { Title: 'Move a file into a folder', Input: { ItemId: ITEM, NewParentId: FOLDER } },
      ],
      reference: graphRef('driveitem-move'),
      requires: WRITE,
    },
    {
      ActionId: 'CopyItem',
      Name: 'Copy item',
      Description:
        "Starts copying a file or folder (with its contents) into the folder NewParentId, optionally under NewName and into another drive (DriveId). The copy runs in the background: the answer is 202 with MonitorUrl, a pre-authenticated status URL on another host; the new item appears in the destination folder (ListChildren) when the copy completes. ConflictBehavior defaults to 'fail'.",
      InputSchema: {
        type: 'object',
        required: ['ItemId', 'NewParentId'],
        properties: {
          UserId: userId,
          ItemId: childItemId,
          NewParentId: { ...id, description: "The destination folder's id." },
          DriveId: { ...id, description: "The destination drive's id, when it is not the source item's drive." },
          NewName: fileName,
          ConflictBehavior: conflictBehavior,
        },
      },
      request: perUser('/drive/items/{ItemId}/copy', {
        method: 'POST',
        query: { '@microsoft.graph.conflictBehavior': '$.ConflictBehavior' },
        body: { encoding: 'json', value: { parentReference: { driveId: '$.DriveId', id: '$.NewParentId' }, name: '$.NewName' } },
      }),
      output: { value: { Accepted: { $if: '$.Headers.location', $then: true, $else: false }, MonitorUrl: '$.Headers.location' } },
      idempotent: false,
      Examples: [
        { Title: 'Copy a file into a folder', Input: { ItemId: ITEM, NewParentId: FOLDER } },
        { Title: 'Copy a file under a new name', Input: { ItemId: ITEM, NewParentId: FOLDER, NewName: 'Q1 report (copy).pdf', ConflictBehavior: 'rename' } },
      ],
      reference: graphRef('driveitem-copy'),
      requires: WRITE,
    },
    {
      ActionId: 'DeleteItem',
      Name: 'Delete item',
      Description:
        "Moves a file or folder (with its contents) to the recycle bin, from where the user can restore it. Answers 204 with no content; a missing item is FAILED with 404. The root folder can't be deleted.",
      InputSchema: { type: 'object', required: ['ItemId'], properties: { UserId: userId, ItemId: childItemId } },
      request: perUser('/drive/items/{ItemId}', { method: 'DELETE' }),
      output: { value: { Deleted: true } },
      idempotent: true,
      Examples: [{ Title: 'Delete a file', Input: { ItemId: ITEM } }],
      reference: graphRef('driveitem-delete'),
      requires: WRITE,
    },
    {
      ActionId: 'CreateSharingLink',
      Name: 'Create sharing link',
      Description:
        "Creates (or returns the existing) sharing link to a file or folder and returns it: LinkWebUrl, LinkType, LinkScope, Roles, Id. Type 'view' or 'edit' ('embed' on OneDrive personal only); Scope 'anonymous' (anyone with the link, if the tenant allows it), 'organization' (people in the tenant) or 'users' (only Recipients).",
      InputSchema: {
        type: 'object',
        required: ['ItemId', 'Type'],
        properties: {
          UserId: userId,
          ItemId: childItemId,
          Type: { enum: ['view', 'edit', 'embed'] },
          Scope: { enum: ['anonymous', 'organization', 'users'], description: "Who the link works for; the tenant's default when absent." },
          ExpirationDateTime: { ...utcDateTime, description: 'When the link expires, e.g. 2025-12-31T00:00:00Z.' },
          Password: { type: 'string', minLength: 1, maxLength: 256, description: 'OneDrive personal only.' },
          Recipients: { ...emails, minItems: 1, description: "For Scope 'users': the people the link works for." },
          RetainInheritedPermissions: {
            type: 'boolean',
            description: "Keep the item's inherited permissions when the link is the item's first unique one (default true).",
          },
        },
      },
      request: perUser('/drive/items/{ItemId}/createLink', {
        method: 'POST',
        body: {
          encoding: 'json',
          value: {
            type: '$.Type',
            scope: '$.Scope',
            expirationDateTime: '$.ExpirationDateTime',
            password: '$.Password',
            recipients: { $each: '$.Recipients', $as: { email: '@' } },
            retainInheritedPermissions: '$.RetainInheritedPermissions',
          },
        },
      }),
      output: { value: permissionOut('$.Body') },
      idempotent: false,
      Examples: [
        { Title: 'A view link for people in the organization', Input: { ItemId: ITEM, Type: 'view', Scope: 'organization' } },
        { Title: 'An edit link for two people', Input: { ItemId: ITEM, Type: 'edit', Scope: 'users', Recipients: ['megan@contoso.com', 'alex@contoso.com'] } },
      ],
      reference: graphRef('driveitem-createlink'),
      requires: WRITE,
    },
    {
      ActionId: 'ListPermissions',
      Name: 'List permissions',
      Description:
        'Lists who can access a file or folder: each permission with Id, Roles (read, write, owner), the sharing link (LinkType, LinkScope, LinkWebUrl) or the person or group it is GrantedTo, and InheritedFrom when it comes from a parent folder. Use an Id with DeletePermission to stop sharing.',
      InputSchema: { type: 'object', required: ['ItemId'], properties: { UserId: userId, ItemId: id, Select: select } },
      request: perUser('/drive/items/{ItemId}/permissions', { method: 'GET', query: { $$select: { $join: '$.Select' } } }),
      output: { value: { Permissions: { $each: '$.Body.value', $as: permissionOut('@') } } },
      idempotent: true,
      Examples: [{ Title: 'Who has access to a file', Input: { ItemId: ITEM } }],
      reference: graphRef('driveitem-list-permissions'),
      requires: READ,
    },
    {
      ActionId: 'DeletePermission',
      Name: 'Stop sharing',
      Description:
        'Removes one permission (a sharing link or a grant to a person or group; its Id from ListPermissions) from a file or folder. Only permissions that are not inherited can be removed. Answers 204 with no content.',
      InputSchema: {
        type: 'object',
        required: ['ItemId', 'PermissionId'],
        properties: { UserId: userId, ItemId: childItemId, PermissionId: { ...id, description: 'A permission id from ListPermissions.' } },
      },
      request: perUser('/drive/items/{ItemId}/permissions/{PermissionId}', { method: 'DELETE' }),
      output: { value: { Deleted: true } },
      idempotent: true,
      Examples: [{ Title: 'Remove a sharing link', Input: { ItemId: ITEM, PermissionId: '123ABC' } }],
      reference: graphRef('permission-delete'),
      requires: WRITE,
    },
    {
      ActionId: 'InviteUsers',
      Name: 'Share with people',
      Description:
        "Grants people (by email) read or write access to a file or folder, optionally emailing them an invitation with Message. Returns the permissions created (Id, Roles, GrantedTo or InvitedEmail). RequireSignIn and SendInvitation default to true; people outside the tenant need the tenant's external sharing allowed.",
      InputSchema: {
        type: 'object',
        required: ['ItemId', 'Recipients', 'Roles'],
        properties: {
          UserId: userId,
          ItemId: childItemId,
          Recipients: { ...emails, minItems: 1 },
          Roles: { type: 'array', items: { enum: ['read', 'write'] }, minItems: 1, maxItems: 1, uniqueItems: true },
          Message: { type: 'string', maxLength: 2000, description: 'Text included in the invitation email.' },
          RequireSignIn: { type: 'boolean', default: true },
          SendInvitation: { type: 'boolean', default: true },
          ExpirationDateTime: { ...utcDateTime, description: 'When the access ends, e.g. 2025-12-31T00:00:00Z.' },
        },
      },
      request: perUser('/drive/items/{ItemId}/invite', {
        method: 'POST',
        body: {
          encoding: 'json',
          value: {
            recipients: { $each: '$.Recipients', $as: { email: '@' } },
            roles: '$.Roles',
            message: '$.Message',
            requireSignIn: '$.RequireSignIn',
            sendInvitation: '$.SendInvitation',
            expirationDateTime: '$.ExpirationDateTime',
          },
        },
      }),
      output: { value: { Permissions: { $each: '$.Body.value', $as: permissionOut('@') } } },
      idempotent: false,
      Examples: [
        { Title: 'Let a colleague edit a file', Input: { ItemId: ITEM, Recipients: ['megan@contoso.com'], Roles: ['write'], Message: 'Please review.' } },
        { Title: 'Grant read access without an email', Input: { ItemId: ITEM, Recipients: ['alex@contoso.com'], Roles: ['read'], SendInvitation: false } },
      ],
      reference: graphRef('driveitem-invite'),
      requires: WRITE,
    },
    {
      ActionId: 'GetDrive',
      Name: 'Get drive',
      Description:
        "Returns the user's OneDrive: Id, DriveType (personal, business), Owner, WebUrl and its storage Quota in bytes (Total, Used, Remaining, Deleted, State: normal, nearing, critical, exceeded).",
      InputSchema: { type: 'object', properties: { UserId: userId } },
      request: perUser('/drive', { method: 'GET' }),
      output: {
        value: {
          Id: '$.Body.id',
          Name: '$.Body.name',
          DriveType: '$.Body.driveType',
          WebUrl: '$.Body.webUrl',
          Owner: '$.Body.owner.user.displayName',
          Quota: {
            Total: '$.Body.quota.total',
            Used: '$.Body.quota.used',
            Remaining: '$.Body.quota.remaining',
            Deleted: '$.Body.quota.deleted',
            State: '$.Body.quota.state',
          },
        },
      },
      idempotent: true,
      Examples: [{ Title: 'How much space is left', Input: {} }],
      reference: graphRef('drive-get'),
      requires: READ,
    },
    {
      ActionId: 'ListThumbnails',
      Name: 'List thumbnails',
      Description:
        'Returns preview images of a file (photos, videos, Office documents, PDFs): for each thumbnail set, Small, Medium and Large with Url, Width and Height. The URLs are short-lived and need no credentials. Empty for files without previews.',
      InputSchema: { type: 'object', required: ['ItemId'], properties: { UserId: userId, ItemId: id } },
      request: perUser('/drive/items/{ItemId}/thumbnails', { method: 'GET' }),
      output: {
        value: {
          Thumbnails: {
            $each: '$.Body.value',
            $as: {
              Id: '@.id',
              Small: { Url: '@.small.url', Width: '@.small.width', Height: '@.small.height' },
              Medium: { Url: '@.medium.url', Width: '@.medium.width', Height: '@.medium.height' },
              Large: { Url: '@.large.url', Width: '@.large.width', Height: '@.large.height' },
            },
          },
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Preview images of a photo', Input: { ItemId: ITEM } }],
      reference: graphRef('driveitem-list-thumbnails'),
      requires: READ,
    },
    {
      ActionId: 'CreateUploadSession',
      Name: 'Start large file upload',
      Description: `Starts an upload session for a file of any size (up to 250 GB) in a folder: returns UploadUrl, ExpirationDateTime and NextExpectedRanges. Then send the bytes in order with UploadFileChunk (chunks of a multiple of ${CHUNK_UNIT} bytes, at most ${CHUNK_MAX}; the last may be shorter). For files up to ${UPLOAD_MAX} bytes, UploadFile is one call.`,
      InputSchema: {
        type: 'object',
        required: ['FileName'],
        properties: {
          UserId: userId,
          ParentId: itemId,
          FileName: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[^/\\\\:*?"<>|#%]+$' },
          ConflictBehavior: { enum: ['replace', 'rename', 'fail'], default: 'fail' },
        },
      },
      request: perUser('/drive/items/{ParentId}:/{FileName}:/createUploadSession', {
        method: 'POST',
        body: { encoding: 'json', value: { item: { '@microsoft.graph.conflictBehavior': '$.ConflictBehavior' } } },
      }),
      output: { value: { UploadUrl: '$.Body.uploadUrl', ExpirationDateTime: '$.Body.expirationDateTime', NextExpectedRanges: '$.Body.nextExpectedRanges' } },
      idempotent: false,
      Examples: [{ Title: 'Start uploading a video to Documents', Input: { FileName: 'all-hands.mp4', ParentId: 'root', ConflictBehavior: 'rename' } }],
      reference: 'https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession?view=graph-rest-1.0',
      requires: { scopes: ['Files.ReadWrite', 'Files.ReadWrite.All'] },
    },
    {
      ActionId: 'UploadFileChunk',
      Name: 'Upload file chunk',
      Description: `Sends one chunk of a file to the UploadUrl of CreateUploadSession: Content (base64, a multiple of ${CHUNK_UNIT} bytes and at most ${CHUNK_MAX}, the last chunk may be shorter) starting at byte RangeStart of a file of TotalSize bytes. Returns NextExpectedRanges while bytes are missing, and the file's Id, Name, Size and WebUrl once the last chunk is in. The URL goes without the connector's credentials (it is pre-authorized) and only to Microsoft's upload hosts.`,
      InputSchema: {
        type: 'object',
        required: ['UploadUrl', 'Content', 'RangeStart', 'TotalSize'],
        properties: {
          UploadUrl: { type: 'string', pattern: '^https://', maxLength: 4096, description: 'The UploadUrl CreateUploadSession returned.' },
          Content: base64Schema(CHUNK_MAX),
          RangeStart: { type: 'integer', minimum: 0, description: 'The offset of the chunk in the file: the start of NextExpectedRanges.' },
          TotalSize: { type: 'integer', minimum: 1, maximum: 250 * 1024 * 1024 * 1024, description: 'The size of the whole file, in bytes.' },
        },
      },
      request: {
        origin: 'uploadSession',
        url: '$.UploadUrl',
        method: 'PUT',
        path: '/',
        headers: { 'Content-Range': { $hook: 'contentRange', $of: { start: '$.RangeStart', total: '$.TotalSize', content: '$.Content' } } },
        body: { encoding: 'base64', value: { $fromBase64: '$.Content' }, contentType: 'application/octet-stream' },
      },
      output: {
        value: {
          NextExpectedRanges: '$.Body.nextExpectedRanges',
          ExpirationDateTime: '$.Body.expirationDateTime',
          Id: '$.Body.id',
          Name: '$.Body.name',
          Size: '$.Body.size',
          WebUrl: '$.Body.webUrl',
        },
      },
      binary: { maxBytes: CHUNK_MAX },
      idempotent: false,
      Examples: [
        {
          Title: 'Send the first 320 KiB of a 1 MB file',
          Input: {
            UploadUrl: 'https://acme-my.sharepoint.com/personal/ada_acme_com/_api/v2.0/drive/items/01ABC/uploadSession?guid=1a2b',
            Content: 'AAAA',
            RangeStart: 0,
            TotalSize: 1048576,
          },
        },
      ],
      reference: 'https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession?view=graph-rest-1.0#upload-bytes-to-the-upload-session',
    },
    {
      ActionId: 'CancelUploadSession',
      Name: 'Cancel large file upload',
      Description:
        "Cancels an upload session (its UploadUrl): the bytes sent so far are discarded. Returns Cancelled: true once Microsoft accepted the cancellation. Sent without the connector's credentials, only to Microsoft's upload hosts.",
      InputSchema: {
        type: 'object',
        required: ['UploadUrl'],
        properties: { UploadUrl: { type: 'string', pattern: '^https://', maxLength: 4096, description: 'The UploadUrl CreateUploadSession returned.' } },
      },
      request: { origin: 'uploadSession', url: '$.UploadUrl', method: 'DELETE', path: '/' },
      output: { value: { Cancelled: { $if: '$.StatusCode', $then: true } } },
      idempotent: true,
      Examples: [
        {
          Title: 'Give up an upload',
          Input: { UploadUrl: 'https://acme-my.sharepoint.com/personal/ada_acme_com/_api/v2.0/drive/items/01ABC/uploadSession?guid=1a2b' },
        },
      ],
      reference: 'https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession?view=graph-rest-1.0#cancel-the-upload-session',
    },
  ],
};
