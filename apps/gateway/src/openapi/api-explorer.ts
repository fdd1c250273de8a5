import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { GatewayEnv } from '../config/gateway.config.js';
import { explorerDocument } from './explorer-document.js';
import { OPENAPI_DOCUMENT, authorizationCodeScopes } from './openapi-document.js';

export const API_EXPLORER_PATH = 'api/docs';

/** The public client registered for trying the API from the browser (no secret, PKCE). */
export const API_EXPLORER_CLIENT_ID = 'scrt-api-explorer';

/**
 * Swagger UI at `/api/docs` over OpenApiModule's document. Needs the application itself
 * (SwaggerModule registers routes and static files), hence a set-up step rather than a module.
 */
export function mountApiExplorer(app: NestFastifyApplication, config: GatewayEnv): void {
  const document = app.get<OpenAPIObject>(OPENAPI_DOCUMENT);
  SwaggerModule.setup(API_EXPLORER_PATH, app, explorerDocument(document), {
    raw: false,
    customSiteTitle: document.info.title,
    swaggerOptions: {
      // Swagger UI's default is relative to the page, which `/api/docs` (no slash) gets wrong.
      oauth2RedirectUrl: new URL(`/${API_EXPLORER_PATH}/oauth2-redirect.html`, config.GATEWAY_PUBLIC_URL).href,
      initOAuth: { clientId: API_EXPLORER_CLIENT_ID, usePkceWithAuthorizationCodeGrant: true, scopes: authorizationCodeScopes(document) },
    },
  });
}
