import type { KafkaMessage } from 'kafkajs';

/** A message as Kafka delivered it. */
export interface Delivery {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/** Where an event was read: the second argument of an `@ConsumeEvent` handler. */
export interface EventDelivery {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
}

/** The handler's view of a delivery (the key as text). */
export function eventDeliveryOf({ topic, partition, message }: Delivery): EventDelivery {
  return { topic, partition, offset: message.offset, key: message.key?.toString('utf8') ?? null };
}
