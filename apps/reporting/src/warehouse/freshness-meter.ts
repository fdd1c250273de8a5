/** Upper bounds (seconds) of the freshness histogram's buckets. */
const BUCKETS_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
const RECENT_SAMPLES = 10_000;

export interface FreshnessSummary {
  events: number;
  p50Ms: number | null;
  p99Ms: number | null;
  lastMs: number | null;
}

const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];

/**
 * Freshness of each event the warehouse applies: from the producer's commit (the envelope's
 * `occurredAt`, stamped in the producing transaction) to the warehouse's commit. Kept as a
 * Prometheus histogram and the most recent samples for percentiles.
 */
export class FreshnessMeter {
  private readonly bucketCounts = BUCKETS_SECONDS.map(() => 0);
  private readonly recent: number[] = [];
  private count = 0;
  private sumSeconds = 0;
  private last: number | null = null;

  record(occurredAt: string, committedAt: Date = new Date()): void {
    const ms = Math.max(0, committedAt.getTime() - Date.parse(occurredAt));
    this.count += 1;
    this.sumSeconds += ms / 1000;
    this.last = ms;
    BUCKETS_SECONDS.forEach((bound, index) => {
      if (ms / 1000 <= bound) this.bucketCounts[index] += 1;
    });
    this.recent.push(ms);
    if (this.recent.length > RECENT_SAMPLES) this.recent.shift();
  }

  summary(): FreshnessSummary {
    const sorted = [...this.recent].sort((a, b) => a - b);
    return {
      events: this.count,
      p50Ms: sorted.length ? percentile(sorted, 0.5) : null,
      p99Ms: sorted.length ? percentile(sorted, 0.99) : null,
      lastMs: this.last,
    };
  }

  /** The histogram in Prometheus' text exposition format. */
  prometheusText(): string {
    const name = 'scrt_warehouse_freshness_seconds';
    return [
      `# HELP ${name} Time from the producing commit to the warehouse's commit, per event applied.`,
      `# TYPE ${name} histogram`,
      ...BUCKETS_SECONDS.map((bound, index) => `${name}_bucket{le="${bound}"} ${this.bucketCounts[index]}`),
      `${name}_bucket{le="+Inf"} ${this.count}`,
      `${name}_sum ${this.sumSeconds}`,
      `${name}_count ${this.count}`,
      '',
    ].join('\n');
  }
}
