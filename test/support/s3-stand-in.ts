// A stand-in for Amazon S3 on HTTPS (path-style addressing), for the AMAZON_S3
// actions end to end: every request must be signed (SigV4, service `s3`: in the
// Authorization header, or a presigned URL's query, checked as S3 does) with
// temporary credentials the STS stand-in issued, still valid, with their session
// token — as S3 checks — and objects are kept in memory.
//
//   GET /                       ListBuckets
//   GET /{bucket}?list-type=2   ListObjectsV2
//   PUT /{bucket}/{key}         PutObject (CopyObject with x-amz-copy-source)
//   GET /{bucket}/{key}         GetObject       HEAD /{bucket}/{key}  HeadObject
//   DELETE /{bucket}/{key}      DeleteObject
import { createHash } from 'node:crypto';
import { startHttpsServer, type TestHttpsServer } from './https-server.js';
import { readBody, verifyPresignedSigV4, verifySigV4 } from './sigv4-verify.js';
import type { StsStandIn } from './sts.js';
import type { TestCa } from './tls.js';

export interface StoredObject {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
  metadata: Record<string, string>;
}

export interface S3StandIn extends TestHttpsServer {
  readonly buckets: Map<string, Map<string, StoredObject>>;
  /** Requests that passed, with the role session that signed them (and, for a presigned URL, its X-Amz-Expires). */
  readonly accepted: { method: string; path: string; roleSessionName: string; region: string; presignedFor?: number }[];
  readonly refused: string[];
}

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startS3(ca: TestCa, sts: StsStandIn, buckets: string[]): Promise<S3StandIn> {
  const store = new Map(buckets.map((b) => [b, new Map<string, StoredObject>()]));
  const accepted: S3StandIn['accepted'] = [];
  const refused: string[] = [];
  const server = await startHttpsServer({
    cert: ca.issue({ dnsNames: ['s3.test.example'], ips: ['127.0.0.1'] }),
    handler: (req, res) => {
      void (async () => {
        const body = await readBody(req);
        const error = (status: number, code: string, message: string) => {
          refused.push(code);
          res
            .writeHead(status, { 'content-type': 'application/xml' })
            .end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${xml(message)}</Message></Error>`);
        };
        const presigned = req.headers.authorization === undefined && /[?&]X-Amz-Signature=/.test(req.url ?? '');
        let signer: { accessKeyId: string; region: string; token: string | undefined; presignedFor?: number };
        if (presigned) {
          const v = verifyPresignedSigV4(
            { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers },
            (id) => sts.issued.get(id)?.secretAccessKey,
            's3',
          );
          if (!v.ok) return error(403, v.code, v.reason);
          signer = { accessKeyId: v.accessKeyId, region: v.region, token: v.sessionToken, presignedFor: v.expires };
        } else {
          const verdict = await verifySigV4(
            { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body },
            (id) => sts.issued.get(id)?.secretAccessKey,
            's3',
          );
          if (!verdict.ok) return error(403, verdict.code, verdict.reason);
          if (!verdict.signedHeaders.includes('x-amz-security-token'))
            return error(403, 'InvalidToken', 'The provided token is malformed or otherwise invalid.');
          const sha = req.headers['x-amz-content-sha256'];
          if (sha !== 'UNSIGNED-PAYLOAD' && sha !== createHash('sha256').update(body).digest('hex'))
            return error(400, 'XAmzContentSHA256Mismatch', 'payload hash mismatch');
          signer = { accessKeyId: verdict.accessKeyId, region: verdict.region, token: String(req.headers['x-amz-security-token'] ?? '') };
        }
        const creds = sts.issued.get(signer.accessKeyId)!;
        if (signer.token !== creds.sessionToken) return error(403, 'InvalidToken', 'The provided token is malformed or otherwise invalid.');
        if (creds.expiration.getTime() <= Date.now()) return error(400, 'ExpiredToken', 'The provided token has expired.');
        const verdict = signer;

        const u = new URL(req.url ?? '/', 'https://s3.invalid');
        const [bucketName, ...rest] = u.pathname.split('/').slice(1).map(decodeURIComponent);
        const key = rest.join('/');
        accepted.push({
          method: req.method ?? '',
          path: u.pathname,
          roleSessionName: creds.roleSessionName,
          region: verdict.region,
          ...(verdict.presignedFor !== undefined ? { presignedFor: verdict.presignedFor } : {}),
        });
        if (!bucketName) {
          const list = [...store.keys()].map((b) => `<Bucket><Name>${xml(b)}</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket>`).join('');
          res
            .writeHead(200, { 'content-type': 'application/xml' })
            .end(`<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult><Buckets>${list}</Buckets><Owner><ID>o</ID></Owner></ListAllMyBucketsResult>`);
          return;
        }
        const bucket = store.get(bucketName);
        if (!bucket) return error(404, 'NoSuchBucket', 'The specified bucket does not exist');
        if (!key) {
          if (req.method !== 'GET' || u.searchParams.get('list-type') !== '2') return error(400, 'NotImplemented', 'only ListObjectsV2');
          const prefix = u.searchParams.get('prefix') ?? '';
          const contents = [...bucket]
            .filter(([k]) => k.startsWith(prefix))
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(
              ([k, o]) =>
                `<Contents><Key>${xml(k)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><ETag>${xml(o.etag)}</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
            );
          res
            .writeHead(200, { 'content-type': 'application/xml' })
            .end(
              `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${xml(bucketName)}</Name><Prefix>${xml(prefix)}</Prefix><KeyCount>${contents.length}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${contents.join('')}</ListBucketResult>`,
            );
          return;
        }
        switch (req.method) {
          case 'PUT': {
            const copySource = req.headers['x-amz-copy-source'];
            if (typeof copySource === 'string') {
              let decoded: string;
              try {
                decoded = decodeURIComponent(copySource);
              } catch {
                return error(400, 'InvalidArgument', 'Copy Source must be URL-encoded.');
              }
              const [source = '', version] = decoded.replace(/^\//, '').split('?versionId=');
              const slash = source.indexOf('/');
              const from = store.get(source.slice(0, slash))?.get(source.slice(slash + 1));
              if (slash < 1 || !from || version !== undefined) return error(404, 'NoSuchKey', 'The specified key does not exist.');
              const replace = req.headers['x-amz-metadata-directive'] === 'REPLACE';
              const metadata: Record<string, string> = {};
              for (const [h, v] of Object.entries(req.headers)) if (h.startsWith('x-amz-meta-')) metadata[h.slice(11)] = String(v);
              const copy = {
                ...from,
                lastModified: new Date(Math.floor(Date.now() / 1000) * 1000),
                ...(replace ? { contentType: String(req.headers['content-type'] ?? 'binary/octet-stream'), metadata } : {}),
              };
              bucket.set(key, copy);
              res
                .writeHead(200, { 'content-type': 'application/xml' })
                .end(
                  `<?xml version="1.0" encoding="UTF-8"?><CopyObjectResult><LastModified>${copy.lastModified.toISOString()}</LastModified><ETag>${xml(copy.etag)}</ETag></CopyObjectResult>`,
                );
              return;
            }
            const etag = `"${createHash('md5').update(body).digest('hex')}"`;
            const metadata: Record<string, string> = {};
            for (const [h, v] of Object.entries(req.headers)) if (h.startsWith('x-amz-meta-')) metadata[h.slice(11)] = String(v);
            bucket.set(key, {
              body,
              contentType: String(req.headers['content-type'] ?? 'application/octet-stream'),
              etag,
              lastModified: new Date(Math.floor(Date.now() / 1000) * 1000),
              metadata,
            });
            res.writeHead(200, { etag }).end();
            return;
          }
          case 'HEAD':
          case 'GET': {
            const o = bucket.get(key);
            if (!o) return req.method === 'HEAD' ? void res.writeHead(404).end() : error(404, 'NoSuchKey', 'The specified key does not exist.');
            const meta = Object.fromEntries(Object.entries(o.metadata).map(([k, v]) => [`x-amz-meta-${k}`, v]));
            const disposition = u.searchParams.get('response-content-disposition');
            res
              .writeHead(200, {
                'content-type': u.searchParams.get('response-content-type') ?? o.contentType,
                'content-length': o.body.length,
                etag: o.etag,
                'last-modified': o.lastModified.toUTCString(),
                ...meta,
                ...(disposition ? { 'content-disposition': disposition } : {}),
              })
              .end(req.method === 'HEAD' ? undefined : o.body);
            return;
          }
          case 'DELETE':
            bucket.delete(key);
            res.writeHead(204).end();
            return;
          default:
            return error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
        }
      })();
    },
  });
  return Object.assign(server, { buckets: store, accepted, refused });
}
