// Preloaded into the Prisma CLI (scripts/prisma.mjs). Its WebAssembly schema engine leaves a
// 10-second timer pending after `migrate deploy` has finished, which kept each run alive ~10 s
// longer than its work. An unreferenced timer still fires while the CLI has work in flight; it
// just no longer holds the process open once everything else is done.
const setTimeoutReferenced = globalThis.setTimeout;
const longDelayMs = 5000;

globalThis.setTimeout = function setTimeoutUnrefLong(callback, delay, ...args) {
  const timer = setTimeoutReferenced(callback, delay, ...args);
  if (delay >= longDelayMs) {
    timer.unref();
  }
  return timer;
};
