-- Repeated recommendations, nearest first. Recommendations are formulaic ("partner agencies should
-- share ..."), so a trigram similarity threshold of 0.2 matched a quarter of 50,000 of them and
-- the GIN index handed every one to a similarity sort (950 ms a lookup). A GiST index walks the
-- recommendations in order of trigram distance and stops at the nearest few.
DROP INDEX "recommendation_text_trgm_idx";
CREATE INDEX "recommendation_text_trgm_gist_idx" ON "recommendation" USING gist ("text" public.gist_trgm_ops);
