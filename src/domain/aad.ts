// What each sealed secret is bound to (AES-GCM additional authenticated data):
// a ciphertext moved to another row does not open.
export const aad = {
  connector: (region: string, accountId: string, id: string) => `connector|${region}|${accountId}|${id}`,
  accessKey: (accessKeyId: string) => `access-key|${accessKeyId}`,
  meta: (name: string) => `meta|${name}`,
  /** An OAuth token set of a connector (principal '') or of one end user of it. */
  connectorToken: (region: string, accountId: string, id: string, principal: string) => `connector-token|${region}|${accountId}|${id}|${principal}`,
  /** The PKCE verifier of one authorization request, by the hash of its state. */
  authState: (stateHash: string) => `oauth-state|${stateHash}`,
};
