/** A failure that retrying cannot fix: the message goes straight to the dead-letter topic. */
export class NonRetriableEventError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A message that is not a valid event of the contract its topic carries. */
export class InvalidEventError extends NonRetriableEventError {
  constructor(readonly problems: string[]) {
    super(`Invalid event: ${problems.join('; ')}`);
  }
}

/** The dead-letter topic did not take a message: its offset must not be committed. */
export class DeadLetterPublishError extends Error {
  constructor(deadLetterTopic: string, cause: unknown) {
    super(`Could not publish to ${deadLetterTopic}`, { cause });
    this.name = new.target.name;
  }
}
