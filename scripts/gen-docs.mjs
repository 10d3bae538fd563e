#!/usr/bin/env node
// Writes the generated documentation pages: the configuration reference (from the config
// schema), the extension API reference (from the model) and the generated parts of the
// connector guides (from the catalogs). Reads dist/: run `npm run build` first.
//   node scripts/gen-docs.mjs           write them
//   node scripts/gen-docs.mjs --check   exit 1 if any differs (npm run docs does this)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as configuration from './docs/configuration.mjs';
import * as connectors from './docs/connectors.mjs';
import * as extensionApi from './docs/extension-api.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Every generated page as it should be: [{file, text}], file relative to the repository. */
export async function generatedPages() {
  return [
    { file: configuration.OUTPUT, text: await configuration.render() },
    { file: extensionApi.OUTPUT, text: extensionApi.render() },
    ...(await connectors.render()),
  ];
}

const current = (file) => {
  try {
    return readFileSync(`${root}${file}`, 'utf8');
  } catch {
    return undefined;
  }
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const { file, text } of await generatedPages()) {
    if (current(file) === text) continue;
    if (check) stale.push(file);
    else {
      writeFileSync(`${root}${file}`, text);
      console.log(`wrote ${file}`);
    }
  }
  if (stale.length) {
    console.error(`out of date (run \`npm run build && node scripts/gen-docs.mjs\`): ${stale.join(', ')}`);
    process.exit(1);
  }
}
