import { Injectable } from '@nestjs/common';
import type { OrganisationDto, OrganisationType } from './dto/organisation.dto.js';
import { OrganisationNotFoundError } from './organisations.errors.js';
import { OrganisationsRepository } from './organisations.repository.js';

type OrganisationRow = NonNullable<Awaited<ReturnType<OrganisationsRepository['findByCode']>>>;

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

function toDto(row: OrganisationRow): OrganisationDto {
  return {
    odsCode: row.odsCode,
    name: row.name,
    type: row.type as OrganisationType,
    parentOdsCode: row.parentOdsCode,
    effectiveFrom: isoDate(row.effectiveFrom)!,
    effectiveTo: isoDate(row.effectiveTo),
  };
}

@Injectable()
export class OrganisationsService {
  constructor(private readonly organisations: OrganisationsRepository) {}

  async list(): Promise<OrganisationDto[]> {
    return (await this.organisations.findAll()).map(toDto);
  }

  async get(odsCode: string): Promise<OrganisationDto> {
    const row = await this.organisations.findByCode(odsCode);
    if (!row) throw new OrganisationNotFoundError(odsCode);
    return toDto(row);
  }
}
