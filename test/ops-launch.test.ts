// How the server process is launched: `npm start` gives node the V8 flag the server runs
// with (a young generation bounded to 16 MiB semi-spaces: from Node 22 V8 otherwise lets it
// grow to 128 MiB under load, bench/RESULTS.md), and that flag really reaches the server.
// bin/actionbridge's first line stays `#!/usr/bin/env node`: `env -S` (flags on that line)
// is unknown to BusyBox's env, the one of Alpine images, where the bin would not start.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN, BIN, ROOT, freePort, tempDir, untilHealthy } from './helpers.js';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };

describe('launching the server', () => {
  const stops: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const s of stops) await s();
  });

  it('bin/actionbridge starts with a plain `#!/usr/bin/env node` (any env, BusyBox included); npm start passes the V8 bound', () => {
    expect(readFileSync(BIN, 'utf8').split('\n', 1)[0]).toBe('#!/usr/bin/env node');
    expect(pkg.bin.actionbridge).toBe('bin/actionbridge');
    expect(pkg.scripts.start).toBe('node --max-semi-space-size=16 bin/actionbridge serve');
  });

  it.skipIf(process.platform !== 'linux')('npm start runs the server in a node with that flag (/proc/PID/cmdline)', async () => {
    const port = await freePort();
    const child = spawn('npm', ['start', '--', '--host', '127.0.0.1', '--port', String(port), '--data-dir', tempDir()], {
      cwd: ROOT,
      env: {
        ...process.env,
        ACTIONBRIDGE_ACCOUNT_ID: ACCOUNT,
        ACTIONBRIDGE_ACCESS_KEY_ID: ADMIN.accessKeyId,
        ACTIONBRIDGE_SECRET_ACCESS_KEY: ADMIN.secretAccessKey,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout!.resume();
    child.stderr!.resume();
    const exited = new Promise((r) => child.once('exit', r));
    stops.push(async () => {
      // npm, its shell and the server: the process group.
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
      await exited;
    });
    await untilHealthy(child, `http://127.0.0.1:${port}`);
    // The server among this machine's processes, by its arguments (its port is this test's).
    const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
    const argvs = pids.map((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').filter(Boolean);
      } catch {
        return [];
      }
    });
    const server = argvs.find((a) => path.basename(a[0] ?? '').startsWith('node') && a.includes('bin/actionbridge') && a.includes(String(port)));
    expect(server, JSON.stringify(argvs)).toBeDefined();
    expect(server!.slice(1, 3)).toEqual(['--max-semi-space-size=16', 'bin/actionbridge']);
  });
});
