// Sample invocations of the OneDrive and SharePoint actions added for issue 16 (see
// catalog-samples.ts for the format). Answers follow the examples of Graph's reference
// pages (learn.microsoft.com/graph/api/...). DownloadFile's answer here is the one the
// egress ends with after following Graph's 302; test/msfiles-download.test.ts shows the
// redirect itself (to another host, without the connector's token).
import type { HttpSample } from './catalog-samples.js';

const GRAPH = 'https://graph.microsoft.com/v1.0';
const ITEM = '01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K';
const FOLDER = '01BYE5RZYJ43UXGBP23BBIFPISHHMCDTOY';
const SITE = 'contoso.sharepoint.com,2C712604-1370-44E7-A1F5-426573FDA80A,2D2244C3-251A-49EA-93A8-39E1C3A060FE';
const LIST = 'b57af081-936c-4803-a120-d94887b03864';
const DRIVE = 'b!-RIj2DuyvEyV1T4NlOaMHk8XkS_I8MdFlUCq1BlcjgmhRfAj3-Z8RY2VpuvV_tpd';

const file = {
  id: ITEM,
  name: 'Q1 report.pdf',
  size: 35212,
  webUrl: 'https://contoso-my.sharepoint.com/personal/megan_contoso_com/Documents/Reports/Q1%20report.pdf',
  lastModifiedDateTime: '2025-02-01T10:00:00Z',
  file: { mimeType: 'application/pdf', hashes: { quickXorHash: 'xHa5gGvbG0ST6ODn0dOnbNeUzGM=' } },
  parentReference: { driveId: 'b!t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7', id: FOLDER, path: '/drive/root:/Reports' },
  '@microsoft.graph.downloadUrl':
    'https://contoso-my.sharepoint.com/personal/megan_contoso_com/_layouts/15/download.aspx?UniqueId=5c2a1ee5&tempauth=v1.eyJ0eXAiOiJKV1QifQ',
};
const fileOut = {
  Id: ITEM,
  Name: 'Q1 report.pdf',
  Size: 35212,
  WebUrl: file.webUrl,
  LastModifiedDateTime: '2025-02-01T10:00:00Z',
  IsFolder: false,
  MimeType: 'application/pdf',
  DownloadUrl: file['@microsoft.graph.downloadUrl'],
};
const folder = {
  id: FOLDER,
  name: 'Reports',
  size: 1048576,
  webUrl: 'https://contoso-my.sharepoint.com/personal/megan_contoso_com/Documents/Reports',
  lastModifiedDateTime: '2025-01-15T08:00:00Z',
  folder: { childCount: 4 },
};
const folderOut = { Id: FOLDER, Name: 'Reports', Size: 1048576, WebUrl: folder.webUrl, LastModifiedDateTime: '2025-01-15T08:00:00Z', IsFolder: true };
const itemsOut = [
  { Id: ITEM, Name: 'Q1 report.pdf', Size: 35212, WebUrl: file.webUrl, LastModifiedDateTime: '2025-02-01T10:00:00Z', IsFolder: false },
  folderOut,
];
const pdf = '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
const link = {
  id: '123ABC',
  roles: ['write'],
  link: { type: 'edit', scope: 'users', webUrl: 'https://contoso-my.sharepoint.com/:b:/g/personal/megan_contoso_com/EeUeKlxrEC1Ep1qvCoGSMtgBlW5jyg' },
  expirationDateTime: '2025-12-31T00:00:00Z',
  hasPassword: false,
};
const linkOut = {
  Id: '123ABC',
  Roles: ['write'],
  LinkType: 'edit',
  LinkScope: 'users',
  LinkWebUrl: link.link.webUrl,
  ExpirationDateTime: '2025-12-31T00:00:00Z',
  HasPassword: false,
};
const site = {
  id: SITE,
  name: 'marketing',
  displayName: 'Marketing',
  description: 'Campaigns and brand',
  webUrl: 'https://contoso.sharepoint.com/sites/marketing',
  lastModifiedDateTime: '2025-02-20T12:00:00Z',
};
const siteOut = {
  Id: SITE,
  Name: 'marketing',
  DisplayName: 'Marketing',
  Description: 'Campaigns and brand',
  WebUrl: 'https://contoso.sharepoint.com/sites/marketing',
  LastModifiedDateTime: '2025-02-20T12:00:00Z',
};
const listItem = {
  id: '12',
  webUrl: 'https://contoso.sharepoint.com/Lists/Issues/DispForm.aspx?ID=12',
  createdDateTime: '2025-01-10T09:00:00Z',
  createdBy: { user: { id: 'f5b3a6f4-9bd7-4a58-8e0b-6d8c2ee8c7a2', displayName: 'Megan Bowen' } },
  lastModifiedDateTime: '2025-01-12T16:30:00Z',
  lastModifiedBy: { user: { id: '4c1e0a27-3f2c-4e3f-8d6b-1a1f2e3d4c5b', displayName: 'Alex Wilber' } },
  fields: { '@odata.etag': '"a2cb2e54-b4b4-4fa1-a2b2-6b8ba9a1f13b,3"', Title: 'Printer on floor 3 jams', Status: 'Open' },
};

export const MSFILES_SAMPLES: HttpSample[] = [
  // ── MICROSOFT_ONEDRIVE ───────────────────────────────────────────────────────
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'DownloadFile',
    note: 'the answer after the redirect',
    base: GRAPH,
    input: { ItemId: ITEM, Format: 'pdf' },
    expect: { method: 'GET', url: `/v1.0/me/drive/items/${ITEM}/content?format=pdf`, headers: { accept: '*/*' } },
    response: { headers: { 'content-type': 'application/pdf', 'content-length': String(Buffer.byteLength(pdf)) }, text: pdf },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Content: Buffer.from(pdf).toString('base64'), ContentType: 'application/pdf', Size: Buffer.byteLength(pdf) },
    },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'GetItemByPath',
    base: GRAPH,
    input: { ItemPath: 'Reports/Q1 report.pdf' },
    expect: { method: 'GET', url: '/v1.0/me/drive/root:/Reports/Q1%20report.pdf' },
    response: { json: file },
    result: { status: 'SUCCESS', httpStatus: 200, output: fileOut },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'GetItemByPath',
    note: 'another user (application permissions)',
    base: GRAPH,
    input: { UserId: 'megan@contoso.com', ItemPath: 'Reports' },
    expect: { method: 'GET', url: '/v1.0/users/megan@contoso.com/drive/root:/Reports' },
    response: { json: folder },
    result: { status: 'SUCCESS', httpStatus: 200, output: folderOut },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'ListChildrenByPath',
    base: GRAPH,
    input: { FolderPath: 'Reports/2025', Top: 2 },
    expect: { method: 'GET', url: '/v1.0/me/drive/root:/Reports/2025:/children?$top=2' },
    response: {
      json: {
        value: [file, folder],
        '@odata.nextLink': 'https://graph.microsoft.com/v1.0/me/drive/root:/Reports/2025:/children?$top=2&$skiptoken=UGFnZWQ9VFJVRSZwX1NvcnRCZWhhdmlvcj0x',
      },
    },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Items: itemsOut, NextToken: 'UGFnZWQ9VFJVRSZwX1NvcnRCZWhhdmlvcj0x' } },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'CreateFolder',
    base: GRAPH,
    input: { Name: 'Reports' },
    expect: {
      method: 'POST',
      url: '/v1.0/me/drive/items/root/children',
      json: { name: 'Reports', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
      headers: { 'content-type': 'application/json' },
    },
    response: { status: 201, json: { ...folder, folder: { childCount: 0 }, size: 0 } },
    result: { status: 'SUCCESS', httpStatus: 201, output: { ...folderOut, Size: 0 } },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'UpdateItem',
    note: 'rename and move',
    base: GRAPH,
    input: { ItemId: ITEM, NewName: 'Q1 report (final).pdf', NewParentId: FOLDER, ConflictBehavior: 'fail' },
    expect: {
      method: 'PATCH',
      url: `/v1.0/me/drive/items/${ITEM}?@microsoft.graph.conflictBehavior=fail`,
      json: { name: 'Q1 report (final).pdf', parentReference: { id: FOLDER } },
    },
    response: { json: { ...file, name: 'Q1 report (final).pdf' } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { ...fileOut, Name: 'Q1 report (final).pdf' } },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'CopyItem',
    base: GRAPH,
    input: { ItemId: ITEM, NewParentId: FOLDER, NewName: 'Q1 report (copy).pdf', ConflictBehavior: 'rename' },
    expect: {
      method: 'POST',
      url: `/v1.0/me/drive/items/${ITEM}/copy?@microsoft.graph.conflictBehavior=rename`,
      json: { parentReference: { id: FOLDER }, name: 'Q1 report (copy).pdf' },
    },
    response: { status: 202, headers: { location: 'https://contoso-my.sharepoint.com/_api/v2.0/monitor/4A3407B5-88FC-4504-8B21-0AABD3412717' } },
    result: {
      status: 'SUCCESS',
      httpStatus: 202,
      output: { Accepted: true, MonitorUrl: 'https://contoso-my.sharepoint.com/_api/v2.0/monitor/4A3407B5-88FC-4504-8B21-0AABD3412717' },
    },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'DeleteItem',
    base: GRAPH,
    input: { ItemId: ITEM },
    expect: { method: 'DELETE', url: `/v1.0/me/drive/items/${ITEM}` },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Deleted: true } },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'DeleteItem',
    note: 'a missing item is FAILED',
    base: GRAPH,
    input: { ItemId: ITEM },
    expect: { method: 'DELETE', url: `/v1.0/me/drive/items/${ITEM}` },
    response: { status: 404, json: { error: { code: 'itemNotFound', message: 'The resource could not be found.' } } },
    result: { status: 'FAILED', httpStatus: 404, output: { error: { code: 'itemNotFound', message: 'The resource could not be found.' } } },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'CreateSharingLink',
    base: GRAPH,
    input: { ItemId: ITEM, Type: 'edit', Scope: 'users', Recipients: ['alex@contoso.com'], ExpirationDateTime: '2025-12-31T00:00:00Z' },
    expect: {
      method: 'POST',
      url: `/v1.0/me/drive/items/${ITEM}/createLink`,
      json: { type: 'edit', scope: 'users', expirationDateTime: '2025-12-31T00:00:00Z', recipients: [{ email: 'alex@contoso.com' }] },
    },
    response: { status: 201, json: link },
    result: { status: 'SUCCESS', httpStatus: 201, output: linkOut },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'ListPermissions',
    base: GRAPH,
    input: { ItemId: ITEM },
    expect: { method: 'GET', url: `/v1.0/me/drive/items/${ITEM}/permissions` },
    response: {
      json: {
        value: [
          {
            id: 'aTowIy5mfG1lbWJlcnNoaXB8bWVnYW5AY29udG9zby5jb20',
            roles: ['owner'],
            grantedToV2: { user: { id: 'f5b3a6f4-9bd7-4a58-8e0b-6d8c2ee8c7a2', displayName: 'Megan Bowen', email: 'megan@contoso.com' } },
          },
          { ...link, roles: ['read'], link: { ...link.link, type: 'view', scope: 'organization' }, inheritedFrom: { path: '/drive/root:/Reports' } },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Permissions: [
          { Id: 'aTowIy5mfG1lbWJlcnNoaXB8bWVnYW5AY29udG9zby5jb20', Roles: ['owner'], GrantedTo: 'megan@contoso.com' },
          { ...linkOut, Roles: ['read'], LinkType: 'view', LinkScope: 'organization', InheritedFrom: '/drive/root:/Reports' },
        ],
      },
    },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'DeletePermission',
    base: GRAPH,
    input: { ItemId: ITEM, PermissionId: '123ABC' },
    expect: { method: 'DELETE', url: `/v1.0/me/drive/items/${ITEM}/permissions/123ABC` },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Deleted: true } },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'InviteUsers',
    base: GRAPH,
    input: { ItemId: ITEM, Recipients: ['alex@contoso.com', 'robin@fabrikam.com'], Roles: ['write'], Message: 'Please review.' },
    expect: {
      method: 'POST',
      url: `/v1.0/me/drive/items/${ITEM}/invite`,
      json: {
        recipients: [{ email: 'alex@contoso.com' }, { email: 'robin@fabrikam.com' }],
        roles: ['write'],
        message: 'Please review.',
        requireSignIn: true,
        sendInvitation: true,
      },
    },
    response: {
      json: {
        value: [
          {
            id: 'aTowIy5mfG1lbWJlcnNoaXB8YWxleEBjb250b3NvLmNvbQ',
            roles: ['write'],
            grantedToV2: { user: { id: '4c1e0a27-3f2c-4e3f-8d6b-1a1f2e3d4c5b', displayName: 'Alex Wilber', email: 'alex@contoso.com' } },
          },
          { id: 'aTowIy5mfG1lbWJlcnNoaXB8cm9iaW5AZmFicmlrYW0uY29t', roles: ['write'], invitation: { email: 'robin@fabrikam.com', signInRequired: true } },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Permissions: [
          { Id: 'aTowIy5mfG1lbWJlcnNoaXB8YWxleEBjb250b3NvLmNvbQ', Roles: ['write'], GrantedTo: 'alex@contoso.com' },
          { Id: 'aTowIy5mfG1lbWJlcnNoaXB8cm9iaW5AZmFicmlrYW0uY29t', Roles: ['write'], InvitedEmail: 'robin@fabrikam.com' },
        ],
      },
    },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'GetDrive',
    base: GRAPH,
    input: { UserId: 'megan@contoso.com' },
    expect: { method: 'GET', url: '/v1.0/users/megan@contoso.com/drive' },
    response: {
      json: {
        id: 'b!t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7',
        name: 'OneDrive',
        driveType: 'business',
        webUrl: 'https://contoso-my.sharepoint.com/personal/megan_contoso_com/Documents',
        owner: { user: { id: 'f5b3a6f4-9bd7-4a58-8e0b-6d8c2ee8c7a2', displayName: 'Megan Bowen' } },
        quota: { deleted: 256938, remaining: 1099217101929, state: 'normal', total: 1099511627776, used: 294525847 },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Id: 'b!t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7',
        Name: 'OneDrive',
        DriveType: 'business',
        WebUrl: 'https://contoso-my.sharepoint.com/personal/megan_contoso_com/Documents',
        Owner: 'Megan Bowen',
        Quota: { Total: 1099511627776, Used: 294525847, Remaining: 1099217101929, Deleted: 256938, State: 'normal' },
      },
    },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'ListThumbnails',
    base: GRAPH,
    input: { ItemId: ITEM },
    expect: { method: 'GET', url: `/v1.0/me/drive/items/${ITEM}/thumbnails` },
    response: {
      json: {
        value: [
          {
            id: '0',
            small: { height: 64, width: 96, url: 'https://contoso-my.sharepoint.com/_api/v2.0/thumbnails/0/small?tempauth=a' },
            medium: { height: 117, width: 176, url: 'https://contoso-my.sharepoint.com/_api/v2.0/thumbnails/0/medium?tempauth=b' },
            large: { height: 533, width: 800, url: 'https://contoso-my.sharepoint.com/_api/v2.0/thumbnails/0/large?tempauth=c' },
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Thumbnails: [
          {
            Id: '0',
            Small: { Url: 'https://contoso-my.sharepoint.com/_api/v2.0/thumbnails/0/small?tempauth=a', Width: 96, Height: 64 },
            Medium: { Url: 'https://contoso-my.sharepoint.com/_api/v2.0/thumbnails/0/medium?tempauth=b', Width: 176, Height: 117 },
            Large: { Url: 'https://contoso-my.sharepoint.com/_api/v2.0/thumbnails/0/large?tempauth=c', Width: 800, Height: 533 },
          },
        ],
      },
    },
  },

  // ── MICROSOFT_SHAREPOINT ─────────────────────────────────────────────────────
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'SearchSites',
    base: GRAPH,
    input: { Query: 'marketing team' },
    expect: { method: 'GET', url: '/v1.0/sites?search=marketing%20team' },
    response: { json: { value: [site] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Sites: [siteOut], HasMore: false } },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'GetList',
    base: GRAPH,
    input: { SiteId: 'root', ListId: 'Issues' },
    expect: { method: 'GET', url: '/v1.0/sites/root/lists/Issues' },
    response: {
      json: {
        id: LIST,
        name: 'Issues',
        displayName: 'Issues',
        description: 'Facilities issues',
        webUrl: 'https://contoso.sharepoint.com/Lists/Issues',
        createdDateTime: '2024-11-01T08:00:00Z',
        lastModifiedDateTime: '2025-01-12T16:30:00Z',
        list: { contentTypesEnabled: false, hidden: false, template: 'issueTracking' },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Id: LIST,
        Name: 'Issues',
        DisplayName: 'Issues',
        Description: 'Facilities issues',
        WebUrl: 'https://contoso.sharepoint.com/Lists/Issues',
        Template: 'issueTracking',
        Hidden: false,
        CreatedDateTime: '2024-11-01T08:00:00Z',
        LastModifiedDateTime: '2025-01-12T16:30:00Z',
      },
    },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'ListColumns',
    base: GRAPH,
    input: { SiteId: 'root', ListId: 'Issues' },
    expect: { method: 'GET', url: '/v1.0/sites/root/lists/Issues/columns' },
    response: {
      json: {
        value: [
          {
            id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
            name: 'Title',
            displayName: 'Title',
            description: '',
            required: true,
            readOnly: false,
            hidden: false,
            indexed: false,
            text: { allowMultipleLines: false, maxLength: 255 },
          },
          {
            id: '11b2c8c3-1fb6-4ec6-9ff9-2f8ff2d2dc4a',
            name: 'Status',
            displayName: 'Status',
            required: false,
            readOnly: false,
            hidden: false,
            indexed: true,
            choice: { allowTextEntry: false, choices: ['Open', 'In progress', 'Closed'], displayAs: 'dropDownMenu' },
          },
          { id: '1df5e554-ec7e-46a6-901d-d85a3881cb18', name: 'Author', displayName: 'Created By', readOnly: true, hidden: false, personOrGroup: {} },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Columns: [
          {
            Id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
            Name: 'Title',
            DisplayName: 'Title',
            Description: '',
            Type: 'text',
            Required: true,
            ReadOnly: false,
            Hidden: false,
            Indexed: false,
          },
          {
            Id: '11b2c8c3-1fb6-4ec6-9ff9-2f8ff2d2dc4a',
            Name: 'Status',
            DisplayName: 'Status',
            Type: 'choice',
            Required: false,
            ReadOnly: false,
            Hidden: false,
            Indexed: true,
            Choices: ['Open', 'In progress', 'Closed'],
          },
          { Id: '1df5e554-ec7e-46a6-901d-d85a3881cb18', Name: 'Author', DisplayName: 'Created By', Type: 'personOrGroup', ReadOnly: true, Hidden: false },
        ],
      },
    },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'GetListItem',
    base: GRAPH,
    input: { SiteId: SITE, ListId: LIST, ItemId: '12', SelectFields: ['Title', 'Status'] },
    expect: { method: 'GET', url: `/v1.0/sites/${SITE}/lists/${LIST}/items/12?expand=fields%28select%3DTitle%2CStatus%29` },
    response: { json: listItem },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Id: '12',
        WebUrl: listItem.webUrl,
        Fields: listItem.fields,
        CreatedBy: 'Megan Bowen',
        CreatedDateTime: '2025-01-10T09:00:00Z',
        LastModifiedBy: 'Alex Wilber',
        LastModifiedDateTime: '2025-01-12T16:30:00Z',
      },
    },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'GetListItem',
    note: 'every field',
    base: GRAPH,
    input: { SiteId: 'root', ListId: 'Issues', ItemId: '12' },
    expect: { method: 'GET', url: '/v1.0/sites/root/lists/Issues/items/12?expand=fields' },
    response: { json: { id: '12', webUrl: listItem.webUrl, fields: listItem.fields } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Id: '12', WebUrl: listItem.webUrl, Fields: listItem.fields } },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'UpdateListItem',
    base: GRAPH,
    input: { SiteId: 'root', ListId: 'Issues', ItemId: '12', Fields: { Status: 'Closed', AssignedToLookupId: '7' } },
    expect: { method: 'PATCH', url: '/v1.0/sites/root/lists/Issues/items/12/fields', json: { Status: 'Closed', AssignedToLookupId: '7' } },
    response: {
      json: { '@odata.etag': '"a2cb2e54-b4b4-4fa1-a2b2-6b8ba9a1f13b,4"', Title: 'Printer on floor 3 jams', Status: 'Closed', AssignedToLookupId: '7' },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Fields: { '@odata.etag': '"a2cb2e54-b4b4-4fa1-a2b2-6b8ba9a1f13b,4"', Title: 'Printer on floor 3 jams', Status: 'Closed', AssignedToLookupId: '7' },
      },
    },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'DeleteListItem',
    base: GRAPH,
    input: { SiteId: 'root', ListId: 'Issues', ItemId: '12' },
    expect: { method: 'DELETE', url: '/v1.0/sites/root/lists/Issues/items/12' },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Deleted: true } },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'ListSiteDrives',
    base: GRAPH,
    input: { SiteId: SITE, Top: 5 },
    expect: { method: 'GET', url: `/v1.0/sites/${SITE}/drives?$top=5` },
    response: {
      json: {
        value: [
          {
            id: DRIVE,
            name: 'Documents',
            description: '',
            driveType: 'documentLibrary',
            webUrl: 'https://contoso.sharepoint.com/sites/marketing/Shared%20Documents',
            createdDateTime: '2024-06-01T08:00:00Z',
            lastModifiedDateTime: '2025-02-20T12:00:00Z',
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Drives: [
          {
            Id: DRIVE,
            Name: 'Documents',
            Description: '',
            DriveType: 'documentLibrary',
            WebUrl: 'https://contoso.sharepoint.com/sites/marketing/Shared%20Documents',
            CreatedDateTime: '2024-06-01T08:00:00Z',
            LastModifiedDateTime: '2025-02-20T12:00:00Z',
          },
        ],
      },
    },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'ListLibraryItems',
    base: GRAPH,
    input: { DriveId: DRIVE, ItemId: FOLDER, Top: 2 },
    expect: { method: 'GET', url: `/v1.0/drives/${DRIVE}/items/${FOLDER}/children?$top=2` },
    response: { json: { value: [file, folder] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Items: itemsOut } },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'GetLibraryItemByPath',
    base: GRAPH,
    input: { DriveId: DRIVE, ItemPath: 'Reports/Q1 report.pdf' },
    expect: { method: 'GET', url: `/v1.0/drives/${DRIVE}/root:/Reports/Q1%20report.pdf` },
    response: { json: file },
    result: { status: 'SUCCESS', httpStatus: 200, output: fileOut },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'DownloadLibraryFile',
    note: 'the answer after the redirect',
    base: GRAPH,
    input: { DriveId: DRIVE, ItemId: ITEM },
    expect: { method: 'GET', url: `/v1.0/drives/${DRIVE}/items/${ITEM}/content`, headers: { accept: '*/*' } },
    response: { headers: { 'content-type': 'application/pdf', 'content-length': String(Buffer.byteLength(pdf)) }, text: pdf },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Content: Buffer.from(pdf).toString('base64'), ContentType: 'application/pdf', Size: Buffer.byteLength(pdf) },
    },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'SearchLibrary',
    base: GRAPH,
    input: { DriveId: DRIVE, Query: "Acme's contract", Top: 10 },
    expect: { method: 'GET', url: `/v1.0/drives/${DRIVE}/root/search(q='Acme''s%20contract')?$top=10` },
    response: { json: { value: [file] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Items: [itemsOut[0]] } },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'ListSubsites',
    base: GRAPH,
    input: { SiteId: 'root' },
    expect: { method: 'GET', url: '/v1.0/sites/root/sites' },
    response: { json: { value: [site] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Sites: [siteOut], HasMore: false } },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'ListPages',
    base: GRAPH,
    input: { SiteId: SITE, OrderBy: 'lastModifiedDateTime desc', Top: 1 },
    expect: { method: 'GET', url: `/v1.0/sites/${SITE}/pages/microsoft.graph.sitePage?$top=1&$orderby=lastModifiedDateTime%20desc` },
    response: {
      json: {
        value: [
          {
            '@odata.type': '#microsoft.graph.sitePage',
            id: '0dd6ddd6-45bd-4acd-b683-de0e6e7231b7',
            name: 'Spring-launch.aspx',
            title: 'Spring launch',
            webUrl: 'https://contoso.sharepoint.com/sites/marketing/SitePages/Spring-launch.aspx',
            pageLayout: 'article',
            publishingState: { level: 'published', versionId: '1.0' },
            lastModifiedBy: { user: { displayName: 'Megan Bowen', email: 'megan@contoso.com' } },
            lastModifiedDateTime: '2025-02-20T12:00:00Z',
          },
        ],
        '@odata.nextLink': `https://graph.microsoft.com/v1.0/sites/${SITE}/pages/microsoft.graph.sitePage?$top=1&$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTI`,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Pages: [
          {
            Id: '0dd6ddd6-45bd-4acd-b683-de0e6e7231b7',
            Name: 'Spring-launch.aspx',
            Title: 'Spring launch',
            WebUrl: 'https://contoso.sharepoint.com/sites/marketing/SitePages/Spring-launch.aspx',
            PageLayout: 'article',
            PublishingState: 'published',
            LastModifiedBy: 'Megan Bowen',
            LastModifiedDateTime: '2025-02-20T12:00:00Z',
          },
        ],
        HasMore: true,
        NextToken: 'UGFnZWQ9VFJVRSZwX0lEPTI',
      },
    },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'ListPages',
    note: 'paging with Skip; the last page',
    base: GRAPH,
    input: { SiteId: 'root', Top: 20, Skip: 20, Select: ['id', 'name', 'title'] },
    expect: { method: 'GET', url: '/v1.0/sites/root/pages/microsoft.graph.sitePage?$top=20&$select=id%2Cname%2Ctitle&$skip=20' },
    response: { json: { value: [{ id: 'f0d8f8d1-9d5b-4b7a-8b4e-0c6a2f9b9d11', name: 'Home.aspx', title: 'Home' }] } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Pages: [{ Id: 'f0d8f8d1-9d5b-4b7a-8b4e-0c6a2f9b9d11', Name: 'Home.aspx', Title: 'Home' }], HasMore: false },
    },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'SearchContent',
    base: GRAPH,
    input: { Query: 'contoso filetype:docx', Size: 5 },
    expect: {
      method: 'POST',
      url: '/v1.0/search/query',
      json: { requests: [{ entityTypes: ['driveItem'], query: { queryString: 'contoso filetype:docx' }, size: 5 }] },
    },
    response: {
      json: {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#search',
        value: [
          {
            searchTerms: ['contoso'],
            hitsContainers: [
              {
                total: 1,
                moreResultsAvailable: false,
                hits: [
                  {
                    hitId: 'FlULeN/ui/1GjLx1rUfio5UAAEl',
                    rank: 1,
                    summary: '<c0>Contoso</c0> Detailed Design <ddd/>',
                    resource: {
                      '@odata.type': '#microsoft.graph.driveItem',
                      id: ITEM,
                      createdDateTime: '2019-06-10T06:37:43Z',
                      lastModifiedDateTime: '2019-06-10T06:37:43Z',
                      name: 'contoso-designs.docx',
                      webUrl: 'https://contoso.sharepoint.com/sites/contoso-team/contoso-designs.docx',
                      parentReference: { driveId: DRIVE, siteId: SITE },
                    },
                  },
                ],
              },
            ],
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Total: 1,
        MoreResultsAvailable: false,
        Hits: [
          {
            Type: '#microsoft.graph.driveItem',
            Id: ITEM,
            Name: 'contoso-designs.docx',
            WebUrl: 'https://contoso.sharepoint.com/sites/contoso-team/contoso-designs.docx',
            Summary: '<c0>Contoso</c0> Detailed Design <ddd/>',
            DriveId: DRIVE,
            SiteId: SITE,
            LastModifiedDateTime: '2019-06-10T06:37:43Z',
          },
        ],
      },
    },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'SearchContent',
    note: 'sites with an application connector: Region',
    base: GRAPH,
    input: { Query: 'marketing', EntityTypes: ['site'], Region: 'NAM', From: 25, Size: 25 },
    expect: {
      method: 'POST',
      url: '/v1.0/search/query',
      json: { requests: [{ entityTypes: ['site'], query: { queryString: 'marketing' }, from: 25, size: 25, region: 'NAM' }] },
    },
    response: {
      json: {
        value: [
          {
            searchTerms: ['marketing'],
            hitsContainers: [
              {
                total: 26,
                moreResultsAvailable: false,
                hits: [{ hitId: SITE, rank: 26, summary: 'Campaigns and brand', resource: { '@odata.type': '#microsoft.graph.site', ...site } }],
              },
            ],
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Total: 26,
        MoreResultsAvailable: false,
        Hits: [
          {
            Type: '#microsoft.graph.site',
            Id: SITE,
            Name: 'marketing',
            WebUrl: 'https://contoso.sharepoint.com/sites/marketing',
            Summary: 'Campaigns and brand',
            LastModifiedDateTime: '2025-02-20T12:00:00Z',
          },
        ],
      },
    },
  },
];
