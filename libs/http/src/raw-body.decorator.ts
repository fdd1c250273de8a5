import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * The parsed JSON body, untouched by the global validation pipe: for a use case that validates it
 * with `validateAs` and its own checks, so every problem is reported together. Declare the body's
 * schema with `@ApiBody`.
 */
export const RawBody = createParamDecorator((_data: unknown, context: ExecutionContext): unknown => context.switchToHttp().getRequest<{ body?: unknown }>().body);
