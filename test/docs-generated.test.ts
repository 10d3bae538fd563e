// The generated documentation pages must be exactly what scripts/gen-docs.mjs makes from
// the code: the configuration reference from config.ts's schema and defaults, the extension
// API reference from the model, and the action tables of the connector guides from the
// catalogs (read from dist/, which `npm test` builds first). A change to any of them
// without `node scripts/gen-docs.mjs` fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../src/catalog/data/index.js';
import { FLAG_NAMES } from '../src/config.js';

interface Page {
  file: string;
  text: string;
}
const root = path.join(import.meta.dirname, '..');
const generator = path.join(root, 'scripts', 'gen-docs.mjs');
const pages = async (): Promise<Page[]> => ((await import(generator)) as { generatedPages: () => Promise<Page[]> }).generatedPages();
const model = JSON.parse(readFileSync(path.join(root, 'model', 'actionbridge-extensions.model.json'), 'utf8')) as {
  operations: Record<string, { http: { method: string; requestUri: string } }>;
};

describe('generated documentation', () => {
  it('every generated page is what the generator makes (run `npm run build && node scripts/gen-docs.mjs` after changing the config, the model or a catalog)', async () => {
    const all = await pages();
    expect(all.map((p) => p.file)).toEqual(expect.arrayContaining(['docs/reference/configuration.md', 'docs/reference/extension-api.md']));
    for (const p of all) expect(readFileSync(path.join(root, p.file), 'utf8'), p.file).toBe(p.text);
  });

  it('the configuration reference names every serve flag; the API reference every operation with its method and path', async () => {
    const all = await pages();
    const config = all.find((p) => p.file === 'docs/reference/configuration.md')?.text ?? '';
    for (const f of FLAG_NAMES) expect(config).toContain(`\`--${f}`);
    const api = all.find((p) => p.file === 'docs/reference/extension-api.md')?.text ?? '';
    for (const [name, op] of Object.entries(model.operations)) {
      expect(api).toContain(`## ${name}`);
      expect(api).toContain(`\`${op.http.method} ${op.http.requestUri}\``);
    }
  });

  it('every action of every catalog is in a connector guide', async () => {
    const text = (await pages())
      .filter((p) => p.file.startsWith('docs/connectors/'))
      .map((p) => p.text)
      .join('\n');
    for (const c of catalogs) {
      expect(text).toContain(`### ${c.Type}`);
      for (const a of c.actions) expect(text, `${c.Type} ${a.ActionId}`).toContain(`\`${a.ActionId}\``);
    }
  });
});
