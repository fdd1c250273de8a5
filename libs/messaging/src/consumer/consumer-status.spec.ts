import { describe, expect, it } from '@jest/globals';
import { ConsumerStatus } from './consumer-status.js';

describe('ConsumerStatus', () => {
  it('is not ready until the consumer runs', async () => {
    await expect(new ConsumerStatus().readinessCheck().check()).rejects.toThrow(/^starting since /);
  });

  it('reports waiting for a dependency (since the first partition waited, with the last error) and is not ready meanwhile', async () => {
    const status = new ConsumerStatus();
    status.started();
    status.waitingFor('t:0', new Error("Can't reach database server"));
    status.waitingFor('t:1', new Error('still down'));
    expect(status.health()).toMatchObject({ state: 'waiting-for-dependency', lastError: 'Error: still down', waitingPartitions: ['t:0', 't:1'] });
    await expect(status.readinessCheck().check()).rejects.toThrow(/^waiting-for-dependency since .* \(Error: still down\)$/);
    status.waitOver('t:0');
    status.waitOver('t:1');
    await expect(status.readinessCheck().check()).resolves.toMatchObject({ state: 'consuming', waitingPartitions: [] });
  });

  it('counts dead letters and shows a crash until the consumer runs again', async () => {
    const status = new ConsumerStatus();
    status.started();
    status.countDeadLetter();
    status.crashed(new Error('KafkaJSNonRetriableError: connect ECONNREFUSED'));
    expect(status.health()).toMatchObject({ state: 'crashed', deadLettered: 1 });
    status.started();
    await expect(status.readinessCheck().check()).resolves.toMatchObject({ state: 'consuming', deadLettered: 1 });
  });
});
