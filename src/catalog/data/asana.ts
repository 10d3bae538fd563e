// ASANA: Asana REST API 1.0 (BaseEndpoint https://app.asana.com/api/1.0); bodies are wrapped in {"data": ...}.
// Checked against Asana's OpenAPI description (Asana/openapi defs/asana_oas.yaml). Scopes are the
// OAuth permission scopes the spec lists per operation; an operation that lists none needs the
// full-access `default` scope (a personal access token always has it). Lists page with `limit`
// (1–100) and the `offset` token of `next_page`; without `opt_fields` Asana returns compact
// records (gid, name, resource_type).
import type { Catalog, Template } from '../types.js';

const gid = { type: 'string', pattern: '^[0-9]{1,32}$' };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const dateTime = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})$',
  description: "An ISO 8601 date-time, e.g. '2025-03-01T09:00:00Z'.",
};
const optFields = {
  type: 'array',
  items: { type: 'string', pattern: '^[a-z0-9_.]+$' },
  maxItems: 100,
  description: "Extra fields Asana should return (opt_fields), e.g. ['name', 'completed', 'due_on', 'assignee.name', 'permalink_url'].",
};
const user = { type: 'string', minLength: 1, maxLength: 255, description: "A user gid, an email, or 'me'." };
const limit = { type: 'integer', minimum: 1, maximum: 100, description: 'Results per page (1–100).' };
const nextToken = { type: 'string', minLength: 1, maxLength: 1024, description: 'The NextToken of the previous page.' };
const completedSince = {
  type: 'string',
  pattern: '^(now|\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2}))?)$',
  description: "Only tasks incomplete or completed since this date-time; 'now' returns incomplete tasks only.",
};
const paging = { inputToken: 'NextToken', outputToken: 'NextToken' };
const nextPage = '$.Body.next_page.offset';

const ref = (operationId: string) => `https://developers.asana.com/reference/${operationId.toLowerCase()}`;
const standard = 'Per token: 150 requests per minute on free workspaces, 1,500 on paid ones; at most 50 concurrent reads and 15 concurrent writes';
const needs = (...scopes: string[]) => ({ scopes, rateLimit: standard });

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
/** A task of a list: the usual fields when asked for with OptFields, and every field as Asana sent it. */
const taskItem: Template = {
  Gid: '@.gid',
  Name: '@.name',
  Completed: '@.completed',
  DueOn: '@.due_on',
  AssigneeGid: '@.assignee.gid',
  AssigneeName: '@.assignee.name',
  PermalinkUrl: '@.permalink_url',
  Task: '@',
};
const taskList = { Tasks: { $each: '$.Body.data', $as: taskItem }, NextToken: nextPage };
const taskListOut =
  'Returns Tasks (Gid, Name, and the fields asked for in OptFields; Task holds each record as Asana sent it) and NextToken when there are more.';
const newTask = {
  Name: { type: 'string', minLength: 1, maxLength: 1024 },
  Notes: { type: 'string', maxLength: 65536, description: 'The description, plain text.' },
  Assignee: user,
  DueOn: date,
  Completed: { type: 'boolean' },
};
const project = (at: string): Template => ({
  Gid: `${at}.gid`,
  Name: `${at}.name`,
  Archived: `${at}.archived`,
  Color: `${at}.color`,
  Notes: `${at}.notes`,
  DueOn: `${at}.due_on`,
  OwnerName: `${at}.owner.name`,
  TeamName: `${at}.team.name`,
  WorkspaceGid: `${at}.workspace.gid`,
  PermalinkUrl: `${at}.permalink_url`,
});
const story = (at: string): Template => ({
  Gid: `${at}.gid`,
  Type: `${at}.type`,
  ResourceSubtype: `${at}.resource_subtype`,
  Text: `${at}.text`,
  CreatedAt: `${at}.created_at`,
  CreatedByGid: `${at}.created_by.gid`,
  CreatedByName: `${at}.created_by.name`,
  IsPinned: `${at}.is_pinned`,
});
const asanaUser = (at: string): Template => ({
  Gid: `${at}.gid`,
  Name: `${at}.name`,
  Email: `${at}.email`,
  Workspaces: { $each: `${at}.workspaces`, $as: { Gid: '@.gid', Name: '@.name' } },
});

export const asana: Catalog = {
  Type: 'ASANA',
  Api: 'Asana REST API 1.0',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'CreateTask',
      Name: 'Create task',
      Description:
        'Creates a task in a workspace, or in projects (their workspace is implied), optionally assigned and with a due date. ' +
        'Returns Gid (pass it as TaskGid to other task actions), Name, Completed, PermalinkUrl and the whole Task. ' +
        'Fields takes other task fields as Asana names them (custom_fields, followers, tags, start_on, html_notes...). For a subtask use CreateSubtask.',
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
      Examples: [
        {
          Title: 'Create a task in a project, assigned to me',
          Input: { Name: 'Write the runbook', Notes: 'For the db failover', ProjectGids: ['1204729000'], Assignee: 'me', DueOn: '2025-03-01' },
        },
        {
          Title: 'Create a task in a workspace with a custom field',
          Input: { Name: 'Renew the TLS certificate', WorkspaceGid: '1204720000', Fields: { custom_fields: { '1204730001': 'High' } } },
        },
      ],
      reference: ref('createTask'),
      requires: needs('tasks:write'),
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
      Description:
        'Returns one task by gid: Gid, Name, Completed, PermalinkUrl, and in Task the full record (assignee, due_on, notes, projects, memberships, custom_fields, followers...). ' +
        'OptFields narrows or extends what Asana returns (e.g. assignee.name, projects.name).',
      InputSchema: { type: 'object', required: ['TaskGid'], properties: { TaskGid: gid, OptFields: optFields } },
      Examples: [
        { Title: 'Get a task', Input: { TaskGid: '1204729034' } },
        {
          Title: 'Get a task with chosen fields',
          Input: { TaskGid: '1204729034', OptFields: ['name', 'completed', 'assignee.name', 'due_on', 'permalink_url'] },
        },
      ],
      reference: ref('getTask'),
      requires: needs('tasks:read'),
      request: { method: 'GET', path: '/tasks/{TaskGid}', query: { opt_fields: { $join: '$.OptFields' } } },
      output: { value: taskOut },
      idempotent: true,
    },
    {
      ActionId: 'UpdateTask',
      Name: 'Update task',
      Description:
        'Changes a task: name, notes, assignee (null unassigns), due date (null clears it), completion, or other fields by their Asana names in Fields. ' +
        'Only the members given change. Returns the updated task. To move it between projects or sections use AddTaskToProject or AddTaskToSection.',
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
      Examples: [
        { Title: 'Reassign a task and move its due date', Input: { TaskGid: '1204729034', Assignee: 'kim@example.com', DueOn: '2025-03-15' } },
        { Title: 'Unassign a task', Input: { TaskGid: '1204729034', Assignee: null } },
      ],
      reference: ref('updateTask'),
      requires: needs('tasks:write'),
      request: { method: 'PUT', path: '/tasks/{TaskGid}', body: { encoding: 'json', value: { data: { $merge: [taskFields, '$.Fields'] } } } },
      output: { value: taskOut },
      idempotent: true,
    },
    {
      ActionId: 'ListProjects',
      Name: 'List projects',
      Description:
        'Lists the projects of a workspace (or of a team: Asana deprecates that filter), optionally only archived or unarchived ones, a page at a time. ' +
        'Returns Projects (Gid, Name) and NextToken when there are more. Find WorkspaceGid with ListWorkspaces.',
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
      Examples: [{ Title: 'List the active projects of a workspace', Input: { WorkspaceGid: '1204720000', Archived: false, Limit: 50 } }],
      reference: ref('getProjects'),
      requires: needs('projects:read'),
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
      Description:
        'Searches the tasks of a workspace by text (name and description), assignee, project, completion and due date. ' +
        'Premium only: Asana answers 402 Payment Required for workspaces without a paid plan. Results are not paginated: ' +
        'at most Limit (100) tasks, sorted by SortBy (default modified_at, newest first); narrow the query to see others. Returns Tasks (Gid, Name).',
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
          SortBy: { enum: ['due_date', 'created_at', 'completed_at', 'likes', 'modified_at', 'relevance'] },
          Limit: { type: 'integer', minimum: 1, maximum: 100 },
          OptFields: optFields,
        },
      },
      Examples: [
        { Title: 'Find my open tasks about the runbook', Input: { WorkspaceGid: '1204720000', Text: 'runbook', AssigneeAny: ['me'], Completed: false } },
        {
          Title: 'Open tasks of a project due before a date',
          Input: { WorkspaceGid: '1204720000', ProjectsAny: ['1204729000'], Completed: false, DueOnBefore: '2025-04-01', SortBy: 'due_date' },
        },
      ],
      reference: ref('searchTasksForWorkspace'),
      requires: { scopes: ['tasks:read'], rateLimit: 'Search: 60 requests per minute (on top of the standard per-token limits); premium workspaces only' },
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
    {
      ActionId: 'ListProjectTasks',
      Name: 'List tasks in project',
      Description:
        "Lists the tasks of a project in the project's order, a page at a time (Limit up to 100; pass NextToken for the next page). " +
        "CompletedSince 'now' leaves out completed tasks. " +
        'Without OptFields each task has only Gid and Name; ask for e.g. completed, due_on, assignee.name, permalink_url, memberships.section.name. ' +
        taskListOut,
      InputSchema: {
        type: 'object',
        required: ['ProjectGid'],
        properties: { ProjectGid: gid, CompletedSince: completedSince, OptFields: optFields, Limit: limit, NextToken: nextToken },
      },
      Examples: [
        {
          Title: 'Open tasks of a project with assignee and due date',
          Input: { ProjectGid: '1204729000', CompletedSince: 'now', OptFields: ['name', 'completed', 'due_on', 'assignee.name'], Limit: 50 },
        },
        { Title: 'All tasks of a project', Input: { ProjectGid: '1204729000' } },
      ],
      reference: ref('getTasksForProject'),
      requires: needs('tasks:read'),
      request: {
        method: 'GET',
        path: '/projects/{ProjectGid}/tasks',
        query: { completed_since: '$.CompletedSince', opt_fields: { $join: '$.OptFields' }, limit: '$.Limit', offset: '$.NextToken' },
      },
      output: { value: taskList },
      pagination: paging,
      idempotent: true,
    },
    {
      ActionId: 'AddComment',
      Name: 'Add comment to task',
      Description:
        "Adds a comment (a comment story) to a task, authored by the connector's user. Give Text (plain), or HtmlText (rich text wrapped in <body>...</body>; " +
        '@-mention a user with <a data-asana-gid="USER_GID"/>). IsPinned pins it to the top. Returns the new story: Gid, Text, CreatedAt, CreatedByName.',
      InputSchema: {
        type: 'object',
        required: ['TaskGid'],
        oneOf: [{ required: ['Text'] }, { required: ['HtmlText'] }],
        properties: {
          TaskGid: gid,
          Text: { type: 'string', minLength: 1, maxLength: 65536 },
          HtmlText: { type: 'string', pattern: '^<body>[\\s\\S]*</body>$', maxLength: 65536 },
          IsPinned: { type: 'boolean' },
        },
      },
      Examples: [
        { Title: 'Comment on a task', Input: { TaskGid: '1204729034', Text: 'Runbook draft is in the wiki; please review by Friday.' } },
        {
          Title: 'Pinned rich-text comment',
          Input: { TaskGid: '1204729034', HtmlText: '<body><strong>Decision:</strong> we fail over manually.</body>', IsPinned: true },
        },
      ],
      reference: ref('createStoryForTask'),
      requires: needs('stories:write'),
      request: {
        method: 'POST',
        path: '/tasks/{TaskGid}/stories',
        body: { encoding: 'json', value: { data: { text: '$.Text', html_text: '$.HtmlText', is_pinned: '$.IsPinned' } } },
      },
      output: { value: story('$.Body.data') },
      idempotent: false,
    },
    {
      ActionId: 'ListTaskStories',
      Name: 'List task comments and activity',
      Description:
        "Lists a task's stories, oldest first: the comments (Type 'comment') and the activity Asana records (Type 'system': assigned, moved, completed...). " +
        'Returns Stories (Gid, Type, ResourceSubtype, Text, CreatedAt, CreatedByName, IsPinned) and NextToken when there are more.',
      InputSchema: { type: 'object', required: ['TaskGid'], properties: { TaskGid: gid, OptFields: optFields, Limit: limit, NextToken: nextToken } },
      Examples: [{ Title: 'Read the comments of a task', Input: { TaskGid: '1204729034', OptFields: ['type', 'text', 'created_at', 'created_by.name'] } }],
      reference: ref('getStoriesForTask'),
      requires: needs('stories:read'),
      request: {
        method: 'GET',
        path: '/tasks/{TaskGid}/stories',
        query: { opt_fields: { $join: '$.OptFields' }, limit: '$.Limit', offset: '$.NextToken' },
      },
      output: { value: { Stories: { $each: '$.Body.data', $as: story('@') }, NextToken: nextPage } },
      pagination: paging,
      idempotent: true,
    },
    {
      ActionId: 'CompleteTask',
      Name: 'Complete task',
      Description:
        'Marks a task complete (or, with Completed false, incomplete again). Returns the task: Gid, Name, Completed, PermalinkUrl, Task. ' +
        'Completing a task does not complete its subtasks.',
      InputSchema: { type: 'object', required: ['TaskGid'], properties: { TaskGid: gid, Completed: { type: 'boolean', default: true } } },
      Examples: [
        { Title: 'Complete a task', Input: { TaskGid: '1204729034' } },
        { Title: 'Reopen a task', Input: { TaskGid: '1204729034', Completed: false } },
      ],
      reference: ref('updateTask'),
      requires: needs('tasks:write'),
      request: { method: 'PUT', path: '/tasks/{TaskGid}', body: { encoding: 'json', value: { data: { completed: { $coalesce: ['$.Completed', true] } } } } },
      output: { value: taskOut },
      idempotent: true,
    },
    {
      ActionId: 'DeleteTask',
      Name: 'Delete task',
      Description:
        'Deletes a task (and its subtasks): it goes to the trash of the user, who can restore it in Asana for 30 days; the API cannot undo it. Returns Deleted: true.',
      InputSchema: { type: 'object', required: ['TaskGid'], properties: { TaskGid: gid } },
      Examples: [{ Title: 'Delete a duplicate task', Input: { TaskGid: '1204729035' } }],
      reference: ref('deleteTask'),
      requires: needs('tasks:delete'),
      request: { method: 'DELETE', path: '/tasks/{TaskGid}' },
      output: { value: { Deleted: true } },
      idempotent: true,
    },
    {
      ActionId: 'AddTaskToProject',
      Name: 'Add task to project',
      Description:
        'Adds a task to a project (a task can be in several), at the end unless placed: SectionGid alone puts it at the end of that section; ' +
        'InsertBefore or InsertAfter (not both) name a task of the project (of the section, with SectionGid) to place it next to. ' +
        'On a task already in the project it reorders the task. Returns Added: true.',
      InputSchema: {
        type: 'object',
        required: ['TaskGid', 'ProjectGid'],
        properties: { TaskGid: gid, ProjectGid: gid, SectionGid: gid, InsertBefore: gid, InsertAfter: gid },
        not: { required: ['InsertBefore', 'InsertAfter'] },
      },
      Examples: [
        { Title: 'Add a task to a project', Input: { TaskGid: '1204729034', ProjectGid: '1204729100' } },
        { Title: "Add a task to a project's In progress section", Input: { TaskGid: '1204729034', ProjectGid: '1204729000', SectionGid: '1204729011' } },
      ],
      reference: ref('addProjectForTask'),
      requires: needs('tasks:write'),
      request: {
        method: 'POST',
        path: '/tasks/{TaskGid}/addProject',
        body: {
          encoding: 'json',
          value: { data: { project: '$.ProjectGid', section: '$.SectionGid', insert_before: '$.InsertBefore', insert_after: '$.InsertAfter' } },
        },
      },
      output: { value: { Added: true } },
      idempotent: true,
    },
    {
      ActionId: 'AddTaskToSection',
      Name: 'Move task to section',
      Description:
        'Moves a task into a section (a list section or a board column), out of the other sections of that project; it goes to the top of the section ' +
        'unless InsertBefore or InsertAfter names another task of the section. Find sections with ListSections. Returns Moved: true.',
      InputSchema: {
        type: 'object',
        required: ['SectionGid', 'TaskGid'],
        properties: { SectionGid: gid, TaskGid: gid, InsertBefore: gid, InsertAfter: gid },
        not: { required: ['InsertBefore', 'InsertAfter'] },
      },
      Examples: [{ Title: 'Move a task to the Done column', Input: { SectionGid: '1204729012', TaskGid: '1204729034' } }],
      reference: ref('addTaskForSection'),
      requires: needs('tasks:write'),
      request: {
        method: 'POST',
        path: '/sections/{SectionGid}/addTask',
        body: { encoding: 'json', value: { data: { task: '$.TaskGid', insert_before: '$.InsertBefore', insert_after: '$.InsertAfter' } } },
      },
      output: { value: { Moved: true } },
      idempotent: true,
    },
    {
      ActionId: 'ListSections',
      Name: 'List sections of project',
      Description:
        "Lists a project's sections (list sections, or board columns) in order. Returns Sections (Gid, Name) and NextToken when there are more; " +
        'use a Gid with AddTaskToSection, ListSectionTasks, or as SectionGid of AddTaskToProject.',
      InputSchema: { type: 'object', required: ['ProjectGid'], properties: { ProjectGid: gid, Limit: limit, NextToken: nextToken } },
      Examples: [{ Title: 'List the columns of a board', Input: { ProjectGid: '1204729000' } }],
      reference: ref('getSectionsForProject'),
      requires: needs('default'),
      request: { method: 'GET', path: '/projects/{ProjectGid}/sections', query: { limit: '$.Limit', offset: '$.NextToken' } },
      output: { value: { Sections: { $each: '$.Body.data', $as: { Gid: '@.gid', Name: '@.name' } }, NextToken: nextPage } },
      pagination: paging,
      idempotent: true,
    },
    {
      ActionId: 'CreateSection',
      Name: 'Create section',
      Description:
        'Creates a section (a board column) in a project, at the end unless InsertBefore/InsertAfter name another section of it. Returns the new section: Gid, Name.',
      InputSchema: {
        type: 'object',
        required: ['ProjectGid', 'Name'],
        properties: { ProjectGid: gid, Name: { type: 'string', minLength: 1, maxLength: 1024 }, InsertBefore: gid, InsertAfter: gid },
        not: { required: ['InsertBefore', 'InsertAfter'] },
      },
      Examples: [{ Title: 'Add a Blocked column', Input: { ProjectGid: '1204729000', Name: 'Blocked' } }],
      reference: ref('createSectionForProject'),
      requires: needs('default'),
      request: {
        method: 'POST',
        path: '/projects/{ProjectGid}/sections',
        body: { encoding: 'json', value: { data: { name: '$.Name', insert_before: '$.InsertBefore', insert_after: '$.InsertAfter' } } },
      },
      output: { value: { Gid: '$.Body.data.gid', Name: '$.Body.data.name' } },
      idempotent: false,
    },
    {
      ActionId: 'ListSectionTasks',
      Name: 'List tasks in section',
      Description:
        "Lists the tasks of one section (board column) of a project, a page at a time. CompletedSince 'now' leaves out completed tasks. " +
        'Without OptFields each task has only Gid and Name. ' +
        taskListOut,
      InputSchema: {
        type: 'object',
        required: ['SectionGid'],
        properties: { SectionGid: gid, CompletedSince: completedSince, OptFields: optFields, Limit: limit, NextToken: nextToken },
      },
      Examples: [
        {
          Title: 'Open tasks of the In progress column',
          Input: { SectionGid: '1204729011', CompletedSince: 'now', OptFields: ['name', 'assignee.name', 'due_on'] },
        },
      ],
      reference: ref('getTasksForSection'),
      requires: needs('tasks:read'),
      request: {
        method: 'GET',
        path: '/sections/{SectionGid}/tasks',
        query: { completed_since: '$.CompletedSince', opt_fields: { $join: '$.OptFields' }, limit: '$.Limit', offset: '$.NextToken' },
      },
      output: { value: taskList },
      pagination: paging,
      idempotent: true,
    },
    {
      ActionId: 'ListUserTasks',
      Name: "List a user's tasks",
      Description:
        "Lists the tasks assigned to a user ('me' for the connector's user) in a workspace, a page at a time; CompletedSince leaves out tasks completed before it " +
        '(Asana accepts a date-time), ModifiedSince keeps only tasks changed since. Without OptFields each task has only Gid and Name. ' +
        taskListOut,
      InputSchema: {
        type: 'object',
        required: ['Assignee', 'WorkspaceGid'],
        properties: {
          Assignee: user,
          WorkspaceGid: gid,
          CompletedSince: dateTime,
          ModifiedSince: dateTime,
          OptFields: optFields,
          Limit: limit,
          NextToken: nextToken,
        },
      },
      Examples: [
        {
          Title: 'My tasks not completed before this week',
          Input: {
            Assignee: 'me',
            WorkspaceGid: '1204720000',
            CompletedSince: '2025-03-03T00:00:00Z',
            OptFields: ['name', 'completed', 'due_on', 'projects.name'],
          },
        },
      ],
      reference: ref('getTasks'),
      requires: needs('tasks:read'),
      request: {
        method: 'GET',
        path: '/tasks',
        query: {
          assignee: '$.Assignee',
          workspace: '$.WorkspaceGid',
          completed_since: '$.CompletedSince',
          modified_since: '$.ModifiedSince',
          opt_fields: { $join: '$.OptFields' },
          limit: '$.Limit',
          offset: '$.NextToken',
        },
      },
      output: { value: taskList },
      pagination: paging,
      idempotent: true,
    },
    {
      ActionId: 'CreateSubtask',
      Name: 'Create subtask',
      Description:
        'Creates a subtask under a task (subtasks are in no project unless added; they show under their parent). Returns the new subtask: Gid, Name, Completed, PermalinkUrl, Task.',
      InputSchema: { type: 'object', required: ['TaskGid', 'Name'], properties: { TaskGid: gid, ...newTask } },
      Examples: [{ Title: 'Break a task down', Input: { TaskGid: '1204729034', Name: 'Document the DNS switch', Assignee: 'me', DueOn: '2025-02-27' } }],
      reference: ref('createSubtaskForTask'),
      requires: needs('tasks:write'),
      request: { method: 'POST', path: '/tasks/{TaskGid}/subtasks', body: { encoding: 'json', value: { data: taskFields } } },
      output: { value: taskOut },
      idempotent: false,
    },
    {
      ActionId: 'ListSubtasks',
      Name: 'List subtasks',
      Description: `Lists the subtasks of a task, a page at a time. Without OptFields each subtask has only Gid and Name. ${taskListOut}`,
      InputSchema: { type: 'object', required: ['TaskGid'], properties: { TaskGid: gid, OptFields: optFields, Limit: limit, NextToken: nextToken } },
      Examples: [{ Title: 'Subtasks with their completion', Input: { TaskGid: '1204729034', OptFields: ['name', 'completed', 'assignee.name'] } }],
      reference: ref('getSubtasksForTask'),
      requires: needs('tasks:read'),
      request: { method: 'GET', path: '/tasks/{TaskGid}/subtasks', query: { opt_fields: { $join: '$.OptFields' }, limit: '$.Limit', offset: '$.NextToken' } },
      output: { value: taskList },
      pagination: paging,
      idempotent: true,
    },
    {
      ActionId: 'GetProject',
      Name: 'Get project',
      Description:
        'Returns a project: Gid, Name, Archived, Color, Notes, DueOn, OwnerName, TeamName, WorkspaceGid, PermalinkUrl, and the whole record in Project ' +
        '(members, custom field settings, current status...). OptFields narrows or extends the fields.',
      InputSchema: { type: 'object', required: ['ProjectGid'], properties: { ProjectGid: gid, OptFields: optFields } },
      Examples: [{ Title: 'Get a project', Input: { ProjectGid: '1204729000' } }],
      reference: ref('getProject'),
      requires: needs('projects:read'),
      request: { method: 'GET', path: '/projects/{ProjectGid}', query: { opt_fields: { $join: '$.OptFields' } } },
      output: { value: { $merge: [project('$.Body.data'), { Project: '$.Body.data' }] } },
      idempotent: true,
    },
    {
      ActionId: 'CreateProject',
      Name: 'Create project',
      Description:
        'Creates a project in a workspace; in an organization a TeamGid is required (the project is shared with that team; Asana marks team and ' +
        'private_to_team deprecated, still accepted, in favour of sharing through memberships after creation). ' +
        'Privacy: public_to_workspace, private_to_team or private. DefaultView: list, board, calendar or timeline. Returns the new project (Gid, Name, PermalinkUrl...).',
      InputSchema: {
        type: 'object',
        required: ['Name', 'WorkspaceGid'],
        properties: {
          Name: { type: 'string', minLength: 1, maxLength: 1024 },
          WorkspaceGid: gid,
          TeamGid: gid,
          Notes: { type: 'string', maxLength: 65536 },
          DueOn: date,
          StartOn: date,
          Owner: user,
          Privacy: { enum: ['public_to_workspace', 'private_to_team', 'private'] },
          DefaultView: { enum: ['list', 'board', 'calendar', 'timeline'] },
          Color: {
            enum: [
              'dark-pink',
              'dark-green',
              'dark-blue',
              'dark-red',
              'dark-teal',
              'dark-brown',
              'dark-orange',
              'dark-purple',
              'dark-warm-gray',
              'light-pink',
              'light-green',
              'light-blue',
              'light-red',
              'light-teal',
              'light-brown',
              'light-orange',
              'light-purple',
              'light-warm-gray',
              'none',
            ],
          },
        },
      },
      Examples: [
        {
          Title: 'Create a board for a team',
          Input: {
            Name: 'Q3 launch',
            WorkspaceGid: '1204720000',
            TeamGid: '1204720500',
            DefaultView: 'board',
            Privacy: 'private_to_team',
            DueOn: '2025-09-30',
          },
        },
      ],
      reference: ref('createProject'),
      requires: needs('projects:write'),
      request: {
        method: 'POST',
        path: '/projects',
        body: {
          encoding: 'json',
          value: {
            data: {
              name: '$.Name',
              workspace: '$.WorkspaceGid',
              team: '$.TeamGid',
              notes: '$.Notes',
              due_on: '$.DueOn',
              start_on: '$.StartOn',
              owner: '$.Owner',
              privacy_setting: '$.Privacy',
              default_view: '$.DefaultView',
              color: '$.Color',
            },
          },
        },
      },
      output: { value: { $merge: [project('$.Body.data'), { Project: '$.Body.data' }] } },
      idempotent: false,
    },
    {
      ActionId: 'ListWorkspaces',
      Name: 'List workspaces',
      Description:
        "Lists the workspaces and organizations the connector's user belongs to: Workspaces (Gid, Name, IsOrganization). Start here to find the WorkspaceGid other actions need.",
      InputSchema: { type: 'object', properties: { Limit: limit, NextToken: nextToken } },
      Examples: [{ Title: 'My workspaces', Input: {} }],
      reference: ref('getWorkspaces'),
      requires: needs('workspaces:read'),
      request: { method: 'GET', path: '/workspaces', query: { opt_fields: 'name,is_organization', limit: '$.Limit', offset: '$.NextToken' } },
      output: {
        value: { Workspaces: { $each: '$.Body.data', $as: { Gid: '@.gid', Name: '@.name', IsOrganization: '@.is_organization' } }, NextToken: nextPage },
      },
      pagination: paging,
      idempotent: true,
    },
    {
      ActionId: 'GetUser',
      Name: 'Get user',
      Description:
        "Returns a user by gid or email, or the connector's own user with 'me': Gid, Name, Email and Workspaces (Gid, Name). " +
        "Use 'me' to learn who the connector acts as, and which workspaces it sees.",
      InputSchema: { type: 'object', required: ['User'], properties: { User: user } },
      Examples: [
        { Title: 'Who am I', Input: { User: 'me' } },
        { Title: 'Look up a colleague by email', Input: { User: 'kim@example.com' } },
      ],
      reference: ref('getUser'),
      requires: needs('users:read'),
      request: { method: 'GET', path: '/users/{User}' },
      output: { value: asanaUser('$.Body.data') },
      idempotent: true,
    },
    {
      ActionId: 'ListUsers',
      Name: 'List users',
      Description:
        'Lists the users of a workspace (or of a team), a page at a time: Users (Gid, Name, Email) and NextToken when there are more. ' +
        'Use it to find the gid to assign a task to or to add as a follower (an email works there too).',
      InputSchema: {
        type: 'object',
        anyOf: [{ required: ['WorkspaceGid'] }, { required: ['TeamGid'] }],
        properties: { WorkspaceGid: gid, TeamGid: gid, Limit: limit, NextToken: nextToken },
      },
      Examples: [{ Title: 'People in a workspace', Input: { WorkspaceGid: '1204720000', Limit: 100 } }],
      reference: ref('getUsers'),
      requires: needs('users:read'),
      request: {
        method: 'GET',
        path: '/users',
        query: { workspace: '$.WorkspaceGid', team: '$.TeamGid', opt_fields: 'name,email', limit: '$.Limit', offset: '$.NextToken' },
      },
      output: { value: { Users: { $each: '$.Body.data', $as: { Gid: '@.gid', Name: '@.name', Email: '@.email' } }, NextToken: nextPage } },
      pagination: paging,
      idempotent: true,
    },
    {
      ActionId: 'AddFollowers',
      Name: 'Add followers to task',
      Description:
        'Adds followers (collaborators, notified of changes and comments) to a task, by user gid, email or "me". Followers already there stay. ' +
        'Returns the task (Gid, Name, Completed, PermalinkUrl, Task). To change the assignee use UpdateTask.',
      InputSchema: {
        type: 'object',
        required: ['TaskGid', 'Followers'],
        properties: { TaskGid: gid, Followers: { type: 'array', items: user, minItems: 1, maxItems: 50 } },
      },
      Examples: [{ Title: 'Loop in two colleagues', Input: { TaskGid: '1204729034', Followers: ['kim@example.com', '1204725555'] } }],
      reference: ref('addFollowersForTask'),
      requires: needs('tasks:write'),
      request: { method: 'POST', path: '/tasks/{TaskGid}/addFollowers', body: { encoding: 'json', value: { data: { followers: '$.Followers' } } } },
      output: { value: taskOut },
      idempotent: true,
    },
    {
      ActionId: 'ListTags',
      Name: 'List tags',
      Description: 'Lists the tags of a workspace, a page at a time: Tags (Gid, Name, Color) and NextToken when there are more. Use a Gid with AddTagToTask.',
      InputSchema: { type: 'object', required: ['WorkspaceGid'], properties: { WorkspaceGid: gid, Limit: limit, NextToken: nextToken } },
      Examples: [{ Title: 'Tags of a workspace', Input: { WorkspaceGid: '1204720000' } }],
      reference: ref('getTagsForWorkspace'),
      requires: needs('tags:read'),
      request: { method: 'GET', path: '/workspaces/{WorkspaceGid}/tags', query: { opt_fields: 'name,color', limit: '$.Limit', offset: '$.NextToken' } },
      output: { value: { Tags: { $each: '$.Body.data', $as: { Gid: '@.gid', Name: '@.name', Color: '@.color' } }, NextToken: nextPage } },
      pagination: paging,
      idempotent: true,
    },
    {
      ActionId: 'AddTagToTask',
      Name: 'Tag task',
      Description: 'Adds a tag to a task (find tags with ListTags). Adding a tag the task already has changes nothing. Returns Tagged: true.',
      InputSchema: { type: 'object', required: ['TaskGid', 'TagGid'], properties: { TaskGid: gid, TagGid: gid } },
      Examples: [{ Title: 'Tag a task as urgent', Input: { TaskGid: '1204729034', TagGid: '1204731000' } }],
      reference: ref('addTagForTask'),
      requires: needs('tasks:write'),
      request: { method: 'POST', path: '/tasks/{TaskGid}/addTag', body: { encoding: 'json', value: { data: { tag: '$.TagGid' } } } },
      output: { value: { Tagged: true } },
      idempotent: true,
    },
    {
      ActionId: 'ListTeams',
      Name: 'List teams',
      Description:
        "Lists the teams of an organization that the connector's user can see, a page at a time: Teams (Gid, Name) and NextToken. A TeamGid is needed to create a project in an organization.",
      InputSchema: { type: 'object', required: ['WorkspaceGid'], properties: { WorkspaceGid: gid, Limit: limit, NextToken: nextToken } },
      Examples: [{ Title: 'Teams of the organization', Input: { WorkspaceGid: '1204720000' } }],
      reference: ref('getTeamsForWorkspace'),
      requires: needs('teams:read'),
      request: { method: 'GET', path: '/workspaces/{WorkspaceGid}/teams', query: { limit: '$.Limit', offset: '$.NextToken' } },
      output: { value: { Teams: { $each: '$.Body.data', $as: { Gid: '@.gid', Name: '@.name' } }, NextToken: nextPage } },
      pagination: paging,
      idempotent: true,
    },
  ],
};
