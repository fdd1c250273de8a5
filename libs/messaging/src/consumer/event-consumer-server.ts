import { Logger } from '@nestjs/common';
import { KafkaContext, ServerKafka } from '@nestjs/microservices';
import { deadLetterTopic } from '@scrt/contracts';
import { briefErrorDescription } from '@scrt/persistence';
import type { Consumer, ConsumerCrashEvent, EachMessagePayload } from 'kafkajs';
import { pause } from '../backoff.js';
import { ACKS_ALL, kafkaTransportOptions, type KafkaSettings } from '../kafka-config.js';
import { ConsumerStatus } from './consumer-status.js';
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

/** Pause before a consumer that kafkajs gave up on is started again. */
const CONSUMER_RESTART_DELAY_MS = 2_000;

/**
 * Nest's Kafka server (consumer group = service name, its idempotent producer for dead letters),
 * for events only. It hands handlers the raw message rather than Nest's parsed copy, whose key
 * and headers are decoded (and JSON-parsed) strings, so that a dead letter is the original bytes.
 * Nest 12 propagates a handler's rejection to kafkajs, which then does not commit the offset.
 * A consumer that crashes without kafkajs restarting it (a broker gone for longer than its
 * retries) is started again here.
 */
export class EventConsumerServer extends ServerKafka {
  private readonly deadLetterTopic: string;
  private readonly stopping = new AbortController();
  private readonly log = new Logger('EventConsumer');

  constructor(
    settings: KafkaSettings,
    readonly consumerStatus: ConsumerStatus = new ConsumerStatus(),
  ) {
    super(kafkaTransportOptions(settings));
    this.deadLetterTopic = deadLetterTopic(settings.serviceName);
  }

  override async start(callback: () => void): Promise<void> {
    await super.start(callback);
    this.watch(this.consumer as Consumer);
    this.consumerStatus.started();
  }

  override async close(): Promise<void> {
    // First: a handler waiting for a dependency gives up (uncommitted), so that leaving the group is quick.
    this.stopping.abort(new Error('The consumer is stopping'));
    await super.close();
  }

  private watch(consumer: Consumer): void {
    consumer.on(consumer.events.CRASH, ({ payload }: ConsumerCrashEvent) => {
      this.consumerStatus.crashed(payload.error);
      if (payload.restart) return;
      this.log.error({ message: 'the consumer crashed; starting it again', restartInMs: CONSUMER_RESTART_DELAY_MS, error: briefErrorDescription(payload.error) });
      void this.restartConsumer(consumer);
    });
    consumer.on(consumer.events.GROUP_JOIN, () => this.consumerStatus.started());
  }

  private async restartConsumer(crashed: Consumer): Promise<void> {
    for (let attempt = 1; !this.stopping.signal.aborted && this.consumer === crashed; attempt += 1) {
      await pause(CONSUMER_RESTART_DELAY_MS, this.stopping.signal);
      if (this.stopping.signal.aborted || !this.client) return;
      await crashed.disconnect().catch(() => undefined);
      const consumer = this.client.consumer({ ...(this.options.consumer ?? {}), groupId: this.groupId });
      try {
        this.consumer = consumer;
        this.registerConsumerEventListeners();
        this.watch(consumer);
        await consumer.connect();
        await this.bindEvents(consumer);
        this.log.log({ message: 'the consumer is running again', attempt });
        return;
      } catch (error) {
        this.log.error({ message: 'could not start the consumer again', attempt, error: briefErrorDescription(error) });
        this.consumer = crashed;
        await consumer.disconnect().catch(() => undefined);
      }
    }
  }

  override async handleMessage(payload: EachMessagePayload): Promise<unknown> {
    const { topic, partition, message, heartbeat } = payload;
    const producer = this.producer;
    const consumer = this.consumer;
    if (!producer || !consumer) throw new Error('The Kafka consumer server is not started');
    const where = `${topic}:${partition}`;
    const runtime: DeliveryRuntime = {
      deadLetterTopic: this.deadLetterTopic,
      heartbeat,
      sendToDeadLetter: async (deadLetter) => void (await producer.send({ topic: this.deadLetterTopic, acks: ACKS_ALL, messages: [deadLetter] })),
      pausePartition: (error) => {
        this.consumerStatus.waitingFor(where, error);
        consumer.pause([{ topic, partitions: [partition] }]);
      },
      resumePartition: () => {
        this.consumerStatus.waitOver(where);
        consumer.resume([{ topic, partitions: [partition] }]);
      },
      deadLettered: () => this.consumerStatus.countDeadLetter(),
      signal: this.stopping.signal,
    };
    const args = [message, partition, topic, consumer, heartbeat, producer] as KafkaContextArgs;
    const context = new EventConsumerContext(args, { topic, partition, message }, runtime);
    return this.handleEvent(topic, { pattern: topic, data: message.value }, context);
  }
}
