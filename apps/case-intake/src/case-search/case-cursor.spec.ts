import { decodeCursor, encodeCursor } from './case-cursor.js';

const cursor = { sort: '-updatedAt', key: '2026-12-01 09:00:00.123+00', id: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d' };

describe('case list cursors', () => {
  it('round-trip, opaque to clients', () => {
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded, '-updatedAt')).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ sort: 'incidentDate', key: '2026-09-14', id: cursor.id }), 'incidentDate').key).toBe('2026-09-14');
  });

  it.each([
    ['not base64 JSON', 'bm90IGpzb24'],
    ['another shape', Buffer.from('{"s":"-updatedAt","k":"x","i":"y"}').toString('base64url')],
    ['an injected key', encodeCursor({ ...cursor, key: "2026-01-01'; DROP TABLE x" })],
  ])('refuse %s with a problem naming the cursor', (_, value) => {
    expect(() => decodeCursor(value, '-updatedAt')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'cursor', code: 'INVALID_CURSOR' })] }));
  });

  it('refuse a cursor of another sort', () => {
    expect(() => decodeCursor(encodeCursor(cursor), 'incidentDate')).toThrow(/same sort/);
  });
});
