// Several ActionBridge nodes (bin/actionbridge serve child processes) on one PostgreSQL
// schema, as a deployment behind a load balancer runs them: each its own process and
// port, one database, one master key.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { ADMIN, REGION, qs, startChildServer, tempDir, type Creds } from '../helpers.js';
import { createSchema, type TestSchema } from './pg-store.js';

export type Node = Awaited<ReturnType<typeof startChildServer>> & { name: string; client(creds?: Creds): qs.QuickSightClient };

export interface Cluster {
  schema: TestSchema;
  dataDir: string;
  masterKey?: string;
  nodes: Node[];
  /** Starts one more node on the cluster's database. */
  add(extraArgs?: string[], env?: NodeJS.ProcessEnv): Promise<Node>;
  /** The nodes in turn, as a round-robin load balancer hands requests out. */
  next(): Node;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  nodes: number;
  /** The master key: one in ACTIONBRIDGE_MASTER_KEY for every node (default), or 'file': master.keys in the shared data dir. */
  key?: 'env' | 'file';
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Start the nodes at once (default) or one after another. */
  together?: boolean;
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const schema = await createSchema('mn');
  const dataDir = tempDir('ab-pg-nodes-');
  const masterKey = opts.key === 'file' ? undefined : randomBytes(32).toString('base64');
  const nodes: Node[] = [];
  const clients: qs.QuickSightClient[] = [];
  const baseEnv: NodeJS.ProcessEnv = {
    ACTIONBRIDGE_LOG_LEVEL: 'warn',
    ACTIONBRIDGE_PG_POOL_SIZE: '4',
    ...(masterKey ? { ACTIONBRIDGE_MASTER_KEY: masterKey } : {}),
    ...opts.env,
  };
  let n = 0;
  const add = async (extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Node> => {
    const name = `node${++n}`;
    const ch = await startChildServer(dataDir, ['--database-url', schema.url, ...(opts.args ?? []), ...extraArgs], { ...baseEnv, ...env });
    const node: Node = Object.assign(ch, {
      name,
      client(creds: Creds = ADMIN) {
        const c = new qs.QuickSightClient({ region: REGION, endpoint: ch.endpoint, credentials: creds, maxAttempts: 1 });
        clients.push(c);
        return c;
      },
    });
    nodes.push(node);
    return node;
  };
  if (opts.together === false) {
    for (let i = 0; i < opts.nodes; i++) await add();
  } else {
    await Promise.all(Array.from({ length: opts.nodes }, () => add()));
  }
  let turn = 0;
  return {
    schema,
    dataDir,
    masterKey,
    nodes,
    add,
    next: () => {
      const live = nodes.filter((x) => x.child.exitCode === null && x.child.signalCode === null);
      return live[turn++ % live.length]!;
    },
    async stop() {
      for (const c of clients) c.destroy();
      await Promise.all(
        nodes.map(async (x) => {
          if (x.child.exitCode !== null || x.child.signalCode !== null) return;
          x.child.kill('SIGTERM');
          await x.exited();
        }),
      );
      await schema.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
