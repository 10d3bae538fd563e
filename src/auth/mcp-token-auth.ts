// `Authorization: Bearer <token>` for /mcp: the token's hash is looked up on every
// request (a revocation applies to the next request), and the Caller is built
// exactly as for a signed request (Authenticator.callerOf): same account, user
// ARN, role and groups, so every permission check applies unchanged.
import type { Caller } from '../domain/types.js';
import type { Store } from '../store/store.js';
import { hashMcpToken, mcpTokenStatus, type McpTokenRecord } from '../domain/mcp-tokens.js';
import type { Authenticator } from './identity.js';

export type BearerResult =
  | { ok: true; caller: Caller; region: string; token: McpTokenRecord }
  | { ok: false; error: 'invalid_request' | 'invalid_token'; message: string };

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]{1,512})[ \t]*$/i;

export class McpTokenAuth {
  constructor(
    private readonly store: Store,
    private readonly auth: Authenticator,
    private readonly now: () => number = Date.now,
  ) {}

  /** Checks an Authorization header value. */
  async fromHeader(header: string | undefined): Promise<BearerResult> {
    if (!header)
      return { ok: false, error: 'invalid_request', message: 'Authorization: Bearer <token> is required (create a token with `actionbridge tokens create`).' };
    const m = BEARER.exec(header);
    if (!m) return { ok: false, error: 'invalid_request', message: 'The Authorization header must be `Bearer <token>`.' };
    return this.fromHash(hashMcpToken(m[1]!));
  }

  /** Checks a token by its hash (a session checks its token again this way). */
  async fromHash(tokenHash: string): Promise<BearerResult> {
    const bad = (message: string): BearerResult => ({ ok: false, error: 'invalid_token', message });
    const t = await this.store.mcpTokens.getMcpTokenByHash(tokenHash);
    if (!t) return bad('The token is not valid.');
    const status = mcpTokenStatus(t, this.now());
    if (status !== 'ACTIVE') return bad(`The token ${t.tokenId} is ${status === 'REVOKED' ? 'revoked' : 'expired'}.`);
    const user = await this.store.identities.getUser(t.accountId, t.userName);
    // A user removed (and perhaps added again under the same name) does not keep the old user's tokens.
    if (!user || user.createdAt !== t.userCreatedAt) return bad(`The token ${t.tokenId} belongs to a user who no longer exists.`);
    const caller = await this.auth.callerOf(t.accountId, t.userName, user.role, `mcp-token:${t.tokenId}`);
    return { ok: true, caller, region: t.region, token: t };
  }
}
