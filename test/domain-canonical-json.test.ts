// The destination digest is bound into every sealed secret and token (domain/aad.ts), so
// its canonical encoding must never change: a different byte would leave every stored
// secret unopenable. These properties pin canonicalJson to its first definition (kept
// here as the reference) and splitSecrets' copy to JSON.parse(JSON.stringify(v)).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, destinationDigest } from '../src/domain/destination.js';
import { splitSecrets } from '../src/domain/auth-config.js';

/** canonicalJson as first written (0.1.0): the reference every later version must equal. */
function reference(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${reference(o[k])}`)
    .join(',')}}`;
}

const value = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constant(undefined)),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 5 })),
})).node;

describe('canonicalJson', () => {
  it('equals the reference encoding on 20,000 random JSON-like values', () => {
    fc.assert(
      fc.property(value, (v) => canonicalJson(v) === reference(v)),
      { numRuns: 20_000 },
    );
  });

  it('keeps a known digest (a stored secret sealed with it must still open)', () => {
    const rec = {
      type: 'GENERIC_HTTP' as const,
      authType: 'BASIC' as const,
      authPublic: {
        AuthenticationType: 'BASIC',
        AuthenticationMetadata: { BasicAuthConnectionMetadata: { Username: 'svc', BaseEndpoint: 'https://api.example.com' } },
      },
      vpcConnectionArn: null,
    };
    expect(destinationDigest(rec)).toBe(destinationDigest({ ...rec, authPublic: JSON.parse(reference(rec.authPublic)) }));
    expect(destinationDigest(rec)).toMatchInlineSnapshot(`"3d8ff0e34c8aac7c74c26e7aeb701756ae74649f85ce6116e30367c89699cc13"`);
  });
});

describe('splitSecrets', () => {
  it('its clear part is the JSON round trip of the input without the secret', () => {
    const cfg = {
      AuthenticationType: 'OAUTH2_CLIENT_CREDENTIALS' as const,
      AuthenticationMetadata: {
        ClientCredentialsGrantMetadata: {
          BaseEndpoint: 'https://api.example.com',
          ClientCredentialsSource: 'PLAIN_CREDENTIALS' as const,
          ClientCredentialsDetails: { ClientCredentialsGrantDetails: { ClientId: 'id', ClientSecret: 'shh', TokenEndpoint: 'https://auth.example.com/token' } },
        },
      },
    };
    const { publicPart, secrets } = splitSecrets(cfg);
    expect(secrets).toEqual({ 'ClientCredentialsGrantMetadata.ClientCredentialsDetails.ClientCredentialsGrantDetails.ClientSecret': 'shh' });
    const expected = JSON.parse(JSON.stringify(cfg));
    delete expected.AuthenticationMetadata.ClientCredentialsGrantMetadata.ClientCredentialsDetails.ClientCredentialsGrantDetails.ClientSecret;
    expect(JSON.stringify(publicPart)).toBe(JSON.stringify(expected));
    // A copy: the input keeps its secret.
    expect(cfg.AuthenticationMetadata.ClientCredentialsGrantMetadata.ClientCredentialsDetails.ClientCredentialsGrantDetails.ClientSecret).toBe('shh');
  });
});
