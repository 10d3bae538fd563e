// JIRA_CLOUD: Jira Cloud platform REST API v3 (rich text in Atlassian Document Format).
// BaseEndpoint: https://{site}.atlassian.net (API token) or https://api.atlassian.com/ex/jira/{cloudId} (OAuth 2.0 3LO).
import type { Catalog } from '../types.js';

const issueIdOrKey = { type: 'string', minLength: 1, maxLength: 255, description: "An issue id ('10002') or key ('PROJ-123')." };
const richText = {
  description: 'Plain text (paragraphs at blank lines) or an Atlassian Document Format document.',
  anyOf: [
    { type: 'string', maxLength: 32767 },
    { type: 'object', required: ['type'], properties: { type: { const: 'doc' } } },
  ],
};
const fieldList = { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_.\\-*!]+$' }, maxItems: 100 };

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
      Description: 'Creates an issue (or a sub-task, with ParentKey) in a project. Description may be plain text or an ADF document.',
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
    },
    {
      ActionId: 'GetIssue',
      Name: 'Get issue',
      Description: 'Returns an issue: its id, key and fields (all navigable fields unless Fields lists some).',
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
      output: { value: { Id: '$.Body.id', Key: '$.Body.key', Fields: '$.Body.fields' } },
      idempotent: true,
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
      Description: 'Adds a comment to an issue. Body may be plain text or an ADF document.',
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
    },
    {
      ActionId: 'GetTransitions',
      Name: 'List transitions',
      Description: 'Lists the transitions an issue can take now (ids for TransitionIssue) and the status each leads to.',
      InputSchema: { type: 'object', required: ['IssueIdOrKey'], properties: { IssueIdOrKey: issueIdOrKey } },
      request: { method: 'GET', path: '/rest/api/3/issue/{IssueIdOrKey}/transitions' },
      output: {
        value: {
          Transitions: { $each: '$.Body.transitions', $as: { Id: '@.id', Name: '@.name', ToStatus: '@.to.name' } },
        },
      },
      idempotent: true,
    },
    {
      ActionId: 'TransitionIssue',
      Name: 'Transition issue',
      Description: 'Moves an issue through its workflow with a transition id (see GetTransitions), optionally with a comment and fields.',
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
    },
  ],
};
