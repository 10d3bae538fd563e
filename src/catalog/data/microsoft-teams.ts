// MICROSOFT_TEAMS: Microsoft Graph v1.0 (Teams); shared parts in graph-common.ts.
// Graph publishes no OpenAPI we keep, so every action names its reference page and the
// least-privileged permissions of Microsoft's table: one name when one permission serves
// delegated and application tokens, else the delegated one first, then the application
// one. For application tokens we name the tenant-wide permission; Microsoft's least
// privileged is often a resource-specific-consent one (ChannelMessage.Read.Group,
// ChatMessage.Read.Chat...) that works only where the app is installed in the team or chat.
// `grant` is set where Microsoft refuses one kind of token.
import type { Catalog, Template } from '../types.js';
import { userId, select, odata, content, contentType, perUser, nextLink, token } from './graph-common.js';

const teamId = { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' };
const channelId = { type: 'string', minLength: 1, maxLength: 255, description: "e.g. '19:abc123@thread.tacv2'" };
const chatBody = { body: { contentType: '$.ContentType', content: '$.Body' }, subject: '$.Subject' };
const chatMessageOut = { Id: '$.Body.id', WebUrl: '$.Body.webUrl', CreatedDateTime: '$.Body.createdDateTime' };

const ref = (page: string) => `https://learn.microsoft.com/en-us/graph/api/${page}?view=graph-rest-1.0`;
const chatId = {
  type: 'string',
  minLength: 1,
  maxLength: 255,
  description: "A chat id (from ListChats), e.g. '19:2da4c29f6d7041eca70b638b43d45437@thread.v2'.",
};
const messageId = { type: 'string', pattern: '^[0-9]{1,20}$', description: "A message id, e.g. '1616990032035'." };
/** A Teams page: at most 50 messages or chats per page. */
const top50 = { type: 'integer', minimum: 1, maximum: 50 };
const guid = { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' };
/** A user for an OData bind: an object id or a userPrincipalName (no quotes, slashes or spaces). */
const memberUser = {
  type: 'string',
  pattern: '^[^\'"/\\\\\\s?#%]{1,255}$',
  description: "A user's object id or userPrincipalName, e.g. 'alex@contoso.com'.",
};
const userBind = (r: string): Template => ({ $concat: ["https://graph.microsoft.com/v1.0/users('", r, "')"] });
const AAD_MEMBER = '#microsoft.graph.aadUserConversationMember';

/** A member Graph often sends as null (a chat message's replyToId, subject, webUrl): left out then. */
const present = (r: string): Template => ({ $hook: 'nonEmpty', $of: r });
/** One chatMessage (channel or chat) as an agent reads it; `p` is '$.Body' or '@' (a list item). */
const messageOf = (p: string): Template => ({
  Id: `${p}.id`,
  ReplyToId: present(`${p}.replyToId`),
  MessageType: `${p}.messageType`,
  CreatedDateTime: `${p}.createdDateTime`,
  LastModifiedDateTime: present(`${p}.lastModifiedDateTime`),
  DeletedDateTime: present(`${p}.deletedDateTime`),
  Subject: present(`${p}.subject`),
  Importance: `${p}.importance`,
  From: { $coalesce: [`${p}.from.user.displayName`, `${p}.from.application.displayName`] },
  FromUserId: `${p}.from.user.id`,
  ContentType: `${p}.body.contentType`,
  Body: `${p}.body.content`,
  WebUrl: present(`${p}.webUrl`),
});
const messagesOut = { Messages: { $each: '$.Body.value', $as: messageOf('@') }, NextToken: nextLink('$skiptoken') };

export const microsoftTeams: Catalog = {
  Type: 'MICROSOFT_TEAMS',
  Api: 'Microsoft Graph v1.0 (Teams)',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'ListTeams',
      Name: 'List teams',
      Description:
        'Lists the teams the user is a direct member of (with application permissions, of the user named by UserId): Id, DisplayName, Description. Use the Id with ListChannels, GetTeam or ListTeamMembers.',
      InputSchema: { type: 'object', properties: { UserId: userId } },
      request: perUser('/joinedTeams', { method: 'GET' }),
      output: { value: { Teams: { $each: '$.Body.value', $as: { Id: '@.id', DisplayName: '@.displayName', Description: '@.description' } } } },
      idempotent: true,
      Examples: [
        { Title: "The signed-in user's teams", Input: {} },
        { Title: "A user's teams (application permissions)", Input: { UserId: 'alex@contoso.com' } },
      ],
      reference: ref('user-list-joinedteams'),
      requires: { scopes: ['Team.ReadBasic.All'] },
    },
    {
      ActionId: 'ListChannels',
      Name: 'List channels',
      Description:
        'Lists the channels of a team (standard, private and shared ones the caller can see): Id, DisplayName, Description, MembershipType, WebUrl. Filter on e.g. "membershipType eq \'private\'".',
      InputSchema: { type: 'object', required: ['TeamId'], properties: { TeamId: teamId, Filter: odata, Select: select } },
      request: { method: 'GET', path: '/teams/{TeamId}/channels', query: { $$filter: '$.Filter', $$select: { $join: '$.Select' } } },
      output: {
        value: {
          Channels: {
            $each: '$.Body.value',
            $as: { Id: '@.id', DisplayName: '@.displayName', Description: '@.description', MembershipType: '@.membershipType', WebUrl: '@.webUrl' },
          },
        },
      },
      idempotent: true,
      Examples: [
        { Title: 'All channels of a team', Input: { TeamId: '02bd9fd6-8f93-4758-87c3-1fb73740a315' } },
        { Title: 'Private channels only', Input: { TeamId: '02bd9fd6-8f93-4758-87c3-1fb73740a315', Filter: "membershipType eq 'private'" } },
      ],
      reference: ref('channel-list'),
      requires: { scopes: ['Channel.ReadBasic.All'] },
    },
    {
      ActionId: 'SendChannelMessage',
      Name: 'Send channel message',
      Description:
        "Posts a message to a channel of a team as the signed-in user, or a reply in the thread of one of its messages (ReplyToId: the id of the thread's first message). " +
        "Returns the new message's Id, WebUrl and CreatedDateTime. Graph performs it only for a signed-in user: a connector using client credentials is refused before anything is sent.",
      InputSchema: {
        type: 'object',
        required: ['TeamId', 'ChannelId', 'Body'],
        properties: {
          TeamId: teamId,
          ChannelId: channelId,
          Body: content,
          ContentType: contentType,
          Subject: { type: 'string', maxLength: 255 },
          ReplyToId: { type: 'string', pattern: '^[0-9]{1,20}$' },
        },
      },
      request: [
        {
          when: '$.ReplyToId',
          method: 'POST',
          path: '/teams/{TeamId}/channels/{ChannelId}/messages/{ReplyToId}/replies',
          body: { encoding: 'json', value: chatBody },
        },
        { method: 'POST', path: '/teams/{TeamId}/channels/{ChannelId}/messages', body: { encoding: 'json', value: chatBody } },
      ],
      output: { value: chatMessageOut },
      idempotent: false,
      Examples: [
        {
          Title: 'Post an update to a channel',
          Input: { TeamId: '172b0cce-e65d-44ce-9a49-91d9f2e8493a', ChannelId: '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2', Body: 'Deploy 42 is live.' },
        },
        {
          Title: 'Reply in a thread, as HTML',
          Input: {
            TeamId: '172b0cce-e65d-44ce-9a49-91d9f2e8493a',
            ChannelId: '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2',
            ReplyToId: '1616990032035',
            Body: '<b>Fixed</b> in build 43.',
            ContentType: 'html',
          },
        },
      ],
      reference: 'https://learn.microsoft.com/en-us/graph/api/channel-post-messages?view=graph-rest-1.0',
      // Application permissions (Teamwork.Migrate.All) only import messages while migrating a team.
      requires: { grant: 'delegated', scopes: ['ChannelMessage.Send'] },
    },
    {
      ActionId: 'SendChatMessage',
      Name: 'Send chat message',
      Description:
        "Sends a message as the signed-in user in a one-on-one or group chat the user belongs to. Returns the new message's Id, WebUrl and CreatedDateTime. " +
        'Graph performs it only for a signed-in user: a connector using client credentials is refused before anything is sent.',
      InputSchema: {
        type: 'object',
        required: ['ChatId', 'Body'],
        properties: {
          ChatId: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
            description: "e.g. '19:8b081ef6-4792-4def-b2c9-c363a1bf41d5_5031bb31-22c0-4f6f-9f73-91d34ab2b32d@unq.gbl.spaces'",
          },
          Body: content,
          ContentType: contentType,
        },
      },
      request: {
        method: 'POST',
        path: '/chats/{ChatId}/messages',
        body: { encoding: 'json', value: { body: { contentType: '$.ContentType', content: '$.Body' } } },
      },
      output: { value: chatMessageOut },
      idempotent: false,
      Examples: [
        {
          Title: 'Message a colleague',
          Input: {
            ChatId: '19:8b081ef6-4792-4def-b2c9-c363a1bf41d5_5031bb31-22c0-4f6f-9f73-91d34ab2b32d@unq.gbl.spaces',
            Body: 'Can you review PR 1234 today?',
          },
        },
      ],
      reference: 'https://learn.microsoft.com/en-us/graph/api/chat-post-messages?view=graph-rest-1.0',
      requires: { grant: 'delegated', scopes: ['ChatMessage.Send', 'Chat.ReadWrite'] },
    },
    // ── Teams and channels ─────────────────────────────────────────────────────
    {
      ActionId: 'GetTeam',
      Name: 'Get team',
      Description: 'Reads a team: its name, description, visibility (public or private), whether it is archived, and its link in Teams.',
      InputSchema: { type: 'object', required: ['TeamId'], properties: { TeamId: teamId, Select: select } },
      request: { method: 'GET', path: '/teams/{TeamId}', query: { $$select: { $join: '$.Select' } } },
      output: {
        value: {
          Id: '$.Body.id',
          DisplayName: '$.Body.displayName',
          Description: '$.Body.description',
          Visibility: '$.Body.visibility',
          IsArchived: '$.Body.isArchived',
          Classification: '$.Body.classification',
          CreatedDateTime: '$.Body.createdDateTime',
          WebUrl: '$.Body.webUrl',
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Read a team', Input: { TeamId: '02bd9fd6-8f93-4758-87c3-1fb73740a315' } }],
      reference: ref('team-get'),
      requires: { scopes: ['Team.ReadBasic.All'] },
    },
    {
      ActionId: 'GetChannel',
      Name: 'Get channel',
      Description: 'Reads one channel of a team: name, description, membership type (standard, private, shared), its email address and link in Teams.',
      InputSchema: { type: 'object', required: ['TeamId', 'ChannelId'], properties: { TeamId: teamId, ChannelId: channelId, Select: select } },
      request: { method: 'GET', path: '/teams/{TeamId}/channels/{ChannelId}', query: { $$select: { $join: '$.Select' } } },
      output: {
        value: {
          Id: '$.Body.id',
          DisplayName: '$.Body.displayName',
          Description: '$.Body.description',
          MembershipType: '$.Body.membershipType',
          Email: '$.Body.email',
          CreatedDateTime: '$.Body.createdDateTime',
          WebUrl: '$.Body.webUrl',
        },
      },
      idempotent: true,
      Examples: [
        { Title: 'Read a channel', Input: { TeamId: '02bd9fd6-8f93-4758-87c3-1fb73740a315', ChannelId: '19:09fc54a3141a45d0bc769cf506d2e079@thread.skype' } },
      ],
      reference: ref('channel-get'),
      requires: { scopes: ['Channel.ReadBasic.All'] },
    },
    {
      ActionId: 'CreateChannel',
      Name: 'Create channel',
      Description:
        "Creates a channel in a team: 'standard' (everyone in the team) or 'private' (only its members; the creator, or OwnerUserId, becomes its owner — OwnerUserId is required for a private channel created with application permissions). Names are at most 50 characters, without # % & * { } / \\ : < > ? + | ' \". Returns the channel's Id and WebUrl.",
      InputSchema: {
        type: 'object',
        required: ['TeamId', 'DisplayName'],
        properties: {
          TeamId: teamId,
          DisplayName: { type: 'string', minLength: 1, maxLength: 50, pattern: '^[^#%&*{}/\\\\:<>?+|\'"]+$' },
          Description: { type: 'string', maxLength: 1024 },
          MembershipType: { enum: ['standard', 'private'], default: 'standard' },
          OwnerUserId: { ...memberUser, description: 'The owner of a private channel (an object id or userPrincipalName).' },
        },
      },
      request: {
        method: 'POST',
        path: '/teams/{TeamId}/channels',
        body: {
          encoding: 'json',
          value: {
            displayName: '$.DisplayName',
            description: '$.Description',
            membershipType: '$.MembershipType',
            members: {
              $if: '$.OwnerUserId',
              $then: [{ '@odata.type': AAD_MEMBER, 'user@odata.bind': userBind('$.OwnerUserId'), roles: ['owner'] }],
            },
          },
        },
      },
      output: {
        value: {
          Id: '$.Body.id',
          DisplayName: '$.Body.displayName',
          Description: '$.Body.description',
          MembershipType: '$.Body.membershipType',
          WebUrl: '$.Body.webUrl',
        },
      },
      idempotent: false,
      Examples: [
        {
          Title: 'A channel for an incident',
          Input: { TeamId: '02bd9fd6-8f93-4758-87c3-1fb73740a315', DisplayName: 'INC-4711', Description: 'Bridge for the outage' },
        },
        {
          Title: 'A private channel owned by a user (application permissions)',
          Input: { TeamId: '02bd9fd6-8f93-4758-87c3-1fb73740a315', DisplayName: 'Leads', MembershipType: 'private', OwnerUserId: 'alex@contoso.com' },
        },
      ],
      reference: ref('channel-post'),
      requires: { scopes: ['Channel.Create'] },
    },
    {
      ActionId: 'ListChannelMessages',
      Name: 'List channel messages',
      Description:
        'Lists the top-level messages of a channel, newest first, without their replies (IncludeReplies expands up to 1000 replies of each; or use ListMessageReplies). Body is HTML for most messages. Up to 50 per page; NextToken for more.',
      InputSchema: {
        type: 'object',
        required: ['TeamId', 'ChannelId'],
        properties: { TeamId: teamId, ChannelId: channelId, Top: top50, IncludeReplies: { type: 'boolean' }, NextToken: token },
      },
      request: {
        method: 'GET',
        path: '/teams/{TeamId}/channels/{ChannelId}/messages',
        query: { $$top: '$.Top', $$expand: { $if: '$.IncludeReplies', $then: 'replies' }, $$skiptoken: '$.NextToken' },
      },
      output: {
        value: {
          Messages: { $each: '$.Body.value', $as: { $merge: [messageOf('@'), { Replies: { $each: '@.replies', $as: messageOf('@') } }] } },
          NextToken: nextLink('$skiptoken'),
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        {
          Title: 'The 20 latest posts',
          Input: { TeamId: '02bd9fd6-8f93-4758-87c3-1fb73740a315', ChannelId: '19:09fc54a3141a45d0bc769cf506d2e079@thread.skype', Top: 20 },
        },
        {
          Title: 'Posts with their replies',
          Input: { TeamId: '02bd9fd6-8f93-4758-87c3-1fb73740a315', ChannelId: '19:09fc54a3141a45d0bc769cf506d2e079@thread.skype', IncludeReplies: true },
        },
      ],
      reference: ref('channel-list-messages'),
      requires: { scopes: ['ChannelMessage.Read.All'] },
    },
    {
      ActionId: 'GetChannelMessage',
      Name: 'Get channel message',
      Description: 'Reads one message of a channel (a post, or a reply when ReplyId is given): sender, times, subject and body (usually HTML).',
      InputSchema: {
        type: 'object',
        required: ['TeamId', 'ChannelId', 'MessageId'],
        properties: { TeamId: teamId, ChannelId: channelId, MessageId: messageId, ReplyId: { ...messageId, description: 'A reply to MessageId.' } },
      },
      request: [
        { when: '$.ReplyId', method: 'GET', path: '/teams/{TeamId}/channels/{ChannelId}/messages/{MessageId}/replies/{ReplyId}' },
        { method: 'GET', path: '/teams/{TeamId}/channels/{ChannelId}/messages/{MessageId}' },
      ],
      output: { value: messageOf('$.Body') },
      idempotent: true,
      Examples: [
        {
          Title: 'Read a post',
          Input: { TeamId: '02bd9fd6-8f93-4758-87c3-1fb73740a315', ChannelId: '19:09fc54a3141a45d0bc769cf506d2e079@thread.skype', MessageId: '1616990032035' },
        },
      ],
      reference: ref('chatmessage-get'),
      requires: { scopes: ['ChannelMessage.Read.All'] },
    },
    {
      ActionId: 'ListMessageReplies',
      Name: 'List message replies',
      Description: 'Lists the replies to a channel message (a thread), up to 50 per page; NextToken for more.',
      InputSchema: {
        type: 'object',
        required: ['TeamId', 'ChannelId', 'MessageId'],
        properties: { TeamId: teamId, ChannelId: channelId, MessageId: messageId, Top: top50, NextToken: token },
      },
      request: {
        method: 'GET',
        path: '/teams/{TeamId}/channels/{ChannelId}/messages/{MessageId}/replies',
        query: { $$top: '$.Top', $$skiptoken: '$.NextToken' },
      },
      output: { value: messagesOut },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        {
          Title: 'Read a thread',
          Input: { TeamId: '02bd9fd6-8f93-4758-87c3-1fb73740a315', ChannelId: '19:09fc54a3141a45d0bc769cf506d2e079@thread.skype', MessageId: '1616990032035' },
        },
      ],
      reference: ref('chatmessage-list-replies'),
      requires: { scopes: ['ChannelMessage.Read.All'] },
    },
    {
      ActionId: 'ReplyToChannelMessage',
      Name: 'Reply to channel message',
      Description:
        'Posts a reply in the thread of a channel message, as the signed-in user (Microsoft allows this only with delegated permissions). Returns the reply Id, WebUrl and CreatedDateTime.',
      InputSchema: {
        type: 'object',
        required: ['TeamId', 'ChannelId', 'MessageId', 'Body'],
        properties: { TeamId: teamId, ChannelId: channelId, MessageId: messageId, Body: { ...content, minLength: 1 }, ContentType: contentType },
      },
      request: {
        method: 'POST',
        path: '/teams/{TeamId}/channels/{ChannelId}/messages/{MessageId}/replies',
        body: { encoding: 'json', value: { body: { contentType: '$.ContentType', content: '$.Body' } } },
      },
      output: { value: chatMessageOut },
      idempotent: false,
      Examples: [
        {
          Title: 'Answer in a thread',
          Input: {
            TeamId: '02bd9fd6-8f93-4758-87c3-1fb73740a315',
            ChannelId: '19:09fc54a3141a45d0bc769cf506d2e079@thread.skype',
            MessageId: '1616990032035',
            Body: 'Fixed in build 2.3.1.',
          },
        },
      ],
      reference: ref('chatmessage-post-replies'),
      requires: { grant: 'delegated', scopes: ['ChannelMessage.Send'] },
    },
    // ── Chats ──────────────────────────────────────────────────────────────────
    {
      ActionId: 'ListChats',
      Name: 'List chats',
      Description:
        "Lists the user's one-on-one, group and meeting chats (with application permissions, those of UserId): Id, Topic, ChatType, WebUrl; Expand 'members' adds member names (at most 25), 'lastMessagePreview' the last message. Up to 50 per page; NextToken for more.",
      InputSchema: {
        type: 'object',
        properties: {
          UserId: userId,
          Top: top50,
          Filter: { ...odata, description: 'e.g. "chatType eq \'oneOnOne\'" or "topic eq \'Launch\'".' },
          Expand: { type: 'array', items: { enum: ['members', 'lastMessagePreview'] }, uniqueItems: true, maxItems: 2 },
          OrderBy: { enum: ['lastMessagePreview/createdDateTime desc'] },
          NextToken: token,
        },
      },
      request: perUser('/chats', {
        method: 'GET',
        query: { $$top: '$.Top', $$filter: '$.Filter', $$expand: { $join: '$.Expand' }, $$orderby: '$.OrderBy', $$skiptoken: '$.NextToken' },
      }),
      output: {
        value: {
          Chats: {
            $each: '$.Body.value',
            $as: {
              Id: '@.id',
              Topic: '@.topic',
              ChatType: '@.chatType',
              CreatedDateTime: '@.createdDateTime',
              LastUpdatedDateTime: '@.lastUpdatedDateTime',
              WebUrl: '@.webUrl',
              Members: { $each: '@.members', $as: '@.displayName' },
              LastMessage: '@.lastMessagePreview.body.content',
              LastMessageDateTime: '@.lastMessagePreview.createdDateTime',
            },
          },
          NextToken: nextLink('$skiptoken'),
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        {
          Title: 'Recent chats with their members',
          Input: { Expand: ['members', 'lastMessagePreview'], OrderBy: 'lastMessagePreview/createdDateTime desc', Top: 20 },
        },
        { Title: 'Group chats only', Input: { Filter: "chatType eq 'group'" } },
      ],
      reference: ref('chat-list'),
      requires: { scopes: ['Chat.ReadBasic', 'Chat.ReadBasic.All'] },
    },
    {
      ActionId: 'ListChatMessages',
      Name: 'List chat messages',
      Description:
        'Lists the messages of a chat, newest first (by last modification unless OrderBy says createdDateTime). Filter takes a date range on the OrderBy property, e.g. "lastModifiedDateTime gt 2025-03-01T00:00:00Z". Up to 50 per page; NextToken for more.',
      InputSchema: {
        type: 'object',
        required: ['ChatId'],
        properties: {
          ChatId: chatId,
          Top: top50,
          OrderBy: { enum: ['lastModifiedDateTime desc', 'createdDateTime desc'] },
          Filter: odata,
          NextToken: token,
        },
      },
      request: {
        method: 'GET',
        path: '/chats/{ChatId}/messages',
        query: { $$top: '$.Top', $$orderby: '$.OrderBy', $$filter: '$.Filter', $$skiptoken: '$.NextToken' },
      },
      output: { value: messagesOut },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
      Examples: [
        { Title: 'The last 20 messages', Input: { ChatId: '19:2da4c29f6d7041eca70b638b43d45437@thread.v2', Top: 20 } },
        {
          Title: 'Messages since a date',
          Input: {
            ChatId: '19:2da4c29f6d7041eca70b638b43d45437@thread.v2',
            OrderBy: 'lastModifiedDateTime desc',
            Filter: 'lastModifiedDateTime gt 2025-03-01T00:00:00Z',
          },
        },
      ],
      reference: ref('chat-list-messages'),
      requires: { scopes: ['Chat.Read', 'Chat.Read.All'] },
    },
    {
      ActionId: 'CreateChat',
      Name: 'Create chat',
      Description:
        "Starts a chat: 'oneOnOne' between exactly two users (if it already exists, Teams returns the existing one) or 'group' with a Topic. MemberIds must list every participant, the signed-in user included. Returns the chat Id (use it with SendChatMessage) and WebUrl.",
      InputSchema: {
        type: 'object',
        required: ['MemberIds'],
        properties: {
          ChatType: { enum: ['oneOnOne', 'group'], default: 'oneOnOne' },
          MemberIds: { type: 'array', items: memberUser, minItems: 2, maxItems: 250, uniqueItems: true },
          Topic: { type: 'string', minLength: 1, maxLength: 255 },
        },
        // A group chat, or else exactly two members and no topic.
        anyOf: [
          { required: ['ChatType'], properties: { ChatType: { const: 'group' } } },
          { properties: { MemberIds: { maxItems: 2 } }, not: { required: ['Topic'] } },
        ],
      },
      request: {
        method: 'POST',
        path: '/chats',
        body: {
          encoding: 'json',
          value: {
            chatType: '$.ChatType',
            topic: '$.Topic',
            members: { $each: '$.MemberIds', $as: { '@odata.type': AAD_MEMBER, roles: ['owner'], 'user@odata.bind': userBind('@') } },
          },
        },
      },
      output: {
        value: { Id: '$.Body.id', Topic: '$.Body.topic', ChatType: '$.Body.chatType', WebUrl: '$.Body.webUrl', CreatedDateTime: '$.Body.createdDateTime' },
      },
      idempotent: false,
      Examples: [
        { Title: 'A one-on-one chat', Input: { MemberIds: ['megan@contoso.com', 'alex@contoso.com'] } },
        { Title: 'A group chat', Input: { ChatType: 'group', Topic: 'Launch', MemberIds: ['megan@contoso.com', 'alex@contoso.com', 'dana@contoso.com'] } },
      ],
      reference: ref('chat-post'),
      requires: { scopes: ['Chat.Create'] },
    },
    // ── Members, meetings, presence ────────────────────────────────────────────
    {
      ActionId: 'ListTeamMembers',
      Name: 'List team members',
      Description:
        "Lists the members of a team: membership Id, UserId, DisplayName, Email and Roles ('owner', 'guest', or none for a member). Filter on e.g. \"roles/any(r:r eq 'owner')\".",
      InputSchema: { type: 'object', required: ['TeamId'], properties: { TeamId: teamId, Filter: odata, Select: select } },
      request: { method: 'GET', path: '/teams/{TeamId}/members', query: { $$filter: '$.Filter', $$select: { $join: '$.Select' } } },
      output: {
        value: {
          Members: {
            $each: '$.Body.value',
            $as: { Id: '@.id', UserId: '@.userId', DisplayName: '@.displayName', Email: '@.email', Roles: '@.roles' },
          },
        },
      },
      idempotent: true,
      Examples: [
        { Title: 'Everyone in a team', Input: { TeamId: '02bd9fd6-8f93-4758-87c3-1fb73740a315' } },
        { Title: 'The owners of a team', Input: { TeamId: '02bd9fd6-8f93-4758-87c3-1fb73740a315', Filter: "roles/any(r:r eq 'owner')" } },
      ],
      reference: ref('team-list-members'),
      requires: { scopes: ['TeamMember.Read.All'] },
    },
    {
      ActionId: 'AddTeamMember',
      Name: 'Add team member',
      Description:
        'Adds a user of the organization to a team, as a member or (Owner true) an owner; adding an owner needs TeamMember.ReadWrite.All. It may take a moment to show in Teams. Returns the membership Id and the user.',
      InputSchema: {
        type: 'object',
        required: ['TeamId', 'UserId'],
        properties: { TeamId: teamId, UserId: memberUser, Owner: { type: 'boolean', default: false } },
      },
      request: {
        method: 'POST',
        path: '/teams/{TeamId}/members',
        body: {
          encoding: 'json',
          value: { '@odata.type': AAD_MEMBER, roles: { $if: '$.Owner', $then: ['owner'], $else: [] }, 'user@odata.bind': userBind('$.UserId') },
        },
      },
      output: { value: { Id: '$.Body.id', UserId: '$.Body.userId', DisplayName: '$.Body.displayName', Email: '$.Body.email', Roles: '$.Body.roles' } },
      idempotent: false,
      Examples: [
        { Title: 'Add a member', Input: { TeamId: '02bd9fd6-8f93-4758-87c3-1fb73740a315', UserId: 'alex@contoso.com' } },
        { Title: 'Add an owner', Input: { TeamId: '02bd9fd6-8f93-4758-87c3-1fb73740a315', UserId: '8b081ef6-4792-4def-b2c9-c363a1bf41d5', Owner: true } },
      ],
      reference: ref('team-post-members'),
      requires: { scopes: ['TeamMember.ReadWriteNonOwnerRole.All'] },
    },
    {
      ActionId: 'CreateOnlineMeeting',
      Name: 'Create online meeting',
      Description:
        "Creates a Teams meeting link (not shown in anyone's calendar: use the Outlook connector's CreateEvent with IsOnlineMeeting for an invitation). Returns JoinUrl, the meeting Id and dial-in details. With application permissions, UserId names the organizer and a Teams application access policy must allow the app for that user.",
      InputSchema: {
        type: 'object',
        required: ['Subject', 'StartDateTime', 'EndDateTime'],
        properties: {
          UserId: userId,
          Subject: { type: 'string', minLength: 1, maxLength: 255 },
          StartDateTime: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
            description: 'With a zone, e.g. 2025-03-01T09:30:00Z.',
          },
          EndDateTime: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
            description: 'With a zone, e.g. 2025-03-01T10:00:00Z.',
          },
        },
      },
      request: perUser('/onlineMeetings', {
        method: 'POST',
        body: { encoding: 'json', value: { subject: '$.Subject', startDateTime: '$.StartDateTime', endDateTime: '$.EndDateTime' } },
      }),
      output: {
        value: {
          Id: '$.Body.id',
          JoinUrl: '$.Body.joinWebUrl',
          Subject: '$.Body.subject',
          StartDateTime: '$.Body.startDateTime',
          EndDateTime: '$.Body.endDateTime',
          MeetingCode: '$.Body.joinMeetingIdSettings.joinMeetingId',
          Passcode: '$.Body.joinMeetingIdSettings.passcode',
          DialInNumber: '$.Body.audioConferencing.tollNumber',
          ConferenceId: '$.Body.audioConferencing.conferenceId',
        },
      },
      idempotent: false,
      Examples: [
        { Title: 'A meeting link for a call', Input: { Subject: 'Customer call', StartDateTime: '2025-03-01T09:30:00Z', EndDateTime: '2025-03-01T10:00:00Z' } },
      ],
      reference: ref('application-post-onlinemeetings'),
      requires: { scopes: ['OnlineMeetings.ReadWrite', 'OnlineMeetings.ReadWrite.All'] },
    },
    {
      ActionId: 'GetPresence',
      Name: 'Get presence',
      Description:
        "Reads a user's Teams presence: Availability (Available, Busy, DoNotDisturb, Away, Offline, ...), Activity (InACall, InAMeeting, ...) and status message. Without UserId, the signed-in user's; UserId must be the user's object id (a GUID). Limit: 1,500 requests per 30 seconds per app and tenant.",
      InputSchema: { type: 'object', properties: { UserId: { ...guid, description: "The user's object id; required with application permissions." } } },
      request: perUser('/presence', { method: 'GET' }),
      output: {
        value: {
          UserId: '$.Body.id',
          Availability: '$.Body.availability',
          Activity: '$.Body.activity',
          StatusMessage: '$.Body.statusMessage.message.content',
          IsOutOfOffice: '$.Body.outOfOfficeSettings.isOutOfOffice',
        },
      },
      idempotent: true,
      Examples: [
        { Title: 'My presence', Input: {} },
        { Title: "A colleague's presence", Input: { UserId: '66825e03-7ef5-42da-9069-724602c31f6b' } },
      ],
      reference: ref('presence-get'),
      requires: { scopes: ['Presence.Read', 'Presence.Read.All'], rateLimit: '1,500 requests per 30 seconds per application per tenant' },
    },
  ],
};
