-- The local copy of the organisation hierarchy (issue 8 §4): scope of case data follows it.
-- CreateTable
CREATE TABLE "reference_organisation" (
    "ods_code" VARCHAR(5) NOT NULL,
    "state" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_organisation_pkey" PRIMARY KEY ("ods_code")
);
