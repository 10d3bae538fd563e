// The server's Egress, built from its configuration: --egress-allow CIDRs,
// --ca-file, and the VPC connections of the config file (keyed by the
// VpcConnectionArn that connectors name).
import { errorMessage } from '../error-text.js';
import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { vpcTenancy } from '../domain/vpc-connections.js';
import {
  Egress,
  type EgressProfile,
  type EgressRequest,
  type EgressResponse,
  type EgressStreamRequest,
  type EgressStreamResponse,
  isEgressError,
  type EgressError,
} from '../egress/index.js';

/** An Egress that tells `onError` of every request it refuses or that fails (metrics), then rethrows. */
class ObservedEgress extends Egress {
  constructor(
    options: ConstructorParameters<typeof Egress>[0],
    private readonly onError: (err: EgressError) => void,
  ) {
    super(options);
  }

  override async request(req: EgressRequest): Promise<EgressResponse> {
    try {
      return await super.request(req);
    } catch (err) {
      if (isEgressError(err)) this.onError(err);
      throw err;
    }
  }

  override async stream(req: EgressStreamRequest): Promise<EgressStreamResponse> {
    try {
      return await super.stream(req);
    } catch (err) {
      if (isEgressError(err)) this.onError(err);
      throw err;
    }
  }
}

export function egressFromConfig(config: Config, onError?: (err: EgressError) => void): Egress {
  let caPems: string[] = [];
  if (config.caFile) {
    try {
      caPems = [readFileSync(config.caFile, 'utf8')];
    } catch (e) {
      throw new Error(`cannot read the CA file ${config.caFile}: ${errorMessage(e)}`);
    }
  }
  const vpcProfiles: Record<string, EgressProfile> = {};
  for (const [arn, vpc] of Object.entries(config.vpcConnections)) {
    // Each serves only its own accounts and regions: a request for another tenant is refused.
    const { accounts, regions } = vpcTenancy(arn, vpc);
    vpcProfiles[arn] = {
      id: arn.split('/').pop() ?? arn,
      allowCidrs: vpc.allowCidrs,
      ...(vpc.proxy ? { proxy: vpc.proxy } : {}),
      accounts,
      ...(regions ? { regions } : {}),
    };
  }
  const options = {
    allowCidrs: config.egressAllow,
    caPems,
    vpcProfiles,
    ...(config.egressMaxBufferedBytes ? { maxBufferedBytes: config.egressMaxBufferedBytes } : {}),
    ...(config.egressTimeoutMs ? { totalTimeoutMs: config.egressTimeoutMs } : {}),
    dnsCacheMs: config.egressDnsCacheMs,
  };
  return onError ? new ObservedEgress(options, onError) : new Egress(options);
}
