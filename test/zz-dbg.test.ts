import { it } from 'vitest';
import { startTestServer, qs, ACCOUNT, createInput } from './helpers.js';
import { parseMetrics } from './ops-support.js';
import parse from 'parse-prometheus-text-format';
it('x', async () => {
  const t = await startTestServer({ metricsPort: 0 });
  await t.client().send(new qs.ListActionConnectorsCommand({ AwsAccountId: ACCOUNT }));
  const text = await (await fetch(t.server.metricsEndpoint!)).text();
  const s = parseMetrics(text);
  console.log(s.count('actionbridge_request_duration_seconds', {}));
  const hist = [...s.families.values()].filter(f => f.type === 'HISTOGRAM').map(f => f.name);
  console.log(hist);
  const untyped = text.split('\n').filter((l) => !hist.some((h) => l.startsWith(`# TYPE ${h} `) || l.startsWith(`# HELP ${h} `))).join('\n');
  console.log(parse(untyped).map(f => f.name + ':' + f.metrics.length).join(' '));
  await t.stop();
});
