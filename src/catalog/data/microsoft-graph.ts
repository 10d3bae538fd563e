// MICROSOFT_OUTLOOK, MICROSOFT_TEAMS, MICROSOFT_ONEDRIVE, MICROSOFT_SHAREPOINT:
// Microsoft Graph v1.0 (BaseEndpoint https://graph.microsoft.com/v1.0).
// Delegated (authorization code) connectors act as the signed-in user (/me/...);
// application (client credentials) connectors name the user with UserId (/users/{id}/...).
import type { Catalog, HttpRequestTemplate, JsonSchema, Template } from '../types.js';
import { base64Schema } from './common.js';

const userId = {
  type: 'string',
  minLength: 1,
  maxLength: 255,
  description: 'A user id or userPrincipalName; required with client credentials (application permissions), else the signed-in user.',
};
const top = { type: 'integer', minimum: 1, maximum: 999 };
const select = { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_./@]+$' }, maxItems: 100 };
const odata = { type: 'string', minLength: 1, maxLength: 4096 };
const token = { type: 'string', minLength: 1, maxLength: 4096 };
const id = { type: 'string', minLength: 1, maxLength: 1024 };
const itemId = { ...id, default: 'root', description: "A drive item id; 'root' for the drive's root folder." };
const emails = { type: 'array', items: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: 254 }, maxItems: 500 };
const content = { type: 'string', maxLength: 1_000_000 };
const contentType = { enum: ['text', 'html'], default: 'text' };
const dateTime = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$',
  description: 'Local date and time, e.g. 2025-03-01T09:30:00.',
};

/** The same request for /users/{UserId}/... when UserId is given, else /me/...; `when` adds a condition to both. */
function perUser(tail: string, rest: Omit<HttpRequestTemplate, 'path' | 'when'>, when?: string): HttpRequestTemplate[] {
  return [
    { when: when ? ['$.UserId', when] : '$.UserId', path: `/users/{UserId}${tail}`, ...rest },
    { ...(when ? { when } : {}), path: `/me${tail}`, ...rest },
  ];
}

const listQuery = (extra: Record<string, Template> = {}): Template => ({
  $$top: '$.Top',
  $$select: { $join: '$.Select' },
  $$filter: '$.Filter',
  $$orderby: '$.OrderBy',
  ...extra,
});
const nextLink = (param: string): Template => ({ $hook: 'urlQueryParam', $of: "$.Body['@odata.nextLink']", $args: { name: param } });
const listInput = (props: JsonSchema = {}, required: string[] = []): JsonSchema => ({
  type: 'object',
  required,
  properties: { Top: top, Select: select, Filter: odata, OrderBy: odata, NextToken: token, ...props },
});
const recipients = (ref: string): Template => ({ $each: ref, $as: { emailAddress: { address: '@' } } });
const messageBody = { contentType: '$.ContentType', content: '$.Body' };

export const microsoftOutlook: Catalog = {
  Type: 'MICROSOFT_OUTLOOK',
  Api: 'Microsoft Graph v1.0 (Outlook mail and calendar)',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'SendMail',
      Name: 'Send mail',
      Description: 'Sends an email as the user (saved in Sent Items unless SaveToSentItems is false).',
      InputSchema: {
        type: 'object',
        required: ['To', 'Subject', 'Body'],
        properties: {
          UserId: userId,
          To: { ...emails, minItems: 1 },
          Cc: emails,
          Bcc: emails,
          Subject: { type: 'string', maxLength: 998 },
          Body: content,
          ContentType: contentType,
          Importance: { enum: ['low', 'normal', 'high'] },
          SaveToSentItems: { type: 'boolean' },
        },
      },
      request: perUser('/sendMail', {
        method: 'POST',
        body: {
          encoding: 'json',
          value: {
            message: {
              subject: '$.Subject',
              body: messageBody,
              toRecipients: recipients('$.To'),
              ccRecipients: recipients('$.Cc'),
              bccRecipients: recipients('$.Bcc'),
              importance: '$.Importance',
            },
            saveToSentItems: '$.SaveToSentItems',
          },
        },
      }),
      output: { value: { Sent: true } },
      idempotent: false,
    },
    {
      ActionId: 'ListMessages',
      Name: 'List messages',
      Description:
        "Lists messages of the mailbox (or of a folder such as 'inbox'), newest first unless OrderBy says otherwise; Search uses Outlook search syntax.",
      InputSchema: listInput({
        UserId: userId,
        FolderId: { ...id, description: 'A folder id or well-known name: inbox, sentitems, drafts, archive.' },
        Search: odata,
      }),
      request: [
        ...perUser('/mailFolders/{FolderId}/messages', { method: 'GET', query: listQuery({ $$search: '$.Search', $$skip: '$.NextToken' }) }, '$.FolderId'),
        ...perUser('/messages', { method: 'GET', query: listQuery({ $$search: '$.Search', $$skip: '$.NextToken' }) }),
      ],
      output: { value: { Messages: '$.Body.value', NextToken: nextLink('$skip') } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'CreateEvent',
      Name: 'Create event',
      Description: 'Creates a calendar event (inviting attendees, optionally as an online meeting).',
      InputSchema: {
        type: 'object',
        required: ['Subject', 'Start', 'End'],
        properties: {
          UserId: userId,
          Subject: { type: 'string', maxLength: 255 },
          Body: content,
          ContentType: contentType,
          Start: dateTime,
          End: dateTime,
          TimeZone: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
            default: 'UTC',
            description: "A Windows or IANA time zone name, e.g. 'Pacific Standard Time'.",
          },
          Location: { type: 'string', maxLength: 255 },
          Attendees: emails,
          IsOnlineMeeting: { type: 'boolean' },
        },
      },
      request: perUser('/events', {
        method: 'POST',
        body: {
          encoding: 'json',
          value: {
            subject: '$.Subject',
            body: { $if: '$.Body', $then: messageBody },
            start: { dateTime: '$.Start', timeZone: '$.TimeZone' },
            end: { dateTime: '$.End', timeZone: '$.TimeZone' },
            location: { displayName: '$.Location' },
            attendees: { $each: '$.Attendees', $as: { emailAddress: { address: '@' }, type: 'required' } },
            isOnlineMeeting: '$.IsOnlineMeeting',
          },
        },
      }),
      output: { value: { Id: '$.Body.id', WebLink: '$.Body.webLink', OnlineMeetingUrl: '$.Body.onlineMeeting.joinUrl', Event: '$.Body' } },
      idempotent: false,
    },
    {
      ActionId: 'ListEvents',
      Name: 'List events',
      Description: 'Lists calendar events; with StartDateTime and EndDateTime, the occurrences in that window (calendarView), recurring ones expanded.',
      InputSchema: {
        ...listInput({ UserId: userId, StartDateTime: dateTime, EndDateTime: dateTime }),
        dependentRequired: { StartDateTime: ['EndDateTime'], EndDateTime: ['StartDateTime'] },
      },
      request: [
        ...perUser(
          '/calendarView',
          { method: 'GET', query: listQuery({ startDateTime: '$.StartDateTime', endDateTime: '$.EndDateTime', $$skip: '$.NextToken' }) },
          '$.StartDateTime',
        ),
        ...perUser('/events', { method: 'GET', query: listQuery({ $$skip: '$.NextToken' }) }),
      ],
      output: { value: { Events: '$.Body.value', NextToken: nextLink('$skip') } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
  ],
};

const teamId = { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' };
const channelId = { type: 'string', minLength: 1, maxLength: 255, description: "e.g. '19:abc123@thread.tacv2'" };
const chatBody = { body: { contentType: '$.ContentType', content: '$.Body' }, subject: '$.Subject' };
const chatMessageOut = { Id: '$.Body.id', WebUrl: '$.Body.webUrl', CreatedDateTime: '$.Body.createdDateTime' };

export const microsoftTeams: Catalog = {
  Type: 'MICROSOFT_TEAMS',
  Api: 'Microsoft Graph v1.0 (Teams)',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'ListTeams',
      Name: 'List teams',
      Description: 'Lists the teams the user is a member of.',
      InputSchema: { type: 'object', properties: { UserId: userId } },
      request: perUser('/joinedTeams', { method: 'GET' }),
      output: { value: { Teams: { $each: '$.Body.value', $as: { Id: '@.id', DisplayName: '@.displayName', Description: '@.description' } } } },
      idempotent: true,
    },
    {
      ActionId: 'ListChannels',
      Name: 'List channels',
      Description: 'Lists the channels of a team.',
      InputSchema: { type: 'object', required: ['TeamId'], properties: { TeamId: teamId, Filter: odata, Select: select } },
      request: { method: 'GET', path: '/teams/{TeamId}/channels', query: { $$filter: '$.Filter', $$select: { $join: '$.Select' } } },
      output: {
        value: {
          Channels: {
            $each: '$.Body.value',
            $as: { Id: '@.id', DisplayName: '@.displayName', Description: '@.description', MembershipType: '@.membershipType', WebUrl: '@.webUrl' },
          },
        },
      },
      idempotent: true,
    },
    {
      ActionId: 'SendChannelMessage',
      Name: 'Send channel message',
      Description: 'Posts a message to a channel, or a reply to a message of it (ReplyToId).',
      InputSchema: {
        type: 'object',
        required: ['TeamId', 'ChannelId', 'Body'],
        properties: {
          TeamId: teamId,
          ChannelId: channelId,
          Body: content,
          ContentType: contentType,
          Subject: { type: 'string', maxLength: 255 },
          ReplyToId: { type: 'string', pattern: '^[0-9]{1,20}$' },
        },
      },
      request: [
        {
          when: '$.ReplyToId',
          method: 'POST',
          path: '/teams/{TeamId}/channels/{ChannelId}/messages/{ReplyToId}/replies',
          body: { encoding: 'json', value: chatBody },
        },
        { method: 'POST', path: '/teams/{TeamId}/channels/{ChannelId}/messages', body: { encoding: 'json', value: chatBody } },
      ],
      output: { value: chatMessageOut },
      idempotent: false,
    },
    {
      ActionId: 'SendChatMessage',
      Name: 'Send chat message',
      Description: 'Sends a message in a one-on-one or group chat.',
      InputSchema: {
        type: 'object',
        required: ['ChatId', 'Body'],
        properties: {
          ChatId: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
            description: "e.g. '19:8b081ef6-4792-4def-b2c9-c363a1bf41d5_5031bb31-22c0-4f6f-9f73-91d34ab2b32d@unq.gbl.spaces'",
          },
          Body: content,
          ContentType: contentType,
        },
      },
      request: {
        method: 'POST',
        path: '/chats/{ChatId}/messages',
        body: { encoding: 'json', value: { body: { contentType: '$.ContentType', content: '$.Body' } } },
      },
      output: { value: chatMessageOut },
      idempotent: false,
    },
  ],
};

const driveItemOut = {
  Id: '$.Body.id',
  Name: '$.Body.name',
  Size: '$.Body.size',
  WebUrl: '$.Body.webUrl',
  LastModifiedDateTime: '$.Body.lastModifiedDateTime',
  IsFolder: { $if: '$.Body.folder', $then: true, $else: false },
  MimeType: '$.Body.file.mimeType',
  DownloadUrl: "$.Body['@microsoft.graph.downloadUrl']",
};
const driveItemsOut = (ref: string): Template => ({
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
const UPLOAD_MAX = 4 * 1024 * 1024;

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
  ],
};

const siteId = { type: 'string', minLength: 1, maxLength: 1024, description: "A site id ('contoso.sharepoint.com,2C712604-...,2D2244C3-...') or 'root'." };
const listId = { type: 'string', minLength: 1, maxLength: 255, description: 'A list id (GUID) or its display name.' };

export const microsoftSharePoint: Catalog = {
  Type: 'MICROSOFT_SHAREPOINT',
  Api: 'Microsoft Graph v1.0 (SharePoint sites, lists, drives)',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'GetSite',
      Name: 'Get site',
      Description: "Returns a site by id, or by host name and path (HostName 'contoso.sharepoint.com', SitePath 'sites/marketing').",
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
    },
    {
      ActionId: 'ListLists',
      Name: 'List lists',
      Description: 'Lists the lists of a site.',
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
    },
    {
      ActionId: 'ListListItems',
      Name: 'List list items',
      Description: "Lists the items of a list with their field values (Filter on fields needs the 'fields/' prefix, e.g. fields/Status eq 'Open').",
      InputSchema: listInput({ SiteId: siteId, ListId: listId }, ['SiteId', 'ListId']),
      request: {
        method: 'GET',
        path: '/sites/{SiteId}/lists/{ListId}/items',
        query: { expand: 'fields', $$top: '$.Top', $$filter: '$.Filter', $$orderby: '$.OrderBy', $$skiptoken: '$.NextToken' },
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
    },
    {
      ActionId: 'CreateListItem',
      Name: 'Create list item',
      Description: 'Adds an item to a list; Fields are the list\'s columns by internal name, e.g. {"Title": "Widget", "Color": "Red"}.',
      InputSchema: {
        type: 'object',
        required: ['SiteId', 'ListId', 'Fields'],
        properties: { SiteId: siteId, ListId: listId, Fields: { type: 'object', minProperties: 1 } },
      },
      request: { method: 'POST', path: '/sites/{SiteId}/lists/{ListId}/items', body: { encoding: 'json', value: { fields: '$.Fields' } } },
      output: { value: { Id: '$.Body.id', WebUrl: '$.Body.webUrl', Fields: '$.Body.fields' } },
      idempotent: false,
    },
    {
      ActionId: 'ListDriveItems',
      Name: 'List document library',
      Description: "Lists the files and folders of the site's default document library (a folder of it with ItemId).",
      InputSchema: listInput({ SiteId: siteId, ItemId: itemId }, ['SiteId']),
      request: { method: 'GET', path: '/sites/{SiteId}/drive/items/{ItemId}/children', query: listQuery({ $$skiptoken: '$.NextToken' }) },
      output: { value: { Items: driveItemsOut('$.Body.value'), NextToken: nextLink('$skiptoken') } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
  ],
};
