-- Issue #21 item 3: a claim write no longer recounts every claim of its article. Claim_stats_insert/update/delete
-- called factdesk_refresh_article_stats, which reads all of the article's claims and assignments (4.4 ms of a
-- 4.9 ms insert at 1,000 claims, growing with the article). The counters are now adjusted by the written rows'
-- contribution: +1 per new row version, -1 per old one, per status, open, total and needs-review; progress is
-- recomputed from the adjusted counters with the recount's formula; lastActivityAt takes the greatest updatedAt.
--
-- Exact under concurrency: the article's ArticleStats row is locked (FOR UPDATE, in articleId order like the
-- recount) before anything is decided, and `x = x + delta` applies to the newest committed row version, so deltas of
-- concurrent writers add up and a recount that held the lock first is built on, not overwritten.
--
-- What an adjustment cannot know falls back to the full recount (factdesk_refresh_article_stats), for those
-- articles only, decided after the lock (so the decision sees what earlier lock holders committed):
-- - a claim moved to another article, or its updatedAt went back (lastActivityAt might fall);
-- - a claim with an assignment became open or done (nextDueAt counts open claims' assignments only);
-- - a delete on an article with assignees or a due date (the deleted claim's assignments are gone by now:
--   cascaded), or of the claim whose updatedAt is the article's lastActivityAt (the latest activity might fall);
-- - an article without an ArticleStats row yet (the recount inserts it).
-- Article and Assignment writes keep the full recount: they are rare next to claim writes.

CREATE TYPE factdesk_claim_change AS ("articleId" text, sign integer, status text, "needsReview" boolean, "updatedAt" timestamp(3));

-- Adds the changes' contribution to the ArticleStats rows of their articles, except the articles in `recount`
-- and those without a row, which are recounted in full. The caller has locked the rows.
CREATE FUNCTION factdesk_apply_claim_changes(changes factdesk_claim_change[], recount text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  adjusted text[];
BEGIN
  WITH d AS (
    SELECT c."articleId",
      coalesce(sum(c.sign) FILTER (WHERE c.status = 'unreviewed'), 0) AS unreviewed,
      coalesce(sum(c.sign) FILTER (WHERE c.status = 'in_review'), 0) AS in_review,
      coalesce(sum(c.sign) FILTER (WHERE c.status = 'verdict_proposed'), 0) AS verdict_proposed,
      coalesce(sum(c.sign) FILTER (WHERE c.status = 'verified'), 0) AS verified,
      coalesce(sum(c.sign) FILTER (WHERE c.status = 'not_check_worthy'), 0) AS not_check_worthy,
      coalesce(sum(c.sign) FILTER (WHERE c.status = 'disputed'), 0) AS disputed,
      coalesce(sum(c.sign) FILTER (WHERE c.status IN ('unreviewed', 'in_review', 'verdict_proposed', 'disputed')), 0) AS open,
      coalesce(sum(c.sign), 0) AS total,
      coalesce(sum(c.sign) FILTER (WHERE c."needsReview"), 0) AS reanchor,
      max(c."updatedAt") FILTER (WHERE c.sign > 0) AS last
    FROM unnest(changes) c
    WHERE NOT (c."articleId" = ANY (recount))
    GROUP BY c."articleId"
  ), u AS (
    UPDATE "ArticleStats" s SET
      "unreviewed" = s."unreviewed" + d.unreviewed,
      "inReview" = s."inReview" + d.in_review,
      "verdictProposed" = s."verdictProposed" + d.verdict_proposed,
      "verified" = s."verified" + d.verified,
      "notCheckWorthy" = s."notCheckWorthy" + d.not_check_worthy,
      "disputed" = s."disputed" + d.disputed,
      "openClaims" = s."openClaims" + d.open,
      "totalClaims" = s."totalClaims" + d.total,
      "progress" = CASE WHEN s."totalClaims" + d.total = 0 THEN 0
        ELSE (s."verified" + d.verified + s."notCheckWorthy" + d.not_check_worthy)::float8 / (s."totalClaims" + d.total) END,
      "needsReanchor" = s."needsReanchor" + d.reanchor,
      "lastActivityAt" = greatest(s."lastActivityAt", d.last)
    FROM d
    WHERE s."articleId" = d."articleId"
    RETURNING s."articleId"
  )
  SELECT coalesce(array_agg(u."articleId"), '{}') INTO adjusted FROM u;
  PERFORM factdesk_refresh_article_stats(ARRAY(
    SELECT DISTINCT c."articleId" FROM unnest(changes) c WHERE NOT (c."articleId" = ANY (adjusted))));
END $$;

CREATE OR REPLACE FUNCTION factdesk_article_stats_from_claims() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes factdesk_claim_change[];
  recount text[] := '{}';
BEGIN
  IF TG_OP = 'INSERT' THEN
    changes := ARRAY(SELECT ROW(n."articleId", 1, n.status::text, n."anchorStatus" = 'needs_review', n."updatedAt")::factdesk_claim_change
      FROM new_rows n);
  ELSIF TG_OP = 'UPDATE' THEN
    changes := ARRAY(
      SELECT ROW(n."articleId", 1, n.status::text, n."anchorStatus" = 'needs_review', n."updatedAt")::factdesk_claim_change FROM new_rows n
      UNION ALL
      SELECT ROW(o."articleId", -1, o.status::text, o."anchorStatus" = 'needs_review', o."updatedAt")::factdesk_claim_change FROM old_rows o);
  ELSE
    changes := ARRAY(SELECT ROW(o."articleId", -1, o.status::text, o."anchorStatus" = 'needs_review', o."updatedAt")::factdesk_claim_change
      FROM old_rows o);
  END IF;
  IF cardinality(changes) = 0 THEN RETURN NULL; END IF;

  -- Lock first (articleId order, as the recount does); every decision below is a later statement, so it sees what
  -- the previous lock holder committed.
  PERFORM 1 FROM "ArticleStats" WHERE "articleId" = ANY (ARRAY(SELECT DISTINCT c."articleId" FROM unnest(changes) c))
    ORDER BY "articleId" FOR UPDATE;

  IF TG_OP = 'UPDATE' THEN
    recount := ARRAY(
      SELECT x.id FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o."articleId"), (n."articleId")) x(id)
      WHERE o."articleId" <> n."articleId"
        OR n."updatedAt" < o."updatedAt"
        OR ((o.status IN ('unreviewed', 'in_review', 'verdict_proposed', 'disputed'))
              <> (n.status IN ('unreviewed', 'in_review', 'verdict_proposed', 'disputed'))
            AND EXISTS (SELECT 1 FROM "Assignment" a WHERE a."claimId" = n.id)));
  ELSIF TG_OP = 'DELETE' THEN
    recount := ARRAY(
      SELECT s."articleId" FROM "ArticleStats" s
        JOIN (SELECT o."articleId", max(o."updatedAt") AS latest FROM old_rows o GROUP BY o."articleId") o ON o."articleId" = s."articleId"
      WHERE s."assignees" <> '{}' OR s."nextDueAt" IS NOT NULL OR o.latest >= s."lastActivityAt");
  END IF;

  PERFORM factdesk_apply_claim_changes(changes, recount);
  RETURN NULL;
END $$;
