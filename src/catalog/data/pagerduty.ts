// PAGERDUTY_ADVANCE: PagerDuty REST API v2. Writes carry a From header with the
// email of a PagerDuty user (required with account API keys).
import type { Catalog } from '../types.js';

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

export const pagerDuty: Catalog = {
  Type: 'PAGERDUTY_ADVANCE',
  Api: 'PagerDuty REST API v2',
  defaultHeaders: { accept: 'application/vnd.pagerduty+json;version=2' },
  actions: [
    {
      ActionId: 'CreateIncident',
      Name: 'Create incident',
      Description: 'Opens an incident on a service. IncidentKey de-duplicates: an open incident with the same key is not opened twice.',
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
    },
    {
      ActionId: 'GetIncident',
      Name: 'Get incident',
      Description: 'Returns an incident by id.',
      InputSchema: { type: 'object', required: ['IncidentId'], properties: { IncidentId: id } },
      request: { method: 'GET', path: '/incidents/{IncidentId}' },
      output: { value: incidentOut },
      idempotent: true,
    },
    {
      ActionId: 'UpdateIncident',
      Name: 'Update incident',
      Description: 'Acknowledges, resolves, re-titles, re-prioritizes or escalates an incident.',
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
    },
  ],
};
