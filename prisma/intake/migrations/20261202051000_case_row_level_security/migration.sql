-- Row-level security on case data, the second line behind the service's own filter (issue 9 §1).
-- The service connects as a role that does not own these tables, and sets per transaction
-- set_config('scrt.case_scope', '<code>,<code>...' or '*', true): the organisation codes whose
-- cases its caller may see. Unset, nothing is visible. The owner (migrations) is not subject.

ALTER TABLE "case_record" ENABLE ROW LEVEL SECURITY;

CREATE POLICY "case_record_read_in_scope" ON "case_record" FOR SELECT
  USING (current_setting('scrt.case_scope', true) = '*' OR "organisation_code" = ANY (string_to_array(current_setting('scrt.case_scope', true), ',')));

CREATE POLICY "case_record_insert_in_scope" ON "case_record" FOR INSERT
  WITH CHECK (current_setting('scrt.case_scope', true) = '*' OR "organisation_code" = ANY (string_to_array(current_setting('scrt.case_scope', true), ',')));

CREATE POLICY "case_record_update_in_scope" ON "case_record" FOR UPDATE
  USING (current_setting('scrt.case_scope', true) = '*' OR "organisation_code" = ANY (string_to_array(current_setting('scrt.case_scope', true), ',')))
  WITH CHECK (current_setting('scrt.case_scope', true) = '*' OR "organisation_code" = ANY (string_to_array(current_setting('scrt.case_scope', true), ',')));

-- The audit trail is appended to freely, and of its rows about a case (the case's view log) only
-- those of a case visible in the scope can be read.
ALTER TABLE "audit_event" ENABLE ROW LEVEL SECURITY;

CREATE POLICY "audit_event_append" ON "audit_event" FOR INSERT WITH CHECK (true);

CREATE POLICY "audit_event_read_in_scope" ON "audit_event" FOR SELECT
  USING ("resource_type" <> 'case' OR EXISTS (
    SELECT 1 FROM "case_record" "c"
     WHERE "c"."id" = (CASE WHEN "audit_event"."resource_id" ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN "audit_event"."resource_id"::uuid END)));

-- Whether a case exists at all, whatever the scope: lets the service audit a read of a case
-- outside the caller's scope as denied rather than not found, without reading the case.
CREATE FUNCTION "case_exists"("case_id" uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS 'SELECT EXISTS (SELECT 1 FROM intake.case_record WHERE id = case_id)';

-- The list's keyset orders and the view log's lookup.
CREATE INDEX "case_record_updated_at_id_idx" ON "case_record" ("updated_at", "id");
CREATE INDEX "case_record_incident_date_id_idx" ON "case_record" ("incident_date", "id");
CREATE INDEX "case_record_created_at_id_idx" ON "case_record" ("created_at", "id");

-- A case's field-level history: read and written only with a case visible in the scope.
ALTER TABLE "case_change" ENABLE ROW LEVEL SECURITY;

CREATE POLICY "case_change_read_in_scope" ON "case_change" FOR SELECT
  USING (EXISTS (SELECT 1 FROM "case_record" "c" WHERE "c"."id" = "case_change"."case_id"));

CREATE POLICY "case_change_insert_in_scope" ON "case_change" FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM "case_record" "c" WHERE "c"."id" = "case_change"."case_id"));

-- The list's free-text search (q) over brief information and comments, and its theme filter.
CREATE INDEX "case_record_free_text_idx" ON "case_record" USING GIN (to_tsvector('english', "brief_information" || ' ' || coalesce("comments", '')));
CREATE INDEX "case_record_themes_idx" ON "case_record" USING GIN ("themes");
