// Runs the Prisma CLI without its native engines (see /work/shared/toolchain.md): the CLI only
// skips downloading them when both variables name an existing file; in this project's
// configuration (engineType "client", engine "js") they are never executed.
// Usage: node scripts/prisma.mjs <prisma arguments>
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exitOnFailure, isEntryPoint, run } from './lib/run.mjs';

const root = dirname(import.meta.dirname);

function prismaEnv(repoRoot = root) {
  const placeholder = join(repoRoot, '.local', 'prisma-engine-placeholder');
  if (!existsSync(placeholder)) {
    mkdirSync(dirname(placeholder), { recursive: true });
    writeFileSync(placeholder, 'Prisma native engines are not used in this project.\n');
  }
  return {
    ...process.env,
    PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  };
}

export function runPrisma(args, repoRoot = root) {
  const cli = join(repoRoot, 'node_modules', 'prisma', 'build', 'index.js');
  const preload = join(import.meta.dirname, 'lib', 'unref-long-timers.cjs');
  return run(process.execPath, ['--require', preload, cli, ...args], { cwd: repoRoot, env: prismaEnv(repoRoot) });
}

if (isEntryPoint(import.meta.filename)) {
  runPrisma(process.argv.slice(2)).catch(exitOnFailure);
}
