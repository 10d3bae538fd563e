// ZENDESK_SUITE: the Zendesk Support API (/api/v2/tickets, /api/v2/search).
// BaseEndpoint: https://{subdomain}.zendesk.com
import type { Catalog } from '../types.js';

const ticketId = { type: 'integer', minimum: 1 };
const priority = { enum: ['urgent', 'high', 'normal', 'low'] };
const kind = { enum: ['problem', 'incident', 'question', 'task'] };
const tags = { type: 'array', items: { type: 'string', pattern: '^[^\\s,]{1,80}$' }, maxItems: 100 };
const ticketOut = { Id: '$.Body.ticket.id', Ticket: '$.Body.ticket' };

export const zendesk: Catalog = {
  Type: 'ZENDESK_SUITE',
  Api: 'Zendesk Support API v2',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'CreateTicket',
      Name: 'Create ticket',
      Description: 'Creates a ticket with a first comment; the requester is the connector identity unless RequesterEmail is given.',
      InputSchema: {
        type: 'object',
        required: ['Subject', 'Comment'],
        properties: {
          Subject: { type: 'string', minLength: 1, maxLength: 150 },
          Comment: { type: 'string', minLength: 1, maxLength: 65535 },
          Priority: priority,
          Type: kind,
          Tags: tags,
          RequesterEmail: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: 254 },
          RequesterName: { type: 'string', minLength: 1, maxLength: 255 },
          AssigneeId: { type: 'integer', minimum: 1 },
          GroupId: { type: 'integer', minimum: 1 },
          Fields: { type: 'object', description: "Other ticket properties as Zendesk names them (e.g. custom_fields), merged into 'ticket'." },
        },
      },
      request: {
        method: 'POST',
        path: '/api/v2/tickets',
        body: {
          encoding: 'json',
          value: {
            ticket: {
              $merge: [
                {
                  subject: '$.Subject',
                  comment: { body: '$.Comment' },
                  priority: '$.Priority',
                  type: '$.Type',
                  tags: '$.Tags',
                  requester: { email: '$.RequesterEmail', name: '$.RequesterName' },
                  assignee_id: '$.AssigneeId',
                  group_id: '$.GroupId',
                },
                '$.Fields',
              ],
            },
          },
        },
      },
      output: { value: ticketOut },
      idempotent: false,
    },
    {
      ActionId: 'GetTicket',
      Name: 'Get ticket',
      Description: 'Returns a ticket by id.',
      InputSchema: { type: 'object', required: ['TicketId'], properties: { TicketId: ticketId } },
      request: { method: 'GET', path: '/api/v2/tickets/{TicketId}' },
      output: { value: ticketOut },
      idempotent: true,
    },
    {
      ActionId: 'UpdateTicket',
      Name: 'Update ticket',
      Description: 'Changes a ticket (status, priority, assignment, tags) and optionally adds a public or internal comment.',
      InputSchema: {
        type: 'object',
        required: ['TicketId'],
        properties: {
          TicketId: ticketId,
          Subject: { type: 'string', minLength: 1, maxLength: 150 },
          Status: { enum: ['new', 'open', 'pending', 'hold', 'solved', 'closed'] },
          Priority: priority,
          Type: kind,
          Tags: tags,
          AssigneeId: { type: 'integer', minimum: 1 },
          GroupId: { type: 'integer', minimum: 1 },
          Comment: { type: 'string', minLength: 1, maxLength: 65535 },
          CommentPublic: { type: 'boolean', description: 'Whether the comment is public (default true).' },
          Fields: { type: 'object' },
        },
      },
      request: {
        method: 'PUT',
        path: '/api/v2/tickets/{TicketId}',
        body: {
          encoding: 'json',
          value: {
            ticket: {
              $merge: [
                {
                  subject: '$.Subject',
                  status: '$.Status',
                  priority: '$.Priority',
                  type: '$.Type',
                  tags: '$.Tags',
                  assignee_id: '$.AssigneeId',
                  group_id: '$.GroupId',
                  comment: { $if: '$.Comment', $then: { body: '$.Comment', public: '$.CommentPublic' } },
                },
                '$.Fields',
              ],
            },
          },
        },
      },
      output: { value: ticketOut },
      // A comment would be added twice.
      idempotent: false,
    },
    {
      ActionId: 'SearchTickets',
      Name: 'Search tickets',
      Description: "Finds tickets with Zendesk search syntax (e.g. 'status:open priority:urgent'); 'type:ticket' is added.",
      InputSchema: {
        type: 'object',
        required: ['Query'],
        properties: {
          Query: { type: 'string', minLength: 1, maxLength: 2000 },
          SortBy: { enum: ['updated_at', 'created_at', 'priority', 'status', 'ticket_type'] },
          SortOrder: { enum: ['asc', 'desc'] },
          PerPage: { type: 'integer', minimum: 1, maximum: 100 },
          NextToken: { type: 'string', pattern: '^[0-9]{1,4}$' },
        },
      },
      request: {
        method: 'GET',
        path: '/api/v2/search',
        query: { query: { $concat: ['type:ticket ', '$.Query'] }, sort_by: '$.SortBy', sort_order: '$.SortOrder', per_page: '$.PerPage', page: '$.NextToken' },
      },
      output: {
        value: {
          Results: '$.Body.results',
          Count: '$.Body.count',
          NextToken: { $hook: 'urlQueryParam', $of: '$.Body.next_page', $args: { name: 'page' } },
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
  ],
};
