-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "verdictKey" TEXT;

-- AlterTable
ALTER TABLE "ReviewVerdict" ADD COLUMN     "key" TEXT;

-- Stored verdicts get the key of their rating on the team's scale, as ratingOf (lib/teams/rating-scale.ts) finds
-- it: the rating with the stored label first, then the first rating with the stored value, else the default
-- scale's key for the value. Before this, readers derived the key from the value alone.
CREATE FUNCTION pg_temp.rating_key(scale jsonb, label text, ordinal int) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT COALESCE(
    (SELECT e->>'key' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(scale) = 'array' THEN scale ELSE '[]'::jsonb END)
       WITH ORDINALITY AS x(e, n) WHERE lower(btrim(e->>'label')) = lower(btrim(label)) ORDER BY n LIMIT 1),
    (SELECT e->>'key' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(scale) = 'array' THEN scale ELSE '[]'::jsonb END)
       WITH ORDINALITY AS x(e, n) WHERE e->>'ordinal' = ordinal::text ORDER BY n LIMIT 1),
    CASE ordinal WHEN 5 THEN 'true' WHEN 4 THEN 'mostly_true' WHEN 3 THEN 'misleading' WHEN 2 THEN 'mostly_false'
      WHEN 1 THEN 'false' WHEN 0 THEN 'unverifiable' END)
$$;

UPDATE "Claim" c SET "verdictKey" = pg_temp.rating_key(t."ratingScale", c."verdictLabel", c."verdictOrdinal")
FROM "Article" a JOIN "Team" t ON t.id = a."teamId"
WHERE a.id = c."articleId" AND c."verdictOrdinal" IS NOT NULL;

UPDATE "ReviewVerdict" r SET "key" = pg_temp.rating_key(t."ratingScale", r."label", r."ordinal")
FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" JOIN "Team" t ON t.id = a."teamId"
WHERE c.id = r."claimId";
