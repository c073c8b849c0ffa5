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
CREATE INDEX "Claim_verdict_proposed_idx" ON "Claim" ("updatedAt") INCLUDE ("articleId", "verdictById") WHERE status = 'verdict_proposed';
DROP INDEX "Claim_disputed_idx";
CREATE INDEX "Claim_disputed_idx" ON "Claim" ("updatedAt") INCLUDE ("articleId") WHERE status = 'disputed';
DROP INDEX "Claim_needs_review_idx";
CREATE INDEX "Claim_needs_review_idx" ON "Claim" ("updatedAt") INCLUDE ("articleId") WHERE "anchorStatus" = 'needs_review';
-- Open claims (an assignment is overdue, due soon or waiting only while its claim is open), with their article.
CREATE INDEX "Claim_open_idx" ON "Claim" (id) INCLUDE ("articleId")
  WHERE status IN ('unreviewed', 'in_review', 'verdict_proposed', 'disputed');
CREATE INDEX "Article_id_teamId_idx" ON "Article" (id, "teamId");
-- Assignments in due order, with their claim.
DROP INDEX "Assignment_dueAt_idx";
CREATE INDEX "Assignment_dueAt_idx" ON "Assignment" ("dueAt") INCLUDE ("claimId");
