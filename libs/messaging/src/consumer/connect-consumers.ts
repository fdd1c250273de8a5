import type { INestApplication } from '@nestjs/common';
import type { KafkaSettings } from '../kafka-config.js';
import { EventConsumerServer } from './event-consumer-server.js';

/**
 * Connects the app's `@ConsumeEvent` handlers to Kafka (group = service name) and starts
 * consuming; call it from `bootstrapService`'s `configure`. Global HTTP filters and pipes are
 * deliberately not inherited: an HTTP filter must not turn an event failure into a response.
 */
export async function connectConsumers(app: INestApplication, settings: KafkaSettings): Promise<void> {
  app.connectMicroservice({ strategy: new EventConsumerServer(settings) }, { inheritAppConfig: false });
  await app.startAllMicroservices();
}
