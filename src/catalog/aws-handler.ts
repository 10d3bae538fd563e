// An AWS SDK v3 request handler that sends through the egress, so AWS calls
// obey the same address policy, TLS trust, timeouts, size limit and VPC profiles
// as every other outbound request. Give it to a client as `requestHandler`.
import { Readable } from 'node:stream';
import { HttpResponse } from '@smithy/core/transport';
import type { EgressRequest, EgressResponse } from '../egress/index.js';
import { encodeComponent } from './url.js';

/** The parts of a Smithy HttpRequest this handler reads. */
interface SdkHttpRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

async function bodyBytes(body: unknown): Promise<string | Uint8Array | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (body instanceof Readable || typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks);
  }
  throw new TypeError('Unsupported AWS request body');
}

function queryString(query: SdkHttpRequest['query']): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === null) parts.push(encodeComponent(key));
    else for (const v of Array.isArray(value) ? value : [value]) parts.push(`${encodeComponent(key)}=${encodeComponent(v)}`);
  }
  return parts.join('&');
}

export class EgressHttpHandler {
  readonly metadata = { handlerProtocol: 'http/1.1' };

  constructor(
    private readonly egress: { request(req: EgressRequest): Promise<EgressResponse> },
    private readonly profile?: string,
  ) {}

  async handle(request: SdkHttpRequest, options: { abortSignal?: AbortSignal } = {}): Promise<{ response: HttpResponse }> {
    const port = request.port ? `:${request.port}` : '';
    const query = queryString(request.query);
    const url = `${request.protocol}//${request.hostname}${port}${request.path}${query ? `?${query}` : ''}`;
    const res = await this.egress.request({
      method: request.method,
      url,
      headers: request.headers,
      body: await bodyBytes(request.body),
      profile: this.profile,
      // AWS answers redirects (S3's PermanentRedirect) as errors the SDK reads; never follow them.
      followRedirects: false,
      signal: options.abortSignal as AbortSignal | undefined,
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    return { response: new HttpResponse({ statusCode: res.status, headers, body: Readable.from([res.body]) }) };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}
