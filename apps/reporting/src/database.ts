import { PrismaClient } from '#prisma/reporting';
import { createPrismaClient } from '@scrt/persistence';

export const REPORTING_SCHEMA = 'reporting';
export type ReportingDatabase = PrismaClient;

export const createReportingDatabase = (databaseUrl: string) => createPrismaClient(PrismaClient, databaseUrl, REPORTING_SCHEMA);
