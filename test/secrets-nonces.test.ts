// Every sealed secret gets its own 96-bit AES-GCM nonce. Nonces come from the CSPRNG in
// pooled slices (src/crypto/keyring.ts, nextIv): across pool refills none repeats, each is
// 12 bytes, and every sealed value opens again.
import { describe, expect, it } from 'vitest';
import { KeyRing } from '../src/crypto/keyring.js';
import { tempDir } from './helpers.js';

describe('sealing nonces', () => {
  it('10,000 seals (about 40 pool refills) use 10,000 distinct 12-byte nonces, and each opens', () => {
    const ring = KeyRing.load({ dataDir: tempDir('ab-nonce-'), create: true });
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const sealed = ring.seal(`secret-${i}`, `row-${i}`);
      const iv = Buffer.from(sealed.split('.')[2]!, 'base64url');
      expect(iv.length).toBe(12);
      seen.add(iv.toString('hex'));
      if (i % 997 === 0) expect(ring.open(sealed, `row-${i}`)).toBe(`secret-${i}`);
    }
    expect(seen.size).toBe(10_000);
    // The same plaintext and row sealed twice differ (a fresh nonce each time).
    expect(ring.seal('same', 'row')).not.toBe(ring.seal('same', 'row'));
  });
});
