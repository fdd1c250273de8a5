-- Each row's own medians (of its histograms, in the order of its sample columns): a report group of one row reads them
-- rather than merging histograms, as a report per ICB and financial year mostly does.
ALTER TABLE "report_summary" ADD COLUMN "medians" DOUBLE PRECISION[] NOT NULL DEFAULT '{}';

-- Every cell is refreshed once, which computes its medians.
INSERT INTO "summary_dirty" ("month", "organisation_code")
SELECT DISTINCT "month", "organisation_code" FROM "report_summary" WHERE "grain" = 'M';
