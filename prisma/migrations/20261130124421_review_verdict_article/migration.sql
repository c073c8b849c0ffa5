-- Each review verdict carries its claim's article, so the Stats page reads a team's reviews through
-- the team's articles and an index instead of joining every review to Claim (a parallel sequential
-- scan of Claim at 1,000,000 claims; issue #21). The database keeps the column: no write path sets
-- it, and none can set it wrongly.

-- AlterTable (the default '' only lets Prisma writes leave the column out; the trigger below replaces it)
ALTER TABLE "ReviewVerdict" ADD COLUMN     "articleId" TEXT NOT NULL DEFAULT '';

-- Backfill, before the triggers exist (the whole script is one transaction, holding ReviewVerdict
-- locked, so no review is written in between).
UPDATE "ReviewVerdict" r SET "articleId" = c."articleId" FROM "Claim" c WHERE c."id" = r."claimId";

-- CreateIndex
CREATE INDEX "ReviewVerdict_articleId_idx" ON "ReviewVerdict"("articleId");

-- AddForeignKey
ALTER TABLE "ReviewVerdict" ADD CONSTRAINT "ReviewVerdict_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- On every insert, and on every update that names claimId or articleId, the article comes from the
-- claim, whatever the statement said. First the claim is locked FOR KEY SHARE, the lock the foreign
-- key check takes anyway, so ordinary claim updates (status, verdict) never wait for it; it does wait
-- for a transaction moving the claim to another article (that one locks the claim FOR UPDATE, below).
-- Then the article is read in a statement of its own: under READ COMMITTED that is a new snapshot,
-- which sees the move once it has committed. (A locking read alone would return the row as it was,
-- because a KEY SHARE lock does not conflict with an update that leaves the key alone.) A missing
-- claim leaves the row as it is, and the claimId foreign key rejects it.
CREATE FUNCTION factdesk_review_verdict_article() RETURNS trigger AS $$
DECLARE
  claim_article text;
BEGIN
  PERFORM 1 FROM "Claim" c WHERE c."id" = NEW."claimId" FOR KEY SHARE;
  SELECT c."articleId" INTO claim_article FROM "Claim" c WHERE c."id" = NEW."claimId";
  IF FOUND THEN
    NEW."articleId" := claim_article;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER review_verdict_article BEFORE INSERT OR UPDATE OF "claimId", "articleId" ON "ReviewVerdict"
  FOR EACH ROW EXECUTE FUNCTION factdesk_review_verdict_article();

-- A claim moved to another article (no screen does that today; a script or a later feature might)
-- takes its reviews along. The claim row is locked FOR UPDATE first: that waits for every
-- transaction still inserting a review of it (they hold FOR KEY SHARE, above) to finish, so under
-- READ COMMITTED the UPDATE below, a new snapshot, sees their reviews too; a review written later
-- waits for this transaction and then reads the new article. Both hold under READ COMMITTED, the
-- isolation the app uses; SERIALIZABLE aborts one of two such transactions instead. (REPEATABLE READ
-- would keep the older snapshot and is not used for these writes.)
CREATE FUNCTION factdesk_claim_moves_reviews() RETURNS trigger AS $$
BEGIN
  PERFORM 1 FROM "Claim" WHERE "id" = NEW."id" FOR UPDATE;
  UPDATE "ReviewVerdict" SET "articleId" = NEW."articleId" WHERE "claimId" = NEW."id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER claim_moves_reviews AFTER UPDATE OF "articleId" ON "Claim"
  FOR EACH ROW WHEN (OLD."articleId" IS DISTINCT FROM NEW."articleId")
  EXECUTE FUNCTION factdesk_claim_moves_reviews();
