// AMAZON_S3: Amazon S3 through @aws-sdk/client-s3, with the connector's assumed role and region.
import type { Catalog } from '../types.js';
import { base64Schema } from './common.js';

const MAX_BYTES = 5 * 1024 * 1024;
const client = '@aws-sdk/client-s3';
const signingName = 's3';
const bucket = { type: 'string', pattern: '^[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]$' };
// S3 keys: at most 1024 bytes of UTF-8 (maxLength counts characters; maxBytes the bytes, catalog/input.ts).
const key = { type: 'string', minLength: 1, maxLength: 1024, maxBytes: 1024 };
const token = { type: 'string', minLength: 1, maxLength: 4096 };

export const amazonS3: Catalog = {
  Type: 'AMAZON_S3',
  Api: 'Amazon S3 (@aws-sdk/client-s3)',
  actions: [
    {
      ActionId: 'ListBuckets',
      Name: 'List buckets',
      Description: "Lists the buckets of the role's account, a page at a time.",
      InputSchema: {
        type: 'object',
        properties: { Prefix: { type: 'string', maxLength: 63 }, MaxBuckets: { type: 'integer', minimum: 1, maximum: 10000 }, NextToken: token },
      },
      aws: { client, signingName, command: 'ListBucketsCommand', input: { Prefix: '$.Prefix', MaxBuckets: '$.MaxBuckets', ContinuationToken: '$.NextToken' } },
      output: {
        value: {
          Buckets: {
            $coalesce: [{ $each: '$.Body.Buckets', $as: { Name: '@.Name', CreationDate: '@.CreationDate', BucketRegion: '@.BucketRegion' } }, { $literal: [] }],
          },
          NextToken: '$.Body.ContinuationToken',
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'ListObjects',
      Name: 'List objects',
      Description: 'Lists objects of a bucket (ListObjectsV2), optionally under a prefix and grouped by a delimiter, a page at a time.',
      InputSchema: {
        type: 'object',
        required: ['Bucket'],
        properties: {
          Bucket: bucket,
          Prefix: { type: 'string', maxLength: 1024 },
          Delimiter: { type: 'string', minLength: 1, maxLength: 16 },
          MaxKeys: { type: 'integer', minimum: 1, maximum: 1000 },
          StartAfter: key,
          NextToken: token,
        },
      },
      aws: {
        client,
        signingName,
        command: 'ListObjectsV2Command',
        input: {
          Bucket: '$.Bucket',
          Prefix: '$.Prefix',
          Delimiter: '$.Delimiter',
          MaxKeys: '$.MaxKeys',
          StartAfter: '$.StartAfter',
          ContinuationToken: '$.NextToken',
        },
      },
      output: {
        value: {
          Objects: {
            $coalesce: [
              {
                $each: '$.Body.Contents',
                $as: { Key: '@.Key', Size: '@.Size', LastModified: '@.LastModified', ETag: '@.ETag', StorageClass: '@.StorageClass' },
              },
              { $literal: [] },
            ],
          },
          CommonPrefixes: { $each: '$.Body.CommonPrefixes', $as: '@.Prefix' },
          KeyCount: '$.Body.KeyCount',
          IsTruncated: '$.Body.IsTruncated',
          NextToken: '$.Body.NextContinuationToken',
        },
      },
      pagination: { inputToken: 'NextToken', outputToken: 'NextToken' },
      idempotent: true,
    },
    {
      ActionId: 'GetObject',
      Name: 'Get object',
      Description: `Returns an object's content as base64 (at most ${MAX_BYTES} bytes; use Range for a part of a larger one) and its metadata.`,
      InputSchema: {
        type: 'object',
        required: ['Bucket', 'Key'],
        properties: {
          Bucket: bucket,
          Key: key,
          VersionId: { type: 'string', minLength: 1, maxLength: 1024 },
          Range: { type: 'string', pattern: '^bytes=[0-9]*-[0-9]*$', description: "e.g. 'bytes=0-1023'" },
        },
      },
      aws: { client, signingName, command: 'GetObjectCommand', input: { Bucket: '$.Bucket', Key: '$.Key', VersionId: '$.VersionId', Range: '$.Range' } },
      output: {
        value: {
          Body: { $toBase64: '$.Body.Body' },
          ContentType: '$.Body.ContentType',
          ContentLength: '$.Body.ContentLength',
          ETag: '$.Body.ETag',
          LastModified: '$.Body.LastModified',
          VersionId: '$.Body.VersionId',
        },
      },
      binary: { maxBytes: MAX_BYTES, output: true },
      idempotent: true,
    },
    {
      ActionId: 'PutObject',
      Name: 'Put object',
      Description: `Stores an object from base64 content (at most ${MAX_BYTES} bytes), replacing any object with the same key.`,
      InputSchema: {
        type: 'object',
        required: ['Bucket', 'Key', 'Body'],
        properties: {
          Bucket: bucket,
          Key: key,
          Body: base64Schema(MAX_BYTES),
          ContentType: { type: 'string', pattern: '^[\\w.+-]+/[\\w.+-]+(?:\\s*;.*)?$', maxLength: 255 },
          // Sent as x-amz-meta-<name> headers: names are HTTP tokens, values printable ASCII (as S3 requires).
          Metadata: {
            type: 'object',
            propertyNames: { pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$" },
            additionalProperties: { type: 'string', maxLength: 2048, pattern: '^[\\x20-\\x7e]*$' },
            maxProperties: 50,
          },
        },
      },
      aws: {
        client,
        signingName,
        command: 'PutObjectCommand',
        input: { Bucket: '$.Bucket', Key: '$.Key', Body: { $fromBase64: '$.Body' }, ContentType: '$.ContentType', Metadata: '$.Metadata' },
      },
      output: { value: { ETag: '$.Body.ETag', VersionId: '$.Body.VersionId' } },
      binary: { maxBytes: MAX_BYTES },
      idempotent: true,
    },
    {
      ActionId: 'DeleteObject',
      Name: 'Delete object',
      Description: 'Deletes an object (or one version of it).',
      InputSchema: {
        type: 'object',
        required: ['Bucket', 'Key'],
        properties: { Bucket: bucket, Key: key, VersionId: { type: 'string', minLength: 1, maxLength: 1024 } },
      },
      aws: { client, signingName, command: 'DeleteObjectCommand', input: { Bucket: '$.Bucket', Key: '$.Key', VersionId: '$.VersionId' } },
      output: { value: { DeleteMarker: '$.Body.DeleteMarker', VersionId: '$.Body.VersionId' } },
      idempotent: true,
    },
  ],
};
