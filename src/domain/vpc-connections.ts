// Which accounts (and regions) a configured VPC connection serves (issue 13, finding 3).
// A VPC connection reaches a tenant's private network: only that tenant's connectors
// may name it. The key of egress.vpcConnections is normally the full VpcConnectionArn,
// arn:aws:quicksight:REGION:ACCOUNT:vpcConnection/ID, and then it serves that account
// in that region; `accounts` and `regions` in its configuration add more. A key that is
// not an ARN must list its `accounts` (and serves every region unless it lists `regions`).
// Any other caller is told, in the same words, what it would be told of a VPC connection
// that is not configured at all.
import type { ConnectorRecord } from './types.js';

/** What this module reads of a configured VPC connection (config.ts's VpcConnectionConfig has these members). */
export interface VpcConnectionTenancyConfig {
  accounts?: string[];
  regions?: string[];
}

/** The account and region a request is made for (egress's EgressTenant has this shape). */
export interface Tenant {
  accountId: string;
  region: string;
}

const VPC_CONNECTION_ARN = /^arn:aws[a-z-]*:quicksight:([a-z]{2}(?:-[a-z]+)+-\d+):(\d{12}):vpcConnection\/[^/\s]+$/;

export interface VpcTenancy {
  accounts: string[];
  /** Undefined: every region. */
  regions?: string[];
}

/** The accounts and regions a VPC connection serves; none when its key is not an ARN and it lists no accounts. */
export function vpcTenancy(arn: string, vpc: VpcConnectionTenancyConfig): VpcTenancy {
  const m = VPC_CONNECTION_ARN.exec(arn);
  const accounts = [...new Set([...(m ? [m[2]!] : []), ...(vpc.accounts ?? [])])];
  if (m) return { accounts, regions: [...new Set([m[1]!, ...(vpc.regions ?? [])])] };
  return vpc.regions ? { accounts, regions: [...vpc.regions] } : { accounts };
}

/** Why this entry of egress.vpcConnections cannot be used, if it cannot (a start-up error). */
export function vpcConfigProblem(arn: string, vpc: VpcConnectionTenancyConfig): string | undefined {
  if (arn.startsWith('arn:') && !VPC_CONNECTION_ARN.test(arn)) {
    return `'${arn}' is not a VPC connection ARN (arn:aws:quicksight:REGION:ACCOUNT:vpcConnection/ID)`;
  }
  if (!VPC_CONNECTION_ARN.test(arn) && !vpc.accounts?.length) {
    return `'${arn}' names no account: use the full VpcConnectionArn as its key, or list the accounts it serves (accounts: ["111122223333"])`;
  }
  return undefined;
}

/** Whether the VPC connection `arn` is configured and serves this account in this region. */
export function vpcServes(vpcs: Record<string, VpcConnectionTenancyConfig>, arn: string, tenant: Tenant): boolean {
  if (!Object.hasOwn(vpcs, arn)) return false;
  const t = vpcTenancy(arn, vpcs[arn]!);
  return t.accounts.includes(tenant.accountId) && (t.regions === undefined || t.regions.includes(tenant.region));
}

/** The VPC connections this account may use in this region (the console lists only these). */
export function vpcConnectionsFor(vpcs: Record<string, VpcConnectionTenancyConfig>, tenant: Tenant): string[] {
  return Object.keys(vpcs).filter((arn) => vpcServes(vpcs, arn, tenant));
}

/** The egress profile and tenant of a connector's outbound requests (spread into an EgressRequest). */
export function egressRoute(rec: Pick<ConnectorRecord, 'accountId' | 'region' | 'vpcConnectionArn'>): { profile?: string; tenant?: Tenant } {
  return rec.vpcConnectionArn ? { profile: rec.vpcConnectionArn, tenant: { accountId: rec.accountId, region: rec.region } } : {};
}
