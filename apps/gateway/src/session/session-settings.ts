import type { GatewayEnv } from '../config/gateway.config.js';

/** The part of the gateway's configuration browser sign-in needs. */
export type SessionSettings = Pick<GatewayEnv, 'OIDC_ISSUER' | 'OIDC_CLIENT_ID' | 'OIDC_CLIENT_SECRET' | 'GATEWAY_PUBLIC_URL' | 'SESSION_SECRET'>;

export const SESSION_SETTINGS = Symbol('SESSION_SETTINGS');

/** An absolute URL on the gateway's public origin (redirect URIs must match exactly). */
export function publicUrl(settings: SessionSettings, path: string): string {
  return new URL(path, settings.GATEWAY_PUBLIC_URL).href;
}
