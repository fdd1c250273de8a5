-- Case events carry the whole case and its version (issue 9): the fact keeps the highest version
-- it has seen, and a withdrawn case stays (for the record) but leaves the caseload.
-- Facts loaded from case.created v1 are version 1, open.
ALTER TABLE "case_fact" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "withdrawn" BOOLEAN NOT NULL DEFAULT false;
