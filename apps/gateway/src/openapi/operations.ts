import type { OpenAPIObject } from '@nestjs/swagger';

export type Paths = OpenAPIObject['paths'];
export type PathItem = Paths[string];
export type Operation = NonNullable<PathItem['get']>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function operationsOf(item: PathItem): [HttpMethod, Operation][] {
  return HTTP_METHODS.flatMap((method) => (item[method] ? [[method, item[method]] as [HttpMethod, Operation]] : []));
}

/** The document with every operation passed through `change`. */
export function mapOperations(document: OpenAPIObject, change: (operation: Operation) => Operation): OpenAPIObject {
  const paths = Object.fromEntries(
    Object.entries(document.paths).map(([path, item]) => [path, { ...item, ...Object.fromEntries(operationsOf(item).map(([method, operation]) => [method, change(operation)])) }]),
  );
  return { ...document, paths };
}
