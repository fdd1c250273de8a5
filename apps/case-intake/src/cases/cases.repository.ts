import { Inject, Injectable } from '@nestjs/common';
import { CaseCreatedV1Contract, type CaseCreatedV1, type Principal } from '@scrt/contracts';
import { OutboxWriter } from '@scrt/messaging';
import { AuditTrail, DATABASE, type AuditEntry } from '@scrt/persistence';
import { INTAKE_SCHEMA, type IntakeDatabase } from '../database.js';

export interface NewCase {
  id: string;
  organisationCode: string;
  regionCode: string;
  incidentDate: string;
  reviewType: string;
}

export interface IdempotencyClaim {
  key: string;
  requestHash: string;
}

const audit = new AuditTrail(INTAKE_SCHEMA);

/** What `create` returns when another request already claimed the Idempotency-Key. */
export const KEY_TAKEN = Symbol('idempotency key taken');

export type CaseRow = Awaited<ReturnType<IntakeDatabase['caseRecord']['create']>>;

@Injectable()
export class CasesRepository {
  constructor(
    @Inject(DATABASE) private readonly db: IntakeDatabase,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * The case, its `case.created` event, its audit record and the idempotency claim: one
   * transaction, all or nothing. The claim comes first: a concurrent request with the same key
   * waits for this transaction on the key's row, then finds it taken and writes nothing.
   */
  async create(newCase: NewCase, principal: Principal, idempotency?: IdempotencyClaim): Promise<CaseRow | typeof KEY_TAKEN> {
    return this.db.$transaction(async (tx) => {
      if (idempotency) {
        const { count } = await tx.idempotentRequest.createMany({
          data: { organisationCode: newCase.organisationCode, idempotencyKey: idempotency.key, requestHash: idempotency.requestHash, resourceId: newCase.id },
          skipDuplicates: true,
        });
        if (count === 0) return KEY_TAKEN;
      }
      const record = await tx.caseRecord.create({
        data: { ...newCase, incidentDate: new Date(`${newCase.incidentDate}T00:00:00Z`), createdBy: principal.subject },
      });
      const payload: CaseCreatedV1 = {
        caseId: record.id,
        organisationCode: record.organisationCode,
        regionCode: record.regionCode,
        incidentDate: newCase.incidentDate,
        reviewType: newCase.reviewType as CaseCreatedV1['reviewType'],
        createdAt: record.createdAt.toISOString(),
      };
      await this.outbox.append(tx, CaseCreatedV1Contract, payload, { actor: actorOf(principal) });
      await audit.record(tx, principal, { action: 'create', resourceType: 'case', resourceId: record.id, outcome: 'success' });
      return record;
    });
  }

  findById(id: string) {
    return this.db.caseRecord.findUnique({ where: { id } });
  }

  findIdempotentRequest(organisationCode: string, key: string) {
    return this.db.idempotentRequest.findUnique({ where: { organisationCode_idempotencyKey: { organisationCode, idempotencyKey: key } } });
  }

  recordAccess(principal: Principal, entry: AuditEntry) {
    return audit.record(this.db, principal, entry);
  }
}

function actorOf(principal: Principal) {
  return { subject: principal.subject, kind: principal.kind, organisationCode: principal.organisationCode, tier: principal.tier };
}
