import type { EventContract, EventEnvelope } from '@scrt/contracts';

/** The topic of an event type and version by the naming convention: `<type>.v<version>`. */
export function topicOf(event: Pick<EventEnvelope, 'type' | 'version'>): string {
  return `${event.type}.v${event.version}`;
}

/** Fails fast when a contract's topic breaks the convention that `topicOf` relies on. */
export function assertConventionalTopic(contract: EventContract<object>): void {
  if (contract.topic !== topicOf(contract)) {
    throw new Error(`The topic of ${contract.type} v${contract.version} should be ${topicOf(contract)}, not ${contract.topic}`);
  }
}
