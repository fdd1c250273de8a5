import { Module, type DynamicModule } from '@nestjs/common';
import { InternalTokenSigner } from '@scrt/auth';
import { MessagingModule } from '@scrt/messaging';
import { DATABASE, provideDatabase } from '@scrt/persistence';
import { HierarchyCopyModule } from '@scrt/reference-copy';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { GatewayEnv } from './config/gateway.config.js';
import { createGatewayDatabase, GATEWAY_SCHEMA } from './database.js';
import { HealthModule } from './health/health.module.js';
import { OpenApiModule } from './openapi/openapi.module.js';
import { ProxyModule } from './proxy/proxy.module.js';
import { SessionModule } from './session/session.module.js';
import { UiModule } from './ui/ui.module.js';

export const GATEWAY_SERVICE_NAME = 'gateway';

function gatewayCoreModule(config: GatewayEnv): DynamicModule {
  return {
    module: class GatewayCoreModule {},
    global: true,
    providers: [
      { provide: GatewayEnv, useValue: config },
      { provide: InternalTokenSigner, useFactory: () => InternalTokenSigner.fromPem(config.INTERNAL_JWT_PRIVATE_KEY) },
      ...provideDatabase(() => createGatewayDatabase(config.DATABASE_URL)),
    ],
    exports: [GatewayEnv, InternalTokenSigner, DATABASE],
  };
}

@Module({})
export class AppModule {
  static register(config: GatewayEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        gatewayCoreModule(config),
        // the local copy of the organisation hierarchy (tier derivation), fed by its events through the inbox
        MessagingModule.forConsumer({ schema: GATEWAY_SCHEMA }),
        HierarchyCopyModule.forService({ schema: GATEWAY_SCHEMA, serviceName: GATEWAY_SERVICE_NAME }),
        AuthModule,
        AuditModule,
        HealthModule,
        SessionModule,
        OpenApiModule,
        ProxyModule,
        UiModule,
      ],
    };
  }
}
