import { Module, type DynamicModule } from '@nestjs/common';
import { InternalTokenSigner } from '@scrt/auth';
import { DATABASE, provideDatabase } from '@scrt/persistence';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { GatewayEnv } from './config/gateway.config.js';
import { createGatewayDatabase } from './database.js';
import { HealthModule } from './health/health.module.js';
import { OpenApiModule } from './openapi/openapi.module.js';
import { ProxyModule } from './proxy/proxy.module.js';
import { SessionModule } from './session/session.module.js';

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
      imports: [gatewayCoreModule(config), AuthModule, AuditModule, HealthModule, SessionModule, OpenApiModule, ProxyModule],
    };
  }
}
