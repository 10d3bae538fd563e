// Samples for issue 16's findings (see catalog-samples.ts for the format): every
// Confluence action under the OAuth gateway form of BaseEndpoint (…/ex/confluence/{cloudId}/wiki),
// Jira SearchIssues' default fields, and Outlook ListMessages' search paging ($skiptoken).
import type { HttpSample } from './catalog-samples.js';
import { MORE_HTTP_SAMPLES } from './catalog-samples-more.js';

const CLOUD_ID = '1324a887-45db-1bf4-1e99-ef0ff456d421';
const GATEWAY = `https://api.atlassian.com/ex/confluence/${CLOUD_ID}`;
const GRAPH = 'https://graph.microsoft.com/v1.0';

export const FINDINGS_HOSTS = ['api.atlassian.com', 'acme.atlassian.net', 'graph.microsoft.com'];

/** Each Confluence sample again, under the OAuth gateway: the same requests, under /ex/confluence/{cloudId}/wiki. */
const confluenceUnderGateway: HttpSample[] = MORE_HTTP_SAMPLES.filter((s) => s.type === 'ATLASSIAN_CONFLUENCE').map((s) => {
  if (!s.base.endsWith('.atlassian.net/wiki') || !s.expect.url.startsWith('/wiki/')) throw new Error(`unexpected Confluence sample ${s.actionId}`);
  return {
    ...s,
    note: `OAuth gateway${s.note ? `, ${s.note}` : ''}`,
    base: `${GATEWAY}/wiki`,
    expect: { ...s.expect, url: `/ex/confluence/${CLOUD_ID}${s.expect.url}` },
  };
});

const message = {
  id: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e',
  subject: 'Budget review',
  from: { emailAddress: { address: 'alex@contoso.com' } },
};
const SKIPTOKEN = 'MSZZVlNCSlJHVmJTV1JFVkdKVFIzMVF';

export const FINDINGS_SAMPLES: HttpSample[] = [
  ...confluenceUnderGateway,
  {
    type: 'JIRA_CLOUD',
    actionId: 'SearchIssues',
    note: 'without Fields: the default fields are asked for',
    base: 'https://acme.atlassian.net',
    input: { Jql: 'assignee = currentUser() AND statusCategory != Done' },
    expect: {
      method: 'POST',
      url: '/rest/api/3/search/jql',
      json: {
        jql: 'assignee = currentUser() AND statusCategory != Done',
        fields: ['summary', 'status', 'assignee', 'priority', 'issuetype', 'created', 'updated'],
      },
    },
    response: {
      json: {
        issues: [
          {
            id: '10002',
            key: 'OPS-7',
            fields: {
              summary: 'Disk full on db-1',
              status: { name: 'In Progress' },
              assignee: { displayName: 'Mia Krystof' },
              priority: { name: 'High' },
              issuetype: { name: 'Bug' },
              created: '2025-03-01T09:00:00.000+0000',
              updated: '2025-03-02T10:00:00.000+0000',
            },
          },
        ],
        isLast: true,
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Issues: [
          {
            id: '10002',
            key: 'OPS-7',
            fields: {
              summary: 'Disk full on db-1',
              status: { name: 'In Progress' },
              assignee: { displayName: 'Mia Krystof' },
              priority: { name: 'High' },
              issuetype: { name: 'Bug' },
              created: '2025-03-01T09:00:00.000+0000',
              updated: '2025-03-02T10:00:00.000+0000',
            },
          },
        ],
        IsLast: true,
      },
    },
  },
  {
    type: 'MICROSOFT_OUTLOOK',
    actionId: 'ListMessages',
    note: 'search: the next page is a $skiptoken',
    base: GRAPH,
    input: { Search: 'from:alex@contoso.com budget', Top: 1 },
    expect: { method: 'GET', url: '/v1.0/me/messages?$top=1&$search=from%3Aalex%40contoso.com%20budget' },
    response: {
      json: {
        value: [message],
        '@odata.nextLink': `https://graph.microsoft.com/v1.0/me/messages?$search=%22from%3aalex%40contoso.com+budget%22&$top=1&$skiptoken=${SKIPTOKEN}`,
      },
    },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Messages: [message], NextToken: SKIPTOKEN } },
  },
  {
    type: 'MICROSOFT_OUTLOOK',
    actionId: 'ListMessages',
    note: 'search, next page: NextToken sent as $skiptoken, never $skip',
    base: GRAPH,
    input: { UserId: 'megan@contoso.com', FolderId: 'inbox', Search: 'budget', Top: 1, NextToken: SKIPTOKEN },
    expect: { method: 'GET', url: `/v1.0/users/megan@contoso.com/mailFolders/inbox/messages?$top=1&$search=budget&$skiptoken=${SKIPTOKEN}` },
    response: { json: { value: [message] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Messages: [message] } },
  },
];
