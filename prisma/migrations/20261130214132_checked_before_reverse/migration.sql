-- "Checked before" answers kept up by reverse lookups (issue #21 item 5; lib/claims/checked-before-stored.ts).
--
-- Before: a trigger counted every verdict change of a team in Team."verdictsVersion", which made every stored answer
-- of the team stale: one verdict re-queued lookups for all open suggestions of all articles (~0.5–2.3 s each at 1M
-- claims for a text nothing reads like). Now a verdict change touches only the suggestions it can change:
-- * a claim gains a verdict, or the text or verdict time of a claim with a verdict changes: the team's open
--   suggestions of the current text that read like the claim, by the same rule as the lookup
--   (factdesk_checked_before: same words and ≥ 0.45 alike first, latest verdict first; else the most alike of
--   ≥ 0.45, then by id), found from the claim's side through indexes over the open suggestions (far fewer than the
--   claims), take the claim if it ranks above their stored answer; a suggestion whose answer is pending only has its
--   version moved on (the lookup in flight for it started before this claim counted, so it must not store);
-- * a claim with a verdict loses it, is deleted (also by its article's cascade), or changes so that it may rank lower
--   (other text, an earlier verdict time, another team): the suggestions whose stored answer is that claim become
--   pending and the job (suggestions.checked-before) is queued for their article. Nothing else becomes stale.
-- Triggers, so every write path keeps the answers: Prisma, the one-statement SQL of lib/claims/change-claim-sql.ts,
-- imports, cascades. Answers that changed are announced on NOTIFY channel factdesk_suggestions ({"articleId"}), so
-- the article page re-reads them whichever instance wrote them (lib/live).
--
-- Concurrency (the guarantee the team-wide counter gave, kept without it): each suggestion's "checkedBeforeVersion"
-- moves on with every change of its answer or pending state, and a lookup stores its answer only while the version is
-- the one it read before looking (storeCheckedBefore). A verdict committing during a lookup either
-- (a) reached its trigger before the lookup began: the lookup first takes and drops the team's advisory lock in
--     exclusive mode, which waits for every verdict transaction holding it in shared mode (taken by the trigger below),
--     so its snapshot includes that verdict; or
-- (b) reached its trigger after: the trigger's statements then see the suggestion (committed before the lookup ran)
--     and move its version on (pending), so the lookup's write finds another version and stores nothing; the
--     suggestion stays pending and is looked up again.
-- The claim a lookup chose is share-locked and re-checked (still has a verdict, same text, verdict time and article)
-- before the answer is stored, so a verdict taken back meanwhile waits for the answer and then finds it (above).

DROP TRIGGER IF EXISTS "Claim_count_verdict_change" ON "Claim";
DROP TRIGGER IF EXISTS "Article_count_verdict_change" ON "Article";
DROP FUNCTION IF EXISTS factdesk_count_verdict_change();
DROP FUNCTION IF EXISTS factdesk_count_article_delete();

-- AlterTable
ALTER TABLE "Suggestion" ADD COLUMN     "checkedBeforePending" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "checkedBeforeSameWords" BOOLEAN,
ADD COLUMN     "checkedBeforeVerdictAt" TIMESTAMP(3);

-- Answers stored against the team's current count stay known, with their rank; the rest are pending.
UPDATE "Suggestion" s SET "checkedBeforePending" = false
FROM "Article" a JOIN "Team" t ON t."id" = a."teamId"
WHERE a."id" = s."articleId" AND s."checkedBeforeVersion" = t."verdictsVersion" AND s."checkedBeforeClaimId" IS NULL;

UPDATE "Suggestion" s SET "checkedBeforePending" = false, "checkedBeforeVerdictAt" = c."verdictAt",
  "checkedBeforeSameWords" = (factdesk_claim_words(s."text") <> md5('')::uuid AND factdesk_claim_words(s."text") = factdesk_claim_words(c."exact")
                               AND similarity(c."exact", s."text") >= 0.45)
FROM "Article" a JOIN "Team" t ON t."id" = a."teamId", "Claim" c
WHERE a."id" = s."articleId" AND s."checkedBeforeVersion" = t."verdictsVersion" AND c."id" = s."checkedBeforeClaimId"
  AND c."verdictOrdinal" IS NOT NULL;

UPDATE "Suggestion" SET "checkedBeforeVersion" = 0 WHERE "checkedBeforeVersion" IS NULL;
ALTER TABLE "Suggestion" ALTER COLUMN "checkedBeforeVersion" SET NOT NULL,
ALTER COLUMN "checkedBeforeVersion" SET DEFAULT 0;

-- AlterTable
ALTER TABLE "Team" DROP COLUMN "verdictsVersion";

-- The reverse lookups' indexes, over open suggestions only (dismissed and accepted ones are never listed).
CREATE INDEX "Suggestion_open_text_trgm_idx" ON "Suggestion" USING gin ("text" gin_trgm_ops)
  WHERE "dismissedAt" IS NULL AND "claimId" IS NULL;
CREATE INDEX "Suggestion_open_words_idx" ON "Suggestion" (factdesk_claim_words("text"))
  WHERE "dismissedAt" IS NULL AND "claimId" IS NULL;
-- The job's list of pending suggestions of an article.
CREATE INDEX "Suggestion_pending_idx" ON "Suggestion" ("articleId", "bodyHash") WHERE "checkedBeforePending";

-- Tells the article's readers that its suggestions' answers changed (lib/live/change-listener.ts).
CREATE FUNCTION factdesk_checked_before_notify(article_id text) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM pg_notify('factdesk_suggestions', json_build_object('articleId', article_id)::text);
  END
  $$;

-- Queues the lookup job for an article's current text, as queueCheckedBefore does (one waiting job per article),
-- and tells its readers. plpgsql: graphile-worker's schema is made after the Prisma migrations run.
CREATE FUNCTION factdesk_checked_before_queue(article_id text, body_hash text) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM graphile_worker.add_job(
      identifier => 'suggestions.checked-before',
      payload => json_build_object('articleId', article_id, 'bodyHash', body_hash),
      max_attempts => 5,
      job_key => 'checked-before:' || article_id);
    PERFORM factdesk_checked_before_notify(article_id);
  END
  $$;

-- The suggestions whose stored answer is `claim_id` become pending (their version moves on), and the job is queued
-- for the articles where they are listed (open, of the current text).
CREATE FUNCTION factdesk_checked_before_forget(claim_id text) RETURNS void
  LANGUAGE plpgsql
  AS $$
  DECLARE
    r record;
  BEGIN
    FOR r IN
      WITH marked AS (
        UPDATE "Suggestion" s SET "checkedBeforePending" = true, "checkedBeforeVersion" = s."checkedBeforeVersion" + 1
        WHERE s."checkedBeforeClaimId" = claim_id
        RETURNING s."articleId", s."bodyHash", s."dismissedAt", s."claimId"
      )
      SELECT DISTINCT m."articleId", m."bodyHash" FROM marked m JOIN "Article" a ON a."id" = m."articleId"
      WHERE a."suggestionsHash" = m."bodyHash" AND m."dismissedAt" IS NULL AND m."claimId" IS NULL
    LOOP
      PERFORM factdesk_checked_before_queue(r."articleId", r."bodyHash");
    END LOOP;
  END
  $$;

-- A claim inserted or updated (see the top of this file). The SET clause gives `%` the lookup's threshold, 0.45
-- (CHECKED_BEFORE_MIN_SIMILARITY), and puts the caller's value back afterwards.
CREATE FUNCTION factdesk_checked_before_claim_changed() RETURNS trigger
  LANGUAGE plpgsql
  SET pg_trgm.similarity_threshold = 0.45
  AS $$
  DECLARE
    had boolean := TG_OP = 'UPDATE' AND OLD."verdictOrdinal" IS NOT NULL;
    has boolean := NEW."verdictOrdinal" IS NOT NULL;
    team_id text;
    words uuid;
    r record;
  BEGIN
    IF had AND has AND OLD."exact" IS NOT DISTINCT FROM NEW."exact" AND OLD."verdictAt" IS NOT DISTINCT FROM NEW."verdictAt"
       AND OLD."articleId" IS NOT DISTINCT FROM NEW."articleId" THEN
      RETURN NULL; -- only the label or ordinal: the list joins the claim and shows its current verdict
    END IF;
    IF has THEN
      SELECT a."teamId" INTO team_id FROM "Article" a WHERE a."id" = NEW."articleId";
    END IF;
    IF had THEN
      IF has AND OLD."exact" = NEW."exact" AND NEW."verdictAt" IS NOT NULL
         AND (OLD."verdictAt" IS NULL OR NEW."verdictAt" >= OLD."verdictAt")
         AND team_id = (SELECT a."teamId" FROM "Article" a WHERE a."id" = OLD."articleId") THEN
        -- A later verdict on the same text only ranks the claim higher: it stays the answer where it was one.
        UPDATE "Suggestion" s SET "checkedBeforeVerdictAt" = NEW."verdictAt", "checkedBeforeVersion" = s."checkedBeforeVersion" + 1
        WHERE s."checkedBeforeClaimId" = NEW."id";
      ELSE
        PERFORM factdesk_checked_before_forget(OLD."id");
      END IF;
    END IF;
    IF NOT has OR team_id IS NULL THEN
      RETURN NULL;
    END IF;
    -- Held until this transaction ends: a lookup of this team starting meanwhile waits for it (see the top).
    PERFORM pg_advisory_xact_lock_shared(21005, hashtext(team_id));
    words := factdesk_claim_words(NEW."exact");
    FOR r IN
      WITH found AS (
        SELECT s."id" FROM "Suggestion" s
        WHERE s."text" % NEW."exact" AND s."dismissedAt" IS NULL AND s."claimId" IS NULL
        UNION
        SELECT s."id" FROM "Suggestion" s
        WHERE words <> md5('')::uuid AND factdesk_claim_words(s."text") = words AND s."dismissedAt" IS NULL AND s."claimId" IS NULL
      ),
      candidate AS (
        -- The lookup's two steps, from the claim's side: same words and ≥ 0.45 alike, else `%` (≥ 0.45).
        SELECT s."id", similarity(NEW."exact", s."text") AS "similarity",
               (words <> md5('')::uuid AND factdesk_claim_words(s."text") = words AND similarity(NEW."exact", s."text") >= 0.45) AS "sameWords",
               NEW."exact" % s."text" AS "alike"
        FROM found f JOIN "Suggestion" s ON s."id" = f."id" JOIN "Article" a ON a."id" = s."articleId"
        WHERE a."teamId" = team_id AND s."bodyHash" = a."suggestionsHash"
      ),
      changed AS (
        -- Conditions on s's own columns only, so PostgreSQL re-checks them on the newest row when a lookup or another
        -- verdict wrote it meanwhile.
        UPDATE "Suggestion" s SET
          "checkedBeforeClaimId" = CASE WHEN s."checkedBeforePending" THEN s."checkedBeforeClaimId" ELSE NEW."id" END,
          "checkedBeforeSimilarity" = CASE WHEN s."checkedBeforePending" THEN s."checkedBeforeSimilarity" ELSE c."similarity" END,
          "checkedBeforeSameWords" = CASE WHEN s."checkedBeforePending" THEN s."checkedBeforeSameWords" ELSE c."sameWords" END,
          "checkedBeforeVerdictAt" = CASE WHEN s."checkedBeforePending" THEN s."checkedBeforeVerdictAt" ELSE NEW."verdictAt" END,
          "checkedBeforeVersion" = s."checkedBeforeVersion" + 1
        FROM candidate c
        WHERE s."id" = c."id" AND (c."sameWords" OR c."alike")
          AND (s."checkedBeforePending"
               OR s."checkedBeforeClaimId" IS NULL
               OR (s."checkedBeforeClaimId" <> NEW."id" AND (
                    (c."sameWords" AND NOT coalesce(s."checkedBeforeSameWords", false))
                 OR (c."sameWords" AND s."checkedBeforeSameWords" AND (
                       (NEW."verdictAt" IS NOT NULL AND (s."checkedBeforeVerdictAt" IS NULL OR NEW."verdictAt" > s."checkedBeforeVerdictAt"))
                    OR (NEW."verdictAt" IS NOT DISTINCT FROM s."checkedBeforeVerdictAt" AND NEW."id" < s."checkedBeforeClaimId")))
                 OR (NOT c."sameWords" AND NOT coalesce(s."checkedBeforeSameWords", false) AND (
                       c."similarity" > s."checkedBeforeSimilarity"::real
                    OR (c."similarity" = s."checkedBeforeSimilarity"::real AND NEW."id" < s."checkedBeforeClaimId"))))))
        RETURNING s."articleId"
      )
      SELECT DISTINCT "articleId" FROM changed
    LOOP
      PERFORM factdesk_checked_before_notify(r."articleId");
    END LOOP;
    RETURN NULL;
  END
  $$;

-- BEFORE, so the suggestions still point at the claim (the foreign key then sets their claim to null).
CREATE FUNCTION factdesk_checked_before_claim_gone() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM factdesk_checked_before_forget(OLD."id");
    RETURN OLD;
  END
  $$;

CREATE TRIGGER "Claim_checked_before_inserted" AFTER INSERT ON "Claim"
  FOR EACH ROW WHEN (NEW."verdictOrdinal" IS NOT NULL) EXECUTE FUNCTION factdesk_checked_before_claim_changed();
CREATE TRIGGER "Claim_checked_before_updated" AFTER UPDATE OF "verdictOrdinal", "exact", "verdictAt", "articleId" ON "Claim"
  FOR EACH ROW WHEN (OLD."verdictOrdinal" IS NOT NULL OR NEW."verdictOrdinal" IS NOT NULL)
  EXECUTE FUNCTION factdesk_checked_before_claim_changed();
CREATE TRIGGER "Claim_checked_before_deleted" BEFORE DELETE ON "Claim"
  FOR EACH ROW WHEN (OLD."verdictOrdinal" IS NOT NULL) EXECUTE FUNCTION factdesk_checked_before_claim_gone();
