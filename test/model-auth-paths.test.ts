// Which AuthenticationConfig members are secrets comes from the model (sensitive shapes
// that the Read shape does not return): scripts/gen-auth-paths.mjs. These tests fail when
// the generated table drifts, and pin what is stored sealed and what in the clear.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { generate, secretPaths } from '../scripts/gen-auth-paths.mjs';
import { ROOT } from './helpers.js';
import { authSecretPaths } from '../src/protocol/generated/auth-paths.js';
import { METADATA_MEMBER, parseClearAuthConfig, secretKeyOf, splitSecrets, toReadAuthConfig } from '../src/domain/auth-config.js';
import type { AuthConfig, ConnectionAuthType } from '../src/protocol/generated/model.js';

const model = JSON.parse(readFileSync(path.join(ROOT, 'model', 'quicksight-action-connectors.model.json'), 'utf8'));

const FULL: Record<ConnectionAuthType, AuthConfig> = {
  NONE: { AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: 'https://a.example' } } },
  BASIC: {
    AuthenticationType: 'BASIC',
    AuthenticationMetadata: { BasicAuthConnectionMetadata: { BaseEndpoint: 'https://a.example', Username: 'u', Password: 'p' } },
  },
  API_KEY: {
    AuthenticationType: 'API_KEY',
    AuthenticationMetadata: { ApiKeyConnectionMetadata: { BaseEndpoint: 'https://a.example', ApiKey: 'k', Email: 'e@a.example' } },
  },
  OAUTH2_CLIENT_CREDENTIALS: {
    AuthenticationType: 'OAUTH2_CLIENT_CREDENTIALS',
    AuthenticationMetadata: {
      ClientCredentialsGrantMetadata: {
        BaseEndpoint: 'https://a.example',
        ClientCredentialsSource: 'PLAIN_CREDENTIALS',
        ClientCredentialsDetails: { ClientCredentialsGrantDetails: { ClientId: 'c', ClientSecret: 's', TokenEndpoint: 'https://a.example/token' } },
      },
    },
  },
  OAUTH2_AUTHORIZATION_CODE: {
    AuthenticationType: 'OAUTH2_AUTHORIZATION_CODE',
    AuthenticationMetadata: {
      AuthorizationCodeGrantMetadata: {
        BaseEndpoint: 'https://a.example',
        RedirectUrl: 'https://ab.example/oauth/callback',
        AuthorizationCodeGrantCredentialsSource: 'PLAIN_CREDENTIALS',
        AuthorizationCodeGrantCredentialsDetails: {
          AuthorizationCodeGrantDetails: {
            ClientId: 'c',
            ClientSecret: 's',
            TokenEndpoint: 'https://a.example/token',
            AuthorizationEndpoint: 'https://a.example/authorize',
          },
        },
      },
    },
  },
  IAM: { AuthenticationType: 'IAM', AuthenticationMetadata: { IamConnectionMetadata: { RoleArn: 'arn:aws:iam::111122223333:role/r' } } },
};

describe('secret members of an AuthenticationConfig, from the model', () => {
  it('the committed generated file is what the generator makes from the model', () => {
    const committed = readFileSync(path.join(ROOT, 'src', 'protocol', 'generated', 'auth-paths.ts'), 'utf8');
    expect(generate(model)).toBe(committed);
  });

  it('are the sensitive members Describe does not return: Password, ApiKey and the client secrets (Username and Email stay clear)', () => {
    expect(
      Object.values(secretPaths(model))
        .map((p) => (p as string[]).join('.'))
        .sort(),
    ).toEqual([
      'ApiKeyConnectionMetadata.ApiKey',
      'AuthorizationCodeGrantMetadata.AuthorizationCodeGrantCredentialsDetails.AuthorizationCodeGrantDetails.ClientSecret',
      'BasicAuthConnectionMetadata.Password',
      'ClientCredentialsGrantMetadata.ClientCredentialsDetails.ClientCredentialsGrantDetails.ClientSecret',
    ]);
    // A model change that makes a member neither returned nor sensitive is a decision, not a default.
    const changed = structuredClone(model);
    changed.shapes.ReadNoneConnectionMetadata.members = {};
    expect(() => secretPaths(changed)).toThrow(/NoneConnectionMetadata\.BaseEndpoint is neither returned by the Read shape nor sensitive/);
  });

  it.each(Object.keys(FULL) as ConnectionAuthType[])(
    '%s: split into a clear part that parses and the secret under its generated key; the Read shape has no secret',
    (type) => {
      const { publicPart, secrets } = splitSecrets(FULL[type]);
      const key = secretKeyOf(type);
      expect(Object.keys(secrets)).toEqual(key ? [key] : []);
      if (key) expect(key).toBe((authSecretPaths as Record<string, readonly string[]>)[METADATA_MEMBER[type]]!.join('.'));
      const stored = JSON.parse(JSON.stringify(publicPart));
      expect(parseClearAuthConfig(type, stored)).toEqual({ ok: true, value: publicPart });
      const read = JSON.stringify(toReadAuthConfig(publicPart, 'arn:aws:quicksight:us-east-1:111122223333:action-connector/x'));
      for (const v of Object.values(secrets)) expect(read).not.toContain(`"${v}"`);
      expect(JSON.stringify(publicPart)).not.toMatch(/"(Password|ApiKey|ClientSecret)"/);
    },
  );

  it('a stored clear part that ActionBridge would not write does not parse, and the problem names the member, never its value', () => {
    const { publicPart } = splitSecrets(FULL.OAUTH2_CLIENT_CREDENTIALS);
    const bad = (edit: (o: any) => void) => {
      const o = JSON.parse(JSON.stringify(publicPart));
      edit(o);
      return parseClearAuthConfig('OAUTH2_CLIENT_CREDENTIALS', o);
    };
    expect(
      bad((o) => {
        o.AuthenticationMetadata.ClientCredentialsGrantMetadata.ClientCredentialsSource = 'secret-value';
      }),
    ).toEqual({
      ok: false,
      problem: 'AuthenticationConfig.AuthenticationMetadata.ClientCredentialsGrantMetadata.ClientCredentialsSource is not PLAIN_CREDENTIALS',
    });
    expect(
      bad((o) => {
        delete o.AuthenticationMetadata.ClientCredentialsGrantMetadata.ClientCredentialsDetails;
      }),
    ).toEqual({ ok: false, problem: 'AuthenticationConfig.AuthenticationMetadata.ClientCredentialsGrantMetadata.ClientCredentialsDetails is not an object' });
    expect(
      bad((o) => {
        o.AuthenticationMetadata.ClientCredentialsGrantMetadata.ClientCredentialsDetails.ClientCredentialsGrantDetails.ClientId = ['secret-value'];
      }),
    ).toEqual({
      ok: false,
      problem:
        'AuthenticationConfig.AuthenticationMetadata.ClientCredentialsGrantMetadata.ClientCredentialsDetails.ClientCredentialsGrantDetails.ClientId is not a string',
    });
    expect(parseClearAuthConfig('IAM', publicPart)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/differs from the connector's AuthenticationType IAM/),
    });
    expect(parseClearAuthConfig('OAUTH2_CLIENT_CREDENTIALS', 'secret-value')).toEqual({ ok: false, problem: 'the AuthenticationConfig is not an object' });
  });
});
