#!/usr/bin/env node
// Checks the links of the built documentation site (docs/.vitepress/dist), offline: every
// internal href and src must name a file of the site, and every #fragment an id on the
// page it points to. VitePress already fails the build on a dead page link; this adds the
// anchors, links written in HTML, and assets. External links (http:, https:, mailto:) are
// counted, not fetched: CI has no internet.
//   node scripts/check-docs-links.mjs [DIR]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(process.argv[2] ?? fileURLToPath(new URL('../docs/.vitepress/dist', import.meta.url)));
if (!existsSync(path.join(dir, 'index.html'))) {
  console.error(`${dir}/index.html not found: build the site first (npm run docs)`);
  process.exit(2);
}

const pages = [];
(function walk(d) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const f = path.join(d, e.name);
    if (e.isDirectory()) walk(f);
    else if (e.name.endsWith('.html')) pages.push(f);
  }
})(dir);

const idsCache = new Map();
/** The ids (and a elements' names) of a page. */
function idsOf(file) {
  let ids = idsCache.get(file);
  if (!ids) {
    const html = readFileSync(file, 'utf8');
    ids = new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => decode(m[1])));
    idsCache.set(file, ids);
  }
  return ids;
}

function decode(s) {
  const t = s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  try {
    return decodeURIComponent(t);
  } catch {
    return t;
  }
}

/** The file a site path names, as a static server with VitePress's conventions would serve it. */
function target(sitePath) {
  const p = path.join(dir, sitePath);
  if (sitePath.endsWith('/')) return path.join(p, 'index.html');
  if (existsSync(p) && statSync(p).isFile()) return p;
  if (existsSync(`${p}.html`)) return `${p}.html`;
  return undefined;
}

const problems = [];
let internal = 0;
let external = 0;
for (const page of pages) {
  const html = readFileSync(page, 'utf8');
  const pagePath = `/${path.relative(dir, page).split(path.sep).join('/')}`;
  for (const m of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
    const raw = decode(m[2]);
    if (raw === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(raw)) {
      if (/^(?:https?:|mailto:|\/\/)/i.test(raw)) external++;
      continue;
    }
    internal++;
    const url = new URL(raw, `http://site${pagePath}`);
    const file = url.pathname === pagePath ? page : target(url.pathname);
    if (!file) {
      problems.push(`${pagePath}: ${m[1]}="${m[2]}" names no file of the site`);
      continue;
    }
    const frag = url.hash ? decode(url.hash.slice(1)) : '';
    if (frag && file.endsWith('.html') && !idsOf(file).has(frag))
      problems.push(`${pagePath}: ${m[1]}="${m[2]}": no id "${frag}" on ${path.relative(dir, file)}`);
  }
}

if (problems.length) {
  console.error(`${problems.length} broken link(s) in ${dir}:`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`links: ${pages.length} pages, ${internal} internal links and anchors all resolve; ${external} external links not fetched (offline)`);
