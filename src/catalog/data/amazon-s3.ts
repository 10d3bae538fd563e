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
const DEFAULT_PRESIGN = 900;
const expiresIn = {
  type: 'integer',
  minimum: 1,
  maximum: 7 * 24 * 3600,
  default: DEFAULT_PRESIGN,
  description: "Seconds the URL stays valid; cut to the connector's AWS session's remaining lifetime.",
};
const presigned = { Url: '$.Body.Url', Method: '$.Body.Method', ExpiresIn: '$.Body.ExpiresIn', Expiration: '$.Body.Expiration' };
const versionId = { type: 'string', minLength: 1, maxLength: 1024 };
const contentType = { type: 'string', pattern: '^[\\w.+-]+/[\\w.+-]+(?:\\s*;.*)?$', maxLength: 255 };
// Sent as x-amz-meta-<name> headers: names are HTTP tokens, values printable ASCII (as S3 requires).
const metadata = {
  type: 'object',
  propertyNames: { pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$" },
  additionalProperties: { type: 'string', maxLength: 2048, pattern: '^[\\x20-\\x7e]*$' },
  maxProperties: 50,
};

export const amazonS3: Catalog = {
  Type: 'AMAZON_S3',
  Api: 'Amazon S3 (@aws-sdk/client-s3)',
  actions: [
    {
      ActionId: 'ListBuckets',
      Name: 'List buckets',
      Description:
        "Lists the buckets of the role's account (the role needs s3:ListAllMyBuckets): Name, CreationDate and BucketRegion of each, optionally only those whose name starts with Prefix, a page at a time (NextToken).",
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
      Examples: [{ Title: 'List the buckets whose names start with reports', Input: { Prefix: 'reports' } }],
      reference: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html',
    },
    {
      ActionId: 'ListObjects',
      Name: 'List objects',
      Description:
        'Lists objects of a bucket (ListObjectsV2) in key order: Key, Size, LastModified, ETag and StorageClass of each, at most MaxKeys (1000) a page; pass NextToken back for the next page. ' +
        "Prefix limits them to keys starting with it; Delimiter '/' lists one 'folder' level, the sub-folders in CommonPrefixes.",
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
      Examples: [
        { Title: 'List the files of a folder, one level deep', Input: { Bucket: 'reports', Prefix: '2025/q2/', Delimiter: '/' } },
        { Title: 'The first 100 objects of a bucket', Input: { Bucket: 'reports', MaxKeys: 100 } },
      ],
      reference: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html',
    },
    {
      ActionId: 'GetObject',
      Name: 'Get object',
      Description: `Returns an object's content as base64 in Body (at most ${MAX_BYTES} bytes; use Range for a part of a larger one, HeadObject for the size first, PresignGetObject to hand a large file to someone) and its ContentType, ContentLength, ETag, LastModified and VersionId.`,
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
      Examples: [
        { Title: 'Download a CSV report', Input: { Bucket: 'reports', Key: '2025/q2/summary.csv' } },
        { Title: 'Read the first KiB of a large log', Input: { Bucket: 'logs', Key: 'app/2025-06-03.log', Range: 'bytes=0-1023' } },
      ],
      reference: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html',
    },
    {
      ActionId: 'PutObject',
      Name: 'Put object',
      Description: `Stores an object from base64 content (at most ${MAX_BYTES} bytes; PresignPutObject lets someone upload a larger one), replacing any object with the same key; Metadata becomes x-amz-meta-* headers. Returns the ETag and, in a versioned bucket, the VersionId.`,
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
      Examples: [
        {
          Title: 'Store a small CSV',
          Input: { Bucket: 'reports', Key: '2025/q2/summary.csv', Body: 'cmVnaW9uLHRvdGFsCnVzLWVhc3QtMSw0Mgo=', ContentType: 'text/csv' },
        },
      ],
      reference: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html',
    },
    {
      ActionId: 'DeleteObject',
      Name: 'Delete object',
      Description:
        'Deletes an object, or one version of it (VersionId). In a versioned bucket, deleting without VersionId adds a delete marker (DeleteMarker true) and keeps the old versions; deleting a missing key also succeeds.',
      InputSchema: {
        type: 'object',
        required: ['Bucket', 'Key'],
        properties: { Bucket: bucket, Key: key, VersionId: { type: 'string', minLength: 1, maxLength: 1024 } },
      },
      aws: { client, signingName, command: 'DeleteObjectCommand', input: { Bucket: '$.Bucket', Key: '$.Key', VersionId: '$.VersionId' } },
      output: { value: { DeleteMarker: '$.Body.DeleteMarker', VersionId: '$.Body.VersionId' } },
      idempotent: true,
      Examples: [{ Title: 'Delete an old export', Input: { Bucket: 'reports', Key: '2023/old.csv' } }],
      reference: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html',
    },
    // ── Issue 16 breadth ──────────────────────────────────────────────────────
    {
      ActionId: 'HeadObject',
      Name: 'Get object metadata',
      Description:
        "Returns an object's metadata without its content: ContentType, ContentLength (bytes), ETag, LastModified, VersionId, StorageClass, the user Metadata (x-amz-meta-*), " +
        'ContentDisposition, CacheControl and ServerSideEncryption. Use it to check that an object exists (a missing one is FAILED with HttpStatusCode 404) or how large it is before GetObject.',
      InputSchema: {
        type: 'object',
        required: ['Bucket', 'Key'],
        properties: { Bucket: bucket, Key: key, VersionId: versionId },
      },
      aws: { client, signingName, command: 'HeadObjectCommand', input: { Bucket: '$.Bucket', Key: '$.Key', VersionId: '$.VersionId' } },
      output: {
        value: {
          ContentType: '$.Body.ContentType',
          ContentLength: '$.Body.ContentLength',
          ETag: '$.Body.ETag',
          LastModified: '$.Body.LastModified',
          VersionId: '$.Body.VersionId',
          StorageClass: '$.Body.StorageClass',
          Metadata: '$.Body.Metadata',
          ContentDisposition: '$.Body.ContentDisposition',
          CacheControl: '$.Body.CacheControl',
          ServerSideEncryption: '$.Body.ServerSideEncryption',
        },
      },
      idempotent: true,
      Examples: [{ Title: 'Check whether a report exists and its size', Input: { Bucket: 'reports', Key: '2025/q2/summary.csv' } }],
      reference: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html',
    },
    {
      ActionId: 'CopyObject',
      Name: 'Copy object',
      Description:
        'Copies an object (up to 5 GB) to another key or bucket inside S3, without downloading it, replacing any object at the destination. ' +
        'Metadata and content type are copied unless MetadataDirective is REPLACE (then ContentType and Metadata give the new ones); StorageClass changes the class (e.g. to archive). ' +
        'Returns the new ETag, LastModified and VersionId. The role needs s3:GetObject on the source and s3:PutObject on the destination.',
      InputSchema: {
        type: 'object',
        required: ['SourceBucket', 'SourceKey', 'Bucket', 'Key'],
        properties: {
          SourceBucket: bucket,
          SourceKey: key,
          SourceVersionId: versionId,
          Bucket: { ...bucket, description: 'The destination bucket.' },
          Key: { ...key, description: 'The destination key.' },
          MetadataDirective: { enum: ['COPY', 'REPLACE'] },
          ContentType: contentType,
          Metadata: metadata,
          StorageClass: { enum: ['STANDARD', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'] },
        },
      },
      aws: {
        client,
        signingName,
        command: 'CopyObjectCommand',
        input: {
          Bucket: '$.Bucket',
          Key: '$.Key',
          CopySource: { $hook: 's3CopySource', $of: { Bucket: '$.SourceBucket', Key: '$.SourceKey', VersionId: '$.SourceVersionId' } },
          MetadataDirective: '$.MetadataDirective',
          ContentType: '$.ContentType',
          Metadata: '$.Metadata',
          StorageClass: '$.StorageClass',
        },
      },
      output: {
        value: {
          ETag: '$.Body.CopyObjectResult.ETag',
          LastModified: '$.Body.CopyObjectResult.LastModified',
          VersionId: '$.Body.VersionId',
          CopySourceVersionId: '$.Body.CopySourceVersionId',
        },
      },
      idempotent: true,
      Examples: [
        {
          Title: 'Archive a report under another prefix',
          Input: { SourceBucket: 'reports', SourceKey: '2025/q2/summary.csv', Bucket: 'reports', Key: 'archive/2025/q2/summary.csv' },
        },
        {
          Title: 'Copy to another bucket with a new content type',
          Input: {
            SourceBucket: 'uploads',
            SourceKey: 'in/data.bin',
            Bucket: 'published',
            Key: 'data.json',
            MetadataDirective: 'REPLACE',
            ContentType: 'application/json',
          },
        },
      ],
      reference: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html',
    },
    {
      ActionId: 'PresignGetObject',
      Name: 'Create download link',
      Description:
        'Creates a presigned URL that downloads one object with a plain HTTPS GET, without AWS credentials: to hand a file to a person or a tool. Nothing is sent to S3; the object is not checked (a missing one answers 404 when fetched). ' +
        `The URL is a bearer capability: anyone holding it can read the object until it expires, so share it only with who should read it. It is valid for ExpiresIn seconds (default ${DEFAULT_PRESIGN}), ` +
        "but never longer than the connector's AWS session has left (about an hour for an assumed role) nor 7 days: Expiration says when it stops working. " +
        'It is signed with the connector\'s role session, so it works only while the role may read the object. ResponseContentDisposition (e.g. attachment; filename="report.csv") and ResponseContentType set the download\'s headers.',
      InputSchema: {
        type: 'object',
        required: ['Bucket', 'Key'],
        properties: {
          Bucket: bucket,
          Key: key,
          VersionId: versionId,
          ExpiresIn: expiresIn,
          ResponseContentDisposition: { type: 'string', minLength: 1, maxLength: 1024, pattern: '^[\\x20-\\x7e]*$' },
          ResponseContentType: contentType,
        },
      },
      aws: {
        client,
        signingName,
        command: 'GetObjectCommand',
        input: {
          Bucket: '$.Bucket',
          Key: '$.Key',
          VersionId: '$.VersionId',
          ResponseContentDisposition: '$.ResponseContentDisposition',
          ResponseContentType: '$.ResponseContentType',
        },
        presign: { expiresIn: '$.ExpiresIn' },
      },
      output: { value: presigned },
      idempotent: true,
      Examples: [
        { Title: 'A one-hour download link for a report', Input: { Bucket: 'reports', Key: '2025/q2/summary.csv', ExpiresIn: 3600 } },
        {
          Title: 'A 10-minute link that downloads as a named file',
          Input: { Bucket: 'reports', Key: '2025/q2/summary.csv', ExpiresIn: 600, ResponseContentDisposition: 'attachment; filename="q2-summary.csv"' },
        },
      ],
      reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ShareObjectPreSignedURL.html',
    },
    {
      ActionId: 'PresignPutObject',
      Name: 'Create upload link',
      Description:
        'Creates a presigned URL to which a person or a tool can upload one object with a plain HTTPS PUT of the file as the body (up to 5 GB), without AWS credentials, replacing any object with that key. Nothing is sent to S3 now. ' +
        `The URL is a bearer capability: anyone holding it can write that key until it expires, as many times as they like, so share it only with who should upload. Valid for ExpiresIn seconds (default ${DEFAULT_PRESIGN}), ` +
        "never longer than the connector's AWS session has left (about an hour for an assumed role) nor 7 days: Expiration says when. Signed with the connector's role session, so the role must be allowed to put the object.",
      InputSchema: {
        type: 'object',
        required: ['Bucket', 'Key'],
        properties: { Bucket: bucket, Key: key, ExpiresIn: expiresIn },
      },
      aws: { client, signingName, command: 'PutObjectCommand', input: { Bucket: '$.Bucket', Key: '$.Key' }, presign: { expiresIn: '$.ExpiresIn' } },
      output: { value: presigned },
      idempotent: true,
      Examples: [{ Title: 'A 15-minute upload link for a new file', Input: { Bucket: 'uploads', Key: 'incoming/2025-06-03/scan.pdf', ExpiresIn: 900 } }],
      reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/PresignedUrlUploadObject.html',
    },
  ],
};
