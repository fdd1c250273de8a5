import type { FieldProblem } from './problem.js';

/**
 * Keys no DTO may declare: the members of `Object.prototype` and the prototype-chain names.
 * class-validator's whitelist looks properties up in a plain object, where these are always
 * "found", so they would pass the unknown-field check.
 */
const RESERVED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'constructor', 'prototype']);

/** One UNKNOWN_FIELD problem per reserved key, at any depth of a parsed body or query. */
export function reservedKeyProblems(value: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    for (const key of Object.keys(current)) {
      const field = path ? `${path}.${key}` : key;
      if (RESERVED_KEYS.has(key)) problems.push({ field, code: 'UNKNOWN_FIELD', message: `${field} is not a known field` });
      else pending.push({ value: (current as Record<string, unknown>)[key], path: field });
    }
  }
  return problems;
}
