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
    "request_id" UUID,
    "client_correlation_id" VARCHAR(100),
    "outcome" VARCHAR(20) NOT NULL,
    "reason" VARCHAR(50),

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
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
CREATE TABLE "inbox_event" (
    "event_id" UUID NOT NULL,
    "consumer" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_event_pkey" PRIMARY KEY ("event_id","consumer")
);

-- CreateTable
CREATE TABLE "reference_code_list_version" (
    "list_code" VARCHAR(50) NOT NULL,
    "version" INTEGER NOT NULL,
    "list_name" VARCHAR(200) NOT NULL,
    "effective_from" DATE NOT NULL,
    "codes" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_code_list_version_pkey" PRIMARY KEY ("list_code","version")
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
CREATE TABLE "reference_timescale_version" (
    "version" INTEGER NOT NULL,
    "effective_from" DATE NOT NULL,
    "targets" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_timescale_version_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "reference_bank_holidays" (
    "key" VARCHAR(20) NOT NULL,
    "holidays" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_bank_holidays_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "case_copy" (
    "case_id" UUID NOT NULL,
    "organisation_code" VARCHAR(5) NOT NULL,
    "region_code" VARCHAR(3) NOT NULL,
    "review_type" VARCHAR(50) NOT NULL,
    "incident_date" DATE NOT NULL,
    "withdrawn" BOOLEAN NOT NULL DEFAULT false,
    "case_version" INTEGER NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_copy_pkey" PRIMARY KEY ("case_id")
);

-- CreateTable
CREATE TABLE "review" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "organisation_code" VARCHAR(5) NOT NULL,
    "region_code" VARCHAR(3) NOT NULL,
    "review_type" VARCHAR(50) NOT NULL,
    "stage" VARCHAR(30) NOT NULL,
    "sub_stage" VARCHAR(30),
    "stage_date" DATE NOT NULL,
    "converted_from_id" UUID,
    "converted_to_id" UUID,
    "signed_off_on" DATE,
    "publication_state" VARCHAR(30),
    "published_on" DATE,
    "report_link" VARCHAR(2000),
    "embargo_until" DATE,
    "paused_on" DATE,
    "pause_reason" VARCHAR(50),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" VARCHAR(200) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_stage_change" (
    "id" UUID NOT NULL,
    "review_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "stage" VARCHAR(30) NOT NULL,
    "sub_stage" VARCHAR(30),
    "occurred_on" DATE NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recorded_by" VARCHAR(200) NOT NULL,

    CONSTRAINT "review_stage_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_pause" (
    "id" UUID NOT NULL,
    "review_id" UUID NOT NULL,
    "reason" VARCHAR(50) NOT NULL,
    "paused_on" DATE NOT NULL,
    "resumed_on" DATE,
    "recorded_by" VARCHAR(200) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_pause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deadline_alert" (
    "review_id" UUID NOT NULL,
    "clock" VARCHAR(50) NOT NULL,
    "threshold" VARCHAR(20) NOT NULL,
    "due_date" DATE NOT NULL,
    "fire_on" DATE NOT NULL,
    "fired_at" TIMESTAMPTZ(3),

    CONSTRAINT "deadline_alert_pkey" PRIMARY KEY ("review_id","clock","threshold")
);

-- CreateIndex
CREATE INDEX "audit_event_resource_type_resource_id_idx" ON "audit_event"("resource_type", "resource_id");

-- CreateIndex
CREATE INDEX "audit_event_request_id_idx" ON "audit_event"("request_id");

-- CreateIndex
CREATE INDEX "reference_code_list_version_list_code_effective_from_idx" ON "reference_code_list_version"("list_code", "effective_from");

-- CreateIndex
CREATE INDEX "reference_timescale_version_effective_from_idx" ON "reference_timescale_version"("effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "review_converted_from_id_key" ON "review"("converted_from_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_converted_to_id_key" ON "review"("converted_to_id");

-- CreateIndex
CREATE INDEX "review_case_id_idx" ON "review"("case_id");

-- CreateIndex
CREATE INDEX "review_organisation_code_idx" ON "review"("organisation_code");

-- CreateIndex
CREATE INDEX "review_region_code_idx" ON "review"("region_code");

-- CreateIndex
CREATE UNIQUE INDEX "review_stage_change_review_id_sequence_key" ON "review_stage_change"("review_id", "sequence");

-- CreateIndex
CREATE INDEX "review_pause_review_id_idx" ON "review_pause"("review_id");

-- AddForeignKey
ALTER TABLE "review_stage_change" ADD CONSTRAINT "review_stage_change_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_pause" ADD CONSTRAINT "review_pause_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One initial review per case: a converted review is the only other kind (the link keeps it unique).
CREATE UNIQUE INDEX "review_initial_per_case_key" ON "review"("case_id") WHERE "converted_from_id" IS NULL;

-- One pause running at a time per review.
CREATE UNIQUE INDEX "review_pause_running_key" ON "review_pause"("review_id") WHERE "resumed_on" IS NULL;

-- The scheduler scans only alerts not yet fired, by the day they fire on.
CREATE INDEX "deadline_alert_unfired_idx" ON "deadline_alert"("fire_on") WHERE "fired_at" IS NULL;
