// How the server process is launched: bin/actionbridge's first line gives node the V8
// flags the server runs with (a young generation bounded to 16 MiB semi-spaces: from
// Node 22 V8 otherwise lets it grow to 128 MiB under load, bench/RESULTS.md), `npm start`
// passes the same ones, and a server started through the bin — as `actionbridge serve`,
// npx and these tests start it — really runs with them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, startChildServer, tempDir } from './helpers.js';

/** `#!/usr/bin/env -S node FLAGS` → FLAGS. */
function shebangFlags(): string[] {
  const first = readFileSync(BIN, 'utf8').split('\n', 1)[0] ?? '';
  const flags = /^#!\/usr\/bin\/env -S node((?: --\S+)+)$/.exec(first)?.[1];
  expect(flags, `bin/actionbridge's first line: ${first}`).toBeDefined();
  return (flags ?? '').trim().split(' ');
}

describe('launching the server', () => {
  const stops: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const s of stops) await s();
  });

  it('bin/actionbridge bounds the young generation, and npm start passes the same flags', () => {
    const flags = shebangFlags();
    expect(flags).toContain('--max-semi-space-size=16');
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBe(`node ${flags.join(' ')} bin/actionbridge serve`);
    // The package's bin is that file (npm links it; on Windows cmd-shim reads the same line).
    expect(pkg.bin.actionbridge).toBe('bin/actionbridge');
  });

  it.skipIf(process.platform !== 'linux')('a server started through bin/actionbridge runs node with those flags (/proc/PID/cmdline)', async () => {
    const server = await startChildServer(tempDir());
    stops.push(async () => {
      server.child.kill('SIGTERM');
      await server.exited();
    });
    const argv = readFileSync(`/proc/${server.child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    // env execs node in its own place: the pid the signals go to is node's.
    expect(path.basename(argv[0] ?? '')).toMatch(/^node/);
    expect(argv.slice(1, 1 + shebangFlags().length)).toEqual(shebangFlags());
    expect(argv).toContain(BIN);
    expect(argv).toContain('serve');
  });
});
