// Counters and histograms for the per-request hot path. prom-client's own hash the label
// object and validate it on every inc()/observe(), even through a child; these keep one
// record per label set, found by a key the caller builds, and hand prom-client's registry
// the same values (same names, labels, buckets, exposition) when it is scraped. They are
// registered like any prom-client metric (Registry.registerMetric reads name, help, type
// and get()/getForPromString()).
import type { Registry } from 'prom-client';

type Labels = Record<string, string>;
interface Value {
  labels: Labels;
  value: number;
  metricName?: string;
}
interface MetricData {
  name: string;
  help: string;
  type: 'counter' | 'histogram';
  values: Value[];
  aggregator: 'sum';
}

abstract class FastMetric<S> {
  protected readonly series = new Map<string, { labels: Labels; state: S }>();
  readonly aggregator = 'sum' as const;
  abstract readonly type: 'counter' | 'histogram';

  constructor(
    readonly name: string,
    readonly help: string,
    registry: Registry,
  ) {
    registry.registerMetric(this as never);
  }

  /** The record of one label set: `key` must identify `labels` (made by the caller, e.g. joined values). */
  protected at(key: string, labels: () => Labels, fresh: () => S): S {
    let s = this.series.get(key);
    if (s === undefined) {
      s = { labels: labels(), state: fresh() };
      this.series.set(key, s);
    }
    return s.state;
  }

  protected abstract values(): Value[];

  async getForPromString(): Promise<MetricData> {
    return { name: this.name, help: this.help, type: this.type, values: this.values(), aggregator: this.aggregator };
  }

  async get(): Promise<MetricData> {
    return this.getForPromString();
  }

  reset(): void {
    this.series.clear();
  }
}

export class FastCounter extends FastMetric<{ n: number }> {
  readonly type = 'counter';

  inc(key: string, labels: () => Labels): void {
    this.at(key, labels, () => ({ n: 0 })).n++;
  }

  protected values(): Value[] {
    return [...this.series.values()].map((s) => ({ labels: s.labels, value: s.state.n }));
  }
}

interface HistogramState {
  counts: number[];
  sum: number;
  count: number;
}

export class FastHistogram extends FastMetric<HistogramState> {
  readonly type = 'histogram';

  constructor(
    name: string,
    help: string,
    registry: Registry,
    private readonly buckets: readonly number[],
  ) {
    super(name, help, registry);
  }

  observe(key: string, labels: () => Labels, v: number): void {
    const s = this.at(key, labels, () => ({ counts: new Array<number>(this.buckets.length).fill(0), sum: 0, count: 0 }));
    const b = this.buckets;
    for (let i = 0; i < b.length; i++) {
      if (v <= b[i]!) {
        s.counts[i]!++;
        break;
      }
    }
    s.sum += v;
    s.count++;
  }

  protected values(): Value[] {
    const out: Value[] = [];
    for (const { labels, state } of this.series.values()) {
      let acc = 0;
      for (let i = 0; i < this.buckets.length; i++) {
        acc += state.counts[i]!;
        out.push({ labels: { le: String(this.buckets[i]), ...labels }, value: acc, metricName: `${this.name}_bucket` });
      }
      out.push({ labels: { le: '+Inf', ...labels }, value: state.count, metricName: `${this.name}_bucket` });
      out.push({ labels, value: state.sum, metricName: `${this.name}_sum` });
      out.push({ labels, value: state.count, metricName: `${this.name}_count` });
    }
    return out;
  }
}
