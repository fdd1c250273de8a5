-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "intake";

-- CreateTable
CREATE TABLE "case_record" (
    "id" UUID NOT NULL,
    "organisation_code" VARCHAR(5) NOT NULL,
    "region_code" VARCHAR(3) NOT NULL,
    "incident_date" DATE NOT NULL,
    "review_type" VARCHAR(40) NOT NULL,
    "created_by" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "case_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotent_request" (
    "organisation_code" VARCHAR(5) NOT NULL,
    "idempotency_key" VARCHAR(200) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "resource_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotent_request_pkey" PRIMARY KEY ("organisation_code","idempotency_key")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_subject" VARCHAR(200) NOT NULL,
    "actor_kind" VARCHAR(10) NOT NULL,
    "actor_role_id" VARCHAR(50),
    "organisation_code" VARCHAR(5) NOT NULL,
    "action" VARCHAR(50) NOT NULL,
    "resource_type" VARCHAR(50) NOT NULL,
    "resource_id" VARCHAR(100),
    "correlation_id" VARCHAR(100),
    "outcome" VARCHAR(20) NOT NULL,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_event" (
    "id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "message_key" TEXT NOT NULL,
    "envelope" JSONB NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "case_record_organisation_code_idx" ON "case_record"("organisation_code");

-- CreateIndex
CREATE INDEX "case_record_region_code_idx" ON "case_record"("region_code");

-- CreateIndex
CREATE INDEX "audit_event_resource_type_resource_id_idx" ON "audit_event"("resource_type", "resource_id");


-- Hand-written: what the Prisma schema language cannot express.
-- The relay scans only unpublished outbox rows.
CREATE INDEX "outbox_event_unpublished_idx" ON "outbox_event" ("created_at") WHERE "published_at" IS NULL;


-- Audit records are append-only: updates and deletes are discarded. (Prisma's migration runner
-- splits statements at every semicolon, which rules out a plpgsql trigger that raises.)
CREATE RULE "audit_event_no_update" AS ON UPDATE TO "audit_event" DO INSTEAD NOTHING;
CREATE RULE "audit_event_no_delete" AS ON DELETE TO "audit_event" DO INSTEAD NOTHING;
