import type { INestApplication } from '@nestjs/common';
import type { KafkaSettings } from '../kafka-config.js';
import { ConsumerStatus } from './consumer-status.js';
import { EventConsumerServer } from './event-consumer-server.js';

/** The app's `ConsumerStatus` (MessagingModule.forConsumer), or one of its own for an app without. */
function consumerStatusOf(app: INestApplication): ConsumerStatus {
  try {
    return app.get(ConsumerStatus, { strict: false });
  } catch {
    return new ConsumerStatus();
  }
}

/**
 * Connects the app's `@ConsumeEvent` handlers to Kafka (group = service name) and starts
 * consuming; call it from `bootstrapService`'s `configure`. Global HTTP filters and pipes are
 * deliberately not inherited: an HTTP filter must not turn an event failure into a response.
 * The consumer reports to the `ConsumerStatus` of `MessagingModule.forConsumer` (its readiness).
 */
export async function connectConsumers(app: INestApplication, settings: KafkaSettings): Promise<void> {
  const status = consumerStatusOf(app);
  app.connectMicroservice({ strategy: new EventConsumerServer(settings, status) }, { inheritAppConfig: false });
  await app.startAllMicroservices();
}
