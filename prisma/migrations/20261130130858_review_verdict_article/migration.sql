-- The Stats page's agreement figures (issue #21) without reading every review of the team: each
-- review verdict carries its claim's article (kept from the claim by triggers), and
-- ReviewAgreementTally counts, per article, the claims that have exactly one set of verdicts,
-- kept by statement-level triggers on ReviewVerdict. The former read joined every review to Claim
-- (a parallel sequential scan of Claim at 1,000,000 claims). The database keeps both: no write
-- path sets them, and none can set them wrongly.

-- AlterTable (the default '' only lets Prisma writes leave the column out; the trigger below replaces it)
ALTER TABLE "ReviewVerdict" ADD COLUMN     "articleId" TEXT NOT NULL DEFAULT '';

-- Backfill, before the triggers exist (the whole script is one transaction, holding ReviewVerdict
-- locked, so no review is written in between).
UPDATE "ReviewVerdict" r SET "articleId" = c."articleId" FROM "Claim" c WHERE c."id" = r."claimId";


-- CreateTable
CREATE TABLE "ReviewAgreementTally" (
    "articleId" TEXT NOT NULL,
    "verdicts" TEXT NOT NULL,
    "claims" INTEGER NOT NULL,

    CONSTRAINT "ReviewAgreementTally_pkey" PRIMARY KEY ("articleId","verdicts")
);

-- AddForeignKey
ALTER TABLE "ReviewAgreementTally" ADD CONSTRAINT "ReviewAgreementTally_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A claim's set of verdicts as tallied: JSON text of [reviewerId, ordinal, label] per review,
-- ordered by reviewer (one review per reviewer and claim), so equal sets give equal text.
-- Each statement on ReviewVerdict moves the claims it touched from their former set to their new
-- one. Per claim, the statement first takes a transaction-level advisory lock (in one order, so
-- two statements cannot wait for each other's locks), then reads the claim's reviews in a new
-- statement: under READ COMMITTED that snapshot includes whatever an earlier holder of the lock
-- committed, and nobody else can change the claim's reviews until this transaction ends. The set
-- before the statement is the set after it, less new_rows, plus old_rows. Rows are then written in
-- key order (as ArticleClaimTally's), and an article being deleted gets none.
CREATE FUNCTION factdesk_review_agreement_tally() RETURNS trigger AS $$
DECLARE
  claim_ids text[];
  lock_key integer;
  no_rows constant text := 'SELECT NULL::text AS "id", NULL::text AS "claimId", NULL::text AS "articleId", NULL::text AS "reviewerId", NULL::int AS "ordinal", NULL::text AS "label" WHERE false';
  new_part text := no_rows;
  old_part text := no_rows;
BEGIN
  -- A branch naming a transition table the event lacks is never planned (plpgsql plans on first use).
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT "claimId") INTO claim_ids FROM new_rows;
    new_part := 'SELECT "id", "claimId", "articleId", "reviewerId", "ordinal", "label" FROM new_rows';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT "claimId") INTO claim_ids FROM old_rows;
    old_part := 'SELECT "id", "claimId", "articleId", "reviewerId", "ordinal", "label" FROM old_rows';
  ELSE
    SELECT array_agg(DISTINCT id) INTO claim_ids FROM (SELECT "claimId" AS id FROM new_rows UNION SELECT "claimId" FROM old_rows) ids;
    new_part := 'SELECT "id", "claimId", "articleId", "reviewerId", "ordinal", "label" FROM new_rows';
    old_part := 'SELECT "id", "claimId", "articleId", "reviewerId", "ordinal", "label" FROM old_rows';
  END IF;
  IF claim_ids IS NULL THEN
    RETURN NULL;
  END IF;
  FOR lock_key IN SELECT DISTINCT hashtext(id) FROM unnest(claim_ids) id ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(1178881352, lock_key);
  END LOOP;
  EXECUTE format($sql$
    WITH after_rows AS (
      SELECT r."id", r."claimId", r."articleId", r."reviewerId", r."ordinal", r."label"
      FROM "ReviewVerdict" r WHERE r."claimId" = ANY($1)
    ), before_rows AS (
      SELECT * FROM after_rows WHERE "id" NOT IN (SELECT "id" FROM (%1$s) n)
      UNION ALL
      SELECT * FROM (%2$s) o
    ), sets AS (
      SELECT min("articleId") AS "articleId",
             jsonb_agg(jsonb_build_array("reviewerId", "ordinal", "label") ORDER BY "reviewerId")::text AS "verdicts", 1 AS n
      FROM after_rows GROUP BY "claimId"
      UNION ALL
      SELECT min("articleId"), jsonb_agg(jsonb_build_array("reviewerId", "ordinal", "label") ORDER BY "reviewerId")::text, -1
      FROM before_rows GROUP BY "claimId"
    )
    INSERT INTO "ReviewAgreementTally" ("articleId", "verdicts", "claims")
    SELECT d."articleId", d."verdicts", d.n
    FROM (SELECT "articleId", "verdicts", sum(n)::int AS n FROM sets GROUP BY 1, 2 HAVING sum(n) <> 0) d
    JOIN "Article" a ON a."id" = d."articleId"
    ORDER BY 1, 2
    ON CONFLICT ("articleId", "verdicts") DO UPDATE SET "claims" = "ReviewAgreementTally"."claims" + excluded."claims"
  $sql$, new_part, old_part) USING claim_ids;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER review_tally_insert AFTER INSERT ON "ReviewVerdict" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_review_agreement_tally();
CREATE TRIGGER review_tally_update AFTER UPDATE ON "ReviewVerdict" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_review_agreement_tally();
CREATE TRIGGER review_tally_delete AFTER DELETE ON "ReviewVerdict" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_review_agreement_tally();
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

-- Backfill the tally from the reviews as they are (articleId was filled above).
INSERT INTO "ReviewAgreementTally" ("articleId", "verdicts", "claims")
SELECT "articleId", "verdicts", count(*)::int FROM (
  SELECT min("articleId") AS "articleId",
         jsonb_agg(jsonb_build_array("reviewerId", "ordinal", "label") ORDER BY "reviewerId")::text AS "verdicts"
  FROM "ReviewVerdict" GROUP BY "claimId"
) s
GROUP BY 1, 2;

-- Stats' sign-offs per day count the events of the last 30 active days by day and action: with
-- the action in the index they are counted from the index alone (AuditEvent is append-only, so
-- its pages stay all-visible), instead of visiting every event's heap row.
DROP INDEX "AuditEvent_sign_offs_idx";
CREATE INDEX "AuditEvent_sign_offs_idx" ON "AuditEvent" ("teamId", "createdAt") INCLUDE ("action")
  WHERE "action" IN ('claim.verified', 'claim.verdict', 'claim.adjudicated');
