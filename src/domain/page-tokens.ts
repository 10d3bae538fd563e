// NextToken: opaque, tamper-proof and bound to the caller, the account and the
// query. The keyset position is sealed with AES-256-GCM under a random key kept
// (itself sealed under the master key) in the database, so every node issues
// and accepts the same tokens; the binding is the AEAD's additional data, so a
// token presented for another caller, account or query does not open. Pure: the
// key is given (loaded where the server is wired: server/app.ts, crypto/sealed-secrets.ts#serverKey).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** The `meta` row holding the page-token key (sealed under the master key). */
export const PAGE_TOKEN_KEY_META = 'secret:page-token-key';

export interface PageBinding {
  accountId: string;
  region: string;
  callerArn: string;
  /** Operation and every query parameter except the page size. */
  query: string;
}

const bindingOf = (b: PageBinding) =>
  createHash('sha256')
    .update(JSON.stringify([b.accountId, b.region, b.callerArn, b.query]))
    .digest();

/**
 * IVs drawn from a pool of random bytes filled 256 IVs at a time: one call into the CSPRNG
 * per 256 pages instead of one per page (it was a tenth of issuing a token). Each IV is
 * used once, as randomBytes(12) would be.
 */
const IV_BATCH = 256;
let ivPool = Buffer.alloc(0);
let ivNext = 0;
function nextIv(): Buffer {
  if (ivNext >= ivPool.length) {
    ivPool = randomBytes(12 * IV_BATCH);
    ivNext = 0;
  }
  const iv = ivPool.subarray(ivNext, ivNext + 12);
  ivNext += 12;
  return iv;
}

export class PageTokens {
  /** @param key 32 bytes, the same on every node (PAGE_TOKEN_KEY_META). */
  constructor(private readonly key: Buffer) {}

  issue(binding: PageBinding, lastId: string): string {
    const iv = nextIv();
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(bindingOf(binding));
    const body = Buffer.concat([c.update(JSON.stringify({ k: lastId, t: Date.now() }), 'utf8'), c.final(), c.getAuthTag()]);
    return Buffer.concat([Buffer.from([1]), iv, body]).toString('base64url');
  }

  /** The keyset position in a token; undefined when the token was altered or issued for another binding (ops answer InvalidNextTokenException). */
  open(binding: PageBinding, token: string): string | undefined {
    const buf = Buffer.from(token, 'base64url');
    if (buf.length < 1 + 12 + 16 + 2 || buf[0] !== 1 || buf.toString('base64url') !== token) return undefined;
    try {
      const d = createDecipheriv('aes-256-gcm', this.key, buf.subarray(1, 13));
      d.setAAD(bindingOf(binding));
      d.setAuthTag(buf.subarray(buf.length - 16));
      const json = Buffer.concat([d.update(buf.subarray(13, buf.length - 16)), d.final()]).toString('utf8');
      const v = JSON.parse(json) as { k: unknown };
      if (typeof v.k !== 'string') throw new Error('bad token body');
      return v.k;
    } catch {
      return undefined;
    }
  }
}
