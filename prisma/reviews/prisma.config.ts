import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';
import { databaseUrlForSchema } from '../database-url.js';

const SCHEMA = 'reviews';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(import.meta.dirname, 'schema.prisma'),
  migrations: { path: path.join(import.meta.dirname, 'migrations') },
  adapter: async () => new PrismaPg({ connectionString: await databaseUrlForSchema(SCHEMA), allowExitOnIdle: true }, { schema: SCHEMA }),
});
