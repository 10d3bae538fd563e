// Extension operations (PRODUCT.md §1.2): not in the AWS model, written in its
// style. Each has a hand-written JSON Schema and HTTP binding and is registered
// through registerOperations like the model's operations, so it gets the same
// SigV4 authentication, throttling, validation and error encoding.
import type { Binding, OperationSpec } from './http.js';
import type { RequestContext } from '../domain/types.js';
import { compileSchema, validatorWithMembers } from './validate.js';
import type { OperationName } from './generated/model.js';

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

/** One action of a connector's type, as ListActionConnectorActions describes it. */
export interface ActionDescription {
  ActionId: string;
  Name: string;
  Description: string;
  /** JSON Schema of the action's Input. */
  InputSchema: object;
  /** Whether the connector enables it (EnabledActions): only enabled actions can be invoked. */
  Enabled: boolean;
}

/** One record of the audit trail, as ListActionInvocations returns it. */
export interface ActionInvocation {
  InvocationId: string;
  Time: Date;
  ActionId: string;
  EndUserArn: string;
  InvokeActionStatus: 'SUCCESS' | 'FAILED';
  /** The upstream's HTTP status; absent when nothing answered (or nothing was sent). */
  HttpStatusCode?: number;
  DurationMs: number;
  /** Requests sent for the action, retries included (0: none was sent). */
  Attempts: number;
  /** Why a FAILED invocation has no upstream status: the error answered, or `Egress.<reason>`. */
  ErrorCode?: string;
  /** The program that acted for the user, when it said: an MCP client (`mcp:<name>/<version>`) or the `x-actionbridge-client` header. */
  Client?: string;
}

export interface ExtensionTypes {
  ListActionConnectorActions: {
    input: ConnectorRef;
    /** CallerMayInvoke (non-standard): whether the caller holds quicksight:InvokeActionConnector on the connector. */
    output: { Actions: ActionDescription[]; CallerMayInvoke?: boolean };
  };
  InvokeAction: {
    input: ConnectorRef & { ActionId: string; Input?: Record<string, unknown> };
    output: {
      InvokeActionStatus: 'SUCCESS' | 'FAILED';
      /** The upstream's status; absent when nothing answered (the egress refused, timed out, TLS failed). */
      HttpStatusCode?: number;
      Output: unknown;
      /** The audit record of this invocation (ListActionInvocations). */
      InvocationId: string;
    };
  };
  ListActionInvocations: {
    input: ConnectorRef & { MaxResults?: number; NextToken?: string };
    output: { Invocations: ActionInvocation[]; NextToken?: string };
  };
  TestActionConnector: {
    input: ConnectorRef;
    output: { Success: boolean; Message: string; HttpStatusCode?: number };
  };
  StartActionConnectorAuthorization: {
    input: ConnectorRef;
    /** AuthorizationUrl: ActionBridge's one-time /oauth/start URL (it sets the browser's binding cookie, then redirects to the provider). */
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

/** The model's ActionId (a pattern only) and ActionIdList (at most 100) shapes, which its input shapes do not reach. */
const ACTION_ID = { type: 'string', minLength: 1, pattern: '^(?:[\\w@:_.,!?+\\-/]+)$' } as const;
export const actionIdListSchema = { type: 'array', maxItems: 100, items: ACTION_ID } as const;

const invokeActionSchema = {
  type: 'object',
  properties: { ...connectorRefSchema.properties, ActionId: ACTION_ID, Input: { type: 'object' } },
  required: ['AwsAccountId', 'ActionConnectorId', 'ActionId'],
} as const;

const listInvocationsSchema = {
  type: 'object',
  properties: { ...connectorRefSchema.properties, MaxResults: { type: 'integer', minimum: 1, maximum: 100 }, NextToken: { type: 'string' } },
  required: ['AwsAccountId', 'ActionConnectorId'],
} as const;

/**
 * The largest InvokeAction body: an action's binary content travels as base64 in the
 * Input (the largest catalog limit, 5 MiB, is 6.7 MiB of base64; test/actions-connectors
 * checks every catalog fits), with room for the rest of the input.
 */
export const INVOKE_BODY_LIMIT = 8 * 1024 * 1024;

/** HTTP bindings and input schemas of the extension operations. */
export const extensionOperations: Record<ExtensionOperationName, { method: string; uri: string; bindings: readonly Binding[]; schema: object; bodyLimit?: number }> = {
  TestActionConnector: { method: 'POST', uri: `${CONNECTOR}/test`, bindings: connectorRefBindings, schema: connectorRefSchema },
  StartActionConnectorAuthorization: { method: 'POST', uri: `${CONNECTOR}/authorize`, bindings: connectorRefBindings, schema: connectorRefSchema },
  DescribeActionConnectorConnection: { method: 'GET', uri: `${CONNECTOR}/connection`, bindings: connectorRefBindings, schema: connectorRefSchema },
  ListActionConnectorActions: { method: 'GET', uri: `${CONNECTOR}/actions`, bindings: connectorRefBindings, schema: connectorRefSchema },
  InvokeAction: {
    method: 'POST',
    uri: `${CONNECTOR}/actions/{ActionId}/invoke`,
    bindings: [
      ...connectorRefBindings,
      { member: 'ActionId', location: 'uri', locationName: 'ActionId', type: 'string' },
      { member: 'Input', location: 'body', locationName: 'Input', type: 'structure' },
    ],
    schema: invokeActionSchema,
    bodyLimit: INVOKE_BODY_LIMIT,
  },
  ListActionInvocations: {
    method: 'GET',
    uri: `${CONNECTOR}/invocations`,
    bindings: [
      ...connectorRefBindings,
      { member: 'MaxResults', location: 'querystring', locationName: 'max-results', type: 'integer' },
      { member: 'NextToken', location: 'querystring', locationName: 'next-token', type: 'string' },
    ],
    schema: listInvocationsSchema,
  },
};

/**
 * Non-standard members that model operations also accept in their JSON body
 * (PRODUCT.md §1.2): `EnabledActions` on Create and Update, as the QuickSight user
 * guide's CLI examples send it (the official SDK does not). Each is a JSON Schema
 * merged into the operation's model input schema and bound to the body, so it is
 * validated like every model member instead of being dropped as unknown.
 */
export const extraBodyMembers: Partial<Record<OperationName, Record<string, object>>> = {
  CreateActionConnector: { EnabledActions: actionIdListSchema },
  UpdateActionConnector: { EnabledActions: actionIdListSchema },
};

/** The members `extraBodyMembers` adds, typed for the operations that read them. */
export interface ExtraBodyMembers {
  /** The action ids the connector enables (default: the type's whole catalog). */
  EnabledActions?: string[];
}

/** The model's operation specs with the extra body members bound and validated. */
export function withExtraBodyMembers(specs: OperationSpec[]): OperationSpec[] {
  return specs.map((spec) => {
    const extra = extraBodyMembers[spec.name as OperationName];
    if (!extra) return spec;
    const bindings: Binding[] = Object.keys(extra).map((member) => ({ member, location: 'body', locationName: member, type: 'list' }));
    return { ...spec, bindings: [...spec.bindings, ...bindings], validate: validatorWithMembers(spec.name as OperationName, extra) };
  });
}

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
      ...(op.bodyLimit !== undefined ? { bodyLimit: op.bodyLimit } : {}),
    };
  });
}
