import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { InternalAuthGuard } from './internal-auth.guard.js';
import { InternalTokenVerifier } from './internal-token.js';
import { RefusalAudit } from './refusal-audit.js';
import { RefusalAuditInterceptor } from './refusal-audit.interceptor.js';

/** Closes every route of a service behind the gateway's internal token, and audits refusals. */
@Global()
@Module({})
export class InternalAuthModule {
  static forPublicKey(publicKeyPem: string): DynamicModule {
    return {
      module: InternalAuthModule,
      providers: [
        { provide: InternalTokenVerifier, useFactory: () => InternalTokenVerifier.fromPem(publicKeyPem) },
        RefusalAudit,
        { provide: APP_GUARD, useClass: InternalAuthGuard },
        { provide: APP_INTERCEPTOR, useClass: RefusalAuditInterceptor },
      ],
      exports: [InternalTokenVerifier],
    };
  }
}
