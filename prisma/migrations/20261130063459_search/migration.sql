-- Full-text search (lib/search). Each searchable row carries a tsvector that PostgreSQL keeps
-- up to date itself (a stored generated column), weighted so a title outranks a quote, a quote
-- outranks evidence, and evidence outranks a comment or the article's body:
--   A title · B standfirst, claim quote · C byline, source, claimant, verdict, evidence title ·
--   D article body, evidence excerpt, comment.
-- The text search configuration is 'english' (stemming, stop words). Articles carry no language
-- yet; when they do, the expression can pick 'simple' for other languages (two-argument
-- to_tsvector is immutable, so a CASE on a column is allowed in a generated column).
-- Bodies are cut at 500,000 characters: a tsvector holds at most 1 MB, and an insert must never
-- fail because an article is long.

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english'::regconfig, coalesce("standfirst", '')), 'B') ||
  setweight(to_tsvector('english'::regconfig, coalesce("byline", '') || ' ' || coalesce("source", '')), 'C') ||
  setweight(to_tsvector('english'::regconfig, left("body", 500000)), 'D')
) STORED;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, "exact"), 'B') ||
  setweight(to_tsvector('english'::regconfig,
    coalesce("claimantName", '') || ' ' || coalesce("verdictLabel", '') || ' ' || coalesce("verdictExplanation", '')), 'C')
) STORED;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, left("body", 500000)), 'D')
) STORED;

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, "title"), 'C') ||
  setweight(to_tsvector('english'::regconfig, left("excerpt", 500000)), 'D')
) STORED;

-- CreateIndex
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Claim_searchVector_idx" ON "Claim" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Comment_searchVector_idx" ON "Comment" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Evidence_searchVector_idx" ON "Evidence" USING GIN ("searchVector");
