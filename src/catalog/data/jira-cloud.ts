// JIRA_CLOUD: Jira Cloud platform REST API v3 (rich text in Atlassian Document Format).
// BaseEndpoint: https://{site}.atlassian.net (API token) or https://api.atlassian.com/ex/jira/{cloudId} (OAuth 2.0 3LO).
import type { Catalog } from '../types.js';
import { base64Schema } from './common.js';

const issueIdOrKey = { type: 'string', minLength: 1, maxLength: 255, description: "An issue id ('10002') or key ('PROJ-123')." };
const richText = {
  description: 'Plain text (paragraphs at blank lines) or an Atlassian Document Format document.',
  anyOf: [
    { type: 'string', maxLength: 32767 },
    { type: 'object', required: ['type'], properties: { type: { const: 'doc' } } },
  ],
};
const fieldList = { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_.\\-*!]+$' }, maxItems: 100 };
const accountId = {
  type: 'string',
  minLength: 1,
  maxLength: 128,
  description: "An Atlassian account id, e.g. '5b10ac8d82e05b22cc7d4ef5' (see SearchUsers, GetCurrentUser).",
};
const projectIdOrKey = { type: 'string', minLength: 1, maxLength: 255, pattern: '^[A-Za-z0-9_]+$', description: "A project key ('OPS') or id ('10000')." };
const startAt = { type: 'integer', minimum: 0, description: 'The index of the first item to return (0 for the first page).' };
const labels = { type: 'array', items: { type: 'string', pattern: '^\\S{1,255}$' }, maxItems: 100 };
/** Jira's worklog timestamps: yyyy-MM-ddTHH:mm:ss.SSS±hhmm. */
const jiraDateTime = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}$',
  description: "A date-time as Jira takes it, e.g. '2024-05-01T09:30:00.000+0000'.",
};
/** The largest attachment an invocation carries (its base64 fits InvokeAction's body limit); Jira's own limit is the site's setting. */
const ATTACHMENT_MAX = 5 * 1024 * 1024;

/** The vendor's reference page of an operation: its group (the spec's tag) and the anchor Atlassian derives from method and path. */
const ref = (group: string, method: string, path: string) =>
  `https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-${group}/#api-${path.slice(1).replace(/[{}]/g, '').replace(/\//g, '-').toLowerCase()}-${method.toLowerCase()}`;
const READ = { scopes: ['read:jira-work'] };
const WRITE = { scopes: ['write:jira-work'] };
const USERS = { scopes: ['read:jira-user'] };

/** A user as the output shows it; `at` is where it stands ('@' for list items, '$.Body' for one). */
const userOut = (at: string) => ({
  AccountId: `${at}.accountId`,
  DisplayName: `${at}.displayName`,
  EmailAddress: `${at}.emailAddress`,
  Active: `${at}.active`,
  AccountType: `${at}.accountType`,
  TimeZone: `${at}.timeZone`,
});
/** An attachment's metadata as the output shows it (Jira's id is a number in some answers, a string in others). */
const attachmentOut = (at: string) => ({
  Id: { $string: `${at}.id` },
  FileName: `${at}.filename`,
  Size: `${at}.size`,
  MimeType: `${at}.mimeType`,
  Created: `${at}.created`,
  Author: `${at}.author.displayName`,
  ContentUrl: `${at}.content`,
  ThumbnailUrl: `${at}.thumbnail`,
});

/** What SearchIssues returns per issue unless Fields says otherwise: /search/jql gives only ids without `fields`. */
const SEARCH_FIELDS = ['summary', 'status', 'assignee', 'priority', 'issuetype', 'created', 'updated'];

export const jiraCloud: Catalog = {
  Type: 'JIRA_CLOUD',
  Api: 'Jira Cloud platform REST API v3',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'CreateIssue',
      Name: 'Create issue',
      Description:
        "Creates an issue in a project (a sub-task or child issue with ParentKey) and returns its id and key. IssueType is the type's name (see ListIssueTypes); fields a project requires beyond these (see ListCreateFields) go in Fields. Description may be plain text (paragraphs at blank lines) or an Atlassian Document Format document.",
      InputSchema: {
        type: 'object',
        required: ['ProjectKey', 'Summary'],
        properties: {
          ProjectKey: { type: 'string', pattern: '^[A-Z][A-Z0-9_]{0,254}$' },
          Summary: { type: 'string', minLength: 1, maxLength: 255 },
          IssueType: { type: 'string', minLength: 1, maxLength: 255, default: 'Task', description: "The issue type's name, e.g. Task, Bug, Story." },
          Description: richText,
          Labels: { type: 'array', items: { type: 'string', pattern: '^\\S{1,255}$' }, maxItems: 100 },
          Priority: { type: 'string', minLength: 1, maxLength: 255, description: "A priority name, e.g. 'High'." },
          AssigneeAccountId: { type: 'string', minLength: 1, maxLength: 128 },
          ParentKey: { type: 'string', minLength: 1, maxLength: 255 },
          Fields: { type: 'object', description: "Other fields as Jira names them (e.g. customfield_10011), merged into 'fields'." },
        },
      },
      request: {
        method: 'POST',
        path: '/rest/api/3/issue',
        body: {
          encoding: 'json',
          value: {
            fields: {
              $merge: [
                {
                  project: { key: '$.ProjectKey' },
                  summary: '$.Summary',
                  issuetype: { name: '$.IssueType' },
                  description: { $hook: 'adf', $of: '$.Description' },
                  labels: '$.Labels',
                  priority: { name: '$.Priority' },
                  assignee: { accountId: '$.AssigneeAccountId' },
                  parent: { key: '$.ParentKey' },
                },
                '$.Fields',
              ],
            },
          },
        },
      },
      output: { value: { Id: '$.Body.id', Key: '$.Body.key', Self: '$.Body.self' } },
      idempotent: false,
      Examples: [
        {
          Title: 'Report a bug in project OPS',
          Input: { ProjectKey: 'OPS', Summary: 'Disk full on db-1', IssueType: 'Bug', Priority: 'High', Description: 'The disk is full.\n\nSee the runbook.' },
        },
        { Title: 'Create a sub-task', Input: { ProjectKey: 'OPS', Summary: 'Rotate the logs', IssueType: 'Subtask', ParentKey: 'OPS-24' } },
      ],
      reference: ref('issues', 'POST', '/rest/api/3/issue'),
      requires: WRITE,
    },
    {
      ActionId: 'GetIssue',
      Name: 'Get issue',
      Description:
        "Returns one issue by key or id: its id, key and fields (all navigable fields unless Fields lists some, e.g. ['summary', 'status', 'assignee']), and its description as plain text (DescriptionText). Rich-text fields (description, comments) are Atlassian Document Format in Fields. Expand takes Jira's expand names, e.g. 'renderedFields,changelog'.",
      InputSchema: {
        type: 'object',
        required: ['IssueIdOrKey'],
        properties: { IssueIdOrKey: issueIdOrKey, Fields: fieldList, Expand: { type: 'string', pattern: '^[A-Za-z,]+$' } },
      },
      request: {
        method: 'GET',
        path: '/rest/api/3/issue/{IssueIdOrKey}',
        query: { fields: { $join: '$.Fields' }, expand: '$.Expand' },
      },
      output: {
        value: {
          Id: '$.Body.id',
          Key: '$.Body.key',
          // The description as plain text, for reading; Fields keeps the ADF document.
          DescriptionText: { $hook: 'adfText', $of: '$.Body.fields.description' },
          Fields: '$.Body.fields',
        },
      },
      idempotent: true,
      Examples: [
        { Title: 'Get an issue', Input: { IssueIdOrKey: 'OPS-24' } },
        { Title: 'Get the summary, status and assignee of an issue', Input: { IssueIdOrKey: 'OPS-24', Fields: ['summary', 'status', 'assignee'] } },
      ],
      reference: ref('issues', 'GET', '/rest/api/3/issue/{issueIdOrKey}'),
      requires: READ,
    },
    {
      ActionId: 'SearchIssues',
      Name: 'Search issues (JQL)',
      Description:
        'Finds issues with a JQL query (e.g. project = OPS AND status = "To Do" ORDER BY created DESC), a page at a time; pass the NextToken of one page to get the next (IsLast says there is none). ' +
        'Each issue comes with id, key and the Fields asked for: by default summary, status, assignee, priority, issuetype, created and updated (Jira returns only ids without fields; *navigable asks for all navigable fields).',
      InputSchema: {
        type: 'object',
        required: ['Jql'],
        properties: {
          Jql: { type: 'string', minLength: 1, maxLength: 10000 },
          Fields: {
            ...fieldList,
            minItems: 1,
            default: SEARCH_FIELDS,
            description: 'Field ids to return, e.g. summary, status, customfield_10020; *all or *navigable for many.',
          },
          MaxResults: { type: 'integer', minimum: 1, maximum: 5000 },
          NextToken: { type: 'string', minLength: 1, maxLength: 4096 },
        },
      },
      request: {
        method: 'POST',
        path: '/rest/api/3/search/jql',
        body: { encoding: 'json', value: { jql: '$.Jql', fields: '$.Fields', maxResults: '$.MaxResults', nextPageToken: '$.NextToken' } },
      },
      output: { value: { Issues: '$.Body.issues', NextToken: '$.Body.nextPageToken', IsLast: '$.Body.isLast' } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        {
          Title: 'Open issues assigned to me, newest first',
          Input: { Jql: 'assignee = currentUser() AND statusCategory != Done ORDER BY created DESC', MaxResults: 20 },
        },
        { Title: 'Bugs in project OPS with their labels', Input: { Jql: 'project = OPS AND issuetype = Bug', Fields: ['summary', 'status', 'labels'] } },
      ],
    },
    {
      ActionId: 'AddComment',
      Name: 'Add comment',
      Description:
        'Adds a comment to an issue and returns its id, creation time and author. Body may be plain text (paragraphs at blank lines, line breaks kept) or an Atlassian Document Format document. See ListComments to read them.',
      InputSchema: {
        type: 'object',
        required: ['IssueIdOrKey', 'Body'],
        properties: { IssueIdOrKey: issueIdOrKey, Body: richText },
      },
      request: {
        method: 'POST',
        path: '/rest/api/3/issue/{IssueIdOrKey}/comment',
        body: { encoding: 'json', value: { body: { $hook: 'adf', $of: '$.Body' } } },
      },
      output: { value: { Id: '$.Body.id', Created: '$.Body.created', Author: '$.Body.author.displayName' } },
      idempotent: false,
      Examples: [{ Title: 'Comment on an issue', Input: { IssueIdOrKey: 'OPS-24', Body: 'Looking into it.\nETA 1h' } }],
      reference: ref('issue-comments', 'POST', '/rest/api/3/issue/{issueIdOrKey}/comment'),
      requires: WRITE,
    },
    {
      ActionId: 'GetTransitions',
      Name: 'List transitions',
      Description:
        "Lists the workflow transitions an issue can take now, for the calling user: each transition's id (what TransitionIssue takes), name ('Start progress') and the status it leads to. Use it before TransitionIssue to find the id.",
      InputSchema: { type: 'object', required: ['IssueIdOrKey'], properties: { IssueIdOrKey: issueIdOrKey } },
      request: { method: 'GET', path: '/rest/api/3/issue/{IssueIdOrKey}/transitions' },
      output: {
        value: {
          Transitions: { $each: '$.Body.transitions', $as: { Id: '@.id', Name: '@.name', ToStatus: '@.to.name' } },
        },
      },
      idempotent: true,
      Examples: [{ Title: 'What can OPS-24 move to?', Input: { IssueIdOrKey: 'OPS-24' } }],
      reference: ref('issues', 'GET', '/rest/api/3/issue/{issueIdOrKey}/transitions'),
      requires: READ,
    },
    {
      ActionId: 'TransitionIssue',
      Name: 'Transition issue',
      Description:
        'Moves an issue through its workflow (e.g. to In Progress or Done) with a transition id from GetTransitions, optionally adding a comment and setting fields the transition screen has (e.g. resolution). Returns Transitioned: true.',
      InputSchema: {
        type: 'object',
        required: ['IssueIdOrKey', 'TransitionId'],
        properties: {
          IssueIdOrKey: issueIdOrKey,
          TransitionId: { type: 'string', pattern: '^[0-9]{1,20}$' },
          Comment: richText,
          Fields: { type: 'object', description: 'Fields to set on the transition screen, e.g. {"resolution": {"name": "Done"}}.' },
        },
      },
      request: {
        method: 'POST',
        path: '/rest/api/3/issue/{IssueIdOrKey}/transitions',
        body: {
          encoding: 'json',
          value: {
            transition: { id: '$.TransitionId' },
            fields: '$.Fields',
            update: { comment: [{ add: { body: { $hook: 'adf', $of: '$.Comment' } } }] },
          },
        },
      },
      output: { value: { Transitioned: true } },
      idempotent: false,
      Examples: [
        { Title: 'Start progress', Input: { IssueIdOrKey: 'OPS-24', TransitionId: '21' } },
        { Title: 'Resolve with a comment', Input: { IssueIdOrKey: 'OPS-24', TransitionId: '31', Comment: 'Fixed.', Fields: { resolution: { name: 'Done' } } } },
      ],
      reference: ref('issues', 'POST', '/rest/api/3/issue/{issueIdOrKey}/transitions'),
      requires: WRITE,
    },
    {
      ActionId: 'UpdateIssue',
      Name: 'Update issue',
      Description:
        'Edits an issue\'s fields: summary, description (plain text or Atlassian Document Format), labels, priority, due date, and any other field in Fields (e.g. {"customfield_10011": "Storage"}). Labels replaces the labels; AddLabels/RemoveLabels change them one by one (use one or the other). To change status use TransitionIssue; to change the assignee AssignIssue. Returns Updated: true.',
      InputSchema: {
        type: 'object',
        required: ['IssueIdOrKey'],
        anyOf: ['Summary', 'Description', 'Labels', 'AddLabels', 'RemoveLabels', 'Priority', 'DueDate', 'Fields'].map((m) => ({ required: [m] })),
        properties: {
          IssueIdOrKey: issueIdOrKey,
          Summary: { type: 'string', minLength: 1, maxLength: 255 },
          Description: richText,
          Labels: labels,
          AddLabels: labels,
          RemoveLabels: labels,
          Priority: { type: 'string', minLength: 1, maxLength: 255, description: "A priority name, e.g. 'High'." },
          DueDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD.' },
          Fields: { type: 'object', description: "Other fields as Jira names them, merged into 'fields' (see GetIssue for the names)." },
          NotifyUsers: { type: 'boolean', description: 'Whether watchers get an email (default true; false needs admin rights).' },
        },
      },
      request: {
        method: 'PUT',
        path: '/rest/api/3/issue/{IssueIdOrKey}',
        query: { notifyUsers: '$.NotifyUsers' },
        body: {
          encoding: 'json',
          value: {
            fields: {
              $merge: [
                {
                  summary: '$.Summary',
                  description: { $hook: 'adf', $of: '$.Description' },
                  labels: '$.Labels',
                  priority: { name: '$.Priority' },
                  duedate: '$.DueDate',
                },
                '$.Fields',
              ],
            },
            update: {
              labels: {
                $hook: 'flatten',
                $of: [
                  { $each: '$.AddLabels', $as: { add: '@' } },
                  { $each: '$.RemoveLabels', $as: { remove: '@' } },
                ],
              },
            },
          },
        },
      },
      output: { value: { Updated: true } },
      // Fields are set, labels added or removed by name: a repeat changes nothing more.
      idempotent: true,
      Examples: [
        { Title: 'Change the summary and priority', Input: { IssueIdOrKey: 'OPS-24', Summary: 'Disk full on db-1 and db-2', Priority: 'Highest' } },
        { Title: 'Add a label and set a custom field', Input: { IssueIdOrKey: 'OPS-24', AddLabels: ['storage'], Fields: { customfield_10011: 'Storage' } } },
      ],
      reference: ref('issues', 'PUT', '/rest/api/3/issue/{issueIdOrKey}'),
      requires: WRITE,
    },
    {
      ActionId: 'AssignIssue',
      Name: 'Assign issue',
      Description:
        "Assigns an issue to a user by account id (find it with SearchUsers, or GetCurrentUser for yourself). AccountId null unassigns the issue; '-1' assigns the project's default assignee. Returns Assigned: true.",
      InputSchema: {
        type: 'object',
        required: ['IssueIdOrKey', 'AccountId'],
        properties: {
          IssueIdOrKey: issueIdOrKey,
          AccountId: {
            ...accountId,
            type: ['string', 'null'],
            description: "The assignee's account id; null to unassign; '-1' for the project's default assignee.",
          },
        },
      },
      request: { method: 'PUT', path: '/rest/api/3/issue/{IssueIdOrKey}/assignee', body: { encoding: 'json', value: { accountId: '$.AccountId' } } },
      output: { value: { Assigned: true } },
      idempotent: true,
      Examples: [
        { Title: 'Assign OPS-24 to a user', Input: { IssueIdOrKey: 'OPS-24', AccountId: '5b10ac8d82e05b22cc7d4ef5' } },
        { Title: 'Unassign OPS-24', Input: { IssueIdOrKey: 'OPS-24', AccountId: null } },
      ],
      reference: ref('issues', 'PUT', '/rest/api/3/issue/{issueIdOrKey}/assignee'),
      requires: WRITE,
    },
    {
      ActionId: 'ListProjects',
      Name: 'List projects',
      Description:
        "Lists the projects the user can see (by default ordered by key), optionally those whose key or name contains Query, a page at a time (at most 100): pass NextStartAt as StartAt for the next page; IsLast tells when there is none. Returns each project's id, key, name and type.",
      InputSchema: {
        type: 'object',
        properties: {
          Query: { type: 'string', minLength: 1, maxLength: 255, description: 'Matched case-insensitively against project keys and names.' },
          Keys: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,254}$' }, maxItems: 50, uniqueItems: true },
          TypeKey: { type: 'string', pattern: '^[a-z_,]{1,100}$', description: "Project types, comma-separated: 'business', 'service_desk', 'software'." },
          OrderBy: {
            enum: [
              'category',
              '-category',
              '+category',
              'key',
              '-key',
              '+key',
              'name',
              '-name',
              '+name',
              'owner',
              '-owner',
              '+owner',
              'issueCount',
              '-issueCount',
              '+issueCount',
              'lastIssueUpdatedDate',
              '-lastIssueUpdatedDate',
              '+lastIssueUpdatedDate',
            ],
          },
          StartAt: startAt,
          MaxResults: { type: 'integer', minimum: 1, maximum: 100 },
        },
      },
      request: {
        method: 'GET',
        path: '/rest/api/3/project/search',
        query: { query: '$.Query', keys: '$.Keys', typeKey: '$.TypeKey', orderBy: '$.OrderBy', startAt: '$.StartAt', maxResults: '$.MaxResults' },
      },
      output: {
        value: {
          Projects: {
            $each: '$.Body.values',
            $as: { Id: '@.id', Key: '@.key', Name: '@.name', ProjectTypeKey: '@.projectTypeKey', Style: '@.style', Simplified: '@.simplified' },
          },
          Total: '$.Body.total',
          IsLast: '$.Body.isLast',
          NextStartAt: { $number: { $hook: 'urlQueryParam', $of: '$.Body.nextPage', $args: { name: 'startAt' } } },
        },
      },
      pagination: { inputToken: 'StartAt', outputToken: 'NextStartAt' },
      idempotent: true,
      Examples: [
        { Title: 'List projects', Input: {} },
        { Title: 'Find software projects named like "platform"', Input: { Query: 'platform', TypeKey: 'software', MaxResults: 20 } },
      ],
      reference: ref('projects', 'GET', '/rest/api/3/project/search'),
      requires: READ,
    },
    {
      ActionId: 'ListIssueTypes',
      Name: 'List issue types of a project',
      Description:
        "Lists the issue types the user can create in a project (Task, Bug, Story, Epic, Subtask...): each one's id, name, description and whether it is a sub-task type. Use a name with CreateIssue's IssueType, an id with ListCreateFields. Pages of at most 200 (StartAt, MaxResults, Total).",
      InputSchema: {
        type: 'object',
        required: ['ProjectIdOrKey'],
        properties: { ProjectIdOrKey: projectIdOrKey, StartAt: startAt, MaxResults: { type: 'integer', minimum: 1, maximum: 200 } },
      },
      request: {
        method: 'GET',
        path: '/rest/api/3/issue/createmeta/{ProjectIdOrKey}/issuetypes',
        query: { startAt: '$.StartAt', maxResults: '$.MaxResults' },
      },
      output: {
        value: {
          IssueTypes: {
            $each: '$.Body.issueTypes',
            $as: { Id: '@.id', Name: '@.name', Description: '@.description', Subtask: '@.subtask', HierarchyLevel: '@.hierarchyLevel' },
          },
          StartAt: '$.Body.startAt',
          MaxResults: '$.Body.maxResults',
          Total: '$.Body.total',
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Issue types of project OPS', Input: { ProjectIdOrKey: 'OPS' } }],
      reference: ref('issues', 'GET', '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes'),
      requires: READ,
    },
    {
      ActionId: 'ListCreateFields',
      Name: 'List fields for creating an issue',
      Description:
        "Lists the fields of an issue type in a project as the create screen has them: each field's id (what CreateIssue's Fields takes, e.g. customfield_10011), name, whether it is required, and whether it has a default. Use it when CreateIssue fails for a missing field. Pages of at most 200 (StartAt, MaxResults, Total).",
      InputSchema: {
        type: 'object',
        required: ['ProjectIdOrKey', 'IssueTypeId'],
        properties: {
          ProjectIdOrKey: projectIdOrKey,
          IssueTypeId: { type: 'string', pattern: '^[0-9]{1,20}$', description: 'The issue type id (see ListIssueTypes).' },
          StartAt: startAt,
          MaxResults: { type: 'integer', minimum: 1, maximum: 200 },
        },
      },
      request: {
        method: 'GET',
        path: '/rest/api/3/issue/createmeta/{ProjectIdOrKey}/issuetypes/{IssueTypeId}',
        query: { startAt: '$.StartAt', maxResults: '$.MaxResults' },
      },
      output: {
        value: {
          Fields: {
            $each: '$.Body.fields',
            $as: {
              FieldId: '@.fieldId',
              Name: '@.name',
              Required: '@.required',
              HasDefaultValue: '@.hasDefaultValue',
              Schema: '@.schema',
              AllowedValues: '@.allowedValues',
            },
          },
          StartAt: '$.Body.startAt',
          MaxResults: '$.Body.maxResults',
          Total: '$.Body.total',
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Fields of a Bug in OPS', Input: { ProjectIdOrKey: 'OPS', IssueTypeId: '10004' } }],
      reference: ref('issues', 'GET', '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}'),
      requires: READ,
    },
    {
      ActionId: 'AddWorklog',
      Name: 'Log work',
      Description:
        "Logs time spent on an issue (time tracking must be on): TimeSpent as Jira writes it ('3h 20m', '1d', '45m') or TimeSpentSeconds, when the work Started, and an optional comment (plain text or ADF). The remaining estimate is reduced automatically unless AdjustEstimate says otherwise ('new' with NewEstimate, 'manual' with ReduceBy, 'leave'). Returns the worklog's id.",
      InputSchema: {
        type: 'object',
        required: ['IssueIdOrKey', 'Started'],
        oneOf: [{ required: ['TimeSpent'] }, { required: ['TimeSpentSeconds'] }],
        properties: {
          IssueIdOrKey: issueIdOrKey,
          TimeSpent: {
            type: 'string',
            pattern: '^\\s*\\d+(?:\\.\\d+)?[wdhm]?(?:\\s+\\d+(?:\\.\\d+)?[wdhm])*\\s*$',
            maxLength: 64,
            description: "e.g. '3h 20m', '1d', '45m'.",
          },
          TimeSpentSeconds: { type: 'integer', minimum: 60 },
          Started: jiraDateTime,
          Comment: richText,
          AdjustEstimate: { enum: ['new', 'leave', 'manual', 'auto'] },
          NewEstimate: { type: 'string', maxLength: 64, description: "The new remaining estimate (AdjustEstimate 'new'), e.g. '2d'." },
          ReduceBy: { type: 'string', maxLength: 64, description: "How much to reduce the remaining estimate by (AdjustEstimate 'manual'), e.g. '2h'." },
          NotifyUsers: { type: 'boolean' },
        },
      },
      request: {
        method: 'POST',
        path: '/rest/api/3/issue/{IssueIdOrKey}/worklog',
        query: { adjustEstimate: '$.AdjustEstimate', newEstimate: '$.NewEstimate', reduceBy: '$.ReduceBy', notifyUsers: '$.NotifyUsers' },
        body: {
          encoding: 'json',
          value: { timeSpent: '$.TimeSpent', timeSpentSeconds: '$.TimeSpentSeconds', started: '$.Started', comment: { $hook: 'adf', $of: '$.Comment' } },
        },
      },
      output: {
        value: {
          Id: '$.Body.id',
          IssueId: '$.Body.issueId',
          TimeSpent: '$.Body.timeSpent',
          TimeSpentSeconds: '$.Body.timeSpentSeconds',
          Started: '$.Body.started',
          Author: '$.Body.author.displayName',
        },
      },
      idempotent: false,
      Examples: [
        {
          Title: 'Log 2 hours on OPS-24',
          Input: { IssueIdOrKey: 'OPS-24', TimeSpent: '2h', Started: '2024-05-01T09:30:00.000+0000', Comment: 'Cleaned up the disk.' },
        },
        {
          Title: 'Log 45 minutes, leaving the estimate',
          Input: { IssueIdOrKey: 'OPS-24', TimeSpentSeconds: 2700, Started: '2024-05-02T14:00:00.000+0200', AdjustEstimate: 'leave' },
        },
      ],
      reference: ref('issue-worklogs', 'POST', '/rest/api/3/issue/{issueIdOrKey}/worklog'),
      requires: WRITE,
    },
    {
      ActionId: 'ListWorklogs',
      Name: 'List worklogs',
      Description:
        "Lists the time logged on an issue, oldest first: each worklog's id, author, time spent, start and comment (as plain text and as Atlassian Document Format). StartedAfter/StartedBefore (Unix time in milliseconds) narrow it. Pages: pass StartAt + MaxResults as the next StartAt while it is below Total.",
      InputSchema: {
        type: 'object',
        required: ['IssueIdOrKey'],
        properties: {
          IssueIdOrKey: issueIdOrKey,
          StartAt: startAt,
          MaxResults: { type: 'integer', minimum: 1, maximum: 5000 },
          StartedAfter: { type: 'integer', minimum: 0, description: 'Only worklogs started on or after this time (Unix milliseconds).' },
          StartedBefore: { type: 'integer', minimum: 0, description: 'Only worklogs started before this time (Unix milliseconds).' },
        },
      },
      request: {
        method: 'GET',
        path: '/rest/api/3/issue/{IssueIdOrKey}/worklog',
        query: { startAt: '$.StartAt', maxResults: '$.MaxResults', startedAfter: '$.StartedAfter', startedBefore: '$.StartedBefore' },
      },
      output: {
        value: {
          Worklogs: {
            $each: '$.Body.worklogs',
            $as: {
              Id: '@.id',
              Author: '@.author.displayName',
              AuthorAccountId: '@.author.accountId',
              TimeSpent: '@.timeSpent',
              TimeSpentSeconds: '@.timeSpentSeconds',
              Started: '@.started',
              CommentText: { $hook: 'adfText', $of: '@.comment' },
              Comment: '@.comment',
            },
          },
          StartAt: '$.Body.startAt',
          MaxResults: '$.Body.maxResults',
          Total: '$.Body.total',
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Time logged on OPS-24', Input: { IssueIdOrKey: 'OPS-24' } }],
      reference: ref('issue-worklogs', 'GET', '/rest/api/3/issue/{issueIdOrKey}/worklog'),
      requires: READ,
    },
    {
      ActionId: 'AddAttachment',
      Name: 'Attach file to issue',
      Description: `Attaches a file to an issue: its content as base64 (at most ${ATTACHMENT_MAX / 1024 / 1024} MiB here; the site may allow less), a file name and optionally its media type. Returns the attachment's id, size and the URL of its content.`,
      InputSchema: {
        type: 'object',
        required: ['IssueIdOrKey', 'FileName', 'Content'],
        properties: {
          IssueIdOrKey: issueIdOrKey,
          FileName: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[^\\u0000-\\u001f\\u007f/\\\\]+$' },
          Content: base64Schema(ATTACHMENT_MAX),
          ContentType: { type: 'string', pattern: '^[\\w.+-]+/[\\w.+-]+$', default: 'application/octet-stream' },
        },
      },
      request: {
        method: 'POST',
        path: '/rest/api/3/issue/{IssueIdOrKey}/attachments',
        // Jira refuses multipart requests without it (its XSRF check).
        headers: { 'X-Atlassian-Token': 'no-check' },
        body: { encoding: 'multipart', value: { file: { content: { $fromBase64: '$.Content' }, filename: '$.FileName', contentType: '$.ContentType' } } },
      },
      output: { value: { Attachments: { $each: '$.Body', $as: attachmentOut('@') } } },
      binary: { maxBytes: ATTACHMENT_MAX },
      idempotent: false,
      Examples: [
        { Title: 'Attach a log file', Input: { IssueIdOrKey: 'OPS-24', FileName: 'db-1.log', Content: 'ZGlzayBmdWxsCg==', ContentType: 'text/plain' } },
      ],
      reference: ref('issue-attachments', 'POST', '/rest/api/3/issue/{issueIdOrKey}/attachments'),
      requires: WRITE,
    },
    {
      ActionId: 'ListAttachments',
      Name: 'List attachments of issue',
      Description:
        "Lists the files attached to an issue: each one's id, file name, size, media type, author, creation time and the URL of its content (fetched with the connector's credentials).",
      InputSchema: { type: 'object', required: ['IssueIdOrKey'], properties: { IssueIdOrKey: issueIdOrKey } },
      request: { method: 'GET', path: '/rest/api/3/issue/{IssueIdOrKey}', query: { fields: 'attachment' } },
      output: { value: { IssueKey: '$.Body.key', Attachments: { $each: '$.Body.fields.attachment', $as: attachmentOut('@') } } },
      idempotent: true,
      Examples: [{ Title: 'Files on OPS-24', Input: { IssueIdOrKey: 'OPS-24' } }],
      reference: ref('issues', 'GET', '/rest/api/3/issue/{issueIdOrKey}'),
      requires: READ,
    },
    {
      ActionId: 'GetAttachment',
      Name: 'Get attachment metadata',
      Description:
        "Returns an attachment's metadata by id (see ListAttachments): file name, size, media type, author, creation time and the URLs of its content and thumbnail.",
      InputSchema: { type: 'object', required: ['AttachmentId'], properties: { AttachmentId: { type: 'string', pattern: '^[0-9]{1,20}$' } } },
      request: { method: 'GET', path: '/rest/api/3/attachment/{AttachmentId}' },
      output: { value: attachmentOut('$.Body') },
      idempotent: true,
      Examples: [{ Title: 'Metadata of attachment 10000', Input: { AttachmentId: '10000' } }],
      reference: ref('issue-attachments', 'GET', '/rest/api/3/attachment/{id}'),
      requires: READ,
    },
    {
      ActionId: 'ListComments',
      Name: 'List comments',
      Description:
        "Lists an issue's comments, oldest first (OrderBy '-created' for newest first): each one's id, author, times, body as plain text (BodyText) and as Atlassian Document Format (Body). Pages: pass StartAt + MaxResults as the next StartAt while it is below Total.",
      InputSchema: {
        type: 'object',
        required: ['IssueIdOrKey'],
        properties: {
          IssueIdOrKey: issueIdOrKey,
          StartAt: startAt,
          MaxResults: { type: 'integer', minimum: 1, maximum: 100 },
          OrderBy: { enum: ['created', '-created', '+created'] },
        },
      },
      request: {
        method: 'GET',
        path: '/rest/api/3/issue/{IssueIdOrKey}/comment',
        query: { startAt: '$.StartAt', maxResults: '$.MaxResults', orderBy: '$.OrderBy' },
      },
      output: {
        value: {
          Comments: {
            $each: '$.Body.comments',
            $as: {
              Id: '@.id',
              Author: '@.author.displayName',
              AuthorAccountId: '@.author.accountId',
              Created: '@.created',
              Updated: '@.updated',
              BodyText: { $hook: 'adfText', $of: '@.body' },
              Body: '@.body',
            },
          },
          StartAt: '$.Body.startAt',
          MaxResults: '$.Body.maxResults',
          Total: '$.Body.total',
        },
      },
      idempotent: true,
      Examples: [
        { Title: 'Comments on OPS-24', Input: { IssueIdOrKey: 'OPS-24' } },
        { Title: 'The 5 latest comments', Input: { IssueIdOrKey: 'OPS-24', OrderBy: '-created', MaxResults: 5 } },
      ],
      reference: ref('issue-comments', 'GET', '/rest/api/3/issue/{issueIdOrKey}/comment'),
      requires: READ,
    },
    {
      ActionId: 'GetUser',
      Name: 'Get user',
      Description:
        "Returns a user by account id: display name, email address (if the user's privacy settings show it), whether active, account type and time zone.",
      InputSchema: { type: 'object', required: ['AccountId'], properties: { AccountId: accountId } },
      request: { method: 'GET', path: '/rest/api/3/user', query: { accountId: '$.AccountId' } },
      output: { value: userOut('$.Body') },
      idempotent: true,
      Examples: [{ Title: 'Who is this account?', Input: { AccountId: '5b10ac8d82e05b22cc7d4ef5' } }],
      reference: ref('users', 'GET', '/rest/api/3/user'),
      requires: USERS,
    },
    {
      ActionId: 'SearchUsers',
      Name: 'Search users',
      Description:
        "Finds users whose display name or email address starts with Query (e.g. 'mia' or 'mia@example.com'): each one's account id (what AssignIssue takes), display name and email (where visible). Active and inactive users both; at most the first 1000 matches, a page at a time (StartAt, MaxResults).",
      InputSchema: {
        type: 'object',
        required: ['Query'],
        properties: { Query: { type: 'string', minLength: 1, maxLength: 255 }, StartAt: startAt, MaxResults: { type: 'integer', minimum: 1, maximum: 1000 } },
      },
      request: { method: 'GET', path: '/rest/api/3/user/search', query: { query: '$.Query', startAt: '$.StartAt', maxResults: '$.MaxResults' } },
      output: { value: { Users: { $each: '$.Body', $as: userOut('@') } } },
      idempotent: true,
      Examples: [{ Title: 'Find Mia', Input: { Query: 'mia' } }],
      reference: ref('user-search', 'GET', '/rest/api/3/user/search'),
      requires: { ...USERS, rateLimit: "User search endpoints share one rate limit per site, on top of Jira's usual limits." },
    },
    {
      ActionId: 'DeleteIssue',
      Name: 'Delete issue',
      Description:
        'Deletes an issue for good (there is no trash in Jira; consider TransitionIssue to close it instead). An issue with sub-tasks is refused unless DeleteSubtasks is true, which deletes them too. Returns Deleted: true.',
      InputSchema: {
        type: 'object',
        required: ['IssueIdOrKey'],
        properties: { IssueIdOrKey: issueIdOrKey, DeleteSubtasks: { type: 'boolean', description: 'Also delete its sub-tasks (default false).' } },
      },
      request: { method: 'DELETE', path: '/rest/api/3/issue/{IssueIdOrKey}', query: { deleteSubtasks: { $string: '$.DeleteSubtasks' } } },
      output: { value: { Deleted: true } },
      // A repeat after a lost answer gets a 404 that would hide the deletion: not retried.
      idempotent: false,
      Examples: [
        { Title: 'Delete OPS-99', Input: { IssueIdOrKey: 'OPS-99' } },
        { Title: 'Delete OPS-98 and its sub-tasks', Input: { IssueIdOrKey: 'OPS-98', DeleteSubtasks: true } },
      ],
      reference: ref('issues', 'DELETE', '/rest/api/3/issue/{issueIdOrKey}'),
      requires: WRITE,
    },
    {
      ActionId: 'GetCurrentUser',
      Name: 'Get current user',
      Description: 'Returns the user the connector acts as: account id (e.g. to assign an issue to yourself), display name, email address, time zone.',
      InputSchema: { type: 'object', properties: {} },
      request: { method: 'GET', path: '/rest/api/3/myself' },
      output: { value: userOut('$.Body') },
      idempotent: true,
      Examples: [{ Title: 'Who am I?', Input: {} }],
      reference: ref('myself', 'GET', '/rest/api/3/myself'),
      requires: USERS,
    },
    {
      ActionId: 'LinkIssues',
      Name: 'Link issues',
      Description:
        "Links two issues with a link type by its name ('Blocks', 'Relates', 'Duplicate', 'Cloners' on most sites). Each type has an outward and an inward description ('blocks' / 'is blocked by'); which issue is which follows Jira's issue-linking model, so check the result with GetIssue and Fields ['issuelinks']. Optionally adds a comment. Returns Linked: true (repeating a link is not an error).",
      InputSchema: {
        type: 'object',
        required: ['Type', 'InwardIssueKey', 'OutwardIssueKey'],
        properties: {
          Type: { type: 'string', minLength: 1, maxLength: 255, description: "The link type's name, e.g. 'Blocks', 'Relates', 'Duplicate'." },
          InwardIssueKey: issueIdOrKey,
          OutwardIssueKey: issueIdOrKey,
          Comment: richText,
        },
      },
      request: {
        method: 'POST',
        path: '/rest/api/3/issueLink',
        body: {
          encoding: 'json',
          value: {
            type: { name: '$.Type' },
            inwardIssue: { key: '$.InwardIssueKey' },
            outwardIssue: { key: '$.OutwardIssueKey' },
            comment: { body: { $hook: 'adf', $of: '$.Comment' } },
          },
        },
      },
      output: { value: { Linked: true } },
      idempotent: false,
      Examples: [{ Title: 'OPS-24 blocks OPS-30', Input: { Type: 'Blocks', OutwardIssueKey: 'OPS-24', InwardIssueKey: 'OPS-30' } }],
      reference: ref('issue-links', 'POST', '/rest/api/3/issueLink'),
      requires: WRITE,
    },
    {
      ActionId: 'ListIssueLinkTypes',
      Name: 'List issue link types',
      Description:
        "Lists the kinds of link issues can have on this site: each type's id, name (what LinkIssues takes) and its outward and inward descriptions ('blocks' / 'is blocked by').",
      InputSchema: { type: 'object', properties: {} },
      request: { method: 'GET', path: '/rest/api/3/issueLinkType' },
      output: { value: { LinkTypes: { $each: '$.Body.issueLinkTypes', $as: { Id: '@.id', Name: '@.name', Outward: '@.outward', Inward: '@.inward' } } } },
      idempotent: true,
      Examples: [{ Title: 'Which link types are there?', Input: {} }],
      reference: ref('issue-link-types', 'GET', '/rest/api/3/issueLinkType'),
      requires: READ,
    },
    {
      ActionId: 'AddWatcher',
      Name: 'Add watcher',
      Description:
        'Makes a user (by account id: see SearchUsers, or GetCurrentUser for yourself) a watcher of an issue, so they get its notifications. Watching must be on for the site; adding someone else needs the Manage watcher list permission. Returns Watching: true.',
      InputSchema: { type: 'object', required: ['IssueIdOrKey', 'AccountId'], properties: { IssueIdOrKey: issueIdOrKey, AccountId: accountId } },
      // The body is the account id as a JSON string.
      request: { method: 'POST', path: '/rest/api/3/issue/{IssueIdOrKey}/watchers', body: { encoding: 'json', value: '$.AccountId' } },
      output: { value: { Watching: true } },
      // Watching twice is watching: a repeat changes nothing.
      idempotent: true,
      Examples: [{ Title: 'Watch OPS-24', Input: { IssueIdOrKey: 'OPS-24', AccountId: '5b10ac8d82e05b22cc7d4ef5' } }],
      reference: ref('issue-watchers', 'POST', '/rest/api/3/issue/{issueIdOrKey}/watchers'),
      requires: WRITE,
    },
  ],
};
