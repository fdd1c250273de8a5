import { PrismaClient } from '#prisma/refdata';
import { createPrismaClient } from '@scrt/persistence';

export const REFDATA_SCHEMA = 'refdata';
export type ReferenceDataDatabase = PrismaClient;

export const createReferenceDataDatabase = (databaseUrl: string) => createPrismaClient(PrismaClient, databaseUrl, REFDATA_SCHEMA);
