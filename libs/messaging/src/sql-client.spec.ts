import { describe, expect, it } from '@jest/globals';
import { qualifiedTable } from './sql-client.js';

describe('qualifiedTable', () => {
  it('quotes schema and table', () => {
    expect(qualifiedTable('intake', 'outbox_event')).toBe('"intake"."outbox_event"');
  });

  it.each(['Intake', 'intake"; DROP TABLE x; --', '', 'in-take'])('rejects the schema name %j', (schema) => {
    expect(() => qualifiedTable(schema, 'outbox_event')).toThrow(/Invalid schema name/);
  });
});
