// MICROSOFT_ONEDRIVE: Microsoft Graph v1.0 (OneDrive); shared parts in graph-common.ts.
import type { Catalog } from '../types.js';
import { base64Schema } from './common.js';
import { userId, top, select, token, id, itemId, perUser, listQuery, nextLink, listInput, driveItemOut, driveItemsOut, UPLOAD_MAX } from './graph-common.js';

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
      Description: "Lists the items of a folder (the drive's root by default).",
      InputSchema: listInput({ UserId: userId, ItemId: itemId }),
      request: perUser('/drive/items/{ItemId}/children', { method: 'GET', query: listQuery({ $$skiptoken: '$.NextToken' }) }),
      output: { value: { Items: driveItemsOut('$.Body.value'), NextToken: nextLink('$skiptoken') } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'GetItem',
      Name: 'Get item',
      Description: 'Returns a file or folder: name, size, links, and a short-lived download URL for files.',
      InputSchema: { type: 'object', required: ['ItemId'], properties: { UserId: userId, ItemId: id } },
      request: perUser('/drive/items/{ItemId}', { method: 'GET' }),
      output: { value: driveItemOut },
      idempotent: true,
    },
    {
      ActionId: 'UploadFile',
      Name: 'Upload file',
      Description: `Uploads a file (base64, at most ${UPLOAD_MAX} bytes) into a folder, replacing a file of the same name unless ConflictBehavior says otherwise.`,
      InputSchema: {
        type: 'object',
        required: ['FileName', 'Content'],
        properties: {
          UserId: userId,
          ParentId: itemId,
          FileName: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[^/\\\\:*?"<>|#%]+$' },
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
    },
    {
      ActionId: 'Search',
      Name: 'Search files',
      Description: 'Finds files and folders whose name, metadata or content match the query.',
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
        "Cancels an upload session (its UploadUrl): the bytes sent so far are discarded. Sent without the connector's credentials, only to Microsoft's upload hosts.",
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
