// Microsoft Graph v1.0 (BaseEndpoint https://graph.microsoft.com/v1.0): what the
// catalogs of MICROSOFT_OUTLOOK, MICROSOFT_TEAMS, MICROSOFT_ONEDRIVE and MICROSOFT_SHAREPOINT share.
// Delegated (authorization code) connectors act as the signed-in user (/me/...);
// application (client credentials) connectors name the user with UserId (/users/{id}/...).
import type { HttpRequestTemplate, JsonSchema, Template } from '../types.js';

export const userId = {
  type: 'string',
  minLength: 1,
  maxLength: 255,
  description: 'A user id or userPrincipalName; required with client credentials (application permissions), else the signed-in user.',
};
export const top = { type: 'integer', minimum: 1, maximum: 999 };
export const select = { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_./@]+$' }, maxItems: 100 };
export const odata = { type: 'string', minLength: 1, maxLength: 4096 };
export const token = { type: 'string', minLength: 1, maxLength: 4096 };
export const id = { type: 'string', minLength: 1, maxLength: 1024 };
export const itemId = { ...id, default: 'root', description: "A drive item id; 'root' for the drive's root folder." };
export const emails = { type: 'array', items: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: 254 }, maxItems: 500 };
export const content = { type: 'string', maxLength: 1_000_000 };
export const contentType = { enum: ['text', 'html'], default: 'text' };
export const dateTime = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$',
  description: 'Local date and time, e.g. 2025-03-01T09:30:00.',
};

/** The same request for /users/{UserId}/... when UserId is given, else /me/...; `when` adds a condition to both. */
export function perUser(tail: string, rest: Omit<HttpRequestTemplate, 'path' | 'when'>, when?: string): HttpRequestTemplate[] {
  return [
    { when: when ? ['$.UserId', when] : '$.UserId', path: `/users/{UserId}${tail}`, ...rest },
    // `/me` is the signed-in user: Graph refuses it to an app-only token, so the engine does first.
    { ...(when ? { when } : {}), path: `/me${tail}`, ...rest, grant: 'delegated' },
  ];
}

export const listQuery = (extra: Record<string, Template> = {}): Template => ({
  $$top: '$.Top',
  $$select: { $join: '$.Select' },
  $$filter: '$.Filter',
  $$orderby: '$.OrderBy',
  ...extra,
});
export const nextLink = (param: string): Template => ({ $hook: 'urlQueryParam', $of: "$.Body['@odata.nextLink']", $args: { name: param } });
export const listInput = (props: JsonSchema = {}, required: string[] = []): JsonSchema => ({
  type: 'object',
  required,
  properties: { Top: top, Select: select, Filter: odata, OrderBy: odata, NextToken: token, ...props },
});
export const recipients = (ref: string): Template => ({ $each: ref, $as: { emailAddress: { address: '@' } } });
export const messageBody = { contentType: '$.ContentType', content: '$.Body' };

export const driveItemOut = {
  Id: '$.Body.id',
  Name: '$.Body.name',
  Size: '$.Body.size',
  WebUrl: '$.Body.webUrl',
  LastModifiedDateTime: '$.Body.lastModifiedDateTime',
  IsFolder: { $if: '$.Body.folder', $then: true, $else: false },
  MimeType: '$.Body.file.mimeType',
  DownloadUrl: "$.Body['@microsoft.graph.downloadUrl']",
};
export const driveItemsOut = (ref: string): Template => ({
  $each: ref,
  $as: {
    Id: '@.id',
    Name: '@.name',
    Size: '@.size',
    WebUrl: '@.webUrl',
    LastModifiedDateTime: '@.lastModifiedDateTime',
    IsFolder: { $if: '@.folder', $then: true, $else: false },
  },
});
export const UPLOAD_MAX = 4 * 1024 * 1024;
