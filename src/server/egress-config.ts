// The server's Egress, built from its configuration: --egress-allow CIDRs,
// --ca-file, and the VPC connections of the config file (keyed by the
// VpcConnectionArn that connectors name).
import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { Egress, type EgressProfile } from '../egress/index.js';

export function egressFromConfig(config: Config): Egress {
  let caPems: string[] = [];
  if (config.caFile) {
    try {
      caPems = [readFileSync(config.caFile, 'utf8')];
    } catch (e) {
      throw new Error(`cannot read the CA file ${config.caFile}: ${(e as Error).message}`);
    }
  }
  const vpcProfiles: Record<string, EgressProfile> = {};
  for (const [arn, vpc] of Object.entries(config.vpcConnections)) {
    vpcProfiles[arn] = { id: arn.split('/').pop() ?? arn, allowCidrs: vpc.allowCidrs, ...(vpc.proxy ? { proxy: vpc.proxy } : {}) };
  }
  return new Egress({ allowCidrs: config.egressAllow, caPems, vpcProfiles });
}
