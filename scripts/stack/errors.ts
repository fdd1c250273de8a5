/** A start-up failure whose message says everything the user needs (no stack trace needed). */
export class StackStartError extends Error {
  override name = 'StackStartError';
}
