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
      reference: 'https://learn.microsoft.com/en-us/graph/api/user-list-joinedteams',
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
      reference: 'https://learn.microsoft.com/en-us/graph/api/channel-list',
      idempotent: true,
    },
    {
      ActionId: 'SendChannelMessage',
      Name: 'Send channel message',
      Description: 'Posts a message to a channel, or a reply to a message of it (ReplyToId).',
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
      reference: 'https://learn.microsoft.com/en-us/graph/api/channel-post-messages',
      idempotent: false,
    },
    {
      ActionId: 'SendChatMessage',
      Name: 'Send chat message',
      Description: 'Sends a message in a one-on-one or group chat.',
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
      reference: 'https://learn.microsoft.com/en-us/graph/api/chat-post-messages',
      idempotent: false,
    },
  ],
};
