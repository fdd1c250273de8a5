import { describe, expect, it, jest } from '@jest/globals';
import { CaseCreatedV1Contract, type CaseCreatedV1, type EventEnvelope } from '@scrt/contracts';
import { currentCorrelationId } from '@scrt/observability';
import type { Message } from 'kafkajs';
import { caseCreatedEventJson, kafkaMessage } from '../testing/fixtures.js';
import { deliverEvent, type DeliveryRuntime, type EventRoute } from './deliver-event.js';
import { DeadLetterPublishError, InvalidEventError, NonRetriableEventError } from './event-errors.js';
import type { Delivery, EventDelivery } from './delivery.js';

const topic = CaseCreatedV1Contract.topic;

function fakeRuntime(sendToDeadLetter = jest.fn(async (_message: Message) => undefined)) {
  return {
    deadLetterTopic: 'reporting.dead-letter.v1',
    sendToDeadLetter,
    heartbeat: jest.fn(async () => undefined),
    pausePartition: jest.fn((_error: unknown) => undefined),
    resumePartition: jest.fn(() => undefined),
    deadLettered: jest.fn(() => undefined),
    sleep: async () => undefined,
  } satisfies DeliveryRuntime;
}

function route(handle: (envelope: EventEnvelope<CaseCreatedV1>, delivery: EventDelivery) => Promise<void>): EventRoute<CaseCreatedV1> {
  return { contract: CaseCreatedV1Contract, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, maxWaitDelayMs: 1 }, handle };
}

const delivery = (value: string | null): Delivery => ({ topic, partition: 1, message: kafkaMessage(value, '7', 'case-1', { 'x-correlation-id': 'header-corr-1' }) });

describe('deliverEvent', () => {
  it('runs the handler once, in the event correlation id, with where the event was read', async () => {
    const runtime = fakeRuntime();
    const seen: unknown[] = [];
    const outcome = await deliverEvent(
      delivery(caseCreatedEventJson()),
      route(async (envelope, where) => void seen.push([envelope.type, where, currentCorrelationId()])),
      runtime,
    );
    expect(outcome).toBe('handled');
    expect(seen).toEqual([['case-intake.case.created', { topic, partition: 1, offset: '7', key: 'case-1' }, 'corr-12345']]);
    expect(runtime.sendToDeadLetter).not.toHaveBeenCalled();
  });

  it('retries a transient failure, beating the heartbeat between attempts', async () => {
    const runtime = fakeRuntime();
    const handle = jest.fn<() => Promise<void>>().mockRejectedValueOnce(new Error('deadlock')).mockResolvedValue(undefined);
    await expect(deliverEvent(delivery(caseCreatedEventJson()), route(handle), runtime)).resolves.toBe('handled');
    expect(handle).toHaveBeenCalledTimes(2);
    expect(runtime.heartbeat).toHaveBeenCalledTimes(1);
  });

  it('dead-letters an invalid message without calling the handler', async () => {
    const runtime = fakeRuntime();
    const handle = jest.fn(async () => undefined);
    await expect(deliverEvent(delivery('{oops'), route(handle), runtime)).resolves.toBe('dead-lettered');
    expect(handle).not.toHaveBeenCalled();
    const [deadLetter] = runtime.sendToDeadLetter.mock.calls[0];
    expect(String(deadLetter.headers?.['x-dlq-error'])).toMatch(/^InvalidEventError: Invalid event: the value is not JSON/);
  });

  it('dead-letters after the last attempt, and a non-retriable failure at once', async () => {
    const always = jest.fn(async () => Promise.reject(new Error('still down')));
    const runtime = fakeRuntime();
    await expect(deliverEvent(delivery(caseCreatedEventJson()), route(always), runtime)).resolves.toBe('dead-lettered');
    expect(always).toHaveBeenCalledTimes(3);
    expect(runtime.sendToDeadLetter.mock.calls[0][0].headers).toMatchObject({ 'x-dlq-error': 'Error: still down', 'x-dlq-original-offset': '7' });

    const refused = jest.fn(async () => Promise.reject(new NonRetriableEventError('unknown organisation')));
    await expect(deliverEvent(delivery(caseCreatedEventJson()), route(refused), fakeRuntime())).resolves.toBe('dead-lettered');
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it('never dead-letters an event whose database is unreachable for longer than the attempts allow: it pauses the partition and waits', async () => {
    const runtime = fakeRuntime();
    const unreachable = () => Object.assign(new Error("\nInvalid `prisma.caseFact.create()` invocation:\n\nCan't reach database server at 127.0.0.1:54329"), { name: 'PrismaClientKnownRequestError', code: 'P1001' });
    const handle = jest.fn<() => Promise<void>>();
    for (let failure = 0; failure < 12; failure += 1) handle.mockRejectedValueOnce(unreachable());
    handle.mockResolvedValue(undefined);
    await expect(deliverEvent(delivery(caseCreatedEventJson()), route(handle), runtime)).resolves.toBe('handled');
    expect(handle).toHaveBeenCalledTimes(13);
    expect(runtime.sendToDeadLetter).not.toHaveBeenCalled();
    expect(runtime.pausePartition).toHaveBeenCalledTimes(1);
    expect(runtime.resumePartition).toHaveBeenCalledTimes(1);
  });

  it('counts what it dead-letters', async () => {
    const runtime = fakeRuntime();
    await deliverEvent(delivery('{oops'), route(async () => undefined), runtime);
    expect(runtime.deadLettered).toHaveBeenCalledTimes(1);
  });

  it('rejects, so that the offset is not committed, when the dead-letter topic refuses the message', async () => {
    const runtime = fakeRuntime(jest.fn(async () => Promise.reject(new Error('broker down'))));
    const outcome = deliverEvent(delivery('{oops'), route(async () => undefined), runtime);
    await expect(outcome).rejects.toBeInstanceOf(DeadLetterPublishError);
    await expect(outcome).rejects.toMatchObject({ cause: new Error('broker down') });
  });

  it('keeps the correlation id of the headers for a message it cannot read', async () => {
    let correlationId: string | undefined;
    const runtime = fakeRuntime(jest.fn(async () => void (correlationId = currentCorrelationId())));
    await deliverEvent(delivery('{oops'), route(async () => undefined), runtime);
    expect(correlationId).toBe('header-corr-1');
    expect(InvalidEventError).toBeDefined();
  });
});
