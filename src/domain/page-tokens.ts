// NextToken: opaque, tamper-proof and bound to the caller, the account and the
// query. The keyset position is sealed with AES-256-GCM under a random key kept
// (itself sealed under the master key) in the database, so every node issues
// and accepts the same tokens; the binding is the AEAD's additional data, so a
// token presented for another caller, account or query does not open.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { KeyRing } from '../crypto/keyring.js';
import { aad } from './aad.js';
import { ServiceError } from '../protocol/errors.js';

const META_NAME = 'secret:page-token-key';
const invalidToken = () => new ServiceError('InvalidNextTokenException', 'The NextToken is not valid for this request: it was altered, expired, or issued for another query or caller.');

export interface PageBinding {
  accountId: string;
  region: string;
  callerArn: string;
  /** Operation and every query parameter except the page size. */
  query: string;
}

const bindingOf = (b: PageBinding) =>
  createHash('sha256').update(JSON.stringify([b.accountId, b.region, b.callerArn, b.query])).digest();

export class PageTokens {
  private constructor(private readonly key: Buffer) {}

  static async load(store: Store, keys: KeyRing): Promise<PageTokens> {
    const sealed = await store.putMetaIfAbsent(META_NAME, keys.seal(randomBytes(32).toString('base64'), aad.meta(META_NAME)));
    return new PageTokens(Buffer.from(keys.open(sealed, aad.meta(META_NAME)), 'base64'));
  }

  issue(binding: PageBinding, lastId: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(bindingOf(binding));
    const body = Buffer.concat([c.update(JSON.stringify({ k: lastId, t: Date.now() }), 'utf8'), c.final(), c.getAuthTag()]);
    return Buffer.concat([Buffer.from([1]), iv, body]).toString('base64url');
  }

  /** The keyset position in a token, or InvalidNextTokenException. */
  open(binding: PageBinding, token: string): string {
    const buf = Buffer.from(token, 'base64url');
    if (buf.length < 1 + 12 + 16 + 2 || buf[0] !== 1 || buf.toString('base64url') !== token) throw invalidToken();
    try {
      const d = createDecipheriv('aes-256-gcm', this.key, buf.subarray(1, 13));
      d.setAAD(bindingOf(binding));
      d.setAuthTag(buf.subarray(buf.length - 16));
      const json = Buffer.concat([d.update(buf.subarray(13, buf.length - 16)), d.final()]).toString('utf8');
      const v = JSON.parse(json) as { k: unknown };
      if (typeof v.k !== 'string') throw new Error('bad token body');
      return v.k;
    } catch {
      throw invalidToken();
    }
  }
}
