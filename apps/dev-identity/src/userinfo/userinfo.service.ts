import { Injectable } from '@nestjs/common';
import { jwtVerify, type JWTPayload } from 'jose';
import { ForbiddenError, UnauthenticatedError } from '@scrt/http';
import { DevIdentityEnv } from '../config/dev-identity.config.js';
import { releasedClaims } from '../provider/cis2-scopes.js';
import { OidcProviderHost } from '../provider/oidc-provider.host.js';

/**
 * The userinfo endpoint: the signed-in user's CIS2 claims, as far as the token's scopes release
 * them. The access token carries the claims of its scopes, so it is verified and read, not looked up.
 */
@Injectable()
export class UserinfoService {
  constructor(
    private readonly host: OidcProviderHost,
    private readonly config: DevIdentityEnv,
  ) {}

  async claimsFor(authorization: string | undefined): Promise<Record<string, unknown>> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new UnauthenticatedError('Send a user access token as "Authorization: Bearer <token>".');
    const payload = await this.verify(token);
    // A machine client's token names the client as its subject; a user's names the user.
    if (payload.sub === payload.client_id) throw new UnauthenticatedError('This access token belongs to a machine client, not a user.');
    const scope = typeof payload.scope === 'string' ? payload.scope : '';
    if (!scope.split(' ').includes('openid')) throw new ForbiddenError('The access token was not granted the openid scope.');
    return releasedClaims(payload, scope);
  }

  private async verify(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, this.host.verificationKeys, {
        issuer: this.config.DEV_IDENTITY_ISSUER,
        audience: this.config.DEV_IDENTITY_API_AUDIENCE,
        typ: 'at+jwt',
      });
      return payload;
    } catch {
      throw new UnauthenticatedError('The access token is invalid or has expired.');
    }
  }
}
