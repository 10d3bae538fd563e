// MICROSOFT_TEAMS: Microsoft Graph v1.0 (Teams); shared parts in graph-common.ts.
import type { Catalog } from '../types.js';
import { userId, select, odata, content, contentType, perUser } from './graph-common.js';

const teamId = { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' };
const channelId = { type: 'string', minLength: 1, maxLength: 255, description: "e.g. '19:abc123@thread.tacv2'" };
const chatBody = { body: { contentType: '$.ContentType', content: '$.Body' }, subject: '$.Subject' };
const chatMessageOut = { Id: '$.Body.id', WebUrl: '$.Body.webUrl', CreatedDateTime: '$.Body.createdDateTime' };

export const microsoftTeams: Catalog = {
  Type: 'MICROSOFT_TEAMS',
  Api: 'Microsoft Graph v1.0 (Teams)',
  defaultHeaders: { accept: 'application/json' },
  actions: [
    {
      ActionId: 'ListTeams',
      Name: 'List teams',
      Description: 'Lists the teams the user is a member of.',
      InputSchema: { type: 'object', properties: { UserId: userId } },
      request: perUser('/joinedTeams', { method: 'GET' }),
      output: { value: { Teams: { $each: '$.Body.value', $as: { Id: '@.id', DisplayName: '@.displayName', Description: '@.description' } } } },
      idempotent: true,
    },
    {
      ActionId: 'ListChannels',
      Name: 'List channels',
      Description: 'Lists the channels of a team.',
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
  ],
};
