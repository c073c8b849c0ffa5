-- AlterTable
ALTER TABLE "ArticleVersion" ADD COLUMN     "size" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "commentCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "evidenceCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ArticleClaimTally" (
    "articleId" TEXT NOT NULL,
    "status" "ClaimStatus" NOT NULL,
    "verdictOrdinal" INTEGER NOT NULL,
    "claims" INTEGER NOT NULL,

    CONSTRAINT "ArticleClaimTally_pkey" PRIMARY KEY ("articleId","status","verdictOrdinal")
);

-- AddForeignKey
ALTER TABLE "ArticleClaimTally" ADD CONSTRAINT "ArticleClaimTally_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A version's size is its body's length in UTF-16 code units (what JavaScript's
-- String.length gives): characters, plus one more for each outside the Basic Multilingual
-- Plane. Kept by the database so listing versions never reads the bodies.
CREATE FUNCTION factdesk_utf16_length(body text) RETURNS integer AS $$
  SELECT length(body) + length(regexp_replace(body, '[^\U00010000-\U0010FFFF]', '', 'g'))
$$ LANGUAGE sql IMMUTABLE STRICT;

CREATE FUNCTION factdesk_article_version_size() RETURNS trigger AS $$
BEGIN
  NEW."size" := factdesk_utf16_length(NEW."body");
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER article_version_size BEFORE INSERT OR UPDATE ON "ArticleVersion"
  FOR EACH ROW EXECUTE FUNCTION factdesk_article_version_size();

ALTER TABLE "ArticleVersion" DISABLE TRIGGER article_version_immutable;
UPDATE "ArticleVersion" SET "size" = factdesk_utf16_length("body");
ALTER TABLE "ArticleVersion" ENABLE TRIGGER article_version_immutable;

-- Per-claim counts of comments (not deleted) and evidence, kept by statement-level triggers
-- so a bulk insert updates each claim once. The claims list reads them from the Claim row
-- instead of grouping the whole Comment and Evidence tables (issue #21). PostgreSQL allows a
-- transition table only on a single-event trigger, hence one trigger per event, and plpgsql
-- plans each branch on first use, so a branch naming a transition table the event lacks never runs.
CREATE FUNCTION factdesk_claim_counts() RETURNS trigger AS $$
DECLARE
  counted_column text := TG_ARGV[0];
  -- Comments count while not deleted; evidence always.
  live text := CASE WHEN TG_TABLE_NAME = 'Comment' THEN '"deletedAt" IS NULL' ELSE 'true' END;
  changes text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    changes := format('SELECT "claimId", 1 AS n FROM new_rows WHERE %s', live);
  ELSIF TG_OP = 'DELETE' THEN
    changes := format('SELECT "claimId", -1 AS n FROM old_rows WHERE %s', live);
  ELSE
    changes := format('SELECT "claimId", 1 AS n FROM new_rows WHERE %s UNION ALL SELECT "claimId", -1 AS n FROM old_rows WHERE %s', live, live);
  END IF;
  EXECUTE format(
    'UPDATE "Claim" c SET %1$I = c.%1$I + d.n
     FROM (SELECT "claimId", sum(n)::int AS n FROM (%2$s) changes GROUP BY "claimId") d
     WHERE c."id" = d."claimId" AND d.n <> 0',
    counted_column, changes);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER comment_count_insert AFTER INSERT ON "Comment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_claim_counts('commentCount');
CREATE TRIGGER comment_count_update AFTER UPDATE ON "Comment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_claim_counts('commentCount');
CREATE TRIGGER comment_count_delete AFTER DELETE ON "Comment" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_claim_counts('commentCount');
CREATE TRIGGER evidence_count_insert AFTER INSERT ON "Evidence" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_claim_counts('evidenceCount');
CREATE TRIGGER evidence_count_update AFTER UPDATE ON "Evidence" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_claim_counts('evidenceCount');
CREATE TRIGGER evidence_count_delete AFTER DELETE ON "Evidence" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_claim_counts('evidenceCount');

UPDATE "Claim" c SET "commentCount" = s.n
FROM (SELECT "claimId", count(*)::int AS n FROM "Comment" WHERE "deletedAt" IS NULL GROUP BY "claimId") s
WHERE c."id" = s."claimId";
UPDATE "Claim" c SET "evidenceCount" = s.n
FROM (SELECT "claimId", count(*)::int AS n FROM "Evidence" GROUP BY "claimId") s
WHERE c."id" = s."claimId";

-- Stats: the sign-offs per day walk back over the team's recent verdict events only
-- (lib/reports/desk-stats.ts). Partial, so other audit events do not widen it; Prisma's
-- schema cannot express a partial index, hence only here.
CREATE INDEX "AuditEvent_sign_offs_idx" ON "AuditEvent" ("teamId", "createdAt")
  WHERE "action" IN ('claim.verified', 'claim.verdict', 'claim.adjudicated');

-- Claims per article, status and verdict for the Stats page. The rows a statement changes are
-- written in key order, so two transactions never wait for each other's rows in opposite order.
-- An article being deleted (its claims go by cascade) gets no new rows: the join finds no article.
CREATE FUNCTION factdesk_article_claim_tally() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ArticleClaimTally" ("articleId", "status", "verdictOrdinal", "claims")
    SELECT d."articleId", d."status", d.v, d.n
    FROM (SELECT "articleId", "status", coalesce("verdictOrdinal", -1) AS v, count(*)::int AS n FROM new_rows GROUP BY 1, 2, 3) d
    JOIN "Article" a ON a."id" = d."articleId"
    ORDER BY 1, 2, 3
    ON CONFLICT ("articleId", "status", "verdictOrdinal") DO UPDATE SET "claims" = "ArticleClaimTally"."claims" + excluded."claims";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "ArticleClaimTally" ("articleId", "status", "verdictOrdinal", "claims")
    SELECT d."articleId", d."status", d.v, d.n
    FROM (SELECT "articleId", "status", coalesce("verdictOrdinal", -1) AS v, -count(*)::int AS n FROM old_rows GROUP BY 1, 2, 3) d
    JOIN "Article" a ON a."id" = d."articleId"
    ORDER BY 1, 2, 3
    ON CONFLICT ("articleId", "status", "verdictOrdinal") DO UPDATE SET "claims" = "ArticleClaimTally"."claims" + excluded."claims";
  ELSE
    -- Most updates (text, anchors, versions) change neither status nor verdict: nothing is written.
    INSERT INTO "ArticleClaimTally" ("articleId", "status", "verdictOrdinal", "claims")
    SELECT d."articleId", d."status", d.v, d.n
    FROM (
      SELECT "articleId", "status", v, sum(n)::int AS n FROM (
        SELECT "articleId", "status", coalesce("verdictOrdinal", -1) AS v, 1 AS n FROM new_rows
        UNION ALL
        SELECT "articleId", "status", coalesce("verdictOrdinal", -1) AS v, -1 AS n FROM old_rows
      ) changes GROUP BY 1, 2, 3 HAVING sum(n) <> 0
    ) d
    JOIN "Article" a ON a."id" = d."articleId"
    ORDER BY 1, 2, 3
    ON CONFLICT ("articleId", "status", "verdictOrdinal") DO UPDATE SET "claims" = "ArticleClaimTally"."claims" + excluded."claims";
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER claim_tally_insert AFTER INSERT ON "Claim" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_article_claim_tally();
CREATE TRIGGER claim_tally_update AFTER UPDATE ON "Claim" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_article_claim_tally();
CREATE TRIGGER claim_tally_delete AFTER DELETE ON "Claim" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_article_claim_tally();

INSERT INTO "ArticleClaimTally" ("articleId", "status", "verdictOrdinal", "claims")
SELECT "articleId", "status", coalesce("verdictOrdinal", -1), count(*)::int FROM "Claim" GROUP BY 1, 2, 3;
