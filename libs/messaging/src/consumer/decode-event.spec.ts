import { describe, expect, it } from '@jest/globals';
import { CaseCreatedV1, CaseCreatedV1Contract } from '@scrt/contracts';
import { caseCreatedEventJson, caseCreatedPayload } from '../testing/fixtures.js';
import { decodeEvent } from './decode-event.js';
import { InvalidEventError } from './event-errors.js';

const decode = (json: string | null) => decodeEvent(CaseCreatedV1Contract, json === null ? null : Buffer.from(json));
const edit = (change: (event: Record<string, unknown>) => void) => {
  const event = JSON.parse(caseCreatedEventJson());
  change(event);
  return JSON.stringify(event);
};

describe('decodeEvent', () => {
  it('returns the envelope with the payload as an instance of the contract class', () => {
    const payload = caseCreatedPayload();
    const envelope = decode(caseCreatedEventJson(payload));
    expect(envelope.payload).toBeInstanceOf(CaseCreatedV1);
    expect(envelope.payload).toEqual(payload);
    expect(envelope.correlationId).toBe('corr-12345');
  });

  it.each([
    ['no value', null, /no value/],
    ['not JSON', '{oops', /not JSON/],
    ['not an object', '[1,2]', /expected a EventEnvelope object/],
    ['no actor', edit((event) => delete event.actor), /actor/],
    ['an unknown envelope field', edit((event) => (event.secret = 1)), /secret/],
    ['another event type', edit((event) => (event.type = 'reviews.review.created')), /expected case-intake.case.created v1/],
    ['an invalid payload', edit((event) => ((event.payload as Record<string, unknown>).reviewType = 'not a code')), /payload.reviewType/],
    ['an unknown payload field', edit((event) => ((event.payload as Record<string, unknown>).nhsNumber = '9434765919')), /payload.nhsNumber/],
  ])('rejects a message with %s as non-retriable', (_case, json, problem) => {
    expect(() => decode(json)).toThrow(InvalidEventError);
    expect(() => decode(json)).toThrow(problem);
  });
});
