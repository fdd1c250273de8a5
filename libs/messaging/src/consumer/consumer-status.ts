import type { ReadinessCheck } from '@scrt/http';
import { describeError } from '../describe-error.js';

/** `waiting-for-dependency`: a partition holds its offset until the database or broker answers. */
export type ConsumerState = 'starting' | 'consuming' | 'waiting-for-dependency' | 'crashed';

export interface ConsumerHealth {
  state: ConsumerState;
  since: string;
  lastError?: string;
  /** Partitions (`topic:partition`) waiting for a dependency. */
  waitingPartitions: string[];
  /** Events this process sent to the dead-letter topic. */
  deadLettered: number;
}

/** What the event consumer of a service is doing, for its readiness check. */
export class ConsumerStatus {
  private base: { state: 'starting' | 'consuming' | 'crashed'; since: Date; lastError?: string } = { state: 'starting', since: new Date() };
  private readonly waiting = new Map<string, { since: Date; lastError: string }>();
  private deadLettered = 0;

  started(): void {
    this.base = { state: 'consuming', since: new Date() };
  }

  crashed(error: unknown): void {
    this.base = { state: 'crashed', since: new Date(), lastError: describeError(error).slice(0, 300) };
  }

  waitingFor(partition: string, error: unknown): void {
    this.waiting.set(partition, { since: this.waiting.get(partition)?.since ?? new Date(), lastError: describeError(error).slice(0, 300) });
  }

  waitOver(partition: string): void {
    this.waiting.delete(partition);
  }

  countDeadLetter(): void {
    this.deadLettered += 1;
  }

  health(): ConsumerHealth {
    const waits = [...this.waiting.values()].sort((a, b) => a.since.getTime() - b.since.getTime());
    const common = { waitingPartitions: [...this.waiting.keys()], deadLettered: this.deadLettered };
    if (this.base.state === 'consuming' && waits.length > 0) {
      return { state: 'waiting-for-dependency', since: waits[0].since.toISOString(), lastError: waits[waits.length - 1].lastError, ...common };
    }
    return { state: this.base.state, since: this.base.since.toISOString(), lastError: this.base.lastError, ...common };
  }

  /** Ready while consuming; not while starting, crashed or waiting for a dependency. */
  readinessCheck(): ReadinessCheck {
    return {
      name: 'consumer',
      check: async () => {
        const health = this.health();
        if (health.state !== 'consuming') throw new Error(`${health.state} since ${health.since}${health.lastError ? ` (${health.lastError})` : ''}`);
        return health;
      },
    };
  }
}
