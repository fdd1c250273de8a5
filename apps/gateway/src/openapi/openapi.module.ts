import { Module } from '@nestjs/common';
import { GatewayEnv } from '../config/gateway.config.js';
import { OpenApiController } from './openapi.controller.js';
import { OPENAPI_DOCUMENT, OPENAPI_DOCUMENT_FILE, loadOpenApiDocument } from './openapi-document.js';

/**
 * The merged API document at `GET /api/openapi.json`, loaded once at boot: a missing document
 * stops the gateway. `mountApiExplorer` adds Swagger UI on top of it.
 */
@Module({
  controllers: [OpenApiController],
  providers: [
    {
      provide: OPENAPI_DOCUMENT,
      useFactory: (config: GatewayEnv) => loadOpenApiDocument(OPENAPI_DOCUMENT_FILE, { publicUrl: config.GATEWAY_PUBLIC_URL, issuer: config.OIDC_ISSUER }),
      inject: [GatewayEnv],
    },
  ],
  exports: [OPENAPI_DOCUMENT],
})
export class OpenApiModule {}
