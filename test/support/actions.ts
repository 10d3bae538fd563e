// Calling the action operations (PRODUCT.md §1.2) the way a client would: SigV4
// signed requests (query strings included) for the extension operations, and the
// official SDK, with a middleware adding the non-standard EnabledActions member to
// Create and Update bodies before they are signed (the CLI examples send it; the
// SDK does not know it).
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/core/transport';
import { ACCOUNT, qs, type Creds } from '../helpers.js';

export interface Answer {
  status: number;
  errorType: string | null;
  body: Record<string, any>;
  /** The body as received. */
  raw: string;
}

/** One signed request, as the AWS SDK signs it (the path URI-escaped again, the query signed). */
export async function signedCall(
  endpoint: string,
  creds: Creds,
  method: string,
  path: string,
  opts: { query?: Record<string, string>; body?: unknown; region?: string } = {},
): Promise<Answer> {
  const url = new URL(path, endpoint);
  const query = opts.query ?? {};
  const text = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const signer = new SignatureV4({
    credentials: creds,
    region: opts.region ?? 'us-east-1',
    service: 'quicksight',
    sha256: Hash.bind(null, 'sha256') as never,
    uriEscapePath: true,
  });
  const signed = await signer.sign(
    new HttpRequest({
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query,
      headers: { host: url.host, ...(text !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(text !== undefined ? { body: text } : {}),
    }),
  );
  const qsText = new URLSearchParams(query).toString();
  const res = await fetch(`${url.origin}${url.pathname}${qsText ? `?${qsText}` : ''}`, {
    method,
    headers: signed.headers,
    ...(text !== undefined ? { body: text } : {}),
  });
  const raw = await res.text();
  return { status: res.status, errorType: res.headers.get('x-amzn-errortype'), body: raw ? JSON.parse(raw) : {}, raw };
}

/** The action operations of one server. */
export function actionsApi(endpoint: string, account = ACCOUNT) {
  const base = (id: string) => `/accounts/${account}/action-connectors/${encodeURIComponent(id)}`;
  return {
    listActions: (creds: Creds, id: string) => signedCall(endpoint, creds, 'GET', `${base(id)}/actions`),
    invoke: (creds: Creds, id: string, actionId: string, input?: unknown) =>
      signedCall(endpoint, creds, 'POST', `${base(id)}/actions/${encodeURIComponent(actionId)}/invoke`, { body: input === undefined ? {} : { Input: input } }),
    invocations: (creds: Creds, id: string, page: { MaxResults?: number; NextToken?: string } = {}) =>
      signedCall(endpoint, creds, 'GET', `${base(id)}/invocations`, {
        query: {
          ...(page.MaxResults !== undefined ? { 'max-results': String(page.MaxResults) } : {}),
          ...(page.NextToken !== undefined ? { 'next-token': page.NextToken } : {}),
        },
      }),
  };
}

/** A command whose JSON body gets `EnabledActions` before it is signed. */
export function withEnabledActions<C extends qs.CreateActionConnectorCommand | qs.UpdateActionConnectorCommand>(cmd: C, ids: unknown): C {
  type Args = { request: unknown };
  const stack = cmd.middlewareStack as unknown as { add(mw: (next: (a: Args) => Promise<unknown>) => (a: Args) => Promise<unknown>, o: object): void };
  stack.add(
    (next) => async (args) => {
      const req = args.request as { body?: string | Uint8Array; headers: Record<string, string> };
      const raw = req.body === undefined ? '' : typeof req.body === 'string' ? req.body : new TextDecoder().decode(req.body);
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      body.EnabledActions = ids;
      req.body = JSON.stringify(body);
      req.headers['content-length'] = String(Buffer.byteLength(req.body));
      return next(args);
    },
    { step: 'build', name: 'addEnabledActions' },
  );
  return cmd;
}

export interface ConnectorSpec {
  type?: qs.ActionConnectorType;
  auth: qs.AuthConfig;
  enabledActions?: unknown;
  permissions?: qs.ResourcePermission[];
}

/** Creates a connector with the official SDK (EnabledActions added when given). */
export async function createConnector(client: qs.QuickSightClient, id: string, spec: ConnectorSpec, account = ACCOUNT) {
  const cmd = new qs.CreateActionConnectorCommand({
    AwsAccountId: account,
    ActionConnectorId: id,
    Name: id,
    Type: spec.type ?? 'GENERIC_HTTP',
    AuthenticationConfig: spec.auth,
    ...(spec.permissions ? { Permissions: spec.permissions } : {}),
  });
  return client.send(spec.enabledActions === undefined ? cmd : withEnabledActions(cmd, spec.enabledActions));
}

export const noneAuth = (base: string): qs.AuthConfig => ({
  AuthenticationType: 'NONE',
  AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: base } },
});
export const basicAuth = (base: string, user: string, password: string): qs.AuthConfig => ({
  AuthenticationType: 'BASIC',
  AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: base, Username: user, Password: password } },
});
export const apiKeyAuth = (base: string, key: string, email?: string): qs.AuthConfig => ({
  AuthenticationType: 'API_KEY',
  AuthenticationMetadata: { ApiKeyConnectionMetadata: { BaseEndpoint: base, ApiKey: key, ...(email ? { Email: email } : {}) } },
});
export const clientCredentialsAuth = (base: string, tokenEndpoint: string, clientId: string, secret: string): qs.AuthConfig => ({
  AuthenticationType: 'OAUTH2_CLIENT_CREDENTIALS',
  AuthenticationMetadata: {
    ClientCredentialsGrantMetadata: {
      BaseEndpoint: base,
      ClientCredentialsSource: 'PLAIN_CREDENTIALS',
      ClientCredentialsDetails: { ClientCredentialsGrantDetails: { ClientId: clientId, ClientSecret: secret, TokenEndpoint: tokenEndpoint } },
    },
  },
});
export const iamAuth = (roleArn: string): qs.AuthConfig => ({
  AuthenticationType: 'IAM',
  AuthenticationMetadata: { IamConnectionMetadata: { RoleArn: roleArn } },
});

/** Every connector action, as resource permissions name them. */
export const ALL_CONNECTOR_ACTIONS = [
  'DescribeActionConnector',
  'UpdateActionConnector',
  'DeleteActionConnector',
  'DescribeActionConnectorPermissions',
  'UpdateActionConnectorPermissions',
  'ListActionConnectorActions',
  'InvokeActionConnector',
].map((a) => `quicksight:${a}`);
