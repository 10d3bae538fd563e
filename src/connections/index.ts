// Connections: authenticating ActionBridge's outbound requests for every
// AuthenticationType, over the one egress path. See connections.ts.
export {
  Connections,
  type ConnectionHealth,
  type ConnectionsDeps,
  type EndUser,
  type OutboundRequest,
  type ResolvedAuth,
  type TestOutcome,
} from './connections.js';
export {
  type CallbackOutcome,
  type DescribeOutcome,
  type FlowCookie,
  type FlowDescription,
  type StartOutcome,
  CALLBACK_PATH,
  START_PATH,
  STATE_TTL_MS,
  redirectUrlProblem,
} from './authorization-code.js';
export { EgressHttpHandler } from '../egress/index.js';
export { roleSessionName, signAwsRequest, type AwsRequest } from './aws.js';
export { AwsClients, MAX_AWS_CLIENTS, type AwsCall, type AwsClientScope } from './aws-clients.js';
export { apiKeyHeaders, schemeFor } from './schemes.js';
export { TokenFailure } from './oauth.js';
export type { TokenKind, TokenObserver, TokenOutcome } from './observe.js';
