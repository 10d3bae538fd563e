// Master keys for secrets at rest. Every secret is sealed with AES-256-GCM under
// the active master key; each ciphertext names the key it was sealed with and is
// bound (additional authenticated data) to the row it belongs to, so a ciphertext
// copied to another row does not open.
//
// Keys come from ACTIONBRIDGE_MASTER_KEY (base64 of 32 bytes; earlier keys may be
// listed in ACTIONBRIDGE_PREVIOUS_MASTER_KEYS, comma-separated) or from the key
// file `master.keys` in the data directory (mode 0600), one base64 key per line,
// the active key first. `actionbridge keys rotate` prepends a new key to the file
// and re-seals every secret; running servers notice the file change and follow.
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomFillSync } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errorCode } from '../error-text.js';

const PREFIX = 'ab1';
/** A process using a key file notices a new one within this long of its next seal (see refresh). */
export const REFRESH_INTERVAL_MS = 1000;

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('actionbridge-master-key-id').update(key).digest('hex').slice(0, 12);
}

function decodeKey(b64: string, where: string): Buffer {
  const key = Buffer.from(b64.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${where} must be base64 of exactly 32 bytes (got ${key.length} bytes)`);
  return key;
}

export class DecryptError extends Error {}

/**
 * Fresh 96-bit GCM nonces, taken from the CSPRNG 256 at a time: one randomBytes call per
 * seal was a visible part of a Create (bench/RESULTS.md). Each nonce is a distinct slice
 * of random output, handed out once (copied out; the pool is refilled when used up), so a
 * nonce is exactly as random and as unique as with one call per seal.
 */
const IV_BYTES = 12;
const IV_POOL = Buffer.alloc(IV_BYTES * 256);
let ivOffset = IV_POOL.length;
function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > IV_POOL.length) {
    randomFillSync(IV_POOL);
    ivOffset = 0;
  }
  const iv = Buffer.from(IV_POOL.subarray(ivOffset, ivOffset + IV_BYTES));
  ivOffset += IV_BYTES;
  return iv;
}

export class KeyRing {
  private keys = new Map<string, Buffer>();
  private activeId = '';
  private fileStamp = '';
  private lastCheck = 0;

  private constructor(private readonly file: string | undefined) {}

  /** From the environment if ACTIONBRIDGE_MASTER_KEY is set, else from (or into) the data dir's key file. */
  static load(opts: { dataDir: string; env?: NodeJS.ProcessEnv; create?: boolean }): KeyRing {
    const env = opts.env ?? process.env;
    if (env.ACTIONBRIDGE_MASTER_KEY) {
      const ring = new KeyRing(undefined);
      const list = [env.ACTIONBRIDGE_MASTER_KEY, ...(env.ACTIONBRIDGE_PREVIOUS_MASTER_KEYS ?? '').split(',').filter((s) => s.trim())];
      ring.setKeys(list.map((k, i) => decodeKey(k, i === 0 ? 'ACTIONBRIDGE_MASTER_KEY' : 'ACTIONBRIDGE_PREVIOUS_MASTER_KEYS')));
      return ring;
    }
    const file = path.join(opts.dataDir, 'master.keys');
    if (!existsSync(file)) {
      if (opts.create === false) throw new Error(`no master key: set ACTIONBRIDGE_MASTER_KEY or create ${file}`);
      mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
      createKeyFile(file, randomBytes(32));
    }
    const ring = new KeyRing(file);
    ring.reload();
    return ring;
  }

  get activeKeyId(): string {
    return this.activeId;
  }
  get keyIds(): string[] {
    return [...this.keys.keys()];
  }
  get keyFile(): string | undefined {
    return this.file;
  }

  private setKeys(list: Buffer[]) {
    if (list.length === 0) throw new Error('the master key list is empty');
    const m = new Map<string, Buffer>();
    for (const k of list) m.set(keyIdOf(k), k);
    this.keys = m;
    this.activeId = keyIdOf(list[0]!);
  }

  /** Re-reads the key file (if keys come from one). */
  reload(): void {
    if (!this.file) return;
    const st = statSync(this.file);
    if ((st.mode & 0o077) !== 0) chmodSync(this.file, 0o600);
    const lines = readFileSync(this.file, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    this.setKeys(lines.map((l) => decodeKey(l, this.file!)));
    this.fileStamp = `${st.ino}:${st.mtimeMs}`;
  }

  /** Follows a rotation done by another process: cheap stat at most once a second. */
  refresh(force = false): void {
    if (!this.file) return;
    const now = Date.now();
    if (!force && now - this.lastCheck < REFRESH_INTERVAL_MS) return;
    this.lastCheck = now;
    try {
      const st = statSync(this.file);
      // The file is replaced by rename: a new inode, even within one mtime tick.
      if (`${st.ino}:${st.mtimeMs}` !== this.fileStamp) this.reload();
    } catch {
      /* keep the keys we have */
    }
  }

  seal(plaintext: string, aad: string): string {
    this.refresh();
    const key = this.keys.get(this.activeId)!;
    const iv = nextIv();
    const c = createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(Buffer.from(`${this.activeId}|${aad}`));
    const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final(), c.getAuthTag()]);
    return `${PREFIX}.${this.activeId}.${iv.toString('base64url')}.${ct.toString('base64url')}`;
  }

  open(sealed: string, aad: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== PREFIX) throw new DecryptError('not a sealed secret');
    const [, kid, ivs, cts] = parts as [string, string, string, string];
    let key = this.keys.get(kid);
    if (!key) {
      this.refresh(true);
      key = this.keys.get(kid);
    }
    if (!key) throw new DecryptError(`secret sealed with unknown master key ${kid}`);
    const buf = Buffer.from(cts, 'base64url');
    if (buf.length < 16) throw new DecryptError('sealed secret is truncated');
    try {
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(ivs, 'base64url'));
      d.setAAD(Buffer.from(`${kid}|${aad}`));
      d.setAuthTag(buf.subarray(buf.length - 16));
      return Buffer.concat([d.update(buf.subarray(0, buf.length - 16)), d.final()]).toString('utf8');
    } catch {
      throw new DecryptError('sealed secret does not open (wrong key or wrong row)');
    }
  }

  keyIdOfSealed(sealed: string): string | undefined {
    const parts = sealed.split('.');
    return parts.length === 4 ? parts[1] : undefined;
  }

  /** For `keys rotate`: a new active key in the key file, old keys kept until retired. */
  rotateFile(): string {
    if (!this.file) throw new Error('keys come from ACTIONBRIDGE_MASTER_KEY: put the new key there and the old one in ACTIONBRIDGE_PREVIOUS_MASTER_KEYS');
    const fresh = randomBytes(32);
    writeKeyFile(this.file, [fresh, ...this.keys.values()]);
    this.reload();
    return this.activeId;
  }

  /** For `keys retire`: drop every key but the active one from the key file. */
  retireOld(): string[] {
    if (!this.file) throw new Error('keys come from ACTIONBRIDGE_MASTER_KEY: remove old keys from ACTIONBRIDGE_PREVIOUS_MASTER_KEYS');
    const old = this.keyIds.filter((k) => k !== this.activeId);
    writeKeyFile(this.file, [this.keys.get(this.activeId)!]);
    this.reload();
    return old;
  }
}

/**
 * A new key file, unless one appeared meanwhile: nodes sharing a data dir that start
 * at once must all end up with the one key (link() fails if the name exists; rename() would replace it).
 */
function createKeyFile(file: string, key: Buffer) {
  const tmp = `${file}.new-${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, `# ActionBridge master keys: the first is active. Keep this file secret (mode 0600).\n${key.toString('base64')}\n`, { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (e) {
    if (errorCode(e) !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
}

function writeKeyFile(file: string, keys: Buffer[]) {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(
    tmp,
    `# ActionBridge master keys: the first is active. Keep this file secret (mode 0600).\n${keys.map((k) => k.toString('base64')).join('\n')}\n`,
    { mode: 0o600 },
  );
  renameSync(tmp, file);
}
