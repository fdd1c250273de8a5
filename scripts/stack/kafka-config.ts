import { randomBytes } from 'node:crypto';

export interface BrokerConfig {
  brokerPort: number;
  controllerPort: number;
  logDir: string;
}

/** A single node that is both broker and KRaft controller, on loopback only. */
export function brokerProperties({ brokerPort, controllerPort, logDir }: BrokerConfig): string {
  const properties: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${brokerPort},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${brokerPort}`,
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': logDir,
    'num.partitions': 3,
    'offsets.topic.replication.factor': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    // Topics are created explicitly from the registry (libs/contracts), never by a typo.
    'auto.create.topics.enable': false,
    // One consumer per group here: no reason to wait for more members to join.
    'group.initial.rebalance.delay.ms': 0,
    // The log cleaner's offset map lives on the heap: 128 MiB by default, for compacting a few
    // small topics (__consumer_offsets) here. 8 MiB still compacts millions of keys per pass.
    'log.cleaner.dedupe.buffer.size': 8 * 1024 * 1024,
  };
  return `${Object.entries(properties)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`;
}

/** Warnings only, plus the one line that says the server has started. */
export const log4jConfig = `Configuration:
  Appenders:
    Console:
      name: STDOUT
      PatternLayout:
        Pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: WARN
      AppenderRef:
        - ref: STDOUT
    Logger:
      - name: kafka.server.KafkaRaftServer
        level: INFO
`;

/**
 * A cluster id as `kafka-storage random-uuid` makes it (16 random bytes, URL-safe base64, never
 * starting with "-"), without paying for a JVM start.
 */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) {
      return id;
    }
  }
}

/** The Kafka version the jars cache is named after, read from scripts/kafka/pom.xml. */
export function kafkaVersionOf(pom: string): string {
  const version = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1];
  if (version === undefined) {
    throw new Error('scripts/kafka/pom.xml has no <kafka.version> property');
  }
  return version.trim();
}
