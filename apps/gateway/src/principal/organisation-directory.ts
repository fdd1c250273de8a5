import { Injectable } from '@nestjs/common';
import { InternalTokenSigner } from '@scrt/auth';
import { Permissions, type Principal, type ScopeTier } from '@scrt/contracts';
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
  type: 'national' | 'region' | 'icb' | 'sub_icb';
  parentOdsCode: string | null;
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

export function placementOf(org: OrganisationResponse): OrganisationPlacement {
  switch (org.type) {
    case 'national':
      return { odsCode: org.odsCode, name: org.name, tier: 'national' };
    case 'region':
      return { odsCode: org.odsCode, name: org.name, tier: 'region', regionCode: org.odsCode };
    default:
      return { odsCode: org.odsCode, name: org.name, tier: 'icb', regionCode: org.parentOdsCode ?? undefined };
  }
}

/** Where an organisation sits (national, region, ICB), from reference-data, cached briefly. */
@Injectable()
export class OrganisationDirectory {
  private readonly cache = new Map<string, { placement: OrganisationPlacement | null; until: number }>();

  constructor(
    private readonly config: GatewayEnv,
    private readonly signer: InternalTokenSigner,
  ) {}

  async place(odsCode: string): Promise<OrganisationPlacement | null> {
    const cached = this.cache.get(odsCode);
    if (cached && cached.until > Date.now()) return cached.placement;
    const placement = await this.fetch(odsCode);
    this.cache.set(odsCode, { placement, until: Date.now() + CACHE_MILLISECONDS });
    return placement;
  }

  private async fetch(odsCode: string): Promise<OrganisationPlacement | null> {
    const url = new URL(`/api/v1/reference-data/organisations/${encodeURIComponent(odsCode)}`, this.config.REFERENCE_DATA_URL);
    const token = await this.signer.sign(GATEWAY_PRINCIPAL);
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5000) });
    if (response.status === 404 || response.status === 400) return null;
    if (!response.ok) throw new Error(`reference-data answered ${response.status} for organisation ${odsCode}`);
    return placementOf((await response.json()) as OrganisationResponse);
  }
}
