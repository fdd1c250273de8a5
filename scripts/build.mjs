// `npm run build`: Prisma clients, then TypeScript to dist/ (which also type-checks), then the
// @scrt/* path aliases rewritten to relative imports so that node can run dist/ as is.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exitOnFailure, isEntryPoint, run, timedStep } from './lib/run.mjs';
import { runPrisma } from './prisma.mjs';

export const prismaSchemas = ['intake', 'reviews', 'refdata', 'reporting'];

export async function build(root = dirname(import.meta.dirname)) {
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  for (const schema of prismaSchemas.filter((name) => existsSync(join(root, 'prisma', name)))) {
    await timedStep(`prisma generate (${schema})`, () =>
      runPrisma(['generate', '--schema', `prisma/${schema}/schema.prisma`], root),
    );
  }
  await timedStep('tsc -p tsconfig.build.json', () => run(bin('tsc'), ['-p', 'tsconfig.build.json'], { cwd: root }));
  await timedStep('tsc-alias -p tsconfig.build.json', () => run(bin('tsc-alias'), ['-p', 'tsconfig.build.json'], { cwd: root }));
}

if (isEntryPoint(import.meta.filename)) {
  build().catch(exitOnFailure);
}
