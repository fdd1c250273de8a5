import { isTransientDatabaseError } from '@scrt/persistence';
import { NonRetriableEventError } from './event-errors.js';

/**
 * `permanent`: the event can never succeed (invalid, breaks a rule): dead-letter it at once.
 * `transient`: a dependency is down or busy: wait for it however long it takes, never dead-letter.
 * `unknown`: anything else (a bug?): a few attempts, then dead-letter.
 */
export type FailureKind = 'permanent' | 'transient' | 'unknown';

/** kafkajs errors of a broker that is unreachable or electing a leader. */
function isTransientBrokerError(error: unknown): boolean {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 5; depth += 1) {
    const { name, retriable } = current as { name?: unknown; retriable?: unknown };
    if (retriable === true || (typeof name === 'string' && /^KafkaJS(Connection|ConnectionClosed|RequestTimeout|NumberOfRetriesExceeded|BrokerNotFound|LockTimeout)Error$/.test(name))) {
      return true;
    }
    current = (current as { cause?: unknown; originalError?: unknown }).cause ?? (current as { originalError?: unknown }).originalError;
  }
  return false;
}

export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof NonRetriableEventError) return 'permanent';
  if (isTransientDatabaseError(error) || isTransientBrokerError(error)) return 'transient';
  return 'unknown';
}
