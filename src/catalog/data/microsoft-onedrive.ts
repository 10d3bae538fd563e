// MICROSOFT_ONEDRIVE: Microsoft Graph v1.0 (OneDrive); shared parts in graph-common.ts.
import type { Catalog } from '../types.js';
import { base64Schema } from './common.js';
import { userId, top, select, token, id, itemId, perUser, listQuery, nextLink, listInput, driveItemOut, driveItemsOut, UPLOAD_MAX } from './graph-common.js';

export const microsoftOneDrive: Catalog = {
  Type: 'MICROSOFT_ONEDRIVE',
  Api: 'Microsoft Graph v1.0 (OneDrive)',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'ListChildren',
      Name: 'List folder',
      Description: "Lists the items of a folder (the drive's root by default).",
      InputSchema: listInput({ UserId: userId, ItemId: itemId }),
      request: perUser('/drive/items/{ItemId}/children', { method: 'GET', query: listQuery({ $$skiptoken: '$.NextToken' }) }),
      output: { value: { Items: driveItemsOut('$.Body.value'), NextToken: nextLink('$skiptoken') } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      reference: 'https://learn.microsoft.com/en-us/graph/api/driveitem-list-children',
      idempotent: true,
    },
    {
      ActionId: 'GetItem',
      Name: 'Get item',
      Description: 'Returns a file or folder: name, size, links, and a short-lived download URL for files.',
      InputSchema: { type: 'object', required: ['ItemId'], properties: { UserId: userId, ItemId: id } },
      request: perUser('/drive/items/{ItemId}', { method: 'GET' }),
      output: { value: driveItemOut },
      reference: 'https://learn.microsoft.com/en-us/graph/api/driveitem-get',
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
      reference: 'https://learn.microsoft.com/en-us/graph/api/driveitem-put-content',
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
      reference: 'https://learn.microsoft.com/en-us/graph/api/driveitem-search',
      idempotent: true,
    },
  ],
};
