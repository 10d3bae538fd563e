import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../src/config.js';
import { tempDir } from './helpers.js';

function file(name: string, text: string) {
  const dir = tempDir('ab-cfg-');
  mkdirSync(dir, { recursive: true });
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('configuration', () => {
  it('reads YAML and JSON, resolving paths relative to the file', () => {
    const y = file(
      'ab.yaml',
      'port: 5001\ndataDir: ./d\nregion: eu-west-1\nthrottle: { ratePerSecond: 10, burst: 20 }\negress:\n  allow: [10.0.0.0/8]\n  vpcConnections:\n    vpc-a: { allowCidrs: [10.1.0.0/16], proxy: "http://proxy.internal:3128", accounts: ["111122223333"] }\n',
    );
    const c = resolveConfig({ config: y }, {});
    expect(c.port).toBe(5001);
    expect(c.dataDir).toBe(path.join(path.dirname(y), 'd'));
    expect(c.region).toBe('eu-west-1');
    expect(c.throttle).toEqual({ ratePerSecond: 10, burst: 20 });
    expect(c.egressAllow).toEqual(['10.0.0.0/8']);
    expect(c.vpcConnections['vpc-a']).toEqual({ allowCidrs: ['10.1.0.0/16'], proxy: 'http://proxy.internal:3128', accounts: ['111122223333'] });
    const j = file('ab.json', JSON.stringify({ port: 5002 }));
    expect(resolveConfig({ config: j }, {}).port).toBe(5002);
  });

  it('orders precedence flag > environment > file > default', () => {
    const y = file('ab.yaml', 'port: 5001\nregion: eu-west-1\n');
    expect(resolveConfig({ config: y }, {}).port).toBe(5001);
    expect(resolveConfig({ config: y }, { ACTIONBRIDGE_PORT: '5003' }).port).toBe(5003);
    expect(resolveConfig({ config: y, port: '5004' }, { ACTIONBRIDGE_PORT: '5003' }).port).toBe(5004);
    expect(resolveConfig({}, {}).port).toBe(4599);
    expect(resolveConfig({}, {}).host).toBe('127.0.0.1');
  });

  it('rejects unknown keys by name, and bad values', () => {
    expect(() => resolveConfig({ config: file('a.yaml', 'port: 1\nlisten: 2\n') }, {})).toThrow(/unknown key 'listen'/);
    expect(() => resolveConfig({ config: file('b.yaml', 'egress:\n  alow: []\n') }, {})).toThrow(/unknown key 'egress.alow'/);
    expect(() => resolveConfig({ config: file('c.yaml', 'port: "x"\n') }, {})).toThrow(ConfigError);
    expect(() => resolveConfig({ config: file('d.yaml', 'egress:\n  allow: [banana]\n') }, {})).toThrow(ConfigError);
    expect(() => resolveConfig({ config: file('e.yaml', ': : :\n  - [') }, {})).toThrow(/does not parse/);
    expect(() => resolveConfig({ port: '70000' }, {})).toThrow(/--port/);
    expect(() => resolveConfig({ region: 'mars' }, {})).toThrow(/region/);
    expect(() => resolveConfig({ 'database-url': 'mysql://x' }, {})).toThrow(/postgres/);
  });
});
