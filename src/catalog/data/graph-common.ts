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

// ── Added for issue 16 (OneDrive and SharePoint breadth) ──────────────────────

/** Graph's learn.microsoft.com reference page of an operation ('driveitem-get'). */
export const graphRef = (page: string) => `https://learn.microsoft.com/en-us/graph/api/${page}?view=graph-rest-1.0`;

/**
 * A path of a drive item below a drive's root ('Documents/Reports/Q1.xlsx'): no leading or
 * trailing '/', no empty, '.' or '..' segments, none of the characters OneDrive and
 * SharePoint refuse in names (and ':' ends Graph's path syntax).
 */
export const itemPath = {
  type: 'string',
  minLength: 1,
  maxLength: 400,
  pattern: '^(?!/)(?!.*//)(?!.*/$)(?!(?:.*/)?\\.\\.?(?:/|$))[^\\\\:*?"<>|#%]+$',
  description: "A path below the drive's root, e.g. 'Documents/Reports/Q1.xlsx' (no leading '/').",
};

/** A drive item id that may not be the root folder (delete, move, copy, share). */
export const childItemId = { ...id, not: { enum: ['root'] }, description: 'A drive item id (not the root folder).' };

/** The largest download an action answers with: the egress's default response limit. */
/** Downloads are meant for files up to this size (base64 in one InvokeAction result); larger ones: the item's DownloadUrl. */
export const DOWNLOAD_MAX = 4 * 1024 * 1024;

/** The shaped answer of GET .../content, after the egress followed Graph's 302 to the pre-authenticated URL (without the connector's token). */
export const downloadOut = {
  Content: '$.Body',
  ContentType: "$.Headers['content-type']",
  Size: { $number: "$.Headers['content-length']" },
};

/** A permission (sharing link or grant) as actions answer it. */
export const permissionOut = (at: '$.Body' | '@') => {
  const p = (path: string) => (at === '@' ? `@.${path}` : `$.Body.${path}`);
  return {
    Id: p('id'),
    Roles: p('roles'),
    LinkType: p('link.type'),
    LinkScope: p('link.scope'),
    LinkWebUrl: p('link.webUrl'),
    GrantedTo: {
      $coalesce: [p('grantedToV2.user.email'), p('grantedToV2.user.displayName'), p('grantedToV2.group.displayName'), p('grantedToV2.siteUser.displayName')],
    },
    InvitedEmail: p('invitation.email'),
    ExpirationDateTime: p('expirationDateTime'),
    HasPassword: p('hasPassword'),
    InheritedFrom: p('inheritedFrom.path'),
  };
};

/** An ISO 8601 date and time with its offset (Graph's DateTimeOffset), e.g. 2025-12-31T00:00:00Z. */
export const utcDateTime = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
};
