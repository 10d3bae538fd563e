// How the benches start a server: as `npm start` does (`node FLAGS bin/actionbridge serve`),
// with the V8 flags its script gives the server, so that what is measured is what that
// command runs. The flags are read from the package.json of the build started (a
// BENCH_BASELINE build has its own).
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The node flags of `root`/package.json's start script. */
export function serverNodeFlags(root) {
  const start = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts?.start ?? '';
  const m = /^node((?:\s+--\S+)*)\s+bin\/actionbridge\s+serve$/.exec(start);
  if (!m) throw new Error(`${root}/package.json: an unexpected start script: ${start}`);
  return m[1].trim().split(/\s+/).filter(Boolean);
}
