import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { AuditTrail, DATABASE, type AuditEntry } from '@scrt/persistence';
import type { RecordScope } from '@scrt/reference-copy';
import { caseScopeWhere, inCaseScope } from '../case-scope/scoped-database.js';
import { INTAKE_SCHEMA, type IntakeDatabase } from '../database.js';

const audit = new AuditTrail(INTAKE_SCHEMA);

@Injectable()
export class CaseViewsRepository {
  constructor(@Inject(DATABASE) private readonly db: IntakeDatabase) {}

  /**
   * The audit records of a case in the scope, newest first (`limit` of them); null when the case
   * is not in the scope. Filtered here, and by the row-level security of both tables.
   */
  viewsOf(caseId: string, scope: RecordScope, limit: number) {
    return inCaseScope(this.db, scope, async (tx) => {
      const found = await tx.caseRecord.findFirst({ where: { id: caseId, ...caseScopeWhere(scope) }, select: { id: true } });
      if (!found) return null;
      return tx.auditEvent.findMany({ where: { resourceType: 'case', resourceId: caseId }, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], take: limit });
    });
  }

  recordAccess(principal: Principal, entry: AuditEntry): Promise<void> {
    return audit.record(this.db, principal, entry);
  }
}
