// Master-key rotation while every node of a PostgreSQL deployment serves (issue 7).
// The nodes share a data dir holding master.keys (started at once: they must agree on
// the one key the first of them creates). `keys rotate --database-url ... --data-dir ...`
// runs while writes and reads go to all nodes; then `keys retire`. No request fails,
// and at the end every secret in the database opens with the one key left.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyRing } from '../src/crypto/keyring.js';
import { openStore } from '../src/store/open.js';
import { ACCOUNT, BIN, basicAuth, createInput, qs } from './helpers.js';
import { PG_SKIP_REASON, PG_URL } from './support/pg-store.js';
import { startCluster, type Cluster } from './support/pg-nodes.js';
import { sealedSecrets } from '../src/crypto/sealed-secrets.js';

const execFileP = promisify(execFile);
const d = PG_URL ? describe : describe.skip;

d(PG_URL ? 'key rotation while three nodes serve' : PG_SKIP_REASON, () => {
  let c: Cluster;
  beforeAll(async () => {
    c = await startCluster({ nodes: 3, key: 'file' });
  });
  afterAll(async () => {
    await c?.stop();
  });

  const keyLines = () =>
    readFileSync(path.join(c.dataDir, 'master.keys'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));

  it('nodes started at once on one data dir share the one master key they created', async () => {
    expect(keyLines()).toHaveLength(1);
    // A secret sealed by one node opens on another: the admin key (sealed at bootstrap by
    // whichever node came first) is accepted by all.
    for (const n of c.nodes) await n.client().send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
  });

  it('rotate and retire under load: no failed request, every secret under the new key, every node still serving', async () => {
    for (let i = 0; i < 20; i++)
      await c
        .next()
        .client()
        .send(new qs.CreateActionConnectorCommand(createInput(`rot-${i}`, { AuthenticationConfig: basicAuth(`pw-before-${i}`) })));
    const clients = c.nodes.map((n) => n.client());
    const errors: string[] = [];
    let stop = false;
    let ops = 0;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const cl = clients[(w + i) % clients.length]!;
        try {
          if (i % 3 === 0) {
            await cl.send(new qs.CreateActionConnectorCommand(createInput(`rot-new-${w}-${i}`, { AuthenticationConfig: basicAuth(`pw-new-${w}-${i}`) })));
          } else if (i % 3 === 1) {
            await cl.send(
              new qs.UpdateActionConnectorCommand({
                AwsAccountId: ACCOUNT,
                ActionConnectorId: `rot-${(w * 7 + i) % 20}`,
                Name: `Updated ${w} ${i}`,
                AuthenticationConfig: basicAuth(`pw-upd-${w}-${i}`),
              }),
            );
          } else {
            await cl.send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT, MaxResults: 5 }));
          }
          ops++;
        } catch (e) {
          errors.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
      }
    };
    const workers = Array.from({ length: 6 }, (_v, w) => worker(w));
    const before = keyLines();
    const rotated = JSON.parse((await execFileP(BIN, ['keys', 'rotate', '--database-url', c.schema.url, '--data-dir', c.dataDir])).stdout);
    expect(rotated.Remaining).toBe(0);
    expect(rotated.Resealed).toBeGreaterThan(20);
    expect(keyLines()).toHaveLength(2);
    expect(keyLines()[1]).toBe(before[0]);
    // The nodes follow the new key file within a second; retire re-seals what they wrote meanwhile first.
    await new Promise((r) => setTimeout(r, 1500));
    const retired = JSON.parse((await execFileP(BIN, ['keys', 'retire', '--database-url', c.schema.url, '--data-dir', c.dataDir])).stdout);
    expect(retired.Retired).toHaveLength(1);
    expect(keyLines()).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1500));
    stop = true;
    await Promise.all(workers);
    expect(errors).toEqual([]);
    expect(ops).toBeGreaterThan(50);

    // Every secret in the database opens with the one key left.
    const keys = KeyRing.load({ dataDir: c.dataDir, create: false });
    expect(keys.keyIds).toEqual([rotated.ActiveKeyId]);
    const store = await openStore({ dataDir: c.dataDir, databaseUrl: c.schema.url, postgres: { poolSize: 1 } });
    try {
      const secrets = await sealedSecrets(store);
      expect(secrets.length).toBeGreaterThan(20);
      for (const s of secrets) expect(() => keys.open(s.sealed, s.aad)).not.toThrow();
    } finally {
      await store.close();
    }
    // Every node still serves, writes included, with the new key.
    for (const [i, cl] of clients.entries()) {
      await cl.send(new qs.CreateActionConnectorCommand(createInput(`rot-after-${i}`, { AuthenticationConfig: basicAuth(`pw-after-${i}`) })));
    }
    for (const n of c.nodes) expect(n.output()).not.toMatch(/internal failure/);
  });
});
