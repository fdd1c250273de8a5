-- Reports read summaries kept per month and organisation as submitted (a cell), not the facts.
-- Each fact carries the month of the day that places it in a report, so a cell's facts are found by index.
ALTER TABLE "case_fact" ADD COLUMN "summary_month" DATE GENERATED ALWAYS AS (date_trunc('month', COALESCE("date_added", ("recorded_at" AT TIME ZONE 'Europe/London')::date)::timestamp)::date) STORED;
ALTER TABLE "review_fact" ADD COLUMN "summary_month" DATE GENERATED ALWAYS AS (date_trunc('month', "created_at" AT TIME ZONE 'Europe/London')::date) STORED;
ALTER TABLE "learning_fact" ADD COLUMN "summary_month" DATE GENERATED ALWAYS AS (date_trunc('month', COALESCE("occurred_on", "due_on")::timestamp)::date) STORED;

CREATE INDEX "case_fact_cell_idx" ON "case_fact"("organisation_code", "summary_month");
CREATE INDEX "review_fact_cell_idx" ON "review_fact"("organisation_code", "summary_month");
CREATE INDEX "learning_fact_cell_idx" ON "learning_fact"("organisation_code", "summary_month");
CREATE INDEX "review_fact_case_id_idx" ON "review_fact"("case_id");
CREATE INDEX "learning_fact_review_id_idx" ON "learning_fact"("review_id");
CREATE INDEX "review_fact_converted_to_id_idx" ON "review_fact"("converted_to_id") WHERE "converted_to_id" IS NOT NULL;

-- One row per report, cell and grouping: the cell's measures, summed (or for medians, their samples) when a report reads them.
CREATE TABLE "report_summary" (
    "report" VARCHAR(20) NOT NULL,
    "month" DATE NOT NULL,
    "organisation_code" VARCHAR(5) NOT NULL,
    "region_code" VARCHAR(3) NOT NULL,
    "review_type" VARCHAR(40) NOT NULL,
    "keys" TEXT[] NOT NULL,
    "measures" DOUBLE PRECISION[] NOT NULL,
    "samples" INTEGER[] NOT NULL DEFAULT '{}',
    "samples_2" INTEGER[] NOT NULL DEFAULT '{}',
    "samples_3" INTEGER[] NOT NULL DEFAULT '{}'
);
CREATE INDEX "report_summary_report_month_idx" ON "report_summary"("report", "month");
CREATE INDEX "report_summary_cell_idx" ON "report_summary"("month", "organisation_code");

-- Cells whose facts changed since their summaries were computed: written in the transaction of the change.
CREATE TABLE "summary_dirty" (
    "id" BIGINT GENERATED ALWAYS AS IDENTITY,
    "month" DATE NOT NULL,
    "organisation_code" VARCHAR(5) NOT NULL,
    CONSTRAINT "summary_dirty_pkey" PRIMARY KEY ("id")
);

-- The day the summaries' measures that depend on today (overdue, past target, stale) were computed for, and the data they hold.
ALTER TABLE "warehouse_state" ADD COLUMN "summaries_day" DATE;
ALTER TABLE "warehouse_state" ADD COLUMN "summaries_as_of" TIMESTAMPTZ(3);

-- Every cell the warehouse already holds is computed once.
INSERT INTO "summary_dirty" ("month", "organisation_code")
SELECT DISTINCT "summary_month", "organisation_code" FROM (
  SELECT "summary_month", "organisation_code" FROM "case_fact"
  UNION SELECT "summary_month", "organisation_code" FROM "review_fact"
  UNION SELECT "summary_month", "organisation_code" FROM "learning_fact"
) AS "cells" WHERE "summary_month" IS NOT NULL;
