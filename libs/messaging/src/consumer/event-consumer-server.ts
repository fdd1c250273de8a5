import { KafkaContext, ServerKafka } from '@nestjs/microservices';
import { deadLetterTopic } from '@scrt/contracts';
import type { EachMessagePayload } from 'kafkajs';
import { ACKS_ALL, kafkaTransportOptions, type KafkaSettings } from '../kafka-config.js';
import type { Delivery } from './delivery.js';
import type { DeliveryRuntime } from './deliver-event.js';

type KafkaContextArgs = ConstructorParameters<typeof KafkaContext>[0];

/** Nest's Kafka context plus the raw delivery and what `@ConsumeEvent` needs to retry and dead-letter it. */
export class EventConsumerContext extends KafkaContext {
  constructor(
    args: KafkaContextArgs,
    readonly delivery: Delivery,
    readonly runtime: DeliveryRuntime,
  ) {
    super(args);
  }
}

/**
 * Nest's Kafka server (consumer group = service name, its idempotent producer for dead letters),
 * for events only. It hands handlers the raw message rather than Nest's parsed copy, whose key
 * and headers are decoded (and JSON-parsed) strings, so that a dead letter is the original bytes.
 * Nest 12 propagates a handler's rejection to kafkajs, which then does not commit the offset.
 */
export class EventConsumerServer extends ServerKafka {
  private readonly deadLetterTopic: string;

  constructor(settings: KafkaSettings) {
    super(kafkaTransportOptions(settings));
    this.deadLetterTopic = deadLetterTopic(settings.serviceName);
  }

  override async handleMessage(payload: EachMessagePayload): Promise<unknown> {
    const { topic, partition, message, heartbeat } = payload;
    const producer = this.producer;
    if (!producer || !this.consumer) throw new Error('The Kafka consumer server is not started');
    const runtime: DeliveryRuntime = {
      deadLetterTopic: this.deadLetterTopic,
      heartbeat,
      sendToDeadLetter: async (deadLetter) => void (await producer.send({ topic: this.deadLetterTopic, acks: ACKS_ALL, messages: [deadLetter] })),
    };
    const args = [message, partition, topic, this.consumer, heartbeat, producer] as KafkaContextArgs;
    const context = new EventConsumerContext(args, { topic, partition, message }, runtime);
    return this.handleEvent(topic, { pattern: topic, data: message.value }, context);
  }
}
