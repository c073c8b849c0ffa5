-- Stored "checked before" answers of suggestions (issue #21 item 5; lib/claims/checked-before-stored.ts). At 1M claims
-- with a verdict one lookup costs ~0.5 s, so the suggestions list reads stored answers instead of asking about every
-- open suggestion per request (which passed statement_timeout with ~60 of them). Each suggestion keeps the claim
-- factdesk_checked_before(team, text, '', 1) gave (null: none), its similarity, and the team's "verdictsVersion" it
-- was computed at; a job refreshes answers whose version is not the team's.

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "verdictsVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Suggestion" ADD COLUMN     "checkedBeforeAt" TIMESTAMP(3),
ADD COLUMN     "checkedBeforeClaimId" TEXT,
ADD COLUMN     "checkedBeforeSimilarity" DOUBLE PRECISION,
ADD COLUMN     "checkedBeforeVersion" INTEGER;

-- CreateIndex
CREATE INDEX "Suggestion_checkedBeforeClaimId_idx" ON "Suggestion"("checkedBeforeClaimId");

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_checkedBeforeClaimId_fkey" FOREIGN KEY ("checkedBeforeClaimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Team."verdictsVersion" counts changes that can change a "checked before" answer (factdesk_checked_before): a claim
-- gaining or losing its verdict, or a claim with a verdict whose text, verdict time (the same-words order) or
-- article changes, or which is deleted (also through its article). A trigger, so every write path keeps it: Prisma,
-- the one-statement SQL of lib/claims/change-claim-sql.ts, imports, deletes by cascade. The label and ordinal of a
-- verdict are not counted: the suggestions list joins the claim and shows its current verdict. Stored answers
-- (Suggestion."checkedBeforeVersion") with another count are refreshed (lib/claims/checked-before-stored.ts).
-- The UPDATE locks the team's row until the writing transaction ends: verdict writes of one team queue there.
CREATE FUNCTION factdesk_count_verdict_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      IF NEW."verdictOrdinal" IS NOT NULL THEN
        UPDATE "Team" t SET "verdictsVersion" = t."verdictsVersion" + 1 FROM "Article" a WHERE a."id" = NEW."articleId" AND t."id" = a."teamId";
      END IF;
    ELSIF TG_OP = 'DELETE' THEN
      IF OLD."verdictOrdinal" IS NOT NULL THEN
        UPDATE "Team" t SET "verdictsVersion" = t."verdictsVersion" + 1 FROM "Article" a WHERE a."id" = OLD."articleId" AND t."id" = a."teamId";
      END IF;
    ELSIF (OLD."verdictOrdinal" IS NULL) <> (NEW."verdictOrdinal" IS NULL)
       OR (NEW."verdictOrdinal" IS NOT NULL AND (OLD."exact" IS DISTINCT FROM NEW."exact"
           OR OLD."verdictAt" IS DISTINCT FROM NEW."verdictAt" OR OLD."articleId" IS DISTINCT FROM NEW."articleId")) THEN
      UPDATE "Team" t SET "verdictsVersion" = t."verdictsVersion" + 1
      FROM "Article" a WHERE a."id" IN (OLD."articleId", NEW."articleId") AND t."id" = a."teamId";
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER "Claim_count_verdict_change"
  AFTER INSERT OR DELETE OR UPDATE OF "verdictOrdinal", "exact", "verdictAt", "articleId" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION factdesk_count_verdict_change();

-- Deleting an article deletes its claims by cascade after the article's row is gone, when the trigger above can no
-- longer find the team: count it here.
CREATE FUNCTION factdesk_count_article_delete() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF EXISTS (SELECT 1 FROM "Claim" c WHERE c."articleId" = OLD."id" AND c."verdictOrdinal" IS NOT NULL) THEN
      UPDATE "Team" SET "verdictsVersion" = "verdictsVersion" + 1 WHERE "id" = OLD."teamId";
    END IF;
    RETURN OLD;
  END
  $$;

CREATE TRIGGER "Article_count_verdict_change" BEFORE DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION factdesk_count_article_delete();
