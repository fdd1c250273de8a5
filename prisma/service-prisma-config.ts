import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';
import { databaseUrlForSchema } from './database-url.js';

/**
 * The Prisma CLI configuration of one service's schema folder: WebAssembly engines through the
 * pg driver adapter (no native engine download), migrations applied inside the service's schema.
 */
export function servicePrismaConfig(schemaFolder: string, schema: string) {
  return defineConfig({
    experimental: { adapter: true },
    engine: 'js',
    schema: path.join(schemaFolder, 'schema.prisma'),
    migrations: { path: path.join(schemaFolder, 'migrations') },
    // allowExitOnIdle: an idle pool would keep each `migrate deploy` process alive for seconds.
    adapter: async () => new PrismaPg({ connectionString: await databaseUrlForSchema(schema), allowExitOnIdle: true }, { schema }),
  });
}
