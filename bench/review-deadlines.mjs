#!/usr/bin/env node
// The deadline engine over 100,000 open reviews: every clock of every review (target in force when
// it started, due date on the England and Wales bank-holiday calendar, paused time, RAG, slippage)
// and the alert days of the running clock, in one process, from the seeded calendar and timescales.
// Measures the computation (what the service does per review after reading it), not the reads.
//   node bench/review-deadlines.mjs [--reviews 100000]     needs `npm run build`
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const root = path.resolve(import.meta.dirname, '..');
const reviews = Number(argument('reviews', 100_000));
const dist = (file) => import(path.join(root, 'dist', file));

const { WorkingDayCalendar, addCalendarDays, todayInEngland } = await dist('libs/working-days/src/index.js');
const { clocksOf, alertDays, runningClock } = await dist('apps/reviews/src/deadlines/deadline-engine.js');
const { targetLookupOf } = await dist('apps/reviews/src/deadlines/deadlines.service.js');

const csv = async (file) => {
  const [header, ...lines] = (await readFile(path.join(root, 'prisma/refdata/seed', file), 'utf8')).trim().split('\n').filter((line) => !line.startsWith('#'));
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [columns[i], value])));
};
const holidays = (await csv('bank-holidays.csv')).map((row) => row.date);
const calendar = new WorkingDayCalendar(holidays);
const targets = (await csv('timescales.csv')).map((row) => ({ reviewType: row.review_type, stage: row.stage, icbOdsCode: null, amount: Number(row.amount), unit: row.unit, startEvent: row.start_event, description: null }));
const targetOf = targetLookupOf([{ version: 1, effectiveFrom: '2018-01-01', targets }]);

// Open reviews of every kind, started over the last two years, a fifth of them paused once.
const today = todayInEngland();
const types = ['RAPID_REVIEW', 'CSPR_LOCAL', 'SAR', 'DHR', 'DHR_CHILD'];
const timelines = Array.from({ length: reviews }, (_, i) => {
  const notified = addCalendarDays(today, -(i % 700) - 10);
  const reviewType = types[i % types.length];
  const rapid = reviewType === 'RAPID_REVIEW';
  const stages = rapid
    ? [{ stage: 'NOTIFIED', occurredOn: notified }, { stage: 'RAPID_REVIEW', occurredOn: notified }]
    : [{ stage: 'NOTIFIED', occurredOn: notified }, { stage: 'DECISION', occurredOn: addCalendarDays(notified, 5) }, { stage: 'IN_PROGRESS', occurredOn: addCalendarDays(notified, 9) }];
  const pauses = i % 5 === 0 ? [{ pausedOn: addCalendarDays(notified, 6), resumedOn: i % 10 === 0 ? null : addCalendarDays(notified, 20) }] : [];
  return { reviewType, organisationCode: 'QWO', incidentDate: addCalendarDays(notified, -3), stages, pauses };
});

const options = { today, amberWorkingDays: 5 };
const run = () => {
  const rag = { green: 0, amber: 0, red: 0 };
  let alerts = 0;
  for (const timeline of timelines) {
    const clocks = clocksOf(timeline, targetOf, calendar, options);
    const running = runningClock(clocks);
    if (running) {
      rag[running.rag] += 1;
      alerts += alertDays(running, calendar, 5).length;
    }
  }
  return { rag, alerts };
};

run(); // warm-up (JIT)
const runs = [];
const cpu = [];
let result;
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  result = run();
  runs.push(performance.now() - started);
  const used = process.cpuUsage(cpuStarted);
  cpu.push((used.user + used.system) / 1000);
}
runs.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const median = runs[2];
console.log(`Deadline engine: ${reviews.toLocaleString('en-GB')} open reviews (5 review types, 20% paused), calendar ${calendar.years.firstYear}-${calendar.years.lastYear}, today ${today}`);
console.log(`  RAG of running clocks: ${JSON.stringify(result.rag)}; alert rows ${result.alerts}`);
console.log(`  time for all: median ${median.toFixed(0)} ms of 5 runs (min ${runs[0].toFixed(0)}, max ${runs[4].toFixed(0)}); ${((median * 1000) / reviews).toFixed(1)} µs a review`);
console.log(`  CPU time of the process: median ${cpu[2].toFixed(0)} ms (the machine is shared: wall time above includes waiting for a core); load average ${(await import('node:os')).loadavg().map((load) => load.toFixed(1)).join(' ')}`);
