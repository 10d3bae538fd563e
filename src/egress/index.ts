// The one outbound HTTP path: every request ActionBridge makes to a connector's
// service, a token endpoint or STS goes through an Egress.
export { Egress, type EgressRequest, type EgressResponse, type EgressStreamRequest, type EgressStreamResponse } from './egress.js';
export type { ResponseHold } from './budget.js';
export { EgressError, isEgressError, type EgressErrorReason } from './errors.js';
export { egressDefaults, systemResolver, type EgressConfig, type EgressProfile, type EgressTenant, type ResolvedAddress, type Resolver } from './config.js';
export { AddressPolicy, classify, parseIp, type AddressClass, type AddressVerdict } from './address-policy.js';
export { EgressHttpHandler, type EgressHandlerOptions, type EgressSender } from './aws-http-handler.js';
