// `npm test`: install if needed, lint, build (the type-check), then unit tests beside the
// integration and end-to-end tests against the real stack (the unit tests run while the stack
// starts, on a 2-core machine mostly waiting). Stops at the first failing step with its exit code.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from './build.mjs';
import { ensureChromium, ensureDependencies } from './lib/dependencies.mjs';
import { CommandFailedError, exitOnFailure, formatSeconds, run, timedStep } from './lib/run.mjs';

const root = dirname(import.meta.dirname);
process.env.NX_DAEMON = 'false';

const jestResults = [];

/** The command line of one Jest configuration; its counts are kept for the closing line. */
function jestCommand(config, ...args) {
  const resultsFile = join(root, '.local', `${config}.results.json`);
  rmSync(resultsFile, { force: true });
  jestResults.push(resultsFile);
  return ['--experimental-vm-modules', join(root, 'node_modules/jest/bin/jest.js'), '-c', config, '--json', `--outputFile=${resultsFile}`, ...args];
}

const jest = (config, ...args) => run(process.execPath, jestCommand(config, ...args), { cwd: root });

/**
 * Runs one Jest configuration with its output held back, then printed in one piece when it ends
 * (so that it does not interleave with the run beside it).
 */
function jestQuietly(config, ...args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, jestCommand(config, ...args), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      process.stdout.write(`\n── ${config} ──\n${Buffer.concat(output).toString()}── end of ${config} ──\n`);
      if (code === 0) resolve();
      else reject(new CommandFailedError(`jest -c ${config}`, code ?? 1));
    });
  });
}

/** Both runs to their end; the first failure, if any, afterwards. */
async function allOf(...runs) {
  const failure = (await Promise.allSettled(runs)).find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}

/** The client OpenAPI Generator makes from openapi/openapi.json, for e2e/generated-client.e2e-spec.ts (cached by the document's hash). */
async function generatedClient() {
  const { ensureGeneratedClient, GENERATED_CLIENT_DIR } = await import(pathToFileURL(join(root, 'dist/scripts/openapi/generated-client.js')).href);
  console.log((await ensureGeneratedClient(root)) ? `generated ${GENERATED_CLIENT_DIR}` : `${GENERATED_CLIENT_DIR} is up to date with the document`);
}

/** `N passed, N failed` over every Jest run so far: the one line a reader (or CI) needs. */
function testCountLine() {
  const counts = jestResults.filter(existsSync).map((file) => JSON.parse(readFileSync(file, 'utf8')));
  const passed = counts.reduce((sum, result) => sum + result.numPassedTests, 0);
  const failed = counts.reduce((sum, result) => sum + result.numFailedTests, 0);
  return `tests: ${passed} passed, ${failed} failed`;
}

const steps = [
  ['dependencies', () => ensureDependencies(root)],
  ['browser', () => ensureChromium()],
  // The boundary rule reads Nx's cached project graph and skips itself when there is none.
  ['project graph', () => run(join(root, 'node_modules/.bin/nx'), ['show', 'projects'], { cwd: root, stdio: 'ignore' })],
  ['lint', () => run(join(root, 'node_modules/.bin/eslint'), ['.', '--max-warnings=0'], { cwd: root })],
  ['build', () => build(root)],
  ['generated OpenAPI client', () => generatedClient()],
  ['unit, integration and end-to-end tests', () => allOf(jestQuietly('jest.config.mjs'), jest('jest.stack.config.mjs', '--runInBand'))],
];

async function main() {
  const durations = [];
  for (const [label, action] of steps) {
    durations.push([label, await timedStep(label, action)]);
  }
  console.log('\nAll steps passed:');
  for (const [label, duration] of durations) {
    console.log(`  ${label.padEnd(34)} ${formatSeconds(duration)}`);
  }
  console.log(testCountLine());
}

main().catch((error) => {
  if (jestResults.length) console.log(testCountLine());
  exitOnFailure(error);
});
