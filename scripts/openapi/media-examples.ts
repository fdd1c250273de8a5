import type { OpenAPIObject } from '@nestjs/swagger';
import { mapOperations, type Operation } from './document-types.js';

type Schema = { $ref?: string; example?: unknown; enum?: unknown[]; allOf?: Schema[]; properties?: Record<string, Schema>; type?: unknown; items?: Schema };
type Content = Record<string, { schema?: Schema; example?: unknown; examples?: unknown }>;

/** A whole value built from the examples of its parts (each property's `@ApiProperty({ example })`). */
export function exampleOf(schema: Schema, schemas: Record<string, Schema>): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.$ref) return exampleOf(schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {}, schemas);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => exampleOf(part, schemas)));
  if (schema.enum) return schema.enum[0];
  if (schema.properties) return Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, exampleOf(property, schemas)]));
  if (schema.type === 'array' && schema.items) return [exampleOf(schema.items, schemas)];
  return undefined;
}

function withExamples(content: Content | undefined, schemas: Record<string, Schema>): Content | undefined {
  if (!content) return content;
  return Object.fromEntries(Object.entries(content).map(([type, media]) => [type, media.schema && media.example === undefined && media.examples === undefined ? { ...media, example: exampleOf(media.schema, schemas) } : media]));
}

/**
 * Every request body and success response gets a whole example, derived from its schema: a client
 * (or a checker that sends one request per operation) has a valid value to start from, and the
 * linters check it against the schema. Error responses keep the schema's examples; named
 * `examples` an operation gives itself are kept instead (e.g. a body valid for every caller).
 */
export function withMediaExamples(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  return mapOperations(document, (operation): Operation => {
    const requestBody = operation.requestBody && 'content' in operation.requestBody ? { ...operation.requestBody, content: withExamples(operation.requestBody.content as Content, schemas) } : operation.requestBody;
    const responses = Object.fromEntries(
      Object.entries(operation.responses).map(([status, response]) => [
        status,
        status.startsWith('2') && response && 'content' in response ? { ...response, content: withExamples(response.content as Content, schemas) } : response,
      ]),
    );
    return { ...operation, ...(requestBody ? { requestBody } : {}), responses } as Operation;
  });
}
