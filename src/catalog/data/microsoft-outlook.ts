// MICROSOFT_OUTLOOK: Microsoft Graph v1.0 (Outlook (mail, calendar, contacts)); shared parts in graph-common.ts.
import type { Catalog, HttpRequestTemplate, Template } from '../types.js';
import { userId, odata, id, emails, content, contentType, dateTime, perUser, listQuery, nextLink, listInput, recipients, messageBody } from './graph-common.js';

/** A member the schema refuses beside Search (the message says why). */
const notWithSearch = (param: string) => ({
  not: {},
  description: `Member must not be set together with Search: Microsoft Graph cannot combine $search with ${param}`,
});

/** ListMessages' paths: a folder's messages when FolderId is given, else the whole mailbox; /users/{UserId} or /me. */
const messagesAt = (query: Template): HttpRequestTemplate[] => [
  ...perUser('/mailFolders/{FolderId}/messages', { method: 'GET', query }, '$.FolderId'),
  ...perUser('/messages', { method: 'GET', query }),
];

/** The variants, each applying only when `ref` also resolves. */
const whenAlso = (ref: string, variants: HttpRequestTemplate[]): HttpRequestTemplate[] =>
  variants.map((v) => ({ ...v, when: [ref, ...(v.when === undefined ? [] : Array.isArray(v.when) ? v.when : [v.when])] }));

export const microsoftOutlook: Catalog = {
  Type: 'MICROSOFT_OUTLOOK',
  Api: 'Microsoft Graph v1.0 (Outlook mail and calendar)',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'SendMail',
      Name: 'Send mail',
      Description: 'Sends an email as the user (saved in Sent Items unless SaveToSentItems is false).',
      InputSchema: {
        type: 'object',
        required: ['To', 'Subject', 'Body'],
        properties: {
          UserId: userId,
          To: { ...emails, minItems: 1 },
          Cc: emails,
          Bcc: emails,
          Subject: { type: 'string', maxLength: 998 },
          Body: content,
          ContentType: contentType,
          Importance: { enum: ['low', 'normal', 'high'] },
          SaveToSentItems: { type: 'boolean' },
        },
      },
      request: perUser('/sendMail', {
        method: 'POST',
        body: {
          encoding: 'json',
          value: {
            message: {
              subject: '$.Subject',
              body: messageBody,
              toRecipients: recipients('$.To'),
              ccRecipients: recipients('$.Cc'),
              bccRecipients: recipients('$.Bcc'),
              importance: '$.Importance',
            },
            saveToSentItems: '$.SaveToSentItems',
          },
        },
      }),
      output: { value: { Sent: true } },
      idempotent: false,
    },
    {
      ActionId: 'ListMessages',
      Name: 'List messages',
      Description:
        "Lists messages of the mailbox (or of a folder such as 'inbox'), newest first unless OrderBy says otherwise, a page at a time (pass NextToken for the next). " +
        'Search takes KQL words or property:value terms (from:, subject:, received>=; quote phrases) and returns at most 1000 matches, newest sent first; ' +
        'Microsoft Graph cannot combine Search with Filter or OrderBy, so those are refused together. Returns Messages (Graph message objects; Select narrows them) and NextToken.',
      InputSchema: {
        ...listInput({
          UserId: userId,
          FolderId: { ...id, description: 'A folder id or well-known name: inbox, sentitems, drafts, archive.' },
          Search: { ...odata, description: 'KQL search, e.g. "budget review" or from:alex@contoso.com; not with Filter or OrderBy.' },
        }),
        // Graph answers 400 to $search with $filter or $orderby (and pages search results with $skiptoken, never $skip).
        dependencies: { Search: { properties: { Filter: notWithSearch('$filter'), OrderBy: notWithSearch('$orderby') } } },
      },
      request: [
        // Search results page with $skiptoken; other lists with $skip.
        ...whenAlso('$.Search', messagesAt(listQuery({ $$search: '$.Search', $$skiptoken: '$.NextToken' }))),
        ...messagesAt(listQuery({ $$skip: '$.NextToken' })),
      ],
      output: { value: { Messages: '$.Body.value', NextToken: { $coalesce: [nextLink('$skip'), nextLink('$skiptoken')] } } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      reference: 'https://learn.microsoft.com/en-us/graph/api/user-list-messages',
      requires: { scopes: ['Mail.Read'] },
      Examples: [
        {
          Title: 'Unread messages in the inbox',
          Input: { FolderId: 'inbox', Filter: 'isRead eq false', Top: 25, Select: ['subject', 'from', 'receivedDateTime'] },
        },
        { Title: 'Search the mailbox for messages from Alex about the budget', Input: { Search: 'from:alex@contoso.com budget', Top: 10 } },
      ],
    },
    {
      ActionId: 'CreateEvent',
      Name: 'Create event',
      Description: 'Creates a calendar event (inviting attendees, optionally as an online meeting).',
      InputSchema: {
        type: 'object',
        required: ['Subject', 'Start', 'End'],
        properties: {
          UserId: userId,
          Subject: { type: 'string', maxLength: 255 },
          Body: content,
          ContentType: contentType,
          Start: dateTime,
          End: dateTime,
          TimeZone: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
            default: 'UTC',
            description: "A Windows or IANA time zone name, e.g. 'Pacific Standard Time'.",
          },
          Location: { type: 'string', maxLength: 255 },
          Attendees: emails,
          IsOnlineMeeting: { type: 'boolean' },
        },
      },
      request: perUser('/events', {
        method: 'POST',
        body: {
          encoding: 'json',
          value: {
            subject: '$.Subject',
            body: { $if: '$.Body', $then: messageBody },
            start: { dateTime: '$.Start', timeZone: '$.TimeZone' },
            end: { dateTime: '$.End', timeZone: '$.TimeZone' },
            location: { displayName: '$.Location' },
            attendees: { $each: '$.Attendees', $as: { emailAddress: { address: '@' }, type: 'required' } },
            isOnlineMeeting: '$.IsOnlineMeeting',
          },
        },
      }),
      output: { value: { Id: '$.Body.id', WebLink: '$.Body.webLink', OnlineMeetingUrl: '$.Body.onlineMeeting.joinUrl', Event: '$.Body' } },
      idempotent: false,
    },
    {
      ActionId: 'ListEvents',
      Name: 'List events',
      Description: 'Lists calendar events; with StartDateTime and EndDateTime, the occurrences in that window (calendarView), recurring ones expanded.',
      InputSchema: {
        ...listInput({ UserId: userId, StartDateTime: dateTime, EndDateTime: dateTime }),
        // draft-07 `dependencies` (Ajv here does not know 2019-09's dependentRequired and would ignore it).
        dependencies: { StartDateTime: ['EndDateTime'], EndDateTime: ['StartDateTime'] },
      },
      request: [
        ...perUser(
          '/calendarView',
          { method: 'GET', query: listQuery({ startDateTime: '$.StartDateTime', endDateTime: '$.EndDateTime', $$skip: '$.NextToken' }) },
          '$.StartDateTime',
        ),
        ...perUser('/events', { method: 'GET', query: listQuery({ $$skip: '$.NextToken' }) }),
      ],
      output: { value: { Events: '$.Body.value', NextToken: nextLink('$skip') } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
  ],
};
