import { describe, expect, it } from '@jest/globals';
import { uuidv7 } from './uuidv7.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('has the version 7 and RFC 9562 variant bits', () => {
    expect(uuidv7()).toMatch(UUID_V7);
  });

  it('starts with the timestamp in milliseconds', () => {
    const millis = Date.now() + 1_000;
    expect(parseInt(uuidv7(millis).replace(/-/g, '').slice(0, 12), 16)).toBe(millis);
  });

  it('sorts in creation order, also within one millisecond', () => {
    const sameMillisecond = Date.now() + 60_000;
    const ids = [...Array.from({ length: 500 }, () => uuidv7(sameMillisecond)), uuidv7(sameMillisecond + 1)];
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    ids.forEach((id) => expect(id).toMatch(UUID_V7));
  });

  it('stays ordered when the clock goes back', () => {
    const later = uuidv7(Date.now() + 120_000);
    expect(uuidv7(Date.now()) > later).toBe(true);
  });
});
