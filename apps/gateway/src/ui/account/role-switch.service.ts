import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@scrt/http';
import { PrincipalResolver } from '../../principal/principal-resolver.js';
import { SessionService, type Session } from '../../session/session.service.js';

export type RoleSwitchOutcome = { switched: true; roleName?: string } | { switched: false; error: string };

/**
 * Acts in another of the roles the provider said the user holds, without signing in again: the
 * principal is resolved afresh (organisation, tier, permissions) and the session id rotated,
 * as after any change of privilege. Pages state the new principal in the internal token.
 */
@Injectable()
export class RoleSwitchService {
  private readonly logger = new Logger(RoleSwitchService.name);

  constructor(
    @Inject(PrincipalResolver) private readonly principals: PrincipalResolver,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  async switchTo(request: FastifyRequest, reply: FastifyReply, session: Session, roleId: unknown): Promise<RoleSwitchOutcome> {
    const claims = session.roleClaims;
    const held = claims?.nhsid_nrbac_roles?.some((role) => role.person_roleid === roleId);
    if (!claims || typeof roleId !== 'string' || !held) return { switched: false, error: 'Select the role you want to work in' };
    const roleClaims = { ...claims, selected_roleid: roleId };
    let principal;
    try {
      principal = await this.principals.resolve(roleClaims);
    } catch (error) {
      if (error instanceof DomainError && error.status === 403) return { switched: false, error: 'That role gives no access to this service: select another' };
      throw error;
    }
    const { accessToken, accessTokenExpiresAt, idToken } = session;
    await this.sessions.start(request, reply, { principal, accessToken, accessTokenExpiresAt, idToken, roleClaims });
    this.logger.log({ message: 'switched role', subject: principal.subject, organisation: principal.organisationCode, role: principal.roleId });
    return { switched: true, roleName: principal.roleName };
  }
}
