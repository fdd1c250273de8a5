import { Inject, Injectable } from '@nestjs/common';
import { eventActorOf, OrganisationChangedV1Contract, type Principal } from '@scrt/contracts';
import { OutboxWriter, type SqlClient } from '@scrt/messaging';
import { AuditTrail, DATABASE } from '@scrt/persistence';
import { organisationChangedPayload, type HierarchySnapshot, type OrganisationType } from '@scrt/reference-copy';
import { dateOf, isoDateOf } from '../calendar/dto/calendar-date.js';
import { REFDATA_SCHEMA, type ReferenceDataDatabase } from '../database.js';

const audit = new AuditTrail(REFDATA_SCHEMA);
type Tx = Parameters<Parameters<ReferenceDataDatabase['$transaction']>[0]>[0];
type Reader = Pick<Tx, 'organisation' | 'organisationParentLink' | 'organisationSuccession'>;

/** What an import decided once it saw the hierarchy: the changed hierarchy and codes to save, or nothing. */
export interface HierarchyChange<T> {
  result: T;
  save?: { snapshot: HierarchySnapshot; touched: string[] };
}

/** Imports take this transaction-scoped lock, so each checks and writes the hierarchy as the previous one left it. */
/** A real ODS change file touches a few hundred codes (and waits for the import before it): more than the default 5 s. */
const IMPORT_TRANSACTION = { timeout: 120_000, maxWait: 10_000 };
const IMPORT_LOCK = "SELECT pg_advisory_xact_lock(hashtext('refdata.organisation-hierarchy'))";
export const ORGANISATION_RESOURCE = 'organisation';

const isoOrNull = (date: Date | null) => (date ? isoDateOf(date) : null);
const dateOrNull = (isoDate: string | null) => (isoDate ? dateOf(isoDate) : null);

@Injectable()
export class OrganisationsRepository {
  constructor(
    @Inject(DATABASE) private readonly db: ReferenceDataDatabase,
    private readonly outbox: OutboxWriter,
  ) {}

  /** The whole hierarchy through time: organisations, dated parent links, successions. */
  async loadSnapshot(db: Reader = this.db): Promise<HierarchySnapshot> {
    const [organisations, parentLinks, successions] = await Promise.all([
      db.organisation.findMany({ orderBy: [{ type: 'asc' }, { odsCode: 'asc' }] }),
      db.organisationParentLink.findMany({ orderBy: [{ childOdsCode: 'asc' }, { effectiveFrom: 'asc' }] }),
      db.organisationSuccession.findMany({ orderBy: [{ successorOdsCode: 'asc' }, { predecessorOdsCode: 'asc' }] }),
    ]);
    return {
      organisations: organisations.map((org) => ({
        odsCode: org.odsCode,
        name: org.name,
        type: org.type as OrganisationType,
        effectiveFrom: isoDateOf(org.effectiveFrom),
        effectiveTo: isoOrNull(org.effectiveTo),
      })),
      parentLinks: parentLinks.map((link) => ({ ...link, effectiveFrom: isoDateOf(link.effectiveFrom), effectiveTo: isoOrNull(link.effectiveTo) })),
      successions: successions.map((succession) => ({ ...succession, effectiveFrom: isoDateOf(succession.effectiveFrom) })),
    };
  }

  /**
   * Under the import lock, in one transaction: `decide` sees the hierarchy as it is; what it
   * decides to save replaces, for each touched code, the organisation, its parent links and its
   * successions, audited and published (`reference-data.organisation.changed.v1`) per code.
   */
  changeHierarchy<T>(decide: (snapshot: HierarchySnapshot) => HierarchyChange<T>, principal: Principal): Promise<T> {
    return this.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(IMPORT_LOCK);
      const { result, save } = decide(await this.loadSnapshot(tx));
      if (save) await this.saveChanges(tx, save.snapshot, save.touched, principal);
      return result;
    }, IMPORT_TRANSACTION);
  }

  private async saveChanges(tx: Tx, snapshot: HierarchySnapshot, touched: string[], principal: Principal): Promise<void> {
    for (const odsCode of touched) {
      const org = snapshot.organisations.find((candidate) => candidate.odsCode === odsCode)!;
      const links = snapshot.parentLinks.filter((link) => link.childOdsCode === odsCode);
      const latestParent = links.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).at(-1)?.parentOdsCode ?? null;
      const values = { name: org.name, type: org.type, parentOdsCode: latestParent, effectiveFrom: dateOf(org.effectiveFrom), effectiveTo: dateOrNull(org.effectiveTo) };
      const existed = (await tx.organisation.count({ where: { odsCode } })) > 0;
      await tx.organisation.upsert({ where: { odsCode }, create: { odsCode, ...values }, update: values });
      await tx.organisationParentLink.deleteMany({ where: { childOdsCode: odsCode } });
      await tx.organisationParentLink.createMany({
        data: links.map((link) => ({ ...link, effectiveFrom: dateOf(link.effectiveFrom), effectiveTo: dateOrNull(link.effectiveTo) })),
      });
      await tx.organisationSuccession.createMany({
        data: snapshot.successions.filter((s) => s.successorOdsCode === odsCode).map((s) => ({ ...s, effectiveFrom: dateOf(s.effectiveFrom) })),
        skipDuplicates: true,
      });
      await audit.record(tx, principal, { action: existed ? 'update' : 'create', resourceType: ORGANISATION_RESOURCE, resourceId: odsCode, outcome: 'success' });
      await this.outbox.append(tx as unknown as SqlClient, OrganisationChangedV1Contract, organisationChangedPayload(snapshot, odsCode), {
        actor: eventActorOf(principal),
      });
    }
  }

  /** Who changed the organisation, how and when (newest first). */
  findChanges(odsCode: string) {
    return this.db.auditEvent.findMany({ where: { resourceType: ORGANISATION_RESOURCE, resourceId: odsCode }, orderBy: { occurredAt: 'desc' } });
  }
}
