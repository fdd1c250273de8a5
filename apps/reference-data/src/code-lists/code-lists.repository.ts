import { Inject, Injectable } from '@nestjs/common';
import { CodeListPublishedV1Contract, eventActorOf, type Principal } from '@scrt/contracts';
import { OutboxWriter, type SqlClient } from '@scrt/messaging';
import { AuditTrail, DATABASE, unlessDuplicate } from '@scrt/persistence';
import { dateOf, isoDateOf } from '../calendar/dto/calendar-date.js';
import { REFDATA_SCHEMA, type ReferenceDataDatabase } from '../database.js';
import type { CodeValues } from './code-list-rules.js';

const audit = new AuditTrail(REFDATA_SCHEMA);
export const CODE_LIST_RESOURCE = 'code-list';
const withCodes = { codes: { orderBy: [{ sortOrder: 'asc' as const }, { code: 'asc' as const }] }, list: true };
type Tx = Parameters<Parameters<ReferenceDataDatabase['$transaction']>[0]>[0];

@Injectable()
export class CodeListsRepository {
  constructor(
    @Inject(DATABASE) private readonly db: ReferenceDataDatabase,
    private readonly outbox: OutboxWriter,
  ) {}

  listLists() {
    return this.db.codeList.findMany({ orderBy: { code: 'asc' } });
  }

  findList(code: string) {
    return this.db.codeList.findUnique({ where: { code } });
  }

  listVersions(listCode: string) {
    return this.db.codeListVersion.findMany({ where: { listCode }, orderBy: { version: 'asc' } });
  }

  findVersion(listCode: string, version: number) {
    return this.db.codeListVersion.findUnique({ where: { listCode_version: { listCode, version } }, include: withCodes });
  }

  findDraft(listCode: string) {
    return this.db.codeListVersion.findFirst({ where: { listCode, status: 'draft' }, include: withCodes });
  }

  /** The published version in force on a date: the latest effective date on or before it, then the highest version. */
  findInForce(listCode: string, asAt: string) {
    return this.db.codeListVersion.findFirst({
      where: { listCode, status: 'published', effectiveFrom: { lte: dateOf(asAt) } },
      orderBy: [{ effectiveFrom: 'desc' }, { version: 'desc' }],
      include: withCodes,
    });
  }

  /** The number of the published version in force on a date, without its codes (what the ETag is made of). */
  async findInForceNumber(listCode: string, asAt: string): Promise<number | undefined> {
    const row = await this.db.codeListVersion.findFirst({
      where: { listCode, status: 'published', effectiveFrom: { lte: dateOf(asAt) } },
      orderBy: [{ effectiveFrom: 'desc' }, { version: 'desc' }],
      select: { version: true },
    });
    return row?.version;
  }

  async isPublished(listCode: string, version: number): Promise<boolean> {
    return (await this.db.codeListVersion.count({ where: { listCode, version, status: 'published' } })) > 0;
  }

  findLatestPublished(listCode: string) {
    return this.db.codeListVersion.findFirst({ where: { listCode, status: 'published' }, orderBy: [{ effectiveFrom: 'desc' }, { version: 'desc' }], include: withCodes });
  }

  history(listCode: string) {
    return this.db.auditEvent.findMany({ where: { resourceType: CODE_LIST_RESOURCE, resourceId: { startsWith: `${listCode}:` } }, orderBy: { occurredAt: 'asc' } });
  }

  /** A new draft holding a copy of `base`; undefined when another draft exists (the one-draft index said no). */
  createDraft(listCode: string, base: CodeValues[], principal: Principal): Promise<number | undefined> {
    return unlessDuplicate(() =>
      this.db.$transaction(async (tx) => {
        const latest = await tx.codeListVersion.aggregate({ where: { listCode }, _max: { version: true } });
        const version = (latest._max.version ?? 0) + 1;
        await tx.codeListVersion.create({ data: { listCode, version, status: 'draft', createdBy: principal.subject } });
        await tx.codeListEntry.createMany({ data: base.map((code) => ({ ...code, listCode, version })) });
        await audit.record(tx, principal, { action: 'create', resourceType: CODE_LIST_RESOURCE, resourceId: `${listCode}:draft:${version}`, outcome: 'success' });
        return version;
      }),
    );
  }

  /** Sets (adds or replaces) codes of the draft in one transaction. */
  putCodes(listCode: string, version: number, codes: CodeValues[], principal: Principal) {
    return this.db.$transaction(async (tx) => {
      for (const code of codes) {
        // No upsert: PostgreSQL refuses ON CONFLICT on a table with rules (published versions are immutable).
        const { count } = await tx.codeListEntry.updateMany({ where: { listCode, version, code: code.code }, data: code });
        if (count === 0) await tx.codeListEntry.createMany({ data: [{ ...code, listCode, version }] });
        await audit.record(tx, principal, { action: 'update', resourceType: CODE_LIST_RESOURCE, resourceId: `${listCode}:draft:${version}:${code.code}`, outcome: 'success' });
      }
    });
  }

  /** Publishes the draft and writes its event in the same transaction; false when another request published or discarded it first. */
  publish(listCode: string, version: number, effectiveFrom: string, principal: Principal): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const publishedAt = new Date();
      const { count } = await tx.codeListVersion.updateMany({
        where: { listCode, version, status: 'draft' },
        data: { status: 'published', effectiveFrom: dateOf(effectiveFrom), publishedAt, publishedBy: principal.subject },
      });
      if (count === 0) return false;
      await this.appendPublished(tx, listCode, version, principal);
      await audit.record(tx, principal, { action: 'publish', resourceType: CODE_LIST_RESOURCE, resourceId: `${listCode}:version:${version}`, outcome: 'success' });
      return true;
    });
  }

  private async appendPublished(tx: Tx, listCode: string, version: number, principal: Principal): Promise<void> {
    const row = (await tx.codeListVersion.findUnique({ where: { listCode_version: { listCode, version } }, include: withCodes }))!;
    const payload = {
      listCode,
      listName: row.list.name,
      version,
      effectiveFrom: isoDateOf(row.effectiveFrom!),
      publishedAt: row.publishedAt!.toISOString(),
      codes: row.codes.map(({ code, label, description, sortOrder, parentCode, deprecated }) => ({ code, label, description, sortOrder, parentCode, deprecated })),
    };
    await this.outbox.append(tx as unknown as SqlClient, CodeListPublishedV1Contract, payload, {
      actor: eventActorOf(principal),
    });
  }

  /** The discarded draft stays, so that its number is never given to another version. */
  discard(listCode: string, version: number, principal: Principal): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.codeListVersion.updateMany({ where: { listCode, version, status: 'draft' }, data: { status: 'discarded' } });
      if (count > 0) await audit.record(tx, principal, { action: 'delete', resourceType: CODE_LIST_RESOURCE, resourceId: `${listCode}:draft:${version}`, outcome: 'success' });
      return count > 0;
    });
  }
}
