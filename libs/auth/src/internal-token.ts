import { SignJWT, importPKCS8, importSPKI, jwtVerify, type CryptoKey, type KeyObject } from 'jose';
import { AllPermissions, ScopeTiers, type Permission, type Principal } from '@scrt/contracts';
import { currentCorrelationId, currentRequestContext, isRequestId, type RequestContext } from '@scrt/observability';

export const INTERNAL_TOKEN_ISSUER = 'scrt-gateway';
export const INTERNAL_TOKEN_AUDIENCE = 'scrt-internal';
export const INTERNAL_TOKEN_TYPE = 'scrt-internal+jwt';
const ALGORITHM = 'EdDSA';
const LIFETIME_SECONDS = 60;

type Key = CryptoKey | KeyObject;

interface InternalClaims {
  kind: Principal['kind'];
  name?: string;
  org: string;
  orgName?: string;
  region?: string;
  tier: Principal['tier'];
  role?: string;
  roleName?: string;
  perms: Permission[];
  cid?: string;
  /** The gateway's id of the request, which services key their audit records on. */
  rid?: string;
  /** The correlation id the client sent, when it sent a usable one (`cid` may be the gateway's). */
  ccid?: string;
}

/** What the gateway states about the request a token travels with. */
export type UpstreamRequest = Partial<Pick<RequestContext, 'requestId' | 'clientCorrelationId'>>;

/** What a verified internal token states. */
export interface VerifiedInternalToken extends UpstreamRequest {
  principal: Principal;
}

/** Gateway side: states the resolved principal in a short-lived token only services trust. */
export class InternalTokenSigner {
  private constructor(private readonly key: Key) {}

  static async fromPem(privateKeyPem: string): Promise<InternalTokenSigner> {
    return new InternalTokenSigner(await importPKCS8(privateKeyPem, ALGORITHM));
  }

  sign(principal: Principal, correlationId = currentCorrelationId(), request: UpstreamRequest = currentRequestContext() ?? {}): Promise<string> {
    const claims: InternalClaims = {
      kind: principal.kind,
      name: principal.name,
      org: principal.organisationCode,
      orgName: principal.organisationName,
      region: principal.regionCode,
      tier: principal.tier,
      role: principal.roleId,
      roleName: principal.roleName,
      perms: principal.permissions,
      cid: correlationId,
      rid: request.requestId,
      ccid: request.clientCorrelationId,
    };
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: ALGORITHM, typ: INTERNAL_TOKEN_TYPE })
      .setIssuer(INTERNAL_TOKEN_ISSUER)
      .setAudience(INTERNAL_TOKEN_AUDIENCE)
      .setSubject(principal.subject)
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_SECONDS}s`)
      .sign(this.key);
  }
}

/** Service side: accepts only tokens the gateway signed, and turns them back into a principal. */
export class InternalTokenVerifier {
  private constructor(private readonly key: Key) {}

  static async fromPem(publicKeyPem: string): Promise<InternalTokenVerifier> {
    return new InternalTokenVerifier(await importSPKI(publicKeyPem, ALGORITHM));
  }

  /** The principal and the gateway's request id; throws when the token is not a valid, current internal token. */
  async verify(token: string): Promise<VerifiedInternalToken> {
    const { payload } = await jwtVerify<InternalClaims>(token, this.key, {
      algorithms: [ALGORITHM],
      issuer: INTERNAL_TOKEN_ISSUER,
      audience: INTERNAL_TOKEN_AUDIENCE,
      typ: INTERNAL_TOKEN_TYPE,
      requiredClaims: ['sub', 'exp', 'org', 'tier', 'perms'],
    });
    if (!ScopeTiers.includes(payload.tier)) throw new Error('unknown scope tier');
    if (!Array.isArray(payload.perms) || payload.perms.some((p) => !AllPermissions.includes(p))) throw new Error('unknown permission');
    const principal: Principal = {
      subject: payload.sub!,
      kind: payload.kind === 'client' ? 'client' : 'user',
      name: payload.name,
      organisationCode: payload.org,
      organisationName: payload.orgName,
      regionCode: payload.region,
      tier: payload.tier,
      roleId: payload.role,
      roleName: payload.roleName,
      permissions: payload.perms,
    };
    return { principal, requestId: isRequestId(payload.rid) ? payload.rid : undefined, clientCorrelationId: typeof payload.ccid === 'string' ? payload.ccid : undefined };
  }
}
