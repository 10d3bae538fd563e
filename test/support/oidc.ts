// A real OAuth 2.0 / OpenID Connect authorization server (oidc-provider) on
// loopback over HTTPS, with a certificate from a test CA. Its development login
// and consent pages (devInteractions) accept any login, so a test can sign in
// like a browser would (see browser.ts). It counts token requests by grant type,
// has token lifetimes a test can change, and can tell whether an access token is
// one it issued and still honours (for a resource server, see resource-server.ts).
import type http from 'node:http';
import Provider, { errors } from 'oidc-provider';
import { startHttpsServer, type TestHttpsServer } from './https-server.js';
import type { TestCa } from './tls.js';

export interface OidcClient {
  client_id: string;
  client_secret: string;
  grant_types: string[];
  redirect_uris?: string[];
  response_types?: string[];
  token_endpoint_auth_method?: 'client_secret_basic' | 'client_secret_post';
  scope?: string;
}

export interface TestOidc {
  readonly issuer: string;
  readonly tokenEndpoint: string;
  readonly authorizationEndpoint: string;
  readonly revocationEndpoint: string;
  /** Token requests (POST /token) received, by grant_type, successful or not. */
  readonly tokenRequests: Record<string, number>;
  /** How each token request authenticated its client: 'basic' (Authorization header) or 'post' (client_secret in the body). */
  readonly clientAuth: ('basic' | 'post' | 'none')[];
  /** Lifetimes in seconds, read when a token is issued. */
  readonly ttl: { accessToken: number; clientCredentials: number; refreshToken: number };
  /** Whether `token` is an access token this server issued and still honours. */
  valid(token: string): Promise<boolean>;
  /** Forgets one access token (as if it expired early), leaving the grant and refresh token alone. */
  dropAccessToken(token: string): Promise<void>;
  /** The audience (RFC 8707 resource) of an access token this server issued and still honours. */
  audience(token: string): Promise<string | undefined>;
  /** The secret of a client (a registered one too), to check it never shows. */
  clientSecret(clientId: string): Promise<string | undefined>;
  /** Revokes a token (RFC 7009) as `client` would; oidc-provider then revokes every token of its grant. */
  revoke(client: OidcClient, token: string, hint?: 'access_token' | 'refresh_token'): Promise<number>;
  /** A refresh-token request sent directly (not through ActionBridge), as a replaying attacker would. */
  refreshDirectly(client: OidcClient, refreshToken: string): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
  server: TestHttpsServer;
}

export interface OidcOptions {
  /** features.registration: open dynamic client registration (RFC 7591) at /reg. */
  registration?: boolean;
  /** features.resourceIndicators (RFC 8707): these resources (exact URLs) get opaque access tokens for `scope`; any other is invalid_target. */
  resources?: { urls: () => string[]; scope: string };
}

export async function startOidc(ca: TestCa, clients: OidcClient[], options: OidcOptions = {}): Promise<TestOidc> {
  const tokenRequests: Record<string, number> = {};
  const clientAuth: ('basic' | 'post' | 'none')[] = [];
  const ttl = { accessToken: 3600, clientCredentials: 3600, refreshToken: 14 * 24 * 3600 };
  let provider: InstanceType<typeof Provider> | undefined;
  const handler: http.RequestListener = (req, res) => {
    if (!provider) {
      res.writeHead(503).end();
      return;
    }
    void provider.callback()(req, res);
  };
  const server = await startHttpsServer({ cert: ca.issue({ dnsNames: ['localhost'], ips: ['127.0.0.1'] }), handler });
  const issuer = `https://127.0.0.1:${server.port}`;
  provider = new Provider(issuer, {
    clients: clients.map((c) => ({ response_types: c.grant_types.includes('authorization_code') ? ['code'] : [], ...c })),
    features: {
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      devInteractions: { enabled: true },
      ...(options.registration ? { registration: { enabled: true } } : {}),
      ...(options.resources
        ? {
            resourceIndicators: {
              enabled: true,
              useGrantedResource: () => true,
              getResourceServerInfo: (_ctx: unknown, indicator: string) => {
                if (!options.resources!.urls().includes(indicator)) throw new errors.InvalidTarget();
                return { scope: options.resources!.scope, audience: indicator, accessTokenFormat: 'opaque' as const };
              },
            },
          }
        : {}),
    },
    // biome-ignore-start lint/correctness/noComponentHookFactories: oidc-provider's ttl functions, named after token kinds; not React components
    ttl: {
      AccessToken: () => ttl.accessToken,
      ClientCredentials: () => ttl.clientCredentials,
      RefreshToken: () => ttl.refreshToken,
    },
    // biome-ignore-end lint/correctness/noComponentHookFactories: oidc-provider's ttl functions
    // Refresh tokens for every client allowed the grant (not only with offline_access), rotated on every use.
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(t: string): boolean }) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    pkce: { required: () => true },
    cookies: { keys: ['actionbridge-test-cookie-key'] },
    scopes: ['openid', 'offline_access', 'api', ...(options.resources ? [options.resources.scope] : [])],
  });
  // The development pages and this test server are the only parties: silence its warnings.
  provider.on('server_error', () => {});
  type Ctx = {
    method: string;
    path: string;
    headers: Record<string, string | undefined>;
    oidc?: { params?: { grant_type?: string }; body?: { client_secret?: string } };
  };
  provider.use(async (ctx: Ctx, next: () => Promise<void>) => {
    await next();
    if (ctx.method === 'POST' && ctx.path === '/token') {
      const g = ctx.oidc?.params?.grant_type ?? 'unknown';
      tokenRequests[g] = (tokenRequests[g] ?? 0) + 1;
      clientAuth.push(/^basic /i.test(ctx.headers.authorization ?? '') ? 'basic' : ctx.oidc?.body?.client_secret ? 'post' : 'none');
    }
  });

  const undici = await import('undici');
  const agent = new undici.Agent({ connect: { ca: ca.certPem } });
  const form = async (path: string, client: OidcClient, params: Record<string, string>) => {
    const res = await undici.fetch(`${issuer}${path}`, {
      method: 'POST',
      dispatcher: agent,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`).toString('base64')}`,
      },
      body: new URLSearchParams(params).toString(),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };

  return {
    issuer,
    tokenEndpoint: `${issuer}/token`,
    authorizationEndpoint: `${issuer}/auth`,
    revocationEndpoint: `${issuer}/token/revocation`,
    tokenRequests,
    clientAuth,
    ttl,
    server,
    async valid(token: string) {
      const p = provider!;
      return !!((await p.AccessToken.find(token)) ?? (await p.ClientCredentials.find(token)));
    },
    async audience(token: string) {
      const found = (await provider!.AccessToken.find(token)) as { aud?: string | string[] } | undefined;
      return Array.isArray(found?.aud) ? found.aud[0] : found?.aud;
    },
    async clientSecret(clientId: string) {
      return (await provider!.Client.find(clientId))?.clientSecret;
    },
    async dropAccessToken(token: string) {
      const found = await provider!.AccessToken.find(token);
      if (!found) throw new Error('no such access token');
      await found.destroy();
    },
    async revoke(client, token, hint) {
      return (await form('/token/revocation', client, { token, ...(hint ? { token_type_hint: hint } : {}) })).status;
    },
    refreshDirectly(client, refreshToken) {
      return form('/token', client, { grant_type: 'refresh_token', refresh_token: refreshToken });
    },
    async close() {
      await agent.close();
      await server.close();
    },
  };
}
