// scripts/check-docs-links.mjs, which `npm run docs` (and so CI) runs over the built site:
// it must pass a site whose links, anchors and assets all resolve, and name each one that
// does not.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const checker = path.join(import.meta.dirname, '..', 'scripts', 'check-docs-links.mjs');

function site(pages: Record<string, string>): string {
  const dir = tempDir('ab-docs-site-');
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  }
  return dir;
}

const check = (dir: string) => spawnSync(process.execPath, [checker, dir], { encoding: 'utf8' });

describe('docs link check', () => {
  const good = {
    'index.html':
      '<a href="/guide/a.html#run">a</a> <a href="./guide/a">clean</a> <a href="/guide/">dir</a> <a href="https://example.com/x#y">out</a> <link href="/assets/s.css">',
    'guide/a.html': '<h2 id="run">Run</h2> <a href="#run">self</a> <a href="../index.html">up</a> <img src="../assets/p.png">',
    'guide/index.html': '<a href="#run%20it">encoded</a> <a href="a.html#run">sibling</a><h3 id="run it">x</h3>',
    'assets/s.css': '',
    'assets/p.png': '',
  };

  it('passes a site whose links, anchors and assets resolve, without fetching external links', () => {
    const r = check(site(good));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/3 pages, \d+ internal links and anchors all resolve; 1 external links not fetched/);
  });

  it('names a missing page, a missing anchor and a missing asset, and fails', () => {
    const r = check(
      site({
        ...good,
        'index.html': '<a href="/guide/b.html">gone</a> <a href="/guide/a.html#walk">no anchor</a> <img src="/assets/q.png">',
      }),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('3 broken link(s)');
    expect(r.stderr).toContain('href="/guide/b.html" names no file of the site');
    expect(r.stderr).toContain('no id "walk" on guide/a.html');
    expect(r.stderr).toContain('src="/assets/q.png" names no file of the site');
  });

  it('refuses to pass a directory with no built site', () => {
    expect(check(tempDir('ab-docs-empty-')).status).toBe(2);
  });
});
