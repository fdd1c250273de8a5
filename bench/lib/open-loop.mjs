// Open-loop load: requests leave on a fixed schedule whatever the answers do, and each latency
// is measured from the time the request was due, so a stall shows in the percentiles instead of
// quietly slowing the sender down (what a closed loop of N workers does).
import hdr from 'hdr-histogram-js';

const MICROS = 1000;

/** Sends `rate` requests per second for `durationMs`; `send` resolves true on success. */
export async function openLoop({ rate, durationMs, send, maxInFlight = 4000 }) {
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });
  const total = Math.max(1, Math.round((rate * durationMs) / 1000));
  const intervalMs = 1000 / rate;
  const started = performance.now() + 20;
  let issued = 0;
  let settled = 0;
  let inFlight = 0;
  let failures = 0;
  let dropped = 0;
  await new Promise((resolve) => {
    const finishOne = () => {
      settled += 1;
      if (settled === total) resolve();
    };
    const tick = () => {
      const now = performance.now();
      while (issued < total && started + issued * intervalMs <= now) {
        const due = started + issued * intervalMs;
        issued += 1;
        if (inFlight >= maxInFlight) {
          dropped += 1;
          finishOne();
          continue;
        }
        inFlight += 1;
        Promise.resolve()
          .then(send)
          .then(
            (ok) => (failures += ok ? 0 : 1),
            () => (failures += 1),
          )
          .finally(() => {
            inFlight -= 1;
            histogram.recordValue(Math.max(1, Math.round((performance.now() - due) * MICROS)));
            finishOne();
          });
      }
      if (issued < total) setTimeout(tick, Math.max(0, Math.min(5, started + issued * intervalMs - performance.now())));
    };
    tick();
  });
  const elapsedMs = performance.now() - started;
  const ms = (percentile) => histogram.getValueAtPercentile(percentile) / MICROS;
  const result = { rate, requests: total, failures, dropped, achievedRate: (total - dropped) / (elapsedMs / 1000), p50: ms(50), p99: ms(99), max: histogram.maxValue / MICROS };
  histogram.destroy();
  return result;
}

/**
 * The highest rate whose p99 stays within the target with no failures: the rate grows by
 * `factor` until a step misses, then the gap is halved `refinements` times. A missed step is
 * tried `attempts` times in all: on a shared machine other users' load can only cause misses,
 * so one passing attempt shows the stack sustains that rate.
 */
export async function findSustainableRate({ startRate, maxRate, factor = 1.6, refinements = 2, attempts = 2, p99TargetMs, step, onStep }) {
  const meets = (result) => result.failures === 0 && result.dropped === 0 && result.p99 <= p99TargetMs && result.achievedRate >= result.rate * 0.9;
  const tryRate = async (rate) => {
    let result;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      result = await step(rate);
      onStep?.(result, meets(result));
      if (meets(result)) break;
    }
    return result;
  };
  let best;
  let firstMiss;
  for (let rate = startRate; rate <= maxRate; rate = Math.round(rate * factor)) {
    const result = await tryRate(rate);
    if (!meets(result)) {
      firstMiss = rate;
      break;
    }
    best = result;
  }
  for (let round = 0; round < refinements && best && firstMiss; round += 1) {
    const rate = Math.round((best.rate + firstMiss) / 2);
    if (rate <= best.rate || rate >= firstMiss) break;
    const result = await tryRate(rate);
    if (meets(result)) best = result;
    else firstMiss = rate;
  }
  return { best, firstMiss };
}
