// The configuration reference (docs/reference/configuration.md) is generated from
// src/config-settings.ts and config.ts's schema. This proves each row of that table true
// against resolveConfig: its flag, its variable and its config file key all set the same
// Config member to the same value, and no flag, variable or file key of config.ts is
// missing from it. docs-generated.test.ts proves the page is what the generator makes.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Config, type Flags, FLAG_NAMES, defaults, fileSchema, loadConfigFile, resolveConfig } from '../src/config.js';
import { OTHER_VARIABLES, SETTINGS, type SettingDoc } from '../src/config-settings.js';
import { tempDir } from './helpers.js';

const valueAt = (obj: unknown, dotted: string): unknown =>
  dotted.split('.').reduce<unknown>((o, k) => (o === undefined || o === null ? undefined : (o as Record<string, unknown>)[k]), obj);

/** Every leaf key of the config file's schema (egress.vpcConnections is one: a map of profiles). */
function schemaKeys(schema: { properties?: Record<string, unknown> }, prefix = ''): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([k, s]) => {
    const sub = s as { type?: string; properties?: Record<string, unknown> };
    return sub.type === 'object' && sub.properties && k !== 'vpcConnections' ? schemaKeys(sub, `${prefix}${k}.`) : [`${prefix}${k}`];
  });
}

const configPath = (row: SettingDoc) => row.configPath ?? row.key ?? '';

describe('configuration reference rows', () => {
  const rows = SETTINGS.filter((r) => r.flag !== 'config');

  it('name every flag, every variable config.ts reads and every config file key, once', () => {
    const flags = SETTINGS.flatMap((r) => (r.flag ? [r.flag] : []));
    expect([...flags].sort()).toEqual(['config', ...FLAG_NAMES].sort());
    const keys = SETTINGS.flatMap((r) => (r.key ? [r.key] : []));
    expect([...keys].sort()).toEqual(schemaKeys(fileSchema).sort());
    const source = readFileSync(path.join(import.meta.dirname, '..', 'src', 'config.ts'), 'utf8');
    const read = new Set(source.match(/ACTIONBRIDGE_[A-Z0-9_]+/g));
    const envs = SETTINGS.map((r) => r.env);
    expect(new Set(envs).size).toBe(envs.length);
    expect([...read].sort()).toEqual([...new Set(envs)].sort());
  });

  it('name every ACTIONBRIDGE_ variable the server, CLI and client read, with the settings or the others', () => {
    const documented = new Set([...SETTINGS.map((r) => r.env), ...OTHER_VARIABLES.map((v) => v.env)]);
    const read = new Set<string>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const f = path.join(dir, e.name);
        if (e.isDirectory()) walk(f);
        else if (/\.ts$/.test(e.name)) {
          // Read with process.env (or env.) — not words in comments.
          for (const m of readFileSync(f, 'utf8').matchAll(/(?:process\.)?env\.(ACTIONBRIDGE_[A-Z0-9_]+)|envMs\('(ACTIONBRIDGE_[A-Z0-9_]+)'\)/g))
            read.add(m[1] ?? m[2] ?? '');
        }
      }
    };
    walk(path.join(import.meta.dirname, '..', 'src'));
    expect(read.size).toBeGreaterThan(20);
    expect([...read].filter((v) => !documented.has(v))).toEqual([]);
  });

  it.each(rows.map((r) => [r.key ?? r.env, r] as const))('%s: flag, variable and file set the same member, to a value other than the default', (_name, row) => {
    const member = configPath(row);
    const expected = (c: Config) => valueAt(c, member);
    const results: unknown[] = [];
    if (row.flag) {
      const flags = { [row.flag]: row.flag === 'egress-allow' ? [row.sample] : row.sample } as Flags;
      results.push(expected(resolveConfig(flags, {})));
    }
    if (row.env) results.push(expected(resolveConfig({}, { [row.env]: row.sample })));
    if (row.key) {
      const dir = tempDir('ab-docs-cfg-');
      const file = path.join(dir, 'actionbridge.yaml');
      const [head, ...rest] = row.key.split('.').reverse();
      let yaml = `${head}: ${row.fileSample ?? row.sample}`;
      for (const k of rest) yaml = `${k}:\n${yaml.replace(/^/gm, '  ')}`;
      writeFileSync(file, `${yaml}\n`);
      results.push(expected(resolveConfig({ config: file }, {})));
    }
    expect(results.length).toBeGreaterThanOrEqual(2);
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]).toBeDefined();
    expect(results[0]).not.toEqual(valueAt(defaults, member));
  });

  it('--config and ACTIONBRIDGE_CONFIG both name the file', () => {
    const dir = tempDir('ab-docs-cfg-');
    const file = path.join(dir, 'ab.yaml');
    writeFileSync(file, 'port: 5999\n');
    expect(resolveConfig({ config: file }, {}).port).toBe(5999);
    expect(resolveConfig({}, { ACTIONBRIDGE_CONFIG: file }).port).toBe(5999);
  });

  it('the complete file the reference shows is valid', () => {
    const page = readFileSync(path.join(import.meta.dirname, '..', 'docs', 'reference', 'configuration.md'), 'utf8');
    const m = /## A complete file\n\n```yaml\n([\s\S]*?)```/.exec(page);
    expect(m).not.toBeNull();
    const dir = tempDir('ab-docs-cfg-');
    writeFileSync(path.join(dir, 'corp-ca.pem'), '');
    const file = path.join(dir, 'actionbridge.yaml');
    writeFileSync(file, m?.[1] ?? '');
    const loaded = loadConfigFile(file);
    expect(loaded.publicUrl).toBe('https://actionbridge.example.com');
    expect(resolveConfig({ config: file }, {}).trustProxy).toEqual(['10.0.0.5']);
  });
});
