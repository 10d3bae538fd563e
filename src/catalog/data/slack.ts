// SLACK: the Slack Web API (https://slack.com/api/{method}). Every answer is HTTP 200
// with {"ok": true|false}; `ok: false` is a failed invocation. Write methods take JSON
// bodies (Authorization: Bearer); read methods are GETs with query parameters.
// Scopes are the bot-token scopes Slack documents per method (a user token needs the
// same names as user scopes); rate limits are Slack's tiers, per method, app and workspace.
import type { Catalog, FailWhen, Template } from '../types.js';
import { base64Schema } from './common.js';

const notOk: FailWhen[] = [{ ref: '$.Body.ok', equals: false }];
const channel = { type: 'string', pattern: '^[A-Z0-9]{2,32}$', description: "A conversation id, e.g. 'C0123456789'." };
const ts = { type: 'string', pattern: '^[0-9]{1,12}\\.[0-9]{1,8}$', description: "A message timestamp, e.g. '1712345678.000200'." };
const cursor = { type: 'string', minLength: 1, maxLength: 1024 };
const json = 'application/json; charset=utf-8';
const nextCursor = { $hook: 'nonEmpty', $of: '$.Body.response_metadata.next_cursor' };
const userId = { type: 'string', pattern: '^[UW][A-Z0-9]{2,31}$', description: "A user id, e.g. 'U012AB3CD'." };
const text = { type: 'string', minLength: 1, maxLength: 40000, description: 'The message text (mrkdwn); the notification fallback when Blocks are given.' };
const blocks = { type: 'array', items: { type: 'object' }, maxItems: 50, description: 'Block Kit blocks.' };
const emoji = { type: 'string', pattern: '^[a-z0-9_+\\-]{1,100}(::skin-tone-[2-6])?$', description: "An emoji name without colons, e.g. 'thumbsup'." };

const ref = (method: string) => `https://docs.slack.dev/reference/methods/${method}`;
const tier2 = 'Tier 2 (20+ per minute)';
const tier3 = 'Tier 3 (50+ per minute)';
const tier4 = 'Tier 4 (100+ per minute)';
const posting = 'Special: 1 per second per channel (short bursts allowed), plus a workspace-wide limit';
const history = 'Tier 3 (50+ per minute); commercially distributed non-Marketplace apps: 1 per minute, at most 15 messages per call';
const chScopes = {
  read: ['channels:read', 'groups:read', 'im:read', 'mpim:read'],
  history: ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
};

/** A Slack user object as the actions return it. */
const user = (at: string): Template => ({
  Id: `${at}.id`,
  Name: `${at}.name`,
  RealName: `${at}.real_name`,
  DisplayName: `${at}.profile.display_name`,
  Email: `${at}.profile.email`,
  Title: `${at}.profile.title`,
  TimeZone: `${at}.tz`,
  IsBot: `${at}.is_bot`,
  IsAdmin: `${at}.is_admin`,
  Deleted: `${at}.deleted`,
});
/** A Slack conversation object as the actions return it. */
const conversation = (at: string): Template => ({
  Id: `${at}.id`,
  Name: `${at}.name`,
  IsPrivate: `${at}.is_private`,
  IsArchived: `${at}.is_archived`,
  IsIm: `${at}.is_im`,
  Topic: `${at}.topic.value`,
  Purpose: `${at}.purpose.value`,
  NumMembers: `${at}.num_members`,
  Created: `${at}.created`,
});
const messages = { Messages: '$.Body.messages', HasMore: '$.Body.has_more', NextToken: nextCursor };

// File uploads: files.getUploadURLExternal hands out a URL on files.slack.com (pre-authorized:
// it gets no token), the bytes go there, files.completeUploadExternal shares the file.
const UPLOAD_MAX = 5 * 1024 * 1024;
const fileId = { type: 'string', pattern: '^F[A-Z0-9]{2,32}$', description: "A file id, e.g. 'F07ABCDE123'." };

export const slack: Catalog = {
  Type: 'SLACK',
  Api: 'Slack Web API',
  origins: { upload: { hosts: ['files.slack.com'], paths: ['/upload/'], credentials: false } },
  actions: [
    {
      ActionId: 'PostMessage',
      Name: 'Post message',
      Description:
        'Posts a message to a channel, a DM or a thread (chat.postMessage). Give Text, Blocks, or both (Text is then the notification fallback). ' +
        'Returns Channel and Ts (the message id: pass it as ThreadTs to reply, or to UpdateMessage, DeleteMessage, GetPermalink). ' +
        'The app must be a member of the channel (or have chat:write.public for public channels).',
      InputSchema: {
        type: 'object',
        required: ['Channel'],
        anyOf: [{ required: ['Text'] }, { required: ['Blocks'] }],
        properties: {
          Channel: { type: 'string', minLength: 1, maxLength: 80, description: 'A conversation id, or a channel name such as #general.' },
          Text: text,
          Blocks: blocks,
          ThreadTs: ts,
          ReplyBroadcast: { type: 'boolean' },
          UnfurlLinks: { type: 'boolean' },
        },
      },
      Examples: [
        { Title: 'Announce a deploy in #ops', Input: { Channel: 'C012AB3CD', Text: 'Deploy 2024.06.1 finished :rocket:' } },
        {
          Title: 'Post a formatted message with a fallback text',
          Input: { Channel: 'C012AB3CD', Text: 'Build failed', Blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Build failed* on `main`' } }] },
        },
      ],
      reference: ref('chat.postMessage'),
      requires: { scopes: ['chat:write'], rateLimit: posting },
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
      Description:
        'Lists the conversations the token can see (conversations.list), a page at a time: id, name, privacy, archived flag, member count. ' +
        'Use it to find a channel id by name. Types defaults to public channels; each type needs its read scope.',
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
      Examples: [{ Title: 'Active public and private channels', Input: { Types: ['public_channel', 'private_channel'], ExcludeArchived: true, Limit: 200 } }],
      reference: ref('conversations.list'),
      requires: { scopes: chScopes.read, rateLimit: tier2 },
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
      Description:
        'Returns the top-level messages of a conversation, newest first (conversations.history), optionally between Oldest and Latest ' +
        '(message timestamps). Thread replies are not included: use GetThreadReplies with a message whose reply_count > 0.',
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
      Examples: [
        { Title: 'The last 20 messages of a channel', Input: { Channel: 'C012AB3CD', Limit: 20 } },
        { Title: 'Messages since a point in time', Input: { Channel: 'C012AB3CD', Oldest: '1712300000.000000' } },
      ],
      reference: ref('conversations.history'),
      requires: { scopes: chScopes.history, rateLimit: history },
      request: {
        method: 'GET',
        path: '/conversations.history',
        query: { channel: '$.Channel', oldest: '$.Oldest', latest: '$.Latest', inclusive: '$.Inclusive', limit: '$.Limit', cursor: '$.NextToken' },
      },
      output: { value: messages, failWhen: notOk },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'AddReaction',
      Name: 'Add reaction',
      Description:
        "Adds an emoji reaction to a message (reactions.add). Name is the emoji name without colons, e.g. 'thumbsup'; " +
        "answers Ok: true, and fails with already_reacted if the token's user already added it.",
      InputSchema: {
        type: 'object',
        required: ['Channel', 'Timestamp', 'Name'],
        properties: { Channel: channel, Timestamp: ts, Name: emoji },
      },
      Examples: [{ Title: 'Acknowledge a message with :eyes:', Input: { Channel: 'C012AB3CD', Timestamp: '1712345678.000200', Name: 'eyes' } }],
      reference: ref('reactions.add'),
      requires: { scopes: ['reactions:write'], rateLimit: tier3 },
      request: {
        method: 'POST',
        path: '/reactions.add',
        body: { encoding: 'json', contentType: json, value: { channel: '$.Channel', timestamp: '$.Timestamp', name: '$.Name' } },
      },
      output: { value: { Ok: '$.Body.ok' }, failWhen: notOk },
      idempotent: false,
    },
    {
      ActionId: 'ReplyInThread',
      Name: 'Reply in thread',
      Description:
        "Replies in the thread of a message (chat.postMessage with thread_ts). ThreadTs is the parent message's Ts (a reply's own Ts also " +
        "lands in the same thread). ReplyBroadcast also shows the reply in the channel. Returns the reply's Channel and Ts.",
      InputSchema: {
        type: 'object',
        required: ['Channel', 'ThreadTs'],
        anyOf: [{ required: ['Text'] }, { required: ['Blocks'] }],
        properties: { Channel: channel, ThreadTs: ts, Text: text, Blocks: blocks, ReplyBroadcast: { type: 'boolean' } },
      },
      Examples: [
        { Title: 'Answer a question in its thread', Input: { Channel: 'C012AB3CD', ThreadTs: '1712345678.000200', Text: 'Fixed in PR #481.' } },
        {
          Title: 'Reply and also post to the channel',
          Input: { Channel: 'C012AB3CD', ThreadTs: '1712345678.000200', Text: 'Incident resolved.', ReplyBroadcast: true },
        },
      ],
      reference: ref('chat.postMessage'),
      requires: { scopes: ['chat:write'], rateLimit: posting },
      request: {
        method: 'POST',
        path: '/chat.postMessage',
        body: {
          encoding: 'json',
          contentType: json,
          value: { channel: '$.Channel', thread_ts: '$.ThreadTs', text: '$.Text', blocks: '$.Blocks', reply_broadcast: '$.ReplyBroadcast' },
        },
      },
      output: { value: { Channel: '$.Body.channel', Ts: '$.Body.ts', ThreadTs: '$.Body.message.thread_ts', Message: '$.Body.message' }, failWhen: notOk },
      idempotent: false,
    },
    {
      ActionId: 'UpdateMessage',
      Name: 'Update message',
      Description:
        "Replaces the text or blocks of a message the token posted (chat.update). Channel must be the conversation id (a DM's D… id, not a user id). " +
        'Text without Blocks removes the old blocks. Returns Channel, Ts and the new Text.',
      InputSchema: {
        type: 'object',
        required: ['Channel', 'Ts'],
        anyOf: [{ required: ['Text'] }, { required: ['Blocks'] }],
        properties: { Channel: channel, Ts: ts, Text: text, Blocks: blocks },
      },
      Examples: [
        { Title: 'Correct a status message', Input: { Channel: 'C012AB3CD', Ts: '1712345999.000300', Text: 'Deploy 2024.06.1 rolled back :warning:' } },
      ],
      reference: ref('chat.update'),
      requires: { scopes: ['chat:write'], rateLimit: tier3 },
      request: {
        method: 'POST',
        path: '/chat.update',
        body: { encoding: 'json', contentType: json, value: { channel: '$.Channel', ts: '$.Ts', text: '$.Text', blocks: '$.Blocks' } },
      },
      output: { value: { Channel: '$.Body.channel', Ts: '$.Body.ts', Text: '$.Body.text' }, failWhen: notOk },
      idempotent: false,
    },
    {
      ActionId: 'DeleteMessage',
      Name: 'Delete message',
      Description:
        "Deletes a message (chat.delete). A bot token can delete only its own messages; a user token also others' where the user is allowed to. " +
        'Returns the Channel and Ts of the deleted message; fails with message_not_found if it is already gone.',
      InputSchema: { type: 'object', required: ['Channel', 'Ts'], properties: { Channel: channel, Ts: ts } },
      Examples: [{ Title: 'Remove a message posted by mistake', Input: { Channel: 'C012AB3CD', Ts: '1712345999.000300' } }],
      reference: ref('chat.delete'),
      requires: { scopes: ['chat:write'], rateLimit: tier3 },
      request: { method: 'POST', path: '/chat.delete', body: { encoding: 'json', contentType: json, value: { channel: '$.Channel', ts: '$.Ts' } } },
      output: { value: { Channel: '$.Body.channel', Ts: '$.Body.ts' }, failWhen: notOk },
      idempotent: false,
    },
    {
      ActionId: 'LookupUserByEmail',
      Name: 'Look up user by email',
      Description:
        'Finds the workspace member with an email address (users.lookupByEmail): id, names, title, time zone. Use the Id to mention (<@Id>), ' +
        'DM or invite the person. Fails with users_not_found when nobody has that address.',
      InputSchema: {
        type: 'object',
        required: ['Email'],
        properties: { Email: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: 254 } },
      },
      Examples: [{ Title: 'Find a colleague', Input: { Email: 'spengler@ghostbusters.example.com' } }],
      reference: ref('users.lookupByEmail'),
      requires: { scopes: ['users:read', 'users:read.email'], rateLimit: tier3 },
      request: { method: 'GET', path: '/users.lookupByEmail', query: { email: '$.Email' } },
      output: { value: user('$.Body.user'), failWhen: notOk },
      idempotent: true,
    },
    {
      ActionId: 'OpenDirectMessage',
      Name: 'Open direct message',
      Description:
        'Opens (or finds) the DM with one user, or a group DM with 2–8 users (conversations.open), and returns its ChannelId (D… or G…) ' +
        'for PostMessage, GetChannelHistory or UpdateMessage. Group DMs need mpim:write.',
      InputSchema: {
        type: 'object',
        required: ['UserIds'],
        properties: { UserIds: { type: 'array', items: userId, minItems: 1, maxItems: 8, uniqueItems: true } },
      },
      Examples: [
        { Title: 'Open a DM with one user', Input: { UserIds: ['U012AB3CD'] } },
        { Title: 'Open a group DM', Input: { UserIds: ['U012AB3CD', 'U061F7AUR'] } },
      ],
      reference: ref('conversations.open'),
      requires: { scopes: ['im:write'], rateLimit: tier3 },
      request: { method: 'POST', path: '/conversations.open', body: { encoding: 'json', contentType: json, value: { users: { $join: '$.UserIds' } } } },
      output: { value: { ChannelId: '$.Body.channel.id', AlreadyOpen: '$.Body.already_open' }, failWhen: notOk },
      idempotent: false,
    },
    {
      ActionId: 'SendDirectMessage',
      Name: 'Send direct message',
      Description:
        "Sends a direct message to a user from the app (chat.postMessage with the user's id as channel: it lands in the user's DM with the app). " +
        'Returns the DM ChannelId and Ts, for replies and updates. To write in a DM between people, use OpenDirectMessage with a user token.',
      InputSchema: {
        type: 'object',
        required: ['UserId'],
        anyOf: [{ required: ['Text'] }, { required: ['Blocks'] }],
        properties: { UserId: userId, Text: text, Blocks: blocks },
      },
      Examples: [{ Title: 'Notify a user', Input: { UserId: 'U012AB3CD', Text: 'Your access request was approved.' } }],
      reference: ref('chat.postMessage'),
      requires: { scopes: ['chat:write'], rateLimit: posting },
      request: {
        method: 'POST',
        path: '/chat.postMessage',
        body: { encoding: 'json', contentType: json, value: { channel: '$.UserId', text: '$.Text', blocks: '$.Blocks' } },
      },
      output: { value: { ChannelId: '$.Body.channel', Ts: '$.Body.ts', Message: '$.Body.message' }, failWhen: notOk },
      idempotent: false,
    },
    {
      ActionId: 'GetThreadReplies',
      Name: 'Get thread replies',
      Description:
        "Returns a thread: the parent message first, then its replies, oldest first (conversations.replies). Ts is the parent message's Ts; " +
        'a message without replies comes back alone.',
      InputSchema: {
        type: 'object',
        required: ['Channel', 'Ts'],
        properties: {
          Channel: channel,
          Ts: ts,
          Oldest: ts,
          Latest: ts,
          Inclusive: { type: 'boolean' },
          Limit: { type: 'integer', minimum: 1, maximum: 1000 },
          NextToken: cursor,
        },
      },
      Examples: [{ Title: 'Read a discussion thread', Input: { Channel: 'C012AB3CD', Ts: '1712345678.000200', Limit: 100 } }],
      reference: ref('conversations.replies'),
      requires: { scopes: chScopes.history, rateLimit: history },
      request: {
        method: 'GET',
        path: '/conversations.replies',
        query: {
          channel: '$.Channel',
          ts: '$.Ts',
          oldest: '$.Oldest',
          latest: '$.Latest',
          inclusive: '$.Inclusive',
          limit: '$.Limit',
          cursor: '$.NextToken',
        },
      },
      output: { value: messages, failWhen: notOk },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'GetUserInfo',
      Name: 'Get user info',
      Description:
        'Returns a user by id (users.info): names, title, time zone, bot and admin flags; Email only with users:read.email. ' +
        'Use it to name the author (the user member) of a message.',
      InputSchema: { type: 'object', required: ['UserId'], properties: { UserId: userId } },
      Examples: [{ Title: 'Who wrote a message', Input: { UserId: 'W012A3CDE' } }],
      reference: ref('users.info'),
      requires: { scopes: ['users:read'], rateLimit: tier4 },
      request: { method: 'GET', path: '/users.info', query: { user: '$.UserId' } },
      output: { value: user('$.Body.user'), failWhen: notOk },
      idempotent: true,
    },
    {
      ActionId: 'ListUsers',
      Name: 'List users',
      Description:
        'Lists the workspace members, a page at a time (users.list), including deactivated users (Deleted) and bots (IsBot). ' +
        'To find one person by address, LookupUserByEmail is faster.',
      InputSchema: {
        type: 'object',
        properties: { Limit: { type: 'integer', minimum: 1, maximum: 1000 }, NextToken: cursor },
      },
      Examples: [{ Title: 'The first 200 members', Input: { Limit: 200 } }],
      reference: ref('users.list'),
      requires: { scopes: ['users:read'], rateLimit: tier2 },
      request: { method: 'GET', path: '/users.list', query: { limit: '$.Limit', cursor: '$.NextToken' } },
      output: { value: { Users: { $each: '$.Body.members', $as: user('@') }, NextToken: nextCursor }, failWhen: notOk },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'ScheduleMessage',
      Name: 'Schedule message',
      Description:
        'Schedules a message for later (chat.scheduleMessage): PostAt is a Unix time in seconds, in the future and at most 120 days ahead. ' +
        'Returns the ScheduledMessageId and PostAt.',
      InputSchema: {
        type: 'object',
        required: ['Channel', 'PostAt'],
        anyOf: [{ required: ['Text'] }, { required: ['Blocks'] }],
        properties: {
          Channel: channel,
          PostAt: { type: 'integer', minimum: 1, maximum: 99999999999, description: 'When to post: Unix time in seconds.' },
          Text: text,
          Blocks: blocks,
          ThreadTs: ts,
          ReplyBroadcast: { type: 'boolean' },
        },
      },
      Examples: [{ Title: 'Remind the channel tomorrow morning', Input: { Channel: 'C012AB3CD', PostAt: 1735801200, Text: 'Stand-up in 10 minutes.' } }],
      reference: ref('chat.scheduleMessage'),
      requires: { scopes: ['chat:write'], rateLimit: tier3 },
      request: {
        method: 'POST',
        path: '/chat.scheduleMessage',
        body: {
          encoding: 'json',
          contentType: json,
          value: {
            channel: '$.Channel',
            post_at: '$.PostAt',
            text: '$.Text',
            blocks: '$.Blocks',
            thread_ts: '$.ThreadTs',
            reply_broadcast: '$.ReplyBroadcast',
          },
        },
      },
      output: { value: { Channel: '$.Body.channel', ScheduledMessageId: '$.Body.scheduled_message_id', PostAt: '$.Body.post_at' }, failWhen: notOk },
      idempotent: false,
    },
    {
      ActionId: 'GetPermalink',
      Name: 'Get message link',
      Description: 'Returns the permanent https link to a message (chat.getPermalink), to share it or cite it elsewhere.',
      InputSchema: { type: 'object', required: ['Channel', 'Ts'], properties: { Channel: channel, Ts: ts } },
      Examples: [{ Title: 'Link to a message', Input: { Channel: 'C012AB3CD', Ts: '1712345678.000200' } }],
      reference: ref('chat.getPermalink'),
      requires: { rateLimit: 'Special rate limits (see the method page)' },
      request: { method: 'GET', path: '/chat.getPermalink', query: { channel: '$.Channel', message_ts: '$.Ts' } },
      output: { value: { Channel: '$.Body.channel', Permalink: '$.Body.permalink' }, failWhen: notOk },
      idempotent: true,
    },
    {
      ActionId: 'SetChannelTopic',
      Name: 'Set channel topic',
      Description:
        'Sets the topic of a channel (conversations.setTopic), plain text up to 250 characters; the token must be a member of the channel. ' +
        'Returns the channel with its new topic.',
      InputSchema: {
        type: 'object',
        required: ['Channel', 'Topic'],
        properties: { Channel: channel, Topic: { type: 'string', maxLength: 250, description: 'Plain text (no formatting); empty clears the topic.' } },
      },
      Examples: [{ Title: 'Name the incident commander', Input: { Channel: 'C012AB3CD', Topic: 'INC-4211 — IC: @jane, status page updated hourly' } }],
      reference: ref('conversations.setTopic'),
      requires: { scopes: ['channels:manage', 'groups:write'], rateLimit: tier2 },
      request: {
        method: 'POST',
        path: '/conversations.setTopic',
        body: { encoding: 'json', contentType: json, value: { channel: '$.Channel', topic: '$.Topic' } },
      },
      output: { value: { Channel: conversation('$.Body.channel') }, failWhen: notOk },
      idempotent: true,
    },
    {
      ActionId: 'InviteToChannel',
      Name: 'Invite to channel',
      Description:
        'Adds users to a public or private channel (conversations.invite); the token must be a member. Fails with already_in_channel ' +
        'if one of them is already there. Returns the channel.',
      InputSchema: {
        type: 'object',
        required: ['Channel', 'UserIds'],
        properties: { Channel: channel, UserIds: { type: 'array', items: userId, minItems: 1, maxItems: 1000, uniqueItems: true } },
      },
      Examples: [{ Title: 'Bring two responders into the incident channel', Input: { Channel: 'C012AB3CD', UserIds: ['U012AB3CD', 'U061F7AUR'] } }],
      reference: ref('conversations.invite'),
      requires: { scopes: ['channels:manage', 'groups:write'], rateLimit: tier3 },
      request: {
        method: 'POST',
        path: '/conversations.invite',
        body: { encoding: 'json', contentType: json, value: { channel: '$.Channel', users: { $join: '$.UserIds' } } },
      },
      output: { value: { Channel: conversation('$.Body.channel') }, failWhen: notOk },
      idempotent: false,
    },
    {
      ActionId: 'SearchMessages',
      Name: 'Search messages',
      Description:
        'Searches the messages the signed-in user can see (search.messages) with Slack\'s search syntax (in:#channel, from:@user, after:2024-01-31, "exact phrase"). ' +
        'Works only with a user token (a connector that signs users in); bot tokens get not_allowed_token_type. Returns matches with channel, author, text, Ts and permalink.',
      InputSchema: {
        type: 'object',
        required: ['Query'],
        properties: {
          Query: { type: 'string', minLength: 1, maxLength: 1000 },
          Sort: { enum: ['score', 'timestamp'] },
          SortDir: { enum: ['asc', 'desc'] },
          Count: { type: 'integer', minimum: 1, maximum: 100 },
          NextToken: { type: 'string', pattern: '^[1-9][0-9]{0,2}$', description: 'A page number from a previous answer.' },
        },
      },
      Examples: [{ Title: 'Recent mentions of an outage in #ops', Input: { Query: 'outage in:#ops', Sort: 'timestamp', SortDir: 'desc', Count: 20 } }],
      reference: ref('search.messages'),
      requires: { grant: 'delegated', scopes: ['search:read'], rateLimit: tier2 },
      request: {
        method: 'GET',
        path: '/search.messages',
        query: { query: '$.Query', sort: '$.Sort', sort_dir: '$.SortDir', count: '$.Count', page: '$.NextToken' },
      },
      output: {
        value: {
          Matches: {
            $each: '$.Body.messages.matches',
            $as: {
              ChannelId: '@.channel.id',
              ChannelName: '@.channel.name',
              User: '@.user',
              Username: '@.username',
              Text: '@.text',
              Ts: '@.ts',
              Permalink: '@.permalink',
            },
          },
          Total: '$.Body.messages.total',
          NextToken: { $hook: 'nextPage', $of: '$.Body.messages.paging' },
        },
        failWhen: notOk,
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'GetChannelInfo',
      Name: 'Get channel info',
      Description: 'Returns a conversation by id (conversations.info): name, privacy, archived flag, topic, purpose and member count.',
      InputSchema: { type: 'object', required: ['Channel'], properties: { Channel: channel } },
      Examples: [{ Title: "A channel's topic and size", Input: { Channel: 'C012AB3CD' } }],
      reference: ref('conversations.info'),
      requires: { scopes: chScopes.read, rateLimit: tier3 },
      request: { method: 'GET', path: '/conversations.info', query: { channel: '$.Channel', include_num_members: 'true' } },
      output: { value: conversation('$.Body.channel'), failWhen: notOk },
      idempotent: true,
    },
    {
      ActionId: 'ListChannelMembers',
      Name: 'List channel members',
      Description: "Lists the user ids of a conversation's members, a page at a time (conversations.members); GetUserInfo names them.",
      InputSchema: {
        type: 'object',
        required: ['Channel'],
        properties: { Channel: channel, Limit: { type: 'integer', minimum: 1, maximum: 1000 }, NextToken: cursor },
      },
      Examples: [{ Title: 'Who is in the incident channel', Input: { Channel: 'C012AB3CD', Limit: 200 } }],
      reference: ref('conversations.members'),
      requires: { scopes: chScopes.read, rateLimit: tier4 },
      request: { method: 'GET', path: '/conversations.members', query: { channel: '$.Channel', limit: '$.Limit', cursor: '$.NextToken' } },
      output: { value: { Members: '$.Body.members', NextToken: nextCursor }, failWhen: notOk },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'RemoveReaction',
      Name: 'Remove reaction',
      Description: "Removes the token user's emoji reaction from a message (reactions.remove); answers Ok: true, and fails with no_reaction if there is none.",
      InputSchema: {
        type: 'object',
        required: ['Channel', 'Timestamp', 'Name'],
        properties: { Channel: channel, Timestamp: ts, Name: emoji },
      },
      Examples: [{ Title: 'Take back :eyes: once handled', Input: { Channel: 'C012AB3CD', Timestamp: '1712345678.000200', Name: 'eyes' } }],
      reference: ref('reactions.remove'),
      requires: { scopes: ['reactions:write'], rateLimit: tier2 },
      request: {
        method: 'POST',
        path: '/reactions.remove',
        body: { encoding: 'json', contentType: json, value: { channel: '$.Channel', timestamp: '$.Timestamp', name: '$.Name' } },
      },
      output: { value: { Ok: '$.Body.ok' }, failWhen: notOk },
      idempotent: false,
    },
    {
      ActionId: 'PostEphemeral',
      Name: 'Post ephemeral message',
      Description:
        'Shows a message to one member of a channel only (chat.postEphemeral); it is not stored and cannot be updated or found later. ' +
        'The user must be in the channel. Returns the MessageTs.',
      InputSchema: {
        type: 'object',
        required: ['Channel', 'UserId'],
        anyOf: [{ required: ['Text'] }, { required: ['Blocks'] }],
        properties: { Channel: channel, UserId: userId, Text: text, Blocks: blocks, ThreadTs: ts },
      },
      Examples: [
        { Title: 'A private hint to one member', Input: { Channel: 'C012AB3CD', UserId: 'U012AB3CD', Text: 'Only you can see this: the runbook is pinned.' } },
      ],
      reference: ref('chat.postEphemeral'),
      requires: { scopes: ['chat:write'], rateLimit: tier4 },
      request: {
        method: 'POST',
        path: '/chat.postEphemeral',
        body: {
          encoding: 'json',
          contentType: json,
          value: { channel: '$.Channel', user: '$.UserId', text: '$.Text', blocks: '$.Blocks', thread_ts: '$.ThreadTs' },
        },
      },
      output: { value: { MessageTs: '$.Body.message_ts' }, failWhen: notOk },
      idempotent: false,
    },
    {
      ActionId: 'JoinChannel',
      Name: 'Join channel',
      Description:
        'Makes the app (or the signed-in user) a member of a public channel (conversations.join), which posting and reading history need. ' +
        'Joining a channel it is already in succeeds with a warning.',
      InputSchema: { type: 'object', required: ['Channel'], properties: { Channel: channel } },
      Examples: [{ Title: 'Join #ops before posting there', Input: { Channel: 'C012AB3CD' } }],
      reference: ref('conversations.join'),
      requires: { scopes: ['channels:join'], rateLimit: tier3 },
      request: { method: 'POST', path: '/conversations.join', body: { encoding: 'json', contentType: json, value: { channel: '$.Channel' } } },
      output: { value: { Channel: conversation('$.Body.channel'), Warning: '$.Body.warning' }, failWhen: notOk },
      idempotent: true,
    },
    {
      ActionId: 'CreateChannel',
      Name: 'Create channel',
      Description:
        'Creates a public or private channel (conversations.create). Name: lower-case letters, digits, hyphens and underscores, ' +
        'up to 80 characters; fails with name_taken if it exists. Returns the new channel (its Id for InviteToChannel, PostMessage).',
      InputSchema: {
        type: 'object',
        required: ['Name'],
        properties: { Name: { type: 'string', pattern: '^[a-z0-9_\\-]{1,80}$' }, IsPrivate: { type: 'boolean' } },
      },
      Examples: [
        { Title: 'An incident channel', Input: { Name: 'inc-4211-checkout-errors' } },
        { Title: 'A private channel', Input: { Name: 'hiring-panel-q3', IsPrivate: true } },
      ],
      reference: ref('conversations.create'),
      requires: { scopes: ['channels:manage', 'groups:write'], rateLimit: tier2 },
      request: {
        method: 'POST',
        path: '/conversations.create',
        body: { encoding: 'json', contentType: json, value: { name: '$.Name', is_private: '$.IsPrivate' } },
      },
      output: { value: { Channel: conversation('$.Body.channel') }, failWhen: notOk },
      idempotent: false,
    },
    {
      ActionId: 'GetUploadUrl',
      Name: 'Start file upload',
      Description: `Step 1 of 3 of uploading a file (files.getUploadURLExternal): give the file name and its exact size in bytes; returns UploadUrl and FileId. Step 2: UploadFileContent with UploadUrl and the bytes (at most ${UPLOAD_MAX}). Step 3: CompleteUpload with FileId to share it in a channel or thread.`,
      InputSchema: {
        type: 'object',
        required: ['FileName', 'Length'],
        properties: {
          FileName: { type: 'string', minLength: 1, maxLength: 255 },
          Length: { type: 'integer', minimum: 1, maximum: UPLOAD_MAX, description: 'The size of the file in bytes.' },
          AltText: { type: 'string', maxLength: 1000, description: 'A description of an image for screen readers.' },
          SnippetType: { type: 'string', pattern: '^[a-z0-9_+-]{1,40}$', description: "For a code snippet, its syntax, e.g. 'python'." },
        },
      },
      request: {
        method: 'POST',
        path: '/files.getUploadURLExternal',
        body: { encoding: 'form', value: { filename: '$.FileName', length: '$.Length', alt_txt: '$.AltText', snippet_type: '$.SnippetType' } },
      },
      output: { value: { UploadUrl: '$.Body.upload_url', FileId: '$.Body.file_id' }, failWhen: notOk },
      idempotent: false,
      Examples: [{ Title: 'Start uploading a CSV report', Input: { FileName: 'weekly-report.csv', Length: 20480 } }],
      reference: ref('files.getUploadURLExternal'),
      requires: { scopes: ['files:write'], rateLimit: tier4 },
    },
    {
      ActionId: 'UploadFileContent',
      Name: 'Upload file content',
      Description: `Step 2 of 3 of uploading a file: sends the bytes (Content, base64, exactly the Length given to GetUploadUrl, at most ${UPLOAD_MAX}) to the UploadUrl GetUploadUrl returned. The URL is pre-authorized: it goes without the connector's token, and only to files.slack.com. Then call CompleteUpload.`,
      InputSchema: {
        type: 'object',
        required: ['UploadUrl', 'Content'],
        properties: {
          UploadUrl: { type: 'string', pattern: '^https://', maxLength: 4096, description: 'The UploadUrl GetUploadUrl returned.' },
          Content: base64Schema(UPLOAD_MAX),
          ContentType: { type: 'string', pattern: '^[\\w.+-]+/[\\w.+-]+$', default: 'application/octet-stream' },
        },
      },
      request: {
        origin: 'upload',
        url: '$.UploadUrl',
        method: 'POST',
        path: '/',
        body: { encoding: 'base64', value: { $fromBase64: '$.Content' }, contentType: '$.ContentType' },
      },
      output: { value: { Uploaded: { $if: '$.StatusCode', $then: true } } },
      binary: { maxBytes: UPLOAD_MAX },
      idempotent: false,
      Examples: [
        {
          Title: 'Send the bytes of a small text file',
          Input: { UploadUrl: 'https://files.slack.com/upload/v1/CwABAAAAXwoAAZO9', Content: 'aGVsbG8K', ContentType: 'text/plain' },
        },
      ],
      reference: 'https://docs.slack.dev/reference/methods/files.getUploadURLExternal',
      // The upload URL is not a method: no token, no tier (it takes the bytes GetUploadUrl announced).
      requires: { scopes: ['files:write'], rateLimit: 'Special: the handed-out URL takes one upload, within its expiry' },
    },
    {
      ActionId: 'CompleteUpload',
      Name: 'Complete file upload',
      Description:
        "Step 3 of 3 of uploading a file (files.completeUploadExternal): finishes the uploads of FileIds and shares them in a channel (ChannelId), optionally in a thread (ThreadTs) with a message (InitialComment); without ChannelId the files stay private to the uploader. Returns each file's Id, Title and Permalink.",
      InputSchema: {
        type: 'object',
        required: ['Files'],
        properties: {
          Files: {
            type: 'array',
            minItems: 1,
            maxItems: 100,
            items: { type: 'object', required: ['Id'], additionalProperties: false, properties: { Id: fileId, Title: { type: 'string', maxLength: 255 } } },
          },
          ChannelId: channel,
          ThreadTs: ts,
          InitialComment: { type: 'string', minLength: 1, maxLength: 40000 },
        },
      },
      request: {
        method: 'POST',
        path: '/files.completeUploadExternal',
        body: {
          encoding: 'form',
          value: {
            files: { $each: '$.Files', $as: { id: '@.Id', title: '@.Title' } },
            channel_id: '$.ChannelId',
            thread_ts: '$.ThreadTs',
            initial_comment: '$.InitialComment',
          },
        },
      },
      output: { value: { Files: { $each: '$.Body.files', $as: { Id: '@.id', Title: '@.title', Permalink: '@.permalink' } } }, failWhen: notOk },
      idempotent: false,
      Examples: [
        {
          Title: 'Share the uploaded report in #reports with a comment',
          Input: { Files: [{ Id: 'F07ABCDE123', Title: 'Weekly report' }], ChannelId: 'C0123456789', InitialComment: 'This week in numbers' },
        },
      ],
      reference: ref('files.completeUploadExternal'),
      requires: { scopes: ['files:write'], rateLimit: tier4 },
    },
  ],
};
