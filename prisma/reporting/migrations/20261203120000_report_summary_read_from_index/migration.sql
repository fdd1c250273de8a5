-- Reports read the summaries by report, type and organisation from the index alone (no heap visits where the table is vacuumed).
-- The samples stay out: a cell's histogram can outgrow an index entry.
DROP INDEX "report_summary_report_month_idx";
CREATE INDEX "report_summary_read_idx" ON "report_summary"("report", "review_type", "organisation_code", "month") INCLUDE ("region_code", "keys", "measures");
-- Vacuumed often, so that the pages the index answers from stay all-visible as cells are refreshed.
ALTER TABLE "report_summary" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
