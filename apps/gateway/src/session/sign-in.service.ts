import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayEnv } from '../config/gateway.config.js';
import { roleClaimsOf } from '../principal/cis2-claims.js';
import { PrincipalResolver } from '../principal/principal-resolver.js';
import { LOGIN_TRANSACTION_LIFETIME_SECONDS, newLoginTransaction, type LoginTransaction } from './login-transaction.js';
import { OidcClient } from './oidc-client.js';
import { SealedCookie } from './sealed-cookie.js';
import { SignInFailedError } from './session.errors.js';
import { SessionService } from './session.service.js';

/** The query string the provider sends the browser back with. */
export interface CallbackParameters {
  code?: string;
  state?: string;
  iss?: string;
  error?: string;
}

/** The authorization-code round trip: out to the provider, back with a code, into a session. */
@Injectable()
export class SignInService {
  private readonly logger = new Logger(SignInService.name);
  private readonly transactions: SealedCookie<LoginTransaction>;

  constructor(
    @Inject(GatewayEnv) config: GatewayEnv,
    @Inject(OidcClient) private readonly oidc: OidcClient,
    @Inject(PrincipalResolver) private readonly principals: PrincipalResolver,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {
    this.transactions = new SealedCookie('__Host-scrt-login', LOGIN_TRANSACTION_LIFETIME_SECONDS, config.SESSION_SECRET);
  }

  /** Remembers a new transaction in the browser; returns the provider URL to send it to. */
  async begin(reply: FastifyReply): Promise<string> {
    const transaction = newLoginTransaction();
    await this.transactions.write(reply, transaction);
    return this.oidc.authorizationUrl(transaction);
  }

  /**
   * Turns the callback into a session. Throws SignInFailedError when the round trip does not
   * check out, and the resolver's 403 DomainError when the user has no usable role.
   */
  async complete(request: FastifyRequest, reply: FastifyReply, callback: CallbackParameters): Promise<void> {
    const transaction = await this.transactions.read(request);
    this.transactions.clear(reply);
    if (!transaction || callback.state !== transaction.state) {
      throw new SignInFailedError('No sign-in in progress matches the callback (state).');
    }
    this.oidc.checkCallbackIssuer(callback.iss);
    if (callback.error || !callback.code) {
      throw new SignInFailedError(`The provider ended the sign-in: ${callback.error ?? 'no code'}.`);
    }

    const { accessToken, accessTokenExpiresAt, idToken } = await this.oidc.exchangeCode(callback.code, transaction.codeVerifier);
    const idTokenClaims = await this.oidc.verifyIdToken(idToken, transaction.nonce);
    const userinfoClaims = await this.oidc.userinfo(accessToken, idTokenClaims.sub);
    const claims = { ...idTokenClaims, ...userinfoClaims };
    const principal = await this.principals.resolve(claims);

    await this.sessions.start(request, reply, { principal, accessToken, accessTokenExpiresAt, idToken, roleClaims: roleClaimsOf(claims) });
    this.logger.log({ message: 'signed in', subject: principal.subject, organisation: principal.organisationCode, role: principal.roleId });
  }
}
