// ASANA: Asana REST API 1.0 (BaseEndpoint https://app.asana.com/api/1.0); bodies are wrapped in {"data": ...}.
import type { Catalog } from '../types.js';

const gid = { type: 'string', pattern: '^[0-9]{1,32}$' };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const optFields = { type: 'array', items: { type: 'string', pattern: '^[a-z0-9_.]+$' }, maxItems: 100 };
const taskOut = {
  Gid: '$.Body.data.gid',
  Name: '$.Body.data.name',
  Completed: '$.Body.data.completed',
  PermalinkUrl: '$.Body.data.permalink_url',
  Task: '$.Body.data',
};
const taskFields = {
  name: '$.Name',
  notes: '$.Notes',
  assignee: '$.Assignee',
  due_on: '$.DueOn',
  completed: '$.Completed',
};

export const asana: Catalog = {
  Type: 'ASANA',
  Api: 'Asana REST API 1.0',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'CreateTask',
      Name: 'Create task',
      Description: 'Creates a task in a workspace, or in projects (their workspace is implied).',
      InputSchema: {
        type: 'object',
        required: ['Name'],
        anyOf: [{ required: ['WorkspaceGid'] }, { required: ['ProjectGids'] }],
        properties: {
          Name: { type: 'string', minLength: 1, maxLength: 1024 },
          Notes: { type: 'string', maxLength: 65536 },
          WorkspaceGid: gid,
          ProjectGids: { type: 'array', items: gid, minItems: 1, maxItems: 20 },
          Assignee: { type: 'string', minLength: 1, maxLength: 255, description: "A user gid, an email, or 'me'." },
          DueOn: date,
          Completed: { type: 'boolean' },
          Fields: { type: 'object', description: 'Other task fields as Asana names them (e.g. custom_fields), merged into data.' },
        },
      },
      request: {
        method: 'POST',
        path: '/tasks',
        body: { encoding: 'json', value: { data: { $merge: [{ ...taskFields, workspace: '$.WorkspaceGid', projects: '$.ProjectGids' }, '$.Fields'] } } },
      },
      output: { value: taskOut },
      idempotent: false,
    },
    {
      ActionId: 'GetTask',
      Name: 'Get task',
      Description: 'Returns a task.',
      InputSchema: { type: 'object', required: ['TaskGid'], properties: { TaskGid: gid, OptFields: optFields } },
      request: { method: 'GET', path: '/tasks/{TaskGid}', query: { opt_fields: { $join: '$.OptFields' } } },
      output: { value: taskOut },
      idempotent: true,
    },
    {
      ActionId: 'UpdateTask',
      Name: 'Update task',
      Description: 'Changes a task: name, notes, assignee, due date, completion.',
      InputSchema: {
        type: 'object',
        required: ['TaskGid'],
        properties: {
          TaskGid: gid,
          Name: { type: 'string', minLength: 1, maxLength: 1024 },
          Notes: { type: 'string', maxLength: 65536 },
          Assignee: { type: ['string', 'null'], maxLength: 255, description: "A user gid, an email, 'me', or null to unassign." },
          DueOn: { anyOf: [date, { type: 'null' }] },
          Completed: { type: 'boolean' },
          Fields: { type: 'object' },
        },
      },
      request: { method: 'PUT', path: '/tasks/{TaskGid}', body: { encoding: 'json', value: { data: { $merge: [taskFields, '$.Fields'] } } } },
      output: { value: taskOut },
      idempotent: true,
    },
    {
      ActionId: 'ListProjects',
      Name: 'List projects',
      Description: 'Lists projects of a workspace or team, a page at a time.',
      InputSchema: {
        type: 'object',
        anyOf: [{ required: ['WorkspaceGid'] }, { required: ['TeamGid'] }],
        properties: {
          WorkspaceGid: gid,
          TeamGid: gid,
          Archived: { type: 'boolean' },
          Limit: { type: 'integer', minimum: 1, maximum: 100 },
          NextToken: { type: 'string', minLength: 1, maxLength: 1024 },
        },
      },
      request: {
        method: 'GET',
        path: '/projects',
        query: { workspace: '$.WorkspaceGid', team: '$.TeamGid', archived: '$.Archived', limit: '$.Limit', offset: '$.NextToken' },
      },
      output: {
        value: {
          Projects: { $each: '$.Body.data', $as: { Gid: '@.gid', Name: '@.name' } },
          NextToken: '$.Body.next_page.offset',
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'SearchTasks',
      Name: 'Search tasks',
      Description: 'Searches the tasks of a workspace by text, assignee, project and completion (premium Asana workspaces).',
      InputSchema: {
        type: 'object',
        required: ['WorkspaceGid'],
        properties: {
          WorkspaceGid: gid,
          Text: { type: 'string', minLength: 1, maxLength: 1024 },
          AssigneeAny: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 255 }, maxItems: 50 },
          ProjectsAny: { type: 'array', items: gid, maxItems: 50 },
          Completed: { type: 'boolean' },
          DueOnBefore: date,
          SortBy: { enum: ['due_date', 'created_at', 'completed_at', 'likes', 'modified_at'] },
          Limit: { type: 'integer', minimum: 1, maximum: 100 },
          OptFields: optFields,
        },
      },
      request: {
        method: 'GET',
        path: '/workspaces/{WorkspaceGid}/tasks/search',
        query: {
          text: '$.Text',
          'assignee.any': { $join: '$.AssigneeAny' },
          'projects.any': { $join: '$.ProjectsAny' },
          completed: '$.Completed',
          'due_on.before': '$.DueOnBefore',
          sort_by: '$.SortBy',
          limit: '$.Limit',
          opt_fields: { $join: '$.OptFields' },
        },
      },
      output: { value: { Tasks: { $each: '$.Body.data', $as: { Gid: '@.gid', Name: '@.name' } } } },
      idempotent: true,
    },
  ],
};
