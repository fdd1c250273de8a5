import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { eventActorOf, TimescalesPublishedV1Contract, type Principal, type PublishedTimescaleTargetV1 } from '@scrt/contracts';
import { OutboxWriter, type SqlClient } from '@scrt/messaging';
import { AuditTrail, DATABASE, unlessDuplicate } from '@scrt/persistence';
import { dateOf, isoDateOf } from '../calendar/dto/calendar-date.js';
import { REFDATA_SCHEMA, type ReferenceDataDatabase } from '../database.js';

export interface TargetValues {
  reviewType: string;
  stage: string;
  icbOdsCode: string | null;
  amount: number;
  unit: string;
  startEvent: string;
  description: string | null;
}

const audit = new AuditTrail(REFDATA_SCHEMA);
const RESOURCE_TYPE = 'timescales';
type Tx = Parameters<Parameters<ReferenceDataDatabase['$transaction']>[0]>[0];
const withTargets = { targets: { orderBy: [{ reviewType: 'asc' as const }, { stage: 'asc' as const }, { icbOdsCode: 'asc' as const }] } };

@Injectable()
export class TimescalesRepository {
  constructor(
    @Inject(DATABASE) private readonly db: ReferenceDataDatabase,
    private readonly outbox: OutboxWriter,
  ) {}

  listVersions() {
    return this.db.timescaleVersion.findMany({ orderBy: { version: 'asc' } });
  }

  findVersion(version: number) {
    return this.db.timescaleVersion.findUnique({ where: { version }, include: withTargets });
  }

  findDraft() {
    return this.db.timescaleVersion.findFirst({ where: { status: 'draft' }, include: withTargets });
  }

  /** The published version in force on a date: the latest effective date on or before it, then the latest version. */
  findInForce(asAt: string) {
    return this.db.timescaleVersion.findFirst({
      where: { status: 'published', effectiveFrom: { lte: dateOf(asAt) } },
      orderBy: [{ effectiveFrom: 'desc' }, { version: 'desc' }],
      include: withTargets,
    });
  }

  findLatestPublished() {
    return this.db.timescaleVersion.findFirst({ where: { status: 'published' }, orderBy: [{ effectiveFrom: 'desc' }, { version: 'desc' }] });
  }

  isIcb(odsCode: string) {
    return this.db.organisation.count({ where: { odsCode, type: 'icb' } }).then((count) => count > 0);
  }

  /** A new draft holding a copy of `base`'s targets; undefined when another draft exists (the one-draft index said no). */
  createDraft(base: TargetValues[], principal: Principal): Promise<number | undefined> {
    return unlessDuplicate(() => this.insertDraft(base, principal));
  }

  private insertDraft(base: TargetValues[], principal: Principal) {
    return this.db.$transaction(async (tx) => {
      const latest = await tx.timescaleVersion.aggregate({ _max: { version: true } });
      const version = (latest._max.version ?? 0) + 1;
      await tx.timescaleVersion.create({ data: { version, status: 'draft', createdBy: principal.subject } });
      await tx.timescaleTarget.createMany({ data: base.map((target) => ({ ...target, id: randomUUID(), version })) });
      await audit.record(tx, principal, { action: 'create', resourceType: RESOURCE_TYPE, resourceId: `draft:${version}`, outcome: 'success' });
      return version;
    });
  }

  putTarget(version: number, target: TargetValues, principal: Principal) {
    return this.db.$transaction(async (tx) => {
      const key = { version, reviewType: target.reviewType, stage: target.stage, icbOdsCode: target.icbOdsCode };
      await tx.timescaleTarget.deleteMany({ where: key });
      await tx.timescaleTarget.create({ data: { ...target, id: randomUUID(), version } });
      await audit.record(tx, principal, { action: 'update', resourceType: RESOURCE_TYPE, resourceId: targetResourceId(version, target), outcome: 'success' });
    });
  }

  deleteTarget(version: number, key: Pick<TargetValues, 'reviewType' | 'stage' | 'icbOdsCode'>, principal: Principal): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.timescaleTarget.deleteMany({ where: { version, ...key } });
      if (count > 0) await audit.record(tx, principal, { action: 'delete', resourceType: RESOURCE_TYPE, resourceId: targetResourceId(version, key), outcome: 'success' });
      return count > 0;
    });
  }

  /** Publishes the draft and writes its event in the same transaction; false when another request published or discarded it first. */
  publish(version: number, effectiveFrom: string, principal: Principal): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.timescaleVersion.updateMany({
        where: { version, status: 'draft' },
        data: { status: 'published', effectiveFrom: dateOf(effectiveFrom), publishedAt: new Date(), publishedBy: principal.subject },
      });
      if (count === 0) return false;
      await audit.record(tx, principal, { action: 'publish', resourceType: RESOURCE_TYPE, resourceId: `version:${version}`, outcome: 'success' });
      await this.appendPublished(tx, version, principal);
      return true;
    });
  }

  private async appendPublished(tx: Tx, version: number, principal: Principal): Promise<void> {
    const row = (await tx.timescaleVersion.findUnique({ where: { version }, include: withTargets }))!;
    const payload = {
      version,
      effectiveFrom: isoDateOf(row.effectiveFrom!),
      publishedAt: row.publishedAt!.toISOString(),
      targets: row.targets.map(({ reviewType, stage, icbOdsCode, amount, unit, startEvent, description }) => ({
        reviewType,
        stage,
        icbOdsCode,
        amount,
        unit: unit as PublishedTimescaleTargetV1['unit'],
        startEvent,
        description,
      })),
    };
    await this.outbox.append(tx as unknown as SqlClient, TimescalesPublishedV1Contract, payload, { actor: eventActorOf(principal) });
  }

  /** The discarded draft stays, so that its number is never given to another version. */
  discard(version: number, principal: Principal): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.timescaleVersion.updateMany({ where: { version, status: 'draft' }, data: { status: 'discarded' } });
      if (count > 0) await audit.record(tx, principal, { action: 'delete', resourceType: RESOURCE_TYPE, resourceId: `draft:${version}`, outcome: 'success' });
      return count > 0;
    });
  }
}

const targetResourceId = (version: number, key: Pick<TargetValues, 'reviewType' | 'stage' | 'icbOdsCode'>) =>
  `draft:${version}:${key.reviewType}:${key.stage}:${key.icbOdsCode ?? 'national'}`;
