// The actions of a connector's resource permissions, as the API names them. Their order is
// stored: action i is bit i of a grant (src/store/grant-bits.ts, table connector_grants).
// Never reorder; a new action goes at the end.
export const CONNECTOR_ACTIONS = [
  'quicksight:DescribeActionConnector',
  'quicksight:UpdateActionConnector',
  'quicksight:DeleteActionConnector',
  'quicksight:DescribeActionConnectorPermissions',
  'quicksight:UpdateActionConnectorPermissions',
  'quicksight:ListActionConnectorActions',
  'quicksight:InvokeActionConnector',
] as const;
export type ConnectorAction = (typeof CONNECTOR_ACTIONS)[number];
