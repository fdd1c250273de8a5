import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.js';

/** One PostgreSQL schema per service, each with its own Prisma folder under prisma/. */
export const prismaSchemas = ['intake', 'reviews', 'refdata', 'reporting', 'gateway'] as const;

export function existingSchemas(root: string): string[] {
  return prismaSchemas.filter((schema) => existsSync(join(root, 'prisma', schema)));
}

/**
 * `prisma migrate deploy` per schema, one after the other (they share the database and Prisma's
 * migration lock). Runs through scripts/prisma.mjs, which keeps the CLI off native engines.
 */
export async function migrateDatabase(root: string, databaseUrl: string): Promise<string[]> {
  const schemas = existingSchemas(root);
  for (const schema of schemas) {
    await run(
      process.execPath,
      [join(root, 'scripts', 'prisma.mjs'), 'migrate', 'deploy', '--config', join('prisma', schema, 'prisma.config.ts')],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl } },
    );
  }
  return schemas;
}
