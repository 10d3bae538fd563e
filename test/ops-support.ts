// Shared by the ops tests: reading /metrics through a Prometheus text-format parser
// (parse-prometheus-text-format). That parser folds every sample of a histogram into
// one (it drops their labels), so histograms are also read a second time with their
// HELP and TYPE lines left out: then each of <name>_bucket, _sum and _count is a family
// of its own, labels kept.
import parsePrometheusTextFormat from 'parse-prometheus-text-format';

type Family = ReturnType<typeof parsePrometheusTextFormat>[number];

export interface Scrape {
  text: string;
  /** Families by name, as the parser returns them. */
  families: Map<string, Family>;
  /** The value of the counter or gauge samples whose labels include `labels`, summed; 0 when none. */
  value(name: string, labels?: Record<string, string>): number;
  /** The observation count of the histogram's series whose labels include `labels`, summed. */
  count(name: string, labels?: Record<string, string>): number;
}

const matches = (have: Record<string, string> | undefined, want: Record<string, string>) => Object.entries(want).every(([k, v]) => have?.[k] === v);

/** Families by name; the parser starts a new family whenever the sample name changes, so same-named ones are joined. */
function byName(list: Family[]): Map<string, Family> {
  const out = new Map<string, Family>();
  for (const f of list) {
    const seen = out.get(f.name);
    if (seen) seen.metrics.push(...f.metrics);
    else out.set(f.name, { ...f, metrics: [...f.metrics] });
  }
  return out;
}

export function parseMetrics(text: string): Scrape {
  const families = byName(parsePrometheusTextFormat(text));
  const histograms = [...families.values()].filter((f) => f.type === 'HISTOGRAM').map((f) => f.name);
  const untyped = text
    .split('\n')
    .filter((l) => !histograms.some((h) => l.startsWith(`# TYPE ${h} `) || l.startsWith(`# HELP ${h} `)))
    .join('\n');
  const series = byName(parsePrometheusTextFormat(untyped));
  const sum = (f: Family | undefined, labels: Record<string, string>) =>
    (f?.metrics ?? []).filter((m) => matches(m.labels, labels)).reduce((n, m) => n + Number(m.value), 0);
  return {
    text,
    families,
    value(name, labels = {}) {
      const f = families.get(name);
      if (!f) throw new Error(`no metric ${name}`);
      if (f.type !== 'COUNTER' && f.type !== 'GAUGE') throw new Error(`${name} is a ${f.type}`);
      return sum(f, labels);
    },
    count(name, labels = {}) {
      if (families.get(name)?.type !== 'HISTOGRAM') throw new Error(`${name} is not a histogram`);
      return sum(series.get(`${name}_count`), labels);
    },
  };
}

export async function scrape(metricsUrl: string): Promise<Scrape> {
  const res = await fetch(metricsUrl);
  if (res.status !== 200) throw new Error(`GET ${metricsUrl}: HTTP ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('text/plain; version=0.0.4')) throw new Error(`unexpected content type ${type}`);
  return parseMetrics(await res.text());
}
