// SLACK: the Slack Web API (https://slack.com/api/{method}). Every answer is HTTP 200
// with {"ok": true|false}; `ok: false` is a failed invocation.
import type { Catalog, FailWhen } from '../types.js';

const notOk: FailWhen[] = [{ ref: '$.Body.ok', equals: false }];
const channel = { type: 'string', pattern: '^[A-Z0-9]{2,32}$', description: "A conversation id, e.g. 'C0123456789'." };
const ts = { type: 'string', pattern: '^[0-9]{1,12}\\.[0-9]{1,8}$', description: "A message timestamp, e.g. '1712345678.000200'." };
const cursor = { type: 'string', minLength: 1, maxLength: 1024 };
const json = 'application/json; charset=utf-8';
const nextCursor = { $hook: 'nonEmpty', $of: '$.Body.response_metadata.next_cursor' };

export const slack: Catalog = {
  Type: 'SLACK',
  Api: 'Slack Web API',
  actions: [
    {
      ActionId: 'PostMessage',
      Name: 'Post message',
      Description: 'Posts a message to a channel, a DM or a thread (chat.postMessage). Give Text, Blocks, or both (Text is then the notification fallback).',
      InputSchema: {
        type: 'object',
        required: ['Channel'],
        anyOf: [{ required: ['Text'] }, { required: ['Blocks'] }],
        properties: {
          Channel: { type: 'string', minLength: 1, maxLength: 80, description: 'A conversation id, or a channel name such as #general.' },
          Text: { type: 'string', minLength: 1, maxLength: 40000 },
          Blocks: { type: 'array', items: { type: 'object' }, maxItems: 50 },
          ThreadTs: ts,
          ReplyBroadcast: { type: 'boolean' },
          UnfurlLinks: { type: 'boolean' },
        },
      },
      request: {
        method: 'POST',
        path: '/chat.postMessage',
        body: {
          encoding: 'json',
          contentType: json,
          value: {
            channel: '$.Channel',
            text: '$.Text',
            blocks: '$.Blocks',
            thread_ts: '$.ThreadTs',
            reply_broadcast: '$.ReplyBroadcast',
            unfurl_links: '$.UnfurlLinks',
          },
        },
      },
      output: { value: { Channel: '$.Body.channel', Ts: '$.Body.ts', Message: '$.Body.message' }, failWhen: notOk },
      idempotent: false,
    },
    {
      ActionId: 'ListChannels',
      Name: 'List channels',
      Description: 'Lists conversations the token can see (conversations.list), a page at a time.',
      InputSchema: {
        type: 'object',
        properties: {
          Types: {
            type: 'array',
            items: { enum: ['public_channel', 'private_channel', 'mpim', 'im'] },
            uniqueItems: true,
            minItems: 1,
          },
          ExcludeArchived: { type: 'boolean' },
          Limit: { type: 'integer', minimum: 1, maximum: 1000 },
          NextToken: cursor,
        },
      },
      request: {
        method: 'GET',
        path: '/conversations.list',
        query: { types: { $join: '$.Types' }, exclude_archived: '$.ExcludeArchived', limit: '$.Limit', cursor: '$.NextToken' },
      },
      output: {
        value: {
          Channels: {
            $each: '$.Body.channels',
            $as: { Id: '@.id', Name: '@.name', IsPrivate: '@.is_private', IsArchived: '@.is_archived', NumMembers: '@.num_members' },
          },
          NextToken: nextCursor,
        },
        failWhen: notOk,
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'GetChannelHistory',
      Name: 'Get channel history',
      Description: 'Returns messages of a conversation, newest first (conversations.history), optionally between Oldest and Latest.',
      InputSchema: {
        type: 'object',
        required: ['Channel'],
        properties: {
          Channel: channel,
          Oldest: ts,
          Latest: ts,
          Inclusive: { type: 'boolean' },
          Limit: { type: 'integer', minimum: 1, maximum: 999 },
          NextToken: cursor,
        },
      },
      request: {
        method: 'GET',
        path: '/conversations.history',
        query: { channel: '$.Channel', oldest: '$.Oldest', latest: '$.Latest', inclusive: '$.Inclusive', limit: '$.Limit', cursor: '$.NextToken' },
      },
      output: { value: { Messages: '$.Body.messages', HasMore: '$.Body.has_more', NextToken: nextCursor }, failWhen: notOk },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'AddReaction',
      Name: 'Add reaction',
      Description: "Adds an emoji reaction to a message (reactions.add). Name is the emoji name without colons, e.g. 'thumbsup'.",
      InputSchema: {
        type: 'object',
        required: ['Channel', 'Timestamp', 'Name'],
        properties: { Channel: channel, Timestamp: ts, Name: { type: 'string', pattern: '^[a-z0-9_+\\-]{1,100}(::skin-tone-[2-6])?$' } },
      },
      request: {
        method: 'POST',
        path: '/reactions.add',
        body: { encoding: 'json', contentType: json, value: { channel: '$.Channel', timestamp: '$.Timestamp', name: '$.Name' } },
      },
      output: { value: { Ok: '$.Body.ok' }, failWhen: notOk },
      idempotent: false,
    },
  ],
};
