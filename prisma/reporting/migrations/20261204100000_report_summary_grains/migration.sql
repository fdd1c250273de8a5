-- Summaries are also kept per quarter and per financial year (from the month rows), so that a report over whole
-- years adds up a row per year, not twelve. A row's grain: M (month), Q (calendar quarter), Y (financial year, April to March);
-- its "month" is the first day of its period.
ALTER TABLE "report_summary" ADD COLUMN "grain" CHAR(1) NOT NULL DEFAULT 'M';

DROP INDEX "report_summary_read_idx";
CREATE INDEX "report_summary_read_idx" ON "report_summary"("report", "grain", "review_type", "organisation_code", "month") INCLUDE ("region_code", "keys", "measures");
-- A refresh finds a cell's rows, and the months of a quarter or year of one organisation, by this index.
DROP INDEX "report_summary_cell_idx";
CREATE INDEX "report_summary_cell_idx" ON "report_summary"("organisation_code", "grain", "month");

-- Every cell is refreshed once, which computes its quarter and year.
INSERT INTO "summary_dirty" ("month", "organisation_code")
SELECT DISTINCT "month", "organisation_code" FROM "report_summary";
