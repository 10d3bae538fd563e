// MICROSOFT_OUTLOOK: Microsoft Graph v1.0 (Outlook mail, calendar and contacts); shared parts in graph-common.ts.
// Graph publishes no OpenAPI we keep, so every action names its reference page and the
// least-privileged permissions of Microsoft's table: one name when one permission serves
// delegated and application tokens, else the delegated one first, then the application one.
// Where the least (Mail.ReadBasic, Calendars.ReadBasic) would leave out the body an action
// returns, we name the one that includes it. `grant` only where one kind is refused.
import type { Catalog, HttpRequestTemplate, JsonSchema, Template } from '../types.js';
import {
  userId,
  odata,
  id,
  emails,
  content,
  contentType,
  dateTime,
  perUser,
  listQuery,
  nextLink,
  listInput,
  recipients,
  messageBody,
  select,
} from './graph-common.js';

const ref = (page: string) => `https://learn.microsoft.com/en-us/graph/api/${page}?view=graph-rest-1.0`;

const messageId = {
  ...id,
  description:
    'The id of a message (from ListMessages), e.g. AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAAiIsqMbYjsT5e-T7KzowPTAAAYbuK-AAA=',
};
const eventId = { ...id, description: 'The id of an event (from ListEvents or CreateEvent).' };
const folderId = {
  ...id,
  description: 'A mail folder id (from ListMailFolders) or a well-known name: inbox, drafts, sentitems, deleteditems, archive, junkemail.',
};
const timeZone = {
  type: 'string',
  minLength: 1,
  maxLength: 64,
  description: "A Windows or IANA time zone name, e.g. 'Pacific Standard Time' or 'Europe/Berlin'.",
};
const subject = { type: 'string', maxLength: 998 };
const comment = { type: 'string', maxLength: 1_000_000, description: 'Text placed above the quoted original message (HTML allowed).' };
const bodyFormat = {
  enum: ['text', 'html'],
  default: 'text',
  description: "The format the message or event body is returned in: 'text' (tags stripped) or 'html'.",
};
const preferBody = { Prefer: { $concat: ['outlook.body-content-type="', '$.BodyFormat', '"'] } };
const preferZone = { $concat: ['outlook.timezone="', '$.TimeZone', '"'] };
const address = (r: string) => ({ $each: r, $as: '@.emailAddress.address' });

/** A message as an agent reads it: who, when, what; the body as text unless BodyFormat asks for html. */
const messageOut = {
  Id: '$.Body.id',
  Subject: '$.Body.subject',
  From: '$.Body.from.emailAddress.address',
  FromName: '$.Body.from.emailAddress.name',
  To: address('$.Body.toRecipients'),
  Cc: address('$.Body.ccRecipients'),
  ReceivedDateTime: '$.Body.receivedDateTime',
  SentDateTime: '$.Body.sentDateTime',
  IsRead: '$.Body.isRead',
  IsDraft: '$.Body.isDraft',
  HasAttachments: '$.Body.hasAttachments',
  Importance: '$.Body.importance',
  ConversationId: '$.Body.conversationId',
  ParentFolderId: '$.Body.parentFolderId',
  WebLink: '$.Body.webLink',
  BodyPreview: '$.Body.bodyPreview',
  BodyContentType: '$.Body.body.contentType',
  Body: '$.Body.body.content',
};

/** An event as an agent reads it. */
const eventOut = {
  Id: '$.Body.id',
  Subject: '$.Body.subject',
  Start: '$.Body.start.dateTime',
  End: '$.Body.end.dateTime',
  TimeZone: '$.Body.start.timeZone',
  IsAllDay: '$.Body.isAllDay',
  Location: '$.Body.location.displayName',
  Organizer: '$.Body.organizer.emailAddress.address',
  Attendees: {
    $each: '$.Body.attendees',
    $as: { Email: '@.emailAddress.address', Name: '@.emailAddress.name', Type: '@.type', Response: '@.status.response' },
  },
  IsOnlineMeeting: '$.Body.isOnlineMeeting',
  OnlineMeetingUrl: '$.Body.onlineMeeting.joinUrl',
  IsCancelled: '$.Body.isCancelled',
  IsOrganizer: '$.Body.isOrganizer',
  ResponseStatus: '$.Body.responseStatus.response',
  ShowAs: '$.Body.showAs',
  WebLink: '$.Body.webLink',
  BodyPreview: '$.Body.bodyPreview',
  Body: '$.Body.body.content',
};

/** The message members of SendMail and CreateDraft. */
const messageInput: JsonSchema = {
  UserId: userId,
  To: emails,
  Cc: emails,
  Bcc: emails,
  Subject: subject,
  Body: content,
  ContentType: contentType,
  Importance: { enum: ['low', 'normal', 'high'] },
};
const messageValue: Template = {
  subject: '$.Subject',
  body: { $if: '$.Body', $then: messageBody },
  toRecipients: recipients('$.To'),
  ccRecipients: recipients('$.Cc'),
  bccRecipients: recipients('$.Bcc'),
  importance: '$.Importance',
};
const slot = (start: string, end: string, zone: Template) => ({ start: { dateTime: start, timeZone: zone }, end: { dateTime: end, timeZone: zone } });

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
  Api: 'Microsoft Graph v1.0 (Outlook mail, calendar and contacts)',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'SendMail',
      Name: 'Send mail',
      Description:
        'Sends a new email as the user, at once (no draft is kept; saved in Sent Items unless SaveToSentItems is false). Use ReplyToMessage or ForwardMessage to answer an existing message, CreateDraft to prepare one for review. Returns Sent: true once Outlook accepted it (HTTP 202).',
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
      Examples: [
        { Title: 'Send a status update', Input: { To: ['megan@contoso.com'], Subject: 'Deploy finished', Body: 'Version 2.3 is live.' } },
        {
          Title: 'Send an HTML mail from a shared mailbox (application permissions)',
          Input: {
            UserId: 'support@contoso.com',
            To: ['alex@contoso.com'],
            Cc: ['megan@contoso.com'],
            Subject: 'Ticket 4711',
            Body: '<p>Fixed.</p>',
            ContentType: 'html',
            Importance: 'high',
          },
        },
      ],
      reference: ref('user-sendmail'),
      requires: { scopes: ['Mail.Send'] },
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
      Description:
        "Creates an event in the user's default calendar; with Attendees it is a meeting and Outlook sends the invitations, with IsOnlineMeeting a Teams meeting link is added. Returns the event's Id, WebLink, the OnlineMeetingUrl if any, and the whole event.",
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
      Examples: [
        {
          Title: 'Book a 30-minute Teams meeting',
          Input: {
            Subject: 'Incident review',
            Start: '2025-03-01T09:30:00',
            End: '2025-03-01T10:00:00',
            TimeZone: 'Pacific Standard Time',
            Attendees: ['alex@contoso.com'],
            IsOnlineMeeting: true,
          },
        },
        { Title: 'Block focus time', Input: { Subject: 'Focus time', Start: '2025-03-03T13:00:00', End: '2025-03-03T15:00:00', TimeZone: 'UTC' } },
      ],
      reference: ref('user-post-events'),
      requires: { scopes: ['Calendars.ReadWrite'] },
    },
    {
      ActionId: 'ListEvents',
      Name: 'List events',
      Description:
        'Lists events of the default calendar. With StartDateTime and EndDateTime (read as UTC), returns the occurrences in that window (calendarView), recurring meetings expanded: use that for "what is on my calendar this week". Returns Events (Graph event objects) and NextToken when there are more.',
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
      Examples: [
        { Title: "This week's calendar", Input: { StartDateTime: '2025-03-03T00:00:00', EndDateTime: '2025-03-08T00:00:00', Top: 50 } },
        { Title: 'Subjects and times of the next events', Input: { Select: ['subject', 'start', 'end'], OrderBy: 'start/dateTime', Top: 10 } },
      ],
      reference: ref('user-list-calendarview'),
      requires: { scopes: ['Calendars.ReadBasic'] },
    },
    // ── Mail ───────────────────────────────────────────────────────────────────
    {
      ActionId: 'GetMessage',
      Name: 'Get message',
      Description:
        'Reads one message by Id: sender, recipients, dates, read state, conversation, web link and the body (as plain text unless BodyFormat is html). Use after ListMessages to read a message in full.',
      InputSchema: {
        type: 'object',
        required: ['MessageId'],
        properties: { UserId: userId, MessageId: messageId, BodyFormat: bodyFormat, Select: select },
      },
      request: perUser('/messages/{MessageId}', { method: 'GET', query: { $$select: { $join: '$.Select' } }, headers: preferBody }),
      output: { value: messageOut },
      idempotent: true,
      Examples: [
        {
          Title: 'Read a message as text',
          Input: {
            MessageId:
              'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAAiIsqMbYjsT5e-T7KzowPTAAAYbuK-AAA=',
          },
        },
        { Title: 'Read a message of another mailbox as HTML', Input: { UserId: 'support@contoso.com', MessageId: 'AAMkADhAAAW-VPeAAA=', BodyFormat: 'html' } },
      ],
      reference: ref('message-get'),
      requires: { scopes: ['Mail.Read'] },
    },
    {
      ActionId: 'ReplyToMessage',
      Name: 'Reply to message',
      Description:
        'Replies to the sender of a message at once, with Comment above the quoted original (the reply is saved in Sent Items and keeps the conversation). Use ReplyAllToMessage to answer everyone. Returns Sent: true.',
      InputSchema: {
        type: 'object',
        required: ['MessageId', 'Comment'],
        properties: { UserId: userId, MessageId: messageId, Comment: { ...comment, minLength: 1 } },
      },
      request: perUser('/messages/{MessageId}/reply', { method: 'POST', body: { encoding: 'json', value: { comment: '$.Comment' } } }),
      output: { value: { Sent: true } },
      idempotent: false,
      Examples: [{ Title: 'Confirm receipt', Input: { MessageId: 'AAMkADhAAAW-VPeAAA=', Comment: 'Thanks, I will look into it today.' } }],
      reference: ref('message-reply'),
      requires: { scopes: ['Mail.Send'] },
    },
    {
      ActionId: 'ReplyAllToMessage',
      Name: 'Reply all to message',
      Description: 'Replies to the sender and every recipient of a message at once, with Comment above the quoted original. Returns Sent: true.',
      InputSchema: {
        type: 'object',
        required: ['MessageId', 'Comment'],
        properties: { UserId: userId, MessageId: messageId, Comment: { ...comment, minLength: 1 } },
      },
      request: perUser('/messages/{MessageId}/replyAll', { method: 'POST', body: { encoding: 'json', value: { comment: '$.Comment' } } }),
      output: { value: { Sent: true } },
      idempotent: false,
      Examples: [{ Title: 'Answer the whole thread', Input: { MessageId: 'AAMkADhAAAW-VPeAAA=', Comment: 'The outage is resolved; post-mortem on Friday.' } }],
      reference: ref('message-replyall'),
      requires: { scopes: ['Mail.Send'] },
    },
    {
      ActionId: 'ForwardMessage',
      Name: 'Forward message',
      Description: 'Forwards a message (with its attachments) to the given recipients at once, with an optional Comment above it. Returns Sent: true.',
      InputSchema: {
        type: 'object',
        required: ['MessageId', 'To'],
        properties: { UserId: userId, MessageId: messageId, To: { ...emails, minItems: 1 }, Comment: comment },
      },
      request: perUser('/messages/{MessageId}/forward', {
        method: 'POST',
        body: { encoding: 'json', value: { comment: '$.Comment', toRecipients: recipients('$.To') } },
      }),
      output: { value: { Sent: true } },
      idempotent: false,
      Examples: [{ Title: 'Forward to a colleague', Input: { MessageId: 'AAMkADhAAAW-VPeAAA=', To: ['alex@contoso.com'], Comment: 'Can you take this one?' } }],
      reference: ref('message-forward'),
      requires: { scopes: ['Mail.Send'] },
    },
    {
      ActionId: 'MoveMessage',
      Name: 'Move message',
      Description:
        "Moves a message to another mail folder (an id from ListMailFolders or a well-known name such as 'archive' or 'deleteditems'). The moved message gets a new Id, returned with its folder.",
      InputSchema: {
        type: 'object',
        required: ['MessageId', 'DestinationFolderId'],
        properties: { UserId: userId, MessageId: messageId, DestinationFolderId: folderId },
      },
      request: perUser('/messages/{MessageId}/move', { method: 'POST', body: { encoding: 'json', value: { destinationId: '$.DestinationFolderId' } } }),
      output: { value: { Id: '$.Body.id', ParentFolderId: '$.Body.parentFolderId', Subject: '$.Body.subject', WebLink: '$.Body.webLink' } },
      idempotent: false,
      Examples: [
        { Title: 'Archive a message', Input: { MessageId: 'AAMkADhAAAW-VPeAAA=', DestinationFolderId: 'archive' } },
        { Title: 'File into a folder', Input: { MessageId: 'AAMkADhAAAW-VPeAAA=', DestinationFolderId: 'AAMkADhAAAAAEMAAA=' } },
      ],
      reference: ref('message-move'),
      requires: { scopes: ['Mail.ReadWrite'] },
    },
    {
      ActionId: 'MarkMessageRead',
      Name: 'Mark message read or unread',
      Description: 'Marks a message as read (IsRead true, the default) or unread (IsRead false). Returns the message Id and its IsRead state.',
      InputSchema: {
        type: 'object',
        required: ['MessageId'],
        properties: { UserId: userId, MessageId: messageId, IsRead: { type: 'boolean', default: true } },
      },
      request: perUser('/messages/{MessageId}', { method: 'PATCH', body: { encoding: 'json', value: { isRead: '$.IsRead' } } }),
      output: { value: { Id: '$.Body.id', IsRead: '$.Body.isRead' } },
      // Setting a flag to a given value: repeating it changes nothing.
      idempotent: true,
      Examples: [
        { Title: 'Mark as read', Input: { MessageId: 'AAMkADhAAAW-VPeAAA=' } },
        { Title: 'Mark as unread', Input: { MessageId: 'AAMkADhAAAW-VPeAAA=', IsRead: false } },
      ],
      reference: ref('message-update'),
      requires: { scopes: ['Mail.ReadWrite'] },
    },
    {
      ActionId: 'DeleteMessage',
      Name: 'Delete message',
      Description: 'Deletes a message: Outlook moves it to Deleted Items (recoverable there). Returns Deleted: true.',
      InputSchema: { type: 'object', required: ['MessageId'], properties: { UserId: userId, MessageId: messageId } },
      request: perUser('/messages/{MessageId}', { method: 'DELETE' }),
      output: { value: { Deleted: true } },
      idempotent: true,
      Examples: [{ Title: 'Delete a message', Input: { MessageId: 'AAMkADhAAAW-VPeAAA=' } }],
      reference: ref('message-delete'),
      requires: { scopes: ['Mail.ReadWrite'] },
    },
    {
      ActionId: 'ListMailFolders',
      Name: 'List mail folders',
      Description:
        'Lists the mail folders at the top of the mailbox (Inbox, Drafts, Sent Items, ... and user folders), or the child folders of ParentFolderId, with their unread and total counts. Use it to find a folder id for MoveMessage or ListMessages.',
      InputSchema: listInput({
        UserId: userId,
        ParentFolderId: folderId,
        IncludeHiddenFolders: { type: 'boolean', description: 'Also return hidden folders.' },
      }),
      request: [
        ...perUser(
          '/mailFolders/{ParentFolderId}/childFolders',
          { method: 'GET', query: listQuery({ includeHiddenFolders: '$.IncludeHiddenFolders', $$skip: '$.NextToken' }) },
          '$.ParentFolderId',
        ),
        ...perUser('/mailFolders', { method: 'GET', query: listQuery({ includeHiddenFolders: '$.IncludeHiddenFolders', $$skip: '$.NextToken' }) }),
      ],
      output: {
        value: {
          Folders: {
            $each: '$.Body.value',
            $as: {
              Id: '@.id',
              DisplayName: '@.displayName',
              ParentFolderId: '@.parentFolderId',
              ChildFolderCount: '@.childFolderCount',
              UnreadItemCount: '@.unreadItemCount',
              TotalItemCount: '@.totalItemCount',
              IsHidden: '@.isHidden',
            },
          },
          NextToken: nextLink('$skip'),
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        { Title: 'Top-level folders', Input: { Top: 50 } },
        { Title: 'Subfolders of the Inbox', Input: { ParentFolderId: 'inbox' } },
      ],
      reference: ref('user-list-mailfolders'),
      requires: { scopes: ['Mail.ReadBasic', 'Mail.ReadBasic.All'] },
    },
    {
      ActionId: 'CreateDraft',
      Name: 'Create draft',
      Description:
        'Saves a new message in the Drafts folder without sending it, for a person to review (it opens at WebLink) or for SendDraft later. Returns the draft Id, WebLink and ConversationId.',
      InputSchema: { type: 'object', required: ['Subject'], properties: messageInput },
      request: perUser('/messages', { method: 'POST', body: { encoding: 'json', value: messageValue } }),
      output: { value: { Id: '$.Body.id', WebLink: '$.Body.webLink', ConversationId: '$.Body.conversationId', IsDraft: '$.Body.isDraft' } },
      idempotent: false,
      Examples: [
        { Title: 'Draft a customer answer', Input: { To: ['customer@fabrikam.com'], Subject: 'Your order 1234', Body: 'Your order ships tomorrow.' } },
      ],
      reference: ref('user-post-messages'),
      requires: { scopes: ['Mail.ReadWrite'] },
    },
    {
      ActionId: 'SendDraft',
      Name: 'Send draft',
      Description: 'Sends a draft message (from CreateDraft, or one a person prepared) as it is saved; it moves to Sent Items. Returns Sent: true.',
      InputSchema: { type: 'object', required: ['MessageId'], properties: { UserId: userId, MessageId: messageId } },
      request: perUser('/messages/{MessageId}/send', { method: 'POST' }),
      output: { value: { Sent: true } },
      idempotent: false,
      Examples: [{ Title: 'Send a reviewed draft', Input: { MessageId: 'AAMkADhAAAW-VPeAAA=' } }],
      reference: ref('message-send'),
      requires: { scopes: ['Mail.Send'] },
    },
    // ── Calendar ───────────────────────────────────────────────────────────────
    {
      ActionId: 'GetEvent',
      Name: 'Get event',
      Description:
        'Reads one event by Id: subject, start and end (in TimeZone if given, else UTC), location, organizer, attendees and their responses, the Teams join URL, and the body as text (BodyFormat html for HTML).',
      InputSchema: {
        type: 'object',
        required: ['EventId'],
        properties: { UserId: userId, EventId: eventId, TimeZone: timeZone, BodyFormat: bodyFormat, Select: select },
      },
      request: perUser('/events/{EventId}', {
        method: 'GET',
        query: { $$select: { $join: '$.Select' } },
        // Both preferences in one Prefer header (a list is sent comma-separated).
        headers: { Prefer: [preferZone, preferBody.Prefer] },
      }),
      output: { value: eventOut },
      idempotent: true,
      Examples: [
        { Title: 'Read an event', Input: { EventId: 'AAMkAGI1AAAt9AHjAAA=' } },
        { Title: 'Read an event in Pacific time', Input: { EventId: 'AAMkAGI1AAAt9AHjAAA=', TimeZone: 'Pacific Standard Time' } },
      ],
      reference: ref('event-get'),
      requires: { scopes: ['Calendars.Read'] },
    },
    {
      ActionId: 'UpdateEvent',
      Name: 'Update event',
      Description:
        'Changes an event: only the members given are changed (Attendees replaces the whole list). For a meeting the user organizes, Outlook sends the attendees an update. Returns the updated event.',
      InputSchema: {
        type: 'object',
        required: ['EventId'],
        properties: {
          UserId: userId,
          EventId: eventId,
          Subject: { type: 'string', maxLength: 255 },
          Body: content,
          ContentType: contentType,
          Start: dateTime,
          End: dateTime,
          TimeZone: { ...timeZone, default: 'UTC', description: `${timeZone.description} Applies to Start and End.` },
          Location: { type: 'string', maxLength: 255 },
          Attendees: emails,
          IsOnlineMeeting: { type: 'boolean' },
          ShowAs: { enum: ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] },
        },
        anyOf: ['Subject', 'Body', 'Start', 'End', 'Location', 'Attendees', 'IsOnlineMeeting', 'ShowAs'].map((m) => ({ required: [m] })),
      },
      request: perUser('/events/{EventId}', {
        method: 'PATCH',
        body: {
          encoding: 'json',
          value: {
            subject: '$.Subject',
            body: { $if: '$.Body', $then: messageBody },
            start: { $if: '$.Start', $then: { dateTime: '$.Start', timeZone: '$.TimeZone' } },
            end: { $if: '$.End', $then: { dateTime: '$.End', timeZone: '$.TimeZone' } },
            location: { displayName: '$.Location' },
            attendees: { $each: '$.Attendees', $as: { emailAddress: { address: '@' }, type: 'required' } },
            isOnlineMeeting: '$.IsOnlineMeeting',
            showAs: '$.ShowAs',
          },
        },
      }),
      output: { value: eventOut },
      idempotent: false,
      Examples: [
        {
          Title: 'Move a meeting by an hour',
          Input: { EventId: 'AAMkAGI1AAAt9AHjAAA=', Start: '2025-03-01T10:30:00', End: '2025-03-01T11:00:00', TimeZone: 'Pacific Standard Time' },
        },
        { Title: 'Rename and relocate', Input: { EventId: 'AAMkAGI1AAAt9AHjAAA=', Subject: 'Incident review (moved)', Location: 'Room 42' } },
      ],
      reference: ref('event-update'),
      requires: { scopes: ['Calendars.ReadWrite'] },
    },
    {
      ActionId: 'DeleteEvent',
      Name: 'Delete event',
      Description:
        "Deletes an event from the user's calendar. If the user organizes the meeting, Outlook sends the attendees a cancellation (use CancelEvent to add a message to it). Returns Deleted: true.",
      InputSchema: { type: 'object', required: ['EventId'], properties: { UserId: userId, EventId: eventId } },
      request: perUser('/events/{EventId}', { method: 'DELETE' }),
      output: { value: { Deleted: true } },
      idempotent: true,
      Examples: [{ Title: 'Delete an event', Input: { EventId: 'AAMkAGI1AAAt9AHjAAA=' } }],
      reference: ref('event-delete'),
      requires: { scopes: ['Calendars.ReadWrite'] },
    },
    {
      ActionId: 'CancelEvent',
      Name: 'Cancel meeting',
      Description:
        "Cancels a meeting the user organizes and sends the attendees a cancellation with Comment; the event leaves the calendars. Only the organizer can cancel (an attendee gets HTTP 400: use RespondToEvent with 'decline'). Returns Cancelled: true.",
      InputSchema: {
        type: 'object',
        required: ['EventId'],
        properties: { UserId: userId, EventId: eventId, Comment: { type: 'string', maxLength: 10_000 } },
      },
      request: perUser('/events/{EventId}/cancel', {
        method: 'POST',
        body: { encoding: 'json', value: { comment: { $coalesce: ['$.Comment', ''] } } },
      }),
      output: { value: { Cancelled: true } },
      idempotent: false,
      Examples: [{ Title: 'Cancel with a note', Input: { EventId: 'AAMkAGI1AAAt9AHjAAA=', Comment: 'Cancelling: the issue is resolved.' } }],
      reference: ref('event-cancel'),
      requires: { scopes: ['Calendars.ReadWrite'] },
    },
    {
      ActionId: 'RespondToEvent',
      Name: 'Accept or decline meeting',
      Description:
        "Answers a meeting invitation: 'accept', 'tentativelyAccept' or 'decline', with an optional Comment; SendResponse false answers without notifying the organizer. Returns Responded: true once Outlook took the answer (HTTP 202).",
      InputSchema: {
        type: 'object',
        required: ['EventId', 'Response'],
        properties: {
          UserId: userId,
          EventId: eventId,
          Response: { enum: ['accept', 'tentativelyAccept', 'decline'] },
          Comment: { type: 'string', maxLength: 10_000 },
          SendResponse: { type: 'boolean', default: true },
        },
      },
      request: perUser('/events/{EventId}/{Response}', {
        method: 'POST',
        body: { encoding: 'json', value: { comment: '$.Comment', sendResponse: '$.SendResponse' } },
      }),
      output: { value: { Responded: true } },
      idempotent: false,
      Examples: [
        { Title: 'Accept an invitation', Input: { EventId: 'AAMkAGI1AAAt9AHjAAA=', Response: 'accept' } },
        { Title: 'Decline with a reason', Input: { EventId: 'AAMkAGI1AAAt9AHjAAA=', Response: 'decline', Comment: 'I am out of office that day.' } },
      ],
      reference: ref('event-accept'),
      requires: { scopes: ['Calendars.ReadWrite'] },
    },
    {
      ActionId: 'ListCalendars',
      Name: 'List calendars',
      Description:
        "Lists the user's calendars (the default one and any others, including shared calendars added to Outlook): Id, Name, owner, whether it is the default and whether the user can edit it.",
      InputSchema: listInput({ UserId: userId }),
      request: perUser('/calendars', { method: 'GET', query: listQuery({ $$skip: '$.NextToken' }) }),
      output: {
        value: {
          Calendars: {
            $each: '$.Body.value',
            $as: { Id: '@.id', Name: '@.name', Color: '@.color', IsDefault: '@.isDefaultCalendar', CanEdit: '@.canEdit', Owner: '@.owner.address' },
          },
          NextToken: nextLink('$skip'),
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [{ Title: "The user's calendars", Input: {} }],
      reference: ref('user-list-calendars'),
      requires: { scopes: ['Calendars.ReadBasic'] },
    },
    {
      ActionId: 'FindMeetingTimes',
      Name: 'Find meeting times',
      Description:
        "Suggests times in a window when the user and the attendees are free (their work hours and free/busy), best first, for a meeting of DurationMinutes. Times are in TimeZone. Returns Suggestions (start, end, confidence, each attendee's availability) or, when none fits, EmptySuggestionsReason. Work or school mailboxes only; needs a signed-in user.",
      InputSchema: {
        type: 'object',
        required: ['Attendees', 'Start', 'End', 'DurationMinutes'],
        properties: {
          UserId: userId,
          Attendees: { ...emails, minItems: 1 },
          Start: { ...dateTime, description: 'The beginning of the search window.' },
          End: { ...dateTime, description: 'The end of the search window.' },
          TimeZone: { ...timeZone, default: 'UTC' },
          DurationMinutes: { type: 'integer', minimum: 1, maximum: 1440 },
          ActivityDomain: { enum: ['work', 'personal', 'unrestricted'], default: 'work', description: "'work' suggests only within work hours." },
          MaxCandidates: { type: 'integer', minimum: 1, maximum: 100 },
          IsOrganizerOptional: { type: 'boolean' },
          MinimumAttendeePercentage: { type: 'number', minimum: 0, maximum: 100 },
        },
      },
      request: perUser('/findMeetingTimes', {
        method: 'POST',
        headers: { Prefer: preferZone },
        body: {
          encoding: 'json',
          value: {
            attendees: { $each: '$.Attendees', $as: { emailAddress: { address: '@' }, type: 'required' } },
            timeConstraint: { activityDomain: '$.ActivityDomain', timeSlots: [slot('$.Start', '$.End', '$.TimeZone')] },
            meetingDuration: { $concat: ['PT', { $string: '$.DurationMinutes' }, 'M'] },
            maxCandidates: '$.MaxCandidates',
            isOrganizerOptional: '$.IsOrganizerOptional',
            minimumAttendeePercentage: '$.MinimumAttendeePercentage',
          },
        },
      }),
      output: {
        value: {
          Suggestions: {
            $each: '$.Body.meetingTimeSuggestions',
            $as: {
              Start: '@.meetingTimeSlot.start.dateTime',
              End: '@.meetingTimeSlot.end.dateTime',
              TimeZone: '@.meetingTimeSlot.start.timeZone',
              Confidence: '@.confidence',
              OrganizerAvailability: '@.organizerAvailability',
              SuggestionReason: '@.suggestionReason',
              Attendees: { $each: '@.attendeeAvailability', $as: { Email: '@.attendee.emailAddress.address', Availability: '@.availability' } },
            },
          },
          EmptySuggestionsReason: { $hook: 'nonEmpty', $of: '$.Body.emptySuggestionsReason' },
        },
      },
      // A question, not a change: safe to ask again.
      idempotent: true,
      Examples: [
        {
          Title: 'An hour with two colleagues next week',
          Input: {
            Attendees: ['alex@contoso.com', 'megan@contoso.com'],
            Start: '2025-03-03T09:00:00',
            End: '2025-03-07T17:00:00',
            TimeZone: 'Pacific Standard Time',
            DurationMinutes: 60,
            MaxCandidates: 5,
          },
        },
      ],
      reference: ref('user-findmeetingtimes'),
      requires: { grant: 'delegated', scopes: ['Calendars.Read.Shared'] },
    },
    // ── Contacts ───────────────────────────────────────────────────────────────
    {
      ActionId: 'ListContacts',
      Name: 'List contacts',
      Description:
        "Lists the user's personal Outlook contacts (not the organization's directory): names, email addresses, phones, company and title. Filter on e.g. \"startswith(displayName,'A')\". Returns Contacts and NextToken when there are more.",
      InputSchema: listInput({ UserId: userId }),
      request: perUser('/contacts', { method: 'GET', query: listQuery({ $$skip: '$.NextToken' }) }),
      output: {
        value: {
          Contacts: {
            $each: '$.Body.value',
            $as: {
              Id: '@.id',
              DisplayName: '@.displayName',
              GivenName: '@.givenName',
              Surname: '@.surname',
              Emails: { $each: '@.emailAddresses', $as: '@.address' },
              BusinessPhones: '@.businessPhones',
              MobilePhone: '@.mobilePhone',
              CompanyName: '@.companyName',
              JobTitle: '@.jobTitle',
            },
          },
          NextToken: nextLink('$skip'),
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        { Title: 'First 50 contacts by name', Input: { Top: 50, OrderBy: 'displayName' } },
        { Title: 'Contacts at a company', Input: { Filter: "companyName eq 'Fabrikam'" } },
      ],
      reference: ref('user-list-contacts'),
      requires: { scopes: ['Contacts.Read'] },
    },
    {
      ActionId: 'CreateContact',
      Name: 'Create contact',
      Description: "Adds a contact to the user's default Outlook contacts folder. Returns the new contact's Id and DisplayName.",
      InputSchema: {
        type: 'object',
        required: ['GivenName'],
        properties: {
          UserId: userId,
          GivenName: { type: 'string', minLength: 1, maxLength: 255 },
          Surname: { type: 'string', maxLength: 255 },
          DisplayName: { type: 'string', maxLength: 255 },
          Emails: { ...emails, maxItems: 3, description: 'Up to three email addresses (Outlook keeps three).' },
          BusinessPhones: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 64 }, maxItems: 2 },
          MobilePhone: { type: 'string', maxLength: 64 },
          CompanyName: { type: 'string', maxLength: 255 },
          JobTitle: { type: 'string', maxLength: 255 },
        },
      },
      request: perUser('/contacts', {
        method: 'POST',
        body: {
          encoding: 'json',
          value: {
            givenName: '$.GivenName',
            surname: '$.Surname',
            displayName: '$.DisplayName',
            emailAddresses: { $each: '$.Emails', $as: { address: '@' } },
            businessPhones: '$.BusinessPhones',
            mobilePhone: '$.MobilePhone',
            companyName: '$.CompanyName',
            jobTitle: '$.JobTitle',
          },
        },
      }),
      output: { value: { Id: '$.Body.id', DisplayName: '$.Body.displayName' } },
      idempotent: false,
      Examples: [
        {
          Title: 'Save a customer contact',
          Input: {
            GivenName: 'Pavel',
            Surname: 'Bansky',
            Emails: ['pavelb@fabrikam.onmicrosoft.com'],
            BusinessPhones: ['+1 732 555 0102'],
            CompanyName: 'Fabrikam',
          },
        },
      ],
      reference: ref('user-post-contacts'),
      requires: { scopes: ['Contacts.ReadWrite'] },
    },
  ],
};
