import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { fetchJson } from './fetch-json.js';
import { codeChallengeOf, type LoginTransaction } from './login-transaction.js';
import { OidcDiscovery } from './oidc-discovery.js';
import { SignInFailedError } from './session.errors.js';
import { SESSION_SETTINGS, publicUrl, type SessionSettings } from './session-settings.js';

/** CIS2's scopes for a user, their roles and the role they selected. */
export const SIGN_IN_SCOPES = 'openid profile email nhsperson associatedorgs nationalrbacaccess selectedrole';
export const CALLBACK_PATH = '/auth/callback';
export const POST_LOGOUT_PATH = '/';

/** Asymmetric signatures only: never `none`, never an HMAC keyed with our client secret. */
const ID_TOKEN_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

export interface TokenSet {
  accessToken: string;
  /** Epoch seconds. */
  accessTokenExpiresAt: number;
  idToken: string;
}

/** The gateway as a confidential OpenID Connect client (authorization code, PKCE, client_secret_basic). */
@Injectable()
export class OidcClient {
  private readonly discovery: OidcDiscovery;
  private jwks?: JWTVerifyGetKey;

  constructor(@Inject(SESSION_SETTINGS) private readonly settings: SessionSettings) {
    this.discovery = new OidcDiscovery(settings.OIDC_ISSUER);
  }

  async authorizationUrl(transaction: LoginTransaction): Promise<string> {
    const url = new URL((await this.discovery.metadata()).authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.settings.OIDC_CLIENT_ID,
      redirect_uri: publicUrl(this.settings, CALLBACK_PATH),
      scope: SIGN_IN_SCOPES,
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: codeChallengeOf(transaction.codeVerifier),
      code_challenge_method: 'S256',
    }).toString();
    return url.href;
  }

  /** RFC 9207: when the provider names itself in the callback, it must be the one we sent the user to. */
  async checkCallbackIssuer(issuer: string | undefined): Promise<void> {
    if (issuer !== undefined && issuer !== (await this.discovery.metadata()).issuer) {
      throw new SignInFailedError(`The callback came from issuer ${issuer}.`);
    }
  }

  async exchangeCode(code: string, codeVerifier: string): Promise<TokenSet> {
    const { token_endpoint } = await this.discovery.metadata();
    const { ok, status, body } = await fetchJson(token_endpoint, {
      method: 'POST',
      headers: { authorization: this.basicCredentials(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: publicUrl(this.settings, CALLBACK_PATH),
        code_verifier: codeVerifier,
      }),
    });
    if (!ok) throw new SignInFailedError(`The token endpoint refused the code (${status} ${String(body.error ?? '')}).`);
    const { access_token, id_token, expires_in, token_type } = body;
    if (typeof access_token !== 'string' || typeof id_token !== 'string' || String(token_type).toLowerCase() !== 'bearer') {
      throw new SignInFailedError('The token endpoint did not return a bearer access token and an ID token.');
    }
    const lifetime = typeof expires_in === 'number' ? expires_in : 0;
    return { accessToken: access_token, idToken: id_token, accessTokenExpiresAt: Math.floor(Date.now() / 1000) + lifetime };
  }

  /** The ID token's claims once its signature, issuer, audience, expiry and nonce all check out. */
  async verifyIdToken(idToken: string, nonce: string): Promise<JWTPayload & { sub: string }> {
    const metadata = await this.discovery.metadata();
    this.jwks ??= createRemoteJWKSet(new URL(metadata.jwks_uri));
    const clientId = this.settings.OIDC_CLIENT_ID;
    const { payload } = await jwtVerify(idToken, this.jwks, {
      algorithms: ID_TOKEN_ALGORITHMS,
      issuer: metadata.issuer,
      audience: clientId,
      requiredClaims: ['sub', 'iat', 'exp', 'nonce'],
    }).catch((error: unknown) => {
      if (error instanceof errors.JOSEError) throw new SignInFailedError(`The ID token is not valid (${error.code}).`);
      throw error;
    });
    if (payload.nonce !== nonce) throw new SignInFailedError('The ID token was issued for another sign-in (nonce).');
    // OpenID Connect Core 1.0, 3.1.3.7: with several audiences, we must be the authorised party.
    if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== clientId) {
      throw new SignInFailedError('The ID token was issued to another client (azp).');
    }
    return payload as JWTPayload & { sub: string };
  }

  async userinfo(accessToken: string, subject: string): Promise<Record<string, unknown>> {
    const { userinfo_endpoint } = await this.discovery.metadata();
    const { ok, status, body } = await fetchJson(userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
    if (!ok) throw new SignInFailedError(`The userinfo endpoint answered ${status} ${String(body.error ?? '')}.`);
    // OpenID Connect Core 1.0, 5.3.2: userinfo for anyone else must not be used.
    if (body.sub !== subject) throw new SignInFailedError('The userinfo response is about another user.');
    return body;
  }

  /** Where to send the browser to end the provider's session too; undefined if it offers no way. */
  async endSessionUrl(idToken: string | undefined): Promise<string | undefined> {
    const { end_session_endpoint } = await this.discovery.metadata();
    if (!end_session_endpoint) return undefined;
    const url = new URL(end_session_endpoint);
    url.search = new URLSearchParams({
      client_id: this.settings.OIDC_CLIENT_ID,
      post_logout_redirect_uri: publicUrl(this.settings, POST_LOGOUT_PATH),
      ...(idToken ? { id_token_hint: idToken } : {}),
    }).toString();
    return url.href;
  }

  /** client_secret_basic: RFC 6749, 2.3.1 form-encodes both parts before base64. */
  private basicCredentials(): string {
    const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
    const credentials = `${encode(this.settings.OIDC_CLIENT_ID)}:${encode(this.settings.OIDC_CLIENT_SECRET)}`;
    return `Basic ${Buffer.from(credentials).toString('base64')}`;
  }
}
