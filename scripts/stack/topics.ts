// @scrt/contracts also exports decorated event classes, which need the metadata polyfill loaded.
import { allTopics } from '@scrt/contracts';
import { Kafka, logLevel } from 'kafkajs';

/** Creates the registry's topics that do not exist yet; returns the names it created. */
export async function createMissingTopics(brokers: string): Promise<string[]> {
  const admin = new Kafka({ clientId: 'scrt-stack-topics', brokers: brokers.split(','), logLevel: logLevel.WARN }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = allTopics().filter((topic) => !existing.has(topic.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic: topic.name,
          numPartitions: topic.partitions,
          replicationFactor: 1,
          configEntries: Object.entries(topic.config ?? {}).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    return missing.map((topic) => topic.name);
  } finally {
    await admin.disconnect();
  }
}
