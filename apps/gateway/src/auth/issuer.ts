import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { GatewayEnv } from '../config/gateway.config.js';

/** The parts of the provider's discovery document the gateway uses. */
export interface IssuerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint?: string;
  end_session_endpoint?: string;
  jwks_uri: string;
}

/** An unknown `kid` refetches the JWKS (after this pause), so rotated keys work without a restart. */
const JWKS_REFETCH_PAUSE_MS = 2_000;

/**
 * The OpenID provider: discovery is fetched lazily and kept; a failed fetch is retried on the
 * next call, so the gateway can start before the provider answers.
 */
@Injectable()
export class OidcIssuer {
  private metadata?: Promise<IssuerMetadata>;
  private keySet?: JWTVerifyGetKey;

  constructor(private readonly config: GatewayEnv) {}

  discover(): Promise<IssuerMetadata> {
    this.metadata ??= this.fetchMetadata().catch((error) => {
      this.metadata = undefined;
      throw error;
    });
    return this.metadata;
  }

  async keys(): Promise<JWTVerifyGetKey> {
    const { jwks_uri } = await this.discover();
    this.keySet ??= createRemoteJWKSet(new URL(jwks_uri), { cooldownDuration: JWKS_REFETCH_PAUSE_MS, cacheMaxAge: 10 * 60 * 1000 });
    return this.keySet;
  }

  private async fetchMetadata(): Promise<IssuerMetadata> {
    const url = new URL('.well-known/openid-configuration', this.config.OIDC_ISSUER.endsWith('/') ? this.config.OIDC_ISSUER : `${this.config.OIDC_ISSUER}/`);
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`OIDC discovery at ${url} answered ${response.status}`);
    const metadata = (await response.json()) as IssuerMetadata;
    if (metadata.issuer !== this.config.OIDC_ISSUER) throw new Error(`OIDC discovery names issuer ${metadata.issuer}, expected ${this.config.OIDC_ISSUER}`);
    return metadata;
  }
}
