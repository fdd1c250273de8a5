/** Prisma's code for a unique constraint violation. */
const UNIQUE_VIOLATION = 'P2002';

/** Runs an insert; undefined when a unique constraint refused it (a concurrent request won). */
export async function unlessDuplicate<T>(insert: () => Promise<T>): Promise<T | undefined> {
  try {
    return await insert();
  } catch (error) {
    if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) return undefined;
    throw error;
  }
}
