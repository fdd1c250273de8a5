-- CreateTable
CREATE TABLE "organisation_parent_link" (
    "child_ods_code" VARCHAR(5) NOT NULL,
    "parent_ods_code" VARCHAR(5) NOT NULL,
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,

    CONSTRAINT "organisation_parent_link_pkey" PRIMARY KEY ("child_ods_code","effective_from")
);

-- CreateTable
CREATE TABLE "organisation_succession" (
    "predecessor_ods_code" VARCHAR(5) NOT NULL,
    "successor_ods_code" VARCHAR(5) NOT NULL,
    "effective_from" DATE NOT NULL,

    CONSTRAINT "organisation_succession_pkey" PRIMARY KEY ("predecessor_ods_code","successor_ods_code")
);

-- CreateIndex
CREATE INDEX "organisation_parent_link_parent_ods_code_idx" ON "organisation_parent_link"("parent_ods_code");

-- CreateIndex
CREATE INDEX "organisation_succession_successor_ods_code_idx" ON "organisation_succession"("successor_ods_code");

-- The parent each organisation had until now becomes its first dated link.
INSERT INTO "organisation_parent_link" ("child_ods_code", "parent_ods_code", "effective_from", "effective_to")
SELECT "ods_code", "parent_ods_code", "effective_from", "effective_to" FROM "organisation" WHERE "parent_ods_code" IS NOT NULL;
