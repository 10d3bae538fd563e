// Calling ActionBridge's extension operations (PRODUCT.md §1.2), which the
// official SDK does not know: a SigV4-signed request, as the SDK would sign it.
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/core/transport';

export interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface ExtensionAnswer {
  status: number;
  errorType: string | null;
  body: Record<string, any>;
}

export async function callExtension(
  endpoint: string,
  creds: Creds,
  method: string,
  path: string,
  body?: unknown,
  region = 'us-east-1',
): Promise<ExtensionAnswer> {
  const url = new URL(path, endpoint);
  const text = body === undefined ? undefined : JSON.stringify(body);
  const signer = new SignatureV4({ credentials: creds, region, service: 'quicksight', sha256: Hash.bind(null, 'sha256') as never, uriEscapePath: true });
  const signed = await signer.sign(
    new HttpRequest({
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      headers: { host: url.host, ...(text !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(text !== undefined ? { body: text } : {}),
    }),
  );
  const res = await fetch(url, { method, headers: signed.headers, ...(text !== undefined ? { body: text } : {}) });
  const raw = await res.text();
  return { status: res.status, errorType: res.headers.get('x-amzn-errortype'), body: raw ? JSON.parse(raw) : {} };
}

/** The extension operations on one connector. */
export function connectorOps(endpoint: string, account: string, id: string) {
  const base = `/accounts/${account}/action-connectors/${encodeURIComponent(id)}`;
  return {
    test: (creds: Creds) => callExtension(endpoint, creds, 'POST', `${base}/test`),
    authorize: (creds: Creds) => callExtension(endpoint, creds, 'POST', `${base}/authorize`),
    connection: (creds: Creds) => callExtension(endpoint, creds, 'GET', `${base}/connection`),
  };
}
