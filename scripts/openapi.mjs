// `npm run openapi`: build, then write openapi/openapi.json from the services' code.
// `npm run openapi -- --check`: the same, but fail (exit 1) when the committed file differs.
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from './build.mjs';
import { exitOnFailure, timedStep } from './lib/run.mjs';

const root = dirname(import.meta.dirname);
process.env.NX_DAEMON = 'false';

async function main() {
  await timedStep('build', () => build(root));
  const generator = await import(pathToFileURL(join(root, 'dist/scripts/openapi/generate.js')).href);
  await timedStep('openapi', () => generator.main(process.argv.slice(2), root));
}

main().catch(exitOnFailure);
