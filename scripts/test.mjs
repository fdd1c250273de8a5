// `npm test`: install if needed, lint, build (the type-check), unit tests, then integration and
// end-to-end tests against the real stack. Stops at the first failing step with its exit code.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from './build.mjs';
import { ensureChromium, ensureDependencies } from './lib/dependencies.mjs';
import { exitOnFailure, formatSeconds, run, timedStep } from './lib/run.mjs';

const root = dirname(import.meta.dirname);
process.env.NX_DAEMON = 'false';

const jestResults = [];

/** Runs one Jest configuration, keeping its counts for the closing line. */
const jest = (config, ...args) => {
  const resultsFile = join(root, '.local', `${config}.results.json`);
  rmSync(resultsFile, { force: true });
  jestResults.push(resultsFile);
  const jestArgs = ['--experimental-vm-modules', join(root, 'node_modules/jest/bin/jest.js'), '-c', config, '--json', `--outputFile=${resultsFile}`, ...args];
  return run(process.execPath, jestArgs, { cwd: root });
};

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
  ['unit tests', () => jest('jest.config.mjs')],
  ['generated OpenAPI client', () => generatedClient()],
  ['integration and end-to-end tests', () => jest('jest.stack.config.mjs', '--runInBand')],
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
