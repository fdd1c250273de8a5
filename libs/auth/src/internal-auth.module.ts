import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { InternalAuthGuard } from './internal-auth.guard.js';
import { InternalTokenVerifier } from './internal-token.js';

/** Closes every route of a service behind the gateway's internal token. */
@Global()
@Module({})
export class InternalAuthModule {
  static forPublicKey(publicKeyPem: string): DynamicModule {
    return {
      module: InternalAuthModule,
      providers: [
        { provide: InternalTokenVerifier, useFactory: () => InternalTokenVerifier.fromPem(publicKeyPem) },
        { provide: APP_GUARD, useClass: InternalAuthGuard },
      ],
      exports: [InternalTokenVerifier],
    };
  }
}
