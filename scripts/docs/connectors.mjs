// The generated parts of docs/connectors/*.md: between `<!-- generated:TYPE -->` and
// `<!-- /generated:TYPE -->`, the type's AuthenticationTypes (dist/domain/type-auth.js) and
// its actions (dist/catalog/data/index.js: id, what it does, grant, scopes, vendor page).
// The prose around the markers is written by hand. Run by scripts/gen-docs.mjs;
// test/docs-generated.test.ts fails when a page differs, or when a type has no page.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cell, replaceBetween } from './markdown.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = new URL('../../dist/', import.meta.url);
export const DIR = 'docs/connectors';

function section(catalog, allowed) {
  const out = [];
  const p = (s = '') => out.push(s);
  p(`### ${catalog.Type}`);
  p();
  p(`${catalog.Api}. AuthenticationTypes: ${allowed.map((a) => `\`${a}\``).join(', ')}.`);
  p();
  p(`${catalog.actions.length} action${catalog.actions.length === 1 ? '' : 's'}:`);
  p();
  p('| action | what it does | grant | scopes or permissions |');
  p('|---|---|---|---|');
  for (const a of catalog.actions) {
    const id = a.reference ? `[\`${a.ActionId}\`](${a.reference})` : `\`${a.ActionId}\``;
    const grant = a.requires?.grant ?? (a.aws ? 'IAM role' : 'either');
    const scopes = a.requires?.scopes?.length
      ? a.requires.scopes.map((s) => `\`${s}\``).join(', ')
      : a.aws
        ? `\`${a.aws.signingName}\` permissions of the role`
        : '—';
    p(`| ${id} | ${cell(a.Description)} | ${grant} | ${cell(scopes)} |`);
  }
  return out.join('\n');
}

/** Every connector page with its generated parts as they should be: [{file, text}]. */
export async function render() {
  const { catalogs } = await import(new URL('catalog/data/index.js', dist).href);
  const { ALLOWED_AUTHENTICATION } = await import(new URL('domain/type-auth.js', dist).href);
  const pages = [];
  const covered = new Set();
  for (const f of readdirSync(`${root}${DIR}`)
    .filter((x) => x.endsWith('.md'))
    .sort()) {
    const file = `${DIR}/${f}`;
    let text = readFileSync(`${root}${file}`, 'utf8');
    for (const m of text.matchAll(/<!-- generated:([A-Z0-9_]+) -->/g)) {
      const type = m[1];
      const catalog = catalogs.find((c) => c.Type === type);
      if (!catalog) throw new Error(`${file}: no catalog for connector type ${type}`);
      covered.add(type);
      text = replaceBetween(text, type, section(catalog, ALLOWED_AUTHENTICATION[type]), file);
    }
    pages.push({ file, text });
  }
  const missing = catalogs.map((c) => c.Type).filter((t) => !covered.has(t));
  if (missing.length) throw new Error(`${DIR}: no page has a generated section for ${missing.join(', ')}`);
  return pages;
}
