// ZENDESK_SUITE: the Zendesk Support API (/api/v2/tickets, /api/v2/search).
// BaseEndpoint: https://{subdomain}.zendesk.com
// Lists page with cursor pagination (page[size] up to 100, page[after] = the answer's
// meta.after_cursor while meta.has_more) as Zendesk documents for every list used here;
// search endpoints page by number (offset pagination only). OAuth scopes: the broad
// `read`/`write` cover everything; the resource scopes named per action are enough alone.
// Account-wide rate limits depend on the plan (200–700 requests per minute, 2500 with
// the High Volume add-on); endpoint limits are noted per action.
import type { Catalog, Template } from '../types.js';
import { base64Schema } from './common.js';

const ticketId = { type: 'integer', minimum: 1 };
const id = { type: 'integer', minimum: 1 };
const priority = { enum: ['urgent', 'high', 'normal', 'low'] };
const kind = { enum: ['problem', 'incident', 'question', 'task'] };
const status = { enum: ['new', 'open', 'pending', 'hold', 'solved', 'closed'] };
const tags = { type: 'array', items: { type: 'string', pattern: '^[^\\s,]{1,80}$' }, maxItems: 100 };
const email = { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: 254 };
const ticketOut = { Id: '$.Body.ticket.id', Ticket: '$.Body.ticket' };
const pageSize = { type: 'integer', minimum: 1, maximum: 100, description: 'Items per page (default 100).' };
const afterCursor = { type: 'string', minLength: 1, maxLength: 1024, description: 'NextToken from a previous answer.' };
const pageNumber = { type: 'string', pattern: '^[0-9]{1,4}$', description: 'NextToken from a previous answer (a page number).' };
/** Cursor pagination: NextToken while meta.has_more. */
const nextCursor = { $if: '$.Body.meta.has_more', $then: '$.Body.meta.after_cursor' };
// page[size] is always sent: without it Zendesk falls back to offset pagination, whose answers carry no cursor.
const cursorQuery = { 'page[size]': { $coalesce: ['$.PageSize', 100] }, 'page[after]': '$.NextToken' };
const nextPage = { $hook: 'urlQueryParam', $of: '$.Body.next_page', $args: { name: 'page' } };

const UPLOAD_MAX = 5 * 1024 * 1024;

const ref = (page: string) => `https://developer.zendesk.com/api-reference/ticketing/${page}`;
const ticketUpdateLimit = '30 updates per ticket per user per 10 minutes; 100 ticket updates per minute per account';

/** A ticket as lists return it. */
const ticketSummary: Template = {
  Id: '@.id',
  Subject: '@.subject',
  Status: '@.status',
  Priority: '@.priority',
  Type: '@.type',
  RequesterId: '@.requester_id',
  AssigneeId: '@.assignee_id',
  GroupId: '@.group_id',
  OrganizationId: '@.organization_id',
  Tags: '@.tags',
  CreatedAt: '@.created_at',
  UpdatedAt: '@.updated_at',
};
/** A user as the actions return it. */
const user = (at: string): Template => ({
  Id: `${at}.id`,
  Name: `${at}.name`,
  Email: `${at}.email`,
  Role: `${at}.role`,
  OrganizationId: `${at}.organization_id`,
  Phone: `${at}.phone`,
  TimeZone: `${at}.time_zone`,
  Active: `${at}.active`,
  Suspended: `${at}.suspended`,
  ExternalId: `${at}.external_id`,
  CreatedAt: `${at}.created_at`,
});
/** An organization as the actions return it. */
const organization = (at: string): Template => ({
  Id: `${at}.id`,
  Name: `${at}.name`,
  DomainNames: `${at}.domain_names`,
  Details: `${at}.details`,
  Notes: `${at}.notes`,
  GroupId: `${at}.group_id`,
  Tags: `${at}.tags`,
  ExternalId: `${at}.external_id`,
  OrganizationFields: `${at}.organization_fields`,
  CreatedAt: `${at}.created_at`,
});

export const zendesk: Catalog = {
  Type: 'ZENDESK_SUITE',
  Api: 'Zendesk Support API v2',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'CreateTicket',
      Name: 'Create ticket',
      Description:
        'Creates a ticket with its first (public) comment; the requester is the connector identity unless RequesterEmail is given ' +
        '(an unknown address creates an end user). Custom fields go in Fields, e.g. {"custom_fields": [{"id": 360001, "value": "eu"}]} ' +
        "(ListTicketFields gives the ids). Returns the new ticket's Id and the ticket.",
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
      Examples: [
        {
          Title: 'Open an urgent incident for a customer',
          Input: {
            Subject: 'Printer on fire',
            Comment: 'The printer on floor 3 is on fire.',
            Priority: 'urgent',
            Type: 'incident',
            RequesterEmail: 'jdoe@example.com',
            RequesterName: 'Jane Doe',
          },
        },
        {
          Title: 'A task with a custom field',
          Input: { Subject: 'Renew TLS certificate', Comment: 'Expires on 1 July.', Type: 'task', Fields: { custom_fields: [{ id: 360001, value: 'eu' }] } },
        },
      ],
      reference: ref('tickets/tickets/#create-ticket'),
      requires: { scopes: ['tickets:write'] },
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
      Description:
        'Returns a ticket by id: subject, description, status, priority, type, requester, assignee, group, tags, custom fields, dates. ' +
        'Its conversation is in ListTicketComments.',
      InputSchema: { type: 'object', required: ['TicketId'], properties: { TicketId: ticketId } },
      Examples: [{ Title: 'Look at ticket 35436', Input: { TicketId: 35436 } }],
      reference: ref('tickets/tickets/#show-ticket'),
      requires: { scopes: ['tickets:read'] },
      request: { method: 'GET', path: '/api/v2/tickets/{TicketId}' },
      output: { value: ticketOut },
      idempotent: true,
    },
    {
      ActionId: 'UpdateTicket',
      Name: 'Update ticket',
      Description:
        'Changes a ticket (status, priority, type, subject, assignee, group, tags — Tags replaces the whole list) and optionally adds a comment, ' +
        'public or internal (CommentPublic false). Solving may fail if required fields are empty. Returns the updated ticket.',
      InputSchema: {
        type: 'object',
        required: ['TicketId'],
        properties: {
          TicketId: ticketId,
          Subject: { type: 'string', minLength: 1, maxLength: 150 },
          Status: status,
          Priority: priority,
          Type: kind,
          Tags: tags,
          AssigneeId: { type: 'integer', minimum: 1 },
          GroupId: { type: 'integer', minimum: 1 },
          Comment: { type: 'string', minLength: 1, maxLength: 65535 },
          CommentPublic: { type: 'boolean', description: 'Whether the comment is public (default true).' },
          Fields: { type: 'object', description: "Other ticket properties as Zendesk names them (e.g. custom_fields), merged into 'ticket'." },
        },
      },
      Examples: [
        { Title: 'Solve with a public reply', Input: { TicketId: 35436, Status: 'solved', Comment: 'The printer was replaced. Closing this ticket.' } },
        {
          Title: 'Escalate to a group with an internal note',
          Input: { TicketId: 35436, Priority: 'high', GroupId: 360002, Comment: 'Needs tier 2.', CommentPublic: false },
        },
      ],
      reference: ref('tickets/tickets/#update-ticket'),
      requires: { scopes: ['tickets:write'], rateLimit: ticketUpdateLimit },
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
      Description:
        "Finds tickets with Zendesk search syntax (e.g. 'status:open priority:urgent', 'requester:jdoe@example.com', 'created>2024-01-01'); " +
        "'type:ticket' is added. Returns the matching tickets and their Count; at most 1000 results per query, pages by number.",
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
      Examples: [
        { Title: 'Open urgent tickets, newest first', Input: { Query: 'status:open priority:urgent', SortBy: 'created_at', SortOrder: 'desc', PerPage: 25 } },
        { Title: "A customer's unsolved tickets", Input: { Query: 'requester:jdoe@example.com status<solved' } },
      ],
      reference: ref('ticket-management/search/#list-search-results'),
      requires: { scopes: ['read'] },
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
    {
      ActionId: 'AddTicketComment',
      Name: 'Add ticket comment',
      Description:
        'Adds a comment to a ticket: a public reply the requester is emailed, or an internal note agents only see (Public false). ' +
        'Body is plain text (HtmlBody for HTML); Uploads attaches files uploaded with UploadAttachment. Returns the updated ticket.',
      InputSchema: {
        type: 'object',
        required: ['TicketId'],
        oneOf: [{ required: ['Body'] }, { required: ['HtmlBody'] }],
        properties: {
          TicketId: ticketId,
          Body: { type: 'string', minLength: 1, maxLength: 65535 },
          HtmlBody: { type: 'string', minLength: 1, maxLength: 65535 },
          Public: { type: 'boolean', description: 'true (default): a public reply; false: an internal note.' },
          AuthorId: { ...id, description: 'The author, when not the connector identity (an agent or the requester).' },
          Uploads: {
            type: 'array',
            items: { type: 'string', minLength: 1, maxLength: 100 },
            minItems: 1,
            maxItems: 100,
            description: 'Tokens from UploadAttachment.',
          },
        },
      },
      Examples: [
        { Title: 'Reply to the customer', Input: { TicketId: 35436, Body: 'We have shipped a replacement; it arrives on Monday.' } },
        { Title: 'Leave an internal note', Input: { TicketId: 35436, Body: 'Customer is on the enterprise plan; waive the fee.', Public: false } },
      ],
      reference: ref('tickets/tickets/#update-ticket'),
      requires: { scopes: ['tickets:write'], rateLimit: ticketUpdateLimit },
      request: {
        method: 'PUT',
        path: '/api/v2/tickets/{TicketId}',
        body: {
          encoding: 'json',
          value: { ticket: { comment: { body: '$.Body', html_body: '$.HtmlBody', public: '$.Public', author_id: '$.AuthorId', uploads: '$.Uploads' } } },
        },
      },
      output: { value: ticketOut },
      idempotent: false,
    },
    {
      ActionId: 'ListTicketComments',
      Name: 'List ticket comments',
      Description:
        "Returns a ticket's conversation: its comments (public replies and internal notes), oldest first unless Sort is '-created_at', " +
        'with author, plain and HTML body and attachments; up to 100 per page.',
      InputSchema: {
        type: 'object',
        required: ['TicketId'],
        properties: {
          TicketId: ticketId,
          Sort: { enum: ['created_at', '-created_at'] },
          PageSize: pageSize,
          NextToken: afterCursor,
        },
      },
      Examples: [
        { Title: 'The whole conversation of a ticket', Input: { TicketId: 35436 } },
        { Title: 'The latest comment', Input: { TicketId: 35436, Sort: '-created_at', PageSize: 1 } },
      ],
      reference: ref('tickets/ticket_comments/#list-comments'),
      requires: { scopes: ['tickets:read'] },
      request: { method: 'GET', path: '/api/v2/tickets/{TicketId}/comments', query: { sort: '$.Sort', ...cursorQuery } },
      output: {
        value: {
          Comments: {
            $each: '$.Body.comments',
            $as: {
              Id: '@.id',
              AuthorId: '@.author_id',
              Public: '@.public',
              Body: '@.body',
              HtmlBody: '@.html_body',
              PlainBody: '@.plain_body',
              CreatedAt: '@.created_at',
              Attachments: {
                $each: '@.attachments',
                $as: { Id: '@.id', FileName: '@.file_name', ContentType: '@.content_type', ContentUrl: '@.content_url', Size: '@.size' },
              },
            },
          },
          NextToken: nextCursor,
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'ListTickets',
      Name: 'List tickets',
      Description:
        'Lists the tickets of the account, up to 100 per page (archived tickets are not included), or the one with an ExternalId. ' +
        'To filter by status, requester or date, SearchTickets is the better tool.',
      InputSchema: {
        type: 'object',
        properties: { ExternalId: { type: 'string', minLength: 1, maxLength: 255 }, PageSize: pageSize, NextToken: afterCursor },
      },
      Examples: [
        { Title: 'The first 100 tickets', Input: { PageSize: 100 } },
        { Title: 'The ticket synced from another system', Input: { ExternalId: 'JIRA-4211' } },
      ],
      reference: ref('tickets/tickets/#list-tickets'),
      requires: { scopes: ['tickets:read'] },
      request: { method: 'GET', path: '/api/v2/tickets', query: { external_id: '$.ExternalId', ...cursorQuery } },
      output: { value: { Tickets: { $each: '$.Body.tickets', $as: ticketSummary }, NextToken: nextCursor } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'DeleteTicket',
      Name: 'Delete ticket',
      Description:
        'Deletes a ticket (it goes to Deleted tickets, where an admin can restore it for 30 days). Needs an admin or an agent allowed to ' +
        'delete tickets; answers 404 if it is already gone.',
      InputSchema: { type: 'object', required: ['TicketId'], properties: { TicketId: ticketId } },
      Examples: [{ Title: 'Delete a spam ticket', Input: { TicketId: 35437 } }],
      reference: ref('tickets/tickets/#delete-ticket'),
      requires: { scopes: ['tickets:write'], rateLimit: '400 deletions per minute' },
      request: { method: 'DELETE', path: '/api/v2/tickets/{TicketId}' },
      output: { value: { Deleted: true } },
      idempotent: true,
    },
    {
      ActionId: 'MergeTickets',
      Name: 'Merge tickets',
      Description:
        'Merges up to 5 tickets (SourceTicketIds) into a target ticket: the sources are closed with a comment pointing at the target; this cannot be undone. ' +
        'Runs as a background job: returns its JobStatus (Id, Status queued/working/completed/failed, Url to follow it).',
      InputSchema: {
        type: 'object',
        required: ['TargetTicketId', 'SourceTicketIds'],
        properties: {
          TargetTicketId: ticketId,
          SourceTicketIds: { type: 'array', items: ticketId, minItems: 1, maxItems: 5, uniqueItems: true },
          TargetComment: { type: 'string', minLength: 1, maxLength: 65535 },
          TargetCommentIsPublic: { type: 'boolean' },
          SourceComment: { type: 'string', minLength: 1, maxLength: 65535 },
          SourceCommentIsPublic: { type: 'boolean' },
        },
      },
      Examples: [
        {
          Title: 'Fold two duplicates into the original',
          Input: {
            TargetTicketId: 35436,
            SourceTicketIds: [35437, 35438],
            TargetComment: 'Merged the duplicate reports.',
            SourceComment: 'Merged into #35436.',
          },
        },
      ],
      reference: ref('tickets/tickets/#merge-tickets-into-target-ticket'),
      requires: { scopes: ['tickets:write'], rateLimit: 'Background job: the number of queued jobs per account is limited' },
      request: {
        method: 'POST',
        path: '/api/v2/tickets/{TargetTicketId}/merge',
        body: {
          encoding: 'json',
          value: {
            ids: '$.SourceTicketIds',
            target_comment: '$.TargetComment',
            target_comment_is_public: '$.TargetCommentIsPublic',
            source_comment: '$.SourceComment',
            source_comment_is_public: '$.SourceCommentIsPublic',
          },
        },
      },
      output: {
        value: {
          JobStatus: {
            Id: '$.Body.job_status.id',
            Status: '$.Body.job_status.status',
            Message: '$.Body.job_status.message',
            Url: '$.Body.job_status.url',
          },
        },
      },
      idempotent: false,
    },
    {
      ActionId: 'GetUser',
      Name: 'Get user',
      Description: 'Returns a user (end user, agent or admin) by id: name, email, role, organization, phone, time zone, active and suspended flags.',
      InputSchema: { type: 'object', required: ['UserId'], properties: { UserId: id } },
      Examples: [{ Title: "A ticket's requester", Input: { UserId: 35436 } }],
      reference: ref('users/users/#show-user'),
      requires: { scopes: ['users:read'] },
      request: { method: 'GET', path: '/api/v2/users/{UserId}' },
      output: { value: user('$.Body.user') },
      idempotent: true,
    },
    {
      ActionId: 'GetCurrentUser',
      Name: 'Get current user',
      Description: 'Returns the user the connector acts as (its id, name, email and role): a quick check that the connector works and what it may do.',
      InputSchema: { type: 'object', properties: {} },
      Examples: [{ Title: 'Who am I', Input: {} }],
      reference: ref('users/users/#show-the-currently-authenticated-user'),
      requires: { scopes: ['users:read'] },
      request: { method: 'GET', path: '/api/v2/users/me' },
      output: { value: user('$.Body.user') },
      idempotent: true,
    },
    {
      ActionId: 'SearchUsers',
      Name: 'Search users',
      Description:
        "Finds users by name, email or phone (a part of it works, e.g. 'jdoe@'), or with search syntax ('role:agent', 'organization:acme'), " +
        'or by ExternalId. Returns up to 100 per page.',
      InputSchema: {
        type: 'object',
        anyOf: [{ required: ['Query'] }, { required: ['ExternalId'] }],
        properties: {
          Query: { type: 'string', minLength: 1, maxLength: 1000 },
          ExternalId: { type: 'string', minLength: 1, maxLength: 255 },
          PerPage: pageSize,
          NextToken: pageNumber,
        },
      },
      Examples: [
        { Title: 'Find a customer by email', Input: { Query: 'jdoe@example.com' } },
        { Title: 'All agents', Input: { Query: 'role:agent', PerPage: 100 } },
      ],
      reference: ref('users/users/#search-users'),
      requires: { scopes: ['users:read'] },
      request: {
        method: 'GET',
        path: '/api/v2/users/search',
        query: { query: '$.Query', external_id: '$.ExternalId', per_page: '$.PerPage', page: '$.NextToken' },
      },
      output: { value: { Users: { $each: '$.Body.users', $as: user('@') }, Count: '$.Body.count', NextToken: nextPage } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'ListUsers',
      Name: 'List users',
      Description: 'Lists the users of the account, optionally only one Role (end-user, agent, admin), up to 100 per page.',
      InputSchema: {
        type: 'object',
        properties: { Role: { enum: ['end-user', 'agent', 'admin'] }, PageSize: pageSize, NextToken: afterCursor },
      },
      Examples: [{ Title: 'The agents and their ids', Input: { Role: 'agent', PageSize: 100 } }],
      reference: ref('users/users/#list-users'),
      requires: { scopes: ['users:read'] },
      request: { method: 'GET', path: '/api/v2/users', query: { role: '$.Role', ...cursorQuery } },
      output: { value: { Users: { $each: '$.Body.users', $as: user('@') }, NextToken: nextCursor } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'CreateUser',
      Name: 'Create user',
      Description:
        'Creates a user: an end user (default), an agent or an admin. Fails (422) if the email is taken: SearchUsers first to find an existing one. ' +
        'Other properties (phone, tags, notes, user_fields) go in Fields. Returns the new user.',
      InputSchema: {
        type: 'object',
        required: ['Name', 'Email'],
        properties: {
          Name: { type: 'string', minLength: 1, maxLength: 255 },
          Email: email,
          Role: { enum: ['end-user', 'agent', 'admin'] },
          OrganizationId: id,
          ExternalId: { type: 'string', minLength: 1, maxLength: 255 },
          Fields: { type: 'object', description: "Other user properties as Zendesk names them (e.g. phone, user_fields), merged into 'user'." },
        },
      },
      Examples: [
        { Title: 'Add a customer contact', Input: { Name: 'Roger Wilco', Email: 'roger@example.org', OrganizationId: 4112492 } },
        { Title: 'Add an end user with a phone number', Input: { Name: 'Jane Doe', Email: 'jdoe@example.com', Fields: { phone: '+15551234567' } } },
      ],
      reference: ref('users/users/#create-user'),
      requires: { scopes: ['users:write'] },
      request: {
        method: 'POST',
        path: '/api/v2/users',
        body: {
          encoding: 'json',
          value: {
            user: {
              $merge: [{ name: '$.Name', email: '$.Email', role: '$.Role', organization_id: '$.OrganizationId', external_id: '$.ExternalId' }, '$.Fields'],
            },
          },
        },
      },
      output: { value: user('$.Body.user') },
      idempotent: false,
    },
    {
      ActionId: 'ListOrganizations',
      Name: 'List organizations',
      Description: 'Lists the organizations (customer companies) of the account, up to 100 per page: name, domains, group, tags, custom fields.',
      InputSchema: { type: 'object', properties: { PageSize: pageSize, NextToken: afterCursor } },
      Examples: [{ Title: 'The first 100 organizations', Input: { PageSize: 100 } }],
      reference: ref('organizations/organizations/#list-organizations'),
      requires: { scopes: ['organizations:read'] },
      request: { method: 'GET', path: '/api/v2/organizations', query: cursorQuery },
      output: { value: { Organizations: { $each: '$.Body.organizations', $as: organization('@') }, NextToken: nextCursor } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'GetOrganization',
      Name: 'Get organization',
      Description: "Returns an organization by id (e.g. a user's OrganizationId): name, domain names, details, notes, group, tags, custom fields.",
      InputSchema: { type: 'object', required: ['OrganizationId'], properties: { OrganizationId: id } },
      Examples: [{ Title: "A requester's company", Input: { OrganizationId: 4112492 } }],
      reference: ref('organizations/organizations/#show-organization'),
      requires: { scopes: ['organizations:read'] },
      request: { method: 'GET', path: '/api/v2/organizations/{OrganizationId}' },
      output: { value: organization('$.Body.organization') },
      idempotent: true,
    },
    {
      ActionId: 'ListGroups',
      Name: 'List groups',
      Description: 'Lists the agent groups (e.g. Billing, Tier 2), up to 100 per page: their ids are what GroupId takes in CreateTicket and UpdateTicket.',
      InputSchema: { type: 'object', properties: { ExcludeDeleted: { type: 'boolean' }, PageSize: pageSize, NextToken: afterCursor } },
      Examples: [{ Title: 'Groups a ticket can be assigned to', Input: { ExcludeDeleted: true } }],
      reference: ref('groups/groups/#list-groups'),
      requires: { scopes: ['read'] },
      request: { method: 'GET', path: '/api/v2/groups', query: { exclude_deleted: '$.ExcludeDeleted', ...cursorQuery } },
      output: {
        value: {
          Groups: { $each: '$.Body.groups', $as: { Id: '@.id', Name: '@.name', Description: '@.description', IsPublic: '@.is_public', Deleted: '@.deleted' } },
          NextToken: nextCursor,
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'ListTicketFields',
      Name: 'List ticket fields',
      Description:
        'Lists the system and custom ticket fields: id, type, title, whether required, and the options of drop-down fields. ' +
        'Use the ids and option values in custom_fields of CreateTicket and UpdateTicket.',
      InputSchema: { type: 'object', properties: { PageSize: pageSize, NextToken: afterCursor } },
      Examples: [{ Title: 'Which custom fields a ticket has', Input: { PageSize: 100 } }],
      reference: ref('tickets/ticket_fields/#list-ticket-fields'),
      requires: { scopes: ['read'] },
      request: { method: 'GET', path: '/api/v2/ticket_fields', query: cursorQuery },
      output: {
        value: {
          TicketFields: {
            $each: '$.Body.ticket_fields',
            $as: {
              Id: '@.id',
              Type: '@.type',
              Title: '@.title',
              Description: '@.description',
              Active: '@.active',
              Required: '@.required',
              Options: { $each: '@.custom_field_options', $as: { Name: '@.name', Value: '@.value' } },
            },
          },
          NextToken: nextCursor,
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'ListViews',
      Name: 'List views',
      Description: "Lists the shared and personal views the connector's user can see (saved ticket filters such as 'Unassigned tickets'), up to 100 per page.",
      InputSchema: {
        type: 'object',
        properties: {
          Active: { type: 'boolean' },
          Access: { enum: ['personal', 'shared', 'account'] },
          GroupId: id,
          PageSize: pageSize,
          NextToken: afterCursor,
        },
      },
      Examples: [{ Title: 'Active views', Input: { Active: true } }],
      reference: ref('business-rules/views/#list-views'),
      requires: { scopes: ['read'] },
      request: { method: 'GET', path: '/api/v2/views', query: { active: '$.Active', access: '$.Access', group_id: '$.GroupId', ...cursorQuery } },
      output: {
        value: {
          Views: { $each: '$.Body.views', $as: { Id: '@.id', Title: '@.title', Description: '@.description', Active: '@.active', Position: '@.position' } },
          NextToken: nextCursor,
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'ListViewTickets',
      Name: 'List tickets in view',
      Description: "Returns the tickets a view currently matches (an agent's queue, e.g. 'Unassigned tickets'), up to 100 per page.",
      InputSchema: {
        type: 'object',
        required: ['ViewId'],
        properties: {
          ViewId: id,
          SortBy: { type: 'string', pattern: '^[a-z_]{1,64}$', description: "A ticket property, e.g. 'created_at', 'updated_at', 'priority'." },
          SortOrder: { enum: ['asc', 'desc'] },
          PageSize: pageSize,
          NextToken: afterCursor,
        },
      },
      Examples: [{ Title: 'The oldest tickets of a queue first', Input: { ViewId: 25, SortBy: 'created_at', SortOrder: 'asc', PageSize: 25 } }],
      reference: ref('business-rules/views/#list-tickets-from-a-view'),
      requires: { scopes: ['tickets:read'] },
      request: { method: 'GET', path: '/api/v2/views/{ViewId}/tickets', query: { sort_by: '$.SortBy', sort_order: '$.SortOrder', ...cursorQuery } },
      output: { value: { Tickets: { $each: '$.Body.tickets', $as: ticketSummary }, NextToken: nextCursor } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'UploadAttachment',
      Name: 'Upload attachment',
      Description:
        `Uploads a file (base64, at most ${UPLOAD_MAX} bytes) to attach to a ticket comment: pass the returned Token in AddTicketComment's Uploads ` +
        '(or CreateTicket/UpdateTicket Fields). Give the Token of a previous upload to add more files to it; a token is valid for 60 minutes. ' +
        "FileName's extension should match ContentType.",
      InputSchema: {
        type: 'object',
        required: ['FileName', 'Content'],
        properties: {
          FileName: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[^/\\\\\\u0000-\\u001f]+$' },
          Content: base64Schema(UPLOAD_MAX),
          ContentType: { type: 'string', pattern: '^[\\w.+-]+/[\\w.+-]+$', default: 'application/octet-stream' },
          Token: { type: 'string', minLength: 1, maxLength: 100, description: 'The Token of an earlier upload, to add this file to it.' },
        },
      },
      Examples: [{ Title: 'Attach a log file', Input: { FileName: 'crash.log', Content: 'RXJyb3I6IHByaW50ZXIgb24gZmlyZQo=', ContentType: 'text/plain' } }],
      reference: ref('tickets/ticket-attachments/#upload-files'),
      requires: { scopes: ['tickets:write'] },
      request: {
        method: 'POST',
        path: '/api/v2/uploads',
        query: { filename: '$.FileName', token: '$.Token' },
        body: { encoding: 'base64', value: { $fromBase64: '$.Content' }, contentType: { $coalesce: ['$.ContentType', 'application/octet-stream'] } },
      },
      output: {
        value: {
          Token: '$.Body.upload.token',
          Attachment: {
            Id: '$.Body.upload.attachment.id',
            FileName: '$.Body.upload.attachment.file_name',
            ContentType: '$.Body.upload.attachment.content_type',
            ContentUrl: '$.Body.upload.attachment.content_url',
            Size: '$.Body.upload.attachment.size',
          },
        },
      },
      binary: { maxBytes: UPLOAD_MAX },
      idempotent: false,
    },
  ],
};
