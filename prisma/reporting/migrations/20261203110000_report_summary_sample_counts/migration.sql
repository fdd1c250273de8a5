-- Medians keep each cell's distinct values with how often each occurs, not every value.
ALTER TABLE "report_summary" ADD COLUMN "sample_counts" INTEGER[] NOT NULL DEFAULT '{}';
ALTER TABLE "report_summary" ADD COLUMN "sample_counts_2" INTEGER[] NOT NULL DEFAULT '{}';
ALTER TABLE "report_summary" ADD COLUMN "sample_counts_3" INTEGER[] NOT NULL DEFAULT '{}';

-- The cells with samples are computed again, with their counts.
INSERT INTO "summary_dirty" ("month", "organisation_code")
SELECT DISTINCT "month", "organisation_code" FROM "report_summary" WHERE cardinality("samples") + cardinality("samples_2") + cardinality("samples_3") > 0;
