// Extension operations (PRODUCT.md §1.2): not in the AWS model, written in its
// style. Each has a hand-written JSON Schema and HTTP binding and is registered
// through registerOperations like the model's operations, so it gets the same
// SigV4 authentication, throttling, validation and error encoding.
import type { Binding, OperationSpec } from './http.js';
import type { RequestContext } from '../domain/types.js';
import { compileSchema } from './validate.js';

/** The path labels every connector-scoped extension operation has, as the model defines them. */
export interface ConnectorRef {
  AwsAccountId: string;
  ActionConnectorId: string;
}

export interface ConnectionTestResult {
  Time: Date;
  Success: boolean;
  HttpStatusCode?: number;
  Message: string;
  /** The user who ran the test. */
  TestedBy: string;
}

export interface ExtensionTypes {
  TestActionConnector: {
    input: ConnectorRef;
    output: { Success: boolean; Message: string; HttpStatusCode?: number };
  };
  StartActionConnectorAuthorization: {
    input: ConnectorRef;
    output: { AuthorizationUrl: string; ExpiresAt: Date };
  };
  DescribeActionConnectorConnection: {
    input: ConnectorRef;
    output: {
      Arn: string;
      ActionConnectorId: string;
      AuthenticationType: string;
      LastTest?: ConnectionTestResult;
      /** Users holding a token for the connector (OAUTH2_AUTHORIZATION_CODE; 0 for other types). */
      SignedInUsers: number;
      /** OAUTH2_AUTHORIZATION_CODE: whether the caller holds one. */
      CallerSignedIn?: boolean;
    };
  };
}

export type ExtensionOperationName = keyof ExtensionTypes;
export type ExtensionOperations = {
  [K in ExtensionOperationName]: (ctx: RequestContext, input: ExtensionTypes[K]['input']) => Promise<ExtensionTypes[K]['output']>;
};

const connectorRefSchema = {
  type: 'object',
  properties: {
    AwsAccountId: { type: 'string', minLength: 12, maxLength: 12, pattern: '^(?:[0-9]{12})$' },
    ActionConnectorId: { type: 'string', minLength: 1, maxLength: 512, pattern: '^(?:[\\w\\-]+)$' },
  },
  required: ['AwsAccountId', 'ActionConnectorId'],
} as const;

const connectorRefBindings: readonly Binding[] = [
  { member: 'AwsAccountId', location: 'uri', locationName: 'AwsAccountId', type: 'string' },
  { member: 'ActionConnectorId', location: 'uri', locationName: 'ActionConnectorId', type: 'string' },
];

const CONNECTOR = '/accounts/{AwsAccountId}/action-connectors/{ActionConnectorId}';

/** HTTP bindings and input schemas of the extension operations. */
export const extensionOperations: Record<ExtensionOperationName, { method: string; uri: string; bindings: readonly Binding[]; schema: object }> = {
  TestActionConnector: { method: 'POST', uri: `${CONNECTOR}/test`, bindings: connectorRefBindings, schema: connectorRefSchema },
  StartActionConnectorAuthorization: { method: 'POST', uri: `${CONNECTOR}/authorize`, bindings: connectorRefBindings, schema: connectorRefSchema },
  DescribeActionConnectorConnection: { method: 'GET', uri: `${CONNECTOR}/connection`, bindings: connectorRefBindings, schema: connectorRefSchema },
};

export function extensionOperationSpecs(handlers: ExtensionOperations): OperationSpec[] {
  return (Object.keys(extensionOperations) as ExtensionOperationName[]).map((name) => {
    const op = extensionOperations[name];
    return {
      name,
      method: op.method,
      uri: op.uri,
      responseCode: 200,
      bindings: op.bindings,
      statusCodeMembers: [],
      validate: compileSchema(`extension:${name}`, op.schema),
      handler: handlers[name] as (ctx: RequestContext, input: never) => Promise<object>,
    };
  });
}
