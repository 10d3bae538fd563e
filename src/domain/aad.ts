// What each sealed secret is bound to (AES-GCM additional authenticated data):
// a ciphertext moved to another row does not open. A connector's secrets and its
// OAuth tokens are also bound to its destination digest (domain/destination.ts): they
// do not open once BaseEndpoint, an OAuth endpoint, the client id, the VPC connection,
// ... differ from what they were sealed with.
export const aad = {
  connector: (region: string, accountId: string, id: string, destination: string) => `connector|${region}|${accountId}|${id}|${destination}`,
  accessKey: (accessKeyId: string) => `access-key|${accessKeyId}`,
  meta: (name: string) => `meta|${name}`,
  /** An OAuth token set of a connector (principal '') or of one end user of it. */
  connectorToken: (region: string, accountId: string, id: string, principal: string, destination: string) =>
    `connector-token|${region}|${accountId}|${id}|${principal}|${destination}`,
  /**
   * The client secret registered for a connector's MCP server (mcp_oauth), bound to the
   * SHA-256 of what was discovered (which holds the connector's destination digest).
   */
  mcpOAuthClient: (region: string, accountId: string, id: string, configHash: string) => `mcp-oauth-client|${region}|${accountId}|${id}|${configHash}`,
  /** The PKCE verifier of one authorization request, by the hash of its state. */
  authState: (stateHash: string) => `oauth-state|${stateHash}`,
};

/**
 * The AADs before the destination digest (bound to the row only). Only the one-time
 * re-sealing at start-up (crypto/destination-migration.ts) opens with these.
 */
export const legacyAad = {
  connector: (region: string, accountId: string, id: string) => `connector|${region}|${accountId}|${id}`,
  connectorToken: (region: string, accountId: string, id: string, principal: string) => `connector-token|${region}|${accountId}|${id}|${principal}`,
};
