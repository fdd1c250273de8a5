import { fetchJson } from './fetch-json.js';

/** The parts of the provider's discovery document sign-in uses. */
export interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint: string;
  end_session_endpoint?: string;
}

const REQUIRED_ENDPOINTS = ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'userinfo_endpoint'] as const;

/**
 * The provider's metadata, fetched on first use (the gateway may start before the provider) and
 * kept; a failed fetch is retried on the next call.
 */
export class OidcDiscovery {
  private pending?: Promise<ProviderMetadata>;

  constructor(private readonly issuer: string) {}

  metadata(): Promise<ProviderMetadata> {
    this.pending ??= this.fetchMetadata().catch((error: unknown) => {
      this.pending = undefined;
      throw error;
    });
    return this.pending;
  }

  private async fetchMetadata(): Promise<ProviderMetadata> {
    const url = `${this.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const { ok, status, body } = await fetchJson(url);
    if (!ok) throw new Error(`OpenID discovery at ${url} answered ${status}`);
    // OpenID Connect Discovery 1.0, section 4.3: the document must name the issuer it was fetched for.
    if (body.issuer !== this.issuer) throw new Error(`OpenID discovery at ${url} names issuer ${String(body.issuer)}, expected ${this.issuer}`);
    const missing = REQUIRED_ENDPOINTS.filter((name) => typeof body[name] !== 'string');
    if (missing.length > 0) throw new Error(`OpenID discovery at ${url} lacks ${missing.join(', ')}`);
    return body as unknown as ProviderMetadata;
  }
}
