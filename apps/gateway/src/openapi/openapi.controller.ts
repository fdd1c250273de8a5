import { Controller, Get, Header, Inject } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { OPENAPI_DOCUMENT } from './openapi-document.js';

@Controller('api')
export class OpenApiController {
  constructor(@Inject(OPENAPI_DOCUMENT) private readonly document: OpenAPIObject) {}

  @Get('openapi.json')
  @Header('cache-control', 'no-cache')
  openApiDocument(): OpenAPIObject {
    return this.document;
  }
}
