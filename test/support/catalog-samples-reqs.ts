// Samples of the actions added for issue 16 by the requirements/origins work: PagerDuty's
// Events API v2 (the `events` origin: events.pagerduty.com, no connector credentials) and
// more of its REST API. Answers are the examples of PagerDuty's published OpenAPI
// documents (reference/vendors/pagerduty), trimmed.
import type { HttpSample } from './catalog-samples.js';

const PD = 'https://api.pagerduty.com';
const KEY = 'R015LKV1NKP8RDNWG6X1B1KZ0D5JVL2C';
const EVENTS = { host: 'events.pagerduty.com', credentials: false as const, headers: { accept: 'application/json', 'content-type': 'application/json' } };
const eventAnswer = { status: 202, json: { status: 'success', message: 'Event processed', dedup_key: 'srv01/HTTP' } };
const eventResult = { status: 'SUCCESS' as const, httpStatus: 202, output: { Status: 'success', Message: 'Event processed', DedupKey: 'srv01/HTTP' } };

const earline = {
  id: 'PXPGF42',
  type: 'user_reference',
  summary: 'Earline Greenholt',
  self: 'https://api.pagerduty.com/users/PXPGF42',
  html_url: 'https://subdomain.pagerduty.com/users/PXPGF42',
};
const engineering = {
  id: 'PQ9K7I8',
  type: 'team_reference',
  summary: 'Engineering',
  self: 'https://api.pagerduty.com/teams/PQ9K7I8',
  html_url: 'https://subdomain.pagerduty.com/teams/PQ9K7I8',
};
const policyRef = {
  id: 'PT20YPA',
  type: 'escalation_policy_reference',
  summary: 'Another Escalation Policy',
  self: 'https://api.pagerduty.com/escalation_policies/PT20YPA',
  html_url: 'https://subdomain.pagerduty.com/escalation_policies/PT20YPA',
};
const note = {
  id: 'PWL7QXS',
  user: earline,
  channel: { summary: 'The PagerDuty website or APIs' },
  content: 'Firefighters are on the scene.',
  created_at: '2013-03-06T15:28:51-05:00',
  updated_at: '2023-10-01T12:00:00-05:00',
};
const noteOut = {
  Id: 'PWL7QXS',
  Content: 'Firefighters are on the scene.',
  CreatedAt: '2013-03-06T15:28:51-05:00',
  User: { Id: 'PXPGF42', Name: 'Earline Greenholt' },
};
const service = {
  id: 'PIJ90N7',
  type: 'service',
  summary: 'My Application Service',
  self: 'https://api.pagerduty.com/services/PIJ90N7',
  html_url: 'https://subdomain.pagerduty.com/service-directory/PIJ90N7',
  name: 'My Application Service',
  auto_resolve_timeout: 14400,
  acknowledgement_timeout: 600,
  created_at: '2015-11-06T11:12:51-05:00',
  status: 'active',
  alert_creation: 'create_alerts_and_incidents',
  escalation_policy: policyRef,
  teams: [engineering],
};
const serviceOut = {
  Id: 'PIJ90N7',
  Name: 'My Application Service',
  Status: 'active',
  HtmlUrl: 'https://subdomain.pagerduty.com/service-directory/PIJ90N7',
  EscalationPolicy: { Id: 'PT20YPA', Name: 'Another Escalation Policy' },
  Teams: [{ Id: 'PQ9K7I8', Name: 'Engineering' }],
};
const user = {
  id: 'PXPGF42',
  type: 'user',
  summary: 'Earline Greenholt',
  self: 'https://api.pagerduty.com/users/PXPGF42',
  html_url: 'https://subdomain.pagerduty.com/users/PXPGF42',
  name: 'Earline Greenholt',
  email: '125.greenholt.earline@graham.name',
  time_zone: 'America/Lima',
  color: 'green',
  role: 'admin',
  avatar_url: 'https://pd-static-assets.pagerduty.com/users/blank-avatar.png',
  description: "I'm the boss",
  invitation_sent: false,
  job_title: 'Director of Engineering',
  teams: [engineering],
};
const userOut = {
  Id: 'PXPGF42',
  Name: 'Earline Greenholt',
  Email: '125.greenholt.earline@graham.name',
  Role: 'admin',
  JobTitle: 'Director of Engineering',
  TimeZone: 'America/Lima',
  HtmlUrl: 'https://subdomain.pagerduty.com/users/PXPGF42',
  Teams: [{ Id: 'PQ9K7I8', Name: 'Engineering' }],
};

const GRAPH = 'https://graph.microsoft.com/v1.0';
// Graph hands out upload URLs on SharePoint (work or school) hosts; ':{port}' is the local port (catalog-actions.test.ts).
const UPLOAD_URL = 'https://acme-my.sharepoint.com:{port}/personal/ada_acme_com/_api/v2.0/drive/items/01ABCDEF/uploadSession?guid=1a2b3c&tempauth=eyJ0eXAi';
const UPLOAD_PATH = '/personal/ada_acme_com/_api/v2.0/drive/items/01ABCDEF/uploadSession?guid=1a2b3c&tempauth=eyJ0eXAi';
const chunk = Buffer.alloc(327_680, 7);
const SLACK = 'https://slack.com/api';
const SLACK_UPLOAD = 'https://files.slack.com/upload/v1/CwABAAAAXwoAAZO9CgACAAAAAAAAAAAMAAMLAAEAAAALVDA3UTZDSlRDMTQ';

/** Every host name these samples use. */
export const REQS_HOSTS = ['events.pagerduty.com', 'acme-my.sharepoint.com', 'files.slack.com'];

export const REQS_SAMPLES: HttpSample[] = [
  // ── PagerDuty Events API v2 (events.pagerduty.com: the routing key authenticates, no connector credentials) ──
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'TriggerEvent',
    base: PD,
    input: {
      RoutingKey: KEY,
      Summary: 'Example alert on host1.example.com',
      Source: 'monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003',
      Severity: 'warning',
      DedupKey: 'srv01/HTTP',
      Component: 'postgres',
      Group: 'prod-datapipe',
      Class: 'deploy',
      CustomDetails: { 'ping time': '1500ms', 'load avg': 0.75 },
      Links: [{ Href: 'https://example.com/', Text: 'Link text' }],
    },
    expect: {
      method: 'POST',
      url: '/v2/enqueue',
      ...EVENTS,
      json: {
        routing_key: KEY,
        event_action: 'trigger',
        dedup_key: 'srv01/HTTP',
        payload: {
          summary: 'Example alert on host1.example.com',
          source: 'monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003',
          severity: 'warning',
          component: 'postgres',
          group: 'prod-datapipe',
          class: 'deploy',
          custom_details: { 'ping time': '1500ms', 'load avg': 0.75 },
        },
        links: [{ href: 'https://example.com/', text: 'Link text' }],
      },
    },
    response: eventAnswer,
    result: eventResult,
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'AcknowledgeEvent',
    base: PD,
    input: { RoutingKey: KEY, DedupKey: 'srv01/HTTP' },
    expect: { method: 'POST', url: '/v2/enqueue', ...EVENTS, json: { routing_key: KEY, event_action: 'acknowledge', dedup_key: 'srv01/HTTP' } },
    response: eventAnswer,
    result: eventResult,
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'ResolveEvent',
    base: PD,
    input: { RoutingKey: KEY, DedupKey: 'srv01/HTTP' },
    expect: { method: 'POST', url: '/v2/enqueue', ...EVENTS, json: { routing_key: KEY, event_action: 'resolve', dedup_key: 'srv01/HTTP' } },
    response: eventAnswer,
    result: eventResult,
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'ResolveEvent',
    note: 'a routing key PagerDuty does not know: FAILED with its error',
    base: PD,
    input: { RoutingKey: KEY, DedupKey: 'srv01/HTTP' },
    expect: { method: 'POST', url: '/v2/enqueue', ...EVENTS, json: { routing_key: KEY, event_action: 'resolve', dedup_key: 'srv01/HTTP' } },
    response: { status: 400, json: { status: 'invalid event', message: 'Event object is invalid', errors: ["'routing_key' is invalid"] } },
    result: {
      status: 'FAILED',
      httpStatus: 400,
      output: { status: 'invalid event', message: 'Event object is invalid', errors: ["'routing_key' is invalid"] },
    },
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'SendChangeEvent',
    base: PD,
    input: {
      RoutingKey: KEY,
      Summary: 'Build Success: Increase snapshot create timeout to 30 seconds',
      Source: 'acme-build-server-2',
      Timestamp: '2020-07-17T08:42:58.315+00:00',
      CustomDetails: { build_state: 'passed', build_number: '2', run_time: '1236s' },
      Links: [{ Href: 'https://acme.pagerduty.dev/build/2', Text: 'View more details in Acme!' }],
    },
    expect: {
      method: 'POST',
      url: '/v2/change/enqueue',
      ...EVENTS,
      json: {
        routing_key: KEY,
        payload: {
          summary: 'Build Success: Increase snapshot create timeout to 30 seconds',
          source: 'acme-build-server-2',
          timestamp: '2020-07-17T08:42:58.315+00:00',
          custom_details: { build_state: 'passed', build_number: '2', run_time: '1236s' },
        },
        links: [{ href: 'https://acme.pagerduty.dev/build/2', text: 'View more details in Acme!' }],
      },
    },
    response: { status: 202, json: { status: 'success', message: 'Change event processed' } },
    result: { status: 'SUCCESS', httpStatus: 202, output: { Status: 'success', Message: 'Change event processed' } },
  },
  // ── PagerDuty REST API ──
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'AddIncidentNote',
    base: PD,
    input: { FromEmail: 'oncall@acme.example', IncidentId: 'PT4KHLK', Content: 'Firefighters are on the scene.' },
    expect: {
      method: 'POST',
      url: '/incidents/PT4KHLK/notes',
      headers: { from: 'oncall@acme.example', accept: 'application/vnd.pagerduty+json;version=2', 'content-type': 'application/json' },
      json: { note: { content: 'Firefighters are on the scene.' } },
    },
    response: { status: 201, json: { note } },
    result: { status: 'SUCCESS', httpStatus: 201, output: noteOut },
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'ListIncidentNotes',
    base: PD,
    input: { IncidentId: 'PT4KHLK' },
    expect: { method: 'GET', url: '/incidents/PT4KHLK/notes' },
    response: { json: { notes: [note] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Notes: [noteOut] } },
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'CreateStatusUpdate',
    base: PD,
    input: {
      FromEmail: 'oncall@acme.example',
      IncidentId: 'PT4KHLK',
      Message: 'The server fire is spreading.',
      Subject: 'Server Fire Update',
      HtmlMessage: '<h1>Server is still on fire</h1>',
    },
    expect: {
      method: 'POST',
      url: '/incidents/PT4KHLK/status_updates',
      headers: { from: 'oncall@acme.example' },
      json: { message: 'The server fire is spreading.', subject: 'Server Fire Update', html_message: '<h1>Server is still on fire</h1>' },
    },
    response: {
      json: {
        status_update: {
          id: 'PWL7QXS',
          message: 'The server fire is spreading.',
          sender: earline,
          created_at: '2013-03-06T15:28:51-05:00',
          html_message: '<h1>Server is still on fire</h1>',
          subject: 'Server Fire Update',
        },
      },
    },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Id: 'PWL7QXS', Message: 'The server fire is spreading.', CreatedAt: '2013-03-06T15:28:51-05:00' } },
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'ListIncidentLogEntries',
    base: PD,
    input: { IncidentId: 'PT4KHLK', IsOverview: true, Limit: 25 },
    expect: { method: 'GET', url: '/incidents/PT4KHLK/log_entries?is_overview=true&limit=25' },
    response: {
      json: {
        log_entries: [
          {
            id: 'Q02JTSNZWHSEKV',
            type: 'trigger_log_entry',
            summary: 'Triggered through the API',
            self: 'https://api.pagerduty.com/log_entries/Q02JTSNZWHSEKV?incident_id=PT4KHLK',
            html_url: 'https://subdomain.pagerduty.com/incidents/PT4KHLK/log_entries/Q02JTSNZWHSEKV',
            created_at: '2015-11-07T00:14:20Z',
            agent: { id: 'PIJ90N7', type: 'service_reference', summary: 'My Mail Service' },
            channel: { type: 'api' },
          },
        ],
        limit: 25,
        offset: 0,
        more: false,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        LogEntries: [
          {
            Id: 'Q02JTSNZWHSEKV',
            Type: 'trigger_log_entry',
            Summary: 'Triggered through the API',
            CreatedAt: '2015-11-07T00:14:20Z',
            Agent: { Id: 'PIJ90N7', Name: 'My Mail Service' },
          },
        ],
        More: false,
        Offset: 0,
        Limit: 25,
      },
    },
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'ListServices',
    base: PD,
    input: { Query: 'Application', TeamIds: ['PQ9K7I8'], SortBy: 'name:asc', Limit: 10 },
    expect: { method: 'GET', url: '/services?query=Application&team_ids%5B%5D=PQ9K7I8&sort_by=name%3Aasc&limit=10' },
    response: { json: { services: [service], limit: 10, offset: 0, more: false, total: null } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Services: [serviceOut], More: false, Offset: 0, Limit: 10 } },
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'GetService',
    base: PD,
    input: { ServiceId: 'PIJ90N7' },
    expect: { method: 'GET', url: '/services/PIJ90N7' },
    response: { json: { service } },
    result: { status: 'SUCCESS', httpStatus: 200, output: serviceOut },
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'ListUsers',
    base: PD,
    input: { Query: 'Greenholt', Offset: 0 },
    expect: { method: 'GET', url: '/users?query=Greenholt&offset=0' },
    response: { json: { users: [user], limit: 25, offset: 0, more: false, total: null } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Users: [userOut], More: false, Offset: 0, Limit: 25 } },
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'GetUser',
    base: PD,
    input: { UserId: 'PXPGF42' },
    expect: { method: 'GET', url: '/users/PXPGF42' },
    response: { json: { user } },
    result: { status: 'SUCCESS', httpStatus: 200, output: userOut },
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'ListEscalationPolicies',
    base: PD,
    input: { UserIds: ['PEYSGVF'] },
    expect: { method: 'GET', url: '/escalation_policies?user_ids%5B%5D=PEYSGVF' },
    response: {
      json: {
        escalation_policies: [
          {
            id: 'PANZZEQ',
            type: 'escalation_policy',
            summary: 'Engineering Escalation Policy',
            on_call_handoff_notifications: 'if_has_services',
            self: 'https://api.pagerduty.com/escalation_policies/PANZZEQ',
            html_url: 'https://subdomain.pagerduty.com/escalation_policies/PANZZEQ',
            name: 'Engineering Escalation Policy',
            escalation_rules: [
              {
                id: 'PANZZEQ',
                escalation_delay_in_minutes: 30,
                targets: [
                  { id: 'PEYSGVF', summary: 'PagerDuty Admin', type: 'user_reference' },
                  { id: 'PI7DH85', summary: 'Daily Engineering Rotation', type: 'schedule_reference' },
                ],
              },
            ],
            services: [{ id: 'PIJ90N7', type: 'service_reference', summary: 'My Mail Service' }],
            num_loops: 0,
            teams: [engineering],
          },
        ],
        limit: 25,
        offset: 0,
        more: false,
        total: null,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        EscalationPolicies: [
          {
            Id: 'PANZZEQ',
            Name: 'Engineering Escalation Policy',
            HtmlUrl: 'https://subdomain.pagerduty.com/escalation_policies/PANZZEQ',
            Rules: [
              {
                DelayMinutes: 30,
                Targets: [
                  { Id: 'PEYSGVF', Type: 'user_reference', Name: 'PagerDuty Admin' },
                  { Id: 'PI7DH85', Type: 'schedule_reference', Name: 'Daily Engineering Rotation' },
                ],
              },
            ],
            Services: [{ Id: 'PIJ90N7', Name: 'My Mail Service' }],
            Teams: [{ Id: 'PQ9K7I8', Name: 'Engineering' }],
          },
        ],
        More: false,
        Offset: 0,
        Limit: 25,
      },
    },
  },
  {
    type: 'PAGERDUTY_ADVANCE',
    actionId: 'ListSchedules',
    base: PD,
    input: { Query: 'Engineering', Limit: 100 },
    expect: { method: 'GET', url: '/schedules?query=Engineering&limit=100' },
    response: {
      json: {
        schedules: [
          {
            id: 'PI7DH85',
            type: 'schedule',
            summary: 'Daily Engineering Rotation',
            self: 'https://api.pagerduty.com/schedules/PI7DH85',
            html_url: 'https://subdomain.pagerduty.com/schedules/PI7DH85',
            name: 'Daily Engineering Rotation',
            time_zone: 'America/New_York',
            description: 'Rotation schedule for engineering',
            escalation_policies: [policyRef],
            users: [{ id: 'PEYSGVF', type: 'user_reference', summary: 'PagerDuty Admin' }],
          },
        ],
        limit: 100,
        offset: 0,
        more: false,
        total: null,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Schedules: [
          {
            Id: 'PI7DH85',
            Name: 'Daily Engineering Rotation',
            Description: 'Rotation schedule for engineering',
            TimeZone: 'America/New_York',
            HtmlUrl: 'https://subdomain.pagerduty.com/schedules/PI7DH85',
            EscalationPolicies: [{ Id: 'PT20YPA', Name: 'Another Escalation Policy' }],
            Users: [{ Id: 'PEYSGVF', Name: 'PagerDuty Admin' }],
          },
        ],
        More: false,
        Offset: 0,
        Limit: 100,
      },
    },
  },

  // ── MICROSOFT_ONEDRIVE upload sessions (the upload URL is on a SharePoint host and gets no Authorization) ──
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'CreateUploadSession',
    base: GRAPH,
    input: { FileName: 'all-hands.mp4', ConflictBehavior: 'rename' },
    expect: {
      method: 'POST',
      url: '/v1.0/me/drive/items/root:/all-hands.mp4:/createUploadSession',
      headers: { 'content-type': 'application/json' },
      json: { item: { '@microsoft.graph.conflictBehavior': 'rename' } },
    },
    response: {
      json: {
        uploadUrl: 'https://acme-my.sharepoint.com/personal/ada_acme_com/_api/v2.0/drive/items/01ABCDEF/uploadSession?guid=1a2b3c&tempauth=eyJ0eXAi',
        expirationDateTime: '2025-01-29T09:21:55.523Z',
        nextExpectedRanges: ['0-'],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        UploadUrl: 'https://acme-my.sharepoint.com/personal/ada_acme_com/_api/v2.0/drive/items/01ABCDEF/uploadSession?guid=1a2b3c&tempauth=eyJ0eXAi',
        ExpirationDateTime: '2025-01-29T09:21:55.523Z',
        NextExpectedRanges: ['0-'],
      },
    },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'CreateUploadSession',
    note: 'for a user named by id, into a folder, failing on a name clash by default',
    base: GRAPH,
    input: { UserId: 'ada@acme.com', ParentId: '01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K', FileName: 'Q3 report.pptx' },
    expect: {
      method: 'POST',
      url: '/v1.0/users/ada@acme.com/drive/items/01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K:/Q3%20report.pptx:/createUploadSession',
      json: { item: { '@microsoft.graph.conflictBehavior': 'fail' } },
    },
    response: {
      json: {
        uploadUrl: 'https://acme-my.sharepoint.com/personal/ada_acme_com/_api/v2.0/drive/items/01X/uploadSession?guid=9',
        expirationDateTime: '2025-01-29T09:21:55.523Z',
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        UploadUrl: 'https://acme-my.sharepoint.com/personal/ada_acme_com/_api/v2.0/drive/items/01X/uploadSession?guid=9',
        ExpirationDateTime: '2025-01-29T09:21:55.523Z',
      },
    },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'UploadFileChunk',
    base: GRAPH,
    input: { UploadUrl: UPLOAD_URL, Content: chunk.toString('base64'), RangeStart: 0, TotalSize: 1_000_000 },
    expect: {
      method: 'PUT',
      url: UPLOAD_PATH,
      host: 'acme-my.sharepoint.com',
      credentials: false,
      headers: { 'content-range': 'bytes 0-327679/1000000', 'content-type': 'application/octet-stream', 'content-length': '327680' },
      bytes: chunk,
    },
    response: { status: 202, json: { expirationDateTime: '2025-01-29T09:21:55.523Z', nextExpectedRanges: ['327680-'] } },
    result: { status: 'SUCCESS', httpStatus: 202, output: { NextExpectedRanges: ['327680-'], ExpirationDateTime: '2025-01-29T09:21:55.523Z' } },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'UploadFileChunk',
    note: 'the last chunk: the file',
    base: GRAPH,
    input: { UploadUrl: UPLOAD_URL, Content: Buffer.from('the end').toString('base64'), RangeStart: 999_993, TotalSize: 1_000_000 },
    expect: {
      method: 'PUT',
      url: UPLOAD_PATH,
      host: 'acme-my.sharepoint.com',
      credentials: false,
      headers: { 'content-range': 'bytes 999993-999999/1000000' },
      bytes: Buffer.from('the end'),
    },
    response: {
      status: 201,
      json: {
        id: '01ABCDEF',
        name: 'all-hands.mp4',
        size: 1000000,
        webUrl: 'https://acme-my.sharepoint.com/personal/ada_acme_com/Documents/all-hands.mp4',
        file: {},
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: { Id: '01ABCDEF', Name: 'all-hands.mp4', Size: 1000000, WebUrl: 'https://acme-my.sharepoint.com/personal/ada_acme_com/Documents/all-hands.mp4' },
    },
  },
  {
    type: 'MICROSOFT_ONEDRIVE',
    actionId: 'CancelUploadSession',
    base: GRAPH,
    input: { UploadUrl: UPLOAD_URL },
    expect: { method: 'DELETE', url: UPLOAD_PATH, host: 'acme-my.sharepoint.com', credentials: false },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Cancelled: true } },
  },

  // ── SLACK file upload in three steps (the upload URL is on files.slack.com and gets no token) ──
  {
    type: 'SLACK',
    actionId: 'GetUploadUrl',
    base: SLACK,
    input: { FileName: 'weekly-report.csv', Length: 53 },
    expect: {
      method: 'POST',
      url: '/api/files.getUploadURLExternal',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      text: 'filename=weekly-report.csv&length=53',
    },
    response: { json: { ok: true, upload_url: SLACK_UPLOAD, file_id: 'F07QX4Z0B9W' } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { UploadUrl: SLACK_UPLOAD, FileId: 'F07QX4Z0B9W' } },
  },
  {
    type: 'SLACK',
    actionId: 'GetUploadUrl',
    note: 'Slack refuses: ok false is FAILED',
    base: SLACK,
    input: { FileName: 'weekly-report.csv', Length: 53 },
    expect: { method: 'POST', url: '/api/files.getUploadURLExternal', text: 'filename=weekly-report.csv&length=53' },
    response: { json: { ok: false, error: 'missing_scope', needed: 'files:write', provided: 'chat:write' } },
    result: { status: 'FAILED', httpStatus: 200, output: { ok: false, error: 'missing_scope', needed: 'files:write', provided: 'chat:write' } },
  },
  {
    type: 'SLACK',
    actionId: 'UploadFileContent',
    base: SLACK,
    input: {
      UploadUrl: SLACK_UPLOAD.replace('files.slack.com', 'files.slack.com:{port}'),
      Content: Buffer.from('week,tickets\n2025-W09,42\n').toString('base64'),
      ContentType: 'text/csv',
    },
    expect: {
      method: 'POST',
      url: new URL(SLACK_UPLOAD).pathname,
      host: 'files.slack.com',
      credentials: false,
      headers: { 'content-type': 'text/csv' },
      bytes: Buffer.from('week,tickets\n2025-W09,42\n'),
    },
    response: { text: 'OK - 25' },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Uploaded: true } },
  },
  {
    type: 'SLACK',
    actionId: 'CompleteUpload',
    base: SLACK,
    input: { Files: [{ Id: 'F07QX4Z0B9W', Title: 'Weekly report' }], ChannelId: 'C0123456789', InitialComment: 'This week in numbers' },
    expect: {
      method: 'POST',
      url: '/api/files.completeUploadExternal',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      text: `files=${encodeURIComponent('[{"id":"F07QX4Z0B9W","title":"Weekly report"}]')}&channel_id=C0123456789&initial_comment=This%20week%20in%20numbers`,
    },
    response: {
      json: {
        ok: true,
        files: [
          {
            id: 'F07QX4Z0B9W',
            title: 'Weekly report',
            name: 'weekly-report.csv',
            permalink: 'https://acme.slack.com/files/U0123/F07QX4Z0B9W/weekly-report.csv',
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Files: [{ Id: 'F07QX4Z0B9W', Title: 'Weekly report', Permalink: 'https://acme.slack.com/files/U0123/F07QX4Z0B9W/weekly-report.csv' }] },
    },
  },
];
