// `npm start`: install if needed, build, then bring the whole system up (dist/scripts/stack).
// Plain JavaScript with node: imports only, because node_modules may not exist yet.
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from './build.mjs';
import { ensureDependencies } from './lib/dependencies.mjs';
import { exitOnFailure, timedStep } from './lib/run.mjs';

const root = dirname(import.meta.dirname);
process.env.NX_DAEMON = 'false';

async function main() {
  await timedStep('dependencies', () => ensureDependencies(root));
  await timedStep('build', () => build(root));
  const stack = await import(pathToFileURL(join(root, 'dist/scripts/stack/start.js')).href);
  await stack.main(process.argv.slice(2));
}

main().catch(exitOnFailure);
