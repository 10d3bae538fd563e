// The outbound half of ActionBridge (PRODUCT.md §3): given a connector and the end
// user acting through it, authenticate a request to the connector's service and
// send it through the egress path. Operations (TestActionConnector, the OAuth
// flow, and the actions work) use only this class.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { KeyRing } from '../crypto/keyring.js';
import type { TestResultRecord } from '../domain/connections.js';
import type { ConnectorRecord } from '../domain/types.js';
import { type Egress, type EgressRequest, type EgressResponse, type EgressStreamResponse, type ResponseHold, isEgressError } from '../egress/index.js';
import { invalidParameter } from '../protocol/errors.js';
import type { Store } from '../store/store.js';
import { AuthorizationCodeFlow, type CallbackOutcome, type DescribeOutcome, type StartOutcome } from './authorization-code.js';
import { type AssumedRole, AwsRoles, type AwsRequest, signAwsRequest } from './aws.js';
import { type AwsCall, AwsClients } from './aws-clients.js';
import { destinationDigest } from '../domain/destination.js';
import { ClientCredentialTokens } from './client-credentials.js';
import { type ConnectorAuth, connectorAuth, secretValues } from './connector-auth.js';
import { SealedConfigMismatch } from './destination.js';
import { clientMaterial, TokenFailure } from './oauth.js';
import { apiKeyHeaders, basicAuthorization } from './schemes.js';
import { apiKeyNeedsEmail } from '../domain/type-auth.js';
import { CredentialScrubber, scrubbedStream } from './scrub.js';
import { TokenVault } from './token-vault.js';
import type { DiscoverySummary } from './mcp-authorization.js';
import type { TokenObserver } from './observe.js';
import { egressRoute } from '../domain/vpc-connections.js';

/** Who acts through the connector: the caller of the operation. */
export interface EndUser {
  userArn: string;
  userName: string;
}

export interface OutboundRequest {
  method: string;
  /** An absolute https URL. */
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** IAM connectors: the AWS service (signing name, e.g. `s3`) and region (default: the connector's) to sign for. */
  aws?: { service: string; region?: string };
  /** Default true; signed AWS requests never follow redirects. */
  followRedirects?: boolean;
  signal?: AbortSignal;
  /** The invocation's hold (Egress.holdResponses): the answer stays charged to the response budget until it ends. */
  hold?: ResponseHold;
}

/** A request whose answer is streamed (Connections.authorizedStream), with the stream's deadlines and byte bound (Egress.stream). */
export interface OutboundStreamRequest extends Omit<OutboundRequest, 'aws'> {
  totalTimeoutMs: number;
  idleTimeoutMs: number;
  maxBytes?: number;
}

/** A streamed answer of the connector's service: headers scrubbed, the body scrubbed as it passes. */
export interface AuthorizedStream extends EgressStreamResponse {
  scrubber: CredentialScrubber;
}

/** How a request to the connector's service is authenticated. */
export type ResolvedAuth =
  | {
      kind: 'headers';
      /** Lower-case header names; empty for NONE. */
      headers: Record<string, string>;
      /** OAuth connectors: the access token sent, to get another if the service refuses it. */
      accessToken?: string;
      /** Credential material besides the headers (the connector's secrets, a refresh token): scrubbed from answers. */
      material: string[];
    }
  | {
      kind: 'aws';
      /** Credential material (the session's keys): scrubbed from answers. */
      material: string[];
      credentials: AssumedRole['credentials'];
      sessionName: string;
      /** SigV4 headers for a request to `service` in `region` (default: the connector's region). */
      sign(req: AwsRequest, service: string, region?: string): Promise<Record<string, string>>;
    };

/** An answer of the connector's service as it may be handed on: scrubbed of the credentials the request carried (see scrub.ts). */
export interface AuthorizedResponse extends EgressResponse {
  /** The request's credential material: for values derived from the answer (shaped output). */
  scrubber: CredentialScrubber;
}

export interface TestOutcome {
  success: boolean;
  message: string;
  httpStatus?: number;
}

export interface ConnectionHealth {
  lastTest?: TestResultRecord;
  /** End users holding a token (OAUTH2_AUTHORIZATION_CODE connectors). */
  signedInUsers: number;
  /** Whether the caller holds one. */
  callerSignedIn: boolean;
}

export interface ConnectionsDeps {
  store: Store;
  keys: KeyRing;
  egress: Egress;
  config: Pick<Config, 'publicUrl' | 'stsEndpoint'>;
  now: () => number;
  log?: Logger;
  /** Told of every token request (OAuth token endpoints, STS) and how it ended: the server's metrics. */
  onToken?: TokenObserver;
}

const OAUTH_TYPES = new Set(['OAUTH2_CLIENT_CREDENTIALS', 'OAUTH2_AUTHORIZATION_CODE']);

/** Opened connector authentications kept (see Connections.auth); past this the oldest goes. */
export const MAX_OPENED_AUTH = 1000;

/** A connector's authentication with its secrets opened, and the credential material it sends. */
interface OpenedAuth {
  auth: ConnectorAuth;
  material: readonly string[];
}

export class Connections {
  private readonly store: Store;
  private readonly keys: KeyRing;
  private readonly egress: Egress;
  private readonly now: () => number;
  private readonly vault: TokenVault;
  private readonly serviceTokens: ClientCredentialTokens;
  private readonly codeFlow: AuthorizationCodeFlow;
  private readonly roles: AwsRoles;
  /** The AWS SDK clients of AWS actions, kept per connector, user, region and client package. */
  readonly awsClients: AwsClients;
  private readonly log: Logger | undefined;
  /**
   * Opened authentications keyed by everything they are computed from: the connector's
   * key, type, AuthenticationType and public configuration (hence its destination, part
   * of the secret's AAD), VPC connection and sealed secret. An update re-seals the secret
   * (a new ciphertext) or changes the configuration, so a changed row is never served
   * from here: it misses and is opened (and checked) anew. In memory only, like tokens.
   */
  private readonly opened = new Map<string, OpenedAuth>();
  /** openAuth by record: a frozen record (the store cache keeps one until the next commit) is never changed. */
  private readonly openedByRecord = new WeakMap<ConnectorRecord, OpenedAuth>();

  constructor(deps: ConnectionsDeps) {
    this.log = deps.log;
    this.store = deps.store;
    this.keys = deps.keys;
    this.egress = deps.egress;
    this.now = deps.now;
    this.vault = new TokenVault(deps.store, deps.keys, deps.now);
    this.serviceTokens = new ClientCredentialTokens(deps.store, this.vault, deps.egress, deps.onToken);
    this.codeFlow = new AuthorizationCodeFlow(deps.store, deps.keys, this.vault, deps.egress, deps.config.publicUrl, deps.now, deps.onToken);
    this.roles = new AwsRoles(deps.egress, deps.config.stsEndpoint, deps.now, deps.onToken);
    this.awsClients = new AwsClients(deps.egress);
  }

  /**
   * The authentication of a request through `rec` on behalf of `user`. OAuth: a cached
   * token while it is fresh; `rejected` names a token the service just refused.
   * Throws AccessTokenNotFoundException (the user must sign in) or TokenResponseException.
   */
  async resolveCredentials(rec: ConnectorRecord, user: EndUser, opts: { rejected?: string } = {}): Promise<ResolvedAuth> {
    const { auth, material } = this.openAuth(rec);
    switch (auth.type) {
      case 'NONE':
        return { kind: 'headers', headers: {}, material: [...material] };
      case 'BASIC':
        return { kind: 'headers', headers: { authorization: basicAuthorization(auth.username, auth.password) }, material: [...material] };
      case 'API_KEY':
        // Stored before Email was required: refused, never sent in a form the vendor rejects.
        if (apiKeyNeedsEmail(rec.type) && !auth.email) {
          throw invalidParameter(
            `Action connector ${rec.id} is an API_KEY connector of type ${rec.type} without Email; its vendor accepts API tokens only with the account's email (HTTP Basic). Update its AuthenticationConfig with Email.`,
          );
        }
        return { kind: 'headers', headers: apiKeyHeaders(rec.type, auth.apiKey, auth.email), material: [...material] };
      case 'OAUTH2_CLIENT_CREDENTIALS': {
        const t = await this.serviceTokens.token(rec, auth.client, opts);
        return bearer(t.set, material);
      }
      case 'OAUTH2_AUTHORIZATION_CODE': {
        const t = await this.codeFlow.token(rec, auth, user.userArn, opts);
        return bearer(t.set, [...material, ...t.clientMaterial]);
      }
      case 'IAM': {
        const assumed = await this.roles.credentials(rec, auth.roleArn, user);
        const c = assumed.credentials;
        return {
          kind: 'aws',
          material: [c.accessKeyId, c.secretAccessKey, c.sessionToken],
          credentials: assumed.credentials,
          sessionName: assumed.sessionName,
          sign: (req, service, region = rec.region) => signAwsRequest(assumed.credentials, req, service, region),
        };
      }
    }
  }

  /**
   * The connector's authentication, its secrets opened. Secrets that do not open under the
   * stored configuration (SealedConfigMismatch: nothing is sent) are a security event.
   */
  private auth(rec: ConnectorRecord): ConnectorAuth {
    return this.openAuth(rec).auth;
  }

  /** auth(), with the connector's material; kept by what it is computed from (see `opened`). */
  private openAuth(rec: ConnectorRecord): OpenedAuth {
    // A record from the store's cache is frozen and the same object until the next commit:
    // found by identity, without writing the key below.
    const frozen = Object.isFrozen(rec);
    const known = frozen ? this.openedByRecord.get(rec) : undefined;
    if (known) return known;
    const key = JSON.stringify([
      rec.region,
      rec.accountId,
      rec.id,
      rec.type,
      rec.authType,
      rec.authPublic,
      rec.vpcConnectionArn ?? null,
      rec.authSecret ?? null,
    ]);
    const hit = this.opened.get(key);
    if (hit) {
      if (frozen) this.openedByRecord.set(rec, hit);
      return hit;
    }
    let auth: ConnectorAuth;
    try {
      auth = connectorAuth(rec, this.keys);
    } catch (e) {
      if (e instanceof SealedConfigMismatch) {
        this.log?.error(
          { event: 'security.sealed-config-mismatch', connectorArn: e.connectorArn },
          "a connector's stored configuration does not match its sealed secrets (changed outside ActionBridge?): nothing sent",
        );
      }
      throw e;
    }
    // Shared by every request of the connector from now on: frozen, so none can change it for the others.
    if ('client' in auth) Object.freeze(auth.client);
    const opened: OpenedAuth = { auth: Object.freeze(auth), material: Object.freeze(connectorMaterial(rec, auth)) };
    if (this.opened.size >= MAX_OPENED_AUTH) this.opened.delete(this.opened.keys().next().value!);
    this.opened.set(key, opened);
    if (frozen) this.openedByRecord.set(rec, opened);
    return opened;
  }

  /**
   * Sends `req` to the connector's service, authenticated for `user`, through the
   * egress path (with the connector's VPC connection, if any). An OAuth connector
   * whose token the service refuses (401) gets a new token and tries once more.
   * The answer is scrubbed of every credential the requests carried, in any encoding,
   * and headers that carry credentials are dropped (Set-Cookie is kept for the
   * caller's internal use, e.g. a CSRF fetch; output never shows it).
   * Egress failures reject with EgressError.
   */
  async authorizedRequest(rec: ConnectorRecord, user: EndUser, req: OutboundRequest): Promise<AuthorizedResponse> {
    const scrubber = new CredentialScrubber();
    let auth = await this.resolveCredentials(rec, user);
    let res = await this.send(rec, auth, req, scrubber);
    if (res.status === 401 && OAUTH_TYPES.has(rec.authType) && auth.kind === 'headers' && auth.accessToken !== undefined) {
      const again = await this.resolveCredentials(rec, user, { rejected: auth.accessToken });
      if (again.kind === 'headers' && again.accessToken !== auth.accessToken) {
        auth = again;
        res = await this.send(rec, auth, req, scrubber);
      }
    }
    return { ...scrubber.response(res, { keepHeaders: ['set-cookie'] }), scrubber };
  }

  /**
   * authorizedRequest for a streamed answer (Egress.stream: the MCP client's SSE streams):
   * the same authentication, egress route and retry of a refused OAuth token, with the
   * stream's own deadlines; the body is scrubbed as it passes (per server-sent event, see
   * scrub.ts#scrubbedStream) and no response header that carries credentials is handed on.
   */
  async authorizedStream(rec: ConnectorRecord, user: EndUser, req: OutboundStreamRequest): Promise<AuthorizedStream> {
    const scrubber = new CredentialScrubber();
    let auth = await this.resolveCredentials(rec, user);
    let res = await this.egress.stream({ ...this.outgoing(rec, auth, req, scrubber), ...streamLimits(req) });
    if (res.status === 401 && OAUTH_TYPES.has(rec.authType) && auth.kind === 'headers' && auth.accessToken !== undefined) {
      const again = await this.resolveCredentials(rec, user, { rejected: auth.accessToken });
      if (again.kind === 'headers' && again.accessToken !== auth.accessToken) {
        await res.body.cancel().catch(() => {});
        auth = again;
        res = await this.egress.stream({ ...this.outgoing(rec, auth, req, scrubber), ...streamLimits(req) });
      }
    }
    return { ...scrubbedStream(scrubber, res), scrubber };
  }

  /**
   * Sends `req` through the egress path of the connector (its VPC connection, if any)
   * WITHOUT the connector's credentials and without following redirects: a catalog origin
   * that must not receive them (PagerDuty's Events API, a vendor's upload URL). Headers
   * that could carry credentials are dropped; the answer is still scrubbed of the
   * connector's secrets. Egress failures reject with EgressError.
   */
  async uncredentialedRequest(rec: ConnectorRecord, req: OutboundRequest): Promise<AuthorizedResponse> {
    const scrubber = new CredentialScrubber();
    scrubber.add(...this.openAuth(rec).material);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
    for (const name of ['authorization', 'proxy-authorization', 'cookie']) delete headers[name];
    const res = await this.egress.request({
      method: req.method,
      url: req.url,
      headers,
      followRedirects: false,
      ...(req.body !== undefined ? { body: req.body } : {}),
      ...egressRoute(rec),
      ...(req.signal ? { signal: req.signal } : {}),
      ...(req.hold ? { hold: req.hold } : {}),
    });
    return { ...scrubber.response(res), scrubber };
  }

  /** Sends one request with `auth`; what it carried is added to `scrubber`. */
  private async send(rec: ConnectorRecord, auth: ResolvedAuth, req: OutboundRequest, scrubber: CredentialScrubber): Promise<EgressResponse> {
    return this.egress.request({ ...(await this.outgoingSigned(rec, auth, req, scrubber)), ...(req.hold ? { hold: req.hold } : {}) });
  }

  /** The egress request of `req` with `auth` (headers-only schemes: MCP streams are never SigV4-signed); what it carries is added to `scrubber`. */
  private outgoing(rec: ConnectorRecord, auth: ResolvedAuth, req: OutboundRequest, scrubber: CredentialScrubber): EgressRequest {
    if (auth.kind !== 'headers') throw new TypeError(`connector ${rec.id}: a streamed request cannot be signed for AWS`);
    return this.build(rec, auth, req, scrubber, {});
  }

  /** The egress request of `req` with `auth`, signed when `auth` is AWS; what it carries is added to `scrubber`. */
  private async outgoingSigned(rec: ConnectorRecord, auth: ResolvedAuth, req: OutboundRequest, scrubber: CredentialScrubber): Promise<EgressRequest> {
    if (auth.kind === 'headers') return this.build(rec, auth, req, scrubber, {});
    if (!req.aws) throw new TypeError('a request through an IAM connector must name the AWS service to sign for');
    const headers = callerHeaders(req);
    const signed = await auth.sign({ ...req, headers }, req.aws.service, req.aws.region);
    return this.build(rec, auth, req, scrubber, signed);
  }

  private build(rec: ConnectorRecord, auth: ResolvedAuth, req: OutboundRequest, scrubber: CredentialScrubber, signed: Record<string, string>): EgressRequest {
    const headers = callerHeaders(req);
    let followRedirects = req.followRedirects ?? true;
    let originBoundHeaders: string[] | undefined;
    scrubber.add(...auth.material);
    if (auth.kind === 'headers') {
      Object.assign(headers, auth.headers);
      // Whatever header the scheme puts the credential in goes only to the connector's origin.
      originBoundHeaders = Object.keys(auth.headers);
      scrubber.addRequestHeaders(headers, Object.keys(auth.headers));
    } else {
      Object.assign(headers, signed);
      scrubber.addRequestHeaders(signed);
      followRedirects = false;
    }
    return {
      method: req.method,
      url: req.url,
      headers,
      followRedirects,
      ...(originBoundHeaders ? { originBoundHeaders } : {}),
      ...(req.body !== undefined ? { body: req.body } : {}),
      ...egressRoute(rec),
      ...(req.signal ? { signal: req.signal } : {}),
    };
  }

  /**
   * Sends one AWS SDK call through an IAM connector on behalf of `user`: the cached SDK
   * client of this connector (as configured now), user, region and client package,
   * signed with the user's assumed-role session, through the egress with the
   * connector's VPC connection. The session's keys and each request's credential
   * headers are added to `scrubber` and every answer is scrubbed of them. One attempt:
   * retries are the caller's (catalog/retry.ts). Rejects as the SDK does (a service
   * error carries `$metadata.httpStatusCode`), with EgressError when nothing answered.
   * `hold`: the invocation's (Egress.holdResponses), for the answers' bytes.
   */
  async awsSend(
    rec: ConnectorRecord,
    user: EndUser,
    call: AwsCall,
    scrubber: CredentialScrubber,
    signal?: AbortSignal,
    hold?: ResponseHold,
  ): Promise<Record<string, unknown>> {
    const auth = await this.resolveCredentials(rec, user);
    if (auth.kind !== 'aws') throw new TypeError(`connector ${rec.id} resolved no AWS credentials`);
    scrubber.add(...auth.material);
    return this.awsClients.send(
      {
        owner: JSON.stringify([rec.region, rec.accountId, rec.id, rec.createdAt, user.userArn]),
        version: JSON.stringify([rec.updatedAt, destinationDigest(rec)]),
        region: rec.region,
        credentials: auth.credentials,
        ...egressRoute(rec),
      },
      call,
      scrubber,
      signal,
      hold,
    );
  }

  /**
   * TestActionConnector: the cheapest real check. Client credentials: a token request;
   * IAM: an AssumeRole; the others: an authenticated GET of BaseEndpoint (authorization
   * code: with the caller's token, refreshed if due). Failures of the remote side are
   * a result (Success false); a caller who has not signed in gets
   * AccessTokenNotFoundException. The result is recorded, without secrets.
   */
  async test(rec: ConnectorRecord, user: EndUser): Promise<TestOutcome> {
    const auth = this.auth(rec);
    let outcome: TestOutcome;
    try {
      outcome = await this.check(rec, auth, user);
    } catch (err) {
      if (err instanceof TokenFailure) outcome = { success: false, message: err.message, ...(err.httpStatus ? { httpStatus: err.httpStatus } : {}) };
      else if (isEgressError(err)) outcome = { success: false, message: `The service could not be reached: ${err.message}.` };
      else throw err;
    }
    // Whatever a remote answer put in the message: scrubbed of the connector's credentials in any encoding.
    outcome.message = new CredentialScrubber(this.openAuth(rec).material).text(outcome.message);
    await this.store.connections.putTestResult({
      region: rec.region,
      accountId: rec.accountId,
      id: rec.id,
      testedAt: this.now(),
      success: outcome.success,
      httpStatus: outcome.httpStatus ?? null,
      message: outcome.message,
      testedBy: user.userArn,
    });
    return outcome;
  }

  private async check(rec: ConnectorRecord, auth: ConnectorAuth, user: EndUser): Promise<TestOutcome> {
    switch (auth.type) {
      case 'OAUTH2_CLIENT_CREDENTIALS': {
        const t = await this.serviceTokens.token(rec, auth.client, { fresh: true });
        const lifetime = t.row.expiresAt !== null ? ` valid for ${Math.round((t.row.expiresAt - this.now()) / 1000)} s` : '';
        return {
          success: true,
          httpStatus: 200,
          message: `The token endpoint ${new URL(auth.client.tokenEndpoint).origin} issued an access token${lifetime}.`,
        };
      }
      case 'IAM': {
        const a = await this.roles.credentials(rec, auth.roleArn, user, { fresh: true });
        return {
          success: true,
          httpStatus: 200,
          message: `Assumed ${auth.roleArn} as session ${a.sessionName}; the credentials expire at ${a.credentials.expiration.toISOString()}.`,
        };
      }
      default: {
        const res = await this.authorizedRequest(rec, user, { method: 'GET', url: auth.baseEndpoint, headers: { accept: 'application/json, */*' } });
        const ok = res.status >= 200 && res.status < 400;
        const why = res.status === 401 || res.status === 403 ? ': the service refused the credentials' : ok ? '' : ': not a success';
        return { success: ok, httpStatus: res.status, message: `GET ${auth.baseEndpoint} answered HTTP ${res.status}${why}.` };
      }
    }
  }

  async startAuthorization(rec: ConnectorRecord, user: EndUser): Promise<{ url: string; expiresAt: number }> {
    const auth = this.auth(rec);
    if (auth.type !== 'OAUTH2_AUTHORIZATION_CODE') {
      throw invalidParameter(`Action connector ${rec.id} uses ${rec.authType}: only OAUTH2_AUTHORIZATION_CODE connectors are authorized by their users.`);
    }
    return this.codeFlow.start(rec, auth, user.userArn);
  }

  /**
   * The MCP authorization spec's discovery for a connector without a client of its own
   * (mcp-discovery.ts): run at the MCP server at `serverUrl` and stored; undefined for any
   * other connector (its own authentication is used as it is). DiscoveryError names what broke.
   */
  async discoverMcpAuthorization(
    rec: ConnectorRecord,
    serverUrl: string,
  ): Promise<{ summary: DiscoverySummary; registered: boolean; changed: boolean } | undefined> {
    if (rec.authType !== 'OAUTH2_AUTHORIZATION_CODE') return undefined;
    const auth = this.auth(rec);
    if (auth.type !== 'OAUTH2_AUTHORIZATION_CODE' || !auth.discover) return undefined;
    return this.codeFlow.mcp.discover(rec, serverUrl, auth.redirectUrl);
  }

  /** What was discovered for the connector's MCP server, if anything (no secret). */
  async describeMcpAuthorization(rec: ConnectorRecord): Promise<DiscoverySummary | undefined> {
    if (rec.authType !== 'OAUTH2_AUTHORIZATION_CODE') return undefined;
    const auth = this.auth(rec);
    if (auth.type !== 'OAUTH2_AUTHORIZATION_CODE' || !auth.discover) return undefined;
    return this.codeFlow.mcp.describe(rec);
  }

  /** A browser loads the sign-in URL (GET /oauth/start?flow=): who started the flow, for the confirmation page (read only). */
  describeAuthorization(flow: string | undefined): Promise<DescribeOutcome> {
    return this.codeFlow.describe(flow);
  }

  /** The person confirms (POST /oauth/start): the flow is taken; the cookie to set and where to send the browser. */
  openAuthorization(flow: string | undefined): Promise<StartOutcome> {
    return this.codeFlow.open(flow);
  }

  /** The OAuth redirect back to /oauth/callback, with its query parameters and the browser's Cookie header. */
  completeAuthorization(query: URLSearchParams, cookies: string | undefined): Promise<CallbackOutcome> {
    return this.codeFlow.complete(query, cookies);
  }

  async health(rec: ConnectorRecord, user: EndUser): Promise<ConnectionHealth> {
    const [lastTest, signedInUsers, mine] = await Promise.all([
      this.store.connections.getTestResult(rec),
      this.store.connections.countUserTokens(rec),
      rec.authType === 'OAUTH2_AUTHORIZATION_CODE' ? this.store.connections.getToken(rec, user.userArn) : Promise.resolve(undefined),
    ]);
    return { ...(lastTest ? { lastTest } : {}), signedInUsers, callerSignedIn: mine !== undefined };
  }

  close(): void {
    this.roles.close();
    this.awsClients.close();
  }
}

/** The caller's headers (lower-case) without any credential: credentials come from the connector only (NONE included). */
function callerHeaders(req: OutboundRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
  delete headers.authorization;
  delete headers['proxy-authorization'];
  return headers;
}

const streamLimits = (req: OutboundStreamRequest) => ({
  ...(req.hold ? { hold: req.hold } : {}),
  totalTimeoutMs: req.totalTimeoutMs,
  idleTimeoutMs: req.idleTimeoutMs,
  ...(req.maxBytes !== undefined ? { maxBytes: req.maxBytes } : {}),
});

/** An OAuth token set as sent: the access token in the header; both tokens are material. */
function bearer({ accessToken, refreshToken }: { accessToken: string; refreshToken?: string }, material: readonly string[]): ResolvedAuth {
  return {
    kind: 'headers',
    headers: { authorization: `Bearer ${accessToken}` },
    accessToken,
    material: [...material, accessToken, ...(refreshToken ? [refreshToken] : [])],
  };
}

/**
 * The connector's own credential material, as it is sent: its secrets, the header
 * values they are composed into (Basic pairs, API key placements), an OAuth client's
 * token-endpoint credentials. Tokens and AWS sessions are added where they are used.
 */
export function connectorMaterial(rec: ConnectorRecord, auth: ConnectorAuth): string[] {
  const out = secretValues(auth);
  switch (auth.type) {
    case 'BASIC':
      out.push(basicAuthorization(auth.username, auth.password));
      break;
    case 'API_KEY':
      out.push(...Object.values(apiKeyHeaders(rec.type, auth.apiKey, auth.email)));
      break;
    case 'OAUTH2_CLIENT_CREDENTIALS':
      out.push(...clientMaterial(auth.client));
      break;
    case 'OAUTH2_AUTHORIZATION_CODE':
      // A discovered client's material is added where its token is used (resolveCredentials).
      if (!auth.discover) out.push(...clientMaterial(auth.client));
      break;
    default:
      break;
  }
  return out;
}
