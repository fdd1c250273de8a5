import { Module } from '@nestjs/common';
import { AccessTokenVerifier } from '../auth/access-token.verifier.js';
import { AuthModule } from '../auth/auth.module.js';
import { RefusalActorResolver } from './refusal-actor.js';
import { RefusalAuditHook } from './refusal-audit.hook.js';
import { RefusalAuditRepository } from './refusal-audit.repository.js';
import { RefusalAuditService } from './refusal-audit.service.js';

/** The audit of requests the gateway refuses, in `gateway.audit_event`. Needs the global GatewayEnv and DATABASE providers. */
@Module({
  imports: [AuthModule],
  providers: [AccessTokenVerifier, RefusalActorResolver, RefusalAuditRepository, RefusalAuditService, RefusalAuditHook],
})
export class AuditModule {}
