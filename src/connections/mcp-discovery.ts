// The MCP authorization spec's discovery (2025-06-18 / 2025-11-25) for a connector whose
// OAUTH2_AUTHORIZATION_CODE configuration names no client (no
// AuthorizationCodeGrantCredentialsDetails): where its remote MCP server's authorization
// server is, and a client registered there for ActionBridge.
//
// 1. RFC 9728: the server is asked without credentials; its 401's `WWW-Authenticate: Bearer
//    resource_metadata="..."` names the protected-resource metadata, else the well-known
//    URLs are tried (path-suffixed first, then the root). The metadata's `resource` must be
//    the server's URL (or a path prefix of it on the same origin); its first
//    `authorization_servers` entry is the issuer.
// 2. RFC 8414, then OpenID Connect discovery, at the URLs the MCP spec orders; the document's
//    `issuer` must be the issuer it was looked up for, its endpoints https URLs, and
//    `code_challenge_methods_supported` must include S256.
// 3. RFC 7591: a client is registered at `registration_endpoint` (confidential when the server
//    allows, with the connector's RedirectUrl); a client registered before at the same
//    issuer, endpoint and redirect URI is kept.
//
// Every request goes through the egress with the connector's route (address policy, VPC
// connection, TLS trust, limits), redirects not followed. Failures are DiscoveryError: a
// message naming what broke (remote text cut and on one line), never a secret.
import type { Egress, EgressTenant } from '../egress/index.js';
import { isEgressError } from '../egress/index.js';
import { printable } from './oauth.js';

/** What discovery found: stored in clear (mcp_oauth.config) but for the client secret, which is sealed. */
export interface DiscoveredConfig {
  /** The MCP server URL discovery ran for. */
  serverUrl: string;
  /** The RFC 8707 resource indicator sent with the authorization and token requests (the metadata's `resource`). */
  resource: string;
  resourceMetadataUrl: string;
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  registrationEndpoint?: string;
  /** The metadata says it sends `iss` with the authorization response (RFC 9207): required then. */
  issRequired: boolean;
  /** Scopes asked for: the 401's `scope`, else the resource metadata's scopes_supported. */
  scope?: string;
  clientId: string;
  tokenEndpointAuthMethod: 'client_secret_basic' | 'client_secret_post' | 'none';
  /** Registered by ActionBridge (RFC 7591). */
  dynamic: true;
  redirectUri: string;
  /** The connector's destination digest when it was discovered: another one means discover again. */
  destination: string;
}

export interface Discovered {
  config: DiscoveredConfig;
  clientSecret?: string;
  /** A client was registered now (not reused). */
  registered: boolean;
}

export class DiscoveryError extends Error {
  override readonly name = 'DiscoveryError';
}

type Route = { profile?: string; tenant?: EgressTenant };
type Json = Record<string, unknown>;

const TIMEOUT_MS = 10_000;
const MAX_DOC = 64 * 1024;
const AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none'] as const;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const httpsUrl = (v: unknown): v is string => {
  if (typeof v !== 'string' || !URL.canParse(v)) return false;
  const u = new URL(v);
  return u.protocol === 'https:' && !u.username && !u.password && !u.hash;
};

/** A WWW-Authenticate Bearer challenge's parameters (RFC 6750 §3), when it is one. */
export function bearerChallenge(header: string | string[] | undefined): Record<string, string> | undefined {
  const one = Array.isArray(header) ? header.join(', ') : header;
  if (!one) return undefined;
  const m = /(?:^|,)\s*Bearer(?:\s+(.*))?$/i.exec(one);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  const re = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;
  for (let p = re.exec(m[1] ?? ''); p; p = re.exec(m[1] ?? '')) {
    const name = p[1]!.toLowerCase();
    if (!(name in out)) out[name] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
  }
  return out;
}

/** The protected-resource metadata URLs to try for a server URL, in order (RFC 9728 §3.1; the MCP spec's fallback). */
export function resourceMetadataCandidates(serverUrl: string): string[] {
  const u = new URL(serverUrl);
  const path = u.pathname.replace(/\/+$/, '');
  const root = `${u.origin}/.well-known/oauth-protected-resource`;
  return path ? [`${root}${path}`, root] : [root];
}

/** The authorization-server metadata URLs for an issuer, in the MCP spec's order (RFC 8414 §3.1, then OIDC Discovery). */
export function authorizationServerCandidates(issuer: string): string[] {
  const u = new URL(issuer);
  const path = u.pathname.replace(/\/+$/, '');
  if (!path) return [`${u.origin}/.well-known/oauth-authorization-server`, `${u.origin}/.well-known/openid-configuration`];
  return [
    `${u.origin}/.well-known/oauth-authorization-server${path}`,
    `${u.origin}/.well-known/openid-configuration${path}`,
    `${u.origin}${path}/.well-known/openid-configuration`,
  ];
}

/** Whether the metadata's `resource` names the server: the same URL, or a path prefix of it (segment-wise) on the same origin. */
export function resourceMatches(resource: string, serverUrl: string): boolean {
  if (!URL.canParse(resource)) return false;
  const r = new URL(resource);
  const s = new URL(serverUrl);
  if (r.origin !== s.origin || r.search || r.hash) return false;
  const rp = r.pathname.endsWith('/') ? r.pathname : `${r.pathname}/`;
  const sp = s.pathname.endsWith('/') ? s.pathname : `${s.pathname}/`;
  return sp.startsWith(rp);
}

export class McpDiscovery {
  constructor(private readonly egress: Egress) {}

  private async send(route: Route, method: string, url: string, headers: Record<string, string>, body?: string) {
    try {
      return await this.egress.request({
        method,
        url,
        headers,
        followRedirects: false,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        ...(body !== undefined ? { body } : {}),
        ...(route.profile ? { profile: route.profile } : {}),
        ...(route.tenant ? { tenant: route.tenant } : {}),
      });
    } catch (err) {
      if (isEgressError(err)) throw new DiscoveryError(`${what(url)} could not be reached (${err.reason}: ${printable(err.message, 200)})`);
      throw err;
    }
  }

  private async getJson(route: Route, url: string, label: string): Promise<{ status: number; doc?: Json }> {
    const res = await this.send(route, 'GET', url, { accept: 'application/json' });
    if (res.status !== 200) return { status: res.status };
    if (res.body.length > MAX_DOC) throw new DiscoveryError(`the ${label} at ${url} is larger than ${MAX_DOC} bytes`);
    let doc: unknown;
    try {
      doc = JSON.parse(res.body.toString('utf8'));
    } catch {
      throw new DiscoveryError(`the ${label} at ${url} is not JSON`);
    }
    if (!isObj(doc)) throw new DiscoveryError(`the ${label} at ${url} is not a JSON object`);
    return { status: 200, doc };
  }

  /**
   * Runs discovery for the MCP server at `serverUrl` (as the connector's `route` reaches it),
   * registering a client for `redirectUri` unless `previous` (the client registered before)
   * still fits.
   */
  async discover(
    route: Route,
    serverUrl: string,
    redirectUri: string,
    destination: string,
    previous?: { config: DiscoveredConfig; clientSecret?: string },
  ): Promise<Discovered> {
    // 1. The server, without credentials: a 401 with a Bearer challenge.
    const probe = await this.send(
      route,
      'POST',
      serverUrl,
      { accept: 'application/json, text/event-stream', 'content-type': 'application/json' },
      JSON.stringify({
        jsonrpc: '2.0',
        id: 0,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'actionbridge', version: '1' } },
      }),
    );
    if (probe.status !== 401) {
      throw new DiscoveryError(
        probe.status >= 200 && probe.status < 300
          ? `the MCP server at ${serverUrl} answered without credentials (HTTP ${probe.status}): it asks for no OAuth authorization; use another AuthenticationType (NONE, API_KEY)`
          : `the MCP server at ${serverUrl} answered HTTP ${probe.status} without credentials, not 401 with an OAuth challenge`,
      );
    }
    const challenge = bearerChallenge(probe.headers['www-authenticate']) ?? {};
    // 2. Protected-resource metadata (RFC 9728).
    let candidates = resourceMetadataCandidates(serverUrl);
    if (challenge.resource_metadata !== undefined) {
      if (!httpsUrl(challenge.resource_metadata)) {
        throw new DiscoveryError(`the MCP server's WWW-Authenticate names resource_metadata that is not an https URL`);
      }
      candidates = [challenge.resource_metadata];
    }
    let prm: Json | undefined;
    let prmUrl = '';
    const statuses: string[] = [];
    for (const url of candidates) {
      const r = await this.getJson(route, url, 'protected-resource metadata');
      if (r.doc) {
        prm = r.doc;
        prmUrl = url;
        break;
      }
      statuses.push(`${url}: HTTP ${r.status}`);
    }
    if (!prm) throw new DiscoveryError(`no protected-resource metadata (RFC 9728) for ${serverUrl} (${statuses.join('; ')})`);
    if (typeof prm.resource !== 'string' || !resourceMatches(prm.resource, serverUrl)) {
      throw new DiscoveryError(
        `the protected-resource metadata at ${prmUrl} is for resource ${typeof prm.resource === 'string' ? printable(prm.resource, 200) : '(none)'}, not the MCP server ${serverUrl}`,
      );
    }
    const servers = prm.authorization_servers;
    if (!Array.isArray(servers) || servers.length === 0 || !httpsUrl(servers[0])) {
      throw new DiscoveryError(`the protected-resource metadata at ${prmUrl} names no authorization_servers (an https URL)`);
    }
    const issuer = servers[0] as string;
    const scopes = Array.isArray(prm.scopes_supported) ? prm.scopes_supported.filter((s): s is string => typeof s === 'string') : [];
    const scope = challenge.scope || (scopes.length ? scopes.join(' ') : undefined);

    // 3. Authorization-server metadata (RFC 8414, OIDC discovery).
    let as: Json | undefined;
    let asUrl = '';
    const tried: string[] = [];
    for (const url of authorizationServerCandidates(issuer)) {
      const r = await this.getJson(route, url, 'authorization server metadata');
      if (!r.doc) {
        tried.push(`${url}: HTTP ${r.status}`);
        continue;
      }
      if (r.doc.issuer !== issuer) {
        throw new DiscoveryError(
          `the authorization server metadata at ${url} names issuer ${typeof r.doc.issuer === 'string' ? printable(r.doc.issuer, 200) : '(none)'}, not ${issuer} (RFC 8414 §3.3)`,
        );
      }
      as = r.doc;
      asUrl = url;
      break;
    }
    if (!as) throw new DiscoveryError(`no authorization server metadata for ${issuer} (${tried.join('; ')})`);
    if (!httpsUrl(as.authorization_endpoint) || !httpsUrl(as.token_endpoint)) {
      throw new DiscoveryError(`the authorization server metadata at ${asUrl} lacks an https authorization_endpoint and token_endpoint`);
    }
    const methods = as.code_challenge_methods_supported;
    if (!Array.isArray(methods) || !methods.includes('S256')) {
      throw new DiscoveryError(`the authorization server ${issuer} does not list S256 in code_challenge_methods_supported: PKCE S256 is required`);
    }
    const registrationEndpoint = as.registration_endpoint === undefined ? undefined : as.registration_endpoint;
    if (registrationEndpoint !== undefined && !httpsUrl(registrationEndpoint)) {
      throw new DiscoveryError(`the authorization server metadata at ${asUrl} names a registration_endpoint that is not an https URL`);
    }
    const base = {
      serverUrl,
      resource: prm.resource,
      resourceMetadataUrl: prmUrl,
      issuer,
      authorizationEndpoint: as.authorization_endpoint as string,
      tokenEndpoint: as.token_endpoint as string,
      ...(registrationEndpoint ? { registrationEndpoint } : {}),
      issRequired: as.authorization_response_iss_parameter_supported === true,
      ...(scope ? { scope: printable(scope, 1000) } : {}),
      redirectUri,
      destination,
    };

    // 4. The client: the one registered before if it still fits, else a new registration (RFC 7591).
    const p = previous?.config;
    if (
      p &&
      p.issuer === issuer &&
      p.registrationEndpoint === registrationEndpoint &&
      p.redirectUri === redirectUri &&
      p.tokenEndpoint === base.tokenEndpoint
    ) {
      return {
        config: { ...base, clientId: p.clientId, tokenEndpointAuthMethod: p.tokenEndpointAuthMethod, dynamic: true },
        ...(previous?.clientSecret ? { clientSecret: previous.clientSecret } : {}),
        registered: false,
      };
    }
    if (!registrationEndpoint) {
      throw new DiscoveryError(
        `the authorization server ${issuer} offers no dynamic client registration (registration_endpoint): register a client there and set it on the connector (AuthorizationCodeGrantCredentialsDetails)`,
      );
    }
    const supported = Array.isArray(as.token_endpoint_auth_methods_supported) ? as.token_endpoint_auth_methods_supported : ['client_secret_basic'];
    const wanted = AUTH_METHODS.find((m) => supported.includes(m));
    if (!wanted) throw new DiscoveryError(`the authorization server ${issuer} supports none of ${AUTH_METHODS.join(', ')} at its token endpoint`);
    const res = await this.send(
      route,
      'POST',
      registrationEndpoint,
      { accept: 'application/json', 'content-type': 'application/json' },
      JSON.stringify({
        client_name: 'ActionBridge',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: wanted,
        ...(scope ? { scope } : {}),
      }),
    );
    let reg: unknown;
    try {
      reg = JSON.parse(res.body.toString('utf8'));
    } catch {
      reg = undefined;
    }
    if (res.status !== 201 && res.status !== 200) {
      const code = isObj(reg) && typeof reg.error === 'string' ? `: ${printable(reg.error, 64)}` : '';
      throw new DiscoveryError(`the authorization server ${issuer} refused the client registration (HTTP ${res.status}${code})`);
    }
    if (!isObj(reg) || typeof reg.client_id !== 'string' || !reg.client_id || reg.client_id.length > 1024) {
      throw new DiscoveryError(`the client registration at ${registrationEndpoint} answered no client_id`);
    }
    const method = typeof reg.token_endpoint_auth_method === 'string' ? reg.token_endpoint_auth_method : wanted;
    if (!(AUTH_METHODS as readonly string[]).includes(method)) {
      throw new DiscoveryError(
        `the client registration at ${registrationEndpoint} gave token_endpoint_auth_method ${printable(method, 64)}, which ActionBridge does not use`,
      );
    }
    const secret = typeof reg.client_secret === 'string' && reg.client_secret ? reg.client_secret : undefined;
    if (method !== 'none' && !secret) throw new DiscoveryError(`the client registration at ${registrationEndpoint} gave no client_secret for ${method}`);
    return {
      config: { ...base, clientId: reg.client_id, tokenEndpointAuthMethod: method as DiscoveredConfig['tokenEndpointAuthMethod'], dynamic: true },
      ...(secret && method !== 'none' ? { clientSecret: secret } : {}),
      registered: true,
    };
  }
}

const what = (url: string) => {
  const u = URL.canParse(url) ? new URL(url) : undefined;
  return u ? `${u.origin}${u.pathname}` : 'the URL';
};
