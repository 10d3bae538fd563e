// Issue 13, finding 3: a VPC connection belongs to an account (and region). Two
// accounts share one server; account A has a VPC connection (through a CONNECT proxy)
// to a private upstream that nothing else reaches. Account B's AUTHOR names A's VPC
// connection at Create and at Update (refused exactly as an unknown one, nothing
// created or changed), gets a connector of B pointing at it into the database
// (refused at invocation, A's upstream and proxy receive nothing), and reads the
// console's metadata (A's VPC connection is not listed).
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlStore } from '../src/store/sql-store.js';
import { resolveConfig } from '../src/config.js';
import { ACCOUNT, ADMIN, OTHER_ACCOUNT, qs, type TestUser } from './helpers.js';
import { actionsApi } from './support/actions.js';
import { type ConnEnv, startConnEnv } from './support/conn-env.js';
import { startConnectProxy, type TestConnectProxy } from './support/connect-proxy.js';
import { ConsoleClient } from './support/console.js';
import { connectorOps } from './support/extension-client.js';
import { startHttpsServer, type TestHttpsServer } from './support/https-server.js';
import { createTestCa } from './support/tls.js';

const VPC_A = `arn:aws:quicksight:us-east-1:${ACCOUNT}:vpcConnection/vpc-tenant-a`;
const VPC_B = `arn:aws:quicksight:us-east-1:${OTHER_ACCOUNT}:vpcConnection/vpc-tenant-b`;
const UNKNOWN = `arn:aws:quicksight:us-east-1:${OTHER_ACCOUNT}:vpcConnection/vpc-nowhere`;

let env: ConnEnv;
let inside: TestHttpsServer; // 127.0.0.2: A's private network, reachable only through VPC_A's proxy
let proxy: TestConnectProxy;
let requestsInside = 0;
let authorA: TestUser;
let authorB: TestUser;

const none = (base: string): qs.AuthConfig => ({ AuthenticationType: 'NONE', AuthenticationMetadata: { NoneConnectionMetadata: { BaseEndpoint: base } } });
const insideBase = () => `https://127.0.0.2:${inside.port}/private`;

function client(user: TestUser) {
  return env.t.client(user);
}

async function failure(p: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode };
  }
  throw new Error('expected a failure');
}

const createIn = (account: string, id: string, vpc?: string) =>
  new qs.CreateActionConnectorCommand({
    AwsAccountId: account,
    ActionConnectorId: id,
    Name: id,
    Type: 'GENERIC_HTTP',
    AuthenticationConfig: none(insideBase()),
    ...(vpc ? { VpcConnectionArn: vpc } : {}),
  });

beforeAll(async () => {
  const ca = createTestCa();
  const handler: http.RequestListener = (_req, res) => {
    requestsInside++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"tenant":"A"}');
  };
  inside = await startHttpsServer({ cert: ca.issue({ ips: ['127.0.0.2'] }), handler, host: '127.0.0.2' });
  proxy = await startConnectProxy();
  env = await startConnEnv(
    {
      vpcConnections: {
        [VPC_A]: { allowCidrs: ['127.0.0.2/32'], proxy: proxy.url },
        [VPC_B]: { allowCidrs: ['127.0.0.3/32'] },
      },
    },
    ca,
  );
  authorA = await env.t.addUser('author-a', 'AUTHOR');
  authorB = await env.t.addUser('author-b', 'AUTHOR', [], OTHER_ACCOUNT);
});
afterAll(async () => {
  await env?.t.stop();
  await Promise.all([inside?.close(), proxy?.close()]);
});

describe('VPC connections belong to accounts', () => {
  it("account A's own connector reaches A's private upstream through A's VPC connection (the control)", async () => {
    await client(authorA).send(createIn(ACCOUNT, 'a-private', VPC_A));
    const r = await actionsApi(env.t.endpoint, ACCOUNT).invoke(authorA, 'a-private', 'HttpRequest', { Method: 'GET', Path: 'x' });
    expect(r.status).toBe(200);
    expect(requestsInside).toBe(1);
    expect(proxy.tunnels).toHaveLength(1);
  });

  it("Create in account B naming A's VPC connection: the very error of an unknown VPC connection, nothing created", async () => {
    const foreign = await failure(client(authorB).send(createIn(OTHER_ACCOUNT, 'b-steal', VPC_A)));
    const unknown = await failure(client(authorB).send(createIn(OTHER_ACCOUNT, 'b-unknown', UNKNOWN)));
    expect(foreign).toEqual(unknown);
    expect(foreign.status).toBe(400);
    expect(foreign.name).toBe('InvalidParameterValueException');
    expect(foreign.message).toContain("'vpcConnectionArn'");
    expect(foreign.message).not.toContain('vpc-tenant-a');
    expect(await env.t.server.store.connectors.getConnector({ region: 'us-east-1', accountId: OTHER_ACCOUNT, id: 'b-steal' })).toBeUndefined();
    // B's own VPC connection is accepted.
    await client(authorB).send(createIn(OTHER_ACCOUNT, 'b-own', VPC_B));
  });

  it("Update in account B naming A's VPC connection: the same error, the connector unchanged", async () => {
    await client(authorB).send(createIn(OTHER_ACCOUNT, 'b-plain'));
    const before = (await client(authorB).send(new qs.DescribeActionConnectorCommand({ AwsAccountId: OTHER_ACCOUNT, ActionConnectorId: 'b-plain' })))
      .ActionConnector;
    const update = (vpc: string) =>
      client(authorB).send(
        new qs.UpdateActionConnectorCommand({
          AwsAccountId: OTHER_ACCOUNT,
          ActionConnectorId: 'b-plain',
          Name: 'renamed',
          AuthenticationConfig: none(insideBase()),
          VpcConnectionArn: vpc,
        }),
      );
    const foreign = await failure(update(VPC_A));
    expect(foreign).toEqual(await failure(update(UNKNOWN)));
    expect(foreign.name).toBe('InvalidParameterValueException');
    const after = (await client(authorB).send(new qs.DescribeActionConnectorCommand({ AwsAccountId: OTHER_ACCOUNT, ActionConnectorId: 'b-plain' })))
      .ActionConnector;
    expect(after).toEqual(before);
    expect(after?.VpcConnectionArn).toBeUndefined();
  });

  it("a stored connector of account B that names A's VPC connection (a database edit) is refused at invocation; A's network receives nothing", async () => {
    await client(authorB).send(createIn(OTHER_ACCOUNT, 'b-edited'));
    await (env.t.server.store as SqlStore).db
      .updateTable('connectors')
      .set({ vpc_connection_arn: VPC_A })
      .where('account_id', '=', OTHER_ACCOUNT)
      .where('connector_id', '=', 'b-edited')
      .execute();
    const seen = requestsInside;
    const tunnels = proxy.tunnels.length;
    const connections = inside.connections.total;

    const r = await actionsApi(env.t.endpoint, OTHER_ACCOUNT).invoke(authorB, 'b-edited', 'HttpRequest', { Method: 'GET', Path: 'x' });
    // Refused as for a VPC connection that is not configured (the ARN is the connector's own member).
    expect(r.body).toMatchObject({
      InvokeActionStatus: 'FAILED',
      Output: { Reason: 'unknown-profile', Message: `No VPC connection is configured for ${VPC_A}` },
    });
    expect(r.raw).not.toContain('"tenant"');
    const t = await connectorOps(env.t.endpoint, OTHER_ACCOUNT, 'b-edited').test(authorB);
    expect(t.body.Success).toBe(false);
    expect(t.body.Message).toContain('No VPC connection is configured');

    expect(requestsInside).toBe(seen);
    expect(proxy.tunnels.length).toBe(tunnels);
    expect(inside.connections.total).toBe(connections);
  });

  it("the console lists only the caller's account's VPC connections", async () => {
    const b = new ConsoleClient(env.t.endpoint);
    expect((await b.signIn({ AccessKeyId: authorB.accessKeyId, SecretAccessKey: authorB.secretAccessKey })).status).toBe(200);
    const metaB = await b.request('GET', '/console/api/meta');
    expect(metaB.status).toBe(200);
    expect(metaB.body.VpcConnectionArns).toEqual([VPC_B]);
    expect(JSON.stringify(metaB.body)).not.toContain('vpc-tenant-a');
    const a = new ConsoleClient(env.t.endpoint);
    await a.signIn({ AccessKeyId: ADMIN.accessKeyId, SecretAccessKey: ADMIN.secretAccessKey });
    expect((await a.request('GET', '/console/api/meta')).body.VpcConnectionArns).toEqual([VPC_A]);
  });
});

describe('VPC connection configuration', () => {
  const vpcEnv = (v: unknown) => ({ ACTIONBRIDGE_VPC_CONNECTIONS: JSON.stringify(v) });
  it('a full ARN serves its own account and region; accounts and regions widen it; a key that is not an ARN must list accounts', () => {
    expect(
      resolveConfig({}, vpcEnv({ [VPC_A]: { allowCidrs: ['10.0.0.0/8'], accounts: [OTHER_ACCOUNT], regions: ['eu-west-1'] } })).vpcConnections[VPC_A],
    ).toEqual({ allowCidrs: ['10.0.0.0/8'], accounts: [OTHER_ACCOUNT], regions: ['eu-west-1'] });
    expect(() => resolveConfig({}, vpcEnv({ 'vpc-a': { allowCidrs: ['10.0.0.0/8'] } }))).toThrow(/'vpc-a' names no account/);
    expect(resolveConfig({}, vpcEnv({ 'vpc-a': { allowCidrs: ['10.0.0.0/8'], accounts: [ACCOUNT] } })).vpcConnections['vpc-a']).toBeDefined();
    expect(() => resolveConfig({}, vpcEnv({ 'arn:aws:quicksight:us-east-1:1234:vpcConnection/x': { allowCidrs: ['10.0.0.0/8'] } }))).toThrow(
      /is not a VPC connection ARN/,
    );
    expect(() => resolveConfig({}, vpcEnv({ [VPC_A]: { allowCidrs: ['10.0.0.0/8'], accounts: ['12'] } }))).toThrow(/accounts/);
    expect(() => resolveConfig({}, vpcEnv({ [VPC_A]: { allowCidrs: ['10.0.0.0/8'], regions: ['Mars'] } }))).toThrow(/regions/);
  });
});
