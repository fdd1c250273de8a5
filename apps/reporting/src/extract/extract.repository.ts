import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, SqlParameters } from '@scrt/persistence';
import type { ReportingDatabase } from '../database.js';
import { rollUpRows, scopeCondition, warehouseTable } from '../reports/report-sql.js';
import type { ReportScope } from '../reports/report-scope.js';
import { WAREHOUSE_SCHEMA } from '../warehouse/warehouse-tables.js';
import type { CaseFactChangeDto } from './dto/extract.dto.js';

@Injectable()
export class ExtractRepository {
  constructor(@Inject(DATABASE) private readonly db: ReportingDatabase) {}

  /** Up to `limit` case facts the scope may see, changed after `after`, in change order. */
  caseChanges(scope: ReportScope, after: string, limit: number): Promise<CaseFactChangeDto[]> {
    const parameters = new SqlParameters();
    return this.db.$queryRawUnsafe<CaseFactChangeDto[]>(
      `WITH "scoped" AS (
         SELECT f.*, COALESCE(o."icb", f."organisation_code") AS "icb_code", COALESCE(o."region", f."region_code") AS "region_in_force"
         FROM ${warehouseTable(WAREHOUSE_SCHEMA, 'case_fact')} f LEFT JOIN (SELECT * FROM ${rollUpRows(parameters, scope)}) o ON o."code" = f."organisation_code"
         WHERE ${scopeCondition(parameters, scope, 'f')}
       )
       SELECT s."change_seq"::text AS "changeSeq", s."case_id" AS "caseId", s."version", s."organisation_code" AS "organisationCode", s."region_code" AS "regionCode",
         s."icb_code" AS "icbInForce", s."region_in_force" AS "regionInForce", s."sub_icb_location_code" AS "subIcbLocationCode", s."review_type" AS "reviewType",
         s."incident_date"::text AS "incidentDate", s."date_added"::text AS "dateAdded", s."subject_group" AS "subjectGroup", s."age_band" AS "ageBand", s."setting",
         s."designated_professional" AS "designatedProfessional",
         COALESCE((SELECT array_agg(t."theme_code" ORDER BY t."position") FROM ${warehouseTable(WAREHOUSE_SCHEMA, 'case_theme_fact')} t WHERE t."case_id" = s."case_id"), '{}') AS "themes",
         s."identifier_count" AS "identifierCount", s."withdrawn", s."withdrawn_at" AS "withdrawnAt", s."recorded_at" AS "recordedAt", s."updated_at" AS "updatedAt"
       FROM "scoped" s WHERE s."change_seq" > ${parameters.add(after, 'bigint')}
       ORDER BY s."change_seq" LIMIT ${parameters.add(limit, 'int')}`,
      ...parameters.values,
    );
  }
}
