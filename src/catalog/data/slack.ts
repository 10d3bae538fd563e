// SLACK: the Slack Web API (https://slack.com/api/{method}). Every answer is HTTP 200
// with {"ok": true|false}; `ok: false` is a failed invocation.
import type { Catalog, FailWhen } from '../types.js';
import { base64Schema } from './common.js';

const notOk: FailWhen[] = [{ ref: '$.Body.ok', equals: false }];
const channel = { type: 'string', pattern: '^[A-Z0-9]{2,32}$', description: "A conversation id, e.g. 'C0123456789'." };
const ts = { type: 'string', pattern: '^[0-9]{1,12}\\.[0-9]{1,8}$', description: "A message timestamp, e.g. '1712345678.000200'." };
const cursor = { type: 'string', minLength: 1, maxLength: 1024 };
const json = 'application/json; charset=utf-8';
const nextCursor = { $hook: 'nonEmpty', $of: '$.Body.response_metadata.next_cursor' };

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
      reference: 'https://api.slack.com/methods/files.getUploadURLExternal',
      requires: { scopes: ['files:write'], rateLimit: 'Tier 4: 100+ per minute' },
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
      reference: 'https://api.slack.com/messaging/files#uploading_files',
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
      reference: 'https://api.slack.com/methods/files.completeUploadExternal',
      requires: { scopes: ['files:write'], rateLimit: 'Tier 4: 100+ per minute' },
    },
  ],
};
