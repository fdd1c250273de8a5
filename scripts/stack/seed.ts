import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StackStartError } from './errors.js';

interface SeedModule {
  seedReferenceData?: (databaseUrl: string) => Promise<unknown>;
}

/** Runs the compiled reference-data seed (prisma/refdata/seed/seed.ts) when there is one. */
export async function seedReferenceData(root: string, databaseUrl: string): Promise<boolean> {
  const compiledSeed = join(root, 'dist', 'prisma', 'refdata', 'seed', 'seed.js');
  if (!existsSync(compiledSeed)) {
    return false;
  }
  const seed = (await import(pathToFileURL(compiledSeed).href)) as SeedModule;
  if (typeof seed.seedReferenceData !== 'function') {
    throw new StackStartError(`${compiledSeed} does not export a function seedReferenceData(databaseUrl).`);
  }
  await seed.seedReferenceData(databaseUrl);
  return true;
}
