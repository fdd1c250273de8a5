import type { Cis2Role } from '@scrt/contracts';

/** The claims the gateway reads from a validated access token (or ID token + userinfo). */
export interface ExternalClaims {
  sub?: string;
  client_id?: string;
  scope?: string;
  org_code?: string;
  name?: string;
  nhsid_useruid?: string;
  selected_roleid?: string;
  nhsid_nrbac_roles?: Cis2Role[];
  authentication_assurance_level?: string | number;
  [claim: string]: unknown;
}

/** Client-credentials tokens name no person: their subject is the client itself. */
export function isMachineClient(claims: ExternalClaims): boolean {
  return claims.nhsid_useruid === undefined && typeof claims.client_id === 'string' && claims.sub === claims.client_id;
}
