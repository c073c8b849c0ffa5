-- CreateTable
CREATE TABLE "ArticleStats" (
    "articleId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "unreviewed" INTEGER NOT NULL DEFAULT 0,
    "inReview" INTEGER NOT NULL DEFAULT 0,
    "verdictProposed" INTEGER NOT NULL DEFAULT 0,
    "verified" INTEGER NOT NULL DEFAULT 0,
    "notCheckWorthy" INTEGER NOT NULL DEFAULT 0,
    "disputed" INTEGER NOT NULL DEFAULT 0,
    "openClaims" INTEGER NOT NULL DEFAULT 0,
    "totalClaims" INTEGER NOT NULL DEFAULT 0,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "needsReanchor" INTEGER NOT NULL DEFAULT 0,
    "nextDueAt" DATE,
    "dueSort" DATE NOT NULL,
    "publishedSort" TIMESTAMP(3) NOT NULL,
    "reportPublished" BOOLEAN NOT NULL DEFAULT false,
    "lastActivityAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticleStats_pkey" PRIMARY KEY ("articleId")
);

-- CreateIndex
CREATE INDEX "ArticleStats_teamId_lastActivityAt_articleId_idx" ON "ArticleStats"("teamId", "lastActivityAt", "articleId");

-- CreateIndex
CREATE INDEX "ArticleStats_teamId_publishedSort_articleId_idx" ON "ArticleStats"("teamId", "publishedSort", "articleId");

-- CreateIndex
CREATE INDEX "ArticleStats_teamId_progress_articleId_idx" ON "ArticleStats"("teamId", "progress", "articleId");

-- CreateIndex
CREATE INDEX "ArticleStats_teamId_openClaims_articleId_idx" ON "ArticleStats"("teamId", "openClaims", "articleId");

-- CreateIndex
CREATE INDEX "ArticleStats_teamId_dueSort_articleId_idx" ON "ArticleStats"("teamId", "dueSort", "articleId");

-- CreateIndex
CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId");

-- CreateIndex
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");

-- CreateIndex
CREATE INDEX "Assignment_dueAt_idx" ON "Assignment"("dueAt");

-- AddForeignKey
ALTER TABLE "ArticleStats" ADD CONSTRAINT "ArticleStats_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Per-article numbers the articles list sorts and filters on (lib/articles/list-articles.ts), kept by
-- PostgreSQL itself: statement-level triggers on Article, Claim and Assignment recompute the rows of the
-- articles a statement touched, so no code path can forget them. A claim is open while unreviewed, in review,
-- proposed or disputed; "done" is verified or not check-worthy. nextDueAt is the earliest due date of an open
-- claim's assignment; dueSort and publishedSort put "none" last (2999-12-31, 1000-01-01) so keyset pages
-- compare plain values.
CREATE FUNCTION factdesk_refresh_article_stats(article_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF article_ids IS NULL OR cardinality(article_ids) = 0 THEN RETURN; END IF;
  -- Lock first, then count in a new statement: under READ COMMITTED that statement's snapshot sees what a
  -- concurrent transaction that held the lock committed, so two writers never leave a stale count behind.
  PERFORM 1 FROM "ArticleStats" WHERE "articleId" = ANY (article_ids) ORDER BY "articleId" FOR UPDATE;
  INSERT INTO "ArticleStats" AS s (
    "articleId", "teamId", "unreviewed", "inReview", "verdictProposed", "verified", "notCheckWorthy", "disputed",
    "openClaims", "totalClaims", "progress", "needsReanchor", "nextDueAt", "dueSort", "publishedSort",
    "reportPublished", "lastActivityAt"
  )
  SELECT a.id, a."teamId",
    count(c.id) FILTER (WHERE c.status = 'unreviewed'),
    count(c.id) FILTER (WHERE c.status = 'in_review'),
    count(c.id) FILTER (WHERE c.status = 'verdict_proposed'),
    count(c.id) FILTER (WHERE c.status = 'verified'),
    count(c.id) FILTER (WHERE c.status = 'not_check_worthy'),
    count(c.id) FILTER (WHERE c.status = 'disputed'),
    count(c.id) FILTER (WHERE c.status IN ('unreviewed', 'in_review', 'verdict_proposed', 'disputed')),
    count(c.id),
    CASE WHEN count(c.id) = 0 THEN 0
      ELSE (count(c.id) FILTER (WHERE c.status IN ('verified', 'not_check_worthy')))::float8 / count(c.id) END,
    count(c.id) FILTER (WHERE c."anchorStatus" = 'needs_review'),
    d.next_due,
    coalesce(d.next_due, DATE '2999-12-31'),
    coalesce(a."publishedAt", TIMESTAMP '1000-01-01'),
    a."reportPublishedAt" IS NOT NULL,
    greatest(a."updatedAt", max(c."updatedAt"))
  FROM "Article" a
  LEFT JOIN "Claim" c ON c."articleId" = a.id
  LEFT JOIN LATERAL (
    SELECT min(asg."dueAt") AS next_due FROM "Assignment" asg JOIN "Claim" oc ON oc.id = asg."claimId"
    WHERE oc."articleId" = a.id AND oc.status IN ('unreviewed', 'in_review', 'verdict_proposed', 'disputed')
  ) d ON true
  WHERE a.id = ANY (article_ids)
  GROUP BY a.id, d.next_due
  ON CONFLICT ("articleId") DO UPDATE SET
    "unreviewed" = EXCLUDED."unreviewed", "inReview" = EXCLUDED."inReview",
    "verdictProposed" = EXCLUDED."verdictProposed", "verified" = EXCLUDED."verified",
    "notCheckWorthy" = EXCLUDED."notCheckWorthy", "disputed" = EXCLUDED."disputed",
    "openClaims" = EXCLUDED."openClaims", "totalClaims" = EXCLUDED."totalClaims", "progress" = EXCLUDED."progress",
    "needsReanchor" = EXCLUDED."needsReanchor", "nextDueAt" = EXCLUDED."nextDueAt", "dueSort" = EXCLUDED."dueSort",
    "publishedSort" = EXCLUDED."publishedSort", "reportPublished" = EXCLUDED."reportPublished",
    "lastActivityAt" = EXCLUDED."lastActivityAt";
END $$;

CREATE FUNCTION factdesk_article_stats_from_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM factdesk_refresh_article_stats(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END $$;

CREATE FUNCTION factdesk_article_stats_from_claims() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM factdesk_refresh_article_stats(ARRAY(SELECT DISTINCT "articleId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM factdesk_refresh_article_stats(ARRAY(SELECT "articleId" FROM new_rows UNION SELECT "articleId" FROM old_rows));
  ELSE
    PERFORM factdesk_refresh_article_stats(ARRAY(SELECT DISTINCT "articleId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION factdesk_article_stats_from_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM factdesk_refresh_article_stats(ARRAY(
      SELECT DISTINCT c."articleId" FROM "Claim" c WHERE c.id IN (SELECT "claimId" FROM new_rows)));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM factdesk_refresh_article_stats(ARRAY(
      SELECT DISTINCT c."articleId" FROM "Claim" c
      WHERE c.id IN (SELECT "claimId" FROM new_rows UNION SELECT "claimId" FROM old_rows)));
  ELSE
    PERFORM factdesk_refresh_article_stats(ARRAY(
      SELECT DISTINCT c."articleId" FROM "Claim" c WHERE c.id IN (SELECT "claimId" FROM old_rows)));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Article_stats_insert" AFTER INSERT ON "Article"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION factdesk_article_stats_from_articles();
CREATE TRIGGER "Article_stats_update" AFTER UPDATE ON "Article"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION factdesk_article_stats_from_articles();
CREATE TRIGGER "Claim_stats_insert" AFTER INSERT ON "Claim"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION factdesk_article_stats_from_claims();
CREATE TRIGGER "Claim_stats_update" AFTER UPDATE ON "Claim"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION factdesk_article_stats_from_claims();
CREATE TRIGGER "Claim_stats_delete" AFTER DELETE ON "Claim"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION factdesk_article_stats_from_claims();
CREATE TRIGGER "Assignment_stats_insert" AFTER INSERT ON "Assignment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION factdesk_article_stats_from_assignments();
CREATE TRIGGER "Assignment_stats_update" AFTER UPDATE ON "Assignment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION factdesk_article_stats_from_assignments();
CREATE TRIGGER "Assignment_stats_delete" AFTER DELETE ON "Assignment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION factdesk_article_stats_from_assignments();

-- The articles that exist already.
SELECT factdesk_refresh_article_stats(ARRAY(SELECT id FROM "Article"));

-- Needs me (lib/needs/needs-me.ts): the few claims that wait for an editor, found without reading the rest.
-- Partial indexes are not expressible in schema.prisma; later diffs (schema to schema) leave them alone.
CREATE INDEX "Claim_verdict_proposed_idx" ON "Claim" ("updatedAt") WHERE status = 'verdict_proposed';
CREATE INDEX "Claim_disputed_idx" ON "Claim" ("updatedAt") WHERE status = 'disputed';
CREATE INDEX "Claim_needs_review_idx" ON "Claim" ("updatedAt") WHERE "anchorStatus" = 'needs_review';
