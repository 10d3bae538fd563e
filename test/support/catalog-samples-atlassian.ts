// Samples of the Jira Cloud and Confluence actions added for issue 16 (breadth): the input,
// the exact request Atlassian must receive, an answer taken from the vendors' specs
// (swagger-v3.v3.json, openapi-v2.v3.json, swagger.v3.json examples), and the result.
import { textToAdf } from '../../src/catalog/hooks.js';
import type { HttpSample } from './catalog-samples.js';

const JIRA = 'https://acme.atlassian.net';
const JIRA_OAUTH = 'https://api.atlassian.com/ex/jira/1324a887-45db-1bf4-1e99-ef0ff456d421';
const CONF = 'https://acme.atlassian.net/wiki';

const mia = {
  accountId: '5b10a2844c20165700ede21g',
  accountType: 'atlassian',
  active: true,
  displayName: 'Mia Krystof',
  emailAddress: 'mia@example.com',
  self: `${JIRA}/rest/api/3/user?accountId=5b10a2844c20165700ede21g`,
  timeZone: 'Australia/Sydney',
};
const miaOut = {
  AccountId: '5b10a2844c20165700ede21g',
  DisplayName: 'Mia Krystof',
  EmailAddress: 'mia@example.com',
  Active: true,
  AccountType: 'atlassian',
  TimeZone: 'Australia/Sydney',
};
const jiraAttachment = {
  author: { accountId: mia.accountId, active: true, displayName: 'Mia Krystof', self: mia.self },
  content: `${JIRA}/rest/api/3/attachment/content/10000`,
  created: '2022-10-06T07:32:47.000+0000',
  filename: 'db-1.log',
  id: 10000,
  mimeType: 'text/plain',
  self: `${JIRA}/rest/api/3/attachments/10000`,
  size: 11,
  thumbnail: `${JIRA}/rest/api/3/attachment/thumbnail/10000`,
};
const jiraAttachmentOut = {
  Id: '10000',
  FileName: 'db-1.log',
  Size: 11,
  MimeType: 'text/plain',
  Created: '2022-10-06T07:32:47.000+0000',
  Author: 'Mia Krystof',
  ContentUrl: `${JIRA}/rest/api/3/attachment/content/10000`,
  ThumbnailUrl: `${JIRA}/rest/api/3/attachment/thumbnail/10000`,
};
const worklog = {
  author: { accountId: mia.accountId, active: false, displayName: 'Mia Krystof', self: mia.self },
  comment: textToAdf('I did some work here.'),
  id: '100028',
  issueId: '10002',
  self: `${JIRA}/rest/api/3/issue/10010/worklog/10000`,
  started: '2021-01-17T12:34:00.000+0000',
  timeSpent: '3h 20m',
  timeSpentSeconds: 12000,
  updateAuthor: { accountId: mia.accountId, active: false, displayName: 'Mia Krystof', self: mia.self },
  updated: '2021-01-18T23:45:00.000+0000',
};

/** A tiny PNG (its signature and the start of a header): binary content with CR, LF and NUL bytes. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

/** A comment as Jira returns it: a paragraph with a hard break, a mention and a bold mark. */
const commentDoc = {
  type: 'doc',
  version: 1,
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Lorem ipsum ' },
        { type: 'text', text: 'dolor', marks: [{ type: 'strong' }] },
        { type: 'text', text: ' sit amet.' },
        { type: 'hardBreak' },
        { type: 'text', text: 'Consectetur: ' },
        { type: 'mention', attrs: { id: '5b10a2844c20165700ede21g', text: '@Mia Krystof', accessLevel: '' } },
      ],
    },
  ],
};

export const ATLASSIAN_SAMPLES: HttpSample[] = [
  // ── JIRA_CLOUD ───────────────────────────────────────────────────────────────
  {
    type: 'JIRA_CLOUD',
    actionId: 'UpdateIssue',
    base: JIRA,
    input: {
      IssueIdOrKey: 'OPS-24',
      Summary: 'Disk full on db-1 and db-2',
      Description: 'Both disks are full.\n\nSee the runbook.',
      Priority: 'Highest',
      DueDate: '2024-05-10',
      AddLabels: ['storage', 'p1'],
      RemoveLabels: ['triage'],
      Fields: { customfield_10011: 'Storage' },
      NotifyUsers: false,
    },
    expect: {
      method: 'PUT',
      url: '/rest/api/3/issue/OPS-24?notifyUsers=false',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      json: {
        fields: {
          summary: 'Disk full on db-1 and db-2',
          description: textToAdf('Both disks are full.\n\nSee the runbook.'),
          priority: { name: 'Highest' },
          duedate: '2024-05-10',
          customfield_10011: 'Storage',
        },
        update: { labels: [{ add: 'storage' }, { add: 'p1' }, { remove: 'triage' }] },
      },
    },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Updated: true } },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'UpdateIssue',
    note: 'replacing the labels; an ADF description passes as is',
    base: JIRA_OAUTH,
    input: {
      IssueIdOrKey: '10000',
      Labels: ['infra'],
      Description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fixed.', marks: [{ type: 'strong' }] }] }] },
    },
    expect: {
      method: 'PUT',
      url: '/ex/jira/1324a887-45db-1bf4-1e99-ef0ff456d421/rest/api/3/issue/10000',
      json: {
        fields: {
          labels: ['infra'],
          description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fixed.', marks: [{ type: 'strong' }] }] }] },
        },
      },
    },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Updated: true } },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'AssignIssue',
    base: JIRA,
    input: { IssueIdOrKey: 'OPS-24', AccountId: '5b10ac8d82e05b22cc7d4ef5' },
    expect: { method: 'PUT', url: '/rest/api/3/issue/OPS-24/assignee', json: { accountId: '5b10ac8d82e05b22cc7d4ef5' } },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Assigned: true } },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'AssignIssue',
    note: 'null unassigns',
    base: JIRA,
    input: { IssueIdOrKey: 'OPS-24', AccountId: null },
    expect: { method: 'PUT', url: '/rest/api/3/issue/OPS-24/assignee', json: { accountId: null } },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Assigned: true } },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'ListProjects',
    base: JIRA,
    input: { Query: 'ex', Keys: ['EX', 'ABC'], TypeKey: 'software', OrderBy: '-name', StartAt: 0, MaxResults: 2 },
    expect: { method: 'GET', url: '/rest/api/3/project/search?query=ex&keys=EX&keys=ABC&typeKey=software&orderBy=-name&startAt=0&maxResults=2' },
    response: {
      json: {
        isLast: false,
        maxResults: 2,
        nextPage: `${JIRA}/rest/api/3/project/search?startAt=2&maxResults=2`,
        self: `${JIRA}/rest/api/3/project/search?startAt=0&maxResults=2`,
        startAt: 0,
        total: 7,
        values: [
          { id: '10000', key: 'EX', name: 'Example', projectTypeKey: 'software', self: `${JIRA}/rest/api/3/project/EX`, simplified: false, style: 'classic' },
          {
            id: '10001',
            key: 'ABC',
            name: 'Alphabetical',
            projectTypeKey: 'software',
            self: `${JIRA}/rest/api/3/project/ABC`,
            simplified: false,
            style: 'classic',
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Projects: [
          { Id: '10000', Key: 'EX', Name: 'Example', ProjectTypeKey: 'software', Style: 'classic', Simplified: false },
          { Id: '10001', Key: 'ABC', Name: 'Alphabetical', ProjectTypeKey: 'software', Style: 'classic', Simplified: false },
        ],
        Total: 7,
        IsLast: false,
        NextStartAt: 2,
      },
    },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'ListProjects',
    note: 'the last page has no NextStartAt',
    base: JIRA,
    input: { StartAt: 2 },
    expect: { method: 'GET', url: '/rest/api/3/project/search?startAt=2' },
    response: {
      json: {
        isLast: true,
        maxResults: 50,
        startAt: 2,
        total: 3,
        values: [{ id: '10002', key: 'OPS', name: 'Operations', projectTypeKey: 'business', simplified: true, style: 'next-gen' }],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Projects: [{ Id: '10002', Key: 'OPS', Name: 'Operations', ProjectTypeKey: 'business', Style: 'next-gen', Simplified: true }],
        Total: 3,
        IsLast: true,
      },
    },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'ListIssueTypes',
    base: JIRA,
    input: { ProjectIdOrKey: 'OPS', MaxResults: 2 },
    expect: { method: 'GET', url: '/rest/api/3/issue/createmeta/OPS/issuetypes?maxResults=2' },
    response: {
      json: {
        issueTypes: [
          {
            description: 'An error in the code',
            iconUrl: `${JIRA}/images/icons/issuetypes/bug.png`,
            id: '1',
            name: 'Bug',
            self: `${JIRA}/rest/api/3/issueType/1`,
            subtask: false,
          },
          { description: 'A small piece of work', id: '10003', name: 'Subtask', subtask: true, hierarchyLevel: -1 },
        ],
        maxResults: 2,
        startAt: 0,
        total: 5,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        IssueTypes: [
          { Id: '1', Name: 'Bug', Description: 'An error in the code', Subtask: false },
          { Id: '10003', Name: 'Subtask', Description: 'A small piece of work', Subtask: true, HierarchyLevel: -1 },
        ],
        StartAt: 0,
        MaxResults: 2,
        Total: 5,
      },
    },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'ListCreateFields',
    base: JIRA,
    input: { ProjectIdOrKey: 'OPS', IssueTypeId: '1' },
    expect: { method: 'GET', url: '/rest/api/3/issue/createmeta/OPS/issuetypes/1' },
    response: {
      json: {
        fields: [
          {
            fieldId: 'assignee',
            hasDefaultValue: false,
            key: 'assignee',
            name: 'Assignee',
            operations: ['set'],
            required: true,
            schema: { type: 'user', system: 'assignee' },
          },
          {
            fieldId: 'customfield_10011',
            hasDefaultValue: false,
            key: 'customfield_10011',
            name: 'Component area',
            operations: ['set'],
            required: false,
            schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select', customId: 10011 },
            allowedValues: [{ id: '10100', value: 'Storage' }],
          },
        ],
        maxResults: 50,
        startAt: 0,
        total: 2,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Fields: [
          { FieldId: 'assignee', Name: 'Assignee', Required: true, HasDefaultValue: false, Schema: { type: 'user', system: 'assignee' } },
          {
            FieldId: 'customfield_10011',
            Name: 'Component area',
            Required: false,
            HasDefaultValue: false,
            Schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select', customId: 10011 },
            AllowedValues: [{ id: '10100', value: 'Storage' }],
          },
        ],
        StartAt: 0,
        MaxResults: 50,
        Total: 2,
      },
    },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'AddWorklog',
    base: JIRA,
    input: {
      IssueIdOrKey: 'OPS-24',
      TimeSpent: '3h 20m',
      Started: '2021-01-17T12:34:00.000+0000',
      Comment: 'I did some work here.',
      AdjustEstimate: 'new',
      NewEstimate: '2d',
    },
    expect: {
      method: 'POST',
      url: '/rest/api/3/issue/OPS-24/worklog?adjustEstimate=new&newEstimate=2d',
      json: { timeSpent: '3h 20m', started: '2021-01-17T12:34:00.000+0000', comment: textToAdf('I did some work here.') },
    },
    response: { status: 201, json: worklog },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: { Id: '100028', IssueId: '10002', TimeSpent: '3h 20m', TimeSpentSeconds: 12000, Started: '2021-01-17T12:34:00.000+0000', Author: 'Mia Krystof' },
    },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'AddWorklog',
    note: 'in seconds; time tracking off is a FAILED invocation',
    base: JIRA,
    input: { IssueIdOrKey: 'OPS-24', TimeSpentSeconds: 2700, Started: '2024-05-02T14:00:00.000+0200' },
    expect: { method: 'POST', url: '/rest/api/3/issue/OPS-24/worklog', json: { timeSpentSeconds: 2700, started: '2024-05-02T14:00:00.000+0200' } },
    response: { status: 400, json: { errorMessages: ['Time tracking is disabled.'], errors: {} } },
    result: { status: 'FAILED', httpStatus: 400, output: { errorMessages: ['Time tracking is disabled.'], errors: {} } },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'ListWorklogs',
    base: JIRA,
    input: { IssueIdOrKey: 'OPS-24', StartAt: 0, MaxResults: 1, StartedAfter: 1610000000000 },
    expect: { method: 'GET', url: '/rest/api/3/issue/OPS-24/worklog?startAt=0&maxResults=1&startedAfter=1610000000000' },
    response: { json: { maxResults: 1, startAt: 0, total: 1, worklogs: [worklog] } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Worklogs: [
          {
            Id: '100028',
            Author: 'Mia Krystof',
            AuthorAccountId: mia.accountId,
            TimeSpent: '3h 20m',
            TimeSpentSeconds: 12000,
            Started: '2021-01-17T12:34:00.000+0000',
            CommentText: 'I did some work here.',
            Comment: textToAdf('I did some work here.'),
          },
        ],
        StartAt: 0,
        MaxResults: 1,
        Total: 1,
      },
    },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'AddAttachment',
    base: JIRA,
    input: { IssueIdOrKey: 'OPS-24', FileName: 'db-1.log', Content: Buffer.from('disk full\r\n').toString('base64'), ContentType: 'text/plain' },
    expect: {
      method: 'POST',
      url: '/rest/api/3/issue/OPS-24/attachments',
      headers: { 'x-atlassian-token': 'no-check', accept: 'application/json' },
      multipart: [{ name: 'file', filename: 'db-1.log', contentType: 'text/plain', content: Buffer.from('disk full\r\n') }],
    },
    response: { json: [jiraAttachment] },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Attachments: [jiraAttachmentOut] } },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'ListAttachments',
    base: JIRA,
    input: { IssueIdOrKey: 'OPS-24' },
    expect: { method: 'GET', url: '/rest/api/3/issue/OPS-24?fields=attachment' },
    response: { json: { id: '10002', key: 'OPS-24', self: `${JIRA}/rest/api/3/issue/10002`, fields: { attachment: [{ ...jiraAttachment, id: '10000' }] } } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { IssueKey: 'OPS-24', Attachments: [jiraAttachmentOut] } },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'GetAttachment',
    base: JIRA,
    input: { AttachmentId: '10000' },
    expect: { method: 'GET', url: '/rest/api/3/attachment/10000' },
    response: { json: jiraAttachment },
    result: { status: 'SUCCESS', httpStatus: 200, output: jiraAttachmentOut },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'ListComments',
    base: JIRA,
    input: { IssueIdOrKey: 'OPS-24', OrderBy: '-created', MaxResults: 1 },
    expect: { method: 'GET', url: '/rest/api/3/issue/OPS-24/comment?maxResults=1&orderBy=-created' },
    response: {
      json: {
        comments: [
          {
            author: { accountId: mia.accountId, active: false, displayName: 'Mia Krystof', self: mia.self },
            body: commentDoc,
            created: '2021-01-17T12:34:00.000+0000',
            id: '10000',
            self: `${JIRA}/rest/api/3/issue/10010/comment/10000`,
            updated: '2021-01-18T23:45:00.000+0000',
            visibility: { identifier: 'Administrators', type: 'role', value: 'Administrators' },
          },
        ],
        maxResults: 1,
        startAt: 0,
        total: 3,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Comments: [
          {
            Id: '10000',
            Author: 'Mia Krystof',
            AuthorAccountId: mia.accountId,
            Created: '2021-01-17T12:34:00.000+0000',
            Updated: '2021-01-18T23:45:00.000+0000',
            BodyText: 'Lorem ipsum dolor sit amet.\nConsectetur: @Mia Krystof',
            Body: commentDoc,
          },
        ],
        StartAt: 0,
        MaxResults: 1,
        Total: 3,
      },
    },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'GetUser',
    base: JIRA,
    input: { AccountId: '5b10a2844c20165700ede21g' },
    expect: { method: 'GET', url: '/rest/api/3/user?accountId=5b10a2844c20165700ede21g' },
    response: { json: { ...mia, applicationRoles: { items: [], size: 1 }, groups: { items: [], size: 3 }, key: '', name: '' } },
    result: { status: 'SUCCESS', httpStatus: 200, output: miaOut },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'SearchUsers',
    base: JIRA,
    input: { Query: 'mia', MaxResults: 10 },
    expect: { method: 'GET', url: '/rest/api/3/user/search?query=mia&maxResults=10' },
    response: {
      json: [
        { ...mia, emailAddress: undefined },
        { accountId: '5b10ac8d82e05b22cc7d4ef5', accountType: 'atlassian', active: false, displayName: 'Mia Richards', key: '', name: '' },
      ],
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Users: [
          { ...miaOut, EmailAddress: undefined },
          { AccountId: '5b10ac8d82e05b22cc7d4ef5', DisplayName: 'Mia Richards', Active: false, AccountType: 'atlassian' },
        ].map((u) => JSON.parse(JSON.stringify(u))),
      },
    },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'DeleteIssue',
    base: JIRA,
    input: { IssueIdOrKey: 'OPS-98', DeleteSubtasks: true },
    expect: { method: 'DELETE', url: '/rest/api/3/issue/OPS-98?deleteSubtasks=true' },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Deleted: true } },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'DeleteIssue',
    note: 'an issue with sub-tasks is refused by Jira',
    base: JIRA,
    input: { IssueIdOrKey: 'OPS-98' },
    expect: { method: 'DELETE', url: '/rest/api/3/issue/OPS-98' },
    response: { status: 400, json: { errorMessages: ['The issue has subtasks. To delete, set the deleteSubtasks parameter to true.'], errors: {} } },
    result: {
      status: 'FAILED',
      httpStatus: 400,
      output: { errorMessages: ['The issue has subtasks. To delete, set the deleteSubtasks parameter to true.'], errors: {} },
    },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'GetCurrentUser',
    base: JIRA_OAUTH,
    input: {},
    expect: { method: 'GET', url: '/ex/jira/1324a887-45db-1bf4-1e99-ef0ff456d421/rest/api/3/myself' },
    response: { json: { ...mia, groups: { items: [], size: 3 }, locale: 'en_US' } },
    result: { status: 'SUCCESS', httpStatus: 200, output: miaOut },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'LinkIssues',
    base: JIRA,
    input: { Type: 'Blocks', OutwardIssueKey: 'OPS-24', InwardIssueKey: 'OPS-30', Comment: 'Linked during triage.' },
    expect: {
      method: 'POST',
      url: '/rest/api/3/issueLink',
      json: {
        type: { name: 'Blocks' },
        inwardIssue: { key: 'OPS-30' },
        outwardIssue: { key: 'OPS-24' },
        comment: { body: textToAdf('Linked during triage.') },
      },
    },
    response: { status: 201 },
    result: { status: 'SUCCESS', httpStatus: 201, output: { Linked: true } },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'ListIssueLinkTypes',
    base: JIRA,
    input: {},
    expect: { method: 'GET', url: '/rest/api/3/issueLinkType' },
    response: {
      json: {
        issueLinkTypes: [
          { id: '1000', inward: 'Duplicated by', name: 'Duplicate', outward: 'Duplicates', self: `${JIRA}/rest/api/3/issueLinkType/1000` },
          { id: '1010', inward: 'Blocked by', name: 'Blocks', outward: 'Blocks', self: `${JIRA}/rest/api/3/issueLinkType/1010` },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        LinkTypes: [
          { Id: '1000', Name: 'Duplicate', Outward: 'Duplicates', Inward: 'Duplicated by' },
          { Id: '1010', Name: 'Blocks', Outward: 'Blocks', Inward: 'Blocked by' },
        ],
      },
    },
  },
  {
    type: 'JIRA_CLOUD',
    actionId: 'AddWatcher',
    base: JIRA,
    input: { IssueIdOrKey: 'OPS-24', AccountId: '5b10ac8d82e05b22cc7d4ef5' },
    expect: { method: 'POST', url: '/rest/api/3/issue/OPS-24/watchers', headers: { 'content-type': 'application/json' }, text: '"5b10ac8d82e05b22cc7d4ef5"' },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Watching: true } },
  },

  {
    type: 'JIRA_CLOUD',
    actionId: 'GetIssue',
    note: 'the description also as plain text',
    base: JIRA,
    input: { IssueIdOrKey: 'OPS-24', Fields: ['summary', 'description'] },
    expect: { method: 'GET', url: '/rest/api/3/issue/OPS-24?fields=summary%2Cdescription' },
    response: {
      json: { id: '10000', key: 'OPS-24', fields: { summary: 'Disk full on db-1', description: textToAdf('The disk is full.\n\nSee the runbook.') } },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Id: '10000',
        Key: 'OPS-24',
        DescriptionText: 'The disk is full.\n\nSee the runbook.',
        Fields: { summary: 'Disk full on db-1', description: textToAdf('The disk is full.\n\nSee the runbook.') },
      },
    },
  },

  // ── ATLASSIAN_CONFLUENCE ────────────────────────────────────────────────────
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'DeletePage',
    base: CONF,
    input: { PageId: '65868' },
    expect: { method: 'DELETE', url: '/wiki/api/v2/pages/65868' },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Deleted: true } },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'DeletePage',
    note: 'purge from the trash',
    base: CONF,
    input: { PageId: '65868', Purge: true },
    expect: { method: 'DELETE', url: '/wiki/api/v2/pages/65868?purge=true' },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Deleted: true } },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'GetSpace',
    base: CONF,
    input: { SpaceId: '98306' },
    expect: { method: 'GET', url: '/wiki/api/v2/spaces/98306?description-format=plain' },
    response: {
      json: {
        id: '98306',
        key: 'OPS',
        name: 'Operations',
        type: 'global',
        status: 'current',
        authorId: mia.accountId,
        createdAt: '2023-03-01T10:00:00.000Z',
        homepageId: '65537',
        description: { plain: { value: 'Runbooks and on-call notes', representation: 'plain' } },
        _links: { webui: '/spaces/OPS', base: `${CONF}` },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Id: '98306',
        Key: 'OPS',
        Name: 'Operations',
        Type: 'global',
        Status: 'current',
        HomepageId: '65537',
        Description: 'Runbooks and on-call notes',
        CreatedAt: '2023-03-01T10:00:00.000Z',
        WebUi: '/spaces/OPS',
      },
    },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'ListPagesInSpace',
    base: CONF,
    input: { SpaceId: '98306', Title: 'Runbook', Depth: 'all', Sort: '-modified-date', Limit: 1 },
    expect: { method: 'GET', url: '/wiki/api/v2/spaces/98306/pages?title=Runbook&depth=all&sort=-modified-date&limit=1' },
    response: {
      json: {
        results: [
          {
            id: '65868',
            status: 'current',
            title: 'Runbook',
            spaceId: '98306',
            parentId: '65537',
            parentType: 'page',
            authorId: mia.accountId,
            createdAt: '2024-01-01T00:00:00.000Z',
            version: { number: 3, authorId: mia.accountId, createdAt: '2024-02-01T00:00:00.000Z' },
            _links: { webui: '/spaces/OPS/pages/65868/Runbook' },
          },
        ],
        _links: { next: '/wiki/api/v2/spaces/98306/pages?title=Runbook&limit=1&cursor=eyJpZCI6IjY1ODY4In0', base: CONF },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Pages: [{ Id: '65868', Title: 'Runbook', Status: 'current', ParentId: '65537', Version: 3, CreatedAt: '2024-01-01T00:00:00.000Z' }],
        NextToken: 'eyJpZCI6IjY1ODY4In0',
      },
    },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'ListChildPages',
    base: CONF,
    input: { PageId: '65537', NextToken: 'eyJpZCI6IjY1ODY4In0' },
    expect: { method: 'GET', url: '/wiki/api/v2/pages/65537/children?cursor=eyJpZCI6IjY1ODY4In0' },
    response: {
      json: {
        results: [
          { id: '65868', status: 'current', title: 'Runbook', spaceId: '98306', childPosition: 0 },
          { id: '65869', status: 'current', title: 'Escalation', spaceId: '98306', childPosition: 1 },
        ],
        _links: { base: CONF },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Pages: [
          { Id: '65868', Title: 'Runbook', Status: 'current', SpaceId: '98306', ChildPosition: 0 },
          { Id: '65869', Title: 'Escalation', Status: 'current', SpaceId: '98306', ChildPosition: 1 },
        ],
      },
    },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'AddFooterComment',
    base: CONF,
    input: { PageId: '65868', Body: '<p>Step 2 is out of date.</p>' },
    expect: {
      method: 'POST',
      url: '/wiki/api/v2/footer-comments',
      headers: { 'content-type': 'application/json' },
      json: { pageId: '65868', body: { representation: 'storage', value: '<p>Step 2 is out of date.</p>' } },
    },
    response: {
      json: {
        id: '491521',
        status: 'current',
        title: 'Re: Runbook',
        pageId: '65868',
        version: { createdAt: '2024-05-01T10:00:00.000Z', message: '', number: 1, minorEdit: false, authorId: mia.accountId },
        body: {},
        _links: { webui: '/spaces/OPS/pages/65868/Runbook?focusedCommentId=491521' },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Id: '491521', Status: 'current', PageId: '65868', Version: 1, WebUi: '/spaces/OPS/pages/65868/Runbook?focusedCommentId=491521' },
    },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'AddFooterComment',
    note: 'a reply',
    base: CONF,
    input: { ParentCommentId: '491521', Body: '<p>Fixed, thanks.</p>' },
    expect: {
      method: 'POST',
      url: '/wiki/api/v2/footer-comments',
      json: { parentCommentId: '491521', body: { representation: 'storage', value: '<p>Fixed, thanks.</p>' } },
    },
    response: { json: { id: '491522', status: 'current', parentCommentId: '491521', version: { number: 1 } } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Id: '491522', Status: 'current', ParentCommentId: '491521', Version: 1 } },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'ListFooterComments',
    base: CONF,
    input: { PageId: '65868', Sort: '-created-date', Limit: 1 },
    expect: { method: 'GET', url: '/wiki/api/v2/pages/65868/footer-comments?body-format=storage&sort=-created-date&limit=1' },
    response: {
      json: {
        results: [
          {
            id: '491521',
            status: 'current',
            title: 'Re: Runbook',
            pageId: '65868',
            version: { createdAt: '2024-05-01T10:00:00.000Z', message: '', number: 1, minorEdit: false, authorId: mia.accountId },
            body: { storage: { representation: 'storage', value: '<p>Step 2 is out of date.</p>' } },
            _links: { webui: '/spaces/OPS/pages/65868/Runbook?focusedCommentId=491521' },
          },
        ],
        _links: { next: '/wiki/api/v2/pages/65868/footer-comments?cursor=bmV4dA&limit=1', base: CONF },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Comments: [
          {
            Id: '491521',
            Status: 'current',
            Body: '<p>Step 2 is out of date.</p>',
            AuthorId: mia.accountId,
            CreatedAt: '2024-05-01T10:00:00.000Z',
            Version: 1,
          },
        ],
        NextToken: 'bmV4dA',
      },
    },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'ListLabels',
    base: CONF,
    input: { ContentId: '65868', Prefix: 'global', Limit: 2 },
    expect: { method: 'GET', url: '/wiki/rest/api/content/65868/label?prefix=global&limit=2' },
    response: {
      json: {
        results: [
          { prefix: 'global', name: 'runbook', id: '1146882', label: 'runbook' },
          { prefix: 'global', name: 'ops', id: '1146883', label: 'ops' },
        ],
        start: 0,
        limit: 2,
        size: 2,
        _links: { self: `${CONF}/rest/api/content/65868/label`, base: CONF, context: '/wiki' },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Labels: [
          { Id: '1146882', Name: 'runbook', Prefix: 'global' },
          { Id: '1146883', Name: 'ops', Prefix: 'global' },
        ],
        Start: 0,
        Limit: 2,
        Size: 2,
      },
    },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'AddLabels',
    base: CONF,
    input: { ContentId: '65868', Labels: ['runbook', 'ops'] },
    expect: {
      method: 'POST',
      url: '/wiki/rest/api/content/65868/label',
      headers: { 'content-type': 'application/json' },
      json: [
        { prefix: 'global', name: 'runbook' },
        { prefix: 'global', name: 'ops' },
      ],
    },
    response: {
      json: {
        results: [
          { prefix: 'global', name: 'runbook', id: '1146882', label: 'runbook' },
          { prefix: 'global', name: 'ops', id: '1146883', label: 'ops' },
          { prefix: 'global', name: 'incident', id: '1146884', label: 'incident' },
        ],
        start: 0,
        limit: 200,
        size: 3,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Labels: [
          { Id: '1146882', Name: 'runbook', Prefix: 'global' },
          { Id: '1146883', Name: 'ops', Prefix: 'global' },
          { Id: '1146884', Name: 'incident', Prefix: 'global' },
        ],
      },
    },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'RemoveLabel',
    base: CONF,
    input: { ContentId: '65868', Label: 'team/draft' },
    expect: { method: 'DELETE', url: '/wiki/rest/api/content/65868/label?name=team%2Fdraft' },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Removed: true } },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'ListAttachments',
    base: CONF,
    input: { PageId: '65868', MediaType: 'image/png', Limit: 1 },
    expect: { method: 'GET', url: '/wiki/api/v2/pages/65868/attachments?mediaType=image%2Fpng&limit=1' },
    response: {
      json: {
        results: [
          {
            id: 'att720897',
            status: 'current',
            title: 'architecture.png',
            createdAt: '2024-05-01T10:00:00.000Z',
            pageId: '65868',
            mediaType: 'image/png',
            mediaTypeDescription: 'PNG Image',
            comment: 'Current architecture',
            fileId: 'c8b2b6c4-5c1f-4f1e-9f0e-8a3c2f1d0e9b',
            fileSize: 48213,
            webuiLink: '/spaces/OPS/pages/65868/Runbook?preview=/65868/720897/architecture.png',
            downloadLink: '/download/attachments/65868/architecture.png?version=1&api=v2',
            version: { number: 1, createdAt: '2024-05-01T10:00:00.000Z' },
          },
        ],
        _links: { base: CONF },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Attachments: [
          {
            Id: 'att720897',
            Title: 'architecture.png',
            MediaType: 'image/png',
            FileSize: 48213,
            Comment: 'Current architecture',
            Version: 1,
            CreatedAt: '2024-05-01T10:00:00.000Z',
            DownloadLink: '/download/attachments/65868/architecture.png?version=1&api=v2',
            WebUi: '/spaces/OPS/pages/65868/Runbook?preview=/65868/720897/architecture.png',
          },
        ],
      },
    },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'AddAttachment',
    base: CONF,
    input: { ContentId: '65868', FileName: 'architecture.png', Content: PNG.toString('base64'), ContentType: 'image/png', Comment: 'Current architecture ✓' },
    expect: {
      method: 'POST',
      url: '/wiki/rest/api/content/65868/child/attachment',
      headers: { 'x-atlassian-token': 'nocheck' },
      multipart: [
        { name: 'file', filename: 'architecture.png', contentType: 'image/png', content: PNG },
        { name: 'minorEdit', content: 'false' },
        { name: 'comment', content: 'Current architecture ✓' },
      ],
    },
    response: {
      json: {
        results: [
          {
            id: 'att720897',
            type: 'attachment',
            status: 'current',
            title: 'architecture.png',
            version: { number: 1, minorEdit: false },
            extensions: { mediaType: 'image/png', fileSize: 16, comment: 'Current architecture ✓' },
            _links: {
              webui: '/spaces/OPS/pages/65868/Runbook?preview=%2F65868%2F720897%2Farchitecture.png',
              download: '/download/attachments/65868/architecture.png?version=1&modificationDate=1714557600000&api=v2',
            },
          },
        ],
        size: 1,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Attachments: [
          {
            Id: 'att720897',
            Title: 'architecture.png',
            MediaType: 'image/png',
            FileSize: 16,
            Comment: 'Current architecture ✓',
            Version: 1,
            DownloadLink: '/download/attachments/65868/architecture.png?version=1&modificationDate=1714557600000&api=v2',
            WebUi: '/spaces/OPS/pages/65868/Runbook?preview=%2F65868%2F720897%2Farchitecture.png',
          },
        ],
      },
    },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'AddAttachment',
    note: 'a file name the page already has is refused',
    base: CONF,
    input: { ContentId: '65868', FileName: 'notes.txt', Content: 'aGk=', MinorEdit: true },
    expect: {
      method: 'POST',
      url: '/wiki/rest/api/content/65868/child/attachment',
      multipart: [
        { name: 'file', filename: 'notes.txt', contentType: 'application/octet-stream', content: Buffer.from('hi') },
        { name: 'minorEdit', content: 'true' },
      ],
    },
    response: { status: 400, json: { statusCode: 400, message: 'Cannot add a new attachment with same file name as an existing attachment: notes.txt' } },
    result: {
      status: 'FAILED',
      httpStatus: 400,
      output: { statusCode: 400, message: 'Cannot add a new attachment with same file name as an existing attachment: notes.txt' },
    },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'ListPageVersions',
    base: CONF,
    input: { PageId: '65868', Sort: '-modified-date', Limit: 2 },
    expect: { method: 'GET', url: '/wiki/api/v2/pages/65868/versions?sort=-modified-date&limit=2' },
    response: {
      json: {
        results: [
          {
            createdAt: '2024-02-01T00:00:00.000Z',
            message: 'Added step 2',
            number: 3,
            minorEdit: false,
            authorId: mia.accountId,
            page: { id: '65868', title: 'Runbook' },
          },
          { createdAt: '2024-01-15T00:00:00.000Z', message: '', number: 2, minorEdit: true, authorId: mia.accountId, page: { id: '65868', title: 'Runbook' } },
        ],
        _links: { next: '/wiki/api/v2/pages/65868/versions?sort=-modified-date&limit=2&cursor=djI', base: CONF },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Versions: [
          { Number: 3, Message: 'Added step 2', MinorEdit: false, AuthorId: mia.accountId, CreatedAt: '2024-02-01T00:00:00.000Z' },
          { Number: 2, Message: '', MinorEdit: true, AuthorId: mia.accountId, CreatedAt: '2024-01-15T00:00:00.000Z' },
        ],
        NextToken: 'djI',
      },
    },
  },
  {
    type: 'ATLASSIAN_CONFLUENCE',
    actionId: 'FindPages',
    base: CONF,
    input: { Title: 'Runbook', SpaceIds: ['98306', '98307'], Status: ['current', 'archived'], Limit: 5 },
    expect: { method: 'GET', url: '/wiki/api/v2/pages?title=Runbook&space-id=98306%2C98307&status=current&status=archived&limit=5' },
    response: {
      json: {
        results: [{ id: '65868', status: 'current', title: 'Runbook', spaceId: '98306', parentId: '65537', version: { number: 3 } }],
        _links: { base: CONF },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Pages: [{ Id: '65868', Title: 'Runbook', SpaceId: '98306', Status: 'current', ParentId: '65537', Version: 3 }] },
    },
  },
];
