// PAGERDUTY_ADVANCE: PagerDuty REST API v2 (the connector's BaseEndpoint, api.pagerduty.com)
// and Events API v2 (the `events` origin, events.pagerduty.com: authenticated by the
// routing key in the body, so it never receives the connector's API token or OAuth token).
// REST writes carry a From header with the email of a PagerDuty user (required with account API keys).
import type { Catalog, Template } from '../types.js';

const id = { type: 'string', pattern: '^[A-Z0-9]{7,14}$' };
const email = { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: 254, description: 'The email of a PagerDuty user, sent as the From header.' };
const ids = { type: 'array', items: id, maxItems: 100 };
const time = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?$', description: 'ISO 8601, e.g. 2025-01-01T00:00:00Z.' };
const incidentOut = {
  Id: '$.Body.incident.id',
  IncidentNumber: '$.Body.incident.incident_number',
  Status: '$.Body.incident.status',
  HtmlUrl: '$.Body.incident.html_url',
  Incident: '$.Body.incident',
};

const REST = 'https://developer.pagerduty.com/api-reference';
const REST_LIMIT = 'REST API: 960 requests per minute per user or account API key (HTTP 429 beyond)';
const EVENTS_LIMIT = 'Events API: 120 events per minute per routing key (HTTP 429 beyond)';
const paging = { Limit: { type: 'integer', minimum: 1, maximum: 100 }, Offset: { type: 'integer', minimum: 0, maximum: 10000 } };
const pageOut = { More: '$.Body.more', Offset: '$.Body.offset', Limit: '$.Body.limit' };
const refs = (r: string): Template => ({ $each: r, $as: { Id: '@.id', Name: '@.summary' } });
const search = { type: 'string', minLength: 1, maxLength: 255, description: 'Only those whose name (or email) contains this text.' };
const noteOut = (r: string): Template => ({
  Id: `${r}.id`,
  Content: `${r}.content`,
  CreatedAt: `${r}.created_at`,
  User: { Id: `${r}.user.id`, Name: `${r}.user.summary` },
});
const serviceOut = (r: string): Template => ({
  Id: `${r}.id`,
  Name: `${r}.name`,
  Description: `${r}.description`,
  Status: `${r}.status`,
  HtmlUrl: `${r}.html_url`,
  EscalationPolicy: { Id: `${r}.escalation_policy.id`, Name: `${r}.escalation_policy.summary` },
  Teams: { $each: `${r}.teams`, $as: { Id: '@.id', Name: '@.summary' } },
});
const userOut = (r: string): Template => ({
  Id: `${r}.id`,
  Name: `${r}.name`,
  Email: `${r}.email`,
  Role: `${r}.role`,
  JobTitle: `${r}.job_title`,
  TimeZone: `${r}.time_zone`,
  HtmlUrl: `${r}.html_url`,
  Teams: { $each: `${r}.teams`, $as: { Id: '@.id', Name: '@.summary' } },
});

// Events API v2: the routing key (an integration key) authenticates; limits from PagerDuty's Events API v2 reference.
const routingKey = {
  type: 'string',
  pattern: '^[A-Za-z0-9]{32}$',
  description: "The 32-character Integration Key of an Events API v2 integration (a service's or a ruleset's); it authenticates the event.",
};
const dedupKey = { type: 'string', minLength: 1, maxLength: 255, description: 'Identifies the alert: events with the same key update one alert.' };
const links = {
  type: 'array',
  maxItems: 50,
  items: {
    type: 'object',
    required: ['Href'],
    additionalProperties: false,
    properties: { Href: { type: 'string', pattern: '^https?://', maxLength: 2048 }, Text: { type: 'string', maxLength: 1024 } },
  },
};
const linksBody = { $each: '$.Links', $as: { href: '@.Href', text: '@.Text' } };
const eventOut = { value: { Status: '$.Body.status', Message: '$.Body.message', DedupKey: '$.Body.dedup_key' } };
const eventsHeaders = { accept: 'application/json' };
const routingExample = 'R015LKV1NKP8RDNWG6X1B1KZ0D5JVL2C';

export const pagerDuty: Catalog = {
  Type: 'PAGERDUTY_ADVANCE',
  Api: 'PagerDuty REST API v2 and Events API v2',
  defaultHeaders: { accept: 'application/vnd.pagerduty+json;version=2' },
  origins: {
    // The EU service region's BaseEndpoint (api.eu.pagerduty.com) sends events to events.eu.pagerduty.com.
    events: { url: 'https://events.pagerduty.com', fromBaseHost: { match: 'api\\.((?:eu\\.)?pagerduty\\.com)', host: 'events.$1' }, credentials: false },
  },
  actions: [
    {
      ActionId: 'CreateIncident',
      Name: 'Create incident',
      Description:
        "Opens an incident on a service, paging its escalation policy. Use when something needs a responder now; IncidentKey de-duplicates (an open incident with the same key is not opened twice). Returns the incident's Id, IncidentNumber, Status, HtmlUrl and the whole Incident.",
      InputSchema: {
        type: 'object',
        required: ['FromEmail', 'Title', 'ServiceId'],
        properties: {
          FromEmail: email,
          Title: { type: 'string', minLength: 1, maxLength: 1024 },
          ServiceId: id,
          Urgency: { enum: ['high', 'low'] },
          Details: { type: 'string', maxLength: 65536 },
          PriorityId: id,
          EscalationPolicyId: id,
          IncidentKey: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
      request: {
        method: 'POST',
        path: '/incidents',
        headers: { From: '$.FromEmail' },
        body: {
          encoding: 'json',
          value: {
            incident: {
              type: 'incident',
              title: '$.Title',
              service: { id: '$.ServiceId', type: 'service_reference' },
              urgency: '$.Urgency',
              body: { $if: '$.Details', $then: { type: 'incident_body', details: '$.Details' } },
              priority: { $if: '$.PriorityId', $then: { id: '$.PriorityId', type: 'priority_reference' } },
              escalation_policy: { $if: '$.EscalationPolicyId', $then: { id: '$.EscalationPolicyId', type: 'escalation_policy_reference' } },
              incident_key: '$.IncidentKey',
            },
          },
        },
      },
      output: { value: incidentOut },
      idempotent: false,
      Examples: [
        {
          Title: 'Page the checkout service',
          Input: { FromEmail: 'oncall@acme.example', Title: 'Checkout error rate above 5%', ServiceId: 'PWIXJZS', Urgency: 'high' },
        },
        {
          Title: 'Open a low-urgency incident with details and a de-duplication key',
          Input: {
            FromEmail: 'oncall@acme.example',
            Title: 'Disk 85% full on db-3',
            ServiceId: 'PWIXJZS',
            Urgency: 'low',
            Details: 'Volume /data',
            IncidentKey: 'db-3/disk',
          },
        },
      ],
      reference: `${REST}/a7d81b0e9200f-create-an-incident`,
      requires: { scopes: ['incidents.write'], rateLimit: REST_LIMIT },
    },
    {
      ActionId: 'GetIncident',
      Name: 'Get incident',
      Description:
        "Returns one incident by id (e.g. 'PT4KHLK', not the incident number): its Id, IncidentNumber, Status (triggered, acknowledged, resolved), HtmlUrl and the whole Incident (service, assignments, urgency, priority).",
      InputSchema: { type: 'object', required: ['IncidentId'], properties: { IncidentId: id } },
      request: { method: 'GET', path: '/incidents/{IncidentId}' },
      output: { value: incidentOut },
      idempotent: true,
      Examples: [{ Title: 'Look up an incident', Input: { IncidentId: 'PT4KHLK' } }],
      reference: `${REST}/005299ba64ae4-get-an-incident`,
      requires: { scopes: ['incidents.read'], rateLimit: REST_LIMIT },
    },
    {
      ActionId: 'UpdateIncident',
      Name: 'Update incident',
      Description:
        'Acknowledges or resolves an incident (Status), or changes its title, urgency, priority or escalation level, as the user named by FromEmail. Returns the updated incident. To just add context, use AddIncidentNote.',
      InputSchema: {
        type: 'object',
        required: ['FromEmail', 'IncidentId'],
        properties: {
          FromEmail: email,
          IncidentId: id,
          Status: { enum: ['acknowledged', 'resolved'] },
          Resolution: { type: 'string', maxLength: 65536 },
          Title: { type: 'string', minLength: 1, maxLength: 1024 },
          Urgency: { enum: ['high', 'low'] },
          PriorityId: id,
          EscalationLevel: { type: 'integer', minimum: 1 },
        },
      },
      request: {
        method: 'PUT',
        path: '/incidents/{IncidentId}',
        headers: { From: '$.FromEmail' },
        body: {
          encoding: 'json',
          value: {
            incident: {
              type: 'incident_reference',
              status: '$.Status',
              resolution: '$.Resolution',
              title: '$.Title',
              urgency: '$.Urgency',
              priority: { $if: '$.PriorityId', $then: { id: '$.PriorityId', type: 'priority_reference' } },
              escalation_level: '$.EscalationLevel',
            },
          },
        },
      },
      output: { value: incidentOut },
      idempotent: true,
      Examples: [
        { Title: 'Acknowledge an incident', Input: { FromEmail: 'oncall@acme.example', IncidentId: 'PT4KHLK', Status: 'acknowledged' } },
        {
          Title: 'Resolve with a resolution note',
          Input: { FromEmail: 'oncall@acme.example', IncidentId: 'PT4KHLK', Status: 'resolved', Resolution: 'Rolled back deploy 42.' },
        },
      ],
      reference: `${REST}/8a0e1aa2ec666-update-an-incident`,
      requires: { scopes: ['incidents.write'], rateLimit: REST_LIMIT },
    },
    {
      ActionId: 'ListIncidents',
      Name: 'List incidents',
      Description: 'Lists incidents by status, service, urgency and time range (offset paging: pass Offset = previous Offset + Limit while More is true).',
      InputSchema: {
        type: 'object',
        properties: {
          Statuses: { type: 'array', items: { enum: ['triggered', 'acknowledged', 'resolved'] }, uniqueItems: true },
          ServiceIds: ids,
          Urgencies: { type: 'array', items: { enum: ['high', 'low'] }, uniqueItems: true },
          Since: time,
          Until: time,
          SortBy: { type: 'string', pattern: '^(incident_number|created_at|resolved_at|urgency)(:(asc|desc))?$' },
          Limit: { type: 'integer', minimum: 1, maximum: 100 },
          Offset: { type: 'integer', minimum: 0 },
        },
      },
      request: {
        method: 'GET',
        path: '/incidents',
        query: {
          'statuses[]': '$.Statuses',
          'service_ids[]': '$.ServiceIds',
          'urgencies[]': '$.Urgencies',
          since: '$.Since',
          until: '$.Until',
          sort_by: '$.SortBy',
          limit: '$.Limit',
          offset: '$.Offset',
        },
      },
      output: { value: { Incidents: '$.Body.incidents', More: '$.Body.more', Offset: '$.Body.offset', Limit: '$.Body.limit' } },
      idempotent: true,
      Examples: [
        { Title: 'Open incidents of a service', Input: { Statuses: ['triggered', 'acknowledged'], ServiceIds: ['PWIXJZS'] } },
        {
          Title: 'High-urgency incidents since the start of the year, newest first',
          Input: { Urgencies: ['high'], Since: '2025-01-01T00:00:00Z', SortBy: 'created_at:desc', Limit: 25 },
        },
      ],
      reference: `${REST}/9d0b4b12e36f9-list-incidents`,
      requires: { scopes: ['incidents.read'], rateLimit: REST_LIMIT },
    },
    {
      ActionId: 'ListOnCalls',
      Name: 'List on-calls',
      Description: 'Lists who is on call, by schedule, escalation policy or user, now or within a time range.',
      InputSchema: {
        type: 'object',
        properties: {
          ScheduleIds: ids,
          EscalationPolicyIds: ids,
          UserIds: ids,
          Since: time,
          Until: time,
          Earliest: { type: 'boolean', description: 'Only the earliest on-call per policy, level and user.' },
          Limit: { type: 'integer', minimum: 1, maximum: 100 },
          Offset: { type: 'integer', minimum: 0 },
        },
      },
      request: {
        method: 'GET',
        path: '/oncalls',
        query: {
          'schedule_ids[]': '$.ScheduleIds',
          'escalation_policy_ids[]': '$.EscalationPolicyIds',
          'user_ids[]': '$.UserIds',
          since: '$.Since',
          until: '$.Until',
          earliest: '$.Earliest',
          limit: '$.Limit',
          offset: '$.Offset',
        },
      },
      output: {
        value: {
          OnCalls: {
            $each: '$.Body.oncalls',
            $as: {
              User: { Id: '@.user.id', Name: '@.user.summary' },
              Schedule: { Id: '@.schedule.id', Name: '@.schedule.summary' },
              EscalationPolicy: { Id: '@.escalation_policy.id', Name: '@.escalation_policy.summary' },
              EscalationLevel: '@.escalation_level',
              Start: '@.start',
              End: '@.end',
            },
          },
          More: '$.Body.more',
        },
      },
      idempotent: true,
      Examples: [
        { Title: 'Who is on call now for a schedule', Input: { ScheduleIds: ['PI7DH85'], Earliest: true } },
        { Title: 'On-call shifts of a user next week', Input: { UserIds: ['PXPGF42'], Since: '2025-03-03T00:00:00Z', Until: '2025-03-10T00:00:00Z' } },
      ],
      reference: `${REST}/3a6b910f11050-list-all-of-the-on-calls`,
      requires: { scopes: ['oncalls.read'], rateLimit: REST_LIMIT },
    },
    // ── Events API v2 (origin `events`: the routing key authenticates; no connector credentials go there) ──
    {
      ActionId: 'TriggerEvent',
      Name: 'Trigger alert event',
      Description:
        "Sends a trigger event to an Events API v2 integration (RoutingKey): PagerDuty opens an alert, and an incident per the service's rules. Use it for monitoring-style alerts; DedupKey groups later events (acknowledge, resolve, repeats) on the same alert. Returns Status ('success'), Message and the DedupKey to acknowledge or resolve it later. Does not use the connector's credentials.",
      InputSchema: {
        type: 'object',
        required: ['RoutingKey', 'Summary', 'Source', 'Severity'],
        properties: {
          RoutingKey: routingKey,
          Summary: { type: 'string', minLength: 1, maxLength: 1024, description: 'The alert title.' },
          Source: { type: 'string', minLength: 1, maxLength: 255, description: 'The affected system, preferably a host name.' },
          Severity: { enum: ['critical', 'error', 'warning', 'info'] },
          DedupKey: dedupKey,
          Timestamp: time,
          Component: { type: 'string', maxLength: 255 },
          Group: { type: 'string', maxLength: 255 },
          Class: { type: 'string', maxLength: 255 },
          CustomDetails: { type: 'object', description: 'Free-form details shown on the alert.' },
          Client: { type: 'string', maxLength: 255, description: 'The monitoring tool sending the event.' },
          ClientUrl: { type: 'string', pattern: '^https?://', maxLength: 2048 },
          Links: links,
        },
      },
      request: {
        origin: 'events',
        method: 'POST',
        path: '/v2/enqueue',
        headers: eventsHeaders,
        body: {
          encoding: 'json',
          value: {
            routing_key: '$.RoutingKey',
            event_action: { $literal: 'trigger' },
            dedup_key: '$.DedupKey',
            payload: {
              summary: '$.Summary',
              source: '$.Source',
              severity: '$.Severity',
              timestamp: '$.Timestamp',
              component: '$.Component',
              group: '$.Group',
              class: '$.Class',
              custom_details: '$.CustomDetails',
            },
            client: '$.Client',
            client_url: '$.ClientUrl',
            links: linksBody,
          },
        },
      },
      output: eventOut,
      idempotent: false,
      Examples: [
        {
          Title: 'Alert on a failing health check',
          Input: {
            RoutingKey: routingExample,
            Summary: 'api-1: health check failing',
            Source: 'api-1.acme.example',
            Severity: 'critical',
            DedupKey: 'api-1/health',
          },
        },
      ],
      reference: 'https://developer.pagerduty.com/docs/send-alert-event',
      requires: { rateLimit: EVENTS_LIMIT },
    },
    {
      ActionId: 'AcknowledgeEvent',
      Name: 'Acknowledge alert event',
      Description:
        "Sends an acknowledge event for the alert with DedupKey (from TriggerEvent or the monitoring tool) to an Events API v2 integration: the alert, and its incident when it is the only alert, is acknowledged. Returns Status, Message and DedupKey. Does not use the connector's credentials.",
      InputSchema: { type: 'object', required: ['RoutingKey', 'DedupKey'], properties: { RoutingKey: routingKey, DedupKey: dedupKey } },
      request: {
        origin: 'events',
        method: 'POST',
        path: '/v2/enqueue',
        headers: eventsHeaders,
        body: { encoding: 'json', value: { routing_key: '$.RoutingKey', event_action: { $literal: 'acknowledge' }, dedup_key: '$.DedupKey' } },
      },
      output: eventOut,
      idempotent: true,
      Examples: [{ Title: 'Acknowledge the health-check alert', Input: { RoutingKey: routingExample, DedupKey: 'api-1/health' } }],
      reference: 'https://developer.pagerduty.com/docs/send-alert-event',
      requires: { rateLimit: EVENTS_LIMIT },
    },
    {
      ActionId: 'ResolveEvent',
      Name: 'Resolve alert event',
      Description:
        "Sends a resolve event for the alert with DedupKey to an Events API v2 integration: the alert is resolved, and its incident once all its alerts are. Returns Status, Message and DedupKey. Does not use the connector's credentials.",
      InputSchema: { type: 'object', required: ['RoutingKey', 'DedupKey'], properties: { RoutingKey: routingKey, DedupKey: dedupKey } },
      request: {
        origin: 'events',
        method: 'POST',
        path: '/v2/enqueue',
        headers: eventsHeaders,
        body: { encoding: 'json', value: { routing_key: '$.RoutingKey', event_action: { $literal: 'resolve' }, dedup_key: '$.DedupKey' } },
      },
      output: eventOut,
      idempotent: true,
      Examples: [{ Title: 'Resolve the health-check alert', Input: { RoutingKey: routingExample, DedupKey: 'api-1/health' } }],
      reference: 'https://developer.pagerduty.com/docs/send-alert-event',
      requires: { rateLimit: EVENTS_LIMIT },
    },
    {
      ActionId: 'SendChangeEvent',
      Name: 'Send change event',
      Description:
        "Records a change (a deploy, a configuration change) on the service of an Events API v2 integration: it shows beside incidents as recent changes and never pages anyone. Returns Status and Message. Does not use the connector's credentials.",
      InputSchema: {
        type: 'object',
        required: ['RoutingKey', 'Summary'],
        properties: {
          RoutingKey: routingKey,
          Summary: { type: 'string', minLength: 1, maxLength: 1024 },
          Source: { type: 'string', minLength: 1, maxLength: 255 },
          Timestamp: time,
          CustomDetails: { type: 'object' },
          Links: links,
        },
      },
      request: {
        origin: 'events',
        method: 'POST',
        path: '/v2/change/enqueue',
        headers: eventsHeaders,
        body: {
          encoding: 'json',
          value: {
            routing_key: '$.RoutingKey',
            payload: { summary: '$.Summary', source: '$.Source', timestamp: '$.Timestamp', custom_details: '$.CustomDetails' },
            links: linksBody,
          },
        },
      },
      output: eventOut,
      idempotent: false,
      Examples: [
        {
          Title: 'Record a deploy',
          Input: {
            RoutingKey: routingExample,
            Summary: 'Deployed checkout v2.14.0',
            Source: 'ci.acme.example',
            Links: [{ Href: 'https://ci.acme.example/builds/4512', Text: 'Build 4512' }],
          },
        },
      ],
      reference: 'https://developer.pagerduty.com/docs/send-change-event',
      requires: { rateLimit: EVENTS_LIMIT },
    },
    // ── More of the REST API ──
    {
      ActionId: 'AddIncidentNote',
      Name: 'Add incident note',
      Description:
        "Adds a note to an incident's timeline as the user named by FromEmail: findings, steps taken, hand-over context. Notes cannot be edited or deleted afterwards. Returns the note's Id, Content, CreatedAt and User.",
      InputSchema: {
        type: 'object',
        required: ['FromEmail', 'IncidentId', 'Content'],
        properties: { FromEmail: email, IncidentId: id, Content: { type: 'string', minLength: 1, maxLength: 25000 } },
      },
      request: {
        method: 'POST',
        path: '/incidents/{IncidentId}/notes',
        headers: { From: '$.FromEmail' },
        body: { encoding: 'json', value: { note: { content: '$.Content' } } },
      },
      output: { value: noteOut('$.Body.note') },
      idempotent: false,
      Examples: [
        {
          Title: 'Note what was found',
          Input: { FromEmail: 'oncall@acme.example', IncidentId: 'PT4KHLK', Content: 'Root cause: expired TLS certificate on lb-2.' },
        },
      ],
      requires: { scopes: ['incidents.write'], rateLimit: REST_LIMIT },
    },
    {
      ActionId: 'ListIncidentNotes',
      Name: 'List incident notes',
      Description:
        "Lists the notes of an incident, oldest first: each note's Id, Content, CreatedAt and User. Use it to catch up on an incident before acting.",
      InputSchema: { type: 'object', required: ['IncidentId'], properties: { IncidentId: id } },
      request: { method: 'GET', path: '/incidents/{IncidentId}/notes' },
      output: {
        value: {
          Notes: {
            $each: '$.Body.notes',
            $as: { Id: '@.id', Content: '@.content', CreatedAt: '@.created_at', User: { Id: '@.user.id', Name: '@.user.summary' } },
          },
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Read the notes of an incident', Input: { IncidentId: 'PT4KHLK' } }],
      requires: { scopes: ['incidents.read'], rateLimit: REST_LIMIT },
    },
    {
      ActionId: 'CreateStatusUpdate',
      Name: 'Post incident status update',
      Description:
        "Posts a status update on an incident as the user named by FromEmail: it is sent to the incident's subscribers (stakeholders), unlike a note. Subject and HtmlMessage together send a custom HTML email. Returns the update's Id, Message and CreatedAt.",
      InputSchema: {
        type: 'object',
        required: ['FromEmail', 'IncidentId', 'Message'],
        dependencies: { Subject: ['HtmlMessage'], HtmlMessage: ['Subject'] },
        properties: {
          FromEmail: email,
          IncidentId: id,
          Message: { type: 'string', minLength: 1, maxLength: 65536 },
          Subject: { type: 'string', minLength: 1, maxLength: 1024 },
          HtmlMessage: { type: 'string', minLength: 1, maxLength: 65536 },
        },
      },
      request: {
        method: 'POST',
        path: '/incidents/{IncidentId}/status_updates',
        headers: { From: '$.FromEmail' },
        body: { encoding: 'json', value: { message: '$.Message', subject: '$.Subject', html_message: '$.HtmlMessage' } },
      },
      output: { value: { Id: '$.Body.status_update.id', Message: '$.Body.status_update.message', CreatedAt: '$.Body.status_update.created_at' } },
      idempotent: false,
      Examples: [
        {
          Title: 'Tell stakeholders about progress',
          Input: { FromEmail: 'oncall@acme.example', IncidentId: 'PT4KHLK', Message: 'Mitigated: traffic moved to us-west-2. Monitoring.' },
        },
      ],
      requires: { scopes: ['incidents.write'], rateLimit: REST_LIMIT },
    },
    {
      ActionId: 'ListIncidentLogEntries',
      Name: 'List incident log entries',
      Description:
        "Lists an incident's timeline: triggers, notifications, acknowledgements, escalations, notes, resolution (each entry's Id, Type, Summary, CreatedAt and Agent). IsOverview keeps only the important changes. Offset paging: pass Offset = previous Offset + Limit while More is true.",
      InputSchema: {
        type: 'object',
        required: ['IncidentId'],
        properties: { IncidentId: id, Since: time, Until: time, IsOverview: { type: 'boolean' }, ...paging },
      },
      request: {
        method: 'GET',
        path: '/incidents/{IncidentId}/log_entries',
        query: { since: '$.Since', until: '$.Until', is_overview: '$.IsOverview', limit: '$.Limit', offset: '$.Offset' },
      },
      output: {
        value: {
          LogEntries: {
            $each: '$.Body.log_entries',
            $as: { Id: '@.id', Type: '@.type', Summary: '@.summary', CreatedAt: '@.created_at', Agent: { Id: '@.agent.id', Name: '@.agent.summary' } },
          },
          ...pageOut,
        },
      },
      idempotent: true,
      Examples: [{ Title: 'What happened on an incident', Input: { IncidentId: 'PT4KHLK', IsOverview: true } }],
      requires: { scopes: ['incidents.read'], rateLimit: REST_LIMIT },
    },
    {
      ActionId: 'ListServices',
      Name: 'List services',
      Description:
        "Lists services (what incidents are opened on), optionally those whose name contains Query or of some teams: each service's Id, Name, Status, HtmlUrl, EscalationPolicy and Teams. Use it to find the ServiceId for CreateIncident or ListIncidents. Offset paging: pass Offset = previous Offset + Limit while More is true.",
      InputSchema: { type: 'object', properties: { Query: search, TeamIds: ids, SortBy: { enum: ['name', 'name:asc', 'name:desc'] }, ...paging } },
      request: {
        method: 'GET',
        path: '/services',
        query: { query: '$.Query', 'team_ids[]': '$.TeamIds', sort_by: '$.SortBy', limit: '$.Limit', offset: '$.Offset' },
      },
      output: { value: { Services: { $each: '$.Body.services', $as: serviceOut('@') }, ...pageOut } },
      idempotent: true,
      Examples: [{ Title: 'Find the checkout service', Input: { Query: 'checkout' } }],
      requires: { scopes: ['services.read'], rateLimit: REST_LIMIT },
    },
    {
      ActionId: 'GetService',
      Name: 'Get service',
      Description:
        'Returns one service by id: its Name, Description, Status (active, warning, critical, maintenance, disabled), HtmlUrl, EscalationPolicy and Teams.',
      InputSchema: { type: 'object', required: ['ServiceId'], properties: { ServiceId: id } },
      request: { method: 'GET', path: '/services/{ServiceId}' },
      output: { value: serviceOut('$.Body.service') },
      idempotent: true,
      Examples: [{ Title: 'Look up a service', Input: { ServiceId: 'PIJ90N7' } }],
      requires: { scopes: ['services.read'], rateLimit: REST_LIMIT },
    },
    {
      ActionId: 'ListUsers',
      Name: 'List users',
      Description:
        "Lists users of the account, optionally those whose name or email contains Query or of some teams: each user's Id, Name, Email, Role, JobTitle, TimeZone and Teams. Use it to find a user's id or a FromEmail. Offset paging: pass Offset = previous Offset + Limit while More is true.",
      InputSchema: { type: 'object', properties: { Query: search, TeamIds: ids, ...paging } },
      request: { method: 'GET', path: '/users', query: { query: '$.Query', 'team_ids[]': '$.TeamIds', limit: '$.Limit', offset: '$.Offset' } },
      output: { value: { Users: { $each: '$.Body.users', $as: userOut('@') }, ...pageOut } },
      idempotent: true,
      Examples: [{ Title: 'Find a user by name', Input: { Query: 'Greenholt' } }],
      requires: { scopes: ['users.read'], rateLimit: REST_LIMIT },
    },
    {
      ActionId: 'GetUser',
      Name: 'Get user',
      Description: 'Returns one user by id: Name, Email, Role, JobTitle, TimeZone, HtmlUrl and Teams.',
      InputSchema: { type: 'object', required: ['UserId'], properties: { UserId: id } },
      request: { method: 'GET', path: '/users/{UserId}' },
      output: { value: userOut('$.Body.user') },
      idempotent: true,
      Examples: [{ Title: 'Look up a user', Input: { UserId: 'PXPGF42' } }],
      requires: { scopes: ['users.read'], rateLimit: REST_LIMIT },
    },
    {
      ActionId: 'ListEscalationPolicies',
      Name: 'List escalation policies',
      Description:
        "Lists escalation policies (who is paged, in which order), optionally by name (Query), by user in their rules, or by team: each policy's Id, Name, HtmlUrl, its Rules (delay and targets: users and schedules), Services and Teams. Offset paging: pass Offset = previous Offset + Limit while More is true.",
      InputSchema: {
        type: 'object',
        properties: { Query: search, UserIds: ids, TeamIds: ids, SortBy: { enum: ['name', 'name:asc', 'name:desc'] }, ...paging },
      },
      request: {
        method: 'GET',
        path: '/escalation_policies',
        query: { query: '$.Query', 'user_ids[]': '$.UserIds', 'team_ids[]': '$.TeamIds', sort_by: '$.SortBy', limit: '$.Limit', offset: '$.Offset' },
      },
      output: {
        value: {
          EscalationPolicies: {
            $each: '$.Body.escalation_policies',
            $as: {
              Id: '@.id',
              Name: '@.name',
              HtmlUrl: '@.html_url',
              Rules: {
                $each: '@.escalation_rules',
                $as: { DelayMinutes: '@.escalation_delay_in_minutes', Targets: { $each: '@.targets', $as: { Id: '@.id', Type: '@.type', Name: '@.summary' } } },
              },
              Services: refs('@.services'),
              Teams: refs('@.teams'),
            },
          },
          ...pageOut,
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Policies a user is part of', Input: { UserIds: ['PEYSGVF'] } }],
      requires: { scopes: ['escalation_policies.read'], rateLimit: REST_LIMIT },
    },
    {
      ActionId: 'ListSchedules',
      Name: 'List schedules',
      Description:
        "Lists on-call schedules, optionally by name (Query) or team: each schedule's Id, Name, Description, TimeZone, HtmlUrl, its EscalationPolicies and Users. To see who is on call now, use ListOnCalls with the schedule's id. Offset paging: pass Offset = previous Offset + Limit while More is true.",
      InputSchema: { type: 'object', properties: { Query: search, TeamIds: ids, ...paging } },
      request: { method: 'GET', path: '/schedules', query: { query: '$.Query', 'team_ids[]': '$.TeamIds', limit: '$.Limit', offset: '$.Offset' } },
      output: {
        value: {
          Schedules: {
            $each: '$.Body.schedules',
            $as: {
              Id: '@.id',
              Name: '@.name',
              Description: '@.description',
              TimeZone: '@.time_zone',
              HtmlUrl: '@.html_url',
              EscalationPolicies: refs('@.escalation_policies'),
              Users: refs('@.users'),
            },
          },
          ...pageOut,
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Find the engineering rotation', Input: { Query: 'Engineering' } }],
      requires: { scopes: ['schedules.read'], rateLimit: REST_LIMIT },
    },
  ],
};
