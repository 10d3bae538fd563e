// Sample invocations of the Outlook and Teams actions added for issue 16 (see
// catalog-samples.ts for the format). The answers follow the examples of Microsoft
// Graph's v1.0 reference pages named by each action's `reference`.
import type { HttpSample } from './catalog-samples.js';

const GRAPH = 'https://graph.microsoft.com/v1.0';

// ── Outlook ────────────────────────────────────────────────────────────────────
const MSG = 'AAMkAGI1AAAoZCfHAAA=';
const EVT = 'AAMkAGI1AAAt9AHjAAA=';

/** message-get's example answer (shortened). */
const graphMessage = {
  id: MSG,
  createdDateTime: '2017-05-08T15:29:40Z',
  receivedDateTime: '2017-05-08T15:29:41Z',
  sentDateTime: '2017-05-08T15:29:38Z',
  hasAttachments: false,
  internetMessageId: '<MWHPR1301MB211093D4F4EB6AC8B2DE2B4BF5E70@MWHPR1301MB2110.namprd13.prod.outlook.com>',
  subject: 'Welcome to the team',
  bodyPreview: 'Glad to have you on board.',
  importance: 'normal',
  parentFolderId: 'AAMkAGI1AAAAAAEMAAA=',
  conversationId: 'AAQkAGI1AAAQh5WfJ1pnRJhjz4aDr3QU=',
  isRead: false,
  isDraft: false,
  webLink: 'https://outlook.office365.com/owa/?ItemID=AAMkAGI1AAAoZCfHAAA%3D&exvsurl=1&viewmodel=ReadMessageItem',
  body: { contentType: 'text', content: 'Glad to have you on board.\r\n\r\nMegan' },
  from: { emailAddress: { name: 'Megan Bowen', address: 'MeganB@contoso.com' } },
  toRecipients: [{ emailAddress: { name: 'Alex Wilber', address: 'AlexW@contoso.com' } }],
  ccRecipients: [],
};
const messageResult = {
  Id: MSG,
  Subject: 'Welcome to the team',
  From: 'MeganB@contoso.com',
  FromName: 'Megan Bowen',
  To: ['AlexW@contoso.com'],
  Cc: [],
  ReceivedDateTime: '2017-05-08T15:29:41Z',
  SentDateTime: '2017-05-08T15:29:38Z',
  IsRead: false,
  IsDraft: false,
  HasAttachments: false,
  Importance: 'normal',
  ConversationId: 'AAQkAGI1AAAQh5WfJ1pnRJhjz4aDr3QU=',
  ParentFolderId: 'AAMkAGI1AAAAAAEMAAA=',
  WebLink: graphMessage.webLink,
  BodyPreview: 'Glad to have you on board.',
  BodyContentType: 'text',
  Body: 'Glad to have you on board.\r\n\r\nMegan',
};

/** event-get's example answer (shortened). */
const graphEvent = {
  id: EVT,
  subject: 'Plan summer company picnic',
  bodyPreview: "Let's kick-start this event planning!",
  body: { contentType: 'text', content: "Let's kick-start this event planning!" },
  start: { dateTime: '2017-04-21T10:00:00.0000000', timeZone: 'Pacific Standard Time' },
  end: { dateTime: '2017-04-21T12:00:00.0000000', timeZone: 'Pacific Standard Time' },
  isAllDay: false,
  isCancelled: false,
  isOrganizer: true,
  showAs: 'busy',
  responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
  location: { displayName: 'Conf Room 3; Fourth Coffee; Home Office', locationType: 'default' },
  attendees: [
    {
      type: 'required',
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      emailAddress: { name: 'Samantha Booth', address: 'samanthab@contoso.com' },
    },
    { type: 'optional', status: { response: 'accepted', time: '2017-04-20T08:00:00Z' }, emailAddress: { name: 'Dana Swope', address: 'danas@contoso.com' } },
  ],
  organizer: { emailAddress: { name: 'Megan Bowen', address: 'MeganB@contoso.com' } },
  isOnlineMeeting: true,
  onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzIyNzhlMGEt@thread.v2/0' },
  webLink: 'https://outlook.office365.com/owa/?itemid=AAMkAGI1AAAt9AHjAAA%3D&exvsurl=1&path=/calendar/item',
};
const eventResult = {
  Id: EVT,
  Subject: 'Plan summer company picnic',
  Start: '2017-04-21T10:00:00.0000000',
  End: '2017-04-21T12:00:00.0000000',
  TimeZone: 'Pacific Standard Time',
  IsAllDay: false,
  Location: 'Conf Room 3; Fourth Coffee; Home Office',
  Organizer: 'MeganB@contoso.com',
  Attendees: [
    { Email: 'samanthab@contoso.com', Name: 'Samantha Booth', Type: 'required', Response: 'none' },
    { Email: 'danas@contoso.com', Name: 'Dana Swope', Type: 'optional', Response: 'accepted' },
  ],
  IsOnlineMeeting: true,
  OnlineMeetingUrl: graphEvent.onlineMeeting.joinUrl,
  IsCancelled: false,
  IsOrganizer: true,
  ResponseStatus: 'organizer',
  ShowAs: 'busy',
  WebLink: graphEvent.webLink,
  BodyPreview: "Let's kick-start this event planning!",
  Body: "Let's kick-start this event planning!",
};

const OUTLOOK = 'MICROSOFT_OUTLOOK' as const;

const OUTLOOK_SAMPLES: HttpSample[] = [
  {
    type: OUTLOOK,
    actionId: 'GetMessage',
    base: GRAPH,
    input: { MessageId: MSG },
    expect: { method: 'GET', url: `/v1.0/me/messages/${MSG}`, headers: { prefer: 'outlook.body-content-type="text"' } },
    response: { json: graphMessage },
    result: { status: 'SUCCESS', httpStatus: 200, output: messageResult },
  },
  {
    type: OUTLOOK,
    actionId: 'GetMessage',
    note: 'another mailbox, HTML body, selected members',
    base: GRAPH,
    input: { UserId: 'megan@contoso.com', MessageId: MSG, BodyFormat: 'html', Select: ['subject', 'body'] },
    expect: {
      method: 'GET',
      url: `/v1.0/users/megan@contoso.com/messages/${MSG}?$select=subject%2Cbody`,
      headers: { prefer: 'outlook.body-content-type="html"' },
    },
    response: {
      json: { id: MSG, subject: 'Welcome to the team', body: { contentType: 'html', content: '<html><body><p>Glad to have you on board.</p></body></html>' } },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Id: MSG, Subject: 'Welcome to the team', BodyContentType: 'html', Body: '<html><body><p>Glad to have you on board.</p></body></html>' },
    },
  },
  {
    type: OUTLOOK,
    actionId: 'ReplyToMessage',
    base: GRAPH,
    input: { MessageId: MSG, Comment: 'Thanks, I will look into it today.' },
    expect: { method: 'POST', url: `/v1.0/me/messages/${MSG}/reply`, json: { comment: 'Thanks, I will look into it today.' } },
    response: { status: 202 },
    result: { status: 'SUCCESS', httpStatus: 202, output: { Sent: true } },
  },
  {
    type: OUTLOOK,
    actionId: 'ReplyAllToMessage',
    base: GRAPH,
    input: { UserId: 'megan@contoso.com', MessageId: MSG, Comment: 'Resolved.' },
    expect: { method: 'POST', url: `/v1.0/users/megan@contoso.com/messages/${MSG}/replyAll`, json: { comment: 'Resolved.' } },
    response: { status: 202 },
    result: { status: 'SUCCESS', httpStatus: 202, output: { Sent: true } },
  },
  {
    type: OUTLOOK,
    actionId: 'ForwardMessage',
    base: GRAPH,
    input: { MessageId: MSG, To: ['danas@contoso.com'], Comment: 'Dana, can you take this one?' },
    expect: {
      method: 'POST',
      url: `/v1.0/me/messages/${MSG}/forward`,
      json: { comment: 'Dana, can you take this one?', toRecipients: [{ emailAddress: { address: 'danas@contoso.com' } }] },
    },
    response: { status: 202 },
    result: { status: 'SUCCESS', httpStatus: 202, output: { Sent: true } },
  },
  {
    type: OUTLOOK,
    actionId: 'MoveMessage',
    base: GRAPH,
    input: { MessageId: MSG, DestinationFolderId: 'archive' },
    expect: { method: 'POST', url: `/v1.0/me/messages/${MSG}/move`, json: { destinationId: 'archive' } },
    response: { status: 201, json: { ...graphMessage, id: 'AAMkAGI1AAAoZCfIAAA=', parentFolderId: 'AAMkAGI1AAAAAAEeAAA=' } },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: { Id: 'AAMkAGI1AAAoZCfIAAA=', ParentFolderId: 'AAMkAGI1AAAAAAEeAAA=', Subject: 'Welcome to the team', WebLink: graphMessage.webLink },
    },
  },
  {
    type: OUTLOOK,
    actionId: 'MarkMessageRead',
    base: GRAPH,
    input: { MessageId: MSG },
    expect: { method: 'PATCH', url: `/v1.0/me/messages/${MSG}`, json: { isRead: true } },
    response: { json: { ...graphMessage, isRead: true } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Id: MSG, IsRead: true } },
  },
  {
    type: OUTLOOK,
    actionId: 'MarkMessageRead',
    note: 'unread',
    base: GRAPH,
    input: { MessageId: MSG, IsRead: false },
    expect: { method: 'PATCH', url: `/v1.0/me/messages/${MSG}`, json: { isRead: false } },
    response: { json: graphMessage },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Id: MSG, IsRead: false } },
  },
  {
    type: OUTLOOK,
    actionId: 'DeleteMessage',
    base: GRAPH,
    input: { MessageId: MSG },
    expect: { method: 'DELETE', url: `/v1.0/me/messages/${MSG}` },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Deleted: true } },
  },
  {
    type: OUTLOOK,
    actionId: 'ListMailFolders',
    base: GRAPH,
    input: { Top: 2, IncludeHiddenFolders: true },
    expect: { method: 'GET', url: '/v1.0/me/mailFolders?$top=2&includeHiddenFolders=true' },
    response: {
      json: {
        value: [
          {
            id: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e-T7KzowPTAAAAAAFJAAA=',
            displayName: 'Archive',
            parentFolderId: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e-T7KzowPTAAAAAAEIAAA=',
            childFolderCount: 0,
            unreadItemCount: 0,
            totalItemCount: 0,
            sizeInBytes: 0,
            isHidden: false,
          },
          {
            id: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAA=',
            displayName: 'Inbox',
            parentFolderId: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e-T7KzowPTAAAAAAEIAAA=',
            childFolderCount: 1,
            unreadItemCount: 70,
            totalItemCount: 71,
            sizeInBytes: 459709,
            isHidden: false,
          },
        ],
        '@odata.nextLink': 'https://graph.microsoft.com/v1.0/me/mailFolders?includeHiddenFolders=true&%24top=2&%24skip=2',
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Folders: [
          {
            Id: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e-T7KzowPTAAAAAAFJAAA=',
            DisplayName: 'Archive',
            ParentFolderId: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e-T7KzowPTAAAAAAEIAAA=',
            ChildFolderCount: 0,
            UnreadItemCount: 0,
            TotalItemCount: 0,
            IsHidden: false,
          },
          {
            Id: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAA=',
            DisplayName: 'Inbox',
            ParentFolderId: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e-T7KzowPTAAAAAAEIAAA=',
            ChildFolderCount: 1,
            UnreadItemCount: 70,
            TotalItemCount: 71,
            IsHidden: false,
          },
        ],
        NextToken: '2',
      },
    },
  },
  {
    type: OUTLOOK,
    actionId: 'ListMailFolders',
    note: 'child folders, application permissions',
    base: GRAPH,
    input: { UserId: 'megan@contoso.com', ParentFolderId: 'inbox', NextToken: '10' },
    expect: { method: 'GET', url: '/v1.0/users/megan@contoso.com/mailFolders/inbox/childFolders?$skip=10' },
    response: {
      json: {
        value: [
          {
            id: 'AAMkAGI1AAAAAAFKAAA=',
            displayName: 'Invoices',
            parentFolderId: 'AAMkAGI1AAAAAAEMAAA=',
            childFolderCount: 0,
            unreadItemCount: 3,
            totalItemCount: 12,
            isHidden: false,
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Folders: [
          {
            Id: 'AAMkAGI1AAAAAAFKAAA=',
            DisplayName: 'Invoices',
            ParentFolderId: 'AAMkAGI1AAAAAAEMAAA=',
            ChildFolderCount: 0,
            UnreadItemCount: 3,
            TotalItemCount: 12,
            IsHidden: false,
          },
        ],
      },
    },
  },
  {
    type: OUTLOOK,
    actionId: 'CreateDraft',
    base: GRAPH,
    input: { To: ['AdeleV@contoso.com'], Subject: "Did you see last night's game?", Body: 'They were <b>awesome</b>!', ContentType: 'html', Importance: 'low' },
    expect: {
      method: 'POST',
      url: '/v1.0/me/messages',
      json: {
        subject: "Did you see last night's game?",
        body: { contentType: 'html', content: 'They were <b>awesome</b>!' },
        toRecipients: [{ emailAddress: { address: 'AdeleV@contoso.com' } }],
        importance: 'low',
      },
    },
    response: {
      status: 201,
      json: {
        ...graphMessage,
        id: 'AAMkADA1MTAAAAqldOAAA=',
        subject: "Did you see last night's game?",
        isDraft: true,
        conversationId: 'AAQkADA1MTAAAQBxpWUQ',
        webLink: 'https://outlook.office365.com/owa/?ItemID=AAMkADA1MTAAAAqldOAAA%3D&exvsurl=1&viewmodel=ReadMessageItem',
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: {
        Id: 'AAMkADA1MTAAAAqldOAAA=',
        WebLink: 'https://outlook.office365.com/owa/?ItemID=AAMkADA1MTAAAAqldOAAA%3D&exvsurl=1&viewmodel=ReadMessageItem',
        ConversationId: 'AAQkADA1MTAAAQBxpWUQ',
        IsDraft: true,
      },
    },
  },
  {
    type: OUTLOOK,
    actionId: 'SendDraft',
    base: GRAPH,
    input: { MessageId: 'AAMkADA1MTAAAAqldOAAA=' },
    expect: { method: 'POST', url: '/v1.0/me/messages/AAMkADA1MTAAAAqldOAAA=/send' },
    response: { status: 202 },
    result: { status: 'SUCCESS', httpStatus: 202, output: { Sent: true } },
  },
  {
    type: OUTLOOK,
    actionId: 'GetEvent',
    base: GRAPH,
    input: { EventId: EVT, TimeZone: 'Pacific Standard Time' },
    expect: {
      method: 'GET',
      url: `/v1.0/me/events/${EVT}`,
      headers: { prefer: 'outlook.timezone="Pacific Standard Time", outlook.body-content-type="text"' },
    },
    response: { json: graphEvent },
    result: { status: 'SUCCESS', httpStatus: 200, output: eventResult },
  },
  {
    type: OUTLOOK,
    actionId: 'GetEvent',
    note: 'without TimeZone: UTC',
    base: GRAPH,
    input: { UserId: 'megan@contoso.com', EventId: EVT, Select: ['subject', 'start', 'end'] },
    expect: {
      method: 'GET',
      url: `/v1.0/users/megan@contoso.com/events/${EVT}?$select=subject%2Cstart%2Cend`,
      headers: { prefer: 'outlook.body-content-type="text"' },
    },
    response: {
      json: {
        id: EVT,
        subject: graphEvent.subject,
        start: { dateTime: '2017-04-21T17:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2017-04-21T19:00:00.0000000', timeZone: 'UTC' },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { Id: EVT, Subject: graphEvent.subject, Start: '2017-04-21T17:00:00.0000000', End: '2017-04-21T19:00:00.0000000', TimeZone: 'UTC' },
    },
  },
  {
    type: OUTLOOK,
    actionId: 'UpdateEvent',
    base: GRAPH,
    input: {
      EventId: EVT,
      Start: '2017-04-21T11:00:00',
      End: '2017-04-21T13:00:00',
      TimeZone: 'Pacific Standard Time',
      Location: 'Conf Room 4',
      ShowAs: 'tentative',
    },
    expect: {
      method: 'PATCH',
      url: `/v1.0/me/events/${EVT}`,
      json: {
        start: { dateTime: '2017-04-21T11:00:00', timeZone: 'Pacific Standard Time' },
        end: { dateTime: '2017-04-21T13:00:00', timeZone: 'Pacific Standard Time' },
        location: { displayName: 'Conf Room 4' },
        showAs: 'tentative',
      },
    },
    response: {
      json: {
        ...graphEvent,
        start: { dateTime: '2017-04-21T11:00:00.0000000', timeZone: 'Pacific Standard Time' },
        end: { dateTime: '2017-04-21T13:00:00.0000000', timeZone: 'Pacific Standard Time' },
        location: { displayName: 'Conf Room 4', locationType: 'default' },
        showAs: 'tentative',
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { ...eventResult, Start: '2017-04-21T11:00:00.0000000', End: '2017-04-21T13:00:00.0000000', Location: 'Conf Room 4', ShowAs: 'tentative' },
    },
  },
  {
    type: OUTLOOK,
    actionId: 'UpdateEvent',
    note: 'subject and attendees only: no start or end is sent',
    base: GRAPH,
    input: { UserId: 'megan@contoso.com', EventId: EVT, Subject: 'Picnic planning', Attendees: ['danas@contoso.com'] },
    expect: {
      method: 'PATCH',
      url: `/v1.0/users/megan@contoso.com/events/${EVT}`,
      json: { subject: 'Picnic planning', attendees: [{ emailAddress: { address: 'danas@contoso.com' }, type: 'required' }] },
    },
    response: { json: { id: EVT, subject: 'Picnic planning' } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Id: EVT, Subject: 'Picnic planning' } },
  },
  {
    type: OUTLOOK,
    actionId: 'DeleteEvent',
    base: GRAPH,
    input: { EventId: EVT },
    expect: { method: 'DELETE', url: `/v1.0/me/events/${EVT}` },
    response: { status: 204 },
    result: { status: 'SUCCESS', httpStatus: 204, output: { Deleted: true } },
  },
  {
    type: OUTLOOK,
    actionId: 'CancelEvent',
    base: GRAPH,
    input: { EventId: EVT, Comment: 'Cancelling for this week due to all hands' },
    expect: { method: 'POST', url: `/v1.0/me/events/${EVT}/cancel`, json: { comment: 'Cancelling for this week due to all hands' } },
    response: { status: 202 },
    result: { status: 'SUCCESS', httpStatus: 202, output: { Cancelled: true } },
  },
  {
    type: OUTLOOK,
    actionId: 'RespondToEvent',
    base: GRAPH,
    input: { EventId: EVT, Response: 'accept', Comment: 'I will be there.' },
    expect: { method: 'POST', url: `/v1.0/me/events/${EVT}/accept`, json: { comment: 'I will be there.', sendResponse: true } },
    response: { status: 202 },
    result: { status: 'SUCCESS', httpStatus: 202, output: { Responded: true } },
  },
  {
    type: OUTLOOK,
    actionId: 'RespondToEvent',
    note: 'tentatively, without notifying the organizer',
    base: GRAPH,
    input: { UserId: 'megan@contoso.com', EventId: EVT, Response: 'tentativelyAccept', SendResponse: false },
    expect: { method: 'POST', url: `/v1.0/users/megan@contoso.com/events/${EVT}/tentativelyAccept`, json: { sendResponse: false } },
    response: { status: 202 },
    result: { status: 'SUCCESS', httpStatus: 202, output: { Responded: true } },
  },
  {
    type: OUTLOOK,
    actionId: 'ListCalendars',
    base: GRAPH,
    input: {},
    expect: { method: 'GET', url: '/v1.0/me/calendars' },
    response: {
      json: {
        value: [
          {
            id: 'AAMkAGViNDU7zAAAAAGtlAAA=',
            name: 'Calendar',
            color: 'auto',
            isDefaultCalendar: true,
            changeKey: 'nfZyf7VcrEKLNoU37KWlkQAAA0x0+w==',
            canShareWithDelegates: true,
            canShare: true,
            canViewPrivateItems: true,
            canEdit: true,
            owner: { name: 'Samantha Booth', address: 'samanthab@contoso.com' },
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Calendars: [{ Id: 'AAMkAGViNDU7zAAAAAGtlAAA=', Name: 'Calendar', Color: 'auto', IsDefault: true, CanEdit: true, Owner: 'samanthab@contoso.com' }],
      },
    },
  },
  {
    type: OUTLOOK,
    actionId: 'FindMeetingTimes',
    base: GRAPH,
    input: {
      Attendees: ['samanthab@contoso.com'],
      Start: '2017-04-17T09:00:00',
      End: '2017-04-19T17:00:00',
      TimeZone: 'Pacific Standard Time',
      DurationMinutes: 120,
      MaxCandidates: 2,
      IsOrganizerOptional: false,
    },
    expect: {
      method: 'POST',
      url: '/v1.0/me/findMeetingTimes',
      headers: { prefer: 'outlook.timezone="Pacific Standard Time"' },
      json: {
        attendees: [{ emailAddress: { address: 'samanthab@contoso.com' }, type: 'required' }],
        timeConstraint: {
          activityDomain: 'work',
          timeSlots: [
            {
              start: { dateTime: '2017-04-17T09:00:00', timeZone: 'Pacific Standard Time' },
              end: { dateTime: '2017-04-19T17:00:00', timeZone: 'Pacific Standard Time' },
            },
          ],
        },
        meetingDuration: 'PT120M',
        maxCandidates: 2,
        isOrganizerOptional: false,
      },
    },
    response: {
      json: {
        emptySuggestionsReason: '',
        meetingTimeSuggestions: [
          {
            confidence: 100,
            organizerAvailability: 'free',
            suggestionReason: 'Suggested because it is one of the nearest times when all attendees are available.',
            meetingTimeSlot: {
              start: { dateTime: '2017-04-17T14:00:00.0000000', timeZone: 'Pacific Standard Time' },
              end: { dateTime: '2017-04-17T16:00:00.0000000', timeZone: 'Pacific Standard Time' },
            },
            attendeeAvailability: [{ availability: 'free', attendee: { type: 'required', emailAddress: { address: 'samanthab@contoso.com' } } }],
            locations: [{ displayName: 'Conf room Hood' }],
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Suggestions: [
          {
            Start: '2017-04-17T14:00:00.0000000',
            End: '2017-04-17T16:00:00.0000000',
            TimeZone: 'Pacific Standard Time',
            Confidence: 100,
            OrganizerAvailability: 'free',
            SuggestionReason: 'Suggested because it is one of the nearest times when all attendees are available.',
            Attendees: [{ Email: 'samanthab@contoso.com', Availability: 'free' }],
          },
        ],
      },
    },
  },
  {
    type: OUTLOOK,
    actionId: 'FindMeetingTimes',
    note: 'no suggestion: the reason',
    base: GRAPH,
    input: { Attendees: ['samanthab@contoso.com'], Start: '2017-04-18T09:00:00', End: '2017-04-20T17:00:00', DurationMinutes: 120 },
    expect: {
      method: 'POST',
      url: '/v1.0/me/findMeetingTimes',
      headers: { prefer: 'outlook.timezone="UTC"' },
      json: {
        attendees: [{ emailAddress: { address: 'samanthab@contoso.com' }, type: 'required' }],
        timeConstraint: {
          activityDomain: 'work',
          timeSlots: [{ start: { dateTime: '2017-04-18T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2017-04-20T17:00:00', timeZone: 'UTC' } }],
        },
        meetingDuration: 'PT120M',
      },
    },
    response: { json: { emptySuggestionsReason: 'AttendeesUnavailable', meetingTimeSuggestions: [] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Suggestions: [], EmptySuggestionsReason: 'AttendeesUnavailable' } },
  },
  {
    type: OUTLOOK,
    actionId: 'ListContacts',
    base: GRAPH,
    input: { Filter: "companyName eq 'Fabrikam'", Top: 1 },
    expect: { method: 'GET', url: '/v1.0/me/contacts?$top=1&$filter=companyName%20eq%20%27Fabrikam%27' },
    response: {
      json: {
        value: [
          {
            id: 'AAMkAGI2THk0AAA=',
            displayName: 'Pavel Bansky',
            givenName: 'Pavel',
            surname: 'Bansky',
            emailAddresses: [{ address: 'pavelb@fabrikam.onmicrosoft.com', name: 'Pavel Bansky' }],
            businessPhones: ['+1 732 555 0102'],
            mobilePhone: null,
            companyName: 'Fabrikam',
            jobTitle: 'Buyer',
          },
        ],
        '@odata.nextLink': "https://graph.microsoft.com/v1.0/me/contacts?%24filter=companyName+eq+'Fabrikam'&%24top=1&%24skip=1",
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Contacts: [
          {
            Id: 'AAMkAGI2THk0AAA=',
            DisplayName: 'Pavel Bansky',
            GivenName: 'Pavel',
            Surname: 'Bansky',
            Emails: ['pavelb@fabrikam.onmicrosoft.com'],
            BusinessPhones: ['+1 732 555 0102'],
            MobilePhone: null,
            CompanyName: 'Fabrikam',
            JobTitle: 'Buyer',
          },
        ],
        NextToken: '1',
      },
    },
  },
  {
    type: OUTLOOK,
    actionId: 'CreateContact',
    base: GRAPH,
    input: { GivenName: 'Pavel', Surname: 'Bansky', Emails: ['pavelb@fabrikam.onmicrosoft.com'], BusinessPhones: ['+1 732 555 0102'] },
    expect: {
      method: 'POST',
      url: '/v1.0/me/contacts',
      json: {
        givenName: 'Pavel',
        surname: 'Bansky',
        emailAddresses: [{ address: 'pavelb@fabrikam.onmicrosoft.com' }],
        businessPhones: ['+1 732 555 0102'],
      },
    },
    response: {
      status: 201,
      json: {
        id: 'AAMkAGI2THk0AAA=',
        displayName: 'Pavel Bansky',
        givenName: 'Pavel',
        surname: 'Bansky',
        emailAddresses: [{ address: 'pavelb@fabrikam.onmicrosoft.com', name: 'Pavel Bansky' }],
        businessPhones: ['+1 732 555 0102'],
      },
    },
    result: { status: 'SUCCESS', httpStatus: 201, output: { Id: 'AAMkAGI2THk0AAA=', DisplayName: 'Pavel Bansky' } },
  },
];

// ── Teams ──────────────────────────────────────────────────────────────────────
const TEAMS = 'MICROSOFT_TEAMS' as const;
const TEAM = '02bd9fd6-8f93-4758-87c3-1fb73740a315';
const CHANNEL = '19:09fc54a3141a45d0bc769cf506d2e079@thread.skype';
const CHAT = '19:2da4c29f6d7041eca70b638b43d45437@thread.v2';
const ROBIN = '8ea0e38b-efb3-4757-924a-5f94061cf8c2';
const channelPath = `/v1.0/teams/${TEAM}/channels/${CHANNEL}`;

/** A channel post, as channel-list-messages shows one. */
const post = {
  id: '1616990032035',
  replyToId: null,
  etag: '1616990032035',
  messageType: 'message',
  createdDateTime: '2021-03-29T03:53:52.035Z',
  lastModifiedDateTime: '2021-03-29T03:53:52.035Z',
  lastEditedDateTime: null,
  deletedDateTime: null,
  subject: 'Deploy',
  summary: null,
  chatId: null,
  importance: 'normal',
  locale: 'en-us',
  webUrl: `https://teams.microsoft.com/l/message/${CHANNEL}/1616990032035?groupId=${TEAM}&tenantId=2432b57b-0abd-43db-aa7b-16eadd115d34&createdTime=1616990032035&parentMessageId=1616990032035`,
  policyViolation: null,
  eventDetail: null,
  from: {
    application: null,
    device: null,
    user: { '@odata.type': '#microsoft.graph.teamworkUserIdentity', id: ROBIN, displayName: 'Robin Kline', userIdentityType: 'aadUser' },
  },
  body: { contentType: 'html', content: '<div>Deploy finished</div>' },
  channelIdentity: { teamId: TEAM, channelId: CHANNEL },
  attachments: [],
  mentions: [],
  reactions: [],
};
const postResult = {
  Id: '1616990032035',
  MessageType: 'message',
  CreatedDateTime: '2021-03-29T03:53:52.035Z',
  LastModifiedDateTime: '2021-03-29T03:53:52.035Z',
  Subject: 'Deploy',
  Importance: 'normal',
  From: 'Robin Kline',
  FromUserId: ROBIN,
  ContentType: 'html',
  Body: '<div>Deploy finished</div>',
  WebUrl: post.webUrl,
};
const reply = {
  ...post,
  id: '1616990171266',
  replyToId: '1616990032035',
  etag: '1616990171266',
  createdDateTime: '2021-03-29T03:56:11.266Z',
  lastModifiedDateTime: '2021-03-29T03:56:11.266Z',
  subject: null,
  webUrl: null,
  from: {
    application: { '@odata.type': '#microsoft.graph.teamworkApplicationIdentity', id: 'b1c5353a-7aca-41b3-830f-27d5218fe0e5', displayName: 'Deploy Bot' },
    device: null,
    user: null,
  },
  body: { contentType: 'text', content: 'Rolled out to all regions.' },
};
const replyResult = {
  Id: '1616990171266',
  ReplyToId: '1616990032035',
  MessageType: 'message',
  CreatedDateTime: '2021-03-29T03:56:11.266Z',
  LastModifiedDateTime: '2021-03-29T03:56:11.266Z',
  Importance: 'normal',
  From: 'Deploy Bot',
  ContentType: 'text',
  Body: 'Rolled out to all regions.',
};
/** A chat message, as chat-list-messages shows one. */
const chatMessage = {
  ...post,
  id: '1616965872395',
  etag: '1616965872395',
  createdDateTime: '2021-03-28T21:11:12.395Z',
  lastModifiedDateTime: '2021-03-28T21:11:12.395Z',
  subject: null,
  chatId: CHAT,
  webUrl: null,
  channelIdentity: null,
  body: { contentType: 'html', content: '<p>Hello world</p>' },
};

const TEAMS_SAMPLES: HttpSample[] = [
  {
    type: TEAMS,
    actionId: 'GetTeam',
    base: GRAPH,
    input: { TeamId: TEAM },
    expect: { method: 'GET', url: `/v1.0/teams/${TEAM}` },
    response: {
      json: {
        id: TEAM,
        createdDateTime: '2020-03-12T13:25:48.727Z',
        displayName: 'Contoso Team',
        description: 'This is a Contoso team, used to showcase the range of properties supported by this API',
        internalId: '19:09fc54a3141a45d0bc769cf506d2e079@thread.skype',
        classification: null,
        specialization: 'none',
        visibility: 'public',
        webUrl:
          'https://teams.microsoft.com/l/team/19:09fc54a3141a45d0bc769cf506d2e079%40thread.skype/conversations?groupId=02bd9fd6-8f93-4758-87c3-1fb73740a315&tenantId=dcd219dd-bc68-4b9b-bf0b-4a33a796be35',
        isArchived: false,
        isMembershipLimitedToOwners: false,
        memberSettings: { allowCreateUpdateChannels: true },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Id: TEAM,
        DisplayName: 'Contoso Team',
        Description: 'This is a Contoso team, used to showcase the range of properties supported by this API',
        Visibility: 'public',
        IsArchived: false,
        Classification: null,
        CreatedDateTime: '2020-03-12T13:25:48.727Z',
        WebUrl:
          'https://teams.microsoft.com/l/team/19:09fc54a3141a45d0bc769cf506d2e079%40thread.skype/conversations?groupId=02bd9fd6-8f93-4758-87c3-1fb73740a315&tenantId=dcd219dd-bc68-4b9b-bf0b-4a33a796be35',
      },
    },
  },
  {
    type: TEAMS,
    actionId: 'GetChannel',
    base: GRAPH,
    input: { TeamId: TEAM, ChannelId: CHANNEL },
    expect: { method: 'GET', url: channelPath },
    response: {
      json: {
        id: CHANNEL,
        createdDateTime: '2020-05-27T19:22:25.692Z',
        displayName: 'General',
        description: 'test',
        isFavoriteByDefault: null,
        email: 'General - Contoso <contoso@contoso.onmicrosoft.com>',
        webUrl:
          'https://teams.microsoft.com/l/channel/19%3a09fc54a3141a45d0bc769cf506d2e079%40thread.skype/General?groupId=02bd9fd6-8f93-4758-87c3-1fb73740a315',
        membershipType: 'standard',
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Id: CHANNEL,
        DisplayName: 'General',
        Description: 'test',
        MembershipType: 'standard',
        Email: 'General - Contoso <contoso@contoso.onmicrosoft.com>',
        CreatedDateTime: '2020-05-27T19:22:25.692Z',
        WebUrl:
          'https://teams.microsoft.com/l/channel/19%3a09fc54a3141a45d0bc769cf506d2e079%40thread.skype/General?groupId=02bd9fd6-8f93-4758-87c3-1fb73740a315',
      },
    },
  },
  {
    type: TEAMS,
    actionId: 'CreateChannel',
    base: GRAPH,
    input: { TeamId: TEAM, DisplayName: 'Architecture Discussion', Description: 'This channel is where we debate all future architecture plans' },
    expect: {
      method: 'POST',
      url: `/v1.0/teams/${TEAM}/channels`,
      json: {
        displayName: 'Architecture Discussion',
        description: 'This channel is where we debate all future architecture plans',
        membershipType: 'standard',
      },
    },
    response: {
      status: 201,
      json: {
        id: '19:4b6bed8d24574f6a9e436813cb2617d8@thread.tacv2',
        displayName: 'Architecture Discussion',
        description: 'This channel is where we debate all future architecture plans',
        membershipType: 'standard',
        webUrl: 'https://teams.microsoft.com/l/channel/19%3a4b6bed8d24574f6a9e436813cb2617d8%40thread.tacv2/Architecture%20Discussion',
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: {
        Id: '19:4b6bed8d24574f6a9e436813cb2617d8@thread.tacv2',
        DisplayName: 'Architecture Discussion',
        Description: 'This channel is where we debate all future architecture plans',
        MembershipType: 'standard',
        WebUrl: 'https://teams.microsoft.com/l/channel/19%3a4b6bed8d24574f6a9e436813cb2617d8%40thread.tacv2/Architecture%20Discussion',
      },
    },
  },
  {
    type: TEAMS,
    actionId: 'CreateChannel',
    note: 'a private channel with its owner',
    base: GRAPH,
    input: { TeamId: TEAM, DisplayName: 'My First Private Channel', MembershipType: 'private', OwnerUserId: '62855810-484b-4823-9e01-60667f8b12ae' },
    expect: {
      method: 'POST',
      url: `/v1.0/teams/${TEAM}/channels`,
      json: {
        displayName: 'My First Private Channel',
        membershipType: 'private',
        members: [
          {
            '@odata.type': '#microsoft.graph.aadUserConversationMember',
            'user@odata.bind': "https://graph.microsoft.com/v1.0/users('62855810-484b-4823-9e01-60667f8b12ae')",
            roles: ['owner'],
          },
        ],
      },
    },
    response: {
      status: 201,
      json: { id: '19:33b76eea88574bd1969dca37e2b7a819@thread.skype', displayName: 'My First Private Channel', description: null, membershipType: 'private' },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: { Id: '19:33b76eea88574bd1969dca37e2b7a819@thread.skype', DisplayName: 'My First Private Channel', Description: null, MembershipType: 'private' },
    },
  },
  {
    type: TEAMS,
    actionId: 'ListChannelMessages',
    base: GRAPH,
    input: { TeamId: TEAM, ChannelId: CHANNEL, Top: 2, IncludeReplies: true },
    expect: { method: 'GET', url: `${channelPath}/messages?$top=2&$expand=replies` },
    response: {
      json: {
        '@odata.count': 1,
        '@odata.nextLink': `https://graph.microsoft.com/v1.0/teams/${TEAM}/channels/${CHANNEL}/messages?$top=2&$expand=replies&$skiptoken=%5b%7B%22token%22%3a%22%2bRID%3a~vpsQAJ9uAC047gwAAACcBQ%3d%3d%23RT%3a1%23TRC%3a20%22%7D%5d`,
        value: [{ ...post, replies: [reply] }],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Messages: [{ ...postResult, Replies: [replyResult] }],
        NextToken: '[{"token":"+RID:~vpsQAJ9uAC047gwAAACcBQ==#RT:1#TRC:20"}]',
      },
    },
  },
  {
    type: TEAMS,
    actionId: 'ListChannelMessages',
    note: 'the next page',
    base: GRAPH,
    input: { TeamId: TEAM, ChannelId: CHANNEL, NextToken: '[{"token":"+RID:~vpsQAJ9uAC047gwAAACcBQ==#RT:1#TRC:20"}]' },
    expect: {
      method: 'GET',
      url: `${channelPath}/messages?$skiptoken=%5B%7B%22token%22%3A%22%2BRID%3A~vpsQAJ9uAC047gwAAACcBQ%3D%3D%23RT%3A1%23TRC%3A20%22%7D%5D`,
    },
    response: { json: { value: [post] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Messages: [postResult] } },
  },
  {
    type: TEAMS,
    actionId: 'GetChannelMessage',
    base: GRAPH,
    input: { TeamId: TEAM, ChannelId: CHANNEL, MessageId: '1616990032035' },
    expect: { method: 'GET', url: `${channelPath}/messages/1616990032035` },
    response: { json: post },
    result: { status: 'SUCCESS', httpStatus: 200, output: postResult },
  },
  {
    type: TEAMS,
    actionId: 'GetChannelMessage',
    note: 'a reply',
    base: GRAPH,
    input: { TeamId: TEAM, ChannelId: CHANNEL, MessageId: '1616990032035', ReplyId: '1616990171266' },
    expect: { method: 'GET', url: `${channelPath}/messages/1616990032035/replies/1616990171266` },
    response: { json: reply },
    result: { status: 'SUCCESS', httpStatus: 200, output: replyResult },
  },
  {
    type: TEAMS,
    actionId: 'ListMessageReplies',
    base: GRAPH,
    input: { TeamId: TEAM, ChannelId: CHANNEL, MessageId: '1616990032035', Top: 50 },
    expect: { method: 'GET', url: `${channelPath}/messages/1616990032035/replies?$top=50` },
    response: { json: { '@odata.count': 1, value: [reply] } },
    result: { status: 'SUCCESS', httpStatus: 200, output: { Messages: [replyResult] } },
  },
  {
    type: TEAMS,
    actionId: 'ReplyToChannelMessage',
    base: GRAPH,
    input: { TeamId: TEAM, ChannelId: CHANNEL, MessageId: '1616990032035', Body: 'Hello World' },
    expect: { method: 'POST', url: `${channelPath}/messages/1616990032035/replies`, json: { body: { contentType: 'text', content: 'Hello World' } } },
    response: {
      status: 201,
      json: {
        ...reply,
        id: '1616991851162',
        from: post.from,
        body: { contentType: 'text', content: 'Hello World' },
        createdDateTime: '2021-03-29T04:24:11.162Z',
        webUrl: 'https://teams.microsoft.com/l/message/x/1616991851162',
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: { Id: '1616991851162', WebUrl: 'https://teams.microsoft.com/l/message/x/1616991851162', CreatedDateTime: '2021-03-29T04:24:11.162Z' },
    },
  },
  {
    type: TEAMS,
    actionId: 'ListChats',
    base: GRAPH,
    input: { Top: 2, Expand: ['members', 'lastMessagePreview'], OrderBy: 'lastMessagePreview/createdDateTime desc' },
    expect: { method: 'GET', url: '/v1.0/me/chats?$top=2&$expand=members%2ClastMessagePreview&$orderby=lastMessagePreview%2FcreatedDateTime%20desc' },
    response: {
      json: {
        '@odata.count': 1,
        '@odata.nextLink':
          'https://graph.microsoft.com/v1.0/me/chats?$top=2&$expand=members,lastMessagePreview&$orderby=lastMessagePreview/createdDateTime+desc&$skiptoken=1.kscDYs0BAAA',
        value: [
          {
            id: CHAT,
            topic: 'Meeting chat sample',
            createdDateTime: '2020-12-08T23:53:05.801Z',
            lastUpdatedDateTime: '2020-12-08T23:58:32.511Z',
            chatType: 'group',
            webUrl: `https://teams.microsoft.com/l/chat/${CHAT}/0?tenantId=b33cbe9f-8ebe-4f2a-912b-7e2a427f477f`,
            tenantId: 'b33cbe9f-8ebe-4f2a-912b-7e2a427f477f',
            members: [
              {
                '@odata.type': '#microsoft.graph.aadUserConversationMember',
                id: 'MCMjMjQzMmI1N2ItMGFiZC00M2RiLWFhN2ItMTZlYWRkMTE1ZDM0',
                roles: ['owner'],
                displayName: 'John Doe',
                userId: '8b081ef6-4792-4def-b2c9-c363a1bf41d5',
              },
              {
                '@odata.type': '#microsoft.graph.aadUserConversationMember',
                id: 'MCMjMjQzMmI1N2ItMGFiZC00M2RiLWFhN2ItMTZlYWRkMTE1ZDM1',
                roles: ['owner'],
                displayName: 'Adele Vance',
                userId: ROBIN,
              },
            ],
            lastMessagePreview: {
              id: '1607471912516',
              createdDateTime: '2020-12-08T23:58:32.511Z',
              isDeleted: false,
              messageType: 'message',
              body: { contentType: 'text', content: 'See you at 3.' },
            },
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Chats: [
          {
            Id: CHAT,
            Topic: 'Meeting chat sample',
            ChatType: 'group',
            CreatedDateTime: '2020-12-08T23:53:05.801Z',
            LastUpdatedDateTime: '2020-12-08T23:58:32.511Z',
            WebUrl: `https://teams.microsoft.com/l/chat/${CHAT}/0?tenantId=b33cbe9f-8ebe-4f2a-912b-7e2a427f477f`,
            Members: ['John Doe', 'Adele Vance'],
            LastMessage: 'See you at 3.',
            LastMessageDateTime: '2020-12-08T23:58:32.511Z',
          },
        ],
        NextToken: '1.kscDYs0BAAA',
      },
    },
  },
  {
    type: TEAMS,
    actionId: 'ListChats',
    note: "a user's chats (application permissions), next page",
    base: GRAPH,
    input: { UserId: '8b081ef6-4792-4def-b2c9-c363a1bf41d5', Filter: "chatType eq 'oneOnOne'", NextToken: '1.kscDYs0BAAA' },
    expect: { method: 'GET', url: '/v1.0/users/8b081ef6-4792-4def-b2c9-c363a1bf41d5/chats?$filter=chatType%20eq%20%27oneOnOne%27&$skiptoken=1.kscDYs0BAAA' },
    response: {
      json: {
        value: [
          {
            id: '19:8b081ef6-4792-4def-b2c9-c363a1bf41d5_5031bb31-22c0-4f6f-9f73-91d34ab2b32d@unq.gbl.spaces',
            topic: null,
            chatType: 'oneOnOne',
            createdDateTime: '2020-12-04T23:10:28.51Z',
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Chats: [
          {
            Id: '19:8b081ef6-4792-4def-b2c9-c363a1bf41d5_5031bb31-22c0-4f6f-9f73-91d34ab2b32d@unq.gbl.spaces',
            Topic: null,
            ChatType: 'oneOnOne',
            CreatedDateTime: '2020-12-04T23:10:28.51Z',
          },
        ],
      },
    },
  },
  {
    type: TEAMS,
    actionId: 'ListChatMessages',
    base: GRAPH,
    input: { ChatId: CHAT, Top: 2, OrderBy: 'createdDateTime desc', Filter: 'createdDateTime lt 2022-09-22T00:00:00.000Z' },
    expect: {
      method: 'GET',
      url: `/v1.0/chats/${CHAT}/messages?$top=2&$orderby=createdDateTime%20desc&$filter=createdDateTime%20lt%202022-09-22T00%3A00%3A00.000Z`,
    },
    response: {
      json: {
        '@odata.count': 1,
        '@odata.nextLink': `https://graph.microsoft.com/v1.0/chats/${CHAT}/messages?$top=2&$skiptoken=M2UyZDAwMDAwMDMxMzkzYTMyNjQ2MTM0NjMzMjM5NjYzNjY0MzczMDM0MzE2NTYzNjEzNzMwNjIzNjMzMzg2MjM0MzM2NDM0MzUzNDMzMzc0MDc0Njg3MjY1NjE2NDJlNzYzMjAxZTM3ZTZlMjM3ODAxMDAwMDg4NjA5ODdhNzgwMTAwMDA%3d`,
        value: [chatMessage],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Messages: [
          {
            Id: '1616965872395',
            MessageType: 'message',
            CreatedDateTime: '2021-03-28T21:11:12.395Z',
            LastModifiedDateTime: '2021-03-28T21:11:12.395Z',
            Importance: 'normal',
            From: 'Robin Kline',
            FromUserId: ROBIN,
            ContentType: 'html',
            Body: '<p>Hello world</p>',
          },
        ],
        NextToken:
          'M2UyZDAwMDAwMDMxMzkzYTMyNjQ2MTM0NjMzMjM5NjYzNjY0MzczMDM0MzE2NTYzNjEzNzMwNjIzNjMzMzg2MjM0MzM2NDM0MzUzNDMzMzc0MDc0Njg3MjY1NjE2NDJlNzYzMjAxZTM3ZTZlMjM3ODAxMDAwMDg4NjA5ODdhNzgwMTAwMDA=',
      },
    },
  },
  {
    type: TEAMS,
    actionId: 'CreateChat',
    base: GRAPH,
    input: { MemberIds: ['8b081ef6-4792-4def-b2c9-c363a1bf41d5', 'alex@contoso.com'] },
    expect: {
      method: 'POST',
      url: '/v1.0/chats',
      json: {
        chatType: 'oneOnOne',
        members: [
          {
            '@odata.type': '#microsoft.graph.aadUserConversationMember',
            roles: ['owner'],
            'user@odata.bind': "https://graph.microsoft.com/v1.0/users('8b081ef6-4792-4def-b2c9-c363a1bf41d5')",
          },
          {
            '@odata.type': '#microsoft.graph.aadUserConversationMember',
            roles: ['owner'],
            'user@odata.bind': "https://graph.microsoft.com/v1.0/users('alex@contoso.com')",
          },
        ],
      },
    },
    response: {
      status: 201,
      json: {
        id: '19:8b081ef6-4792-4def-b2c9-c363a1bf41d5_5031bb31-22c0-4f6f-9f73-91d34ab2b32d@unq.gbl.spaces',
        topic: null,
        createdDateTime: '2020-12-04T23:10:28.51Z',
        lastUpdatedDateTime: '2020-12-04T23:10:28.51Z',
        chatType: 'oneOnOne',
        webUrl: 'https://teams.microsoft.com/l/chat/19%3A8b081ef6-4792-4def-b2c9-c363a1bf41d5_5031bb31-22c0-4f6f-9f73-91d34ab2b32d%40unq.gbl.spaces/0',
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: {
        Id: '19:8b081ef6-4792-4def-b2c9-c363a1bf41d5_5031bb31-22c0-4f6f-9f73-91d34ab2b32d@unq.gbl.spaces',
        Topic: null,
        ChatType: 'oneOnOne',
        WebUrl: 'https://teams.microsoft.com/l/chat/19%3A8b081ef6-4792-4def-b2c9-c363a1bf41d5_5031bb31-22c0-4f6f-9f73-91d34ab2b32d%40unq.gbl.spaces/0',
        CreatedDateTime: '2020-12-04T23:10:28.51Z',
      },
    },
  },
  {
    type: TEAMS,
    actionId: 'CreateChat',
    note: 'a group chat with a topic',
    base: GRAPH,
    input: { ChatType: 'group', Topic: 'Group chat title', MemberIds: ['8b081ef6-4792-4def-b2c9-c363a1bf41d5', 'alex@contoso.com', 'dana@contoso.com'] },
    expect: {
      method: 'POST',
      url: '/v1.0/chats',
      json: {
        chatType: 'group',
        topic: 'Group chat title',
        members: ['8b081ef6-4792-4def-b2c9-c363a1bf41d5', 'alex@contoso.com', 'dana@contoso.com'].map((u) => ({
          '@odata.type': '#microsoft.graph.aadUserConversationMember',
          roles: ['owner'],
          'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${u}')`,
        })),
      },
    },
    response: {
      status: 201,
      json: { id: '19:1c5b01696d2e4a179c292bc9cf04e63b@thread.v2', topic: 'Group chat title', chatType: 'group', createdDateTime: '2020-12-04T23:11:16.175Z' },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: {
        Id: '19:1c5b01696d2e4a179c292bc9cf04e63b@thread.v2',
        Topic: 'Group chat title',
        ChatType: 'group',
        CreatedDateTime: '2020-12-04T23:11:16.175Z',
      },
    },
  },
  {
    type: TEAMS,
    actionId: 'ListTeamMembers',
    base: GRAPH,
    input: { TeamId: TEAM, Filter: "roles/any(r:r eq 'owner')" },
    expect: { method: 'GET', url: `/v1.0/teams/${TEAM}/members?$filter=roles%2Fany%28r%3Ar%20eq%20%27owner%27%29` },
    response: {
      json: {
        value: [
          {
            '@odata.type': '#microsoft.graph.aadUserConversationMember',
            id: 'ZWUwZjVhZTItOGJjNi00YWU1LTg0NjYtN2RhZWViYmZhMDYyIyM3Mzc2MWYwNi0yYWMyLTRiYWEtODc5NS1jY2UzNDFiNTVhNzE=',
            roles: ['owner'],
            displayName: 'Adele Vance',
            visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
            userId: '73761f06-2ac2-4baa-8795-cce341b55a71',
            email: 'AdeleV@M365x987948.OnMicrosoft.com',
            tenantId: '4dc1fe35-8ac6-4f0d-904a-7ebcd364bea1',
          },
        ],
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        Members: [
          {
            Id: 'ZWUwZjVhZTItOGJjNi00YWU1LTg0NjYtN2RhZWViYmZhMDYyIyM3Mzc2MWYwNi0yYWMyLTRiYWEtODc5NS1jY2UzNDFiNTVhNzE=',
            UserId: '73761f06-2ac2-4baa-8795-cce341b55a71',
            DisplayName: 'Adele Vance',
            Email: 'AdeleV@M365x987948.OnMicrosoft.com',
            Roles: ['owner'],
          },
        ],
      },
    },
  },
  {
    type: TEAMS,
    actionId: 'AddTeamMember',
    base: GRAPH,
    input: { TeamId: TEAM, UserId: '8b081ef6-4792-4def-b2c9-c363a1bf41d5', Owner: true },
    expect: {
      method: 'POST',
      url: `/v1.0/teams/${TEAM}/members`,
      json: {
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        roles: ['owner'],
        'user@odata.bind': "https://graph.microsoft.com/v1.0/users('8b081ef6-4792-4def-b2c9-c363a1bf41d5')",
      },
    },
    response: {
      status: 201,
      json: {
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        id: 'ZWUwZjVhZTItOGJjNi00YWU1LTg0NjYtN2RhZWViYmZhMDYyIyM4YjA4MWVmNi00NzkyLTRkZWYtYjJjOS1jMzYzYTFiZjQxZDU=',
        roles: ['owner'],
        userId: '8b081ef6-4792-4def-b2c9-c363a1bf41d5',
        displayName: 'Cameron White',
        email: 'CameronW@M365x987948.OnMicrosoft.com',
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: {
        Id: 'ZWUwZjVhZTItOGJjNi00YWU1LTg0NjYtN2RhZWViYmZhMDYyIyM4YjA4MWVmNi00NzkyLTRkZWYtYjJjOS1jMzYzYTFiZjQxZDU=',
        UserId: '8b081ef6-4792-4def-b2c9-c363a1bf41d5',
        DisplayName: 'Cameron White',
        Email: 'CameronW@M365x987948.OnMicrosoft.com',
        Roles: ['owner'],
      },
    },
  },
  {
    type: TEAMS,
    actionId: 'AddTeamMember',
    note: 'a member by user principal name',
    base: GRAPH,
    input: { TeamId: TEAM, UserId: 'jacob@contoso.com' },
    expect: {
      method: 'POST',
      url: `/v1.0/teams/${TEAM}/members`,
      json: {
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        roles: [],
        'user@odata.bind': "https://graph.microsoft.com/v1.0/users('jacob@contoso.com')",
      },
    },
    response: {
      status: 201,
      json: {
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        id: 'ZWUwZjVhZTItOGJjNi00YWU1',
        roles: [],
        userId: '8c0a1a67-50ce-4114-bb6c-da9c5dbcf6ca',
        displayName: 'Jacob Hancock',
        email: 'jacob@contoso.com',
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: {
        Id: 'ZWUwZjVhZTItOGJjNi00YWU1',
        UserId: '8c0a1a67-50ce-4114-bb6c-da9c5dbcf6ca',
        DisplayName: 'Jacob Hancock',
        Email: 'jacob@contoso.com',
        Roles: [],
      },
    },
  },
  {
    type: TEAMS,
    actionId: 'CreateOnlineMeeting',
    base: GRAPH,
    input: { Subject: 'User Token Meeting', StartDateTime: '2019-07-12T14:30:34.2444915-07:00', EndDateTime: '2019-07-12T15:00:34.2464912-07:00' },
    expect: {
      method: 'POST',
      url: '/v1.0/me/onlineMeetings',
      json: { subject: 'User Token Meeting', startDateTime: '2019-07-12T14:30:34.2444915-07:00', endDateTime: '2019-07-12T15:00:34.2464912-07:00' },
    },
    response: {
      status: 201,
      json: {
        id: 'MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZ-YjNjMjItMTg3YTNiYWYyZWVmKjAqKjE5Om1lZXRpbmdfTkdGbE5UVXdNVFl0WXpSbU1TMDBZbVl3TFRrd01qZ3RaR1JsWmpZeE5qUTNOR0l5QHRocmVhZC52Mg',
        creationDateTime: '2019-07-11T02:17:17.6491364Z',
        startDateTime: '2019-07-11T02:17:17.6491364Z',
        endDateTime: '2019-07-11T02:47:17.651138Z',
        joinWebUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NGFlNTUwMTYtYzRmMS00YmYwLTkwMjgtZGRlZjYxNjQ3NGI2%40thread.v2/0',
        subject: 'User Token Meeting',
        joinMeetingIdSettings: { isPasscodeRequired: false, joinMeetingId: '1234567890', passcode: null },
        audioConferencing: {
          tollNumber: '+12525634478',
          tollFreeNumber: '+18666390588',
          conferenceId: '9999999',
          dialinUrl: 'https://dialin.teams.microsoft.com/22f12fa0-499f-435b-bc69-b8de580ba330?id=9999999',
        },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: {
        Id: 'MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZ-YjNjMjItMTg3YTNiYWYyZWVmKjAqKjE5Om1lZXRpbmdfTkdGbE5UVXdNVFl0WXpSbU1TMDBZbVl3TFRrd01qZ3RaR1JsWmpZeE5qUTNOR0l5QHRocmVhZC52Mg',
        JoinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NGFlNTUwMTYtYzRmMS00YmYwLTkwMjgtZGRlZjYxNjQ3NGI2%40thread.v2/0',
        Subject: 'User Token Meeting',
        StartDateTime: '2019-07-11T02:17:17.6491364Z',
        EndDateTime: '2019-07-11T02:47:17.651138Z',
        MeetingCode: '1234567890',
        Passcode: null,
        DialInNumber: '+12525634478',
        ConferenceId: '9999999',
      },
    },
  },
  {
    type: TEAMS,
    actionId: 'CreateOnlineMeeting',
    note: 'application permissions: the organizer is UserId',
    base: GRAPH,
    input: {
      UserId: 'dc17674c-81d9-4adb-bfb2-8f6a442e4622',
      Subject: 'Customer call',
      StartDateTime: '2025-03-01T09:30:00Z',
      EndDateTime: '2025-03-01T10:00:00Z',
    },
    expect: {
      method: 'POST',
      url: '/v1.0/users/dc17674c-81d9-4adb-bfb2-8f6a442e4622/onlineMeetings',
      json: { subject: 'Customer call', startDateTime: '2025-03-01T09:30:00Z', endDateTime: '2025-03-01T10:00:00Z' },
    },
    response: {
      status: 201,
      json: {
        id: 'MSpkYzE3',
        subject: 'Customer call',
        joinWebUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0',
        startDateTime: '2025-03-01T09:30:00Z',
        endDateTime: '2025-03-01T10:00:00Z',
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 201,
      output: {
        Id: 'MSpkYzE3',
        JoinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0',
        Subject: 'Customer call',
        StartDateTime: '2025-03-01T09:30:00Z',
        EndDateTime: '2025-03-01T10:00:00Z',
      },
    },
  },
  {
    type: TEAMS,
    actionId: 'GetPresence',
    base: GRAPH,
    input: {},
    expect: { method: 'GET', url: '/v1.0/me/presence' },
    response: { json: { id: 'fa8bf3dc-eca7-46b7-bad1-db199b62afc3', availability: 'Available', activity: 'Available', statusMessage: null } },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: { UserId: 'fa8bf3dc-eca7-46b7-bad1-db199b62afc3', Availability: 'Available', Activity: 'Available' },
    },
  },
  {
    type: TEAMS,
    actionId: 'GetPresence',
    note: "another user's, with a status message",
    base: GRAPH,
    input: { UserId: '66825e03-7ef5-42da-9069-724602c31f6b' },
    expect: { method: 'GET', url: '/v1.0/users/66825e03-7ef5-42da-9069-724602c31f6b/presence' },
    response: {
      json: {
        id: '66825e03-7ef5-42da-9069-724602c31f6b',
        availability: 'DoNotDisturb',
        activity: 'Presenting',
        statusMessage: {
          message: { content: 'Presenting until 3pm', contentType: 'text' },
          expiryDateTime: { dateTime: '2025-03-01T15:00:00', timeZone: 'UTC' },
        },
        outOfOfficeSettings: { message: null, isOutOfOffice: false },
      },
    },
    result: {
      status: 'SUCCESS',
      httpStatus: 200,
      output: {
        UserId: '66825e03-7ef5-42da-9069-724602c31f6b',
        Availability: 'DoNotDisturb',
        Activity: 'Presenting',
        StatusMessage: 'Presenting until 3pm',
        IsOutOfOffice: false,
      },
    },
  },
];

export const MSMAIL_SAMPLES: HttpSample[] = [...OUTLOOK_SAMPLES, ...TEAMS_SAMPLES];
