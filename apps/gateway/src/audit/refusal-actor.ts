import { Inject, Injectable } from '@nestjs/common';
import type { AuditActor } from '@scrt/persistence';
import { AccessTokenVerifier } from '../auth/access-token.verifier.js';
import { isMachineClient } from '../principal/cis2-claims.js';

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;
const ODS_CODE = /^[A-Z0-9]{3,5}$/;
const optional = (value: unknown, maxLength: number) => (typeof value === 'string' && value.length > 0 ? value.slice(0, maxLength) : undefined);

/**
 * Who made a refused request: the subject (user) or client id (machine) of its bearer token
 * when that token verifies, undefined otherwise. Claims of a token that does not verify are
 * the caller's say-so and are never recorded as an identity.
 */
@Injectable()
export class RefusalActorResolver {
  constructor(@Inject(AccessTokenVerifier) private readonly verifier: AccessTokenVerifier) {}

  async actorOf(authorization: string | undefined): Promise<AuditActor | undefined> {
    const token = BEARER.exec(authorization ?? '')?.[1];
    const claims = token && (await this.verifier.verify(token).catch(() => undefined));
    if (!claims) return undefined;
    if (isMachineClient(claims)) {
      return { subject: String(claims.client_id).slice(0, 200), kind: 'client', organisationCode: ODS_CODE.test(String(claims.org_code)) ? claims.org_code : undefined };
    }
    const subject = optional(claims.nhsid_useruid, 200) ?? optional(claims.sub, 200);
    return subject === undefined ? undefined : { subject, kind: 'user', roleId: optional(claims.selected_roleid, 50) };
  }
}
