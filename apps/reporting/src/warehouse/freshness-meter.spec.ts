import { FreshnessMeter } from './freshness-meter.js';

describe('FreshnessMeter', () => {
  it('measures each event from its producing commit to the warehouse commit', () => {
    const meter = new FreshnessMeter();
    const committed = new Date('2026-12-01T10:00:01.000Z');
    for (const lagMs of [100, 200, 300, 400, 5000]) meter.record(new Date(committed.getTime() - lagMs).toISOString(), committed);
    expect(meter.summary()).toEqual({ events: 5, p50Ms: 300, p99Ms: 5000, lastMs: 5000 });
    const text = meter.prometheusText();
    expect(text).toContain('scrt_warehouse_freshness_seconds_bucket{le="0.25"} 2');
    expect(text).toContain('scrt_warehouse_freshness_seconds_bucket{le="+Inf"} 5');
    expect(text).toContain('scrt_warehouse_freshness_seconds_count 5');
  });

  it('says nothing of percentiles before the first event', () => {
    expect(new FreshnessMeter().summary()).toEqual({ events: 0, p50Ms: null, p99Ms: null, lastMs: null });
  });
});
