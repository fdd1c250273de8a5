-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "gateway";

-- CreateTable
CREATE TABLE "browser_session" (
    "id_hash" VARCHAR(64) NOT NULL,
    "principal" JSONB NOT NULL,
    "access_token" TEXT NOT NULL,
    "access_token_expires_at" TIMESTAMPTZ(3) NOT NULL,
    "id_token" TEXT NOT NULL,
    "csrf_token" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "idle_expires_at" TIMESTAMPTZ(3) NOT NULL,
    "absolute_expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "browser_session_pkey" PRIMARY KEY ("id_hash")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "request_id" VARCHAR(100) NOT NULL,
    "actor_subject" VARCHAR(200),
    "actor_kind" VARCHAR(10),
    "actor_role_id" VARCHAR(50),
    "organisation_code" VARCHAR(5),
    "peer_address" VARCHAR(64) NOT NULL,
    "method" VARCHAR(10) NOT NULL,
    "path" VARCHAR(2048) NOT NULL,
    "action" VARCHAR(50) NOT NULL,
    "resource_type" VARCHAR(50) NOT NULL,
    "resource_id" VARCHAR(100),
    "correlation_id" VARCHAR(100),
    "outcome" VARCHAR(20) NOT NULL,
    "reason" VARCHAR(50) NOT NULL,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "browser_session_idle_expires_at_idx" ON "browser_session"("idle_expires_at");

-- CreateIndex
CREATE INDEX "browser_session_absolute_expires_at_idx" ON "browser_session"("absolute_expires_at");

-- CreateIndex
CREATE INDEX "audit_event_resource_type_resource_id_idx" ON "audit_event"("resource_type", "resource_id");

-- CreateIndex
CREATE INDEX "audit_event_request_id_idx" ON "audit_event"("request_id");


-- Hand-written: what the Prisma schema language cannot express.
-- Audit records are append-only: updates and deletes are discarded. (Prisma's migration runner
-- splits statements at every semicolon, which rules out a plpgsql trigger that raises.)
CREATE RULE "audit_event_no_update" AS ON UPDATE TO "audit_event" DO INSTEAD NOTHING;
CREATE RULE "audit_event_no_delete" AS ON DELETE TO "audit_event" DO INSTEAD NOTHING;
