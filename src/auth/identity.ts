// Resolves a verified access key to the Caller: account, user, role, groups.
import type { Caller, Role } from '../domain/types.js';
import type { Store } from '../store/store.js';
import type { KeyRing } from '../crypto/keyring.js';
import { aad } from '../domain/aad.js';
import { groupArn, userArn } from './arns.js';
import { type CheckedHeaders, type IncomingSignedRequest, SigV4Verifier } from './sigv4.js';
import { ServiceError } from '../protocol/errors.js';

type AccessKey = NonNullable<Awaited<ReturnType<Store['identities']['getAccessKey']>>>;

/** What Authenticator.admit found from a request's headers: its access key's record and the checked signature. */
export interface Admitted {
  key: AccessKey;
  checked: CheckedHeaders;
}

/** An active key as the last signed request found it: its secret and its caller (user, role, groups). */
interface KnownKey {
  /** The identity version read before the rows this was derived from (store.identities.identityVersion). */
  version: string;
  secret: string;
  caller: Caller;
  /** The key's row as read then (what admit() hands on). */
  key: AccessKey;
}
const MAX_KNOWN_KEYS = 10_000;

export class Authenticator {
  /**
   * Keys that verified, with their secret and caller, while the identity rows stand still:
   * a signed request by a known key is then checked with no lookup and no new Caller. Any
   * identity write moves the version, and the next request reads the rows again.
   */
  private readonly known = new Map<string, KnownKey>();
  private readonly verifier: SigV4Verifier;
  /**
   * Decrypted secrets keyed by access key id and ciphertext: a changed or removed
   * row is never served from here, and a ciphertext copied to another key's row
   * is opened (and refused) under that row's AAD instead of being found here.
   */
  private readonly opened = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly keys: KeyRing,
    private readonly identityRegion: string,
    now?: () => number,
  ) {
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
   * What can be checked before the body is read: a well-formed signature in scope
   * and in time, by an access key that exists and is active. Returns the key's
   * record, for authenticate() to use once the body is there (without a promise when the
   * key is known under the current identity version); throws the 403 otherwise.
   */
  admit(req: Omit<IncomingSignedRequest, 'body'>): Admitted | Promise<Admitted> {
    const checked = this.verifier.checkHeaders(req);
    // A key known under the current identity version (see `known`): no lookup and no promise.
    const version = this.store.identities.identityVersion();
    const e = version === undefined ? undefined : this.known.get(checked.sig.accessKeyId);
    if (e !== undefined && e.version === version) return { key: e.key, checked };
    return this.admitLookedUp(checked);
  }

  private async admitLookedUp(checked: Admitted['checked']): Promise<Admitted> {
    const k = await this.store.identities.getAccessKey(checked.sig.accessKeyId);
    if (k?.status !== 'ACTIVE') throw new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.');
    return { key: k, checked };
  }

  /**
   * Verifies the signature and returns who is calling, the request's region, and the
   * headers the signature covers (only those may be trusted as the caller's word).
   * `admitted`: what admit() found for this request: its key record and checked headers
   * (neither looked up nor parsed again).
   */
  async authenticate(req: IncomingSignedRequest, admitted?: Admitted): Promise<{ caller: Caller; region: string; signedHeaders: string[] }> {
    // Read before the identity rows: what is derived from them is kept under this version,
    // so a change that lands meanwhile makes it unused rather than served.
    const version = this.store.identities.identityVersion();
    let k: AccessKey | undefined;
    let known: KnownKey | undefined;
    const sig = await this.verifier.verify(
      req,
      (id) => {
        const e = version === undefined ? undefined : this.known.get(id);
        if (e !== undefined && e.version === version) {
          known = e;
          return e.secret;
        }
        return (async () => {
          k = admitted?.key.accessKeyId === id ? admitted.key : await this.store.identities.getAccessKey(id);
          return k && k.status === 'ACTIVE' ? this.secretOf(k) : undefined;
        })();
      },
      admitted?.checked,
    );
    if (known !== undefined) return { region: sig.region, signedHeaders: sig.signedHeaders, caller: known.caller };
    const key = k!;
    const caller = Object.freeze(await this.callerOf(key.accountId, key.userName, key.role, key.accessKeyId));
    Object.freeze(caller.groupArns);
    if (version !== undefined) {
      if (this.known.size >= MAX_KNOWN_KEYS) this.known.clear();
      this.known.set(key.accessKeyId, { version, secret: this.secretOf(key), caller, key });
    }
    return { region: sig.region, signedHeaders: sig.signedHeaders, caller };
  }

  /**
   * The Caller of a user, as every authenticated request sees it: account, user ARN,
   * role, the user's groups now. `credentialId` names what it authenticated with (an
   * access key id, or an MCP token's id).
   */
  async callerOf(accountId: string, userName: string, role: Role, credentialId: string): Promise<Caller> {
    const groups = await this.store.identities.groupsOf(accountId, userName);
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
