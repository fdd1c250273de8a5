import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { GatewayEnv } from '../config/gateway.config.js';
import { SessionStore } from './session-store.js';

/** Deletes ended and expired session rows now and then, so the table holds live sessions only. */
@Injectable()
export class SessionPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionPurge.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(GatewayEnv) private readonly config: GatewayEnv,
    @Inject(SessionStore) private readonly store: SessionStore,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purgeOnce(), this.config.SESSION_PURGE_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async purgeOnce(): Promise<void> {
    try {
      const purged = await this.store.purge();
      if (purged > 0) this.logger.log({ message: 'purged browser sessions', purged });
    } catch (error) {
      this.logger.warn({ message: 'browser session purge failed', error: String(error) });
    }
  }
}
