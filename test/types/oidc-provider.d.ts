// oidc-provider ships no type declarations; test/support/oidc.ts uses it untyped.
declare module 'oidc-provider';
