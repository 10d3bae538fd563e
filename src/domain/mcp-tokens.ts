// MCP bearer tokens (docs/guide/mcp.md): minted per user by `actionbridge tokens create`,
// stored only as the SHA-256 of the token, revocable. A token acts as its user.
import { createHash, randomBytes } from 'node:crypto';

export interface McpTokenRecord {
  /** Public id, for listing and revoking (never usable as a token). */
  tokenId: string;
  /** SHA-256 (hex) of the token. */
  tokenHash: string;
  accountId: string;
  userName: string;
  /** The user's created_at when the token was minted: a user removed and added again under the same name does not inherit it. */
  userCreatedAt: number;
  /** The region (data partition) the token acts in. */
  region: string;
  description: string | null;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

/** Prefix of every MCP token: recognizable in a config file or by a secret scanner. */
export const MCP_TOKEN_PREFIX = 'abmcp_';

/** A new token (256 random bits) and its public id. */
export function newMcpToken(): { token: string; tokenId: string; tokenHash: string } {
  const token = `${MCP_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, tokenId: `mcpt-${randomBytes(8).toString('hex')}`, tokenHash: hashMcpToken(token) };
}

export const hashMcpToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export type McpTokenStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED';
export const mcpTokenStatus = (t: McpTokenRecord, now: number): McpTokenStatus =>
  t.revokedAt !== null ? 'REVOKED' : t.expiresAt !== null && t.expiresAt <= now ? 'EXPIRED' : 'ACTIVE';

/** `30d`, `12h`, `90m`, `3600s` (or plain seconds) → milliseconds; undefined when it does not parse or is not positive. */
export function parseDuration(s: string): number | undefined {
  const m = /^\s*(\d+)\s*([smhdw]?)\s*$/i.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 }[m[2]!.toLowerCase() as '' | 's' | 'm' | 'h' | 'd' | 'w'];
  const ms = n * unit * 1000;
  return n > 0 && Number.isSafeInteger(ms) ? ms : undefined;
}
