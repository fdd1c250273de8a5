import { ValidationFailedError } from '@scrt/http';

/** Where a keyset page ends: the last row's sort key (as PostgreSQL prints it) and id, under one sort. */
export interface CaseCursor {
  sort: string;
  key: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEY = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?)?$/;

/** Opaque to clients: base64url of the JSON. */
export function encodeCursor(cursor: CaseCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, k: cursor.key, i: cursor.id })).toString('base64url');
}

function invalidCursor(message: string): ValidationFailedError {
  return new ValidationFailedError([{ field: 'cursor', pointer: '/cursor', code: 'INVALID_CURSOR', message }], message);
}

/** The cursor a previous page gave, for the same sort; anything else is refused (400), never guessed at. */
export function decodeCursor(cursor: string, sort: string): CaseCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('cursor must be the nextCursor of a previous page');
  }
  const { s, k, i } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof s !== 'string' || typeof k !== 'string' || typeof i !== 'string' || !KEY.test(k) || !UUID.test(i)) throw invalidCursor('cursor must be the nextCursor of a previous page');
  if (s !== sort) throw invalidCursor(`cursor belongs to sort ${s}: ask with the same sort`);
  return { sort: s, key: k, id: i };
}
