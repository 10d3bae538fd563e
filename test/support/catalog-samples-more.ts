// Sample invocations for the catalogs of issue 6's HTTP types (see catalog-samples.ts
// for the format): Confluence, PagerDuty, Microsoft Graph (Outlook, Teams, OneDrive,
// SharePoint), Smartsheet, Asana, BambooHR, and the five SAP OData services.
import type { HttpSample } from './catalog-samples.js';

const CONF = 'https://acme.atlassian.net/wiki';
const PD = 'https://api.pagerduty.com';
const GRAPH = 'https://graph.microsoft.com/v1.0';
const SMART = 'https://api.smartsheet.com/2.0';
const ASANA = 'https://app.asana.com/api/1.0';
const BAMBOO = 'https://api.bamboohr.com/api/gateway.php/acme';
export const SAP_HOST = 'https://my300000-api.s4hana.ondemand.com';

export const MORE_HOSTS = [
  'api.pagerduty.com',
  'graph.microsoft.com',
  'api.smartsheet.com',
  'app.asana.com',
  'api.bamboohr.com',
  'my300000-api.s4hana.ondemand.com',
];

const page = {
  id: '65868',
  status: 'current',
  title: 'Runbook',
  spaceId: '98306',
  parentId: '65537',
  version: { number: 3 },
  body: { storage: { value: '<p>Step 1</p>', representation: 'storage' } },
  _links: { webui: '/spaces/OPS/pages/65868/Runbook' },
};
const pageOut = {
  Id: '65868',
  Title: 'Runbook',
  Status: 'current',
  SpaceId: '98306',
  ParentId: '65537',
  Version: 3,
  Body: '<p>Step 1</p>',
  WebUi: '/spaces/OPS/pages/65868/Runbook',
};
const pdIncident = {
  id: 'PT4KHLK',
  type: 'incident',
  incident_number: 1234,
  title: 'The server is on fire.',
  status: 'triggered',
  urgency: 'high',
  html_url: 'https://acme.pagerduty.com/incidents/PT4KHLK',
  service: { id: 'PWIXJZS', type: 'service_reference' },
};
const pdOut = { Id: 'PT4KHLK', IncidentNumber: 1234, Status: 'triggered', HtmlUrl: 'https://acme.pagerduty.com/incidents/PT4KHLK', Incident: pdIncident };
const message = {
  id: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e',
  subject: 'Quarterly report',
  from: { emailAddress: { address: 'megan@contoso.com' } },
};
const event = {
  id: 'AAMkAGI1AAAt9AHjAAA=',
  subject: 'Incident review',
  webLink: 'https://outlook.office365.com/owa/?itemid=AAMkAGI1AAAt9AHjAAA%3D',
  onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting' },
};
const TEAM = '02bd9fd6-8f93-4758-87c3-1fb73740a315';
const CHANNEL = '19:09fc54a3141a45d0bc769cf506d2e079@thread.skype';
const driveItem = {
  id: '01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K',
  name: 'report.pdf',
  size: 35212,
  webUrl: 'https://contoso-my.sharepoint.com/personal/megan/Documents/report.pdf',
  lastModifiedDateTime: '2025-02-01T10:00:00Z',
  file: { mimeType: 'application/pdf' },
  '@microsoft.graph.downloadUrl': 'https://contoso-my.sharepoint.com/download.aspx?tempauth=x',
};
const folderItem = {
  id: '01BYE5RZYJ43UXGBP23BBIFPISHHMCDTOY',
  name: 'Reports',
  size: 1024,
  webUrl: 'https://contoso-my.sharepoint.com/personal/megan/Documents/Reports',
  lastModifiedDateTime: '2025-01-01T10:00:00Z',
  folder: { childCount: 4 },
};
const itemsOut = [
  { Id: driveItem.id, Name: 'report.pdf', Size: 35212, WebUrl: driveItem.webUrl, LastModifiedDateTime: '2025-02-01T10:00:00Z', IsFolder: false },
  { Id: folderItem.id, Name: 'Reports', Size: 1024, WebUrl: folderItem.webUrl, LastModifiedDateTime: '2025-01-01T10:00:00Z', IsFolder: true },
];
const SITE = 'contoso.sharepoint.com,2C712604-1370-44E7-A1F5-426573FDA80A,2D2244C3-251A-49EA-93A8-39E1C3A060FE';
const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1');
const task = {
  gid: '1204729034',
  name: 'Write the runbook',
  completed: false,
  permalink_url: 'https://app.asana.com/0/1204729000/1204729034',
  resource_type: 'task',
};
const taskOut = { Gid: '1204729034', Name: 'Write the runbook', Completed: false, PermalinkUrl: 'https://app.asana.com/0/1204729000/1204729034', Task: task };

export const MORE_HTTP_SAMPLES: HttpSample[] = [
  // ── ATLASSIAN_CONFLUENCE ────────────────────────────────────────────────────
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'CreatePage',
    base: CONF,
    input: { SpaceId: '98306', Title: 'Runbook', Body: '<p>Step 1</p>', ParentId: '65537' },
    expect: {
      method: 'POST',
      url: '/wiki/api/v2/pages',
      json: { spaceId: '98306', status: 'current', title: 'Runbook', parentId: '65537', body: { representation: 'storage', value: '<p>Step 1</p>' } },
    },
    response: { json: page },
    result: { status: 'SUCCESS', httpStatus: 200, output: pageOut },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'GetPage',
    base: CONF,
    input: { PageId: '65868' },
    expect: { method: 'GET', url: '/wiki/api/v2/pages/65868?body-format=storage' },
    response: { json: page },
    result: { status: 'SUCCESS', httpStatus: 200, output: pageOut },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'UpdatePage',
    base: CONF,
    input: { PageId: '65868', Title: 'Runbook', Body: '<p>Step 1</p>', Version: 4, VersionMessage: 'typo' },
    expect: {
      method: 'PUT',
      url: '/wiki/api/v2/pages/65868',
      json: {
        id: '65868',
        status: 'current',
        title: 'Runbook',
        body: { representation: 'storage', value: '<p>Step 1</p>' },
        version: { number: 4, message: 'typo' },
      },
    },
    response: { json: { ...page, version: { number: 4 } } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { ...pageOut, Version: 4 } },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'SearchContent',
    base: CONF,
    input: { Cql: 'type=page AND text ~ "runbook"', Limit: 1 },
    expect: { method: 'GET', url: '/wiki/rest/api/search?cql=type%3Dpage%20AND%20text%20~%20%22runbook%22&limit=1' },
    response: {
      json: {
        results: [
          {
            content: { id: '65868', type: 'page', title: 'Runbook' },
            title: 'Runbook',
            excerpt: 'Step 1',
            url: '/spaces/OPS/pages/65868/Runbook',
            lastModified: '2025-01-01T00:00:00.000Z',
          },
        ],
        totalSize: 7,
        _links: { next: '/rest/api/search?cql=type%3Dpage&limit=1&cursor=raNDoMsTRiNg' },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Results: [
          { Id: '65868', Type: 'page', Title: 'Runbook', Excerpt: 'Step 1', Url: '/spaces/OPS/pages/65868/Runbook', LastModified: '2025-01-01T00:00:00.000Z' },
        ],
        TotalSize: 7,
        NextToken: 'raNDoMsTRiNg',
      },
    },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'ListSpaces',
    base: CONF,
    input: { Keys: ['OPS', 'DEV'], Limit: 2 },
    expect: { method: 'GET', url: '/wiki/api/v2/spaces?keys=OPS%2CDEV&limit=2' },
    response: { json: { results: [{ id: '98306', key: 'OPS', name: 'Operations', type: 'global', status: 'current' }], _links: {} } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Spaces: [{ Id: '98306', Key: 'OPS', Name: 'Operations', Type: 'global', Status: 'current' }] } },
  },

  // ── PAGERDUTY_ADVANCE ────────────────────────────────────────────────────────
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'CreateIncident',
    base: PD,
    input: {
      FromEmail: 'oncall@acme.example',
      Title: 'The server is on fire.',
      ServiceId: 'PWIXJZS',
      Urgency: 'high',
      Details: 'CPU at 100%',
      IncidentKey: 'srv01/fire',
    },
    expect: {
      method: 'POST',
      url: '/incidents',
      headers: { from: 'oncall@acme.example', accept: 'application/vnd.pagerduty+json;version=2' },
      json: {
        incident: {
          type: 'incident',
          title: 'The server is on fire.',
          service: { id: 'PWIXJZS', type: 'service_reference' },
          urgency: 'high',
          body: { type: 'incident_body', details: 'CPU at 100%' },
          incident_key: 'srv01/fire',
        },
      },
    },
    response: { status: 201, json: { incident: pdIncident } },
    result: { status: 'SUCCESS', httpStatus: 201, output: pdOut },
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'GetIncident',
    base: PD,
    input: { IncidentId: 'PT4KHLK' },
    expect: { method: 'GET', url: '/incidents/PT4KHLK' },
    response: { json: { incident: pdIncident } },
    result: { status: 'SUCCESS', httpStatus: 200, output: pdOut },
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'UpdateIncident',
    base: PD,
    input: { FromEmail: 'oncall@acme.example', IncidentId: 'PT4KHLK', Status: 'resolved', Resolution: 'Fire put out.' },
    expect: {
      method: 'PUT',
      url: '/incidents/PT4KHLK',
      headers: { from: 'oncall@acme.example' },
      json: { incident: { type: 'incident_reference', status: 'resolved', resolution: 'Fire put out.' } },
    },
    response: { json: { incident: { ...pdIncident, status: 'resolved' } } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { ...pdOut, Status: 'resolved', Incident: { ...pdIncident, status: 'resolved' } } },
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'ListIncidents',
    base: PD,
    input: { Statuses: ['triggered', 'acknowledged'], ServiceIds: ['PWIXJZS'], Since: '2025-01-01T00:00:00Z', Limit: 1 },
    expect: {
      method: 'GET',
      url: '/incidents?statuses%5B%5D=triggered&statuses%5B%5D=acknowledged&service_ids%5B%5D=PWIXJZS&since=2025-01-01T00%3A00%3A00Z&limit=1',
    },
    response: { json: { incidents: [pdIncident], limit: 1, offset: 0, more: true, total: null } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Incidents: [pdIncident], More: true, Offset: 0, Limit: 1 } },
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'ListOnCalls',
    base: PD,
    input: { ScheduleIds: ['PI7DH85'], Earliest: true },
    expect: { method: 'GET', url: '/oncalls?schedule_ids%5B%5D=PI7DH85&earliest=true' },
    response: {
      json: {
        oncalls: [
          {
            user: { id: 'PXPGF42', summary: 'Earline Greenholt' },
            schedule: { id: 'PI7DH85', summary: 'Daily Engineering Rotation' },
            escalation_policy: { id: 'PT20YPA', summary: 'Engineering Escalation Policy' },
            escalation_level: 1,
            start: '2025-01-01T00:00:00Z',
            end: '2025-01-02T00:00:00Z',
          },
        ],
        more: false,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        OnCalls: [
          {
            User: { Id: 'PXPGF42', Name: 'Earline Greenholt' },
            Schedule: { Id: 'PI7DH85', Name: 'Daily Engineering Rotation' },
            EscalationPolicy: { Id: 'PT20YPA', Name: 'Engineering Escalation Policy' },
            EscalationLevel: 1,
            Start: '2025-01-01T00:00:00Z',
            End: '2025-01-02T00:00:00Z',
          },
        ],
        More: false,
      },
    },
  },

  // ── MICROSOFT_OUTLOOK ────────────────────────────────────────────────────────
  {
    type: 'MICROSOFT_OUTLOOK',
    actionId: 'SendMail',
    base: GRAPH,
    input: { To: ['megan@contoso.com'], Cc: ['alex@contoso.com'], Subject: 'Report', Body: 'Attached.', SaveToSentItems: false },
    expect: {
      method: 'POST',
      url: '/v1.0/me/sendMail',
      json: {
        message: {
          subject: 'Report',
          body: { contentType: 'text', content: 'Attached.' },
          toRecipients: [{ emailAddress: { address: 'megan@contoso.com' } }],
          ccRecipients: [{ emailAddress: { address: 'alex@contoso.com' } }],
        },
        saveToSentItems: false,
      },
    },
    response: { status: 202 },
    result: { status: 'SUCCESS', httpStatus: 202, output: { Sent: true } },
  },
  {
    type: 'MICROSOFT_OUTLOOK',
    actionId: 'SendMail',
    note: 'application permissions: /users/{id}',
    base: GRAPH,
    input: { UserId: 'megan@contoso.com', To: ['alex@contoso.com'], Subject: 'Hi', Body: '<b>Hi</b>', ContentType: 'html' },
    expect: {
      method: 'POST',
      url: '/v1.0/users/megan@contoso.com/sendMail',
      json: {
        message: { subject: 'Hi', body: { contentType: 'html', content: '<b>Hi</b>' }, toRecipients: [{ emailAddress: { address: 'alex@contoso.com' } }] },
      },
    },
    response: { status: 202 },
    result: { status: 'SUCCESS', httpStatus: 202, output: { Sent: true } },
  },
  {
    type: 'MICROSOFT_OUTLOOK',
    actionId: 'ListMessages',
    base: GRAPH,
    input: { FolderId: 'inbox', Top: 1, Select: ['subject', 'from'], Filter: 'isRead eq false' },
    expect: { method: 'GET', url: '/v1.0/me/mailFolders/inbox/messages?$top=1&$select=subject%2Cfrom&$filter=isRead%20eq%20false' },
    response: { json: { value: [message], '@odata.nextLink': 'https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages?$top=1&$skip=1' } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Messages: [message], NextToken: '1' } },
  },
  {
    type: 'MICROSOFT_OUTLOOK',
    actionId: 'CreateEvent',
    base: GRAPH,
    input: {
      Subject: 'Incident review',
      Start: '2025-03-01T09:30:00',
      End: '2025-03-01T10:00:00',
      TimeZone: 'Pacific Standard Time',
      Attendees: ['alex@contoso.com'],
      IsOnlineMeeting: true,
    },
    expect: {
      method: 'POST',
      url: '/v1.0/me/events',
      json: {
        subject: 'Incident review',
        start: { dateTime: '2025-03-01T09:30:00', timeZone: 'Pacific Standard Time' },
        end: { dateTime: '2025-03-01T10:00:00', timeZone: 'Pacific Standard Time' },
        attendees: [{ emailAddress: { address: 'alex@contoso.com' }, type: 'required' }],
        isOnlineMeeting: true,
      },
    },
    response: { status: 201, json: event },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: { Id: event.id, WebLink: event.webLink, OnlineMeetingUrl: event.onlineMeeting.joinUrl, Event: event },
    },
  },
  {
    type: 'MICROSOFT_OUTLOOK',
    actionId: 'ListEvents',
    base: GRAPH,
    input: { UserId: 'megan@contoso.com', StartDateTime: '2025-03-01T00:00:00', EndDateTime: '2025-03-08T00:00:00', Top: 10 },
    expect: {
      method: 'GET',
      url: '/v1.0/users/megan@contoso.com/calendarView?$top=10&startDateTime=2025-03-01T00%3A00%3A00&endDateTime=2025-03-08T00%3A00%3A00',
    },
    response: { json: { value: [event] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Events: [event] } },
  },

  // ── MICROSOFT_TEAMS ──────────────────────────────────────────────────────────
  {
    type: 'MICROSOFT_TEAMS',
    actionId: 'ListTeams',
    base: GRAPH,
    input: {},
    expect: { method: 'GET', url: '/v1.0/me/joinedTeams' },
    response: { json: { value: [{ id: TEAM, displayName: 'Contoso Team', description: 'This is a Contoso team', isArchived: false }] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Teams: [{ Id: TEAM, DisplayName: 'Contoso Team', Description: 'This is a Contoso team' }] } },
  },
  {
    type: 'MICROSOFT_TEAMS',
    actionId: 'ListChannels',
    base: GRAPH,
    input: { TeamId: TEAM, Filter: "membershipType eq 'standard'" },
    expect: { method: 'GET', url: `/v1.0/teams/${TEAM}/channels?$filter=membershipType%20eq%20%27standard%27` },
    response: {
      json: {
        value: [
          { id: CHANNEL, displayName: 'General', description: 'Auto-generated', membershipType: 'standard', webUrl: 'https://teams.microsoft.com/l/channel/x' },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Channels: [
          { Id: CHANNEL, DisplayName: 'General', Description: 'Auto-generated', MembershipType: 'standard', WebUrl: 'https://teams.microsoft.com/l/channel/x' },
        ],
      },
    },
  },
  {
    type: 'MICROSOFT_TEAMS',
    actionId: 'SendChannelMessage',
    base: GRAPH,
    input: { TeamId: TEAM, ChannelId: CHANNEL, Body: 'Deploy finished', Subject: 'Deploy' },
    expect: {
      method: 'POST',
      url: `/v1.0/teams/${TEAM}/channels/${CHANNEL}/messages`,
      json: { body: { contentType: 'text', content: 'Deploy finished' }, subject: 'Deploy' },
    },
    response: { status: 201, json: { id: '1616990032035', webUrl: 'https://teams.microsoft.com/l/message/x', createdDateTime: '2025-03-01T10:00:00Z' } },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: { Id: '1616990032035', WebUrl: 'https://teams.microsoft.com/l/message/x', CreatedDateTime: '2025-03-01T10:00:00Z' },
    },
  },
  {
    type: 'MICROSOFT_TEAMS',
    actionId: 'SendChannelMessage',
    note: 'a reply',
    base: GRAPH,
    input: { TeamId: TEAM, ChannelId: CHANNEL, Body: 'Thanks', ReplyToId: '1616990032035' },
    expect: {
      method: 'POST',
      url: `/v1.0/teams/${TEAM}/channels/${CHANNEL}/messages/1616990032035/replies`,
      json: { body: { contentType: 'text', content: 'Thanks' } },
    },
    response: { status: 201, json: { id: '1616990040000', createdDateTime: '2025-03-01T10:01:00Z' } },
    result: { status: 'SUCCESS', httpStatus: 201, output: { Id: '1616990040000', CreatedDateTime: '2025-03-01T10:01:00Z' } },
  },
  {
    type: 'MICROSOFT_TEAMS',
    actionId: 'SendChatMessage',
    base: GRAPH,
    input: { ChatId: '19:2da4c29f6d7041eca70b638b43d45437@thread.v2', Body: '<p>Hello</p>', ContentType: 'html' },
    expect: {
      method: 'POST',
      url: '/v1.0/chats/19:2da4c29f6d7041eca70b638b43d45437@thread.v2/messages',
      json: { body: { contentType: 'html', content: '<p>Hello</p>' } },
    },
    response: { status: 201, json: { id: '1616991463150', createdDateTime: '2025-03-01T10:02:00Z' } },
    result: { status: 'SUCCESS', httpStatus: 201, output: { Id: '1616991463150', CreatedDateTime: '2025-03-01T10:02:00Z' } },
  },

  // ── MICROSOFT_ONEDRIVE ───────────────────────────────────────────────────────
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'ListChildren',
    base: GRAPH,
    input: { Top: 2 },
    expect: { method: 'GET', url: '/v1.0/me/drive/items/root/children?$top=2' },
    response: {
      json: {
        value: [driveItem, folderItem],
        '@odata.nextLink': 'https://graph.microsoft.com/v1.0/me/drive/items/root/children?$top=2&$skiptoken=X%274453707402%27',
      },
    },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Items: itemsOut, NextToken: "X'4453707402'" } },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'GetItem',
    base: GRAPH,
    input: { ItemId: driveItem.id },
    expect: { method: 'GET', url: `/v1.0/me/drive/items/${driveItem.id}` },
    response: { json: driveItem },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Id: driveItem.id,
        Name: 'report.pdf',
        Size: 35212,
        WebUrl: driveItem.webUrl,
        LastModifiedDateTime: '2025-02-01T10:00:00Z',
        IsFolder: false,
        MimeType: 'application/pdf',
        DownloadUrl: driveItem['@microsoft.graph.downloadUrl'],
      },
    },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'UploadFile',
    base: GRAPH,
    input: { ParentId: folderItem.id, FileName: 'Q1 report.pdf', Content: pdf.toString('base64'), ContentType: 'application/pdf', ConflictBehavior: 'replace' },
    expect: {
      method: 'PUT',
      url: `/v1.0/me/drive/items/${folderItem.id}:/Q1%20report.pdf:/content?@microsoft.graph.conflictBehavior=replace`,
      bytes: pdf,
      headers: { 'content-type': 'application/pdf', 'content-length': String(pdf.length) },
    },
    response: { status: 201, json: { ...driveItem, name: 'Q1 report.pdf' } },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: {
        Id: driveItem.id,
        Name: 'Q1 report.pdf',
        Size: 35212,
        WebUrl: driveItem.webUrl,
        LastModifiedDateTime: '2025-02-01T10:00:00Z',
        IsFolder: false,
        MimeType: 'application/pdf',
        DownloadUrl: driveItem['@microsoft.graph.downloadUrl'],
      },
    },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'Search',
    base: GRAPH,
    input: { Query: "O'Brien budget" },
    expect: { method: 'GET', url: "/v1.0/me/drive/root/search(q='O''Brien%20budget')" },
    response: { json: { value: [driveItem] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Items: [itemsOut[0]] } },
  },

  // ── MICROSOFT_SHAREPOINT ─────────────────────────────────────────────────────
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'GetSite',
    note: 'by host name and path',
    base: GRAPH,
    input: { HostName: 'contoso.sharepoint.com', SitePath: 'sites/marketing' },
    expect: { method: 'GET', url: '/v1.0/sites/contoso.sharepoint.com:/sites/marketing' },
    response: {
      json: { id: SITE, name: 'marketing', displayName: 'Marketing', webUrl: 'https://contoso.sharepoint.com/sites/marketing', description: 'Campaigns' },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Id: SITE, Name: 'marketing', DisplayName: 'Marketing', WebUrl: 'https://contoso.sharepoint.com/sites/marketing', Description: 'Campaigns' },
    },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'GetSite',
    note: 'by id',
    base: GRAPH,
    input: { SiteId: SITE },
    expect: { method: 'GET', url: `/v1.0/sites/${SITE}` },
    response: { json: { id: SITE, name: 'marketing', displayName: 'Marketing', webUrl: 'https://contoso.sharepoint.com/sites/marketing' } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Id: SITE, Name: 'marketing', DisplayName: 'Marketing', WebUrl: 'https://contoso.sharepoint.com/sites/marketing' },
    },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'ListLists',
    base: GRAPH,
    input: { SiteId: 'root', Select: ['id', 'name', 'displayName', 'webUrl', 'list'] },
    expect: { method: 'GET', url: '/v1.0/sites/root/lists?$select=id%2Cname%2CdisplayName%2CwebUrl%2Clist' },
    response: {
      json: {
        value: [
          {
            id: 'b57af081-936c-4803-a120-d94887b03864',
            name: 'Issues',
            displayName: 'Issues',
            webUrl: 'https://contoso.sharepoint.com/Lists/Issues',
            list: { template: 'issueTracking' },
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Lists: [
          {
            Id: 'b57af081-936c-4803-a120-d94887b03864',
            Name: 'Issues',
            DisplayName: 'Issues',
            WebUrl: 'https://contoso.sharepoint.com/Lists/Issues',
            Template: 'issueTracking',
          },
        ],
      },
    },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'ListListItems',
    base: GRAPH,
    input: { SiteId: 'root', ListId: 'Issues', Filter: "fields/Status eq 'Open'", Top: 1 },
    expect: {
      method: 'GET',
      url: '/v1.0/sites/root/lists/Issues/items?expand=fields&$top=1&$filter=fields%2FStatus%20eq%20%27Open%27',
      headers: { prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    },
    response: {
      json: {
        value: [
          {
            id: '1',
            webUrl: 'https://contoso.sharepoint.com/Lists/Issues/1_.000',
            lastModifiedDateTime: '2025-01-01T00:00:00Z',
            fields: { Title: 'Printer', Status: 'Open' },
          },
        ],
        '@odata.nextLink': 'https://graph.microsoft.com/v1.0/sites/root/lists/Issues/items?expand=fields&$top=1&$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTE',
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Items: [
          {
            Id: '1',
            WebUrl: 'https://contoso.sharepoint.com/Lists/Issues/1_.000',
            Fields: { Title: 'Printer', Status: 'Open' },
            LastModifiedDateTime: '2025-01-01T00:00:00Z',
          },
        ],
        NextToken: 'UGFnZWQ9VFJVRSZwX0lEPTE',
      },
    },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'CreateListItem',
    base: GRAPH,
    input: { SiteId: SITE, ListId: 'b57af081-936c-4803-a120-d94887b03864', Fields: { Title: 'Widget', Color: 'Red' } },
    expect: {
      method: 'POST',
      url: `/v1.0/sites/${SITE}/lists/b57af081-936c-4803-a120-d94887b03864/items`,
      json: { fields: { Title: 'Widget', Color: 'Red' } },
    },
    response: { status: 201, json: { id: '2', webUrl: 'https://contoso.sharepoint.com/Lists/Issues/2_.000', fields: { Title: 'Widget', Color: 'Red' } } },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: { Id: '2', WebUrl: 'https://contoso.sharepoint.com/Lists/Issues/2_.000', Fields: { Title: 'Widget', Color: 'Red' } },
    },
  },
  {
    type: 'MICROSOFT_SHAREPOINT',
    actionId: 'ListDriveItems',
    base: GRAPH,
    input: { SiteId: 'root' },
    expect: { method: 'GET', url: '/v1.0/sites/root/drive/items/root/children' },
    response: { json: { value: [driveItem, folderItem] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Items: itemsOut } },
  },

  // ── SMARTSHEET ───────────────────────────────────────────────────────────────
  {
    type: 'SMARTSHEET',
    actionId: 'ListSheets',
    base: SMART,
    input: { Page: 1, PageSize: 1 },
    expect: { method: 'GET', url: '/2.0/sheets?page=1&pageSize=1' },
    response: {
      json: {
        pageNumber: 1,
        pageSize: 1,
        totalPages: 3,
        totalCount: 3,
        data: [
          { id: 4583173393803140, name: 'Budget', accessLevel: 'OWNER', permalink: 'https://app.smartsheet.com/sheets/x', modifiedAt: '2025-01-01T00:00:00Z' },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Sheets: [
          { Id: 4583173393803140, Name: 'Budget', Permalink: 'https://app.smartsheet.com/sheets/x', AccessLevel: 'OWNER', ModifiedAt: '2025-01-01T00:00:00Z' },
        ],
        PageNumber: 1,
        TotalPages: 3,
        TotalCount: 3,
      },
    },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'GetSheet',
    base: SMART,
    input: { SheetId: 4583173393803140, ColumnIds: [7960873114331012] },
    expect: { method: 'GET', url: '/2.0/sheets/4583173393803140?columnIds=7960873114331012' },
    response: {
      json: {
        id: 4583173393803140,
        name: 'Budget',
        totalRowCount: 1,
        columns: [{ id: 7960873114331012, index: 0, title: 'Item', type: 'TEXT_NUMBER', primary: true }],
        rows: [{ id: 2361756178769796, rowNumber: 1, cells: [{ columnId: 7960873114331012, value: 'Laptops', displayValue: 'Laptops' }] }],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Id: 4583173393803140,
        Name: 'Budget',
        TotalRowCount: 1,
        Columns: [{ Id: 7960873114331012, Title: 'Item', Type: 'TEXT_NUMBER', Primary: true }],
        Rows: [{ Id: 2361756178769796, RowNumber: 1, Cells: [{ ColumnId: 7960873114331012, Value: 'Laptops', DisplayValue: 'Laptops' }] }],
      },
    },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'AddRows',
    base: SMART,
    input: {
      SheetId: 4583173393803140,
      Rows: [
        {
          Cells: [
            { ColumnId: 7960873114331012, Value: 'Monitors' },
            { ColumnId: 642523719853956, Value: 12, Strict: false },
          ],
        },
      ],
    },
    expect: {
      method: 'POST',
      url: '/2.0/sheets/4583173393803140/rows',
      json: [
        {
          toBottom: true,
          cells: [
            { columnId: 7960873114331012, value: 'Monitors' },
            { columnId: 642523719853956, value: 12, strict: false },
          ],
        },
      ],
    },
    response: { json: { message: 'SUCCESS', resultCode: 0, version: 14, result: [{ id: 7670198317672324, rowNumber: 2, sheetId: 4583173393803140 }] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Rows: [{ Id: 7670198317672324, RowNumber: 2 }], Version: 14 } },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'UpdateRows',
    base: SMART,
    input: { SheetId: 4583173393803140, Rows: [{ Id: 7670198317672324, Cells: [{ ColumnId: 642523719853956, Formula: '=SUM([Qty]1:[Qty]2)' }] }] },
    expect: {
      method: 'PUT',
      url: '/2.0/sheets/4583173393803140/rows',
      json: [{ id: 7670198317672324, cells: [{ columnId: 642523719853956, formula: '=SUM([Qty]1:[Qty]2)' }] }],
    },
    response: { json: { message: 'SUCCESS', resultCode: 0, version: 15, result: [{ id: 7670198317672324, rowNumber: 2 }] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Rows: [{ Id: 7670198317672324, RowNumber: 2 }], Version: 15 } },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'Search',
    base: SMART,
    input: { Query: 'monitors' },
    expect: { method: 'GET', url: '/2.0/search?query=monitors' },
    response: {
      json: {
        results: [
          { objectType: 'row', objectId: 7670198317672324, text: 'Monitors', contextData: ['Row 2'], parentObjectName: 'Budget', parentObjectType: 'sheet' },
        ],
        totalCount: 1,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Results: [{ ObjectType: 'row', ObjectId: 7670198317672324, Text: 'Monitors', ContextData: ['Row 2'], ParentObjectName: 'Budget' }],
        TotalCount: 1,
      },
    },
  },

  // ── ASANA ────────────────────────────────────────────────────────────────────
  {
    type: 'ASANA',
    actionId: 'CreateTask',
    base: ASANA,
    input: { Name: 'Write the runbook', Notes: 'For the db failover', ProjectGids: ['1204729000'], Assignee: 'me', DueOn: '2025-03-01' },
    expect: {
      method: 'POST',
      url: '/api/1.0/tasks',
      json: { data: { name: 'Write the runbook', notes: 'For the db failover', assignee: 'me', due_on: '2025-03-01', projects: ['1204729000'] } },
    },
    response: { status: 201, json: { data: task } },
    result: { status: 'SUCCESS', httpStatus: 201, output: taskOut },
  },
  {
    type: 'ASANA',
    actionId: 'GetTask',
    base: ASANA,
    input: { TaskGid: '1204729034', OptFields: ['name', 'completed', 'permalink_url'] },
    expect: { method: 'GET', url: '/api/1.0/tasks/1204729034?opt_fields=name%2Ccompleted%2Cpermalink_url' },
    response: { json: { data: task } },
    result: { status: 'SUCCESS', httpStatus: 200, output: taskOut },
  },
  {
    type: 'ASANA',
    actionId: 'UpdateTask',
    base: ASANA,
    input: { TaskGid: '1204729034', Completed: true, Assignee: null },
    expect: { method: 'PUT', url: '/api/1.0/tasks/1204729034', json: { data: { assignee: null, completed: true } } },
    response: { json: { data: { ...task, completed: true } } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { ...taskOut, Completed: true, Task: { ...task, completed: true } } },
  },
  {
    type: 'ASANA',
    actionId: 'ListProjects',
    base: ASANA,
    input: { WorkspaceGid: '1204720000', Limit: 1 },
    expect: { method: 'GET', url: '/api/1.0/projects?workspace=1204720000&limit=1' },
    response: {
      json: {
        data: [{ gid: '1204729000', name: 'Operations', resource_type: 'project' }],
        next_page: {
          offset: 'eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9',
          path: '/projects?limit=1&offset=eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9',
          uri: 'https://app.asana.com/api/1.0/projects?limit=1&offset=eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9',
        },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Projects: [{ Gid: '1204729000', Name: 'Operations' }], NextToken: 'eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9' },
    },
  },
  {
    type: 'ASANA',
    actionId: 'SearchTasks',
    base: ASANA,
    input: { WorkspaceGid: '1204720000', Text: 'runbook', AssigneeAny: ['me'], Completed: false },
    expect: { method: 'GET', url: '/api/1.0/workspaces/1204720000/tasks/search?text=runbook&assignee.any=me&completed=false' },
    response: { json: { data: [{ gid: '1204729034', name: 'Write the runbook', resource_type: 'task' }] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Tasks: [{ Gid: '1204729034', Name: 'Write the runbook' }] } },
  },

  // ── BAMBOO_HR ────────────────────────────────────────────────────────────────
  {
    type: 'BAMBOO_HR',
    actionId: 'GetEmployee',
    base: BAMBOO,
    input: { EmployeeId: '123', Fields: ['firstName', 'lastName', 'jobTitle'] },
    expect: { method: 'GET', url: '/api/gateway.php/acme/v1/employees/123?fields=firstName%2ClastName%2CjobTitle', headers: { accept: 'application/json' } },
    response: { json: { id: '123', firstName: 'Charlotte', lastName: 'Abbott', jobTitle: 'Sr. HR Administrator' } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { id: '123', firstName: 'Charlotte', lastName: 'Abbott', jobTitle: 'Sr. HR Administrator' } },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'GetEmployeeDirectory',
    base: BAMBOO,
    input: {},
    expect: { method: 'GET', url: '/api/gateway.php/acme/v1/employees/directory' },
    response: { json: { fields: [{ id: 'displayName', type: 'text', name: 'Display name' }], employees: [{ id: '123', displayName: 'Charlotte Abbott' }] } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Fields: [{ id: 'displayName', type: 'text', name: 'Display name' }], Employees: [{ id: '123', displayName: 'Charlotte Abbott' }] },
    },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'ListTimeOffRequests',
    base: BAMBOO,
    input: { Start: '2025-01-01', End: '2025-01-31', Status: ['approved', 'requested'] },
    expect: { method: 'GET', url: '/api/gateway.php/acme/v1/time_off/requests?start=2025-01-01&end=2025-01-31&status=approved%2Crequested' },
    response: {
      json: [
        {
          id: '1342',
          employeeId: '123',
          name: 'Charlotte Abbott',
          status: { status: 'approved' },
          start: '2025-01-10',
          end: '2025-01-12',
          type: { id: '78', name: 'Vacation' },
          amount: { unit: 'days', amount: '3' },
        },
      ],
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Requests: [
          {
            Id: '1342',
            EmployeeId: '123',
            Name: 'Charlotte Abbott',
            Status: 'approved',
            Start: '2025-01-10',
            End: '2025-01-12',
            Type: 'Vacation',
            Amount: { unit: 'days', amount: '3' },
          },
        ],
      },
    },
  },
  {
    type: 'BAMBOO_HR',
    actionId: 'RequestTimeOff',
    base: BAMBOO,
    input: { EmployeeId: '123', Start: '2025-02-03', End: '2025-02-04', TimeOffTypeId: '78', Amount: 2, Note: 'Family visit' },
    expect: {
      method: 'PUT',
      url: '/api/gateway.php/acme/v1/employees/123/time_off/request',
      json: {
        status: 'requested',
        start: '2025-02-03',
        end: '2025-02-04',
        timeOffTypeId: '78',
        amount: 2,
        notes: [{ from: 'employee', note: 'Family visit' }],
      },
    },
    response: { status: 201, json: { id: '1343', status: { status: 'requested' }, start: '2025-02-03', end: '2025-02-04' } },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: { Id: '1343', Status: 'requested', Request: { id: '1343', status: { status: 'requested' }, start: '2025-02-03', end: '2025-02-04' } },
    },
  },
];

// ── SAP (OData v2) ────────────────────────────────────────────────────────────
// One entry per entity: the literal key predicate the vendor must see, the key values,
// and which writes the catalog offers. Every action gets a sample from these.

interface SapEntity {
  type: HttpSample['type'];
  service: string;
  set: string;
  one: string;
  many: string;
  keys: Record<string, string>;
  /** The key predicate as the URL must carry it. */
  predicate: string;
  create?: boolean;
  update?: boolean;
  /** The Update PATCHes another entity set (the main one is read-only in the service): its set, keys and predicate. */
  updateVia?: { set: string; keys: Record<string, string>; predicate: string };
}

const SAP_ENTITIES: SapEntity[] = [
  {
    type: 'SAP_BUSINESSPARTNER',
    service: 'API_BUSINESS_PARTNER',
    set: 'A_BusinessPartner',
    one: 'BusinessPartner',
    many: 'BusinessPartners',
    keys: { BusinessPartner: '1000042' },
    predicate: "('1000042')",
    create: true,
    update: true,
  },
  {
    type: 'SAP_BUSINESSPARTNER',
    service: 'API_BUSINESS_PARTNER',
    set: 'A_BusinessPartnerAddress',
    one: 'BusinessPartnerAddress',
    many: 'BusinessPartnerAddresses',
    keys: { BusinessPartner: '1000042', AddressID: '28238' },
    predicate: "(BusinessPartner='1000042',AddressID='28238')",
    create: true,
    update: true,
  },
  {
    type: 'SAP_BUSINESSPARTNER',
    service: 'API_BUSINESS_PARTNER',
    set: 'A_Customer',
    one: 'Customer',
    many: 'Customers',
    keys: { Customer: "O'NEIL 1" },
    predicate: "('O''NEIL%201')",
    update: true,
  },
  {
    type: 'SAP_BUSINESSPARTNER',
    service: 'API_BUSINESS_PARTNER',
    set: 'A_Supplier',
    one: 'Supplier',
    many: 'Suppliers',
    keys: { Supplier: '17300001' },
    predicate: "('17300001')",
    update: true,
  },
  {
    type: 'SAP_PRODUCTMASTERDATA',
    service: 'API_PRODUCT_SRV',
    set: 'A_Product',
    one: 'Product',
    many: 'Products',
    keys: { Product: 'FG126' },
    predicate: "('FG126')",
    create: true,
    update: true,
  },
  {
    type: 'SAP_PRODUCTMASTERDATA',
    service: 'API_PRODUCT_SRV',
    set: 'A_ProductDescription',
    one: 'ProductDescription',
    many: 'ProductDescriptions',
    keys: { Product: 'FG126', Language: 'EN' },
    predicate: "(Product='FG126',Language='EN')",
    create: true,
    update: true,
  },
  {
    type: 'SAP_PRODUCTMASTERDATA',
    service: 'API_PRODUCT_SRV',
    set: 'A_ProductPlant',
    one: 'ProductPlant',
    many: 'ProductPlants',
    keys: { Product: 'FG126', Plant: '1010' },
    predicate: "(Product='FG126',Plant='1010')",
    create: true,
    update: true,
  },
  {
    type: 'SAP_PHYSICALINVENTORY',
    service: 'API_PHYSICAL_INVENTORY_DOC_SRV',
    set: 'A_PhysInventoryDocHeader',
    one: 'PhysicalInventoryDocument',
    many: 'PhysicalInventoryDocuments',
    keys: { FiscalYear: '2025', PhysicalInventoryDocument: '100000001' },
    predicate: "(FiscalYear='2025',PhysicalInventoryDocument='100000001')",
    create: true,
    update: true,
    // The spec has no PATCH on A_PhysInventoryDocHeader: the document's counts are changed on its items.
    updateVia: {
      set: 'A_PhysInventoryDocItem',
      keys: { FiscalYear: '2025', PhysicalInventoryDocument: '100000001', PhysicalInventoryDocumentItem: '1' },
      predicate: "(FiscalYear='2025',PhysicalInventoryDocument='100000001',PhysicalInventoryDocumentItem='1')",
    },
  },
  {
    type: 'SAP_PHYSICALINVENTORY',
    service: 'API_PHYSICAL_INVENTORY_DOC_SRV',
    set: 'A_PhysInventoryDocItem',
    one: 'PhysicalInventoryItem',
    many: 'PhysicalInventoryItems',
    keys: { FiscalYear: '2025', PhysicalInventoryDocument: '100000001', PhysicalInventoryDocumentItem: '1' },
    predicate: "(FiscalYear='2025',PhysicalInventoryDocument='100000001',PhysicalInventoryDocumentItem='1')",
    update: true,
  },
  {
    type: 'SAP_BILLOFMATERIALS',
    service: 'API_BILL_OF_MATERIAL_SRV;v=0002',
    set: 'MaterialBOM',
    one: 'MaterialBOM',
    many: 'MaterialBOMs',
    keys: {
      BillOfMaterial: '00000010',
      BillOfMaterialCategory: 'M',
      BillOfMaterialVariant: '1',
      BillOfMaterialVersion: '',
      EngineeringChangeDocument: '',
      Material: 'FG126',
      Plant: '1010',
    },
    predicate:
      "(BillOfMaterial='00000010',BillOfMaterialCategory='M',BillOfMaterialVariant='1',BillOfMaterialVersion='',EngineeringChangeDocument='',Material='FG126',Plant='1010')",
    create: true,
    update: true,
  },
  {
    type: 'SAP_BILLOFMATERIALS',
    service: 'API_BILL_OF_MATERIAL_SRV;v=0002',
    set: 'MaterialBOMItem',
    one: 'MaterialBOMItem',
    many: 'MaterialBOMItems',
    keys: {
      BillOfMaterial: '00000010',
      BillOfMaterialCategory: 'M',
      BillOfMaterialVariant: '1',
      BillOfMaterialVersion: '',
      BillOfMaterialItemNodeNumber: '1',
      HeaderChangeDocument: '',
      Material: 'FG126',
      Plant: '1010',
    },
    predicate:
      "(BillOfMaterial='00000010',BillOfMaterialCategory='M',BillOfMaterialVariant='1',BillOfMaterialVersion='',BillOfMaterialItemNodeNumber='1',HeaderChangeDocument='',Material='FG126',Plant='1010')",
    create: true,
    update: true,
  },
  {
    type: 'SAP_MATERIALSTOCK',
    service: 'API_MATERIAL_STOCK_SRV',
    set: 'A_MaterialStock',
    one: 'MaterialStock',
    many: 'MaterialStocks',
    keys: { Material: 'FG126' },
    predicate: "('FG126')",
  },
];

/** What the test server answers to `x-csrf-token: Fetch`, and what the write must then carry. */
export const CSRF = {
  token: 'Nz8hq0Yq1iVbmEXAMPLE==',
  setCookie: ['SAP_SESSIONID_ER9_100=abc123%3d; path=/; secure; HttpOnly', 'sap-usercontext=sap-client=100; path=/'],
  cookie: 'SAP_SESSIONID_ER9_100=abc123%3d; sap-usercontext=sap-client=100',
};

function sapSamples(e: SapEntity): HttpSample[] {
  const root = `/sap/opu/odata/sap/${e.service}`;
  const uri = `${SAP_HOST}${root}/${e.set}${e.predicate}`;
  const entity = {
    __metadata: { id: uri, uri, type: `${e.service.split(';')[0]}.${e.set}Type`, etag: 'W/"datetimeoffset\'2025-01-01T00%3A00%3A00.0000000Z\'"' },
    ...e.keys,
    Name: 'Example',
  };
  const samples: HttpSample[] = [
    {
      type: e.type,
      actionId: `List${e.many}`,
      base: SAP_HOST,
      input: { Filter: "Name eq 'Example'", Select: Object.keys(e.keys), Top: 1, Count: true },
      expect: {
        method: 'GET',
        url: `${root}/${e.set}?$filter=Name%20eq%20%27Example%27&$select=${Object.keys(e.keys).join('%2C')}&$top=1&$inlinecount=allpages`,
        headers: { accept: 'application/json' },
      },
      response: { json: { d: { __count: '2', results: [entity], __next: `${SAP_HOST}${root}/${e.set}?$top=1&$skiptoken='1000043'` } } },
      result: { status: 'SUCCESS', httpStatus: 200, output: { Results: [entity], Count: 2, NextToken: "'1000043'" } },
    },
    {
      type: e.type,
      actionId: `Get${e.one}`,
      base: SAP_HOST,
      input: { ...e.keys, Expand: ['to_Example'] },
      expect: { method: 'GET', url: `${root}/${e.set}${e.predicate}?$expand=to_Example` },
      response: { json: { d: entity } },
      result: { status: 'SUCCESS', httpStatus: 200, output: { Entity: entity } },
    },
  ];
  if (e.create) {
    samples.push({
      type: e.type,
      actionId: `Create${e.one}`,
      note: 'csrf token first',
      base: SAP_HOST,
      input: { Entity: { ...e.keys, Name: 'Example' } },
      expect: {
        method: 'POST',
        url: `${root}/${e.set}`,
        json: { ...e.keys, Name: 'Example' },
        headers: { 'x-csrf-token': CSRF.token, cookie: CSRF.cookie, 'content-type': 'application/json' },
      },
      response: { status: 201, json: { d: entity } },
      result: { status: 'SUCCESS', httpStatus: 201, output: { Entity: entity } },
    });
  }
  if (e.update) {
    samples.push({
      type: e.type,
      actionId: `Update${e.one}`,
      note: 'csrf token first',
      base: SAP_HOST,
      input: { ...(e.updateVia?.keys ?? e.keys), Changes: { Name: 'Renamed' }, ETag: '*' },
      expect: {
        method: 'PATCH',
        url: e.updateVia ? `${root}/${e.updateVia.set}${e.updateVia.predicate}` : `${root}/${e.set}${e.predicate}`,
        json: { Name: 'Renamed' },
        headers: { 'x-csrf-token': CSRF.token, cookie: CSRF.cookie, 'if-match': '*' },
      },
      response: { status: 204 },
      result: { status: 'SUCCESS', httpStatus: 204, output: { Updated: true } },
    });
  }
  return samples;
}

export const SAP_SAMPLES: HttpSample[] = [
  ...SAP_ENTITIES.flatMap(sapSamples),
  {
    type: 'SAP_MATERIALSTOCK',
    actionId: 'ListStockQuantities',
    base: SAP_HOST,
    input: { Filter: "Material eq 'FG126' and Plant eq '1010'", Top: 1 },
    expect: {
      method: 'GET',
      url: '/sap/opu/odata/sap/API_MATERIAL_STOCK_SRV/A_MatlStkInAcctMod?$filter=Material%20eq%20%27FG126%27%20and%20Plant%20eq%20%271010%27&$top=1',
    },
    response: {
      json: { d: { results: [{ Material: 'FG126', Plant: '1010', StorageLocation: '101A', MatlWrhsStkQtyInMatlBaseUnit: '25.000', MaterialBaseUnit: 'PC' }] } },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Results: [{ Material: 'FG126', Plant: '1010', StorageLocation: '101A', MatlWrhsStkQtyInMatlBaseUnit: '25.000', MaterialBaseUnit: 'PC' }] },
    },
  },
];
