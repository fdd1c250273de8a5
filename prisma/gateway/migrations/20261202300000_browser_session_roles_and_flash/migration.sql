-- The roles the provider said the user holds (to switch the selected role without signing in
-- again) and the one-time message the next page shows after a redirect (never form input).
ALTER TABLE "browser_session" ADD COLUMN "role_claims" JSONB;
ALTER TABLE "browser_session" ADD COLUMN "flash" JSONB;
