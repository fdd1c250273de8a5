import { Injectable } from '@nestjs/common';
import { jwtVerify } from 'jose';
import { GatewayEnv } from '../config/gateway.config.js';
import type { ExternalClaims } from '../principal/cis2-claims.js';
import { OidcIssuer } from './issuer.js';

/** Asymmetric algorithms only: `none` and shared-secret HMAC are refused. */
export const ALLOWED_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
/** RFC 9068: an access token says so in its header; an ID token does not. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly config: GatewayEnv,
    private readonly issuer: OidcIssuer,
  ) {}

  /** Signature, algorithm, issuer, audience, expiry and not-before, token type. Throws when any fails. */
  async verify(token: string): Promise<ExternalClaims> {
    const { payload } = await jwtVerify(token, await this.issuer.keys(), {
      algorithms: ALLOWED_ALGORITHMS,
      issuer: this.config.OIDC_ISSUER,
      audience: this.config.OIDC_AUDIENCE,
      typ: ACCESS_TOKEN_TYPE,
      requiredClaims: ['exp', 'iat', 'sub'],
      clockTolerance: 5,
    });
    return payload as ExternalClaims;
  }
}
