import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../stack/run.js';
import { OPENAPI_DOCUMENT_FILE } from '../../apps/gateway/src/openapi/openapi-document.js';

/** Where the client is generated and compiled (not committed): `src/` from the generator, `dist/` from tsc. */
export const GENERATED_CLIENT_DIR = join('.local', 'generated-client');

const POM = join('scripts', 'openapi', 'generator', 'pom.xml');
const GENERATOR = 'typescript-fetch';
/** ESM with `.js` imports, so that Node (and the e2e test) loads the compiled client as it is. */
const GENERATOR_PROPERTIES = 'importFileExtension=.js,supportsES6=true';
const HASH_FILE = '.document-hash';

const CLIENT_TSCONFIG = {
  compilerOptions: { target: 'es2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['es2022', 'dom'], strict: true, declaration: true, rootDir: 'src', outDir: 'dist' },
  include: ['src/**/*.ts'],
};

function generatorVersion(pom: string): string {
  const version = /<openapi-generator\.version>([^<]+)</.exec(pom)?.[1];
  if (!version) throw new Error(`${POM} names no <openapi-generator.version>`);
  return version;
}

/** OpenAPI Generator's jar, copied from Maven (Central or ~/.m2) once per version. */
async function ensureGeneratorJar(root: string, version: string): Promise<string> {
  const dir = join(root, '.local', 'openapi-generator', version);
  const jar = join(dir, `openapi-generator-cli-${version}.jar`);
  if (existsSync(jar)) return jar;
  // Per process: two runs fetching at once each finish their own copy.
  const partial = `${dir}.partial-${process.pid}`;
  await run('mvn', ['-B', '-q', '-Dstyle.color=never', '-f', join(root, POM), 'dependency:copy-dependencies', `-DoutputDirectory=${partial}`, '-DexcludeTransitive=true']);
  mkdirSync(dir, { recursive: true });
  renameSync(join(partial, readdirSync(partial).find((name) => name.startsWith('openapi-generator-cli-')) ?? 'missing.jar'), jar);
  rmSync(partial, { recursive: true, force: true });
  return jar;
}

/** What the client is made from: when none of it changed, the client on disk is the right one. */
function inputsHash(root: string): string {
  const hash = createHash('sha256');
  for (const part of [readFileSync(join(root, OPENAPI_DOCUMENT_FILE)), readFileSync(join(root, POM)), GENERATOR, GENERATOR_PROPERTIES, JSON.stringify(CLIENT_TSCONFIG)]) {
    hash.update(part).update('\0');
  }
  return hash.digest('hex');
}

/**
 * A `typescript-fetch` client generated from the committed OpenAPI document and compiled with tsc,
 * in `.local/generated-client/dist`. Costs nothing when the document did not change.
 * Returns whether it had to generate.
 */
export async function ensureGeneratedClient(root: string): Promise<boolean> {
  const target = join(root, GENERATED_CLIENT_DIR);
  const hash = inputsHash(root);
  const hashFile = join(target, HASH_FILE);
  if (existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash && existsSync(join(target, 'dist', 'index.js'))) return false;

  const jar = await ensureGeneratorJar(root, generatorVersion(readFileSync(join(root, POM), 'utf8')));
  const work = `${target}.partial-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  await run('java', ['-jar', jar, 'generate', '--input-spec', join(root, OPENAPI_DOCUMENT_FILE), '--generator-name', GENERATOR, '--output', join(work, 'src'), `--additional-properties=${GENERATOR_PROPERTIES}`]);
  writeFileSync(join(work, 'package.json'), `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);
  writeFileSync(join(work, 'tsconfig.json'), `${JSON.stringify(CLIENT_TSCONFIG, null, 2)}\n`);
  await run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(work, 'tsconfig.json')]);
  writeFileSync(join(work, HASH_FILE), hash);
  rmSync(target, { recursive: true, force: true });
  renameSync(work, target);
  return true;
}
