import { Injectable, Logger } from '@nestjs/common';
import { scopeFilterFor } from '@scrt/auth';
import type { CaseCreatedV1, CaseSnapshotV1, EventEnvelope, Principal, ReviewTypeCode } from '@scrt/contracts';
import { CaseloadRepository, type CaseloadPeriod } from './caseload.repository.js';
import type { CaseloadReportDto } from './dto/caseload-report.dto.js';

@Injectable()
export class CaseloadService {
  private readonly logger = new Logger(CaseloadService.name);

  constructor(private readonly caseload: CaseloadRepository) {}

  async recordCase(event: EventEnvelope<CaseCreatedV1>): Promise<void> {
    const outcome = await this.caseload.recordCase(event);
    this.logger.log({ message: 'case.created applied', outcome, eventId: event.eventId, caseId: event.payload.caseId });
  }

  /** A case event of the snapshot kind: `type` names it in the log (never any of its content but ids). */
  async applySnapshot(event: EventEnvelope<unknown>, snapshot: CaseSnapshotV1): Promise<void> {
    const outcome = await this.caseload.applySnapshot(event, snapshot);
    this.logger.log({ message: `${event.type} applied`, outcome, eventId: event.eventId, caseId: snapshot.caseId, version: snapshot.version });
  }

  /** New cases by region, organisation and review type: only what the caller may see. */
  async report(principal: Principal, period: CaseloadPeriod): Promise<CaseloadReportDto> {
    const scope = scopeFilterFor(principal);
    const rows = await this.caseload.countByOrganisationAndType(scope, period);
    await this.caseload.recordAccess(principal, { action: 'read', resourceType: 'caseload-report', outcome: 'success' });
    return {
      scope: { tier: principal.tier, ...scope },
      generatedAt: new Date().toISOString(),
      totalCases: rows.reduce((sum, row) => sum + row.cases, 0),
      rows: rows.map((row) => ({ ...row, reviewType: row.reviewType as ReviewTypeCode })),
    };
  }
}
