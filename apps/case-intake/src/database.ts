import { PrismaClient } from '#prisma/intake';
import { createPrismaClient } from '@scrt/persistence';

export const INTAKE_SCHEMA = 'intake';
export type IntakeDatabase = PrismaClient;

export const createIntakeDatabase = (databaseUrl: string) => createPrismaClient(PrismaClient, databaseUrl, INTAKE_SCHEMA);
