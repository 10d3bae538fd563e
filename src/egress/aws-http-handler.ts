// The AWS SDK v3 request handler (smithy HttpHandler) that sends through the
// egress, so that every AWS SDK client — STS for IAM connectors, the AWS services
// of the AMAZON_* action catalogs — obeys the same address policy, TLS trust,
// timeouts, size limit and VPC profiles as every other outbound request. Give it
// to a client as `requestHandler`. A client kept for many calls (connections/
// aws-clients.ts) names each call's sender in the send options (`{ egress }`), so
// that what one call's requests carried is collected by that call's scrubber.
import { Readable } from 'node:stream';
import { buildQueryString, type HttpHandler } from '@smithy/core/protocols';
import { type HttpRequest, HttpResponse } from '@smithy/core/transport';
import type { HttpHandlerOptions } from '@smithy/types';
import type { EgressTenant } from './config.js';
import type { EgressRequest, EgressResponse } from './egress.js';

/** What the handler needs of an Egress (an interface, so tests may hand in their own). */
export interface EgressSender {
  request(req: EgressRequest): Promise<EgressResponse>;
}

/** Send options a call may give (`client.send(command, options)` hands them to the handler). */
export interface EgressHandlerOptions extends HttpHandlerOptions {
  /** This call's sender, instead of the handler's own. */
  egress?: EgressSender;
}

export class EgressHttpHandler implements HttpHandler {
  readonly metadata = { handlerProtocol: 'http/1.1' };

  /** @param profile the egress profile (a connector's VpcConnectionArn), if any; @param tenant whose request it is. */
  constructor(
    private readonly egress: EgressSender,
    private readonly profile?: string,
    private readonly tenant?: EgressTenant,
  ) {}

  async handle(request: HttpRequest, options: EgressHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const query = buildQueryString(request.query ?? {});
    const port = request.port ? `:${request.port}` : '';
    const url = `${request.protocol}//${request.hostname}${port}${request.path}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = String(value);
    const signal = options.abortSignal instanceof AbortSignal ? options.abortSignal : undefined;
    const body = await bodyBytes(request.body);
    const res = await (options.egress ?? this.egress).request({
      method: request.method,
      url,
      headers,
      // A signed request is never replayed elsewhere: the SDK sees redirects (S3's
      // PermanentRedirect, ...) as the errors they are.
      followRedirects: false,
      ...(body !== undefined ? { body } : {}),
      ...(this.profile !== undefined ? { profile: this.profile } : {}),
      ...(this.tenant !== undefined ? { tenant: this.tenant } : {}),
      ...(signal ? { signal } : {}),
    });
    const responseHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
    // A stream, as Node's own handler gives: streaming members (S3 GetObject's Body)
    // are mixed into it by the SDK; every other answer is collected from it.
    return { response: new HttpResponse({ statusCode: res.status, headers: responseHeaders, body: Readable.from([res.body]) }) };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}

/** A request body as bytes: the egress sends whole bodies (their size is bounded by the caller). */
async function bodyBytes(body: unknown): Promise<string | Uint8Array | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (body instanceof Readable || typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Buffer | Uint8Array | string>) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
  }
  throw new TypeError('EgressHttpHandler: unsupported request body type');
}
