import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@scrt/contracts';
import { Inbox, type InboxOutcome } from '@scrt/messaging';
import { DATABASE } from '@scrt/persistence';
import { REVIEWS_SCHEMA, type ReviewsDatabase } from '../database.js';

/** What reviews keeps of a case: enough to scope, type and refuse reviews. */
export interface CaseFacts {
  caseId: string;
  caseVersion: number;
  organisationCode: string;
  regionCode: string;
  reviewType: string;
  incidentDate: string;
  withdrawn: boolean;
}

export const CASE_COPY_CONSUMER = 'reviews.case-copy';

@Injectable()
export class CaseCopyRepository {
  constructor(
    @Inject(DATABASE) private readonly db: ReviewsDatabase,
    private readonly inbox: Inbox,
  ) {}

  /** Keeps the facts unless a snapshot of a higher version is already held (events may come late, twice or out of order). */
  apply(event: EventEnvelope, facts: CaseFacts): Promise<InboxOutcome> {
    return this.inbox.processOnce(this.db, event, CASE_COPY_CONSUMER, async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO "${REVIEWS_SCHEMA}"."case_copy" ("case_id", "organisation_code", "region_code", "review_type", "incident_date", "withdrawn", "case_version")
         VALUES ($1::uuid, $2, $3, $4, $5::date, $6, $7::int)
         ON CONFLICT ("case_id") DO UPDATE SET "organisation_code" = EXCLUDED."organisation_code", "region_code" = EXCLUDED."region_code",
           "review_type" = EXCLUDED."review_type", "incident_date" = EXCLUDED."incident_date", "withdrawn" = EXCLUDED."withdrawn",
           "case_version" = EXCLUDED."case_version", "received_at" = now()
         WHERE "${REVIEWS_SCHEMA}"."case_copy"."case_version" < EXCLUDED."case_version"`,
        facts.caseId,
        facts.organisationCode,
        facts.regionCode,
        facts.reviewType,
        facts.incidentDate,
        facts.withdrawn,
        facts.caseVersion,
      );
    });
  }

  findCase(caseId: string) {
    return this.db.caseCopy.findUnique({ where: { caseId } });
  }
}
