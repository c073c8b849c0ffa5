-- Search, the articles list and Needs me at newsroom scale (issue #17: 100,000 articles, 1,000,000 claims;
-- bench/search.ts). Raw SQL only: Prisma's schema cannot express functions, generated expressions or partial
-- indexes, so prisma/schema.prisma is unchanged.

-- 1. Language-aware search. An article whose language is known and not English is indexed with 'simple' (no
--    stemming, no stop words: English rules would mangle it); English and unknown stay 'english'. One function
--    decides, used by the generated column below and by the query (lib/search/search.ts), so both always agree.
CREATE FUNCTION factdesk_search_config(language text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE
      WHEN language IS NULL OR btrim(language) = '' OR lower(language) = 'en' OR lower(language) LIKE 'en-%'
        THEN 'pg_catalog.english'::regconfig
      ELSE 'pg_catalog.simple'::regconfig
    END
  $$;

-- A generated column's expression cannot be altered on every supported PostgreSQL, so the column is made again
-- (every article's vector is computed anew, in this migration: existing desks are searchable in their language
-- at once). Dropping the column drops its GIN index, made again below with the same name.
ALTER TABLE "Article" DROP COLUMN "searchVector";
ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector(factdesk_search_config("language"), coalesce("title", '')), 'A') ||
  setweight(to_tsvector(factdesk_search_config("language"), coalesce("standfirst", '')), 'B') ||
  setweight(to_tsvector(factdesk_search_config("language"), coalesce("byline", '') || ' ' || coalesce("source", '')), 'C') ||
  setweight(to_tsvector(factdesk_search_config("language"), left("body", 500000)), 'D')
) STORED;
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");
-- The article's statistics are read again by the planner (the column is new).
ANALYZE "Article";

-- 2. Needs me (lib/needs/needs-me.ts): its counts (up to 1,000 per kind, for the top bar on every page) and lists
--    read indexes only. Each waiting claim is found in a partial index that also carries what the query checks
--    (the article, who proposed the verdict), and its team through Article (id, teamId), so no count reads the
--    Claim table itself: the plan's cost follows the capped count, not the desk.
DROP INDEX "Claim_verdict_proposed_idx";
CREATE INDEX "Claim_verdict_proposed_idx" ON "Claim" ("updatedAt") INCLUDE (id, "articleId", "verdictById") WHERE status = 'verdict_proposed';
DROP INDEX "Claim_disputed_idx";
CREATE INDEX "Claim_disputed_idx" ON "Claim" ("updatedAt") INCLUDE (id, "articleId") WHERE status = 'disputed';
DROP INDEX "Claim_needs_review_idx";
CREATE INDEX "Claim_needs_review_idx" ON "Claim" ("updatedAt") INCLUDE (id, "articleId") WHERE "anchorStatus" = 'needs_review';
-- Open claims (an assignment is overdue, due soon or waiting only while its claim is open), with their article.
CREATE INDEX "Claim_open_idx" ON "Claim" (id) INCLUDE ("articleId")
  WHERE status IN ('unreviewed', 'in_review', 'verdict_proposed', 'disputed');
CREATE INDEX "Article_id_teamId_idx" ON "Article" (id, "teamId");
-- Assignments in due order, with their claim.
DROP INDEX "Assignment_dueAt_idx";
CREATE INDEX "Assignment_dueAt_idx" ON "Assignment" ("dueAt") INCLUDE ("claimId");

-- 3. Articles list (lib/articles/article-page.ts): the assignee filter. Probing each article in sort order for an
--    assignment of the person, or listing the person's assignments first, both read Claim once per assignment
--    or per article (bench: 300–900 ms for a reviewer with 11,000 assignments). The members assigned to an
--    article's claims are kept on its ArticleStats row instead, by the same triggers as its other numbers, so the
--    filter is a check on the row the sorted index scan reads anyway.
ALTER TABLE "ArticleStats" ADD COLUMN "assignees" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

CREATE OR REPLACE FUNCTION factdesk_refresh_article_stats(article_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF article_ids IS NULL OR cardinality(article_ids) = 0 THEN RETURN; END IF;
  -- Lock first, then count in a new statement: under READ COMMITTED that statement's snapshot sees what a
  -- concurrent transaction that held the lock committed, so two writers never leave a stale count behind.
  PERFORM 1 FROM "ArticleStats" WHERE "articleId" = ANY (article_ids) ORDER BY "articleId" FOR UPDATE;
  INSERT INTO "ArticleStats" AS s (
    "articleId", "teamId", "unreviewed", "inReview", "verdictProposed", "verified", "notCheckWorthy", "disputed",
    "openClaims", "totalClaims", "progress", "needsReanchor", "nextDueAt", "dueSort", "publishedSort",
    "reportPublished", "lastActivityAt", "assignees"
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
    greatest(a."updatedAt", max(c."updatedAt")),
    w.assignees
  FROM "Article" a
  LEFT JOIN "Claim" c ON c."articleId" = a.id
  LEFT JOIN LATERAL (
    SELECT min(asg."dueAt") AS next_due FROM "Assignment" asg JOIN "Claim" oc ON oc.id = asg."claimId"
    WHERE oc."articleId" = a.id AND oc.status IN ('unreviewed', 'in_review', 'verdict_proposed', 'disputed')
  ) d ON true
  LEFT JOIN LATERAL (
    SELECT coalesce(array_agg(DISTINCT asg."reviewerId" ORDER BY asg."reviewerId"), '{}') AS assignees
    FROM "Assignment" asg JOIN "Claim" ac ON ac.id = asg."claimId" WHERE ac."articleId" = a.id
  ) w ON true
  WHERE a.id = ANY (article_ids)
  GROUP BY a.id, d.next_due, w.assignees
  ON CONFLICT ("articleId") DO UPDATE SET
    "unreviewed" = EXCLUDED."unreviewed", "inReview" = EXCLUDED."inReview",
    "verdictProposed" = EXCLUDED."verdictProposed", "verified" = EXCLUDED."verified",
    "notCheckWorthy" = EXCLUDED."notCheckWorthy", "disputed" = EXCLUDED."disputed",
    "openClaims" = EXCLUDED."openClaims", "totalClaims" = EXCLUDED."totalClaims", "progress" = EXCLUDED."progress",
    "needsReanchor" = EXCLUDED."needsReanchor", "nextDueAt" = EXCLUDED."nextDueAt", "dueSort" = EXCLUDED."dueSort",
    "publishedSort" = EXCLUDED."publishedSort", "reportPublished" = EXCLUDED."reportPublished",
    "lastActivityAt" = EXCLUDED."lastActivityAt", "assignees" = EXCLUDED."assignees";
END $$;

-- Existing desks: every article with an assignment gets its assignees now.
UPDATE "ArticleStats" s SET "assignees" = x.ids
FROM (
  SELECT c."articleId", array_agg(DISTINCT asg."reviewerId" ORDER BY asg."reviewerId") AS ids
  FROM "Assignment" asg JOIN "Claim" c ON c.id = asg."claimId"
  GROUP BY c."articleId"
) x
WHERE x."articleId" = s."articleId";

-- Needs me, replies to a person: the replies are found through this index (usually far fewer than a person's own
-- comments; a reviewer who wrote 200,000 comments made the old plan scan Comment).
CREATE INDEX "Comment_replies_idx" ON "Comment" ("parentId") INCLUDE ("authorId", "claimId", "createdAt")
  WHERE "parentId" IS NOT NULL AND "deletedAt" IS NULL;

-- Needs me counts of sign-offs, disputes and claims to re-anchor: summed from the team's ArticleStats rows that have
-- any (kept by the stats triggers), through these partial indexes, instead of a look-up per waiting claim.
CREATE INDEX "ArticleStats_verdictProposed_idx" ON "ArticleStats" ("teamId") INCLUDE ("verdictProposed") WHERE "verdictProposed" > 0;
CREATE INDEX "ArticleStats_disputed_idx" ON "ArticleStats" ("teamId") INCLUDE ("disputed") WHERE "disputed" > 0;
CREATE INDEX "ArticleStats_needsReanchor_idx" ON "ArticleStats" ("teamId") INCLUDE ("needsReanchor") WHERE "needsReanchor" > 0;
-- A person's own proposed verdicts (left out of their sign-offs).
CREATE INDEX "Claim_own_proposals_idx" ON "Claim" ("verdictById") INCLUDE ("articleId") WHERE status = 'verdict_proposed';
