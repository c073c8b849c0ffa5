-- "Checked before": the trigram index is read once per lookup, not once per article of the team (issue #21 item 5).
-- Raw SQL only (a function body): prisma/schema.prisma is unchanged.
--
-- Before: step 2 of factdesk_checked_before joined "Claim" to "Article" on the team, and the planner, estimating one
-- article for the team (on the bench's data "Article" was last analyzed while empty, and its 9 rows stay under
-- autovacuum's analyze threshold, so "teamId" has no statistics; in general whenever it underestimates the team's
-- articles), put the Bitmap Index Scan on "Claim_exact_trgm_gin_idx" inside a nested loop over the team's
-- articles. That scan takes nothing from the outer side, so it repeated whole for every article: at 1M claims with
-- 8 articles in the team (bench/checked-before.ts, English claims) a text nothing reads like read 25,600 shared
-- buffers (loops=8) instead of 3,200, 13.9 s instead of 1.3 s on the same loaded machine; the job's lookups grew with
-- the team's articles (each bench run adds one).
-- Now the claims at least 0.45 alike come from a MATERIALIZED common table expression, scanned once whatever the plan,
-- and are joined to their articles afterwards. Same rule, same answers: the team's claims with a verdict at least 0.45
-- alike, not excluded and not among the same-words claims, most alike first, equally alike ones by id, k − (same) of
-- them. The function's other statements are unchanged (see migration 20261130155916_checked_before_same_words).
CREATE OR REPLACE FUNCTION factdesk_checked_before(team_id text, query text, exclude_id text, k int)
  RETURNS TABLE ("claimId" text, "similarity" real)
  LANGUAGE plpgsql STABLE
  SET pg_trgm.similarity_threshold = 0.45
  AS $$
  DECLARE
    words uuid := factdesk_claim_words(query);
    same text[] := '{}';
  BEGIN
    -- A text without trigrams (empty, only punctuation) is 0 alike every claim.
    IF k IS NULL OR k < 1 OR cardinality(show_trgm(query)) = 0 THEN
      RETURN;
    END IF;
    IF words <> md5('')::uuid THEN
      SELECT coalesce(array_agg(s."id"), '{}') INTO same FROM (
        SELECT c."id" FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
        WHERE factdesk_claim_words(c."exact") = words AND c."verdictOrdinal" IS NOT NULL AND a."teamId" = team_id
          AND c."id" <> exclude_id AND similarity(c."exact", query) >= 0.45
        ORDER BY c."verdictAt" DESC NULLS LAST, c."id"
        LIMIT k
      ) s;
    END IF;
    IF cardinality(same) < k THEN
      -- Every team's claims at least 0.45 alike, from one scan of the GIN index (MATERIALIZED: never re-run by a
      -- nested loop), then only the team's, through their articles.
      WITH alike AS MATERIALIZED (
        SELECT c."id", c."articleId", similarity(c."exact", query) AS s
        FROM "Claim" c
        WHERE c."exact" % query AND c."verdictOrdinal" IS NOT NULL AND c."id" <> exclude_id AND c."id" <> ALL (same)
      )
      SELECT same || coalesce(array_agg(n."id" ORDER BY n.s DESC, n."id"), '{}') INTO same FROM (
        SELECT m."id", m.s FROM alike m JOIN "Article" a ON a."id" = m."articleId"
        WHERE a."teamId" = team_id
        ORDER BY m.s DESC, m."id"
        LIMIT k - cardinality(same)
      ) n;
    END IF;
    RETURN QUERY
      SELECT c."id", similarity(c."exact", query) AS s FROM "Claim" c WHERE c."id" = ANY (same) ORDER BY s DESC, c."id";
  END
  $$;
