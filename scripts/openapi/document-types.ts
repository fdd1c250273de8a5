import type { OpenAPIObject } from '@nestjs/swagger';

export type Paths = OpenAPIObject['paths'];
export type PathItem = Paths[string];
export type Operation = NonNullable<PathItem['get']>;
export type Components = NonNullable<OpenAPIObject['components']>;
export type SecurityScheme = NonNullable<Components['securitySchemes']>[string];

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function operationsOf(item: PathItem): [HttpMethod, Operation][] {
  return HTTP_METHODS.flatMap((method) => (item[method] ? [[method, item[method]] as [HttpMethod, Operation]] : []));
}
