import { Injectable } from '@nestjs/common';
import { InternalTokenSigner } from '@scrt/auth';
import { Permissions, type Principal, type ScopeTier } from '@scrt/contracts';
import { OrganisationHierarchyCopy, type OrganisationType, type RollUp } from '@scrt/reference-copy';
import { todayInEngland } from '@scrt/working-days';
import { GatewayEnv } from '../config/gateway.config.js';

export interface OrganisationPlacement {
  odsCode: string;
  name: string;
  tier: ScopeTier;
  regionCode?: string;
}

interface OrganisationResponse {
  odsCode: string;
  name: string;
  type: OrganisationType;
}

const CACHE_MILLISECONDS = 5 * 60 * 1000;

/** The gateway calling reference-data on its own behalf, to place organisations in the hierarchy. */
const GATEWAY_PRINCIPAL: Principal = {
  subject: 'scrt-gateway',
  kind: 'client',
  organisationCode: 'X24',
  tier: 'national',
  permissions: [Permissions.referenceDataRead],
};

/**
 * The tier of an organisation's users, and the region they belong to by the hierarchy in force
 * today: a sub-ICB location's region is its ICB's, and a merged ICB's is its successor's.
 */
export function placementOf(org: OrganisationResponse, rollUp: Pick<RollUp, 'regionOdsCode'>): OrganisationPlacement {
  switch (org.type) {
    case 'national':
      return { odsCode: org.odsCode, name: org.name, tier: 'national' };
    case 'region':
      return { odsCode: org.odsCode, name: org.name, tier: 'region', regionCode: org.odsCode };
    default:
      return { odsCode: org.odsCode, name: org.name, tier: 'icb', regionCode: rollUp.regionOdsCode ?? undefined };
  }
}

/**
 * Where an organisation sits (national, region, ICB), from the gateway's local copy of the
 * hierarchy; a code the copy does not hold yet (its events not yet consumed) is asked of
 * reference-data and cached briefly.
 */
@Injectable()
export class OrganisationDirectory {
  private readonly cache = new Map<string, { placement: OrganisationPlacement | null; until: number }>();

  constructor(
    private readonly config: GatewayEnv,
    private readonly signer: InternalTokenSigner,
    private readonly copy: OrganisationHierarchyCopy,
  ) {}

  async place(odsCode: string): Promise<OrganisationPlacement | null> {
    const hierarchy = await this.copy.hierarchy();
    const org = hierarchy.organisation(odsCode);
    if (org) return placementOf(org, hierarchy.rollUp(odsCode, todayInEngland()));
    const cached = this.cache.get(odsCode);
    if (cached && cached.until > Date.now()) return cached.placement;
    const placement = await this.fetch(odsCode);
    this.cache.set(odsCode, { placement, until: Date.now() + CACHE_MILLISECONDS });
    return placement;
  }

  private async fetch(odsCode: string): Promise<OrganisationPlacement | null> {
    const org = await this.get<OrganisationResponse>(odsCode, '');
    if (!org) return null;
    const rollUp = await this.get<RollUp>(odsCode, '/roll-up');
    return placementOf(org, { regionOdsCode: rollUp?.regionOdsCode ?? null });
  }

  private async get<T>(odsCode: string, suffix: string): Promise<T | null> {
    const url = new URL(`/api/v1/reference-data/organisations/${encodeURIComponent(odsCode)}${suffix}`, this.config.REFERENCE_DATA_URL);
    const token = await this.signer.sign(GATEWAY_PRINCIPAL);
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5000) });
    if (response.status === 404 || response.status === 400) return null;
    if (!response.ok) throw new Error(`reference-data answered ${response.status} for organisation ${odsCode}`);
    return (await response.json()) as T;
  }
}
