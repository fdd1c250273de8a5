import { Injectable } from '@nestjs/common';
import { jwtVerify } from 'jose';
import { GatewayEnv } from '../config/gateway.config.js';
import type { ExternalClaims } from '../principal/cis2-claims.js';
import { OidcIssuer } from './issuer.js';

/** Asymmetric algorithms only: `none` and shared-secret HMAC are refused. */
export const ALLOWED_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
/** RFC 9068: an access token says so in its header; an ID token does not. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
/** How far the provider's clock may be off ours, for `exp`, `nbf` and `iat` alike. */
export const CLOCK_SKEW_SECONDS = 30;

@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly config: GatewayEnv,
    private readonly issuer: OidcIssuer,
  ) {}

  /**
   * Signature, algorithm, issuer, audience, token type, expiry and not-before, and issued-at: not in
   * the future, not older than ACCESS_TOKEN_MAX_AGE_SECONDS (each give or take the clock skew).
   * Throws when any fails.
   */
  async verify(token: string): Promise<ExternalClaims> {
    const { payload } = await jwtVerify(token, await this.issuer.keys(), {
      algorithms: ALLOWED_ALGORITHMS,
      issuer: this.config.OIDC_ISSUER,
      audience: this.config.OIDC_AUDIENCE,
      typ: ACCESS_TOKEN_TYPE,
      requiredClaims: ['exp', 'iat', 'sub'],
      clockTolerance: CLOCK_SKEW_SECONDS,
      maxTokenAge: this.config.ACCESS_TOKEN_MAX_AGE_SECONDS,
    });
    return payload as ExternalClaims;
  }
}
