-- CreateTable
CREATE TABLE "inbox_event" (
    "event_id" UUID NOT NULL,
    "consumer" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_event_pkey" PRIMARY KEY ("event_id","consumer")
);

-- CreateTable
CREATE TABLE "reference_organisation" (
    "ods_code" VARCHAR(5) NOT NULL,
    "state" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_organisation_pkey" PRIMARY KEY ("ods_code")
);
