import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventContract, EventEnvelope } from '@scrt/contracts';
import { assertConventionalTopic } from '../event-topic.js';
import { deliverEvent } from './deliver-event.js';
import { EventConsumerContext } from './event-consumer-server.js';
import type { EventDelivery } from './delivery.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';

type EventHandlerMethod<P> = (envelope: EventEnvelope<P>, delivery: EventDelivery) => Promise<void>;

/**
 * Subscribes the method to `contract.topic`. The method gets the validated envelope (payload an
 * instance of `contract.payloadClass`) and where it was read, runs in the event's
 * correlation id and is retried on failure (`NonRetriableEventError`: not retried); a message that
 * is invalid or keeps failing goes to the service's dead-letter topic and the partition moves on.
 */
export function ConsumeEvent<P extends object>(contract: EventContract<P>, retry: Partial<RetryPolicy> = {}) {
  assertConventionalTopic(contract);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...retry };
  return <M extends EventHandlerMethod<P>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    const handler = descriptor.value;
    if (!handler) throw new Error(`@ConsumeEvent must decorate a method (${String(key)})`);
    const consume = function (this: unknown, _value: unknown, context: unknown) {
      if (!(context instanceof EventConsumerContext)) {
        throw new Error(`@ConsumeEvent(${contract.topic}) handlers must be connected with connectConsumers()`);
      }
      return deliverEvent(context.delivery, { contract, retry: policy, handle: (envelope, delivery) => handler.call(this, envelope, delivery) }, context.runtime);
    };
    // Nest calls the registered method with (message value, context); the wrapper calls the handler.
    descriptor.value = consume as unknown as M;
    EventPattern<string>(contract.topic)(target, key, descriptor);
    // Nest 12 passes only the payload unless the context is asked for.
    Payload()(target, key, 0);
    Ctx()(target, key, 1);
  };
}
