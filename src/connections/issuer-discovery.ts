// The issuer an authorization-code connector's callback must name (RFC 9207). The
// connector model has no issuer member: it is discovered from the authorization
// server's metadata, RFC 8414 (/.well-known/oauth-authorization-server) or OpenID
// Connect Discovery (/.well-known/openid-configuration), at the AuthorizationEndpoint's
// origin and at the path prefixes of the endpoint (where, e.g., a Keycloak realm's
// issuer lives). A document counts only when its `issuer` is the one its URL was
// built from (RFC 8414 §3.3, OIDC Discovery §4.3) and its authorization_endpoint is
// the connector's. Requests leave through the egress (the connector's VPC
// connection, if any); answers are cached, failures for a shorter time. Nothing
// discovered means no issuer is known (see AuthorizationCodeFlow.checkIssuer).
import type { Egress, EgressTenant } from '../egress/index.js';

export interface IssuerInfo {
  /** The authorization server's issuer identifier, when its metadata was found. */
  issuer?: string;
  /** The metadata says authorization_response_iss_parameter_supported: a callback without `iss` is refused. */
  issRequired: boolean;
}

const FOUND_TTL_MS = 60 * 60 * 1000;
const MISSING_TTL_MS = 5 * 60 * 1000;
const TIMEOUT_MS = 5_000;
/** Path prefixes of the endpoint tried as issuers, deepest first, besides the origin. */
const MAX_PREFIXES = 3;
const MAX_ENTRIES = 512;

/** The metadata URLs to try for an authorization endpoint, each with the issuer it stands for, in order of preference. */
export function metadataCandidates(authorizationEndpoint: string): { url: string; issuer: string }[] {
  const u = new URL(authorizationEndpoint);
  const segments = u.pathname.split('/').filter(Boolean);
  // The deepest path prefixes first (the most specific issuer), the bare origin last.
  const prefixes: string[] = [];
  for (let n = segments.length - 1; n >= 1 && prefixes.length < MAX_PREFIXES; n--) prefixes.push(`/${segments.slice(0, n).join('/')}`);
  prefixes.push('');
  return prefixes.flatMap((p) => [
    { url: `${u.origin}/.well-known/oauth-authorization-server${p}`, issuer: `${u.origin}${p}` },
    { url: `${u.origin}${p}/.well-known/openid-configuration`, issuer: `${u.origin}${p}` },
  ]);
}

const withoutQuery = (s: string) => {
  const u = new URL(s);
  return `${u.origin}${u.pathname}`;
};

export class IssuerDiscovery {
  private readonly cache = new Map<string, { until: number; info: Promise<IssuerInfo> }>();

  constructor(
    private readonly egress: Egress,
    private readonly now: () => number,
  ) {}

  /** What is known of the issuer behind this authorization endpoint (requests through `route`). */
  expected(authorizationEndpoint: string, route: { profile?: string; tenant?: EgressTenant }): Promise<IssuerInfo> {
    const endpoint = withoutQuery(authorizationEndpoint);
    const key = `${route.profile ?? ''}|${route.tenant?.accountId ?? ''}|${endpoint}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > this.now()) return hit.info;
    const info = this.discover(endpoint, route).catch((): IssuerInfo => ({ issRequired: false }));
    const entry = { until: this.now() + MISSING_TTL_MS, info };
    void info.then((i) => {
      if (i.issuer) entry.until = this.now() + FOUND_TTL_MS;
    });
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, entry);
    return info;
  }

  private async discover(endpoint: string, route: { profile?: string; tenant?: EgressTenant }): Promise<IssuerInfo> {
    const signal = AbortSignal.timeout(TIMEOUT_MS);
    const candidates = metadataCandidates(endpoint);
    const found = await Promise.all(
      candidates.map(async (c) => {
        try {
          const res = await this.egress.request({
            method: 'GET',
            url: c.url,
            headers: { accept: 'application/json' },
            followRedirects: false,
            signal,
            ...(route.profile ? { profile: route.profile } : {}),
            ...(route.tenant ? { tenant: route.tenant } : {}),
          });
          if (res.status !== 200) return undefined;
          const doc = JSON.parse(res.body.toString('utf8')) as Record<string, unknown>;
          if (doc === null || typeof doc !== 'object' || doc.issuer !== c.issuer) return undefined;
          if (typeof doc.authorization_endpoint !== 'string' || !URL.canParse(doc.authorization_endpoint)) return undefined;
          if (withoutQuery(doc.authorization_endpoint) !== endpoint) return undefined;
          return { issuer: c.issuer, issRequired: doc.authorization_response_iss_parameter_supported === true };
        } catch {
          return undefined;
        }
      }),
    );
    return found.find((f) => f !== undefined) ?? { issRequired: false };
  }
}
