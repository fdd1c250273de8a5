import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayEnv } from '../config/gateway.config.js';
import { checkSameOrigin, csrfTokenMatches } from './csrf.js';
import { OidcClient, POST_LOGOUT_PATH } from './oidc-client.js';
import { CrossSiteRequestError } from './session.errors.js';
import { SessionService } from './session.service.js';

/** Sign-out: the gateway's session ends server-side, then the provider's (RP-initiated logout). */
@Injectable()
export class SignOutService {
  private readonly logger = new Logger(SignOutService.name);

  constructor(
    @Inject(GatewayEnv) private readonly config: GatewayEnv,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(OidcClient) private readonly oidc: OidcClient,
  ) {}

  /**
   * Ends the session the sign-out form belongs to; returns where to send the browser next.
   * Throws CrossSiteRequestError when the form came from elsewhere or names another session.
   */
  async signOut(request: FastifyRequest, reply: FastifyReply, csrfToken: unknown): Promise<string> {
    checkSameOrigin(request.headers, this.config.GATEWAY_PUBLIC_URL);
    const session = await this.sessions.read(request);
    if (session && !csrfTokenMatches(session.csrfToken, csrfToken)) {
      throw new CrossSiteRequestError('The sign-out form does not belong to this session.');
    }
    const ended = await this.sessions.end(request, reply);
    if (!ended) return POST_LOGOUT_PATH;
    this.logger.log({ message: 'signed out', subject: ended.principal.subject });
    return (await this.oidc.endSessionUrl(ended.idToken)) ?? POST_LOGOUT_PATH;
  }
}
