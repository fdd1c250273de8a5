import type { ApiMediaType, ApiOperation, ApiParameter, ApiSchema } from './api-document.js';

/**
 * Example values taken from the document. `explicit` ones come only from what the document
 * states (`example`, `examples`); the others fall back on `default`, `enum`, `const` and the
 * format, so that a request can be built even for an operation the meta-check flags.
 */
export type ExampleSource = 'explicit' | 'derived';

const NO_EXAMPLE = Symbol('no example');
type Found = unknown | typeof NO_EXAMPLE;

const FORMAT_SAMPLES: Record<string, string> = {
  uuid: '00000000-0000-4000-8000-000000000000',
  date: '2026-01-15',
  'date-time': '2026-01-15T10:00:00.000Z',
  email: 'someone@example.org',
  uri: 'https://example.org/',
};

function stated(schema: ApiSchema): Found {
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  return NO_EXAMPLE;
}

function derived(schema: ApiSchema): Found {
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.format && FORMAT_SAMPLES[schema.format]) return FORMAT_SAMPLES[schema.format];
  const type = Array.isArray(schema.type) ? schema.type.find((candidate) => candidate !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return 'example';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    default:
      return NO_EXAMPLE;
  }
}

function find(schema: ApiSchema | undefined, source: ExampleSource): Found {
  if (!schema) return NO_EXAMPLE;
  const own = stated(schema);
  if (own !== NO_EXAMPLE) return own;
  const composed = schema.allOf?.[0] ?? schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (composed) return find(composed, source);
  if (schema.properties) {
    const value: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties)) {
      const found = find(property, source);
      if (found !== NO_EXAMPLE) value[name] = found;
      else if (schema.required?.includes(name)) return NO_EXAMPLE;
    }
    return value;
  }
  if (schema.items) {
    const item = find(schema.items, source);
    return item === NO_EXAMPLE ? NO_EXAMPLE : [item];
  }
  return source === 'derived' ? derived(schema) : NO_EXAMPLE;
}

/** An example for a schema, or `undefined` when none can be had from `source`. */
export function schemaExample(schema: ApiSchema | undefined, source: ExampleSource = 'derived'): unknown {
  const found = find(schema, source);
  return found === NO_EXAMPLE ? undefined : found;
}

function namedExample(examples: Record<string, { value?: unknown }> | undefined): unknown {
  return Object.values(examples ?? {}).find((example) => example.value !== undefined)?.value;
}

export function parameterExample(parameter: ApiParameter, source: ExampleSource = 'derived'): unknown {
  return parameter.example ?? namedExample(parameter.examples) ?? schemaExample(parameter.schema, source);
}

export function mediaTypeExample(mediaType: ApiMediaType | undefined, source: ExampleSource = 'derived'): unknown {
  if (!mediaType) return undefined;
  return mediaType.example ?? namedExample(mediaType.examples) ?? schemaExample(mediaType.schema, source);
}

/** The JSON media type of the operation's request body, if it has one. */
export function jsonRequestBody(operation: ApiOperation): ApiMediaType | undefined {
  const content = operation.requestBody?.content ?? {};
  const type = Object.keys(content).find((candidate) => /^application\/([\w.+-]+\+)?json\b/.test(candidate));
  return type ? content[type] : undefined;
}

export function requestBodyExample(operation: ApiOperation, source: ExampleSource = 'derived'): unknown {
  return mediaTypeExample(jsonRequestBody(operation), source);
}
