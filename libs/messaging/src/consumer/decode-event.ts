import { EventEnvelope, type EventContract } from '@scrt/contracts';
import { validateAs } from '../validate-as.js';
import { InvalidEventError } from './event-errors.js';

function parseJson(value: Buffer | null): unknown {
  if (value === null || value.length === 0) throw new InvalidEventError(['the message has no value']);
  try {
    return JSON.parse(value.toString('utf8'));
  } catch (error) {
    throw new InvalidEventError([`the value is not JSON (${(error as Error).message})`]);
  }
}

/** A message value as a valid event of `contract`, or an `InvalidEventError` saying why not. */
export function decodeEvent<P extends object>(contract: EventContract<P>, value: Buffer | null): EventEnvelope<P> {
  const envelope = validateAs(EventEnvelope, parseJson(value), (problems) => new InvalidEventError(problems));
  if (envelope.type !== contract.type || envelope.version !== contract.version) {
    throw new InvalidEventError([`expected ${contract.type} v${contract.version}, got ${envelope.type} v${envelope.version}`]);
  }
  const payload = validateAs(contract.payloadClass, envelope.payload, (problems) => new InvalidEventError(problems.map((problem) => `payload.${problem}`)));
  return Object.assign(envelope, { payload });
}
