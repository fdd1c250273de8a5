-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "refdata";

-- CreateTable
CREATE TABLE "organisation" (
    "ods_code" VARCHAR(5) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "parent_ods_code" VARCHAR(5),
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("ods_code")
);

-- CreateIndex
CREATE INDEX "organisation_parent_ods_code_idx" ON "organisation"("parent_ods_code");

