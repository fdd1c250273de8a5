-- Audit records are keyed on the server's request id. The correlation id the client sent is
-- kept as such, under a name that says whose it is (older rows may hold one the server made).
-- Renamed, not dropped and re-added as the generated diff would: audit records are never lost.
ALTER TABLE "audit_event" RENAME COLUMN "correlation_id" TO "client_correlation_id";

-- AlterTable: refused attempts are recorded too, with their reason, also when the caller is unknown.
ALTER TABLE "audit_event" ADD COLUMN     "reason" VARCHAR(50),
ADD COLUMN     "request_id" UUID,
ALTER COLUMN "actor_subject" DROP NOT NULL,
ALTER COLUMN "actor_kind" DROP NOT NULL,
ALTER COLUMN "organisation_code" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "audit_event_request_id_idx" ON "audit_event"("request_id");


-- Hand-written: every new record carries a request id (rows from before this migration have none).
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_request_id_present" CHECK ("request_id" IS NOT NULL) NOT VALID;
