import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { ALLOWED_ALGORITHMS } from '../auth/access-token.verifier.js';
import { OidcIssuer } from '../auth/issuer.js';
import { GatewayEnv } from '../config/gateway.config.js';
import { CIS2_SCOPE_NAMES } from '@scrt/contracts';
import { fetchJson } from './fetch-json.js';
import { codeChallengeOf, type LoginTransaction } from './login-transaction.js';
import { SignInFailedError } from './session.errors.js';

export const CALLBACK_PATH = '/auth/callback';
export const POST_LOGOUT_PATH = '/';

export interface TokenResponse {
  accessToken: string;
  /** Epoch seconds. */
  accessTokenExpiresAt: number;
  idToken: string;
}

/** The gateway as a confidential OpenID Connect client: authorization code, PKCE, client_secret_basic. */
@Injectable()
export class OidcClient {
  constructor(
    @Inject(GatewayEnv) private readonly config: GatewayEnv,
    @Inject(OidcIssuer) private readonly issuer: OidcIssuer,
  ) {}

  async authorizationUrl(transaction: LoginTransaction): Promise<string> {
    const url = new URL((await this.issuer.discover()).authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.config.OIDC_CLIENT_ID,
      redirect_uri: this.publicUrl(CALLBACK_PATH),
      scope: CIS2_SCOPE_NAMES.join(' '),
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: codeChallengeOf(transaction.codeVerifier),
      code_challenge_method: 'S256',
      // Always ask who is signing in: a provider session left open (another user's, or one the
      // user chose to keep at sign-out) must not sign the next person in silently.
      prompt: 'login',
    }).toString();
    return url.href;
  }

  /** RFC 9207: when the provider names itself in the callback, it must be the one we sent the user to. */
  checkCallbackIssuer(issuer: string | undefined): void {
    if (issuer !== undefined && issuer !== this.config.OIDC_ISSUER) {
      throw new SignInFailedError(`The callback came from issuer ${issuer}.`);
    }
  }

  async exchangeCode(code: string, codeVerifier: string): Promise<TokenResponse> {
    const { token_endpoint } = await this.issuer.discover();
    const { ok, status, body } = await fetchJson(token_endpoint, {
      method: 'POST',
      headers: { authorization: this.basicCredentials(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: this.publicUrl(CALLBACK_PATH),
        code_verifier: codeVerifier,
      }),
    });
    if (!ok) throw new SignInFailedError(`The token endpoint refused the code (${status} ${String(body.error ?? '')}).`);
    const { access_token, id_token, token_type, expires_in } = body;
    if (typeof access_token !== 'string' || typeof id_token !== 'string' || String(token_type).toLowerCase() !== 'bearer' || typeof expires_in !== 'number') {
      throw new SignInFailedError('The token endpoint did not return a bearer access token with its lifetime and an ID token.');
    }
    return { accessToken: access_token, accessTokenExpiresAt: Math.floor(Date.now() / 1000) + expires_in, idToken: id_token };
  }

  /** The ID token's claims once its signature, issuer, audience, expiry and nonce all check out. */
  async verifyIdToken(idToken: string, nonce: string): Promise<JWTPayload & { sub: string }> {
    const clientId = this.config.OIDC_CLIENT_ID;
    const { payload } = await jwtVerify(idToken, await this.issuer.keys(), {
      algorithms: ALLOWED_ALGORITHMS,
      issuer: this.config.OIDC_ISSUER,
      audience: clientId,
      requiredClaims: ['sub', 'iat', 'exp', 'nonce'],
      clockTolerance: 5,
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
    const { userinfo_endpoint } = await this.issuer.discover();
    if (!userinfo_endpoint) throw new Error(`the OpenID provider ${this.config.OIDC_ISSUER} has no userinfo endpoint`);
    const { ok, status, body } = await fetchJson(userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
    if (!ok) throw new SignInFailedError(`The userinfo endpoint answered ${status} ${String(body.error ?? '')}.`);
    // OpenID Connect Core 1.0, 5.3.2: claims about anyone else must not be used.
    if (body.sub !== subject) throw new SignInFailedError('The userinfo response is about another user than the ID token.');
    return body;
  }

  /**
   * Where to send the browser to end the provider's session too (RP-Initiated Logout 1.0);
   * undefined if it offers no way. The ID token tells the provider whose session to end.
   */
  async endSessionUrl(idToken: string): Promise<string | undefined> {
    const { end_session_endpoint } = await this.issuer.discover();
    if (!end_session_endpoint) return undefined;
    const url = new URL(end_session_endpoint);
    url.search = new URLSearchParams({
      id_token_hint: idToken,
      client_id: this.config.OIDC_CLIENT_ID,
      post_logout_redirect_uri: this.publicUrl(POST_LOGOUT_PATH),
    }).toString();
    return url.href;
  }

  /** Redirect URIs must match the registered ones exactly. */
  private publicUrl(path: string): string {
    return new URL(path, this.config.GATEWAY_PUBLIC_URL).href;
  }

  /** client_secret_basic: RFC 6749, 2.3.1 form-encodes both parts before base64. */
  private basicCredentials(): string {
    const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
    const credentials = `${encode(this.config.OIDC_CLIENT_ID)}:${encode(this.config.OIDC_CLIENT_SECRET)}`;
    return `Basic ${Buffer.from(credentials).toString('base64')}`;
  }
}
