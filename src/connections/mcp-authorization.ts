// The authorization of an OAUTH2_AUTHORIZATION_CODE connector without a client of its own
// (no AuthorizationCodeGrantCredentialsDetails): what PutActionConnectorMcpServer and
// RefreshActionConnectorMcpTools discovered at its MCP server (mcp-discovery.ts), stored in
// `mcp_oauth` — the clear part as JSON, the registered client's secret sealed and bound
// (AAD) to the connector and the SHA-256 of the clear part, which holds the connector's
// destination digest. The sign-in flow (authorization-code.ts) uses it as it uses a
// connector's own client, plus the RFC 8707 resource indicator.
import { createHash } from 'node:crypto';
import { DecryptError, type KeyRing } from '../crypto/keyring.js';
import { aad } from '../domain/aad.js';
import { destinationDigest } from '../domain/destination.js';
import type { ConnectorRecord } from '../domain/types.js';
import { egressRoute } from '../domain/vpc-connections.js';
import type { Egress } from '../egress/index.js';
import { invalidParameter } from '../protocol/errors.js';
import type { Store } from '../store/store.js';
import type { OAuthClient } from './connector-auth.js';
import { SealedConfigMismatch } from './destination.js';
import { type DiscoveredConfig, McpDiscovery } from './mcp-discovery.js';

/** The client and endpoints a sign-in uses when they were discovered. */
export interface DiscoveredAuth {
  config: DiscoveredConfig;
  client: OAuthClient;
  /** SHA-256 of the stored clear part: what tokens and sign-ins are bound to. */
  hash: string;
}

/** What Describe shows of a discovery (no secret). */
export interface DiscoverySummary {
  Issuer: string;
  AuthorizationEndpoint: string;
  TokenEndpoint: string;
  RegistrationEndpoint?: string;
  Resource: string;
  ResourceMetadataUrl: string;
  ClientId: string;
  DynamicClientRegistration: boolean;
  TokenEndpointAuthMethod: string;
  Scope?: string;
  DiscoveredAt: Date;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function summaryOf(config: DiscoveredConfig, at: number): DiscoverySummary {
  return {
    Issuer: config.issuer,
    AuthorizationEndpoint: config.authorizationEndpoint,
    TokenEndpoint: config.tokenEndpoint,
    ...(config.registrationEndpoint ? { RegistrationEndpoint: config.registrationEndpoint } : {}),
    Resource: config.resource,
    ResourceMetadataUrl: config.resourceMetadataUrl,
    ClientId: config.clientId,
    DynamicClientRegistration: config.dynamic,
    TokenEndpointAuthMethod: config.tokenEndpointAuthMethod,
    ...(config.scope ? { Scope: config.scope } : {}),
    DiscoveredAt: new Date(at),
  };
}

export class McpAuthorization {
  private readonly discovery: McpDiscovery;

  constructor(
    private readonly store: Store,
    private readonly keys: KeyRing,
    egress: Egress,
    private readonly now: () => number,
  ) {
    this.discovery = new McpDiscovery(egress);
  }

  private open(rec: ConnectorRecord, row: { config: string; clientSecretSealed: string | null }): { config: DiscoveredConfig; secret?: string; hash: string } {
    const hash = sha256(row.config);
    let config: DiscoveredConfig;
    try {
      config = JSON.parse(row.config) as DiscoveredConfig;
    } catch {
      throw new SealedConfigMismatch(rec);
    }
    if (!config || typeof config.clientId !== 'string' || typeof config.tokenEndpoint !== 'string' || typeof config.resource !== 'string') {
      throw new SealedConfigMismatch(rec);
    }
    if (row.clientSecretSealed === null) return { config, hash };
    try {
      return { config, hash, secret: this.keys.open(row.clientSecretSealed, aad.mcpOAuthClient(rec.region, rec.accountId, rec.id, hash)) };
    } catch (e) {
      if (e instanceof DecryptError) throw new SealedConfigMismatch(rec);
      throw e;
    }
  }

  /**
   * The discovered client of `rec` for a sign-in or a token request. Refused (nothing sent)
   * when nothing was discovered, or when it was for another destination or RedirectUrl.
   */
  async resolve(rec: ConnectorRecord, redirectUrl: string): Promise<DiscoveredAuth> {
    const row = await this.store.mcpServers.getMcpOAuth(rec);
    if (!row) {
      throw invalidParameter(
        `Action connector ${rec.id} has no OAuth client of its own and no authorization discovered at an MCP server: attach its MCP server with PutActionConnectorMcpServer first (it discovers the authorization server and registers a client), or set AuthorizationCodeGrantCredentialsDetails.`,
      );
    }
    const { config, secret, hash } = this.open(rec, row);
    if (config.destination !== destinationDigest(rec) || config.redirectUri !== redirectUrl) {
      throw invalidParameter(
        `Action connector ${rec.id} changed since its MCP server's authorization was discovered: discover it again with RefreshActionConnectorMcpTools. Nothing was sent.`,
      );
    }
    return { config, hash, client: { clientId: config.clientId, clientSecret: secret ?? '', tokenEndpoint: config.tokenEndpoint } };
  }

  /** What Describe shows, when something was discovered (for the connector as it is now). */
  async describe(rec: ConnectorRecord): Promise<DiscoverySummary | undefined> {
    const row = await this.store.mcpServers.getMcpOAuth(rec);
    if (!row) return undefined;
    return summaryOf(this.open(rec, { config: row.config, clientSecretSealed: null }).config, row.updatedAt);
  }

  /**
   * Discovers the authorization of the MCP server at `serverUrl` for `rec` (RFC 9728, RFC
   * 8414, RFC 7591; the client registered before is kept while it fits) and stores it.
   * DiscoveryError names what broke.
   */
  async discover(rec: ConnectorRecord, serverUrl: string, redirectUrl: string): Promise<{ summary: DiscoverySummary; registered: boolean; changed: boolean }> {
    const prevRow = await this.store.mcpServers.getMcpOAuth(rec);
    let previous: { config: DiscoveredConfig; clientSecret?: string } | undefined;
    if (prevRow) {
      try {
        const o = this.open(rec, prevRow);
        previous = { config: o.config, ...(o.secret ? { clientSecret: o.secret } : {}) };
      } catch {
        previous = undefined; // a row that does not open is replaced by a new registration
      }
    }
    const found = await this.discovery.discover(egressRoute(rec), serverUrl, redirectUrl, destinationDigest(rec), previous);
    const config = JSON.stringify(found.config);
    const hash = sha256(config);
    const now = this.now();
    const { changed } = await this.store.mcpServers.putMcpOAuth(rec, {
      config,
      clientSecretSealed: found.clientSecret ? this.keys.seal(found.clientSecret, aad.mcpOAuthClient(rec.region, rec.accountId, rec.id, hash)) : null,
      updatedAt: now,
    });
    return { summary: summaryOf(found.config, now), registered: found.registered, changed };
  }
}
