import { PrismaClient } from '#prisma/gateway';
import { createPrismaClient } from '@scrt/persistence';

export const GATEWAY_SCHEMA = 'gateway';
export type GatewayDatabase = PrismaClient;

export const createGatewayDatabase = (databaseUrl: string) => createPrismaClient(PrismaClient, databaseUrl, GATEWAY_SCHEMA);
