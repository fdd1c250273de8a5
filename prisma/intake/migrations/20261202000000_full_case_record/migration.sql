-- The full case record (issue 9 §1). Cases recorded before it hold only an incident date and a
-- review type: they keep them, and the new required items get values that say so.
--   date_added        = incident_date (the earliest date the case can have been added)
--   subject_group     = 'NOT_RECORDED' (not a code of subject-groups: a change must give a real one)
--   themes            = {} (no theme recorded: a change must give theme 1)
--   brief_information = '' (nothing recorded)
-- Every optional item is null, identifiers and personal-data warnings empty, status open.
ALTER TABLE "case_record"
ADD COLUMN     "date_added" DATE,
ADD COLUMN     "subject_group" VARCHAR(50),
ADD COLUMN     "themes" TEXT[],
ADD COLUMN     "brief_information" VARCHAR(2000),
ADD COLUMN     "identifiers" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "partnership_id" UUID,
ADD COLUMN     "partnership_name" VARCHAR(200),
ADD COLUMN     "designated_professional" VARCHAR(50),
ADD COLUMN     "age_band" VARCHAR(50),
ADD COLUMN     "locality" VARCHAR(200),
ADD COLUMN     "setting" VARCHAR(50),
ADD COLUMN     "comments" VARCHAR(4000),
ADD COLUMN     "sub_icb_location_code" VARCHAR(5),
ADD COLUMN     "status" VARCHAR(20) NOT NULL DEFAULT 'open',
ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawn_by" VARCHAR(200),
ADD COLUMN     "withdrawal_reason" VARCHAR(2000),
ADD COLUMN     "personal_data_warnings" JSONB NOT NULL DEFAULT '[]';

UPDATE "case_record" SET "date_added" = "incident_date", "subject_group" = 'NOT_RECORDED', "themes" = '{}', "brief_information" = '' WHERE "date_added" IS NULL;

ALTER TABLE "case_record"
ALTER COLUMN "date_added" SET NOT NULL,
ALTER COLUMN "subject_group" SET NOT NULL,
ALTER COLUMN "themes" SET NOT NULL,
ALTER COLUMN "brief_information" SET NOT NULL;

-- CreateTable
CREATE TABLE "case_change" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    "changed_by" VARCHAR(200) NOT NULL,
    "field" VARCHAR(50) NOT NULL,
    "old_value" JSONB,
    "new_value" JSONB,

    CONSTRAINT "case_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_organisation" (
    "ods_code" VARCHAR(5) NOT NULL,
    "state" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_organisation_pkey" PRIMARY KEY ("ods_code")
);

-- CreateTable
CREATE TABLE "reference_partnership" (
    "id" UUID NOT NULL,
    "state" JSONB NOT NULL,
    "version" INTEGER NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_partnership_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "case_change_case_id_version_idx" ON "case_change"("case_id", "version");

-- AddForeignKey
ALTER TABLE "case_change" ADD CONSTRAINT "case_change_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: what the Prisma schema language cannot express.
-- Status is one of two values, and a withdrawn case says when, by whom and why.
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_status_known" CHECK ("status" IN ('open', 'withdrawn'));
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_withdrawal_complete" CHECK (("status" = 'withdrawn') = ("withdrawn_at" IS NOT NULL AND "withdrawn_by" IS NOT NULL AND "withdrawal_reason" IS NOT NULL));
-- Themes in order, at most three (old rows have none).
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_themes_at_most_three" CHECK (cardinality("themes") <= 3);

-- Identifier look-up (`identifiers @> '[{"value": ...}]'`).
CREATE INDEX "case_record_identifiers_idx" ON "case_record" USING GIN ("identifiers" jsonb_path_ops);

-- History is append-only, like audit.
CREATE RULE "case_change_no_update" AS ON UPDATE TO "case_change" DO INSTEAD NOTHING;
CREATE RULE "case_change_no_delete" AS ON DELETE TO "case_change" DO INSTEAD NOTHING;
