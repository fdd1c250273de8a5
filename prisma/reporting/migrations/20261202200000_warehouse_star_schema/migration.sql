-- One sequence numbers every change of every fact (the watermark of the incremental extract). It
-- belongs to no table, so facts rebuilt into fresh tables keep numbering from it.
CREATE SEQUENCE "warehouse_change_seq";

-- The warehouse's facts carry the whole case snapshot of the case events (v2, updated, withdrawn):
-- the highest version seen wins. Rows from CaseCreatedV1 have version 1 and no v2-only items.
ALTER TABLE "case_fact" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "sub_icb_location_code" VARCHAR(5),
ADD COLUMN     "date_added" DATE,
ADD COLUMN     "subject_group" VARCHAR(40),
ADD COLUMN     "age_band" VARCHAR(40),
ADD COLUMN     "setting" VARCHAR(40),
ADD COLUMN     "designated_professional" VARCHAR(40),
ADD COLUMN     "partnership_id" UUID,
ADD COLUMN     "identifier_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "withdrawn" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3),
ADD COLUMN     "updated_at" TIMESTAMPTZ(3),
ADD COLUMN     "source_occurred_at" TIMESTAMPTZ(3),
ADD COLUMN     "change_seq" BIGINT NOT NULL DEFAULT nextval('warehouse_change_seq'::regclass);

-- CreateTable
CREATE TABLE "case_theme_fact" (
    "case_id" UUID NOT NULL,
    "position" SMALLINT NOT NULL,
    "theme_code" VARCHAR(40) NOT NULL,

    CONSTRAINT "case_theme_fact_pkey" PRIMARY KEY ("case_id","position")
);

-- CreateTable
CREATE TABLE "warehouse_inbox" (
    "event_id" UUID NOT NULL,
    "consumer" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "warehouse_inbox_pkey" PRIMARY KEY ("event_id","consumer")
);

-- CreateTable
CREATE TABLE "review_fact" (
    "review_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "case_id" UUID NOT NULL,
    "organisation_code" VARCHAR(5) NOT NULL,
    "region_code" VARCHAR(3) NOT NULL,
    "review_type" VARCHAR(40) NOT NULL,
    "stage" VARCHAR(30) NOT NULL,
    "stage_date" DATE NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "converted_from_id" UUID,
    "converted_to_id" UUID,
    "signed_off_on" DATE,
    "publication_state" VARCHAR(40),
    "published_on" DATE,
    "embargo_until" DATE,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "source_event_id" UUID NOT NULL,
    "source_occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "change_seq" BIGINT NOT NULL DEFAULT nextval('warehouse_change_seq'::regclass),

    CONSTRAINT "review_fact_pkey" PRIMARY KEY ("review_id")
);

-- CreateTable
CREATE TABLE "stage_transition_fact" (
    "review_id" UUID NOT NULL,
    "to_stage" VARCHAR(30) NOT NULL,
    "from_stage" VARCHAR(30) NOT NULL,
    "entered_on" DATE NOT NULL,
    "target_on" DATE,
    "slippage_days" INTEGER,
    "source_event_id" UUID NOT NULL,

    CONSTRAINT "stage_transition_fact_pkey" PRIMARY KEY ("review_id","to_stage","entered_on")
);

-- CreateTable
CREATE TABLE "learning_fact" (
    "item_id" UUID NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "version" INTEGER NOT NULL,
    "review_id" UUID NOT NULL,
    "organisation_code" VARCHAR(5) NOT NULL,
    "region_code" VARCHAR(3) NOT NULL,
    "review_type" VARCHAR(40) NOT NULL,
    "theme_code" VARCHAR(40),
    "status" VARCHAR(30),
    "due_on" DATE,
    "completed_on" DATE,
    "occurred_on" DATE,
    "method" VARCHAR(40),
    "source_event_id" UUID NOT NULL,
    "change_seq" BIGINT NOT NULL DEFAULT nextval('warehouse_change_seq'::regclass),

    CONSTRAINT "learning_fact_pkey" PRIMARY KEY ("item_id")
);

-- CreateTable
CREATE TABLE "warehouse_state" (
    "id" SMALLINT NOT NULL,
    "data_as_of" TIMESTAMPTZ(3) NOT NULL,
    "events_applied" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "warehouse_state_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "date_dim" (
    "day" DATE NOT NULL,
    "month" CHAR(7) NOT NULL,
    "quarter" CHAR(7) NOT NULL,
    "financial_year" CHAR(7) NOT NULL,

    CONSTRAINT "date_dim_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "reference_organisation" (
    "ods_code" VARCHAR(5) NOT NULL,
    "state" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_organisation_pkey" PRIMARY KEY ("ods_code")
);

-- CreateIndex
CREATE UNIQUE INDEX "case_fact_change_seq_key" ON "case_fact"("change_seq");

-- CreateIndex
CREATE INDEX "case_fact_date_added_idx" ON "case_fact"("date_added");

-- CreateIndex
CREATE INDEX "case_fact_organisation_code_idx" ON "case_fact"("organisation_code");

-- CreateIndex
CREATE INDEX "case_theme_fact_theme_code_idx" ON "case_theme_fact"("theme_code");

-- CreateIndex
CREATE UNIQUE INDEX "review_fact_change_seq_key" ON "review_fact"("change_seq");

-- CreateIndex
CREATE INDEX "review_fact_organisation_code_idx" ON "review_fact"("organisation_code");

-- CreateIndex
CREATE UNIQUE INDEX "learning_fact_change_seq_key" ON "learning_fact"("change_seq");

-- CreateIndex
CREATE INDEX "learning_fact_organisation_code_kind_idx" ON "learning_fact"("organisation_code", "kind");

-- Hand-written: the date dimension from 1990 to 2060 (month, quarter, financial year April to March).
INSERT INTO "date_dim" ("day", "month", "quarter", "financial_year")
SELECT d::date, to_char(d, 'YYYY-MM'), to_char(d, 'YYYY') || '-Q' || to_char(d, 'Q'),
       CASE WHEN extract(month FROM d) >= 4 THEN to_char(d, 'YYYY') || '/' || to_char(d + interval '1 year', 'YY')
            ELSE to_char(d - interval '1 year', 'YYYY') || '/' || to_char(d, 'YY') END
FROM generate_series(date '1990-01-01', date '2060-12-31', interval '1 day') AS d;
