// `npm run build`: Prisma clients, then TypeScript to dist/ (which also type-checks), then the
// @scrt/* path aliases rewritten to relative imports, then the non-TypeScript files beside the
// code (seed data, templates, JSON) copied, so that node can run dist/ as is.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exitOnFailure, isEntryPoint, run, timedStep } from './lib/run.mjs';
import { runPrisma } from './prisma.mjs';

export const prismaSchemas = ['intake', 'reviews', 'refdata', 'reporting', 'gateway'];

/** The folders tsconfig.build.json compiles: apps/<app>/src, libs/<lib>/src, prisma/<schema>/seed. */
function sourceFolders(root) {
  const subfolders = (parent, child) =>
    existsSync(join(root, parent))
      ? readdirSync(join(root, parent)).map((name) => join(parent, name, child)).filter((folder) => existsSync(join(root, folder)))
      : [];
  return [...subfolders('apps', 'src'), ...subfolders('libs', 'src'), ...subfolders('prisma', 'seed')];
}

function copyAssets(root) {
  for (const folder of sourceFolders(root)) {
    cpSync(join(root, folder), join(root, 'dist', folder), {
      recursive: true,
      filter: (source) => !source.endsWith('.ts'),
    });
  }
}

export async function build(root = dirname(import.meta.dirname)) {
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  for (const schema of prismaSchemas.filter((name) => existsSync(join(root, 'prisma', name)))) {
    await timedStep(`prisma generate (${schema})`, () =>
      runPrisma(['generate', '--no-hints', '--schema', `prisma/${schema}/schema.prisma`], root),
    );
  }
  await timedStep('tsc -p tsconfig.build.json', () => run(bin('tsc'), ['-p', 'tsconfig.build.json'], { cwd: root }));
  await timedStep('tsc-alias -p tsconfig.build.json', () => run(bin('tsc-alias'), ['-p', 'tsconfig.build.json'], { cwd: root }));
  await timedStep('copy non-TypeScript files', async () => copyAssets(root));
}

if (isEntryPoint(import.meta.filename)) {
  build().catch(exitOnFailure);
}
