// The shapes of the operations the client speaks, by the names the client has always
// exported. Each is generated from the models (model/actionbridge-extensions.model.json
// for the extension operations, the QuickSight model for ListActionConnectors /
// SearchActionConnectors): src/protocol/generated/types.ts. Member names are the wire's
// (PascalCase, as the AWS SDK has them); timestamps are Dates; AwsAccountId defaults to
// the client's account.
import type { ClientInput, ClientOutput } from '../protocol/generated/types.js';

export type {
  ActionConnectorSummary,
  ActionDescription,
  ActionExample,
  ActionGrant,
  ActionInvocation,
  ActionRequirements,
  ConnectionTestResult,
} from '../protocol/generated/types.js';

/** Every connector-scoped call names the connector; the account defaults to the client's. */
export type ConnectorInput = ClientInput<'TestActionConnector'>;

export interface ResponseMetadata {
  /** The server's request id. */
  RequestId?: string;
}

export type PageInput = Pick<ClientInput<'ListActionInvocations'>, 'MaxResults' | 'NextToken'>;

export type ListActionConnectorActionsOutput = ClientOutput<'ListActionConnectorActions'>;
export type InvokeActionInput = ClientInput<'InvokeAction'>;
export type InvokeActionOutput = ClientOutput<'InvokeAction'>;
export type TestActionConnectorOutput = ClientOutput<'TestActionConnector'>;
export type StartActionConnectorAuthorizationOutput = ClientOutput<'StartActionConnectorAuthorization'>;
export type DescribeActionConnectorConnectionOutput = ClientOutput<'DescribeActionConnectorConnection'>;
export type ListActionInvocationsInput = ClientInput<'ListActionInvocations'>;
export type ListActionInvocationsOutput = ClientOutput<'ListActionInvocations'>;
export type ListActionConnectorsInput = ClientInput<'ListActionConnectors'>;
export type ListActionConnectorsOutput = ClientOutput<'ListActionConnectors'>;
export type SearchActionConnectorsInput = ClientInput<'SearchActionConnectors'>;
export type { ClientInput, ClientOutput, ClientOperationName } from '../protocol/generated/types.js';
