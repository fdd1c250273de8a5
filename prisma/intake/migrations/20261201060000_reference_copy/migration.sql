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

-- CreateIndex
CREATE INDEX "reference_code_list_version_list_code_effective_from_idx" ON "reference_code_list_version"("list_code", "effective_from");

