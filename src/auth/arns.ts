// ARNs ActionBridge issues and accepts.
export const connectorArn = (region: string, accountId: string, id: string) => `arn:aws:quicksight:${region}:${accountId}:action-connector/${id}`;
export const userArn = (region: string, accountId: string, name: string) => `arn:aws:quicksight:${region}:${accountId}:user/default/${name}`;
export const groupArn = (region: string, accountId: string, name: string) => `arn:aws:quicksight:${region}:${accountId}:group/default/${name}`;

const CONNECTOR_ARN = /^arn:aws:quicksight:([a-z0-9-]+):(\d{12}):action-connector\/([\w-]+)$/;
export function parseConnectorArn(arn: string): { region: string; accountId: string; id: string } | undefined {
  const m = CONNECTOR_ARN.exec(arn);
  return m ? { region: m[1]!, accountId: m[2]!, id: m[3]! } : undefined;
}

const PRINCIPAL_ARN = /^arn:aws:quicksight:([a-z0-9-]+):(\d{12}):(user|group)\/([^/]+)\/([^/]+)$/;
export function parsePrincipalArn(arn: string): { region: string; accountId: string; kind: 'user' | 'group'; namespace: string; name: string } | undefined {
  const m = PRINCIPAL_ARN.exec(arn);
  return m ? { region: m[1]!, accountId: m[2]!, kind: m[3] as 'user' | 'group', namespace: m[4]!, name: m[5]! } : undefined;
}

/** User and group names as QuickSight allows them. */
export const PRINCIPAL_NAME = /^[\w+=,.@-]{1,128}$/;
export const ACCOUNT_ID = /^\d{12}$/;
