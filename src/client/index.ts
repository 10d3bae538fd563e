// `actionbridge/client`: a typed client for ActionBridge's extension operations
// (ListActionConnectorActions, InvokeAction, TestActionConnector,
// StartActionConnectorAuthorization, DescribeActionConnectorConnection,
// ListActionInvocations) and, for convenience, ListActionConnectors and
// SearchActionConnectors. See docs/guide/client-library.md.
export { ActionBridgeClient, type ActionBridgeClientOptions, type CallOptions, type Credentials, type CredentialsProvider } from './client.js';
export * from './errors.js';
export type * from './types.js';
