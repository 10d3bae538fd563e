// How the benches start a server: as bin/actionbridge's first line does
// (`#!/usr/bin/env -S node FLAGS`), with the V8 flags it gives the server, so that what is
// measured is what `actionbridge serve` runs. The flags are read from the bin of the build
// started (a BENCH_BASELINE build has its own).
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The node flags on the first line of `root`/bin/actionbridge. */
export function serverNodeFlags(root) {
  const first = readFileSync(path.join(root, 'bin', 'actionbridge'), 'utf8').split('\n', 1)[0];
  const m = /^#!\/usr\/bin\/env\s+(?:-S\s+)?node((?:\s+--\S+)*)\s*$/.exec(first);
  if (!m) throw new Error(`${root}/bin/actionbridge: an unexpected first line: ${first}`);
  return m[1].trim().split(/\s+/).filter(Boolean);
}
