// The shapes of the operations the client speaks (PRODUCT.md §1.2 for the extension
// operations; the QuickSight model for ListActionConnectors / SearchActionConnectors).
// Member names are the wire's (PascalCase, as the AWS SDK has them); timestamps are Dates.

/** Every connector-scoped call names the connector; the account defaults to the client's. */
export interface ConnectorInput {
  ActionConnectorId: string;
  /** Default: the client's accountId. */
  AwsAccountId?: string;
}

export interface ResponseMetadata {
  /** The server's request id. */
  RequestId?: string;
}

export interface ActionDescription {
  ActionId: string;
  Name: string;
  Description: string;
  /** JSON Schema of the action's Input. */
  InputSchema: Record<string, unknown>;
  /** Whether the connector has this action enabled (only enabled actions can be invoked). */
  Enabled: boolean;
}

export interface ListActionConnectorActionsOutput extends ResponseMetadata {
  /** Every action of the connector's type, with whether the connector enables it. */
  Actions: ActionDescription[];
  /** Whether the caller may invoke the connector's actions (quicksight:InvokeActionConnector). */
  CallerMayInvoke?: boolean;
}

export interface InvokeActionInput extends ConnectorInput {
  ActionId: string;
  /** The action's input, as its InputSchema describes. */
  Input?: Record<string, unknown>;
}

export interface InvokeActionOutput extends ResponseMetadata {
  /** FAILED when the service answered with an error status; the request itself succeeded. */
  InvokeActionStatus: 'SUCCESS' | 'FAILED';
  HttpStatusCode?: number;
  Output?: unknown;
  /** Set by servers that record invocations: the audit record of this call. */
  InvocationId?: string;
}

export interface TestActionConnectorOutput extends ResponseMetadata {
  Success: boolean;
  Message: string;
  HttpStatusCode?: number;
}

export interface StartActionConnectorAuthorizationOutput extends ResponseMetadata {
  /**
   * ActionBridge's one-time sign-in URL (`…/oauth/start?flow=…`): open it in a browser (the
   * user it was made for only) before ExpiresAt. It shows whose ActionBridge user the sign-in
   * is linked to; its Continue button sets a cookie and goes to the provider, and the sign-in
   * must end in that same browser.
   */
  AuthorizationUrl: string;
  ExpiresAt: Date;
}

export interface ConnectionTestResult {
  Time: Date;
  Success: boolean;
  HttpStatusCode?: number;
  Message: string;
  TestedBy: string;
}

export interface DescribeActionConnectorConnectionOutput extends ResponseMetadata {
  Arn: string;
  ActionConnectorId: string;
  AuthenticationType: string;
  LastTest?: ConnectionTestResult;
  SignedInUsers: number;
  CallerSignedIn?: boolean;
}

export interface PageInput {
  MaxResults?: number;
  NextToken?: string;
}

export interface ListActionInvocationsInput extends ConnectorInput, PageInput {}

export interface ActionInvocation {
  InvocationId: string;
  Time: Date;
  ActionId: string;
  EndUserArn: string;
  InvokeActionStatus: 'SUCCESS' | 'FAILED' | string;
  HttpStatusCode?: number;
  DurationMs?: number;
  /** Any further members the server records (e.g. the client that invoked). */
  [member: string]: unknown;
}

export interface ListActionInvocationsOutput extends ResponseMetadata {
  Invocations: ActionInvocation[];
  NextToken?: string;
}

export interface ListActionConnectorsInput extends PageInput {
  AwsAccountId?: string;
}

export interface ActionConnectorSummary {
  ActionConnectorId: string;
  Arn: string;
  Name: string;
  Type: string;
  Status?: string;
  CreatedTime?: Date;
  LastUpdatedTime?: Date;
  Error?: { Message?: string; Type?: string };
}

export interface ListActionConnectorsOutput extends ResponseMetadata {
  ActionConnectorSummaries: ActionConnectorSummary[];
  NextToken?: string;
}

export interface SearchActionConnectorsInput extends ListActionConnectorsInput {
  Filters: { Name: string; Operator: string; Value: string }[];
}
