// Samples of the Asana and Smartsheet actions added for issue 16 (breadth): the input, the
// exact request the vendor must receive, an answer shaped like the vendor's documented
// examples (Asana's and Smartsheet's OpenAPI descriptions), and the InvokeAction result.
// test/catalog-actions.test.ts runs each one.
import type { HttpSample } from './catalog-samples.js';

const ASANA = 'https://app.asana.com/api/1.0';
const SMART = 'https://api.smartsheet.com/2.0';

// ── Asana ─────────────────────────────────────────────────────────────────────
const task = {
  gid: '1204729034',
  resource_type: 'task',
  name: 'Write the runbook',
  completed: false,
  due_on: '2025-03-01',
  assignee: { gid: '1204725555', resource_type: 'user', name: 'Greg Sanchez' },
  permalink_url: 'https://app.asana.com/0/1204729000/1204729034',
};
const taskOut = { Gid: '1204729034', Name: 'Write the runbook', Completed: false, PermalinkUrl: 'https://app.asana.com/0/1204729000/1204729034', Task: task };
const taskItemOut = {
  Gid: '1204729034',
  Name: 'Write the runbook',
  Completed: false,
  DueOn: '2025-03-01',
  AssigneeGid: '1204725555',
  AssigneeName: 'Greg Sanchez',
  PermalinkUrl: 'https://app.asana.com/0/1204729000/1204729034',
  Task: task,
};
const compactTask = { gid: '1204729036', resource_type: 'task', name: 'Test the failover', resource_subtype: 'default_task' };
const compactTaskOut = { Gid: '1204729036', Name: 'Test the failover', Task: compactTask };
const nextPage = (path: string, offset: string) => ({ offset, path: `${path}&offset=${offset}`, uri: `${ASANA}${path}&offset=${offset}` });
const OFFSET = 'eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9';
const comment = {
  gid: '1204740001',
  resource_type: 'story',
  created_at: '2025-02-20T14:03:11.512Z',
  created_by: { gid: '1204725555', resource_type: 'user', name: 'Greg Sanchez' },
  resource_subtype: 'comment_added',
  text: 'Runbook draft is in the wiki; please review by Friday.',
  type: 'comment',
  is_pinned: false,
};
const commentOut = {
  Gid: '1204740001',
  Type: 'comment',
  ResourceSubtype: 'comment_added',
  Text: 'Runbook draft is in the wiki; please review by Friday.',
  CreatedAt: '2025-02-20T14:03:11.512Z',
  CreatedByGid: '1204725555',
  CreatedByName: 'Greg Sanchez',
  IsPinned: false,
};
const systemStory = {
  gid: '1204740000',
  resource_type: 'story',
  created_at: '2025-02-19T09:00:00.000Z',
  created_by: { gid: '1204725555', resource_type: 'user', name: 'Greg Sanchez' },
  resource_subtype: 'assigned',
  text: 'assigned to you',
  type: 'system',
};
const project = {
  gid: '1204729000',
  resource_type: 'project',
  name: 'Operations',
  archived: false,
  color: 'light-green',
  notes: 'Runbooks, on-call and incident follow-ups.',
  due_on: '2025-12-31',
  owner: { gid: '1204725555', resource_type: 'user', name: 'Greg Sanchez' },
  team: { gid: '1204720500', resource_type: 'team', name: 'Platform' },
  workspace: { gid: '1204720000', resource_type: 'workspace', name: 'Acme Corp' },
  permalink_url: 'https://app.asana.com/0/1204729000/list',
  default_view: 'list',
};
const projectOut = {
  Gid: '1204729000',
  Name: 'Operations',
  Archived: false,
  Color: 'light-green',
  Notes: 'Runbooks, on-call and incident follow-ups.',
  DueOn: '2025-12-31',
  OwnerName: 'Greg Sanchez',
  TeamName: 'Platform',
  WorkspaceGid: '1204720000',
  PermalinkUrl: 'https://app.asana.com/0/1204729000/list',
  Project: project,
};
const newProject = {
  gid: '1204750000',
  resource_type: 'project',
  name: 'Q3 launch',
  archived: false,
  color: null,
  notes: '',
  due_on: '2025-09-30',
  owner: { gid: '1204725555', resource_type: 'user', name: 'Greg Sanchez' },
  team: { gid: '1204720500', resource_type: 'team', name: 'Platform' },
  workspace: { gid: '1204720000', resource_type: 'workspace', name: 'Acme Corp' },
  permalink_url: 'https://app.asana.com/0/1204750000/board',
  default_view: 'board',
  privacy_setting: 'private_to_team',
};

const asanaSamples: HttpSample[] = [
  {
    type: 'ASANA',
    actionId: 'ListProjectTasks',
    base: ASANA,
    input: { ProjectGid: '1204729000', CompletedSince: 'now', OptFields: ['name', 'completed', 'due_on', 'assignee.name', 'permalink_url'], Limit: 2 },
    expect: {
      method: 'GET',
      url: '/api/1.0/projects/1204729000/tasks?completed_since=now&opt_fields=name%2Ccompleted%2Cdue_on%2Cassignee.name%2Cpermalink_url&limit=2',
    },
    response: { json: { data: [task, compactTask], next_page: nextPage('/projects/1204729000/tasks?limit=2', OFFSET) } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Tasks: [taskItemOut, compactTaskOut], NextToken: OFFSET } },
  },
  {
    type: 'ASANA',
    actionId: 'ListProjectTasks',
    note: 'the last page: no NextToken',
    base: ASANA,
    input: { ProjectGid: '1204729000', NextToken: OFFSET },
    expect: { method: 'GET', url: `/api/1.0/projects/1204729000/tasks?offset=${OFFSET}` },
    response: { json: { data: [compactTask], next_page: null } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Tasks: [compactTaskOut] } },
  },
  {
    type: 'ASANA',
    actionId: 'AddComment',
    base: ASANA,
    input: { TaskGid: '1204729034', Text: 'Runbook draft is in the wiki; please review by Friday.' },
    expect: { method: 'POST', url: '/api/1.0/tasks/1204729034/stories', json: { data: { text: 'Runbook draft is in the wiki; please review by Friday.' } } },
    response: { status: 201, json: { data: comment } },
    result: { status: 'SUCCESS', httpStatus: 201, output: commentOut },
  },
  {
    type: 'ASANA',
    actionId: 'AddComment',
    note: 'rich text, pinned',
    base: ASANA,
    input: { TaskGid: '1204729034', HtmlText: '<body><strong>Decision:</strong> we fail over manually.</body>', IsPinned: true },
    expect: {
      method: 'POST',
      url: '/api/1.0/tasks/1204729034/stories',
      json: { data: { html_text: '<body><strong>Decision:</strong> we fail over manually.</body>', is_pinned: true } },
    },
    response: { status: 201, json: { data: { ...comment, gid: '1204740002', text: 'Decision: we fail over manually.', is_pinned: true } } },
    result: { status: 'SUCCESS', httpStatus: 201, output: { ...commentOut, Gid: '1204740002', Text: 'Decision: we fail over manually.', IsPinned: true } },
  },
  {
    type: 'ASANA',
    actionId: 'ListTaskStories',
    base: ASANA,
    input: { TaskGid: '1204729034', OptFields: ['type', 'text', 'created_at', 'created_by.name'], Limit: 50 },
    expect: { method: 'GET', url: '/api/1.0/tasks/1204729034/stories?opt_fields=type%2Ctext%2Ccreated_at%2Ccreated_by.name&limit=50' },
    response: { json: { data: [systemStory, comment], next_page: null } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Stories: [
          {
            Gid: '1204740000',
            Type: 'system',
            ResourceSubtype: 'assigned',
            Text: 'assigned to you',
            CreatedAt: '2025-02-19T09:00:00.000Z',
            CreatedByGid: '1204725555',
            CreatedByName: 'Greg Sanchez',
          },
          commentOut,
        ],
      },
    },
  },
  {
    type: 'ASANA',
    actionId: 'CompleteTask',
    base: ASANA,
    input: { TaskGid: '1204729034' },
    expect: { method: 'PUT', url: '/api/1.0/tasks/1204729034', json: { data: { completed: true } } },
    response: { json: { data: { ...task, completed: true } } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { ...taskOut, Completed: true, Task: { ...task, completed: true } } },
  },
  {
    type: 'ASANA',
    actionId: 'CompleteTask',
    note: 'reopen',
    base: ASANA,
    input: { TaskGid: '1204729034', Completed: false },
    expect: { method: 'PUT', url: '/api/1.0/tasks/1204729034', json: { data: { completed: false } } },
    response: { json: { data: task } },
    result: { status: 'SUCCESS', httpStatus: 200, output: taskOut },
  },
  {
    type: 'ASANA',
    actionId: 'DeleteTask',
    base: ASANA,
    input: { TaskGid: '1204729035' },
    expect: { method: 'DELETE', url: '/api/1.0/tasks/1204729035' },
    response: { json: { data: {} } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Deleted: true } },
  },
  {
    type: 'ASANA',
    actionId: 'DeleteTask',
    note: 'not found: a failed invocation with Asana error',
    base: ASANA,
    input: { TaskGid: '1204729099' },
    expect: { method: 'DELETE', url: '/api/1.0/tasks/1204729099' },
    response: {
      status: 404,
      json: {
        errors: [
          {
            message: 'task: Unknown object: 1204729099',
            help: 'For more information on API status codes and how to handle them, read the docs on errors: https://developers.asana.com/docs/errors',
          },
        ],
      },
    },
    result: {
      status: 'FAILED',
      httpStatus: 404,
      output: {
        errors: [
          {
            message: 'task: Unknown object: 1204729099',
            help: 'For more information on API status codes and how to handle them, read the docs on errors: https://developers.asana.com/docs/errors',
          },
        ],
      },
    },
  },
  {
    type: 'ASANA',
    actionId: 'AddTaskToProject',
    base: ASANA,
    input: { TaskGid: '1204729034', ProjectGid: '1204729000', SectionGid: '1204729011' },
    expect: { method: 'POST', url: '/api/1.0/tasks/1204729034/addProject', json: { data: { project: '1204729000', section: '1204729011' } } },
    response: { json: { data: {} } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Added: true } },
  },
  {
    type: 'ASANA',
    actionId: 'AddTaskToSection',
    base: ASANA,
    input: { SectionGid: '1204729012', TaskGid: '1204729034', InsertAfter: '1204729036' },
    expect: { method: 'POST', url: '/api/1.0/sections/1204729012/addTask', json: { data: { task: '1204729034', insert_after: '1204729036' } } },
    response: { json: { data: {} } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Moved: true } },
  },
  {
    type: 'ASANA',
    actionId: 'ListSections',
    base: ASANA,
    input: { ProjectGid: '1204729000' },
    expect: { method: 'GET', url: '/api/1.0/projects/1204729000/sections' },
    response: {
      json: {
        data: [
          { gid: '1204729010', resource_type: 'section', name: 'To do' },
          { gid: '1204729011', resource_type: 'section', name: 'In progress' },
          { gid: '1204729012', resource_type: 'section', name: 'Done' },
        ],
        next_page: null,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Sections: [
          { Gid: '1204729010', Name: 'To do' },
          { Gid: '1204729011', Name: 'In progress' },
          { Gid: '1204729012', Name: 'Done' },
        ],
      },
    },
  },
  {
    type: 'ASANA',
    actionId: 'CreateSection',
    base: ASANA,
    input: { ProjectGid: '1204729000', Name: 'Blocked', InsertBefore: '1204729012' },
    expect: { method: 'POST', url: '/api/1.0/projects/1204729000/sections', json: { data: { name: 'Blocked', insert_before: '1204729012' } } },
    response: {
      status: 201,
      json: {
        data: {
          gid: '1204729013',
          resource_type: 'section',
          name: 'Blocked',
          created_at: '2025-02-20T14:10:00.000Z',
          project: { gid: '1204729000', resource_type: 'project', name: 'Operations' },
        },
      },
    },
    result: { status: 'SUCCESS', httpStatus: 201, output: { Gid: '1204729013', Name: 'Blocked' } },
  },
  {
    type: 'ASANA',
    actionId: 'ListSectionTasks',
    base: ASANA,
    input: { SectionGid: '1204729011', CompletedSince: '2025-02-01T00:00:00Z', Limit: 1 },
    expect: { method: 'GET', url: '/api/1.0/sections/1204729011/tasks?completed_since=2025-02-01T00%3A00%3A00Z&limit=1' },
    response: { json: { data: [compactTask], next_page: nextPage('/sections/1204729011/tasks?limit=1', OFFSET) } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Tasks: [compactTaskOut], NextToken: OFFSET } },
  },
  {
    type: 'ASANA',
    actionId: 'ListUserTasks',
    base: ASANA,
    input: {
      Assignee: 'me',
      WorkspaceGid: '1204720000',
      CompletedSince: '2025-03-03T00:00:00Z',
      OptFields: ['name', 'completed', 'due_on', 'assignee.name', 'permalink_url'],
    },
    expect: {
      method: 'GET',
      url: '/api/1.0/tasks?assignee=me&workspace=1204720000&completed_since=2025-03-03T00%3A00%3A00Z&opt_fields=name%2Ccompleted%2Cdue_on%2Cassignee.name%2Cpermalink_url',
    },
    response: { json: { data: [task], next_page: null } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Tasks: [taskItemOut] } },
  },
  {
    type: 'ASANA',
    actionId: 'CreateSubtask',
    base: ASANA,
    input: { TaskGid: '1204729034', Name: 'Document the DNS switch', Assignee: 'me', DueOn: '2025-02-27' },
    expect: {
      method: 'POST',
      url: '/api/1.0/tasks/1204729034/subtasks',
      json: { data: { name: 'Document the DNS switch', assignee: 'me', due_on: '2025-02-27' } },
    },
    response: {
      status: 201,
      json: {
        data: {
          gid: '1204729040',
          resource_type: 'task',
          name: 'Document the DNS switch',
          completed: false,
          due_on: '2025-02-27',
          parent: { gid: '1204729034', resource_type: 'task', name: 'Write the runbook' },
          permalink_url: 'https://app.asana.com/0/0/1204729040',
        },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: {
        Gid: '1204729040',
        Name: 'Document the DNS switch',
        Completed: false,
        PermalinkUrl: 'https://app.asana.com/0/0/1204729040',
        Task: {
          gid: '1204729040',
          resource_type: 'task',
          name: 'Document the DNS switch',
          completed: false,
          due_on: '2025-02-27',
          parent: { gid: '1204729034', resource_type: 'task', name: 'Write the runbook' },
          permalink_url: 'https://app.asana.com/0/0/1204729040',
        },
      },
    },
  },
  {
    type: 'ASANA',
    actionId: 'ListSubtasks',
    base: ASANA,
    input: { TaskGid: '1204729034' },
    expect: { method: 'GET', url: '/api/1.0/tasks/1204729034/subtasks' },
    response: { json: { data: [compactTask], next_page: null } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Tasks: [compactTaskOut] } },
  },
  {
    type: 'ASANA',
    actionId: 'GetProject',
    base: ASANA,
    input: { ProjectGid: '1204729000' },
    expect: { method: 'GET', url: '/api/1.0/projects/1204729000' },
    response: { json: { data: project } },
    result: { status: 'SUCCESS', httpStatus: 200, output: projectOut },
  },
  {
    type: 'ASANA',
    actionId: 'CreateProject',
    base: ASANA,
    input: { Name: 'Q3 launch', WorkspaceGid: '1204720000', TeamGid: '1204720500', DefaultView: 'board', Privacy: 'private_to_team', DueOn: '2025-09-30' },
    expect: {
      method: 'POST',
      url: '/api/1.0/projects',
      json: {
        data: {
          name: 'Q3 launch',
          workspace: '1204720000',
          team: '1204720500',
          due_on: '2025-09-30',
          privacy_setting: 'private_to_team',
          default_view: 'board',
        },
      },
    },
    response: { status: 201, json: { data: newProject } },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: {
        Gid: '1204750000',
        Name: 'Q3 launch',
        Archived: false,
        Color: null,
        Notes: '',
        DueOn: '2025-09-30',
        OwnerName: 'Greg Sanchez',
        TeamName: 'Platform',
        WorkspaceGid: '1204720000',
        PermalinkUrl: 'https://app.asana.com/0/1204750000/board',
        Project: newProject,
      },
    },
  },
  {
    type: 'ASANA',
    actionId: 'ListWorkspaces',
    base: ASANA,
    input: {},
    expect: { method: 'GET', url: '/api/1.0/workspaces?opt_fields=name%2Cis_organization' },
    response: {
      json: {
        data: [
          { gid: '1204720000', resource_type: 'workspace', name: 'Acme Corp', is_organization: true },
          { gid: '1204720001', resource_type: 'workspace', name: 'Personal Projects', is_organization: false },
        ],
        next_page: null,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Workspaces: [
          { Gid: '1204720000', Name: 'Acme Corp', IsOrganization: true },
          { Gid: '1204720001', Name: 'Personal Projects', IsOrganization: false },
        ],
      },
    },
  },
  {
    type: 'ASANA',
    actionId: 'GetUser',
    base: ASANA,
    input: { User: 'me' },
    expect: { method: 'GET', url: '/api/1.0/users/me' },
    response: {
      json: {
        data: {
          gid: '1204725555',
          resource_type: 'user',
          name: 'Greg Sanchez',
          email: 'gsanchez@example.com',
          photo: null,
          workspaces: [{ gid: '1204720000', resource_type: 'workspace', name: 'Acme Corp' }],
        },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Gid: '1204725555', Name: 'Greg Sanchez', Email: 'gsanchez@example.com', Workspaces: [{ Gid: '1204720000', Name: 'Acme Corp' }] },
    },
  },
  {
    type: 'ASANA',
    actionId: 'GetUser',
    note: 'by email: one path segment (@ is a valid path character and is sent as is)',
    base: ASANA,
    input: { User: 'kim@example.com' },
    expect: { method: 'GET', url: '/api/1.0/users/kim@example.com' },
    response: { json: { data: { gid: '1204725556', resource_type: 'user', name: 'Kim Lee', email: 'kim@example.com' } } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Gid: '1204725556', Name: 'Kim Lee', Email: 'kim@example.com' } },
  },
  {
    type: 'ASANA',
    actionId: 'ListUsers',
    base: ASANA,
    input: { WorkspaceGid: '1204720000', Limit: 2 },
    expect: { method: 'GET', url: '/api/1.0/users?workspace=1204720000&opt_fields=name%2Cemail&limit=2' },
    response: {
      json: {
        data: [
          { gid: '1204725555', resource_type: 'user', name: 'Greg Sanchez', email: 'gsanchez@example.com' },
          { gid: '1204725556', resource_type: 'user', name: 'Kim Lee', email: 'kim@example.com' },
        ],
        next_page: nextPage('/users?workspace=1204720000&limit=2', OFFSET),
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Users: [
          { Gid: '1204725555', Name: 'Greg Sanchez', Email: 'gsanchez@example.com' },
          { Gid: '1204725556', Name: 'Kim Lee', Email: 'kim@example.com' },
        ],
        NextToken: OFFSET,
      },
    },
  },
  {
    type: 'ASANA',
    actionId: 'AddFollowers',
    base: ASANA,
    input: { TaskGid: '1204729034', Followers: ['kim@example.com', '1204725557'] },
    expect: { method: 'POST', url: '/api/1.0/tasks/1204729034/addFollowers', json: { data: { followers: ['kim@example.com', '1204725557'] } } },
    response: { json: { data: task } },
    result: { status: 'SUCCESS', httpStatus: 200, output: taskOut },
  },
  {
    type: 'ASANA',
    actionId: 'ListTags',
    base: ASANA,
    input: { WorkspaceGid: '1204720000' },
    expect: { method: 'GET', url: '/api/1.0/workspaces/1204720000/tags?opt_fields=name%2Ccolor' },
    response: { json: { data: [{ gid: '1204731000', resource_type: 'tag', name: 'urgent', color: 'dark-red' }], next_page: null } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Tags: [{ Gid: '1204731000', Name: 'urgent', Color: 'dark-red' }] } },
  },
  {
    type: 'ASANA',
    actionId: 'AddTagToTask',
    base: ASANA,
    input: { TaskGid: '1204729034', TagGid: '1204731000' },
    expect: { method: 'POST', url: '/api/1.0/tasks/1204729034/addTag', json: { data: { tag: '1204731000' } } },
    response: { json: { data: {} } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Tagged: true } },
  },
  {
    type: 'ASANA',
    actionId: 'ListTeams',
    base: ASANA,
    input: { WorkspaceGid: '1204720000', Limit: 10 },
    expect: { method: 'GET', url: '/api/1.0/workspaces/1204720000/teams?limit=10' },
    response: { json: { data: [{ gid: '1204720500', resource_type: 'team', name: 'Platform' }], next_page: null } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Teams: [{ Gid: '1204720500', Name: 'Platform' }] } },
  },
];

// ── Smartsheet ────────────────────────────────────────────────────────────────
const SHEET = 4583173393803140;
const ROW = 7670198317672324;
const kim = { email: 'kim@example.com', name: 'Kim Lee' };
const smartComment = {
  id: 8051964837357444,
  text: 'Is this quantity confirmed with the vendor?',
  createdBy: kim,
  createdAt: '2025-02-20T14:03:11Z',
  modifiedAt: '2025-02-20T14:03:11Z',
};
const smartCommentOut = {
  Id: 8051964837357444,
  Text: 'Is this quantity confirmed with the vendor?',
  CreatedAt: '2025-02-20T14:03:11Z',
  CreatedBy: 'Kim Lee',
  CreatedByEmail: 'kim@example.com',
};
const rowDiscussion = {
  id: 3962273862576004,
  title: 'Is this quantity confirmed with the vendor?',
  comments: [smartComment],
  commentCount: 1,
  accessLevel: 'OWNER',
  parentType: 'ROW',
  parentId: ROW,
  readOnly: false,
  lastCommentedAt: '2025-02-20T14:03:11Z',
  lastCommentedUser: kim,
  createdBy: kim,
};
const rowDiscussionOut = {
  Id: 3962273862576004,
  Title: 'Is this quantity confirmed with the vendor?',
  ParentType: 'ROW',
  ParentId: ROW,
  CommentCount: 1,
  LastCommentedAt: '2025-02-20T14:03:11Z',
  LastCommentedBy: 'Kim Lee',
  Comments: [smartCommentOut],
};
const sheetDiscussion = {
  id: 1848321646159748,
  title: 'Q3 numbers are final as of today.',
  commentCount: 2,
  accessLevel: 'OWNER',
  parentType: 'SHEET',
  parentId: SHEET,
  readOnly: false,
  lastCommentedAt: '2025-02-21T09:30:00Z',
  lastCommentedUser: { email: 'gsanchez@example.com' },
};
const paged = (data: unknown[]) => ({ pageNumber: 1, pageSize: 100, totalPages: 1, totalCount: data.length, data });
const pagedOut = (n: number) => ({ PageNumber: 1, TotalPages: 1, TotalCount: n });
const searchHit = {
  objectType: 'row',
  objectId: ROW,
  parentObjectId: SHEET,
  parentObjectType: 'sheet',
  parentObjectName: 'Budget',
  contextData: ['Row 2'],
  text: 'PO-4417',
};

const smartsheetSamples: HttpSample[] = [
  {
    type: 'SMARTSHEET',
    actionId: 'GetRow',
    base: SMART,
    input: { SheetId: SHEET, RowId: ROW, Include: ['columns'] },
    expect: { method: 'GET', url: `/2.0/sheets/${SHEET}/rows/${ROW}?include=columns` },
    response: {
      json: {
        id: ROW,
        sheetId: SHEET,
        rowNumber: 2,
        expanded: true,
        createdAt: '2025-01-10T08:00:00Z',
        modifiedAt: '2025-02-20T14:00:00Z',
        cells: [
          { columnId: 7960873114331012, value: 'Monitors', displayValue: 'Monitors' },
          { columnId: 642523719853956, value: 12, displayValue: '12' },
        ],
        columns: [
          { id: 7960873114331012, index: 0, title: 'Item', type: 'TEXT_NUMBER', primary: true },
          { id: 642523719853956, index: 1, title: 'Qty', type: 'TEXT_NUMBER' },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Id: ROW,
        RowNumber: 2,
        Cells: [
          { ColumnId: 7960873114331012, Value: 'Monitors', DisplayValue: 'Monitors' },
          { ColumnId: 642523719853956, Value: 12, DisplayValue: '12' },
        ],
        Columns: [
          { Id: 7960873114331012, Title: 'Item', Type: 'TEXT_NUMBER' },
          { Id: 642523719853956, Title: 'Qty', Type: 'TEXT_NUMBER' },
        ],
        CreatedAt: '2025-01-10T08:00:00Z',
        ModifiedAt: '2025-02-20T14:00:00Z',
      },
    },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'DeleteRows',
    base: SMART,
    input: { SheetId: SHEET, RowIds: [ROW, 2361756178769796], IgnoreRowsNotFound: true },
    expect: { method: 'DELETE', url: `/2.0/sheets/${SHEET}/rows?ids=${ROW}%2C2361756178769796&ignoreRowsNotFound=true` },
    response: { json: { message: 'SUCCESS', resultCode: 0, result: [ROW, 2361756178769796] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { DeletedRowIds: [ROW, 2361756178769796] } },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'DeleteRows',
    note: 'a row not found: nothing deleted, a failed invocation',
    base: SMART,
    input: { SheetId: SHEET, RowIds: [1234] },
    expect: { method: 'DELETE', url: `/2.0/sheets/${SHEET}/rows?ids=1234` },
    response: { status: 404, json: { errorCode: 1006, message: 'Not Found', refId: '1gbp3p0kbx5cq' } },
    result: { status: 'FAILED', httpStatus: 404, output: { errorCode: 1006, message: 'Not Found', refId: '1gbp3p0kbx5cq' } },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'ListColumns',
    base: SMART,
    input: { SheetId: SHEET },
    expect: { method: 'GET', url: `/2.0/sheets/${SHEET}/columns` },
    response: {
      json: paged([
        { id: 7960873114331012, index: 0, title: 'Item', type: 'TEXT_NUMBER', primary: true, validation: false, width: 150 },
        { id: 5435731577628548, index: 2, title: 'Status', type: 'PICKLIST', options: ['To do', 'Ordered', 'Done'], validation: true, width: 100 },
      ]),
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Columns: [
          { Id: 7960873114331012, Index: 0, Title: 'Item', Type: 'TEXT_NUMBER', Primary: true },
          { Id: 5435731577628548, Index: 2, Title: 'Status', Type: 'PICKLIST', Options: ['To do', 'Ordered', 'Done'] },
        ],
        ...pagedOut(2),
      },
    },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'SearchSheet',
    base: SMART,
    input: { SheetId: SHEET, Query: '"PO-4417"' },
    expect: { method: 'GET', url: `/2.0/search/sheets/${SHEET}?query=%22PO-4417%22` },
    response: { json: { results: [searchHit], totalCount: 1 } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Results: [{ ObjectType: 'row', ObjectId: ROW, Text: 'PO-4417', ContextData: ['Row 2'], ParentObjectName: 'Budget' }], TotalCount: 1 },
    },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'AddRowComment',
    base: SMART,
    input: { SheetId: SHEET, RowId: ROW, Text: 'Is this quantity confirmed with the vendor?' },
    expect: { method: 'POST', url: `/2.0/sheets/${SHEET}/rows/${ROW}/discussions`, json: { comment: { text: 'Is this quantity confirmed with the vendor?' } } },
    response: { json: { message: 'SUCCESS', resultCode: 0, version: 16, result: rowDiscussion } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { DiscussionId: 3962273862576004, Title: 'Is this quantity confirmed with the vendor?', Comment: smartCommentOut },
    },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'AddSheetComment',
    base: SMART,
    input: { SheetId: SHEET, Text: 'Q3 numbers are final as of today.' },
    expect: { method: 'POST', url: `/2.0/sheets/${SHEET}/discussions`, json: { comment: { text: 'Q3 numbers are final as of today.' } } },
    response: {
      json: {
        message: 'SUCCESS',
        resultCode: 0,
        result: {
          ...sheetDiscussion,
          commentCount: 1,
          comments: [
            {
              id: 6834973207586692,
              text: 'Q3 numbers are final as of today.',
              createdBy: { email: 'gsanchez@example.com', name: 'Greg Sanchez' },
              createdAt: '2025-02-21T09:00:00Z',
            },
          ],
        },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        DiscussionId: 1848321646159748,
        Title: 'Q3 numbers are final as of today.',
        Comment: {
          Id: 6834973207586692,
          Text: 'Q3 numbers are final as of today.',
          CreatedAt: '2025-02-21T09:00:00Z',
          CreatedBy: 'Greg Sanchez',
          CreatedByEmail: 'gsanchez@example.com',
        },
      },
    },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'ReplyToDiscussion',
    base: SMART,
    input: { SheetId: SHEET, DiscussionId: 3962273862576004, Text: 'Yes, confirmed on the call.' },
    expect: { method: 'POST', url: `/2.0/sheets/${SHEET}/discussions/3962273862576004/comments`, json: { text: 'Yes, confirmed on the call.' } },
    response: {
      json: {
        message: 'SUCCESS',
        resultCode: 0,
        version: 17,
        result: {
          id: 7144101943502724,
          discussionId: 3962273862576004,
          text: 'Yes, confirmed on the call.',
          createdBy: { email: 'gsanchez@example.com' },
          createdAt: '2025-02-20T15:00:00Z',
          modifiedAt: '2025-02-20T15:00:00Z',
        },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Comment: {
          Id: 7144101943502724,
          DiscussionId: 3962273862576004,
          Text: 'Yes, confirmed on the call.',
          CreatedAt: '2025-02-20T15:00:00Z',
          CreatedBy: 'gsanchez@example.com',
          CreatedByEmail: 'gsanchez@example.com',
        },
      },
    },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'ListDiscussions',
    base: SMART,
    input: { SheetId: SHEET, Include: ['comments', 'attachments'], PageSize: 50 },
    expect: { method: 'GET', url: `/2.0/sheets/${SHEET}/discussions?include=comments%2Cattachments&pageSize=50` },
    response: { json: paged([rowDiscussion, sheetDiscussion]) },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Discussions: [
          rowDiscussionOut,
          {
            Id: 1848321646159748,
            Title: 'Q3 numbers are final as of today.',
            ParentType: 'SHEET',
            ParentId: SHEET,
            CommentCount: 2,
            LastCommentedAt: '2025-02-21T09:30:00Z',
            LastCommentedBy: 'gsanchez@example.com',
          },
        ],
        ...pagedOut(2),
      },
    },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'ListRowDiscussions',
    base: SMART,
    input: { SheetId: SHEET, RowId: ROW, Include: ['comments'] },
    expect: { method: 'GET', url: `/2.0/sheets/${SHEET}/rows/${ROW}/discussions?include=comments` },
    response: { json: paged([rowDiscussion]) },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Discussions: [rowDiscussionOut], ...pagedOut(1) } },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'ShareSheet',
    base: SMART,
    input: {
      SheetId: SHEET,
      Shares: [
        { Email: 'kim@example.com', AccessLevel: 'EDITOR' },
        { GroupId: 2331373580117892, AccessLevel: 'VIEWER' },
      ],
      SendEmail: true,
      Message: 'Please fill in your rows.',
    },
    expect: {
      method: 'POST',
      url: `/2.0/sheets/${SHEET}/shares?sendEmail=true`,
      json: [
        { email: 'kim@example.com', accessLevel: 'EDITOR', message: 'Please fill in your rows.' },
        { groupId: 2331373580117892, accessLevel: 'VIEWER', message: 'Please fill in your rows.' },
      ],
    },
    response: {
      json: {
        message: 'SUCCESS',
        resultCode: 0,
        result: [
          { id: 'AAAQSF82F1eE', type: 'USER', userId: 4583173393803140, email: 'kim@example.com', name: 'Kim Lee', accessLevel: 'EDITOR', scope: 'ITEM' },
          { id: 'AAAGDXbmL2GE', type: 'GROUP', groupId: 2331373580117892, name: 'Purchasing', accessLevel: 'VIEWER', scope: 'ITEM' },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Shares: [
          { Id: 'AAAQSF82F1eE', Email: 'kim@example.com', Name: 'Kim Lee', AccessLevel: 'EDITOR', Type: 'USER' },
          { Id: 'AAAGDXbmL2GE', Name: 'Purchasing', AccessLevel: 'VIEWER', Type: 'GROUP' },
        ],
      },
    },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'ListWorkspaces',
    base: SMART,
    input: { Page: 1, PageSize: 100 },
    expect: { method: 'GET', url: '/2.0/workspaces?page=1&pageSize=100' },
    response: { json: paged([{ id: 7116448184199044, name: 'Purchasing', accessLevel: 'OWNER', permalink: 'https://app.smartsheet.com/workspaces/x7' }]) },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Workspaces: [{ Id: 7116448184199044, Name: 'Purchasing', Permalink: 'https://app.smartsheet.com/workspaces/x7', AccessLevel: 'OWNER' }],
        ...pagedOut(1),
      },
    },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'GetWorkspace',
    base: SMART,
    input: { WorkspaceId: 7116448184199044 },
    expect: { method: 'GET', url: '/2.0/workspaces/7116448184199044' },
    response: {
      json: {
        id: 7116448184199044,
        name: 'Purchasing',
        accessLevel: 'OWNER',
        permalink: 'https://app.smartsheet.com/workspaces/x7',
        sheets: [{ id: SHEET, name: 'Budget', accessLevel: 'OWNER', permalink: 'https://app.smartsheet.com/sheets/x' }],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Id: 7116448184199044,
        Name: 'Purchasing',
        AccessLevel: 'OWNER',
        Permalink: 'https://app.smartsheet.com/workspaces/x7',
        Sheets: [{ Id: SHEET, Name: 'Budget', Permalink: 'https://app.smartsheet.com/sheets/x' }],
      },
    },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'GetReport',
    base: SMART,
    input: { ReportId: 4583173393803141, Page: 2, PageSize: 1 },
    expect: { method: 'GET', url: '/2.0/reports/4583173393803141?page=2&pageSize=1' },
    response: {
      json: {
        id: 4583173393803141,
        name: 'Open orders',
        totalRowCount: 2,
        accessLevel: 'VIEWER',
        permalink: 'https://app.smartsheet.com/reports/r1',
        columns: [
          { virtualId: 4583173393803140, index: 0, title: 'Sheet Name', type: 'TEXT_NUMBER', sheetNameColumn: true },
          { virtualId: 2331373580117892, index: 1, title: 'Item', type: 'TEXT_NUMBER', primary: true },
        ],
        rows: [
          {
            id: ROW,
            sheetId: SHEET,
            rowNumber: 2,
            cells: [
              { virtualColumnId: 4583173393803140, value: 'Budget', displayValue: 'Budget' },
              { virtualColumnId: 2331373580117892, columnId: 7960873114331012, value: 'Monitors', displayValue: 'Monitors' },
            ],
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Id: 4583173393803141,
        Name: 'Open orders',
        TotalRowCount: 2,
        Permalink: 'https://app.smartsheet.com/reports/r1',
        Columns: [
          { VirtualId: 4583173393803140, Title: 'Sheet Name', Type: 'TEXT_NUMBER' },
          { VirtualId: 2331373580117892, Title: 'Item', Type: 'TEXT_NUMBER' },
        ],
        Rows: [
          {
            Id: ROW,
            SheetId: SHEET,
            RowNumber: 2,
            Cells: [
              { VirtualColumnId: 4583173393803140, Value: 'Budget', DisplayValue: 'Budget' },
              { VirtualColumnId: 2331373580117892, ColumnId: 7960873114331012, Value: 'Monitors', DisplayValue: 'Monitors' },
            ],
          },
        ],
      },
    },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'GetCurrentUser',
    base: SMART,
    input: {},
    expect: { method: 'GET', url: '/2.0/users/me' },
    response: {
      json: {
        id: 4856934849340120,
        email: 'gsanchez@example.com',
        firstName: 'Greg',
        lastName: 'Sanchez',
        locale: 'en_US',
        timeZone: 'US/Pacific',
        account: { name: 'Acme Corp', id: 942513719853956 },
        admin: false,
        licensedSheetCreator: true,
        groupAdmin: false,
        resourceViewer: false,
        sheetCount: 12,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Id: 4856934849340120,
        Email: 'gsanchez@example.com',
        FirstName: 'Greg',
        LastName: 'Sanchez',
        Admin: false,
        LicensedSheetCreator: true,
        Locale: 'en_US',
        TimeZone: 'US/Pacific',
        AccountName: 'Acme Corp',
      },
    },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'ListRowAttachments',
    base: SMART,
    input: { SheetId: SHEET, RowId: ROW },
    expect: { method: 'GET', url: `/2.0/sheets/${SHEET}/rows/${ROW}/attachments` },
    response: {
      json: paged([
        {
          id: 4583173393803142,
          name: 'quote.pdf',
          attachmentType: 'FILE',
          mimeType: 'application/pdf',
          sizeInKb: 96,
          parentType: 'ROW',
          parentId: ROW,
          createdAt: '2025-02-18T10:00:00Z',
          createdBy: kim,
        },
      ]),
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Attachments: [
          {
            Id: 4583173393803142,
            Name: 'quote.pdf',
            AttachmentType: 'FILE',
            MimeType: 'application/pdf',
            SizeInKb: 96,
            CreatedAt: '2025-02-18T10:00:00Z',
            CreatedBy: 'Kim Lee',
          },
        ],
        ...pagedOut(1),
      },
    },
  },
  {
    type: 'SMARTSHEET',
    actionId: 'GetAttachment',
    base: SMART,
    input: { SheetId: SHEET, AttachmentId: 4583173393803142 },
    expect: { method: 'GET', url: `/2.0/sheets/${SHEET}/attachments/4583173393803142` },
    response: {
      json: {
        id: 4583173393803142,
        name: 'quote.pdf',
        attachmentType: 'FILE',
        mimeType: 'application/pdf',
        sizeInKb: 96,
        url: 'https://s3.amazonaws.com/SmartsheetB1/quote.pdf?AWSAccessKeyId=AKIAEXAMPLE&Expires=1740049200&Signature=abc%3D',
        urlExpiresInMillis: 120000,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Id: 4583173393803142,
        Name: 'quote.pdf',
        AttachmentType: 'FILE',
        MimeType: 'application/pdf',
        SizeInKb: 96,
        Url: 'https://s3.amazonaws.com/SmartsheetB1/quote.pdf?AWSAccessKeyId=AKIAEXAMPLE&Expires=1740049200&Signature=abc%3D',
        UrlExpiresInMillis: 120000,
      },
    },
  },
];

export const ASANASM_SAMPLES: HttpSample[] = [...asanaSamples, ...smartsheetSamples];
