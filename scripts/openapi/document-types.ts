import type { OpenAPIObject } from '@nestjs/swagger';

export { HTTP_METHODS, mapOperations, operationsOf, type HttpMethod, type Operation, type PathItem, type Paths } from '../../apps/gateway/src/openapi/operations.js';
export type Components = NonNullable<OpenAPIObject['components']>;
export type SecurityScheme = NonNullable<Components['securitySchemes']>[string];
