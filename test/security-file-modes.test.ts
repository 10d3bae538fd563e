// Issue 13, finding 9 / requirement 7: the data dir is 0700 and the database files
// (actionbridge.db and SQLite's -wal and -shm), the master key file and backups are
// 0600, whatever the umask; a data dir left readable by an older version is tightened
// on start, and the log says so. The attack: another local user reads the database
// file (sealed secrets, audit, users) or the master key beside it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, qs, ACCOUNT, startTestServer, tempDir } from './helpers.js';

const run = promisify(execFile);
const mode = (f: string) => statSync(f).mode & 0o777;
const FILES = ['actionbridge.db', 'actionbridge.db-wal', 'actionbridge.db-shm', 'master.keys'];

async function write(t: Awaited<ReturnType<typeof startTestServer>>, id: string) {
  await t.client().send(
    new qs.CreateActionConnectorCommand({
      AwsAccountId: ACCOUNT,
      ActionConnectorId: id,
      Name: id,
      Type: 'GENERIC_HTTP',
      AuthenticationConfig: {
        AuthenticationType: 'API_KEY',
        AuthenticationMetadata: { ApiKeyConnectionMetadata: { BaseEndpoint: 'https://api.example.com', ApiKey: 'file-mode-key-1234' } },
      },
    }),
  );
}

describe.skipIf(process.platform === 'win32')('data dir file modes', () => {
  it('a fresh data dir is 0700 and its database, WAL, SHM, key file and backups 0600, even with umask 000', async () => {
    const dir = path.join(tempDir('ab-sec-modes-'), 'data');
    const old = process.umask(0);
    try {
      const t = await startTestServer({ dataDir: dir });
      try {
        await write(t, 'modes-1');
        expect(mode(dir)).toBe(0o700);
        for (const f of FILES) {
          expect(existsSync(path.join(dir, f)), f).toBe(true);
          expect(mode(path.join(dir, f)), f).toBe(0o600);
        }
        // A backup taken while the server runs (the CLI inherits the umask).
        const backup = path.join(tempDir('ab-sec-modes-bk-'), 'snap.db');
        await run(BIN, ['backup', backup, '--data-dir', dir], { encoding: 'utf8' });
        expect(mode(backup)).toBe(0o600);
        // After a checkpoint SQLite may make the WAL again: still private.
        await write(t, 'modes-2');
        for (const f of FILES) if (existsSync(path.join(dir, f))) expect(mode(path.join(dir, f)), f).toBe(0o600);
      } finally {
        await t.stop();
      }
    } finally {
      process.umask(old);
    }
    // Closing checkpoints and removes the WAL: a restart with umask 000 makes it 0600 again.
    const oldMask = process.umask(0);
    try {
      const t = await startTestServer({ dataDir: dir });
      try {
        await write(t, 'modes-3');
        for (const f of FILES) expect(mode(path.join(dir, f)), f).toBe(0o600);
      } finally {
        await t.stop();
      }
    } finally {
      process.umask(oldMask);
    }
  });

  it('a data dir and files left readable by others are tightened on start, and the log says so', async () => {
    const dir = tempDir('ab-sec-loose-');
    let t = await startTestServer({ dataDir: dir });
    await write(t, 'loose-1');
    await t.stop();
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'actionbridge.db'), 0o644);
    chmodSync(path.join(dir, 'master.keys'), 0o644);
    t = await startTestServer({ dataDir: dir });
    try {
      expect(mode(dir)).toBe(0o700);
      for (const f of FILES) expect(mode(path.join(dir, f)), f).toBe(0o600);
      const line = t
        .logs()
        .split('\n')
        .find((l) => l.includes('modes tightened'));
      expect(line).toBeDefined();
      const rec = JSON.parse(line!) as { level: number; tightened: { path: string; from: string; to: string }[] };
      expect(rec.level).toBe(40);
      expect(rec.tightened).toEqual(
        expect.arrayContaining([
          { path: dir, from: '0755', to: '0700' },
          { path: path.join(dir, 'actionbridge.db'), from: '0644', to: '0600' },
          { path: path.join(dir, 'master.keys'), from: '0644', to: '0600' },
        ]),
      );
    } finally {
      await t.stop();
    }
  });
});
