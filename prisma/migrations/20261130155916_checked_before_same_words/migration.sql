-- "Checked before" at 1,000,000 claims (issue #21, bench/checked-before.ts). Raw SQL only: Prisma's schema cannot
-- express functions, expression indexes or partial operator-class indexes, so prisma/schema.prisma is unchanged.
--
-- Before: the GiST trigram index "Claim_exact_trgm_idx" walked nearest-first (ORDER BY exact <-> text), then claims
-- under 0.45 dropped. A claim stored many times over with other figures (the bench: ~700–2,000 copies of each
-- sentence) made the walk open every index page holding a copy (~1,800 pages): a copy contains every trigram of the
-- text, so the bound of every subtree holding one is 0 and none can be skipped. And a text nothing reads like made
-- it open ~47,000 pages at 1M claims: upper-level signatures have most bits set, so they bound nothing. Any exact
-- "most alike" among thousands of near-equal copies has to score them all (similarity() costs ~15 µs a claim, more
-- under load), so the rule changes:
--
-- 1. Claims with the same words as the text — ignoring case, punctuation, digits and spacing (factdesk_claim_words)
--    — and at least 0.45 alike come first: the team's `k` with the latest verdicts, read in order from the btree
--    "Claim_same_words_idx" (a few pages whatever the number of copies). They are the same claim checked before,
--    with other figures; the latest verdict is the desk's current answer.
-- 2. Slots left are filled as before: the most alike other claims of at least 0.45 (equally alike by id), now
--    from a GIN trigram index over the claims with a verdict, asked with `%` at 0.45: GIN reads only the posting
--    lists of the text's rarest trigrams (a claim lacking all of them cannot reach 0.45) and probes the others,
--    ~3,400 pages for a text nothing reads like instead of the GiST's ~24,800–47,000 (bench, same texts).
-- The answer is listed most alike first, equally alike ones by id. PostgreSQL keeps both indexes on every write path
-- (Prisma and the one-statement SQL of lib/claims/change-claim-sql.ts alike): a claim enters them with its verdict.

-- Nothing else orders by trigram distance: the GiST index goes (~370 MB at 1M claims, kept up on every claim write).
DROP INDEX IF EXISTS "Claim_exact_trgm_idx";

CREATE INDEX "Claim_exact_trgm_gin_idx" ON "Claim" USING gin ("exact" gin_trgm_ops) WHERE "verdictOrdinal" IS NOT NULL;

-- The words of a claim as a key: lower case, every run of characters that are not letters (ASCII punctuation,
-- digits, spaces, control characters, Latin-1 symbols such as £, general punctuation such as ’ “ ” – …, CJK
-- punctuation) made one space, trimmed, hashed. "The UK spends 2.3%" and "the UK spends 2.5 %." share a key.
CREATE FUNCTION factdesk_claim_words(exact text) RETURNS uuid
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT md5(btrim(regexp_replace(lower(exact), '[[:punct:][:space:][:digit:][:cntrl:]\u00A0-\u00BF\u2000-\u206F\u3000-\u303F]+', ' ', 'g')))::uuid
  $$;

-- Only claims with a verdict can be "checked before". Built once over the existing claims (set-based, no rewrite).
CREATE INDEX "Claim_same_words_idx" ON "Claim" (factdesk_claim_words("exact"), "verdictAt" DESC NULLS LAST, "id")
  WHERE "verdictOrdinal" IS NOT NULL;

-- The team's claims with a verdict that read like `query`, at most `k`, by the rule above; `exclude_id` is left out
-- ('' for none). 0.45 is CHECKED_BEFORE_MIN_SIMILARITY (lib/claims/checked-before.ts). The SET clause gives `%` its
-- threshold and puts the caller's value back when the function returns.
CREATE FUNCTION factdesk_checked_before(team_id text, query text, exclude_id text, k int)
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
      SELECT same || coalesce(array_agg(n."id" ORDER BY n.s DESC, n."id"), '{}') INTO same FROM (
        SELECT c."id", similarity(c."exact", query) AS s
        FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
        WHERE c."exact" % query AND c."verdictOrdinal" IS NOT NULL AND a."teamId" = team_id
          AND c."id" <> exclude_id AND c."id" <> ALL (same)
        ORDER BY s DESC, c."id"
        LIMIT k - cardinality(same)
      ) n;
    END IF;
    RETURN QUERY
      SELECT c."id", similarity(c."exact", query) AS s FROM "Claim" c WHERE c."id" = ANY (same) ORDER BY s DESC, c."id";
  END
  $$;
