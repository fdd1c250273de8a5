import { describe, expect, it } from '@jest/globals';
import { brokerProperties, kafkaVersionOf, newClusterId } from './kafka-config.js';

function parse(properties: string): Record<string, string> {
  return Object.fromEntries(properties.trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)));
}

describe('brokerProperties', () => {
  const properties = parse(brokerProperties({ brokerPort: 19092, controllerPort: 19093, logDir: '/data/kafka' }));

  it('runs one combined broker and controller on loopback', () => {
    expect(properties['process.roles']).toBe('broker,controller');
    expect(properties['controller.quorum.voters']).toBe('1@127.0.0.1:19093');
    expect(properties.listeners).toBe('PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(properties['advertised.listeners']).toBe('PLAINTEXT://127.0.0.1:19092');
    expect(properties['log.dirs']).toBe('/data/kafka');
  });

  it('never creates topics implicitly and needs no replicas', () => {
    expect(properties['auto.create.topics.enable']).toBe('false');
    expect(properties['offsets.topic.replication.factor']).toBe('1');
    expect(properties['transaction.state.log.replication.factor']).toBe('1');
    expect(properties['group.initial.rebalance.delay.ms']).toBe('0');
  });

  it('keeps the log cleaner\'s offset map small, since it sits on a development broker\'s heap', () => {
    expect(Number(properties['log.cleaner.dedupe.buffer.size'])).toBeLessThanOrEqual(16 * 1024 * 1024);
  });
});

describe('newClusterId', () => {
  it('is 16 bytes in URL-safe base64 that does not start with a dash', () => {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const id = newClusterId();
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
      expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    }
  });
});

describe('kafkaVersionOf', () => {
  it('reads the kafka.version property of the pom', () => {
    expect(kafkaVersionOf('<properties><kafka.version> 4.1.1 </kafka.version></properties>')).toBe('4.1.1');
  });

  it('fails clearly without it', () => {
    expect(() => kafkaVersionOf('<project/>')).toThrow('no <kafka.version> property');
  });
});
