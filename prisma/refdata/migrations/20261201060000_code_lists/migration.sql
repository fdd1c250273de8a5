-- CreateTable
CREATE TABLE "code_list" (
    "code" VARCHAR(50) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "description" VARCHAR(1000),
    "grouped" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "code_list_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "code_list_version" (
    "list_code" VARCHAR(50) NOT NULL,
    "version" INTEGER NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "effective_from" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" VARCHAR(200) NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "published_by" VARCHAR(200),

    CONSTRAINT "code_list_version_pkey" PRIMARY KEY ("list_code","version")
);

-- CreateTable
CREATE TABLE "code_list_entry" (
    "list_code" VARCHAR(50) NOT NULL,
    "version" INTEGER NOT NULL,
    "code" VARCHAR(50) NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "description" VARCHAR(1000),
    "sort_order" INTEGER NOT NULL,
    "parent_code" VARCHAR(50),
    "deprecated" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "code_list_entry_pkey" PRIMARY KEY ("list_code","version","code")
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
CREATE INDEX "code_list_version_list_code_status_effective_from_idx" ON "code_list_version"("list_code", "status", "effective_from");

-- AddForeignKey
ALTER TABLE "code_list_version" ADD CONSTRAINT "code_list_version_list_code_fkey" FOREIGN KEY ("list_code") REFERENCES "code_list"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "code_list_entry" ADD CONSTRAINT "code_list_entry_list_code_version_fkey" FOREIGN KEY ("list_code", "version") REFERENCES "code_list_version"("list_code", "version") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: what the Prisma schema language cannot express.
-- One draft at a time per list.
CREATE UNIQUE INDEX "code_list_version_one_draft_idx" ON "code_list_version" ("list_code") WHERE "status" = 'draft';

-- The relay scans only unpublished outbox rows.
CREATE INDEX "outbox_event_unpublished_idx" ON "outbox_event" ("created_at") WHERE "published_at" IS NULL;
