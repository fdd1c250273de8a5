import type { FastifyRequest } from 'fastify';
import { isMachineClient, type ExternalClaims } from '../principal/cis2-claims.js';
import type { AccessTokenVerifier } from './access-token.verifier.js';
import { bearerToken } from './bearer-token.js';

/** Who a verified token speaks for: subject and organisation, as the principal will have them. */
function identityOf(claims: ExternalClaims): string {
  if (isMachineClient(claims)) return `client:${String(claims.client_id)}:${String(claims.org_code)}`;
  const roles = Array.isArray(claims.nhsid_nrbac_roles) ? claims.nhsid_nrbac_roles : [];
  const organisation = roles.find((role) => typeof role === 'object' && role?.person_roleid === claims.selected_roleid)?.org_code;
  return `user:${String(claims.nhsid_useruid ?? claims.sub)}:${String(organisation)}`;
}

/**
 * The rate-limit bucket of a request, never chosen by the client: a verified access token counts
 * against its identity; anything else (no token, an invalid one, a browser session) against the
 * peer address, which forwarding headers change only when they come from TRUSTED_PROXIES.
 */
export function rateLimitKeyOf(verifier: AccessTokenVerifier): (request: FastifyRequest) => Promise<string> {
  return async (request) => {
    const token = bearerToken(request);
    const claims = token === undefined ? undefined : await verifier.verify(token).catch(() => undefined);
    return claims ? identityOf(claims) : `address:${request.ip}`;
  };
}
