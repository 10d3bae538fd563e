// MICROSOFT_OUTLOOK: Microsoft Graph v1.0 (Outlook (mail, calendar, contacts)); shared parts in graph-common.ts.
import type { Catalog } from '../types.js';
import { userId, odata, id, emails, content, contentType, dateTime, perUser, listQuery, nextLink, listInput, recipients, messageBody } from './graph-common.js';

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
      reference: 'https://learn.microsoft.com/en-us/graph/api/user-sendmail',
      idempotent: false,
    },
    {
      ActionId: 'ListMessages',
      Name: 'List messages',
      Description:
        "Lists messages of the mailbox (or of a folder such as 'inbox'), newest first unless OrderBy says otherwise; Search uses Outlook search syntax.",
      InputSchema: listInput({
        UserId: userId,
        FolderId: { ...id, description: 'A folder id or well-known name: inbox, sentitems, drafts, archive.' },
        Search: odata,
      }),
      request: [
        ...perUser('/mailFolders/{FolderId}/messages', { method: 'GET', query: listQuery({ $$search: '$.Search', $$skip: '$.NextToken' }) }, '$.FolderId'),
        ...perUser('/messages', { method: 'GET', query: listQuery({ $$search: '$.Search', $$skip: '$.NextToken' }) }),
      ],
      output: { value: { Messages: '$.Body.value', NextToken: nextLink('$skip') } },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      reference: 'https://learn.microsoft.com/en-us/graph/api/user-list-messages',
      idempotent: true,
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
      reference: 'https://learn.microsoft.com/en-us/graph/api/user-post-events',
      idempotent: false,
    },
    {
      ActionId: 'ListEvents',
      Name: 'List events',
      Description: 'Lists calendar events; with StartDateTime and EndDateTime, the occurrences in that window (calendarView), recurring ones expanded.',
      InputSchema: {
        ...listInput({ UserId: userId, StartDateTime: dateTime, EndDateTime: dateTime }),
        dependentRequired: { StartDateTime: ['EndDateTime'], EndDateTime: ['StartDateTime'] },
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
      reference: 'https://learn.microsoft.com/en-us/graph/api/user-list-events',
      idempotent: true,
    },
  ],
};
