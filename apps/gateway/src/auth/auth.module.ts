import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { PrincipalModule } from '../principal/principal.module.js';
import { AccessTokenVerifier } from './access-token.verifier.js';
import { BearerAuthGuard } from './bearer-auth.guard.js';
import { BearerStrategy } from './bearer.strategy.js';
import { OidcIssuer } from './issuer.js';

@Module({
  imports: [PassportModule, PrincipalModule],
  providers: [OidcIssuer, AccessTokenVerifier, BearerStrategy, BearerAuthGuard],
  exports: [OidcIssuer, BearerAuthGuard, PrincipalModule],
})
export class AuthModule {}
