import type { FastifyBodyParser } from 'fastify';
import { BodyTooDeepError } from './http-errors.js';

/** Deep enough for any resource of this API, shallow enough for every recursive consumer. */
export const MAX_JSON_DEPTH = 32;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** How deep objects and arrays nest in a JSON text, counted without parsing (no recursion). */
export function jsonNestingDepth(text: Buffer, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const byte = text[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      deepest = Math.max(deepest, ++depth);
      if (deepest > stopAbove) return deepest;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    }
  }
  return deepest;
}

/**
 * The JSON body parser of every app: refuses excessive nesting before parsing (anything that
 * walks the result recursively, re-serialising included, would overflow the stack on it), then
 * parses with Fastify's own parser, which refuses prototype poisoning.
 */
export function depthLimitedJsonParser(defaultParser: FastifyBodyParser<string>, maxDepth = MAX_JSON_DEPTH): FastifyBodyParser<Buffer> {
  return (request, body, done) => {
    if (jsonNestingDepth(body, maxDepth) > maxDepth) {
      done(new BodyTooDeepError(maxDepth), undefined);
      return;
    }
    (defaultParser as (...args: Parameters<FastifyBodyParser<string>>) => void)(request, body.toString('utf8'), done);
  };
}
