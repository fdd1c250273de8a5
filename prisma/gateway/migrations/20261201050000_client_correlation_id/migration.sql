-- The correlation id a client sent is kept under a name that says whose it is, as in the
-- services' audit tables: records are keyed on the server's request id, never on it.
ALTER TABLE "audit_event" RENAME COLUMN "correlation_id" TO "client_correlation_id";
