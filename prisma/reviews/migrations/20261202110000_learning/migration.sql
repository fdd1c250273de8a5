-- Trigram similarity for repeated recommendations (the embedded PostgreSQL ships pg_trgm).
-- Extensions are per database: it lives in public, where raw SQL finds its functions.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- CreateTable
CREATE TABLE "recommendation" (
    "id" UUID NOT NULL,
    "review_id" UUID NOT NULL,
    "organisation_code" VARCHAR(5) NOT NULL,
    "region_code" VARCHAR(3) NOT NULL,
    "text" VARCHAR(4000) NOT NULL,
    "theme" VARCHAR(50) NOT NULL,
    "agency" VARCHAR(50) NOT NULL,
    "lead" VARCHAR(200),
    "due_date" DATE,
    "status" VARCHAR(30) NOT NULL,
    "status_reason" VARCHAR(2000),
    "learning_embedded_on" DATE,
    "re_audit_due" DATE,
    "re_audit_outcome" VARCHAR(2000),
    "re_audit_recorded_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" VARCHAR(200) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendation_action" (
    "id" UUID NOT NULL,
    "recommendation_id" UUID NOT NULL,
    "review_id" UUID NOT NULL,
    "organisation_code" VARCHAR(5) NOT NULL,
    "region_code" VARCHAR(3) NOT NULL,
    "description" VARCHAR(2000) NOT NULL,
    "owner" VARCHAR(200) NOT NULL,
    "due_date" DATE NOT NULL,
    "status" VARCHAR(30) NOT NULL,
    "evidence_text" VARCHAR(2000),
    "evidence_link" VARCHAR(2000),
    "completed_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" VARCHAR(200) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "recommendation_action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning_item" (
    "id" UUID NOT NULL,
    "review_id" UUID NOT NULL,
    "organisation_code" VARCHAR(5) NOT NULL,
    "region_code" VARCHAR(3) NOT NULL,
    "kind" VARCHAR(30) NOT NULL,
    "code" VARCHAR(50),
    "text" VARCHAR(4000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "learning_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dissemination" (
    "id" UUID NOT NULL,
    "review_id" UUID NOT NULL,
    "organisation_code" VARCHAR(5) NOT NULL,
    "region_code" VARCHAR(3) NOT NULL,
    "method" VARCHAR(50) NOT NULL,
    "audience" VARCHAR(500) NOT NULL,
    "occurred_on" DATE NOT NULL,
    "reached" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "dissemination_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "recommendation_review_id_idx" ON "recommendation"("review_id");

-- CreateIndex
CREATE INDEX "recommendation_organisation_code_idx" ON "recommendation"("organisation_code");

-- CreateIndex
CREATE INDEX "recommendation_action_recommendation_id_idx" ON "recommendation_action"("recommendation_id");

-- CreateIndex
CREATE INDEX "recommendation_action_organisation_code_due_date_idx" ON "recommendation_action"("organisation_code", "due_date");

-- CreateIndex
CREATE INDEX "learning_item_review_id_idx" ON "learning_item"("review_id");

-- CreateIndex
CREATE INDEX "dissemination_review_id_idx" ON "dissemination"("review_id");

-- AddForeignKey
ALTER TABLE "recommendation_action" ADD CONSTRAINT "recommendation_action_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Repeated recommendations: trigram similarity of the text (lower-cased, as pg_trgm compares).
CREATE INDEX "recommendation_text_trgm_idx" ON "recommendation" USING gin ("text" public.gin_trgm_ops);
