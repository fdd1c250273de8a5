-- The list's free-text search (q) under row-level security. PostgreSQL evaluates a policy before
-- any condition whose functions are not leakproof, so `to_tsvector(...) @@ query` could not use
-- case_record_free_text_idx for the service's role: every search read and parsed every case in
-- scope (350 ms over 50,000 cases on a quiet machine, seconds under load). This function runs the
-- indexed match as the owner, restricted to the same scope setting the policies read, and returns
-- only case ids. The service's query still reads the cases themselves through the policies.
-- (No semicolon in these comments or the body: Prisma splits a migration on them.)
CREATE FUNCTION "case_ids_matching_text"("query" text) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER ROWS 100 SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT c.id FROM intake.case_record c
     WHERE to_tsvector('english', c.brief_information || ' ' || coalesce(c.comments, '')) @@ websearch_to_tsquery('english', query)
       AND (current_setting('scrt.case_scope', true) = '*'
            OR c.organisation_code = ANY (string_to_array(current_setting('scrt.case_scope', true), ',')))
  $$
