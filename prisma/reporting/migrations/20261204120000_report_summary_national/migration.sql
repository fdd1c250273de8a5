-- Rows over every organisation together (organisation and region "*"), per month and from them per quarter and year:
-- a national total reads one row per period and grouping. A refresh finds a month's rows of every organisation by this index.
CREATE INDEX "report_summary_month_idx" ON "report_summary"("report", "grain", "month");

-- Every cell is refreshed once, which computes the national rows.
INSERT INTO "summary_dirty" ("month", "organisation_code")
SELECT DISTINCT "month", "organisation_code" FROM "report_summary" WHERE "grain" = 'M';
