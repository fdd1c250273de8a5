import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '@scrt/persistence';
import type { ReferenceDataDatabase } from '../database.js';

@Injectable()
export class OrganisationsRepository {
  constructor(@Inject(DATABASE) private readonly db: ReferenceDataDatabase) {}

  findAll() {
    return this.db.organisation.findMany({ orderBy: [{ type: 'asc' }, { odsCode: 'asc' }] });
  }

  findByCode(odsCode: string) {
    return this.db.organisation.findUnique({ where: { odsCode } });
  }
}
