// A smithy HttpHandler (the AWS SDK's requestHandler) that sends every request
// through the egress path, so that AWS SDK clients — STS here, AWS services for
// IAM connectors later — obey the same address policy, TLS trust and limits.
import { Readable } from 'node:stream';
import { buildQueryString, type HttpHandler } from '@smithy/core/protocols';
import { type HttpRequest, HttpResponse } from '@smithy/core/transport';
import type { HttpHandlerOptions } from '@smithy/types';
import type { Egress } from '../egress/index.js';

export class EgressHttpHandler implements HttpHandler {
  constructor(private readonly egress: Egress, private readonly profile?: string) {}

  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const query = buildQueryString(request.query ?? {});
    const port = request.port ? `:${request.port}` : '';
    const url = `${request.protocol}//${request.hostname}${port}${request.path}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = String(value);
    const signal = options.abortSignal instanceof AbortSignal ? options.abortSignal : undefined;
    const res = await this.egress.request({
      method: request.method,
      url,
      headers,
      body: await bodyBytes(request.body),
      // A signed request is not replayed elsewhere: the SDK sees redirects as they are.
      followRedirects: false,
      ...(this.profile !== undefined ? { profile: this.profile } : {}),
      ...(signal ? { signal } : {}),
    });
    const responseHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
    return { response: new HttpResponse({ statusCode: res.status, headers: responseHeaders, body: res.body }) };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}

async function bodyBytes(body: unknown): Promise<string | Uint8Array | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  }
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('EgressHttpHandler: unsupported request body type');
}
