import { describe, expect, it } from '@jest/globals';
import { CaseCreatedV1Contract } from '@scrt/contracts';
import { assertConventionalTopic, topicOf } from './event-topic.js';

describe('topicOf', () => {
  it('is the type with its version, as the topic registry names topics', () => {
    expect(topicOf({ type: 'case-intake.case.created', version: 1 })).toBe(CaseCreatedV1Contract.topic);
  });

  it('rejects a contract whose topic breaks the convention', () => {
    expect(() => assertConventionalTopic(CaseCreatedV1Contract)).not.toThrow();
    expect(() => assertConventionalTopic({ ...CaseCreatedV1Contract, topic: 'cases' })).toThrow(/should be case-intake.case.created.v1/);
  });
});
