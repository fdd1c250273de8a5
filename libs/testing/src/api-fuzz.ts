import fc from 'fast-check';
import type { ApiOperation, ApiParameter, ApiSchema } from './api-document.js';
import { jsonRequestBody, parameterExample, requestBodyExample } from './api-examples.js';
import { RawBody, type ApiRequestInput } from './api-request.js';

/** Keys that name members of Object.prototype or reach it: an unknown-field check must refuse them too. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf', 'toJSON'];

const UNICODE_EDGES = ['\u0000', '\uD800', '\uDFFF', '\uFEFF', '\u202E', 'e\u0301', '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}', '\u200B', '\uFFFF', 'İ', '\u00DF', '\u{10FFFF}'];
const EDGE_STRINGS = ['9999-12-31', '0000-00-00', '2026-02-29', '+275760-09-13', '-000001-01-01', '1e309', 'NaN', '', ' ', 'null', '{}', '00000000-0000-0000-0000-000000000000'];

const hugeString = fc.integer({ min: 10_000, max: 300_000 }).map((length) => 'x'.repeat(length));

/** A value of any JSON type, most of them wrong wherever they are put. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(...UNICODE_EDGES, ...EDGE_STRINGS),
  hugeString,
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }),
);

/** JSON text of an object with these entries; built by hand so that `__proto__` stays an own key. */
function objectText(entries: [string, unknown][]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`).join(',')}}`;
}

function nestedText(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Ways to spoil a JSON body whose valid example is `example`, derived from its schema's properties. */
function badBody(example: unknown, schema: ApiSchema | undefined): fc.Arbitrary<RawBody> {
  const entries = Object.entries(typeof example === 'object' && example !== null && !Array.isArray(example) ? example : {});
  const names = [...new Set([...Object.keys(schema?.properties ?? {}), ...entries.map(([name]) => name)])];
  const raw = (text: string) => new RawBody(text);
  const exampleText = JSON.stringify(example ?? {});
  const variants: fc.Arbitrary<RawBody>[] = [
    fc.dictionary(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ minLength: 1, maxLength: 20 })), badValue, { minKeys: 1, maxKeys: 3 }).map((extra) =>
      raw(objectText([...entries, ...Object.entries(extra)])),
    ),
    fc.constantFrom(...PROTOTYPE_KEYS).map((key) => raw(objectText([...entries, [key, { organisationCode: 'QMJ' }]]))),
    fc.tuple(fc.integer({ min: 50, max: 6_000 }), fc.constantFrom<'array' | 'object'>('array', 'object')).map(([depth, kind]) => raw(nestedText(depth, kind))),
    fc.integer({ min: 1, max: 60_000 }).map((count) => raw(`[${Array(count).fill('{}').join(',')}]`)),
    fc.constantFrom('null', '1', '"text"', 'true', '[]', '', ' ', `[${exampleText}]`, exampleText.slice(0, -1), `${exampleText}${exampleText}`).map(raw),
    fc.string({ unit: 'binary', maxLength: 200 }).map(raw),
  ];
  if (names.length > 0) {
    variants.push(
      fc.tuple(fc.constantFrom(...names), badValue).map(([name, value]) => raw(objectText([...entries.filter(([key]) => key !== name), [name, value]]))),
      fc.constantFrom(...names).map((name) => raw(objectText(entries.filter(([key]) => key !== name)))),
      fc.tuple(fc.constantFrom(...names), fc.integer({ min: 50, max: 6_000 })).map(([name, depth]) =>
        raw(`{${entries.filter(([key]) => key !== name).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)},`).join('')}${JSON.stringify(name)}:${nestedText(depth, 'object')}}`),
      ),
    );
  }
  return fc.oneof(...variants);
}

/** Percent-encodes what `encodeURIComponent` can; lone surrogates are sent as an invalid escape instead. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

function badPathValue(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constant(valid), weight: 3 },
    fc.uuid().map(encodeSegment),
    fc.string({ minLength: 1 }).map(encodeSegment),
    fc.string({ unit: 'binary', minLength: 1 }).map(encodeSegment),
    fc.constantFrom(...UNICODE_EDGES, ...EDGE_STRINGS.filter(Boolean)).map(encodeSegment),
    fc.integer({ min: 90, max: 5_000 }).map((length) => 'a'.repeat(length)),
    fc.constantFrom('%', '%zz', '%00', '%2e%2e', '..%2f..%2f', '%C0%AE', '%ff', '~', '%E2%80%AE', '%252e', ';x=1', '%0d%0a'),
  );
}

function badQuery(parameters: ApiParameter[]): fc.Arbitrary<[string, string][]> {
  const declared = parameters.map((parameter) =>
    fc.oneof(
      { arbitrary: fc.constant<[string, string][]>([]), weight: 2 },
      { arbitrary: fc.constant<[string, string][]>(parameterExample(parameter) === undefined ? [] : [[parameter.name, String(parameterExample(parameter))]]), weight: 2 },
      badValue.map((value): [string, string][] => [[parameter.name, typeof value === 'string' ? value : JSON.stringify(value)]]),
      fc.array(fc.string({ maxLength: 12 }), { minLength: 2, maxLength: 3 }).map((values) => values.map((value): [string, string] => [parameter.name, value])),
    ),
  );
  const extra = fc.oneof(
    { arbitrary: fc.constant<[string, string][]>([]), weight: 3 },
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ minLength: 1, maxLength: 10 })), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 3 }),
  );
  return fc.tuple(fc.tuple(...declared), extra).map(([declaredPairs, extraPairs]) => [...declaredPairs.flat(), ...extraPairs]);
}

/** Printable ASCII: what a header value can carry through fetch. */
const headerText = (maxLength: number) => fc.string({ unit: 'binary-ascii', maxLength }).map((value) => value.replace(/[^\x20-\x7e]/g, ''));

function badHeaders(operation: ApiOperation): fc.Arbitrary<Record<string, string>> {
  const optional = (arbitrary: fc.Arbitrary<string>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
  return fc
    .record({
      'content-type': optional(
        fc.oneof(
          fc.constantFrom(
            'application/json; charset=utf-8',
            'application/json; charset=latin1',
            'application/json; charset=utf-16',
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/xml',
            'application/merge-patch+json',
            '*/*',
            '',
          ),
          headerText(40),
        ),
      ),
      accept: optional(fc.oneof(fc.constantFrom('application/problem+json', 'text/html', 'application/xml', '*/*', 'text/csv', 'image/png', ''), headerText(40))),
      'idempotency-key': optional(
        operation.method === 'GET'
          ? headerText(20)
          : fc.oneof(fc.uuid(), fc.constantFrom('a', 'short', 'k'.repeat(300), 'fuzz key with spaces', '../../etc'), headerText(250)),
      ),
      'content-encoding': optional(fc.constantFrom('gzip', 'br', 'deflate', 'identity', 'x-unknown')),
    })
    .map((headers) => Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined)));
}

/**
 * Requests for the operation with bad input in every part the document describes: path and query
 * parameters, headers, and (for operations with one) the JSON body. `pathValues` are valid values
 * for the path parameters, which the mutations start from.
 */
export function badInputFor(operation: ApiOperation, pathValues: Record<string, string>): fc.Arbitrary<ApiRequestInput> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  const path = fc.record(
    Object.fromEntries(pathParameters.map((parameter) => [parameter.name, badPathValue(encodeSegment(pathValues[parameter.name] ?? String(parameterExample(parameter))))])),
  ) as fc.Arbitrary<Record<string, string>>;
  const query = badQuery(operation.parameters.filter((parameter) => parameter.in === 'query'));
  const body = operation.requestBody ? fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: badBody(requestBodyExample(operation), jsonRequestBody(operation)?.schema), weight: 4 }) : fc.constant(undefined);
  return fc.record({ pathValues: path, query, headers: badHeaders(operation), body }).map((input) => ({ ...input, rawPathValues: true, body: input.body ?? (operation.requestBody ? undefined : null) }));
}
