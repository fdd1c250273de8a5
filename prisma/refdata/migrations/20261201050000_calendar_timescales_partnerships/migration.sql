-- CreateTable
CREATE TABLE "bank_holiday" (
    "date" DATE NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "substitute_for" DATE,
    "source" VARCHAR(20) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "bank_holiday_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "timescale_version" (
    "version" INTEGER NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "effective_from" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" VARCHAR(200) NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "published_by" VARCHAR(200),

    CONSTRAINT "timescale_version_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "timescale_target" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "review_type" VARCHAR(50) NOT NULL,
    "stage" VARCHAR(50) NOT NULL,
    "icb_ods_code" VARCHAR(5),
    "amount" INTEGER NOT NULL,
    "unit" VARCHAR(20) NOT NULL,
    "start_event" VARCHAR(50) NOT NULL,
    "description" VARCHAR(500),

    CONSTRAINT "timescale_target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "safeguarding_partnership" (
    "id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "kind" VARCHAR(10) NOT NULL,
    "local_authorities" TEXT[],
    "icb_ods_codes" TEXT[],
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "safeguarding_partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_subject" VARCHAR(200),
    "actor_kind" VARCHAR(10),
    "actor_role_id" VARCHAR(50),
    "organisation_code" VARCHAR(5),
    "action" VARCHAR(50) NOT NULL,
    "resource_type" VARCHAR(50) NOT NULL,
    "resource_id" VARCHAR(100),
    "request_id" UUID NOT NULL,
    "client_correlation_id" VARCHAR(100),
    "outcome" VARCHAR(20) NOT NULL,
    "reason" VARCHAR(50),

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "timescale_version_status_effective_from_idx" ON "timescale_version"("status", "effective_from");

-- CreateIndex
CREATE INDEX "timescale_target_version_idx" ON "timescale_target"("version");

-- CreateIndex
CREATE INDEX "safeguarding_partnership_kind_name_idx" ON "safeguarding_partnership"("kind", "name");

-- CreateIndex
CREATE INDEX "audit_event_resource_type_resource_id_idx" ON "audit_event"("resource_type", "resource_id");

-- CreateIndex
CREATE INDEX "audit_event_request_id_idx" ON "audit_event"("request_id");

-- AddForeignKey
ALTER TABLE "timescale_target" ADD CONSTRAINT "timescale_target_version_fkey" FOREIGN KEY ("version") REFERENCES "timescale_version"("version") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: what the Prisma schema language cannot express.
-- One target per review type, stage and scope (national default = NULL ICB) in a version.
CREATE UNIQUE INDEX "timescale_target_scope_key" ON "timescale_target" ("version", "review_type", "stage", "icb_ods_code") NULLS NOT DISTINCT;

-- At most one draft of the timescale set at a time.
CREATE UNIQUE INDEX "timescale_version_one_draft_key" ON "timescale_version" ("status") WHERE "status" = 'draft';

-- Audit records are append-only: updates and deletes are discarded (no plpgsql: the migration
-- runner splits statements at every semicolon).
CREATE RULE "audit_event_no_update" AS ON UPDATE TO "audit_event" DO INSTEAD NOTHING;
CREATE RULE "audit_event_no_delete" AS ON DELETE TO "audit_event" DO INSTEAD NOTHING;
