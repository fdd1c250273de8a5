import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { eventActorOf, PartnershipChangedV1Contract, type PartnershipChangedV1, type Principal } from '@scrt/contracts';
import { OutboxWriter, type SqlClient } from '@scrt/messaging';
import { AuditTrail, DATABASE } from '@scrt/persistence';
import { dateOf, isoDateOf } from '../calendar/dto/calendar-date.js';
import { REFDATA_SCHEMA, type ReferenceDataDatabase } from '../database.js';

export interface PartnershipValues {
  name: string;
  kind: string;
  localAuthorities: string[];
  icbOdsCodes: string[];
  effectiveFrom: string;
  effectiveTo?: string | null;
}

export interface PartnershipFilter {
  kind?: string;
  icb?: string;
  asAt?: string;
}

const audit = new AuditTrail(REFDATA_SCHEMA);
const RESOURCE_TYPE = 'safeguarding-partnership';

const toData = (values: PartnershipValues) => ({
  name: values.name,
  kind: values.kind,
  localAuthorities: values.localAuthorities,
  icbOdsCodes: values.icbOdsCodes,
  effectiveFrom: dateOf(values.effectiveFrom),
  effectiveTo: values.effectiveTo ? dateOf(values.effectiveTo) : null,
});

type Tx = Parameters<Parameters<ReferenceDataDatabase['$transaction']>[0]>[0];
type PartnershipRow = Awaited<ReturnType<Tx['safeguardingPartnership']['create']>>;

const changedPayload = (row: PartnershipRow): PartnershipChangedV1 => ({
  id: row.id,
  name: row.name,
  kind: row.kind as PartnershipChangedV1['kind'],
  localAuthorities: row.localAuthorities,
  icbOdsCodes: row.icbOdsCodes,
  effectiveFrom: isoDateOf(row.effectiveFrom),
  effectiveTo: row.effectiveTo ? isoDateOf(row.effectiveTo) : null,
  version: row.version,
});

@Injectable()
export class PartnershipsRepository {
  constructor(
    @Inject(DATABASE) private readonly db: ReferenceDataDatabase,
    private readonly outbox: OutboxWriter,
  ) {}

  findMany(filter: PartnershipFilter) {
    const asAt = filter.asAt ? dateOf(filter.asAt) : undefined;
    return this.db.safeguardingPartnership.findMany({
      where: {
        kind: filter.kind,
        ...(filter.icb ? { icbOdsCodes: { has: filter.icb } } : {}),
        ...(asAt ? { effectiveFrom: { lte: asAt }, OR: [{ effectiveTo: null }, { effectiveTo: { gte: asAt } }] } : {}),
      },
      orderBy: [{ kind: 'asc' }, { name: 'asc' }],
    });
  }

  findById(id: string) {
    return this.db.safeguardingPartnership.findUnique({ where: { id } });
  }

  findByKindAndNames(pairs: { kind: string; name: string }[]) {
    return this.db.safeguardingPartnership.findMany({ where: { OR: pairs.map(({ kind, name }) => ({ kind, name: { equals: name, mode: 'insensitive' as const } })) } });
  }

  /** The ICB codes among `codes` that the organisation hierarchy knows. */
  async knownIcbs(codes: string[]): Promise<Set<string>> {
    const rows = await this.db.organisation.findMany({ where: { odsCode: { in: codes }, type: 'icb' }, select: { odsCode: true } });
    return new Set(rows.map((row) => row.odsCode));
  }

  /** Every partnership and its audit record in one transaction: all or none. */
  createMany(partnerships: PartnershipValues[], principal: Principal) {
    return this.db.$transaction(async (tx) => {
      const created = [];
      for (const values of partnerships) {
        const row = await tx.safeguardingPartnership.create({ data: { id: randomUUID(), ...toData(values) } });
        await audit.record(tx, principal, { action: 'create', resourceType: RESOURCE_TYPE, resourceId: row.id, outcome: 'success' });
        await this.appendChanged(tx, row, principal);
        created.push(row);
      }
      return created;
    });
  }

  update(id: string, changes: Partial<Pick<PartnershipValues, 'name' | 'localAuthorities' | 'icbOdsCodes' | 'effectiveTo'>>, principal: Principal) {
    return this.db.$transaction(async (tx) => {
      const row = await tx.safeguardingPartnership.update({
        where: { id },
        data: {
          name: changes.name,
          localAuthorities: changes.localAuthorities,
          icbOdsCodes: changes.icbOdsCodes,
          ...(changes.effectiveTo ? { effectiveTo: dateOf(changes.effectiveTo) } : {}),
          version: { increment: 1 },
        },
      });
      await audit.record(tx, principal, { action: 'update', resourceType: RESOURCE_TYPE, resourceId: id, outcome: 'success' });
      await this.appendChanged(tx, row, principal);
      return row;
    });
  }

  /** `reference-data.partnership.changed.v1`: the partnership's whole state, in the transaction that changed it. */
  private appendChanged(tx: Tx, row: PartnershipRow, principal: Principal): Promise<unknown> {
    return this.outbox.append(tx as unknown as SqlClient, PartnershipChangedV1Contract, changedPayload(row), { actor: eventActorOf(principal) });
  }
}
