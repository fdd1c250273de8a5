import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { eventually, requiredEnv } from '@scrt/testing';

export interface ReadMessage {
  partition: number;
  message: KafkaMessage;
}

export const testBrokers = () => requiredEnv('SCRT_TEST_KAFKA_BROKERS');

export function uniqueTopicPrefix(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

const kafka = () => new Kafka({ clientId: 'messaging-it', brokers: testBrokers().split(','), logLevel: logLevel.NOTHING });

async function withAdmin<T>(work: (admin: ReturnType<Kafka['admin']>) => Promise<T>): Promise<T> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Creates topics explicitly, as the stack does (auto-creation is off). */
export async function createTopics(...topics: { name: string; partitions: number }[]): Promise<void> {
  await withAdmin((admin) =>
    admin.createTopics({ waitForLeaders: true, topics: topics.map(({ name, partitions }) => ({ topic: name, numPartitions: partitions, replicationFactor: 1 })) }),
  );
}

/** How many messages the topic holds (offsets are contiguous: no transactional producer). */
export async function countMessages(topic: string): Promise<number> {
  const offsets = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
  return offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
}

/** The offset a consumer group has committed on one partition (-1: none yet). */
export async function committedOffset(groupId: string, topic: string, partition: number): Promise<number> {
  const [committed] = await withAdmin((admin) => admin.fetchOffsets({ groupId, topics: [topic] }));
  return Number(committed.partitions.find((entry) => entry.partition === partition)?.offset ?? -1);
}

/** Reads a topic from the beginning until it has seen `count` messages. */
export async function readMessages(topic: string, count: number, timeoutMs = 30_000): Promise<ReadMessage[]> {
  const consumer = kafka().consumer({ groupId: uniqueTopicPrefix('messaging-it-reader') });
  const received: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ partition, message }) => void received.push({ partition, message }) });
    await eventually(() => received.length >= count, `${count} messages on ${topic} (saw ${received.length})`, timeoutMs);
    return received;
  } finally {
    await consumer.disconnect();
  }
}
