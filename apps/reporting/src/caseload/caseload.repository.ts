import { Inject, Injectable } from '@nestjs/common';
import type { ScopeFilter } from '@scrt/auth';
import type { CaseCreatedV1, CaseSnapshotV1, EventEnvelope, Principal } from '@scrt/contracts';
import { Inbox } from '@scrt/messaging';
import { AuditTrail, DATABASE, type AuditEntry } from '@scrt/persistence';
import { REPORTING_SCHEMA, type ReportingDatabase } from '../database.js';

export const CASELOAD_CONSUMER = 'reporting.caseload';
const audit = new AuditTrail(REPORTING_SCHEMA);

export interface CaseloadPeriod {
  from?: string;
  to?: string;
}

@Injectable()
export class CaseloadRepository {
  constructor(
    @Inject(DATABASE) private readonly db: ReportingDatabase,
    private readonly inbox: Inbox,
  ) {}

  /** Applies a `case.created` event once, however often it is delivered. */
  recordCase(event: EventEnvelope<CaseCreatedV1>): Promise<'processed' | 'duplicate'> {
    const { payload } = event;
    return this.inbox.processOnce(this.db, event, CASELOAD_CONSUMER, async (tx) => {
      await (tx as unknown as ReportingDatabase).caseFact.create({
        data: {
          caseId: payload.caseId,
          organisationCode: payload.organisationCode,
          regionCode: payload.regionCode,
          reviewType: payload.reviewType,
          incidentDate: new Date(`${payload.incidentDate}T00:00:00Z`),
          recordedAt: new Date(payload.createdAt),
          sourceEventId: event.eventId,
        },
      });
    });
  }

  /** Applies a case snapshot (created v2, updated, withdrawn) once, keeping the highest version of the case. */
  applySnapshot(event: EventEnvelope<unknown>, snapshot: CaseSnapshotV1): Promise<'processed' | 'duplicate'> {
    return this.inbox.processOnce(this.db, event, CASELOAD_CONSUMER, async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO "${REPORTING_SCHEMA}"."case_fact" ("case_id", "organisation_code", "region_code", "review_type", "incident_date", "recorded_at", "source_event_id", "version", "withdrawn")
         VALUES ($1::uuid, $2, $3, $4, $5::date, $6::timestamptz, $7::uuid, $8::int, $9)
         ON CONFLICT ("case_id") DO UPDATE SET "review_type" = EXCLUDED."review_type", "incident_date" = EXCLUDED."incident_date", "source_event_id" = EXCLUDED."source_event_id",
           "version" = EXCLUDED."version", "withdrawn" = EXCLUDED."withdrawn", "loaded_at" = now()
         WHERE "case_fact"."version" < EXCLUDED."version"`,
        snapshot.caseId,
        snapshot.organisationCode,
        snapshot.regionCode,
        snapshot.reviewType,
        snapshot.incidentDate,
        snapshot.createdAt,
        event.eventId,
        snapshot.version,
        snapshot.withdrawn,
      );
    });
  }

  async countByOrganisationAndType(scope: ScopeFilter, period: CaseloadPeriod) {
    const groups = await this.db.caseFact.groupBy({
      by: ['regionCode', 'organisationCode', 'reviewType'],
      where: {
        ...scope,
        withdrawn: false,
        recordedAt: {
          ...(period.from ? { gte: new Date(`${period.from}T00:00:00Z`) } : {}),
          ...(period.to ? { lt: new Date(new Date(`${period.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
        },
      },
      _count: { _all: true },
      orderBy: [{ regionCode: 'asc' }, { organisationCode: 'asc' }, { reviewType: 'asc' }],
    });
    return groups.map((group) => ({ regionCode: group.regionCode, organisationCode: group.organisationCode, reviewType: group.reviewType, cases: group._count._all }));
  }

  recordAccess(principal: Principal, entry: AuditEntry) {
    return audit.record(this.db, principal, entry);
  }
}
