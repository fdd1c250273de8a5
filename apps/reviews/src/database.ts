import { PrismaClient } from '#prisma/reviews';
import { createPrismaClient } from '@scrt/persistence';

export const REVIEWS_SCHEMA = 'reviews';
export type ReviewsDatabase = PrismaClient;

export const createReviewsDatabase = (databaseUrl: string) => createPrismaClient(PrismaClient, databaseUrl, REVIEWS_SCHEMA);
