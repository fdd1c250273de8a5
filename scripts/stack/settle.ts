/**
 * Like Promise.all, but waits for every task to finish before failing, so that nothing is still
 * starting (and unrecorded) while the caller cleans up after the first error.
 */
export async function settleAll<T>(tasks: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(tasks);
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) {
    throw failure.reason;
  }
  return results.map((result) => (result as PromiseFulfilledResult<T>).value);
}
