// Resolves a verified access key to the Caller: account, user, role, groups.
import type { Caller, Role } from '../domain/types.js';
import type { Store } from '../store/store.js';
import type { KeyRing } from '../crypto/keyring.js';
import { aad } from '../domain/aad.js';
import { groupArn, userArn } from './arns.js';
import { SigV4Verifier, type IncomingSignedRequest } from './sigv4.js';

export class Authenticator {
  private readonly verifier: SigV4Verifier;
  /**
   * Decrypted secrets keyed by access key id and ciphertext: a changed or removed
   * row is never served from here, and a ciphertext copied to another key's row
   * is opened (and refused) under that row's AAD instead of being found here.
   */
  private readonly opened = new Map<string, string>();

  constructor(private readonly store: Store, private readonly keys: KeyRing, private readonly identityRegion: string, now?: () => number) {
    this.verifier = new SigV4Verifier({ now });
  }

  private secretOf(k: { accessKeyId: string; secretSealed: string }): string {
    const accessKeyId = k.accessKeyId;
    const cacheKey = `${accessKeyId}\n${k.secretSealed}`;
    let s = this.opened.get(cacheKey);
    if (s === undefined) {
      s = this.keys.open(k.secretSealed, aad.accessKey(accessKeyId));
      if (this.opened.size > 10_000) this.opened.clear();
      this.opened.set(cacheKey, s);
    }
    return s;
  }

  /**
   * Verifies the signature and returns who is calling, the request's region, and the
   * headers the signature covers (only those may be trusted as the caller's word).
   */
  async authenticate(req: IncomingSignedRequest): Promise<{ caller: Caller; region: string; signedHeaders: string[] }> {
    let k: Awaited<ReturnType<Store['getAccessKey']>>;
    const sig = await this.verifier.verify(req, async (id) => {
      k = await this.store.getAccessKey(id);
      return k && k.status === 'ACTIVE' ? this.secretOf(k) : undefined;
    });
    const key = k!;
    return { region: sig.region, signedHeaders: sig.signedHeaders, caller: await this.callerOf(key.accountId, key.userName, key.role, key.accessKeyId) };
  }

  /**
   * The Caller of a user, as every authenticated request sees it: account, user ARN,
   * role, the user's groups now. `credentialId` names what it authenticated with (an
   * access key id, or an MCP token's id).
   */
  async callerOf(accountId: string, userName: string, role: Role, credentialId: string): Promise<Caller> {
    const groups = await this.store.groupsOf(accountId, userName);
    return {
      accountId,
      userName,
      userArn: userArn(this.identityRegion, accountId, userName),
      role,
      groupArns: groups.map((g) => groupArn(this.identityRegion, accountId, g)),
      accessKeyId: credentialId,
    };
  }
}
