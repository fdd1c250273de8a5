import { Logger } from '@nestjs/common';
import pg from 'pg';
import { backoffDelayMs, pause } from '../backoff.js';
import { describeError } from '../describe-error.js';

/** The channel a schema's outbox inserts NOTIFY on (`<schema>_outbox`). */
export function outboxChannel(schema: string): string {
  return `${schema}_outbox`;
}

const RECONNECT_BASE_MS = 500;
const RECONNECT_MAX_MS = 30_000;

/**
 * The relay's pause between polls, cut short when a writing transaction commits: a dedicated
 * connection LISTENs on the outbox channel. Polling stays the fallback, so a lost notification
 * or a lost listening connection only delays events by one poll interval; the listener
 * reconnects with backoff on its own.
 */
export class OutboxWakeup {
  private readonly logger = new Logger(OutboxWakeup.name);
  private pending = false;
  private wake?: () => void;
  private client?: pg.Client;
  private listening?: Promise<void>;

  constructor(
    private readonly connectionString: string | undefined,
    private readonly channel: string,
    private readonly stopping: AbortSignal,
  ) {}

  /** Starts listening in the background (nothing when no connection string was given). */
  start(): void {
    if (this.connectionString) this.listening ??= this.listenUntilStopped(this.connectionString);
  }

  async stop(): Promise<void> {
    this.wake?.();
    await this.client?.end().catch(() => undefined);
    await this.listening;
  }

  /** Waits `ms`, or less when a notification arrives (or arrived since the last wait), or on stop. */
  async pause(ms: number): Promise<void> {
    if (this.pending || ms === 0) {
      this.pending = false;
      return;
    }
    const woken = new AbortController();
    this.wake = () => woken.abort();
    await pause(ms, AbortSignal.any([woken.signal, this.stopping]));
    this.wake = undefined;
    this.pending = false;
  }

  private notified(): void {
    this.pending = true;
    this.wake?.();
  }

  private async listenUntilStopped(connectionString: string): Promise<void> {
    let failures = 0;
    while (!this.stopping.aborted) {
      const client = new pg.Client({ connectionString, application_name: `outbox-listener:${this.channel}` });
      this.client = client;
      const lost = new Promise<unknown>((resolve) => {
        client.on('error', resolve);
        client.once('end', () => resolve(new Error('connection ended')));
      });
      try {
        await client.connect();
        client.on('notification', (message) => {
          if (message.channel === this.channel) this.notified();
        });
        await client.query(`LISTEN "${this.channel}"`);
        failures = 0;
        // Rows committed while not listening are picked up now rather than at the next poll.
        this.notified();
        const error = await lost;
        if (!this.stopping.aborted) throw error;
      } catch (error) {
        await client.end().catch(() => undefined);
        if (this.stopping.aborted) return;
        failures += 1;
        const retryInMs = backoffDelayMs(RECONNECT_BASE_MS, failures, RECONNECT_MAX_MS);
        this.logger.warn({ message: 'outbox listener lost its connection; polling meanwhile', error: describeError(error), retryInMs });
        await pause(retryInMs, this.stopping);
      }
    }
  }
}
