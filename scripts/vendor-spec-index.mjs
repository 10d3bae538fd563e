#!/usr/bin/env node
// Regenerates test/fixtures/vendor-spec-index.json: for each operation our catalogs call, what
// test/catalog-vendor-specs.test.ts checks (parameters, body members, limits, security), read
// from the vendors' published specs. Only specs under Apache-2.0 or MIT are extracted (Jira,
// Slack, Asana, BambooHR; see SPEC_FILES in test/support/vendor-specs.ts), so that a clone
// without the reference collection still checks those vendors.
//
//   node scripts/vendor-spec-index.mjs [vendors-dir]
//
// vendors-dir defaults to $ACTIONBRIDGE_VENDOR_SPECS, else ../shared/reference/vendors next to
// the repository (or to the main checkout of a git worktree). The extraction is the test's own
// code (TypeScript), so this runs that test with ACTIONBRIDGE_WRITE_SPEC_INDEX=1. Run it after
// adding or changing actions of those vendors.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// In a git worktree, the collection sits next to the main checkout (`.git` names it).
const gitFile = path.join(root, '.git');
const main = fs.statSync(gitFile, { throwIfNoEntry: false })?.isFile()
  ? /^gitdir: (.+)\/\.git\/worktrees\//.exec(fs.readFileSync(gitFile, 'utf8'))?.[1]
  : undefined;
const near = [root, main].filter(Boolean).map((r) => path.resolve(r, '../shared/reference/vendors'));
const dir = path.resolve(process.argv[2] ?? process.env.ACTIONBRIDGE_VENDOR_SPECS ?? near.find((d) => fs.existsSync(path.join(d, 'SOURCES.md'))) ?? near[0]);
if (!fs.existsSync(path.join(dir, 'SOURCES.md'))) {
  console.error(`No vendor specs at ${dir} (expected its SOURCES.md). Pass the directory, or set ACTIONBRIDGE_VENDOR_SPECS.`);
  process.exit(2);
}
const r = spawnSync('npx', ['vitest', 'run', 'test/catalog-vendor-specs.test.ts', '-t', 'committed extract'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CI: 'true', ACTIONBRIDGE_VENDOR_SPECS: dir, ACTIONBRIDGE_WRITE_SPEC_INDEX: '1' },
});
if (r.status !== 0) process.exit(r.status ?? 1);
// The repository's formatter owns the layout of committed JSON.
spawnSync('npx', ['biome', 'format', '--write', 'test/fixtures/vendor-spec-index.json'], { cwd: root, stdio: 'inherit' });
console.log(`wrote ${path.relative(root, path.join(root, 'test/fixtures/vendor-spec-index.json'))} from ${dir}`);
